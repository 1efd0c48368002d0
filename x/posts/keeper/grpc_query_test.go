package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/socialchain/socialchain/x/posts/types"
)

// ids returns the post ids of views, in order.
func ids(views []types.PostView) []uint64 {
	out := make([]uint64, len(views))
	for i, v := range views {
		out[i] = v.Post.ID
	}
	return out
}

func TestQueryPost(t *testing.T) {
	f := seed(t)
	_, err := f.msgs.CreatePost(f.ctx, &types.MsgCreatePost{Author: f.addr("carol"), Text: "re", ReplyTo: alicePost})
	require.NoError(t, err)

	res, err := f.query.Post(f.ctx, &types.QueryPostRequest{Id: alicePost})
	require.NoError(t, err)
	require.Equal(t, "hello #socialchain @bob", res.Post.Post.Text)
	require.Equal(t, types.PostCounters{Replies: 1, Reposts: 1, Reactions: []types.ReactionCount{{Kind: "like", Count: 1}}}, res.Post.Counters)

	res, err = f.query.Post(f.ctx, &types.QueryPostRequest{Id: deletedPost})
	require.NoError(t, err)
	require.True(t, res.Post.Post.Deleted, "a tombstone is still readable")

	_, err = f.query.Post(f.ctx, &types.QueryPostRequest{Id: missingPost})
	require.ErrorIs(t, err, types.ErrPostNotFound)
}

func TestQueryPostsByAuthor(t *testing.T) {
	f := newFixture(t)
	f.withProfile("alice", "bob")
	for range 5 {
		f.post(t, "alice", "a")
		f.post(t, "bob", "b")
	}
	// alice: 1 3 5 7 9; delete 5.
	_, err := f.msgs.DeletePost(f.ctx, &types.MsgDeletePost{Author: f.addr("alice"), PostID: 5})
	require.NoError(t, err)

	res, err := f.query.PostsByAuthor(f.ctx, &types.QueryPostsByAuthorRequest{Address: f.addr("alice")})
	require.NoError(t, err)
	require.Equal(t, []uint64{9, 7, 3, 1}, ids(res.Posts), "newest first, deleted posts left out")
	require.Nil(t, res.Pagination.NextKey)

	_, err = f.query.PostsByAuthor(f.ctx, &types.QueryPostsByAuthorRequest{Address: "nope"})
	require.ErrorIs(t, err, types.ErrInvalidAddress)
}

func TestQueryPosts(t *testing.T) {
	f := newFixture(t)
	f.withProfile("alice", "bob")
	for range 3 {
		f.post(t, "alice", "a")
		f.post(t, "bob", "b")
	}
	_, err := f.msgs.DeletePost(f.ctx, &types.MsgDeletePost{Author: f.addr("bob"), PostID: 4})
	require.NoError(t, err)

	res, err := f.query.Posts(f.ctx, &types.QueryPostsRequest{})
	require.NoError(t, err)
	require.Equal(t, []uint64{6, 5, 3, 2, 1}, ids(res.Posts), "every author, newest first, deleted posts left out")
	require.Nil(t, res.Pagination.NextKey)

	page1, err := f.query.Posts(f.ctx, &types.QueryPostsRequest{Pagination: &query.PageRequest{Limit: 2, CountTotal: true}})
	require.NoError(t, err)
	require.Equal(t, []uint64{6, 5}, ids(page1.Posts))
	require.Equal(t, uint64(5), page1.Pagination.Total, "the total counts live posts")
	f.post(t, "alice", "arrives between pages")
	page2, err := f.query.Posts(f.ctx, &types.QueryPostsRequest{Pagination: &query.PageRequest{Key: page1.Pagination.NextKey, Limit: 2}})
	require.NoError(t, err)
	require.Equal(t, []uint64{3, 2}, ids(page2.Posts), "the page after 5 skips the tombstone 4")
	page3, err := f.query.Posts(f.ctx, &types.QueryPostsRequest{Pagination: &query.PageRequest{Key: page2.Pagination.NextKey, Limit: 2}})
	require.NoError(t, err)
	require.Equal(t, []uint64{1}, ids(page3.Posts))
	require.Nil(t, page3.Pagination.NextKey)

	oldest, err := f.query.Posts(f.ctx, &types.QueryPostsRequest{Pagination: &query.PageRequest{Limit: 3, Reverse: true}})
	require.NoError(t, err)
	require.Equal(t, []uint64{1, 2, 3}, ids(oldest.Posts))

	_, err = f.query.Posts(f.ctx, &types.QueryPostsRequest{Pagination: &query.PageRequest{Offset: 1}})
	require.ErrorIs(t, err, types.ErrInvalidRequest)
	_, err = f.query.Posts(f.ctx, nil)
	require.ErrorIs(t, err, types.ErrInvalidRequest)
}

func TestPaginationIsStableWhilePostsArrive(t *testing.T) {
	f := newFixture(t)
	f.withProfile("alice")
	for range 5 {
		f.post(t, "alice", "p")
	}
	addr := f.addr("alice")
	page1, err := f.query.PostsByAuthor(f.ctx, &types.QueryPostsByAuthorRequest{Address: addr, Pagination: &query.PageRequest{Limit: 2, CountTotal: true}})
	require.NoError(t, err)
	require.Equal(t, []uint64{5, 4}, ids(page1.Posts))
	require.Equal(t, uint64(5), page1.Pagination.Total)
	require.NotNil(t, page1.Pagination.NextKey)

	// New posts arrive between pages; the next page continues below 4.
	f.post(t, "alice", "new 6")
	f.post(t, "alice", "new 7")
	page2, err := f.query.PostsByAuthor(f.ctx, &types.QueryPostsByAuthorRequest{Address: addr, Pagination: &query.PageRequest{Key: page1.Pagination.NextKey, Limit: 2}})
	require.NoError(t, err)
	require.Equal(t, []uint64{3, 2}, ids(page2.Posts))
	page3, err := f.query.PostsByAuthor(f.ctx, &types.QueryPostsByAuthorRequest{Address: addr, Pagination: &query.PageRequest{Key: page2.Pagination.NextKey, Limit: 2}})
	require.NoError(t, err)
	require.Equal(t, []uint64{1}, ids(page3.Posts))
	require.Nil(t, page3.Pagination.NextKey, "the last page has no next key")

	t.Run("reverse lists oldest first", func(t *testing.T) {
		res, err := f.query.PostsByAuthor(f.ctx, &types.QueryPostsByAuthorRequest{Address: addr, Pagination: &query.PageRequest{Limit: 3, Reverse: true}})
		require.NoError(t, err)
		require.Equal(t, []uint64{1, 2, 3}, ids(res.Posts))
		res, err = f.query.PostsByAuthor(f.ctx, &types.QueryPostsByAuthorRequest{Address: addr, Pagination: &query.PageRequest{Key: res.Pagination.NextKey, Reverse: true}})
		require.NoError(t, err)
		require.Equal(t, []uint64{4, 5, 6, 7}, ids(res.Posts))
	})
	t.Run("offset is refused", func(t *testing.T) {
		_, err := f.query.PostsByAuthor(f.ctx, &types.QueryPostsByAuthorRequest{Address: addr, Pagination: &query.PageRequest{Offset: 2}})
		require.ErrorIs(t, err, types.ErrInvalidRequest)
	})
	t.Run("a key that no page returned is refused", func(t *testing.T) {
		_, err := f.query.PostsByAuthor(f.ctx, &types.QueryPostsByAuthorRequest{Address: addr, Pagination: &query.PageRequest{Key: []byte{1, 2, 3}}})
		require.ErrorIs(t, err, types.ErrInvalidRequest)
	})
	t.Run("limit is capped", func(t *testing.T) {
		res, err := f.query.PostsByAuthor(f.ctx, &types.QueryPostsByAuthorRequest{Address: addr, Pagination: &query.PageRequest{Limit: 1 << 40}})
		require.NoError(t, err)
		require.Len(t, res.Posts, 7)
	})
}

func TestQueryRepliesAndThread(t *testing.T) {
	f := newFixture(t)
	f.withProfile("alice", "bob")
	root := f.post(t, "alice", "root")  // 1
	r1 := f.reply(t, "bob", root, "r1") // 2
	f.post(t, "bob", "elsewhere")       // 3
	r2 := f.reply(t, "alice", r1, "r2") // 4
	r3 := f.reply(t, "bob", root, "r3") // 5
	_, err := f.msgs.DeletePost(f.ctx, &types.MsgDeletePost{Author: f.addr("bob"), PostID: r1})
	require.NoError(t, err)

	replies, err := f.query.Replies(f.ctx, &types.QueryRepliesRequest{Id: root})
	require.NoError(t, err)
	require.Equal(t, []uint64{r3, r1}, ids(replies.Posts), "newest first, the tombstone kept")
	require.True(t, replies.Posts[1].Post.Deleted)

	for _, from := range []uint64{root, r2} {
		thread, err := f.query.Thread(f.ctx, &types.QueryThreadRequest{Id: from})
		require.NoError(t, err)
		require.Equal(t, root, thread.RootId)
		require.Equal(t, []uint64{root, r1, r2, r3}, ids(thread.Posts), "root first, parents before replies")
	}

	page, err := f.query.Thread(f.ctx, &types.QueryThreadRequest{Id: r3, Pagination: &query.PageRequest{Limit: 2}})
	require.NoError(t, err)
	require.Equal(t, []uint64{root, r1}, ids(page.Posts))
	page, err = f.query.Thread(f.ctx, &types.QueryThreadRequest{Id: r3, Pagination: &query.PageRequest{Key: page.Pagination.NextKey}})
	require.NoError(t, err)
	require.Equal(t, []uint64{r2, r3}, ids(page.Posts))

	// Threads lists the replies only; every page order and size still
	// gives the root exactly once.
	inThread, err := f.k.Threads.Has(f.ctx, collections.Join(root, root))
	require.NoError(t, err)
	require.False(t, inThread, "the root is not stored under itself")
	threadPages := func(limit uint64, reverse bool) (got []uint64, total uint64) {
		var key []byte
		for first := true; first || key != nil; first = false {
			page, err := f.query.Thread(f.ctx, &types.QueryThreadRequest{Id: r2, Pagination: &query.PageRequest{Key: key, Limit: limit, Reverse: reverse, CountTotal: first}})
			require.NoError(t, err)
			require.LessOrEqual(t, len(page.Posts), int(limit))
			got = append(got, ids(page.Posts)...)
			if first {
				total = page.Pagination.Total
			}
			key = page.Pagination.NextKey
		}
		return got, total
	}
	for _, limit := range []uint64{1, 2, 3, 4, 5} {
		got, total := threadPages(limit, false)
		require.Equal(t, []uint64{root, r1, r2, r3}, got, "oldest first, pages of %d", limit)
		require.EqualValues(t, 4, total)
		got, total = threadPages(limit, true)
		require.Equal(t, []uint64{r3, r2, r1, root}, got, "newest first, pages of %d", limit)
		require.EqualValues(t, 4, total)
	}
	// A store written when roots were listed under themselves.
	require.NoError(t, f.k.Threads.Set(f.ctx, collections.Join(root, root)))
	got, total := threadPages(3, false)
	require.Equal(t, []uint64{root, r1, r2, r3}, got, "a stored root entry is not listed twice")
	require.EqualValues(t, 4, total)
	got, _ = threadPages(1, true)
	require.Equal(t, []uint64{r3, r2, r1, root}, got)

	_, err = f.query.Replies(f.ctx, &types.QueryRepliesRequest{Id: missingPost})
	require.ErrorIs(t, err, types.ErrPostNotFound)
	_, err = f.query.Thread(f.ctx, &types.QueryThreadRequest{Id: missingPost})
	require.ErrorIs(t, err, types.ErrPostNotFound)
}

func TestQueryPostsByHashtag(t *testing.T) {
	f := newFixture(t)
	f.withProfile("alice", "bob")
	a := f.post(t, "alice", "#Go is fun")
	f.post(t, "bob", "no tags")
	b := f.post(t, "bob", "me too #go")
	c := f.post(t, "alice", "#go #go")
	_, err := f.msgs.DeletePost(f.ctx, &types.MsgDeletePost{Author: f.addr("alice"), PostID: c})
	require.NoError(t, err)

	for _, tag := range []string{"go", "#go", "GO"} {
		res, err := f.query.PostsByHashtag(f.ctx, &types.QueryPostsByHashtagRequest{Tag: tag})
		require.NoError(t, err)
		require.Equal(t, []uint64{b, a}, ids(res.Posts), "tag %q", tag)
	}
	_, err = f.query.PostsByHashtag(f.ctx, &types.QueryPostsByHashtagRequest{Tag: "no spaces"})
	require.ErrorIs(t, err, types.ErrInvalidRequest)
}

func TestQueryReactions(t *testing.T) {
	f := seed(t)
	for _, kind := range []string{"🔥", "like"} {
		_, err := f.msgs.React(f.ctx, &types.MsgReact{User: f.addr("carol"), PostID: alicePost, Kind: kind})
		require.NoError(t, err)
	}
	res, err := f.query.Reactions(f.ctx, &types.QueryReactionsRequest{Id: alicePost, Pagination: &query.PageRequest{Limit: 2}})
	require.NoError(t, err)
	require.Len(t, res.Reactions, 2)
	require.Equal(t, "like", res.Reactions[0].Kind, "newest first")
	require.Equal(t, f.addr("carol"), res.Reactions[0].User)
	require.Equal(t, "🔥", res.Reactions[1].Kind)
	res, err = f.query.Reactions(f.ctx, &types.QueryReactionsRequest{Id: alicePost, Pagination: &query.PageRequest{Key: res.Pagination.NextKey}})
	require.NoError(t, err)
	require.Len(t, res.Reactions, 1)
	require.Equal(t, f.addr("bob"), res.Reactions[0].User)
}

func TestQueryHistory(t *testing.T) {
	f := newFixture(t)
	f.withProfile("alice")
	id := f.post(t, "alice", "v0")
	for i, text := range []string{"v1", "v2"} {
		f.ctx = f.ctx.WithBlockHeight(int64(11 + i))
		_, err := f.msgs.EditPost(f.ctx, &types.MsgEditPost{Author: f.addr("alice"), PostID: id, Text: text})
		require.NoError(t, err)
	}

	res, err := f.query.History(f.ctx, &types.QueryHistoryRequest{Id: id})
	require.NoError(t, err)
	require.Len(t, res.Versions, 3)
	var texts []string
	var heights []int64
	for _, v := range res.Versions {
		texts = append(texts, v.Content.Text)
		heights = append(heights, v.Height)
	}
	require.Equal(t, []string{"v2", "v1", "v0"}, texts, "current version first")
	require.Equal(t, []int64{12, 11, 10}, heights)

	// A client verifies the chain oldest first and ends at the post.
	chain := []types.PostVersion{res.Versions[2], res.Versions[1], res.Versions[0]}
	require.NoError(t, types.VerifyChain(chain))
	require.Equal(t, res.Versions[1].ContentHash, f.getPost(t, id).PreviousVersion)

	// Tampering breaks it.
	chain[1].Content.Text = "forged"
	require.Error(t, types.VerifyChain(chain))

	page, err := f.query.History(f.ctx, &types.QueryHistoryRequest{Id: id, Pagination: &query.PageRequest{Limit: 2}})
	require.NoError(t, err)
	require.Equal(t, []uint32{2, 1}, []uint32{page.Versions[0].Version, page.Versions[1].Version})
	page, err = f.query.History(f.ctx, &types.QueryHistoryRequest{Id: id, Pagination: &query.PageRequest{Key: page.Pagination.NextKey}})
	require.NoError(t, err)
	require.Len(t, page.Versions, 1)
	require.Equal(t, uint32(0), page.Versions[0].Version)
	require.Nil(t, page.Pagination.NextKey)

	oldest, err := f.query.History(f.ctx, &types.QueryHistoryRequest{Id: id, Pagination: &query.PageRequest{Limit: 1, Reverse: true}})
	require.NoError(t, err)
	require.Equal(t, "v0", oldest.Versions[0].Content.Text)
}

func TestQueryParams(t *testing.T) {
	f := newFixture(t)
	res, err := f.query.Params(f.ctx, &types.QueryParamsRequest{})
	require.NoError(t, err)
	require.Equal(t, types.DefaultParams(), res.Params)
}
