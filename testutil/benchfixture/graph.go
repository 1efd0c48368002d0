package benchfixture

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"time"

	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"

	"github.com/socialchain/socialchain/x/posts"
	postskeeper "github.com/socialchain/socialchain/x/posts/keeper"
	poststypes "github.com/socialchain/socialchain/x/posts/types"
	"github.com/socialchain/socialchain/x/profiles"
	profileskeeper "github.com/socialchain/socialchain/x/profiles/keeper"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
)

// Accounts is the number of profiles in every fixture.
const Accounts = 10_000

// CommitEvery is how many messages a fixture builder delivers between
// commits: a few blocks' worth, so the trees get versions and orphans as
// on a node without paying a commit per message.
const CommitEvery = 5000

// Genesis is the block time of height 0; each height adds BlockInterval.
var Genesis = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// BlockInterval is the time between two fixture heights.
const BlockInterval = 5 * time.Second

// ReaderGroup is a run of accounts that follow exactly Follows others, for
// the feed benchmarks; the other accounts follow 5 to 15.
type ReaderGroup struct {
	First, Count, Follows int
}

// ReaderGroups are the accounts whose feeds the benchmarks read.
var ReaderGroups = []ReaderGroup{
	{First: 0, Count: 50, Follows: 100},
	{First: 50, Count: 10, Follows: 1000},
}

// AddressCodec is the chain's account address codec.
var AddressCodec = addresscodec.NewBech32Codec("social")

// Address returns account i's address. It is a hash so accounts sort in
// no relation to their number, as real addresses do.
func Address(i int) sdk.AccAddress {
	h := sha256.Sum256(binary.BigEndian.AppendUint64([]byte("socialchain bench account "), uint64(i)))
	return sdk.AccAddress(h[:20])
}

// AddressString returns the bech32 form of Address(i).
func AddressString(i int) string {
	s, err := AddressCodec.BytesToString(Address(i))
	if err != nil {
		panic(err) // 20 bytes always encode
	}
	return s
}

// Handle returns account i's handle.
func Handle(i int) string {
	return fmt.Sprintf("user%05d", i)
}

// Popularity draws account numbers with a long tail: account 0 gets 1.7%
// of the draws and the top 219 accounts half of them. Authors of posts and targets of follows use it, so the
// accounts that post most are also the most followed.
type Popularity struct {
	z *rand.Zipf
}

// NewPopularity returns a Popularity drawing from rng.
func NewPopularity(rng *rand.Rand) Popularity {
	return Popularity{z: rand.NewZipf(rng, 1.05, 10, Accounts-1)}
}

// Next draws an account number.
func (p Popularity) Next() int {
	return int(p.z.Uint64())
}

// GraphVersion is part of the graph fixture's name; bump it when the
// graph generator or the profiles state layout changes.
const GraphVersion = 1

// Keepers are the profiles and posts keepers over a Store, wired as the
// app wires them except for the settlement hooks, which the benchmarks
// leave out.
type Keepers struct {
	Store    *Store
	Profiles profileskeeper.Keeper
	Posts    postskeeper.Keeper
}

// OpenKeepers opens the store in dir with the profiles and posts trees.
func OpenKeepers(dir string) (*Keepers, error) {
	profilesKey := storetypes.NewKVStoreKey(profilestypes.StoreKey)
	postsKey := storetypes.NewKVStoreKey(poststypes.StoreKey)
	store, err := Open(dir, profilesKey, postsKey)
	if err != nil {
		return nil, err
	}
	enc := moduletestutil.MakeTestEncodingConfig(profiles.AppModule{}, posts.AppModule{})
	authority, err := AddressCodec.BytesToString(authtypes.NewModuleAddress(govtypes.ModuleName))
	if err != nil {
		store.Close()
		return nil, err
	}
	pk := profileskeeper.NewKeeper(enc.Codec, runtime.NewKVStoreService(profilesKey), AddressCodec, authority)
	return &Keepers{
		Store:    store,
		Profiles: pk,
		Posts:    postskeeper.NewKeeper(enc.Codec, runtime.NewKVStoreService(postsKey), AddressCodec, authority, pk),
	}, nil
}

// CachedGraph returns the directory of the graph fixture: genesis of both
// modules, then Accounts profiles, each following others. Every posts
// fixture starts from a copy of it, so they share the same graph and
// their sizes differ by the posts alone.
func CachedGraph() (string, Meta, error) {
	return Cached(fmt.Sprintf("graph-v%d", GraphVersion), func(dir string) error {
		k, err := OpenKeepers(dir)
		if err != nil {
			return err
		}
		defer k.Store.Close()
		return k.buildGraph(rand.New(rand.NewPCG(GraphVersion, 1)))
	})
}

// buildGraph writes genesis, creates the profiles and follows through the
// profiles Msg service and commits them.
func (k *Keepers) buildGraph(rng *rand.Rand) error {
	ctx := k.Store.WriteContext()
	if err := k.Profiles.InitGenesis(ctx, profilestypes.DefaultGenesis()); err != nil {
		return err
	}
	if err := k.Posts.InitGenesis(ctx, poststypes.DefaultGenesis()); err != nil {
		return err
	}
	k.Store.Commit()

	msgs := profileskeeper.NewMsgServerImpl(k.Profiles)
	ctx, pending := k.Store.WriteContext(), 0
	// deliver runs one message and commits every CommitEvery messages.
	deliver := func(run func() error) error {
		if err := run(); err != nil {
			return err
		}
		if pending++; pending == CommitEvery {
			k.Store.Commit()
			ctx, pending = k.Store.WriteContext(), 0
		}
		return nil
	}
	for i := range Accounts {
		msg := &profilestypes.MsgCreateProfile{
			Owner:       AddressString(i),
			Handle:      Handle(i),
			DisplayName: fmt.Sprintf("Bench User %d", i),
			Bio:         "Posts about benchmarks, fixtures and the occasional cat.",
		}
		if err := deliver(func() error { _, err := msgs.CreateProfile(ctx, msg); return err }); err != nil {
			return fmt.Errorf("profile %d: %w", i, err)
		}
	}
	pop := NewPopularity(rng)
	for i := range Accounts {
		n := 5 + rng.IntN(11)
		for _, grp := range ReaderGroups {
			if i >= grp.First && i < grp.First+grp.Count {
				n = grp.Follows
			}
		}
		followed := map[int]bool{i: true}
		for len(followed) <= n {
			// Popular accounts get most follows; a uniform draw now and
			// then reaches the tail, which the long reader lists need.
			j := pop.Next()
			if rng.IntN(4) == 0 {
				j = rng.IntN(Accounts)
			}
			if followed[j] {
				continue
			}
			followed[j] = true
			msg := &profilestypes.MsgFollow{Follower: AddressString(i), Followee: AddressString(j)}
			if err := deliver(func() error { _, err := msgs.Follow(ctx, msg); return err }); err != nil {
				return fmt.Errorf("follow %d -> %d: %w", i, j, err)
			}
		}
	}
	k.Store.Commit()
	return nil
}
