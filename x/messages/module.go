// Package messages is the x/messages module: the message lane. Social apps
// sign small messages with a user's ed25519 app key and submit them to any
// node, which validates them against its latest state, keeps them in its
// pool, gossips them, and batches them into blocks; every validator checks
// the batch and applies it through the same keeper methods the social
// modules' Msg servers call. No gas: a per-profile allowance bounds each
// author (docs/messages.md).
package messages

import (
	"context"
	"encoding/json"
	"fmt"

	gwruntime "github.com/grpc-ecosystem/grpc-gateway/runtime"

	"cosmossdk.io/core/appmodule"
	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"

	"github.com/socialchain/socialchain/x/messages/keeper"
	"github.com/socialchain/socialchain/x/messages/types"
)

// ConsensusVersion is bumped with every state migration.
const ConsensusVersion = 1

var (
	_ module.AppModuleBasic = AppModule{}
	_ module.HasGenesis     = AppModule{}
	_ module.HasServices    = AppModule{}
	_ appmodule.AppModule   = AppModule{}
)

// AppModule is the messages module.
type AppModule struct {
	cdc     codec.Codec
	keeper  keeper.Keeper
	lane    *keeper.Lane
	settled keeper.SettlementView
}

// NewAppModule returns the messages module. lane is the node's intake (nil
// in codec-only apps); settled tells which blocks the L1 holds (may be nil).
func NewAppModule(cdc codec.Codec, k keeper.Keeper, lane *keeper.Lane, settled keeper.SettlementView) AppModule {
	return AppModule{cdc: cdc, keeper: k, lane: lane, settled: settled}
}

// Name returns the module name.
func (AppModule) Name() string { return types.ModuleName }

// IsOnePerModuleType marks the module as a singleton.
func (AppModule) IsOnePerModuleType() {}

// IsAppModule marks AppModule as an app module.
func (AppModule) IsAppModule() {}

// ConsensusVersion returns the module's state version.
func (AppModule) ConsensusVersion() uint64 { return ConsensusVersion }

// RegisterLegacyAminoCodec registers amino names.
func (AppModule) RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	types.RegisterLegacyAminoCodec(cdc)
}

// RegisterInterfaces registers the module's transactions.
func (AppModule) RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	types.RegisterInterfaces(registry)
}

// RegisterGRPCGatewayRoutes mounts the REST routes of the Query and Lane
// services.
func (AppModule) RegisterGRPCGatewayRoutes(clientCtx client.Context, mux *gwruntime.ServeMux) {
	if err := types.RegisterQueryHandlerClient(context.Background(), mux, types.NewQueryClient(clientCtx)); err != nil {
		panic(err)
	}
	if err := types.RegisterLaneHandlerClient(context.Background(), mux, types.NewLaneClient(clientCtx)); err != nil {
		panic(err)
	}
}

// RegisterServices registers the Msg, Query and Lane services. Lane runs on
// the query router: each call gets a branch of the latest committed state.
func (am AppModule) RegisterServices(cfg module.Configurator) {
	types.RegisterMsgServer(cfg.MsgServer(), keeper.NewMsgServerImpl(am.keeper))
	var pending keeper.PendingPool
	if am.lane != nil {
		pending = am.lane.Pool()
		types.RegisterLaneServer(cfg.QueryServer(), keeper.NewLaneServerImpl(am.lane))
	}
	types.RegisterQueryServer(cfg.QueryServer(), keeper.NewQueryServerImpl(am.keeper, pending, am.settled))
}

// DefaultGenesis returns the genesis of a new chain.
func (AppModule) DefaultGenesis(cdc codec.JSONCodec) json.RawMessage {
	return cdc.MustMarshalJSON(types.DefaultGenesis())
}

// ValidateGenesis checks a genesis state without touching the store.
func (am AppModule) ValidateGenesis(cdc codec.JSONCodec, _ client.TxEncodingConfig, bz json.RawMessage) error {
	var gs types.GenesisState
	if err := cdc.UnmarshalJSON(bz, &gs); err != nil {
		return errorsmod.Wrapf(types.ErrInvalidGenesis, "decoding %s genesis: %v", types.ModuleName, err)
	}
	return gs.Validate(am.keeper.AddressCodec())
}

// InitGenesis loads the genesis state; a bad genesis stops the chain.
func (am AppModule) InitGenesis(ctx sdk.Context, cdc codec.JSONCodec, bz json.RawMessage) {
	var gs types.GenesisState
	cdc.MustUnmarshalJSON(bz, &gs)
	if err := am.keeper.InitGenesis(ctx, &gs); err != nil {
		panic(fmt.Errorf("%s genesis: %w", types.ModuleName, err))
	}
}

// ExportGenesis dumps the module state.
func (am AppModule) ExportGenesis(ctx sdk.Context, cdc codec.JSONCodec) json.RawMessage {
	gs, err := am.keeper.ExportGenesis(ctx)
	if err != nil {
		panic(fmt.Errorf("%s export: %w", types.ModuleName, err))
	}
	return cdc.MustMarshalJSON(gs)
}
