package benchfixture

import (
	"slices"
	"testing"
	"time"
)

// Latency collects the duration of each operation of a benchmark so it
// can report percentiles beside the mean that ns/op gives.
type Latency struct {
	d []time.Duration
}

// Add records one operation.
func (l *Latency) Add(d time.Duration) {
	l.d = append(l.d, d)
}

// Report adds p50-ns and p99-ns metrics to b.
func (l *Latency) Report(b *testing.B) {
	if len(l.d) == 0 {
		return
	}
	b.ReportMetric(float64(l.Percentile(50).Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(l.Percentile(99).Nanoseconds()), "p99-ns")
}

// Percentile returns the nearest-rank p-th percentile (1-100) of the
// recorded durations: with fewer than 100 of them, p99 is the slowest.
func (l *Latency) Percentile(p int) time.Duration {
	if len(l.d) == 0 {
		return 0
	}
	if !slices.IsSorted(l.d) {
		slices.Sort(l.d)
	}
	rank := (len(l.d)*p + 99) / 100 // ceil(len*p/100)
	return l.d[max(rank, 1)-1]
}
