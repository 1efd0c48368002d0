// Package cmd builds the socialchaind command tree: node commands from the
// SDK server, key and genesis tooling, autocli tx/query commands, and our
// own dev, testnet and config commands.
package cmd

import (
	"errors"
	"os"
	"sync/atomic"

	cmtcfg "github.com/cometbft/cometbft/config"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/spf13/cobra"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/config"
	"github.com/cosmos/cosmos-sdk/client/debug"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/keys"
	"github.com/cosmos/cosmos-sdk/client/pruning"
	"github.com/cosmos/cosmos-sdk/client/rpc"
	"github.com/cosmos/cosmos-sdk/client/snapshot"
	"github.com/cosmos/cosmos-sdk/server"
	serverconfig "github.com/cosmos/cosmos-sdk/server/config"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	authcli "github.com/cosmos/cosmos-sdk/x/auth/client/cli"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	genutilcli "github.com/cosmos/cosmos-sdk/x/genutil/client/cli"

	"github.com/socialchain/socialchain/app"
	"github.com/socialchain/socialchain/internal/cliwait"
	"github.com/socialchain/socialchain/internal/ed25519hd"
	messagescli "github.com/socialchain/socialchain/x/messages/client/cli"
)

// NewRootCmd returns the socialchaind root command with every subcommand.
func NewRootCmd() *cobra.Command {
	// A throwaway app instance gives the CLI the codecs and autocli options
	// without opening any database on disk.
	tempApp := app.NewSocialApp(log.NewNopLogger(), dbm.NewMemDB(), false, appOptions{})

	initClientCtx := client.Context{}.
		WithCodec(tempApp.AppCodec()).
		WithInterfaceRegistry(tempApp.InterfaceRegistry()).
		WithTxConfig(tempApp.TxConfig()).
		WithLegacyAmino(tempApp.LegacyAmino()).
		WithInput(os.Stdin).
		WithAccountRetriever(authtypes.AccountRetriever{}).
		WithHomeDir(app.DefaultNodeHome).
		WithViper("SOCIALCHAIND").
		// `keys add NAME --algo ed25519` makes app keys (x/profiles), in
		// every keyring backend.
		WithKeyringOptions(ed25519hd.KeyringOption())

	rootCmd := &cobra.Command{
		Use:           "socialchaind",
		Short:         "socialchain node and command-line client",
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			out := cmd.OutOrStdout()
			if _, done := out.(yamlUnicodeWriter); !done && printsProtoOutput(cmd) {
				out = yamlUnicodeWriter{out}
			}
			cmd.SetOut(out)
			cmd.SetErr(cmd.ErrOrStderr())

			clientCtx := initClientCtx.WithCmdContext(cmd.Context())
			if printsProtoOutput(cmd) {
				clientCtx = clientCtx.WithOutput(out)
			}
			clientCtx, err := client.ReadPersistentCommandFlags(clientCtx, cmd.Flags())
			if err != nil {
				return err
			}
			clientCtx, err = config.ReadFromClientConfig(clientCtx)
			if err != nil {
				return err
			}
			if err := client.SetCmdClientContextHandler(clientCtx, cmd); err != nil {
				return err
			}
			appTemplate, appConfig := initAppConfig()
			return server.InterceptConfigsPreRunHandler(cmd, appTemplate, appConfig, initCometConfig())
		},
	}

	initRootCmd(rootCmd, tempApp)

	autoCliOpts := tempApp.AutoCliOpts()
	autoCliOpts.ClientCtx = initClientCtx
	if err := enhanceRootCommand(rootCmd, autoCliOpts); err != nil {
		panic(err)
	}
	addAttachFlag(rootCmd)
	waitForTxs(rootCmd)
	nameArguments(rootCmd)
	showUsageOnFlagErrors(rootCmd)
	return rootCmd
}

// waitForTxs makes every tx command wait for its block and print the
// outcome with the ids it created (internal/cliwait): ours and the SDK's
// alike, so that the next command sees the tx's effect. The tx-file tools
// (sign, encode, simulate, ...) broadcast nothing, except broadcast.
func waitForTxs(rootCmd *cobra.Command) {
	txCmd, _, err := rootCmd.Find([]string{"tx"})
	if err != nil || txCmd.Name() != "tx" {
		return
	}
	for _, sub := range txCmd.Commands() {
		if sub.HasSubCommands() || sub.Name() == "broadcast" {
			cliwait.WaitForTxOutcome(sub)
		}
	}
}

// initCometConfig returns CometBFT's defaults with a public network's
// mempool tx size limit (docs/fees.md); dev and testnet override ports and
// timeouts in the files they write.
func initCometConfig() *cmtcfg.Config {
	cfg := cmtcfg.DefaultConfig()
	cfg.Mempool.MaxTxBytes = publicMaxTxBytes
	return cfg
}

// initAppConfig sets app.toml defaults: a public network's
// minimum-gas-prices in usocial (docs/fees.md), and the [p2p] section.
func initAppConfig() (string, any) {
	return appConfigTemplate, defaultAppConfig()
}

// appConfigTemplate is the SDK's app.toml plus our [p2p] section.
const appConfigTemplate = serverconfig.DefaultConfigTemplate + p2pConfigTemplate

func initRootCmd(rootCmd *cobra.Command, tempApp *app.SocialApp) {
	rootCmd.AddCommand(
		initCmd(tempApp.BasicModuleManager),
		debug.Cmd(),
		pruning.Cmd(newApp, app.DefaultNodeHome),
		snapshot.Cmd(newApp),
		ConfigCmd(),
		TestnetCmd(tempApp),
		DevCmd(tempApp),
		ContentCmd(),
		P2PCmd(),
		SettlementCmd(),
		LoadtestCmd(),
		messagescli.NewMessagesCmd(),
	)

	server.AddCommandsWithStartCmdOptions(rootCmd, app.DefaultNodeHome, newApp, appExport, server.StartCmdOptions{
		DBOpener:  app.OpenAppDB,
		PostSetup: startNodeServices,
	})
	useRESTFrontDoor(rootCmd)

	rootCmd.AddCommand(
		server.StatusCommand(),
		genutilcli.Commands(tempApp.TxConfig(), tempApp.BasicModuleManager, app.DefaultNodeHome),
		queryCommand(),
		txCommand(),
		keys.Commands(),
	)
}

func queryCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        "query",
		Aliases:                    []string{"q"},
		Short:                      "Querying subcommands",
		DisableFlagParsing:         false,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(
		rpc.WaitTxCmd(),
		rpc.ValidatorCommand(),
		authcli.QueryTxsByEventsCmd(),
		authcli.QueryTxCmd(),
		server.QueryBlockCmd(),
		server.QueryBlocksCmd(),
		server.QueryBlockResultsCmd(),
	)
	return cmd
}

func txCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        "tx",
		Short:                      "Transactions subcommands",
		DisableFlagParsing:         false,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(
		authcli.GetSignCommand(),
		authcli.GetSignBatchCommand(),
		authcli.GetMultiSignCommand(),
		authcli.GetMultiSignBatchCmd(),
		authcli.GetValidateSignaturesCommand(),
		authcli.GetBroadcastCommand(),
		authcli.GetEncodeCommand(),
		authcli.GetDecodeCommand(),
		authcli.GetSimulateCmd(),
	)
	return cmd
}

// appOptions is a plain map implementing servertypes.AppOptions.
type appOptions map[string]any

func (o appOptions) Get(key string) any { return o[key] }

// startedApp is the app the start command built, for PostSetup hooks that
// attach node-local services (the content node) to it.
var startedApp atomic.Pointer[app.SocialApp]

func newApp(logger log.Logger, db dbm.DB, appOpts servertypes.AppOptions) servertypes.Application {
	baseappOptions := server.DefaultBaseappOptions(appOpts)
	a := app.NewSocialApp(logger, db, true, appOpts, baseappOptions...)
	startedApp.Store(a)
	return a
}

func appExport(
	logger log.Logger,
	db dbm.DB,
	height int64,
	forZeroHeight bool,
	jailAllowedAddrs []string,
	appOpts servertypes.AppOptions,
	modulesToExport []string,
) (servertypes.ExportedApp, error) {
	// Export needs the same home as the node (for the upgrade info file).
	homePath, ok := appOpts.Get(flags.FlagHome).(string)
	if !ok || homePath == "" {
		return servertypes.ExportedApp{}, errors.New("application home is not set")
	}
	socialApp := app.NewSocialApp(logger, db, height == -1, appOpts)
	if height != -1 {
		if err := socialApp.LoadHeight(height); err != nil {
			return servertypes.ExportedApp{}, err
		}
	}
	return socialApp.ExportAppStateAndValidators(forZeroHeight, jailAllowedAddrs, modulesToExport)
}
