package pool_test

import (
	"crypto/ed25519"
	"crypto/sha256"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/messages/pool"
	"github.com/socialchain/socialchain/x/messages/types"
)

const chainID = "pool-test-1"

// message returns a signed react message of author with timestamp ts.
func message(t testing.TB, author string, ts int64) (*types.Message, []byte) {
	t.Helper()
	seed := sha256.Sum256([]byte(author))
	priv := ed25519.NewKeyFromSeed(seed[:])
	body := types.MessageBody{ChainID: chainID, Author: author, AppKey: priv.Public().(ed25519.PublicKey), TimestampMs: ts,
		Kind: &types.MessageBody_React{React: &types.React{PostID: 1, Kind: "like"}}}
	signed, err := types.Sign(priv, &body)
	require.NoError(t, err)
	raw, err := signed.Marshal()
	require.NoError(t, err)
	m, err := types.Decode(raw, chainID, types.DefaultMaxMessageBytes)
	require.NoError(t, err)
	return m, raw
}

func hashes(msgs []*types.Message) []types.Hash {
	out := make([]types.Hash, len(msgs))
	for i, m := range msgs {
		out[i] = m.Hash
	}
	return out
}

func TestPoolSurvivesReopenInArrivalOrder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pool")
	p, err := pool.Open(dir, chainID, types.DefaultMaxMessageBytes, 0)
	require.NoError(t, err)
	var want []*types.Message
	for i := range 5 {
		m, raw := message(t, "alice", int64(1000+i))
		require.NoError(t, p.Add([]*types.Message{m}, [][]byte{raw}))
		want = append(want, m)
	}
	require.NoError(t, p.Remove([]types.Hash{want[1].Hash}))
	require.NoError(t, p.Close())

	p, err = pool.Open(dir, chainID, types.DefaultMaxMessageBytes, 0)
	require.NoError(t, err)
	defer p.Close()
	got, _ := p.Pending(100, 1<<20)
	require.Equal(t, hashes([]*types.Message{want[0], want[2], want[3], want[4]}), hashes(got))
	require.EqualValues(t, 4, p.PendingFor("alice"))
	// New messages go after the reloaded ones.
	m, raw := message(t, "bob", 5000)
	require.NoError(t, p.Add([]*types.Message{m}, [][]byte{raw}))
	got, _ = p.Pending(100, 1<<20)
	require.Equal(t, m.Hash, got[len(got)-1].Hash)
}

func TestPoolRules(t *testing.T) {
	t.Run("holds signed only with the signature it took", func(t *testing.T) {
		p, err := pool.Open("", chainID, types.DefaultMaxMessageBytes, 0)
		require.NoError(t, err)
		m, raw := message(t, "alice", 1)
		require.False(t, p.HoldsSigned(m))
		require.NoError(t, p.Add([]*types.Message{m}, [][]byte{raw}))
		require.True(t, p.HoldsSigned(m))
		swapped := *m
		swapped.Signed.Signature = append([]byte(nil), m.Signed.Signature...)
		swapped.Signed.Signature[0] ^= 1
		require.False(t, p.HoldsSigned(&swapped), "same hash, other signature")
		require.NoError(t, p.Remove([]types.Hash{m.Hash}))
		require.False(t, p.HoldsSigned(m))
	})
	t.Run("adding a message twice keeps one", func(t *testing.T) {
		p, err := pool.Open("", chainID, types.DefaultMaxMessageBytes, 0)
		require.NoError(t, err)
		m, raw := message(t, "alice", 1)
		require.NoError(t, p.Add([]*types.Message{m, m}, [][]byte{raw, raw}))
		require.NoError(t, p.Add([]*types.Message{m}, [][]byte{raw}))
		require.Equal(t, 1, p.Len())
		require.EqualValues(t, 1, p.PendingFor("alice"))
	})
	t.Run("a full pool takes none of a batch and says so", func(t *testing.T) {
		p, err := pool.Open("", chainID, types.DefaultMaxMessageBytes, 2)
		require.NoError(t, err)
		a, ra := message(t, "alice", 1)
		require.NoError(t, p.Add([]*types.Message{a}, [][]byte{ra}))
		b, rb := message(t, "alice", 2)
		c, rc := message(t, "alice", 3)
		require.ErrorIs(t, p.Add([]*types.Message{b, c}, [][]byte{rb, rc}), types.ErrPoolFull)
		require.Equal(t, 1, p.Len())
		require.False(t, p.Has(b.Hash))
	})
	t.Run("pending respects the count and byte limits, oldest first", func(t *testing.T) {
		p, err := pool.Open("", chainID, types.DefaultMaxMessageBytes, 0)
		require.NoError(t, err)
		var all []*types.Message
		var size int64
		for i := range 10 {
			m, raw := message(t, "carol", int64(i+1))
			require.NoError(t, p.Add([]*types.Message{m}, [][]byte{raw}))
			all = append(all, m)
			size = int64(len(raw))
		}
		got, raw := p.Pending(3, 1<<20)
		require.Equal(t, hashes(all[:3]), hashes(got))
		require.Len(t, raw, 3)
		got, _ = p.Pending(100, 4*size+size/2)
		require.Equal(t, hashes(all[:4]), hashes(got))
	})
	t.Run("expired messages leave, newer ones stay", func(t *testing.T) {
		p, err := pool.Open("", chainID, types.DefaultMaxMessageBytes, 0)
		require.NoError(t, err)
		old, ro := message(t, "dave", 100)
		fresh, rf := message(t, "dave", 200)
		require.NoError(t, p.Add([]*types.Message{old, fresh}, [][]byte{ro, rf}))
		n, err := p.RemoveExpired(150)
		require.NoError(t, err)
		require.Equal(t, 1, n)
		require.False(t, p.Has(old.Hash))
		require.True(t, p.Has(fresh.Hash))
		require.EqualValues(t, 1, p.PendingFor("dave"))
	})
	t.Run("removing many keeps order and counts", func(t *testing.T) {
		p, err := pool.Open("", chainID, types.DefaultMaxMessageBytes, 0)
		require.NoError(t, err)
		var all []*types.Message
		for i := range 50 {
			m, raw := message(t, "erin", int64(i+1))
			require.NoError(t, p.Add([]*types.Message{m}, [][]byte{raw}))
			all = append(all, m)
		}
		require.NoError(t, p.Remove(hashes(all[:40])))
		got, _ := p.Pending(100, 1<<20)
		require.Equal(t, hashes(all[40:]), hashes(got))
		require.EqualValues(t, 10, p.PendingFor("erin"))
	})
}
