package keeper_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/socialchain/socialchain/testutil/benchfixture"
	"github.com/socialchain/socialchain/x/posts/keeper"
	"github.com/socialchain/socialchain/x/posts/types"
)

// postsFixtureVersion is part of every cached posts fixture's name; bump it
// when the generator or the state layout changes, so no benchmark reads a
// fixture built by older code. Version 2 added LatestPost.
const postsFixtureVersion = 2

// The shape of a posts fixture on top of the benchfixture graph: the
// share of posts with hashtags, mentions and a parent, and of reactions.
const (
	hashtagShare  = 0.30 // carry one or two hashtags
	mentionShare  = 0.10 // mention an account
	replyShare    = 0.20 // reply to one of the last replyWindow posts
	replyWindow   = 2000
	reactionShare = 0.25 // one "like" per four posts, on a recent post
	tagVocabulary = 1000
)

// benchFixture is the keepers over a cached on-disk fixture of n posts by
// benchfixture.Accounts authors.
type benchFixture struct {
	*benchfixture.Keepers
	n     int
	meta  benchfixture.Meta
	graph benchfixture.Meta
	msgs  types.MsgServer
	query types.QueryServer
}

// openBench is the fixture the running benchmark uses. One is open at a
// time: each holds a database lock and an IAVL node cache.
var openBench *benchFixture

// loadBenchFixture returns the fixture of n posts, building and caching it
// on first use: about half an hour for 1M posts, seconds to reopen.
func loadBenchFixture(b *testing.B, n int) *benchFixture {
	b.Helper()
	if openBench != nil && openBench.n == n {
		return openBench
	}
	if openBench != nil {
		if err := openBench.Store.Close(); err != nil {
			b.Fatal(err)
		}
		openBench = nil
	}
	graphDir, graph, err := benchfixture.CachedGraph()
	if err != nil {
		b.Fatal(err)
	}
	name := fmt.Sprintf("posts-v%d-g%d-%d", postsFixtureVersion, benchfixture.GraphVersion, n)
	dir, meta, err := benchfixture.Cached(name, func(dir string) error {
		b.Logf("building fixture %s (once; cached under .cache/bench-fixtures)", name)
		if err := benchfixture.CopyDir(graphDir, dir); err != nil {
			return err
		}
		k, err := benchfixture.OpenKeepers(dir)
		if err != nil {
			return err
		}
		defer k.Store.Close()
		return buildPosts(k, n)
	})
	if err != nil {
		b.Fatal(err)
	}
	k, err := benchfixture.OpenKeepers(dir)
	if err != nil {
		b.Fatal(err)
	}
	openBench = &benchFixture{
		Keepers: k, n: n, meta: meta, graph: graph,
		msgs: keeper.NewMsgServerImpl(k.Posts), query: keeper.NewQueryServerImpl(k.Posts),
	}
	return openBench
}

// buildPosts adds n posts, and reactions, to the graph fixture in k
// through the Msg service, committing every benchfixture.CommitEvery posts.
func buildPosts(k *benchfixture.Keepers, n int) error {
	msgs := keeper.NewMsgServerImpl(k.Posts)
	rng := rand.New(rand.NewPCG(uint64(n), postsFixtureVersion))
	authors := benchfixture.NewPopularity(rng)
	tags := rand.NewZipf(rng, 1.1, 2, tagVocabulary-1)
	ctx, pending := k.Store.WriteContext(), 0
	for id := uint64(1); id <= uint64(n); id++ {
		msg := &types.MsgCreatePost{Author: benchfixture.AddressString(authors.Next())}
		var text strings.Builder
		if rng.Float64() < mentionShare {
			fmt.Fprintf(&text, "@%s", benchfixture.Handle(rng.IntN(benchfixture.Accounts)))
		}
		writeWords(&text, rng, 40+rng.IntN(200))
		if rng.Float64() < hashtagShare {
			for range 1 + rng.IntN(2) {
				fmt.Fprintf(&text, " #%s", benchTag(int(tags.Uint64())))
			}
		}
		msg.Text = text.String()
		if id > 1 && rng.Float64() < replyShare {
			msg.ReplyTo = id - 1 - uint64(rng.IntN(int(min(id-1, replyWindow))))
		}
		res, err := msgs.CreatePost(ctx, msg)
		if err != nil {
			return fmt.Errorf("post %d: %w", id, err)
		}
		if res.ID != id {
			return fmt.Errorf("post %d got id %d: the fixture expects ids 1..n", id, res.ID)
		}
		if rng.Float64() < reactionShare {
			react := &types.MsgReact{
				User:   benchfixture.AddressString(rng.IntN(benchfixture.Accounts)),
				PostID: id - uint64(rng.IntN(int(min(id, replyWindow)))),
				Kind:   types.ReactionLike,
			}
			if _, err := msgs.React(ctx, react); err != nil && !errors.Is(err, types.ErrAlreadyReacted) {
				return fmt.Errorf("reaction on post %d: %w", react.PostID, err)
			}
		}
		if pending++; pending == benchfixture.CommitEvery {
			k.Store.Commit()
			ctx, pending = k.Store.WriteContext(), 0
		}
	}
	k.Store.Commit()
	return nil
}

// benchWords are what fixture texts are made of.
var benchWords = strings.Fields(`the a chain block post feed reply gm
	validator node stake vote proposal today thread photo music coffee café
	weekend build ship test bench latency disk memory cat dog city rain sun
	night morning friends news sport game love 🎉 great new first again`)

// writeWords appends random words to sb up to about runes runes.
func writeWords(sb *strings.Builder, rng *rand.Rand, runes int) {
	for n := 0; n < runes; {
		w := benchWords[rng.IntN(len(benchWords))]
		if sb.Len() > 0 {
			sb.WriteByte(' ')
			n++
		}
		sb.WriteString(w)
		n += len([]rune(w))
	}
}

// benchTag is hashtag i of the fixture vocabulary; lower i are more used.
func benchTag(i int) string {
	return fmt.Sprintf("topic%03d", i)
}
