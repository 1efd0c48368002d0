package relayer_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/socialchain/socialchain/l1/bindings"
	"github.com/socialchain/socialchain/l1/relayer"
	"github.com/socialchain/socialchain/x/settlement/types"
	"github.com/stretchr/testify/require"
)

const (
	// simulatedChainID is the chain id of go-ethereum's simulated backend.
	simulatedChainID  = 1337
	testCosmosChainID = "socialchain-relayer-test"
	// mineEvery is how often the test L1 seals a block.
	mineEvery = 5 * time.Millisecond
)

// testKey derives a fixed key from a label.
func testKey(t testing.TB, label string) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("socialchain/relayer test key: " + label)))
	require.NoError(t, err)
	return k
}

// signerGroup is a signer set, as the chain serves it, with its keys.
type signerGroup struct {
	set  types.SignerSet
	l1   types.L1SignerSet
	keys map[common.Address]*ecdsa.PrivateKey
}

// newSignerGroup makes a canonical set of len(powers) signers with keys
// derived from label.
func newSignerGroup(t testing.TB, label string, nonce uint64, powers ...uint64) signerGroup {
	t.Helper()
	g := signerGroup{l1: types.L1SignerSet{Nonce: nonce}, keys: map[common.Address]*ecdsa.PrivateKey{}}
	for i, p := range powers {
		k := testKey(t, fmt.Sprintf("%s/%d", label, i))
		addr := crypto.PubkeyToAddress(k.PublicKey)
		g.keys[addr] = k
		g.l1.Signers = append(g.l1.Signers, types.L1Signer{Address: addr, Power: p})
	}
	types.SortSigners(g.l1.Signers)
	h := g.l1.Hash()
	g.set = types.SignerSet{Nonce: nonce, Hash: h[:], Height: int64(nonce)}
	for _, s := range g.l1.Signers {
		g.set.Members = append(g.set.Members, types.SignerSetMember{EthAddress: s.Address.Hex(), Power: s.Power})
	}
	return g
}

func (g signerGroup) hash() [32]byte { return g.l1.Hash() }

// testL1 is a simulated L1 that seals a block every mineEvery, with the
// settlement contract deployed through relayer.Deploy.
type testL1 struct {
	t        testing.TB
	backend  *simulated.Backend
	client   simulated.Client
	address  common.Address
	domain   types.Domain
	contract *bindings.SocialchainSettlement
	instance *bind.BoundContract
	// paused stops the miner: transactions stay pending.
	paused *atomic.Bool
}

// newTestL1 starts the L1, funds the deployer and every relayer key, and
// deploys the contract with initial.
func newTestL1(t testing.TB, initial signerGroup, relayerKeys ...*ecdsa.PrivateKey) *testL1 {
	t.Helper()
	balance := new(big.Int).Lsh(big.NewInt(1), 100)
	deployer := testKey(t, "deployer")
	alloc := ethtypes.GenesisAlloc{crypto.PubkeyToAddress(deployer.PublicKey): {Balance: balance}}
	for _, k := range relayerKeys {
		alloc[crypto.PubkeyToAddress(k.PublicKey)] = ethtypes.Account{Balance: balance}
	}
	backend := simulated.NewBackend(alloc, simulated.WithBlockGasLimit(60_000_000))
	t.Cleanup(func() { _ = backend.Close() })

	// Registered after Close, so it runs (and the miner stops) before it.
	ctx, cancel := context.WithCancel(context.Background())
	paused := new(atomic.Bool)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(mineEvery)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				if !paused.Load() {
					backend.Commit()
				}
			}
		}
	}()
	t.Cleanup(func() { cancel(); wg.Wait() })

	dctx, dcancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer dcancel()
	addr, err := relayer.Deploy(dctx, backend.Client(), deployer, testCosmosChainID, initial.set)
	require.NoError(t, err)
	c := bindings.NewSocialchainSettlement()
	return &testL1{
		t:        t,
		backend:  backend,
		client:   backend.Client(),
		address:  addr,
		domain:   types.Domain{L1ChainID: simulatedChainID, Contract: addr, CosmosChainID: testCosmosChainID},
		contract: c,
		instance: c.Instance(backend.Client(), addr),
		paused:   paused,
	}
}

// last is the contract's lastCheckpointNumber.
func (c *testL1) last() uint64 {
	c.t.Helper()
	n, err := bind.Call(c.instance, nil, c.contract.PackLastCheckpointNumber(), c.contract.UnpackLastCheckpointNumber)
	require.NoError(c.t, err)
	return n
}

// signerSet is the contract's signer-set nonce and hash.
func (c *testL1) signerSet() (uint64, [32]byte) {
	c.t.Helper()
	nonce, err := bind.Call(c.instance, nil, c.contract.PackSignerSetNonce(), c.contract.UnpackSignerSetNonce)
	require.NoError(c.t, err)
	hash, err := bind.Call(c.instance, nil, c.contract.PackSignerSetHash(), c.contract.UnpackSignerSetHash)
	require.NoError(c.t, err)
	return nonce, hash
}

// submitted lists the numbers of every CheckpointSubmitted event, in
// order: the L1's own record of what it accepted.
func (c *testL1) submitted() []uint64 {
	c.t.Helper()
	ev := c.contract.GetABI().Events[bindings.SocialchainSettlementCheckpointSubmittedEventName]
	logs, err := c.client.FilterLogs(context.Background(), ethereum.FilterQuery{
		FromBlock: big.NewInt(0), Addresses: []common.Address{c.address}, Topics: [][]common.Hash{{ev.ID}},
	})
	require.NoError(c.t, err)
	var out []uint64
	for i := range logs {
		e, err := c.contract.UnpackCheckpointSubmittedEvent(&logs[i])
		require.NoError(c.t, err)
		out = append(out, e.Number)
	}
	return out
}

// upTo is 1..n.
func upTo(n uint64) []uint64 {
	out := make([]uint64, 0, n)
	for i := uint64(1); i <= n; i++ {
		out = append(out, i)
	}
	return out
}

// testChain stands for the appchain: it opens checkpoints signed by the
// signer group of their nonce, as x/settlement stores them, into a
// MemorySource.
type testChain struct {
	t      testing.TB
	src    *relayer.MemorySource
	domain types.Domain
	mu     sync.Mutex
	groups map[uint64]signerGroup
	cps    map[uint64]types.SignedCheckpoint
	last   uint64
}

func newTestChain(t testing.TB, domain types.Domain, first signerGroup) *testChain {
	c := &testChain{t: t, src: relayer.NewMemorySource(), domain: domain, groups: map[uint64]signerGroup{}, cps: map[uint64]types.SignedCheckpoint{}}
	c.addSet(first)
	return c
}

// addSet makes g known to the chain (and the Source).
func (c *testChain) addSet(g signerGroup) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.groups[g.set.Nonce] = g
	c.src.PutSignerSet(g.set)
}

// checkpoint opens the next checkpoint, signed by set nonce and committing
// to next (nil: the same set). A final checkpoint carries every member's
// signature; a pending one only the first member's, short of 2/3.
func (c *testChain) checkpoint(nonce uint64, next *signerGroup, final bool) types.SignedCheckpoint {
	c.t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	g, ok := c.groups[nonce]
	require.True(c.t, ok, "unknown signer set %d", nonce)
	nextHash := g.hash()
	if next != nil {
		nextHash = next.hash()
	}
	c.last++
	n := c.last
	appHash := crypto.Keccak256([]byte(fmt.Sprintf("app hash %d", n)))
	root := crypto.Keccak256([]byte(fmt.Sprintf("settlement root %d", n)))
	cp := types.SignedCheckpoint{
		Checkpoint: types.Checkpoint{
			Number: n, Height: int64(10 * n), AppHash: appHash, SettlementRoot: root,
			SignerSetNonce: nonce, NextSignerSetHash: nextHash[:], Time: 1_700_000_000 + n,
		},
		TotalPower: g.l1.TotalPower(),
	}
	digest := types.CheckpointDigest(c.domain, c.l1Checkpoint(cp.Checkpoint))
	cp.Digest = digest[:]
	count := len(g.l1.Signers)
	if !final {
		count = 1
	}
	c.sign(&cp, g, digest, count)
	c.cps[n] = cp
	c.src.PutCheckpoint(cp)
	return cp
}

// finalize adds every signature to checkpoint n and marks it final.
func (c *testChain) finalize(n uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	cp := c.cps[n]
	g := c.groups[cp.Checkpoint.SignerSetNonce]
	c.sign(&cp, g, [32]byte(cp.Digest), len(g.l1.Signers))
	c.cps[n] = cp
	c.src.PutCheckpoint(cp)
}

// put replaces checkpoint cp as the chain serves it.
func (c *testChain) put(cp types.SignedCheckpoint) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cps[cp.Checkpoint.Number] = cp
	c.src.PutCheckpoint(cp)
}

func (c *testChain) sign(cp *types.SignedCheckpoint, g signerGroup, digest [32]byte, count int) {
	cp.Signatures, cp.SignedPower = nil, 0
	for i := 0; i < count; i++ {
		m := g.l1.Signers[i]
		sig, err := types.SignDigest(g.keys[m.Address], digest)
		require.NoError(c.t, err)
		cp.Signatures = append(cp.Signatures, types.CheckpointSignature{SignerIndex: uint32(i), EthAddress: m.Address.Hex(), Signature: sig[:]})
		cp.SignedPower += m.Power
	}
	cp.Final = types.HasQuorum(cp.SignedPower, cp.TotalPower)
}

func (c *testChain) l1Checkpoint(cp types.Checkpoint) types.L1Checkpoint {
	return types.L1Checkpoint{
		Number: cp.Number, Height: uint64(cp.Height), AppHash: [32]byte(cp.AppHash), SettlementRoot: [32]byte(cp.SettlementRoot),
		SignerSetNonce: cp.SignerSetNonce, NextSignerSetHash: [32]byte(cp.NextSignerSetHash), Time: cp.Time,
	}
}

// errConnRefused is what an unreachable node looks like.
var errConnRefused = errors.New("dial tcp 127.0.0.1:8545: connect: connection refused")

// l1Conn is one relayer's connection to the test L1. It can be taken
// down (every call fails like an unreachable node), and it records the
// checkpoint number of every transaction that reached the node.
type l1Conn struct {
	inner simulated.Client
	down  atomic.Bool
	// loseSendReply: deliver the transaction, then report a connection
	// error, as when the reply is lost.
	loseSendReply atomic.Bool
	// failNextSend: refuse the next transaction without delivering it.
	failNextSend atomic.Bool
	refused      atomic.Int64

	mu   sync.Mutex
	sent map[uint64]int
}

var (
	_ relayer.L1Client = (*l1Conn)(nil)
	_ relayer.L1Client = (*ethclient.Client)(nil) // what the CLI dials
	_ relayer.L1Client = simulated.Client(nil)    // what the dev L1 serves
)

func newL1Conn(c *testL1) *l1Conn { return &l1Conn{inner: c.client, sent: map[uint64]int{}} }

func (c *l1Conn) check() error {
	if c.down.Load() {
		c.refused.Add(1)
		return errConnRefused
	}
	return nil
}

// sends is how many transactions per checkpoint number reached the node.
func (c *l1Conn) sends() map[uint64]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[uint64]int, len(c.sent))
	for k, v := range c.sent {
		out[k] = v
	}
	return out
}

var settlementABI = bindings.NewSocialchainSettlement().GetABI()

// checkpointNumber decodes the checkpoint number from submitCheckpoint or
// updateSignerSet calldata.
func checkpointNumber(data []byte) (uint64, bool) {
	if len(data) < 4 {
		return 0, false
	}
	m, err := settlementABI.MethodById(data[:4])
	if err != nil || (m.Name != "submitCheckpoint" && m.Name != "updateSignerSet") {
		return 0, false
	}
	args, err := m.Inputs.Unpack(data[4:])
	if err != nil {
		return 0, false
	}
	return reflect.ValueOf(args[0]).FieldByName("Number").Uint(), true
}

func (c *l1Conn) SendTransaction(ctx context.Context, tx *ethtypes.Transaction) error {
	if err := c.check(); err != nil {
		return err
	}
	if c.failNextSend.CompareAndSwap(true, false) {
		return errConnRefused
	}
	if err := c.inner.SendTransaction(ctx, tx); err != nil {
		return err
	}
	if n, ok := checkpointNumber(tx.Data()); ok {
		c.mu.Lock()
		c.sent[n]++
		c.mu.Unlock()
	}
	if c.loseSendReply.Load() {
		return errConnRefused
	}
	return nil
}

func (c *l1Conn) CodeAt(ctx context.Context, a common.Address, n *big.Int) ([]byte, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	return c.inner.CodeAt(ctx, a, n)
}

func (c *l1Conn) CallContract(ctx context.Context, m ethereum.CallMsg, n *big.Int) ([]byte, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	return c.inner.CallContract(ctx, m, n)
}

func (c *l1Conn) PendingCallContract(ctx context.Context, m ethereum.CallMsg) ([]byte, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	return c.inner.PendingCallContract(ctx, m)
}

func (c *l1Conn) EstimateGas(ctx context.Context, m ethereum.CallMsg) (uint64, error) {
	if err := c.check(); err != nil {
		return 0, err
	}
	return c.inner.EstimateGas(ctx, m)
}

func (c *l1Conn) SuggestGasPrice(ctx context.Context) (*big.Int, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	return c.inner.SuggestGasPrice(ctx)
}

func (c *l1Conn) SuggestGasTipCap(ctx context.Context) (*big.Int, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	return c.inner.SuggestGasTipCap(ctx)
}

func (c *l1Conn) HeaderByNumber(ctx context.Context, n *big.Int) (*ethtypes.Header, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	return c.inner.HeaderByNumber(ctx, n)
}

func (c *l1Conn) PendingCodeAt(ctx context.Context, a common.Address) ([]byte, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	return c.inner.PendingCodeAt(ctx, a)
}

func (c *l1Conn) PendingNonceAt(ctx context.Context, a common.Address) (uint64, error) {
	if err := c.check(); err != nil {
		return 0, err
	}
	return c.inner.PendingNonceAt(ctx, a)
}

func (c *l1Conn) TransactionByHash(ctx context.Context, h common.Hash) (*ethtypes.Transaction, bool, error) {
	if err := c.check(); err != nil {
		return nil, false, err
	}
	return c.inner.TransactionByHash(ctx, h)
}

func (c *l1Conn) TransactionReceipt(ctx context.Context, h common.Hash) (*ethtypes.Receipt, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	return c.inner.TransactionReceipt(ctx, h)
}

func (c *l1Conn) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]ethtypes.Log, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	return c.inner.FilterLogs(ctx, q)
}

func (c *l1Conn) SubscribeFilterLogs(ctx context.Context, q ethereum.FilterQuery, ch chan<- ethtypes.Log) (ethereum.Subscription, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	return c.inner.SubscribeFilterLogs(ctx, q, ch)
}

func (c *l1Conn) ChainID(ctx context.Context) (*big.Int, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	return c.inner.ChainID(ctx)
}

// newRelayer builds a relayer over conn with fast test intervals.
func newRelayer(t testing.TB, src relayer.Source, conn relayer.L1Client, contract common.Address, key *ecdsa.PrivateKey, opts ...relayer.Option) *relayer.Relayer {
	t.Helper()
	opts = append([]relayer.Option{
		relayer.WithPollInterval(20 * time.Millisecond),
		relayer.WithBackoff(10*time.Millisecond, 40*time.Millisecond),
		relayer.WithReceiptTimeout(5 * time.Second),
		relayer.WithL1ChainID(simulatedChainID),
	}, opts...)
	r, err := relayer.New(src, conn, contract, key, opts...)
	require.NoError(t, err)
	return r
}

// relayOnce runs one round with a deadline.
func relayOnce(t testing.TB, r *relayer.Relayer) (int, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return r.RelayOnce(ctx)
}

// runInBackground runs r until the test ends.
func runInBackground(t testing.TB, r *relayer.Relayer) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		require.NoError(t, <-done)
	})
}
