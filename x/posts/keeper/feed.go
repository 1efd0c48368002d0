package keeper

import (
	"container/heap"
	"context"
	"math"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/types/query"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// The following feed is built by fan-in: nothing is written when a post is
// created beyond the author's own indexes, and a feed page is a k-way
// merge, at query time, of the PostsByAuthor ranges of the accounts the
// reader follows. Post ids are global and increasing, so merging by id
// gives the newest-first order, and a page continues strictly below the
// last id of the previous one (the cursor), which keeps pages stable while
// posts arrive.
//
// Opening a range is the expensive step (a database iterator each), so a
// newest-first merge opens them lazily: each followee enters the heap with
// LatestPost, an upper bound of their next id, and their range is opened
// only when that bound reaches the top. Followees whose newest post is
// older than the page are never opened; with 1000 followees a first page
// typically opens a few dozen ranges. An oldest-first page has no such
// bound and opens every range.
//
// Cost per page, with F = accounts followed (at most profiles'
// max_follows_per_account) and L = page limit: one iteration over the
// follow edges, F point reads, at most F (typically about L) range opens,
// and L heap steps of O(log F), plus the reads of the L posts. Fan-out
// (writing each post into every follower's timeline) would make a post
// cost O(followers) writes, paid in gas by the author and unbounded for
// popular accounts, and would grow state by posts×followers; fan-in keeps
// writes O(1) and moves a bounded cost to reads, which are free and served
// by any node.

// feedHead is one followee in the merge. Until its range is open, id is an
// upper bound of the followee's next id; after, it is that id.
type feedHead struct {
	author sdk.AccAddress
	id     uint64
	it     keyIterator[PostKey[sdk.AccAddress]] // nil until opened
}

// feedHeap orders heads by id, highest first when descending.
type feedHeap struct {
	heads      []*feedHead
	descending bool
}

func (h *feedHeap) Len() int { return len(h.heads) }
func (h *feedHeap) Less(i, j int) bool {
	if h.descending {
		return h.heads[i].id > h.heads[j].id
	}
	return h.heads[i].id < h.heads[j].id
}
func (h *feedHeap) Swap(i, j int) { h.heads[i], h.heads[j] = h.heads[j], h.heads[i] }
func (h *feedHeap) Push(x any)    { h.heads = append(h.heads, x.(*feedHead)) }
func (h *feedHeap) Pop() any {
	last := h.heads[len(h.heads)-1]
	h.heads = h.heads[:len(h.heads)-1]
	return last
}

// feedPage returns one page of the ids of posts by the accounts follower
// follows, merged from their author indexes.
func (k Keeper) feedPage(ctx context.Context, follower sdk.AccAddress, c idCursor) (ids []uint64, res *query.PageResponse, err error) {
	var followees []sdk.AccAddress
	if err := k.profiles.IterateFollowing(ctx, follower, func(f sdk.AccAddress) bool {
		followees = append(followees, f)
		return false
	}); err != nil {
		return nil, nil, err
	}

	h := &feedHeap{descending: c.descending, heads: make([]*feedHead, 0, len(followees))}
	defer func() {
		for _, head := range h.heads {
			if head.it != nil {
				head.it.Close()
			}
		}
	}()
	for _, f := range followees {
		head := &feedHead{author: f}
		if c.descending {
			latest, err := k.LatestPost.Get(ctx, f)
			switch {
			case errorsmod.IsOf(err, collections.ErrNotFound):
				// Never posted, or posted before LatestPost existed
				// (RebuildLatestPosts): no bound, open when reached.
				latest = math.MaxUint64
			case err != nil:
				return nil, nil, err
			}
			head.id = latest
			h.heads = append(h.heads, head)
			continue
		}
		ok, err := k.openFeedHead(ctx, head, c)
		if err != nil {
			return nil, nil, err
		}
		if ok {
			h.heads = append(h.heads, head)
		}
	}
	heap.Init(h)

	ids = make([]uint64, 0, c.limit)
	res = &query.PageResponse{}
	for h.Len() > 0 {
		top := h.heads[0]
		if top.it == nil {
			// A bound reached the top: open the range for the real id.
			ok, err := k.openFeedHead(ctx, top, c)
			if err != nil {
				return nil, nil, err
			}
			if ok {
				heap.Fix(h, 0)
			} else {
				heap.Pop(h)
			}
			continue
		}
		if len(ids) == c.limit {
			res.NextKey = encodeCursor(ids[len(ids)-1])
			break
		}
		ids = append(ids, top.id)
		top.it.Next()
		if !top.it.Valid() {
			top.it.Close()
			heap.Pop(h)
			continue
		}
		key, err := top.it.Key()
		if err != nil {
			return nil, nil, err
		}
		top.id = key.K2()
		heap.Fix(h, 0)
	}
	return ids, res, nil
}

// openFeedHead opens head's range after the cursor and positions head at
// its first id; it reports false, with nothing left open, when the range
// is empty.
func (k Keeper) openFeedHead(ctx context.Context, head *feedHead, c idCursor) (bool, error) {
	it, err := k.PostsByAuthor.Iterate(ctx, rangeAfter(head.author, c))
	if err != nil {
		return false, err
	}
	if !it.Valid() {
		it.Close()
		return false, nil
	}
	key, err := it.Key()
	if err != nil {
		it.Close()
		return false, err
	}
	head.id, head.it = key.K2(), it
	return true, nil
}
