package keeper

import (
	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"context"

	"github.com/socialchain/socialchain/x/settlement/types"
)

// InitGenesis loads a validated genesis state. Signers listed in genesis
// are trusted as they are: genesis is agreed by every validator.
func (k Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(k.valCodec); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	for _, s := range gs.Signers {
		valAddr, err := k.valCodec.StringToBytes(s.Validator)
		if err != nil {
			return err
		}
		if err := k.Signers.Set(ctx, valAddr, s); err != nil {
			return err
		}
		if err := k.RegistrationNonces.Set(ctx, valAddr, s.Nonce); err != nil {
			return err
		}
	}
	for _, set := range gs.SignerSets {
		if err := k.SignerSets.Set(ctx, set.Nonce, set); err != nil {
			return err
		}
	}
	for _, cp := range gs.Checkpoints {
		if err := k.Checkpoints.Set(ctx, cp.Checkpoint.Number, cp); err != nil {
			return err
		}
	}
	for i, r := range gs.Records {
		if err := k.EpochRecords.Set(ctx, uint64(i), r); err != nil {
			return err
		}
		// Later records of the same key overwrite earlier ones: latest wins.
		if err := k.RecordIndex.Set(ctx, collections.Join(r.Kind, r.Key), uint64(i)); err != nil {
			return err
		}
	}
	return k.EpochRecordSeq.Set(ctx, uint64(len(gs.Records)))
}

// ExportGenesis returns the whole module state.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params}
	if err := k.Signers.Walk(ctx, nil, func(_ sdk.ValAddress, s types.Signer) (bool, error) {
		gs.Signers = append(gs.Signers, s)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.SignerSets.Walk(ctx, nil, func(_ uint64, s types.SignerSet) (bool, error) {
		gs.SignerSets = append(gs.SignerSets, s)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Checkpoints.Walk(ctx, nil, func(_ uint64, cp types.SignedCheckpoint) (bool, error) {
		gs.Checkpoints = append(gs.Checkpoints, cp)
		return false, nil
	}); err != nil {
		return nil, err
	}
	// Records are dense from 0, so their position is their sequence number.
	if err := k.EpochRecords.Walk(ctx, nil, func(_ uint64, r types.SettlementRecord) (bool, error) {
		gs.Records = append(gs.Records, r)
		return false, nil
	}); err != nil {
		return nil, err
	}
	return gs, nil
}
