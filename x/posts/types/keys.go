package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the name of the posts module.
	ModuleName = "posts"
	// StoreKey is the KV store key of the posts module.
	StoreKey = ModuleName
)

// Collection prefixes: one byte each, never reused.
var (
	ParamsKey          = collections.NewPrefix(0)
	PostSeqKey         = collections.NewPrefix(1)  // next post id
	PostsKey           = collections.NewPrefix(2)  // id -> Post
	PostsByAuthorKey   = collections.NewPrefix(3)  // (author, id), live posts only
	RepliesKey         = collections.NewPrefix(4)  // (parent, id)
	ThreadsKey         = collections.NewPrefix(5)  // (root, id) of every reply; not the root itself
	PostsByHashtagKey  = collections.NewPrefix(6)  // (tag, id), live posts only
	VersionsKey        = collections.NewPrefix(7)  // (id, version) -> replaced PostVersion
	CountersKey        = collections.NewPrefix(8)  // id -> PostCounters
	RepostsKey         = collections.NewPrefix(9)  // (id, reposter) -> Repost
	ReactionSeqKey     = collections.NewPrefix(10) // next reaction id
	ReactionsKey       = collections.NewPrefix(11) // (post id, reaction id) -> Reaction
	ReactionsByUserKey = collections.NewPrefix(12) // (post id, user, kind) -> reaction id
	LatestPostKey      = collections.NewPrefix(13) // author -> id of their newest post, deleted or not
)

// ReactionLike is the reaction kind that is always allowed.
const ReactionLike = "like"
