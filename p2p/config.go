package p2p

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"
)

// PinPolicy says which content a node keeps.
type PinPolicy string

const (
	// PinPolicyAll pins every CID that committed posts and profiles reference
	// and prefetches content announced on gossip. The default for full nodes.
	PinPolicyAll PinPolicy = "all"
	// PinPolicyNone pins nothing: Pin records nothing, and the node keeps only
	// what is uploaded to it or fetched on demand.
	PinPolicyNone PinPolicy = "none"
)

// Defaults used by DefaultConfig. The listen port is not IPFS's 4001, so a
// kubo daemon on the same machine does not collide with the node.
const (
	DefaultListenPort       = 4801
	DefaultMaxBlobSize      = 32 << 20 // 32 MiB
	DefaultFetchConcurrency = 8
	DefaultFetchTimeout     = 2 * time.Minute
	DefaultGatewayTimeout   = 5 * time.Second
	DefaultFetchRetries     = 5
	DefaultRetryBackoff     = 5 * time.Second
	DefaultGossipRateLimit  = 20.0
	DefaultGossipBurst      = 100
	DefaultDataDir          = "data/ipfs"
	DefaultIdentityKeyFile  = "config/p2p_identity.key"
)

// Config configures a Node. It is meant to live in app.toml under [p2p]: the
// mapstructure tags are the keys viper reads, durations are strings such as
// "30s", and sizes are bytes.
type Config struct {
	// ChainID scopes the gossip topics (/socialchain/<chain-id>/...) and is
	// checked in every gossip message. Usually taken from genesis.
	ChainID string `mapstructure:"chain-id" toml:"chain-id" json:"chain_id"`

	// ListenAddrs are the libp2p multiaddrs to listen on, TCP and QUIC.
	ListenAddrs []string `mapstructure:"listen-addrs" toml:"listen-addrs" json:"listen_addrs"`

	// BootstrapPeers are multiaddrs with a /p2p/<peer-id> suffix. The node
	// keeps connections to them open, redialling with back-off.
	BootstrapPeers []string `mapstructure:"bootstrap-peers" toml:"bootstrap-peers" json:"bootstrap_peers"`

	// DataDir holds the blockstore (flatfs, blocks/) and the datastore
	// (leveldb, datastore/: pins and other metadata).
	DataDir string `mapstructure:"data-dir" toml:"data-dir" json:"data_dir"`

	// IdentityKeyFile holds the node's libp2p private key (Ed25519, created
	// on first start and reused after, so the peer id is stable).
	IdentityKeyFile string `mapstructure:"identity-key-file" toml:"identity-key-file" json:"identity_key_file"`

	// PinPolicy is "all" or "none".
	PinPolicy PinPolicy `mapstructure:"pin-policy" toml:"pin-policy" json:"pin_policy"`

	// MaxBlobSize is the largest upload in bytes, and the largest UnixFS file
	// the node pins for others.
	MaxBlobSize int64 `mapstructure:"max-blob-size" toml:"max-blob-size" json:"max_blob_size"`

	// GossipEnabled joins the gossipsub topics. When false the node still
	// serves and fetches content over bitswap but neither sends nor receives
	// announcements.
	GossipEnabled bool `mapstructure:"gossip-enabled" toml:"gossip-enabled" json:"gossip_enabled"`

	// GossipRateLimit is how many announcements per second one peer may
	// author before the rest are ignored; GossipBurst is its bucket size.
	GossipRateLimit float64 `mapstructure:"gossip-rate-limit" toml:"gossip-rate-limit" json:"gossip_rate_limit"`
	GossipBurst     int     `mapstructure:"gossip-burst" toml:"gossip-burst" json:"gossip_burst"`

	// FetchConcurrency bounds how many DAGs are fetched at once for pins, and
	// separately how many for gossip prefetches.
	FetchConcurrency int `mapstructure:"fetch-concurrency" toml:"fetch-concurrency" json:"fetch_concurrency"`

	// FetchTimeout bounds one attempt to fetch a whole DAG.
	FetchTimeout time.Duration `mapstructure:"fetch-timeout" toml:"fetch-timeout" json:"fetch_timeout"`

	// GatewayTimeout bounds how long GET /ipfs/{cid} waits for a peer to
	// provide content the node lacks before answering 504, and then the gap
	// between two writes of the answer. Short, unlike FetchTimeout: a reader
	// is waiting, and content no peer has would otherwise hold the request.
	GatewayTimeout time.Duration `mapstructure:"gateway-timeout" toml:"gateway-timeout" json:"gateway_timeout"`

	// FetchRetries is how many more attempts a failed pin fetch gets before
	// the pin is marked failed. RetryBackoff is the wait before the first
	// retry; it doubles with each one, up to MaxRetryBackoff.
	FetchRetries int           `mapstructure:"fetch-retries" toml:"fetch-retries" json:"fetch_retries"`
	RetryBackoff time.Duration `mapstructure:"retry-backoff" toml:"retry-backoff" json:"retry_backoff"`
}

// MaxRetryBackoff caps the doubling of Config.RetryBackoff.
const MaxRetryBackoff = 10 * time.Minute

// DefaultConfig returns the development defaults: loopback listeners, pin
// everything, gossip on. Paths are relative; see ResolvePaths.
func DefaultConfig() Config {
	return Config{
		ListenAddrs: []string{
			fmt.Sprintf("/ip4/127.0.0.1/tcp/%d", DefaultListenPort),
			fmt.Sprintf("/ip4/127.0.0.1/udp/%d/quic-v1", DefaultListenPort),
		},
		BootstrapPeers:   []string{},
		DataDir:          DefaultDataDir,
		IdentityKeyFile:  DefaultIdentityKeyFile,
		PinPolicy:        PinPolicyAll,
		MaxBlobSize:      DefaultMaxBlobSize,
		GossipEnabled:    true,
		GossipRateLimit:  DefaultGossipRateLimit,
		GossipBurst:      DefaultGossipBurst,
		FetchConcurrency: DefaultFetchConcurrency,
		FetchTimeout:     DefaultFetchTimeout,
		GatewayTimeout:   DefaultGatewayTimeout,
		FetchRetries:     DefaultFetchRetries,
		RetryBackoff:     DefaultRetryBackoff,
	}
}

// ResolvePaths returns a copy of c whose relative DataDir and
// IdentityKeyFile are joined to home (the node's home directory).
func (c Config) ResolvePaths(home string) Config {
	if c.DataDir != "" && !filepath.IsAbs(c.DataDir) {
		c.DataDir = filepath.Join(home, c.DataDir)
	}
	if c.IdentityKeyFile != "" && !filepath.IsAbs(c.IdentityKeyFile) {
		c.IdentityKeyFile = filepath.Join(home, c.IdentityKeyFile)
	}
	return c
}

// Validate checks every field and names the first bad one by its app.toml key.
func (c Config) Validate() error {
	if c.ChainID == "" {
		return errors.New("p2p config: chain-id must be set")
	}
	if strings.ContainsAny(c.ChainID, "/ \t\n") {
		return fmt.Errorf("p2p config: chain-id %q must not contain '/' or whitespace", c.ChainID)
	}
	if len(c.ListenAddrs) == 0 {
		return errors.New("p2p config: listen-addrs must have at least one multiaddr")
	}
	for _, s := range c.ListenAddrs {
		if _, err := ma.NewMultiaddr(s); err != nil {
			return fmt.Errorf("p2p config: listen-addrs: %q is not a multiaddr: %w", s, err)
		}
	}
	if _, err := parseBootstrapPeers(c.BootstrapPeers); err != nil {
		return fmt.Errorf("p2p config: bootstrap-peers: %w", err)
	}
	if c.DataDir == "" {
		return errors.New("p2p config: data-dir must be set")
	}
	if c.IdentityKeyFile == "" {
		return errors.New("p2p config: identity-key-file must be set")
	}
	switch c.PinPolicy {
	case PinPolicyAll, PinPolicyNone:
	default:
		return fmt.Errorf("p2p config: pin-policy must be %q or %q, got %q", PinPolicyAll, PinPolicyNone, c.PinPolicy)
	}
	if c.MaxBlobSize <= 0 {
		return fmt.Errorf("p2p config: max-blob-size must be positive, got %d", c.MaxBlobSize)
	}
	if c.GossipRateLimit <= 0 {
		return fmt.Errorf("p2p config: gossip-rate-limit must be positive, got %v", c.GossipRateLimit)
	}
	if c.GossipBurst <= 0 {
		return fmt.Errorf("p2p config: gossip-burst must be positive, got %d", c.GossipBurst)
	}
	if c.FetchConcurrency <= 0 {
		return fmt.Errorf("p2p config: fetch-concurrency must be positive, got %d", c.FetchConcurrency)
	}
	if c.FetchTimeout <= 0 {
		return fmt.Errorf("p2p config: fetch-timeout must be positive, got %s", c.FetchTimeout)
	}
	if c.GatewayTimeout <= 0 {
		return fmt.Errorf("p2p config: gateway-timeout must be positive, got %s", c.GatewayTimeout)
	}
	if c.FetchRetries < 0 {
		return fmt.Errorf("p2p config: fetch-retries must not be negative, got %d", c.FetchRetries)
	}
	if c.RetryBackoff <= 0 {
		return fmt.Errorf("p2p config: retry-backoff must be positive, got %s", c.RetryBackoff)
	}
	return nil
}

// parseBootstrapPeers turns multiaddrs with a /p2p/ suffix into one AddrInfo
// per peer, merging addresses of the same peer.
func parseBootstrapPeers(addrs []string) ([]peer.AddrInfo, error) {
	mas := make([]ma.Multiaddr, 0, len(addrs))
	for _, s := range addrs {
		m, err := ma.NewMultiaddr(s)
		if err != nil {
			return nil, fmt.Errorf("%q is not a multiaddr: %w", s, err)
		}
		if _, err := m.ValueForProtocol(ma.P_P2P); err != nil {
			return nil, fmt.Errorf("%q has no /p2p/<peer-id> suffix", s)
		}
		mas = append(mas, m)
	}
	infos, err := peer.AddrInfosFromP2pAddrs(mas...)
	if err != nil {
		return nil, err
	}
	return infos, nil
}
