package keeper

import (
	"bytes"
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/posts/types"
)

type msgServer struct {
	Keeper
}

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the posts Msg service.
func NewMsgServerImpl(k Keeper) types.MsgServer {
	return msgServer{Keeper: k}
}

// CreatePost publishes a post, reply or quote.
func (m msgServer) CreatePost(ctx context.Context, msg *types.MsgCreatePost) (*types.MsgCreatePostResponse, error) {
	author, err := m.decodeAddress("author", msg.Author)
	if err != nil {
		return nil, err
	}
	params, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	content, err := types.NormalizeContent(params, msg.Text, msg.BodyCID, msg.Attachments)
	if err != nil {
		return nil, err
	}
	if content.IsEmpty() && msg.QuoteOf == 0 {
		return nil, errorsmod.Wrap(types.ErrEmptyPost, "text, body_cid and attachments are all empty, and the post quotes nothing")
	}
	hashtags, handles, err := types.ParseTags(params, content.Text)
	if err != nil {
		return nil, err
	}

	if err := m.requireProfile(ctx, "author", author); err != nil {
		return nil, err
	}
	var rootID uint64
	if msg.ReplyTo != 0 {
		parent, err := m.livePost(ctx, "reply_to", msg.ReplyTo)
		if err != nil {
			return nil, err
		}
		if err := m.refuseIfBlocked(ctx, "reply to", parent, author); err != nil {
			return nil, err
		}
		rootID = parent.RootID
	}
	if msg.QuoteOf != 0 {
		quoted, err := m.livePost(ctx, "quote_of", msg.QuoteOf)
		if err != nil {
			return nil, err
		}
		if err := m.refuseIfBlocked(ctx, "quote", quoted, author); err != nil {
			return nil, err
		}
	}
	mentions, err := m.resolveMentions(ctx, handles)
	if err != nil {
		return nil, err
	}

	id, err := nextID(ctx, m.PostSeq)
	if err != nil {
		return nil, err
	}
	if rootID == 0 {
		rootID = id
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	post := types.Post{
		ID:            id,
		Author:        m.mustString(author),
		Text:          content.Text,
		BodyCID:       content.BodyCID,
		Attachments:   content.Attachments,
		ReplyTo:       msg.ReplyTo,
		RootID:        rootID,
		QuoteOf:       msg.QuoteOf,
		Hashtags:      hashtags,
		Mentions:      mentions,
		CreatedHeight: sdkCtx.BlockHeight(),
		CreatedAt:     sdkCtx.BlockTime(),
	}
	if err := m.Posts.Set(ctx, id, post); err != nil {
		return nil, err
	}
	if err := m.indexPost(ctx, post); err != nil {
		return nil, err
	}
	if post.ReplyTo != 0 {
		if err := m.adjustCounters(ctx, post.ReplyTo, func(c *types.PostCounters) { c.Replies++ }); err != nil {
			return nil, err
		}
	}
	if post.QuoteOf != 0 {
		if err := m.adjustCounters(ctx, post.QuoteOf, func(c *types.PostCounters) { c.Quotes++ }); err != nil {
			return nil, err
		}
	}
	if err := m.profiles.AdjustPostsCount(ctx, author, 1); err != nil {
		return nil, err
	}
	versionHash, err := content.Hash()
	if err != nil {
		return nil, err
	}
	if err := m.afterPostWritten(ctx, author, id, versionHash); err != nil {
		return nil, err
	}

	mentioned := make([]string, len(mentions))
	for i, mn := range mentions {
		mentioned[i] = mn.Address
	}
	return &types.MsgCreatePostResponse{ID: id}, sdkCtx.EventManager().EmitTypedEvent(&types.EventPostCreated{
		ID:        id,
		Author:    post.Author,
		ReplyTo:   post.ReplyTo,
		RootID:    post.RootID,
		QuoteOf:   post.QuoteOf,
		Hashtags:  post.Hashtags,
		Mentioned: mentioned,
		CIDs:      content.CIDs(),
	})
}

// EditPost replaces a post's content and keeps the replaced version.
func (m msgServer) EditPost(ctx context.Context, msg *types.MsgEditPost) (*types.MsgEditPostResponse, error) {
	author, err := m.decodeAddress("author", msg.Author)
	if err != nil {
		return nil, err
	}
	params, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	content, err := types.NormalizeContent(params, msg.Text, msg.BodyCID, msg.Attachments)
	if err != nil {
		return nil, err
	}
	hashtags, handles, err := types.ParseTags(params, content.Text)
	if err != nil {
		return nil, err
	}

	if err := m.requireProfile(ctx, "author", author); err != nil {
		return nil, err
	}
	post, err := m.ownPost(ctx, author, msg.PostID, "edit")
	if err != nil {
		return nil, err
	}
	if content.IsEmpty() && post.QuoteOf == 0 {
		return nil, errorsmod.Wrap(types.ErrEmptyPost, "text, body_cid and attachments are all empty, and the post quotes nothing")
	}
	current := post.Content()
	if content.SameAs(current) {
		return nil, errorsmod.Wrapf(types.ErrNoChanges, "post %d already has this text, body_cid and attachments", post.ID)
	}
	mentions, err := m.resolveMentions(ctx, handles)
	if err != nil {
		return nil, err
	}
	currentHash, err := current.Hash()
	if err != nil {
		return nil, err
	}
	content.PreviousVersion = currentHash
	newHash, err := content.Hash()
	if err != nil {
		return nil, err
	}

	replaced := types.PostVersion{
		PostID:      post.ID,
		Version:     post.Version,
		Content:     current,
		ContentHash: currentHash,
		Height:      post.CreatedHeight,
		Time:        post.CreatedAt,
	}
	if post.Version > 0 && post.EditedAt != nil {
		replaced.Height, replaced.Time = post.EditedHeight, *post.EditedAt
	}
	if err := m.Versions.Set(ctx, collections.Join(post.ID, post.Version), replaced); err != nil {
		return nil, err
	}
	if err := m.replaceHashtags(ctx, post.ID, post.Hashtags, hashtags); err != nil {
		return nil, err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	editedAt := sdkCtx.BlockTime()
	post.Text, post.BodyCID, post.Attachments = content.Text, content.BodyCID, content.Attachments
	post.Hashtags, post.Mentions = hashtags, mentions
	post.Version++
	post.EditedHeight, post.EditedAt = sdkCtx.BlockHeight(), &editedAt
	post.PreviousVersion = currentHash
	if err := m.Posts.Set(ctx, post.ID, post); err != nil {
		return nil, err
	}
	if err := m.afterPostWritten(ctx, author, post.ID, newHash); err != nil {
		return nil, err
	}

	return &types.MsgEditPostResponse{Version: post.Version, ContentHash: newHash}, sdkCtx.EventManager().EmitTypedEvent(&types.EventPostEdited{
		ID:              post.ID,
		Author:          post.Author,
		Version:         post.Version,
		ContentHash:     newHash,
		PreviousVersion: currentHash,
		CIDs:            content.CIDs(),
	})
}

// DeletePost turns a post into a tombstone: its content, hashtags, mentions
// and history go; its id, author, place in the thread and reactions stay.
func (m msgServer) DeletePost(ctx context.Context, msg *types.MsgDeletePost) (*types.MsgDeletePostResponse, error) {
	author, err := m.decodeAddress("author", msg.Author)
	if err != nil {
		return nil, err
	}
	post, err := m.ownPost(ctx, author, msg.PostID, "delete")
	if err != nil {
		return nil, err
	}
	// An author who deleted their profile may still delete posts; there is
	// then no posts counter to decrement.
	hasProfile, err := m.profiles.HasProfile(ctx, author)
	if err != nil {
		return nil, err
	}

	if err := m.PostsByAuthor.Remove(ctx, collections.Join(author, post.ID)); err != nil {
		return nil, err
	}
	if err := m.replaceHashtags(ctx, post.ID, post.Hashtags, nil); err != nil {
		return nil, err
	}
	if err := m.Versions.Clear(ctx, collections.NewPrefixedPairRange[uint64, uint32](post.ID)); err != nil {
		return nil, err
	}
	if post.ReplyTo != 0 {
		if err := m.adjustCounters(ctx, post.ReplyTo, func(c *types.PostCounters) { c.Replies = addDelta(c.Replies, -1) }); err != nil {
			return nil, err
		}
	}
	if post.QuoteOf != 0 {
		if err := m.adjustCounters(ctx, post.QuoteOf, func(c *types.PostCounters) { c.Quotes = addDelta(c.Quotes, -1) }); err != nil {
			return nil, err
		}
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	deletedAt := sdkCtx.BlockTime()
	post.Text, post.BodyCID, post.Attachments = "", "", nil
	post.Hashtags, post.Mentions, post.PreviousVersion = nil, nil, nil
	post.Deleted, post.DeletedHeight, post.DeletedAt = true, sdkCtx.BlockHeight(), &deletedAt
	if err := m.Posts.Set(ctx, post.ID, post); err != nil {
		return nil, err
	}
	if hasProfile {
		if err := m.profiles.AdjustPostsCount(ctx, author, -1); err != nil {
			return nil, err
		}
	}

	return &types.MsgDeletePostResponse{}, sdkCtx.EventManager().EmitTypedEvent(&types.EventPostDeleted{ID: post.ID, Author: post.Author})
}

// Repost records that the signer reposted a post.
func (m msgServer) Repost(ctx context.Context, msg *types.MsgRepost) (*types.MsgRepostResponse, error) {
	reposter, err := m.decodeAddress("reposter", msg.Reposter)
	if err != nil {
		return nil, err
	}

	if err := m.requireProfile(ctx, "reposter", reposter); err != nil {
		return nil, err
	}
	post, err := m.livePost(ctx, "post_id", msg.PostID)
	if err != nil {
		return nil, err
	}
	if err := m.refuseIfBlocked(ctx, "repost", post, reposter); err != nil {
		return nil, err
	}
	edge := collections.Join(post.ID, reposter)
	if has, err := m.Reposts.Has(ctx, edge); err != nil {
		return nil, err
	} else if has {
		return nil, errorsmod.Wrapf(types.ErrAlreadyReposted, "%s already reposted post %d", m.mustString(reposter), post.ID)
	}

	sdkCtx := sdk.UnwrapSDKContext(ctx)
	repost := types.Repost{PostID: post.ID, Reposter: m.mustString(reposter), CreatedHeight: sdkCtx.BlockHeight(), CreatedAt: sdkCtx.BlockTime()}
	if err := m.Reposts.Set(ctx, edge, repost); err != nil {
		return nil, err
	}
	if err := m.adjustCounters(ctx, post.ID, func(c *types.PostCounters) { c.Reposts++ }); err != nil {
		return nil, err
	}

	return &types.MsgRepostResponse{}, sdkCtx.EventManager().EmitTypedEvent(&types.EventReposted{
		PostID: post.ID, Reposter: repost.Reposter, PostAuthor: post.Author,
	})
}

// UndoRepost removes the signer's repost. It works on a deleted post too, so
// nobody is stuck with an edge they cannot remove.
func (m msgServer) UndoRepost(ctx context.Context, msg *types.MsgUndoRepost) (*types.MsgUndoRepostResponse, error) {
	reposter, err := m.decodeAddress("reposter", msg.Reposter)
	if err != nil {
		return nil, err
	}

	post, err := m.GetPost(ctx, msg.PostID)
	if err != nil {
		return nil, err
	}
	edge := collections.Join(post.ID, reposter)
	if has, err := m.Reposts.Has(ctx, edge); err != nil {
		return nil, err
	} else if !has {
		return nil, errorsmod.Wrapf(types.ErrRepostNotFound, "%s has not reposted post %d", m.mustString(reposter), post.ID)
	}

	if err := m.Reposts.Remove(ctx, edge); err != nil {
		return nil, err
	}
	if err := m.adjustCounters(ctx, post.ID, func(c *types.PostCounters) { c.Reposts = addDelta(c.Reposts, -1) }); err != nil {
		return nil, err
	}

	return &types.MsgUndoRepostResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventRepostUndone{
		PostID: post.ID, Reposter: m.mustString(reposter),
	})
}

// React adds the signer's reaction of one kind to a post.
func (m msgServer) React(ctx context.Context, msg *types.MsgReact) (*types.MsgReactResponse, error) {
	user, err := m.decodeAddress("user", msg.User)
	if err != nil {
		return nil, err
	}
	params, err := m.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if err := params.ValidateReaction(msg.Kind); err != nil {
		return nil, err
	}

	if err := m.requireProfile(ctx, "user", user); err != nil {
		return nil, err
	}
	post, err := m.livePost(ctx, "post_id", msg.PostID)
	if err != nil {
		return nil, err
	}
	if err := m.refuseIfBlocked(ctx, "react to", post, user); err != nil {
		return nil, err
	}
	byUser := collections.Join3(post.ID, user, msg.Kind)
	if has, err := m.ReactionsByUser.Has(ctx, byUser); err != nil {
		return nil, err
	} else if has {
		return nil, errorsmod.Wrapf(types.ErrAlreadyReacted, "%s already reacted %q to post %d", m.mustString(user), msg.Kind, post.ID)
	}

	rid, err := nextID(ctx, m.ReactionSeq)
	if err != nil {
		return nil, err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	reaction := types.Reaction{
		ID: rid, PostID: post.ID, User: m.mustString(user), Kind: msg.Kind,
		CreatedHeight: sdkCtx.BlockHeight(), CreatedAt: sdkCtx.BlockTime(),
	}
	if err := m.Reactions.Set(ctx, collections.Join(post.ID, rid), reaction); err != nil {
		return nil, err
	}
	if err := m.ReactionsByUser.Set(ctx, byUser, rid); err != nil {
		return nil, err
	}
	if err := m.adjustCounters(ctx, post.ID, func(c *types.PostCounters) { addReaction(c, msg.Kind, 1) }); err != nil {
		return nil, err
	}

	return &types.MsgReactResponse{ID: rid}, sdkCtx.EventManager().EmitTypedEvent(&types.EventReacted{
		ReactionID: rid, PostID: post.ID, User: reaction.User, Kind: msg.Kind, PostAuthor: post.Author,
	})
}

// Unreact removes the signer's reaction of one kind. It works on a deleted
// post, and for a kind no longer in the allow-list.
func (m msgServer) Unreact(ctx context.Context, msg *types.MsgUnreact) (*types.MsgUnreactResponse, error) {
	user, err := m.decodeAddress("user", msg.User)
	if err != nil {
		return nil, err
	}

	post, err := m.GetPost(ctx, msg.PostID)
	if err != nil {
		return nil, err
	}
	byUser := collections.Join3(post.ID, user, msg.Kind)
	rid, err := m.ReactionsByUser.Get(ctx, byUser)
	if errorsmod.IsOf(err, collections.ErrNotFound) {
		return nil, errorsmod.Wrapf(types.ErrReactionNotFound, "%s has no %q reaction on post %d", m.mustString(user), msg.Kind, post.ID)
	}
	if err != nil {
		return nil, err
	}

	if err := m.Reactions.Remove(ctx, collections.Join(post.ID, rid)); err != nil {
		return nil, err
	}
	if err := m.ReactionsByUser.Remove(ctx, byUser); err != nil {
		return nil, err
	}
	if err := m.adjustCounters(ctx, post.ID, func(c *types.PostCounters) { addReaction(c, msg.Kind, -1) }); err != nil {
		return nil, err
	}

	return &types.MsgUnreactResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventUnreacted{
		ReactionID: rid, PostID: post.ID, User: m.mustString(user), Kind: msg.Kind,
	})
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

// ownPost returns post id for an edit or delete by author, refusing a
// missing post, someone else's post, and a deleted post.
func (m msgServer) ownPost(ctx context.Context, author []byte, id uint64, action string) (types.Post, error) {
	post, err := m.GetPost(ctx, id)
	if err != nil {
		return post, err
	}
	postAuthor, err := m.addressCodec.StringToBytes(post.Author)
	if err != nil {
		return post, err
	}
	if !bytes.Equal(postAuthor, author) {
		return post, errorsmod.Wrapf(types.ErrNotAuthor, "cannot %s post %d: it belongs to %s", action, id, post.Author)
	}
	if post.Deleted {
		return post, errorsmod.Wrapf(types.ErrPostDeleted, "cannot %s post %d", action, id)
	}
	return post, nil
}
