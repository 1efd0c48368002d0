package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/internal/counter"
	"github.com/socialchain/socialchain/x/posts/types"
)

// Repost records that msg.Reposter, who must have a profile, reposted a
// live post whose author has not blocked them, and emits EventReposted.
func (k Keeper) Repost(ctx context.Context, msg *types.MsgRepost) (*types.MsgRepostResponse, error) {
	reposter, err := k.decodeAddress("reposter", msg.Reposter)
	if err != nil {
		return nil, err
	}

	if err := k.requireProfile(ctx, "reposter", reposter); err != nil {
		return nil, err
	}
	post, err := k.livePost(ctx, "post_id", msg.PostID)
	if err != nil {
		return nil, err
	}
	if err := k.refuseIfBlocked(ctx, "repost", post, reposter); err != nil {
		return nil, err
	}
	edge := collections.Join(post.ID, reposter)
	if has, err := k.Reposts.Has(ctx, edge); err != nil {
		return nil, err
	} else if has {
		return nil, errorsmod.Wrapf(types.ErrAlreadyReposted, "%s already reposted post %d", k.mustString(reposter), post.ID)
	}

	sdkCtx := sdk.UnwrapSDKContext(ctx)
	repost := types.Repost{PostID: post.ID, Reposter: k.mustString(reposter), CreatedHeight: sdkCtx.BlockHeight(), CreatedAt: sdkCtx.BlockTime()}
	if err := k.Reposts.Set(ctx, edge, repost); err != nil {
		return nil, err
	}
	if err := k.adjustCounters(ctx, post.ID, func(c *types.PostCounters) { c.Reposts++ }); err != nil {
		return nil, err
	}

	return &types.MsgRepostResponse{}, sdkCtx.EventManager().EmitTypedEvent(&types.EventReposted{
		PostID: post.ID, Reposter: repost.Reposter, PostAuthor: post.Author,
	})
}

// UndoRepost removes msg.Reposter's repost and emits EventRepostUndone. It
// works on a deleted post too, so nobody is stuck with an edge they cannot
// remove.
func (k Keeper) UndoRepost(ctx context.Context, msg *types.MsgUndoRepost) (*types.MsgUndoRepostResponse, error) {
	reposter, err := k.decodeAddress("reposter", msg.Reposter)
	if err != nil {
		return nil, err
	}

	post, err := k.GetPost(ctx, msg.PostID)
	if err != nil {
		return nil, err
	}
	edge := collections.Join(post.ID, reposter)
	if has, err := k.Reposts.Has(ctx, edge); err != nil {
		return nil, err
	} else if !has {
		return nil, errorsmod.Wrapf(types.ErrRepostNotFound, "%s has not reposted post %d", k.mustString(reposter), post.ID)
	}

	if err := k.Reposts.Remove(ctx, edge); err != nil {
		return nil, err
	}
	if err := k.adjustCounters(ctx, post.ID, func(c *types.PostCounters) { c.Reposts = counter.Add(c.Reposts, -1) }); err != nil {
		return nil, err
	}

	return &types.MsgUndoRepostResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventRepostUndone{
		PostID: post.ID, Reposter: k.mustString(reposter),
	})
}
