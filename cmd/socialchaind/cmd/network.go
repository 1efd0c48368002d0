package cmd

import (
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	cmtcfg "github.com/cometbft/cometbft/config"
	cmttypes "github.com/cometbft/cometbft/types"
	"github.com/cosmos/go-bip39"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/libp2p/go-libp2p/core/peer"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client"
	clientconfig "github.com/cosmos/cosmos-sdk/client/config"
	"github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/cosmos/cosmos-sdk/crypto/hd"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	serverconfig "github.com/cosmos/cosmos-sdk/server/config"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/cosmos/cosmos-sdk/x/genutil"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/socialchain/socialchain/app"
	"github.com/socialchain/socialchain/internal/ethkey"
	"github.com/socialchain/socialchain/p2p"
	settlementtypes "github.com/socialchain/socialchain/x/settlement/types"
)

// nodePorts are the loopback ports one node listens on.
type nodePorts struct {
	P2P  int // CometBFT
	RPC  int
	API  int
	GRPC int
	// Content is the libp2p port of the content node (TCP and QUIC).
	Content int
}

// validatorNode is one validator's home in a network being created.
type validatorNode struct {
	Moniker string
	Home    string
	Ports   nodePorts
	// Mnemonic of the validator's operator key; generated when empty.
	Mnemonic string

	nodeID    string
	valPubKey cryptotypes.PubKey
	operator  sdk.AccAddress
	// ethAddress signs checkpoints; its key is in <home>/config/settlement_key.json.
	ethAddress string
	// contentPeerID is the content node's libp2p id; contentPeers are the
	// other nodes' content multiaddrs, its bootstrap peers.
	contentPeerID string
	contentPeers  []string
}

// genesisAccount is an account funded at genesis.
type genesisAccount struct {
	Address sdk.AccAddress
	Coins   sdk.Coins
}

// networkSpec describes a whole network to write to disk.
type networkSpec struct {
	ChainID string
	Nodes   []*validatorNode
	// Accounts funded at genesis besides the validators' operators.
	Accounts []genesisAccount
	// ValidatorBalance funds each operator; SelfDelegation of it is bonded.
	ValidatorBalance math.Int
	SelfDelegation   math.Int
	// BlockTime is the pause after each commit (CometBFT timeout_commit).
	BlockTime time.Duration
	// MinGasPrices is every node's app.toml minimum-gas-prices.
	MinGasPrices string
	// PublicLimits gives the network a public chain's block limits
	// (genesis) and mempool tx size limit (config.toml); without it the
	// network keeps CometBFT's defaults. docs/fees.md.
	PublicLimits bool
	// GenesisTime is shared by every node so their genesis files match.
	GenesisTime time.Time
	// L1ChainID and L1Contract, when set, go into the settlement params so
	// checkpoint signatures bind to that contract from the first epoch.
	L1ChainID  uint64
	L1Contract string
	// Relayer, when set, makes every node relay to this L1 with this key.
	Relayer *nodeRelayer
	// SnapshotInterval, when set, is every node's [state-sync]
	// snapshot-interval (0: no snapshots) instead of DefaultSnapshotInterval.
	SnapshotInterval *uint64
}

// nodeRelayer is an embedded relayer's L1 endpoint and key.
type nodeRelayer struct {
	L1RPC string
	Key   *ecdsa.PrivateKey
}

const validatorKeyName = "validator"

// newMnemonic returns a fresh 24-word BIP39 mnemonic.
func newMnemonic() (string, error) {
	entropy, err := bip39.NewEntropy(256)
	if err != nil {
		return "", err
	}
	return bip39.NewMnemonic(entropy)
}

// testKeyring opens the unencrypted "test" keyring in home: dev and
// localnet keys are throwaway keys by design.
func testKeyring(clientCtx client.Context, home string) (keyring.Keyring, error) {
	return keyring.New(sdk.KeyringServiceName(), keyring.BackendTest, home, nil, clientCtx.Codec, clientCtx.KeyringOptions...)
}

// importKey puts mnemonic's default-path secp256k1 key into kr under name.
func importKey(kr keyring.Keyring, name, mnemonic string) (sdk.AccAddress, error) {
	if !bip39.IsMnemonicValid(mnemonic) {
		return nil, fmt.Errorf("key %q: mnemonic is not a valid BIP39 mnemonic", name)
	}
	rec, err := kr.NewAccount(name, mnemonic, "", sdk.GetConfig().GetFullBIP44Path(), hd.Secp256k1)
	if err != nil {
		return nil, fmt.Errorf("key %q: %w", name, err)
	}
	return rec.GetAddress()
}

// writeNetwork creates every node's home: keys, CometBFT and app config,
// gentxs, and one identical genesis file with persistent peers wired.
func writeNetwork(clientCtx client.Context, spec networkSpec, mbm genesisDefaults) error {
	gentxsDir, err := os.MkdirTemp("", "socialchain-gentxs-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(gentxsDir)

	if err := assignContentIdentities(spec.Nodes); err != nil {
		return err
	}
	accounts := append([]genesisAccount(nil), spec.Accounts...)
	for _, n := range spec.Nodes {
		if err := initNodeHome(clientCtx, spec, n); err != nil {
			return fmt.Errorf("node %s: %w", n.Moniker, err)
		}
		accounts = append(accounts, genesisAccount{
			Address: n.operator,
			Coins:   sdk.NewCoins(sdk.NewCoin(app.BondDenom, spec.ValidatorBalance)),
		})
		if err := writeGentx(clientCtx, spec, n, gentxsDir); err != nil {
			return fmt.Errorf("node %s gentx: %w", n.Moniker, err)
		}
	}

	appState, err := genesisAppState(clientCtx, mbm.DefaultGenesis(), accounts)
	if err != nil {
		return err
	}
	if appState, err = withSettlementGenesis(clientCtx, appState, spec); err != nil {
		return err
	}
	for _, n := range spec.Nodes {
		genesis := genutiltypes.NewAppGenesisWithVersion(spec.ChainID, appState)
		genesis.GenesisTime = spec.GenesisTime
		genesis.Consensus.Params = consensusParams()
		if spec.PublicLimits {
			withPublicBlockLimits(genesis.Consensus.Params)
		}
		cometCfg, err := cometConfigFor(spec, n)
		if err != nil {
			return err
		}
		if err := genutil.ExportGenesisFile(genesis, cometCfg.GenesisFile()); err != nil {
			return err
		}
		initCfg := genutiltypes.NewInitConfig(spec.ChainID, gentxsDir, n.nodeID, n.valPubKey)
		if _, err := genutil.GenAppStateFromConfig(
			clientCtx.Codec, clientCtx.TxConfig, cometCfg, initCfg, genesis,
			banktypes.GenesisBalancesIterator{}, genutiltypes.DefaultMessageValidator,
			clientCtx.TxConfig.SigningContext().ValidatorAddressCodec(),
		); err != nil {
			return fmt.Errorf("node %s genesis: %w", n.Moniker, err)
		}
	}
	return nil
}

// genesisDefaults is the part of the module manager that knows defaults.
type genesisDefaults interface {
	DefaultGenesis() map[string]json.RawMessage
}

// cometConfigFor returns the CometBFT config for node n: loopback only,
// spec.BlockTime between blocks, and n's ports.
func cometConfigFor(spec networkSpec, n *validatorNode) (*cmtcfg.Config, error) {
	cfg := cmtcfg.DefaultConfig()
	cfg.SetRoot(n.Home)
	cfg.Moniker = n.Moniker
	cfg.P2P.ListenAddress = fmt.Sprintf("tcp://127.0.0.1:%d", n.Ports.P2P)
	cfg.RPC.ListenAddress = fmt.Sprintf("tcp://127.0.0.1:%d", n.Ports.RPC)
	cfg.RPC.PprofListenAddress = ""
	cfg.ProxyApp = ""
	// Peers all live on loopback.
	cfg.P2P.AddrBookStrict = false
	cfg.P2P.AllowDuplicateIP = true
	cfg.Consensus.TimeoutCommit = spec.BlockTime
	if spec.PublicLimits {
		cfg.Mempool.MaxTxBytes = publicMaxTxBytes
	}
	cfg.Instrumentation.Prometheus = false
	return cfg, cfg.ValidateBasic()
}

func initNodeHome(clientCtx client.Context, spec networkSpec, n *validatorNode) error {
	cometCfg, err := cometConfigFor(spec, n)
	if err != nil {
		return err
	}
	for _, dir := range []string{filepath.Join(n.Home, "config"), filepath.Join(n.Home, "data")} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	n.nodeID, n.valPubKey, err = genutil.InitializeNodeValidatorFiles(cometCfg)
	if err != nil {
		return err
	}

	if n.Mnemonic == "" {
		if n.Mnemonic, err = newMnemonic(); err != nil {
			return err
		}
	}
	kr, err := testKeyring(clientCtx, n.Home)
	if err != nil {
		return err
	}
	if n.operator, err = importKey(kr, validatorKeyName, n.Mnemonic); err != nil {
		return err
	}
	// The operator mnemonic stays with the node so an operator can
	// recover the key; it is a localnet/dev key only.
	seed, _ := json.MarshalIndent(map[string]string{"address": n.operator.String(), "mnemonic": n.Mnemonic}, "", "  ")
	if err := os.WriteFile(filepath.Join(n.Home, "key_seed.json"), seed, 0o600); err != nil {
		return err
	}

	key, err := ethkey.Generate(filepath.Join(n.Home, settlementtypes.SigningKeyFile))
	if err != nil {
		return err
	}
	n.ethAddress = crypto.PubkeyToAddress(key.PublicKey).Hex()

	cmtcfg.WriteConfigFile(filepath.Join(n.Home, "config", "config.toml"), cometCfg)

	appCfg := defaultAppConfig()
	appCfg.MinGasPrices = spec.MinGasPrices
	appCfg.API.Enable = true
	appCfg.API.Swagger = true
	appCfg.API.EnableUnsafeCORS = true
	appCfg.API.Address = fmt.Sprintf("tcp://127.0.0.1:%d", n.Ports.API)
	appCfg.GRPC.Enable = true
	appCfg.GRPC.Address = fmt.Sprintf("127.0.0.1:%d", n.Ports.GRPC)
	appCfg.P2P.ListenAddrs = []string{
		fmt.Sprintf("/ip4/127.0.0.1/tcp/%d", n.Ports.Content),
		fmt.Sprintf("/ip4/127.0.0.1/udp/%d/quic-v1", n.Ports.Content),
	}
	appCfg.P2P.BootstrapPeers = n.contentPeers
	if spec.SnapshotInterval != nil {
		appCfg.StateSync.SnapshotInterval = *spec.SnapshotInterval
	}
	if spec.Relayer != nil {
		if err := ethkey.Write(filepath.Join(n.Home, appCfg.Settlement.RelayerKeyFile), spec.Relayer.Key); err != nil {
			return err
		}
		appCfg.Settlement.Relay = true
		appCfg.Settlement.L1RPC = spec.Relayer.L1RPC
	}
	serverconfig.SetConfigTemplate(appConfigTemplate)
	serverconfig.WriteConfigFile(filepath.Join(n.Home, "config", "app.toml"), appCfg)

	return writeClientConfig(filepath.Join(n.Home, "config"), clientConfig{&clientconfig.ClientConfig{
		ChainID:        spec.ChainID,
		KeyringBackend: keyring.BackendTest,
		Output:         "text",
		Node:           fmt.Sprintf("tcp://127.0.0.1:%d", n.Ports.RPC),
		BroadcastMode:  "sync",
	}})
}

func writeGentx(clientCtx client.Context, spec networkSpec, n *validatorNode, gentxsDir string) error {
	kr, err := testKeyring(clientCtx, n.Home)
	if err != nil {
		return err
	}
	msg, err := stakingtypes.NewMsgCreateValidator(
		sdk.ValAddress(n.operator).String(),
		n.valPubKey,
		sdk.NewCoin(app.BondDenom, spec.SelfDelegation),
		stakingtypes.NewDescription(n.Moniker, "", "", "", ""),
		stakingtypes.NewCommissionRates(math.LegacyNewDecWithPrec(5, 2), math.LegacyNewDecWithPrec(20, 2), math.LegacyNewDecWithPrec(1, 2)),
		math.OneInt(),
	)
	if err != nil {
		return err
	}
	txBuilder := clientCtx.TxConfig.NewTxBuilder()
	if err := txBuilder.SetMsgs(msg); err != nil {
		return err
	}
	txBuilder.SetGasLimit(200_000)
	txBuilder.SetMemo(fmt.Sprintf("%s@127.0.0.1:%d", n.nodeID, n.Ports.P2P))

	factory := tx.Factory{}.
		WithChainID(spec.ChainID).
		WithKeybase(kr).
		WithTxConfig(clientCtx.TxConfig)
	if err := tx.Sign(clientCtx.CmdContext, factory, validatorKeyName, txBuilder, true); err != nil {
		return err
	}
	bz, err := clientCtx.TxConfig.TxJSONEncoder()(txBuilder.GetTx())
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(gentxsDir, n.Moniker+".json"), bz, 0o600)
}

// assignContentIdentities creates each node's libp2p identity up front so
// every node can list the others as bootstrap peers.
func assignContentIdentities(nodes []*validatorNode) error {
	for _, n := range nodes {
		key, err := p2p.LoadOrCreateIdentity(filepath.Join(n.Home, p2p.DefaultIdentityKeyFile))
		if err != nil {
			return err
		}
		id, err := peer.IDFromPrivateKey(key)
		if err != nil {
			return err
		}
		n.contentPeerID = id.String()
	}
	for _, n := range nodes {
		for _, other := range nodes {
			if other != n {
				n.contentPeers = append(n.contentPeers, fmt.Sprintf("/ip4/127.0.0.1/tcp/%d/p2p/%s", other.Ports.Content, other.contentPeerID))
			}
		}
	}
	return nil
}

// voteExtensionsEnableHeight is the first height whose precommits carry
// checkpoint signatures: from the start, so the first epoch is signed.
const voteExtensionsEnableHeight = 2

// consensusParams are CometBFT's defaults with vote extensions enabled.
func consensusParams() *cmttypes.ConsensusParams {
	p := cmttypes.DefaultConsensusParams()
	p.ABCI.VoteExtensionsEnableHeight = voteExtensionsEnableHeight
	return p
}

// withSettlementGenesis lists every validator's checkpoint-signing key in
// the settlement genesis, so checkpoints are signed from the first epoch,
// and sets the L1 the checkpoints are for.
func withSettlementGenesis(clientCtx client.Context, raw json.RawMessage, spec networkSpec) (json.RawMessage, error) {
	nodes := spec.Nodes
	var appState map[string]json.RawMessage
	if err := json.Unmarshal(raw, &appState); err != nil {
		return nil, err
	}
	var gs settlementtypes.GenesisState
	if err := clientCtx.Codec.UnmarshalJSON(appState[settlementtypes.ModuleName], &gs); err != nil {
		return nil, err
	}
	for _, n := range nodes {
		valoper, err := clientCtx.TxConfig.SigningContext().ValidatorAddressCodec().BytesToString(n.operator)
		if err != nil {
			return nil, err
		}
		gs.Signers = append(gs.Signers, settlementtypes.Signer{Validator: valoper, EthAddress: n.ethAddress, Nonce: 1})
	}
	if spec.L1ChainID != 0 {
		gs.Params.L1ChainId = spec.L1ChainID
	}
	if spec.L1Contract != "" {
		gs.Params.L1Contract = spec.L1Contract
	}
	bz, err := clientCtx.Codec.MarshalJSON(&gs)
	if err != nil {
		return nil, err
	}
	appState[settlementtypes.ModuleName] = bz
	return json.MarshalIndent(appState, "", "  ")
}

// genesisAppState returns the default app state with accounts funded.
func genesisAppState(clientCtx client.Context, appState map[string]json.RawMessage, accounts []genesisAccount) (json.RawMessage, error) {
	cdc := clientCtx.Codec

	authGen := authtypes.GetGenesisStateFromAppState(cdc, appState)
	genAccounts, err := authtypes.UnpackAccounts(authGen.Accounts)
	if err != nil {
		return nil, err
	}
	bankGen := banktypes.GetGenesisStateFromAppState(cdc, appState)
	for _, a := range accounts {
		genAccounts = append(genAccounts, authtypes.NewBaseAccount(a.Address, nil, 0, 0))
		bankGen.Balances = append(bankGen.Balances, banktypes.Balance{Address: a.Address.String(), Coins: a.Coins})
		bankGen.Supply = bankGen.Supply.Add(a.Coins...)
	}
	bankGen.Balances = banktypes.SanitizeGenesisBalances(bankGen.Balances)

	packed, err := authtypes.PackAccounts(authtypes.SanitizeGenesisAccounts(genAccounts))
	if err != nil {
		return nil, err
	}
	authGen.Accounts = packed
	if appState[authtypes.ModuleName], err = cdc.MarshalJSON(&authGen); err != nil {
		return nil, err
	}
	if appState[banktypes.ModuleName], err = cdc.MarshalJSON(bankGen); err != nil {
		return nil, err
	}
	return json.MarshalIndent(appState, "", "  ")
}
