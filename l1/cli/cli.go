// Package cli is `socialchaind settlement`: deploy the L1 contract, relay
// checkpoints to it, and prove and verify a record against it; and the
// relayer a node embeds when app.toml's [settlement] asks for one. cmd only
// adds these commands; the app supplies the record kinds proofs cover.
package cli

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io/fs"
	"os/signal"
	"syscall"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"
	"google.golang.org/grpc"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/client"

	"github.com/socialchain/socialchain/internal/ethkey"
	"github.com/socialchain/socialchain/l1/proof"
	"github.com/socialchain/socialchain/l1/relayer"
	"github.com/socialchain/socialchain/x/settlement/types"
)

const (
	flagL1RPC    = "l1-rpc"
	flagContract = "contract"
	flagKeyFile  = "key-file"
	flagGRPC     = "grpc-addr"
)

// NewSettlementCmd groups the L1 settlement tools: deploy, relay, prove
// and verify. kinds are the record kinds prove and verify know.
func NewSettlementCmd(kinds proof.Kinds) *cobra.Command {
	cmd := &cobra.Command{Use: "settlement", Short: "Deploy the L1 settlement contract and relay checkpoints to it", RunE: client.ValidateCmd}
	cmd.AddCommand(deployCmd(), relayCmd(), proveCmd(kinds), verifyCmd(kinds))
	return cmd
}

func addL1Flags(cmd *cobra.Command) {
	cmd.Flags().String(flagL1RPC, "http://127.0.0.1:8545", "L1 JSON-RPC endpoint")
	cmd.Flags().String(flagKeyFile, "", `L1 account key, as {"private_key": "0x…"} JSON (the format of config/settlement_key.json)`)
	cmd.Flags().String(flagGRPC, "127.0.0.1:9090", "gRPC endpoint of a socialchain node")
}

// l1Setup reads the common flags and connects to the L1 and the chain.
func l1Setup(cmd *cobra.Command) (*ethclient.Client, *grpc.ClientConn, *ecdsa.PrivateKey, error) {
	rpc, _ := cmd.Flags().GetString(flagL1RPC)
	keyFile, _ := cmd.Flags().GetString(flagKeyFile)
	grpcAddr, _ := cmd.Flags().GetString(flagGRPC)
	if keyFile == "" {
		return nil, nil, nil, fmt.Errorf("--%s is required", flagKeyFile)
	}
	key, err := ethkey.Load(keyFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil, fmt.Errorf("--%s %s does not exist", flagKeyFile, keyFile)
	}
	if err != nil {
		return nil, nil, nil, err
	}
	l1c, err := ethclient.DialContext(cmd.Context(), rpc)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("--%s %s: %w", flagL1RPC, rpc, err)
	}
	conn, err := relayer.DialNode(grpcAddr)
	if err != nil {
		l1c.Close()
		return nil, nil, nil, err
	}
	return l1c, conn, key, nil
}

func deployCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "deploy",
		Short: "Deploy the settlement contract with the chain's first signer set; prints its address",
		Long: `Deploys SocialchainSettlement to the L1 with the chain's signer set 0 (the
set that signs checkpoint 1). Checkpoints are signed for the address in the
chain's l1_contract param, so deploy from the account and nonce that yield it,
or set the param (governance) to the printed address before the first epoch.`,
		Example: "socialchaind settlement deploy --l1-rpc http://127.0.0.1:8545 --key-file deployer.json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l1c, conn, key, err := l1Setup(cmd)
			if err != nil {
				return err
			}
			defer l1c.Close()
			defer conn.Close()
			addr, err := relayer.DeployFromChain(cmd.Context(), l1c, conn, key)
			if err != nil {
				return err
			}
			cmd.Println(addr.Hex())
			return nil
		},
	}
	addL1Flags(cmd)
	return cmd
}

func relayCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "relay",
		Short: "Relay final checkpoints to the L1 contract until stopped",
		Long: `Reads final checkpoints from a node's gRPC and submits them to the contract in
order. It keeps no state: it resumes from what the contract holds, several
relayers may run at once, and an unreachable L1 or node is retried with
back-off. Stop it with Ctrl-C.`,
		Example: "socialchaind settlement relay --l1-rpc http://127.0.0.1:8545 --contract 0x… --key-file relayer.json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			contract, _ := cmd.Flags().GetString(flagContract)
			if err := types.ValidateEthAddress("--"+flagContract, contract); err != nil {
				return err
			}
			l1c, conn, key, err := l1Setup(cmd)
			if err != nil {
				return err
			}
			defer l1c.Close()
			defer conn.Close()
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			r, err := relayer.New(relayer.NewGRPCSource(types.NewQueryClient(conn)), l1c, common.HexToAddress(contract), key,
				relayer.WithLogger(log.NewLogger(cmd.ErrOrStderr()).With("module", "relayer")))
			if err != nil {
				return err
			}
			return r.Run(ctx)
		},
	}
	addL1Flags(cmd)
	cmd.Flags().String(flagContract, "", "settlement contract address (0x…)")
	return cmd
}

// EmbeddedRelayer is the relayer a node runs inside `start`
// (app.toml [settlement] relay = true).
type EmbeddedRelayer struct {
	// L1RPC is the L1 JSON-RPC endpoint ([settlement] l1-rpc).
	L1RPC string
	// KeyFile is the relayer's L1 account key, an absolute path
	// ([settlement] relayer-key-file, relative to the node home).
	KeyFile string
	// NodeGRPC is this node's own gRPC server, where checkpoints are read.
	NodeGRPC string
	Logger   log.Logger
	// Started, if set, is called with the relayer once it runs, e.g. to
	// serve its status.
	Started func(*relayer.Relayer)
}

// StartEmbeddedRelayer checks e's key and endpoints and runs the relayer
// in g until ctx is done (relayer.RunForNode).
func StartEmbeddedRelayer(ctx context.Context, g *errgroup.Group, e EmbeddedRelayer) error {
	key, err := ethkey.Load(e.KeyFile)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("app.toml [settlement] relayer-key-file %s does not exist", e.KeyFile)
	}
	if err != nil {
		return fmt.Errorf("app.toml [settlement] relayer-key-file: %w", err)
	}
	l1c, err := ethclient.DialContext(ctx, e.L1RPC)
	if err != nil {
		return fmt.Errorf("app.toml [settlement] l1-rpc %s: %w", e.L1RPC, err)
	}
	conn, err := relayer.DialNode(e.NodeGRPC)
	if err != nil {
		l1c.Close()
		return err
	}
	g.Go(func() error {
		defer l1c.Close()
		defer conn.Close()
		return relayer.RunForNode(ctx, conn, l1c, key, e.Logger, e.Started)
	})
	return nil
}
