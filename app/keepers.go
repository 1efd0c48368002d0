package app

import (
	"github.com/spf13/cast"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/server"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
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
	govv1beta1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1beta1"
	mintkeeper "github.com/cosmos/cosmos-sdk/x/mint/keeper"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"
	slashingkeeper "github.com/cosmos/cosmos-sdk/x/slashing/keeper"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	stakingkeeper "github.com/cosmos/cosmos-sdk/x/staking/keeper"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
	upgradekeeper "github.com/cosmos/cosmos-sdk/x/upgrade/keeper"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	"github.com/socialchain/socialchain/internal/addresscodec"
	messagesabci "github.com/socialchain/socialchain/x/messages/abci"
	messageskeeper "github.com/socialchain/socialchain/x/messages/keeper"
	messagestypes "github.com/socialchain/socialchain/x/messages/types"
	postskeeper "github.com/socialchain/socialchain/x/posts/keeper"
	poststypes "github.com/socialchain/socialchain/x/posts/types"
	profileskeeper "github.com/socialchain/socialchain/x/profiles/keeper"
	profilestypes "github.com/socialchain/socialchain/x/profiles/types"
	settlementkeeper "github.com/socialchain/socialchain/x/settlement/keeper"
	settlementtypes "github.com/socialchain/socialchain/x/settlement/types"
)

// addressCodecs are the account, validator and consensus address codecs
// the keepers and modules share. The SDK's codecs read sdk.GetConfig
// (syscalls) on every decode; these read it once (internal/addresscodec).
type addressCodecs struct {
	acc, val, cons addresscodec.Bech32Codec
}

func newAddressCodecs() addressCodecs {
	return addressCodecs{
		acc:  addresscodec.NewBech32Codec(sdk.GetConfig().GetBech32AccountAddrPrefix()),
		val:  addresscodec.NewBech32Codec(sdk.GetConfig().GetBech32ValidatorAddrPrefix()),
		cons: addresscodec.NewBech32Codec(sdk.GetConfig().GetBech32ConsensusAddrPrefix()),
	}
}

// setKeepers builds every keeper over the app's stores, hooks the social
// modules to settlement, and opens the message lane: its pool under
// homePath and its ABCI handler, which lanes hands committed blocks to.
func (app *SocialApp) setKeepers(logger log.Logger, appOpts servertypes.AppOptions, homePath string, codecs addressCodecs, lanes *laneListener) {
	appCodec, legacyAmino, keys := app.appCodec, app.legacyAmino, app.keys
	accCodec, valCodec, consCodec := codecs.acc, codecs.val, codecs.cons

	authority := authtypes.NewModuleAddress(govtypes.ModuleName).String()

	app.ConsensusParamsKeeper = consensuskeeper.NewKeeper(
		appCodec, runtime.NewKVStoreService(keys[consensustypes.StoreKey]), authority, runtime.EventService{},
	)
	app.SetParamStore(app.ConsensusParamsKeeper.ParamsStore)

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
	lanePool := openLanePool(homePath, app.ChainID())
	app.lane = messageskeeper.NewLane(app.MessagesKeeper, lanePool, nil)
	app.messagesABCI = messagesabci.NewHandler(app.MessagesKeeper, lanePool, logger)
	lanes.handler = app.messagesABCI
	app.settled.app = app
	app.content.walk = app.walkCommittedContent
}
