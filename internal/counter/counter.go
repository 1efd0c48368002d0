// Package counter adjusts the unsigned counters the social modules keep in
// state (followers, posts, replies, reactions) by signed deltas.
package counter

// Add applies a signed delta to an unsigned counter, never below zero: a
// decrement past zero means an earlier increment was never recorded, and
// the count stays at zero rather than wrapping around.
func Add(n uint64, delta int64) uint64 {
	if delta < 0 {
		d := uint64(-delta)
		if d > n {
			return 0
		}
		return n - d
	}
	return n + uint64(delta)
}
