package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// ProfilesKeeper is what x/posts needs from x/profiles: who has a profile,
// who blocks whom, who holds a handle, who follows whom, and the posts
// counter it keeps on each profile.
type ProfilesKeeper interface {
	// HasProfile reports whether addr owns a profile.
	HasProfile(ctx context.Context, addr sdk.AccAddress) (bool, error)
	// HasBlocked reports whether blocker has blocked blocked.
	HasBlocked(ctx context.Context, blocker, blocked sdk.AccAddress) (bool, error)
	// AddressByHandle resolves a handle (lowercase, no '@'); it returns nil, nil when no profile has it.
	AddressByHandle(ctx context.Context, handle string) (sdk.AccAddress, error)
	// AdjustPostsCount adds delta to the author's posts counter.
	AdjustPostsCount(ctx context.Context, author sdk.AccAddress, delta int64) error
	// IterateFollowing calls cb for each account follower follows, in address order, until cb returns true.
	IterateFollowing(ctx context.Context, follower sdk.AccAddress, cb func(followee sdk.AccAddress) (stop bool)) error
}

// PostsHooks lets another module record what a block wrote: x/settlement
// commits every new post version to its epoch's settlement tree.
type PostsHooks interface {
	// AfterPostWritten runs after a post is created or edited, with the
	// sha256 hash of its new content version.
	AfterPostWritten(ctx context.Context, author sdk.AccAddress, postID uint64, contentHash []byte) error
}
