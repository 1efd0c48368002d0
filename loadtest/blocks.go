package loadtest

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	ctypes "github.com/cometbft/cometbft/rpc/core/types"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/cosmos/gogoproto/proto"

	"github.com/cosmos/cosmos-sdk/client"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	messagestypes "github.com/socialchain/socialchain/x/messages/types"
)

// Reading committed blocks: the watcher matches each block's txs and lane
// receipts with what the senders offered and records the outcomes.

// watch reads every block from height on, matches its txs with the pending
// ones and records their outcome, until ctx ends.
func watch(ctx context.Context, rpc client.CometRPC, results ResultsReader, height int64, t *tally) error {
	// A node busy with the load may time out a query now and then; only a
	// run of failures ends the watch.
	failures := 0
	for {
		err := readBlocks(ctx, rpc, results, &height, t)
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

// blockchainInfoLimit is how many block headers CometBFT's /blockchain
// answers per call.
const blockchainInfoLimit = 20

// readBlocks records every block from *height to the latest and advances
// *height past them. It reads the headers (/blockchain, 20 at a time: time
// and tx count) and the results (from results: gRPC is much cheaper for
// the node than JSON), never the blocks themselves: a lane block carries
// megabytes of batched messages. Only a block with a failed tx its results
// do not attribute is read whole.
func readBlocks(ctx context.Context, rpc client.CometRPC, results ResultsReader, height *int64, t *tally) error {
	st, err := rpc.Status(ctx)
	if err != nil {
		return err
	}
	latest := st.SyncInfo.LatestBlockHeight
	for *height <= latest {
		info, err := rpc.BlockchainInfo(ctx, *height, min(*height+blockchainInfoLimit-1, latest))
		if err != nil {
			return err
		}
		metas := info.BlockMetas
		sort.Slice(metas, func(i, j int) bool { return metas[i].Header.Height < metas[j].Header.Height })
		if len(metas) == 0 || metas[0].Header.Height != *height {
			return fmt.Errorf("/blockchain from height %d answered no header for it", *height)
		}
		for _, meta := range metas {
			h := meta.Header.Height
			if h != *height {
				return fmt.Errorf("/blockchain skipped height %d", *height)
			}
			res, err := results.BlockResults(ctx, h)
			if err != nil {
				if strings.Contains(err.Error(), "could not find results") {
					// The block is stored and still executing: its results
					// come with the next poll.
					return nil
				}
				return err
			}
			var txs cmttypes.Txs
			if t.needsTxs(res.TxsResults) {
				block, err := rpc.Block(ctx, &h)
				if err != nil {
					return err
				}
				txs = block.Block.Txs
			}
			t.record(BlockSample{Height: h, Time: meta.Header.Time, Txs: meta.NumTxs}, res, txs, time.Now())
			*height++
		}
	}
	return nil
}

// accSeq returns the "address/sequence" the SDK's ante handler put in a
// tx's events, or "" when it has none (the tx failed before or in its
// signature check).
func accSeq(events []abci.Event) string {
	for _, e := range events {
		if e.Type != sdk.EventTypeTx {
			continue
		}
		for _, a := range e.Attributes {
			if a.Key == sdk.AttributeKeyAccountSequence {
				return a.Value
			}
		}
	}
	return ""
}

// needsTxs reports whether a tx run must read the block's txs to attribute
// its results: a tx failed without naming its signer. Txs that do not even
// decode (sdk code 2) are the chain's own injected txs (checkpoint
// signatures, the lane batch), never ours.
func (t *tally) needsTxs(results []*abci.ExecTxResult) bool {
	if t.lane {
		return false
	}
	for _, r := range results {
		if r.Code != 0 && !(r.Codespace == sdkerrors.RootCodespace && r.Code == sdkerrors.ErrTxDecode.ABCICode()) && accSeq(r.Events) == "" {
			return true
		}
	}
	return false
}

// record matches a block's results with the pending units; seen is when
// the block was read, the end of their submit-to-commit latency. txs are
// the block's txs when needsTxs asked for them, else nil.
func (t *tally) record(b BlockSample, res *ctypes.ResultBlockResults, txs cmttypes.Txs, seen time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.lane {
		b.Txs = t.recordMessages(res.FinalizeBlockEvents, seen)
	} else {
		t.recordTxs(res.TxsResults, txs, seen)
	}
	t.blocks = append(t.blocks, b)
}

func (t *tally) recordTxs(results []*abci.ExecTxResult, txs cmttypes.Txs, seen time.Time) {
	for i, res := range results {
		key := accSeq(res.Events)
		if key == "" && i < len(txs) {
			key = t.byHash[TxHash(txs[i])]
		}
		submitted, ok := t.pending[key]
		if key == "" || !ok {
			continue
		}
		if t.unanswered[key] {
			delete(t.unanswered, key) // a block shows an offer of it got in
			t.accepted++
		}
		if t.rebroadcast && isWrongSequence(res) {
			// Not applied, and its sequence is still free: an offer again
			// can still commit it. A proposer put it before the account's
			// previous tx (seen after a node restart).
			t.errors[codeKind("deliver", res.Codespace, res.Code, res.Log)]++
			continue
		}
		delete(t.pending, key)
		t.lastCommit = seen
		if res.Code == 0 {
			t.committed++
			t.latencies = append(t.latencies, seen.Sub(submitted))
		} else {
			t.failed++
			t.errors[codeKind("deliver", res.Codespace, res.Code, res.Log)]++
		}
	}
}

// laneEventType is the event every applied lane message emits.
var laneEventType = proto.MessageName(&messagestypes.EventMessageApplied{})

// recordMessages matches a block's applied lane messages with the pending
// ones and returns how many the block applied, ours or not.
func (t *tally) recordMessages(events []abci.Event, seen time.Time) int {
	n := 0
	for _, e := range events {
		if e.Type != laneEventType {
			continue
		}
		n++
		applied := parseApplied(e)
		submitted, ok := t.pending[applied.hash]
		if !ok {
			continue
		}
		delete(t.pending, applied.hash)
		t.lastCommit = seen
		if applied.status == messagestypes.StatusIncluded.String() {
			t.committed++
			t.latencies = append(t.latencies, seen.Sub(submitted))
		} else {
			t.failed++
			t.errors[laneFailureKind(applied.status, applied.err)]++
		}
	}
	return n
}

// appliedMessage is what the run reads of an EventMessageApplied.
type appliedMessage struct{ hash, status, err string }

// parseApplied reads the typed event's attributes, whose values are JSON.
func parseApplied(e abci.Event) appliedMessage {
	var m appliedMessage
	for _, a := range e.Attributes {
		var dst *string
		switch a.Key {
		case "hash":
			dst = &m.hash
		case "status":
			dst = &m.status
		case "error":
			dst = &m.err
		default:
			continue
		}
		if err := json.Unmarshal([]byte(a.Value), dst); err != nil {
			*dst = a.Value
		}
	}
	return m
}
