// Package rest is the node's REST surface beside the gRPC gateway's
// generated routes: the content API and relayer status mounts, the browser
// app, the OpenAPI document, the gateway's error shape and body limits, and
// the tx service whose refusals carry reasons. app.RegisterAPIRoutes wires
// it onto the SDK's API server.
package rest

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/grpc-ecosystem/grpc-gateway/runtime"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/socialchain/socialchain/internal/resterr"
	"github.com/socialchain/socialchain/p2p"
)

// MaxBodyBytes caps the request bodies of the REST routes other than
// the content API's. The largest legitimate one is a tx broadcast at
// CometBFT's default mempool.max_tx_bytes (1 MiB), base64 inside JSON;
// api.rpc-max-body-bytes sits far above it so blobs can be uploaded, and
// the content API enforces its own max_blob_size.
const MaxBodyBytes = 2 << 20

// ContentPrefixes are the content node's routes (ContentRoutes): blob
// uploads and the IPFS gateway.
var ContentPrefixes = []string{"/socialchain/content/", p2p.IPFSPrefix}

// LimitBodies refuses bodies over MaxBodyBytes with 413 in the
// gateway's error shape, before a handler reads them.
func LimitBodies(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, prefix := range ContentPrefixes {
			if strings.HasPrefix(r.URL.Path, prefix) {
				next.ServeHTTP(w, r)
				return
			}
		}
		if r.ContentLength > MaxBodyBytes {
			resterr.Error(w, http.StatusRequestEntityTooLarge, codes.ResourceExhausted,
				fmt.Sprintf("request body is %d bytes; the limit for %s is %d bytes", r.ContentLength, r.URL.Path, MaxBodyBytes))
			return
		}
		// A body without a length is cut at the limit; the handler then
		// fails to read it and answers in the same shape.
		r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
		next.ServeHTTP(w, r)
	})
}

// errorHandler is the gateway's default error handler, except that an
// unknown route or method is 404 NotFound naming the route, where the
// gateway says 501 "Not Implemented". The answer keeps the gateway's shape,
// {"code": <gRPC code>, "message": "...", "details": []}.
//
// Bodies over api.rpc-max-body-bytes never get here: the start command's
// REST front door (cmd/socialchaind/cmd/restfront.go) refuses them with
// 413 in this shape before CometBFT's RPC server, which the SDK's REST
// server runs on, would; LimitBodies answers the smaller oversize
// bodies.
func errorHandler(ctx context.Context, m *runtime.ServeMux, marshaler runtime.Marshaler, w http.ResponseWriter, r *http.Request, err error) {
	// The mux reports every unmatched method and path with this one value.
	if err == runtime.ErrUnknownURI {
		err = status.Errorf(codes.NotFound, "no REST route for %s %s; the routes are listed at %s", r.Method, r.URL.Path, OpenAPIPath)
	}
	runtime.DefaultHTTPProtoErrorHandler(ctx, m, marshaler, w, r, err)
}

// UseErrorHandler installs errorHandler on the SDK's gateway mux. A
// ServeMuxOption is a setter, so it applies after construction and leaves
// the SDK's other options (marshaler, headers) as they are.
func UseErrorHandler(gw *runtime.ServeMux) {
	runtime.WithProtoErrorHandler(errorHandler)(gw)
}
