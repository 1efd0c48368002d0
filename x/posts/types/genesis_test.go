package types_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	codecaddress "github.com/cosmos/cosmos-sdk/codec/address"

	"github.com/socialchain/socialchain/x/posts/types"
)

var ac = codecaddress.NewBech32Codec("cosmos")

func addr(b byte) string {
	s, err := ac.BytesToString(make20(b))
	if err != nil {
		panic(err)
	}
	return s
}

func make20(b byte) []byte {
	out := make([]byte, 20)
	for i := range out {
		out[i] = b
	}
	return out
}

// validGenesis has a post, a reply, an edited quote with its history, a
// tombstone, a repost and a reaction.
func validGenesis(t *testing.T) *types.GenesisState {
	t.Helper()
	v0 := types.PostContent{Text: "v0"}
	h0, err := v0.Hash()
	require.NoError(t, err)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	gs := types.DefaultGenesis()
	gs.Posts = []types.Post{
		{ID: 1, Author: addr(1), Text: "root #tag", RootID: 1, Hashtags: []string{"tag"}, CreatedAt: now},
		{ID: 2, Author: addr(2), Text: "reply @a", ReplyTo: 1, RootID: 1, Mentions: []types.Mention{{Handle: "a", Address: addr(1)}}, CreatedAt: now},
		{ID: 3, Author: addr(2), Text: "v1", QuoteOf: 1, RootID: 3, Version: 1, PreviousVersion: h0, CreatedAt: now},
		{ID: 4, Author: addr(1), ReplyTo: 2, RootID: 1, Deleted: true, CreatedAt: now},
	}
	gs.NextPostId = 5
	gs.Versions = []types.PostVersion{{PostID: 3, Version: 0, Content: v0, ContentHash: h0, Time: now}}
	gs.Reposts = []types.Repost{{PostID: 1, Reposter: addr(2), CreatedAt: now}}
	gs.Reactions = []types.Reaction{{ID: 1, PostID: 1, User: addr(2), Kind: "like", CreatedAt: now}}
	gs.NextReactionId = 2
	return gs
}

func TestGenesisValidate(t *testing.T) {
	require.NoError(t, validGenesis(t).Validate(ac))
	cases := []struct {
		name string
		mod  func(*types.GenesisState)
	}{
		{"bad params are refused", func(g *types.GenesisState) { g.Params.MaxTextRunes = 0 }},
		{"next_post_id of 0 is refused", func(g *types.GenesisState) { g.NextPostId = 0 }},
		{"a post id at next_post_id is refused", func(g *types.GenesisState) { g.NextPostId = 4 }},
		{"a duplicate post id is refused", func(g *types.GenesisState) { g.Posts[1].ID = 1 }},
		{"posts out of id order are refused", func(g *types.GenesisState) { g.Posts[0], g.Posts[1] = g.Posts[1], g.Posts[0] }},
		{"a malformed author is refused", func(g *types.GenesisState) { g.Posts[0].Author = "nope" }},
		{"a reply to a missing post is refused", func(g *types.GenesisState) { g.Posts[1].ReplyTo = 9 }},
		{"a quote of a missing post is refused", func(g *types.GenesisState) { g.Posts[2].QuoteOf = 9 }},
		{"a top-level post that is not its own root is refused", func(g *types.GenesisState) { g.Posts[0].RootID = 2 }},
		{"a reply outside its parent's thread is refused", func(g *types.GenesisState) { g.Posts[1].RootID = 2 }},
		{"a tombstone with text is refused", func(g *types.GenesisState) { g.Posts[3].Text = "still here" }},
		{"an uppercase hashtag is refused", func(g *types.GenesisState) { g.Posts[0].Hashtags = []string{"Tag"} }},
		{"a duplicate hashtag is refused", func(g *types.GenesisState) { g.Posts[0].Hashtags = []string{"tag", "tag"} }},
		{"a mention with a malformed address is refused", func(g *types.GenesisState) { g.Posts[1].Mentions[0].Address = "x" }},
		{"a missing replaced version is refused", func(g *types.GenesisState) { g.Versions = nil }},
		{"a version of a missing post is refused", func(g *types.GenesisState) { g.Versions[0].PostID = 9 }},
		{"a version with a wrong content hash is refused", func(g *types.GenesisState) { g.Versions[0].Content.Text = "forged" }},
		{"a post whose previous_version breaks the chain is refused", func(g *types.GenesisState) { g.Posts[2].PreviousVersion = []byte{1} }},
		{"a duplicate version is refused", func(g *types.GenesisState) { g.Versions = append(g.Versions, g.Versions[0]) }},
		{"a repost of a missing post is refused", func(g *types.GenesisState) { g.Reposts[0].PostID = 9 }},
		{"a duplicate repost is refused", func(g *types.GenesisState) { g.Reposts = append(g.Reposts, g.Reposts[0]) }},
		{"a reaction to a missing post is refused", func(g *types.GenesisState) { g.Reactions[0].PostID = 9 }},
		{"a reaction id at next_reaction_id is refused", func(g *types.GenesisState) { g.NextReactionId = 1 }},
		{"a duplicate reaction id is refused", func(g *types.GenesisState) {
			r := g.Reactions[0]
			r.Kind = "🔥"
			g.Reactions = append(g.Reactions, r)
			g.NextReactionId = 3
		}},
		{"a duplicate (post, user, kind) reaction is refused", func(g *types.GenesisState) {
			r := g.Reactions[0]
			r.ID = 2
			g.Reactions = append(g.Reactions, r)
			g.NextReactionId = 3
		}},
		{"a reaction kind that is no emoji is refused", func(g *types.GenesisState) { g.Reactions[0].Kind = "meh" }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g := validGenesis(t)
			tc.mod(g)
			require.ErrorIs(t, g.Validate(ac), types.ErrInvalidGenesis)
		})
	}
}
