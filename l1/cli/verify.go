package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/spf13/cobra"

	"github.com/socialchain/socialchain/l1"
	"github.com/socialchain/socialchain/l1/proof"
	"github.com/socialchain/socialchain/x/settlement/types"
)

func verifyCmd(kinds proof.Kinds) *cobra.Command {
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
			if err := types.ValidateEthAddress("--"+flagContract, contract); err != nil {
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
			last, err := l1.LastCheckpoint(cmd.Context(), l1c, common.HexToAddress(contract))
			if errors.Is(err, l1.ErrNoContract) {
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
			reason := verifyOnL1(cmd.Context(), l1c, common.HexToAddress(contract), kinds, p)
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
func verifyOnL1(ctx context.Context, l1c *ethclient.Client, contract common.Address, kinds proof.Kinds, p proof.Proof) error {
	stored, err := l1.CheckpointAt(ctx, l1c, contract, p.Checkpoint)
	if err != nil {
		return err
	}
	if err := kinds.Verify(p, stored.AppHash, stored.SettlementRoot); err != nil {
		return err
	}
	ok, err := l1.VerifyRecord(ctx, l1c, contract, p.Checkpoint, p.Leaf, p.Siblings())
	if err != nil {
		return err
	}
	if !ok {
		return errors.New("the contract's verifyRecord refuses the record")
	}
	return nil
}

// exitStatusError is an error that asks main for a particular exit status
// (main looks for the ExitStatus method).
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
