package keeper

import (
	"container/heap"
	"context"

	"github.com/cosmos/cosmos-sdk/types/query"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// The following feed is built by fan-in: nothing is written when a post is
// created beyond the author's own index, and a feed page is a k-way merge,
// at query time, of the PostsByAuthor ranges of the accounts the reader
// follows. Post ids are global and increasing, so merging by id gives the
// newest-first order, and a page continues strictly below the last id of
// the previous one (the cursor), which keeps pages stable while posts
// arrive.
//
// Cost per page, with F = accounts followed (at most profiles'
// max_follows_per_account) and L = page limit: one iteration over the
// follow edges, F iterator seeks, and L heap steps of O(log F), plus the
// reads of the L posts. Fan-out (writing each post into every follower's
// timeline) would make a post cost O(followers) writes, paid in gas by the
// author and unbounded for popular accounts, and would grow state by
// posts×followers; fan-in keeps writes O(1) and moves a bounded cost to
// reads, which are free and served by any node.

// feedHead is one followee's author range, positioned at its next post.
type feedHead struct {
	id uint64
	it keyIterator[PostKey[sdk.AccAddress]]
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
			head.it.Close()
		}
	}()
	for _, f := range followees {
		it, err := k.PostsByAuthor.Iterate(ctx, rangeAfter(f, c))
		if err != nil {
			return nil, nil, err
		}
		if !it.Valid() {
			it.Close()
			continue
		}
		key, err := it.Key()
		if err != nil {
			it.Close()
			return nil, nil, err
		}
		h.heads = append(h.heads, &feedHead{id: key.K2(), it: it})
	}
	heap.Init(h)

	ids = make([]uint64, 0, c.limit)
	res = &query.PageResponse{}
	for h.Len() > 0 {
		if len(ids) == c.limit {
			res.NextKey = encodeCursor(ids[len(ids)-1])
			break
		}
		top := h.heads[0]
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
