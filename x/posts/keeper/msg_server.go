package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/posts/types"
)

// msgServer is the posts Msg service: each social message goes to the
// keeper method of the same name, which the message lane calls too, so
// the rules live in one place (posts.go, reposts.go, reactions.go).
type msgServer struct {
	Keeper
}

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the posts Msg service.
func NewMsgServerImpl(k Keeper) types.MsgServer {
	return msgServer{Keeper: k}
}

// CreatePost publishes a post, reply or quote: Keeper.CreatePost.
func (m msgServer) CreatePost(ctx context.Context, msg *types.MsgCreatePost) (*types.MsgCreatePostResponse, error) {
	return m.Keeper.CreatePost(ctx, msg)
}

// EditPost replaces a post's content: Keeper.EditPost.
func (m msgServer) EditPost(ctx context.Context, msg *types.MsgEditPost) (*types.MsgEditPostResponse, error) {
	return m.Keeper.EditPost(ctx, msg)
}

// DeletePost turns a post into a tombstone: Keeper.DeletePost.
func (m msgServer) DeletePost(ctx context.Context, msg *types.MsgDeletePost) (*types.MsgDeletePostResponse, error) {
	return m.Keeper.DeletePost(ctx, msg)
}

// Repost records a repost: Keeper.Repost.
func (m msgServer) Repost(ctx context.Context, msg *types.MsgRepost) (*types.MsgRepostResponse, error) {
	return m.Keeper.Repost(ctx, msg)
}

// UndoRepost removes a repost: Keeper.UndoRepost.
func (m msgServer) UndoRepost(ctx context.Context, msg *types.MsgUndoRepost) (*types.MsgUndoRepostResponse, error) {
	return m.Keeper.UndoRepost(ctx, msg)
}

// React adds a reaction: Keeper.React.
func (m msgServer) React(ctx context.Context, msg *types.MsgReact) (*types.MsgReactResponse, error) {
	return m.Keeper.React(ctx, msg)
}

// Unreact removes a reaction: Keeper.Unreact.
func (m msgServer) Unreact(ctx context.Context, msg *types.MsgUnreact) (*types.MsgUnreactResponse, error) {
	return m.Keeper.Unreact(ctx, msg)
}

// UpdateParams replaces the params; only the authority may.
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
