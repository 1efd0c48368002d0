package loadtest

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Timing of the send and drain phases.
const (
	// pollInterval is how often the watcher asks for new blocks; it bounds
	// how late a commit is seen.
	pollInterval = 50 * time.Millisecond
	// mempoolFullBackoff is the pause before re-offering a tx the mempool
	// had no room for.
	mempoolFullBackoff = 100 * time.Millisecond
	// dependencyPoll is how often a sender looks whether the tx an undo
	// waits for is in a block.
	dependencyPoll = 50 * time.Millisecond
	// drainTimeout bounds the wait for accepted txs after sending stops.
	drainTimeout = 30 * time.Second
	// unitGrace is how long senders may keep going after the stop to
	// finish a mix cycle.
	unitGrace = 5 * time.Second
)

// tally is the shared, locked state of a run: what was sent and what the
// blocks said about it.
type tally struct {
	mu sync.Mutex
	// lane: the run counts lane messages by their EventMessageApplied,
	// not txs by their results.
	lane bool
	// pending holds what was accepted (or is being offered) and not yet
	// seen in a block, by key: "address/sequence" of a tx (the acc_seq its
	// block results name it by), the hex hash of a lane message.
	pending map[string]time.Time
	// byHash maps a tx's hash to its pending key, for the rare block whose
	// results do not name a tx's signer (its ante handler failed).
	byHash map[[32]byte]string
	// rebroadcast: Config.Rebroadcast.
	rebroadcast bool
	// unanswered holds the pending keys of txs whose every offer went
	// unanswered (rebroadcast mode): accepted once a node shows it has them.
	unanswered   map[string]bool
	rebroadcasts int
	offered      int
	accepted     int
	committed    int
	failed       int
	rejections   int
	errors       map[string]int
	latencies    []time.Duration
	blocks       []BlockSample
	lastCommit   time.Time
}

func newTally(lane bool) *tally {
	return &tally{lane: lane, pending: map[string]time.Time{}, byHash: map[[32]byte]string{}, unanswered: map[string]bool{}, errors: map[string]int{}}
}

func (t *tally) count(kind string) {
	t.mu.Lock()
	t.errors[kind]++
	t.mu.Unlock()
}

// inFlight is how many units are offered or accepted and not yet in a block.
func (t *tally) inFlight() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.pending)
}

// settled reports whether the tx under key is no longer pending: in a
// block (committed or failed), or refused.
func (t *tally) settled(key string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	_, pending := t.pending[key]
	return !pending
}

// accSeqKey is the pending key of a tx: its signer and sequence, as the
// SDK's ante handler names them in the tx's "tx" event (acc_seq).
func accSeqKey(addr string, seq uint64) string { return fmt.Sprintf("%s/%d", addr, seq) }

// send runs the tx senders until ctx ends or cfg.Duration passes, then
// waits for the accepted txs to land, and reports.
func send(ctx context.Context, cfg Config, chain Chain, w *World, signer Signer, queues []*accountQueue) (*Report, error) {
	t := newTally(false)
	t.rebroadcast = cfg.Rebroadcast
	nSenders := cfg.senders()
	chain.logf("sending %s txs from %d accounts with %d senders for %s", cfg.Mix, len(queues), nSenders, cfg.Duration)
	var drain func(ctx context.Context)
	if cfg.Rebroadcast {
		drain = rebroadcastPending(chain.Broadcaster, t, queues)
	}
	r, err := measure(ctx, cfg, chain, t, drain, func(sendCtx context.Context, start time.Time) {
		var wg sync.WaitGroup
		for i := range nSenders {
			var own []*accountQueue
			for j := i; j < len(queues); j += nSenders {
				own = append(own, queues[j])
			}
			var interval time.Duration
			if cfg.Rate > 0 {
				interval = time.Duration(float64(time.Second) * float64(nSenders) / cfg.Rate)
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				s := sender{cfg: cfg, world: w, signer: signer, bcast: chain.Broadcaster, tally: t, accounts: own, interval: interval}
				s.run(sendCtx, start)
			}()
		}
		wg.Wait()
	})
	if err != nil {
		return nil, err
	}
	r.Transport, r.Senders, r.GasPerTx = chain.Broadcaster.Name(), nSenders, signer.Gas
	r.ResultsFrom = chain.Results.Name()
	return r, nil
}

// measure watches the blocks from the next one on while sendAll runs
// (given a context that ends after cfg.Duration, and the start time),
// waits up to drainTimeout for what was accepted to reach a block, calling
// drain (if not nil) at every poll meanwhile, and reports the counts,
// latencies and blocks; the caller fills in how it sent.
func measure(ctx context.Context, cfg Config, chain Chain, t *tally, drain func(context.Context), sendAll func(sendCtx context.Context, start time.Time)) (*Report, error) {
	rpc := chain.Client.Client
	st, err := rpc.Status(ctx)
	if err != nil {
		return nil, err
	}
	watchCtx, stopWatch := context.WithCancel(context.Background())
	defer stopWatch()
	watchDone := make(chan error, 1)
	go func() { watchDone <- watch(watchCtx, rpc, chain.Results, st.SyncInfo.LatestBlockHeight+1, t) }()

	sendCtx, stopSending := context.WithTimeout(ctx, cfg.Duration)
	defer stopSending()
	start := time.Now()
	sendAll(sendCtx, start)
	sendEnd := time.Now()
	chain.logf("sent for %.1f s; waiting for the accepted %ss to commit", sendEnd.Sub(start).Seconds(), cfg.Mix.Unit())

	drainEnd := time.Now().Add(drainTimeout)
	drainCtx, stopDrain := context.WithDeadline(context.Background(), drainEnd)
	defer stopDrain()
	for time.Now().Before(drainEnd) && t.inFlight() > 0 {
		if drain != nil {
			drain(drainCtx)
		}
		select {
		case err := <-watchDone:
			return nil, err
		case <-time.After(pollInterval):
		}
	}
	stopWatch()
	if err := <-watchDone; err != nil && err != context.Canceled {
		return nil, err
	}

	t.mu.Lock()
	defer t.mu.Unlock()
	r := &Report{
		Mix: string(cfg.Mix), Unit: cfg.Mix.Unit(), Accounts: cfg.Accounts, TargetRate: cfg.Rate,
		SendSeconds: sendEnd.Sub(start).Seconds(),
		Offered:     t.offered, OfferedTPS: rate(t.offered, sendEnd.Sub(start)), Accepted: t.accepted,
		Committed: t.committed, Failed: t.failed, Uncommitted: len(t.pending), Rebroadcasts: t.rebroadcasts,
		MempoolRejections: t.rejections, Errors: t.errors,
	}
	if t.committed > 0 {
		r.CommittedTPS = rate(t.committed, t.lastCommit.Sub(start))
	}
	r.latencyStats(t.latencies)
	r.blockStats(t.blocks)
	if r.Uncommitted > 0 {
		r.Errors["uncommitted"] = r.Uncommitted
	}
	return r, nil
}

// sender broadcasts the txs of the accounts it owns, one mix cycle of one
// account after another, at its share of the target rate.
type sender struct {
	cfg      Config
	world    *World
	signer   Signer
	bcast    Broadcaster
	tally    *tally
	accounts []*accountQueue
	interval time.Duration // 0 = no pacing
}

func (s *sender) run(ctx context.Context, start time.Time) {
	// Stopping only between cycles keeps each follow with its unfollow;
	// hard bounds the rest of a cycle after the stop.
	hard, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		<-ctx.Done()
		select {
		case <-time.After(unitGrace):
			cancel()
		case <-hard.Done():
		}
	}()
	cycle := s.cfg.Mix.CycleLen()
	var sent int
	for ctx.Err() == nil {
		live := false
		for _, q := range s.accounts {
			if ctx.Err() != nil {
				return
			}
			if q.dead {
				continue
			}
			live = true
			for range cycle {
				if q.dead || hard.Err() != nil {
					break
				}
				if s.interval > 0 {
					due := start.Add(time.Duration(sent) * s.interval)
					if d := time.Until(due); d > 0 {
						select {
						case <-time.After(d):
						case <-hard.Done():
							return
						}
					}
				}
				s.sendNext(hard, q)
				sent++
			}
		}
		if !live {
			return
		}
	}
}

// sendNext offers q's next tx until the mempool takes or refuses it.
func (s *sender) sendNext(ctx context.Context, q *accountQueue) {
	tx, err := q.tx(ctx, s.cfg, s.world, s.signer, q.next)
	if err != nil {
		s.tally.count("signing: " + err.Error())
		q.dead = true
		return
	}
	t := s.tally
	if j, ok := s.cfg.Mix.DependsOn(q.next); ok {
		// CheckTx sees committed state only: wait for the tx this one undoes.
		dep := accSeqKey(q.addr, q.startSeq+j)
		for !t.settled(dep) {
			select {
			case <-time.After(dependencyPoll):
			case <-ctx.Done():
				return
			}
		}
	}
	key := accSeqKey(q.addr, tx.Seq)
	if s.cfg.Rebroadcast {
		if q.next == uint64(len(q.txs)) {
			q.txs = append(q.txs, tx) // kept for offering again
		}
		s.sendRebroadcasting(ctx, q, tx, key)
		return
	}
	for {
		submitted := time.Now()
		t.mu.Lock()
		t.pending[key] = submitted // before the broadcast: the block may be read before it returns
		t.byHash[tx.Hash] = key
		t.offered++
		t.mu.Unlock()

		res, err := s.bcast.Broadcast(ctx, tx.Bytes)
		if err == nil && res.Code == 0 {
			t.mu.Lock()
			t.accepted++
			t.mu.Unlock()
			q.next++
			return
		}
		kind := classifyRefusal(res.Code, res.Codespace, res.Log, err)
		t.mu.Lock()
		t.errors[kind]++
		switch kind {
		case ErrKindTransport:
			// The tx may or may not be in the mempool: keep waiting for
			// it and move on; a loss shows as sequence mismatches.
			t.mu.Unlock()
			q.next++
			return
		case ErrKindTxInCache:
			// An earlier offer of the same tx got in.
			t.rejections++
			t.mu.Unlock()
			q.next++
			return
		}
		t.rejections++
		delete(t.pending, key)
		delete(t.byHash, tx.Hash)
		t.mu.Unlock()
		if kind != ErrKindMempoolFull {
			// The sequence was not used, so every later tx of the
			// account would be refused too.
			q.dead = true
			return
		}
		select {
		case <-time.After(mempoolFullBackoff):
		case <-ctx.Done():
			return
		}
	}
}
