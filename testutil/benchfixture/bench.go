package benchfixture

import (
	"testing"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// BlockMsgs is how many messages RunMsgs delivers on one block context
// before it drops the writes and starts the next block.
const BlockMsgs = 1000

// RunMsgs times deliver, called with i = 0, 1, ... on the committed state
// of s, each call in its own cache branch written into the block on
// success, as a transaction runs. Writes never reach the trees, so the
// fixture stays as cached. It reports p50 and p99 latency.
func RunMsgs(b *testing.B, s *Store, deliver func(ctx sdk.Context, i int) error) {
	b.Helper()
	block := s.BlockContext()
	var lat Latency
	for i := 0; b.Loop(); i++ {
		if i > 0 && i%BlockMsgs == 0 {
			b.StopTimer()
			block = s.BlockContext()
			b.StartTimer()
		}
		start := time.Now()
		ctx, write := block.CacheContext()
		err := deliver(ctx, i)
		if err == nil {
			write()
		}
		lat.Add(time.Since(start))
		if err != nil {
			b.Fatalf("message %d: %v", i, err)
		}
	}
	lat.Report(b)
}

// RunQueries times query, called with i = 0, 1, ..., each on a fresh
// context over the latest committed version, as a node serves each gRPC or
// REST request (opening that context is part of the time). query returns
// how many posts it listed. It reports p50 and p99 latency and the mean
// posts per query.
func RunQueries(b *testing.B, s *Store, query func(ctx sdk.Context, i int) (int, error)) {
	b.Helper()
	var lat Latency
	listed, i := 0, 0
	for ; b.Loop(); i++ {
		start := time.Now()
		ctx, err := s.QueryContext()
		if err != nil {
			b.Fatal(err)
		}
		n, err := query(ctx, i)
		lat.Add(time.Since(start))
		if err != nil {
			b.Fatalf("query %d: %v", i, err)
		}
		listed += n
	}
	lat.Report(b)
	b.ReportMetric(float64(listed)/float64(i), "posts/op")
}
