// Package abci signs checkpoints in ABCI++ vote extensions and carries the
// signatures into the next block: ExtendVote signs, VerifyVoteExtension
// checks each peer's extension, PrepareProposal re-verifies and injects the
// signatures as the block's first tx, ProcessProposal verifies that tx
// again, and the PreBlocker stores it.
//
// Extensions are verified again at proposal time because CometBFT does not
// verify extensions carried by late precommits (cometbft#2361).
package abci

import (
	"bytes"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"sort"

	abci "github.com/cometbft/cometbft/abci/types"
	cmttypes "github.com/cometbft/cometbft/types"

	"cosmossdk.io/log/v2"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/settlement/keeper"
	"github.com/socialchain/socialchain/x/settlement/types"
)

// MaxVoteExtensionSize bounds an extension: a number and a 65-byte
// signature take well under this.
const MaxVoteExtensionSize = 128

// injectedPrefix marks the injected signatures tx. A protobuf TxRaw can
// never start with a zero byte, so no user tx is mistaken for it.
var injectedPrefix = []byte("\x00socialchain/checkpoint-sigs/v1\x00")

// Handler implements the vote-extension and proposal handlers.
type Handler struct {
	keeper keeper.Keeper
	// signingKey is this node's registered Ethereum key; nil means the
	// node does not sign and sends empty extensions.
	signingKey *ecdsa.PrivateKey
	// consAddr is this node's validator consensus address, so ExtendVote
	// can check its extension the way peers will; nil on non-validators.
	consAddr []byte
	// lastAppHash returns the app hash of the last committed block.
	lastAppHash func() []byte
	logger      log.Logger
}

// NewHandler returns the settlement ABCI handler.
func NewHandler(k keeper.Keeper, signingKey *ecdsa.PrivateKey, consAddr []byte, lastAppHash func() []byte, logger log.Logger) *Handler {
	return &Handler{keeper: k, signingKey: signingKey, consAddr: consAddr, lastAppHash: lastAppHash, logger: logger.With("module", "x/settlement")}
}

// ExtendVote signs the checkpoint opened at the previous height, if any.
func (h *Handler) ExtendVote() sdk.ExtendVoteHandler {
	return func(ctx sdk.Context, req *abci.RequestExtendVote) (*abci.ResponseExtendVote, error) {
		empty := &abci.ResponseExtendVote{}
		if h.signingKey == nil {
			return empty, nil
		}
		cp, digest, ok, err := h.keeper.PendingCheckpoint(ctx, req.Height, h.lastAppHash())
		if err != nil || !ok {
			return empty, err
		}
		sig, err := types.SignDigest(h.signingKey, [32]byte(digest))
		if err != nil {
			h.logger.Error("signing checkpoint", "number", cp.Number, "err", err)
			return empty, nil
		}
		bz, err := (&types.VoteExtension{Number: cp.Number, Signature: sig[:]}).Marshal()
		if err != nil {
			return empty, err
		}
		// CometBFT halts a node whose own extension its verifier rejects, and
		// peers would reject it too: a key not (yet) in the signer set, or
		// rotated away, must send an empty extension instead.
		if err := h.verifyExtension(ctx, req.Height, h.consAddr, bz); err != nil {
			h.logger.Info("not signing checkpoint: this node's key would not verify", "number", cp.Number, "err", err)
			return empty, nil
		}
		return &abci.ResponseExtendVote{VoteExtension: bz}, nil
	}
}

// VerifyVoteExtension accepts empty extensions (a validator without a key
// must never halt the chain) and rejects malformed, oversized, wrong-number
// or wrongly signed ones.
func (h *Handler) VerifyVoteExtension() sdk.VerifyVoteExtensionHandler {
	return func(ctx sdk.Context, req *abci.RequestVerifyVoteExtension) (*abci.ResponseVerifyVoteExtension, error) {
		accept := &abci.ResponseVerifyVoteExtension{Status: abci.ResponseVerifyVoteExtension_ACCEPT}
		reject := &abci.ResponseVerifyVoteExtension{Status: abci.ResponseVerifyVoteExtension_REJECT}
		if len(req.VoteExtension) == 0 {
			return accept, nil
		}
		if err := h.verifyExtension(ctx, req.Height, req.ValidatorAddress, req.VoteExtension); err != nil {
			h.logger.Info("rejecting vote extension", "height", req.Height, "validator", fmt.Sprintf("%X", req.ValidatorAddress), "err", err)
			return reject, nil
		}
		return accept, nil
	}
}

// verifyExtension checks one extension made at height by the validator
// with consensus address consAddr.
func (h *Handler) verifyExtension(ctx sdk.Context, height int64, consAddr, ext []byte) error {
	if len(ext) > MaxVoteExtensionSize {
		return fmt.Errorf("%d bytes, limit %d", len(ext), MaxVoteExtensionSize)
	}
	var ve types.VoteExtension
	if err := ve.Unmarshal(ext); err != nil {
		return fmt.Errorf("decoding: %w", err)
	}
	cp, digest, ok, err := h.keeper.PendingCheckpoint(ctx, height, h.lastAppHash())
	if err != nil {
		return err
	}
	if !ok || ve.Number != cp.Number {
		return fmt.Errorf("signs checkpoint %d, which is not open at height %d", ve.Number, height)
	}
	_, eth, err := h.keeper.VerifyCheckpointSignature(ctx, ve.Number, digest, ve.Signature)
	if err != nil {
		return err
	}
	return h.checkSignerIsValidator(ctx, consAddr, eth)
}

// checkSignerIsValidator refuses a signature made with another
// validator's key, so nobody can replay someone else's extension.
func (h *Handler) checkSignerIsValidator(ctx sdk.Context, consAddr []byte, eth string) error {
	registered, err := h.keeper.SignerForConsAddr(ctx, consAddr)
	if err != nil {
		return err
	}
	if registered != eth {
		return fmt.Errorf("signed by %s, but the validator's key is %s", eth, registered)
	}
	return nil
}

// PrepareProposal verifies the previous height's extensions again and, if
// any are valid, puts them in front of the block's txs.
func (h *Handler) PrepareProposal(next sdk.PrepareProposalHandler) sdk.PrepareProposalHandler {
	return func(ctx sdk.Context, req *abci.RequestPrepareProposal) (*abci.ResponsePrepareProposal, error) {
		injected := h.collectSignatures(ctx, req)
		if injected != nil {
			req.MaxTxBytes -= cmttypes.ComputeProtoSizeForTxs([]cmttypes.Tx{injected})
		}
		resp, err := next(ctx, req)
		if err != nil || injected == nil {
			return resp, err
		}
		resp.Txs = append([][]byte{injected}, resp.Txs...)
		return resp, nil
	}
}

func (h *Handler) collectSignatures(ctx sdk.Context, req *abci.RequestPrepareProposal) []byte {
	cp, found, err := h.keeper.LatestCheckpoint(ctx)
	// Extensions in this commit were made at height-1 for the checkpoint
	// opened at height-2.
	if err != nil || !found || cp.Checkpoint.Height != req.Height-2 || len(cp.Digest) == 0 {
		return nil
	}
	bySigner := map[uint32]types.CheckpointSignature{}
	for _, vote := range req.LocalLastCommit.Votes {
		if len(vote.VoteExtension) == 0 || len(vote.VoteExtension) > MaxVoteExtensionSize {
			continue
		}
		var ve types.VoteExtension
		if err := ve.Unmarshal(vote.VoteExtension); err != nil || ve.Number != cp.Checkpoint.Number {
			continue
		}
		index, eth, err := h.keeper.VerifyCheckpointSignature(ctx, ve.Number, nil, ve.Signature)
		if err != nil || h.checkSignerIsValidator(ctx, vote.Validator.Address, eth) != nil {
			h.logger.Info("dropping invalid late vote extension", "height", req.Height, "validator", fmt.Sprintf("%X", vote.Validator.Address))
			continue
		}
		bySigner[index] = types.CheckpointSignature{SignerIndex: index, EthAddress: eth, Signature: ve.Signature}
	}
	if len(bySigner) == 0 {
		return nil
	}
	injected := types.InjectedCheckpointSignatures{Number: cp.Checkpoint.Number}
	for _, s := range bySigner {
		injected.Signatures = append(injected.Signatures, s)
	}
	sort.Slice(injected.Signatures, func(i, j int) bool { return injected.Signatures[i].SignerIndex < injected.Signatures[j].SignerIndex })
	bz, err := injected.Marshal()
	if err != nil {
		return nil
	}
	return append(bytes.Clone(injectedPrefix), bz...)
}

// ProcessProposal rejects a block whose injected signatures do not all
// verify, then hands the remaining txs to next.
func (h *Handler) ProcessProposal(next sdk.ProcessProposalHandler) sdk.ProcessProposalHandler {
	return func(ctx sdk.Context, req *abci.RequestProcessProposal) (*abci.ResponseProcessProposal, error) {
		injected, rest, err := SplitInjected(req.Txs)
		if err != nil {
			h.logger.Info("rejecting proposal", "height", req.Height, "err", err)
			return &abci.ResponseProcessProposal{Status: abci.ResponseProcessProposal_REJECT}, nil
		}
		if injected != nil {
			if err := h.verifyInjected(ctx, req.Height, injected); err != nil {
				h.logger.Info("rejecting proposal with bad checkpoint signatures", "height", req.Height, "err", err)
				return &abci.ResponseProcessProposal{Status: abci.ResponseProcessProposal_REJECT}, nil
			}
		}
		inner := *req
		inner.Txs = rest
		return next(ctx, &inner)
	}
}

func (h *Handler) verifyInjected(ctx sdk.Context, height int64, injected *types.InjectedCheckpointSignatures) error {
	cp, found, err := h.keeper.LatestCheckpoint(ctx)
	if err != nil {
		return err
	}
	if !found || cp.Checkpoint.Number != injected.Number || cp.Checkpoint.Height != height-2 {
		return fmt.Errorf("signatures for checkpoint %d are not due at height %d", injected.Number, height)
	}
	if len(injected.Signatures) == 0 {
		return errors.New("no signatures")
	}
	for i, s := range injected.Signatures {
		if i > 0 && s.SignerIndex <= injected.Signatures[i-1].SignerIndex {
			return fmt.Errorf("signature %d: signer index %d is duplicate or out of order", i, s.SignerIndex)
		}
		index, eth, err := h.keeper.VerifyCheckpointSignature(ctx, injected.Number, nil, s.Signature)
		if err != nil {
			return fmt.Errorf("signature %d: %w", i, err)
		}
		if index != s.SignerIndex || eth != s.EthAddress {
			return fmt.Errorf("signature %d: claims signer %d (%s), is %d (%s)", i, s.SignerIndex, s.EthAddress, index, eth)
		}
	}
	return nil
}

// PreBlock stores the block's injected signatures, already verified by
// ProcessProposal.
func (h *Handler) PreBlock(ctx sdk.Context, req *abci.RequestFinalizeBlock) error {
	injected, _, err := SplitInjected(req.Txs)
	if err != nil || injected == nil {
		return err
	}
	for _, s := range injected.Signatures {
		if err := h.keeper.AddCheckpointSignature(ctx, injected.Number, s.Signature); err != nil && !errors.Is(err, types.ErrDuplicateSignature) {
			return err
		}
	}
	return nil
}

// SplitInjected separates the injected signatures tx, if the block starts
// with one, from the user txs. An injected tx anywhere else, or one that
// does not decode, is an error.
func SplitInjected(txs [][]byte) (*types.InjectedCheckpointSignatures, [][]byte, error) {
	for i, tx := range txs {
		if i > 0 && bytes.HasPrefix(tx, injectedPrefix) {
			return nil, nil, fmt.Errorf("injected checkpoint signatures at position %d, only the first tx may carry them", i)
		}
	}
	if len(txs) == 0 || !bytes.HasPrefix(txs[0], injectedPrefix) {
		return nil, txs, nil
	}
	var injected types.InjectedCheckpointSignatures
	if err := injected.Unmarshal(txs[0][len(injectedPrefix):]); err != nil {
		return nil, nil, errors.Join(types.ErrInvalidInjectedTx, err)
	}
	return &injected, txs[1:], nil
}

// IsInjected reports whether tx is an injected signatures tx.
func IsInjected(tx []byte) bool { return bytes.HasPrefix(tx, injectedPrefix) }
