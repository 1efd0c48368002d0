package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

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
	from.FollowingCount = addDelta(from.FollowingCount, delta)
	if err := k.Profiles.Set(ctx, follower, from); err != nil {
		return err
	}
	to, err := k.GetProfile(ctx, followee)
	if err != nil {
		return err
	}
	to.FollowersCount = addDelta(to.FollowersCount, delta)
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
