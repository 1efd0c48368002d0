package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/testutil"
	"github.com/socialchain/socialchain/x/posts/types"
)

// FuzzMsgServer decodes arbitrary bytes as each of the module's Msgs (the
// bytes of a tx's Any, from any client) and runs them through the Msg
// server on a branch of a state with profiles, posts, a reply, a quote, a
// reaction and a repost: never a panic, a refused Msg writes nothing, and
// the state after an accepted one exports a genesis that validates.
// FuzzMsgCreatePost checks the post it stores in more detail.
func FuzzMsgServer(f *testing.F) {
	fx := newFixture(f)
	fx.withProfile("alice", "bob")
	alice, bob := fx.addr("alice"), fx.addr("bob")
	first := fx.post(f, "alice", "first #post @bob")
	reply := fx.reply(f, "bob", first, "a reply")
	_, err := fx.msgs.React(fx.ctx, &types.MsgReact{User: bob, PostID: first, Kind: "like"})
	require.NoError(f, err)
	_, err = fx.msgs.Repost(fx.ctx, &types.MsgRepost{Reposter: bob, PostID: first})
	require.NoError(f, err)
	params, err := fx.k.Params.Get(fx.ctx)
	require.NoError(f, err)

	cases := []testutil.MsgCase{
		testutil.Msg("MsgCreatePost", fx.msgs.CreatePost),
		testutil.Msg("MsgEditPost", fx.msgs.EditPost),
		testutil.Msg("MsgDeletePost", fx.msgs.DeletePost),
		testutil.Msg("MsgRepost", fx.msgs.Repost),
		testutil.Msg("MsgUndoRepost", fx.msgs.UndoRepost),
		testutil.Msg("MsgReact", fx.msgs.React),
		testutil.Msg("MsgUnreact", fx.msgs.Unreact),
		testutil.Msg("MsgUpdateParams", fx.msgs.UpdateParams),
	}
	seeds := [][]interface{ Marshal() ([]byte, error) }{
		{&types.MsgCreatePost{Author: alice, Text: "gm", QuoteOf: reply}, &types.MsgCreatePost{Author: "x"}},
		{&types.MsgEditPost{Author: alice, PostID: first, Text: "edited #tag"}, &types.MsgEditPost{Author: bob, PostID: first, Text: "not mine"},
			&types.MsgEditPost{Author: alice, PostID: first, BodyCID: "bafy-not-a-cid"}},
		{&types.MsgDeletePost{Author: alice, PostID: first}, &types.MsgDeletePost{Author: bob, PostID: reply}, &types.MsgDeletePost{Author: bob, PostID: 999}},
		{&types.MsgRepost{Reposter: alice, PostID: reply}, &types.MsgRepost{Reposter: bob, PostID: first}},
		{&types.MsgUndoRepost{Reposter: bob, PostID: first}, &types.MsgUndoRepost{Reposter: alice, PostID: first}},
		{&types.MsgReact{User: alice, PostID: reply, Kind: "🔥"}, &types.MsgReact{User: bob, PostID: first, Kind: "like"},
			&types.MsgReact{User: alice, PostID: first, Kind: "a kind far too long for any reaction kind limit"}},
		{&types.MsgUnreact{User: bob, PostID: first, Kind: "like"}, &types.MsgUnreact{User: alice, PostID: first, Kind: "like"}},
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
		return gs.Validate(fx.ac)
	})
}
