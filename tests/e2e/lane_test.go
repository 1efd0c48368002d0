//go:build e2e

package e2e

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	messagestypes "github.com/socialchain/socialchain/x/messages/types"
)

// laneStatus is what GET /socialchain/messages/v1/messages/{hash} and
// `messages status --output json` answer.
type laneStatus struct {
	Status  string `json:"status"`
	Receipt *struct {
		Hash       string `json:"hash"` // base64
		Height     string `json:"height"`
		PostID     string `json:"post_id"`
		ReactionID string `json:"reaction_id"`
		Error      string `json:"error"`
	} `json:"receipt"`
}

// hexHash is the receipt's hash in the hex the API takes.
func (s laneStatus) hexHash(t *testing.T) string {
	t.Helper()
	require.NotNil(t, s.Receipt, "%+v", s)
	bz, err := base64.StdEncoding.DecodeString(s.Receipt.Hash)
	require.NoError(t, err)
	return hex.EncodeToString(bz)
}

// signedLanePost signs a create_post lane message with key for author.
func signedLanePost(t *testing.T, key ed25519.PrivateKey, chainID, author, text string, timestampMs int64) messagestypes.SignedMessage {
	t.Helper()
	body := messagestypes.MessageBody{
		ChainID: chainID, Author: author, AppKey: key.Public().(ed25519.PublicKey), TimestampMs: timestampMs,
		Kind: &messagestypes.MessageBody_CreatePost{CreatePost: &messagestypes.CreatePost{Text: text}},
	}
	signed, err := messagestypes.Sign(key, &body)
	require.NoError(t, err)
	return signed
}

// postJSON POSTs v as JSON to url, requires 200 and decodes the answer into out.
func postJSON(t *testing.T, url string, v, out any) {
	t.Helper()
	body, err := json.Marshal(v)
	require.NoError(t, err)
	client := http.Client{Timeout: 30 * time.Second}
	resp, err := client.Post(url, "application/json", bytes.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode, "POST %s: %s", url, answer)
	require.NoError(t, json.Unmarshal(answer, out), "POST %s: %s", url, answer)
}

// postsCount is the posts_count of addr's profile on the REST API at rest.
func postsCount(t *testing.T, rest, addr string) int {
	t.Helper()
	var p struct {
		Profile struct {
			PostsCount string `json:"posts_count"`
		} `json:"profile"`
	}
	getJSON(t, rest+"/socialchain/profiles/v1/profiles/"+addr, &p)
	if p.Profile.PostsCount == "" {
		return 0
	}
	n, err := strconv.Atoi(p.Profile.PostsCount)
	require.NoError(t, err)
	return n
}

// TestLaneSurvivesKill9 submits a batch of lane posts to a one-validator
// localnet, kills the node with SIGKILL the moment the batch is accepted,
// restarts it, and requires every accepted message to be included exactly
// once: the persisted pool keeps what the node answered "accepted" for.
func TestLaneSurvivesKill9(t *testing.T) {
	const n = 300
	dir := filepath.Join(t.TempDir(), "localnet")
	t.Setenv("LOCALNET_DIR", dir) // for the cleanup's stop
	t.Cleanup(func() {
		_ = exec.Command("bash", filepath.Join(repoRoot, "scripts", "localnet.sh"), "stop").Run()
	})
	localnet(t, dir, "start", "1")
	rpcPort, rest := localnetRPCPort(0), fmt.Sprintf("http://127.0.0.1:%d", localnetBasePort+2)
	waitForHeight(t, rpcPort, 2, 2*time.Minute)

	// node0's "validator" key holds the genesis funds.
	home := filepath.Join(dir, "node0")
	author := mustCLIValue(t, "keys", "show", "validator", "-a", "--keyring-backend", "test", "--home", home)
	mustDeliver(t, home, "tx", "profiles", "create-profile", "lane_kill", "--from", "validator")
	pub, key, err := ed25519.GenerateKey(rand.Reader)
	require.NoError(t, err)
	mustDeliver(t, home, "tx", "profiles", "add-app-key", hex.EncodeToString(pub), "--scopes", "posts", "--from", "validator")
	before := postsCount(t, rest, author)

	now := time.Now().UnixMilli()
	type wireMessage struct {
		Body      []byte `json:"body"`
		Signature []byte `json:"signature"`
	}
	batch := make([]wireMessage, n)
	for i := range batch {
		m := signedLanePost(t, key, "socialchain-localnet-1", author, fmt.Sprintf("kill -9 survivor %d", i), now+int64(i))
		batch[i] = wireMessage{Body: m.Body, Signature: m.Signature}
	}
	var submitted struct {
		Results []struct {
			Hash     string `json:"hash"`
			Accepted bool   `json:"accepted"`
			Error    string `json:"error"`
		} `json:"results"`
	}
	postJSON(t, rest+"/socialchain/messages/v1/messages/batch", map[string]any{"messages": batch}, &submitted)

	// At once: whatever a block has not carried yet is only in the pool.
	pid := nodePID(t, dir, 0)
	require.NoError(t, syscall.Kill(pid, syscall.SIGKILL))
	require.Len(t, submitted.Results, n)
	hashes := map[string]bool{}
	for i, r := range submitted.Results {
		require.True(t, r.Accepted, "message %d refused: %s", i, r.Error)
		hashes[r.Hash] = true
	}
	require.Len(t, hashes, n, "every message has its own hash")
	require.Eventually(t, func() bool { return syscall.Kill(pid, 0) == syscall.ESRCH }, 10*time.Second, 50*time.Millisecond,
		"node (pid %d) still alive after SIGKILL", pid)
	_, err = height(rpcPort)
	require.Error(t, err, "killed node still answers")

	out := localnet(t, dir, "start")
	require.Contains(t, out, "node0 started")
	restartedAt := waitForHeight(t, rpcPort, 1, 2*time.Minute)
	waitForHeight(t, rpcPort, restartedAt+1, time.Minute) // making blocks again, not only answering

	postIDs := map[string]bool{}
	afterRestart := 0
	deadline := time.Now().Add(time.Minute)
	for hash := range hashes {
		var st laneStatus
		for {
			// Right after a restart the SDK may answer a query between its
			// store commit and its check-state reset with "invalid height"
			// (code 26): the node is up but this one read is not served.
			if !getJSONUnlessNotReady(t, rest+"/socialchain/messages/v1/messages/"+hash, &st) {
				require.True(t, time.Now().Before(deadline), "the node still answers invalid height a minute after the restart")
				time.Sleep(250 * time.Millisecond)
				continue
			}
			if st.Status != "MESSAGE_STATUS_PENDING" && st.Status != "MESSAGE_STATUS_UNSPECIFIED" {
				break
			}
			require.True(t, time.Now().Before(deadline), "message %s still %s a minute after the restart", hash, st.Status)
			time.Sleep(250 * time.Millisecond)
		}
		require.Equal(t, "MESSAGE_STATUS_INCLUDED", st.Status, "message %s: %+v", hash, st.Receipt)
		require.False(t, postIDs[st.Receipt.PostID], "post id %s twice", st.Receipt.PostID)
		postIDs[st.Receipt.PostID] = true
		if parseUint(t, st.Receipt.Height) > uint64(restartedAt) {
			afterRestart++
		}
	}
	t.Logf("%d of %d messages were included after the restart (from the reloaded pool)", afterRestart, n)
	require.Len(t, postIDs, n, "every accepted message is one post")
	require.Equal(t, before+n, postsCount(t, rest, author), "exactly the accepted posts were made, none twice")
}

// TestLaneCLIOnDevChain walks the lane with the CLI on the dev chain: an
// ed25519 app key in the keyring, registered with scopes, posts, reacts
// and follows with --wait; status by hash over the CLI and REST; refusals
// that name the rule and change nothing; and an inclusion proof of the
// lane post against the L1 once its checkpoint is there.
func TestLaneCLIOnDevChain(t *testing.T) {
	home := filepath.Join(t.TempDir(), "dev-home")
	dev := startDev(t, home)
	defer dev.stop(t)
	waitForHeight(t, devRPCPort, 2, 90*time.Second)
	kr := []string{"--keyring-backend", "test", "--home", home}

	alice := newFundedKey(t, home, "alice")
	bob := newFundedKey(t, home, "bob")
	mustDeliver(t, home, "tx", "profiles", "create-profile", "alice", "--from", "alice")
	mustDeliver(t, home, "tx", "profiles", "create-profile", "bob", "--from", "bob")
	mustCLI(t, append([]string{"keys", "add", "alice-app", "--algo", "ed25519"}, kr...)...)
	mustDeliver(t, home, "tx", "profiles", "add-app-key", "alice-app", "--scopes", "posts,reactions,follows", "--from", "alice")

	lane := func(args ...string) laneStatus {
		t.Helper()
		args = append(args, "--app-key", "alice-app", "--author", "alice", "--wait", "--output", "json", "--home", home)
		var st laneStatus
		out := mustCLIValue(t, args...)
		require.NoError(t, json.Unmarshal([]byte(lastJSONLine(out)), &st), out)
		require.Equal(t, "MESSAGE_STATUS_INCLUDED", st.Status, "%v: %s", args, out)
		return st
	}

	// A post: --wait prints the receipt with the new post id.
	posted := lane("messages", "post", "hello #lane")
	postID := posted.Receipt.PostID
	require.NotEmpty(t, postID)
	var post struct {
		Post struct {
			Post struct {
				Author   string   `json:"author"`
				Text     string   `json:"text"`
				Hashtags []string `json:"hashtags"`
			} `json:"post"`
		} `json:"post"`
	}
	require.NoError(t, json.Unmarshal([]byte(mustCLIValue(t, "query", "posts", "post", postID, "--output", "json", "--home", home)), &post))
	require.Equal(t, alice, post.Post.Post.Author)
	require.Equal(t, "hello #lane", post.Post.Post.Text)
	require.Contains(t, post.Post.Post.Hashtags, "lane", "a lane post is parsed like a tx post")

	// The same message is found by its hash, over the CLI and REST.
	hash := posted.hexHash(t)
	var byCLI, byREST laneStatus
	require.NoError(t, json.Unmarshal([]byte(mustCLIValue(t, "messages", "status", hash, "--output", "json", "--home", home)), &byCLI))
	getJSON(t, devRESTURL+"/socialchain/messages/v1/messages/"+hash, &byREST)
	for _, st := range []laneStatus{byCLI, byREST} {
		require.Contains(t, []string{"MESSAGE_STATUS_INCLUDED", "MESSAGE_STATUS_SETTLED"}, st.Status)
		require.Equal(t, postID, st.Receipt.PostID)
		require.Equal(t, posted.Receipt.Height, st.Receipt.Height)
		require.NotEqual(t, "0", st.Receipt.Height)
	}

	// A reaction and a follow.
	reacted := lane("messages", "react", postID)
	require.NotEmpty(t, reacted.Receipt.ReactionID)
	var reactions struct {
		Reactions []struct {
			User string `json:"user"`
			Kind string `json:"kind"`
		} `json:"reactions"`
	}
	getJSON(t, devRESTURL+"/socialchain/posts/v1/posts/"+postID+"/reactions", &reactions)
	require.Len(t, reactions.Reactions, 1)
	require.Equal(t, alice, reactions.Reactions[0].User)
	lane("messages", "follow", bob)
	var bobProfile struct {
		Profile struct {
			FollowersCount string `json:"followers_count"`
		} `json:"profile"`
	}
	getJSON(t, devRESTURL+"/socialchain/profiles/v1/profiles/"+bob, &bobProfile)
	require.Equal(t, "1", bobProfile.Profile.FollowersCount)

	// Refusals name the rule, exit non-zero and leave nothing behind.
	mustCLI(t, append([]string{"keys", "add", "alice-posts-only", "--algo", "ed25519"}, kr...)...)
	mustDeliver(t, home, "tx", "profiles", "add-app-key", "alice-posts-only", "--scopes", "posts", "--from", "alice")
	carol := newFundedKey(t, home, "carol")
	mustDeliver(t, home, "tx", "profiles", "create-profile", "carol", "--from", "carol")
	postsBefore := postsCount(t, devRESTURL, alice)
	refused := []struct {
		name string
		args []string
		want string
	}{
		{"a follow with a key without the follows scope is refused", []string{"messages", "follow", carol, "--app-key", "alice-posts-only"}, "app key not authorised for this scope"},
		{"a 501-rune post is refused", []string{"messages", "post", strings.Repeat("a", 501), "--app-key", "alice-app"}, "text too long"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			out, err := cli(t, append(tc.args, "--author", "alice", "--wait", "--home", home)...)
			require.Error(t, err, out)
			require.Contains(t, out, tc.want)
			require.Contains(t, out, "the node refused the message")
		})
	}
	h, err := height(devRPCPort)
	require.NoError(t, err)
	waitForHeight(t, devRPCPort, h+2, 30*time.Second) // room for a wrongly accepted message to land
	require.Equal(t, postsBefore, postsCount(t, devRESTURL, alice), "no post was made")
	var carolProfile struct {
		Profile struct {
			FollowersCount string `json:"followers_count"`
		} `json:"profile"`
	}
	getJSON(t, devRESTURL+"/socialchain/profiles/v1/profiles/"+carol, &carolProfile)
	require.Contains(t, []string{"", "0"}, carolProfile.Profile.FollowersCount, "no follow was made")

	// The lane post is proven from the dev L1 once its checkpoint is there.
	banner := dev.output(t)
	i := strings.Index(banner, "settlement contract ")
	require.GreaterOrEqual(t, i, 0, banner)
	contract := strings.Fields(banner[i+len("settlement contract "):])[0]
	started := time.Now()
	var rec struct {
		Checkpoint string `json:"checkpoint"`
	}
	require.Eventually(t, func() bool {
		getJSON(t, devRESTURL+"/socialchain/settlement/v1/records/post/"+postID, &rec)
		return rec.Checkpoint != "0" && rec.Checkpoint != ""
	}, time.Minute, time.Second, "post %s has no checkpoint", postID)
	require.Eventually(t, func() bool {
		return l1LastCheckpoint(t, banner) >= parseUint(t, rec.Checkpoint)
	}, time.Minute, time.Second, "checkpoint %s never reached the L1", rec.Checkpoint)
	t.Logf("the lane post's checkpoint %s reached the L1 %s after the checks began", rec.Checkpoint, time.Since(started).Round(time.Second))
	proof := filepath.Join(t.TempDir(), "post.json")
	mustCLI(t, "settlement", "prove", "post", postID, "--proof-file", proof, "--home", home)
	out := mustCLI(t, "settlement", "verify", proof, "--contract", contract)
	require.Contains(t, out, "valid: post")
}

// getJSONUnlessNotReady is getJSON that reports false, instead of failing,
// when the node answers 500 with the SDK's transient "invalid height" error.
func getJSONUnlessNotReady(t *testing.T, url string, v any) bool {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	if resp.StatusCode == http.StatusInternalServerError && strings.Contains(string(body), "invalid height") {
		return false
	}
	require.Equal(t, http.StatusOK, resp.StatusCode, "GET %s: %s", url, body)
	require.NoError(t, json.Unmarshal(body, v), "GET %s: %s", url, body)
	return true
}
