package cmd

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"

	cmtcfg "github.com/cometbft/cometbft/config"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/spf13/viper"
	"github.com/stretchr/testify/require"

	dbm "github.com/cosmos/cosmos-db"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/client"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"

	"github.com/socialchain/socialchain/app"
	"github.com/socialchain/socialchain/internal/ed25519hd"

	messagesabci "github.com/socialchain/socialchain/x/messages/abci"
	messagestypes "github.com/socialchain/socialchain/x/messages/types"
	poststypes "github.com/socialchain/socialchain/x/posts/types"
)

// TestPublicBlockFitsAFullLaneBatch: with the public block.max_bytes, the
// lane's share of a block (80% of its tx bytes, x/messages/abci) holds a
// full batch, max_messages_per_block lane posts of the longest ASCII
// text, in a network of 100 validators with the evidence allowance full.
func TestPublicBlockFitsAFullLaneBatch(t *testing.T) {
	seed := sha256.Sum256([]byte("limits test key"))
	key := ed25519.NewKeyFromSeed(seed[:])
	signed, err := messagestypes.Sign(key, &messagestypes.MessageBody{
		ChainID:     "socialchain-testnet-1",
		Author:      "social1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5vst3f9",
		AppKey:      key.Public().(ed25519.PublicKey),
		TimestampMs: 1_800_000_000_000,
		Kind: &messagestypes.MessageBody_CreatePost{CreatePost: &messagestypes.CreatePost{
			Text: strings.Repeat("x", poststypes.DefaultMaxTextRunes),
		}},
	})
	require.NoError(t, err)
	raw, err := signed.Marshal()
	require.NoError(t, err)
	batch := make([][]byte, messagestypes.DefaultMaxMessagesPerBlock)
	for i := range batch {
		batch[i] = raw
	}
	batchBytes := len(messagesabci.EncodeBatch(batch))

	consensus := cmttypes.DefaultConsensusParams()
	withPublicBlockLimits(consensus)
	require.NoError(t, consensus.ValidateBasic())
	txBytes := cmttypes.MaxDataBytes(consensus.Block.MaxBytes, consensus.Evidence.MaxBytes, 100)
	laneShare := int(float64(txBytes) * 0.8) // maxBatchShare in x/messages/abci
	t.Logf("lane post of %d characters: %d bytes; full batch %d bytes of a lane share of %d", poststypes.DefaultMaxTextRunes, len(raw), batchBytes, laneShare)
	require.Less(t, batchBytes, laneShare)
}

// TestTestnetTemplate: testnet init-files writes a public network's fees
// and limits, and --minimum-gas-prices overrides the price.
func TestTestnetTemplate(t *testing.T) {
	dir := t.TempDir()
	runRoot(t, "", "testnet", "init-files", "--validators", "1", "--output-dir", dir, "--base-port", "47000")
	home := filepath.Join(dir, "node0")

	appToml := viper.New()
	appToml.SetConfigFile(filepath.Join(home, "config", "app.toml"))
	require.NoError(t, appToml.ReadInConfig())
	require.Equal(t, publicMinGasPrices, appToml.GetString("minimum-gas-prices"))

	comet := viper.New()
	comet.SetConfigFile(filepath.Join(home, "config", "config.toml"))
	require.NoError(t, comet.ReadInConfig())
	require.Equal(t, publicMaxTxBytes, comet.GetInt("mempool.max_tx_bytes"))

	genesis, err := genutiltypes.AppGenesisFromFile(filepath.Join(home, "config", "genesis.json"))
	require.NoError(t, err)
	require.EqualValues(t, publicBlockMaxBytes, genesis.Consensus.Params.Block.MaxBytes)
	require.EqualValues(t, publicBlockMaxGas, genesis.Consensus.Params.Block.MaxGas)
	require.EqualValues(t, voteExtensionsEnableHeight, genesis.Consensus.Params.ABCI.VoteExtensionsEnableHeight)

	free := t.TempDir()
	runRoot(t, "", "testnet", "init-files", "--validators", "1", "--output-dir", free, "--base-port", "47100", "--minimum-gas-prices", "0usocial")
	appToml.SetConfigFile(filepath.Join(free, "node0", "config", "app.toml"))
	require.NoError(t, appToml.ReadInConfig())
	require.Equal(t, "0usocial", appToml.GetString("minimum-gas-prices"), "--minimum-gas-prices overrides the default")

	out, err := runRootErr(t, "", "testnet", "init-files", "--validators", "1", "--output-dir", t.TempDir(), "--minimum-gas-prices", "cheap")
	require.Error(t, err, string(out))
	require.Contains(t, err.Error(), `--minimum-gas-prices "cheap"`)
}

// TestInitWritesPublicLimits: `socialchaind init`, the production path,
// writes the same fees and limits as the testnet.
func TestInitWritesPublicLimits(t *testing.T) {
	home := t.TempDir()
	runRoot(t, "", "init", "node", "--chain-id", "socialchain-test-1", "--home", home)

	genesis, err := genutiltypes.AppGenesisFromFile(filepath.Join(home, "config", "genesis.json"))
	require.NoError(t, err)
	require.EqualValues(t, publicBlockMaxBytes, genesis.Consensus.Params.Block.MaxBytes)
	require.EqualValues(t, publicBlockMaxGas, genesis.Consensus.Params.Block.MaxGas)

	cfg := cmtcfg.DefaultConfig()
	comet := viper.New()
	comet.SetConfigFile(filepath.Join(home, "config", "config.toml"))
	require.NoError(t, comet.ReadInConfig())
	require.NoError(t, comet.Unmarshal(cfg))
	require.Equal(t, publicMaxTxBytes, cfg.Mempool.MaxTxBytes)

	appToml, err := os.ReadFile(filepath.Join(home, "config", "app.toml"))
	require.NoError(t, err)
	require.Contains(t, string(appToml), `minimum-gas-prices = "`+publicMinGasPrices+`"`)
}

// TestDevTemplateStaysFree: the dev chain keeps zero fees and CometBFT's
// limits.
func TestDevTemplateStaysFree(t *testing.T) {
	tempApp := app.NewSocialApp(log.NewNopLogger(), dbm.NewMemDB(), false, appOptions{})
	clientCtx := client.Context{}.
		WithCodec(tempApp.AppCodec()).
		WithInterfaceRegistry(tempApp.InterfaceRegistry()).
		WithTxConfig(tempApp.TxConfig()).
		WithLegacyAmino(tempApp.LegacyAmino()).
		WithKeyringOptions(ed25519hd.KeyringOption()).
		WithCmdContext(context.Background())
	home := t.TempDir()
	_, created, err := ensureDevHome(clientCtx, home, tempApp)
	require.NoError(t, err)
	require.True(t, created)

	appToml := viper.New()
	appToml.SetConfigFile(filepath.Join(home, "config", "app.toml"))
	require.NoError(t, appToml.ReadInConfig())
	require.Equal(t, "0usocial", appToml.GetString("minimum-gas-prices"))

	comet := viper.New()
	comet.SetConfigFile(filepath.Join(home, "config", "config.toml"))
	require.NoError(t, comet.ReadInConfig())
	require.Equal(t, cmtcfg.DefaultMempoolConfig().MaxTxBytes, comet.GetInt("mempool.max_tx_bytes"))

	genesis, err := genutiltypes.AppGenesisFromFile(filepath.Join(home, "config", "genesis.json"))
	require.NoError(t, err)
	require.Equal(t, cmttypes.DefaultBlockParams(), genesis.Consensus.Params.Block)
}
