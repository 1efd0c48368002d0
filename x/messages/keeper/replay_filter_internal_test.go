package keeper

import (
	"crypto/rand"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/x/messages/types"
)

func randomHash(t *testing.T) types.Hash {
	var h types.Hash
	_, err := rand.Read(h[:])
	require.NoError(t, err)
	return h
}

func builtFilter(t *testing.T) *replayFilter {
	f := newReplayFilter()
	require.NoError(t, f.build(func(func([]byte, int64)) error { return nil }))
	return f
}

func TestReplayFilterHoldsEveryAddedHash(t *testing.T) {
	f := builtFilter(t)
	added := make([]types.Hash, 20_000)
	for i := range added {
		added[i] = randomHash(t)
		f.add(added[i][:], int64(i)*10) // spread over generations
	}
	for _, h := range added {
		require.True(t, f.mayHold(h))
	}
	falsePositives := 0
	for range 20_000 {
		if f.mayHold(randomHash(t)) {
			falsePositives++
		}
	}
	// Four probes in 2^22 bits over 20,000 hashes: about one in 10^7.
	require.Less(t, falsePositives, 20, "the filter holds hashes never added")
}

func TestReplayFilterAnswersMaybeUntilBuilt(t *testing.T) {
	f := newReplayFilter()
	h := randomHash(t)
	require.True(t, f.mayHold(h), "unbuilt filter must send every lookup to the store")
	stored := randomHash(t)
	require.NoError(t, f.build(func(add func([]byte, int64)) error {
		add(stored[:], 1_000)
		add([]byte("short"), 1_000) // never matches a full hash; must not panic
		return nil
	}))
	require.True(t, f.mayHold(stored))
	require.False(t, f.mayHold(h))
}

// A generation is dropped only at the prune after the one that emptied it
// from the store: until that block, the committed state may still hold its
// receipts.
func TestReplayFilterDropsAGenerationOneBlockAfterItsPrune(t *testing.T) {
	f := builtFilter(t)
	h := randomHash(t)
	expiresAt := int64(5*replayGenerationMs + 123)
	f.add(h[:], expiresAt)
	end := int64(6 * replayGenerationMs)

	f.pruned(end - 1) // the generation is still open
	f.pruned(end)     // this block's prune emptied it from the store
	require.True(t, f.mayHold(h), "dropped before the emptying block was committed")
	f.pruned(end + 1_000)
	require.False(t, f.mayHold(h))
}
