package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"

	"github.com/socialchain/socialchain/x/messages/abci"
	"github.com/socialchain/socialchain/x/messages/keeper"
	"github.com/socialchain/socialchain/x/messages/pool"
	"github.com/socialchain/socialchain/x/messages/types"
)

// FuzzLaneGossipBundle is the receive path of lane gossip: arbitrary bytes
// from a peer, decoded as a bundle (abci.DecodeBundle) and taken by
// Lane.Accept against a state with one user, as the node's gossip
// validator does. Never a panic; a decoded bundle re-encodes to itself; one
// result per message; an undecodable or badly signed message marks the
// bundle forged and is refused; a refusal names its code and reason; and
// every accepted message is in the pool.
func FuzzLaneGossipBundle(f *testing.F) {
	fx := newFixture(f)
	alice := fx.newUser(f, "alice")
	p, err := pool.Open("", chainID, types.DefaultMaxMessageBytes, 10_000)
	require.NoError(f, err)
	f.Cleanup(func() { require.NoError(f, p.Close()) })
	lane := keeper.NewLane(fx.k, p, nil)

	raw := func(m *types.Message) []byte {
		bz, err := m.Signed.Marshal()
		require.NoError(f, err)
		return bz
	}
	good := raw(fx.message(f, alice, post("gossiped"), 0))
	other := raw(fx.message(f, alice, post("another"), 0))
	forgedMsg := fx.message(f, alice, post("forged"), 0)
	forgedMsg.Signed.Signature[0] ^= 1
	stale := raw(fx.message(f, alice, post("from long ago"), -24*time.Hour))
	f.Add(abci.AppendMessageBatch(nil, [][]byte{good, other}))
	f.Add(abci.AppendMessageBatch(nil, [][]byte{good, raw(forgedMsg)}))
	f.Add(abci.AppendMessageBatch(nil, [][]byte{stale, []byte("not a message")}))
	f.Add(abci.AppendMessageBatch(nil, [][]byte{{}}))
	f.Add([]byte{})
	f.Add([]byte{0x0a, 0xff})

	f.Fuzz(func(t *testing.T, bundle []byte) {
		msgs, err := abci.DecodeBundle(bundle)
		if err != nil {
			require.ErrorIs(t, err, types.ErrInvalidBatch)
			return
		}
		again, err := abci.DecodeBundle(abci.AppendMessageBatch(nil, msgs))
		require.NoError(t, err)
		require.Equal(t, msgs, again, "a decoded bundle re-encodes to itself")

		ctx, _ := fx.ctx.CacheContext()
		ctx = ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
		results, forged := lane.Accept(ctx, msgs, true)
		require.Len(t, results, len(msgs))
		for i, r := range results {
			m, decodeErr := types.Decode(msgs[i], chainID, types.DefaultMaxMessageBytes)
			badlySigned := decodeErr == nil && m.VerifySignature() != nil
			if decodeErr != nil || badlySigned {
				require.True(t, forged, "message %d is undecodable or badly signed", i)
				require.False(t, r.Accepted)
			}
			if !r.Accepted {
				require.NotZero(t, r.Code, "refusal %d has a code", i)
				require.NotEmpty(t, r.Error, "refusal %d has a reason", i)
				continue
			}
			require.NoError(t, decodeErr)
			require.Equal(t, m.Hash.String(), r.Hash)
			require.True(t, p.Has(m.Hash), "accepted message %d is pooled", i)
		}
	})
}
