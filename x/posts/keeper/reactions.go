package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/posts/types"
)

// React adds msg.User's reaction of one kind, which the params allow, to a
// live post whose author has not blocked them, and emits EventReacted.
// msg.User must have a profile.
func (k Keeper) React(ctx context.Context, msg *types.MsgReact) (*types.MsgReactResponse, error) {
	user, err := k.decodeAddress("user", msg.User)
	if err != nil {
		return nil, err
	}
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := params.ValidateReaction(msg.Kind); err != nil {
		return nil, err
	}

	if err := k.requireProfile(ctx, "user", user); err != nil {
		return nil, err
	}
	post, err := k.livePost(ctx, "post_id", msg.PostID)
	if err != nil {
		return nil, err
	}
	if err := k.refuseIfBlocked(ctx, "react to", post, user); err != nil {
		return nil, err
	}
	byUser := collections.Join3(post.ID, user, msg.Kind)
	if has, err := k.ReactionsByUser.Has(ctx, byUser); err != nil {
		return nil, err
	} else if has {
		return nil, errorsmod.Wrapf(types.ErrAlreadyReacted, "%s already reacted %q to post %d", k.mustString(user), msg.Kind, post.ID)
	}

	rid, err := nextID(ctx, k.ReactionSeq)
	if err != nil {
		return nil, err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	reaction := types.Reaction{
		ID: rid, PostID: post.ID, User: k.mustString(user), Kind: msg.Kind,
		CreatedHeight: sdkCtx.BlockHeight(), CreatedAt: sdkCtx.BlockTime(),
	}
	if err := k.Reactions.Set(ctx, collections.Join(post.ID, rid), reaction); err != nil {
		return nil, err
	}
	if err := k.ReactionsByUser.Set(ctx, byUser, rid); err != nil {
		return nil, err
	}
	if err := k.adjustCounters(ctx, post.ID, func(c *types.PostCounters) { addReaction(c, msg.Kind, 1) }); err != nil {
		return nil, err
	}

	return &types.MsgReactResponse{ID: rid}, sdkCtx.EventManager().EmitTypedEvent(&types.EventReacted{
		ReactionID: rid, PostID: post.ID, User: reaction.User, Kind: msg.Kind, PostAuthor: post.Author,
	})
}

// Unreact removes msg.User's reaction of one kind and emits
// EventUnreacted. It works on a deleted post, and for a kind no longer in
// the allow-list.
func (k Keeper) Unreact(ctx context.Context, msg *types.MsgUnreact) (*types.MsgUnreactResponse, error) {
	user, err := k.decodeAddress("user", msg.User)
	if err != nil {
		return nil, err
	}

	post, err := k.GetPost(ctx, msg.PostID)
	if err != nil {
		return nil, err
	}
	byUser := collections.Join3(post.ID, user, msg.Kind)
	rid, err := k.ReactionsByUser.Get(ctx, byUser)
	if errorsmod.IsOf(err, collections.ErrNotFound) {
		return nil, errorsmod.Wrapf(types.ErrReactionNotFound, "%s has no %q reaction on post %d", k.mustString(user), msg.Kind, post.ID)
	}
	if err != nil {
		return nil, err
	}

	if err := k.Reactions.Remove(ctx, collections.Join(post.ID, rid)); err != nil {
		return nil, err
	}
	if err := k.ReactionsByUser.Remove(ctx, byUser); err != nil {
		return nil, err
	}
	if err := k.adjustCounters(ctx, post.ID, func(c *types.PostCounters) { addReaction(c, msg.Kind, -1) }); err != nil {
		return nil, err
	}

	return &types.MsgUnreactResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventUnreacted{
		ReactionID: rid, PostID: post.ID, User: k.mustString(user), Kind: msg.Kind,
	})
}
