package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/settlement/types"
)

// busyFixture has every kind of state: signers (one rotated), two signer
// sets, three checkpoints (one final, one signed in part, one not yet
// complete) and records across epochs.
func busyFixture(t *testing.T) *fixture {
	t.Helper()
	f := newFixture(t)
	for i := range 3 {
		f.register(t, i, nil)
	}
	recordLeaves(t, f, 0, 3)
	f.openCheckpoint(t, 10)
	cp := f.completeCheckpoint(t, 10, appHashAfter(10))
	for i := range 3 {
		require.NoError(t, f.k.AddCheckpointSignature(f.ctx, 1, signCheckpoint(t, f.vals[i].key, cp)))
	}
	f.register(t, 3, nil)
	f.register(t, 1, ethKey(t, "rotated"))
	recordLeaves(t, f, 3, 2)
	f.openCheckpoint(t, 20)
	cp = f.completeCheckpoint(t, 20, appHashAfter(20))
	require.NoError(t, f.k.AddCheckpointSignature(f.ctx, 2, signCheckpoint(t, f.vals[0].key, cp)))
	recordLeaves(t, f, 5, 1)
	f.openCheckpoint(t, 30)
	return f
}

func TestGenesisRoundTrip(t *testing.T) {
	f := busyFixture(t)
	exported, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.Len(t, exported.Signers, 4)
	require.Len(t, exported.SignerSets, 2)
	require.Len(t, exported.Checkpoints, 3)
	require.Len(t, exported.Records, 6)
	require.NoError(t, exported.Validate(valCodec()))

	g := newFixture(t)
	require.NoError(t, g.k.InitGenesis(g.ctx, exported))
	reexported, err := g.k.ExportGenesis(g.ctx)
	require.NoError(t, err)
	require.Equal(t, exported, reexported)
	require.Equal(t, f.state(t), g.state(t))

	// The imported chain keeps working from where the export stopped: the
	// eth index is rebuilt and new records continue the sequence.
	holder, err := g.k.Signers.Indexes.EthAddress.MatchExact(g.ctx, g.vals[0].eth)
	require.NoError(t, err)
	require.Equal(t, g.vals[0].val, holder)
	require.NoError(t, g.k.RecordLeaf(g.ctx, "post", "next", make([]byte, 32)))
	leaves, to, err := g.k.EpochLeaves(g.ctx, 6)
	require.NoError(t, err)
	require.Len(t, leaves, 1)
	require.EqualValues(t, 7, to)
	_, err = g.msg.RegisterSigner(g.ctx, g.registerMsg(t, 0, g.vals[0].key))
	require.ErrorIs(t, err, types.ErrSameEthAddress)
}

func TestInitGenesisRefusesInvalidGenesis(t *testing.T) {
	f := busyFixture(t)
	gs, err := f.k.ExportGenesis(f.ctx)
	require.NoError(t, err)
	gs.Checkpoints[1].Checkpoint.Number = 5

	g := newFixture(t)
	before := g.state(t)
	require.ErrorIs(t, g.k.InitGenesis(g.ctx, gs), types.ErrInvalidGenesis)
	require.Equal(t, before, g.state(t))
}
