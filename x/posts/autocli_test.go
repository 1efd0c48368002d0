package posts_test

import (
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
	"cosmossdk.io/client/v2/autocli"
	"cosmossdk.io/core/appmodule"

	codecaddress "github.com/cosmos/cosmos-sdk/codec/address"

	"github.com/socialchain/socialchain/x/posts"
)

// TestAutoCLICommands builds the CLI the way the app does and checks the
// command names, positional arguments and flags that docs/posts.md
// promises.
func TestAutoCLICommands(t *testing.T) {
	mod := posts.AppModule{}
	opts := autocli.AppOptions{
		Modules:               map[string]appmodule.AppModule{"posts": mod},
		ModuleOptions:         map[string]*autocliv1.ModuleOptions{"posts": mod.AutoCLIOptions()},
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
		"create": 1, "reply": 2, "edit": 2, "delete": 1, "repost": 1, "undo-repost": 1, "react": 2, "unreact": 2,
	}
	for name, n := range txArgs {
		cmd := find("tx", "posts", name)
		require.NoError(t, cmd.Args(cmd, make([]string, n)), "tx posts %s takes %d args", name, n)
		require.Error(t, cmd.Args(cmd, make([]string, n+1)), "tx posts %s takes %d args", name, n)
	}
	create := find("tx", "posts", "create")
	for _, flag := range []string{"body-cid", "attachments", "reply-to", "quote-of", "from"} {
		require.NotNil(t, create.Flags().Lookup(flag), "tx posts create --%s", flag)
	}
	for _, sub := range find("tx", "posts").Commands() {
		require.NotEqual(t, "update-params", sub.Name(), "params change through governance only")
	}

	queryArgs := map[string]int{
		"post": 1, "author-posts": 1, "replies": 1, "thread": 1, "feed": 1, "hashtag": 1, "reactions": 1, "history": 1, "params": 0,
	}
	for name, n := range queryArgs {
		cmd := find("query", "posts", name)
		require.NoError(t, cmd.Args(cmd, make([]string, n)), "query posts %s takes %d args", name, n)
	}
	require.NotNil(t, find("query", "posts", "feed").Flags().Lookup("page-key"))
}
