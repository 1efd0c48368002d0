package keeper_test

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/posts/types"
)

// FuzzMsgCreatePost decodes arbitrary bytes as a MsgCreatePost (what a tx
// or a lane message carries) and runs it through the Msg server on a
// branch of a state with one profile and one post: it never panics; a
// refused message writes nothing, even though CreatePost writes without a
// branch of its own after its checks; an accepted one stores a post within
// the text limit, as valid UTF-8.
func FuzzMsgCreatePost(f *testing.F) {
	fx := newFixture(f)
	fx.withProfile("alice")
	first := fx.post(f, "alice", "first #post")
	for _, m := range []*types.MsgCreatePost{
		{Author: fx.addr("alice"), Text: "gm #fuzz @alice"},
		{Author: fx.addr("alice"), Text: "a reply", ReplyTo: first},
		{Author: fx.addr("alice"), QuoteOf: first},
		{Author: fx.addr("alice"), Text: "bad cid", BodyCID: "not-a-cid"},
		{Author: fx.addr("bob"), Text: "no profile"},
		{Author: "not-an-address", Text: "x"},
	} {
		bz, err := m.Marshal()
		require.NoError(f, err)
		f.Add(bz)
	}
	params, err := fx.k.Params.Get(fx.ctx)
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, bz []byte) {
		var msg types.MsgCreatePost
		if msg.Unmarshal(bz) != nil {
			return
		}
		ctx, _ := fx.ctx.CacheContext()
		before, err := fx.k.PostSeq.Peek(ctx)
		require.NoError(t, err)
		res, err := fx.msgs.CreatePost(ctx, &msg)
		after, seqErr := fx.k.PostSeq.Peek(ctx)
		require.NoError(t, seqErr)
		if err != nil {
			require.Equal(t, before, after, "a refused post takes no id")
			has, err := fx.k.Posts.Has(ctx, before)
			require.NoError(t, err)
			require.False(t, has, "a refused post stores nothing")
			return
		}
		p, err := fx.k.Posts.Get(ctx, res.ID)
		require.NoError(t, err)
		require.True(t, utf8.ValidString(p.Text))
		require.LessOrEqual(t, utf8.RuneCountInString(p.Text), int(params.MaxTextRunes))
	})
}
