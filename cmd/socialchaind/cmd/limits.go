package cmd

import (
	"fmt"

	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/server"
	"github.com/cosmos/cosmos-sdk/types/module"
	"github.com/cosmos/cosmos-sdk/x/genutil"
	genutilcli "github.com/cosmos/cosmos-sdk/x/genutil/client/cli"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"

	"github.com/socialchain/socialchain/app"
)

// The fees and limits of a public network, written by `socialchaind init`
// and `socialchaind testnet init-files`; `socialchaind dev` stays free and
// keeps CometBFT's limits. docs/fees.md explains each number and the gas
// the social txs cost.
const (
	// publicMinGasPrices is app.toml's minimum-gas-prices. The fee is the
	// gas limit times the price: a post (76,000 gas for 140 characters)
	// costs 1,951usocial with --gas auto and 5,000usocial (0.005 SOCIAL)
	// at the CLI's default limit of 200,000, so filling blocks costs real
	// money while a user posts hundreds of times per SOCIAL.
	publicMinGasPrices = "0.025" + app.BondDenom

	// publicMaxTxBytes is config.toml's mempool.max_tx_bytes. The largest
	// social tx, a post of 500 four-byte runes with four attachments
	// carrying 1,000-rune alt texts, is 18,587 bytes; 64 KiB leaves room for
	// multi-message and governance txs. The lane batch and the checkpoint
	// signatures are put into blocks by PrepareProposal, not through the
	// mempool, so this limit does not bound them.
	publicMaxTxBytes = 64 << 10

	// publicBlockMaxBytes is the genesis block.max_bytes: CometBFT's data
	// part (21 MiB) without its reserve for a 10,000-validator commit. With
	// 100 validators and full evidence, the lane's share (80% of the tx
	// bytes, 16.5 MB) holds a full batch of 20,000 lane posts of 500 ASCII
	// characters (686 bytes each, 13.8 MB); messages at the 4 KiB
	// max_message_bytes ceiling fill it at about 4,000, and the rest wait
	// for the next block.
	publicBlockMaxBytes = 22020096

	// publicBlockMaxGas is the genesis block.max_gas: 2,000 wallet txs at
	// the CLI's default gas limit of 200,000 (block space is counted by the
	// limit a tx asks for, not the gas it uses), above the throughput the
	// load generator reaches on one node (docs/benchmarks.md), so it bounds
	// a block's execution time without binding normal use.
	publicBlockMaxGas = 400_000_000
)

// withPublicBlockLimits sets a public network's block limits on p.
func withPublicBlockLimits(p *cmttypes.ConsensusParams) {
	p.Block.MaxBytes = publicBlockMaxBytes
	p.Block.MaxGas = publicBlockMaxGas
}

// initCmd is the SDK's init with a public network's block limits in the
// genesis it writes; app.toml and config.toml get theirs from the
// defaults (initAppConfig, initCometConfig).
func initCmd(mbm module.BasicManager) *cobra.Command {
	cmd := genutilcli.InitCmd(mbm, app.DefaultNodeHome)
	cmd.PostRunE = func(cmd *cobra.Command, _ []string) error {
		genFile := server.GetServerContextFromCmd(cmd).Config.GenesisFile()
		genesis, err := genutiltypes.AppGenesisFromFile(genFile)
		if err != nil {
			return fmt.Errorf("setting block limits in %s: %w", genFile, err)
		}
		withPublicBlockLimits(genesis.Consensus.Params)
		return genutil.ExportGenesisFile(genesis, genFile)
	}
	return cmd
}
