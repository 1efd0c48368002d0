package keeper

import (
	"bytes"
	"context"

	"github.com/ethereum/go-ethereum/common"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	"github.com/socialchain/socialchain/x/settlement/types"
)

// This file holds the settlement records: the leaves x/posts and
// x/profiles write through the hooks, the epoch's list of them that a
// checkpoint's settlement root commits to, and their Merkle proofs.

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
