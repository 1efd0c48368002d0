//go:build e2e

package e2e

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestKuboInterop runs stock kubo (scripts/install-kubo.sh) with its own
// repo on loopback, connects it to the dev chain's content node, and moves
// bytes both ways: kubo cats content added to our node, and our node
// fetches and pins content added to kubo once a post references it.
func TestKuboInterop(t *testing.T) {
	kubo := os.Getenv("KUBO_BIN")
	require.NotEmpty(t, kubo, "KUBO_BIN is not set: run `make test-e2e`, which installs kubo with scripts/install-kubo.sh")
	_, err := os.Stat(kubo)
	require.NoError(t, err, "kubo binary %s", kubo)

	home := filepath.Join(t.TempDir(), "dev-home")
	dev := startDev(t, home)
	defer dev.stop(t)
	waitForHeight(t, devRPCPort, 2, 90*time.Second)

	repo := filepath.Join(t.TempDir(), "kubo-repo")
	// ipfsBytes returns kubo's exact stdout: content bytes must be compared
	// untrimmed and never mixed with what kubo writes to stderr.
	ipfsBytes := func(args ...string) []byte {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		var stdout, stderr bytes.Buffer
		cmd := exec.CommandContext(ctx, kubo, args...)
		cmd.Env = append(os.Environ(), "IPFS_PATH="+repo)
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		require.NoError(t, err, "ipfs %s:\n%s%s", strings.Join(args, " "), stdout.Bytes(), stderr.Bytes())
		return stdout.Bytes()
	}
	// ipfs is ipfsBytes for commands that print one text value.
	ipfs := func(args ...string) string {
		t.Helper()
		return strings.TrimSpace(string(ipfsBytes(args...)))
	}
	// The test profile listens on random loopback ports and has no bootstrap peers.
	ipfs("init", "--profile", "test")
	ipfs("config", "--json", "Routing.Type", `"none"`)

	daemon := exec.Command(kubo, "daemon")
	daemon.Env = append(os.Environ(), "IPFS_PATH="+repo)
	stdout, err := daemon.StdoutPipe()
	require.NoError(t, err)
	daemon.Stderr = daemon.Stdout
	require.NoError(t, daemon.Start())
	t.Cleanup(func() {
		_ = daemon.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = daemon.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			_ = daemon.Process.Kill()
		}
	})
	ready := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if strings.Contains(sc.Text(), "Daemon is ready") {
				close(ready)
			}
		}
	}()
	select {
	case <-ready:
	case <-time.After(time.Minute):
		t.Fatal("kubo daemon did not become ready")
	}

	var ourAddr string
	for _, line := range strings.Split(mustCLI(t, "p2p", "id"), "\n") {
		if strings.Contains(line, "/tcp/") {
			ourAddr = strings.TrimSpace(line)
		}
	}
	require.NotEmpty(t, ourAddr)
	ipfs("swarm", "connect", ourAddr)

	// kubo reads what our node stores.
	file, data := randomFile(t, 500_000)
	c := mustCLIValue(t, "content", "add", file)
	got := ipfsBytes("cat", c)
	require.True(t, bytes.Equal(data, got), "kubo cat returned different bytes (%d bytes, want %d)", len(got), len(data))

	// Our node fetches and pins what kubo stores, once a post references it.
	file2, data2 := randomFile(t, 300_000)
	c2 := ipfs("add", "-q", file2)
	alice := newFundedKey(t, home, "alice")
	_ = alice
	mustDeliver(t, home, "tx", "profiles", "create-profile", "alice", "--from", "alice")
	attachment := fmt.Sprintf(`{"cid":%q,"mime_type":"application/octet-stream","size_bytes":"%d"}`, c2, len(data2))
	mustDeliver(t, home, "tx", "posts", "create", "from kubo", "--attachments", attachment, "--from", "alice")
	waitPinned(t, devRESTURL, c2, time.Minute)
	status, body := httpGetBytes(t, devRESTURL+"/ipfs/"+c2)
	require.Equal(t, http.StatusOK, status)
	require.True(t, bytes.Equal(data2, body), "our gateway returned different bytes")
}
