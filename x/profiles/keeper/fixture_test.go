package keeper_test

import (
	"encoding/json"
	"testing"
	"time"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/socialchain/socialchain/x/profiles"
	"github.com/socialchain/socialchain/x/profiles/keeper"
	"github.com/socialchain/socialchain/x/profiles/types"
)

// fixture is a profiles keeper over an in-memory store with the real codec.
type fixture struct {
	ctx       sdk.Context
	key       *storetypes.KVStoreKey
	cdc       codec.Codec
	k         keeper.Keeper
	msg       types.MsgServer
	query     types.QueryServer
	authority string
	// addrs are five distinct accounts; str holds their bech32 form.
	addrs []sdk.AccAddress
	str   []string
}

var blockTime = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func newFixture(t testing.TB) *fixture {
	t.Helper()
	key := storetypes.NewKVStoreKey(types.StoreKey)
	testCtx := testutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("transient_test"))
	ctx := testCtx.Ctx.WithBlockHeader(cmtproto.Header{Height: 10, Time: blockTime})
	encCfg := moduletestutil.MakeTestEncodingConfig(profiles.AppModule{})
	ac := addresscodec.NewBech32Codec("social")
	authority, err := ac.BytesToString(authtypes.NewModuleAddress("gov"))
	require.NoError(t, err)

	k := keeper.NewKeeper(encCfg.Codec, runtime.NewKVStoreService(key), ac, authority)
	require.NoError(t, k.InitGenesis(ctx, types.DefaultGenesis()))

	f := &fixture{ctx: ctx, key: key, cdc: encCfg.Codec, k: k, msg: keeper.NewMsgServerImpl(k), query: keeper.NewQueryServerImpl(k), authority: authority}
	for i := range 5 {
		addr := sdk.AccAddress([]byte{byte(i + 1), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19})
		s, err := ac.BytesToString(addr)
		require.NoError(t, err)
		f.addrs = append(f.addrs, addr)
		f.str = append(f.str, s)
	}
	return f
}

// create gives account i a profile with handle.
func (f *fixture) create(t testing.TB, i int, handle string) {
	t.Helper()
	_, err := f.msg.CreateProfile(f.ctx, &types.MsgCreateProfile{Owner: f.str[i], Handle: handle, DisplayName: handle})
	require.NoError(t, err)
}

func (f *fixture) follow(t testing.TB, from, to int) {
	t.Helper()
	_, err := f.msg.Follow(f.ctx, &types.MsgFollow{Follower: f.str[from], Followee: f.str[to]})
	require.NoError(t, err)
}

func (f *fixture) profile(t testing.TB, i int) types.Profile {
	t.Helper()
	p, err := f.k.GetProfile(f.ctx, f.addrs[i])
	require.NoError(t, err)
	return p
}

// state is the whole module state as JSON, to show a refused message
// changed nothing.
func (f *fixture) state(t testing.TB) string {
	t.Helper()
	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	bz, err := f.cdc.MarshalJSON(gs)
	require.NoError(t, err)
	return string(bz)
}

// lastEvent returns the type of the last event emitted on the context.
func (f *fixture) lastEvent() string {
	events := f.ctx.EventManager().Events()
	if len(events) == 0 {
		return ""
	}
	return events[len(events)-1].Type
}

// mustJSON is a readable dump for failure messages.
func mustJSON(v any) string {
	bz, _ := json.Marshal(v)
	return string(bz)
}

// appKey is a distinct 32-byte public key for each n (the byte n, 32
// times, so keys sort by n). The keeper only checks the length; real
// signatures are the message lane's business.
func appKey(n byte) []byte {
	pk := make([]byte, types.AppKeyPubKeySize)
	for i := range pk {
		pk[i] = n
	}
	return pk
}

// addKey registers appKey(n) for account i with scopes and no expiry.
func (f *fixture) addKey(t testing.TB, i int, n byte, scopes ...string) {
	t.Helper()
	_, err := f.msg.AddAppKey(f.ctx, &types.MsgAddAppKey{Owner: f.str[i], PubKey: appKey(n), Scopes: scopes})
	require.NoError(t, err)
}

// eventTypes returns the types of the events emitted since the context's
// event manager was last reset with resetEvents.
func (f *fixture) eventTypes() []string {
	var out []string
	for _, e := range f.ctx.EventManager().Events() {
		out = append(out, e.Type)
	}
	return out
}

// resetEvents gives the context a fresh event manager.
func (f *fixture) resetEvents() {
	f.ctx = f.ctx.WithEventManager(sdk.NewEventManager())
}
