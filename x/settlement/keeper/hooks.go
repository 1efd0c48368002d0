package keeper

import (
	"context"
	"strconv"

	"github.com/ethereum/go-ethereum/common"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/settlement/types"
)

// Hooks adapts the keeper to the posts and profiles hooks.
type Hooks struct{ k Keeper }

// Hooks returns the hooks x/posts and x/profiles call on writes.
func (k Keeper) Hooks() Hooks { return Hooks{k} }

// AfterPostWritten records a post version: keccak(0x01 ‖ author ‖ id ‖ content hash).
func (h Hooks) AfterPostWritten(ctx context.Context, author sdk.AccAddress, postID uint64, contentHash []byte) error {
	leaf := types.PostLeaf(common.BytesToAddress(author), postID, common.BytesToHash(contentHash))
	return h.k.RecordLeaf(ctx, types.RecordKindPost, strconv.FormatUint(postID, 10), leaf[:])
}

// AfterProfileWritten records a profile version: keccak(0x02 ‖ owner ‖ keccak(handle) ‖ profile hash).
func (h Hooks) AfterProfileWritten(ctx context.Context, owner sdk.AccAddress, handle string, profileHash []byte) error {
	leaf := types.ProfileLeaf(common.BytesToAddress(owner), handle, common.BytesToHash(profileHash))
	return h.k.RecordLeaf(ctx, types.RecordKindProfile, sdk.AccAddress(owner).String(), leaf[:])
}
