//go:build e2e

package e2e

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// pinState returns the pin state of c on the node whose REST server is
// restURL ("" when the node does not pin it).
func pinState(t *testing.T, restURL, c string) string {
	t.Helper()
	resp, err := http.Get(restURL + "/socialchain/content/v1/pins/" + c)
	require.NoError(t, err)
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return ""
	}
	var body struct {
		Pin struct {
			State string `json:"state"`
		} `json:"pin"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
	return body.Pin.State
}

func waitPinned(t *testing.T, restURL, c string, timeout time.Duration) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	last := ""
	for time.Now().Before(deadline) {
		if last = pinState(t, restURL, c); last == "pinned" {
			return
		}
		time.Sleep(250 * time.Millisecond)
	}
	t.Fatalf("%s not pinned on %s within %s (state %q)", c, restURL, timeout, last)
}

func httpGetBytes(t *testing.T, url string) (int, []byte) {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, body
}

func randomFile(t *testing.T, size int) (string, []byte) {
	t.Helper()
	data := make([]byte, size)
	_, err := rand.Read(data)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), fmt.Sprintf("blob-%d.bin", size))
	require.NoError(t, os.WriteFile(path, data, 0o600))
	return path, data
}

// TestContentOnDevChain: content add, the gateway returns the same bytes,
// a post with --attach pins its file on commit and the SSE stream shows it
// as final; an oversized upload and a malformed CID get clear errors.
func TestContentOnDevChain(t *testing.T) {
	home := filepath.Join(t.TempDir(), "dev-home")
	dev := startDev(t, home)
	defer dev.stop(t)
	waitForHeight(t, devRPCPort, 2, 90*time.Second)

	readme := filepath.Join(repoRoot, "README.md")
	c := mustCLIValue(t, "content", "add", readme)
	want, err := os.ReadFile(readme)
	require.NoError(t, err)
	status, got := httpGetBytes(t, devRESTURL+"/ipfs/"+c)
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, want, got)
	require.Equal(t, want, []byte(mustCLI(t, "content", "get", c)))

	out := mustCLI(t, "p2p", "id")
	require.Contains(t, out, "/p2p/12D3Koo")

	// Follow the stream before posting.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, devRESTURL+"/socialchain/content/v1/stream", nil)
	require.NoError(t, err)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	events := make(chan string, 64)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			events <- sc.Text()
		}
		close(events)
	}()

	alice := newFundedKey(t, home, "alice")
	_ = alice
	mustDeliver(t, home, "tx", "profiles", "create-profile", "alice", "--from", "alice")
	file, data := randomFile(t, 200_000)
	mustDeliver(t, home, "tx", "posts", "create", "a file", "--attach", file, "--from", "alice")
	var posts restPostList
	getJSON(t, devRESTURL+"/socialchain/posts/v1/authors/"+alice+"/posts", &posts)
	require.Len(t, posts.Posts, 1)
	var post struct {
		Post struct {
			Post struct {
				Attachments []struct {
					CID       string `json:"cid"`
					MimeType  string `json:"mime_type"`
					SizeBytes string `json:"size_bytes"`
				} `json:"attachments"`
			} `json:"post"`
		} `json:"post"`
	}
	getJSON(t, devRESTURL+"/socialchain/posts/v1/posts/"+posts.Posts[0].Post.ID, &post)
	require.Len(t, post.Post.Post.Attachments, 1)
	att := post.Post.Post.Attachments[0]
	require.Equal(t, fmt.Sprint(len(data)), att.SizeBytes)
	waitPinned(t, devRESTURL, att.CID, 30*time.Second)
	status, got = httpGetBytes(t, devRESTURL+"/ipfs/"+att.CID)
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, data, got)

	sawFinal := false
	for !sawFinal {
		select {
		case line, ok := <-events:
			require.True(t, ok, "stream ended early")
			if strings.HasPrefix(line, "event: final") {
				sawFinal = true
			}
		case <-ctx.Done():
			t.Fatal("no final event on the stream")
		}
	}

	// Bad input gets a clear error and nothing crashes.
	big, _ := randomFile(t, 33<<20)
	_, err = cli(t, "content", "add", big)
	require.Error(t, err)
	out, _ = cli(t, "content", "add", big)
	require.Contains(t, out, "413")
	status, body := httpGetBytes(t, devRESTURL+"/ipfs/not-a-cid")
	require.Equal(t, http.StatusBadRequest, status, string(body))
	status, _ = httpGetBytes(t, devRESTURL+"/socialchain/content/v1/pins/also-bad")
	require.Equal(t, http.StatusBadRequest, status)
	waitForHeight(t, devRPCPort, 1, time.Second) // the node is still up
}

// TestContentAcrossNodes: on a 2-validator localnet a profile avatar and a
// file uploaded only to node0 (the file referenced by a post) end pinned on
// node1 (fetched over bitswap); with node0 stopped, node1 still serves the
// bytes.
func TestContentAcrossNodes(t *testing.T) {
	const base = 22000
	dir := filepath.Join(t.TempDir(), "localnet")
	run := func(args ...string) string {
		cmd := exec.Command("bash", append([]string{filepath.Join(repoRoot, "scripts", "localnet.sh")}, args...)...)
		cmd.Env = append(os.Environ(), "LOCALNET_DIR="+dir, "SOCIALCHAIND="+binary, fmt.Sprintf("LOCALNET_BASE_PORT=%d", base))
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, string(out))
		return string(out)
	}
	t.Cleanup(func() {
		cmd := exec.Command("bash", filepath.Join(repoRoot, "scripts", "localnet.sh"), "stop")
		cmd.Env = append(os.Environ(), "LOCALNET_DIR="+dir)
		_ = cmd.Run()
	})
	run("start", "2")
	rest0, rest1 := fmt.Sprintf("http://127.0.0.1:%d", base+2), fmt.Sprintf("http://127.0.0.1:%d", base+12)
	waitForHeight(t, base+1, 2, 2*time.Minute)
	waitForHeight(t, base+11, 2, 2*time.Minute)

	home0 := filepath.Join(dir, "node0")
	file, data := randomFile(t, 300_000)
	// A profile's avatar, uploaded to node0 only, is pinned by every node.
	avatarFile, _ := randomFile(t, 20_000)
	avatar := mustCLIValue(t, "content", "add", avatarFile, "--api-url", rest0)
	mustDeliver(t, home0, "tx", "profiles", "create-profile", "node_zero", "--avatar-cid", avatar, "--from", "validator")
	waitPinned(t, rest1, avatar, time.Minute)
	mustDeliver(t, home0, "tx", "posts", "create", "only on node0", "--attach", file, "--api-url", rest0, "--from", "validator")
	c := mustCLIValue(t, "content", "add", file, "--api-url", rest0) // same bytes, same CID
	waitPinned(t, rest1, c, time.Minute)

	pid, err := os.ReadFile(filepath.Join(home0, "node.pid"))
	require.NoError(t, err)
	var p int
	_, err = fmt.Sscan(string(pid), &p)
	require.NoError(t, err)
	require.NoError(t, syscall.Kill(p, syscall.SIGINT))
	require.Eventually(t, func() bool { return syscall.Kill(p, 0) != nil }, 30*time.Second, 100*time.Millisecond)

	status, got := httpGetBytes(t, rest1+"/ipfs/"+c)
	require.Equal(t, http.StatusOK, status)
	require.True(t, bytes.Equal(data, got), "node1 serves node0's bytes after node0 stopped")
}
