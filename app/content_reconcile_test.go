package app

import (
	"context"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/ipfs/go-cid"
	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/testutil"
)

// stateOf is a stateContentWalker over fixed (height, CIDs) entries; each
// walk is counted on walks.
func stateOf(t *testing.T, walks chan<- struct{}, entries map[int64][]string) stateContentWalker {
	return func(_ context.Context, visit func(int64, []cid.Cid) error) (reconcileCounts, error) {
		walks <- struct{}{}
		var counts reconcileCounts
		for h, strs := range entries {
			counts.Posts++
			require.NoError(t, visitCIDs(&counts, visit, h, strs))
		}
		return counts, nil
	}
}

// TestFirstBlockReconcilesCommittedContent checks that the first block
// after an attach pins the CIDs of the committed state once, and that a
// new attach (a new content peer) reconciles again.
func TestFirstBlockReconcilesCommittedContent(t *testing.T) {
	peer := newFakePeer()
	walks := make(chan struct{}, 4)
	c := newContentService(log.NewNopLogger(), 16)
	c.walk = stateOf(t, walks, map[int64][]string{3: {testCIDv0}, 7: {testCIDv1, "not a cid"}})
	c.attach(peer)
	t.Cleanup(c.close)

	finalize(t, c, 20, abci.ResponseFinalizeBlock{})
	waitWalks(t, walks, 1)
	require.Eventually(t, func() bool { return len(peer.pinned(7)) == 1 }, 5*time.Second, 10*time.Millisecond)
	require.Equal(t, mustCIDs(t, testCIDv0), peer.pinned(3))
	require.Equal(t, mustCIDs(t, testCIDv1), peer.pinned(7), "a CID that does not parse is skipped")

	finalize(t, c, 21, abci.ResponseFinalizeBlock{})
	finalize(t, c, 22, abci.ResponseFinalizeBlock{})
	require.Empty(t, walks, "later blocks do not walk the state again")

	c.attach(newFakePeer())
	finalize(t, c, 23, abci.ResponseFinalizeBlock{})
	waitWalks(t, walks, 1)
}

func waitWalks(t *testing.T, walks <-chan struct{}, n int) {
	t.Helper()
	for range n {
		select {
		case <-walks:
		case <-time.After(5 * time.Second):
			t.Fatal("the state was not walked")
		}
	}
}

// TestCloseStopsAReconcile checks that close cancels a walk in progress
// and waits for it.
func TestCloseStopsAReconcile(t *testing.T) {
	started, stopped := make(chan struct{}), make(chan struct{})
	c := newContentService(log.NewNopLogger(), 16)
	c.walk = func(ctx context.Context, _ func(int64, []cid.Cid) error) (reconcileCounts, error) {
		close(started)
		<-ctx.Done()
		close(stopped)
		return reconcileCounts{}, ctx.Err()
	}
	c.attach(newFakePeer())
	finalize(t, c, 5, abci.ResponseFinalizeBlock{})
	<-started
	c.close()
	select {
	case <-stopped:
	default:
		t.Fatal("close returned before the reconcile stopped")
	}
}

// TestWalkPageVisitsEveryEntryOnce pages through more entries than one
// page holds, as walkCommittedContent does, and sees each entry once.
func TestWalkPageVisitsEveryEntryOnce(t *testing.T) {
	key := storetypes.NewKVStoreKey("reconcile")
	ctx := testutil.DefaultContext(key, storetypes.NewTransientStoreKey("transient"))
	sb := collections.NewSchemaBuilder(runtime.NewKVStoreService(key))
	m := collections.NewMap(sb, collections.NewPrefix(0), "entries", collections.Uint64Key, collections.Uint64Value)
	_, err := sb.Build()
	require.NoError(t, err)
	const total = 2*reconcilePageSize + 3
	for i := range uint64(total) {
		require.NoError(t, m.Set(ctx, i*2, i))
	}

	seen := map[uint64]int{}
	pages := 0
	var next uint64
	for more := true; more; pages++ {
		more, err = walkPage(ctx, m, new(collections.Range[uint64]).StartInclusive(next), func(k, v uint64) error {
			require.Equal(t, k, v*2)
			seen[k]++
			next = k + 1
			return nil
		})
		require.NoError(t, err)
	}
	require.Equal(t, 3, pages)
	require.Len(t, seen, total)
	for k, n := range seen {
		require.Equal(t, 1, n, "entry %d", k)
	}
}
