package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/spf13/cobra"
	"google.golang.org/grpc/metadata"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	grpctypes "github.com/cosmos/cosmos-sdk/types/grpc"

	"github.com/socialchain/socialchain/internal/cliwait"
	"github.com/socialchain/socialchain/l1"
	"github.com/socialchain/socialchain/l1/proof"
	"github.com/socialchain/socialchain/x/settlement/types"
)

func proveCmd(kinds proof.Kinds) *cobra.Command {
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
			p, err := buildProof(cmd.Context(), clientCtx, kinds, args[0], args[1])
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
	query := types.NewQueryClient(clientCtx)
	var number uint64
	err := cliwait.Poll(ctx, timeout, func() (bool, error) {
		rec, err := query.RecordProof(ctx, &types.QueryRecordProofRequest{Kind: kind, Key: key})
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
		res, err := query.Params(ctx, &types.QueryParamsRequest{})
		if err != nil {
			return fmt.Errorf("reading the chain's l1_contract param: %w", err)
		}
		if contract = res.Params.L1Contract; contract == "" {
			return fmt.Errorf("the chain has no l1_contract param; pass --%s", flagContract)
		}
	}
	if err := types.ValidateEthAddress("--"+flagContract, contract); err != nil {
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
		last, lastErr = l1.LastCheckpoint(ctx, l1c, common.HexToAddress(contract))
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

// buildProof assembles the proof of (kind, key) from a node.
func buildProof(ctx context.Context, clientCtx client.Context, kinds proof.Kinds, kind, key string) (proof.Proof, error) {
	loc, err := kinds.Locate(kind, key)
	if err != nil {
		return proof.Proof{}, err
	}
	query := types.NewQueryClient(clientCtx)
	rec, err := query.RecordProof(ctx, &types.QueryRecordProofRequest{Kind: kind, Key: key})
	if err != nil {
		return proof.Proof{}, err
	}
	if rec.Checkpoint == 0 {
		return proof.Proof{}, fmt.Errorf("%s %s is not checkpointed yet: its epoch is still open; try again after the next checkpoint, or pass --wait", kind, key)
	}
	cp, err := query.Checkpoint(ctx, &types.QueryCheckpointRequest{Epoch: rec.Checkpoint})
	if err != nil {
		return proof.Proof{}, err
	}
	height := cp.Checkpoint.Checkpoint.Height
	// A pruned or state-synced node lacks old heights, and its proof query
	// then fails obscurely: read the params at the height first, and say
	// which node can answer.
	atHeight := metadata.AppendToOutgoingContext(ctx, grpctypes.GRPCBlockHeightHeader, strconv.FormatInt(height, 10))
	if _, err := query.Params(atHeight, &types.QueryParamsRequest{}); err != nil {
		return proof.Proof{}, &types.StateNotKeptError{Checkpoint: rec.Checkpoint, Height: height, Reason: err}
	}
	res, err := clientCtx.QueryABCI(abci.RequestQuery{Path: "/store/" + loc.Store + "/key", Data: loc.Key, Height: height, Prove: true})
	if err != nil {
		return proof.Proof{}, fmt.Errorf("querying %s at height %d: %w", loc.Store, height, err)
	}
	if len(res.Value) == 0 {
		return proof.Proof{}, fmt.Errorf("%s %s does not exist at height %d", kind, key, height)
	}
	p := proof.Proof{
		Kind: kind, Key: key, Checkpoint: rec.Checkpoint, Height: height,
		Store: loc.Store, StoreKey: loc.Key, Value: res.Value, StoreProof: res.ProofOps,
		Leaf: common.BytesToHash(rec.Record.Leaf),
	}
	for _, h := range rec.MerkleProof {
		p.MerkleProof = append(p.MerkleProof, common.BytesToHash(h))
	}
	return p, nil
}
