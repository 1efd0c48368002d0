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

// TestFeedReadsPastDeletedNewestPosts checks the feed when a followee's
// recorded latest post is a tombstone and when all their posts are older
// than the page: the latest-post bound is then too high, never wrong.
func TestFeedReadsPastDeletedNewestPosts(t *testing.T) {
	f := newFixture(t)
	f.withProfile("alice", "bob", "carol", "reader")
	reader, _ := f.account("reader")
	for _, n := range []string{"alice", "bob", "carol"} {
		a, _ := f.account(n)
		f.profiles.follow(reader, a)
	}
	a1 := f.post(t, "alice", "old")    // 1
	b2 := f.post(t, "bob", "b")        // 2
	a3 := f.post(t, "alice", "a")      // 3
	b4 := f.post(t, "bob", "b")        // 4
	a5 := f.post(t, "alice", "newest") // 5, deleted below
	for range 3 {
		f.post(t, "carol", "c") // 6 7 8
	}
	_, err := f.msgs.DeletePost(f.ctx, &types.MsgDeletePost{Author: f.addr("alice"), PostID: a5})
	require.NoError(t, err)
	alice, _ := f.account("alice")
	latest, err := f.k.LatestPost.Get(f.ctx, alice)
	require.NoError(t, err)
	require.Equal(t, a5, latest, "a delete leaves the latest post as an upper bound")

	var got []uint64
	var key []byte
	for {
		res, err := f.query.Feed(f.ctx, &types.QueryFeedRequest{Address: f.addr("reader"), Pagination: &query.PageRequest{Key: key, Limit: 2}})
		require.NoError(t, err)
		got = append(got, ids(res.Posts)...)
		if key = res.Pagination.NextKey; key == nil {
			break
		}
		require.NotEmpty(t, res.Posts, "a page with a next key lists posts")
	}
	require.Equal(t, []uint64{8, 7, 6, b4, a3, b2, a1}, got)
}

// TestRebuildLatestPosts checks the upgrade path: posts written before
// LatestPost existed get their authors' entries back from PostsByAuthor,
// and the feed is right both before and after.
func TestRebuildLatestPosts(t *testing.T) {
	f := newFixture(t)
	f.withProfile("alice", "bob", "reader")
	reader, _ := f.account("reader")
	alice, _ := f.account("alice")
	bob, _ := f.account("bob")
	f.profiles.follow(reader, alice)
	f.profiles.follow(reader, bob)
	for _, n := range []string{"alice", "bob", "alice", "bob", "alice"} {
		f.post(t, n, "p") // alice 1 3 5, bob 2 4
	}
	_, err := f.msgs.DeletePost(f.ctx, &types.MsgDeletePost{Author: f.addr("alice"), PostID: 5})
	require.NoError(t, err)
	feed := func() []uint64 {
		res, err := f.query.Feed(f.ctx, &types.QueryFeedRequest{Address: f.addr("reader")})
		require.NoError(t, err)
		return ids(res.Posts)
	}

	require.NoError(t, f.k.LatestPost.Clear(f.ctx, nil))
	require.Equal(t, []uint64{4, 3, 2, 1}, feed(), "without entries the feed opens every range")
	require.NoError(t, f.k.RebuildLatestPosts(f.ctx))
	for addr, want := range map[string]uint64{string(alice): 3, string(bob): 4} {
		got, err := f.k.LatestPost.Get(f.ctx, []byte(addr))
		require.NoError(t, err)
		require.Equal(t, want, got, "newest live post")
	}
	require.Equal(t, []uint64{4, 3, 2, 1}, feed())
}
