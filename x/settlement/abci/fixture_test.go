package abci_test

import (
	"bytes"
	"crypto/ecdsa"
	"fmt"
	"testing"
	"time"

	abcitypes "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/core/address"
	"cosmossdk.io/log/v2"

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
	"github.com/socialchain/socialchain/x/settlement/abci"
	"github.com/socialchain/socialchain/x/settlement/keeper"
	"github.com/socialchain/socialchain/x/settlement/types"
)

const (
	testChainID  = "socialchain-test-1"
	testContract = "0x5FbDB2315678afecb367f032d93F642f64180aa3"
	// openHeight is where the fixture's checkpoint 1 opens; validators
	// extend their votes for it at openHeight+1, and the proposer of
	// openHeight+2 carries the signatures.
	openHeight    = 10
	extendHeight  = openHeight + 1
	proposeHeight = openHeight + 2
)

var blockTime = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// lastAppHash is the app hash committed after openHeight: what the
// handler's lastAppHash returns at extendHeight and what the header of
// extendHeight carries.
var lastAppHash = crypto.Keccak256([]byte("app hash after height 10"))

type testValidator struct {
	operator string
	val      sdk.ValAddress
	valStr   string
	cons     sdk.ConsAddress
	key      *ecdsa.PrivateKey
	eth      string
}

// fixture is a settlement keeper with four bonded validators (powers
// 40/30/20/10), the first `registered` of them with their keys registered,
// and checkpoint 1 opened at openHeight. The context is at extendHeight,
// before BeginBlocker: the state ExtendVote and VerifyVoteExtension see.
type fixture struct {
	ctx  sdk.Context
	cdc  codec.Codec
	k    keeper.Keeper
	msg  types.MsgServer
	vals []testValidator
}

func newFixture(t testing.TB, registered int) *fixture {
	t.Helper()
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
	f := &fixture{ctx: ctx, cdc: encCfg.Codec, k: k, msg: keeper.NewMsgServerImpl(k)}

	for i, power := range []int64{40, 30, 20, 10} {
		v := newTestValidator(t, ac, vc, i)
		f.vals = append(f.vals, v)
		staking.Set(v.val, v.valStr, v.cons, power)
		if i < registered {
			sig, err := crypto.Sign(types.RegistrationDigest(v.valStr, testChainID, types.DefaultL1ChainID, 0), v.key)
			require.NoError(t, err)
			_, err = f.msg.RegisterSigner(ctx, &types.MsgRegisterSigner{Operator: v.operator, EthAddress: v.eth, Proof: sig})
			require.NoError(t, err)
		}
	}
	f.atHeight(openHeight)
	require.NoError(t, k.EndBlocker(f.ctx))
	f.atHeight(extendHeight)
	return f
}

func newTestValidator(t testing.TB, ac, vc address.Codec, i int) testValidator {
	t.Helper()
	raw := bytes.Repeat([]byte{byte(i + 1)}, 20)
	operator, err := ac.BytesToString(raw)
	require.NoError(t, err)
	valStr, err := vc.BytesToString(raw)
	require.NoError(t, err)
	k := ethKey(t, fmt.Sprintf("validator %d", i))
	return testValidator{
		operator: operator, val: raw, valStr: valStr,
		cons: sdk.ConsAddress(bytes.Repeat([]byte{byte(i + 101)}, 20)),
		key:  k, eth: crypto.PubkeyToAddress(k.PublicKey).Hex(),
	}
}

func ethKey(t testing.TB, label string) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("socialchain/settlement abci test: " + label)))
	require.NoError(t, err)
	return k
}

func (f *fixture) atHeight(h int64) {
	hdr := f.ctx.BlockHeader()
	hdr.Height = h
	hdr.Time = blockTime.Add(time.Duration(h) * time.Second)
	f.ctx = f.ctx.WithBlockHeader(hdr).WithEventManager(sdk.NewEventManager())
}

// handler is the ABCI handler of a node holding key (nil: no key) that
// runs validator 3 (the one the rotation cases rotate) unless key is
// another validator's original key.
func (f *fixture) handler(key *ecdsa.PrivateKey) *abci.Handler {
	var cons []byte
	if key != nil {
		cons = f.vals[len(f.vals)-1].cons
		for _, v := range f.vals {
			if v.key.Equal(key) {
				cons = v.cons
			}
		}
	}
	return abci.NewHandler(f.k, key, cons, func() []byte { return lastAppHash }, log.NewNopLogger())
}

// complete runs BeginBlocker at extendHeight, which stores checkpoint 1's
// app hash and digest, and moves the context to proposeHeight: the state
// PrepareProposal, ProcessProposal and PreBlock see.
func (f *fixture) complete(t testing.TB) types.SignedCheckpoint {
	t.Helper()
	hdr := f.ctx.BlockHeader()
	require.EqualValues(t, extendHeight, hdr.Height)
	hdr.AppHash = lastAppHash
	f.ctx = f.ctx.WithBlockHeader(hdr)
	require.NoError(t, f.k.BeginBlocker(f.ctx))
	f.atHeight(proposeHeight)
	return f.checkpoint(t)
}

func (f *fixture) checkpoint(t testing.TB) types.SignedCheckpoint {
	t.Helper()
	cp, err := f.k.GetCheckpoint(f.ctx, 1)
	require.NoError(t, err)
	return cp
}

// digest is checkpoint 1's digest as validators sign it at extendHeight.
func (f *fixture) digest(t testing.TB) []byte {
	t.Helper()
	_, d, ok, err := f.k.PendingCheckpoint(f.ctx.WithBlockHeight(extendHeight), extendHeight, lastAppHash)
	require.NoError(t, err)
	require.True(t, ok)
	return d
}

// sign is key's signature of digest.
func sign(t testing.TB, key *ecdsa.PrivateKey, digest []byte) []byte {
	t.Helper()
	sig, err := types.SignDigest(key, [32]byte(digest))
	require.NoError(t, err)
	return sig[:]
}

// extension is a vote extension for checkpoint number signed by key over digest.
func extension(t testing.TB, number uint64, key *ecdsa.PrivateKey, digest []byte) []byte {
	t.Helper()
	bz, err := (&types.VoteExtension{Number: number, Signature: sign(t, key, digest)}).Marshal()
	require.NoError(t, err)
	return bz
}

// state is the whole module state as JSON.
func (f *fixture) state(t testing.TB) string {
	t.Helper()
	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	bz, err := f.cdc.MarshalJSON(gs)
	require.NoError(t, err)
	return string(bz)
}

// memberIndex is validator i's index in signer set 0.
func (f *fixture) memberIndex(t testing.TB, i int) uint32 {
	t.Helper()
	set, err := f.k.SignerSets.Get(f.ctx, 0)
	require.NoError(t, err)
	for j, m := range set.Members {
		if m.EthAddress == f.vals[i].eth {
			return uint32(j)
		}
	}
	t.Fatalf("validator %d is not in signer set 0", i)
	return 0
}

func vote(v testValidator, ext []byte) abcitypes.ExtendedVoteInfo {
	return abcitypes.ExtendedVoteInfo{
		Validator:     abcitypes.Validator{Address: v.cons, Power: 10},
		VoteExtension: ext,
		BlockIdFlag:   cmtproto.BlockIDFlagCommit,
	}
}
