package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/socialchain/socialchain/x/messages/types"
	poststypes "github.com/socialchain/socialchain/x/posts/types"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
)

var sdkerrorsInsufficientFunds = errorsmod.Wrap(sdkerrors.ErrInsufficientFunds, "fake bank")

func TestApplyBatchRecordsEachOutcome(t *testing.T) {
	f := newFixture(t)
	alice := f.newUser(t, "alice")
	bob := f.newUser(t, "bob", types.ScopeReactions)

	first := f.message(t, alice, post("first #lane"), 0)
	reply := f.message(t, alice, &types.MessageBody_CreatePost{CreatePost: &types.CreatePost{Text: "to nowhere", ReplyTo: 999}}, time.Millisecond)
	outOfScope := f.message(t, bob, post("bob has no posts scope"), 0)
	old := f.message(t, alice, post("too old"), -time.Duration(types.DefaultTimestampWindowSeconds+1)*time.Second)
	react := f.message(t, bob, &types.MessageBody_React{React: &types.React{PostID: 1, Kind: "like"}}, 0)

	require.NoError(t, f.k.ApplyBatch(f.ctx, []*types.Message{first, reply, outOfScope, old, react}))

	r := f.receipt(t, first)
	require.Equal(t, types.StatusIncluded, r.Status, r.Error)
	require.EqualValues(t, 1, r.PostID)
	require.EqualValues(t, 0, r.Index)
	p, err := f.posts.Posts.Get(f.ctx, 1)
	require.NoError(t, err)
	require.Equal(t, alice.addr, p.Author)
	require.Equal(t, []string{"lane"}, p.Hashtags)

	for _, tc := range []struct {
		name      string
		m         *types.Message
		codespace string
		code      uint32
	}{
		{"a reply to a missing post fails with the posts rule", reply, poststypes.ModuleName, poststypes.ErrPostNotFound.ABCICode()},
		{"a kind outside the key's scopes fails", outOfScope, profilestypes.ModuleName, profilestypes.ErrAppKeyOutOfScope.ABCICode()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := f.receipt(t, tc.m)
			require.Equal(t, types.StatusFailed, r.Status)
			require.Equal(t, tc.codespace, r.Codespace)
			require.Equal(t, tc.code, r.Code, r.Error)
			require.NotEmpty(t, r.Error)
		})
	}
	require.Equal(t, 1, f.postCount(t), "failed messages wrote nothing")
	// A message already outside the window fails by its timestamp; its
	// receipt leaves with the rest of its block's.
	ro := f.receipt(t, old)
	require.Equal(t, types.StatusFailed, ro.Status)
	require.Equal(t, types.ErrTimestampTooOld.ABCICode(), ro.Code, ro.Error)

	rr := f.receipt(t, react)
	require.Equal(t, types.StatusIncluded, rr.Status, rr.Error)
	require.NotZero(t, rr.ReactionID)

	// Usage: alice had 2 messages pass the lane's rules (first, reply),
	// bob 1 (react); the refused-by-lane ones (old, out of scope) did not.
	res, err := f.k.Usage.Get(f.ctx, mustAddr(t, f, alice.addr))
	require.NoError(t, err)
	require.EqualValues(t, 2, res.Count)
}

func mustAddr(t testing.TB, f *fixture, s string) []byte {
	bz, err := f.k.AddressCodec().StringToBytes(s)
	require.NoError(t, err)
	return bz
}

func TestApplyBatchSkipsReplaysAndRevokedKeysFail(t *testing.T) {
	f := newFixture(t)
	alice := f.newUser(t, "alice")
	m := f.message(t, alice, post("once"), 0)
	require.NoError(t, f.k.ApplyBatch(f.ctx, []*types.Message{m}))
	before := f.receipt(t, m)

	// A later block carrying the same message changes nothing.
	f.ctx = f.ctx.WithBlockHeight(6)
	require.NoError(t, f.k.ApplyBatch(f.ctx, []*types.Message{m}))
	require.Equal(t, before, f.receipt(t, m))
	require.Equal(t, 1, f.postCount(t))

	// A key revoked between submit and block: the message fails there.
	later := f.message(t, alice, post("after revoke"), time.Second)
	_, err := f.profiles.RevokeAppKey(f.ctx, &profilestypes.MsgRevokeAppKey{Owner: alice.addr, PubKey: alice.pub()})
	require.NoError(t, err)
	require.NoError(t, f.k.ApplyBatch(f.ctx, []*types.Message{later}))
	r := f.receipt(t, later)
	require.Equal(t, types.StatusFailed, r.Status)
	require.Equal(t, profilestypes.ErrAppKeyNotFound.ABCICode(), r.Code, r.Error)
	require.Equal(t, 1, f.postCount(t))
}

func TestReceiptsArePrunedWhenTheWindowCloses(t *testing.T) {
	f := newFixture(t)
	alice := f.newUser(t, "alice")
	earlier := f.message(t, alice, post("an earlier timestamp"), -time.Second)
	m := f.message(t, alice, post("ephemeral receipt"), 0)
	require.NoError(t, f.k.ApplyBatch(f.ctx, []*types.Message{earlier, m}))
	f.receipt(t, m)

	// A block's receipts leave together, when the latest of them expires:
	// earlier's own expiry has passed, but not m's.
	f.ctx = f.ctx.WithBlockTime(blockTime.Add(time.Duration(types.DefaultTimestampWindowSeconds) * time.Second))
	require.NoError(t, f.k.PruneReceipts(f.ctx))
	f.receipt(t, m) // expires at timestamp + window, not before
	f.receipt(t, earlier)

	f.ctx = f.ctx.WithBlockTime(blockTime.Add(time.Duration(types.DefaultTimestampWindowSeconds)*time.Second + time.Millisecond))
	require.NoError(t, f.k.PruneReceipts(f.ctx))
	for _, gone := range []*types.Message{earlier, m} {
		_, found, err := f.k.Receipt(f.ctx, gone.Hash)
		require.NoError(t, err)
		require.False(t, found)
	}
	groups, err := f.k.ReceiptGroups.Iterate(f.ctx, nil)
	require.NoError(t, err)
	keys, err := groups.Keys()
	require.NoError(t, err)
	require.Empty(t, keys, "the block's group left with its receipts")
	// The same bytes are refused by their timestamp now.
	_, err = f.k.CheckMessage(f.ctx, types.DefaultParams(), m, 0)
	require.ErrorIs(t, err, types.ErrTimestampTooOld)
}

func TestValidateRunsTheMsgServerRulesAndWritesNothing(t *testing.T) {
	f := newFixture(t)
	alice := f.newUser(t, "alice")
	params := types.DefaultParams()
	long := make([]rune, poststypes.DefaultMaxTextRunes+1)
	for i := range long {
		long[i] = 'x'
	}
	cases := []struct {
		name string
		m    *types.Message
		err  error
	}{
		{"text over the posts limit is refused", f.message(t, alice, post(string(long)), 0), poststypes.ErrTextTooLong},
		{"an empty post is refused", f.message(t, alice, post(""), 0), poststypes.ErrEmptyPost},
		{"following yourself is refused", f.message(t, alice, &types.MessageBody_Follow{Follow: &types.Follow{Followee: alice.addr}}, 0), profilestypes.ErrSelfRelation},
		{"a timestamp too far ahead is refused", f.message(t, alice, post("future"), time.Duration(types.DefaultMaxFutureSeconds+1)*time.Second), types.ErrTimestampInFuture},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.ErrorIs(t, f.k.Validate(f.ctx, params, tc.m, 0), tc.err)
			require.Equal(t, 0, f.postCount(t))
		})
	}
	ok := f.message(t, alice, post("fine"), 0)
	require.NoError(t, f.k.Validate(f.ctx, params, ok, 0))
	require.Equal(t, 0, f.postCount(t), "a valid message is only checked, not applied")
	_, found, err := f.k.Receipt(f.ctx, ok.Hash)
	require.NoError(t, err)
	require.False(t, found)

	// The allowance counts pending messages.
	allowance := params.Allowance(params.FreeUnits)
	require.ErrorIs(t, f.k.Validate(f.ctx, params, ok, allowance), types.ErrAllowanceExhausted)
	require.NoError(t, f.k.Validate(f.ctx, params, ok, allowance-1))
}

func TestBuyUnits(t *testing.T) {
	f := newFixture(t)
	alice := f.newUser(t, "alice")
	params := types.DefaultParams()

	total, err := f.k.BuyUnits(f.ctx, alice.addr, 3)
	require.NoError(t, err)
	require.EqualValues(t, params.FreeUnits+3, total)
	require.Equal(t, params.UnitPrice.Amount.MulRaw(3), f.bank.charged.AmountOf(params.UnitPrice.Denom))

	for _, tc := range []struct {
		name  string
		buyer string
		units uint32
		poor  bool
		err   error
	}{
		{"zero units are refused", alice.addr, 0, false, types.ErrInvalidUnits},
		{"beyond max_units is refused", alice.addr, params.MaxUnits, false, types.ErrInvalidUnits},
		{"a buyer without a profile is refused", f.k.Authority(), 1, false, types.ErrInvalidAuthor},
		{"a buyer who cannot pay is refused", alice.addr, 1, true, sdkerrors.ErrInsufficientFunds},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f.bank.poor = tc.poor
			charged := f.bank.charged
			_, err := f.k.BuyUnits(f.ctx, tc.buyer, tc.units)
			require.ErrorIs(t, err, tc.err)
			require.Equal(t, charged, f.bank.charged)
			units, err := f.k.Units.Get(f.ctx, mustAddr(t, f, alice.addr))
			require.NoError(t, err)
			require.EqualValues(t, 3, units, "units unchanged")
		})
	}
}

func TestGenesisRoundTrip(t *testing.T) {
	f := newFixture(t)
	alice := f.newUser(t, "alice")
	require.NoError(t, f.k.ApplyBatch(f.ctx, []*types.Message{f.message(t, alice, post("kept"), 0)}))
	_, err := f.k.BuyUnits(f.ctx, alice.addr, 2)
	require.NoError(t, err)
	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.Len(t, gs.Receipts, 1)
	require.Len(t, gs.Units, 1)
	require.Len(t, gs.Usage, 1)

	g := newFixture(t)
	require.NoError(t, g.k.InitGenesis(g.ctx, gs))
	again, err := g.k.ExportGenesis(g.ctx)
	require.NoError(t, err)
	require.Equal(t, gs, again)

	bad := *gs
	bad.Receipts = append(bad.Receipts, gs.Receipts[0])
	require.ErrorIs(t, bad.Validate(f.k.AddressCodec()), types.ErrInvalidGenesis)
}
