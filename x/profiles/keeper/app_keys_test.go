package keeper_test

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	gateway "github.com/cosmos/gogogateway"
	"github.com/grpc-ecosystem/grpc-gateway/runtime"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/socialchain/socialchain/x/profiles/types"
)

func TestAddAppKey(t *testing.T) {
	future := blockTime.Add(24 * time.Hour)
	past := blockTime.Add(-time.Second)
	at := blockTime
	cases := []struct {
		name    string
		setup   func(t *testing.T, f *fixture)
		msg     func(f *fixture) *types.MsgAddAppKey
		wantErr error
	}{
		{
			name: "a key with valid scopes is added",
			msg: func(f *fixture) *types.MsgAddAppKey {
				return &types.MsgAddAppKey{Owner: f.str[0], PubKey: appKey(1), Scopes: []string{types.ScopePosts, types.ScopeFollows}}
			},
		},
		{
			name: "a key with every scope and a future expiry is added",
			msg: func(f *fixture) *types.MsgAddAppKey {
				return &types.MsgAddAppKey{Owner: f.str[0], PubKey: appKey(1), Scopes: types.AllScopes, ExpiresAt: &future}
			},
		},
		{
			name:  "a key another profile holds is added for this one too",
			setup: func(t *testing.T, f *fixture) { f.addKey(t, 1, 1, types.ScopePosts) },
			msg: func(f *fixture) *types.MsgAddAppKey {
				return &types.MsgAddAppKey{Owner: f.str[0], PubKey: appKey(1), Scopes: []string{types.ScopeReactions}}
			},
		},
		{
			name:    "malformed owner address is refused",
			msg:     addMsg("social1bad", appKey(1), types.ScopePosts),
			wantErr: types.ErrInvalidAddress,
		},
		{
			name:    "empty key is refused",
			msg:     addMsgFor(0, nil, types.ScopePosts),
			wantErr: types.ErrInvalidAppKey,
		},
		{
			name:    "key shorter than 32 bytes is refused",
			msg:     addMsgFor(0, appKey(1)[:31], types.ScopePosts),
			wantErr: types.ErrInvalidAppKey,
		},
		{
			name:    "key longer than 32 bytes is refused",
			msg:     addMsgFor(0, append(appKey(1), 0), types.ScopePosts),
			wantErr: types.ErrInvalidAppKey,
		},
		{
			name:    "key without scopes is refused",
			msg:     addMsgFor(0, appKey(1)),
			wantErr: types.ErrInvalidScope,
		},
		{
			name:    "unknown scope is refused",
			msg:     addMsgFor(0, appKey(1), types.ScopePosts, "likes"),
			wantErr: types.ErrInvalidScope,
		},
		{
			name:    "scope in the wrong case is refused",
			msg:     addMsgFor(0, appKey(1), "Posts"),
			wantErr: types.ErrInvalidScope,
		},
		{
			name:    "repeated scope is refused",
			msg:     addMsgFor(0, appKey(1), types.ScopePosts, types.ScopeReposts, types.ScopePosts),
			wantErr: types.ErrInvalidScope,
		},
		{
			name: "expiry before the block time is refused",
			msg: func(f *fixture) *types.MsgAddAppKey {
				return &types.MsgAddAppKey{Owner: f.str[0], PubKey: appKey(1), Scopes: []string{types.ScopePosts}, ExpiresAt: &past}
			},
			wantErr: types.ErrAppKeyExpired,
		},
		{
			name: "expiry at the block time is refused",
			msg: func(f *fixture) *types.MsgAddAppKey {
				return &types.MsgAddAppKey{Owner: f.str[0], PubKey: appKey(1), Scopes: []string{types.ScopePosts}, ExpiresAt: &at}
			},
			wantErr: types.ErrAppKeyExpired,
		},
		{
			name:    "owner without a profile is refused",
			msg:     addMsgFor(3, appKey(1), types.ScopePosts),
			wantErr: types.ErrProfileNotFound,
		},
		{
			name:    "the same key twice is refused",
			setup:   func(t *testing.T, f *fixture) { f.addKey(t, 0, 1, types.ScopePosts) },
			msg:     addMsgFor(0, appKey(1), types.ScopeReactions),
			wantErr: types.ErrAppKeyExists,
		},
		{
			name: "a key beyond max_app_keys_per_profile is refused",
			setup: func(t *testing.T, f *fixture) {
				p := types.DefaultParams()
				p.MaxAppKeysPerProfile = 2
				_, err := f.msg.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.authority, Params: p})
				require.NoError(t, err)
				f.addKey(t, 0, 1, types.ScopePosts)
				f.addKey(t, 0, 2, types.ScopePosts)
				f.addKey(t, 1, 3, types.ScopePosts) // another profile's keys do not count
			},
			msg:     addMsgFor(0, appKey(3), types.ScopePosts),
			wantErr: types.ErrTooManyAppKeys,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			f.create(t, 0, "alice")
			f.create(t, 1, "bob")
			if tc.setup != nil {
				tc.setup(t, f)
			}
			f.resetEvents()
			before := f.state(t)
			msg := tc.msg(f)
			_, err := f.msg.AddAppKey(f.ctx, msg)
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				require.Equal(t, before, f.state(t), "a refused message must not change state")
				require.Empty(t, f.eventTypes())
				return
			}
			require.NoError(t, err)
			key, err := f.k.GetAppKey(f.ctx, f.addrs[0], msg.PubKey)
			require.NoError(t, err)
			require.Equal(t, f.str[0], key.Owner)
			require.Equal(t, msg.Scopes, key.Scopes)
			require.Equal(t, int64(10), key.AddedHeight)
			require.Equal(t, blockTime, key.AddedAt)
			if msg.ExpiresAt != nil {
				require.Equal(t, msg.ExpiresAt.UTC(), key.ExpiresAt.UTC())
			} else {
				require.Nil(t, key.ExpiresAt)
			}
			require.Equal(t, []string{"socialchain.profiles.v1.EventAppKeyAdded"}, f.eventTypes())
			ev, err := sdk.ParseTypedEvent(abci.Event(f.ctx.EventManager().Events()[0]))
			require.NoError(t, err)
			require.Equal(t, &types.EventAppKeyAdded{Owner: f.str[0], PubKey: hex.EncodeToString(msg.PubKey), Scopes: msg.Scopes}, ev)
			require.NoError(t, f.k.AuthorizeAppKey(f.ctx, f.addrs[0], msg.PubKey, msg.Scopes[0]))
		})
	}
}

// addMsgFor is a MsgAddAppKey of fixture account i without expiry.
func addMsgFor(i int, pubKey []byte, scopes ...string) func(f *fixture) *types.MsgAddAppKey {
	return func(f *fixture) *types.MsgAddAppKey {
		return &types.MsgAddAppKey{Owner: f.str[i], PubKey: pubKey, Scopes: scopes}
	}
}

// addMsg is a MsgAddAppKey of owner without expiry.
func addMsg(owner string, pubKey []byte, scopes ...string) func(f *fixture) *types.MsgAddAppKey {
	return func(*fixture) *types.MsgAddAppKey {
		return &types.MsgAddAppKey{Owner: owner, PubKey: pubKey, Scopes: scopes}
	}
}

func TestRevokeAppKey(t *testing.T) {
	cases := []struct {
		name    string
		setup   func(t *testing.T, f *fixture)
		owner   int
		pubKey  []byte
		wantErr error
	}{
		{name: "a registered key is revoked", owner: 0, pubKey: appKey(1)},
		{
			name: "an expired key is revoked",
			setup: func(t *testing.T, f *fixture) {
				expiry := blockTime.Add(time.Minute)
				_, err := f.msg.AddAppKey(f.ctx, &types.MsgAddAppKey{Owner: f.str[0], PubKey: appKey(9), Scopes: []string{types.ScopePosts}, ExpiresAt: &expiry})
				require.NoError(t, err)
				f.ctx = f.ctx.WithBlockTime(expiry.Add(time.Hour))
			},
			owner: 0, pubKey: appKey(9),
		},
		{name: "an unknown key is refused", owner: 0, pubKey: appKey(7), wantErr: types.ErrAppKeyNotFound},
		{name: "another profile's key is refused", owner: 0, pubKey: appKey(3), wantErr: types.ErrAppKeyNotFound},
		{name: "an address without a profile is refused", owner: 3, pubKey: appKey(1), wantErr: types.ErrProfileNotFound},
		{name: "a key of the wrong length is refused", owner: 0, pubKey: appKey(1)[:16], wantErr: types.ErrInvalidAppKey},
		{
			name:    "revoking twice is refused",
			setup:   func(t *testing.T, f *fixture) { f.revoke(t, 0, appKey(1)) },
			owner:   0,
			pubKey:  appKey(1),
			wantErr: types.ErrAppKeyNotFound,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			f.create(t, 0, "alice")
			f.create(t, 1, "bob")
			f.addKey(t, 0, 1, types.ScopePosts)
			f.addKey(t, 0, 2, types.ScopeFollows)
			f.addKey(t, 1, 3, types.ScopePosts)
			if tc.setup != nil {
				tc.setup(t, f)
			}
			f.resetEvents()
			before := f.state(t)
			_, err := f.msg.RevokeAppKey(f.ctx, &types.MsgRevokeAppKey{Owner: f.str[tc.owner], PubKey: tc.pubKey})
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				require.Equal(t, before, f.state(t), "a refused message must not change state")
				require.Empty(t, f.eventTypes())
				return
			}
			require.NoError(t, err)
			_, err = f.k.GetAppKey(f.ctx, f.addrs[tc.owner], tc.pubKey)
			require.ErrorIs(t, err, types.ErrAppKeyNotFound)
			require.ErrorIs(t, f.k.AuthorizeAppKey(f.ctx, f.addrs[tc.owner], tc.pubKey, types.ScopePosts), types.ErrAppKeyNotFound)
			require.Equal(t, []string{"socialchain.profiles.v1.EventAppKeyRevoked"}, f.eventTypes())
			require.NoError(t, f.k.AuthorizeAppKey(f.ctx, f.addrs[0], appKey(2), types.ScopeFollows), "the profile's other keys stay")
			require.NoError(t, f.k.AuthorizeAppKey(f.ctx, f.addrs[1], appKey(3), types.ScopePosts), "other profiles' keys stay")
		})
	}
}

func (f *fixture) revoke(t testing.TB, i int, pubKey []byte) {
	t.Helper()
	_, err := f.msg.RevokeAppKey(f.ctx, &types.MsgRevokeAppKey{Owner: f.str[i], PubKey: pubKey})
	require.NoError(t, err)
}

func TestAuthorizeAppKey(t *testing.T) {
	expiry := blockTime.Add(time.Hour)
	cases := []struct {
		name    string
		at      time.Time // block time; zero means blockTime
		owner   int
		pubKey  []byte
		scope   string
		wantErr error
	}{
		{name: "a key within its scope is authorised", owner: 0, pubKey: appKey(1), scope: types.ScopePosts},
		{name: "a key's second scope is authorised", owner: 0, pubKey: appKey(1), scope: types.ScopeFollows},
		{name: "a key without an expiry is authorised years later", at: blockTime.AddDate(10, 0, 0), owner: 0, pubKey: appKey(2), scope: types.ScopeReactions},
		{name: "a key just before its expiry is authorised", at: expiry.Add(-time.Nanosecond), owner: 0, pubKey: appKey(1), scope: types.ScopePosts},
		{name: "a key at its expiry is refused", at: expiry, owner: 0, pubKey: appKey(1), scope: types.ScopePosts, wantErr: types.ErrAppKeyExpired},
		{name: "a key after its expiry is refused", at: expiry.Add(time.Hour), owner: 0, pubKey: appKey(1), scope: types.ScopePosts, wantErr: types.ErrAppKeyExpired},
		{name: "a key outside its scopes is refused", owner: 0, pubKey: appKey(1), scope: types.ScopeReactions, wantErr: types.ErrAppKeyOutOfScope},
		{name: "the reposts scope is not implied by posts", owner: 0, pubKey: appKey(1), scope: types.ScopeReposts, wantErr: types.ErrAppKeyOutOfScope},
		{name: "an unregistered key is refused", owner: 0, pubKey: appKey(5), scope: types.ScopePosts, wantErr: types.ErrAppKeyNotFound},
		{name: "another profile's key is refused", owner: 1, pubKey: appKey(1), scope: types.ScopePosts, wantErr: types.ErrAppKeyNotFound},
		{name: "an owner without a profile is refused", owner: 3, pubKey: appKey(1), scope: types.ScopePosts, wantErr: types.ErrProfileNotFound},
		{name: "an unknown scope is refused", owner: 0, pubKey: appKey(1), scope: "likes", wantErr: types.ErrInvalidScope},
		{name: "a key of the wrong length is refused", owner: 0, pubKey: appKey(1)[:31], scope: types.ScopePosts, wantErr: types.ErrInvalidAppKey},
	}
	f := newFixture(t)
	f.create(t, 0, "alice")
	f.create(t, 1, "bob")
	_, err := f.msg.AddAppKey(f.ctx, &types.MsgAddAppKey{
		Owner: f.str[0], PubKey: appKey(1), Scopes: []string{types.ScopePosts, types.ScopeFollows}, ExpiresAt: &expiry,
	})
	require.NoError(t, err)
	f.addKey(t, 0, 2, types.ScopeReactions)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := f.ctx
			if !tc.at.IsZero() {
				ctx = ctx.WithBlockTime(tc.at)
			}
			before := f.state(t)
			err := f.k.AuthorizeAppKey(ctx, f.addrs[tc.owner], tc.pubKey, tc.scope)
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
			} else {
				require.NoError(t, err)
			}
			require.Equal(t, before, f.state(t), "authorising never writes")
		})
	}
}

// TestAuthorizeAppKeyCostsOneRead checks, in gas, that authorising a key
// is a single store read: the message lane runs it for every message.
func TestAuthorizeAppKeyCostsOneRead(t *testing.T) {
	f := newFixture(t)
	f.create(t, 0, "alice")
	f.addKey(t, 0, 1, types.ScopePosts)

	gasOf := func(run func(ctx sdk.Context) error) storetypes.Gas {
		ctx := f.ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
		require.NoError(t, run(ctx))
		return ctx.GasMeter().GasConsumed()
	}
	oneGet := gasOf(func(ctx sdk.Context) error {
		_, err := f.k.AppKeys.Get(ctx, collections.Join(f.addrs[0], appKey(1)))
		return err
	})
	authorize := gasOf(func(ctx sdk.Context) error {
		return f.k.AuthorizeAppKey(ctx, f.addrs[0], appKey(1), types.ScopePosts)
	})
	require.Positive(t, oneGet, "the store meters reads")
	require.Equal(t, oneGet, authorize)
}

func TestDeleteProfileRemovesAppKeys(t *testing.T) {
	f := newFixture(t)
	f.create(t, 0, "alice")
	f.create(t, 1, "bob")
	f.addKey(t, 0, 1, types.ScopePosts)
	f.addKey(t, 0, 2, types.ScopeFollows)
	f.addKey(t, 1, 1, types.ScopePosts)

	f.resetEvents()
	_, err := f.msg.DeleteProfile(f.ctx, &types.MsgDeleteProfile{Owner: f.str[0]})
	require.NoError(t, err)
	require.Equal(t, []string{
		"socialchain.profiles.v1.EventAppKeyRevoked",
		"socialchain.profiles.v1.EventAppKeyRevoked",
		"socialchain.profiles.v1.EventProfileDeleted",
	}, f.eventTypes())
	res, err := f.query.AppKeys(f.ctx, &types.QueryAppKeysRequest{Address: f.str[0]})
	require.NoError(t, err)
	require.Empty(t, res.AppKeys)
	require.ErrorIs(t, f.k.AuthorizeAppKey(f.ctx, f.addrs[0], appKey(1), types.ScopePosts), types.ErrProfileNotFound)
	require.NoError(t, f.k.AuthorizeAppKey(f.ctx, f.addrs[1], appKey(1), types.ScopePosts), "bob's copy of the key stays")

	// A new profile at the address starts without keys.
	f.create(t, 0, "alice")
	require.ErrorIs(t, f.k.AuthorizeAppKey(f.ctx, f.addrs[0], appKey(1), types.ScopePosts), types.ErrAppKeyNotFound)
}

func TestQueryAppKeys(t *testing.T) {
	f := newFixture(t)
	f.create(t, 0, "alice")
	f.create(t, 1, "bob")
	for _, n := range []byte{3, 1, 2} {
		f.addKey(t, 0, n, types.ScopePosts)
	}
	f.addKey(t, 1, 9, types.ScopeReactions)

	var got [][]byte
	var key []byte
	for page := 0; page < 3; page++ {
		res, err := f.query.AppKeys(f.ctx, &types.QueryAppKeysRequest{Address: f.str[0], Pagination: &query.PageRequest{Key: key, Limit: 2}})
		require.NoError(t, err)
		require.LessOrEqual(t, len(res.AppKeys), 2)
		for _, k := range res.AppKeys {
			require.Equal(t, f.str[0], k.Owner, "only the owner's keys")
			got = append(got, k.PubKey)
		}
		key = res.Pagination.NextKey
		if key == nil {
			break
		}
	}
	require.Equal(t, [][]byte{appKey(1), appKey(2), appKey(3)}, got, "all keys, in public-key order")

	counted, err := f.query.AppKeys(f.ctx, &types.QueryAppKeysRequest{Address: f.str[1], Pagination: &query.PageRequest{CountTotal: true}})
	require.NoError(t, err)
	require.Len(t, counted.AppKeys, 1)
	require.Equal(t, uint64(1), counted.Pagination.Total)

	none, err := f.query.AppKeys(f.ctx, &types.QueryAppKeysRequest{Address: f.str[3]})
	require.NoError(t, err)
	require.Empty(t, none.AppKeys, "an address without a profile has no keys")

	_, err = f.query.AppKeys(f.ctx, &types.QueryAppKeysRequest{Address: "social1bad"})
	require.ErrorIs(t, err, types.ErrInvalidAddress)
	_, err = f.query.AppKeys(f.ctx, nil)
	require.ErrorIs(t, err, types.ErrInvalidPagination)
}

// sdkCtxQueryServer runs the query server on the fixture's context: the
// gateway passes the HTTP request's context, which has no store.
type sdkCtxQueryServer struct {
	types.QueryServer
	ctx sdk.Context
}

func (s sdkCtxQueryServer) AppKeys(_ context.Context, req *types.QueryAppKeysRequest) (*types.QueryAppKeysResponse, error) {
	return s.QueryServer.AppKeys(s.ctx, req)
}

// TestAppKeysRESTRoute serves the generated gateway route
// GET /socialchain/profiles/v1/profiles/{address}/app_keys with the
// marshaler the node's API server uses.
func TestAppKeysRESTRoute(t *testing.T) {
	f := newFixture(t)
	f.create(t, 0, "alice")
	f.addKey(t, 0, 1, types.ScopePosts, types.ScopeFollows)
	f.addKey(t, 0, 2, types.ScopeReactions)

	gw := runtime.NewServeMux(runtime.WithMarshalerOption(runtime.MIMEWildcard, &gateway.JSONPb{EmitDefaults: true, OrigName: true}))
	require.NoError(t, types.RegisterQueryHandlerServer(context.Background(), gw, sdkCtxQueryServer{QueryServer: f.query, ctx: f.ctx}))
	rec := httptest.NewRecorder()
	gw.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/socialchain/profiles/v1/profiles/"+f.str[0]+"/app_keys?pagination.limit=1", nil))
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	var res struct {
		AppKeys []struct {
			Owner       string   `json:"owner"`
			PubKey      []byte   `json:"pub_key"` // base64 in JSON
			Scopes      []string `json:"scopes"`
			AddedHeight string   `json:"added_height"`
		} `json:"app_keys"`
		Pagination struct {
			NextKey []byte `json:"next_key"`
		} `json:"pagination"`
	}
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &res), rec.Body.String())
	require.Len(t, res.AppKeys, 1)
	require.Equal(t, f.str[0], res.AppKeys[0].Owner)
	require.Equal(t, appKey(1), res.AppKeys[0].PubKey)
	require.Equal(t, []string{types.ScopePosts, types.ScopeFollows}, res.AppKeys[0].Scopes)
	require.Equal(t, "10", res.AppKeys[0].AddedHeight)
	require.NotEmpty(t, res.Pagination.NextKey, "a second page follows")
}
