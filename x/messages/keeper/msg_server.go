package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/messages/types"
)

type msgServer struct {
	Keeper
}

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the messages Msg service.
func NewMsgServerImpl(k Keeper) types.MsgServer { return msgServer{Keeper: k} }

// BuyUnits sells units to the signer's profile.
func (m msgServer) BuyUnits(ctx context.Context, msg *types.MsgBuyUnits) (*types.MsgBuyUnitsResponse, error) {
	total, err := m.Keeper.BuyUnits(ctx, msg.Buyer, msg.Units)
	if err != nil {
		return nil, err
	}
	return &types.MsgBuyUnitsResponse{Units: total}, nil
}

// BuyUnits charges buyer units × unit_price and raises its units; it
// returns the profile's units afterwards, free ones included.
func (k Keeper) BuyUnits(ctx context.Context, buyer string, units uint32) (uint32, error) {
	addr, err := k.decodeAddress("buyer", buyer)
	if err != nil {
		return 0, err
	}
	if units == 0 {
		return 0, errorsmod.Wrap(types.ErrInvalidUnits, "units must be at least 1")
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return 0, err
	}
	if has, err := k.profiles.HasProfile(ctx, addr); err != nil {
		return 0, err
	} else if !has {
		return 0, errorsmod.Wrapf(types.ErrInvalidAuthor, "buyer %s has no profile", buyer)
	}
	current, err := k.units(ctx, params, addr)
	if err != nil {
		return 0, err
	}
	if uint64(current)+uint64(units) > uint64(params.MaxUnits) {
		return 0, errorsmod.Wrapf(types.ErrInvalidUnits, "%d units plus the %d held exceed max_units %d", units, current, params.MaxUnits)
	}
	price := sdk.NewCoins(sdk.NewCoin(params.UnitPrice.Denom, params.UnitPrice.Amount.Mul(sdkmath.NewInt(int64(units)))))
	if err := k.bank.SendCoinsFromAccountToModule(ctx, addr, k.feeCollector, price); err != nil {
		return 0, err
	}
	total := current + units
	if err := k.Units.Set(ctx, addr, total-params.FreeUnits); err != nil {
		return 0, err
	}
	return total, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventUnitsBought{Buyer: buyer, Units: units, Total: total})
}

// UpdateParams replaces the params; only the authority may.
func (m msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if msg.Authority != m.authority {
		return nil, errorsmod.Wrapf(types.ErrUnauthorized, "authority is %s, not %s", m.authority, msg.Authority)
	}
	if err := msg.Params.Validate(); err != nil {
		return nil, err
	}
	if err := m.Params.Set(ctx, msg.Params); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, nil
}
