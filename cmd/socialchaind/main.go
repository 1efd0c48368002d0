// Command socialchaind is the socialchain node and CLI.
package main

import (
	"errors"
	"fmt"
	"os"

	svrcmd "github.com/cosmos/cosmos-sdk/server/cmd"

	"github.com/socialchain/socialchain/app"
	"github.com/socialchain/socialchain/cmd/socialchaind/cmd"
)

func main() {
	app.ApplyGCDefaults()
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
