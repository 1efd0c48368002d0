package keeper_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/socialchain/socialchain/testutil/benchfixture"
	"github.com/socialchain/socialchain/x/posts/types"
)

// The keeper benchmarks run on cached on-disk fixtures (benchfixture_test.go)
// of each size in benchSizes, as sub-benchmarks named posts=N; select sizes
// with -bench, e.g. -bench '/posts=100000$'. `make bench-keeper` runs them.
var benchSizes = []int{10_000, 100_000, 1_000_000}

// benchPage is the page size of the list benchmarks: the default limit.
const benchPage = 50

// forEachSize runs bench on the fixture of each size.
func forEachSize(b *testing.B, bench func(b *testing.B, f *benchFixture)) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("posts=%d", n), func(b *testing.B) {
			bench(b, loadBenchFixture(b, n))
		})
	}
}

// benchRand is the input generator of a benchmark; fixed seeds make runs
// read the same accounts and tags.
func benchRand() *rand.Rand {
	return rand.New(rand.NewPCG(7, 7))
}

// BenchmarkCreatePost measures a 140-rune post with a hashtag and a
// mention, by authors drawn as the fixture draws them.
func BenchmarkCreatePost(b *testing.B) {
	forEachSize(b, func(b *testing.B, f *benchFixture) {
		authors := benchfixture.NewPopularity(benchRand())
		benchfixture.RunMsgs(b, f.Store, func(ctx sdk.Context, i int) error {
			msg := &types.MsgCreatePost{
				Author: benchfixture.AddressString(authors.Next()),
				Text:   text140(benchfixture.Handle(i%benchfixture.Accounts), benchTag(i%tagVocabulary)),
			}
			_, err := f.msgs.CreatePost(ctx, msg)
			return err
		})
	})
}

// text140 is a post of exactly 140 runes, some of them two bytes, that
// mentions handle and tags tag.
func text140(handle, tag string) string {
	head, tail := "@"+handle+" ", " #"+tag
	fill := 140 - len([]rune(head)) - len([]rune(tail))
	body := []rune(strings.Repeat("café au lait at the node meetup, ", 10))[:fill]
	return head + string(body) + tail
}

// BenchmarkReact measures a reaction to a post spread over the whole id
// range, by a different account each message of a block.
func BenchmarkReact(b *testing.B) {
	forEachSize(b, func(b *testing.B, f *benchFixture) {
		benchfixture.RunMsgs(b, f.Store, func(ctx sdk.Context, i int) error {
			// The fixture only likes; 🔥 and distinct users per block keep
			// (post, user, kind) new.
			msg := &types.MsgReact{
				User:   benchfixture.AddressString(i % benchfixture.Accounts),
				PostID: 1 + uint64(i)*2654435761%uint64(f.n),
				Kind:   "🔥",
			}
			_, err := f.msgs.React(ctx, msg)
			return err
		})
	})
}

// BenchmarkFeedQuery measures the first page of the feed of readers that
// follow 100 and 1000 accounts.
func BenchmarkFeedQuery(b *testing.B) {
	forEachSize(b, func(b *testing.B, f *benchFixture) {
		for _, grp := range benchfixture.ReaderGroups {
			b.Run(fmt.Sprintf("follows=%d", grp.Follows), func(b *testing.B) {
				benchfixture.RunQueries(b, f.Store, func(ctx sdk.Context, i int) (int, error) {
					res, err := f.query.Feed(ctx, &types.QueryFeedRequest{
						Address:    benchfixture.AddressString(grp.First + i%grp.Count),
						Pagination: &query.PageRequest{Limit: benchPage},
					})
					if err != nil {
						return 0, err
					}
					return len(res.Posts), nil
				})
			})
		}
	})
}

// BenchmarkPostsByAuthorQuery measures the first page of an author's posts,
// authors drawn by popularity as profile views would be.
func BenchmarkPostsByAuthorQuery(b *testing.B) {
	forEachSize(b, func(b *testing.B, f *benchFixture) {
		authors := benchfixture.NewPopularity(benchRand())
		benchfixture.RunQueries(b, f.Store, func(ctx sdk.Context, _ int) (int, error) {
			res, err := f.query.PostsByAuthor(ctx, &types.QueryPostsByAuthorRequest{
				Address:    benchfixture.AddressString(authors.Next()),
				Pagination: &query.PageRequest{Limit: benchPage},
			})
			if err != nil {
				return 0, err
			}
			return len(res.Posts), nil
		})
	})
}

// BenchmarkPostsByHashtagQuery measures the first page of a hashtag's
// posts, tags drawn as the fixture uses them.
func BenchmarkPostsByHashtagQuery(b *testing.B) {
	forEachSize(b, func(b *testing.B, f *benchFixture) {
		tags := rand.NewZipf(benchRand(), 1.1, 2, tagVocabulary-1)
		benchfixture.RunQueries(b, f.Store, func(ctx sdk.Context, _ int) (int, error) {
			res, err := f.query.PostsByHashtag(ctx, &types.QueryPostsByHashtagRequest{
				Tag:        benchTag(int(tags.Uint64())),
				Pagination: &query.PageRequest{Limit: benchPage},
			})
			if err != nil {
				return 0, err
			}
			return len(res.Posts), nil
		})
	})
}

// BenchmarkPostsQuery measures the first page of all posts, newest first.
func BenchmarkPostsQuery(b *testing.B) {
	forEachSize(b, func(b *testing.B, f *benchFixture) {
		benchfixture.RunQueries(b, f.Store, func(ctx sdk.Context, _ int) (int, error) {
			res, err := f.query.Posts(ctx, &types.QueryPostsRequest{Pagination: &query.PageRequest{Limit: benchPage}})
			if err != nil {
				return 0, err
			}
			return len(res.Posts), nil
		})
	})
}

// compactedBytes caches the compacted sizes BenchmarkFixtureDisk measured,
// by fixture size, so the benchmark's reruns do not compact again.
var compactedBytes = map[int][2]int64{}

// BenchmarkFixtureDisk reports what the posts add to the application
// database, per post: bytes/post as the build left it (goleveldb compacting
// in the background, as on a node) and compacted-bytes/post after a full
// manual compaction, which a node never runs; both minus the graph fixture
// the posts fixture started from, measured the same way. Reactions (one per
// four posts) are counted with the posts. One op walks the directory.
func BenchmarkFixtureDisk(b *testing.B) {
	forEachSize(b, func(b *testing.B, f *benchFixture) {
		sizes, ok := compactedBytes[f.n]
		if !ok {
			// Compaction needs the database to itself.
			if err := f.Store.Close(); err != nil {
				b.Fatal(err)
			}
			openBench = nil
			graphDir, _, err := benchfixture.CachedGraph()
			if err != nil {
				b.Fatal(err)
			}
			for i, dir := range []string{f.Store.Dir, graphDir} {
				if sizes[i], err = benchfixture.CompactedBytes(dir); err != nil {
					b.Fatal(err)
				}
			}
			compactedBytes[f.n] = sizes
		}
		for b.Loop() {
			if _, err := benchfixture.DirBytes(f.Store.Dir); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(f.meta.Bytes-f.graph.Bytes)/float64(f.n), "bytes/post")
		b.ReportMetric(float64(sizes[0]-sizes[1])/float64(f.n), "compacted-bytes/post")
		b.ReportMetric(float64(f.meta.Bytes)/1e6, "db-MB")
		b.ReportMetric(f.meta.BuildSeconds, "build-s")
	})
}
