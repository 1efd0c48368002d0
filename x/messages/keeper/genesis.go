package keeper

import (
	"context"

	"github.com/socialchain/socialchain/x/messages/types"
)

// InitGenesis loads a validated genesis state.
func (k Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(k.addressCodec); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	for _, r := range gs.Receipts {
		if err := k.importReceipt(ctx, r); err != nil {
			return err
		}
	}
	for _, u := range gs.Units {
		addr, err := k.addressCodec.StringToBytes(u.Owner)
		if err != nil {
			return err
		}
		if err := k.Units.Set(ctx, addr, u.Units); err != nil {
			return err
		}
	}
	for _, u := range gs.Usage {
		addr, err := k.addressCodec.StringToBytes(u.Author)
		if err != nil {
			return err
		}
		if err := k.Usage.Set(ctx, addr, u.Usage); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis dumps the module state in key order.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params}
	iter, err := k.Receipts.Iterate(ctx, nil)
	if err != nil {
		return nil, err
	}
	if gs.Receipts, err = iter.Values(); err != nil {
		return nil, err
	}
	units, err := k.Units.Iterate(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer units.Close()
	for ; units.Valid(); units.Next() {
		kv, err := units.KeyValue()
		if err != nil {
			return nil, err
		}
		owner, err := k.addressCodec.BytesToString(kv.Key)
		if err != nil {
			return nil, err
		}
		gs.Units = append(gs.Units, types.UnitsEntry{Owner: owner, Units: kv.Value})
	}
	usage, err := k.Usage.Iterate(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer usage.Close()
	for ; usage.Valid(); usage.Next() {
		kv, err := usage.KeyValue()
		if err != nil {
			return nil, err
		}
		author, err := k.addressCodec.BytesToString(kv.Key)
		if err != nil {
			return nil, err
		}
		gs.Usage = append(gs.Usage, types.UsageEntry{Author: author, Usage: kv.Value})
	}
	return gs, nil
}
