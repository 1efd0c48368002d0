package keeper_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/x/posts/types"
)

// Valid CIDs: a CIDv0 and a CIDv1 (raw, sha2-256).
const (
	cidV0 = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG"
	cidV1 = "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku"
)

// World of the msg server tests, built by seed:
//
//	alice, bob, carol have profiles; dave has none
//	post 1  alice "hello #socialchain @bob"
//	post 2  alice, deleted
//	post 3  carol, who blocks bob
//	bob has reposted post 1 and liked it
const (
	alicePost   = 1
	deletedPost = 2
	carolPost   = 3
	missingPost = 99
)

func seed(t *testing.T) *fixture {
	t.Helper()
	f := newFixture(t)
	f.withProfile("alice", "bob", "carol")
	require.Equal(t, uint64(alicePost), f.post(t, "alice", "hello #socialchain @bob"))
	require.Equal(t, uint64(deletedPost), f.post(t, "alice", "soon gone"))
	_, err := f.msgs.DeletePost(f.ctx, &types.MsgDeletePost{Author: f.addr("alice"), PostID: deletedPost})
	require.NoError(t, err)
	require.Equal(t, uint64(carolPost), f.post(t, "carol", "carol here"))
	carol, _ := f.account("carol")
	bob, _ := f.account("bob")
	f.profiles.block(carol, bob)
	_, err = f.msgs.Repost(f.ctx, &types.MsgRepost{Reposter: f.addr("bob"), PostID: alicePost})
	require.NoError(t, err)
	_, err = f.msgs.React(f.ctx, &types.MsgReact{User: f.addr("bob"), PostID: alicePost, Kind: "like"})
	require.NoError(t, err)
	return f
}

func attachment() types.Attachment {
	return types.Attachment{CID: cidV1, MimeType: "image/png", SizeBytes: 2048, AltText: "a cat"}
}

func attachments(n int) []types.Attachment {
	out := make([]types.Attachment, n)
	for i := range out {
		out[i] = attachment()
	}
	return out
}

// TestMsgServerRefusals checks every rule a message can break: the message
// fails with the rule's error and the state is left as it was.
func TestMsgServerRefusals(t *testing.T) {
	create := func(f *fixture, mod func(*types.MsgCreatePost)) sdk.Msg {
		m := &types.MsgCreatePost{Author: f.addr("bob"), Text: "hi"}
		mod(m)
		return m
	}
	edit := func(f *fixture, mod func(*types.MsgEditPost)) sdk.Msg {
		m := &types.MsgEditPost{Author: f.addr("alice"), PostID: alicePost, Text: "hello again"}
		mod(m)
		return m
	}
	cases := []struct {
		name  string
		setup func(*fixture)
		msg   func(*fixture) sdk.Msg
		want  error
	}{
		// CreatePost: who may post.
		{"post with a malformed author address is refused", nil,
			func(f *fixture) sdk.Msg { return create(f, func(m *types.MsgCreatePost) { m.Author = "cosmos1nope" }) }, types.ErrInvalidAddress},
		{"post by an account without a profile is refused", nil,
			func(f *fixture) sdk.Msg { return create(f, func(m *types.MsgCreatePost) { m.Author = f.addr("dave") }) }, types.ErrProfileRequired},
		// CreatePost: text.
		{"text over max_text_runes is refused", nil,
			func(f *fixture) sdk.Msg {
				return create(f, func(m *types.MsgCreatePost) { m.Text = strings.Repeat("é", types.DefaultMaxTextRunes+1) })
			}, types.ErrTextTooLong},
		{"text that is not valid UTF-8 is refused", nil,
			func(f *fixture) sdk.Msg { return create(f, func(m *types.MsgCreatePost) { m.Text = "ok \xff\xfe" }) }, types.ErrInvalidText},
		{"text with a control character is refused", nil,
			func(f *fixture) sdk.Msg { return create(f, func(m *types.MsgCreatePost) { m.Text = "bell\a" }) }, types.ErrInvalidText},
		{"text with a carriage return is refused", nil,
			func(f *fixture) sdk.Msg { return create(f, func(m *types.MsgCreatePost) { m.Text = "line\r\n" }) }, types.ErrInvalidText},
		{"post without text, body or attachments that quotes nothing is refused", nil,
			func(f *fixture) sdk.Msg { return create(f, func(m *types.MsgCreatePost) { m.Text = " \n\t" }) }, types.ErrEmptyPost},
		{"more distinct hashtags than max_hashtags is refused", nil,
			func(f *fixture) sdk.Msg {
				return create(f, func(m *types.MsgCreatePost) { m.Text = "#a #b #c #d #e #f #g #h #i #j #k" })
			}, types.ErrTooManyHashtags},
		{"more distinct mentions than max_mentions is refused", nil,
			func(f *fixture) sdk.Msg {
				return create(f, func(m *types.MsgCreatePost) { m.Text = "@a1 @a2 @a3 @a4 @a5 @a6 @a7 @a8 @a9 @a10 @a11" })
			}, types.ErrTooManyMentions},
		// CreatePost: body and attachments.
		{"body_cid that is not a CID is refused", nil,
			func(f *fixture) sdk.Msg { return create(f, func(m *types.MsgCreatePost) { m.BodyCID = "not-a-cid" }) }, types.ErrInvalidCID},
		{"more attachments than max_attachments is refused", nil,
			func(f *fixture) sdk.Msg {
				return create(f, func(m *types.MsgCreatePost) { m.Attachments = attachments(types.DefaultMaxAttachments + 1) })
			}, types.ErrTooManyAttachments},
		{"attachment with a bad CID is refused", nil,
			func(f *fixture) sdk.Msg {
				a := attachment()
				a.CID = "Qm123"
				return create(f, func(m *types.MsgCreatePost) { m.Attachments = []types.Attachment{a} })
			}, types.ErrInvalidCID},
		{"attachment without a CID is refused", nil,
			func(f *fixture) sdk.Msg {
				a := attachment()
				a.CID = ""
				return create(f, func(m *types.MsgCreatePost) { m.Attachments = []types.Attachment{a} })
			}, types.ErrInvalidCID},
		{"attachment mime type without a slash is refused", nil,
			func(f *fixture) sdk.Msg {
				a := attachment()
				a.MimeType = "imagepng"
				return create(f, func(m *types.MsgCreatePost) { m.Attachments = []types.Attachment{a} })
			}, types.ErrInvalidMimeType},
		{"attachment mime type with parameters is refused", nil,
			func(f *fixture) sdk.Msg {
				a := attachment()
				a.MimeType = "text/plain; charset=utf-8"
				return create(f, func(m *types.MsgCreatePost) { m.Attachments = []types.Attachment{a} })
			}, types.ErrInvalidMimeType},
		{"attachment mime type with an unknown top-level type is refused", nil,
			func(f *fixture) sdk.Msg {
				a := attachment()
				a.MimeType = "picture/png"
				return create(f, func(m *types.MsgCreatePost) { m.Attachments = []types.Attachment{a} })
			}, types.ErrInvalidMimeType},
		{"attachment of zero bytes is refused", nil,
			func(f *fixture) sdk.Msg {
				a := attachment()
				a.SizeBytes = 0
				return create(f, func(m *types.MsgCreatePost) { m.Attachments = []types.Attachment{a} })
			}, types.ErrInvalidAttachment},
		{"attachment over max_attachment_bytes is refused", nil,
			func(f *fixture) sdk.Msg {
				a := attachment()
				a.SizeBytes = types.DefaultMaxAttachmentBytes + 1
				return create(f, func(m *types.MsgCreatePost) { m.Attachments = []types.Attachment{a} })
			}, types.ErrInvalidAttachment},
		{"attachment alt text over max_alt_text_runes is refused", nil,
			func(f *fixture) sdk.Msg {
				a := attachment()
				a.AltText = strings.Repeat("x", types.DefaultMaxAltTextRunes+1)
				return create(f, func(m *types.MsgCreatePost) { m.Attachments = []types.Attachment{a} })
			}, types.ErrTextTooLong},
		// CreatePost: replies and quotes.
		{"reply to a missing post is refused", nil,
			func(f *fixture) sdk.Msg { return create(f, func(m *types.MsgCreatePost) { m.ReplyTo = missingPost }) }, types.ErrPostNotFound},
		{"reply to a deleted post is refused", nil,
			func(f *fixture) sdk.Msg { return create(f, func(m *types.MsgCreatePost) { m.ReplyTo = deletedPost }) }, types.ErrPostDeleted},
		{"reply to a post whose author blocked the sender is refused", nil,
			func(f *fixture) sdk.Msg { return create(f, func(m *types.MsgCreatePost) { m.ReplyTo = carolPost }) }, types.ErrBlocked},
		{"quote of a missing post is refused", nil,
			func(f *fixture) sdk.Msg { return create(f, func(m *types.MsgCreatePost) { m.QuoteOf = missingPost }) }, types.ErrPostNotFound},
		{"quote of a deleted post is refused", nil,
			func(f *fixture) sdk.Msg { return create(f, func(m *types.MsgCreatePost) { m.QuoteOf = deletedPost }) }, types.ErrPostDeleted},
		{"quote of a post whose author blocked the sender is refused", nil,
			func(f *fixture) sdk.Msg { return create(f, func(m *types.MsgCreatePost) { m.QuoteOf = carolPost }) }, types.ErrBlocked},

		// EditPost.
		{"edit of someone else's post is refused", nil,
			func(f *fixture) sdk.Msg { return edit(f, func(m *types.MsgEditPost) { m.Author = f.addr("bob") }) }, types.ErrNotAuthor},
		{"edit with a malformed author address is refused", nil,
			func(f *fixture) sdk.Msg { return edit(f, func(m *types.MsgEditPost) { m.Author = "alice" }) }, types.ErrInvalidAddress},
		{"edit of a missing post is refused", nil,
			func(f *fixture) sdk.Msg { return edit(f, func(m *types.MsgEditPost) { m.PostID = missingPost }) }, types.ErrPostNotFound},
		{"edit of a deleted post is refused", nil,
			func(f *fixture) sdk.Msg { return edit(f, func(m *types.MsgEditPost) { m.PostID = deletedPost }) }, types.ErrPostDeleted},
		{"edit that changes nothing is refused", nil,
			func(f *fixture) sdk.Msg {
				return edit(f, func(m *types.MsgEditPost) { m.Text = "hello #socialchain @bob" })
			}, types.ErrNoChanges},
		{"edit to text over max_text_runes is refused", nil,
			func(f *fixture) sdk.Msg {
				return edit(f, func(m *types.MsgEditPost) { m.Text = strings.Repeat("a", types.DefaultMaxTextRunes+1) })
			}, types.ErrTextTooLong},
		{"edit to invalid UTF-8 is refused", nil,
			func(f *fixture) sdk.Msg { return edit(f, func(m *types.MsgEditPost) { m.Text = "\xc3\x28" }) }, types.ErrInvalidText},
		{"edit to empty content is refused", nil,
			func(f *fixture) sdk.Msg { return edit(f, func(m *types.MsgEditPost) { m.Text = "" }) }, types.ErrEmptyPost},
		{"edit with a bad attachment CID is refused", nil,
			func(f *fixture) sdk.Msg {
				a := attachment()
				a.CID = "bafy-nope"
				return edit(f, func(m *types.MsgEditPost) { m.Attachments = []types.Attachment{a} })
			}, types.ErrInvalidCID},
		{"edit by an author who deleted their profile is refused",
			func(f *fixture) { a, _ := f.account("alice"); f.profiles.remove(a) },
			func(f *fixture) sdk.Msg { return edit(f, func(*types.MsgEditPost) {}) }, types.ErrProfileRequired},

		// DeletePost.
		{"delete of someone else's post is refused", nil,
			func(f *fixture) sdk.Msg { return &types.MsgDeletePost{Author: f.addr("bob"), PostID: alicePost} }, types.ErrNotAuthor},
		{"delete of a missing post is refused", nil,
			func(f *fixture) sdk.Msg { return &types.MsgDeletePost{Author: f.addr("alice"), PostID: missingPost} }, types.ErrPostNotFound},
		{"delete of a deleted post is refused", nil,
			func(f *fixture) sdk.Msg { return &types.MsgDeletePost{Author: f.addr("alice"), PostID: deletedPost} }, types.ErrPostDeleted},

		// Repost and UndoRepost.
		{"repost with a malformed reposter address is refused", nil,
			func(f *fixture) sdk.Msg { return &types.MsgRepost{Reposter: "bob", PostID: alicePost} }, types.ErrInvalidAddress},
		{"repost by an account without a profile is refused", nil,
			func(f *fixture) sdk.Msg { return &types.MsgRepost{Reposter: f.addr("dave"), PostID: alicePost} }, types.ErrProfileRequired},
		{"repost of a missing post is refused", nil,
			func(f *fixture) sdk.Msg { return &types.MsgRepost{Reposter: f.addr("carol"), PostID: missingPost} }, types.ErrPostNotFound},
		{"repost of a deleted post is refused", nil,
			func(f *fixture) sdk.Msg { return &types.MsgRepost{Reposter: f.addr("carol"), PostID: deletedPost} }, types.ErrPostDeleted},
		{"repost of a post whose author blocked the sender is refused", nil,
			func(f *fixture) sdk.Msg { return &types.MsgRepost{Reposter: f.addr("bob"), PostID: carolPost} }, types.ErrBlocked},
		{"reposting the same post twice is refused", nil,
			func(f *fixture) sdk.Msg { return &types.MsgRepost{Reposter: f.addr("bob"), PostID: alicePost} }, types.ErrAlreadyReposted},
		{"undoing a repost that does not exist is refused", nil,
			func(f *fixture) sdk.Msg { return &types.MsgUndoRepost{Reposter: f.addr("carol"), PostID: alicePost} }, types.ErrRepostNotFound},
		{"undoing a repost of a missing post is refused", nil,
			func(f *fixture) sdk.Msg { return &types.MsgUndoRepost{Reposter: f.addr("bob"), PostID: missingPost} }, types.ErrPostNotFound},

		// React and Unreact.
		{"reaction with an emoji not in the allow-list is refused", nil,
			func(f *fixture) sdk.Msg {
				return &types.MsgReact{User: f.addr("carol"), PostID: alicePost, Kind: "🦄"}
			}, types.ErrInvalidReaction},
		{"reaction with an arbitrary word is refused", nil,
			func(f *fixture) sdk.Msg {
				return &types.MsgReact{User: f.addr("carol"), PostID: alicePost, Kind: "dislike"}
			}, types.ErrInvalidReaction},
		{"reaction with a heart missing its variation selector is refused", nil,
			func(f *fixture) sdk.Msg {
				return &types.MsgReact{User: f.addr("carol"), PostID: alicePost, Kind: "\u2764"}
			}, types.ErrInvalidReaction},
		{"reacting twice with the same kind is refused", nil,
			func(f *fixture) sdk.Msg { return &types.MsgReact{User: f.addr("bob"), PostID: alicePost, Kind: "like"} }, types.ErrAlreadyReacted},
		{"reaction on a deleted post is refused", nil,
			func(f *fixture) sdk.Msg {
				return &types.MsgReact{User: f.addr("bob"), PostID: deletedPost, Kind: "like"}
			}, types.ErrPostDeleted},
		{"reaction on a missing post is refused", nil,
			func(f *fixture) sdk.Msg {
				return &types.MsgReact{User: f.addr("bob"), PostID: missingPost, Kind: "like"}
			}, types.ErrPostNotFound},
		{"reaction on a post whose author blocked the sender is refused", nil,
			func(f *fixture) sdk.Msg { return &types.MsgReact{User: f.addr("bob"), PostID: carolPost, Kind: "like"} }, types.ErrBlocked},
		{"reaction by an account without a profile is refused", nil,
			func(f *fixture) sdk.Msg {
				return &types.MsgReact{User: f.addr("dave"), PostID: alicePost, Kind: "like"}
			}, types.ErrProfileRequired},
		{"reaction with a malformed user address is refused", nil,
			func(f *fixture) sdk.Msg { return &types.MsgReact{User: "bob", PostID: alicePost, Kind: "like"} }, types.ErrInvalidAddress},
		{"removing a reaction from a missing post is refused", nil,
			func(f *fixture) sdk.Msg {
				return &types.MsgUnreact{User: f.addr("bob"), PostID: missingPost, Kind: "like"}
			}, types.ErrPostNotFound},
		{"removing a reaction that does not exist is refused", nil,
			func(f *fixture) sdk.Msg {
				return &types.MsgUnreact{User: f.addr("bob"), PostID: alicePost, Kind: "🔥"}
			}, types.ErrReactionNotFound},

		// UpdateParams.
		{"params update by someone other than the authority is refused", nil,
			func(f *fixture) sdk.Msg {
				return &types.MsgUpdateParams{Authority: f.addr("alice"), Params: types.DefaultParams()}
			}, types.ErrUnauthorized},
		{"params update with invalid params is refused", nil,
			func(f *fixture) sdk.Msg {
				p := types.DefaultParams()
				p.MaxTextRunes = 0
				return &types.MsgUpdateParams{Authority: f.authority, Params: p}
			}, types.ErrInvalidParams},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := seed(t)
			if tc.setup != nil {
				tc.setup(f)
			}
			f.requireRefused(t, tc.msg(f), tc.want)
		})
	}
}

func TestCreatePost(t *testing.T) {
	t.Run("post stores normalized text, parsed hashtags and resolved mentions", func(t *testing.T) {
		f := newFixture(t)
		f.withProfile("alice", "bob")
		res, err := f.msgs.CreatePost(f.ctx, &types.MsgCreatePost{
			Author: f.addr("alice"),
			// "Cafe\u0301" is NFD; @nobody names no profile and stays plain text.
			Text:        "Cafe\u0301 with @Bob and @nobody #SocialChain #go_lang #socialchain",
			BodyCID:     cidV0,
			Attachments: []types.Attachment{{CID: cidV1, MimeType: "Image/PNG", SizeBytes: 1, AltText: "x"}},
		})
		require.NoError(t, err)
		p := f.getPost(t, res.ID)
		require.Equal(t, uint64(1), p.ID)
		require.Equal(t, "Café with @Bob and @nobody #SocialChain #go_lang #socialchain", p.Text)
		require.Equal(t, []string{"socialchain", "go_lang"}, p.Hashtags)
		require.Equal(t, []types.Mention{{Handle: "bob", Address: f.addr("bob")}}, p.Mentions)
		require.Equal(t, "image/png", p.Attachments[0].MimeType)
		require.Equal(t, uint64(1), p.RootID, "a top-level post is its own root")
		require.Equal(t, int64(10), p.CreatedHeight)
		require.Equal(t, blockTime, p.CreatedAt)
		alice, _ := f.account("alice")
		require.Equal(t, int64(1), f.profiles.postsCount[string(alice)])
		has, err := f.k.PostsByHashtag.Has(f.ctx, collections.Join("go_lang", res.ID))
		require.NoError(t, err)
		require.True(t, has)

		var ev *types.EventPostCreated
		for _, e := range f.ctx.EventManager().Events() {
			if e.Type == "socialchain.posts.v1.EventPostCreated" {
				msg, err := sdk.ParseTypedEvent(abciEvent(e))
				require.NoError(t, err)
				ev = msg.(*types.EventPostCreated)
			}
		}
		require.NotNil(t, ev)
		require.Equal(t, []string{cidV0, cidV1}, ev.CIDs)
		require.Equal(t, []string{f.addr("bob")}, ev.Mentioned)
	})

	t.Run("text of exactly max_text_runes is accepted", func(t *testing.T) {
		f := newFixture(t)
		f.withProfile("alice")
		f.post(t, "alice", strings.Repeat("é", types.DefaultMaxTextRunes))
	})

	t.Run("newlines and tabs are allowed in text", func(t *testing.T) {
		f := newFixture(t)
		f.withProfile("alice")
		f.post(t, "alice", "line one\n\tline two")
	})

	t.Run("a quote may have no text of its own and counts on the quoted post", func(t *testing.T) {
		f := newFixture(t)
		f.withProfile("alice", "bob")
		orig := f.post(t, "alice", "original")
		res, err := f.msgs.CreatePost(f.ctx, &types.MsgCreatePost{Author: f.addr("bob"), QuoteOf: orig})
		require.NoError(t, err)
		require.Equal(t, orig, f.getPost(t, res.ID).QuoteOf)
		c, err := f.k.GetCounters(f.ctx, orig)
		require.NoError(t, err)
		require.Equal(t, uint64(1), c.Quotes)
	})

	t.Run("a reply joins the thread of its parent's root and counts on the parent", func(t *testing.T) {
		f := newFixture(t)
		f.withProfile("alice", "bob")
		root := f.post(t, "alice", "root")
		r1 := f.reply(t, "bob", root, "first")
		r2 := f.reply(t, "alice", r1, "second")
		require.Equal(t, root, f.getPost(t, r2).RootID)
		require.Equal(t, r1, f.getPost(t, r2).ReplyTo)
		c, err := f.k.GetCounters(f.ctx, r1)
		require.NoError(t, err)
		require.Equal(t, uint64(1), c.Replies)
	})

	t.Run("ids are sequential from 1", func(t *testing.T) {
		f := newFixture(t)
		f.withProfile("alice")
		for want := uint64(1); want <= 3; want++ {
			require.Equal(t, want, f.post(t, "alice", "p"))
		}
	})
}

func TestEditPost(t *testing.T) {
	f := newFixture(t)
	f.withProfile("alice")
	id := f.post(t, "alice", "first #old")
	v0 := f.getPost(t, id).Content()
	h0, err := v0.Hash()
	require.NoError(t, err)

	f.ctx = f.ctx.WithBlockHeight(11)
	res, err := f.msgs.EditPost(f.ctx, &types.MsgEditPost{Author: f.addr("alice"), PostID: id, Text: "second #new", BodyCID: cidV0})
	require.NoError(t, err)
	require.Equal(t, uint32(1), res.Version)

	p := f.getPost(t, id)
	require.Equal(t, "second #new", p.Text)
	require.Equal(t, cidV0, p.BodyCID)
	require.Equal(t, []string{"new"}, p.Hashtags)
	require.Equal(t, uint32(1), p.Version)
	require.Equal(t, int64(11), p.EditedHeight)
	require.Equal(t, h0, p.PreviousVersion, "previous_version is the hash of the replaced content")
	h1, err := p.Content().Hash()
	require.NoError(t, err)
	require.Equal(t, h1, res.ContentHash)

	stored, err := f.k.Versions.Get(f.ctx, collections.Join(id, uint32(0)))
	require.NoError(t, err)
	require.Equal(t, v0, stored.Content)
	require.Equal(t, int64(10), stored.Height)

	oldTag, err := f.k.PostsByHashtag.Has(f.ctx, collections.Join("old", id))
	require.NoError(t, err)
	require.False(t, oldTag, "the replaced hashtag leaves the index")
	newTag, err := f.k.PostsByHashtag.Has(f.ctx, collections.Join("new", id))
	require.NoError(t, err)
	require.True(t, newTag)
}

func TestDeletePost(t *testing.T) {
	t.Run("delete leaves a tombstone in the thread and clears content, indexes and history", func(t *testing.T) {
		f := newFixture(t)
		f.withProfile("alice", "bob")
		root := f.post(t, "alice", "root")
		r := f.reply(t, "bob", root, "reply #tag")
		_, err := f.msgs.EditPost(f.ctx, &types.MsgEditPost{Author: f.addr("bob"), PostID: r, Text: "edited #tag"})
		require.NoError(t, err)

		f.ctx = f.ctx.WithBlockHeight(12)
		_, err = f.msgs.DeletePost(f.ctx, &types.MsgDeletePost{Author: f.addr("bob"), PostID: r})
		require.NoError(t, err)

		p := f.getPost(t, r)
		require.True(t, p.Deleted)
		require.Equal(t, int64(12), p.DeletedHeight)
		require.Empty(t, p.Text)
		require.Empty(t, p.Hashtags)
		require.Empty(t, p.PreviousVersion)
		require.Equal(t, root, p.ReplyTo, "thread position is kept")
		require.Equal(t, root, p.RootID)

		bob, _ := f.account("bob")
		inAuthor, err := f.k.PostsByAuthor.Has(f.ctx, collections.Join(bob, r))
		require.NoError(t, err)
		require.False(t, inAuthor)
		inTag, err := f.k.PostsByHashtag.Has(f.ctx, collections.Join("tag", r))
		require.NoError(t, err)
		require.False(t, inTag)
		inThread, err := f.k.Threads.Has(f.ctx, collections.Join(root, r))
		require.NoError(t, err)
		require.True(t, inThread)
		hasVersion, err := f.k.Versions.Has(f.ctx, collections.Join(r, uint32(0)))
		require.NoError(t, err)
		require.False(t, hasVersion)

		c, err := f.k.GetCounters(f.ctx, root)
		require.NoError(t, err)
		require.Zero(t, c.Replies, "a deleted reply no longer counts")
		require.Equal(t, int64(0), f.profiles.postsCount[string(bob)])
	})

	t.Run("an author without a profile can still delete their post", func(t *testing.T) {
		f := newFixture(t)
		f.withProfile("alice")
		id := f.post(t, "alice", "x")
		alice, _ := f.account("alice")
		f.profiles.remove(alice)
		_, err := f.msgs.DeletePost(f.ctx, &types.MsgDeletePost{Author: f.addr("alice"), PostID: id})
		require.NoError(t, err)
		require.True(t, f.getPost(t, id).Deleted)
	})
}

func TestRepostsAndReactions(t *testing.T) {
	f := seed(t)
	carol := f.addr("carol")
	_, err := f.msgs.Repost(f.ctx, &types.MsgRepost{Reposter: carol, PostID: alicePost})
	require.NoError(t, err)
	for _, kind := range []string{"🔥", "like", "❤️"} {
		_, err := f.msgs.React(f.ctx, &types.MsgReact{User: carol, PostID: alicePost, Kind: kind})
		require.NoError(t, err, "reacting with another kind is allowed")
	}
	c, err := f.k.GetCounters(f.ctx, alicePost)
	require.NoError(t, err)
	require.Equal(t, uint64(2), c.Reposts)
	require.Equal(t, []types.ReactionCount{{Kind: "like", Count: 2}, {Kind: "❤️", Count: 1}, {Kind: "🔥", Count: 1}}, c.Reactions,
		"reaction counts are ordered by kind")

	_, err = f.msgs.UndoRepost(f.ctx, &types.MsgUndoRepost{Reposter: carol, PostID: alicePost})
	require.NoError(t, err)
	_, err = f.msgs.Unreact(f.ctx, &types.MsgUnreact{User: carol, PostID: alicePost, Kind: "🔥"})
	require.NoError(t, err)
	c, err = f.k.GetCounters(f.ctx, alicePost)
	require.NoError(t, err)
	require.Equal(t, uint64(1), c.Reposts)
	require.Equal(t, []types.ReactionCount{{Kind: "like", Count: 2}, {Kind: "❤️", Count: 1}}, c.Reactions)

	t.Run("reposts and reactions can be removed after the post is deleted", func(t *testing.T) {
		_, err := f.msgs.DeletePost(f.ctx, &types.MsgDeletePost{Author: f.addr("alice"), PostID: alicePost})
		require.NoError(t, err)
		_, err = f.msgs.UndoRepost(f.ctx, &types.MsgUndoRepost{Reposter: f.addr("bob"), PostID: alicePost})
		require.NoError(t, err)
		_, err = f.msgs.Unreact(f.ctx, &types.MsgUnreact{User: f.addr("bob"), PostID: alicePost, Kind: "like"})
		require.NoError(t, err)
	})
}

func TestUpdateParams(t *testing.T) {
	f := newFixture(t)
	f.withProfile("alice")
	p := types.DefaultParams()
	p.MaxTextRunes = 5
	p.ReactionEmojis = []string{"🦄"}
	_, err := f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.authority, Params: p})
	require.NoError(t, err)

	f.requireRefused(t, &types.MsgCreatePost{Author: f.addr("alice"), Text: "123456"}, types.ErrTextTooLong)
	id := f.post(t, "alice", "12345")
	_, err = f.msgs.React(f.ctx, &types.MsgReact{User: f.addr("alice"), PostID: id, Kind: "🦄"})
	require.NoError(t, err)
	f.requireRefused(t, &types.MsgReact{User: f.addr("alice"), PostID: id, Kind: "🔥"}, types.ErrInvalidReaction)
}
