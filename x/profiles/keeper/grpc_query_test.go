package keeper_test

import (
	"testing"

	gogotypes "github.com/cosmos/gogoproto/types"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/socialchain/socialchain/x/profiles/types"
)

func TestQueryProfile(t *testing.T) {
	f := newFixture(t)
	f.create(t, 0, "alice")

	byAddr, err := f.query.Profile(f.ctx, &types.QueryProfileRequest{Address: f.str[0]})
	require.NoError(t, err)
	require.Equal(t, "alice", byAddr.Profile.Handle)
	byHandle, err := f.query.ProfileByHandle(f.ctx, &types.QueryProfileByHandleRequest{Handle: "alice"})
	require.NoError(t, err)
	require.Equal(t, byAddr.Profile, byHandle.Profile)

	_, err = f.query.Profile(f.ctx, &types.QueryProfileRequest{Address: f.str[1]})
	require.ErrorIs(t, err, types.ErrProfileNotFound)
	_, err = f.query.ProfileByHandle(f.ctx, &types.QueryProfileByHandleRequest{Handle: "nobody"})
	require.ErrorIs(t, err, types.ErrProfileNotFound)
	_, err = f.query.Profile(f.ctx, &types.QueryProfileRequest{Address: "not-an-address"})
	require.ErrorIs(t, err, types.ErrInvalidAddress)
}

func TestQueryListsPaginate(t *testing.T) {
	f := newFixture(t)
	handles := []string{"alice", "bob", "carol", "dave", "erin"}
	for i, h := range handles {
		f.create(t, i, h)
	}
	for i := 1; i < 5; i++ {
		f.follow(t, i, 0) // everyone follows alice
	}
	f.follow(t, 0, 1)

	// Followers of alice, two per page, walking the cursor.
	var got []string
	var key []byte
	for page := 0; page < 3; page++ {
		res, err := f.query.Followers(f.ctx, &types.QueryFollowersRequest{Address: f.str[0], Pagination: &query.PageRequest{Key: key, Limit: 2}})
		require.NoError(t, err)
		require.Equal(t, uint64(4), res.Total)
		got = append(got, res.Followers...)
		key = res.Pagination.NextKey
		if key == nil {
			break
		}
	}
	require.ElementsMatch(t, f.str[1:], got)

	following, err := f.query.Following(f.ctx, &types.QueryFollowingRequest{Address: f.str[0]})
	require.NoError(t, err)
	require.Equal(t, []string{f.str[1]}, following.Following)
	require.Equal(t, uint64(1), following.Total)

	all, err := f.query.Profiles(f.ctx, &types.QueryProfilesRequest{Pagination: &query.PageRequest{Limit: 3, CountTotal: true}})
	require.NoError(t, err)
	require.Len(t, all.Profiles, 3)
	require.Equal(t, uint64(5), all.Pagination.Total)

	_, err = f.msg.Block(f.ctx, &types.MsgBlock{Blocker: f.str[0], Blocked: f.str[2]})
	require.NoError(t, err)
	blocks, err := f.query.Blocks(f.ctx, &types.QueryBlocksRequest{Address: f.str[0]})
	require.NoError(t, err)
	require.Equal(t, []string{f.str[2]}, blocks.Blocked)
	rel, err := f.query.Relationship(f.ctx, &types.QueryRelationshipRequest{A: f.str[2], B: f.str[0]})
	require.NoError(t, err)
	require.Equal(t, types.QueryRelationshipResponse{BlockedBy: true}, *rel)
}

func TestPostsKeeperInterface(t *testing.T) {
	f := newFixture(t)
	f.create(t, 0, "alice")
	f.create(t, 1, "bob")
	f.create(t, 2, "carol")
	f.follow(t, 0, 2)
	f.follow(t, 0, 1)

	require.NoError(t, f.k.AdjustPostsCount(f.ctx, f.addrs[0], 2))
	require.NoError(t, f.k.AdjustPostsCount(f.ctx, f.addrs[0], -1))
	require.Equal(t, uint64(1), f.profile(t, 0).PostsCount)
	require.NoError(t, f.k.AdjustPostsCount(f.ctx, f.addrs[0], -5))
	require.Zero(t, f.profile(t, 0).PostsCount, "the counter never goes below zero")
	require.ErrorIs(t, f.k.AdjustPostsCount(f.ctx, f.addrs[3], 1), types.ErrProfileNotFound)

	// The counter lives apart from the profile: every read shows it, and
	// rewriting the profile (an update, a follow) keeps it.
	require.NoError(t, f.k.AdjustPostsCount(f.ctx, f.addrs[1], 3))
	_, err := f.msg.UpdateProfile(f.ctx, &types.MsgUpdateProfile{Owner: f.str[1], Bio: &gogotypes.StringValue{Value: "counted"}})
	require.NoError(t, err)
	f.follow(t, 2, 1)
	require.Equal(t, uint64(3), f.profile(t, 1).PostsCount)
	list, err := f.query.Profiles(f.ctx, &types.QueryProfilesRequest{})
	require.NoError(t, err)
	counts := map[string]uint64{}
	for _, p := range list.Profiles {
		counts[p.Handle] = p.PostsCount
	}
	require.Equal(t, map[string]uint64{"alice": 0, "bob": 3, "carol": 0}, counts)

	var followees []string
	require.NoError(t, f.k.IterateFollowing(f.ctx, f.addrs[0], func(a sdk.AccAddress) bool {
		s, err := f.k.AddressCodec().BytesToString(a)
		require.NoError(t, err)
		followees = append(followees, s)
		return false
	}))
	require.ElementsMatch(t, []string{f.str[1], f.str[2]}, followees)

	var first int
	require.NoError(t, f.k.IterateFollowing(f.ctx, f.addrs[0], func(sdk.AccAddress) bool { first++; return true }))
	require.Equal(t, 1, first, "returning true stops the walk")

	owner, err := f.k.AddressByHandle(f.ctx, "bob")
	require.NoError(t, err)
	require.Equal(t, f.addrs[1], owner)
	missing, err := f.k.AddressByHandle(f.ctx, "zed")
	require.NoError(t, err)
	require.Nil(t, missing)
}
