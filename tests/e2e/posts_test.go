//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

type restPostView struct {
	Post struct {
		ID       string   `json:"id"`
		Author   string   `json:"author"`
		Text     string   `json:"text"`
		ReplyTo  string   `json:"reply_to"`
		RootID   string   `json:"root_id"`
		QuoteOf  string   `json:"quote_of"`
		Hashtags []string `json:"hashtags"`
		Version  int      `json:"version"`
		Deleted  bool     `json:"deleted"`
	} `json:"post"`
	Counters struct {
		Replies   string `json:"replies"`
		Reposts   string `json:"reposts"`
		Quotes    string `json:"quotes"`
		Reactions []struct {
			Kind  string `json:"kind"`
			Count string `json:"count"`
		} `json:"reactions"`
	} `json:"counters"`
}

type restPostList struct {
	Posts []restPostView `json:"posts"`
}

func postIDs(list restPostList) []string {
	var ids []string
	for _, p := range list.Posts {
		ids = append(ids, p.Post.ID)
	}
	return ids
}

// TestPostsOnDevChain: two users post, reply, quote, repost, react, edit
// (the history shows both versions), delete, and read their feeds over
// REST; bad input is refused with the state unchanged; and delegated
// posting works through x/authz and x/feegrant.
func TestPostsOnDevChain(t *testing.T) {
	home := filepath.Join(t.TempDir(), "dev-home")
	dev := startDev(t, home)
	defer dev.stop(t)
	waitForHeight(t, devRPCPort, 2, 90*time.Second)

	alice := newFundedKey(t, home, "alice")
	bob := newFundedKey(t, home, "bob")
	mustDeliver(t, home, "tx", "profiles", "create-profile", "alice", "--from", "alice")
	mustDeliver(t, home, "tx", "profiles", "create-profile", "bob", "--from", "bob")
	mustDeliver(t, home, "tx", "profiles", "follow", alice, "--from", "bob")

	mustDeliver(t, home, "tx", "posts", "create", "hello #socialchain", "--from", "alice")            // 1
	mustDeliver(t, home, "tx", "posts", "reply", "1", "hi @alice", "--from", "bob")                   // 2
	mustDeliver(t, home, "tx", "posts", "create", "look at this", "--quote-of", "1", "--from", "bob") // 3
	mustDeliver(t, home, "tx", "posts", "repost", "1", "--from", "bob")
	mustDeliver(t, home, "tx", "posts", "react", "1", "like", "--from", "bob")
	mustDeliver(t, home, "tx", "posts", "edit", "1", "hello again #socialchain", "--from", "alice")

	var res struct {
		Post restPostView `json:"post"`
	}
	getJSON(t, devRESTURL+"/socialchain/posts/v1/posts/1", &res)
	view := res.Post
	require.Equal(t, alice, view.Post.Author)
	require.Equal(t, "hello again #socialchain", view.Post.Text)
	require.Equal(t, []string{"socialchain"}, view.Post.Hashtags)
	require.Equal(t, "1", view.Counters.Replies)
	require.Equal(t, "1", view.Counters.Reposts)
	require.Equal(t, "1", view.Counters.Quotes)
	require.Len(t, view.Counters.Reactions, 1)
	require.Equal(t, "like", view.Counters.Reactions[0].Kind)

	var history struct {
		Versions []json.RawMessage `json:"versions"`
	}
	getJSON(t, devRESTURL+"/socialchain/posts/v1/posts/1/history", &history)
	all := ""
	for _, v := range history.Versions {
		all += string(v)
	}
	require.Contains(t, all, "hello #socialchain", "the first version is in the history")
	require.Contains(t, all, "hello again #socialchain", "the current version is in the history")

	var feed restPostList
	getJSON(t, devRESTURL+"/socialchain/posts/v1/feeds/"+bob, &feed)
	require.Contains(t, postIDs(feed), "1", "bob follows alice, so alice's post is in bob's feed")
	var tagged restPostList
	getJSON(t, devRESTURL+"/socialchain/posts/v1/hashtags/socialchain/posts", &tagged)
	require.Equal(t, []string{"1"}, postIDs(tagged))
	var thread restPostList
	getJSON(t, devRESTURL+"/socialchain/posts/v1/posts/2/thread", &thread)
	require.Equal(t, []string{"1", "2"}, postIDs(thread), "thread is root first")
	var byAuthor restPostList
	getJSON(t, devRESTURL+"/socialchain/posts/v1/authors/"+bob+"/posts", &byAuthor)
	require.Equal(t, []string{"3", "2"}, postIDs(byAuthor), "newest first")
	var global restPostList
	getJSON(t, devRESTURL+"/socialchain/posts/v1/posts?pagination.limit=2", &global)
	require.Equal(t, []string{"3", "2"}, postIDs(global), "the global timeline, newest first")

	mustDeliver(t, home, "tx", "posts", "delete", "3", "--from", "bob")
	getJSON(t, devRESTURL+"/socialchain/posts/v1/posts/3", &res)
	view = res.Post
	require.True(t, view.Post.Deleted)
	require.Empty(t, view.Post.Text)

	stateOf := func() string {
		return mustCLI(t, "query", "posts", "author-posts", alice, "--output", "json", "--home", home) +
			mustCLI(t, "query", "posts", "author-posts", bob, "--output", "json", "--home", home) +
			mustCLI(t, "query", "posts", "reactions", "1", "--output", "json", "--home", home)
	}
	before := stateOf()
	refused := []struct {
		name string
		args []string
		want string
	}{
		{"reply to a missing post", []string{"tx", "posts", "reply", "999", "hi", "--from", "bob"}, "not found"},
		{"reply to a deleted post", []string{"tx", "posts", "reply", "3", "hi", "--from", "alice"}, "deleted"},
		{"over-long text", []string{"tx", "posts", "create", strings.Repeat("x", 501), "--from", "alice"}, "500"},
		{"reacting twice", []string{"tx", "posts", "react", "1", "like", "--from", "bob"}, "already"},
		{"emoji not in the allow-list", []string{"tx", "posts", "react", "1", "🦄", "--from", "bob"}, "not allowed"},
		{"editing someone else's post", []string{"tx", "posts", "edit", "1", "mine now", "--from", "bob"}, "not the author"},
		{"posting without a profile", []string{"tx", "posts", "create", "hi", "--from", "dev"}, "profile"},
	}
	for _, tc := range refused {
		t.Run(tc.name+" is refused", func(t *testing.T) {
			res := deliverTx(t, home, tc.args...)
			require.NotZero(t, res.Code)
			require.Contains(t, res.RawLog, tc.want)
		})
	}
	require.Equal(t, before, stateOf(), "refused txs changed the state")

	t.Run("delegated posting with authz and feegrant", func(t *testing.T) {
		app := newFundedKey(t, home, "app")
		// alice lets the app key post for her.
		mustDeliver(t, home, "tx", "authz", "grant", app, "generic", "--msg-type", "/socialchain.posts.v1.MsgCreatePost", "--from", "alice")
		unsigned := mustCLI(t, "tx", "posts", "create", "posted by my app", "--from", alice, "--generate-only", "--home", home)
		txFile := filepath.Join(t.TempDir(), "post.json")
		require.NoError(t, os.WriteFile(txFile, []byte(lastJSONLine(unsigned)), 0o600))
		mustDeliver(t, home, "tx", "authz", "exec", txFile, "--from", "app")
		getJSON(t, devRESTURL+"/socialchain/posts/v1/authors/"+alice+"/posts", &byAuthor)
		require.Equal(t, "posted by my app", byAuthor.Posts[0].Post.Text, "the post is alice's")

		// The app sponsors a new user with no funds of her own.
		mustCLI(t, "keys", "add", "carol", "--keyring-backend", "test", "--home", home)
		carol := mustCLIValue(t, "keys", "show", "carol", "-a", "--keyring-backend", "test", "--home", home)
		mustDeliver(t, home, "tx", "feegrant", "grant", app, carol, "--from", "app")
		appBefore, _ := strconv.ParseInt(cliBalance(t, home, app), 10, 64)
		mustDeliver(t, home, "tx", "profiles", "create-profile", "carol", "--from", "carol", "--fee-granter", app, "--fees", "5000usocial")
		mustDeliver(t, home, "tx", "posts", "create", "my first post", "--from", "carol", "--fee-granter", app, "--fees", "5000usocial")
		require.Equal(t, "0", cliBalance(t, home, carol), "carol paid nothing")
		appAfter, _ := strconv.ParseInt(cliBalance(t, home, app), 10, 64)
		require.Equal(t, appBefore-10000, appAfter, "the app paid both fees")
		getJSON(t, devRESTURL+"/socialchain/posts/v1/authors/"+carol+"/posts", &byAuthor)
		require.Equal(t, "my first post", byAuthor.Posts[0].Post.Text)
	})
}
