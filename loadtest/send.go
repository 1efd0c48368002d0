package loadtest

import (
	"context"
	"fmt"
	"sync"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	cmttypes "github.com/cometbft/cometbft/types"

	"github.com/cosmos/cosmos-sdk/client"
)

// Timing of the send and drain phases.
const (
	// pollInterval is how often the watcher asks for new blocks; it bounds
	// how late a commit is seen.
	pollInterval = 50 * time.Millisecond
	// mempoolFullBackoff is the pause before re-offering a tx the mempool
	// had no room for.
	mempoolFullBackoff = 100 * time.Millisecond
	// drainTimeout bounds the wait for accepted txs after sending stops.
	drainTimeout = 30 * time.Second
	// unitGrace is how long senders may keep going after the stop to
	// finish a mix cycle.
	unitGrace = 5 * time.Second
)

// tally is the shared, locked state of a run: what was sent and what the
// blocks said about it.
type tally struct {
	mu         sync.Mutex
	pending    map[[32]byte]time.Time // accepted, not yet seen in a block
	offered    int
	accepted   int
	committed  int
	failed     int
	rejections int
	errors     map[string]int
	latencies  []time.Duration
	blocks     []BlockSample
	lastCommit time.Time
}

func (t *tally) count(kind string) {
	t.mu.Lock()
	t.errors[kind]++
	t.mu.Unlock()
}

// send runs the senders until ctx ends or cfg.Duration passes, then waits
// for the accepted txs to land, and reports.
func send(ctx context.Context, cfg Config, chain Chain, w *World, signer Signer, queues []*accountQueue) (*Report, error) {
	rpc := chain.Client.Client
	st, err := rpc.Status(ctx)
	if err != nil {
		return nil, err
	}
	t := &tally{pending: map[[32]byte]time.Time{}, errors: map[string]int{}}
	watchCtx, stopWatch := context.WithCancel(context.Background())
	defer stopWatch()
	watchDone := make(chan error, 1)
	go func() { watchDone <- watch(watchCtx, rpc, st.SyncInfo.LatestBlockHeight+1, t) }()

	nSenders := cfg.senders()
	chain.logf("sending %s txs from %d accounts with %d senders for %s", cfg.Mix, len(queues), nSenders, cfg.Duration)
	sendCtx, stopSending := context.WithTimeout(ctx, cfg.Duration)
	defer stopSending()
	start := time.Now()
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
	sendEnd := time.Now()
	chain.logf("sent for %.1f s; waiting for the accepted txs to commit", sendEnd.Sub(start).Seconds())

	drainEnd := time.Now().Add(drainTimeout)
	for time.Now().Before(drainEnd) {
		t.mu.Lock()
		left := len(t.pending)
		t.mu.Unlock()
		if left == 0 {
			break
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
		Mix: string(cfg.Mix), Transport: chain.Broadcaster.Name(), Accounts: cfg.Accounts, Senders: nSenders,
		TargetRate: cfg.Rate, GasPerTx: signer.Gas,
		SendSeconds: sendEnd.Sub(start).Seconds(),
		Offered:     t.offered, OfferedTPS: rate(t.offered, sendEnd.Sub(start)), Accepted: t.accepted,
		Committed: t.committed, Failed: t.failed, Uncommitted: len(t.pending),
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
	for {
		submitted := time.Now()
		t.mu.Lock()
		t.pending[tx.Hash] = submitted // before the broadcast: the block may be read before it returns
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
		delete(t.pending, tx.Hash)
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

// watch reads every block from height on, matches its txs with the pending
// ones and records their outcome, until ctx ends.
func watch(ctx context.Context, rpc client.CometRPC, height int64, t *tally) error {
	// A node busy with the load may time out a query now and then; only a
	// run of failures ends the watch.
	failures := 0
	for {
		err := readBlocks(ctx, rpc, &height, t)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			if failures++; failures >= maxWatchFailures {
				return fmt.Errorf("reading block %d: %w", height, err)
			}
		} else {
			failures = 0
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pollInterval):
		}
	}
}

// maxWatchFailures is how many polls in a row may fail before a run gives up.
const maxWatchFailures = 20

// readBlocks records every block from *height to the latest and advances
// *height past them.
func readBlocks(ctx context.Context, rpc client.CometRPC, height *int64, t *tally) error {
	st, err := rpc.Status(ctx)
	if err != nil {
		return err
	}
	for ; *height <= st.SyncInfo.LatestBlockHeight; *height++ {
		h := *height
		block, err := rpc.Block(ctx, &h)
		if err != nil {
			return err
		}
		results, err := rpc.BlockResults(ctx, &h)
		if err != nil {
			return err
		}
		t.record(h, block.Block, results.TxsResults, time.Now())
	}
	return nil
}

// record matches the txs of a block with the pending ones; seen is when the
// block was read, the end of their submit-to-commit latency.
func (t *tally) record(height int64, block *cmttypes.Block, results []*abci.ExecTxResult, seen time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.blocks = append(t.blocks, BlockSample{Height: height, Time: block.Time, Txs: len(block.Txs)})
	for i, tx := range block.Txs {
		hash := TxHash(tx)
		submitted, ok := t.pending[hash]
		if !ok {
			continue
		}
		delete(t.pending, hash)
		t.lastCommit = seen
		res := results[i]
		if res.Code == 0 {
			t.committed++
			t.latencies = append(t.latencies, seen.Sub(submitted))
		} else {
			t.failed++
			t.errors[codeKind("deliver", res.Codespace, res.Code, res.Log)]++
		}
	}
}
