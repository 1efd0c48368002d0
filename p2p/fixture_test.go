package p2p

import (
	"bytes"
	"context"
	"crypto/rand"
	"io"
	"path/filepath"
	"testing"
	"time"

	"cosmossdk.io/log/v2"
	"github.com/ipfs/go-cid"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/stretchr/testify/require"
)

// testChainID is the chain every test node runs.
const testChainID = "socialchain-test-1"

// deadline is how long a test waits for something to happen over the
// network before it fails; nothing asserts timings below it.
const deadline = 30 * time.Second

// testConfig is a node config on loopback with ephemeral ports under dir.
func testConfig(dir string) Config {
	cfg := DefaultConfig()
	cfg.ChainID = testChainID
	cfg.ListenAddrs = []string{"/ip4/127.0.0.1/tcp/0", "/ip4/127.0.0.1/udp/0/quic-v1"}
	cfg.DataDir = filepath.Join(dir, "ipfs")
	cfg.IdentityKeyFile = filepath.Join(dir, "identity.key")
	cfg.FetchTimeout = 10 * time.Second
	cfg.RetryBackoff = 200 * time.Millisecond
	return cfg
}

// startNode starts a node and closes it when the test ends.
func startNode(t testing.TB, cfg Config) *Node {
	t.Helper()
	n, err := New(context.Background(), cfg, WithLogger(log.NewTestLoggerInfo(t)))
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, n.Close()) })
	return n
}

// newTestNode starts a node with testConfig in a fresh directory, after
// applying edit to the config.
func newTestNode(t testing.TB, edit func(*Config)) *Node {
	t.Helper()
	cfg := testConfig(t.TempDir())
	if edit != nil {
		edit(&cfg)
	}
	return startNode(t, cfg)
}

// connect dials b from a.
func connect(t *testing.T, a *Node, b peer.AddrInfo) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	require.NoError(t, a.Connect(ctx, b))
}

// eventually polls cond until it holds or the deadline passes.
func eventually(t *testing.T, cond func() bool, msg string, args ...any) {
	t.Helper()
	require.Eventually(t, cond, deadline, 20*time.Millisecond, append([]any{msg}, args...)...)
}

// randomBytes returns n random bytes.
func randomBytes(t *testing.T, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	_, err := rand.Read(b)
	require.NoError(t, err)
	return b
}

// addBytes imports data into n.
func addBytes(t testing.TB, n *Node, data []byte) cid.Cid {
	t.Helper()
	c, size, err := n.AddFile(context.Background(), bytes.NewReader(data))
	require.NoError(t, err)
	require.EqualValues(t, len(data), size)
	return c
}

// catBytes reads the file at c through n.
func catBytes(t testing.TB, n *Node, c cid.Cid) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	r, err := n.Cat(ctx, c)
	require.NoError(t, err)
	defer r.Close()
	b, err := io.ReadAll(r)
	require.NoError(t, err)
	return b
}

// blockCount counts the blocks in n's blockstore.
func blockCount(t *testing.T, n *Node) int {
	t.Helper()
	ch, err := n.blocks.AllKeysChan(context.Background())
	require.NoError(t, err)
	count := 0
	for range ch {
		count++
	}
	return count
}
