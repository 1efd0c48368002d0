package keeper

import (
	"bytes"
	"context"
	"fmt"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/settlement/types"
)

// This file holds checkpoint signatures: what validators sign, checking a
// signature against the checkpoint's signer set, and adding it.

// PendingCheckpoint returns the checkpoint validators should sign when
// extending their vote at height: the one opened at height-1, completed
// with lastAppHash (the app hash after height-1), and its digest.
func (k Keeper) PendingCheckpoint(ctx context.Context, height int64, lastAppHash []byte) (types.Checkpoint, []byte, bool, error) {
	cp, found, err := k.LatestCheckpoint(ctx)
	if err != nil || !found || cp.Checkpoint.Height != height-1 {
		return types.Checkpoint{}, nil, false, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return types.Checkpoint{}, nil, false, err
	}
	c := cp.Checkpoint
	c.AppHash = lastAppHash
	digest, err := checkpointDigest(params, sdk.UnwrapSDKContext(ctx).ChainID(), c)
	if err != nil {
		return types.Checkpoint{}, nil, false, err
	}
	return c, digest, true, nil
}

// VerifyCheckpointSignature checks sig against checkpoint number's digest
// and signer set, returning the signer's index in the set. It writes
// nothing, so ABCI handlers can call it on proposals they may reject.
func (k Keeper) VerifyCheckpointSignature(ctx context.Context, number uint64, digest, sig []byte) (uint32, string, error) {
	cp, err := k.GetCheckpoint(ctx, number)
	if err != nil {
		return 0, "", err
	}
	if digest == nil {
		digest = cp.Digest
	}
	if len(digest) == 0 {
		return 0, "", errorsmod.Wrapf(types.ErrInvalidSignature, "checkpoint %d is not complete yet", number)
	}
	set, err := k.SignerSets.Get(ctx, cp.Checkpoint.SignerSetNonce)
	if err != nil {
		return 0, "", fmt.Errorf("signer set %d of checkpoint %d: %w", cp.Checkpoint.SignerSetNonce, number, err)
	}
	addr, err := types.RecoverSigner(digest, sig)
	if err != nil {
		return 0, "", errorsmod.Wrapf(types.ErrInvalidSignature, "checkpoint %d: %s", number, err)
	}
	eth := addr.Hex()
	for i, m := range set.Members {
		if m.EthAddress == eth {
			return uint32(i), eth, nil
		}
	}
	return 0, "", errorsmod.Wrapf(types.ErrInvalidSignature, "checkpoint %d: %s is not in signer set %d", number, eth, set.Nonce)
}

// AddCheckpointSignature verifies sig and adds it to checkpoint number,
// marking the checkpoint final once more than 2/3 of the power signed.
func (k Keeper) AddCheckpointSignature(ctx context.Context, number uint64, sig []byte) error {
	index, eth, err := k.VerifyCheckpointSignature(ctx, number, nil, sig)
	if err != nil {
		return err
	}
	cp, err := k.GetCheckpoint(ctx, number)
	if err != nil {
		return err
	}
	for _, s := range cp.Signatures {
		if s.SignerIndex == index {
			return errorsmod.Wrapf(types.ErrDuplicateSignature, "checkpoint %d: %s", number, eth)
		}
	}
	set, err := k.SignerSets.Get(ctx, cp.Checkpoint.SignerSetNonce)
	if err != nil {
		return err
	}
	// Keep signatures sorted by signer index: the L1 contract wants them so.
	pos := len(cp.Signatures)
	for i, s := range cp.Signatures {
		if s.SignerIndex > index {
			pos = i
			break
		}
	}
	cp.Signatures = append(cp.Signatures, types.CheckpointSignature{})
	copy(cp.Signatures[pos+1:], cp.Signatures[pos:])
	cp.Signatures[pos] = types.CheckpointSignature{SignerIndex: index, EthAddress: eth, Signature: bytes.Clone(sig)}
	cp.SignedPower += set.Members[index].Power

	wasFinal := cp.Final
	cp.Final = types.HasQuorum(cp.SignedPower, cp.TotalPower)
	if err := k.Checkpoints.Set(ctx, number, cp); err != nil {
		return err
	}
	if cp.Final && !wasFinal {
		return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventCheckpointFinal{
			Number: number, SignedPower: cp.SignedPower, TotalPower: cp.TotalPower,
		})
	}
	return nil
}
