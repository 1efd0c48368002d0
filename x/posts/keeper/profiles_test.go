package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"

	"github.com/socialchain/socialchain/x/posts"
	"github.com/socialchain/socialchain/x/posts/keeper"
	"github.com/socialchain/socialchain/x/posts/types"
	"github.com/socialchain/socialchain/x/profiles"
	profileskeeper "github.com/socialchain/socialchain/x/profiles/keeper"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
)

// The app wires x/profiles's keeper in as ProfilesKeeper.
var _ types.ProfilesKeeper = profileskeeper.Keeper{}

// TestWithRealProfiles runs the posts rules that depend on x/profiles
// against its real keeper on a shared multistore: profiles, follows,
// blocks, handles and the posts counter.
func TestWithRealProfiles(t *testing.T) {
	f := newFixture(t) // for names, codec and authority only
	keys := storetypes.NewKVStoreKeys(types.StoreKey, profilestypes.StoreKey)
	ctx := testutil.DefaultContextWithKeys(keys, nil, nil).WithBlockHeight(1).WithBlockTime(blockTime)
	enc := moduletestutil.MakeTestEncodingConfig(posts.AppModule{}, profiles.AppModule{})
	pk := profileskeeper.NewKeeper(enc.Codec, runtime.NewKVStoreService(keys[profilestypes.StoreKey]), f.ac, f.authority)
	require.NoError(t, pk.InitGenesis(ctx, profilestypes.DefaultGenesis()))
	k := keeper.NewKeeper(enc.Codec, runtime.NewKVStoreService(keys[types.StoreKey]), f.ac, f.authority, pk)
	require.NoError(t, k.InitGenesis(ctx, types.DefaultGenesis()))
	pmsgs, msgs, query := profileskeeper.NewMsgServerImpl(pk), keeper.NewMsgServerImpl(k), keeper.NewQueryServerImpl(k)

	alice, bob := f.addr("alice"), f.addr("bob")
	for _, who := range []struct{ addr, handle string }{{alice, "alice"}, {bob, "bob"}} {
		_, err := pmsgs.CreateProfile(ctx, &profilestypes.MsgCreateProfile{Owner: who.addr, Handle: who.handle})
		require.NoError(t, err)
	}
	_, err := pmsgs.Follow(ctx, &profilestypes.MsgFollow{Follower: bob, Followee: alice})
	require.NoError(t, err)

	res, err := msgs.CreatePost(ctx, &types.MsgCreatePost{Author: alice, Text: "hello #socialchain @bob @nobody"})
	require.NoError(t, err)
	post, err := k.GetPost(ctx, res.ID)
	require.NoError(t, err)
	require.Equal(t, []types.Mention{{Handle: "bob", Address: bob}}, post.Mentions)

	feed, err := query.Feed(ctx, &types.QueryFeedRequest{Address: bob})
	require.NoError(t, err)
	require.Equal(t, []uint64{res.ID}, ids(feed.Posts))

	profile, err := pk.GetProfile(ctx, mustBytes(t, f, alice))
	require.NoError(t, err)
	require.Equal(t, uint64(1), profile.PostsCount)

	_, err = pmsgs.Block(ctx, &profilestypes.MsgBlock{Blocker: alice, Blocked: bob})
	require.NoError(t, err)
	_, err = msgs.CreatePost(ctx, &types.MsgCreatePost{Author: bob, Text: "hey", ReplyTo: res.ID})
	require.ErrorIs(t, err, types.ErrBlocked)
	_, err = msgs.React(ctx, &types.MsgReact{User: bob, PostID: res.ID, Kind: "like"})
	require.ErrorIs(t, err, types.ErrBlocked)

	_, err = msgs.DeletePost(ctx, &types.MsgDeletePost{Author: alice, PostID: res.ID})
	require.NoError(t, err)
	profile, err = pk.GetProfile(ctx, mustBytes(t, f, alice))
	require.NoError(t, err)
	require.Zero(t, profile.PostsCount)
}

func mustBytes(t *testing.T, f *fixture, addr string) []byte {
	t.Helper()
	bz, err := f.ac.StringToBytes(addr)
	require.NoError(t, err)
	return bz
}
