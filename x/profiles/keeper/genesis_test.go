package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/profiles/types"
)

func TestGenesisRoundTrip(t *testing.T) {
	f := newFixture(t)
	f.create(t, 0, "alice")
	f.create(t, 1, "bob")
	f.create(t, 2, "carol")
	f.follow(t, 0, 1)
	f.follow(t, 2, 1)
	f.follow(t, 1, 0)
	_, err := f.msg.Block(f.ctx, &types.MsgBlock{Blocker: f.str[2], Blocked: f.str[4]})
	require.NoError(t, err)
	require.NoError(t, f.k.AdjustPostsCount(f.ctx, f.addrs[0], 7))
	expiry := blockTime.Add(time.Hour)
	_, err = f.msg.AddAppKey(f.ctx, &types.MsgAddAppKey{Owner: f.str[0], PubKey: appKey(2), Scopes: []string{types.ScopePosts, types.ScopeFollows}, ExpiresAt: &expiry})
	require.NoError(t, err)
	f.addKey(t, 0, 1, types.ScopeReactions)
	f.addKey(t, 2, 1, types.ScopeReposts)

	exported, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, exported.Validate(f.k.AddressCodec()))

	g := newFixture(t)
	require.NoError(t, g.k.InitGenesis(g.ctx, exported))
	require.Equal(t, f.state(t), g.state(t))

	// The imported state works: indexes and reverse edges were rebuilt.
	owner, err := g.k.AddressByHandle(g.ctx, "bob")
	require.NoError(t, err)
	require.Equal(t, g.addrs[1], owner)
	res, err := g.query.Followers(g.ctx, &types.QueryFollowersRequest{Address: g.str[1]})
	require.NoError(t, err)
	require.ElementsMatch(t, []string{g.str[0], g.str[2]}, res.Followers)
	require.Len(t, exported.AppKeys, 3)
	require.NoError(t, g.k.AuthorizeAppKey(g.ctx, g.addrs[0], appKey(2), types.ScopeFollows))
	require.ErrorIs(t, g.k.AuthorizeAppKey(g.ctx.WithBlockTime(expiry), g.addrs[0], appKey(2), types.ScopePosts), types.ErrAppKeyExpired,
		"the expiry survives the round trip")
	require.NoError(t, g.k.AuthorizeAppKey(g.ctx, g.addrs[2], appKey(1), types.ScopeReposts))
}

func TestValidateGenesis(t *testing.T) {
	f := newFixture(t)
	f.create(t, 0, "alice")
	f.create(t, 1, "bob")
	f.follow(t, 0, 1)
	f.addKey(t, 0, 1, types.ScopePosts)
	f.addKey(t, 0, 2, types.ScopePosts, types.ScopeFollows)
	good, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	ac := f.k.AddressCodec()
	require.NoError(t, good.Validate(ac))

	cases := []struct {
		name   string
		mutate func(gs *types.GenesisState)
	}{
		{"duplicate handle is refused", func(gs *types.GenesisState) { gs.Profiles[1].Handle = gs.Profiles[0].Handle }},
		{"two profiles for one owner are refused", func(gs *types.GenesisState) { gs.Profiles[1].Owner = gs.Profiles[0].Owner }},
		{"invalid handle is refused", func(gs *types.GenesisState) { gs.Profiles[0].Handle = "Bad Handle" }},
		{"follow edge to an address without a profile is refused", func(gs *types.GenesisState) { gs.Follows[0].Followee = f.str[4] }},
		{"self-follow is refused", func(gs *types.GenesisState) { gs.Follows[0].Followee = gs.Follows[0].Follower }},
		{"duplicate follow edge is refused", func(gs *types.GenesisState) { gs.Follows = append(gs.Follows, gs.Follows[0]) }},
		{"counters that disagree with the edges are refused", func(gs *types.GenesisState) { gs.Profiles[0].FollowingCount = 5 }},
		{"block by an address without a profile is refused", func(gs *types.GenesisState) {
			gs.Blocks = append(gs.Blocks, types.BlockEdge{Blocker: f.str[4], Blocked: f.str[0]})
		}},
		{"bad params are refused", func(gs *types.GenesisState) { gs.Params.HandleMinLength = 0 }},
		{"reserved handle list with an invalid entry is refused", func(gs *types.GenesisState) {
			gs.Params.ReservedHandles = append(gs.Params.ReservedHandles, "Nope!")
		}},
		{"zero max_app_keys_per_profile is refused", func(gs *types.GenesisState) { gs.Params.MaxAppKeysPerProfile = 0 }},
		{"duplicate app key is refused", func(gs *types.GenesisState) { gs.AppKeys[1].PubKey = gs.AppKeys[0].PubKey }},
		{"app key of the wrong length is refused", func(gs *types.GenesisState) { gs.AppKeys[0].PubKey = gs.AppKeys[0].PubKey[:31] }},
		{"app key with an unknown scope is refused", func(gs *types.GenesisState) { gs.AppKeys[0].Scopes = []string{"likes"} }},
		{"app key without scopes is refused", func(gs *types.GenesisState) { gs.AppKeys[0].Scopes = nil }},
		{"app key with a repeated scope is refused", func(gs *types.GenesisState) {
			gs.AppKeys[1].Scopes = []string{types.ScopeFollows, types.ScopeFollows}
		}},
		{"app key of an owner without a profile is refused", func(gs *types.GenesisState) { gs.AppKeys[0].Owner = f.str[4] }},
		{"app keys beyond max_app_keys_per_profile are refused", func(gs *types.GenesisState) { gs.Params.MaxAppKeysPerProfile = 1 }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			gs, err := f.k.ExportGenesis(f.ctx) // a fresh copy each time
			require.NoError(t, err)
			tc.mutate(gs)
			require.ErrorIs(t, gs.Validate(ac), types.ErrInvalidGenesis)
		})
	}
}
