package keeper

import (
	"context"
	"encoding/binary"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/socialchain/socialchain/x/posts/types"
)

const (
	// DefaultPageLimit is the page size when pagination.limit is 0.
	DefaultPageLimit = 50
	// MaxPageLimit caps pagination.limit: a page is read in one query, and
	// each post on it costs a few store reads.
	MaxPageLimit = 200
)

// idCursor is a decoded page request over id-ordered lists. Pages continue
// strictly after the last id of the previous page, which is what
// pagination.key encodes, so posts added since do not shift them.
type idCursor struct {
	after      uint64 // the last id already returned; valid when hasAfter
	hasAfter   bool
	limit      int
	descending bool
	countTotal bool
}

// decodeCursor reads a PageRequest for a list whose natural order is
// newest first (descending) or oldest first; pagination.reverse flips it.
func decodeCursor(req *query.PageRequest, newestFirst bool) (idCursor, error) {
	c := idCursor{limit: DefaultPageLimit, descending: newestFirst}
	if req == nil {
		return c, nil
	}
	if req.Offset != 0 {
		return c, errorsmod.Wrap(types.ErrInvalidRequest, "pagination.offset is not supported: pages shift as posts arrive; use pagination.key")
	}
	switch len(req.Key) {
	case 0:
	case 8:
		c.after, c.hasAfter = binary.BigEndian.Uint64(req.Key), true
	default:
		return c, errorsmod.Wrap(types.ErrInvalidRequest, "pagination.key must be the next_key of a previous page")
	}
	if req.Limit > 0 {
		c.limit = int(min(req.Limit, MaxPageLimit))
	}
	if req.Reverse {
		c.descending = !c.descending
	}
	c.countTotal = req.CountTotal && !c.hasAfter
	return c, nil
}

// encodeCursor returns the pagination.key that continues after id.
func encodeCursor(id uint64) []byte {
	return binary.BigEndian.AppendUint64(nil, id)
}

// keyIterator is what the collections' KeySet and Map iterators share.
type keyIterator[K any] interface {
	Valid() bool
	Next()
	Key() (K, error)
	Close() error
}

// iterateFunc opens an iterator over a collection keyed by (prefix, id).
type iterateFunc[P any] func(ctx context.Context, r collections.Ranger[PostKey[P]]) (keyIterator[PostKey[P]], error)

// rangeAfter returns the ids under prefix that come after the cursor in its
// order.
func rangeAfter[P any](prefix P, c idCursor) *collections.PairRange[P, uint64] {
	return afterCursor(collections.NewPrefixedPairRange[P, uint64](prefix), c)
}

// idRange is what collections' Range[uint64] and PairRange[P, uint64] share:
// bounds and order over post ids.
type idRange[R any] interface {
	*R
	StartExclusive(id uint64) *R
	EndExclusive(id uint64) *R
	Descending() *R
}

// afterCursor narrows r to the ids that come after the cursor, in its order.
func afterCursor[R any, PR idRange[R]](r PR, c idCursor) PR {
	if c.hasAfter {
		if c.descending {
			r = r.EndExclusive(c.after)
		} else {
			r = r.StartExclusive(c.after)
		}
	}
	if c.descending {
		r = r.Descending()
	}
	return r
}

// pageIDs reads one page of ids under prefix.
func pageIDs[P any](ctx context.Context, iterate iterateFunc[P], prefix P, c idCursor) ([]uint64, *query.PageResponse, error) {
	it, err := iterate(ctx, rangeAfter(prefix, c))
	if err != nil {
		return nil, nil, err
	}
	defer it.Close()
	ids := make([]uint64, 0, c.limit)
	res := &query.PageResponse{}
	for ; it.Valid(); it.Next() {
		key, err := it.Key()
		if err != nil {
			return nil, nil, err
		}
		if len(ids) == c.limit {
			res.NextKey = encodeCursor(ids[len(ids)-1])
			break
		}
		ids = append(ids, key.K2())
	}
	if c.countTotal {
		total, err := countPrefix(ctx, iterate, prefix)
		if err != nil {
			return nil, nil, err
		}
		res.Total = total
	}
	return ids, res, nil
}

func countPrefix[P any](ctx context.Context, iterate iterateFunc[P], prefix P) (uint64, error) {
	it, err := iterate(ctx, collections.NewPrefixedPairRange[P, uint64](prefix))
	if err != nil {
		return 0, err
	}
	defer it.Close()
	var n uint64
	for ; it.Valid(); it.Next() {
		n++
	}
	return n, nil
}

// withThreadRoot adds a thread's root to an iteration over the replies
// listed under it in Threads. The root is the thread's oldest post: first
// in oldest-first order, last newest-first. A page after a cursor has
// passed the root oldest-first, and still reaches it newest-first unless
// the cursor is the root itself.
func withThreadRoot(replies iterateFunc[uint64], root uint64, c idCursor) iterateFunc[uint64] {
	rootFirst := !c.descending && !c.hasAfter
	rootLast := c.descending && (!c.hasAfter || c.after > root)
	return func(ctx context.Context, r collections.Ranger[PostKey[uint64]]) (keyIterator[PostKey[uint64]], error) {
		it, err := replies(ctx, r)
		if err != nil {
			return nil, err
		}
		ti := &threadIterator{replies: it, root: collections.Join(root, root), rootFirst: rootFirst, rootLast: rootLast}
		ti.skipRoot()
		return ti, nil
	}
}

// threadIterator yields a thread's root before or after its replies.
type threadIterator struct {
	replies             keyIterator[PostKey[uint64]]
	root                PostKey[uint64]
	rootFirst, rootLast bool // the root is still to come, before or after the replies
}

func (it *threadIterator) Valid() bool { return it.rootFirst || it.replies.Valid() || it.rootLast }

func (it *threadIterator) Next() {
	switch {
	case it.rootFirst:
		it.rootFirst = false
	case it.replies.Valid():
		it.replies.Next()
		it.skipRoot()
	default:
		it.rootLast = false
	}
}

func (it *threadIterator) Key() (PostKey[uint64], error) {
	if it.rootFirst || !it.replies.Valid() {
		return it.root, nil
	}
	return it.replies.Key()
}

func (it *threadIterator) Close() error { return it.replies.Close() }

// skipRoot steps over a (root, root) entry, which stores written before
// roots left Threads still hold, so the root is never listed twice.
func (it *threadIterator) skipRoot() {
	for it.replies.Valid() {
		if k, err := it.replies.Key(); err != nil || k.K2() != it.root.K2() {
			return
		}
		it.replies.Next()
	}
}
