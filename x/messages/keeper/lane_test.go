package keeper_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"

	"github.com/socialchain/socialchain/x/messages/keeper"
	"github.com/socialchain/socialchain/x/messages/pool"
	"github.com/socialchain/socialchain/x/messages/types"
)

// TestConcurrentSubmitsKeepTheAllowance submits one author's messages from
// several goroutines at once: exactly the allowance is accepted, the rest
// refused as exhausted, and the pool holds the accepted ones.
func TestConcurrentSubmitsKeepTheAllowance(t *testing.T) {
	f := newFixture(t)
	params := types.DefaultParams()
	params.MessagesPerUnit, params.FreeUnits = 40, 1
	require.NoError(t, f.k.Params.Set(f.ctx, params))
	alice := f.newUser(t, "alice")
	bob := f.newUser(t, "bob")

	p, err := pool.Open("", chainID, types.DefaultMaxMessageBytes, 10_000)
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, p.Close()) })
	lane := keeper.NewLane(f.k, p, nil)

	const callers, perCall = 8, 15 // 120 of alice's messages for an allowance of 40
	calls := make([][][]byte, callers)
	for c := range calls {
		for i := range perCall {
			author := alice
			if i == 0 {
				author = bob // bob's messages pass beside alice's
			}
			m := f.message(t, author, post(fmt.Sprintf("caller %d message %d", c, i)), 0)
			raw, err := m.Signed.Marshal()
			require.NoError(t, err)
			calls[c] = append(calls[c], raw)
		}
	}
	// Each call reads its own branch of one shared parent, with its own gas
	// meter, as the query router gives each gRPC call.
	parent := f.ctx.WithMultiStore(f.ctx.MultiStore().CacheMultiStore())
	var wg sync.WaitGroup
	results := make([][]types.SubmitResult, callers)
	for c := range calls {
		branch, _ := parent.CacheContext()
		branch = branch.WithGasMeter(storetypes.NewInfiniteGasMeter())
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[c], _ = lane.Accept(branch, calls[c], false)
		}()
	}
	wg.Wait()

	accepted, exhausted := 0, 0
	for c := range results {
		require.True(t, results[c][0].Accepted, "bob's message: %s", results[c][0].Error)
		for _, r := range results[c][1:] {
			switch {
			case r.Accepted:
				accepted++
			case r.Code == types.ErrAllowanceExhausted.ABCICode():
				exhausted++
			default:
				t.Fatalf("unexpected refusal: %s", r.Error)
			}
		}
	}
	require.Equal(t, 40, accepted, "alice's allowance")
	require.Equal(t, callers*(perCall-1)-40, exhausted)
	require.EqualValues(t, 40, p.PendingFor(alice.addr))
	require.EqualValues(t, callers, p.PendingFor(bob.addr))
}
