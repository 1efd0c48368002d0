// Command socialchaind is the socialchain node and CLI.
package main

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"

	svrcmd "github.com/cosmos/cosmos-sdk/server/cmd"

	"github.com/socialchain/socialchain/app"
	"github.com/socialchain/socialchain/cmd/socialchaind/cmd"
)

// Garbage-collector defaults, used unless GOGC or GOMEMLIMIT is set. Under
// load a node allocates per tx (decoding, ante handler, events), and with
// Go's default GOGC=100 the collector took about 15% of its CPU. At 400 a
// single validator committed 15% more posts/s (docs/benchmarks.md, "Tuning
// experiments") for a larger heap (peak RSS 2.5 GB instead of 1.0 GB);
// the soft memory limit makes the collector work harder again as the heap
// nears it, instead of growing further.
const (
	defaultGCPercent   = 400
	defaultMemoryLimit = 3 << 30
)

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(defaultGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	rootCmd := cmd.NewRootCmd()
	if err := svrcmd.Execute(rootCmd, "SOCIALCHAIND", app.DefaultNodeHome); err != nil {
		fmt.Fprintln(rootCmd.OutOrStderr(), err)
		status := 1
		var withStatus interface{ ExitStatus() int }
		if errors.As(err, &withStatus) {
			status = withStatus.ExitStatus()
		}
		os.Exit(status)
	}
}
