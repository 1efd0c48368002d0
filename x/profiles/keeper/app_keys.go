package keeper

import (
	"bytes"
	"context"
	"encoding/hex"
	"slices"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/profiles/types"
)

// App keys are ed25519 keys a profile owner authorises, with scopes, to
// sign message-lane messages for the profile. The owner's account key stays
// the root authority: only a transaction it signs adds or revokes a key.
//
// Invariant: an app key exists only while its owner has a profile.
// AddAppKey requires the profile, DeleteProfile removes the keys and
// genesis validation refuses keys without a profile. AuthorizeAppKey relies
// on it to answer with a single read.

// AddAppKey registers msg.PubKey as an app key of msg.Owner's profile with
// msg.Scopes, until msg.ExpiresAt if set. The key must be a 32-byte ed25519
// public key not already registered for the profile, the scopes valid,
// the expiry after the block time, and the profile under
// max_app_keys_per_profile keys (expired keys count until revoked).
func (k Keeper) AddAppKey(ctx context.Context, msg *types.MsgAddAppKey) (*types.MsgAddAppKeyResponse, error) {
	owner, err := k.decodeAddress("owner", msg.Owner)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateAppKeyPubKey(msg.PubKey); err != nil {
		return nil, err
	}
	if err := types.ValidateScopes(msg.Scopes); err != nil {
		return nil, err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	now := sdkCtx.BlockTime()
	if msg.ExpiresAt != nil && !msg.ExpiresAt.After(now) {
		return nil, errorsmod.Wrapf(types.ErrAppKeyExpired, "expires_at %s is not after the block time %s",
			msg.ExpiresAt.UTC().Format(time.RFC3339Nano), now.UTC().Format(time.RFC3339Nano))
	}

	profile, err := k.GetProfile(ctx, owner)
	if err != nil {
		return nil, err
	}
	id := collections.Join(owner, msg.PubKey)
	if has, err := k.AppKeys.Has(ctx, id); err != nil {
		return nil, err
	} else if has {
		return nil, errorsmod.Wrapf(types.ErrAppKeyExists, "key %x of %s: revoke it first to change its scopes or expiry", msg.PubKey, msg.Owner)
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	n, err := k.countAppKeys(ctx, owner)
	if err != nil {
		return nil, err
	}
	if n >= params.MaxAppKeysPerProfile {
		return nil, errorsmod.Wrapf(types.ErrTooManyAppKeys, "%s holds %d app keys, max_app_keys_per_profile is %d: revoke one first",
			msg.Owner, n, params.MaxAppKeysPerProfile)
	}

	key := types.AppKey{
		// The profile's own spelling of the address, so genesis matches
		// keys to profiles by string.
		Owner:       profile.Owner,
		PubKey:      bytes.Clone(msg.PubKey),
		Scopes:      slices.Clone(msg.Scopes),
		AddedHeight: sdkCtx.BlockHeight(),
		AddedAt:     now,
	}
	if msg.ExpiresAt != nil {
		t := *msg.ExpiresAt
		key.ExpiresAt = &t
	}
	if err := k.AppKeys.Set(ctx, id, key); err != nil {
		return nil, err
	}
	return &types.MsgAddAppKeyResponse{}, sdkCtx.EventManager().EmitTypedEvent(&types.EventAppKeyAdded{
		Owner: key.Owner, PubKey: hex.EncodeToString(key.PubKey), Scopes: key.Scopes,
	})
}

// RevokeAppKey deletes an app key of msg.Owner's profile; from then on
// AuthorizeAppKey refuses it, so lane messages it signed that are not yet
// in a block fail.
func (k Keeper) RevokeAppKey(ctx context.Context, msg *types.MsgRevokeAppKey) (*types.MsgRevokeAppKeyResponse, error) {
	owner, err := k.decodeAddress("owner", msg.Owner)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateAppKeyPubKey(msg.PubKey); err != nil {
		return nil, err
	}
	key, err := k.GetAppKey(ctx, owner, msg.PubKey)
	if err != nil {
		return nil, err
	}
	if err := k.AppKeys.Remove(ctx, collections.Join(owner, msg.PubKey)); err != nil {
		return nil, err
	}
	return &types.MsgRevokeAppKeyResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventAppKeyRevoked{
		Owner: key.Owner, PubKey: hex.EncodeToString(key.PubKey),
	})
}

// AuthorizeAppKey reports whether pubKey may sign a message of scope for
// owner at the block time of ctx: nil if owner has a profile, pubKey is
// one of its app keys, the key has not expired (a key whose expires_at is
// at or before the block time has) and its scopes include scope.
// Otherwise it returns, wrapped with the detail, ErrProfileNotFound,
// ErrAppKeyNotFound, ErrAppKeyExpired or ErrAppKeyOutOfScope; and
// ErrInvalidAppKey or ErrInvalidScope for a malformed key or an unknown
// scope name. The message lane calls it for every message, so an
// authorised key costs one store read.
func (k Keeper) AuthorizeAppKey(ctx context.Context, owner sdk.AccAddress, pubKey []byte, scope string) error {
	if err := types.ValidateAppKeyPubKey(pubKey); err != nil {
		return err
	}
	if !types.IsKnownScope(scope) {
		return errorsmod.Wrapf(types.ErrInvalidScope, "scope %q: not one of %v", scope, types.AllScopes)
	}
	key, err := k.GetAppKey(ctx, owner, pubKey)
	if err != nil {
		return err
	}
	if now := sdk.UnwrapSDKContext(ctx).BlockTime(); key.ExpiredAt(now) {
		return errorsmod.Wrapf(types.ErrAppKeyExpired, "key %x of %s expired at %s (block time %s)",
			pubKey, key.Owner, key.ExpiresAt.UTC().Format(time.RFC3339Nano), now.UTC().Format(time.RFC3339Nano))
	}
	if !key.HasScope(scope) {
		return errorsmod.Wrapf(types.ErrAppKeyOutOfScope, "key %x of %s has scopes %v, not %q", pubKey, key.Owner, key.Scopes, scope)
	}
	return nil
}

// GetAppKey returns the app key pubKey of owner. When there is none it
// returns ErrProfileNotFound if owner has no profile, else
// ErrAppKeyNotFound; the profile is only read on that path.
func (k Keeper) GetAppKey(ctx context.Context, owner sdk.AccAddress, pubKey []byte) (types.AppKey, error) {
	key, err := k.AppKeys.Get(ctx, collections.Join(owner, pubKey))
	if err == nil || !errorsmod.IsOf(err, collections.ErrNotFound) {
		return key, err
	}
	if has, err := k.Profiles.Has(ctx, owner); err != nil {
		return key, err
	} else if !has {
		return key, errorsmod.Wrapf(types.ErrProfileNotFound, "address %s", k.mustString(owner))
	}
	return key, errorsmod.Wrapf(types.ErrAppKeyNotFound, "key %x of %s", pubKey, k.mustString(owner))
}

// countAppKeys counts owner's app keys.
func (k Keeper) countAppKeys(ctx context.Context, owner sdk.AccAddress) (uint32, error) {
	it, err := k.AppKeys.Iterate(ctx, collections.NewPrefixedPairRange[sdk.AccAddress, []byte](owner))
	if err != nil {
		return 0, err
	}
	defer it.Close()
	var n uint32
	for ; it.Valid(); it.Next() {
		n++
	}
	return n, nil
}

// appKeysOf lists owner's app keys. Callers collect first and write after,
// so no write happens mid-iteration.
func (k Keeper) appKeysOf(ctx context.Context, owner sdk.AccAddress) ([]types.AppKey, error) {
	it, err := k.AppKeys.Iterate(ctx, collections.NewPrefixedPairRange[sdk.AccAddress, []byte](owner))
	if err != nil {
		return nil, err
	}
	return it.Values() // closes it
}

// removeAppKeys deletes keys of owner, emitting EventAppKeyRevoked for
// each, so whoever follows the events sees them go.
func (k Keeper) removeAppKeys(ctx context.Context, owner sdk.AccAddress, keys []types.AppKey) error {
	events := sdk.UnwrapSDKContext(ctx).EventManager()
	for _, key := range keys {
		if err := k.AppKeys.Remove(ctx, collections.Join(owner, key.PubKey)); err != nil {
			return err
		}
		if err := events.EmitTypedEvent(&types.EventAppKeyRevoked{Owner: key.Owner, PubKey: hex.EncodeToString(key.PubKey)}); err != nil {
			return err
		}
	}
	return nil
}
