package rest

import (
	"net/http"
	"sync/atomic"

	"google.golang.org/grpc/codes"

	"github.com/socialchain/socialchain/internal/resterr"
)

// L1StatusPath is where RelayerStatus is served.
const L1StatusPath = "/socialchain/settlement/v1/l1-status"

// RelayerStatus serves GET L1StatusPath: what this node's embedded relayer
// last saw on the L1. It is node-local (each relayer reports its own
// view), not chain state.
type RelayerStatus struct {
	status atomic.Pointer[func() any]
}

// Set installs the embedded relayer's status reader.
func (rs *RelayerStatus) Set(f func() any) { rs.status.Store(&f) }

// ServeHTTP answers with the relayer's status, or 404 when the node runs
// no relayer.
func (rs *RelayerStatus) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	f := rs.status.Load()
	if f == nil {
		resterr.Error(w, http.StatusNotFound, codes.NotFound, "this node runs no relayer: set [settlement] relay = true in app.toml")
		return
	}
	resterr.Write(w, http.StatusOK, (*f)())
}
