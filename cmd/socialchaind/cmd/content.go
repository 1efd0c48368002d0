package cmd

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
	"golang.org/x/sync/errgroup"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/server"
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

// startContentNode is the start command's PostSetup: it brings up the
// content node when [p2p] enable is set, attaches it to the app, and stops
// it when the node shuts down.
func startContentNode(svrCtx *server.Context, _ client.Context, ctx context.Context, g *errgroup.Group) error {
	socialApp := startedApp.Load()
	if socialApp == nil {
		return nil
	}
	cfg, enabled, err := p2pConfigFrom(svrCtx.Viper, svrCtx.Config.RootDir, svrCtx.Config.GenesisFile())
	if err != nil || !enabled {
		return err
	}
	node, err := p2p.New(ctx, cfg, p2p.WithLogger(svrCtx.Logger.With("module", "p2p")))
	if err != nil {
		return fmt.Errorf("starting the content node: %w", err)
	}
	if err := socialApp.AttachContentNode(node); err != nil {
		_ = node.Close()
		return err
	}
	g.Go(func() error {
		<-ctx.Done()
		return node.Close()
	})
	return nil
}

// startNodeServices is the start command's PostSetup: the content node,
// when [settlement] relay is set the embedded relayer, and last the REST
// front door on [api] address (restfront.go).
func startNodeServices(svrCtx *server.Context, clientCtx client.Context, ctx context.Context, g *errgroup.Group) error {
	if err := startContentNode(svrCtx, clientCtx, ctx, g); err != nil {
		return err
	}
	if err := startEmbeddedRelayer(svrCtx, ctx, g); err != nil {
		return err
	}
	return startRESTFrontDoor(svrCtx, ctx, g)
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

// flagAPI names the REST server that serves the content API. It is not
// --node, which in every tx and query command is CometBFT RPC, nor --api,
// which the server's config handling would fill from app.toml's [api].
const flagAPI = "api-url"

// contentAPIFlag adds --api-url, the REST server that serves the content API.
func contentAPIFlag(cmd *cobra.Command) {
	cmd.Flags().String(flagAPI, "http://127.0.0.1:1317", "REST server (http://host:port) of a node running the content API")
}

// ContentCmd groups the commands that move bytes through a node's IPFS peer.
func ContentCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "content", Short: "Add and fetch content through a node's IPFS peer", RunE: client.ValidateCmd}
	defer silenceUsage(cmd)
	add := &cobra.Command{
		Use:     "add FILE",
		Short:   "Upload a file to the node, which imports it into IPFS and announces it; prints the CID",
		Example: "socialchaind content add photo.jpg",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			api, _ := cmd.Flags().GetString(flagAPI)
			res, err := uploadFile(cmd.Context(), api, args[0], cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			cmd.Println(res.CID)
			return nil
		},
	}
	contentAPIFlag(add)
	get := &cobra.Command{
		Use:     "get CID",
		Short:   "Fetch content by CID from the node's gateway",
		Example: "socialchaind content get bafy... -o photo.jpg",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			api, _ := cmd.Flags().GetString(flagAPI)
			out, _ := cmd.Flags().GetString("output-file")
			return downloadCID(cmd.Context(), api, args[0], out, cmd.OutOrStdout())
		},
	}
	contentAPIFlag(get)
	get.Flags().StringP("output-file", "o", "", "write to this file instead of stdout")
	cmd.AddCommand(add, get)
	return cmd
}

// P2PCmd shows the node's libp2p identity and peers.
func P2PCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "p2p", Short: "Show the content node's libp2p identity and peers", RunE: client.ValidateCmd}
	defer silenceUsage(cmd)
	id := &cobra.Command{
		Use:   "id",
		Short: "Print the node's peer id and multiaddrs",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			info, err := nodeInfo(cmd)
			if err != nil {
				return err
			}
			cmd.Println(info.PeerID)
			for _, a := range info.Addrs {
				cmd.Println(a)
			}
			return nil
		},
	}
	peers := &cobra.Command{
		Use:   "peers",
		Short: "List the node's connected peers",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			info, err := nodeInfo(cmd)
			if err != nil {
				return err
			}
			for _, p := range info.Peers {
				cmd.Printf("%s %s\n", p.ID, strings.Join(p.Addrs, " "))
			}
			return nil
		},
	}
	contentAPIFlag(id)
	contentAPIFlag(peers)
	cmd.AddCommand(id, peers)
	return cmd
}

// silenceUsage keeps a failed request from printing the usage text.
func silenceUsage(cmd *cobra.Command) {
	for _, c := range cmd.Commands() {
		c.SilenceUsage = true
	}
}

type nodeInfoJSON struct {
	PeerID string   `json:"peer_id"`
	Addrs  []string `json:"addrs"`
	Peers  []struct {
		ID    string   `json:"id"`
		Addrs []string `json:"addrs"`
	} `json:"peers"`
}

func nodeInfo(cmd *cobra.Command) (nodeInfoJSON, error) {
	api, _ := cmd.Flags().GetString(flagAPI)
	var info nodeInfoJSON
	req, err := http.NewRequestWithContext(cmd.Context(), http.MethodGet, strings.TrimRight(api, "/")+p2p.NodePath, nil)
	if err != nil {
		return info, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return info, err
	}
	defer resp.Body.Close()
	if err := checkStatus(resp); err != nil {
		return info, err
	}
	return info, json.NewDecoder(resp.Body).Decode(&info)
}

type uploadResult struct {
	CID  string `json:"cid"`
	Size int64  `json:"size"`
}

// uploadFile streams path to the node's blob endpoint, reporting progress
// on progress for files over a megabyte.
func uploadFile(ctx context.Context, api, path string, progress io.Writer) (uploadResult, error) {
	var res uploadResult
	f, err := os.Open(path)
	if err != nil {
		return res, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return res, err
	}
	var body io.Reader = f
	if st.Size() > 1<<20 {
		body = &progressReader{r: f, total: st.Size(), out: progress, name: filepath.Base(path)}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(api, "/")+p2p.BlobsPath, body)
	if err != nil {
		return res, err
	}
	req.ContentLength = st.Size()
	req.Header.Set("Content-Type", "application/octet-stream")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return res, err
	}
	defer resp.Body.Close()
	if err := checkStatus(resp); err != nil {
		return res, fmt.Errorf("uploading %s: %w", path, err)
	}
	return res, json.NewDecoder(resp.Body).Decode(&res)
}

func downloadCID(ctx context.Context, api, c, outPath string, stdout io.Writer) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(api, "/")+"/ipfs/"+c, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := checkStatus(resp); err != nil {
		return fmt.Errorf("fetching %s: %w", c, err)
	}
	out := stdout
	if outPath != "" {
		f, err := os.Create(outPath)
		if err != nil {
			return err
		}
		defer f.Close()
		out = f
	}
	_, err = io.Copy(out, resp.Body)
	return err
}

// checkStatus turns a non-2xx response into an error carrying its body.
func checkStatus(resp *http.Response) error {
	if resp.StatusCode/100 == 2 {
		return nil
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	return fmt.Errorf("%s: %s", resp.Status, bytes.TrimSpace(body))
}

// progressReader prints upload progress every 10%.
type progressReader struct {
	r           io.Reader
	total, done int64
	lastPct     int64
	out         io.Writer
	name        string
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.done += int64(n)
	if pct := p.done * 100 / p.total; pct >= p.lastPct+10 || (err == io.EOF && pct != p.lastPct) {
		p.lastPct = pct
		fmt.Fprintf(p.out, "%s: %d%% (%d / %d bytes)\n", p.name, pct, p.done, p.total)
	}
	return n, err
}

// attachmentFor describes an uploaded file as a post attachment.
func attachmentFor(path string, res uploadResult) (string, error) {
	mt := mime.TypeByExtension(filepath.Ext(path))
	if mt == "" {
		mt = "application/octet-stream"
	}
	if i := strings.IndexByte(mt, ';'); i >= 0 {
		mt = mt[:i]
	}
	bz, err := json.Marshal(map[string]any{"cid": res.CID, "mime_type": mt, "size_bytes": fmt.Sprint(res.Size)})
	return string(bz), err
}

// addAttachFlag gives `tx posts create` an --attach flag: each file is
// uploaded to the node first and added as an attachment.
func addAttachFlag(rootCmd *cobra.Command) {
	create, _, err := rootCmd.Find([]string{"tx", "posts", "create"})
	if err != nil || create == nil || create.Name() != "create" {
		return
	}
	create.Flags().StringSlice("attach", nil, "files to upload to the node's IPFS peer and attach (repeatable)")
	create.Flags().String(flagAPI, "http://127.0.0.1:1317", "REST server (http://host:port) that receives the --attach uploads (--node is CometBFT RPC)")
	inner := create.RunE
	create.RunE = func(cmd *cobra.Command, args []string) error {
		files, _ := cmd.Flags().GetStringSlice("attach")
		api, _ := cmd.Flags().GetString(flagAPI)
		for _, f := range files {
			ctx, cancel := context.WithTimeout(cmd.Context(), 10*time.Minute)
			res, err := uploadFile(ctx, api, f, cmd.ErrOrStderr())
			cancel()
			if err != nil {
				return err
			}
			att, err := attachmentFor(f, res)
			if err != nil {
				return err
			}
			if err := cmd.Flags().Set("attachments", att); err != nil {
				return fmt.Errorf("attaching %s: %w", f, err)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "uploaded %s as %s\n", f, res.CID)
		}
		return inner(cmd, args)
	}
}
