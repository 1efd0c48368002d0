package app

import (
	"os"
	"runtime/debug"
)

// Garbage-collector defaults of a node, used unless GOGC or GOMEMLIMIT is
// set. Under load a node allocates per tx (decoding, ante handler, events),
// and with Go's default GOGC=100 the collector took about 15% of its CPU.
// At 400 a single validator committed 15% more posts/s (docs/benchmarks.md,
// "Tuning experiments") for a larger heap (peak RSS 2.5 GB instead of
// 1.0 GB); the soft memory limit makes the collector work harder again as
// the heap nears it, instead of growing further.
const (
	DefaultGCPercent   = 400
	DefaultMemoryLimit = 3 << 30
)

// ApplyGCDefaults sets the node's collector defaults where the environment
// does not set its own.
func ApplyGCDefaults() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(DefaultGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(DefaultMemoryLimit)
	}
}
