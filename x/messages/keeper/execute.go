package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/messages/types"
	poststypes "github.com/socialchain/socialchain/x/posts/types"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
)

// Outcome is what applying a message produced: the post it created or
// acted on, and the reaction it created.
type Outcome struct {
	PostID     uint64
	ReactionID uint64
}

// CheckMessage runs the lane's own rules for m at the block time of ctx:
// the timestamp window, the app key (registered, unexpired, in scope) and
// the allowance; replay is the caller's (refuseReplay, or ApplyBatch's
// receipt lookup). pending is how many of the author's messages
// already wait for a block on this node and count against its allowance
// (0 when applying a block). It writes nothing.
func (k Keeper) CheckMessage(ctx context.Context, params types.Params, m *types.Message, pending uint64) (sdk.AccAddress, error) {
	author, err := k.decodeAddress("author", m.Body.Author)
	if err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidAuthor, err.Error())
	}
	blockMs := sdk.UnwrapSDKContext(ctx).BlockTime().UnixMilli()
	if earliest := blockMs - int64(params.TimestampWindowSeconds)*1000; m.Body.TimestampMs < earliest {
		return nil, errorsmod.Wrapf(types.ErrTimestampTooOld, "timestamp_ms %d is more than timestamp_window_seconds %d before block time %d",
			m.Body.TimestampMs, params.TimestampWindowSeconds, blockMs)
	}
	if latest := blockMs + int64(params.MaxFutureSeconds)*1000; m.Body.TimestampMs > latest {
		return nil, errorsmod.Wrapf(types.ErrTimestampInFuture, "timestamp_ms %d is more than max_future_seconds %d after block time %d",
			m.Body.TimestampMs, params.MaxFutureSeconds, blockMs)
	}
	_, scope := m.Body.KindInfo()
	if err := k.profiles.AuthorizeAppKey(ctx, author, m.Body.AppKey, scope); err != nil {
		return nil, err
	}
	units, err := k.units(ctx, params, author)
	if err != nil {
		return nil, err
	}
	used, err := k.usedInPeriod(ctx, author, currentPeriod(ctx, params))
	if err != nil {
		return nil, err
	}
	if allowance := params.Allowance(units); used+pending >= allowance {
		return nil, errorsmod.Wrapf(types.ErrAllowanceExhausted, "%s used %d and has %d pending of %d messages this period (%d units × messages_per_unit %d); buy units with MsgBuyUnits",
			m.Body.Author, used, pending, allowance, units, params.MessagesPerUnit)
	}
	return author, nil
}

// Execute performs the action of m for author through the x/posts and
// x/profiles keeper methods their Msg servers call. On error the caller
// discards ctx's writes.
func (k Keeper) Execute(ctx context.Context, m *types.Message) (Outcome, error) {
	author := m.Body.Author
	switch kind := m.Body.Kind.(type) {
	case *types.MessageBody_CreatePost:
		res, err := k.posts.CreatePost(ctx, createPostMsg(author, kind.CreatePost))
		if err != nil {
			return Outcome{}, err
		}
		return Outcome{PostID: res.ID}, nil
	case *types.MessageBody_EditPost:
		e := kind.EditPost
		_, err := k.posts.EditPost(ctx, &poststypes.MsgEditPost{
			Author: author, PostID: e.PostID, Text: e.Text, BodyCID: e.BodyCID, Attachments: e.Attachments,
		})
		return Outcome{PostID: e.PostID}, err
	case *types.MessageBody_DeletePost:
		_, err := k.posts.DeletePost(ctx, &poststypes.MsgDeletePost{Author: author, PostID: kind.DeletePost.PostID})
		return Outcome{PostID: kind.DeletePost.PostID}, err
	case *types.MessageBody_Repost:
		_, err := k.posts.Repost(ctx, &poststypes.MsgRepost{Reposter: author, PostID: kind.Repost.PostID})
		return Outcome{PostID: kind.Repost.PostID}, err
	case *types.MessageBody_UndoRepost:
		_, err := k.posts.UndoRepost(ctx, &poststypes.MsgUndoRepost{Reposter: author, PostID: kind.UndoRepost.PostID})
		return Outcome{PostID: kind.UndoRepost.PostID}, err
	case *types.MessageBody_React:
		res, err := k.posts.React(ctx, &poststypes.MsgReact{User: author, PostID: kind.React.PostID, Kind: kind.React.Kind})
		if err != nil {
			return Outcome{}, err
		}
		return Outcome{PostID: kind.React.PostID, ReactionID: res.ID}, nil
	case *types.MessageBody_Unreact:
		_, err := k.posts.Unreact(ctx, &poststypes.MsgUnreact{User: author, PostID: kind.Unreact.PostID, Kind: kind.Unreact.Kind})
		return Outcome{PostID: kind.Unreact.PostID}, err
	case *types.MessageBody_Follow:
		_, err := k.profiles.Follow(ctx, &profilestypes.MsgFollow{Follower: author, Followee: kind.Follow.Followee})
		return Outcome{}, err
	case *types.MessageBody_Unfollow:
		_, err := k.profiles.Unfollow(ctx, &profilestypes.MsgUnfollow{Follower: author, Followee: kind.Unfollow.Followee})
		return Outcome{}, err
	case *types.MessageBody_Block:
		_, err := k.profiles.Block(ctx, &profilestypes.MsgBlock{Blocker: author, Blocked: kind.Block.Blocked})
		return Outcome{}, err
	case *types.MessageBody_Unblock:
		_, err := k.profiles.Unblock(ctx, &profilestypes.MsgUnblock{Blocker: author, Blocked: kind.Unblock.Blocked})
		return Outcome{}, err
	default:
		return Outcome{}, errorsmod.Wrapf(types.ErrNoKind, "unknown kind %T", m.Body.Kind)
	}
}

// Validate is the full check of a message at submit: replay, the lane's
// rules, then every rule of the action's Msg server (length, profile,
// parent, blocks, ...), writing nothing. A new post is only planned; other
// actions run on a branch of ctx that is thrown away. The signature is the
// caller's to verify (batched).
func (k Keeper) Validate(ctx context.Context, params types.Params, m *types.Message, pending uint64) error {
	if err := k.refuseReplay(ctx, m); err != nil {
		return err
	}
	if _, err := k.CheckMessage(ctx, params, m, pending); err != nil {
		return err
	}
	if c, ok := m.Body.Kind.(*types.MessageBody_CreatePost); ok {
		_, err := k.posts.PlanPost(ctx, createPostMsg(m.Body.Author, c.CreatePost))
		return err
	}
	branch, _ := sdk.UnwrapSDKContext(ctx).CacheContext()
	_, err := k.Execute(branch, m)
	return err
}

// refuseReplay refuses a message that already has a receipt.
func (k Keeper) refuseReplay(ctx context.Context, m *types.Message) error {
	r, found, err := k.latestReceipt(ctx, m.Hash)
	if err != nil {
		return err
	}
	if found {
		return errorsmod.Wrapf(types.ErrDuplicateMessage, "message %s was in block %d", m.Hash, r.Height)
	}
	return nil
}

func createPostMsg(author string, c *types.CreatePost) *poststypes.MsgCreatePost {
	return &poststypes.MsgCreatePost{
		Author: author, Text: c.Text, BodyCID: c.BodyCID, Attachments: c.Attachments, ReplyTo: c.ReplyTo, QuoteOf: c.QuoteOf,
	}
}
