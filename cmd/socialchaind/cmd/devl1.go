package cmd

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/params"

	"github.com/cosmos/cosmos-sdk/crypto/hd"
)

// devL1Port is where the dev chain's in-process L1 serves JSON-RPC.
const devL1Port = 8545

// devL1Path is the BIP44 Ethereum path of the dev L1 deployer and relayer
// key, derived from the public dev test mnemonic.
const devL1Path = "m/44'/60'/0'/0/0"

// devL1Key returns the dev L1's deployer and relayer key: public, like the
// dev account, and funded only on the in-process L1.
func devL1Key() (*ecdsa.PrivateKey, error) {
	raw, err := hd.Secp256k1.Derive()(DevTestMnemonic, "", devL1Path)
	if err != nil {
		return nil, err
	}
	return crypto.ToECDSA(raw)
}

// devL1ContractAddress is where the dev L1's first deployment (nonce 0 of
// the deployer) lands. It is known before the L1 runs, so it can go into
// the dev genesis, and signatures bind to it from the first checkpoint.
func devL1ContractAddress() (common.Address, error) {
	key, err := devL1Key()
	if err != nil {
		return common.Address{}, err
	}
	return crypto.CreateAddress(crypto.PubkeyToAddress(key.PublicKey), 0), nil
}

// devL1ChainID is the chain id of go-ethereum's dev chain rules.
func devL1ChainID() uint64 { return params.AllDevChainProtocolChanges.ChainID.Uint64() }

// devL1 is an in-memory Ethereum chain (go-ethereum's simulated backend)
// serving JSON-RPC on loopback and sealing a block every second.
type devL1 struct {
	backend *simulated.Backend
	key     *ecdsa.PrivateKey
	done    chan struct{}
}

// startDevL1 starts the L1; it runs until ctx is cancelled, then Close.
func startDevL1(ctx context.Context) (*devL1, error) {
	key, err := devL1Key()
	if err != nil {
		return nil, err
	}
	funds := new(big.Int).Mul(big.NewInt(1_000_000), big.NewInt(params.Ether))
	alloc := ethtypes.GenesisAlloc{crypto.PubkeyToAddress(key.PublicKey): {Balance: funds}}
	var startErr error
	backend := func() (b *simulated.Backend) {
		defer func() {
			if r := recover(); r != nil { // NewBackend panics if the port is taken
				startErr = fmt.Errorf("starting the dev L1 on 127.0.0.1:%d: %v", devL1Port, r)
			}
		}()
		return simulated.NewBackend(alloc, func(nc *node.Config, _ *ethconfig.Config) {
			nc.HTTPHost = "127.0.0.1"
			nc.HTTPPort = devL1Port
			nc.HTTPModules = []string{"eth", "net", "web3"}
			nc.HTTPVirtualHosts = []string{"localhost", "127.0.0.1"}
		})
	}()
	if startErr != nil {
		return nil, startErr
	}
	l := &devL1{backend: backend, key: key, done: make(chan struct{})}
	go func() {
		defer close(l.done)
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				backend.Commit()
			}
		}
	}()
	return l, nil
}

// Close stops sealing blocks and shuts the L1 down.
func (l *devL1) Close() error {
	<-l.done
	return l.backend.Close()
}
