package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/profiles/types"
)

// InitGenesis loads a validated genesis state.
func (k Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(k.addressCodec); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	for _, p := range gs.Profiles {
		owner, err := k.addressCodec.StringToBytes(p.Owner)
		if err != nil {
			return err
		}
		if err := k.setProfile(ctx, owner, p); err != nil {
			return err
		}
		if p.PostsCount > 0 {
			if err := k.PostCounts.Set(ctx, owner, p.PostsCount); err != nil {
				return err
			}
		}
	}
	for _, e := range gs.Follows {
		follower, followee, err := k.decodeEdge(e.Follower, e.Followee)
		if err != nil {
			return err
		}
		// Counters come with the profiles; only the edges are written here.
		if err := k.Follows.Set(ctx, collections.Join(follower, followee)); err != nil {
			return err
		}
		if err := k.Followers.Set(ctx, collections.Join(followee, follower)); err != nil {
			return err
		}
	}
	for _, e := range gs.Blocks {
		blocker, blocked, err := k.decodeEdge(e.Blocker, e.Blocked)
		if err != nil {
			return err
		}
		if err := k.Blocks.Set(ctx, collections.Join(blocker, blocked)); err != nil {
			return err
		}
	}
	for _, key := range gs.AppKeys {
		owner, err := k.addressCodec.StringToBytes(key.Owner)
		if err != nil {
			return err
		}
		if err := k.AppKeys.Set(ctx, collections.Join(sdk.AccAddress(owner), key.PubKey), key); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis returns the whole module state, in store order.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params}
	err = k.Profiles.Walk(ctx, nil, func(owner sdk.AccAddress, p types.Profile) (bool, error) {
		p, err := k.withPostsCount(ctx, owner, p)
		gs.Profiles = append(gs.Profiles, p)
		return err != nil, err
	})
	if err != nil {
		return nil, err
	}
	err = k.Follows.Walk(ctx, nil, func(e Edge) (bool, error) {
		a, b, err := k.encodeEdge(e)
		gs.Follows = append(gs.Follows, types.FollowEdge{Follower: a, Followee: b})
		return false, err
	})
	if err != nil {
		return nil, err
	}
	err = k.Blocks.Walk(ctx, nil, func(e Edge) (bool, error) {
		a, b, err := k.encodeEdge(e)
		gs.Blocks = append(gs.Blocks, types.BlockEdge{Blocker: a, Blocked: b})
		return false, err
	})
	if err != nil {
		return nil, err
	}
	err = k.AppKeys.Walk(ctx, nil, func(_ AppKeyID, key types.AppKey) (bool, error) {
		gs.AppKeys = append(gs.AppKeys, key)
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	return gs, nil
}

func (k Keeper) decodeEdge(a, b string) (sdk.AccAddress, sdk.AccAddress, error) {
	from, err := k.addressCodec.StringToBytes(a)
	if err != nil {
		return nil, nil, err
	}
	to, err := k.addressCodec.StringToBytes(b)
	return from, to, err
}

func (k Keeper) encodeEdge(e Edge) (string, string, error) {
	a, err := k.addressCodec.BytesToString(e.K1())
	if err != nil {
		return "", "", err
	}
	b, err := k.addressCodec.BytesToString(e.K2())
	return a, b, err
}
