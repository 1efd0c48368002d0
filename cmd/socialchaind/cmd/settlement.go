package cmd

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"

	"github.com/cosmos/cosmos-sdk/server"

	"github.com/socialchain/socialchain/app"
	l1cli "github.com/socialchain/socialchain/l1/cli"
	"github.com/socialchain/socialchain/l1/relayer"
)

// SettlementCmd is `socialchaind settlement` (l1/cli), proving the app's
// settlement record kinds.
func SettlementCmd() *cobra.Command {
	cmd := l1cli.NewSettlementCmd(app.SettlementRecordKinds())
	silenceUsage(cmd)
	return cmd
}

// startEmbeddedRelayer runs a relayer inside `start` when app.toml's
// [settlement] asks for it, reading checkpoints from this node's own gRPC
// server and reporting its status through the app.
func startEmbeddedRelayer(svrCtx *server.Context, ctx context.Context, g *errgroup.Group) error {
	var cfg settlementAppConfig
	if err := svrCtx.Viper.UnmarshalKey("settlement", &cfg); err != nil {
		return fmt.Errorf("app.toml [settlement]: %w", err)
	}
	if !cfg.Relay {
		return nil
	}
	keyFile := cfg.RelayerKeyFile
	if !filepath.IsAbs(keyFile) {
		keyFile = filepath.Join(svrCtx.Config.RootDir, keyFile)
	}
	return l1cli.StartEmbeddedRelayer(ctx, g, l1cli.EmbeddedRelayer{
		L1RPC:    cfg.L1RPC,
		KeyFile:  keyFile,
		NodeGRPC: svrCtx.Viper.GetString("grpc.address"),
		Logger:   svrCtx.Logger.With("module", "relayer"),
		Started: func(r *relayer.Relayer) {
			if a := startedApp.Load(); a != nil {
				a.SetRelayerStatus(func() any { return r.Status() })
				a.SetL1LastCheckpoint(func() uint64 { return r.Status().LastCheckpoint })
			}
		},
	})
}
