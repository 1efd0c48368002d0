package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/internal/counter"
	"github.com/socialchain/socialchain/x/profiles/types"
)

// Follow adds a follow edge. Both accounts need a profile, neither may
// have blocked the other, and the follower must be under the follow limit.
func (k Keeper) Follow(ctx context.Context, msg *types.MsgFollow) (*types.MsgFollowResponse, error) {
	follower, followee, err := k.decodePair("follower", msg.Follower, "followee", msg.Followee)
	if err != nil {
		return nil, err
	}
	fromProfile, err := k.GetProfile(ctx, follower)
	if err != nil {
		return nil, errorsmod.Wrap(err, "follower")
	}
	if _, err := k.GetProfile(ctx, followee); err != nil {
		return nil, errorsmod.Wrap(err, "followee")
	}
	if blocked, err := k.HasBlocked(ctx, followee, follower); err != nil {
		return nil, err
	} else if blocked {
		return nil, errorsmod.Wrapf(types.ErrBlocked, "%s has blocked %s", msg.Followee, msg.Follower)
	}
	if blocked, err := k.HasBlocked(ctx, follower, followee); err != nil {
		return nil, err
	} else if blocked {
		return nil, errorsmod.Wrapf(types.ErrBlocked, "%s has blocked %s: unblock first", msg.Follower, msg.Followee)
	}
	if following, err := k.IsFollowing(ctx, follower, followee); err != nil {
		return nil, err
	} else if following {
		return nil, errorsmod.Wrapf(types.ErrAlreadyFollowing, "%s already follows %s", msg.Follower, msg.Followee)
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if fromProfile.FollowingCount >= params.MaxFollowsPerAccount {
		return nil, errorsmod.Wrapf(types.ErrFollowLimit, "%s follows %d accounts, max_follows_per_account is %d",
			msg.Follower, fromProfile.FollowingCount, params.MaxFollowsPerAccount)
	}

	if err := k.addFollow(ctx, follower, followee); err != nil {
		return nil, err
	}
	return &types.MsgFollowResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventFollowed{
		Follower: msg.Follower, Followee: msg.Followee,
	})
}

// Unfollow removes a follow edge.
func (k Keeper) Unfollow(ctx context.Context, msg *types.MsgUnfollow) (*types.MsgUnfollowResponse, error) {
	follower, followee, err := k.decodePair("follower", msg.Follower, "followee", msg.Followee)
	if err != nil {
		return nil, err
	}
	if following, err := k.IsFollowing(ctx, follower, followee); err != nil {
		return nil, err
	} else if !following {
		return nil, errorsmod.Wrapf(types.ErrNotFollowing, "%s does not follow %s", msg.Follower, msg.Followee)
	}
	if err := k.removeFollow(ctx, follower, followee); err != nil {
		return nil, err
	}
	return &types.MsgUnfollowResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventUnfollowed{
		Follower: msg.Follower, Followee: msg.Followee,
	})
}

// Block records that blocker blocks blocked and removes follow edges in
// both directions. The blocked address needs no profile, so an account can
// be blocked before it shows up.
func (k Keeper) Block(ctx context.Context, msg *types.MsgBlock) (*types.MsgBlockResponse, error) {
	blocker, blocked, err := k.decodePair("blocker", msg.Blocker, "blocked", msg.Blocked)
	if err != nil {
		return nil, err
	}
	if _, err := k.GetProfile(ctx, blocker); err != nil {
		return nil, errorsmod.Wrap(err, "blocker")
	}
	if has, err := k.HasBlocked(ctx, blocker, blocked); err != nil {
		return nil, err
	} else if has {
		return nil, errorsmod.Wrapf(types.ErrAlreadyBlocked, "%s already blocks %s", msg.Blocker, msg.Blocked)
	}
	forward, err := k.IsFollowing(ctx, blocker, blocked)
	if err != nil {
		return nil, err
	}
	backward, err := k.IsFollowing(ctx, blocked, blocker)
	if err != nil {
		return nil, err
	}

	if forward {
		if err := k.removeFollow(ctx, blocker, blocked); err != nil {
			return nil, err
		}
	}
	if backward {
		if err := k.removeFollow(ctx, blocked, blocker); err != nil {
			return nil, err
		}
	}
	if err := k.Blocks.Set(ctx, collections.Join(blocker, blocked)); err != nil {
		return nil, err
	}
	return &types.MsgBlockResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventBlocked{
		Blocker: msg.Blocker, Blocked: msg.Blocked,
	})
}

// Unblock removes a block; follows removed by the block are not restored.
func (k Keeper) Unblock(ctx context.Context, msg *types.MsgUnblock) (*types.MsgUnblockResponse, error) {
	blocker, blocked, err := k.decodePair("blocker", msg.Blocker, "blocked", msg.Blocked)
	if err != nil {
		return nil, err
	}
	if has, err := k.HasBlocked(ctx, blocker, blocked); err != nil {
		return nil, err
	} else if !has {
		return nil, errorsmod.Wrapf(types.ErrNotBlocked, "%s does not block %s", msg.Blocker, msg.Blocked)
	}
	if err := k.Blocks.Remove(ctx, collections.Join(blocker, blocked)); err != nil {
		return nil, err
	}
	return &types.MsgUnblockResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventUnblocked{
		Blocker: msg.Blocker, Blocked: msg.Blocked,
	})
}

// decodePair decodes the two addresses of a relationship message and
// refuses a relationship with oneself.
func (k Keeper) decodePair(fieldA, a, fieldB, b string) (sdk.AccAddress, sdk.AccAddress, error) {
	addrA, err := k.decodeAddress(fieldA, a)
	if err != nil {
		return nil, nil, err
	}
	addrB, err := k.decodeAddress(fieldB, b)
	if err != nil {
		return nil, nil, err
	}
	if addrA.Equals(addrB) {
		return nil, nil, errorsmod.Wrapf(types.ErrSelfRelation, "%s and %s are both %s", fieldA, fieldB, a)
	}
	return addrA, addrB, nil
}

// addFollow writes both directions of a follow edge and bumps the counters.
func (k Keeper) addFollow(ctx context.Context, follower, followee sdk.AccAddress) error {
	if err := k.Follows.Set(ctx, collections.Join(follower, followee)); err != nil {
		return err
	}
	if err := k.Followers.Set(ctx, collections.Join(followee, follower)); err != nil {
		return err
	}
	return k.adjustFollowCounters(ctx, follower, followee, 1)
}

// removeFollow deletes both directions of a follow edge and its counters.
func (k Keeper) removeFollow(ctx context.Context, follower, followee sdk.AccAddress) error {
	if err := k.Follows.Remove(ctx, collections.Join(follower, followee)); err != nil {
		return err
	}
	if err := k.Followers.Remove(ctx, collections.Join(followee, follower)); err != nil {
		return err
	}
	return k.adjustFollowCounters(ctx, follower, followee, -1)
}

func (k Keeper) adjustFollowCounters(ctx context.Context, follower, followee sdk.AccAddress, delta int64) error {
	from, err := k.GetProfile(ctx, follower)
	if err != nil {
		return err
	}
	from.FollowingCount = counter.Add(from.FollowingCount, delta)
	if err := k.Profiles.Set(ctx, follower, from); err != nil {
		return err
	}
	to, err := k.GetProfile(ctx, followee)
	if err != nil {
		return err
	}
	to.FollowersCount = counter.Add(to.FollowersCount, delta)
	return k.Profiles.Set(ctx, followee, to)
}

// edgesFrom lists the second end of every edge in set starting at from.
// Callers collect first and write after, so no write happens mid-iteration.
func (k Keeper) edgesFrom(ctx context.Context, set collections.KeySet[Edge], from sdk.AccAddress) ([]sdk.AccAddress, error) {
	it, err := set.Iterate(ctx, collections.NewPrefixedPairRange[sdk.AccAddress, sdk.AccAddress](from))
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var out []sdk.AccAddress
	for ; it.Valid(); it.Next() {
		edge, err := it.Key()
		if err != nil {
			return nil, err
		}
		out = append(out, edge.K2())
	}
	return out, nil
}
