package cmd

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"

	"github.com/cosmos/cosmos-sdk/server"

	"github.com/socialchain/socialchain/internal/resterr"
)

// hiddenLength hides a body's length, so the client streams it chunked.
type hiddenLength struct{ r io.Reader }

func (h hiddenLength) Read(p []byte) (int, error) { return h.r.Read(p) }

// frontDoorOverEcho serves newRESTFrontDoor with limit in front of an
// upstream on a unix socket that echoes the body it got, and counts the
// requests that reached it.
func frontDoorOverEcho(t *testing.T, limit int64) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	socket := filepath.Join(t.TempDir(), "rest.sock")
	ln, err := net.Listen("unix", socket)
	require.NoError(t, err)
	reached := new(atomic.Int32)
	upstream := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached.Add(1)
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("X-Upstream-Host", r.Host)
		_, _ = w.Write(append([]byte(r.Method+" "+r.URL.RequestURI()+" "), body...))
	})}
	go func() { _ = upstream.Serve(ln) }()
	t.Cleanup(func() { _ = upstream.Close() })
	front := httptest.NewServer(newRESTFrontDoor(socket, limit))
	t.Cleanup(front.Close)
	return front, reached
}

func requireRESTBody(t *testing.T, resp *http.Response, status int, code codes.Code, message string) {
	t.Helper()
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, status, resp.StatusCode, string(raw))
	require.Equal(t, "application/json", resp.Header.Get("Content-Type"))
	var body resterr.Body
	require.NoError(t, json.Unmarshal(raw, &body), string(raw))
	require.Equal(t, code, body.Code)
	require.Contains(t, body.Message, message)
	require.NotNil(t, body.Details)
}

func TestRESTFrontDoorPassesRequestsThrough(t *testing.T) {
	front, reached := frontDoorOverEcho(t, 100)
	resp, err := http.Post(front.URL+"/cosmos/tx/v1beta1/txs?x=1", "application/json", strings.NewReader(`{"a":1}`))
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Equal(t, `POST /cosmos/tx/v1beta1/txs?x=1 {"a":1}`, string(body))
	require.Equal(t, strings.TrimPrefix(front.URL, "http://"), resp.Header.Get("X-Upstream-Host"), "the Host header is kept")
	require.EqualValues(t, 1, reached.Load())
}

func TestRESTFrontDoorRefusesOversizeBodiesWith413(t *testing.T) {
	const limit = 100
	front, reached := frontDoorOverEcho(t, limit)
	t.Run("a declared length over the limit is refused before the upstream", func(t *testing.T) {
		resp, err := http.Post(front.URL+"/cosmos/tx/v1beta1/txs", "application/json", bytes.NewReader(make([]byte, limit+1)))
		require.NoError(t, err)
		requireRESTBody(t, resp, http.StatusRequestEntityTooLarge, codes.ResourceExhausted,
			"request body is 101 bytes; the limit of this REST server for /cosmos/tx/v1beta1/txs is 100 bytes ([api] rpc-max-body-bytes)")
		require.Zero(t, reached.Load())
	})
	t.Run("a streamed body is cut at the limit", func(t *testing.T) {
		resp, err := http.Post(front.URL+"/socialchain/content/v1/blobs", "application/octet-stream", hiddenLength{bytes.NewReader(make([]byte, 10*limit))})
		require.NoError(t, err)
		requireRESTBody(t, resp, http.StatusRequestEntityTooLarge, codes.ResourceExhausted,
			"request body is over the limit; the limit of this REST server for /socialchain/content/v1/blobs is 100 bytes")
	})
	t.Run("a body at the limit passes", func(t *testing.T) {
		resp, err := http.Post(front.URL+"/x", "application/octet-stream", bytes.NewReader(make([]byte, limit)))
		require.NoError(t, err)
		require.NoError(t, resp.Body.Close())
		require.Equal(t, http.StatusOK, resp.StatusCode)
	})
}

func TestRESTFrontDoorWithoutUpstreamIs503(t *testing.T) {
	front := httptest.NewServer(newRESTFrontDoor(filepath.Join(t.TempDir(), "none.sock"), 100))
	t.Cleanup(front.Close)
	resp, err := http.Get(front.URL + "/cosmos/base/node/v1beta1/status")
	require.NoError(t, err)
	requireRESTBody(t, resp, http.StatusServiceUnavailable, codes.Unavailable, "the node's REST server did not answer")
}

// startWithFrontDoor is a stand-in start command under useRESTFrontDoor
// whose RunE records the [api] address the SDK's server would get.
func startWithFrontDoor(t *testing.T, home string, args ...string) (sdkAddress string) {
	t.Helper()
	root := &cobra.Command{Use: "socialchaind"}
	start := &cobra.Command{Use: "start", RunE: func(cmd *cobra.Command, _ []string) error {
		sdkAddress = server.GetServerContextFromCmd(cmd).Viper.GetString("api.address")
		return nil
	}}
	start.Flags().Bool("with-comet", true, "")
	start.Flags().Bool("grpc-only", false, "")
	root.AddCommand(start)
	useRESTFrontDoor(root)

	svrCtx := server.NewDefaultContext()
	svrCtx.Config.RootDir = home
	svrCtx.Viper.Set("api.enable", true)
	svrCtx.Viper.Set("api.address", "tcp://127.0.0.1:1317")
	require.NoError(t, start.Flags().Parse(args))
	start.SetContext(context.WithValue(context.Background(), server.ServerContextKey, svrCtx))
	t.Cleanup(func() { restFrontAddress = "" })
	require.NoError(t, start.RunE(start, nil))
	return sdkAddress
}

func TestStartMovesTheSDKRESTServerToTheSocket(t *testing.T) {
	home := t.TempDir()
	socket := filepath.Join(home, restSocket)
	require.NoError(t, os.MkdirAll(filepath.Dir(socket), 0o755))
	require.NoError(t, os.WriteFile(socket, nil, 0o600), "a socket left by a killed node")

	require.Equal(t, "unix://"+socket, startWithFrontDoor(t, home))
	require.Equal(t, "tcp://127.0.0.1:1317", restFrontAddress, "the front door serves app.toml's address")
	_, err := os.Stat(socket)
	require.ErrorIs(t, err, os.ErrNotExist, "the stale socket is removed so the SDK's server can listen")
}

func TestStartKeepsTheSDKRESTServerWithoutPostSetup(t *testing.T) {
	for _, flag := range []string{"--with-comet=false", "--grpc-only"} {
		t.Run(flag, func(t *testing.T) {
			require.Equal(t, "tcp://127.0.0.1:1317", startWithFrontDoor(t, t.TempDir(), flag))
			require.Empty(t, restFrontAddress)
		})
	}
}
