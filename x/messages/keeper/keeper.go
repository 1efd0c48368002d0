// Package keeper holds the message lane's state: receipts of the messages
// blocks carried (their status, and the replay protection of the timestamp
// window), bought storage units and each author's usage per period. It
// applies lane messages through the keeper methods of x/posts and
// x/profiles, the same ones their Msg servers call.
package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/store"
	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/internal/addresscodec"
	"github.com/socialchain/socialchain/x/messages/types"
)

// Keeper owns the messages store.
type Keeper struct {
	cdc          codec.BinaryCodec
	addressCodec address.Codec
	// authority may change params: the gov module account.
	authority string
	posts     types.PostsKeeper
	profiles  types.ProfilesKeeper
	bank      types.BankKeeper
	// feeCollector receives the price of bought units.
	feeCollector string

	Schema   collections.Schema
	Params   collections.Item[types.Params]
	Receipts collections.Map[[]byte, types.Receipt]
	// ReceiptExpiry orders receipts by when they leave the window, so each
	// block prunes the expired ones with one range.
	ReceiptExpiry collections.KeySet[collections.Pair[int64, []byte]]
	// Units holds the units each profile bought (free units not included).
	Units collections.Map[sdk.AccAddress, uint32]
	// Usage holds each author's message count in its latest period.
	Usage collections.Map[sdk.AccAddress, types.Usage]

	// replay skips the store lookup of receipts that certainly do not
	// exist (replay_filter.go); shared by every copy of the keeper.
	replay *replayFilter
}

// NewKeeper returns the messages keeper. posts and profiles apply the
// messages; bank takes the price of units, which goes to feeCollector.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, addressCodec address.Codec, authority string,
	posts types.PostsKeeper, profiles types.ProfilesKeeper, bank types.BankKeeper, feeCollector string,
) Keeper {
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic(fmt.Errorf("invalid messages authority %q: %w", authority, err))
	}
	sb := collections.NewSchemaBuilder(storeService)
	k := Keeper{
		cdc:           cdc,
		addressCodec:  addressCodec,
		authority:     authority,
		posts:         posts,
		profiles:      profiles,
		bank:          bank,
		feeCollector:  feeCollector,
		Params:        collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Receipts:      collections.NewMap(sb, types.ReceiptsKey, "receipts", collections.BytesKey, codec.CollValue[types.Receipt](cdc)),
		ReceiptExpiry: collections.NewKeySet(sb, types.ReceiptExpiryKey, "receipt_expiry", collections.PairKeyCodec(collections.Int64Key, collections.BytesKey)),
		Units:         collections.NewMap(sb, types.UnitsKey, "units", sdk.AccAddressKey, collections.Uint32Value),
		Usage:         collections.NewMap(sb, types.UsageKey, "usage", sdk.AccAddressKey, codec.CollValue[types.Usage](cdc)),
		replay:        newReplayFilter(),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// Authority returns the address that may change params.
func (k Keeper) Authority() string { return k.authority }

// AddressCodec returns the account address codec.
func (k Keeper) AddressCodec() address.Codec { return k.addressCodec }

// GetParams returns the module params.
func (k Keeper) GetParams(ctx context.Context) (types.Params, error) { return k.Params.Get(ctx) }

// decodeAddress parses a bech32 account address, naming field on failure.
func (k Keeper) decodeAddress(field, addr string) (sdk.AccAddress, error) {
	return addresscodec.DecodeField(k.addressCodec, types.ErrInvalidField, field, addr)
}

// Receipt returns the receipt of a message, if a block carried it and its
// window has not closed.
func (k Keeper) Receipt(ctx context.Context, hash types.Hash) (types.Receipt, bool, error) {
	r, err := k.Receipts.Get(ctx, hash[:])
	if errorsmod.IsOf(err, collections.ErrNotFound) {
		return r, false, nil
	}
	return r, err == nil, err
}

// latestReceipt is Receipt for the latest state or the block being
// executed, the states the replay filter covers: most messages are new,
// and the filter proves them so without a store lookup. Queries at past
// heights use Receipt.
func (k Keeper) latestReceipt(ctx context.Context, hash types.Hash) (types.Receipt, bool, error) {
	if !k.replay.mayHold(hash) {
		return types.Receipt{}, false, nil
	}
	return k.Receipt(ctx, hash)
}

// units returns the units of owner, free ones included.
func (k Keeper) units(ctx context.Context, params types.Params, owner sdk.AccAddress) (uint32, error) {
	bought, err := k.Units.Get(ctx, owner)
	if err != nil && !errorsmod.IsOf(err, collections.ErrNotFound) {
		return 0, err
	}
	return params.FreeUnits + bought, nil
}

// usedInPeriod returns what author used in period.
func (k Keeper) usedInPeriod(ctx context.Context, author sdk.AccAddress, period uint64) (uint64, error) {
	u, err := k.Usage.Get(ctx, author)
	if errorsmod.IsOf(err, collections.ErrNotFound) {
		return 0, nil
	}
	if err != nil || u.Period != period {
		return 0, err
	}
	return u.Count, nil
}

// currentPeriod is the allowance period of the block time of ctx.
func currentPeriod(ctx context.Context, params types.Params) uint64 {
	t := sdk.UnwrapSDKContext(ctx).BlockTime().Unix()
	if t < 0 {
		return 0
	}
	return uint64(t) / uint64(params.PeriodSeconds)
}
