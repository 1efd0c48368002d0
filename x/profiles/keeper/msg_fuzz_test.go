package keeper_test

import (
	"bytes"
	"crypto/ed25519"
	"testing"
	"time"

	gogotypes "github.com/cosmos/gogoproto/types"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/testutil"
	"github.com/socialchain/socialchain/x/profiles/types"
)

// FuzzMsgServer decodes arbitrary bytes as each of the module's Msgs (the
// bytes of a tx's Any, from any client) and runs them through the Msg
// server on a branch of a state with three profiles, a follow, a block and
// an app key: never a panic, a refused Msg writes nothing, and the state
// after an accepted one exports a genesis that validates.
func FuzzMsgServer(f *testing.F) {
	fx := newFixture(f)
	fx.create(f, 0, "alice")
	fx.create(f, 1, "bob")
	fx.create(f, 2, "carol")
	fx.follow(f, 0, 1)
	_, err := fx.msg.Block(fx.ctx, &types.MsgBlock{Blocker: fx.str[2], Blocked: fx.str[0]})
	require.NoError(f, err)
	appKey := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize)).Public().(ed25519.PublicKey)
	_, err = fx.msg.AddAppKey(fx.ctx, &types.MsgAddAppKey{Owner: fx.str[0], PubKey: appKey, Scopes: []string{types.ScopePosts}})
	require.NoError(f, err)
	params, err := fx.k.Params.Get(fx.ctx)
	require.NoError(f, err)
	alice, bob, carol, nobody := fx.str[0], fx.str[1], fx.str[2], fx.str[3]
	later := blockTime.Add(time.Hour)

	cases := []testutil.MsgCase{
		testutil.Msg("MsgCreateProfile", fx.msg.CreateProfile),
		testutil.Msg("MsgUpdateProfile", fx.msg.UpdateProfile),
		testutil.Msg("MsgDeleteProfile", fx.msg.DeleteProfile),
		testutil.Msg("MsgChangeHandle", fx.msg.ChangeHandle),
		testutil.Msg("MsgFollow", fx.msg.Follow),
		testutil.Msg("MsgUnfollow", fx.msg.Unfollow),
		testutil.Msg("MsgBlock", fx.msg.Block),
		testutil.Msg("MsgUnblock", fx.msg.Unblock),
		testutil.Msg("MsgAddAppKey", fx.msg.AddAppKey),
		testutil.Msg("MsgRevokeAppKey", fx.msg.RevokeAppKey),
		testutil.Msg("MsgUpdateParams", fx.msg.UpdateParams),
	}
	seeds := [][]interface{ Marshal() ([]byte, error) }{
		{&types.MsgCreateProfile{Owner: nobody, Handle: "dave", DisplayName: "Dave", Website: "https://example.org"},
			&types.MsgCreateProfile{Owner: nobody, Handle: "alice"}, &types.MsgCreateProfile{Owner: nobody, Handle: "Not A Handle!"}},
		{&types.MsgUpdateProfile{Owner: alice, Bio: &gogotypes.StringValue{Value: "new bio"}, Website: &gogotypes.StringValue{}},
			&types.MsgUpdateProfile{Owner: nobody, DisplayName: &gogotypes.StringValue{Value: "x"}}},
		{&types.MsgDeleteProfile{Owner: bob}, &types.MsgDeleteProfile{Owner: nobody}},
		{&types.MsgChangeHandle{Owner: alice, NewHandle: "alice2"}, &types.MsgChangeHandle{Owner: alice, NewHandle: "bob"}},
		{&types.MsgFollow{Follower: bob, Followee: alice}, &types.MsgFollow{Follower: alice, Followee: alice},
			&types.MsgFollow{Follower: alice, Followee: carol}},
		{&types.MsgUnfollow{Follower: alice, Followee: bob}, &types.MsgUnfollow{Follower: bob, Followee: alice}},
		{&types.MsgBlock{Blocker: alice, Blocked: bob}, &types.MsgBlock{Blocker: carol, Blocked: alice}},
		{&types.MsgUnblock{Blocker: carol, Blocked: alice}, &types.MsgUnblock{Blocker: alice, Blocked: carol}},
		{&types.MsgAddAppKey{Owner: bob, PubKey: appKey, Scopes: []string{"posts", "follows"}, ExpiresAt: &later},
			&types.MsgAddAppKey{Owner: bob, PubKey: []byte("short"), Scopes: []string{"posts"}},
			&types.MsgAddAppKey{Owner: alice, PubKey: appKey, Scopes: []string{"everything"}}},
		{&types.MsgRevokeAppKey{Owner: alice, PubKey: appKey}, &types.MsgRevokeAppKey{Owner: bob, PubKey: appKey}},
		{&types.MsgUpdateParams{Authority: fx.authority, Params: params}, &types.MsgUpdateParams{Authority: alice, Params: params},
			&types.MsgUpdateParams{Authority: fx.authority}},
	}
	for kind, msgs := range seeds {
		for _, m := range msgs {
			testutil.MsgSeed(f, kind, m)
		}
	}
	testutil.FuzzMsgServer(f, fx.ctx, fx.key, cases, func(ctx sdk.Context) error {
		gs, err := fx.k.ExportGenesis(ctx)
		if err != nil {
			return err
		}
		return gs.Validate(fx.k.AddressCodec())
	})
}
