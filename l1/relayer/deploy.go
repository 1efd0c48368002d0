package relayer

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"

	"github.com/socialchain/socialchain/l1"
	"github.com/socialchain/socialchain/x/settlement/types"
)

// deployPollMax is the longest wait between receipt polls in Deploy.
const deployPollMax = 2 * time.Second

// Deploy deploys a settlement contract for the Cosmos chain cosmosChainID
// with set (the chain's current signer set) as its first signer set,
// paying with key, and returns its address once the deployment is mined.
// set's hash, when present, must match its members. Cancel ctx to stop
// waiting.
func Deploy(ctx context.Context, backend L1Client, key *ecdsa.PrivateKey, cosmosChainID string, set types.SignerSet) (common.Address, error) {
	initial, err := toL1SignerSet(set)
	if err != nil {
		return common.Address{}, err
	}
	if err := initial.Validate(); err != nil {
		return common.Address{}, fmt.Errorf("signer set %d: %w", set.Nonce, err)
	}
	if cosmosChainID == "" {
		return common.Address{}, errors.New("no cosmos chain id")
	}
	chainID, err := backend.ChainID(ctx)
	if err != nil {
		return common.Address{}, fmt.Errorf("L1 chain id: %w", err)
	}
	opts := bind.NewKeyedTransactor(key, chainID)
	opts.Context = ctx
	addr, tx, err := l1.Deploy(opts, backend, cosmosChainID, initial)
	if err != nil {
		return common.Address{}, fmt.Errorf("deploying the settlement contract: %w", err)
	}
	receipt, err := waitMined(ctx, backend, tx.Hash(), deployPollMax)
	if err != nil {
		return common.Address{}, fmt.Errorf("deploying the settlement contract (tx %s): %w", tx.Hash().Hex(), err)
	}
	if receipt.Status != ethtypes.ReceiptStatusSuccessful {
		return common.Address{}, fmt.Errorf("deploying the settlement contract: tx %s reverted", tx.Hash().Hex())
	}
	code, err := backend.CodeAt(ctx, addr, nil)
	if err != nil {
		return common.Address{}, err
	}
	if len(code) == 0 {
		return common.Address{}, fmt.Errorf("deploying the settlement contract: no code at %s after tx %s", addr, tx.Hash().Hex())
	}
	return addr, nil
}

// waitMined polls for the receipt of hash, every 50ms at first and less
// often after, up to every maxInterval: fast on a dev L1, light on a real
// one. It keeps polling through errors (the transaction is out; failing
// would invite a second deployment) until ctx is done.
func waitMined(ctx context.Context, backend bind.DeployBackend, hash common.Hash, maxInterval time.Duration) (*ethtypes.Receipt, error) {
	interval := min(50*time.Millisecond, maxInterval)
	var last error
	for {
		receipt, err := backend.TransactionReceipt(ctx, hash)
		if err == nil {
			return receipt, nil
		}
		if !errors.Is(err, ethereum.NotFound) {
			last = err
		}
		if err := sleep(ctx, interval); err != nil {
			if last != nil {
				return nil, fmt.Errorf("%w (last L1 error: %v)", err, last)
			}
			return nil, err
		}
		interval = min(2*interval, maxInterval)
	}
}
