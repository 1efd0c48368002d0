package keeper

import (
	"bytes"
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/internal/counter"
	"github.com/socialchain/socialchain/x/posts/types"
)

// The exported methods of this file, reposts.go and reactions.go are the
// rules of the posts messages, shared by the Msg server and the message
// lane. Each refuses bad input before its first write; an error after that
// is a store or hook failure, and the caller must drop the writes (a tx
// does; a lane applies each message in a cache context).

// CreatePost publishes a post, reply or quote by msg.Author, who must have
// a profile, and emits EventPostCreated.
func (k Keeper) CreatePost(ctx context.Context, msg *types.MsgCreatePost) (*types.MsgCreatePostResponse, error) {
	p, err := k.checkPost(ctx, msg)
	if err != nil {
		return nil, err
	}
	id, err := k.writePost(ctx, p)
	if err != nil {
		return nil, err
	}
	return &types.MsgCreatePostResponse{ID: id}, nil
}

// PlanPost runs every rule of CreatePost against the state of ctx, writes
// nothing, and returns the step that writes the post (on that same state)
// and gives its id. The message lane plans a post at submit, and in a block
// plans then writes it without a cache branch: a refused post has written
// nothing. An error from write is a store or hook failure, after which the
// caller must drop ctx's writes.
func (k Keeper) PlanPost(ctx context.Context, msg *types.MsgCreatePost) (write func(context.Context) (uint64, error), err error) {
	p, err := k.checkPost(ctx, msg)
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context) (uint64, error) { return k.writePost(ctx, p) }, nil
}

// plannedPost is a post that passed every rule of CreatePost.
type plannedPost struct {
	author                   sdk.AccAddress
	draft                    draftContent
	replyTo, quoteOf, rootID uint64 // rootID is 0 for a new thread
	mentions                 []types.Mention
	versionHash              []byte
}

func (k Keeper) checkPost(ctx context.Context, msg *types.MsgCreatePost) (plannedPost, error) {
	author, err := k.decodeAddress("author", msg.Author)
	if err != nil {
		return plannedPost{}, err
	}
	draft, err := k.prepareContent(ctx, msg.Text, msg.BodyCID, msg.Attachments)
	if err != nil {
		return plannedPost{}, err
	}
	if err := requireContent(draft.PostContent, msg.QuoteOf); err != nil {
		return plannedPost{}, err
	}

	if err := k.requireProfile(ctx, "author", author); err != nil {
		return plannedPost{}, err
	}
	p := plannedPost{author: author, draft: draft, replyTo: msg.ReplyTo, quoteOf: msg.QuoteOf}
	if msg.ReplyTo != 0 {
		parent, err := k.livePost(ctx, "reply_to", msg.ReplyTo)
		if err != nil {
			return plannedPost{}, err
		}
		if err := k.refuseIfBlocked(ctx, "reply to", parent, author); err != nil {
			return plannedPost{}, err
		}
		p.rootID = parent.RootID
	}
	if msg.QuoteOf != 0 {
		quoted, err := k.livePost(ctx, "quote_of", msg.QuoteOf)
		if err != nil {
			return plannedPost{}, err
		}
		if err := k.refuseIfBlocked(ctx, "quote", quoted, author); err != nil {
			return plannedPost{}, err
		}
	}
	if p.mentions, err = k.resolveMentions(ctx, draft.handles); err != nil {
		return plannedPost{}, err
	}
	if p.versionHash, err = draft.Hash(); err != nil {
		return plannedPost{}, err
	}
	return p, nil
}

// writePost stores a checked post with its indexes and counters and emits
// EventPostCreated; it returns the new post's id.
func (k Keeper) writePost(ctx context.Context, p plannedPost) (uint64, error) {
	id, err := nextID(ctx, k.PostSeq)
	if err != nil {
		return 0, err
	}
	rootID := p.rootID
	if rootID == 0 {
		rootID = id
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	post := types.Post{
		ID:            id,
		Author:        k.mustString(p.author),
		Text:          p.draft.Text,
		BodyCID:       p.draft.BodyCID,
		Attachments:   p.draft.Attachments,
		ReplyTo:       p.replyTo,
		RootID:        rootID,
		QuoteOf:       p.quoteOf,
		Hashtags:      p.draft.hashtags,
		Mentions:      p.mentions,
		CreatedHeight: sdkCtx.BlockHeight(),
		CreatedAt:     sdkCtx.BlockTime(),
	}
	if err := k.Posts.Set(ctx, id, post); err != nil {
		return 0, err
	}
	if err := k.indexPost(ctx, post); err != nil {
		return 0, err
	}
	if post.ReplyTo != 0 {
		if err := k.adjustCounters(ctx, post.ReplyTo, func(c *types.PostCounters) { c.Replies++ }); err != nil {
			return 0, err
		}
	}
	if post.QuoteOf != 0 {
		if err := k.adjustCounters(ctx, post.QuoteOf, func(c *types.PostCounters) { c.Quotes++ }); err != nil {
			return 0, err
		}
	}
	if err := k.profiles.AdjustPostsCount(ctx, p.author, 1); err != nil {
		return 0, err
	}
	if err := k.afterPostWritten(ctx, p.author, id, p.versionHash); err != nil {
		return 0, err
	}

	mentioned := make([]string, len(p.mentions))
	for i, mn := range p.mentions {
		mentioned[i] = mn.Address
	}
	ev := types.EventPostCreated{
		ID:        id,
		Author:    post.Author,
		ReplyTo:   post.ReplyTo,
		RootID:    post.RootID,
		QuoteOf:   post.QuoteOf,
		Hashtags:  post.Hashtags,
		Mentioned: mentioned,
		CIDs:      p.draft.CIDs(),
	}
	sdkCtx.EventManager().EmitEvent(sdk.Event(ev.ABCIEvent()))
	return id, nil
}

// EditPost replaces the content of msg.Author's live post, keeps the
// replaced version in the post's history, and emits EventPostEdited.
func (k Keeper) EditPost(ctx context.Context, msg *types.MsgEditPost) (*types.MsgEditPostResponse, error) {
	author, err := k.decodeAddress("author", msg.Author)
	if err != nil {
		return nil, err
	}
	draft, err := k.prepareContent(ctx, msg.Text, msg.BodyCID, msg.Attachments)
	if err != nil {
		return nil, err
	}

	if err := k.requireProfile(ctx, "author", author); err != nil {
		return nil, err
	}
	post, err := k.ownPost(ctx, author, msg.PostID, "edit")
	if err != nil {
		return nil, err
	}
	if err := requireContent(draft.PostContent, post.QuoteOf); err != nil {
		return nil, err
	}
	current := post.Content()
	if draft.SameAs(current) {
		return nil, errorsmod.Wrapf(types.ErrNoChanges, "post %d already has this text, body_cid and attachments", post.ID)
	}
	mentions, err := k.resolveMentions(ctx, draft.handles)
	if err != nil {
		return nil, err
	}
	currentHash, err := current.Hash()
	if err != nil {
		return nil, err
	}
	draft.PreviousVersion = currentHash
	newHash, err := draft.Hash()
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
	if err := k.Versions.Set(ctx, collections.Join(post.ID, post.Version), replaced); err != nil {
		return nil, err
	}
	if err := k.replaceHashtags(ctx, post.ID, post.Hashtags, draft.hashtags); err != nil {
		return nil, err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	editedAt := sdkCtx.BlockTime()
	post.Text, post.BodyCID, post.Attachments = draft.Text, draft.BodyCID, draft.Attachments
	post.Hashtags, post.Mentions = draft.hashtags, mentions
	post.Version++
	post.EditedHeight, post.EditedAt = sdkCtx.BlockHeight(), &editedAt
	post.PreviousVersion = currentHash
	if err := k.Posts.Set(ctx, post.ID, post); err != nil {
		return nil, err
	}
	if err := k.afterPostWritten(ctx, author, post.ID, newHash); err != nil {
		return nil, err
	}

	return &types.MsgEditPostResponse{Version: post.Version, ContentHash: newHash}, sdkCtx.EventManager().EmitTypedEvent(&types.EventPostEdited{
		ID:              post.ID,
		Author:          post.Author,
		Version:         post.Version,
		ContentHash:     newHash,
		PreviousVersion: currentHash,
		CIDs:            draft.CIDs(),
	})
}

// DeletePost turns msg.Author's post into a tombstone: its content,
// hashtags, mentions and history go; its id, author, place in the thread
// and reactions stay. It emits EventPostDeleted.
func (k Keeper) DeletePost(ctx context.Context, msg *types.MsgDeletePost) (*types.MsgDeletePostResponse, error) {
	author, err := k.decodeAddress("author", msg.Author)
	if err != nil {
		return nil, err
	}

	post, err := k.ownPost(ctx, author, msg.PostID, "delete")
	if err != nil {
		return nil, err
	}
	// An author who deleted their profile may still delete posts; there is
	// then no posts counter to decrement.
	hasProfile, err := k.profiles.HasProfile(ctx, author)
	if err != nil {
		return nil, err
	}

	if err := k.PostsByAuthor.Remove(ctx, collections.Join(author, post.ID)); err != nil {
		return nil, err
	}
	if err := k.replaceHashtags(ctx, post.ID, post.Hashtags, nil); err != nil {
		return nil, err
	}
	if err := k.Versions.Clear(ctx, collections.NewPrefixedPairRange[uint64, uint32](post.ID)); err != nil {
		return nil, err
	}
	if post.ReplyTo != 0 {
		if err := k.adjustCounters(ctx, post.ReplyTo, func(c *types.PostCounters) { c.Replies = counter.Add(c.Replies, -1) }); err != nil {
			return nil, err
		}
	}
	if post.QuoteOf != 0 {
		if err := k.adjustCounters(ctx, post.QuoteOf, func(c *types.PostCounters) { c.Quotes = counter.Add(c.Quotes, -1) }); err != nil {
			return nil, err
		}
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	deletedAt := sdkCtx.BlockTime()
	post.Text, post.BodyCID, post.Attachments = "", "", nil
	post.Hashtags, post.Mentions, post.PreviousVersion = nil, nil, nil
	post.Deleted, post.DeletedHeight, post.DeletedAt = true, sdkCtx.BlockHeight(), &deletedAt
	if err := k.Posts.Set(ctx, post.ID, post); err != nil {
		return nil, err
	}
	if hasProfile {
		if err := k.profiles.AdjustPostsCount(ctx, author, -1); err != nil {
			return nil, err
		}
	}

	return &types.MsgDeletePostResponse{}, sdkCtx.EventManager().EmitTypedEvent(&types.EventPostDeleted{ID: post.ID, Author: post.Author})
}

// ownPost returns post id for an edit or delete by author, refusing a
// missing post, someone else's post, and a deleted post.
func (k Keeper) ownPost(ctx context.Context, author []byte, id uint64, action string) (types.Post, error) {
	post, err := k.GetPost(ctx, id)
	if err != nil {
		return post, err
	}
	postAuthor, err := k.addressCodec.StringToBytes(post.Author)
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

// nextID draws the next id from seq. Ids start at 1 because 0 means "none"
// in reply_to and quote_of; genesis sets the sequences to 1, and this skips
// 0 for a store that never ran InitGenesis.
func nextID(ctx context.Context, seq collections.Sequence) (uint64, error) {
	id, err := seq.Next(ctx)
	if err == nil && id == 0 {
		id, err = seq.Next(ctx)
	}
	return id, err
}

// indexPost adds a post to the indexes: author and hashtags for a live post,
// thread, parent and the author's latest post for every post.
func (k Keeper) indexPost(ctx context.Context, p types.Post) error {
	author, err := k.addressCodec.StringToBytes(p.Author)
	if err != nil {
		return err
	}
	if p.ReplyTo != 0 {
		// A root is not listed under itself: the Thread query puts it first
		// (one store write less for every root post).
		if err := k.Threads.Set(ctx, collections.Join(p.RootID, p.ID)); err != nil {
			return err
		}
		if err := k.Replies.Set(ctx, collections.Join(p.ReplyTo, p.ID)); err != nil {
			return err
		}
	}
	// Tombstones count: a deleted post was once the newest, and export then
	// import must rebuild the same state.
	if err := k.raiseLatestPost(ctx, author, p.ID); err != nil {
		return err
	}
	if p.Deleted {
		return nil
	}
	if err := k.PostsByAuthor.Set(ctx, collections.Join(sdk.AccAddress(author), p.ID)); err != nil {
		return err
	}
	return k.replaceHashtags(ctx, p.ID, nil, p.Hashtags)
}

// raiseLatestPost records id as author's newest post unless a newer one is
// recorded: new posts always are newer, genesis may list posts in any order.
func (k Keeper) raiseLatestPost(ctx context.Context, author sdk.AccAddress, id uint64) error {
	latest, err := k.LatestPost.Get(ctx, author)
	if err != nil && !errorsmod.IsOf(err, collections.ErrNotFound) {
		return err
	}
	if err == nil && latest >= id {
		return nil
	}
	return k.LatestPost.Set(ctx, author, id)
}

// replaceHashtags moves post id from the old hashtags' index entries to the
// new ones, touching only the tags that changed.
func (k Keeper) replaceHashtags(ctx context.Context, id uint64, old, updated []string) error {
	for _, t := range old {
		if !contains(updated, t) {
			if err := k.PostsByHashtag.Remove(ctx, collections.Join(t, id)); err != nil {
				return err
			}
		}
	}
	for _, t := range updated {
		if !contains(old, t) {
			if err := k.PostsByHashtag.Set(ctx, collections.Join(t, id)); err != nil {
				return err
			}
		}
	}
	return nil
}

// RebuildLatestPosts sets LatestPost from PostsByAuthor, for a store whose
// posts predate LatestPost; an upgrade runs it once. Until then the feed is
// right but opens the range of every followee without an entry. An author
// whose newest post is deleted gets their newest live post, as good a
// bound.
func (k Keeper) RebuildLatestPosts(ctx context.Context) error {
	// The walk is in (author, id) order, so each author's last key is their
	// newest post; the writes follow the walk, in author order, as a
	// deterministic state transition must.
	var latest []PostKey[sdk.AccAddress]
	it, err := k.PostsByAuthor.Iterate(ctx, nil)
	if err != nil {
		return err
	}
	for ; it.Valid(); it.Next() {
		key, err := it.Key()
		if err != nil {
			it.Close()
			return err
		}
		if n := len(latest); n > 0 && latest[n-1].K1().Equals(key.K1()) {
			latest[n-1] = key
		} else {
			latest = append(latest, key)
		}
	}
	it.Close()
	for _, key := range latest {
		if err := k.raiseLatestPost(ctx, key.K1(), key.K2()); err != nil {
			return err
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
