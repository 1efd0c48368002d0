package l1_test

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/l1"
	"github.com/socialchain/socialchain/l1/bindings"
	settlementtypes "github.com/socialchain/socialchain/x/settlement/types"
)

// simulatedChainID is the chain id every go-ethereum simulated backend uses.
const simulatedChainID = 1337

const testCosmosChainID = "socialchain-1"

// testKey derives a fixed secp256k1 key from a label, so sets, addresses
// and orderings are the same on every run.
func testKey(t testing.TB, label string) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("socialchain/l1 test key: " + label)))
	require.NoError(t, err)
	return k
}

// signerGroup is a signer set together with its members' keys.
type signerGroup struct {
	set  settlementtypes.L1SignerSet
	keys map[common.Address]*ecdsa.PrivateKey
}

// newSignerGroup makes a canonical-ordered set with the given powers (used
// as they are, not normalized) and keys derived from label.
func newSignerGroup(t testing.TB, label string, nonce uint64, powers ...uint64) signerGroup {
	t.Helper()
	g := signerGroup{set: settlementtypes.L1SignerSet{Nonce: nonce}, keys: map[common.Address]*ecdsa.PrivateKey{}}
	for i, p := range powers {
		k := testKey(t, fmt.Sprintf("%s/%d", label, i))
		addr := crypto.PubkeyToAddress(k.PublicKey)
		g.keys[addr] = k
		g.set.Signers = append(g.set.Signers, settlementtypes.L1Signer{Address: addr, Power: p})
	}
	settlementtypes.SortSigners(g.set.Signers)
	return g
}

// key is the private key of the signer at index i.
func (g signerGroup) key(i int) *ecdsa.PrivateKey { return g.keys[g.set.Signers[i].Address] }

// sign returns signatures of cp under d by the signers at the given indices,
// in the order given, each naming its index.
func (g signerGroup) sign(t testing.TB, d settlementtypes.Domain, cp settlementtypes.L1Checkpoint, indices ...int) []bindings.SocialchainSettlementSignature {
	t.Helper()
	digest := settlementtypes.CheckpointDigest(d, cp)
	out := make([]bindings.SocialchainSettlementSignature, 0, len(indices))
	for _, i := range indices {
		sig, err := settlementtypes.SignDigest(g.key(i), digest)
		require.NoError(t, err)
		out = append(out, l1.SignatureBinding(sig, uint32(i)))
	}
	return out
}

// all is 0..n-1.
func all(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// chain is a simulated L1 with the settlement contract deployed by a
// funded deployer.
type chain struct {
	t        testing.TB
	backend  *simulated.Backend
	client   simulated.Client
	deployer *bind.TransactOpts
	contract *bindings.SocialchainSettlement
	instance *bind.BoundContract
	domain   settlementtypes.Domain
}

// newChain starts a simulated L1 and deploys the contract with initial as
// its first signer set, from deployerKey (a fixed test key if nil). The
// simulated backend runs go-ethereum's dev rules (every fork it knows,
// including unreleased ones) unless an option such as osakaRules says
// otherwise.
func newChain(t testing.TB, initial settlementtypes.L1SignerSet, deployerKey *ecdsa.PrivateKey, options ...func(*node.Config, *ethconfig.Config)) *chain {
	t.Helper()
	if deployerKey == nil {
		deployerKey = testKey(t, "deployer")
	}
	deployerAddr := crypto.PubkeyToAddress(deployerKey.PublicKey)
	balance := new(big.Int).Lsh(big.NewInt(1), 100)
	options = append([]func(*node.Config, *ethconfig.Config){simulated.WithBlockGasLimit(60_000_000)}, options...)
	backend := simulated.NewBackend(types.GenesisAlloc{deployerAddr: {Balance: balance}}, options...)
	t.Cleanup(func() { _ = backend.Close() })

	c := &chain{
		t:        t,
		backend:  backend,
		client:   backend.Client(),
		deployer: bind.NewKeyedTransactor(deployerKey, big.NewInt(simulatedChainID)),
		contract: bindings.NewSocialchainSettlement(),
	}
	addr, tx, err := l1.Deploy(c.deployer, c.client, testCosmosChainID, initial)
	require.NoError(t, err)
	backend.Commit()
	_, err = bind.WaitDeployed(context.Background(), c.client, tx.Hash())
	require.NoError(t, err)
	c.instance = c.contract.Instance(c.client, addr)
	c.domain = settlementtypes.Domain{L1ChainID: simulatedChainID, Contract: addr, CosmosChainID: testCosmosChainID}
	return c
}

// osakaRules runs the simulated L1 on Ethereum mainnet's rules as of
// Osaka (Fusaka), without the dev chain's later, unreleased forks, whose
// state-gas repricing (EIP-8037/8038) changes storage costs.
func osakaRules(_ *node.Config, ethConf *ethconfig.Config) {
	cfg := *ethConf.Genesis.Config
	cfg.AmsterdamTime = nil
	cfg.BogotaTime = nil
	ethConf.Genesis.Config = &cfg
}

// transact sends calldata to the contract and mines it. A refusal surfaces
// as the gas estimate's error, carrying the revert data; nothing is mined.
func (c *chain) transact(data []byte) (*types.Receipt, error) {
	c.t.Helper()
	tx, err := bind.Transact(c.instance, c.deployer, data)
	if err != nil {
		return nil, err
	}
	c.backend.Commit()
	receipt, err := bind.WaitMined(context.Background(), c.client, tx.Hash())
	require.NoError(c.t, err)
	require.Equal(c.t, types.ReceiptStatusSuccessful, receipt.Status, "mined transaction reverted")
	return receipt, nil
}

func (c *chain) submit(cp settlementtypes.L1Checkpoint, current settlementtypes.L1SignerSet, sigs []bindings.SocialchainSettlementSignature) (*types.Receipt, error) {
	return c.transact(c.contract.PackSubmitCheckpoint(l1.CheckpointBinding(cp), l1.SignerSetBinding(current), sigs))
}

func (c *chain) update(cp settlementtypes.L1Checkpoint, current settlementtypes.L1SignerSet, sigs []bindings.SocialchainSettlementSignature, next bindings.SocialchainSettlementSignerSet) (*types.Receipt, error) {
	return c.transact(c.contract.PackUpdateSignerSet(l1.CheckpointBinding(cp), l1.SignerSetBinding(current), sigs, next))
}

// state is what a refused call must leave untouched.
type state struct {
	SignerSetHash [32]byte
	Nonce         uint64
	TotalPower    uint64
	Last          uint64
}

func (c *chain) state() state {
	c.t.Helper()
	var s state
	var err error
	s.SignerSetHash, err = bind.Call(c.instance, nil, c.contract.PackSignerSetHash(), c.contract.UnpackSignerSetHash)
	require.NoError(c.t, err)
	s.Nonce, err = bind.Call(c.instance, nil, c.contract.PackSignerSetNonce(), c.contract.UnpackSignerSetNonce)
	require.NoError(c.t, err)
	s.TotalPower, err = bind.Call(c.instance, nil, c.contract.PackSignerSetTotalPower(), c.contract.UnpackSignerSetTotalPower)
	require.NoError(c.t, err)
	s.Last, err = bind.Call(c.instance, nil, c.contract.PackLastCheckpointNumber(), c.contract.UnpackLastCheckpointNumber)
	require.NoError(c.t, err)
	return s
}

func (c *chain) checkpointAt(number uint64) (bindings.SocialchainSettlementStoredCheckpoint, error) {
	return bind.Call(c.instance, nil, c.contract.PackCheckpointAt(number), c.contract.UnpackCheckpointAt)
}

func (c *chain) verifyRecord(number uint64, leaf [32]byte, proof [][32]byte) (bool, error) {
	return bind.Call(c.instance, nil, c.contract.PackVerifyRecord(number, leaf, proof), c.contract.UnpackVerifyRecord)
}

// requireRevert asserts that err is the contract's custom error want,
// decoded from the revert data through the ABI, fields included.
func requireRevert(t testing.TB, err error, want any) {
	t.Helper()
	require.Error(t, err, "call was accepted")
	got, ok := l1.UnpackRevert(err)
	require.Truef(t, ok, "no custom error in %v", err)
	require.Equal(t, l1.DescribeRevert(want), l1.DescribeRevert(got))
}

// checkpointFor is a checkpoint that keeps set as the signing set.
func checkpointFor(number uint64, set settlementtypes.L1SignerSet) settlementtypes.L1Checkpoint {
	return settlementtypes.L1Checkpoint{
		Number:            number,
		Height:            number * 10,
		AppHash:           crypto.Keccak256Hash([]byte(fmt.Sprintf("app hash %d", number))),
		SettlementRoot:    crypto.Keccak256Hash([]byte(fmt.Sprintf("settlement root %d", number))),
		SignerSetNonce:    set.Nonce,
		NextSignerSetHash: set.Hash(),
		Time:              1_750_000_000 + number*60,
	}
}

func u256(v uint64) *big.Int { return new(big.Int).SetUint64(v) }

// chainWithOneCheckpoint is a simulated L1 whose contract accepted
// checkpoint 1 of a three-signer group (the fuzz targets' seeds).
func chainWithOneCheckpoint(t testing.TB) (signerGroup, *chain, settlementtypes.L1Checkpoint) {
	t.Helper()
	g := newSignerGroup(t, "fuzz", 1, 1000, 1000, 999, 1)
	c := newChain(t, g.set, nil)
	cp := checkpointFor(1, g.set)
	_, err := c.submit(cp, g.set, g.sign(t, c.domain, cp, 0, 1, 2))
	require.NoError(t, err)
	return g, c, cp
}
