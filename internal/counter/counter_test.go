package counter_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/socialchain/socialchain/internal/counter"
)

func TestAdd(t *testing.T) {
	for _, tc := range []struct {
		name  string
		n     uint64
		delta int64
		want  uint64
	}{
		{"an increment adds", 3, 2, 5},
		{"a decrement subtracts", 3, -2, 1},
		{"a decrement to zero is zero", 3, -3, 0},
		{"a decrement past zero stops at zero", 3, -4, 0},
		{"the most negative delta subtracts 2^63", math.MaxUint64, math.MinInt64, math.MaxUint64 - 1<<63},
		{"the most negative delta on a small count stops at zero", 5, math.MinInt64, 0},
		{"zero leaves the count", 7, 0, 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, counter.Add(tc.n, tc.delta))
		})
	}
}
