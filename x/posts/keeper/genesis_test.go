package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/posts/types"
)

// TestGenesisRoundTrip builds state through messages, exports it, imports it
// into a fresh store and checks that the second store is byte for byte the
// first: every collection, the derived indexes and counters, and both
// sequences.
func TestGenesisRoundTrip(t *testing.T) {
	f := seed(t)
	carol := f.addr("carol")
	r := f.reply(t, "carol", alicePost, "reply #thread @alice")
	_, err := f.msgs.CreatePost(f.ctx, &types.MsgCreatePost{Author: carol, QuoteOf: alicePost, Text: "quote", Attachments: attachments(2), BodyCID: cidV0})
	require.NoError(t, err)
	for _, text := range []string{"reply, edited #thread", "reply, edited twice #other"} {
		_, err = f.msgs.EditPost(f.ctx, &types.MsgEditPost{Author: carol, PostID: r, Text: text})
		require.NoError(t, err)
	}
	deletedReply := f.reply(t, "alice", r, "gone")
	_, err = f.msgs.DeletePost(f.ctx, &types.MsgDeletePost{Author: f.addr("alice"), PostID: deletedReply})
	require.NoError(t, err)
	_, err = f.msgs.React(f.ctx, &types.MsgReact{User: carol, PostID: r, Kind: "🔥"})
	require.NoError(t, err)
	p := types.DefaultParams()
	p.MaxHashtags = 3
	_, err = f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.authority, Params: p})
	require.NoError(t, err)

	exported, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, exported.Validate(f.ac))
	require.Equal(t, uint64(deletedReply+1), exported.NextPostId)
	require.Len(t, exported.Versions, 2)

	// Through JSON, as a genesis file carries it.
	bz, err := f.cdc.Codec.MarshalJSON(exported)
	require.NoError(t, err)
	var imported types.GenesisState
	require.NoError(t, f.cdc.Codec.UnmarshalJSON(bz, &imported))

	g := newFixture(t)
	require.NoError(t, g.k.InitGenesis(g.ctx, &imported))
	again, err := g.k.ExportGenesis(g.ctx)
	require.NoError(t, err)
	require.Equal(t, exported, again)
	require.Equal(t, f.snapshot().kv, g.snapshot().kv, "the imported store differs from the exported one")

	// The sequences continue where they were.
	g.withProfile("alice")
	require.Equal(t, uint64(deletedReply+1), g.post(t, "alice", "after import"))
}

func TestDefaultGenesisIsValid(t *testing.T) {
	f := newFixture(t)
	require.NoError(t, types.DefaultGenesis().Validate(f.ac))
	exported, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.Equal(t, types.DefaultGenesis(), exported)
}
