package cmd

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"
	"google.golang.org/grpc/codes"

	cmtrpcserver "github.com/cometbft/cometbft/rpc/jsonrpc/server"

	"github.com/cosmos/cosmos-sdk/server"
	serverconfig "github.com/cosmos/cosmos-sdk/server/config"

	"github.com/socialchain/socialchain/internal/resterr"
)

// The REST front door. The SDK runs its REST server on CometBFT's RPC
// server, which reads every request body up to [api] rpc-max-body-bytes
// before any router and refuses a larger one with a JSON-RPC error and
// HTTP 400; SDK v0.55 offers no hook in front of it. So `start` moves the
// SDK's REST server to a unix socket in the home (restSocket) and serves
// [api] address itself: bodies over rpc-max-body-bytes are refused with 413
// in the REST error shape, everything else is passed to the socket as is.

// restSocket is where the SDK's REST server listens, relative to the home.
const restSocket = "data/rest.sock"

// maxUnixSocketPath is the longest socket path Linux accepts (sun_path
// holds 108 bytes with the terminating NUL).
const maxUnixSocketPath = 107

// restFrontAddress is [api] address as app.toml set it, before `start`
// pointed the SDK's server at restSocket; empty when the API is off.
var restFrontAddress string

// useRESTFrontDoor makes the start command under root run the SDK's REST
// server on restSocket, keeping [api] address for startRESTFrontDoor.
func useRESTFrontDoor(root *cobra.Command) {
	start, _, err := root.Find([]string{"start"})
	if err != nil || start.RunE == nil {
		panic("socialchaind: no start command to put the REST front door on")
	}
	run := start.RunE
	start.RunE = func(cmd *cobra.Command, args []string) error {
		svrCtx := server.GetServerContextFromCmd(cmd)
		v := svrCtx.Viper
		// PostSetup, which opens the front door, runs only with CometBFT in
		// process; --grpc-only starts no REST server.
		withComet, _ := cmd.Flags().GetBool("with-comet")
		grpcOnly, _ := cmd.Flags().GetBool("grpc-only")
		if v.GetBool("api.enable") && withComet && !grpcOnly {
			socket := filepath.Join(svrCtx.Config.RootDir, restSocket)
			if len(socket) > maxUnixSocketPath {
				return fmt.Errorf("the REST server's socket %s is longer than %d bytes, the limit for a unix socket path: use a shorter --home", socket, maxUnixSocketPath)
			}
			// A socket left by a node that did not stop cleanly; the
			// home's database lock keeps two nodes from sharing it.
			if err := os.Remove(socket); err != nil && !errors.Is(err, os.ErrNotExist) {
				return fmt.Errorf("removing the stale REST socket: %w", err)
			}
			restFrontAddress = v.GetString("api.address")
			v.Set("api.address", "unix://"+socket)
		}
		return run(cmd, args)
	}
}

// startRESTFrontDoor is part of the start command's PostSetup: it serves
// restFrontAddress in front of the SDK's REST server until ctx ends.
func startRESTFrontDoor(svrCtx *server.Context, ctx context.Context, g *errgroup.Group) error {
	if restFrontAddress == "" {
		return nil
	}
	cfg, err := serverconfig.GetConfig(svrCtx.Viper)
	if err != nil {
		return err
	}
	socket := strings.TrimPrefix(cfg.API.Address, "unix://")
	ln, err := cmtrpcserver.Listen(restFrontAddress, int(cfg.API.MaxOpenConnections))
	if err != nil {
		return fmt.Errorf("REST server on %s: %w", restFrontAddress, err)
	}
	srv := &http.Server{
		Handler:           newRESTFrontDoor(socket, int64(cfg.API.RPCMaxBodyBytes)),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Duration(cfg.API.RPCReadTimeout) * time.Second,
		WriteTimeout:      time.Duration(cfg.API.RPCWriteTimeout) * time.Second,
		MaxHeaderBytes:    1 << 20,
	}
	svrCtx.Logger.Info("serving REST", "address", restFrontAddress, "sdk-api-server", cfg.API.Address, "max-body-bytes", cfg.API.RPCMaxBodyBytes)
	g.Go(func() error {
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("REST server on %s: %w", restFrontAddress, err)
		}
		return nil
	})
	g.Go(func() error {
		<-ctx.Done()
		return srv.Close()
	})
	return nil
}

// newRESTFrontDoor passes requests to the HTTP server on the unix socket,
// refusing bodies over maxBody with 413 in the REST error shape.
func newRESTFrontDoor(socket string, maxBody int64) http.Handler {
	var dialer net.Dialer
	proxy := &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) {
			r.SetURL(&url.URL{Scheme: "http", Host: "rest"})
			r.Out.Host = r.In.Host
			r.SetXForwarded()
		},
		Transport: &http.Transport{
			DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
				return dialer.DialContext(ctx, "unix", socket)
			},
			MaxIdleConnsPerHost: 64,
		},
		// Server-sent events and the gateway's streamed answers go out as
		// they come.
		FlushInterval: -1,
		ErrorHandler: func(w http.ResponseWriter, r *http.Request, err error) {
			var tooLarge *http.MaxBytesError
			if errors.As(err, &tooLarge) {
				writeBodyTooLarge(w, r, -1, maxBody)
				return
			}
			if r.Context().Err() != nil {
				return // the client went away
			}
			resterr.Error(w, http.StatusServiceUnavailable, codes.Unavailable,
				fmt.Sprintf("the node's REST server did not answer (is it still starting?): %v", err))
		},
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > maxBody {
			writeBodyTooLarge(w, r, r.ContentLength, maxBody)
			return
		}
		// A body without a length is cut at the limit; the proxy then
		// fails to send it and ErrorHandler answers 413.
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		proxy.ServeHTTP(w, r)
	})
}

// writeBodyTooLarge answers 413 for a body of size bytes (-1: unknown,
// streamed past the limit) over limit.
func writeBodyTooLarge(w http.ResponseWriter, r *http.Request, size, limit int64) {
	what := "request body is over the limit"
	if size >= 0 {
		what = fmt.Sprintf("request body is %d bytes", size)
	}
	resterr.Error(w, http.StatusRequestEntityTooLarge, codes.ResourceExhausted, fmt.Sprintf(
		"%s; the limit of this REST server for %s is %d bytes ([api] rpc-max-body-bytes)", what, r.URL.Path, limit))
}
