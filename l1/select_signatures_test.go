package l1_test

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/l1"
	settlementtypes "github.com/socialchain/socialchain/x/settlement/types"
)

func TestSelectSignatures(t *testing.T) {
	g := refusalSigners(t)
	d := settlementtypes.Domain{L1ChainID: 1, CosmosChainID: "x"}
	digest := settlementtypes.CheckpointDigest(d, checkpointFor(1, g.set))
	sigs := map[common.Address]settlementtypes.Signature{}
	for i := range g.set.Signers {
		s, err := settlementtypes.SignDigest(g.key(i), digest)
		require.NoError(t, err)
		sigs[g.set.Signers[i].Address] = s
	}

	t.Run("largest signers are taken until the quorum", func(t *testing.T) {
		out, signed, ok := l1.SelectSignatures(g.set, sigs)
		require.True(t, ok)
		require.Equal(t, uint64(2999), signed)
		require.Len(t, out, 3)
		for i, s := range out {
			require.Equal(t, uint32(i), s.SignerIndex)
		}
	})
	t.Run("missing signers are skipped and indices stay increasing", func(t *testing.T) {
		partial := map[common.Address]settlementtypes.Signature{}
		for _, i := range []int{3, 1, 0} {
			partial[g.set.Signers[i].Address] = sigs[g.set.Signers[i].Address]
		}
		out, signed, ok := l1.SelectSignatures(g.set, partial)
		require.True(t, ok)
		require.Equal(t, uint64(2001), signed)
		require.Equal(t, []uint32{0, 1, 3}, []uint32{out[0].SignerIndex, out[1].SignerIndex, out[2].SignerIndex})
	})
	t.Run("exactly 2/3 is reported as short", func(t *testing.T) {
		partial := map[common.Address]settlementtypes.Signature{
			g.set.Signers[0].Address: sigs[g.set.Signers[0].Address],
			g.set.Signers[1].Address: sigs[g.set.Signers[1].Address],
		}
		_, signed, ok := l1.SelectSignatures(g.set, partial)
		require.False(t, ok)
		require.Equal(t, uint64(2000), signed)
	})
}
