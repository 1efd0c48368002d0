package loadtest

import (
	"context"
	"regexp"
	"strconv"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
)

// Rebroadcast mode (Config.Rebroadcast). A node keeps its mempool in
// memory: when it crashes it loses the txs it accepted and had not yet
// gossiped or put in a block, and a broadcast in flight gets no answer. In
// this mode a sender
//
//   - offers a tx again after a transport error until a node answers, so
//     each account's sequence order holds while its node restarts;
//   - counts a tx accepted once a node shows it has it: code 0, "tx already
//     in cache", or, after an unanswered offer, "account sequence mismatch,
//     expected E" with E past the tx: its sequence was used, and only this
//     run signs for the load accounts;
//   - on "expected E" below the tx's sequence (the node lost the account's
//     txs from E on) offers those again in order, then the tx;
//   - while the run waits for the accepted txs, offers each account's txs
//     still pending again, in order, every rebroadcastInterval;
//   - keeps a tx that failed in a block on its sequence pending: it was not
//     applied and can still be (a proposer put it before the account's
//     previous tx, which a node restart can cause), so the watcher waits
//     for it and the offers again include it.
//
// An offer again can never apply a tx twice: it is the same signed bytes
// with the same account sequence.

const (
	// rebroadcastInterval is how often the drain offers pending txs again.
	rebroadcastInterval = 2 * time.Second
	// noAnswerBackoff is the pause before offering a tx again after a
	// transport error: the node may be restarting.
	noAnswerBackoff = 200 * time.Millisecond
)

// offerOutcome is what one offer of a tx told its sender.
type offerOutcome int

const (
	offerTaken    offerOutcome = iota // a node has the tx, or its sequence was used
	offerNoAnswer                     // transport error: the tx may or may not be in a mempool
	offerBusy                         // mempool full: offer again after a pause
	offerAgainNow                     // the lost txs before it were offered again: offer it now
	offerRefused                      // refused: the account's later sequences would fail too
)

// sendRebroadcasting offers tx, q's next, until a node takes or refuses it
// or ctx ends.
func (s *sender) sendRebroadcasting(ctx context.Context, q *accountQueue, tx SignedTx, key string) {
	t := s.tally
	t.mu.Lock()
	t.pending[key] = time.Now() // before the broadcast: the block may be read before it returns
	t.byHash[tx.Hash] = key
	t.mu.Unlock()
	unanswered := false
	for {
		pause := time.Duration(0)
		switch s.offer(ctx, q, tx, unanswered) {
		case offerTaken:
			t.mu.Lock()
			t.accepted++
			t.mu.Unlock()
			q.next++
			return
		case offerNoAnswer:
			unanswered, pause = true, noAnswerBackoff
		case offerBusy:
			pause = mempoolFullBackoff
		case offerRefused:
			t.forget(key, tx.Hash)
			q.dead = true
			return
		}
		select {
		case <-time.After(pause):
		case <-ctx.Done():
			if unanswered {
				t.mu.Lock()
				t.unanswered[key] = true // the drain may still find it in a node
				t.mu.Unlock()
			} else {
				t.forget(key, tx.Hash)
			}
			return
		}
	}
}

// offer broadcasts tx once and reads the answer; unanswered says an
// earlier offer of it got none.
func (s *sender) offer(ctx context.Context, q *accountQueue, tx SignedTx, unanswered bool) offerOutcome {
	t := s.tally
	t.mu.Lock()
	t.offered++
	t.mu.Unlock()
	res, err := s.bcast.Broadcast(ctx, tx.Bytes)
	if err == nil && res.Code == 0 {
		return offerTaken
	}
	kind := classifyRefusal(res.Code, res.Codespace, res.Log, err)
	t.mu.Lock()
	t.errors[kind]++
	if kind != ErrKindTransport {
		t.rejections++
	}
	t.mu.Unlock()
	switch kind {
	case ErrKindTransport:
		return offerNoAnswer
	case ErrKindTxInCache:
		return offerTaken
	case ErrKindMempoolFull:
		return offerBusy
	case ErrKindSequenceMismatch:
		expected, ok := expectedSequence(res.Log)
		switch {
		case !ok:
		case expected > tx.Seq && unanswered:
			return offerTaken
		case expected < tx.Seq && expected >= q.startSeq:
			if offerAgain(ctx, s.bcast, t, q, expected, tx.Seq, true) {
				return offerAgainNow
			}
		}
	}
	return offerRefused
}

// offerAgain offers q's txs with sequences from..to-1, all sent before, in
// order. A transport error or a full mempool pauses and retries when
// persist is set, else ends the pass. It reports whether it offered them
// all.
func offerAgain(ctx context.Context, bcast Broadcaster, t *tally, q *accountQueue, from, to uint64, persist bool) bool {
	for seq := from; seq < to; {
		if ctx.Err() != nil {
			return false
		}
		t.mu.Lock()
		t.rebroadcasts++
		t.mu.Unlock()
		res, err := bcast.Broadcast(ctx, q.txs[seq-q.startSeq].Bytes)
		kind := ""
		if err != nil || res.Code != 0 {
			kind = classifyRefusal(res.Code, res.Codespace, res.Log, err)
		}
		switch kind {
		case "", ErrKindTxInCache:
			t.answered(accSeqKey(q.addr, seq))
			seq++
		case ErrKindSequenceMismatch:
			expected, ok := expectedSequence(res.Log)
			if !ok || expected < q.startSeq {
				return false
			}
			for ; seq < expected && seq < to; seq++ {
				t.answered(accSeqKey(q.addr, seq)) // used: an offer of it got in
			}
			seq = min(seq, expected) // below: the node lost even earlier ones
		case ErrKindTransport, ErrKindMempoolFull:
			if !persist {
				return false
			}
			select {
			case <-time.After(noAnswerBackoff):
			case <-ctx.Done():
				return false
			}
		default:
			return false
		}
	}
	return true
}

// rebroadcastPending returns the drain step of rebroadcast mode: every
// rebroadcastInterval, each account's txs from its first pending one to its
// last are offered again in order. It runs after the senders returned, so
// the queues are its own.
func rebroadcastPending(bcast Broadcaster, t *tally, queues []*accountQueue) func(context.Context) {
	var last time.Time
	return func(ctx context.Context) {
		if last.IsZero() {
			last = time.Now() // give what was just sent its first interval
		}
		if time.Since(last) < rebroadcastInterval {
			return
		}
		last = time.Now()
		for _, q := range queues {
			if from, to, ok := t.pendingRange(q); ok {
				offerAgain(ctx, bcast, t, q, from, to, false)
			}
		}
	}
}

// pendingRange returns the sequences from q's first pending tx to just
// after its last one.
func (t *tally) pendingRange(q *accountQueue) (from, to uint64, ok bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for i := range uint64(len(q.txs)) {
		if _, pending := t.pending[accSeqKey(q.addr, q.startSeq+i)]; pending {
			if !ok {
				from, ok = q.startSeq+i, true
			}
			to = q.startSeq + i + 1
		}
	}
	return from, to, ok
}

// answered records that a node has the tx under key: it counts as accepted
// if no offer of it had been answered before.
func (t *tally) answered(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.unanswered[key] {
		delete(t.unanswered, key)
		t.accepted++
	}
}

// forget drops a tx that no node has from the pending ones.
func (t *tally) forget(key string, hash [32]byte) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.pending, key)
	delete(t.byHash, hash)
}

// isWrongSequence reports whether a tx failed in its block on its account
// sequence: it was not applied.
func isWrongSequence(res *abci.ExecTxResult) bool {
	return res.Codespace == sdkerrors.RootCodespace && res.Code == sdkerrors.ErrWrongSequence.ABCICode()
}

// sequenceMismatch is the SDK's ErrWrongSequence log.
var sequenceMismatch = regexp.MustCompile(`account sequence mismatch, expected (\d+), got (\d+)`)

// expectedSequence reads the sequence a node expects from its "account
// sequence mismatch" log.
func expectedSequence(log string) (uint64, bool) {
	m := sequenceMismatch.FindStringSubmatch(log)
	if m == nil {
		return 0, false
	}
	n, err := strconv.ParseUint(m[1], 10, 64)
	return n, err == nil
}
