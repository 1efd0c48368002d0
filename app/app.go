// Package app wires the socialchain application: the SDK modules every
// Cosmos chain needs plus socialchain's own, on one BaseApp.
//
// NewSocialApp (app.go) builds the codecs and the BaseApp, then the keepers
// (keepers.go), the module manager (modules.go), the tx handlers (ante.go)
// and the ABCI++ handlers (abci.go); services.go registers the gRPC, REST
// and autocli services; lane.go and content.go run the message lane and
// pin-on-commit beside the chain.
package app

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"sync"

	abci "github.com/cometbft/cometbft/abci/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/gogoproto/proto"
	"github.com/spf13/cast"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/baseapp/blockexec"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	"github.com/cosmos/cosmos-sdk/std"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	"github.com/cosmos/cosmos-sdk/version"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	authzkeeper "github.com/cosmos/cosmos-sdk/x/authz/keeper"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	consensuskeeper "github.com/cosmos/cosmos-sdk/x/consensus/keeper"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	distrkeeper "github.com/cosmos/cosmos-sdk/x/distribution/keeper"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	evidencekeeper "github.com/cosmos/cosmos-sdk/x/evidence/keeper"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	"github.com/cosmos/cosmos-sdk/x/feegrant"
	feegrantkeeper "github.com/cosmos/cosmos-sdk/x/feegrant/keeper"
	govkeeper "github.com/cosmos/cosmos-sdk/x/gov/keeper"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	mintkeeper "github.com/cosmos/cosmos-sdk/x/mint/keeper"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"
	slashingkeeper "github.com/cosmos/cosmos-sdk/x/slashing/keeper"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	stakingkeeper "github.com/cosmos/cosmos-sdk/x/staking/keeper"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
	"github.com/cosmos/cosmos-sdk/x/tx/signing"
	upgradekeeper "github.com/cosmos/cosmos-sdk/x/upgrade/keeper"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	"github.com/socialchain/socialchain/app/rest"
	"github.com/socialchain/socialchain/internal/addresscodec"
	messagesabci "github.com/socialchain/socialchain/x/messages/abci"
	messageskeeper "github.com/socialchain/socialchain/x/messages/keeper"
	messagestypes "github.com/socialchain/socialchain/x/messages/types"
	postskeeper "github.com/socialchain/socialchain/x/posts/keeper"
	poststypes "github.com/socialchain/socialchain/x/posts/types"
	profileskeeper "github.com/socialchain/socialchain/x/profiles/keeper"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
	settlementabci "github.com/socialchain/socialchain/x/settlement/abci"
	settlementkeeper "github.com/socialchain/socialchain/x/settlement/keeper"
	settlementtypes "github.com/socialchain/socialchain/x/settlement/types"
)

// DefaultNodeHome is where socialchaind keeps its home unless --home says otherwise.
var DefaultNodeHome string

// maccPerms lists every module account and what it may do with coins.
var maccPerms = map[string][]string{
	authtypes.FeeCollectorName:          nil,
	distrtypes.ModuleName:               nil,
	minttypes.ModuleName:                {authtypes.Minter},
	stakingtypes.BondedPoolName:         {authtypes.Burner, authtypes.Staking},
	stakingtypes.NotBondedPoolName:      {authtypes.Burner, authtypes.Staking},
	stakingtypes.KeyRotationFeePoolName: {authtypes.Burner},
	govtypes.ModuleName:                 {authtypes.Burner},
}

var (
	_ runtime.AppI            = (*SocialApp)(nil)
	_ servertypes.Application = (*SocialApp)(nil)
)

func init() {
	home, err := os.UserHomeDir()
	if err != nil {
		home = "."
	}
	DefaultNodeHome = filepath.Join(home, ".socialchain")
}

// SocialApp is the socialchain ABCI application.
type SocialApp struct {
	*baseapp.BaseApp

	legacyAmino       *codec.LegacyAmino
	appCodec          codec.Codec
	txConfig          client.TxConfig
	interfaceRegistry types.InterfaceRegistry

	keys map[string]*storetypes.KVStoreKey

	AccountKeeper         authkeeper.AccountKeeper
	BankKeeper            bankkeeper.BaseKeeper
	StakingKeeper         *stakingkeeper.Keeper
	SlashingKeeper        slashingkeeper.Keeper
	MintKeeper            mintkeeper.Keeper
	DistrKeeper           distrkeeper.Keeper
	GovKeeper             govkeeper.Keeper
	UpgradeKeeper         *upgradekeeper.Keeper
	EvidenceKeeper        evidencekeeper.Keeper
	FeeGrantKeeper        feegrantkeeper.Keeper
	AuthzKeeper           authzkeeper.Keeper
	ConsensusParamsKeeper consensuskeeper.Keeper

	ProfilesKeeper profileskeeper.Keeper
	PostsKeeper    postskeeper.Keeper
	// MessagesKeeper holds the message lane's receipts and allowances.
	MessagesKeeper messageskeeper.Keeper
	// SettlementKeeper holds checkpoints for the L1.
	SettlementKeeper settlementkeeper.Keeper

	settlementABCI *settlementabci.Handler
	messagesABCI   *messagesabci.Handler
	lane           *messageskeeper.Lane
	laneGossip     *laneGossip
	closeOnce      sync.Once // see Close
	closeErr       error
	settled        l1Settlement
	content        *contentService
	contentRoutes  rest.ContentRoutes
	relayer        rest.RelayerStatus
	// laneEvents are the events of the lane messages of the block being
	// finalized, kept out of the SDK's event handling (see FinalizeBlock).
	laneEvents []abci.Event

	ModuleManager      *module.Manager
	BasicModuleManager module.BasicManager

	configurator module.Configurator
}

// NewSocialApp builds the application over db. With loadLatest it also
// loads the newest committed state, which every real node wants; tests that
// only need the codecs pass false.
func NewSocialApp(
	logger log.Logger,
	db dbm.DB,
	loadLatest bool,
	appOpts servertypes.AppOptions,
	baseAppOptions ...func(*baseapp.BaseApp),
) *SocialApp {
	interfaceRegistry, err := types.NewInterfaceRegistryWithOptions(types.InterfaceRegistryOptions{
		ProtoFiles: proto.HybridResolver,
		SigningOptions: signing.Options{
			AddressCodec:          addresscodec.NewSigningBech32Codec(sdk.GetConfig().GetBech32AccountAddrPrefix()),
			ValidatorAddressCodec: addresscodec.NewSigningBech32Codec(sdk.GetConfig().GetBech32ValidatorAddrPrefix()),
		},
	})
	if err != nil {
		panic(err)
	}
	appCodec := codec.NewProtoCodec(interfaceRegistry)
	legacyAmino := codec.NewLegacyAmino()
	txConfig := authtx.NewTxConfig(appCodec, authtx.DefaultSignModes)

	std.RegisterLegacyAminoCodec(legacyAmino)
	std.RegisterInterfaces(interfaceRegistry)

	bApp := baseapp.NewBaseApp(AppName, logger, db, txConfig.TxDecoder(), baseAppOptions...)
	bApp.SetVersion(version.Version)
	bApp.SetInterfaceRegistry(interfaceRegistry)
	bApp.SetTxEncoder(txConfig.TxEncoder())

	keys := storetypes.NewKVStoreKeys(
		authtypes.StoreKey, banktypes.StoreKey, stakingtypes.StoreKey,
		minttypes.StoreKey, distrtypes.StoreKey, slashingtypes.StoreKey,
		govtypes.StoreKey, consensustypes.StoreKey, upgradetypes.StoreKey,
		feegrant.StoreKey, evidencetypes.StoreKey, authzkeeper.StoreKey,
		profilestypes.StoreKey, poststypes.StoreKey, messagestypes.StoreKey, settlementtypes.StoreKey,
	)

	// Sequential by default; app.toml's block-executor = "block-stm" turns
	// on parallel execution without a rebuild.
	stores := make([]storetypes.StoreKey, 0, len(keys))
	for _, k := range keys {
		stores = append(stores, k)
	}
	blockexec.Apply(bApp, appOpts, stores, txConfig.TxDecoder(),
		func(storetypes.MultiStore) string { return BondDenom },
	)

	if err := bApp.RegisterStreamingServices(appOpts, keys); err != nil {
		panic(err)
	}
	content := newContentService(logger.With("module", "content"), announceQueueSize)
	// The lane listener must run on every node: it takes committed messages
	// out of the pool. setKeepers wires it, once the lane exists. This
	// replaces listeners from app.toml's [streaming] section, which
	// socialchain does not use. Pin-on-commit needs the lane's events too,
	// so FinalizeBlock calls it once they are in the response.
	var lanes laneListener
	bApp.SetStreamingManager(storetypes.StreamingManager{ABCIListeners: []storetypes.ABCIListener{&lanes}})

	app := &SocialApp{
		BaseApp:           bApp,
		legacyAmino:       legacyAmino,
		appCodec:          appCodec,
		txConfig:          txConfig,
		interfaceRegistry: interfaceRegistry,
		keys:              keys,
		content:           content,
	}

	homePath := cast.ToString(appOpts.Get(flags.FlagHome))
	codecs := newAddressCodecs()
	app.setKeepers(logger, appOpts, homePath, codecs, &lanes)
	app.setModules(txConfig, codecs)

	app.MountKVStores(keys)

	app.SetInitChainer(app.InitChainer)
	app.SetPreBlocker(app.PreBlocker)
	app.SetBeginBlocker(app.BeginBlocker)
	app.SetEndBlocker(app.EndBlocker)
	app.setAnteHandler(txConfig)
	app.setPostHandler()
	app.setSettlementHandlers(logger, homePath)
	app.registerUpgradeHandlers(homePath)

	if err := interfaceRegistry.SigningContext().Validate(); err != nil {
		panic(err)
	}

	if loadLatest {
		if err := app.LoadLatestVersion(); err != nil {
			panic(fmt.Errorf("loading latest version: %w", err))
		}
	}
	return app
}

// Name returns the application's name.
func (app *SocialApp) Name() string { return app.BaseApp.Name() }

// Configurator returns the module configurator used for services and migrations.
func (app *SocialApp) Configurator() module.Configurator { return app.configurator }

// LoadHeight loads the state committed at height.
func (app *SocialApp) LoadHeight(height int64) error { return app.LoadVersion(height) }

// LegacyAmino returns the amino codec (kept for legacy JSON signing).
func (app *SocialApp) LegacyAmino() *codec.LegacyAmino { return app.legacyAmino }

// AppCodec returns the protobuf codec.
func (app *SocialApp) AppCodec() codec.Codec { return app.appCodec }

// InterfaceRegistry returns the interface registry.
func (app *SocialApp) InterfaceRegistry() types.InterfaceRegistry { return app.interfaceRegistry }

// TxConfig returns the transaction encoding configuration.
func (app *SocialApp) TxConfig() client.TxConfig { return app.txConfig }

// DefaultGenesis returns the genesis every module starts from, in usocial.
func (app *SocialApp) DefaultGenesis() map[string]json.RawMessage {
	return app.BasicModuleManager.DefaultGenesis(app.appCodec)
}

// GetKey returns the KV store key registered under storeKey.
func (app *SocialApp) GetKey(storeKey string) *storetypes.KVStoreKey { return app.keys[storeKey] }

// SimulationManager is not used: socialchain tests drive real blocks.
func (app *SocialApp) SimulationManager() *module.SimulationManager { return nil }

// GetMaccPerms returns a copy of the module account permissions.
func GetMaccPerms() map[string][]string { return maps.Clone(maccPerms) }

// BlockedAddresses returns the module accounts that may not receive coins
// from users; gov stays open so deposits can be refunded to it.
func BlockedAddresses() map[string]bool {
	blocked := make(map[string]bool)
	for acc := range maccPerms {
		blocked[authtypes.NewModuleAddress(acc).String()] = true
	}
	delete(blocked, authtypes.NewModuleAddress(govtypes.ModuleName).String())
	return blocked
}
