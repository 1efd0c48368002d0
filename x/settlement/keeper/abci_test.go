package keeper_test

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/settlement/keeper"
	"github.com/socialchain/socialchain/x/settlement/types"
)

// appHashAfter is a stand-in for the app hash committed after height h.
func appHashAfter(h int64) []byte {
	return crypto.Keccak256([]byte{byte(h >> 8), byte(h)}, []byte("app hash"))
}

// recordLeaves writes n post leaves and returns them.
func recordLeaves(t testing.TB, f *fixture, first, n int) [][32]byte {
	t.Helper()
	var out [][32]byte
	for i := first; i < first+n; i++ {
		leaf := types.PostLeaf(common.BytesToAddress([]byte{byte(i + 1)}), uint64(i), crypto.Keccak256Hash([]byte{byte(i)}))
		require.NoError(t, f.k.RecordLeaf(f.ctx, "post", string(rune('a'+i)), leaf[:]))
		out = append(out, leaf)
	}
	return out
}

func TestEndBlockerOpensNoCheckpoint(t *testing.T) {
	cases := []struct {
		name     string
		register bool
		height   int64
	}{
		{name: "no checkpoint off the epoch boundary", register: true, height: 9},
		{name: "no checkpoint one block after the epoch boundary", register: true, height: 11},
		{name: "no checkpoint while no validator has a key", register: false, height: 10},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			if tc.register {
				f.registerAll(t)
			}
			recordLeaves(t, f, 0, 2)
			before := f.state(t)
			f.atHeight(tc.height)
			require.NoError(t, f.k.EndBlocker(f.ctx))
			require.Equal(t, before, f.state(t))
			_, found, err := f.k.LatestCheckpoint(f.ctx)
			require.NoError(t, err)
			require.False(t, found)
			_, found, err = f.k.LatestSignerSet(f.ctx)
			require.NoError(t, err)
			require.False(t, found)
			require.Empty(t, f.events())
		})
	}
}

func TestEndBlockerOpensCheckpointAtEpochBoundary(t *testing.T) {
	f := newFixture(t)
	f.registerAll(t)
	leaves := recordLeaves(t, f, 0, 3)

	cp := f.openCheckpoint(t, 10)

	set, found, err := f.k.LatestSignerSet(f.ctx)
	require.NoError(t, err)
	require.True(t, found)
	require.EqualValues(t, 0, set.Nonce)
	require.Len(t, set.Members, 4)
	root := types.MerkleRoot(leaves)
	require.Equal(t, types.SignedCheckpoint{
		Checkpoint: types.Checkpoint{
			Number:            1,
			Height:            10,
			SettlementRoot:    root[:],
			SignerSetNonce:    0,
			NextSignerSetHash: set.Hash, // unchanged set: hands over to itself
			Time:              uint64(blockTime.Unix() + 10),
		},
		TotalPower:  sumPowers(set),
		RecordsFrom: 0,
		RecordsTo:   3,
		Signatures:  cp.Signatures,
	}, cp)
	require.Empty(t, cp.Signatures)
	require.Empty(t, cp.Digest, "the app hash of height 10 is not known before height 11")
	require.Equal(t, []string{eventType(&types.EventCheckpointCreated{})}, f.events())

	t.Run("the next epoch's checkpoint covers the records written since", func(t *testing.T) {
		more := recordLeaves(t, f, 3, 2)
		cp2 := f.openCheckpoint(t, 20)
		root := types.MerkleRoot(more)
		require.EqualValues(t, 2, cp2.Checkpoint.Number)
		require.EqualValues(t, 3, cp2.RecordsFrom)
		require.EqualValues(t, 5, cp2.RecordsTo)
		require.Equal(t, root[:], cp2.Checkpoint.SettlementRoot)
		require.EqualValues(t, 0, cp2.Checkpoint.SignerSetNonce)

		leaves, to, err := f.k.EpochLeaves(f.ctx, 0)
		require.NoError(t, err)
		require.EqualValues(t, 5, to)
		require.Len(t, leaves, 5, "records are kept after their checkpoint")
	})

	t.Run("an epoch without records has the zero settlement root", func(t *testing.T) {
		cp3 := f.openCheckpoint(t, 30)
		require.Equal(t, make([]byte, 32), cp3.Checkpoint.SettlementRoot)
		require.Equal(t, cp3.RecordsFrom, cp3.RecordsTo)
	})
}

func TestBeginBlockerCompletesCheckpoint(t *testing.T) {
	f := newFixture(t)
	f.registerAll(t)
	recordLeaves(t, f, 0, 1)
	f.openCheckpoint(t, 10)

	// PendingCheckpoint is what ExtendVote signs at height 11, before
	// BeginBlocker has run there.
	f.atHeight(11)
	pending, pendingDigest, ok, err := f.k.PendingCheckpoint(f.ctx, 11, appHashAfter(10))
	require.NoError(t, err)
	require.True(t, ok)

	cp := f.completeCheckpoint(t, 10, appHashAfter(10))
	require.Equal(t, appHashAfter(10), cp.Checkpoint.AppHash)

	params := f.params(t)
	want := types.CheckpointDigest(keeper.Domain(params, testChainID), types.L1Checkpoint{
		Number:            cp.Checkpoint.Number,
		Height:            uint64(cp.Checkpoint.Height),
		AppHash:           [32]byte(appHashAfter(10)),
		SettlementRoot:    [32]byte(cp.Checkpoint.SettlementRoot),
		SignerSetNonce:    cp.Checkpoint.SignerSetNonce,
		NextSignerSetHash: [32]byte(cp.Checkpoint.NextSignerSetHash),
		Time:              cp.Checkpoint.Time,
	})
	require.Equal(t, want[:], cp.Digest)
	require.Equal(t, common.HexToAddress(testContract), keeper.Domain(params, testChainID).Contract)
	require.Equal(t, cp.Checkpoint, pending, "what validators sign at height 11 is what height 11 stores")
	require.Equal(t, cp.Digest, pendingDigest)

	t.Run("begin blocker at a later height leaves a completed checkpoint alone", func(t *testing.T) {
		before := f.state(t)
		f.atHeight(12)
		f.withAppHash(appHashAfter(11))
		require.NoError(t, f.k.BeginBlocker(f.ctx))
		require.Equal(t, before, f.state(t))
	})

	t.Run("pending checkpoint is only due one block after it opened", func(t *testing.T) {
		_, _, ok, err := f.k.PendingCheckpoint(f.ctx, 12, appHashAfter(11))
		require.NoError(t, err)
		require.False(t, ok)
	})

	t.Run("a digest under another chain id differs", func(t *testing.T) {
		other := types.CheckpointDigest(keeper.Domain(params, "socialchain-other-1"), types.L1Checkpoint{Number: cp.Checkpoint.Number})
		require.NotEqual(t, other[:], cp.Digest)
	})
}

func TestEndBlockerHandsOverToNewSignerSet(t *testing.T) {
	cases := []struct {
		name   string
		change func(t *testing.T, f *fixture)
	}{
		{name: "power moving more than 5% hands over", change: func(t *testing.T, f *fixture) { f.setPower(f.vals[2], 40) }},
		{name: "a joining signer hands over", change: func(t *testing.T, f *fixture) { f.register(t, 3, nil) }},
		{name: "a leaving signer hands over", change: func(t *testing.T, f *fixture) {
			_, err := f.msg.RemoveSigner(f.ctx, &types.MsgRemoveSigner{Operator: f.vals[2].operator})
			require.NoError(t, err)
		}},
		{name: "an unbonded signer hands over", change: func(t *testing.T, f *fixture) { f.setPower(f.vals[2], 0) }},
		{name: "a key rotation hands over", change: func(t *testing.T, f *fixture) { f.register(t, 1, ethKey(t, "rotated")) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			for i := range 3 {
				f.register(t, i, nil)
			}
			cp1 := f.openCheckpoint(t, 10)
			set0, err := f.k.SignerSets.Get(f.ctx, 0)
			require.NoError(t, err)
			require.Equal(t, set0.Hash, cp1.Checkpoint.NextSignerSetHash)

			tc.change(t, f)
			cp2 := f.openCheckpoint(t, 20)

			set1, err := f.k.SignerSets.Get(f.ctx, 1)
			require.NoError(t, err, "the new set is stored with nonce+1")
			require.EqualValues(t, 1, set1.Nonce)
			require.EqualValues(t, 20, set1.Height)
			require.NotEqual(t, set0.Hash, set1.Hash)
			require.EqualValues(t, 0, cp2.Checkpoint.SignerSetNonce, "the outgoing set signs the handover")
			require.Equal(t, set1.Hash, cp2.Checkpoint.NextSignerSetHash)
			require.Equal(t, set0.Members, mustSet(t, f, 0).Members, "the outgoing set is kept")
			require.Contains(t, f.events(), eventType(&types.EventSignerSetChanged{}))

			cp3 := f.openCheckpoint(t, 30)
			require.EqualValues(t, 1, cp3.Checkpoint.SignerSetNonce, "the next checkpoint is signed by the new set")
			require.Equal(t, set1.Hash, cp3.Checkpoint.NextSignerSetHash)
			_, err = f.k.SignerSets.Get(f.ctx, 2)
			require.Error(t, err, "no further handover without a change")
		})
	}

	t.Run("power moving exactly 5% does not hand over", func(t *testing.T) {
		f := newFixture(t, 50, 50)
		f.registerAll(t)
		f.openCheckpoint(t, 10)
		f.setPower(f.vals[0], 55)
		f.setPower(f.vals[1], 45)
		cp2 := f.openCheckpoint(t, 20)
		require.EqualValues(t, 0, cp2.Checkpoint.SignerSetNonce)
		require.Equal(t, mustSet(t, f, 0).Hash, cp2.Checkpoint.NextSignerSetHash)
		_, err := f.k.SignerSets.Get(f.ctx, 1)
		require.Error(t, err)
	})

	t.Run("every signer leaving keeps the old set rather than handing over to nobody", func(t *testing.T) {
		f := newFixture(t, 50, 50)
		f.registerAll(t)
		f.openCheckpoint(t, 10)
		for i := range f.vals {
			_, err := f.msg.RemoveSigner(f.ctx, &types.MsgRemoveSigner{Operator: f.vals[i].operator})
			require.NoError(t, err)
		}
		cp2 := f.openCheckpoint(t, 20)
		require.EqualValues(t, 0, cp2.Checkpoint.SignerSetNonce)
		_, err := f.k.SignerSets.Get(f.ctx, 1)
		require.Error(t, err)
	})
}

func sumPowers(set types.SignerSet) uint64 {
	var total uint64
	for _, m := range set.Members {
		total += m.Power
	}
	return total
}

func mustSet(t testing.TB, f *fixture, nonce uint64) types.SignerSet {
	t.Helper()
	s, err := f.k.SignerSets.Get(f.ctx, nonce)
	require.NoError(t, err)
	return s
}

// completedFixture has three validators of equal power, all registered,
// and checkpoint 1 opened at 10 and completed at 11.
func completedFixture(t *testing.T) (*fixture, types.SignedCheckpoint) {
	t.Helper()
	f := newFixture(t, 10, 10, 10)
	f.registerAll(t)
	f.openCheckpoint(t, 10)
	cp := f.completeCheckpoint(t, 10, appHashAfter(10))
	f.atHeight(12)
	return f, cp
}

// memberIndex is the index of validator i in checkpoint cp's signer set.
func memberIndex(t testing.TB, f *fixture, cp types.SignedCheckpoint, i int) uint32 {
	t.Helper()
	for j, m := range mustSet(t, f, cp.Checkpoint.SignerSetNonce).Members {
		if m.EthAddress == f.vals[i].eth {
			return uint32(j)
		}
	}
	t.Fatalf("validator %d is not in the signer set", i)
	return 0
}
