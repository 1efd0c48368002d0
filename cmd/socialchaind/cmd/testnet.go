package cmd

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"

	sdk "github.com/cosmos/cosmos-sdk/types"
	settlementtypes "github.com/socialchain/socialchain/x/settlement/types"
)

const (
	flagValidators = "validators"
	flagOutputDir  = "output-dir"
	flagChainID    = "chain-id"
	flagBasePort   = "base-port"
	flagBlockTime  = "block-time"
	flagL1ChainID  = "l1-chain-id"
	flagL1Contract = "l1-contract"
	// flagMinGasPrices is named after the app.toml key it sets.
	flagMinGasPrices = "minimum-gas-prices"
	// flagSnapshotInterval is named after the app.toml key it sets.
	flagSnapshotInterval = "snapshot-interval"
)

// portsFor spaces each node's ports ten apart from basePort, so node i
// listens on basePort+10i (p2p), +1 (rpc), +2 (rest), +3 (grpc), +4
// (content node, libp2p).
func portsFor(basePort, i int) nodePorts {
	p := basePort + 10*i
	return nodePorts{P2P: p, RPC: p + 1, API: p + 2, GRPC: p + 3, Content: p + 4}
}

// TestnetCmd groups the commands that write multi-validator networks.
func TestnetCmd(mbm genesisDefaults) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "testnet",
		Short: "Create a multi-validator network on this machine",
		RunE:  client.ValidateCmd,
	}
	cmd.AddCommand(testnetInitFilesCmd(mbm))
	return cmd
}

func testnetInitFilesCmd(mbm genesisDefaults) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "init-files",
		Short: "Write the homes of an N-validator loopback network",
		Long: `Writes <output-dir>/node0 … node<N-1>, each a complete validator home
(keys in the test keyring, config.toml, app.toml, client.toml and one shared
genesis) with peers wired on 127.0.0.1. Start each node with
  socialchaind start --home <output-dir>/node<i>
or use scripts/localnet.sh, which does exactly that.`,
		Example: "socialchaind testnet init-files --validators 4 --output-dir ./.localnet",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			clientCtx := client.GetClientContextFromCmd(cmd).WithCmdContext(cmd.Context())
			count, _ := cmd.Flags().GetInt(flagValidators)
			outDir, _ := cmd.Flags().GetString(flagOutputDir)
			chainID, _ := cmd.Flags().GetString(flagChainID)
			basePort, _ := cmd.Flags().GetInt(flagBasePort)
			blockTime, _ := cmd.Flags().GetDuration(flagBlockTime)
			l1ChainID, _ := cmd.Flags().GetUint64(flagL1ChainID)
			l1Contract, _ := cmd.Flags().GetString(flagL1Contract)
			minGasPrices, _ := cmd.Flags().GetString(flagMinGasPrices)
			snapshotInterval, _ := cmd.Flags().GetUint64(flagSnapshotInterval)
			if _, err := sdk.ParseDecCoins(minGasPrices); err != nil {
				return fmt.Errorf("--%s %q: %w", flagMinGasPrices, minGasPrices, err)
			}
			if l1Contract != "" {
				if err := settlementtypes.ValidateEthAddress("--"+flagL1Contract, l1Contract); err != nil {
					return err
				}
				l1Contract = settlementtypes.CanonicalEthAddress(l1Contract)
			}
			if count < 1 || count > 100 {
				return fmt.Errorf("--%s must be between 1 and 100, got %d", flagValidators, count)
			}
			if basePort < 1024 || basePort+10*count > 65535 {
				return fmt.Errorf("--%s %d leaves no room for %d nodes (ports 1024-65535)", flagBasePort, basePort, count)
			}
			if blockTime <= 0 {
				return fmt.Errorf("--%s must be positive, got %s", flagBlockTime, blockTime)
			}

			spec := networkSpec{
				ChainID:          chainID,
				ValidatorBalance: sdk.TokensFromConsensusPower(1_000_000, sdk.DefaultPowerReduction),
				SelfDelegation:   sdk.TokensFromConsensusPower(100, sdk.DefaultPowerReduction),
				BlockTime:        blockTime,
				MinGasPrices:     minGasPrices,
				PublicLimits:     true,
				GenesisTime:      time.Now().UTC().Truncate(time.Second),
				L1ChainID:        l1ChainID,
				L1Contract:       l1Contract,
				SnapshotInterval: &snapshotInterval,
			}
			for i := range count {
				spec.Nodes = append(spec.Nodes, &validatorNode{
					Moniker: fmt.Sprintf("node%d", i),
					Home:    filepath.Join(outDir, fmt.Sprintf("node%d", i)),
					Ports:   portsFor(basePort, i),
				})
			}
			if err := writeNetwork(clientCtx, spec, mbm); err != nil {
				return err
			}
			for _, n := range spec.Nodes {
				cmd.Printf("%s  home=%s  rpc=127.0.0.1:%d  rest=127.0.0.1:%d  grpc=127.0.0.1:%d  operator=%s\n",
					n.Moniker, n.Home, n.Ports.RPC, n.Ports.API, n.Ports.GRPC, n.operator)
			}
			return nil
		},
	}
	cmd.Flags().Int(flagValidators, 4, "number of validators")
	cmd.Flags().String(flagOutputDir, "./.localnet", "directory that receives node0 … nodeN-1")
	cmd.Flags().String(flagChainID, "socialchain-localnet-1", "chain id of the network")
	cmd.Flags().Int(flagBasePort, 36000, "first port; node i uses base+10i (p2p), +1 (rpc), +2 (rest), +3 (grpc), +4 (content)")
	cmd.Flags().Duration(flagBlockTime, time.Second, "pause after each commit")
	cmd.Flags().Uint64(flagL1ChainID, 0, "settlement l1_chain_id param (default: the module default)")
	cmd.Flags().String(flagL1Contract, "", "settlement l1_contract param: the contract checkpoints are signed for")
	cmd.Flags().Uint64(flagSnapshotInterval, DefaultSnapshotInterval, "every node's [state-sync] snapshot-interval (app.toml): a state-sync snapshot every this many blocks; 0 takes none")
	cmd.Flags().String(flagMinGasPrices, publicMinGasPrices, "every node's minimum-gas-prices (app.toml); 0usocial makes txs free, as on the dev chain")
	return cmd
}
