// Package keeper holds x/posts state: posts with their edit history, the
// indexes that list them (by author, parent, thread and hashtag), reposts,
// reactions and per-post counters.
package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/store"
	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/internal/addresscodec"
	"github.com/socialchain/socialchain/x/posts/types"
)

// PostKey orders ids under a first key: (author, id), (parent, id), ...
type PostKey[K any] = collections.Pair[K, uint64]

// Keeper owns the posts store.
type Keeper struct {
	cdc          codec.BinaryCodec
	addressCodec address.Codec
	// authority may change params: the gov module account.
	authority string
	profiles  types.ProfilesKeeper
	hooks     types.PostsHooks

	Schema  collections.Schema
	Params  collections.Item[types.Params]
	PostSeq collections.Sequence
	Posts   collections.Map[uint64, types.Post]
	// PostsByAuthor lists the live (not deleted) posts of each author; the
	// feed merges these.
	PostsByAuthor collections.KeySet[PostKey[sdk.AccAddress]]
	// LatestPost holds the id of each author's newest post. Deleting a post
	// leaves it as is: the feed reads it as an upper bound of the author's
	// newest live post, which saves opening their PostsByAuthor range when
	// the bound is older than the page (feed.go).
	LatestPost collections.Map[sdk.AccAddress, uint64]
	// Replies lists the direct replies of each post, tombstones included.
	Replies collections.KeySet[PostKey[uint64]]
	// Threads lists every reply of a thread under its root; the root itself
	// is not listed (the Thread query adds it).
	Threads collections.KeySet[PostKey[uint64]]
	// PostsByHashtag lists the live posts carrying each hashtag.
	PostsByHashtag collections.KeySet[PostKey[string]]
	// Versions holds the replaced versions of each post: (id, version).
	Versions collections.Map[collections.Pair[uint64, uint32], types.PostVersion]
	// Counters holds the non-zero interaction counters of each post.
	Counters collections.Map[uint64, types.PostCounters]
	// Reposts holds the repost edges: (post, reposter).
	Reposts     collections.Map[collections.Pair[uint64, sdk.AccAddress], types.Repost]
	ReactionSeq collections.Sequence
	// Reactions holds reactions by (post, reaction id), so a post's
	// reactions list newest first.
	Reactions collections.Map[PostKey[uint64], types.Reaction]
	// ReactionsByUser finds a reaction id by (post, user, kind).
	ReactionsByUser collections.Map[collections.Triple[uint64, sdk.AccAddress, string], uint64]
}

// NewKeeper returns the posts keeper over storeService. authority is the
// address allowed to change params; profiles answers who has a profile,
// who blocks whom, who holds a handle and who follows whom.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, addressCodec address.Codec, authority string, profiles types.ProfilesKeeper) Keeper {
	if _, err := addressCodec.StringToBytes(authority); err != nil {
		panic(fmt.Errorf("invalid posts authority %q: %w", authority, err))
	}
	sb := collections.NewSchemaBuilder(storeService)
	k := Keeper{
		cdc:          cdc,
		addressCodec: addressCodec,
		authority:    authority,
		profiles:     profiles,
		Params:       collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		PostSeq:      collections.NewSequence(sb, types.PostSeqKey, "post_seq"),
		Posts:        collections.NewMap(sb, types.PostsKey, "posts", collections.Uint64Key, codec.CollValue[types.Post](cdc)),
		PostsByAuthor: collections.NewKeySet(sb, types.PostsByAuthorKey, "posts_by_author",
			collections.PairKeyCodec(sdk.AccAddressKey, collections.Uint64Key)),
		LatestPost: collections.NewMap(sb, types.LatestPostKey, "latest_post", sdk.AccAddressKey, collections.Uint64Value),
		Replies: collections.NewKeySet(sb, types.RepliesKey, "replies",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key)),
		Threads: collections.NewKeySet(sb, types.ThreadsKey, "threads",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key)),
		PostsByHashtag: collections.NewKeySet(sb, types.PostsByHashtagKey, "posts_by_hashtag",
			collections.PairKeyCodec(collections.StringKey, collections.Uint64Key)),
		Versions: collections.NewMap(sb, types.VersionsKey, "versions",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint32Key), codec.CollValue[types.PostVersion](cdc)),
		Counters: collections.NewMap(sb, types.CountersKey, "counters", collections.Uint64Key, codec.CollValue[types.PostCounters](cdc)),
		Reposts: collections.NewMap(sb, types.RepostsKey, "reposts",
			collections.PairKeyCodec(collections.Uint64Key, sdk.AccAddressKey), codec.CollValue[types.Repost](cdc)),
		ReactionSeq: collections.NewSequence(sb, types.ReactionSeqKey, "reaction_seq"),
		Reactions: collections.NewMap(sb, types.ReactionsKey, "reactions",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key), codec.CollValue[types.Reaction](cdc)),
		ReactionsByUser: collections.NewMap(sb, types.ReactionsByUserKey, "reactions_by_user",
			collections.TripleKeyCodec(collections.Uint64Key, sdk.AccAddressKey, collections.StringKey), collections.Uint64Value),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// Authority returns the address allowed to change params.
func (k Keeper) Authority() string { return k.authority }

// AddressCodec returns the codec for account addresses.
func (k Keeper) AddressCodec() address.Codec { return k.addressCodec }

// decodeAddress parses a bech32 account address, naming field on failure.
func (k Keeper) decodeAddress(field, addr string) (sdk.AccAddress, error) {
	return addresscodec.DecodeField(k.addressCodec, types.ErrInvalidAddress, field, addr)
}

// GetPost returns post id, tombstone or not, or ErrPostNotFound.
func (k Keeper) GetPost(ctx context.Context, id uint64) (types.Post, error) {
	p, err := k.Posts.Get(ctx, id)
	if errorsmod.IsOf(err, collections.ErrNotFound) {
		return p, errorsmod.Wrapf(types.ErrPostNotFound, "post %d", id)
	}
	return p, err
}

// livePost returns post id for field, refusing a missing or deleted post.
func (k Keeper) livePost(ctx context.Context, field string, id uint64) (types.Post, error) {
	p, err := k.Posts.Get(ctx, id)
	if errorsmod.IsOf(err, collections.ErrNotFound) {
		return p, errorsmod.Wrapf(types.ErrPostNotFound, "%s: post %d", field, id)
	}
	if err != nil {
		return p, err
	}
	if p.Deleted {
		return p, errorsmod.Wrapf(types.ErrPostDeleted, "%s: post %d", field, id)
	}
	return p, nil
}

// requireProfile refuses an account without a profile.
func (k Keeper) requireProfile(ctx context.Context, field string, addr sdk.AccAddress) error {
	has, err := k.profiles.HasProfile(ctx, addr)
	if err != nil {
		return err
	}
	if !has {
		return errorsmod.Wrapf(types.ErrProfileRequired, "%s %s: create a profile first", field, k.mustString(addr))
	}
	return nil
}

// refuseIfBlocked refuses sender's interaction with post when the post's
// author has blocked sender.
func (k Keeper) refuseIfBlocked(ctx context.Context, what string, post types.Post, sender sdk.AccAddress) error {
	author, err := k.addressCodec.StringToBytes(post.Author)
	if err != nil {
		return err
	}
	blocked, err := k.profiles.HasBlocked(ctx, author, sender)
	if err != nil {
		return err
	}
	if blocked {
		return errorsmod.Wrapf(types.ErrBlocked, "%s post %d: its author has blocked %s", what, post.ID, k.mustString(sender))
	}
	return nil
}

func (k Keeper) mustString(addr sdk.AccAddress) string {
	s, err := k.addressCodec.BytesToString(addr)
	if err != nil {
		return fmt.Sprintf("%X", []byte(addr))
	}
	return s
}

// SetHooks installs the hooks called after posts are written; the app
// sets them once at start-up.
func (k *Keeper) SetHooks(h types.PostsHooks) { k.hooks = h }

// afterPostWritten calls the hooks, if any.
func (k Keeper) afterPostWritten(ctx context.Context, author sdk.AccAddress, postID uint64, contentHash []byte) error {
	if k.hooks == nil {
		return nil
	}
	return k.hooks.AfterPostWritten(ctx, author, postID, contentHash)
}
