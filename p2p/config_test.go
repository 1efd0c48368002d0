package p2p

import (
	"context"
	"crypto/rand"
	"os"
	"path/filepath"
	"testing"

	"github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/stretchr/testify/require"
)

func TestDefaultConfigIsValidOnceChainIDIsSet(t *testing.T) {
	cfg := DefaultConfig()
	require.ErrorContains(t, cfg.Validate(), "chain-id")
	cfg.ChainID = testChainID
	require.NoError(t, cfg.Validate())
	require.Equal(t, PinPolicyAll, cfg.PinPolicy)
	require.EqualValues(t, 32<<20, cfg.MaxBlobSize)
	require.True(t, cfg.GossipEnabled)
}

func TestConfigValidateNamesTheBadField(t *testing.T) {
	key, _, err := crypto.GenerateEd25519Key(rand.Reader)
	require.NoError(t, err)
	id, err := peer.IDFromPrivateKey(key)
	require.NoError(t, err)
	peerAddr := "/ip4/127.0.0.1/tcp/4001/p2p/" + id.String()
	for _, tc := range []struct {
		name  string
		edit  func(*Config)
		field string
	}{
		{"chain id with a slash is refused", func(c *Config) { c.ChainID = "a/b" }, "chain-id"},
		{"no listen address is refused", func(c *Config) { c.ListenAddrs = nil }, "listen-addrs"},
		{"a listen address that is not a multiaddr is refused", func(c *Config) { c.ListenAddrs = []string{"127.0.0.1:4001"} }, "listen-addrs"},
		{"a bootstrap peer without /p2p is refused", func(c *Config) { c.BootstrapPeers = []string{"/ip4/127.0.0.1/tcp/4001"} }, "bootstrap-peers"},
		{"a bootstrap peer that is not a multiaddr is refused", func(c *Config) { c.BootstrapPeers = []string{"nope"} }, "bootstrap-peers"},
		{"an empty data dir is refused", func(c *Config) { c.DataDir = "" }, "data-dir"},
		{"an empty identity key file is refused", func(c *Config) { c.IdentityKeyFile = "" }, "identity-key-file"},
		{"an unknown pin policy is refused", func(c *Config) { c.PinPolicy = "some" }, "pin-policy"},
		{"a zero max blob size is refused", func(c *Config) { c.MaxBlobSize = 0 }, "max-blob-size"},
		{"a zero gossip rate is refused", func(c *Config) { c.GossipRateLimit = 0 }, "gossip-rate-limit"},
		{"a zero gossip burst is refused", func(c *Config) { c.GossipBurst = 0 }, "gossip-burst"},
		{"zero fetch concurrency is refused", func(c *Config) { c.FetchConcurrency = 0 }, "fetch-concurrency"},
		{"a zero fetch timeout is refused", func(c *Config) { c.FetchTimeout = 0 }, "fetch-timeout"},
		{"a zero gateway timeout is refused", func(c *Config) { c.GatewayTimeout = 0 }, "gateway-timeout"},
		{"negative retries are refused", func(c *Config) { c.FetchRetries = -1 }, "fetch-retries"},
		{"a zero retry backoff is refused", func(c *Config) { c.RetryBackoff = 0 }, "retry-backoff"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := DefaultConfig()
			cfg.ChainID = testChainID
			cfg.BootstrapPeers = []string{peerAddr}
			require.NoError(t, cfg.Validate())
			tc.edit(&cfg)
			require.ErrorContains(t, cfg.Validate(), tc.field)
		})
	}
}

func TestNewRefusesInvalidConfigWithoutTouchingDisk(t *testing.T) {
	dir := t.TempDir()
	cfg := testConfig(dir)
	cfg.PinPolicy = "bogus"
	_, err := New(context.Background(), cfg)
	require.ErrorContains(t, err, "pin-policy")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Empty(t, entries)
}

func TestResolvePathsJoinsRelativePathsToHome(t *testing.T) {
	cfg := DefaultConfig().ResolvePaths("/home/node")
	require.Equal(t, filepath.Join("/home/node", DefaultDataDir), cfg.DataDir)
	require.Equal(t, filepath.Join("/home/node", DefaultIdentityKeyFile), cfg.IdentityKeyFile)
	cfg.DataDir = "/abs/ipfs"
	require.Equal(t, "/abs/ipfs", cfg.ResolvePaths("/elsewhere").DataDir)
}

func TestIdentityPersistsAcrossRestarts(t *testing.T) {
	cfg := testConfig(t.TempDir())
	n, err := New(context.Background(), cfg)
	require.NoError(t, err)
	id := n.ID()
	require.NoError(t, n.Close())

	info, err := os.Stat(cfg.IdentityKeyFile)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), info.Mode().Perm())

	n2 := startNode(t, cfg)
	require.Equal(t, id, n2.ID())
}
