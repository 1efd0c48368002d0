package app_test

import (
	"encoding/binary"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/app"
	poststypes "github.com/socialchain/socialchain/x/posts/types"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
	settlementtypes "github.com/socialchain/socialchain/x/settlement/types"
)

func TestSettlementRecordKindsLocateAndHashTheSocialRecords(t *testing.T) {
	kinds := app.SettlementRecordKinds()
	owner := sdk.AccAddress(make([]byte, 20))
	owner[19] = 7

	t.Run("a post lives in the posts store under its id", func(t *testing.T) {
		loc, err := kinds.Locate(settlementtypes.RecordKindPost, "42")
		require.NoError(t, err)
		require.Equal(t, poststypes.StoreKey, loc.Store)
		require.Equal(t, binary.BigEndian.AppendUint64(poststypes.PostsKey.Bytes(), 42), loc.Key)
	})
	t.Run("a profile lives in the profiles store under its owner", func(t *testing.T) {
		loc, err := kinds.Locate(settlementtypes.RecordKindProfile, owner.String())
		require.NoError(t, err)
		require.Equal(t, profilestypes.StoreKey, loc.Store)
		require.Equal(t, append(profilestypes.ProfilesKey.Bytes(), owner...), loc.Key)
	})
	t.Run("malformed keys and unknown kinds are refused", func(t *testing.T) {
		_, err := kinds.Locate(settlementtypes.RecordKindPost, "one")
		require.ErrorContains(t, err, `post id "one"`)
		_, err = kinds.Locate(settlementtypes.RecordKindProfile, "social1nope")
		require.ErrorContains(t, err, `profile owner "social1nope"`)
		_, err = kinds.Locate("repost", "1")
		require.EqualError(t, err, `kind "repost": want "post" or "profile"`)
	})

	t.Run("a stored post's leaf is the one settlement records for it", func(t *testing.T) {
		post := poststypes.Post{ID: 42, Author: owner.String(), Text: "gm", RootID: 42}
		value, err := post.Marshal()
		require.NoError(t, err)
		kind, err := kinds.Find(settlementtypes.RecordKindPost)
		require.NoError(t, err)
		leaf, err := kind.Leaf(value)
		require.NoError(t, err)
		contentHash, err := post.Content().Hash()
		require.NoError(t, err)
		require.Equal(t, common.Hash(settlementtypes.PostLeaf(common.BytesToAddress(owner), 42, [32]byte(contentHash))), leaf)

		edited := post
		edited.Text = "gn"
		value, err = edited.Marshal()
		require.NoError(t, err)
		other, err := kind.Leaf(value)
		require.NoError(t, err)
		require.NotEqual(t, leaf, other, "an edit is a new leaf")
		_, err = kind.Leaf([]byte{0xff})
		require.ErrorContains(t, err, "decoding the post")
	})
	t.Run("a stored profile's leaf is the one settlement records for it", func(t *testing.T) {
		profile := profilestypes.Profile{Owner: owner.String(), Handle: "alice", FollowersCount: 3}
		value, err := profile.Marshal()
		require.NoError(t, err)
		kind, err := kinds.Find(settlementtypes.RecordKindProfile)
		require.NoError(t, err)
		leaf, err := kind.Leaf(value)
		require.NoError(t, err)
		h, err := profilestypes.ProfileHash(profile)
		require.NoError(t, err)
		require.Equal(t, common.Hash(settlementtypes.ProfileLeaf(common.BytesToAddress(owner), "alice", h)), leaf)
		_, err = kind.Leaf([]byte{0xff})
		require.ErrorContains(t, err, "decoding the profile")
	})
}
