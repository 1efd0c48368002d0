package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the name of the messages module (the message lane).
	ModuleName = "messages"
	// StoreKey is the KV store key of the messages module.
	StoreKey = ModuleName
)

// Collection prefixes: one byte each, never reused.
var (
	ParamsKey   = collections.NewPrefix(0)
	ReceiptsKey = collections.NewPrefix(1) // message hash -> Receipt
	// Prefix 2 held one (expires_at_ms, hash) key per receipt; retired.
	UnitsKey         = collections.NewPrefix(3) // owner -> bought units
	UsageKey         = collections.NewPrefix(4) // author -> Usage in its latest period
	ReceiptGroupsKey = collections.NewPrefix(5) // (expires_at_ms, height) -> the hashes of receipts pruned together
)

// Message kinds by name, as receipts, events and the CLI spell them.
const (
	KindCreatePost = "create_post"
	KindEditPost   = "edit_post"
	KindDeletePost = "delete_post"
	KindRepost     = "repost"
	KindUndoRepost = "undo_repost"
	KindReact      = "react"
	KindUnreact    = "unreact"
	KindFollow     = "follow"
	KindUnfollow   = "unfollow"
	KindBlock      = "block"
	KindUnblock    = "unblock"
)
