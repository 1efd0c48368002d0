package cliwait

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
)

// A node keeps its mempool in memory: if it crashes after answering code 0,
// the tx is gone unless a peer already has it. A waiting tx command
// therefore offers its signed tx again while it is not in a block, and
// bounds the tx by a timeout height so that it can tell when the tx can no
// longer be included anywhere. An offer again can never apply the tx twice:
// it is the same bytes, with the same account sequence.

// DefaultTimeoutBlocks is how far past the node's latest height a waiting
// tx command sets the tx's timeout height when neither --timeout-height nor
// --timeout-duration is given: about 30 s of dev blocks, long enough for a
// node to restart.
const DefaultTimeoutBlocks = 30

// rebroadcastInterval is how long a waiting command lets a tx stay out of
// a block before it offers it again.
const rebroadcastInterval = 3 * time.Second

// ErrExpired is what a wait returns when the chain passed the tx's timeout
// height without it: no block can include it any more.
var ErrExpired = errors.New("expired")

// boundByTimeoutHeight returns the tx's timeout height: the user's
// --timeout-height, else (without --timeout-duration) the node's latest
// height plus DefaultTimeoutBlocks, which it sets as --timeout-height for
// the command to sign. 0 means the tx has none (or the node did not answer:
// the command then reports that itself).
func boundByTimeoutHeight(cmd *cobra.Command) uint64 {
	f := cmd.Flags()
	flag := f.Lookup(flags.FlagTimeoutHeight)
	if flag == nil {
		return 0
	}
	if flag.Changed {
		h, _ := f.GetUint64(flags.FlagTimeoutHeight)
		return h
	}
	if d := f.Lookup(flags.TimeoutDuration); d != nil && d.Changed {
		return 0 // bounded by time instead
	}
	queryCtx, err := client.GetClientQueryContext(cmd)
	if err != nil || queryCtx.Client == nil {
		return 0
	}
	st, err := queryCtx.Client.Status(cmd.Context())
	if err != nil {
		return 0
	}
	h := uint64(st.SyncInfo.LatestBlockHeight) + DefaultTimeoutBlocks
	if f.Set(flags.FlagTimeoutHeight, strconv.FormatUint(h, 10)) != nil {
		return 0
	}
	return h
}

// txRecorder is a TxConfig whose encoder keeps what it encodes, so the
// command's signed tx can be found by the hash it was broadcast under.
type txRecorder struct {
	client.TxConfig
	mu      sync.Mutex
	encoded [][]byte
}

func (r *txRecorder) TxEncoder() sdk.TxEncoder {
	inner := r.TxConfig.TxEncoder()
	return func(tx sdk.Tx) ([]byte, error) {
		bz, err := inner(tx)
		if err == nil {
			r.mu.Lock()
			r.encoded = append(r.encoded, bz)
			r.mu.Unlock()
		}
		return bz, err
	}
}

// signed returns the encoded tx whose CometBFT hash is txHash (hex), or nil.
func (r *txRecorder) signed(txHash string) []byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, bz := range r.encoded {
		sum := sha256.Sum256(bz)
		if strings.EqualFold(hex.EncodeToString(sum[:]), txHash) {
			return bz
		}
	}
	return nil
}

// txNode is what waiting for a tx needs from its node.
type txNode interface {
	// committed returns the tx's result once it is in a block.
	committed(ctx context.Context) (*sdk.TxResponse, error)
	latestHeight(ctx context.Context) (int64, error)
	// broadcast offers the tx again; the answer does not matter (in the
	// mempool, already there, or its sequence used by its commit).
	broadcast(ctx context.Context, tx []byte) error
}

// rpcTxNode is txNode over the client's CometBFT RPC.
type rpcTxNode struct {
	clientCtx client.Context
	hash      string
}

func (n rpcTxNode) committed(context.Context) (*sdk.TxResponse, error) {
	return authtx.QueryTx(n.clientCtx, n.hash)
}

func (n rpcTxNode) latestHeight(ctx context.Context) (int64, error) {
	st, err := n.clientCtx.Client.Status(ctx)
	if err != nil {
		return 0, err
	}
	return st.SyncInfo.LatestBlockHeight, nil
}

func (n rpcTxNode) broadcast(_ context.Context, tx []byte) error {
	_, err := n.clientCtx.BroadcastTxSync(tx)
	return err
}

// resend is how a wait offers its tx again: the signed bytes (nil: the
// command's tx was not found, so nothing is offered again), the timeout
// height (0: none) and how long the tx may stay out of a block first.
type resend struct {
	tx            []byte
	timeoutHeight uint64
	interval      time.Duration
}

// waitForBlock polls node until the tx is in a block and returns its
// result. Every r.interval without it, it checks the chain's height
// against the timeout height (past it: ErrExpired, unless a last look
// finds the tx) and offers the tx again. A node that does not answer is
// asked again at the next poll. lastErr is the node's last answer while
// the tx was not found.
func waitForBlock(ctx context.Context, node txNode, r resend, timeout time.Duration) (res *sdk.TxResponse, lastErr error, err error) {
	last := time.Now()
	err = Poll(ctx, timeout, func() (bool, error) {
		if res, lastErr = node.committed(ctx); lastErr == nil {
			return true, nil
		}
		if time.Since(last) < r.interval {
			return false, nil
		}
		last = time.Now()
		if h, err := node.latestHeight(ctx); err == nil && r.timeoutHeight > 0 && uint64(h) > r.timeoutHeight {
			if res, lastErr = node.committed(ctx); lastErr == nil {
				return true, nil // in block timeoutHeight, committed since the poll above
			}
			return false, fmt.Errorf("%w: not in a block by its timeout height %d (the chain is at %d), so no block can include it any more",
				ErrExpired, r.timeoutHeight, h)
		}
		if r.tx != nil {
			_ = node.broadcast(ctx, r.tx)
		}
		return false, nil
	})
	return res, lastErr, err
}
