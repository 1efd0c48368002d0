// Package app wires the socialchain application: the SDK modules every
// Cosmos chain needs plus socialchain's own, on one BaseApp.
package app

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"

	abci "github.com/cometbft/cometbft/abci/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/gogoproto/proto"
	"github.com/spf13/cast"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
	reflectionv1 "cosmossdk.io/api/cosmos/reflection/v1"
	"cosmossdk.io/client/v2/autocli"
	"cosmossdk.io/core/appmodule"
	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/baseapp/blockexec"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/grpc/cmtservice"
	nodeservice "github.com/cosmos/cosmos-sdk/client/grpc/node"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	runtimeservices "github.com/cosmos/cosmos-sdk/runtime/services"
	"github.com/cosmos/cosmos-sdk/server"
	"github.com/cosmos/cosmos-sdk/server/api"
	"github.com/cosmos/cosmos-sdk/server/config"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	"github.com/cosmos/cosmos-sdk/std"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"
	"github.com/cosmos/cosmos-sdk/version"
	"github.com/cosmos/cosmos-sdk/x/auth"
	"github.com/cosmos/cosmos-sdk/x/auth/ante"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	"github.com/cosmos/cosmos-sdk/x/auth/posthandler"
	authsims "github.com/cosmos/cosmos-sdk/x/auth/simulation"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/cosmos/cosmos-sdk/x/authz"
	authzkeeper "github.com/cosmos/cosmos-sdk/x/authz/keeper"
	authzmodule "github.com/cosmos/cosmos-sdk/x/authz/module"
	"github.com/cosmos/cosmos-sdk/x/bank"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/cosmos/cosmos-sdk/x/consensus"
	consensuskeeper "github.com/cosmos/cosmos-sdk/x/consensus/keeper"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	distr "github.com/cosmos/cosmos-sdk/x/distribution"
	distrkeeper "github.com/cosmos/cosmos-sdk/x/distribution/keeper"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	"github.com/cosmos/cosmos-sdk/x/evidence"
	evidencekeeper "github.com/cosmos/cosmos-sdk/x/evidence/keeper"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	"github.com/cosmos/cosmos-sdk/x/feegrant"
	feegrantkeeper "github.com/cosmos/cosmos-sdk/x/feegrant/keeper"
	feegrantmodule "github.com/cosmos/cosmos-sdk/x/feegrant/module"
	"github.com/cosmos/cosmos-sdk/x/genutil"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"
	"github.com/cosmos/cosmos-sdk/x/gov"
	govclient "github.com/cosmos/cosmos-sdk/x/gov/client"
	govkeeper "github.com/cosmos/cosmos-sdk/x/gov/keeper"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	govv1beta1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1beta1"
	"github.com/cosmos/cosmos-sdk/x/mint"
	mintkeeper "github.com/cosmos/cosmos-sdk/x/mint/keeper"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"
	"github.com/cosmos/cosmos-sdk/x/slashing"
	slashingkeeper "github.com/cosmos/cosmos-sdk/x/slashing/keeper"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	"github.com/cosmos/cosmos-sdk/x/staking"
	stakingkeeper "github.com/cosmos/cosmos-sdk/x/staking/keeper"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
	"github.com/cosmos/cosmos-sdk/x/tx/signing"
	"github.com/cosmos/cosmos-sdk/x/upgrade"
	upgradekeeper "github.com/cosmos/cosmos-sdk/x/upgrade/keeper"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	"github.com/socialchain/socialchain/app/rest"
	"github.com/socialchain/socialchain/internal/addresscodec"
	"github.com/socialchain/socialchain/internal/ethkey"
	"github.com/socialchain/socialchain/x/messages"
	messagesabci "github.com/socialchain/socialchain/x/messages/abci"
	messageskeeper "github.com/socialchain/socialchain/x/messages/keeper"
	messagestypes "github.com/socialchain/socialchain/x/messages/types"
	"github.com/socialchain/socialchain/x/posts"
	postskeeper "github.com/socialchain/socialchain/x/posts/keeper"
	poststypes "github.com/socialchain/socialchain/x/posts/types"
	"github.com/socialchain/socialchain/x/profiles"
	profileskeeper "github.com/socialchain/socialchain/x/profiles/keeper"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
	"github.com/socialchain/socialchain/x/settlement"
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
	// out of the pool. It is wired below, once the lane exists. This
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

	authority := authtypes.NewModuleAddress(govtypes.ModuleName).String()
	// The SDK's codecs read sdk.GetConfig (syscalls) on every decode;
	// these read it once (internal/addresscodec).
	accCodec := addresscodec.NewBech32Codec(sdk.GetConfig().GetBech32AccountAddrPrefix())
	valCodec := addresscodec.NewBech32Codec(sdk.GetConfig().GetBech32ValidatorAddrPrefix())
	consCodec := addresscodec.NewBech32Codec(sdk.GetConfig().GetBech32ConsensusAddrPrefix())

	app.ConsensusParamsKeeper = consensuskeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[consensustypes.StoreKey]), authority, runtime.EventService{},
	)
	bApp.SetParamStore(app.ConsensusParamsKeeper.ParamsStore)

	app.AccountKeeper = authkeeper.NewAccountKeeper(
		appCodec, runtime.NewKVStoreService(keys[authtypes.StoreKey]), authtypes.ProtoBaseAccount,
		maccPerms, accCodec, sdk.GetConfig().GetBech32AccountAddrPrefix(), authority,
	)
	app.BankKeeper = bankkeeper.NewBaseKeeper(
		appCodec, runtime.NewKVStoreService(keys[banktypes.StoreKey]), app.AccountKeeper,
		BlockedAddresses(), authority, logger,
	)
	app.StakingKeeper = stakingkeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[stakingtypes.StoreKey]), app.AccountKeeper, app.BankKeeper,
		authority, valCodec, consCodec,
	)
	app.MintKeeper = mintkeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[minttypes.StoreKey]), app.StakingKeeper,
		app.AccountKeeper, app.BankKeeper, authtypes.FeeCollectorName, authority,
	)
	app.DistrKeeper = distrkeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[distrtypes.StoreKey]), app.AccountKeeper, app.BankKeeper,
		app.StakingKeeper, authtypes.FeeCollectorName, authority,
	)
	app.SlashingKeeper = slashingkeeper.NewKeeper(
		appCodec, legacyAmino, runtime.NewKVStoreService(keys[slashingtypes.StoreKey]), app.StakingKeeper, authority,
	)
	app.FeeGrantKeeper = feegrantkeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[feegrant.StoreKey]), app.AccountKeeper,
	)
	app.StakingKeeper.SetHooks(stakingtypes.NewMultiStakingHooks(app.DistrKeeper.Hooks(), app.SlashingKeeper.Hooks()))

	app.AuthzKeeper = authzkeeper.NewKeeper(
		runtime.NewKVStoreService(keys[authzkeeper.StoreKey]), appCodec, app.MsgServiceRouter(), app.AccountKeeper,
	)

	skipUpgradeHeights := map[int64]bool{}
	for _, h := range cast.ToIntSlice(appOpts.Get(server.FlagUnsafeSkipUpgrades)) {
		skipUpgradeHeights[int64(h)] = true
	}
	homePath := cast.ToString(appOpts.Get(flags.FlagHome))
	app.UpgradeKeeper = upgradekeeper.NewKeeper(
		skipUpgradeHeights, runtime.NewKVStoreService(keys[upgradetypes.StoreKey]), appCodec, homePath, app.BaseApp, authority,
	)

	govRouter := govv1beta1.NewRouter()
	govRouter.AddRoute(govtypes.RouterKey, govv1beta1.ProposalHandler)
	govKeeper := govkeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[govtypes.StoreKey]), app.AccountKeeper, app.BankKeeper,
		app.DistrKeeper, app.MsgServiceRouter(), govtypes.DefaultConfig(), authority,
		govkeeper.NewDefaultCalculateVoteResultsAndVotingPower(app.StakingKeeper),
	)
	govKeeper.SetLegacyRouter(govRouter)
	app.GovKeeper = *govKeeper.SetHooks(govtypes.NewMultiGovHooks())

	app.EvidenceKeeper = *evidencekeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[evidencetypes.StoreKey]), app.StakingKeeper, app.SlashingKeeper,
		accCodec, runtime.ProvideCometInfoService(),
	)

	app.ProfilesKeeper = profileskeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[profilestypes.StoreKey]), accCodec, authority,
	)
	app.PostsKeeper = postskeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[poststypes.StoreKey]), accCodec, authority, app.ProfilesKeeper,
	)

	app.SettlementKeeper = settlementkeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[settlementtypes.StoreKey]), accCodec, valCodec, app.StakingKeeper, authority,
	)

	// Every post and profile version lands in the epoch's settlement tree.
	// Before the messages keeper takes its copies of the posts and profiles
	// keepers: lane posts are recorded like tx posts.
	app.PostsKeeper.SetHooks(app.SettlementKeeper.Hooks())
	app.ProfilesKeeper.SetHooks(app.SettlementKeeper.Hooks())

	app.MessagesKeeper = messageskeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[messagestypes.StoreKey]), accCodec, authority,
		app.PostsKeeper, app.ProfilesKeeper, app.BankKeeper, authtypes.FeeCollectorName,
	)
	lanePool := openLanePool(cast.ToString(appOpts.Get(flags.FlagHome)), bApp.ChainID())
	app.lane = messageskeeper.NewLane(app.MessagesKeeper, lanePool, nil)
	app.messagesABCI = messagesabci.NewHandler(app.MessagesKeeper, lanePool, logger)
	lanes.handler = app.messagesABCI
	app.settled.app = app

	bankModule := bank.NewAppModule(appCodec, app.BankKeeper, app.AccountKeeper)
	app.ModuleManager = module.NewManager(
		genutil.NewAppModule(app.AccountKeeper, app.StakingKeeper, app, txConfig),
		auth.NewAppModule(appCodec, app.AccountKeeper, authsims.RandomGenesisAccounts),
		bankModule,
		feegrantmodule.NewAppModule(appCodec, app.AccountKeeper, app.BankKeeper, app.FeeGrantKeeper, app.interfaceRegistry),
		gov.NewAppModule(appCodec, &app.GovKeeper, app.AccountKeeper, app.BankKeeper),
		mint.NewAppModule(appCodec, app.MintKeeper, app.AccountKeeper, nil),
		slashing.NewAppModule(appCodec, app.SlashingKeeper, app.AccountKeeper, app.BankKeeper, app.StakingKeeper, app.interfaceRegistry),
		distr.NewAppModule(appCodec, app.DistrKeeper, app.AccountKeeper, app.BankKeeper, app.StakingKeeper),
		staking.NewAppModule(appCodec, app.StakingKeeper, app.AccountKeeper, app.BankKeeper),
		upgrade.NewAppModule(app.UpgradeKeeper, accCodec),
		evidence.NewAppModule(app.EvidenceKeeper),
		authzmodule.NewAppModule(appCodec, app.AuthzKeeper, app.AccountKeeper, app.BankKeeper, app.interfaceRegistry),
		consensus.NewAppModule(appCodec, app.ConsensusParamsKeeper),
		profiles.NewAppModule(appCodec, app.ProfilesKeeper),
		posts.NewAppModule(appCodec, app.PostsKeeper),
		messages.NewAppModule(appCodec, app.MessagesKeeper, app.lane, &app.settled),
		settlement.NewAppModule(appCodec, app.SettlementKeeper, valCodec),
	)

	app.BasicModuleManager = module.NewBasicManagerFromManager(
		app.ModuleManager,
		map[string]module.AppModuleBasic{
			genutiltypes.ModuleName: genutil.NewAppModuleBasic(genutiltypes.DefaultMessageValidator),
			govtypes.ModuleName:     gov.NewAppModuleBasic([]govclient.ProposalHandler{}),
			banktypes.ModuleName:    bankBasicWithMetadata{bankModule},
		},
	)
	app.BasicModuleManager.RegisterLegacyAminoCodec(legacyAmino)
	app.BasicModuleManager.RegisterInterfaces(interfaceRegistry)

	app.ModuleManager.SetOrderPreBlockers(upgradetypes.ModuleName, authtypes.ModuleName)
	// Slashing runs after distribution so no rewards are left in the
	// validator fee pool when a validator is slashed.
	app.ModuleManager.SetOrderBeginBlockers(
		minttypes.ModuleName, distrtypes.ModuleName, slashingtypes.ModuleName,
		evidencetypes.ModuleName, stakingtypes.ModuleName, genutiltypes.ModuleName, authz.ModuleName,
		settlementtypes.ModuleName,
	)
	// Bank goes first: Block-STM registers its lifecycle there.
	app.ModuleManager.SetOrderEndBlockers(
		banktypes.ModuleName, govtypes.ModuleName, stakingtypes.ModuleName, genutiltypes.ModuleName, feegrant.ModuleName,
		// After staking, so the signer set sees this block's validator set.
		settlementtypes.ModuleName,
	)
	// genutil after staking (pools exist) and after auth (params exist).
	genesisOrder := []string{
		authtypes.ModuleName, banktypes.ModuleName, distrtypes.ModuleName, stakingtypes.ModuleName,
		slashingtypes.ModuleName, govtypes.ModuleName, minttypes.ModuleName, genutiltypes.ModuleName,
		evidencetypes.ModuleName, authz.ModuleName, feegrant.ModuleName, upgradetypes.ModuleName,
		profilestypes.ModuleName, poststypes.ModuleName, messagestypes.ModuleName, settlementtypes.ModuleName, consensustypes.ModuleName,
	}
	app.ModuleManager.SetOrderInitGenesis(genesisOrder...)
	app.ModuleManager.SetOrderExportGenesis(append([]string{consensustypes.ModuleName}, genesisOrder[:len(genesisOrder)-1]...)...)

	app.configurator = module.NewConfigurator(app.appCodec, app.MsgServiceRouter(), app.GRPCQueryRouter())
	if err := app.ModuleManager.RegisterServices(app.configurator); err != nil {
		panic(err)
	}

	autocliv1.RegisterQueryServer(app.GRPCQueryRouter(), runtimeservices.NewAutoCLIQueryService(app.ModuleManager.Modules))
	reflectionSvc, err := runtimeservices.NewReflectionService()
	if err != nil {
		panic(err)
	}
	reflectionv1.RegisterReflectionServiceServer(app.GRPCQueryRouter(), reflectionSvc)

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

func (app *SocialApp) setAnteHandler(txConfig client.TxConfig) {
	anteHandler, err := ante.NewAnteHandler(ante.HandlerOptions{
		AccountKeeper:   app.AccountKeeper,
		BankKeeper:      app.BankKeeper,
		FeegrantKeeper:  app.FeeGrantKeeper,
		SignModeHandler: txConfig.SignModeHandler(),
		SigGasConsumer:  ante.DefaultSigVerificationGasConsumer,
	})
	if err != nil {
		panic(err)
	}
	checkMsgs := NewCheckTxMsgsDecorator(app.MsgServiceRouter(),
		&profilestypes.MsgCreateProfile{}, &poststypes.MsgCreatePost{}, &messagestypes.MsgBuyUnits{})
	// The SDK's chain first (fees, signatures, sequence), then the social
	// rules, so a tx that fails both reports what the SDK reports today.
	app.SetAnteHandler(func(ctx sdk.Context, tx sdk.Tx, simulate bool) (sdk.Context, error) {
		ctx, err := anteHandler(ctx, tx, simulate)
		if err != nil {
			return ctx, err
		}
		return checkMsgs.AnteHandle(ctx, tx, simulate, noNextAnte)
	})
}

// noNextAnte ends an ante chain.
func noNextAnte(ctx sdk.Context, _ sdk.Tx, _ bool) (sdk.Context, error) { return ctx, nil }

// setSettlementHandlers wires checkpoint signing into ABCI++: vote
// extensions, proposal injection and verification, and the pre-blocker.
// A node without a signing key in its home still verifies and relays.
func (app *SocialApp) setSettlementHandlers(logger log.Logger, homePath string) {
	var key *ecdsa.PrivateKey
	var consAddr []byte
	if homePath != "" {
		var err error
		key, err = ethkey.Load(filepath.Join(homePath, settlementtypes.SigningKeyFile))
		if errors.Is(err, fs.ErrNotExist) {
			key, err = nil, nil // this node does not sign checkpoints
		}
		if err != nil {
			panic(fmt.Errorf("loading settlement signing key: %w", err))
		}
		if consAddr, err = settlementabci.LoadConsensusAddress(filepath.Join(homePath, "config", "priv_validator_key.json")); err != nil {
			panic(fmt.Errorf("reading the validator consensus address: %w", err))
		}
	}
	app.settlementABCI = settlementabci.NewHandler(app.SettlementKeeper, key, consAddr,
		func() []byte { return app.LastCommitID().Hash }, logger)
	proposals := baseapp.NewDefaultProposalHandler(app.Mempool(), app)
	app.SetExtendVoteHandler(app.settlementABCI.ExtendVote())
	app.SetVerifyVoteExtensionHandler(app.settlementABCI.VerifyVoteExtension())
	// Block layout: checkpoint signatures, then the lane batch, then txs.
	app.SetPrepareProposal(app.settlementABCI.PrepareProposal(app.messagesABCI.PrepareProposal(proposals.PrepareProposalHandler())))
	app.SetProcessProposal(app.settlementABCI.ProcessProposal(app.messagesABCI.ProcessProposal(proposals.ProcessProposalHandler())))
}

func (app *SocialApp) setPostHandler() {
	postHandler, err := posthandler.NewPostHandler(posthandler.HandlerOptions{})
	if err != nil {
		panic(err)
	}
	app.SetPostHandler(postHandler)
}

// Name returns the application's name.
func (app *SocialApp) Name() string { return app.BaseApp.Name() }

// PreBlocker runs the modules' pre-blockers (upgrades first), stores the
// block's checkpoint signatures and applies its lane messages, before the
// block's transactions.
func (app *SocialApp) PreBlocker(ctx sdk.Context, req *abci.RequestFinalizeBlock) (*sdk.ResponsePreBlock, error) {
	res, err := app.ModuleManager.PreBlock(ctx)
	if err != nil {
		return res, err
	}
	if err := app.settlementABCI.PreBlock(ctx, req); err != nil {
		return res, err
	}
	_, rest, err := settlementabci.SplitInjected(req.Txs)
	if err != nil {
		return res, nil // ProcessProposal rejected such a block; nothing to apply
	}
	lane := ctx.WithEventManager(sdk.NewEventManager())
	err = app.messagesABCI.PreBlock(lane, rest)
	app.laneEvents = lane.EventManager().ABCIEvents()
	return res, err
}

// BeginBlocker runs the modules' begin-blockers.
func (app *SocialApp) BeginBlocker(ctx sdk.Context) (sdk.BeginBlock, error) {
	return app.ModuleManager.BeginBlock(ctx)
}

// EndBlocker runs the modules' end-blockers.
func (app *SocialApp) EndBlocker(ctx sdk.Context) (sdk.EndBlock, error) {
	return app.ModuleManager.EndBlock(ctx)
}

// Configurator returns the module configurator used for services and migrations.
func (app *SocialApp) Configurator() module.Configurator { return app.configurator }

// InitChainer initialises every module from the genesis app state.
func (app *SocialApp) InitChainer(ctx sdk.Context, req *abci.RequestInitChain) (*abci.ResponseInitChain, error) {
	var genesisState GenesisState
	if err := json.Unmarshal(req.AppStateBytes, &genesisState); err != nil {
		return nil, fmt.Errorf("decoding genesis app state: %w", err)
	}
	if err := app.UpgradeKeeper.SetModuleVersionMap(ctx, app.ModuleManager.GetVersionMap()); err != nil {
		return nil, err
	}
	return app.ModuleManager.InitGenesis(ctx, app.appCodec, genesisState)
}

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

// AutoCliOpts returns what autocli needs to build tx and query commands
// from the modules' protobuf services.
func (app *SocialApp) AutoCliOpts() autocli.AppOptions {
	modules := make(map[string]appmodule.AppModule)
	for _, m := range app.ModuleManager.Modules {
		named, ok := m.(module.HasName)
		if !ok {
			continue
		}
		if am, ok := named.(appmodule.AppModule); ok {
			modules[named.Name()] = am
		}
	}
	return autocli.AppOptions{
		Modules:               modules,
		ModuleOptions:         runtimeservices.ExtractAutoCLIOptions(app.ModuleManager.Modules),
		AddressCodec:          addresscodec.NewBech32Codec(sdk.GetConfig().GetBech32AccountAddrPrefix()),
		ValidatorAddressCodec: addresscodec.NewBech32Codec(sdk.GetConfig().GetBech32ValidatorAddrPrefix()),
		ConsensusAddressCodec: addresscodec.NewBech32Codec(sdk.GetConfig().GetBech32ConsensusAddrPrefix()),
	}
}

// RegisterAPIRoutes mounts the gRPC-gateway REST routes on the API server.
func (app *SocialApp) RegisterAPIRoutes(apiSvr *api.Server, apiConfig config.APIConfig) {
	clientCtx := apiSvr.ClientCtx
	// authtx.RegisterGRPCGatewayRoutes, with the tx service's BroadcastTx.
	if err := txtypes.RegisterServiceHandlerClient(context.Background(), apiSvr.GRPCGatewayRouter,
		rest.NewTxGatewayClient(clientCtx, app.txService(clientCtx))); err != nil {
		panic(err)
	}
	cmtservice.RegisterGRPCGatewayRoutes(clientCtx, apiSvr.GRPCGatewayRouter)
	nodeservice.RegisterGRPCGatewayRoutes(clientCtx, apiSvr.GRPCGatewayRouter)
	app.BasicModuleManager.RegisterGRPCGatewayRoutes(clientCtx, apiSvr.GRPCGatewayRouter)
	// Before the gateway's catch-all route, which the server adds at start.
	for _, prefix := range rest.ContentPrefixes {
		apiSvr.Router.PathPrefix(prefix).Handler(&app.contentRoutes)
	}
	apiSvr.Router.Path(rest.L1StatusPath).Handler(&app.relayer)
	rest.RegisterWebApp(apiSvr.Router)
	if err := rest.RegisterOpenAPI(apiSvr.Router, apiConfig.Swagger); err != nil {
		panic(err)
	}
	rest.UseErrorHandler(apiSvr.GRPCGatewayRouter)
	apiSvr.Router.Use(rest.LimitBodies)
}

// SetRelayerStatus installs the embedded relayer's status reader, served
// at rest.L1StatusPath.
func (app *SocialApp) SetRelayerStatus(f func() any) { app.relayer.Set(f) }

// txService is the tx service of clientCtx, with reasons for the refusals
// the SDK's leaves unexplained.
func (app *SocialApp) txService(clientCtx client.Context) rest.TxService {
	return rest.NewTxService(clientCtx, app.Simulate, app.interfaceRegistry, app.txConfig.TxDecoder())
}

// RegisterTxService registers the tx gRPC service (simulate, broadcast,
// get): the SDK's, with reasons for the refusals it leaves unexplained
// (rest.TxService).
func (app *SocialApp) RegisterTxService(clientCtx client.Context) {
	txtypes.RegisterServiceServer(app.GRPCQueryRouter(), app.txService(clientCtx))
}

// RegisterTendermintService registers the CometBFT gRPC query service.
func (app *SocialApp) RegisterTendermintService(clientCtx client.Context) {
	cmtApp := server.NewCometABCIWrapper(app)
	cmtservice.RegisterTendermintService(clientCtx, app.GRPCQueryRouter(), app.interfaceRegistry, cmtApp.Query)
}

// RegisterNodeService registers the node gRPC service (config, status).
func (app *SocialApp) RegisterNodeService(clientCtx client.Context, cfg config.Config) {
	nodeservice.RegisterNodeService(clientCtx, app.GRPCQueryRouter(), cfg, func() int64 {
		return app.CommitMultiStore().EarliestVersion()
	})
}

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
