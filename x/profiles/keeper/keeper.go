// Package keeper holds x/profiles state: profiles with a unique handle
// index, follow edges in both directions, block edges, and the ed25519 app
// keys that sign message-lane messages for a profile.
//
// Every Msg has an exported Keeper method of the same name holding its
// rules; the Msg server and the message lane both call it.
package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/store"
	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/internal/addresscodec"
	"github.com/socialchain/socialchain/internal/counter"
	"github.com/socialchain/socialchain/x/profiles/types"
)

// ProfileIndexes are the secondary indexes of the profiles map.
type ProfileIndexes struct {
	// Handle maps a handle to its owner; unique, so a handle has one owner.
	Handle *indexes.Unique[string, sdk.AccAddress, types.Profile]
}

// IndexesList implements collections.Indexes.
func (i ProfileIndexes) IndexesList() []collections.Index[sdk.AccAddress, types.Profile] {
	return []collections.Index[sdk.AccAddress, types.Profile]{i.Handle}
}

// Edge is a directed relationship between two accounts.
type Edge = collections.Pair[sdk.AccAddress, sdk.AccAddress]

// AppKeyID keys an app key: (owner, 32-byte ed25519 public key).
type AppKeyID = collections.Pair[sdk.AccAddress, []byte]

// ProfilesHooks lets another module record profile writes: x/settlement
// commits every created or changed profile to its epoch's settlement tree.
type ProfilesHooks interface {
	// AfterProfileWritten runs after a profile is created or changed, with
	// the sha256 hash of the profile's protobuf encoding.
	AfterProfileWritten(ctx context.Context, owner sdk.AccAddress, handle string, profileHash []byte) error
}

// Keeper owns the profiles store.
type Keeper struct {
	cdc          codec.BinaryCodec
	addressCodec address.Codec
	// authority may change params: the gov module account.
	authority string
	hooks     ProfilesHooks

	Schema    collections.Schema
	Params    collections.Item[types.Params]
	Profiles  *collections.IndexedMap[sdk.AccAddress, types.Profile, ProfileIndexes]
	Follows   collections.KeySet[Edge] // (follower, followee)
	Followers collections.KeySet[Edge] // (followee, follower): the same edges, reversed
	Blocks    collections.KeySet[Edge] // (blocker, blocked)
	// AppKeys holds the app keys of each profile, ordered by public key
	// under the owner; revoking a key deletes it.
	AppKeys collections.Map[AppKeyID, types.AppKey]
}

// NewKeeper returns the profiles keeper over storeService.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, addressCodec address.Codec, authority string) Keeper {
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic(fmt.Errorf("invalid profiles authority %q: %w", authority, err))
	}
	sb := collections.NewSchemaBuilder(storeService)
	edgeKey := collections.PairKeyCodec(sdk.AccAddressKey, sdk.AccAddressKey)
	k := Keeper{
		cdc:          cdc,
		addressCodec: addressCodec,
		authority:    authority,
		Params:       collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Profiles: collections.NewIndexedMap(sb, types.ProfilesKey, "profiles", sdk.AccAddressKey, codec.CollValue[types.Profile](cdc),
			ProfileIndexes{
				Handle: indexes.NewUnique(sb, types.ProfilesByHandle, "profiles_by_handle", collections.StringKey, sdk.AccAddressKey,
					func(_ sdk.AccAddress, p types.Profile) (string, error) { return p.Handle, nil }),
			}),
		Follows:   collections.NewKeySet(sb, types.FollowsKey, "follows", edgeKey),
		Followers: collections.NewKeySet(sb, types.FollowersKey, "followers", edgeKey),
		Blocks:    collections.NewKeySet(sb, types.BlocksKey, "blocks", edgeKey),
		AppKeys: collections.NewMap(sb, types.AppKeysKey, "app_keys",
			collections.PairKeyCodec(sdk.AccAddressKey, collections.BytesKey), codec.CollValue[types.AppKey](cdc)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// Authority returns the address allowed to change params.
func (k Keeper) Authority() string { return k.authority }

// AddressCodec returns the codec for account addresses.
func (k Keeper) AddressCodec() address.Codec { return k.addressCodec }

// decodeAddress parses a bech32 account address, naming field on failure.
func (k Keeper) decodeAddress(field, addr string) (sdk.AccAddress, error) {
	return addresscodec.DecodeField(k.addressCodec, types.ErrInvalidAddress, field, addr)
}

// GetProfile returns owner's profile or ErrProfileNotFound.
func (k Keeper) GetProfile(ctx context.Context, owner sdk.AccAddress) (types.Profile, error) {
	p, err := k.Profiles.Get(ctx, owner)
	if errorsmod.IsOf(err, collections.ErrNotFound) {
		return p, errorsmod.Wrapf(types.ErrProfileNotFound, "address %s", k.mustString(owner))
	}
	return p, err
}

// HasProfile reports whether addr owns a profile.
func (k Keeper) HasProfile(ctx context.Context, addr sdk.AccAddress) (bool, error) {
	return k.Profiles.Has(ctx, addr)
}

// HasBlocked reports whether blocker has blocked blocked.
func (k Keeper) HasBlocked(ctx context.Context, blocker, blocked sdk.AccAddress) (bool, error) {
	return k.Blocks.Has(ctx, collections.Join(blocker, blocked))
}

// IsFollowing reports whether follower follows followee.
func (k Keeper) IsFollowing(ctx context.Context, follower, followee sdk.AccAddress) (bool, error) {
	return k.Follows.Has(ctx, collections.Join(follower, followee))
}

// AddressByHandle resolves handle to its owner; nil, nil when nobody has it.
func (k Keeper) AddressByHandle(ctx context.Context, handle string) (sdk.AccAddress, error) {
	owner, err := k.Profiles.Indexes.Handle.MatchExact(ctx, handle)
	if errorsmod.IsOf(err, collections.ErrNotFound) {
		return nil, nil
	}
	return owner, err
}

// AdjustPostsCount adds delta to author's posts counter; x/posts calls it
// on create and delete.
func (k Keeper) AdjustPostsCount(ctx context.Context, author sdk.AccAddress, delta int64) error {
	p, err := k.GetProfile(ctx, author)
	if err != nil {
		return err
	}
	p.PostsCount = counter.Add(p.PostsCount, delta)
	return k.Profiles.Set(ctx, author, p)
}

// IterateFollowing calls cb for each account follower follows, in address
// order, until cb returns true.
func (k Keeper) IterateFollowing(ctx context.Context, follower sdk.AccAddress, cb func(followee sdk.AccAddress) (stop bool)) error {
	it, err := k.Follows.Iterate(ctx, collections.NewPrefixedPairRange[sdk.AccAddress, sdk.AccAddress](follower))
	if err != nil {
		return err
	}
	defer it.Close()
	for ; it.Valid(); it.Next() {
		edge, err := it.Key()
		if err != nil {
			return err
		}
		if cb(edge.K2()) {
			return nil
		}
	}
	return nil
}

func (k Keeper) mustString(addr sdk.AccAddress) string {
	s, err := k.addressCodec.BytesToString(addr)
	if err != nil {
		return fmt.Sprintf("%X", []byte(addr))
	}
	return s
}

// SetHooks installs the hooks called after profiles are written; the app
// sets them once at start-up.
func (k *Keeper) SetHooks(h ProfilesHooks) { k.hooks = h }

// ProfileHash is what the settlement tree commits to for a profile
// version: types.ProfileHash, the owner-authored fields without counters.
func (k Keeper) ProfileHash(p types.Profile) ([]byte, error) {
	h, err := types.ProfileHash(p)
	return h[:], err
}

// afterProfileWritten calls the hooks, if any.
func (k Keeper) afterProfileWritten(ctx context.Context, owner sdk.AccAddress, p types.Profile) error {
	if k.hooks == nil {
		return nil
	}
	h, err := k.ProfileHash(p)
	if err != nil {
		return err
	}
	return k.hooks.AfterProfileWritten(ctx, owner, p.Handle, h)
}
