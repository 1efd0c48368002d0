package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the name of the profiles module.
	ModuleName = "profiles"
	// StoreKey is the KV store key of the profiles module.
	StoreKey = ModuleName
)

// Collection prefixes: one byte each, never reused.
var (
	ParamsKey        = collections.NewPrefix(0)
	ProfilesKey      = collections.NewPrefix(1)
	ProfilesByHandle = collections.NewPrefix(2)
	FollowsKey       = collections.NewPrefix(3) // (follower, followee)
	FollowersKey     = collections.NewPrefix(4) // (followee, follower)
	BlocksKey        = collections.NewPrefix(5) // (blocker, blocked)
	AppKeysKey       = collections.NewPrefix(6) // (owner, ed25519 pub key) -> AppKey
	PostCountsKey    = collections.NewPrefix(7) // owner -> live posts, kept apart from the profile
)
