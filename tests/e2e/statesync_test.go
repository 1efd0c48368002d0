//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// stateSyncSnapshotInterval makes the localnet's validators snapshot
// every 10 blocks, so a snapshot past the test's posts exists in seconds.
const stateSyncSnapshotInterval = 10

// syncInfo is the sync_info of CometBFT's /status.
type syncInfo struct {
	LatestBlockHeight   string `json:"latest_block_height"`
	EarliestBlockHeight string `json:"earliest_block_height"`
	CatchingUp          bool   `json:"catching_up"`
}

func nodeSyncInfo(t *testing.T, rpcPort int) syncInfo {
	t.Helper()
	var status struct {
		Result struct {
			SyncInfo syncInfo `json:"sync_info"`
		} `json:"result"`
	}
	getJSON(t, fmt.Sprintf("http://127.0.0.1:%d/status", rpcPort), &status)
	return status.Result.SyncInfo
}

// logLines logs the last n lines of the file at path that contain one of
// words (every line when none is given).
func logLines(t *testing.T, path string, n int, words ...string) {
	bz, err := os.ReadFile(path)
	if err != nil {
		t.Logf("%s: %v", path, err)
		return
	}
	var lines []string
	for _, line := range strings.Split(string(bz), "\n") {
		for _, w := range words {
			if strings.Contains(line, w) {
				lines = append(lines, line)
				break
			}
		}
		if len(words) == 0 {
			lines = append(lines, line)
		}
	}
	t.Logf("%s:\n%s", path, strings.Join(lines[max(0, len(lines)-n):], "\n"))
}

func localnetRESTURL(i int) string {
	return fmt.Sprintf("http://127.0.0.1:%d", localnetBasePort+10*i+2)
}

// TestStateSyncJoin runs two validators that snapshot every 10 blocks,
// writes a profile with an avatar and a post with an attachment (both
// uploaded to node0 only), waits until a snapshot past them exists, then
// joins a fresh node with `localnet.sh join`: CometBFT's light client
// checks the snapshot against both validators' RPC servers from a trusted
// height read from node0. The new node must restore the snapshot (its
// earliest block is past the posts, so it never executed them), catch up,
// answer queries with the validators' state, and pin the avatar and the
// attachment: content it only learns of from the restored state.
func TestStateSyncJoin(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "localnet")
	t.Setenv("LOCALNET_DIR", dir) // for the cleanup's stop
	t.Setenv("LOCALNET_INIT_FLAGS", "--snapshot-interval "+strconv.Itoa(stateSyncSnapshotInterval))
	t.Cleanup(func() {
		_ = exec.Command("bash", filepath.Join(repoRoot, "scripts", "localnet.sh"), "stop").Run()
	})

	t.Cleanup(func() {
		if t.Failed() {
			logLines(t, filepath.Join(dir, "node2", "node.log"), 80, "content", "ERR", "snapshot", "state sync")
		}
	})
	localnet(t, dir, "start", "2")
	waitForHeight(t, localnetRPCPort(0), 2, 2*time.Minute)
	waitForHeight(t, localnetRPCPort(1), 2, 2*time.Minute)

	home0 := filepath.Join(dir, "node0")
	rest0 := localnetRESTURL(0)
	avatarFile, avatarBytes := randomFile(t, 20_000)
	avatar := mustCLIValue(t, "content", "add", avatarFile, "--api-url", rest0)
	mustDeliver(t, home0, "tx", "profiles", "create-profile", "node_zero", "--avatar-cid", avatar, "--from", "validator")
	file, fileBytes := randomFile(t, 300_000)
	mustDeliver(t, home0, "tx", "posts", "create", "before the snapshot", "--attach", file, "--api-url", rest0, "--from", "validator")
	attachment := mustCLIValue(t, "content", "add", file, "--api-url", rest0) // same bytes, same CID
	operator := mustCLIValue(t, "keys", "show", "validator", "-a", "--keyring-backend", "test", "--home", home0)
	var posts restPostList
	getJSON(t, rest0+"/socialchain/posts/v1/authors/"+operator+"/posts", &posts)
	require.Len(t, posts.Posts, 1)
	postID := posts.Posts[0].Post.ID

	// Two snapshot intervals on: the newest snapshot is past the post.
	written, err := height(localnetRPCPort(0))
	require.NoError(t, err)
	waitForHeight(t, localnetRPCPort(0), written+2*stateSyncSnapshotInterval+2, 2*time.Minute)

	joinStart := time.Now()
	out := localnet(t, dir, "join")
	require.Contains(t, out, "wrote node2")
	require.Contains(t, out, "node2 started")
	target, err := height(localnetRPCPort(0))
	require.NoError(t, err)
	joined := waitForHeight(t, localnetRPCPort(2), target, 3*time.Minute)
	joinTook := time.Since(joinStart)
	info := nodeSyncInfo(t, localnetRPCPort(2))
	earliest, err := strconv.ParseInt(info.EarliestBlockHeight, 10, 64)
	require.NoError(t, err)
	t.Logf("node2 joined by state sync in %s: earliest block %d (posts written by height %d), caught up to %d",
		joinTook.Round(100*time.Millisecond), earliest, written, joined)
	require.Greater(t, earliest, written, "node2 restored a snapshot past the posts instead of replaying them")

	// The restored state answers queries as the validators do.
	rest2 := localnetRESTURL(2)
	var fromValidator, fromJoined json.RawMessage
	getJSON(t, rest0+"/socialchain/posts/v1/posts/"+postID, &fromValidator)
	getJSON(t, rest2+"/socialchain/posts/v1/posts/"+postID, &fromJoined)
	require.JSONEq(t, string(fromValidator), string(fromJoined))
	getJSON(t, rest0+"/socialchain/profiles/v1/profiles/"+operator, &fromValidator)
	getJSON(t, rest2+"/socialchain/profiles/v1/profiles/"+operator, &fromJoined)
	require.JSONEq(t, string(fromValidator), string(fromJoined))

	// Content committed before the snapshot: pinned by the reconcile.
	waitPinned(t, rest2, avatar, 2*time.Minute)
	waitPinned(t, rest2, attachment, 2*time.Minute)
	for c, want := range map[string][]byte{avatar: avatarBytes, attachment: fileBytes} {
		status, got := httpGetBytes(t, rest2+"/ipfs/"+c)
		require.Equal(t, http.StatusOK, status)
		require.Equal(t, want, got, "node2 serves %s", c)
	}

	// And the node keeps up: a post after the join is pinned on commit.
	later, _ := randomFile(t, 10_000)
	res := deliverTx(t, home0, "tx", "posts", "create", "after the join", "--attach", later, "--api-url", rest0, "--from", "validator")
	require.Zero(t, res.Code, res.RawLog)
	waitPinned(t, rest2, mustCLIValue(t, "content", "add", later, "--api-url", rest0), time.Minute)

	// settlement prove needs the state at the record's checkpoint height.
	// node2 has none before its snapshot: it names the height and the
	// nodes that can answer. node0 (default pruning) proves the old post,
	// and node2 proves the new one once its checkpoint is final.
	node2 := fmt.Sprintf("tcp://127.0.0.1:%d", localnetRPCPort(2))
	out, err = cli(t, "settlement", "prove", "post", postID, "--node", node2)
	require.Error(t, err, out)
	require.Contains(t, out, "does not keep the state at height")
	t.Logf("prove on node2: %s", strings.TrimSpace(out))
	require.Contains(t, out, `archive node (app.toml pruning = "nothing")`)
	mustCLI(t, "settlement", "prove", "post", postID, "--node", fmt.Sprintf("tcp://127.0.0.1:%d", localnetRPCPort(0)),
		"--proof-file", filepath.Join(t.TempDir(), "old.json"))
	require.Eventually(t, func() bool {
		_, err := cli(t, "settlement", "prove", "post", res.PostID, "--node", node2, "--proof-file", filepath.Join(t.TempDir(), "new.json"))
		return err == nil
	}, 2*time.Minute, time.Second, "node2 proves a post checkpointed after it joined")
}
