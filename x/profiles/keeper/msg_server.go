package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/profiles/types"
)

type msgServer struct {
	Keeper
}

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the profiles Msg service.
func NewMsgServerImpl(k Keeper) types.MsgServer {
	return msgServer{Keeper: k}
}

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
func (m msgServer) CreateProfile(ctx context.Context, msg *types.MsgCreateProfile) (*types.MsgCreateProfileResponse, error) {
	owner, err := m.decodeAddress("owner", msg.Owner)
	if err != nil {
		return nil, err
	}
	params, err := m.Params.Get(ctx)
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

	if has, err := m.Profiles.Has(ctx, owner); err != nil {
		return nil, err
	} else if has {
		return nil, errorsmod.Wrapf(types.ErrProfileExists, "address %s", msg.Owner)
	}
	if holder, err := m.AddressByHandle(ctx, msg.Handle); err != nil {
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
	if err := m.Profiles.Set(ctx, owner, profile); err != nil {
		return nil, err
	}
	if err := m.afterProfileWritten(ctx, owner, profile); err != nil {
		return nil, err
	}
	return &types.MsgCreateProfileResponse{}, sdkCtx.EventManager().EmitTypedEvent(&types.EventProfileCreated{Owner: msg.Owner, Handle: msg.Handle})
}

// UpdateProfile changes only the fields the message sets; an empty value
// clears a field.
func (m msgServer) UpdateProfile(ctx context.Context, msg *types.MsgUpdateProfile) (*types.MsgUpdateProfileResponse, error) {
	owner, err := m.decodeAddress("owner", msg.Owner)
	if err != nil {
		return nil, err
	}
	if msg.DisplayName == nil && msg.Bio == nil && msg.AvatarCID == nil && msg.BannerCID == nil && msg.Website == nil {
		return nil, errorsmod.Wrap(types.ErrNoChanges, "set at least one of display_name, bio, avatar_cid, banner_cid, website")
	}
	profile, err := m.GetProfile(ctx, owner)
	if err != nil {
		return nil, err
	}
	params, err := m.Params.Get(ctx)
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
	if err := m.Profiles.Set(ctx, owner, profile); err != nil {
		return nil, err
	}
	if err := m.afterProfileWritten(ctx, owner, profile); err != nil {
		return nil, err
	}
	return &types.MsgUpdateProfileResponse{}, sdkCtx.EventManager().EmitTypedEvent(&types.EventProfileUpdated{
		Owner: msg.Owner, Handle: profile.Handle, UpdatedFields: updated,
	})
}

// DeleteProfile removes a profile, frees its handle and removes its follow
// edges and the blocks it made. Blocks others made against the address
// stay: deleting and re-creating a profile must not escape them.
func (m msgServer) DeleteProfile(ctx context.Context, msg *types.MsgDeleteProfile) (*types.MsgDeleteProfileResponse, error) {
	owner, err := m.decodeAddress("owner", msg.Owner)
	if err != nil {
		return nil, err
	}
	profile, err := m.GetProfile(ctx, owner)
	if err != nil {
		return nil, err
	}

	following, err := m.edgesFrom(ctx, m.Follows, owner)
	if err != nil {
		return nil, err
	}
	followers, err := m.edgesFrom(ctx, m.Followers, owner)
	if err != nil {
		return nil, err
	}
	blocked, err := m.edgesFrom(ctx, m.Blocks, owner)
	if err != nil {
		return nil, err
	}
	for _, followee := range following {
		if err := m.removeFollow(ctx, owner, followee); err != nil {
			return nil, err
		}
	}
	for _, follower := range followers {
		if err := m.removeFollow(ctx, follower, owner); err != nil {
			return nil, err
		}
	}
	for _, b := range blocked {
		if err := m.Blocks.Remove(ctx, collections.Join(owner, b)); err != nil {
			return nil, err
		}
	}
	if err := m.Profiles.Remove(ctx, owner); err != nil {
		return nil, err
	}
	return &types.MsgDeleteProfileResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventProfileDeleted{
		Owner: msg.Owner, Handle: profile.Handle,
	})
}

// ChangeHandle moves a profile to a new, free handle; the old one is freed.
func (m msgServer) ChangeHandle(ctx context.Context, msg *types.MsgChangeHandle) (*types.MsgChangeHandleResponse, error) {
	owner, err := m.decodeAddress("owner", msg.Owner)
	if err != nil {
		return nil, err
	}
	params, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateHandle(msg.NewHandle, params); err != nil {
		return nil, err
	}
	profile, err := m.GetProfile(ctx, owner)
	if err != nil {
		return nil, err
	}
	if profile.Handle == msg.NewHandle {
		return nil, errorsmod.Wrapf(types.ErrNoChanges, "handle is already %q", msg.NewHandle)
	}
	if holder, err := m.AddressByHandle(ctx, msg.NewHandle); err != nil {
		return nil, err
	} else if holder != nil {
		return nil, errorsmod.Wrapf(types.ErrHandleTaken, "handle %q", msg.NewHandle)
	}

	sdkCtx := sdk.UnwrapSDKContext(ctx)
	old := profile.Handle
	profile.Handle = msg.NewHandle
	profile.UpdatedHeight = sdkCtx.BlockHeight()
	profile.UpdatedAt = sdkCtx.BlockTime()
	if err := m.Profiles.Set(ctx, owner, profile); err != nil {
		return nil, err
	}
	if err := m.afterProfileWritten(ctx, owner, profile); err != nil {
		return nil, err
	}
	return &types.MsgChangeHandleResponse{}, sdkCtx.EventManager().EmitTypedEvent(&types.EventHandleChanged{
		Owner: msg.Owner, OldHandle: old, NewHandle: msg.NewHandle,
	})
}

// Follow adds a follow edge. Both accounts need a profile, neither may
// have blocked the other, and the follower must be under the follow limit.
func (m msgServer) Follow(ctx context.Context, msg *types.MsgFollow) (*types.MsgFollowResponse, error) {
	follower, followee, err := m.decodePair("follower", msg.Follower, "followee", msg.Followee)
	if err != nil {
		return nil, err
	}
	fromProfile, err := m.GetProfile(ctx, follower)
	if err != nil {
		return nil, errorsmod.Wrap(err, "follower")
	}
	if _, err := m.GetProfile(ctx, followee); err != nil {
		return nil, errorsmod.Wrap(err, "followee")
	}
	if blocked, err := m.HasBlocked(ctx, followee, follower); err != nil {
		return nil, err
	} else if blocked {
		return nil, errorsmod.Wrapf(types.ErrBlocked, "%s has blocked %s", msg.Followee, msg.Follower)
	}
	if blocked, err := m.HasBlocked(ctx, follower, followee); err != nil {
		return nil, err
	} else if blocked {
		return nil, errorsmod.Wrapf(types.ErrBlocked, "%s has blocked %s: unblock first", msg.Follower, msg.Followee)
	}
	if following, err := m.IsFollowing(ctx, follower, followee); err != nil {
		return nil, err
	} else if following {
		return nil, errorsmod.Wrapf(types.ErrAlreadyFollowing, "%s already follows %s", msg.Follower, msg.Followee)
	}
	params, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if fromProfile.FollowingCount >= params.MaxFollowsPerAccount {
		return nil, errorsmod.Wrapf(types.ErrFollowLimit, "%s follows %d accounts, max_follows_per_account is %d",
			msg.Follower, fromProfile.FollowingCount, params.MaxFollowsPerAccount)
	}

	if err := m.addFollow(ctx, follower, followee); err != nil {
		return nil, err
	}
	return &types.MsgFollowResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventFollowed{
		Follower: msg.Follower, Followee: msg.Followee,
	})
}

// Unfollow removes a follow edge.
func (m msgServer) Unfollow(ctx context.Context, msg *types.MsgUnfollow) (*types.MsgUnfollowResponse, error) {
	follower, followee, err := m.decodePair("follower", msg.Follower, "followee", msg.Followee)
	if err != nil {
		return nil, err
	}
	if following, err := m.IsFollowing(ctx, follower, followee); err != nil {
		return nil, err
	} else if !following {
		return nil, errorsmod.Wrapf(types.ErrNotFollowing, "%s does not follow %s", msg.Follower, msg.Followee)
	}
	if err := m.removeFollow(ctx, follower, followee); err != nil {
		return nil, err
	}
	return &types.MsgUnfollowResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventUnfollowed{
		Follower: msg.Follower, Followee: msg.Followee,
	})
}

// Block records that blocker blocks blocked and removes follow edges in
// both directions. The blocked address needs no profile, so an account can
// be blocked before it shows up.
func (m msgServer) Block(ctx context.Context, msg *types.MsgBlock) (*types.MsgBlockResponse, error) {
	blocker, blocked, err := m.decodePair("blocker", msg.Blocker, "blocked", msg.Blocked)
	if err != nil {
		return nil, err
	}
	if _, err := m.GetProfile(ctx, blocker); err != nil {
		return nil, errorsmod.Wrap(err, "blocker")
	}
	if has, err := m.HasBlocked(ctx, blocker, blocked); err != nil {
		return nil, err
	} else if has {
		return nil, errorsmod.Wrapf(types.ErrAlreadyBlocked, "%s already blocks %s", msg.Blocker, msg.Blocked)
	}
	forward, err := m.IsFollowing(ctx, blocker, blocked)
	if err != nil {
		return nil, err
	}
	backward, err := m.IsFollowing(ctx, blocked, blocker)
	if err != nil {
		return nil, err
	}

	if forward {
		if err := m.removeFollow(ctx, blocker, blocked); err != nil {
			return nil, err
		}
	}
	if backward {
		if err := m.removeFollow(ctx, blocked, blocker); err != nil {
			return nil, err
		}
	}
	if err := m.Blocks.Set(ctx, collections.Join(blocker, blocked)); err != nil {
		return nil, err
	}
	return &types.MsgBlockResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventBlocked{
		Blocker: msg.Blocker, Blocked: msg.Blocked,
	})
}

// Unblock removes a block; follows removed by the block are not restored.
func (m msgServer) Unblock(ctx context.Context, msg *types.MsgUnblock) (*types.MsgUnblockResponse, error) {
	blocker, blocked, err := m.decodePair("blocker", msg.Blocker, "blocked", msg.Blocked)
	if err != nil {
		return nil, err
	}
	if has, err := m.HasBlocked(ctx, blocker, blocked); err != nil {
		return nil, err
	} else if !has {
		return nil, errorsmod.Wrapf(types.ErrNotBlocked, "%s does not block %s", msg.Blocker, msg.Blocked)
	}
	if err := m.Blocks.Remove(ctx, collections.Join(blocker, blocked)); err != nil {
		return nil, err
	}
	return &types.MsgUnblockResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventUnblocked{
		Blocker: msg.Blocker, Blocked: msg.Blocked,
	})
}

// UpdateParams replaces the params; only the authority (gov) may.
func (m msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if msg.Authority != m.authority {
		return nil, errorsmod.Wrapf(types.ErrUnauthorized, "authority is %s, got %s", m.authority, msg.Authority)
	}
	if err := msg.Params.Validate(); err != nil {
		return nil, err
	}
	if err := m.Params.Set(ctx, msg.Params); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventParamsUpdated{
		Authority: msg.Authority, Params: msg.Params,
	})
}

// decodePair decodes the two addresses of a relationship message and
// refuses a relationship with oneself.
func (m msgServer) decodePair(fieldA, a, fieldB, b string) (sdk.AccAddress, sdk.AccAddress, error) {
	addrA, err := m.decodeAddress(fieldA, a)
	if err != nil {
		return nil, nil, err
	}
	addrB, err := m.decodeAddress(fieldB, b)
	if err != nil {
		return nil, nil, err
	}
	if addrA.Equals(addrB) {
		return nil, nil, errorsmod.Wrapf(types.ErrSelfRelation, "%s and %s are both %s", fieldA, fieldB, a)
	}
	return addrA, addrB, nil
}
