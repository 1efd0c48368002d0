package keeper_test

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"

	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"

	"github.com/socialchain/socialchain/internal/addresscodec"
	"github.com/socialchain/socialchain/x/messages"
	"github.com/socialchain/socialchain/x/messages/keeper"
	"github.com/socialchain/socialchain/x/messages/types"
	"github.com/socialchain/socialchain/x/posts"
	postskeeper "github.com/socialchain/socialchain/x/posts/keeper"
	poststypes "github.com/socialchain/socialchain/x/posts/types"
	"github.com/socialchain/socialchain/x/profiles"
	profileskeeper "github.com/socialchain/socialchain/x/profiles/keeper"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
)

const chainID = "messages-test-1"

// blockTime is the header time of the fixture's context.
var blockTime = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

// fixture is the one keeper test setup of this package: the messages
// keeper over the real x/profiles and x/posts keepers, each on its own
// in-memory store with the real codec; only the bank is a double.
type fixture struct {
	ctx      sdk.Context
	k        keeper.Keeper
	profiles profileskeeper.Keeper
	posts    postskeeper.Keeper
	bank     *fakeBank
	// restart returns a new messages keeper over the same stores, as a
	// node restarted on its state has.
	restart func() keeper.Keeper
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	keys := storetypes.NewKVStoreKeys(types.StoreKey, poststypes.StoreKey, profilestypes.StoreKey)
	ctx := testutil.DefaultContextWithKeys(keys, map[string]*storetypes.TransientStoreKey{}, map[string]*storetypes.MemoryStoreKey{})
	enc := moduletestutil.MakeTestEncodingConfig(messages.AppModule{}, posts.AppModule{}, profiles.AppModule{})
	ac := addresscodec.NewBech32Codec("social")
	authority, err := ac.BytesToString(authtypes.NewModuleAddress(govtypes.ModuleName))
	require.NoError(t, err)
	prof := profileskeeper.NewKeeper(enc.Codec, runtime.NewKVStoreService(keys[profilestypes.StoreKey]), ac, authority)
	pst := postskeeper.NewKeeper(enc.Codec, runtime.NewKVStoreService(keys[poststypes.StoreKey]), ac, authority, prof)
	bank := &fakeBank{}
	newKeeper := func() keeper.Keeper {
		return keeper.NewKeeper(enc.Codec, runtime.NewKVStoreService(keys[types.StoreKey]), ac, authority, pst, prof, bank, authtypes.FeeCollectorName)
	}
	k := newKeeper()
	f := &fixture{ctx: ctx.WithBlockHeight(5).WithBlockTime(blockTime).WithChainID(chainID), k: k, profiles: prof, posts: pst, bank: bank, restart: newKeeper}
	require.NoError(t, prof.InitGenesis(f.ctx, profilestypes.DefaultGenesis()))
	require.NoError(t, pst.InitGenesis(f.ctx, poststypes.DefaultGenesis()))
	require.NoError(t, k.InitGenesis(f.ctx, types.DefaultGenesis()))
	return f
}

// user is a profile with an app key.
type user struct {
	addr string
	key  ed25519.PrivateKey
}

func (u user) pub() []byte { return u.key.Public().(ed25519.PublicKey) }

// newUser creates a profile for name and registers an app key with scopes.
func (f *fixture) newUser(t testing.TB, name string, scopes ...string) user {
	t.Helper()
	seed := sha256.Sum256([]byte(name))
	addr := sdk.AccAddress(seed[:20])
	s, err := f.k.AddressCodec().BytesToString(addr)
	require.NoError(t, err)
	u := user{addr: s, key: ed25519.NewKeyFromSeed(seed[:])}
	_, err = f.profiles.CreateProfile(f.ctx, &profilestypes.MsgCreateProfile{Owner: s, Handle: name})
	require.NoError(t, err)
	if len(scopes) == 0 {
		scopes = []string{types.ScopePosts, types.ScopeReactions, types.ScopeReposts, types.ScopeFollows}
	}
	_, err = f.profiles.AddAppKey(f.ctx, &profilestypes.MsgAddAppKey{Owner: s, PubKey: u.pub(), Scopes: scopes})
	require.NoError(t, err)
	return u
}

// message signs kind by u, timestamped at the fixture's block time plus skew.
func (f *fixture) message(t testing.TB, u user, kind types.Kind, skew time.Duration) *types.Message {
	t.Helper()
	body := types.MessageBody{ChainID: chainID, Author: u.addr, AppKey: u.pub(), TimestampMs: blockTime.Add(skew).UnixMilli(), Kind: kind}
	signed, err := types.Sign(u.key, &body)
	require.NoError(t, err)
	raw, err := signed.Marshal()
	require.NoError(t, err)
	m, err := types.Decode(raw, chainID, types.DefaultMaxMessageBytes)
	require.NoError(t, err)
	require.NoError(t, m.VerifySignature())
	return m
}

func post(text string) types.Kind {
	return &types.MessageBody_CreatePost{CreatePost: &types.CreatePost{Text: text}}
}

func (f *fixture) receipt(t testing.TB, m *types.Message) types.Receipt {
	t.Helper()
	r, found, err := f.k.Receipt(f.ctx, m.Hash)
	require.NoError(t, err)
	require.True(t, found, "receipt of %s", m.Hash)
	return r
}

func (f *fixture) postCount(t testing.TB) int {
	t.Helper()
	iter, err := f.posts.Posts.Iterate(f.ctx, nil)
	require.NoError(t, err)
	keys, err := iter.Keys()
	require.NoError(t, err)
	return len(keys)
}

// fakeBank records what BuyUnits charged; it refuses when poor is set.
type fakeBank struct {
	charged sdk.Coins
	poor    bool
}

func (b *fakeBank) SendCoinsFromAccountToModule(_ context.Context, _ sdk.AccAddress, _ string, amt sdk.Coins) error {
	if b.poor {
		return sdkerrorsInsufficientFunds
	}
	b.charged = b.charged.Add(amt...)
	return nil
}
