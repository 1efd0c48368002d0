package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/settlement/types"
)

// EndBlocker opens a checkpoint at the last block of every epoch: it hands
// over to a new signer set when power moved enough, commits to the epoch's
// records, and waits for the next block to learn the app hash.
func (k Keeper) EndBlocker(ctx context.Context) error {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	height := sdkCtx.BlockHeight()
	if height <= 0 || uint64(height)%params.EpochLength != 0 {
		return nil
	}

	current, found, err := k.LatestSignerSet(ctx)
	if err != nil {
		return err
	}
	if !found {
		current, err = k.candidateSignerSet(ctx, 0)
		if err != nil {
			return err
		}
		if len(current.Members) == 0 {
			sdkCtx.Logger().Info("no validator has registered a settlement key; no checkpoint this epoch", "height", height)
			return nil
		}
		if err := k.SignerSets.Set(ctx, current.Nonce, current); err != nil {
			return err
		}
	}
	nextHash := current.Hash
	next, err := k.candidateSignerSet(ctx, current.Nonce+1)
	if err != nil {
		return err
	}
	if len(next.Members) > 0 && signerSetChanged(current, next) {
		if err := k.SignerSets.Set(ctx, next.Nonce, next); err != nil {
			return err
		}
		nextHash = next.Hash
		if err := sdkCtx.EventManager().EmitTypedEvent(&types.EventSignerSetChanged{Nonce: next.Nonce, Hash: next.Hash}); err != nil {
			return err
		}
	}

	number, recordsFrom := uint64(1), uint64(0)
	if last, found, err := k.LatestCheckpoint(ctx); err != nil {
		return err
	} else if found {
		number, recordsFrom = last.Checkpoint.Number+1, last.RecordsTo
	}
	leaves, recordsTo, err := k.EpochLeaves(ctx, recordsFrom)
	if err != nil {
		return err
	}
	signed := types.SignedCheckpoint{
		Checkpoint: types.Checkpoint{
			Number:            number,
			Height:            height,
			SettlementRoot:    merkleRoot(leaves),
			SignerSetNonce:    current.Nonce,
			NextSignerSetHash: nextHash,
			Time:              uint64(sdkCtx.BlockTime().Unix()),
		},
		TotalPower:  totalPower(current),
		RecordsFrom: recordsFrom,
		RecordsTo:   recordsTo,
	}
	if err := k.Checkpoints.Set(ctx, number, signed); err != nil {
		return err
	}
	return sdkCtx.EventManager().EmitTypedEvent(&types.EventCheckpointCreated{Number: number, Height: height})
}

// BeginBlocker completes the checkpoint opened at the previous height: its
// app hash is in this block's header, so its digest is now known.
func (k Keeper) BeginBlocker(ctx context.Context) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	cp, found, err := k.LatestCheckpoint(ctx)
	if err != nil || !found || len(cp.Digest) > 0 || cp.Checkpoint.Height != sdkCtx.BlockHeight()-1 {
		return err
	}
	appHash := sdkCtx.BlockHeader().AppHash
	cp.Checkpoint.AppHash = appHash
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	if cp.Digest, err = checkpointDigest(params, sdkCtx.ChainID(), cp.Checkpoint); err != nil {
		return err
	}
	return k.Checkpoints.Set(ctx, cp.Checkpoint.Number, cp)
}

// totalPower is the sum of set's powers, the base of a checkpoint's quorum.
func totalPower(set types.SignerSet) uint64 {
	var total uint64
	for _, m := range set.Members {
		total += m.Power
	}
	return total
}
