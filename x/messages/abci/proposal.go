// Package abci puts lane messages into blocks: PrepareProposal takes the
// pool's oldest pending messages into one batch tx, ProcessProposal checks
// a proposed batch (decoding, chain, no duplicates, limits, and every
// signature in parallel ed25519 batches), and PreBlock applies it through
// the keeper before the block's transactions.
package abci

import (
	"bytes"
	"errors"
	"fmt"
	"sync"

	abci "github.com/cometbft/cometbft/abci/types"
	cmttypes "github.com/cometbft/cometbft/types"
	"google.golang.org/protobuf/encoding/protowire"

	"cosmossdk.io/log/v2"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/messages/keeper"
	"github.com/socialchain/socialchain/x/messages/pool"
	"github.com/socialchain/socialchain/x/messages/types"
)

// batchPrefix marks the batch tx. A protobuf TxRaw never starts with a zero
// byte, so no user tx is mistaken for it, and it differs from the
// checkpoint-signatures prefix of x/settlement.
var batchPrefix = []byte("\x00socialchain/lane-batch/v1\x00")

// maxBatchShare is the part of a block's tx bytes the lane may fill; the
// rest stays for wallet transactions.
const maxBatchShare = 0.8

// Handler implements the lane's proposal handlers and pre-block step.
type Handler struct {
	keeper keeper.Keeper
	pool   *pool.Pool
	logger log.Logger

	mu            sync.Mutex
	finalized     []types.Hash // the last finalized block's messages
	windowStartMs int64        // its block time minus the timestamp window
}

// NewHandler returns the lane's ABCI handler over the node's pool.
func NewHandler(k keeper.Keeper, p *pool.Pool, logger log.Logger) *Handler {
	return &Handler{keeper: k, pool: p, logger: logger.With("module", "x/messages")}
}

// PrepareProposal puts the pool's pending messages in front of the txs
// next selects.
func (h *Handler) PrepareProposal(next sdk.PrepareProposalHandler) sdk.PrepareProposalHandler {
	return func(ctx sdk.Context, req *abci.RequestPrepareProposal) (*abci.ResponsePrepareProposal, error) {
		batch := h.buildBatch(ctx, req)
		if batch != nil {
			req.MaxTxBytes -= cmttypes.ComputeProtoSizeForTxs([]cmttypes.Tx{batch})
		}
		resp, err := next(ctx, req)
		if err != nil || batch == nil {
			return resp, err
		}
		resp.Txs = append([][]byte{batch}, resp.Txs...)
		return resp, nil
	}
}

// buildBatch takes the pool's oldest pending messages within the block's
// limits and drops those outside the timestamp window. It does not look up
// receipts: the pool loses each message at the commit of the block that
// included it, and a message re-added in between is skipped by ApplyBatch.
func (h *Handler) buildBatch(ctx sdk.Context, req *abci.RequestPrepareProposal) []byte {
	params, err := h.keeper.Params.Get(ctx)
	if err != nil {
		h.logger.Error("reading params", "err", err)
		return nil
	}
	budget := int64(float64(req.MaxTxBytes)*maxBatchShare) - int64(len(batchPrefix)) - 16
	msgs, raw := h.pool.Pending(int(params.MaxMessagesPerBlock), budget)
	earliest := req.Time.UnixMilli() - int64(params.TimestampWindowSeconds)*1000
	var stale []types.Hash
	out := make([][]byte, 0, len(raw))
	for i, m := range msgs {
		if m.Body.TimestampMs < earliest {
			stale = append(stale, m.Hash)
			continue
		}
		out = append(out, raw[i])
	}
	if len(stale) > 0 {
		if err := h.pool.Remove(stale); err != nil {
			h.logger.Error("removing stale messages from the pool", "err", err)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return EncodeBatch(out)
}

// EncodeBatch returns the batch tx of raw SignedMessages: the prefix and a
// MessageBatch.
func EncodeBatch(raw [][]byte) []byte { return AppendMessageBatch(bytes.Clone(batchPrefix), raw) }

// AppendMessageBatch appends the MessageBatch of raw SignedMessages to dst,
// field by field, so no message is decoded and re-encoded.
func AppendMessageBatch(dst []byte, raw [][]byte) []byte {
	size := len(dst)
	for _, r := range raw {
		size += 1 + protowire.SizeBytes(len(r))
	}
	out := make([]byte, 0, size)
	out = append(out, dst...)
	for _, r := range raw {
		out = protowire.AppendTag(out, 1, protowire.BytesType)
		out = protowire.AppendBytes(out, r)
	}
	return out
}

// IsBatch reports whether tx is a lane batch tx.
func IsBatch(tx []byte) bool { return bytes.HasPrefix(tx, batchPrefix) }

// SplitBatch separates the batch tx, if txs start with one, from the rest.
// A batch anywhere else is an error. txs must not hold other injected txs
// (the caller strips x/settlement's first).
func SplitBatch(txs [][]byte) (batch []byte, rest [][]byte, err error) {
	for i, tx := range txs {
		if i > 0 && IsBatch(tx) {
			return nil, nil, fmt.Errorf("lane batch at position %d, only the first tx may carry it", i)
		}
	}
	if len(txs) == 0 || !IsBatch(txs[0]) {
		return nil, txs, nil
	}
	return txs[0][len(batchPrefix):], txs[1:], nil
}

// DecodeBatch decodes a batch (without its prefix) and each of its
// messages for chainID, checking the limits of params and that no message
// appears twice. It verifies no signature.
func DecodeBatch(bz []byte, chainID string, params types.Params) ([]*types.Message, error) {
	var batch types.MessageBatch
	if err := batch.Unmarshal(bz); err != nil {
		return nil, errors.Join(types.ErrInvalidBatch, err)
	}
	if len(batch.Messages) == 0 {
		return nil, fmt.Errorf("%w: no messages", types.ErrInvalidBatch)
	}
	if len(batch.Messages) > int(params.MaxMessagesPerBlock) {
		return nil, fmt.Errorf("%w: %d messages, limit max_messages_per_block %d", types.ErrInvalidBatch, len(batch.Messages), params.MaxMessagesPerBlock)
	}
	msgs := make([]*types.Message, len(batch.Messages))
	seen := make(map[types.Hash]bool, len(batch.Messages))
	for i, sm := range batch.Messages {
		size := sm.Size()
		if size > int(params.MaxMessageBytes) {
			return nil, fmt.Errorf("%w: message %d is %d bytes, limit max_message_bytes %d", types.ErrInvalidBatch, i, size, params.MaxMessageBytes)
		}
		m, err := types.FromSigned(sm, size, chainID)
		if err != nil {
			return nil, fmt.Errorf("%w: message %d: %v", types.ErrInvalidBatch, i, err)
		}
		if seen[m.Hash] {
			return nil, fmt.Errorf("%w: message %d (%s) appears twice", types.ErrInvalidBatch, i, m.Hash)
		}
		seen[m.Hash] = true
		msgs[i] = m
	}
	return msgs, nil
}

// ProcessProposal rejects a block whose batch does not decode, breaks a
// limit, repeats a message or carries a signature that does not verify;
// then it hands the other txs to next.
func (h *Handler) ProcessProposal(next sdk.ProcessProposalHandler) sdk.ProcessProposalHandler {
	return func(ctx sdk.Context, req *abci.RequestProcessProposal) (*abci.ResponseProcessProposal, error) {
		reject := &abci.ResponseProcessProposal{Status: abci.ResponseProcessProposal_REJECT}
		batch, rest, err := SplitBatch(req.Txs)
		if err != nil {
			h.logger.Info("rejecting proposal", "height", req.Height, "err", err)
			return reject, nil
		}
		if batch != nil {
			if err := h.verifyBatch(ctx, batch); err != nil {
				h.logger.Info("rejecting proposal with a bad lane batch", "height", req.Height, "err", err)
				return reject, nil
			}
		}
		inner := *req
		inner.Txs = rest
		return next(ctx, &inner)
	}
}

func (h *Handler) verifyBatch(ctx sdk.Context, batch []byte) error {
	params, err := h.keeper.Params.Get(ctx)
	if err != nil {
		return err
	}
	msgs, err := DecodeBatch(batch, ctx.ChainID(), params)
	if err != nil {
		return err
	}
	// A message this node's pool holds with the same signature was
	// verified when it arrived (submitted here or gossiped): on a healthy
	// network that is nearly every message, and all of them on the
	// proposer itself. The others are verified now, in parallel batches.
	var unverified []*types.Message
	for _, m := range msgs {
		if !h.pool.HoldsSigned(m) {
			unverified = append(unverified, m)
		}
	}
	for i, err := range types.VerifySignatures(unverified) {
		if err != nil {
			return fmt.Errorf("message %s: %w", unverified[i].Hash, err)
		}
	}
	return nil
}

// PreBlock applies the block's batch, already checked by ProcessProposal
// (or by the validators that committed the block, for a node catching up).
// txs are the block's txs after x/settlement's injected one.
func (h *Handler) PreBlock(ctx sdk.Context, txs [][]byte) error {
	batch, _, err := SplitBatch(txs)
	if err != nil || batch == nil {
		// A misplaced batch never passed ProcessProposal; there is nothing
		// to apply.
		return nil
	}
	params, err := h.keeper.Params.Get(ctx)
	if err != nil {
		return err
	}
	msgs, err := DecodeBatch(batch, ctx.ChainID(), params)
	if err != nil {
		h.logger.Error("committed block carries an undecodable lane batch; applying nothing", "height", ctx.BlockHeight(), "err", err)
		return nil
	}
	return h.keeper.ApplyBatch(ctx, msgs)
}

// Finalized notes the messages of a finalized block and the window's new
// start; Committed then takes them out of the pool. Both run on every node,
// proposer or not. The pool keeps them until the block is committed, so
// that a submit, which reads the committed state, always counts them
// against the author's allowance: pending before, used after.
func (h *Handler) Finalized(ctx sdk.Context, req *abci.RequestFinalizeBlock, txs [][]byte) {
	params, err := h.keeper.Params.Get(ctx)
	if err != nil {
		return
	}
	var hashes []types.Hash
	if batch, _, err := SplitBatch(txs); err == nil && batch != nil {
		// PreBlock already checked the messages; only their hashes matter
		// here, so the bodies are hashed, not decoded again.
		var mb types.MessageBatch
		if err := mb.Unmarshal(batch); err == nil {
			hashes = make([]types.Hash, len(mb.Messages))
			for i, sm := range mb.Messages {
				hashes[i] = types.HashOf(sm.Body)
			}
		}
	}
	h.mu.Lock()
	h.finalized, h.windowStartMs = hashes, req.Time.UnixMilli()-int64(params.TimestampWindowSeconds)*1000
	h.mu.Unlock()
}

// Committed removes the last finalized block's messages from the pool, with
// those that left the timestamp window.
func (h *Handler) Committed() {
	h.mu.Lock()
	hashes, windowStart := h.finalized, h.windowStartMs
	h.finalized = nil
	h.mu.Unlock()
	if err := h.pool.Remove(hashes); err != nil {
		h.logger.Error("removing committed messages from the pool", "err", err)
	}
	if n, err := h.pool.RemoveExpired(windowStart); err != nil {
		h.logger.Error("removing expired messages from the pool", "err", err)
	} else if n > 0 {
		h.logger.Info("dropped expired messages from the pool", "count", n)
	}
}
