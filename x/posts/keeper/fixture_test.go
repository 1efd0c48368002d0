package keeper_test

import (
	"bytes"
	"context"
	"errors"
	"sort"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/core/address"

	codecaddress "github.com/cosmos/cosmos-sdk/codec/address"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	moduletestutil "github.com/cosmos/cosmos-sdk/types/module/testutil"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"

	"github.com/socialchain/socialchain/x/posts"
	"github.com/socialchain/socialchain/x/posts/keeper"
	"github.com/socialchain/socialchain/x/posts/types"
)

// fixture is the one keeper test setup of this package: a posts keeper on
// an in-memory store with the real codec, a fake x/profiles, and named
// accounts. Every test builds its own with newFixture.
type fixture struct {
	ctx       sdk.Context
	key       *storetypes.KVStoreKey
	cdc       moduletestutil.TestEncodingConfig
	ac        address.Codec
	k         keeper.Keeper
	msgs      types.MsgServer
	query     types.QueryServer
	profiles  *fakeProfiles
	authority string
}

// blockTime is the header time of every fixture; the state machine reads
// time from the header only.
var blockTime = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func newFixture(tb testing.TB) *fixture {
	tb.Helper()
	return newFixtureWithCodec(tb, codecaddress.NewBech32Codec("cosmos"))
}

// newFixtureWithCodec is newFixture with the address codec ac, whose
// prefix must be "cosmos".
func newFixtureWithCodec(tb testing.TB, ac address.Codec) *fixture {
	tb.Helper()
	key := storetypes.NewKVStoreKey(types.StoreKey)
	tctx := testutil.DefaultContextWithDB(tb, key, storetypes.NewTransientStoreKey("transient_test"))
	enc := moduletestutil.MakeTestEncodingConfig(posts.AppModule{})
	authority, err := ac.BytesToString(authtypes.NewModuleAddress(govtypes.ModuleName))
	require.NoError(tb, err)
	profiles := newFakeProfiles()
	k := keeper.NewKeeper(enc.Codec, runtime.NewKVStoreService(key), ac, authority, profiles)
	f := &fixture{
		ctx:       tctx.Ctx.WithBlockHeight(10).WithBlockTime(blockTime),
		key:       key,
		cdc:       enc,
		ac:        ac,
		k:         k,
		msgs:      keeper.NewMsgServerImpl(k),
		query:     keeper.NewQueryServerImpl(k),
		profiles:  profiles,
		authority: authority,
	}
	require.NoError(tb, k.InitGenesis(f.ctx, types.DefaultGenesis()))
	return f
}

// account returns a deterministic address for name and its string form.
func (f *fixture) account(name string) (sdk.AccAddress, string) {
	addr := sdk.AccAddress(bytes.Repeat([]byte(name+"."), 20)[:20])
	s, err := f.ac.BytesToString(addr)
	if err != nil {
		panic(err)
	}
	return addr, s
}

// addr returns the address string of name.
func (f *fixture) addr(name string) string {
	_, s := f.account(name)
	return s
}

// withProfile gives name a profile with handle name.
func (f *fixture) withProfile(names ...string) {
	for _, n := range names {
		a, _ := f.account(n)
		f.profiles.create(a, n)
	}
}

// post publishes text by name and returns the id.
func (f *fixture) post(tb testing.TB, name, text string) uint64 {
	tb.Helper()
	res, err := f.msgs.CreatePost(f.ctx, &types.MsgCreatePost{Author: f.addr(name), Text: text})
	require.NoError(tb, err)
	return res.ID
}

// reply publishes text by name in reply to parent.
func (f *fixture) reply(tb testing.TB, name string, parent uint64, text string) uint64 {
	tb.Helper()
	res, err := f.msgs.CreatePost(f.ctx, &types.MsgCreatePost{Author: f.addr(name), Text: text, ReplyTo: parent})
	require.NoError(tb, err)
	return res.ID
}

// getPost returns a post, failing the test if it is missing.
func (f *fixture) getPost(tb testing.TB, id uint64) types.Post {
	tb.Helper()
	p, err := f.k.Posts.Get(f.ctx, id)
	require.NoError(tb, err)
	return p
}

// deliver runs msg through the Msg service.
func (f *fixture) deliver(msg sdk.Msg) (any, error) {
	ctx := f.ctx
	switch m := msg.(type) {
	case *types.MsgCreatePost:
		return f.msgs.CreatePost(ctx, m)
	case *types.MsgEditPost:
		return f.msgs.EditPost(ctx, m)
	case *types.MsgDeletePost:
		return f.msgs.DeletePost(ctx, m)
	case *types.MsgRepost:
		return f.msgs.Repost(ctx, m)
	case *types.MsgUndoRepost:
		return f.msgs.UndoRepost(ctx, m)
	case *types.MsgReact:
		return f.msgs.React(ctx, m)
	case *types.MsgUnreact:
		return f.msgs.Unreact(ctx, m)
	case *types.MsgUpdateParams:
		return f.msgs.UpdateParams(ctx, m)
	}
	panic("unknown msg")
}

// stateSnapshot is every key and value of the posts store, the posts
// counters of the fake profiles, and the number of events emitted.
type stateSnapshot struct {
	kv     [][2][]byte
	counts map[string]int64
	events int
}

func (f *fixture) snapshot() stateSnapshot {
	s := stateSnapshot{counts: map[string]int64{}, events: len(f.ctx.EventManager().Events())}
	it := f.ctx.KVStore(f.key).Iterator(nil, nil)
	defer it.Close()
	for ; it.Valid(); it.Next() {
		s.kv = append(s.kv, [2][]byte{bytes.Clone(it.Key()), bytes.Clone(it.Value())})
	}
	for k, v := range f.profiles.postsCount {
		s.counts[k] = v
	}
	return s
}

// requireRefused delivers msg and checks that it fails with want and
// leaves the state and the event log as they were.
func (f *fixture) requireRefused(t *testing.T, msg sdk.Msg, want error) {
	t.Helper()
	before := f.snapshot()
	_, err := f.deliver(msg)
	require.ErrorIs(t, err, want)
	require.Equal(t, before, f.snapshot(), "a refused message changed state")
}

// fakeProfiles is an in-memory x/profiles for unit tests.
type fakeProfiles struct {
	handles    map[string]sdk.AccAddress // handle -> owner
	owners     map[string]string         // owner -> handle
	blocks     map[[2]string]bool        // (blocker, blocked)
	following  map[string][]sdk.AccAddress
	postsCount map[string]int64
}

var _ types.ProfilesKeeper = (*fakeProfiles)(nil)

func newFakeProfiles() *fakeProfiles {
	return &fakeProfiles{
		handles:    map[string]sdk.AccAddress{},
		owners:     map[string]string{},
		blocks:     map[[2]string]bool{},
		following:  map[string][]sdk.AccAddress{},
		postsCount: map[string]int64{},
	}
}

func (p *fakeProfiles) create(owner sdk.AccAddress, handle string) {
	p.handles[handle] = owner
	p.owners[string(owner)] = handle
}

func (p *fakeProfiles) remove(owner sdk.AccAddress) {
	delete(p.handles, p.owners[string(owner)])
	delete(p.owners, string(owner))
}

func (p *fakeProfiles) block(blocker, blocked sdk.AccAddress) {
	p.blocks[[2]string{string(blocker), string(blocked)}] = true
}

func (p *fakeProfiles) follow(follower, followee sdk.AccAddress) {
	list := append(p.following[string(follower)], followee)
	sort.Slice(list, func(i, j int) bool { return bytes.Compare(list[i], list[j]) < 0 })
	p.following[string(follower)] = list
}

func (p *fakeProfiles) HasProfile(_ context.Context, addr sdk.AccAddress) (bool, error) {
	_, ok := p.owners[string(addr)]
	return ok, nil
}

func (p *fakeProfiles) HasBlocked(_ context.Context, blocker, blocked sdk.AccAddress) (bool, error) {
	return p.blocks[[2]string{string(blocker), string(blocked)}], nil
}

func (p *fakeProfiles) AddressByHandle(_ context.Context, handle string) (sdk.AccAddress, error) {
	return p.handles[handle], nil
}

func (p *fakeProfiles) AdjustPostsCount(_ context.Context, author sdk.AccAddress, delta int64) error {
	if _, ok := p.owners[string(author)]; !ok {
		return errors.New("profile not found") // as x/profiles does
	}
	p.postsCount[string(author)] += delta
	return nil
}

func (p *fakeProfiles) IterateFollowing(_ context.Context, follower sdk.AccAddress, cb func(sdk.AccAddress) bool) error {
	for _, f := range p.following[string(follower)] {
		if cb(f) {
			return nil
		}
	}
	return nil
}

// abciEvent converts an SDK event for sdk.ParseTypedEvent.
func abciEvent(e sdk.Event) abci.Event {
	return abci.Event(e)
}
