package l1

// This file reads the contract for the CLI: its last checkpoint, a stored
// checkpoint, and its own check of a record. Any *ethclient.Client serves.

import (
	"context"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/socialchain/socialchain/l1/bindings"
)

// ErrNoContract says there is no contract code at the settlement address:
// not deployed yet (dev deploys it after the first block), or a wrong
// address.
var ErrNoContract = errors.New("no contract deployed at that address")

// LastCheckpoint returns the newest checkpoint number the settlement
// contract at contract holds, or an error wrapping ErrNoContract.
func LastCheckpoint(ctx context.Context, l1c bind.ContractCaller, contract common.Address) (uint64, error) {
	code, err := l1c.CodeAt(ctx, contract, nil)
	if err != nil {
		return 0, fmt.Errorf("reading the L1: %w", err)
	}
	if len(code) == 0 {
		return 0, fmt.Errorf("%s: %w", contract.Hex(), ErrNoContract)
	}
	out, err := l1c.CallContract(ctx, ethereum.CallMsg{To: &contract, Data: contractABI.PackLastCheckpointNumber()}, nil)
	if err != nil {
		return 0, fmt.Errorf("reading lastCheckpointNumber of %s: %w", contract.Hex(), err)
	}
	return contractABI.UnpackLastCheckpointNumber(out)
}

// CheckpointAt returns what the contract stores for checkpoint number.
func CheckpointAt(ctx context.Context, l1c bind.ContractCaller, contract common.Address, number uint64) (bindings.SocialchainSettlementStoredCheckpoint, error) {
	out, err := l1c.CallContract(ctx, ethereum.CallMsg{To: &contract, Data: contractABI.PackCheckpointAt(number)}, nil)
	if err != nil {
		return bindings.SocialchainSettlementStoredCheckpoint{}, fmt.Errorf("checkpoint %d is not on the L1 contract %s: %w", number, contract, err)
	}
	return contractABI.UnpackCheckpointAt(out)
}

// VerifyRecord asks the contract whether leaf, with its Merkle proof, is
// in the settlement root of checkpoint number (its verifyRecord view).
func VerifyRecord(ctx context.Context, l1c bind.ContractCaller, contract common.Address, number uint64, leaf [32]byte, proof [][32]byte) (bool, error) {
	out, err := l1c.CallContract(ctx, ethereum.CallMsg{To: &contract, Data: contractABI.PackVerifyRecord(number, leaf, proof)}, nil)
	if err != nil {
		return false, fmt.Errorf("the contract's verifyRecord failed: %w", err)
	}
	return contractABI.UnpackVerifyRecord(out)
}
