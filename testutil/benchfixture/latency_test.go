package benchfixture

import (
	"testing"
	"time"
)

func TestLatencyPercentileIsNearestRank(t *testing.T) {
	var l Latency
	for i := 200; i >= 1; i-- { // unsorted on purpose
		l.Add(time.Duration(i))
	}
	for _, c := range []struct {
		p    int
		want time.Duration
	}{{50, 100}, {99, 198}, {100, 200}, {1, 2}} {
		if got := l.Percentile(c.p); got != c.want {
			t.Errorf("p%d of 1..200 = %d, want %d", c.p, got, c.want)
		}
	}

	var one Latency
	one.Add(7)
	if got := one.Percentile(99); got != 7 {
		t.Errorf("p99 of one sample = %d, want that sample", got)
	}
	var none Latency
	if got := none.Percentile(50); got != 0 {
		t.Errorf("p50 of no samples = %d, want 0", got)
	}
}
