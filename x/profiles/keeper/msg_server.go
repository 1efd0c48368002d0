package keeper

import (
	"context"

	"github.com/socialchain/socialchain/x/profiles/types"
)

// msgServer is the Msg service. It is thin on purpose: every rule lives in
// the Keeper method of the same name, which the message lane (x/messages)
// calls too, so a transaction and a lane message obey the same code.
type msgServer struct {
	Keeper
}

var (
	_ types.MsgServer = msgServer{}
	// Keeper has every Msg method itself: the contract the lane relies on.
	_ types.MsgServer = Keeper{}
)

// NewMsgServerImpl returns the profiles Msg service.
func NewMsgServerImpl(k Keeper) types.MsgServer {
	return msgServer{Keeper: k}
}

// CreateProfile runs Keeper.CreateProfile.
func (m msgServer) CreateProfile(ctx context.Context, msg *types.MsgCreateProfile) (*types.MsgCreateProfileResponse, error) {
	return m.Keeper.CreateProfile(ctx, msg)
}

// UpdateProfile runs Keeper.UpdateProfile.
func (m msgServer) UpdateProfile(ctx context.Context, msg *types.MsgUpdateProfile) (*types.MsgUpdateProfileResponse, error) {
	return m.Keeper.UpdateProfile(ctx, msg)
}

// DeleteProfile runs Keeper.DeleteProfile.
func (m msgServer) DeleteProfile(ctx context.Context, msg *types.MsgDeleteProfile) (*types.MsgDeleteProfileResponse, error) {
	return m.Keeper.DeleteProfile(ctx, msg)
}

// ChangeHandle runs Keeper.ChangeHandle.
func (m msgServer) ChangeHandle(ctx context.Context, msg *types.MsgChangeHandle) (*types.MsgChangeHandleResponse, error) {
	return m.Keeper.ChangeHandle(ctx, msg)
}

// Follow runs Keeper.Follow.
func (m msgServer) Follow(ctx context.Context, msg *types.MsgFollow) (*types.MsgFollowResponse, error) {
	return m.Keeper.Follow(ctx, msg)
}

// Unfollow runs Keeper.Unfollow.
func (m msgServer) Unfollow(ctx context.Context, msg *types.MsgUnfollow) (*types.MsgUnfollowResponse, error) {
	return m.Keeper.Unfollow(ctx, msg)
}

// Block runs Keeper.Block.
func (m msgServer) Block(ctx context.Context, msg *types.MsgBlock) (*types.MsgBlockResponse, error) {
	return m.Keeper.Block(ctx, msg)
}

// Unblock runs Keeper.Unblock.
func (m msgServer) Unblock(ctx context.Context, msg *types.MsgUnblock) (*types.MsgUnblockResponse, error) {
	return m.Keeper.Unblock(ctx, msg)
}

// AddAppKey runs Keeper.AddAppKey.
func (m msgServer) AddAppKey(ctx context.Context, msg *types.MsgAddAppKey) (*types.MsgAddAppKeyResponse, error) {
	return m.Keeper.AddAppKey(ctx, msg)
}

// RevokeAppKey runs Keeper.RevokeAppKey.
func (m msgServer) RevokeAppKey(ctx context.Context, msg *types.MsgRevokeAppKey) (*types.MsgRevokeAppKeyResponse, error) {
	return m.Keeper.RevokeAppKey(ctx, msg)
}

// UpdateParams runs Keeper.UpdateParams.
func (m msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	return m.Keeper.UpdateParams(ctx, msg)
}
