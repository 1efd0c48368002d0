package profiles_test

import (
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
	"cosmossdk.io/client/v2/autocli"
	"cosmossdk.io/core/appmodule"

	codecaddress "github.com/cosmos/cosmos-sdk/codec/address"

	"github.com/socialchain/socialchain/x/profiles"
)

// TestAutoCLICommands builds the CLI the way the app does and checks the
// commands docs/profiles.md promises: autocli's and the hand-written
// app-key commands side by side, each once.
func TestAutoCLICommands(t *testing.T) {
	mod := profiles.AppModule{}
	opts := autocli.AppOptions{
		Modules:               map[string]appmodule.AppModule{"profiles": mod},
		ModuleOptions:         map[string]*autocliv1.ModuleOptions{"profiles": mod.AutoCLIOptions()},
		AddressCodec:          codecaddress.NewBech32Codec("social"),
		ValidatorAddressCodec: codecaddress.NewBech32Codec("socialvaloper"),
		ConsensusAddressCodec: codecaddress.NewBech32Codec("socialvalcons"),
	}
	root := &cobra.Command{Use: "socialchaind"}
	require.NoError(t, opts.EnhanceRootCommand(root))

	find := func(path ...string) *cobra.Command {
		t.Helper()
		cmd, rest, err := root.Find(path)
		require.NoError(t, err, path)
		require.Empty(t, rest, path)
		require.Equal(t, path[len(path)-1], cmd.Name(), path)
		return cmd
	}
	txArgs := map[string]int{
		"create-profile": 1, "update-profile": 0, "delete-profile": 0, "change-handle": 1,
		"follow": 1, "unfollow": 1, "block": 1, "unblock": 1, "add-app-key": 1, "revoke-app-key": 1,
	}
	for name, n := range txArgs {
		cmd := find("tx", "profiles", name)
		require.NoError(t, cmd.Args(cmd, make([]string, n)), "tx profiles %s takes %d args", name, n)
		require.Error(t, cmd.Args(cmd, make([]string, n+1)), "tx profiles %s takes %d args", name, n)
	}
	add := find("tx", "profiles", "add-app-key")
	for _, flag := range []string{"scopes", "expires-at", "from"} {
		require.NotNil(t, add.Flags().Lookup(flag), "tx profiles add-app-key --%s", flag)
	}
	seen := map[string]bool{}
	for _, sub := range find("tx", "profiles").Commands() {
		require.False(t, seen[sub.Name()], "tx profiles %s is defined twice", sub.Name())
		seen[sub.Name()] = true
		require.NotEqual(t, "update-params", sub.Name(), "params change through governance only")
	}

	queryArgs := map[string]int{
		"profile": 1, "handle": 1, "profiles": 0, "followers": 1, "following": 1, "blocks": 1,
		"relationship": 2, "app-keys": 1, "params": 0,
	}
	for name, n := range queryArgs {
		cmd := find("query", "profiles", name)
		require.NoError(t, cmd.Args(cmd, make([]string, n)), "query profiles %s takes %d args", name, n)
	}
	require.NotNil(t, find("query", "profiles", "app-keys").Flags().Lookup("page-key"))
}
