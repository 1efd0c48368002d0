package app

import (
	"context"
	"time"

	"github.com/ipfs/go-cid"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	poststypes "github.com/socialchain/socialchain/x/posts/types"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
)

// Pin-on-commit sees only the blocks a node executes while its content
// node is attached. A node restored from a state-sync snapshot never
// executed the blocks before the snapshot, and blocks replayed at start-up
// (before `start` attaches the content node) pin nothing either. So the
// first block a process finalizes with a content node attached starts a
// reconcile: one background walk of the committed posts and profiles that
// pins every CID they reference. Pinning a CID already pinned or pending
// changes nothing (p2p.Node.Pin), so the walk only adds what is missing;
// the fetches run in the pin queue's workers, bounded by fetch-concurrency.

// reconcilePageSize is how many posts or profiles one read of the state
// takes. Each page reads the newest committed state afresh, so the walk
// holds no old version open while the chain goes on (and pruning cannot
// remove one under it); posts and profiles written during the walk are
// pinned by their blocks.
const reconcilePageSize = 256

// stateContentWalker calls visit with the CIDs of every post and profile
// of the committed state, and the height each was written at.
type stateContentWalker func(ctx context.Context, visit func(height int64, cids []cid.Cid) error) (reconcileCounts, error)

// reconcileCounts is what a walk of the state found.
type reconcileCounts struct {
	Posts, Profiles, CIDs int
}

// reconcile walks the state with walk and pins what it references through
// a's peer; it runs on a goroutine of a, stopped with a.
func (a *postAnnouncer) reconcile(ctx context.Context, walk stateContentWalker, height int64) {
	start := time.Now()
	a.logger.Info("content reconcile: pinning the content of committed posts and profiles", "first_block", height)
	counts, err := walk(ctx, func(h int64, cids []cid.Cid) error {
		return a.peer.PinCIDs(ctx, h, cids)
	})
	if err != nil {
		a.logger.Error("content reconcile stopped", "posts", counts.Posts, "profiles", counts.Profiles,
			"cids", counts.CIDs, "err", err)
		return
	}
	a.logger.Info("content reconcile done", "posts", counts.Posts, "profiles", counts.Profiles,
		"cids", counts.CIDs, "took", time.Since(start).Round(time.Millisecond))
}

// walkCommittedContent is the app's stateContentWalker: posts in id order,
// then profiles in address order, reconcilePageSize at a time from the
// newest committed state. Deleted posts reference nothing.
func (app *SocialApp) walkCommittedContent(ctx context.Context, visit func(height int64, cids []cid.Cid) error) (reconcileCounts, error) {
	var counts reconcileCounts
	var nextPost uint64
	for more := true; more; {
		if err := ctx.Err(); err != nil {
			return counts, err
		}
		qctx, err := app.latestCommittedContext()
		if err != nil {
			return counts, err
		}
		more, err = walkPage(qctx, app.PostsKeeper.Posts, new(collections.Range[uint64]).StartInclusive(nextPost),
			func(id uint64, p poststypes.Post) error {
				nextPost = id + 1
				counts.Posts++
				if p.Deleted {
					return nil
				}
				return visitCIDs(&counts, visit, p.CreatedHeight, p.Content().CIDs())
			})
		if err != nil {
			return counts, err
		}
	}
	var lastProfile sdk.AccAddress
	for more := true; more; {
		if err := ctx.Err(); err != nil {
			return counts, err
		}
		qctx, err := app.latestCommittedContext()
		if err != nil {
			return counts, err
		}
		var ranger collections.Ranger[sdk.AccAddress]
		if lastProfile != nil {
			ranger = new(collections.Range[sdk.AccAddress]).StartExclusive(lastProfile)
		}
		more, err = walkPage(qctx, app.ProfilesKeeper.Profiles, ranger,
			func(addr sdk.AccAddress, p profilestypes.Profile) error {
				lastProfile = addr
				counts.Profiles++
				return visitCIDs(&counts, visit, p.UpdatedHeight, p.ContentCIDs())
			})
		if err != nil {
			return counts, err
		}
	}
	return counts, nil
}

// latestCommittedContext reads the newest committed state. Its header is
// not checked: the walk starts during the first FinalizeBlock, when
// neither the check state (just restored from a snapshot) nor the block
// being finalized has the latest committed height in its header, and the
// walk reads no header field.
func (app *SocialApp) latestCommittedContext() (sdk.Context, error) {
	return app.CreateQueryContextWithCheckHeader(0, false, false)
}

// walker is the part of a collections map or indexed map walkPage reads.
type walker[K, V any] interface {
	Walk(ctx context.Context, ranger collections.Ranger[K], walkFunc func(K, V) (bool, error)) error
}

// walkPage calls each on up to reconcilePageSize entries of m in ranger
// and reports whether entries are left after them.
func walkPage[K, V any](ctx context.Context, m walker[K, V], ranger collections.Ranger[K], each func(K, V) error) (more bool, err error) {
	n := 0
	err = m.Walk(ctx, ranger, func(k K, v V) (bool, error) {
		if n == reconcilePageSize {
			more = true
			return true, nil
		}
		n++
		return false, each(k, v)
	})
	return more, err
}

// visitCIDs hands visit the parsed CIDs of one post or profile, if any.
func visitCIDs(counts *reconcileCounts, visit func(int64, []cid.Cid) error, height int64, strs []string) error {
	cids := parseCIDs(strs)
	if len(cids) == 0 {
		return nil
	}
	counts.CIDs += len(cids)
	return visit(height, cids)
}

// parseCIDs parses strs, skipping any that do not parse (the chain
// validated them when they were written).
func parseCIDs(strs []string) []cid.Cid {
	var out []cid.Cid
	for _, s := range strs {
		if c, err := cid.Decode(s); err == nil {
			out = append(out, c)
		}
	}
	return out
}
