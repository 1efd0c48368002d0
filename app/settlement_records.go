package app

import (
	"fmt"
	"strconv"

	"github.com/ethereum/go-ethereum/common"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/l1/proof"
	poststypes "github.com/socialchain/socialchain/x/posts/types"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
	settlementtypes "github.com/socialchain/socialchain/x/settlement/types"
)

// SettlementRecordKinds tells the settlement proofs (l1/proof) where the
// records x/settlement settles are stored and how their leaves are made.
// x/settlement and l1/ know no social module; the app, which wires the
// posts and profiles hooks into settlement, is the one place that does.
func SettlementRecordKinds() proof.Kinds {
	return proof.Kinds{
		{Name: settlementtypes.RecordKindPost, Locate: locatePost, Leaf: postLeaf},
		{Name: settlementtypes.RecordKindProfile, Locate: locateProfile, Leaf: profileLeaf},
	}
}

// locatePost is where x/posts stores post id.
func locatePost(key string) (proof.StoreLocation, error) {
	id, err := strconv.ParseUint(key, 10, 64)
	if err != nil {
		return proof.StoreLocation{}, fmt.Errorf("post id %q: %w", key, err)
	}
	bz, err := collections.EncodeKeyWithPrefix(poststypes.PostsKey, collections.Uint64Key, id)
	return proof.StoreLocation{Store: poststypes.StoreKey, Key: bz}, err
}

// postLeaf is the leaf x/settlement records for a stored post
// (keeper.Hooks.AfterPostWritten).
func postLeaf(value []byte) (common.Hash, error) {
	var post poststypes.Post
	if err := post.Unmarshal(value); err != nil {
		return common.Hash{}, fmt.Errorf("decoding the post: %w", err)
	}
	author, err := sdk.AccAddressFromBech32(post.Author)
	if err != nil {
		return common.Hash{}, err
	}
	h, err := post.Content().Hash()
	if err != nil {
		return common.Hash{}, err
	}
	return settlementtypes.PostLeaf(common.BytesToAddress(author), post.ID, common.BytesToHash(h)), nil
}

// locateProfile is where x/profiles stores the profile of owner.
func locateProfile(key string) (proof.StoreLocation, error) {
	owner, err := sdk.AccAddressFromBech32(key)
	if err != nil {
		return proof.StoreLocation{}, fmt.Errorf("profile owner %q: %w", key, err)
	}
	bz, err := collections.EncodeKeyWithPrefix(profilestypes.ProfilesKey, sdk.AccAddressKey, owner)
	return proof.StoreLocation{Store: profilestypes.StoreKey, Key: bz}, err
}

// profileLeaf is the leaf x/settlement records for a stored profile
// (keeper.Hooks.AfterProfileWritten).
func profileLeaf(value []byte) (common.Hash, error) {
	var p profilestypes.Profile
	if err := p.Unmarshal(value); err != nil {
		return common.Hash{}, fmt.Errorf("decoding the profile: %w", err)
	}
	owner, err := sdk.AccAddressFromBech32(p.Owner)
	if err != nil {
		return common.Hash{}, err
	}
	h, err := profilestypes.ProfileHash(p)
	if err != nil {
		return common.Hash{}, err
	}
	return settlementtypes.ProfileLeaf(common.BytesToAddress(owner), p.Handle, h), nil
}
