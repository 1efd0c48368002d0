package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	poststypes "github.com/socialchain/socialchain/x/posts/types"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
)

// PostsKeeper is the x/posts keeper methods the lane applies messages
// through: the same ones the posts Msg server calls, so each rule has one
// implementation.
type PostsKeeper interface {
	// PlanPost checks a new post against the state of ctx, writing nothing,
	// and returns the step that writes it and gives its id.
	PlanPost(ctx context.Context, msg *poststypes.MsgCreatePost) (write func(context.Context) (uint64, error), err error)
	CreatePost(ctx context.Context, msg *poststypes.MsgCreatePost) (*poststypes.MsgCreatePostResponse, error)
	EditPost(ctx context.Context, msg *poststypes.MsgEditPost) (*poststypes.MsgEditPostResponse, error)
	DeletePost(ctx context.Context, msg *poststypes.MsgDeletePost) (*poststypes.MsgDeletePostResponse, error)
	Repost(ctx context.Context, msg *poststypes.MsgRepost) (*poststypes.MsgRepostResponse, error)
	UndoRepost(ctx context.Context, msg *poststypes.MsgUndoRepost) (*poststypes.MsgUndoRepostResponse, error)
	React(ctx context.Context, msg *poststypes.MsgReact) (*poststypes.MsgReactResponse, error)
	Unreact(ctx context.Context, msg *poststypes.MsgUnreact) (*poststypes.MsgUnreactResponse, error)
}

// ProfilesKeeper is what the lane needs from x/profiles: app-key
// authorisation, profiles, and the follow/block keeper methods its Msg
// server calls.
type ProfilesKeeper interface {
	// AuthorizeAppKey says whether pubKey may sign messages of scope for
	// owner at the block time of ctx.
	AuthorizeAppKey(ctx context.Context, owner sdk.AccAddress, pubKey []byte, scope string) error
	// HasProfile reports whether addr owns a profile.
	HasProfile(ctx context.Context, addr sdk.AccAddress) (bool, error)
	Follow(ctx context.Context, msg *profilestypes.MsgFollow) (*profilestypes.MsgFollowResponse, error)
	Unfollow(ctx context.Context, msg *profilestypes.MsgUnfollow) (*profilestypes.MsgUnfollowResponse, error)
	Block(ctx context.Context, msg *profilestypes.MsgBlock) (*profilestypes.MsgBlockResponse, error)
	Unblock(ctx context.Context, msg *profilestypes.MsgUnblock) (*profilestypes.MsgUnblockResponse, error)
}

// BankKeeper takes the price of bought units.
type BankKeeper interface {
	SendCoinsFromAccountToModule(ctx context.Context, sender sdk.AccAddress, recipientModule string, amt sdk.Coins) error
}
