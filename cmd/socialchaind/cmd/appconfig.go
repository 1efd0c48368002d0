package cmd

import (
	"fmt"

	"github.com/spf13/viper"

	serverconfig "github.com/cosmos/cosmos-sdk/server/config"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"

	"github.com/socialchain/socialchain/p2p"
)

// appConfig is app.toml: the SDK's sections plus [p2p] and [settlement].
type appConfig struct {
	serverconfig.Config `mapstructure:",squash"`
	P2P                 p2pAppConfig        `mapstructure:"p2p"`
	Settlement          settlementAppConfig `mapstructure:"settlement"`
}

// settlementAppConfig is the [settlement] section: an embedded relayer.
type settlementAppConfig struct {
	Relay          bool   `mapstructure:"relay"`
	L1RPC          string `mapstructure:"l1-rpc"`
	RelayerKeyFile string `mapstructure:"relayer-key-file"`
}

// p2pAppConfig is the [p2p] section: the content node's config and
// whether `start` runs it at all.
type p2pAppConfig struct {
	Enable     bool `mapstructure:"enable"`
	p2p.Config `mapstructure:",squash"`
}

const p2pConfigTemplate = `
###############################################################################
###                    Content node (IPFS + libp2p gossip)                  ###
###############################################################################

[p2p]

# Run the content node next to CometBFT: IPFS blockstore, bitswap, gossip,
# pin-on-commit and the /ipfs and /socialchain/content REST routes.
enable = {{ .P2P.Enable }}

# libp2p listen multiaddrs (TCP and QUIC).
listen-addrs = [{{ range $i, $a := .P2P.ListenAddrs }}{{ if $i }}, {{ end }}"{{ $a }}"{{ end }}]

# Peers to keep connected, as multiaddrs ending in /p2p/<peer-id>.
bootstrap-peers = [{{ range $i, $a := .P2P.BootstrapPeers }}{{ if $i }}, {{ end }}"{{ $a }}"{{ end }}]

# Blockstore and pin database, relative to the node home.
data-dir = "{{ .P2P.DataDir }}"

# The node's libp2p identity (created on first start), relative to the home.
identity-key-file = "{{ .P2P.IdentityKeyFile }}"

# "all" pins every CID committed posts and profiles reference; "none" pins nothing.
pin-policy = "{{ .P2P.PinPolicy }}"

# Largest upload and largest file pinned for others, in bytes.
max-blob-size = {{ .P2P.MaxBlobSize }}

# Join the gossipsub topics (content and post announcements).
gossip-enabled = {{ .P2P.GossipEnabled }}
gossip-rate-limit = {{ .P2P.GossipRateLimit }}
gossip-burst = {{ .P2P.GossipBurst }}

# Pin fetching: parallel fetches, timeout per fetch, retries with doubling back-off.
fetch-concurrency = {{ .P2P.FetchConcurrency }}
fetch-timeout = "{{ .P2P.FetchTimeout }}"
fetch-retries = {{ .P2P.FetchRetries }}
retry-backoff = "{{ .P2P.RetryBackoff }}"

# How long GET /ipfs/{cid} waits for a peer to provide content this node
# lacks before answering 504 (and then the longest gap between two writes).
gateway-timeout = "{{ .P2P.GatewayTimeout }}"

###############################################################################
###                     Settlement relayer (optional)                       ###
###############################################################################

[settlement]

# Relay this chain's final checkpoints to the L1 contract named by the
# chain's l1_contract param. Any node may relay; several relayers are safe.
relay = {{ .Settlement.Relay }}

# L1 JSON-RPC endpoint.
l1-rpc = "{{ .Settlement.L1RPC }}"

# L1 account that pays for relaying, as {"private_key": "0x…"}; relative to the home.
relayer-key-file = "{{ .Settlement.RelayerKeyFile }}"
`

// defaultAppConfig is what `init`, `dev` and `testnet` write to app.toml.
func defaultAppConfig() appConfig {
	cfg := serverconfig.DefaultConfig()
	cfg.MinGasPrices = publicMinGasPrices
	p2pCfg := p2p.DefaultConfig()
	// Uploads go through the REST server, whose body limit must admit the
	// largest blob (plus multipart overhead).
	cfg.API.RPCMaxBodyBytes = uint(p2pCfg.MaxBlobSize + 1<<20)
	// The IAVL fast-node index costs a write per changed key at commit and
	// a disk read per missing key; a lane block writes and misses (replay
	// checks) tens of thousands, and without the index the lane committed
	// 31% more posts/s (docs/benchmarks.md). Reads walk the cached tree.
	cfg.IAVLDisableFastNode = true
	return appConfig{
		Config:     *cfg,
		P2P:        p2pAppConfig{Enable: true, Config: p2pCfg},
		Settlement: settlementAppConfig{L1RPC: "http://127.0.0.1:8545", RelayerKeyFile: "config/relayer_key.json"},
	}
}

// p2pConfigFrom reads [p2p] from app.toml, with paths resolved against the
// home and the chain id taken from genesis.
func p2pConfigFrom(v *viper.Viper, home, genesisFile string) (p2p.Config, bool, error) {
	cfg := p2pAppConfig{Config: p2p.DefaultConfig()}
	if err := v.UnmarshalKey("p2p", &cfg); err != nil {
		return p2p.Config{}, false, fmt.Errorf("app.toml [p2p]: %w", err)
	}
	if !cfg.Enable {
		return p2p.Config{}, false, nil
	}
	genesis, err := genutiltypes.AppGenesisFromFile(genesisFile)
	if err != nil {
		return p2p.Config{}, false, err
	}
	out := cfg.Config.ResolvePaths(home)
	out.ChainID = genesis.ChainID
	if err := out.Validate(); err != nil {
		return p2p.Config{}, false, fmt.Errorf("app.toml [p2p]: %w", err)
	}
	return out, true, nil
}
