package cmd

import (
	"testing"

	"github.com/stretchr/testify/require"

	pruningtypes "github.com/cosmos/cosmos-sdk/store/v2/pruning/types"
)

// TestDefaultAppConfigPrunesAndSnapshots pins the disk defaults every
// node's app.toml ships with (docs/operations.md): the SDK's default
// pruning, which keeps the state `settlement prove` reads for 362,880
// heights, and a state-sync snapshot every DefaultSnapshotInterval blocks.
func TestDefaultAppConfigPrunesAndSnapshots(t *testing.T) {
	cfg := defaultAppConfig()
	require.Equal(t, pruningtypes.PruningOptionDefault, cfg.Pruning)
	require.Equal(t, uint64(362_880), pruningtypes.NewPruningOptionsFromString(cfg.Pruning).KeepRecent)
	require.Equal(t, uint64(DefaultSnapshotInterval), cfg.StateSync.SnapshotInterval)
	require.Equal(t, uint32(DefaultSnapshotKeepRecent), cfg.StateSync.SnapshotKeepRecent)
	require.NoError(t, cfg.ValidateBasic(), "the SDK accepts the combination (snapshots need pruning other than everything)")
}
