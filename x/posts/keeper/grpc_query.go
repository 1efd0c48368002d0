package keeper

import (
	"context"
	"strings"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/types/query"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/posts/types"
)

type queryServer struct {
	Keeper
}

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the posts Query service.
func NewQueryServerImpl(k Keeper) types.QueryServer {
	return queryServer{Keeper: k}
}

// Post returns a post with its counters.
func (q queryServer) Post(ctx context.Context, req *types.QueryPostRequest) (*types.QueryPostResponse, error) {
	if req == nil {
		return nil, errorsmod.Wrap(types.ErrInvalidRequest, "empty request")
	}
	view, err := q.postView(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return &types.QueryPostResponse{Post: view}, nil
}

// PostsByAuthor returns an author's live posts, newest first.
func (q queryServer) PostsByAuthor(ctx context.Context, req *types.QueryPostsByAuthorRequest) (*types.QueryPostsByAuthorResponse, error) {
	if req == nil {
		return nil, errorsmod.Wrap(types.ErrInvalidRequest, "empty request")
	}
	author, err := q.decodeAddress("address", req.Address)
	if err != nil {
		return nil, err
	}
	posts, page, err := q.listPosts(ctx, req.Pagination, true, func(ctx context.Context, c idCursor) ([]uint64, *query.PageResponse, error) {
		return pageIDs(ctx, func(ctx context.Context, r collections.Ranger[PostKey[sdk.AccAddress]]) (keyIterator[PostKey[sdk.AccAddress]], error) {
			return q.Keeper.PostsByAuthor.Iterate(ctx, r)
		}, author, c)
	})
	if err != nil {
		return nil, err
	}
	return &types.QueryPostsByAuthorResponse{Posts: posts, Pagination: page}, nil
}

// Posts returns every live post, newest first. Tombstones are skipped, so a
// page reads past deleted posts; deletes are rare next to posts.
func (q queryServer) Posts(ctx context.Context, req *types.QueryPostsRequest) (*types.QueryPostsResponse, error) {
	if req == nil {
		return nil, errorsmod.Wrap(types.ErrInvalidRequest, "empty request")
	}
	posts, page, err := q.listPosts(ctx, req.Pagination, true, q.pageLivePostIDs)
	if err != nil {
		return nil, err
	}
	return &types.QueryPostsResponse{Posts: posts, Pagination: page}, nil
}

// pageLivePostIDs reads one page of the ids of live posts, in id order.
func (k Keeper) pageLivePostIDs(ctx context.Context, c idCursor) ([]uint64, *query.PageResponse, error) {
	it, err := k.Posts.Iterate(ctx, afterCursor(new(collections.Range[uint64]), c))
	if err != nil {
		return nil, nil, err
	}
	defer it.Close()
	ids := make([]uint64, 0, c.limit)
	res := &query.PageResponse{}
	var live uint64
	for ; it.Valid(); it.Next() {
		post, err := it.Value()
		if err != nil {
			return nil, nil, err
		}
		if post.Deleted {
			continue
		}
		live++
		switch {
		case len(ids) < c.limit:
			ids = append(ids, post.ID)
		case res.NextKey == nil:
			res.NextKey = encodeCursor(ids[len(ids)-1])
		}
		if res.NextKey != nil && !c.countTotal {
			break
		}
	}
	if c.countTotal {
		res.Total = live
	}
	return ids, res, nil
}

// Replies returns the direct replies to a post, newest first.
func (q queryServer) Replies(ctx context.Context, req *types.QueryRepliesRequest) (*types.QueryRepliesResponse, error) {
	if req == nil {
		return nil, errorsmod.Wrap(types.ErrInvalidRequest, "empty request")
	}
	if _, err := q.GetPost(ctx, req.Id); err != nil {
		return nil, err
	}
	posts, page, err := q.listPosts(ctx, req.Pagination, true, func(ctx context.Context, c idCursor) ([]uint64, *query.PageResponse, error) {
		return pageIDs(ctx, q.iterateUint64Set(q.Keeper.Replies), req.Id, c)
	})
	if err != nil {
		return nil, err
	}
	return &types.QueryRepliesResponse{Posts: posts, Pagination: page}, nil
}

// Thread returns the thread of a post, root first.
func (q queryServer) Thread(ctx context.Context, req *types.QueryThreadRequest) (*types.QueryThreadResponse, error) {
	if req == nil {
		return nil, errorsmod.Wrap(types.ErrInvalidRequest, "empty request")
	}
	post, err := q.GetPost(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	posts, page, err := q.listPosts(ctx, req.Pagination, false, func(ctx context.Context, c idCursor) ([]uint64, *query.PageResponse, error) {
		return pageIDs(ctx, withThreadRoot(q.iterateUint64Set(q.Keeper.Threads), post.RootID, c), post.RootID, c)
	})
	if err != nil {
		return nil, err
	}
	return &types.QueryThreadResponse{RootId: post.RootID, Posts: posts, Pagination: page}, nil
}

// Feed returns the posts of the accounts an address follows, newest first.
func (q queryServer) Feed(ctx context.Context, req *types.QueryFeedRequest) (*types.QueryFeedResponse, error) {
	if req == nil {
		return nil, errorsmod.Wrap(types.ErrInvalidRequest, "empty request")
	}
	follower, err := q.decodeAddress("address", req.Address)
	if err != nil {
		return nil, err
	}
	posts, page, err := q.listPosts(ctx, req.Pagination, true, func(ctx context.Context, c idCursor) ([]uint64, *query.PageResponse, error) {
		return q.feedPage(ctx, follower, c)
	})
	if err != nil {
		return nil, err
	}
	return &types.QueryFeedResponse{Posts: posts, Pagination: page}, nil
}

// PostsByHashtag returns the live posts that carry a hashtag, newest first.
func (q queryServer) PostsByHashtag(ctx context.Context, req *types.QueryPostsByHashtagRequest) (*types.QueryPostsByHashtagResponse, error) {
	if req == nil {
		return nil, errorsmod.Wrap(types.ErrInvalidRequest, "empty request")
	}
	tag := strings.ToLower(strings.TrimPrefix(req.Tag, "#"))
	if !types.IsValidHashtag(tag) {
		return nil, errorsmod.Wrapf(types.ErrInvalidRequest, "tag %q: want 1-%d of a-z, 0-9 and _, not all digits", req.Tag, types.MaxTagLength)
	}
	posts, page, err := q.listPosts(ctx, req.Pagination, true, func(ctx context.Context, c idCursor) ([]uint64, *query.PageResponse, error) {
		return pageIDs(ctx, func(ctx context.Context, r collections.Ranger[PostKey[string]]) (keyIterator[PostKey[string]], error) {
			return q.Keeper.PostsByHashtag.Iterate(ctx, r)
		}, tag, c)
	})
	if err != nil {
		return nil, err
	}
	return &types.QueryPostsByHashtagResponse{Posts: posts, Pagination: page}, nil
}

// Reactions returns the reactions to a post, newest first.
func (q queryServer) Reactions(ctx context.Context, req *types.QueryReactionsRequest) (*types.QueryReactionsResponse, error) {
	if req == nil {
		return nil, errorsmod.Wrap(types.ErrInvalidRequest, "empty request")
	}
	if _, err := q.GetPost(ctx, req.Id); err != nil {
		return nil, err
	}
	c, err := decodeCursor(req.Pagination, true)
	if err != nil {
		return nil, err
	}
	ids, page, err := pageIDs(ctx, func(ctx context.Context, r collections.Ranger[PostKey[uint64]]) (keyIterator[PostKey[uint64]], error) {
		return q.Keeper.Reactions.Iterate(ctx, r)
	}, req.Id, c)
	if err != nil {
		return nil, err
	}
	reactions := make([]types.Reaction, 0, len(ids))
	for _, rid := range ids {
		r, err := q.Keeper.Reactions.Get(ctx, collections.Join(req.Id, rid))
		if err != nil {
			return nil, err
		}
		reactions = append(reactions, r)
	}
	return &types.QueryReactionsResponse{Reactions: reactions, Pagination: page}, nil
}

// History returns the versions of a post's content, the current one first.
// The cursor is the last version number returned.
func (q queryServer) History(ctx context.Context, req *types.QueryHistoryRequest) (*types.QueryHistoryResponse, error) {
	if req == nil {
		return nil, errorsmod.Wrap(types.ErrInvalidRequest, "empty request")
	}
	post, err := q.GetPost(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	c, err := decodeCursor(req.Pagination, true)
	if err != nil {
		return nil, err
	}
	res := &types.QueryHistoryResponse{Pagination: &query.PageResponse{}}
	if post.Deleted {
		return res, nil // a tombstone keeps no content
	}
	// Versions are 0..post.Version; walk them in the cursor's direction.
	last := uint64(post.Version)
	if c.countTotal {
		res.Pagination.Total = last + 1
	}
	var next func(v uint64) (uint64, bool)
	start, ok := last, true
	if c.descending {
		if c.hasAfter {
			start, ok = c.after-1, c.after > 0 && c.after-1 <= last
		}
		next = func(v uint64) (uint64, bool) { return v - 1, v > 0 }
	} else {
		start = 0
		if c.hasAfter {
			start, ok = c.after+1, c.after < last
		}
		next = func(v uint64) (uint64, bool) { return v + 1, v < last }
	}
	for v := start; ok; v, ok = next(v) {
		if len(res.Versions) == c.limit {
			res.Pagination.NextKey = encodeCursor(uint64(res.Versions[len(res.Versions)-1].Version))
			break
		}
		pv, err := q.version(ctx, post, uint32(v))
		if err != nil {
			return nil, err
		}
		res.Versions = append(res.Versions, pv)
	}
	return res, nil
}

// Params returns the module params.
func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.Keeper.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

// version returns version v of post: a stored replaced version, or the
// current content when v is the post's version.
func (q queryServer) version(ctx context.Context, post types.Post, v uint32) (types.PostVersion, error) {
	if v < post.Version {
		return q.Versions.Get(ctx, collections.Join(post.ID, v))
	}
	content := post.Content()
	h, err := content.Hash()
	if err != nil {
		return types.PostVersion{}, err
	}
	pv := types.PostVersion{PostID: post.ID, Version: v, Content: content, ContentHash: h, Height: post.CreatedHeight, Time: post.CreatedAt}
	if v > 0 && post.EditedAt != nil {
		pv.Height, pv.Time = post.EditedHeight, *post.EditedAt
	}
	return pv, nil
}

// postView returns a post with its counters.
func (k Keeper) postView(ctx context.Context, id uint64) (types.PostView, error) {
	post, err := k.GetPost(ctx, id)
	if err != nil {
		return types.PostView{}, err
	}
	counters, err := k.GetCounters(ctx, id)
	if err != nil {
		return types.PostView{}, err
	}
	return types.PostView{Post: post, Counters: counters}, nil
}

// listPosts decodes the page request, reads one page of ids with page, and
// loads their views.
func (k Keeper) listPosts(ctx context.Context, req *query.PageRequest, newestFirst bool,
	page func(context.Context, idCursor) ([]uint64, *query.PageResponse, error),
) ([]types.PostView, *query.PageResponse, error) {
	c, err := decodeCursor(req, newestFirst)
	if err != nil {
		return nil, nil, err
	}
	ids, res, err := page(ctx, c)
	if err != nil {
		return nil, nil, err
	}
	views := make([]types.PostView, 0, len(ids))
	for _, id := range ids {
		v, err := k.postView(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		views = append(views, v)
	}
	return views, res, nil
}

// iterateUint64Set adapts a (post, id) key set to pageIDs.
func (k Keeper) iterateUint64Set(set collections.KeySet[PostKey[uint64]]) iterateFunc[uint64] {
	return func(ctx context.Context, r collections.Ranger[PostKey[uint64]]) (keyIterator[PostKey[uint64]], error) {
		return set.Iterate(ctx, r)
	}
}
