package loadtest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	ctypes "github.com/cometbft/cometbft/rpc/core/types"
	"github.com/stretchr/testify/require"
)

// crashingNode is a one-account node for the rebroadcast tests: a tx is
// "seq:N", CheckTx takes the next sequence after the committed ones and its
// mempool, and the test can crash it (the mempool is lost), keep it down
// for some offers, or make it take a tx and lose the answer.
type crashingNode struct {
	committed  uint64 // next sequence after the committed txs
	mempool    []uint64
	downFor    int  // offers answered with a transport error
	loseAnswer bool // take the next tx but answer with a transport error
	offers     []uint64
}

func (n *crashingNode) Name() string { return "crashing" }

func (n *crashingNode) Broadcast(_ context.Context, tx []byte) (CheckResult, error) {
	seq, err := strconv.ParseUint(strings.TrimPrefix(string(tx), "seq:"), 10, 64)
	if err != nil {
		return CheckResult{}, err
	}
	n.offers = append(n.offers, seq)
	if n.downFor > 0 {
		n.downFor--
		return CheckResult{}, errors.New("connection refused")
	}
	if slices.Contains(n.mempool, seq) {
		return CheckResult{Code: 19, Codespace: "sdk", Log: "tx already exists in cache"}, nil
	}
	next := n.committed + uint64(len(n.mempool))
	if seq != next {
		return CheckResult{Code: 32, Codespace: "sdk", Log: fmt.Sprintf("account sequence mismatch, expected %d, got %d: incorrect account sequence", next, seq)}, nil
	}
	n.mempool = append(n.mempool, seq)
	if n.loseAnswer {
		n.loseAnswer = false
		return CheckResult{}, errors.New("connection reset by peer")
	}
	return CheckResult{}, nil
}

// commit puts the whole mempool in a block.
func (n *crashingNode) commit() {
	n.committed += uint64(len(n.mempool))
	n.mempool = nil
}

// crash loses the mempool, keeping the committed txs.
func (n *crashingNode) crash(downFor int) {
	n.mempool, n.downFor = nil, downFor
}

func fakeQueue(addr string, startSeq uint64, count int) *accountQueue {
	q := &accountQueue{addr: addr, startSeq: startSeq}
	for i := range uint64(count) {
		bz := []byte(fmt.Sprintf("seq:%d", startSeq+i))
		q.txs = append(q.txs, SignedTx{Bytes: bz, Hash: TxHash(bz), Seq: startSeq + i})
	}
	return q
}

func TestRebroadcastRefillsWhatACrashedNodeLostInSequenceOrder(t *testing.T) {
	node := &crashingNode{committed: 10}
	tl := newTally(false)
	q := fakeQueue("social1load", 10, 6)
	s := sender{cfg: Config{Rebroadcast: true}, bcast: node, tally: tl}
	ctx := context.Background()

	for range 3 {
		s.sendNext(ctx, q)
	}
	node.commit() // seq 10-12 are in a block
	s.sendNext(ctx, q)
	require.Equal(t, []uint64{13}, node.mempool)

	// The node crashes with 13 and 14 accepted but not in a block, and is
	// down for two offers of 15.
	s.sendNext(ctx, q)
	node.crash(2)
	s.sendNext(ctx, q)
	require.Equal(t, []uint64{13, 14, 15}, node.mempool, "the lost txs were offered again in order, then 15")
	require.Equal(t, []uint64{10, 11, 12, 13, 14, 15, 15, 15, 13, 14, 15}, node.offers)
	require.Equal(t, 6, tl.accepted, "each tx counts as accepted once")
	require.Equal(t, 2, tl.rebroadcasts)
	require.False(t, q.dead)
	require.Equal(t, uint64(6), q.next)
	require.Len(t, tl.pending, 6, "nothing is in a block yet as the watcher sees it")
	require.Equal(t, 2, tl.errors[ErrKindTransport])
	require.Equal(t, 1, tl.errors[ErrKindSequenceMismatch])
}

func TestRebroadcastCountsATxWhoseAnswerWasLostOnceItsSequenceIsUsed(t *testing.T) {
	// The first offer gets in but its answer is lost; the tx is committed
	// before the retry, which hears "expected 4".
	node := &crashingNode{committed: 3, loseAnswer: true}
	tl := newTally(false)
	q := fakeQueue("social1load", 3, 2)
	s := sender{cfg: Config{Rebroadcast: true}, bcast: &commitAfterFirst{node: node}, tally: tl}
	s.sendNext(context.Background(), q)
	require.Equal(t, []uint64{3, 3}, node.offers)
	require.Equal(t, 1, tl.accepted)
	require.Equal(t, uint64(1), q.next)
	require.False(t, q.dead)
}

// commitAfterFirst commits the node's mempool after the first offer it passes on.
type commitAfterFirst struct {
	node   *crashingNode
	passed int
}

func (c *commitAfterFirst) Name() string { return "commit-after-first" }

func (c *commitAfterFirst) Broadcast(ctx context.Context, tx []byte) (CheckResult, error) {
	res, err := c.node.Broadcast(ctx, tx)
	if c.passed++; c.passed == 1 {
		c.node.commit()
	}
	return res, err
}

func TestRebroadcastRefusesASequenceSomeoneElseUsed(t *testing.T) {
	node := &crashingNode{committed: 8}
	tl := newTally(false)
	q := fakeQueue("social1load", 5, 1)
	s := sender{cfg: Config{Rebroadcast: true}, bcast: node, tally: tl}
	s.sendNext(context.Background(), q)
	require.True(t, q.dead, "sequence 5 was used before the run: not ours, the account stops")
	require.Zero(t, tl.accepted)
	require.Empty(t, tl.pending)
}

func TestDrainOffersPendingTxsAgainAndCountsTheUnansweredOnce(t *testing.T) {
	node := &crashingNode{committed: 20}
	tl := newTally(false)
	q := fakeQueue("social1load", 20, 3)
	q.next = 2
	// 20 and 21 were accepted, then the node lost them; 22 never got an
	// answer before the run stopped sending.
	for i := range uint64(3) {
		tl.pending[accSeqKey(q.addr, 20+i)] = time.Now()
	}
	tl.unanswered[accSeqKey(q.addr, 22)] = true
	from, to, ok := tl.pendingRange(q)
	require.True(t, ok)
	require.Equal(t, [2]uint64{20, 23}, [2]uint64{from, to})

	node.downFor = 1
	require.False(t, offerAgain(context.Background(), node, tl, q, from, to, false), "a node that does not answer ends the pass")
	require.True(t, offerAgain(context.Background(), node, tl, q, from, to, false))
	require.Equal(t, []uint64{20, 21, 22}, node.mempool)
	require.Equal(t, 1, tl.accepted, "only the unanswered tx is newly accepted")
	require.Empty(t, tl.unanswered)
	require.Equal(t, 4, tl.rebroadcasts)
}

func TestExpectedSequenceReadsTheSDKLog(t *testing.T) {
	n, ok := expectedSequence("account sequence mismatch, expected 42, got 45: incorrect account sequence")
	require.True(t, ok)
	require.Equal(t, uint64(42), n)
	_, ok = expectedSequence("out of gas")
	require.False(t, ok)
}

func TestRebroadcastKeepsATxThatFailedOnItsSequencePending(t *testing.T) {
	key := accSeqKey("social1load", 18)
	wrongSeq := &abci.ExecTxResult{Code: 32, Codespace: "sdk", Log: "account sequence mismatch, expected 17, got 18: incorrect account sequence",
		Events: []abci.Event{accSeqEvent(key)}}
	for _, rebroadcast := range []bool{false, true} {
		tl := newTally(false)
		tl.rebroadcast = rebroadcast
		tl.pending[key] = time.Now()
		tl.record(BlockSample{Height: 13}, &ctypes.ResultBlockResults{TxsResults: []*abci.ExecTxResult{wrongSeq}}, nil, time.Now())
		if !rebroadcast {
			require.Equal(t, 1, tl.failed, "without rebroadcast nobody offers it again: final")
			continue
		}
		require.Zero(t, tl.failed)
		require.Contains(t, tl.pending, key, "not applied, so still pending")
		tl.record(BlockSample{Height: 14}, &ctypes.ResultBlockResults{TxsResults: []*abci.ExecTxResult{{Events: []abci.Event{accSeqEvent(key)}}}}, nil, time.Now())
		require.Equal(t, 1, tl.committed, "offered again, it commits")
		require.Empty(t, tl.pending)
	}
}
