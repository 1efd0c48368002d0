package p2p

import (
	"container/heap"
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/ipfs/boxo/ipld/merkledag"
	"github.com/ipfs/boxo/ipld/unixfs"
	"github.com/ipfs/go-cid"
	ipld "github.com/ipfs/go-ipld-format"
)

// Pin records c as pinned at block height and queues the fetch of its whole
// DAG; it returns once the record is on disk, not when the fetch is done
// (see PinStatus). Pinning a CID that is pending or pinned changes nothing;
// pinning a failed one starts it over. With pin policy "none" Pin records
// nothing and returns nil.
func (n *Node) Pin(ctx context.Context, c cid.Cid, height int64) error {
	if n.cfg.PinPolicy == PinPolicyNone {
		return nil
	}
	if !c.Defined() {
		return errors.New("pin: undefined CID")
	}
	return n.pinQueue.pin(ctx, c, height)
}

// PinCIDs pins every CID of a committed block at its height: the hook for
// pin-on-commit. It tries them all and joins the errors.
func (n *Node) PinCIDs(ctx context.Context, height int64, cids []cid.Cid) error {
	var errs []error
	for _, c := range cids {
		if err := n.Pin(ctx, c, height); err != nil {
			errs = append(errs, fmt.Errorf("pin %s: %w", c, err))
		}
	}
	return errors.Join(errs...)
}

// Unpin forgets the pin of c (a queued fetch of it is dropped). The blocks
// stay in the blockstore; nothing garbage-collects them yet. Unpinning a CID
// that is not pinned is not an error.
func (n *Node) Unpin(ctx context.Context, c cid.Cid) error {
	return n.pinQueue.unpin(ctx, c)
}

// PinStatus returns the pin record of c, or an error wrapping ErrPinNotFound.
func (n *Node) PinStatus(ctx context.Context, c cid.Cid) (PinRecord, error) {
	return n.pins.Get(ctx, c)
}

// Pins lists up to limit pin records after cursor, in CID string order, and
// the cursor of the next page ("" on the last page).
func (n *Node) Pins(ctx context.Context, cursor string, limit int) ([]PinRecord, string, error) {
	return n.pins.List(ctx, cursor, limit)
}

// PinQueue fetches the DAGs of pending pins with a bounded pool of workers,
// retrying a failed fetch after an exponential back-off until the retries
// run out. The PinStore is the source of truth: the queue in memory is
// rebuilt from the pending records on start, so a restart loses nothing.
type PinQueue struct {
	n     *Node
	store *PinStore

	mu      sync.Mutex // serialises record updates and guards the fields below
	ready   []cid.Cid
	delayed retryHeap
	queued  map[cid.Cid]struct{} // in ready, in delayed or being fetched
	signal  chan struct{}        // closed (and replaced) when work arrives
}

func newPinQueue(n *Node) *PinQueue {
	return &PinQueue{
		n:      n,
		store:  n.pins,
		queued: map[cid.Cid]struct{}{},
		signal: make(chan struct{}),
	}
}

// start queues every pending record and starts the workers.
func (q *PinQueue) start(ctx context.Context) error {
	pending, err := q.store.ByState(ctx, PinPending)
	if err != nil {
		return fmt.Errorf("load pending pins: %w", err)
	}
	q.mu.Lock()
	for _, rec := range pending {
		q.enqueueLocked(rec.CID)
	}
	q.mu.Unlock()
	if len(pending) > 0 {
		q.n.logger.Info("resuming pending pins", "count", len(pending))
	}
	for i := 0; i < q.n.cfg.FetchConcurrency; i++ {
		q.n.goroutine(q.work)
	}
	return nil
}

func (q *PinQueue) pin(ctx context.Context, c cid.Cid, height int64) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	rec, err := q.store.Get(ctx, c)
	switch {
	case errors.Is(err, ErrPinNotFound):
		rec = PinRecord{CID: c, State: PinPending, FirstSeenHeight: height}
	case err != nil:
		return err
	case rec.State == PinFailed:
		rec.State, rec.Attempts, rec.LastError = PinPending, 0, ""
	default:
		return nil
	}
	rec.UpdatedAt = time.Now()
	if err := q.store.Put(ctx, rec); err != nil {
		return err
	}
	q.enqueueLocked(c)
	return nil
}

func (q *PinQueue) unpin(ctx context.Context, c cid.Cid) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	// A queued or running fetch finds no record when it finishes and drops it.
	return q.store.Delete(ctx, c)
}

func (q *PinQueue) enqueueLocked(c cid.Cid) {
	if _, ok := q.queued[c]; ok {
		return
	}
	q.queued[c] = struct{}{}
	q.ready = append(q.ready, c)
	q.wakeLocked()
}

func (q *PinQueue) wakeLocked() {
	close(q.signal)
	q.signal = make(chan struct{})
}

// next blocks until a CID is ready to fetch or ctx is done.
func (q *PinQueue) next(ctx context.Context) (cid.Cid, bool) {
	for {
		q.mu.Lock()
		now := time.Now()
		for len(q.delayed) > 0 && !q.delayed[0].at.After(now) {
			q.ready = append(q.ready, heap.Pop(&q.delayed).(retryItem).c)
		}
		if len(q.ready) > 0 {
			c := q.ready[0]
			q.ready[0] = cid.Undef
			q.ready = q.ready[1:]
			q.mu.Unlock()
			return c, true
		}
		var timer *time.Timer
		var fire <-chan time.Time
		if len(q.delayed) > 0 {
			timer = time.NewTimer(q.delayed[0].at.Sub(now))
			fire = timer.C
		}
		signal := q.signal
		q.mu.Unlock()

		select {
		case <-ctx.Done():
		case <-signal:
		case <-fire:
		}
		if timer != nil {
			timer.Stop()
		}
		if ctx.Err() != nil {
			return cid.Undef, false
		}
	}
}

func (q *PinQueue) work() {
	ctx := q.n.ctx
	for {
		c, ok := q.next(ctx)
		if !ok {
			return
		}
		q.process(ctx, c)
	}
}

func (q *PinQueue) process(ctx context.Context, c cid.Cid) {
	fetchErr := q.n.fetchDAG(ctx, c)

	q.mu.Lock()
	defer q.mu.Unlock()
	if ctx.Err() != nil {
		// Shutting down: the record stays pending, the attempt uncounted.
		return
	}
	rec, err := q.store.Get(ctx, c)
	if err != nil || rec.State != PinPending {
		// Unpinned meanwhile (or unreadable): nothing to update.
		delete(q.queued, c)
		return
	}
	rec.UpdatedAt = time.Now()
	retryAt := time.Time{}
	if fetchErr == nil {
		rec.State, rec.LastError = PinPinned, ""
		q.n.logger.Debug("pinned", "cid", c.String())
	} else {
		rec.Attempts++
		rec.LastError = fetchErr.Error()
		var perm *permanentError
		if errors.As(fetchErr, &perm) || rec.Attempts > q.n.cfg.FetchRetries {
			rec.State = PinFailed
			q.n.logger.Error("pin failed", "cid", c.String(), "attempts", rec.Attempts, "err", fetchErr)
		} else {
			retryAt = rec.UpdatedAt.Add(retryBackoff(q.n.cfg.RetryBackoff, rec.Attempts))
			q.n.logger.Info("pin fetch failed; will retry", "cid", c.String(), "attempts", rec.Attempts,
				"retry_at", retryAt.Format(time.RFC3339), "err", fetchErr)
		}
	}
	if err := q.store.Put(ctx, rec); err != nil {
		q.n.logger.Error("write pin record", "cid", c.String(), "err", err)
	}
	if retryAt.IsZero() {
		delete(q.queued, c)
		return
	}
	heap.Push(&q.delayed, retryItem{c: c, at: retryAt})
	q.wakeLocked() // a waiting worker re-arms its timer for the earlier retry
}

// retryBackoff is base doubled for each failed attempt after the first,
// capped at MaxRetryBackoff.
func retryBackoff(base time.Duration, attempts int) time.Duration {
	d := base
	for i := 1; i < attempts && d < MaxRetryBackoff; i++ {
		d *= 2
	}
	return min(d, MaxRetryBackoff)
}

type retryItem struct {
	c  cid.Cid
	at time.Time
}

// retryHeap orders delayed retries by due time.
type retryHeap []retryItem

func (h retryHeap) Len() int           { return len(h) }
func (h retryHeap) Less(i, j int) bool { return h[i].at.Before(h[j].at) }
func (h retryHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *retryHeap) Push(x any)        { *h = append(*h, x.(retryItem)) }
func (h *retryHeap) Pop() any {
	old := *h
	it := old[len(old)-1]
	*h = old[:len(old)-1]
	return it
}

// permanentError marks a fetch failure that retrying cannot fix.
type permanentError struct{ error }

func (e *permanentError) Unwrap() error { return e.error }

// dagByteLimit bounds the total block bytes fetched for one pin or
// prefetch: the blob limit plus room for the UnixFS and dag-pb overhead of a
// file of that size, so a CID referenced on chain cannot make every node
// fetch an unbounded DAG.
func dagByteLimit(maxBlob int64) int64 { return maxBlob + maxBlob/8 + 1<<20 }

// fetchDAG fetches every block of the DAG at c that is not stored yet, over
// bitswap, within Config.FetchTimeout. A UnixFS file whose declared size is
// over Config.MaxBlobSize, or a DAG whose blocks add up to more than
// dagByteLimit, is refused with a permanentError.
func (n *Node) fetchDAG(ctx context.Context, c cid.Cid) error {
	ctx, cancel := context.WithTimeout(ctx, n.cfg.FetchTimeout)
	defer cancel()

	getter := merkledag.NewSession(ctx, n.dag)
	limit := dagByteLimit(n.cfg.MaxBlobSize)
	var (
		mu    sync.Mutex
		total int64
	)
	getLinks := func(ctx context.Context, k cid.Cid) ([]*ipld.Link, error) {
		nd, err := getter.Get(ctx, k)
		if err != nil {
			return nil, err
		}
		if k == c {
			if err := n.checkFileSize(nd); err != nil {
				return nil, err
			}
		}
		mu.Lock()
		total += int64(len(nd.RawData()))
		over := total > limit
		mu.Unlock()
		if over {
			return nil, &permanentError{fmt.Errorf("DAG %s is over %d bytes of blocks (max blob size %s)",
				c, limit, humanBytes(n.cfg.MaxBlobSize))}
		}
		return nd.Links(), nil
	}
	seen := cid.NewSet()
	if err := merkledag.Walk(ctx, getLinks, c, seen.Visit, merkledag.Concurrent()); err != nil {
		if ctx.Err() != nil && !errors.Is(err, context.Canceled) {
			return fmt.Errorf("fetch %s: timed out after %s: %w", c, n.cfg.FetchTimeout, err)
		}
		return fmt.Errorf("fetch %s: %w", c, err)
	}
	return nil
}

// checkFileSize refuses a UnixFS file root whose declared size is over the
// max blob size, before any of its leaves are fetched.
func (n *Node) checkFileSize(root ipld.Node) error {
	if _, ok := root.(*merkledag.ProtoNode); !ok {
		return nil
	}
	fsn, err := unixfs.ExtractFSNode(root)
	if err != nil {
		return nil // dag-pb but not UnixFS: the byte limit still applies
	}
	if size := fsn.FileSize(); size > uint64(n.cfg.MaxBlobSize) {
		return &permanentError{fmt.Errorf("file %s is %d bytes, over the max blob size of %d bytes (%s)",
			root.Cid(), size, n.cfg.MaxBlobSize, humanBytes(n.cfg.MaxBlobSize))}
	}
	return nil
}
