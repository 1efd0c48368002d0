package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/profiles/types"
)

// profileFields are the validated, normalized user-editable fields.
type profileFields struct {
	displayName, bio, avatarCID, bannerCID, website string
}

func validateFields(p types.Params, displayName, bio, avatarCID, bannerCID, website string) (profileFields, error) {
	var f profileFields
	var err error
	if f.displayName, err = types.NormalizeText("display_name", displayName, p.DisplayNameMaxRunes, false); err != nil {
		return f, err
	}
	if f.bio, err = types.NormalizeText("bio", bio, p.BioMaxRunes, true); err != nil {
		return f, err
	}
	if err = types.ValidateCID("avatar_cid", avatarCID); err != nil {
		return f, err
	}
	if err = types.ValidateCID("banner_cid", bannerCID); err != nil {
		return f, err
	}
	if err = types.ValidateWebsite(website); err != nil {
		return f, err
	}
	f.avatarCID, f.bannerCID, f.website = avatarCID, bannerCID, website
	return f, nil
}

// CreateProfile gives an address its profile and handle.
func (k Keeper) CreateProfile(ctx context.Context, msg *types.MsgCreateProfile) (*types.MsgCreateProfileResponse, error) {
	owner, err := k.decodeAddress("owner", msg.Owner)
	if err != nil {
		return nil, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateHandle(msg.Handle, params); err != nil {
		return nil, err
	}
	f, err := validateFields(params, msg.DisplayName, msg.Bio, msg.AvatarCID, msg.BannerCID, msg.Website)
	if err != nil {
		return nil, err
	}

	if has, err := k.Profiles.Has(ctx, owner); err != nil {
		return nil, err
	} else if has {
		return nil, errorsmod.Wrapf(types.ErrProfileExists, "address %s", msg.Owner)
	}
	if holder, err := k.AddressByHandle(ctx, msg.Handle); err != nil {
		return nil, err
	} else if holder != nil {
		return nil, errorsmod.Wrapf(types.ErrHandleTaken, "handle %q", msg.Handle)
	}

	sdkCtx := sdk.UnwrapSDKContext(ctx)
	profile := types.Profile{
		Owner:         msg.Owner,
		Handle:        msg.Handle,
		DisplayName:   f.displayName,
		Bio:           f.bio,
		AvatarCID:     f.avatarCID,
		BannerCID:     f.bannerCID,
		Website:       f.website,
		CreatedHeight: sdkCtx.BlockHeight(),
		CreatedAt:     sdkCtx.BlockTime(),
		UpdatedHeight: sdkCtx.BlockHeight(),
		UpdatedAt:     sdkCtx.BlockTime(),
	}
	if err := k.setProfile(ctx, owner, profile); err != nil {
		return nil, err
	}
	if err := k.afterProfileWritten(ctx, owner, profile); err != nil {
		return nil, err
	}
	return &types.MsgCreateProfileResponse{}, sdkCtx.EventManager().EmitTypedEvent(&types.EventProfileCreated{Owner: msg.Owner, Handle: msg.Handle, CIDs: profile.ContentCIDs()})
}

// UpdateProfile changes only the fields the message sets; an empty value
// clears a field.
func (k Keeper) UpdateProfile(ctx context.Context, msg *types.MsgUpdateProfile) (*types.MsgUpdateProfileResponse, error) {
	owner, err := k.decodeAddress("owner", msg.Owner)
	if err != nil {
		return nil, err
	}
	if msg.DisplayName == nil && msg.Bio == nil && msg.AvatarCID == nil && msg.BannerCID == nil && msg.Website == nil {
		return nil, errorsmod.Wrap(types.ErrNoChanges, "set at least one of display_name, bio, avatar_cid, banner_cid, website")
	}
	profile, err := k.GetProfile(ctx, owner)
	if err != nil {
		return nil, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	// Start from the current values and overlay what the message sets,
	// then validate the result as a whole.
	next := []string{profile.DisplayName, profile.Bio, profile.AvatarCID, profile.BannerCID, profile.Website}
	var updated []string
	for i, field := range []struct {
		name  string
		value interface{ GetValue() string }
		set   bool
	}{
		{"display_name", msg.DisplayName, msg.DisplayName != nil},
		{"bio", msg.Bio, msg.Bio != nil},
		{"avatar_cid", msg.AvatarCID, msg.AvatarCID != nil},
		{"banner_cid", msg.BannerCID, msg.BannerCID != nil},
		{"website", msg.Website, msg.Website != nil},
	} {
		if field.set {
			next[i] = field.value.GetValue()
			updated = append(updated, field.name)
		}
	}
	f, err := validateFields(params, next[0], next[1], next[2], next[3], next[4])
	if err != nil {
		return nil, err
	}

	sdkCtx := sdk.UnwrapSDKContext(ctx)
	profile.DisplayName, profile.Bio, profile.AvatarCID, profile.BannerCID, profile.Website =
		f.displayName, f.bio, f.avatarCID, f.bannerCID, f.website
	profile.UpdatedHeight = sdkCtx.BlockHeight()
	profile.UpdatedAt = sdkCtx.BlockTime()
	if err := k.setProfile(ctx, owner, profile); err != nil {
		return nil, err
	}
	if err := k.afterProfileWritten(ctx, owner, profile); err != nil {
		return nil, err
	}
	return &types.MsgUpdateProfileResponse{}, sdkCtx.EventManager().EmitTypedEvent(&types.EventProfileUpdated{
		Owner: msg.Owner, Handle: profile.Handle, UpdatedFields: updated, CIDs: profile.ContentCIDs(),
	})
}

// DeleteProfile removes a profile, frees its handle and removes its follow
// edges, the blocks it made and its app keys (each with an
// EventAppKeyRevoked). Blocks others made against the address stay:
// deleting and re-creating a profile must not escape them.
func (k Keeper) DeleteProfile(ctx context.Context, msg *types.MsgDeleteProfile) (*types.MsgDeleteProfileResponse, error) {
	owner, err := k.decodeAddress("owner", msg.Owner)
	if err != nil {
		return nil, err
	}
	profile, err := k.GetProfile(ctx, owner)
	if err != nil {
		return nil, err
	}

	following, err := k.edgesFrom(ctx, k.Follows, owner)
	if err != nil {
		return nil, err
	}
	followers, err := k.edgesFrom(ctx, k.Followers, owner)
	if err != nil {
		return nil, err
	}
	blocked, err := k.edgesFrom(ctx, k.Blocks, owner)
	if err != nil {
		return nil, err
	}
	appKeys, err := k.appKeysOf(ctx, owner)
	if err != nil {
		return nil, err
	}
	for _, followee := range following {
		if err := k.removeFollow(ctx, owner, followee); err != nil {
			return nil, err
		}
	}
	for _, follower := range followers {
		if err := k.removeFollow(ctx, follower, owner); err != nil {
			return nil, err
		}
	}
	for _, b := range blocked {
		if err := k.Blocks.Remove(ctx, collections.Join(owner, b)); err != nil {
			return nil, err
		}
	}
	if err := k.removeAppKeys(ctx, owner, appKeys); err != nil {
		return nil, err
	}
	if err := k.Profiles.Remove(ctx, owner); err != nil {
		return nil, err
	}
	return &types.MsgDeleteProfileResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventProfileDeleted{
		Owner: msg.Owner, Handle: profile.Handle,
	})
}

// ChangeHandle moves a profile to a new, free handle; the old one is freed.
func (k Keeper) ChangeHandle(ctx context.Context, msg *types.MsgChangeHandle) (*types.MsgChangeHandleResponse, error) {
	owner, err := k.decodeAddress("owner", msg.Owner)
	if err != nil {
		return nil, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateHandle(msg.NewHandle, params); err != nil {
		return nil, err
	}
	profile, err := k.GetProfile(ctx, owner)
	if err != nil {
		return nil, err
	}
	if profile.Handle == msg.NewHandle {
		return nil, errorsmod.Wrapf(types.ErrNoChanges, "handle is already %q", msg.NewHandle)
	}
	if holder, err := k.AddressByHandle(ctx, msg.NewHandle); err != nil {
		return nil, err
	} else if holder != nil {
		return nil, errorsmod.Wrapf(types.ErrHandleTaken, "handle %q", msg.NewHandle)
	}

	sdkCtx := sdk.UnwrapSDKContext(ctx)
	old := profile.Handle
	profile.Handle = msg.NewHandle
	profile.UpdatedHeight = sdkCtx.BlockHeight()
	profile.UpdatedAt = sdkCtx.BlockTime()
	if err := k.setProfile(ctx, owner, profile); err != nil {
		return nil, err
	}
	if err := k.afterProfileWritten(ctx, owner, profile); err != nil {
		return nil, err
	}
	return &types.MsgChangeHandleResponse{}, sdkCtx.EventManager().EmitTypedEvent(&types.EventHandleChanged{
		Owner: msg.Owner, OldHandle: old, NewHandle: msg.NewHandle,
	})
}
