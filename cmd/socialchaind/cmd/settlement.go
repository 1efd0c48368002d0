package cmd

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/grpc/cmtservice"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/server"

	"github.com/socialchain/socialchain/app"
	"github.com/socialchain/socialchain/internal/cliwait"
	"github.com/socialchain/socialchain/internal/ethkey"
	"github.com/socialchain/socialchain/l1/bindings"
	"github.com/socialchain/socialchain/l1/proof"
	"github.com/socialchain/socialchain/l1/relayer"
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
	cmd.AddCommand(settlementDeployCmd(), settlementRelayCmd(), settlementProveCmd(), settlementVerifyCmd())
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
	key, err := ethkey.Load(keyFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil, fmt.Errorf("--%s %s does not exist", flagKeyFile, keyFile)
	}
	if err != nil {
		return nil, nil, nil, err
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

func settlementProveCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "prove [post|profile] [id|address]",
		Short: "Write an inclusion proof of a post or profile against its checkpoint",
		Long: `Finds the checkpoint whose settlement tree holds the latest version of the
post or profile and writes a JSON proof: the value, its ICS-23 proof from the
module store to the checkpoint's app hash, and its Merkle proof to the
checkpoint's settlement root. Check it against the L1 with 'settlement verify'.`,
		Example: `socialchaind settlement prove post 1 --proof-file proof.json
socialchaind settlement prove post 1 --wait --proof-file proof.json   # waits until its checkpoint is on the L1`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientQueryContext(cmd)
			if err != nil {
				return err
			}
			if wait, _ := cmd.Flags().GetBool(cliwait.FlagWait); wait {
				if err := waitUntilOnL1(cmd, clientCtx, args[0], args[1]); err != nil {
					return err
				}
			}
			p, err := buildProof(cmd.Context(), clientCtx, args[0], args[1])
			if err != nil {
				return err
			}
			bz, err := p.Marshal()
			if err != nil {
				return err
			}
			out, _ := cmd.Flags().GetString("proof-file")
			if out == "" {
				cmd.Println(string(bz))
				return nil
			}
			if err := os.WriteFile(out, bz, 0o644); err != nil {
				return err
			}
			cmd.Printf("wrote the proof of %s %s (checkpoint %d, height %d) to %s\n", p.Kind, p.Key, p.Checkpoint, p.Height, out)
			return nil
		},
	}
	flags.AddQueryFlagsToCmd(cmd)
	cmd.Flags().String("proof-file", "", "write the proof here instead of stdout")
	cliwait.AddFlags(cmd, false, "wait until the record's checkpoint is on the L1 contract (at most --wait-timeout), then write the proof", proveWaitTimeout)
	cmd.Flags().String(flagL1RPC, "http://127.0.0.1:8545", "L1 JSON-RPC endpoint that --wait watches")
	cmd.Flags().String(flagContract, "", "settlement contract address (0x…) that --wait watches (default: the chain's l1_contract param)")
	return cmd
}

// proveWaitTimeout bounds `prove --wait`: the record's epoch has to close
// and its checkpoint be signed, then relayed (about 20 s on the dev chain).
const proveWaitTimeout = 5 * time.Minute

// waitUntilOnL1 waits until the checkpoint that holds the latest version
// of (kind, key) is on the L1 contract, within --wait-timeout overall.
func waitUntilOnL1(cmd *cobra.Command, clientCtx client.Context, kind, key string) error {
	ctx := cmd.Context()
	timeout, _ := cmd.Flags().GetDuration(cliwait.FlagWaitTimeout)
	deadline := time.Now().Add(timeout)
	query := settlementtypes.NewQueryClient(clientCtx)
	var number uint64
	err := cliwait.Poll(ctx, timeout, func() (bool, error) {
		rec, err := query.RecordProof(ctx, &settlementtypes.QueryRecordProofRequest{Kind: kind, Key: key})
		if err != nil {
			return false, err
		}
		number = rec.Checkpoint
		return number != 0, nil
	})
	if errors.Is(err, cliwait.ErrTimeout) {
		return fmt.Errorf("%s %s is not in a checkpoint after %s: its epoch is still open", kind, key, timeout)
	}
	if err != nil {
		return err
	}

	contract, _ := cmd.Flags().GetString(flagContract)
	if contract == "" {
		res, err := query.Params(ctx, &settlementtypes.QueryParamsRequest{})
		if err != nil {
			return fmt.Errorf("reading the chain's l1_contract param: %w", err)
		}
		if contract = res.Params.L1Contract; contract == "" {
			return fmt.Errorf("the chain has no l1_contract param; pass --%s", flagContract)
		}
	}
	if err := settlementtypes.ValidateEthAddress("--"+flagContract, contract); err != nil {
		return err
	}
	rpc, _ := cmd.Flags().GetString(flagL1RPC)
	l1c, err := ethclient.DialContext(ctx, rpc)
	if err != nil {
		return fmt.Errorf("--%s %s: %w", flagL1RPC, rpc, err)
	}
	defer l1c.Close()
	cmd.PrintErrf("%s %s is in checkpoint %d; waiting for it on the L1 contract %s…\n", kind, key, number, contract)
	var last uint64
	var lastErr error
	err = cliwait.Poll(ctx, time.Until(deadline), func() (bool, error) {
		last, lastErr = l1LastCheckpoint(ctx, l1c, common.HexToAddress(contract))
		return lastErr == nil && last >= number, nil
	})
	if errors.Is(err, cliwait.ErrTimeout) {
		if lastErr != nil {
			return fmt.Errorf("checkpoint %d is not on the L1 after %s: %w", number, timeout, lastErr)
		}
		return fmt.Errorf("checkpoint %d is not on the L1 after %s: the L1 holds up to checkpoint %d (is a relayer running?)", number, timeout, last)
	}
	return err
}

// errNoContract says there is no contract code at the settlement address:
// not deployed yet (dev deploys it after the first block), or a wrong
// --contract.
var errNoContract = errors.New("no contract deployed at that address")

// l1LastCheckpoint returns the newest checkpoint number the settlement
// contract holds.
func l1LastCheckpoint(ctx context.Context, l1c *ethclient.Client, contract common.Address) (uint64, error) {
	code, err := l1c.CodeAt(ctx, contract, nil)
	if err != nil {
		return 0, fmt.Errorf("reading the L1: %w", err)
	}
	if len(code) == 0 {
		return 0, fmt.Errorf("%s: %w", contract.Hex(), errNoContract)
	}
	abi := bindings.NewSocialchainSettlement()
	out, err := l1c.CallContract(ctx, ethereum.CallMsg{To: &contract, Data: abi.PackLastCheckpointNumber()}, nil)
	if err != nil {
		return 0, fmt.Errorf("reading lastCheckpointNumber of %s: %w", contract.Hex(), err)
	}
	return abi.UnpackLastCheckpointNumber(out)
}

// buildProof assembles the proof of (kind, key) from a node.
func buildProof(ctx context.Context, clientCtx client.Context, kind, key string) (proof.Proof, error) {
	loc, err := app.SettlementRecordKinds().Locate(kind, key)
	if err != nil {
		return proof.Proof{}, err
	}
	store, storeKey := loc.Store, loc.Key
	query := settlementtypes.NewQueryClient(clientCtx)
	rec, err := query.RecordProof(ctx, &settlementtypes.QueryRecordProofRequest{Kind: kind, Key: key})
	if err != nil {
		return proof.Proof{}, err
	}
	if rec.Checkpoint == 0 {
		return proof.Proof{}, fmt.Errorf("%s %s is not checkpointed yet: its epoch is still open; try again after the next checkpoint, or pass --wait", kind, key)
	}
	cp, err := query.Checkpoint(ctx, &settlementtypes.QueryCheckpointRequest{Epoch: rec.Checkpoint})
	if err != nil {
		return proof.Proof{}, err
	}
	height := cp.Checkpoint.Checkpoint.Height
	res, err := clientCtx.QueryABCI(abci.RequestQuery{Path: "/store/" + store + "/key", Data: storeKey, Height: height, Prove: true})
	if err != nil {
		return proof.Proof{}, fmt.Errorf("querying %s at height %d: %w", store, height, err)
	}
	if len(res.Value) == 0 {
		return proof.Proof{}, fmt.Errorf("%s %s does not exist at height %d", kind, key, height)
	}
	p := proof.Proof{
		Kind: kind, Key: key, Checkpoint: rec.Checkpoint, Height: height,
		Store: store, StoreKey: storeKey, Value: res.Value, StoreProof: res.ProofOps,
		Leaf: common.BytesToHash(rec.Record.Leaf),
	}
	for _, h := range rec.MerkleProof {
		p.MerkleProof = append(p.MerkleProof, common.BytesToHash(h))
	}
	return p, nil
}

func settlementVerifyCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "verify PROOF.json",
		Short: "Check an inclusion proof against the roots stored on the L1",
		Long: `Reads the checkpoint's app hash and settlement root from the L1 contract and
checks the proof against them, and asks the contract itself to verify the
record's Merkle proof. Prints one of:

  valid: ...                 exit status 0
  invalid: <reason>          exit status 1 (also for a proof file or L1 that cannot be read)
  not on the L1 yet: ...     exit status 2: the contract does not hold the proof's
                             checkpoint yet (or is not deployed yet); try again later`,
		Example: "socialchaind settlement verify proof.json --l1-rpc http://127.0.0.1:8545 --contract 0x…",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			rpc, _ := cmd.Flags().GetString(flagL1RPC)
			contract, _ := cmd.Flags().GetString(flagContract)
			if err := settlementtypes.ValidateEthAddress("--"+flagContract, contract); err != nil {
				return err
			}
			bz, err := os.ReadFile(args[0])
			if err != nil {
				return err
			}
			var p proof.Proof
			if err := json.Unmarshal(bz, &p); err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			l1c, err := ethclient.DialContext(cmd.Context(), rpc)
			if err != nil {
				return err
			}
			defer l1c.Close()
			last, err := l1LastCheckpoint(cmd.Context(), l1c, common.HexToAddress(contract))
			if errors.Is(err, errNoContract) {
				cmd.Printf("not on the L1 yet: %s\n", err)
				return exitStatus(exitNotOnL1Yet, fmt.Errorf("checkpoint %d is not on the L1 yet", p.Checkpoint))
			}
			if err != nil {
				return err
			}
			if p.Checkpoint > last {
				cmd.Printf("not on the L1 yet: the proof is for checkpoint %d, the L1 holds up to checkpoint %d\n", p.Checkpoint, last)
				return exitStatus(exitNotOnL1Yet, fmt.Errorf("checkpoint %d is not on the L1 yet", p.Checkpoint))
			}
			reason := verifyOnL1(cmd.Context(), l1c, common.HexToAddress(contract), p)
			if reason != nil {
				cmd.Printf("invalid: %s\n", reason)
				return errors.New("the proof is invalid")
			}
			cmd.Printf("valid: %s %s is in checkpoint %d (height %d) stored on the L1\n", p.Kind, p.Key, p.Checkpoint, p.Height)
			return nil
		},
	}
	cmd.Flags().String(flagL1RPC, "http://127.0.0.1:8545", "L1 JSON-RPC endpoint")
	cmd.Flags().String(flagContract, "", "settlement contract address (0x…)")
	return cmd
}

// exitNotOnL1Yet is the exit status of `settlement verify` when the L1
// does not hold the proof's checkpoint yet, to tell "later" from
// "invalid" (1) in scripts.
const exitNotOnL1Yet = 2

// verifyOnL1 checks p against the checkpoint the contract stores and asks
// the contract to verify the record; nil means valid.
func verifyOnL1(ctx context.Context, l1c *ethclient.Client, contract common.Address, p proof.Proof) error {
	abi := bindings.NewSocialchainSettlement()
	out, err := l1c.CallContract(ctx, ethereum.CallMsg{To: &contract, Data: abi.PackCheckpointAt(p.Checkpoint)}, nil)
	if err != nil {
		return fmt.Errorf("checkpoint %d is not on the L1 contract %s: %w", p.Checkpoint, contract, err)
	}
	stored, err := abi.UnpackCheckpointAt(out)
	if err != nil {
		return err
	}
	if err := app.SettlementRecordKinds().Verify(p, stored.AppHash, stored.SettlementRoot); err != nil {
		return err
	}
	out, err = l1c.CallContract(ctx, ethereum.CallMsg{To: &contract, Data: abi.PackVerifyRecord(p.Checkpoint, p.Leaf, p.Siblings())}, nil)
	if err != nil {
		return fmt.Errorf("the contract's verifyRecord failed: %w", err)
	}
	ok, err := abi.UnpackVerifyRecord(out)
	if err != nil {
		return err
	}
	if !ok {
		return errors.New("the contract's verifyRecord refuses the record")
	}
	return nil
}

// startEmbeddedRelayer runs a relayer inside `start` when app.toml asks
// for it, reading checkpoints from this node's own gRPC server.
func startEmbeddedRelayer(svrCtx *server.Context, ctx context.Context, g *errgroup.Group) error {
	var cfg settlementAppConfig
	if err := svrCtx.Viper.UnmarshalKey("settlement", &cfg); err != nil {
		return fmt.Errorf("app.toml [settlement]: %w", err)
	}
	if !cfg.Relay {
		return nil
	}
	keyFile := cfg.RelayerKeyFile
	if !filepath.IsAbs(keyFile) {
		keyFile = filepath.Join(svrCtx.Config.RootDir, keyFile)
	}
	key, err := ethkey.Load(keyFile)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("app.toml [settlement] relayer-key-file %s does not exist", keyFile)
	}
	if err != nil {
		return fmt.Errorf("app.toml [settlement] relayer-key-file: %w", err)
	}
	l1c, err := ethclient.DialContext(ctx, cfg.L1RPC)
	if err != nil {
		return fmt.Errorf("app.toml [settlement] l1-rpc %s: %w", cfg.L1RPC, err)
	}
	conn, err := dialChain(svrCtx.Viper.GetString("grpc.address"))
	if err != nil {
		l1c.Close()
		return err
	}
	logger := svrCtx.Logger.With("module", "relayer")
	g.Go(func() error {
		defer l1c.Close()
		defer conn.Close()
		query := settlementtypes.NewQueryClient(conn)
		var contract string
		for contract == "" {
			if res, err := query.Params(ctx, &settlementtypes.QueryParamsRequest{}); err == nil {
				contract = res.Params.L1Contract
			}
			if contract == "" {
				select {
				case <-ctx.Done():
					return nil
				case <-time.After(5 * time.Second):
				}
			}
		}
		r, err := relayer.New(relayer.NewGRPCSource(query), l1c, common.HexToAddress(contract), key, relayer.WithLogger(logger))
		if err != nil {
			logger.Error("relayer not started", "err", err)
			return nil
		}
		if a := startedApp.Load(); a != nil {
			a.SetRelayerStatus(func() any { return r.Status() })
			a.SetL1LastCheckpoint(func() uint64 { return r.Status().LastCheckpoint })
		}
		// Run returns only when misconfigured, e.g. the contract is not
		// deployed yet: the node keeps trying, as an operator would.
		for {
			err := r.Run(ctx)
			if err == nil || ctx.Err() != nil {
				return nil
			}
			logger.Error("relayer paused; retrying in 3s", "err", err)
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(3 * time.Second):
			}
		}
	})
	return nil
}

// exitStatusError is an error that asks main for a particular exit status.
type exitStatusError struct {
	status int
	err    error
}

// exitStatus wraps err so that the process exits with status.
func exitStatus(status int, err error) error { return exitStatusError{status, err} }

func (e exitStatusError) Error() string { return e.err.Error() }
func (e exitStatusError) Unwrap() error { return e.err }

// ExitStatus is the process exit status the error asks for.
func (e exitStatusError) ExitStatus() int { return e.status }
