package cmd

import (
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/stretchr/testify/require"
)

// ourCommands are the command trees this repository defines (not the
// SDK's): our modules' tx and query commands and our own commands.
var ourCommands = [][]string{
	{"tx", "posts"}, {"tx", "profiles"}, {"tx", "messages"}, {"tx", "settlement"},
	{"query", "posts"}, {"query", "profiles"}, {"query", "messages"}, {"query", "settlement"},
	{"dev"}, {"testnet"}, {"config"}, {"content"}, {"p2p"}, {"settlement"}, {"loadtest"}, {"messages"},
}

func TestEveryFlagOfOurCommandsHasHelp(t *testing.T) {
	root := NewRootCmd()
	for _, path := range ourCommands {
		top, _, err := root.Find(path)
		require.NoError(t, err, "%v", path)
		require.Equal(t, path[len(path)-1], top.Name(), "%v", path)
		var walk func(*cobra.Command)
		walk = func(c *cobra.Command) {
			c.LocalFlags().VisitAll(func(f *pflag.Flag) {
				if f.Usage == "" {
					t.Errorf("%s --%s has no help text", c.CommandPath(), f.Name)
				}
			})
			for _, sub := range c.Commands() {
				walk(sub)
			}
		}
		walk(top)
	}
}
