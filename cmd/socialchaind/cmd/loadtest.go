package cmd

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	rpchttp "github.com/cometbft/cometbft/rpc/client/http"
	"github.com/spf13/cobra"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/app"
	"github.com/socialchain/socialchain/loadtest"
)

const (
	flagMix         = "mix"
	flagAccounts    = "accounts"
	flagRate        = "rate"
	flagDuration    = "duration"
	flagSenders     = "senders"
	flagJSON        = "json"
	flagLoadGRPC    = "grpc-endpoint"
	flagSeed        = "seed-mnemonic"
	flagFund        = "fund"
	flagPresign     = "presign"
	flagJSONOut     = "json-out"
	flagRebroadcast = "rebroadcast"
	// flagResultsGRPC picks where block results are read from.
	flagResultsGRPC = "results-grpc"
	// resultsOverRPC as --results-grpc reads CometBFT RPC's JSON instead.
	resultsOverRPC = "none"

	// defaultLaneGRPC is where the lane mix submits without --grpc-endpoint:
	// the dev chain's gRPC.
	defaultLaneGRPC = "127.0.0.1:9090"
)

// LoadtestCmd sends signed load to a running chain and reports what
// committed.
func LoadtestCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "loadtest",
		Short: "Send posts, a social mix, bank sends or lane messages to a chain and report throughput and latency",
		Long: `Derives --accounts load accounts from --seed-mnemonic (HD indexes 0..N-1, so
reruns reuse them), funds the ones that need it with one multi-send from
--from, creates missing profiles, signs every tx offline, then broadcasts
for --duration at --rate tx/s (0 = as fast as the node accepts) over CometBFT
RPC (--node) or gRPC (--grpc-endpoint). It reads the committed blocks' headers
and results and reports offered and committed tx/s, submit-to-commit latency,
block interval, txs per block, mempool rejections and errors by kind, as a
table or as JSON (--json). Ctrl-C stops sending early and still reports.

Mixes: posts (MsgCreatePost, 140-rune text), mixed (posts, replies,
reactions, follows, each undone later in the cycle), bank (MsgSend, the
cheapest SDK tx: the reference ceiling), lane (140-rune posts as message-lane
messages signed by each account's app key, submitted with Lane/SubmitBatch
over --grpc-endpoint, default 127.0.0.1:9090; rates count messages).

The default seed is PUBLIC: use it on test chains only.`,
		Example: `socialchaind loadtest --mix posts --duration 30s --home ~/.socialchain-dev
socialchaind loadtest --mix bank --rate 200 --duration 1m --json
socialchaind loadtest --mix mixed --accounts 50 --grpc-endpoint 127.0.0.1:9090
socialchaind loadtest --mix lane --duration 30s --home ~/.socialchain-dev`,
		Args:         cobra.NoArgs,
		SilenceUsage: true,
		RunE:         runLoadtest,
	}
	f := cmd.Flags()
	f.String(flagMix, string(loadtest.MixPosts), fmt.Sprintf("tx mix, one of %v", loadtest.Mixes))
	f.Int(flagAccounts, 100, fmt.Sprintf("load accounts (1-%d)", loadtest.MaxAccounts))
	f.Float64(flagRate, 0, "target tx/s (lane: messages/s) over all senders; 0 sends as fast as the node accepts")
	f.Duration(flagDuration, 30*time.Second, "how long to send")
	f.Int(flagSenders, 0, "concurrent senders, each owning a disjoint set of accounts (0 = min(accounts, 16); lane: concurrent SubmitBatch calls, 0 = 4)")
	f.Bool(flagJSON, false, "print the report as JSON")
	f.String(flagJSONOut, "", "also write the report as JSON to this file")
	f.Bool(flagRebroadcast, false, "tx mixes: offer again what the node did not answer for or lost (a crashed node's mempool), in each account's sequence order; see docs/loadtest.md")
	// Not "--grpc": the server's config binding would fill it from
	// app.toml's [grpc] table.
	f.String(flagLoadGRPC, "", "broadcast over this gRPC address (host:port) instead of CometBFT RPC; the lane mix submits there (default "+defaultLaneGRPC+")")
	f.String(flagResultsGRPC, "", `read block results over this gRPC address (cmtservice GetBlockResults, protobuf), far cheaper for the node than CometBFT RPC's JSON /block_results; default --grpc-endpoint, or the lane's gRPC with --mix lane; "none" reads /block_results over --node`)
	f.String(flagSeed, loadtest.DefaultMnemonic, "mnemonic the load accounts derive from (the default is public)")
	f.String(flagFund, "1000000"+app.BondDenom, "balance each load account is topped up to")
	f.Int(flagPresign, 0, "txs to sign before the clock starts (0 = rate x duration, or 1500/s x duration at --rate 0)")
	f.String(flags.FlagNode, "tcp://127.0.0.1:26657", "CometBFT RPC of the node")
	f.String(flags.FlagChainID, "", "chain id (default: the node's)")
	f.String(flags.FlagFrom, DevKeyName, "funder key name in the keyring")
	f.String(flags.FlagKeyringBackend, "test", "keyring backend of the funder key")
	f.String(flags.FlagFees, "", "fee of every load tx, e.g. 10usocial (default none)")
	return cmd
}

func runLoadtest(cmd *cobra.Command, _ []string) error {
	f := cmd.Flags()
	mixName, _ := f.GetString(flagMix)
	mix, err := loadtest.ParseMix(mixName)
	if err != nil {
		return err
	}
	cfg := loadtest.Config{Mix: mix}
	cfg.Accounts, _ = f.GetInt(flagAccounts)
	cfg.Rate, _ = f.GetFloat64(flagRate)
	cfg.Duration, _ = f.GetDuration(flagDuration)
	cfg.Senders, _ = f.GetInt(flagSenders)
	cfg.Presign, _ = f.GetInt(flagPresign)
	cfg.Mnemonic, _ = f.GetString(flagSeed)
	cfg.Rebroadcast, _ = f.GetBool(flagRebroadcast)
	fund, _ := f.GetString(flagFund)
	if cfg.Fund, err = sdk.ParseCoinNormalized(fund); err != nil {
		return fmt.Errorf("--%s %q: %w", flagFund, fund, err)
	}
	if fees, _ := f.GetString(flags.FlagFees); fees != "" {
		if cfg.Fees, err = sdk.ParseCoinsNormalized(fees); err != nil {
			return fmt.Errorf("--%s %q: %w", flags.FlagFees, fees, err)
		}
	}
	if err := cfg.Validate(); err != nil {
		return err
	}

	clientCtx := client.GetClientContextFromCmd(cmd)
	node, _ := f.GetString(flags.FlagNode)
	// One kept-alive connection per sender: the default transport keeps
	// two and would open a new connection for most broadcasts.
	httpClient := &http.Client{
		Transport: &http.Transport{MaxIdleConnsPerHost: loadtest.MaxSenders, DisableCompression: true},
		Timeout:   30 * time.Second,
	}
	rpc, err := rpchttp.NewWithClient(node, "/websocket", httpClient)
	if err != nil {
		return fmt.Errorf("--%s %q: %w", flags.FlagNode, node, err)
	}
	clientCtx = clientCtx.WithClient(rpc).WithNodeURI(node)
	chainID, _ := f.GetString(flags.FlagChainID)
	clientCtx = clientCtx.WithChainID(chainID)
	from, _ := f.GetString(flags.FlagFrom)

	chain := loadtest.Chain{Client: clientCtx, Funder: from, Broadcaster: loadtest.CometBroadcaster{RPC: rpc}, Log: cmd.ErrOrStderr()}
	// Txs go over gRPC only with --grpc-endpoint; lane messages always
	// do, to the dev chain's gRPC unless it says otherwise. Block results
	// are read over gRPC whenever there is a gRPC endpoint.
	grpcAddr, _ := f.GetString(flagLoadGRPC)
	laneAddr := grpcAddr
	if laneAddr == "" {
		laneAddr = defaultLaneGRPC
	}
	resultsAddr, _ := f.GetString(flagResultsGRPC)
	switch {
	case resultsAddr == resultsOverRPC:
		resultsAddr = ""
	case resultsAddr != "":
	case grpcAddr != "":
		resultsAddr = grpcAddr
	case mix.IsLane():
		resultsAddr = laneAddr
	}
	conns := map[string]*grpc.ClientConn{}
	dial := func(flag, addr string) (*grpc.ClientConn, error) {
		if c := conns[addr]; c != nil {
			return c, nil
		}
		c, err := grpc.NewClient(addr,
			grpc.WithTransportCredentials(insecure.NewCredentials()),
			grpc.WithDefaultCallOptions(grpc.ForceCodec(codec.NewProtoCodec(clientCtx.InterfaceRegistry).GRPCCodec())))
		if err != nil {
			return nil, fmt.Errorf("--%s %q: %w", flag, addr, err)
		}
		conns[addr] = c
		return c, nil
	}
	defer func() {
		for _, c := range conns {
			_ = c.Close()
		}
	}()
	if grpcAddr != "" {
		conn, err := dial(flagLoadGRPC, grpcAddr)
		if err != nil {
			return err
		}
		chain.Broadcaster = loadtest.GRPCBroadcaster{Conn: conn}
	}
	if mix.IsLane() {
		conn, err := dial(flagLoadGRPC, laneAddr)
		if err != nil {
			return err
		}
		chain.Lane = loadtest.GRPCLane{Conn: conn}
	}
	if resultsAddr != "" {
		conn, err := dial(flagResultsGRPC, resultsAddr)
		if err != nil {
			return err
		}
		chain.Results = loadtest.GRPCResults{Conn: conn}
	}

	ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	report, err := loadtest.Run(ctx, cfg, chain)
	if err != nil {
		return err
	}
	bz, err := json.MarshalIndent(report, "", "  ")
	if err != nil {
		return err
	}
	if path, _ := f.GetString(flagJSONOut); path != "" {
		if err := os.WriteFile(path, append(bz, '\n'), 0o644); err != nil {
			return fmt.Errorf("--%s: %w", flagJSONOut, err)
		}
	}
	if asJSON, _ := f.GetBool(flagJSON); asJSON {
		_, err := fmt.Fprintf(cmd.OutOrStdout(), "%s\n", bz)
		return err
	}
	return report.WriteTable(cmd.OutOrStdout())
}
