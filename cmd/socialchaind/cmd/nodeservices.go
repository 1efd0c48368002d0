package cmd

import (
	"context"
	"fmt"

	"golang.org/x/sync/errgroup"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/server"

	"github.com/socialchain/socialchain/p2p"
)

// startNodeServices is the start command's PostSetup: the content node,
// when [settlement] relay is set the embedded relayer, and last the REST
// front door on [api] address (restfront.go).
func startNodeServices(svrCtx *server.Context, clientCtx client.Context, ctx context.Context, g *errgroup.Group) error {
	if err := startContentNode(svrCtx, clientCtx, ctx, g); err != nil {
		return err
	}
	if err := startEmbeddedRelayer(svrCtx, ctx, g); err != nil {
		return err
	}
	return startRESTFrontDoor(svrCtx, ctx, g)
}

// startContentNode, the first of the node services, brings up the
// content node when [p2p] enable is set, attaches it to the app, and stops
// it when the node shuts down.
func startContentNode(svrCtx *server.Context, _ client.Context, ctx context.Context, g *errgroup.Group) error {
	socialApp := startedApp.Load()
	if socialApp == nil {
		return nil
	}
	cfg, enabled, err := p2pConfigFrom(svrCtx.Viper, svrCtx.Config.RootDir, svrCtx.Config.GenesisFile())
	if err != nil || !enabled {
		return err
	}
	node, err := p2p.New(ctx, cfg, p2p.WithLogger(svrCtx.Logger.With("module", "p2p")))
	if err != nil {
		return fmt.Errorf("starting the content node: %w", err)
	}
	if err := socialApp.AttachContentNode(node); err != nil {
		_ = node.Close()
		return err
	}
	g.Go(func() error {
		<-ctx.Done()
		return node.Close()
	})
	return nil
}
