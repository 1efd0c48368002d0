package keeper_test

import (
	"bytes"
	"crypto/ecdsa"
	"fmt"
	"testing"
	"time"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/cosmos/gogoproto/proto"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/core/address"

	"github.com/cosmos/cosmos-sdk/codec"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	socialtestutil "github.com/socialchain/socialchain/testutil"
	"github.com/socialchain/socialchain/x/settlement"
	"github.com/socialchain/socialchain/x/settlement/keeper"
	"github.com/socialchain/socialchain/x/settlement/types"
)

const (
	testChainID = "socialchain-test-1"
	// testContract is the L1 contract the fixture's params name.
	testContract = "0x5FbDB2315678afecb367f032d93F642f64180aa3"
)

var blockTime = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// testValidator is one validator of the staking double with the
// Ethereum key it registers.
type testValidator struct {
	operator string // bech32 account address: MsgRegisterSigner.Operator
	val      sdk.ValAddress
	valStr   string // bech32 validator address: what the proof binds
	cons     sdk.ConsAddress
	key      *ecdsa.PrivateKey
	eth      string // checksummed address of key
}

// fixture is a settlement keeper over an in-memory store with the real
// codec and the shared staking double (testutil.Staking).
type fixture struct {
	ctx       sdk.Context
	cdc       codec.Codec
	k         keeper.Keeper
	msg       types.MsgServer
	query     types.QueryServer
	staking   *socialtestutil.Staking
	authority string
	vals      []testValidator
}

// newFixture returns a keeper at height 1 with one bonded validator per
// power (consensus power units) and default params with an L1 contract set.
// No validator has registered a key yet.
func newFixture(t testing.TB, powers ...int64) *fixture {
	t.Helper()
	if len(powers) == 0 {
		powers = []int64{40, 30, 20, 10}
	}
	key := storetypes.NewKVStoreKey(types.StoreKey)
	testCtx := testutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("transient_test"))
	ctx := testCtx.Ctx.WithBlockHeader(cmtproto.Header{ChainID: testChainID, Height: 1, Time: blockTime}).WithChainID(testChainID)
	encCfg := moduletestutil.MakeTestEncodingConfig(settlement.AppModule{})
	ac := addresscodec.NewBech32Codec("social")
	vc := addresscodec.NewBech32Codec("socialvaloper")
	authority, err := ac.BytesToString(authtypes.NewModuleAddress("gov"))
	require.NoError(t, err)

	staking := socialtestutil.NewStaking()
	k := keeper.NewKeeper(encCfg.Codec, runtime.NewKVStoreService(key), ac, vc, staking, authority)
	gs := types.DefaultGenesis()
	gs.Params.L1Contract = testContract
	require.NoError(t, k.InitGenesis(ctx, gs))

	f := &fixture{
		ctx: ctx, cdc: encCfg.Codec, k: k, staking: staking, authority: authority,
		msg: keeper.NewMsgServerImpl(k), query: keeper.NewQueryServerImpl(k),
	}
	for i, p := range powers {
		f.vals = append(f.vals, newTestValidator(t, ac, vc, i))
		f.setPower(f.vals[i], p)
	}
	return f
}

func newTestValidator(t testing.TB, ac, vc address.Codec, i int) testValidator {
	t.Helper()
	raw := bytes.Repeat([]byte{byte(i + 1)}, 20)
	operator, err := ac.BytesToString(raw)
	require.NoError(t, err)
	valStr, err := vc.BytesToString(raw)
	require.NoError(t, err)
	cons := sdk.ConsAddress(bytes.Repeat([]byte{byte(i + 101)}, 20))
	k := ethKey(t, fmt.Sprintf("validator %d", i))
	return testValidator{operator: operator, val: raw, valStr: valStr, cons: cons, key: k, eth: crypto.PubkeyToAddress(k.PublicKey).Hex()}
}

// ethKey derives a fixed secp256k1 key from a label.
func ethKey(t testing.TB, label string) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("socialchain/settlement keeper test: " + label)))
	require.NoError(t, err)
	return k
}

func ethAddr(k *ecdsa.PrivateKey) string { return crypto.PubkeyToAddress(k.PublicKey).Hex() }

// atHeight moves the fixture to height h, with a fresh event manager and
// the block time advancing one second per block.
func (f *fixture) atHeight(h int64) {
	hdr := f.ctx.BlockHeader()
	hdr.Height = h
	hdr.Time = blockTime.Add(time.Duration(h) * time.Second)
	f.ctx = f.ctx.WithBlockHeader(hdr).WithEventManager(sdk.NewEventManager())
}

// withAppHash sets the header's app hash (the app hash after height-1).
func (f *fixture) withAppHash(h []byte) {
	hdr := f.ctx.BlockHeader()
	hdr.AppHash = h
	f.ctx = f.ctx.WithBlockHeader(hdr)
}

func (f *fixture) params(t testing.TB) types.Params {
	t.Helper()
	p, err := f.k.Params.Get(f.ctx)
	require.NoError(t, err)
	return p
}

// proof signs the registration digest of validator i for nonce with key,
// returning r ‖ s ‖ v with v in {27, 28} as Ethereum wallets do.
func (f *fixture) proof(t testing.TB, key *ecdsa.PrivateKey, i int, chainID string, l1ChainID, nonce uint64) []byte {
	t.Helper()
	sig, err := crypto.Sign(types.RegistrationDigest(f.vals[i].valStr, chainID, l1ChainID, nonce), key)
	require.NoError(t, err)
	sig[64] += 27
	return sig
}

// registerMsg is a valid MsgRegisterSigner binding key to validator i at
// its current registration nonce.
func (f *fixture) registerMsg(t testing.TB, i int, key *ecdsa.PrivateKey) *types.MsgRegisterSigner {
	t.Helper()
	var nonce uint64
	if s, err := f.k.Signers.Get(f.ctx, f.vals[i].val); err == nil {
		nonce = s.Nonce
	}
	return &types.MsgRegisterSigner{
		Operator:   f.vals[i].operator,
		EthAddress: ethAddr(key),
		Proof:      f.proof(t, key, i, testChainID, f.params(t).L1ChainId, nonce),
	}
}

// register binds key (validator i's own key when nil) to validator i.
func (f *fixture) register(t testing.TB, i int, key *ecdsa.PrivateKey) {
	t.Helper()
	if key == nil {
		key = f.vals[i].key
	}
	_, err := f.msg.RegisterSigner(f.ctx, f.registerMsg(t, i, key))
	require.NoError(t, err)
}

// registerAll registers every validator's own key.
func (f *fixture) registerAll(t testing.TB) {
	t.Helper()
	for i := range f.vals {
		f.register(t, i, nil)
	}
}

// openCheckpoint runs EndBlocker at height h (an epoch boundary) and
// returns the checkpoint it opened.
func (f *fixture) openCheckpoint(t testing.TB, h int64) types.SignedCheckpoint {
	t.Helper()
	f.atHeight(h)
	require.NoError(t, f.k.EndBlocker(f.ctx))
	cp, found, err := f.k.LatestCheckpoint(f.ctx)
	require.NoError(t, err)
	require.True(t, found)
	require.Equal(t, h, cp.Checkpoint.Height)
	return cp
}

// completeCheckpoint runs BeginBlocker at h+1 with appHash in the header
// and returns the completed checkpoint.
func (f *fixture) completeCheckpoint(t testing.TB, h int64, appHash []byte) types.SignedCheckpoint {
	t.Helper()
	f.atHeight(h + 1)
	f.withAppHash(appHash)
	require.NoError(t, f.k.BeginBlocker(f.ctx))
	cp, found, err := f.k.LatestCheckpoint(f.ctx)
	require.NoError(t, err)
	require.True(t, found)
	require.NotEmpty(t, cp.Digest)
	return cp
}

// signCheckpoint signs checkpoint cp's digest with key.
func signCheckpoint(t testing.TB, key *ecdsa.PrivateKey, cp types.SignedCheckpoint) []byte {
	t.Helper()
	sig, err := types.SignDigest(key, [32]byte(cp.Digest))
	require.NoError(t, err)
	return sig[:]
}

// state is the whole module state as JSON, to show a refused call changed
// nothing.
func (f *fixture) state(t testing.TB) string {
	t.Helper()
	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	bz, err := f.cdc.MarshalJSON(gs)
	require.NoError(t, err)
	return string(bz)
}

// events lists the types of the events emitted since the last atHeight.
func (f *fixture) events() []string {
	var out []string
	for _, e := range f.ctx.EventManager().Events() {
		out = append(out, e.Type)
	}
	return out
}

func eventType(msg proto.Message) string { return proto.MessageName(msg) }

// setPower gives v power in consensus units in the fixture's staking
// keeper; 0 unbonds it.
func (f *fixture) setPower(v testValidator, power int64) {
	f.staking.Set(v.val, v.valStr, v.cons, power)
}

// valCodec is the validator address codec the fixture's keeper uses.
func valCodec() address.Codec { return addresscodec.NewBech32Codec("socialvaloper") }
