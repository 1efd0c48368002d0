package cmd

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"os/signal"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/spf13/cobra"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/grpc/cmtservice"
	"github.com/cosmos/cosmos-sdk/codec"

	settlementabci "github.com/socialchain/socialchain/x/settlement/abci"
	"github.com/socialchain/socialchain/x/settlement/relayer"
	settlementtypes "github.com/socialchain/socialchain/x/settlement/types"
)

const (
	flagL1RPC    = "l1-rpc"
	flagContract = "contract"
	flagKeyFile  = "key-file"
	flagGRPC     = "grpc-addr"
)

// SettlementCmd groups the L1 settlement tools: deploy and relay.
func SettlementCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "settlement", Short: "Deploy the L1 settlement contract and relay checkpoints to it", RunE: client.ValidateCmd}
	cmd.AddCommand(settlementDeployCmd(), settlementRelayCmd())
	defer silenceUsage(cmd)
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
	key, err := settlementabci.LoadSigningKey(keyFile)
	if err != nil {
		return nil, nil, nil, err
	}
	if key == nil {
		return nil, nil, nil, fmt.Errorf("--%s %s does not exist", flagKeyFile, keyFile)
	}
	l1, err := ethclient.DialContext(cmd.Context(), rpc)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("--%s %s: %w", flagL1RPC, rpc, err)
	}
	conn, err := dialChain(grpcAddr)
	if err != nil {
		l1.Close()
		return nil, nil, nil, err
	}
	return l1, conn, key, nil
}

func dialChain(addr string) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.ForceCodec(codec.NewProtoCodec(nil).GRPCCodec())))
}

func settlementDeployCmd() *cobra.Command {
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
			l1, conn, key, err := l1Setup(cmd)
			if err != nil {
				return err
			}
			defer l1.Close()
			defer conn.Close()
			addr, err := deployWithChainSet(cmd.Context(), l1, conn, key)
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

// deployWithChainSet waits for the chain's first signer set and deploys
// the contract with it.
func deployWithChainSet(ctx context.Context, l1 relayer.L1Client, conn *grpc.ClientConn, key *ecdsa.PrivateKey) (common.Address, error) {
	query := settlementtypes.NewQueryClient(conn)
	chainID, err := chainIDOf(ctx, conn)
	if err != nil {
		return common.Address{}, err
	}
	for {
		res, err := query.SignerSet(ctx, &settlementtypes.QuerySignerSetRequest{Nonce: 0})
		if err == nil {
			return relayer.Deploy(ctx, l1, key, chainID, res.SignerSet)
		}
		select {
		case <-ctx.Done():
			return common.Address{}, fmt.Errorf("waiting for the chain's first signer set: %w", errors.Join(ctx.Err(), err))
		case <-time.After(time.Second):
		}
	}
}

func settlementRelayCmd() *cobra.Command {
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
			if err := settlementtypes.ValidateEthAddress("--"+flagContract, contract); err != nil {
				return err
			}
			l1, conn, key, err := l1Setup(cmd)
			if err != nil {
				return err
			}
			defer l1.Close()
			defer conn.Close()
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			r, err := relayer.New(relayer.NewGRPCSource(settlementtypes.NewQueryClient(conn)), l1, common.HexToAddress(contract), key,
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

// chainIDOf asks a node for its chain id (from its latest block header).
func chainIDOf(ctx context.Context, conn *grpc.ClientConn) (string, error) {
	res, err := cmtservice.NewServiceClient(conn).GetLatestBlock(ctx, &cmtservice.GetLatestBlockRequest{})
	if err != nil {
		return "", fmt.Errorf("reading the chain id: %w", err)
	}
	return res.SdkBlock.Header.ChainID, nil
}
