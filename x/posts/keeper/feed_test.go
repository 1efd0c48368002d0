package keeper_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/socialchain/socialchain/x/posts/types"
)

func TestFeed(t *testing.T) {
	f := newFixture(t)
	f.withProfile("alice", "bob", "carol", "dave")
	alice, _ := f.account("alice")
	bob, _ := f.account("bob")
	carol, _ := f.account("carol")
	f.profiles.follow(bob, alice)
	f.profiles.follow(bob, carol)

	// Interleaved posts: alice 1 4 7, carol 2 5 8, dave 3 6 9 (not followed).
	for range 3 {
		f.post(t, "alice", "a")
		f.post(t, "carol", "c")
		f.post(t, "dave", "d")
	}
	_, err := f.msgs.DeletePost(f.ctx, &types.MsgDeletePost{Author: f.addr("carol"), PostID: 5})
	require.NoError(t, err)

	res, err := f.query.Feed(f.ctx, &types.QueryFeedRequest{Address: f.addr("bob")})
	require.NoError(t, err)
	require.Equal(t, []uint64{8, 7, 4, 2, 1}, ids(res.Posts), "followed authors merged newest first, deleted posts left out")

	t.Run("pages are stable while posts arrive", func(t *testing.T) {
		page1, err := f.query.Feed(f.ctx, &types.QueryFeedRequest{Address: f.addr("bob"), Pagination: &query.PageRequest{Limit: 2}})
		require.NoError(t, err)
		require.Equal(t, []uint64{8, 7}, ids(page1.Posts))
		f.post(t, "alice", "newer")
		f.post(t, "carol", "newer")
		page2, err := f.query.Feed(f.ctx, &types.QueryFeedRequest{Address: f.addr("bob"), Pagination: &query.PageRequest{Key: page1.Pagination.NextKey, Limit: 2}})
		require.NoError(t, err)
		require.Equal(t, []uint64{4, 2}, ids(page2.Posts))
		page3, err := f.query.Feed(f.ctx, &types.QueryFeedRequest{Address: f.addr("bob"), Pagination: &query.PageRequest{Key: page2.Pagination.NextKey, Limit: 2}})
		require.NoError(t, err)
		require.Equal(t, []uint64{1}, ids(page3.Posts))
		require.Nil(t, page3.Pagination.NextKey)
	})

	t.Run("reverse lists the feed oldest first", func(t *testing.T) {
		res, err := f.query.Feed(f.ctx, &types.QueryFeedRequest{Address: f.addr("bob"), Pagination: &query.PageRequest{Limit: 3, Reverse: true}})
		require.NoError(t, err)
		require.Equal(t, []uint64{1, 2, 4}, ids(res.Posts))
		res, err = f.query.Feed(f.ctx, &types.QueryFeedRequest{Address: f.addr("bob"), Pagination: &query.PageRequest{Limit: 2, Reverse: true, Key: res.Pagination.NextKey}})
		require.NoError(t, err)
		require.Equal(t, []uint64{7, 8}, ids(res.Posts))
	})

	t.Run("an account that follows nobody has an empty feed", func(t *testing.T) {
		res, err := f.query.Feed(f.ctx, &types.QueryFeedRequest{Address: f.addr("dave")})
		require.NoError(t, err)
		require.Empty(t, res.Posts)
	})

	t.Run("a malformed address is refused", func(t *testing.T) {
		_, err := f.query.Feed(f.ctx, &types.QueryFeedRequest{Address: "bob"})
		require.ErrorIs(t, err, types.ErrInvalidAddress)
	})
}

// TestFeedMatchesMergedAuthorLists checks the k-way merge against the
// obvious answer on a larger, uneven follow graph, page by page.
func TestFeedMatchesMergedAuthorLists(t *testing.T) {
	f := newFixture(t)
	reader, _ := f.account("reader")
	var want []uint64
	followed := map[string]bool{}
	for i := range 12 {
		name := fmt.Sprintf("author%02d", i)
		f.withProfile(name)
		if i%3 != 0 {
			a, _ := f.account(name)
			f.profiles.follow(reader, a)
			followed[name] = true
		}
	}
	for n := range 150 {
		name := fmt.Sprintf("author%02d", (n*7)%12)
		id := f.post(t, name, "p")
		if followed[name] {
			want = append([]uint64{id}, want...)
		}
	}
	var got []uint64
	var key []byte
	for {
		res, err := f.query.Feed(f.ctx, &types.QueryFeedRequest{Address: f.addr("reader"), Pagination: &query.PageRequest{Key: key, Limit: 7}})
		require.NoError(t, err)
		got = append(got, ids(res.Posts)...)
		if key = res.Pagination.NextKey; key == nil {
			break
		}
	}
	require.Equal(t, want, got)
}

// BenchmarkFeedQuery measures one 50-post feed page for readers following F
// accounts with 20 posts each.
func BenchmarkFeedQuery(b *testing.B) {
	for _, follows := range []int{10, 100, 1000} {
		b.Run(fmt.Sprintf("follows=%d", follows), func(b *testing.B) {
			f := newFixture(b)
			reader, _ := f.account("reader")
			names := make([]string, follows)
			for i := range names {
				names[i] = fmt.Sprintf("author%05d", i)
				f.withProfile(names[i])
				a, _ := f.account(names[i])
				f.profiles.follow(reader, a)
			}
			for range 20 {
				for _, n := range names {
					f.post(b, n, "benchmark post #bench")
				}
			}
			f.commit()
			req := &types.QueryFeedRequest{Address: f.addr("reader"), Pagination: &query.PageRequest{Limit: 50}}
			for b.Loop() {
				res, err := f.query.Feed(f.ctx, req)
				if err != nil || len(res.Posts) != 50 {
					b.Fatal(err, len(res.Posts))
				}
			}
		})
	}
}

// BenchmarkCreatePost measures publishing a post with a hashtag and a
// mention, into a store that already holds posts.
func BenchmarkCreatePost(b *testing.B) {
	f := newFixture(b)
	f.withProfile("alice", "bob")
	msg := &types.MsgCreatePost{Author: f.addr("alice"), Text: "hello @bob, this is #socialchain"}
	for b.Loop() {
		if _, err := f.msgs.CreatePost(f.ctx, msg); err != nil {
			b.Fatal(err)
		}
	}
}
