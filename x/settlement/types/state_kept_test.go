package types_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/settlement/types"
)

// TestStateNotKeptErrorNamesTheHeightAndTheNodeThatCanAnswer checks the
// message `settlement prove` gives on a node without the checkpoint's state.
func TestStateNotKeptErrorNamesTheHeightAndTheNodeThatCanAnswer(t *testing.T) {
	reason := errors.New("failed to load state at height 99; version does not exist")
	var err error = &types.StateNotKeptError{Checkpoint: 7, Height: 99, Reason: reason}
	require.ErrorIs(t, err, reason)
	require.Contains(t, err.Error(), "does not keep the state at height 99 that checkpoint 7 was taken at")
	require.Contains(t, err.Error(), reason.Error())
	require.Contains(t, err.Error(), `ask an archive node (app.toml pruning = "nothing"), or a node whose pruning keeps height 99`)
}
