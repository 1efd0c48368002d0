package keeper_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/testutil/benchfixture"
	"github.com/socialchain/socialchain/x/profiles/keeper"
	"github.com/socialchain/socialchain/x/profiles/types"
)

// BenchmarkFollow measures a follow on the committed graph fixture
// (testutil/benchfixture: 10k profiles, ~115k follows), by accounts
// outside the reader groups, of accounts drawn by popularity.
// `make bench-keeper` runs it.
func BenchmarkFollow(b *testing.B) {
	b.Run(fmt.Sprintf("profiles=%d", benchfixture.Accounts), func(b *testing.B) {
		dir, _, err := benchfixture.CachedGraph()
		if err != nil {
			b.Fatal(err)
		}
		k, err := benchfixture.OpenKeepers(dir)
		if err != nil {
			b.Fatal(err)
		}
		defer k.Store.Close()
		edges := newFollowEdges(b, k)
		msgs := keeper.NewMsgServerImpl(k.Profiles)
		benchfixture.RunMsgs(b, k.Store, func(ctx sdk.Context, i int) error {
			e := edges[i%len(edges)]
			_, err := msgs.Follow(ctx, &types.MsgFollow{Follower: e[0], Followee: e[1]})
			return err
		})
	})
}

// newFollowEdges returns distinct follow edges absent from the fixture, at
// least a block's worth, so no block repeats one.
func newFollowEdges(b *testing.B, k *benchfixture.Keepers) [][2]string {
	b.Helper()
	ctx, err := k.Store.QueryContext()
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 7))
	pop := benchfixture.NewPopularity(rng)
	firstFollower := 0
	for _, g := range benchfixture.ReaderGroups {
		firstFollower = max(firstFollower, g.First+g.Count)
	}
	seen := map[[2]int]bool{}
	var edges [][2]string
	for len(edges) < benchfixture.BlockMsgs {
		from := firstFollower + rng.IntN(benchfixture.Accounts-firstFollower)
		to := pop.Next()
		if from == to || seen[[2]int{from, to}] {
			continue
		}
		seen[[2]int{from, to}] = true
		has, err := k.Profiles.IsFollowing(ctx, benchfixture.Address(from), benchfixture.Address(to))
		if err != nil {
			b.Fatal(err)
		}
		if !has {
			edges = append(edges, [2]string{benchfixture.AddressString(from), benchfixture.AddressString(to)})
		}
	}
	return edges
}
