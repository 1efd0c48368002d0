package keeper

import (
	"bytes"
	"context"
	"fmt"
	"strconv"

	"github.com/ethereum/go-ethereum/common"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/socialchain/socialchain/x/settlement/types"
)

// RecordLeaf adds a record to the current epoch's settlement tree. x/posts
// and x/profiles call it (through hooks) for every new post and profile
// change, so the L1 can verify a single record with a Merkle proof.
func (k Keeper) RecordLeaf(ctx context.Context, kind, key string, leaf []byte) error {
	seq, err := k.EpochRecordSeq.Next(ctx)
	if err != nil {
		return err
	}
	if err := k.RecordIndex.Set(ctx, collections.Join(kind, key), seq); err != nil {
		return err
	}
	return k.EpochRecords.Set(ctx, seq, types.SettlementRecord{Kind: kind, Key: key, Leaf: leaf})
}

// Hooks adapts the keeper to the posts and profiles hooks.
type Hooks struct{ k Keeper }

// Hooks returns the hooks x/posts and x/profiles call on writes.
func (k Keeper) Hooks() Hooks { return Hooks{k} }

// AfterPostWritten records a post version: keccak(0x01 ‖ author ‖ id ‖ content hash).
func (h Hooks) AfterPostWritten(ctx context.Context, author sdk.AccAddress, postID uint64, contentHash []byte) error {
	leaf := types.PostLeaf(common.BytesToAddress(author), postID, common.BytesToHash(contentHash))
	return h.k.RecordLeaf(ctx, types.RecordKindPost, strconv.FormatUint(postID, 10), leaf[:])
}

// AfterProfileWritten records a profile version: keccak(0x02 ‖ owner ‖ keccak(handle) ‖ profile hash).
func (h Hooks) AfterProfileWritten(ctx context.Context, owner sdk.AccAddress, handle string, profileHash []byte) error {
	leaf := types.ProfileLeaf(common.BytesToAddress(owner), handle, common.BytesToHash(profileHash))
	return h.k.RecordLeaf(ctx, types.RecordKindProfile, sdk.AccAddress(owner).String(), leaf[:])
}

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
	cp.Final = 3*cp.SignedPower > 2*cp.TotalPower
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

// EpochLeaves returns the leaves of the records written since sequence
// number from, in order, and the sequence number after the last one.
// Records are kept after their checkpoint so provers can rebuild any
// epoch's tree.
func (k Keeper) EpochLeaves(ctx context.Context, from uint64) ([][]byte, uint64, error) {
	var leaves [][]byte
	to := from
	err := k.EpochRecords.Walk(ctx, new(collections.Range[uint64]).StartInclusive(from), func(seq uint64, r types.SettlementRecord) (bool, error) {
		leaves = append(leaves, r.Leaf)
		to = seq + 1
		return false, nil
	})
	return leaves, to, err
}

func totalPower(set types.SignerSet) uint64 {
	var total uint64
	for _, m := range set.Members {
		total += m.Power
	}
	return total
}

// RecordProof finds the latest record of (kind, key), the checkpoint that
// sealed it (0 while its epoch is open) and its Merkle proof.
func (k Keeper) RecordProof(ctx context.Context, kind, key string) (*types.QueryRecordProofResponse, error) {
	seq, err := k.RecordIndex.Get(ctx, collections.Join(kind, key))
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrRecordNotFound, "%s %s", kind, key)
	}
	rec, err := k.EpochRecords.Get(ctx, seq)
	if err != nil {
		return nil, err
	}
	res := &types.QueryRecordProofResponse{Record: rec, Sequence: seq}
	it, err := k.Checkpoints.Iterate(ctx, new(collections.Range[uint64]).Descending())
	if err != nil {
		return nil, err
	}
	defer it.Close()
	for ; it.Valid(); it.Next() {
		cp, err := it.Value()
		if err != nil {
			return nil, err
		}
		if seq >= cp.RecordsTo {
			break // newer than every sealed epoch
		}
		if seq < cp.RecordsFrom {
			continue
		}
		leaves, _, err := k.epochLeavesBetween(ctx, cp.RecordsFrom, cp.RecordsTo)
		if err != nil {
			return nil, err
		}
		proof, err := types.MerkleProof(toHashes(leaves), int(seq-cp.RecordsFrom))
		if err != nil {
			return nil, err
		}
		res.Checkpoint = cp.Checkpoint.Number
		for _, h := range proof {
			res.MerkleProof = append(res.MerkleProof, bytes.Clone(h[:]))
		}
		break
	}
	return res, nil
}

// epochLeavesBetween returns the leaves with sequence in [from, to).
func (k Keeper) epochLeavesBetween(ctx context.Context, from, to uint64) ([][]byte, uint64, error) {
	var leaves [][]byte
	err := k.EpochRecords.Walk(ctx, new(collections.Range[uint64]).StartInclusive(from).EndExclusive(to), func(_ uint64, r types.SettlementRecord) (bool, error) {
		leaves = append(leaves, r.Leaf)
		return false, nil
	})
	return leaves, to, err
}

func toHashes(leaves [][]byte) [][32]byte {
	out := make([][32]byte, len(leaves))
	for i, l := range leaves {
		out[i] = common.BytesToHash(l)
	}
	return out
}
