//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// loadReport is the part of `loadtest --json` the smoke test checks.
type loadReport struct {
	Mix          string         `json:"mix"`
	Unit         string         `json:"unit"`
	ResultsFrom  string         `json:"results_from"`
	Offered      int            `json:"offered"`
	Accepted     int            `json:"accepted"`
	Committed    int            `json:"committed"`
	CommittedTPS float64        `json:"committed_tps"`
	Failed       int            `json:"failed"`
	Uncommitted  int            `json:"uncommitted"`
	Rebroadcasts int            `json:"rebroadcasts"`
	LatencyP50   float64        `json:"latency_p50_ms"`
	Blocks       int            `json:"blocks"`
	Errors       map[string]int `json:"errors"`
}

func runLoadtest(t *testing.T, home string, args ...string) loadReport {
	t.Helper()
	out := mustCLI(t, append([]string{"loadtest", "--home", home, "--json"}, args...)...)
	var r loadReport
	require.NoError(t, json.Unmarshal([]byte(jsonObject(out)), &r), out)
	return r
}

// jsonObject returns the indented JSON object at the end of out; the
// command logs its progress before it.
func jsonObject(out string) string {
	if i := strings.LastIndex(out, "\n{"); i >= 0 {
		return out[i+1:]
	}
	return out
}

// requireOnlyBackpressure fails on any error kind but the mempool (or the
// lane's pool) asking the sender to wait.
func requireOnlyBackpressure(t *testing.T, r loadReport) {
	t.Helper()
	for kind, n := range r.Errors {
		require.Contains(t, []string{"mempool_full", "pool_full"}, kind, "unexpected %d errors of kind %q in %+v", n, kind, r)
	}
	require.Zero(t, r.Failed, "%+v", r)
}

// TestLoadtestSmoke runs the load generator briefly against the dev chain:
// posts, then the social mix, then lane messages, then a Ctrl-C in the
// middle of a run. Every accepted tx and message commits, and the posts are
// on chain.
func TestLoadtestSmoke(t *testing.T) {
	home := filepath.Join(t.TempDir(), "dev-home")
	dev := startDev(t, home)
	waitForHeight(t, devRPCPort, 2, 90*time.Second)

	posts := runLoadtest(t, home, "--mix", "posts", "--accounts", "8", "--duration", "5s")
	t.Logf("posts: %+v", posts)
	require.Equal(t, "posts", posts.Mix)
	require.Positive(t, posts.Committed)
	require.Equal(t, posts.Accepted, posts.Committed, "every accepted post commits")
	require.Positive(t, posts.CommittedTPS)
	require.Positive(t, posts.LatencyP50)
	require.Positive(t, posts.Blocks)
	requireOnlyBackpressure(t, posts)

	// Post ids count from 1 on a fresh chain and the loadtest made them all.
	var post struct {
		Post struct {
			Post struct {
				Author string `json:"author"`
				Text   string `json:"text"`
			} `json:"post"`
		} `json:"post"`
	}
	getJSON(t, fmt.Sprintf("%s/socialchain/posts/v1/posts/%d", devRESTURL, posts.Committed), &post)
	require.True(t, strings.HasPrefix(post.Post.Post.Text, "load test post "), post.Post.Post.Text)
	require.Len(t, []rune(post.Post.Post.Text), 140)
	var profile struct {
		Profile struct {
			Handle string `json:"handle"`
		} `json:"profile"`
	}
	getJSON(t, devRESTURL+"/socialchain/profiles/v1/profiles/"+post.Post.Post.Author, &profile)
	require.True(t, strings.HasPrefix(profile.Profile.Handle, "lt_"), profile.Profile.Handle)

	// The social mix reuses the accounts and their profiles.
	mixed := runLoadtest(t, home, "--mix", "mixed", "--accounts", "8", "--duration", "4s", "--rate", "40")
	t.Logf("mixed: %+v", mixed)
	require.Positive(t, mixed.Committed)
	require.Equal(t, mixed.Accepted, mixed.Committed)
	requireOnlyBackpressure(t, mixed)
	var replies struct {
		Posts []struct {
			Post struct {
				ReplyTo string `json:"reply_to"`
			} `json:"post"`
		} `json:"posts"`
	}
	getJSON(t, devRESTURL+"/socialchain/posts/v1/posts?pagination.limit=20", &replies)
	sawReply := false
	for _, p := range replies.Posts {
		sawReply = sawReply || (p.Post.ReplyTo != "" && p.Post.ReplyTo != "0")
	}
	require.True(t, sawReply, "the mixed mix replies: %+v", replies)

	// The lane mix registers an app key per account and posts through the
	// message lane; rates count messages.
	lane := runLoadtest(t, home, "--mix", "lane", "--accounts", "8", "--duration", "4s", "--rate", "300")
	t.Logf("lane: %+v", lane)
	require.Equal(t, "message", lane.Unit)
	require.Equal(t, "grpc", lane.ResultsFrom, "the lane mix reads block results over gRPC")
	require.Positive(t, lane.Committed)
	require.Equal(t, lane.Accepted, lane.Committed, "every accepted message is included")
	require.Positive(t, lane.LatencyP50)
	requireOnlyBackpressure(t, lane)
	var newest struct {
		Posts []struct {
			Post struct {
				ID     string `json:"id"`
				Author string `json:"author"`
				Text   string `json:"text"`
			} `json:"post"`
		} `json:"posts"`
	}
	getJSON(t, devRESTURL+"/socialchain/posts/v1/posts?pagination.limit=1", &newest)
	require.Len(t, newest.Posts, 1)
	require.True(t, strings.HasPrefix(newest.Posts[0].Post.Text, "load test post "), newest.Posts[0].Post.Text)
	var allowance struct {
		Used string `json:"used"`
	}
	getJSON(t, devRESTURL+"/socialchain/messages/v1/allowance/"+newest.Posts[0].Post.Author, &allowance)
	require.NotEqual(t, "0", allowance.Used, "the newest post came through the lane: %+v", newest)
	// A rerun finds the app keys registered and the accounts ready.
	again := runLoadtest(t, home, "--mix", "lane", "--accounts", "8", "--duration", "2s", "--rate", "100")
	require.Positive(t, again.Committed)
	require.Equal(t, again.Accepted, again.Committed)
	requireOnlyBackpressure(t, again)

	// Ctrl-C stops sending and still reports.
	// The output goes to a file, which the test may read while it grows.
	outFile, err := os.CreateTemp(t.TempDir(), "loadtest-out-")
	require.NoError(t, err)
	output := func() string {
		bz, err := os.ReadFile(outFile.Name())
		require.NoError(t, err)
		return string(bz)
	}
	cmd := exec.Command(binary, "loadtest", "--home", home, "--json", "--mix", "bank", "--accounts", "8", "--duration", "5m", "--rate", "50")
	cmd.Stdout, cmd.Stderr = outFile, outFile
	require.NoError(t, cmd.Start())
	require.Eventually(t, func() bool { return strings.Contains(output(), "sending bank txs") }, time.Minute, 100*time.Millisecond)
	time.Sleep(2 * time.Second)
	require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		require.NoError(t, err, output())
	case <-time.After(45 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("loadtest did not stop within 45s of SIGINT:\n%s", output())
	}
	var bank loadReport
	require.NoError(t, json.Unmarshal([]byte(jsonObject(output())), &bank), output())
	require.Positive(t, bank.Committed)
	requireOnlyBackpressure(t, bank)

	dev.stop(t)
}
