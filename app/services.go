package app

import (
	"context"

	"cosmossdk.io/client/v2/autocli"
	"cosmossdk.io/core/appmodule"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/grpc/cmtservice"
	nodeservice "github.com/cosmos/cosmos-sdk/client/grpc/node"
	runtimeservices "github.com/cosmos/cosmos-sdk/runtime/services"
	"github.com/cosmos/cosmos-sdk/server"
	"github.com/cosmos/cosmos-sdk/server/api"
	"github.com/cosmos/cosmos-sdk/server/config"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"

	"github.com/socialchain/socialchain/app/rest"
	"github.com/socialchain/socialchain/internal/addresscodec"
)

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
