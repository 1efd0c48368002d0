package app

import (
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	abci "github.com/cometbft/cometbft/abci/types"

	"cosmossdk.io/log/v2"

	"github.com/cosmos/cosmos-sdk/baseapp"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/socialchain/socialchain/internal/ethkey"
	settlementabci "github.com/socialchain/socialchain/x/settlement/abci"
	settlementtypes "github.com/socialchain/socialchain/x/settlement/types"
)

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
