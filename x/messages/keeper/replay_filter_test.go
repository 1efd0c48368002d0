package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/messages/types"
)

// A restarted node knows every receipt its state holds: the replay filter
// starts empty and must not let a replay through, at submit or in a block.
func TestReplayIsRefusedAfterRestart(t *testing.T) {
	f := newFixture(t)
	alice := f.newUser(t, "alice")
	params := types.DefaultParams()
	m := f.message(t, alice, post("posted before the restart"), 0)
	require.NoError(t, f.k.ApplyBatch(f.ctx, []*types.Message{m}))
	before := f.receipt(t, m)

	restarted := f.restart()
	require.ErrorIs(t, restarted.Validate(f.ctx, params, m, 0), types.ErrDuplicateMessage, "submit before the first block")

	f.ctx = f.ctx.WithBlockHeight(6).WithBlockTime(blockTime.Add(time.Second))
	fresh := f.message(t, alice, post("posted after the restart"), time.Second)
	require.NoError(t, restarted.ApplyBatch(f.ctx, []*types.Message{m, fresh}))
	require.Equal(t, before, f.receipt(t, m), "the replay changed the receipt")
	require.Equal(t, types.StatusIncluded, f.receipt(t, fresh).Status)
	require.Equal(t, 2, f.postCount(t))

	// Built by that block, the filter holds both receipts.
	require.ErrorIs(t, restarted.Validate(f.ctx, params, m, 0), types.ErrDuplicateMessage)
	require.ErrorIs(t, restarted.Validate(f.ctx, params, fresh, 0), types.ErrDuplicateMessage)
	require.NoError(t, restarted.Validate(f.ctx, params, f.message(t, alice, post("never sent"), time.Second), 0))
}

// Within a block, a message carried twice is applied once: the receipt
// the first copy wrote is in the filter at once.
func TestReplayInOneBlockIsSkipped(t *testing.T) {
	f := newFixture(t)
	alice := f.newUser(t, "alice")
	m := f.message(t, alice, post("sent twice in one block"), 0)
	require.NoError(t, f.k.ApplyBatch(f.ctx, []*types.Message{m, m}))
	r := f.receipt(t, m)
	require.Equal(t, uint32(0), r.Index)
	require.Equal(t, 1, f.postCount(t))
}
