package rest

import (
	"net/http"
	"reflect"
	"sync/atomic"

	"google.golang.org/grpc/codes"

	"github.com/socialchain/socialchain/internal/resterr"
	"github.com/socialchain/socialchain/p2p"
)

// ContentRoutes serves the content API (ContentPrefixes) on the REST
// server. The content node is attached once `start` has brought it up;
// until then, and on nodes with [p2p] enable = false, the routes answer
// 503.
type ContentRoutes struct {
	api atomic.Pointer[p2p.ContentAPI]
}

// Attach routes content requests to api from now on.
func (c *ContentRoutes) Attach(api *p2p.ContentAPI) { c.api.Store(api) }

// ServeHTTP routes content requests to the attached node's API.
func (c *ContentRoutes) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	api := c.api.Load()
	if api == nil {
		resterr.Error(w, http.StatusServiceUnavailable, codes.Unavailable, "the content node is not running: enable [p2p] in app.toml and restart")
		return
	}
	api.Handler().ServeHTTP(unwrappable(w), r)
}

// unwrappable lets http.ResponseController reach the connection's real
// ResponseWriter. CometBFT's RPC server, which the SDK's REST server runs
// on, wraps every writer in a type that can neither Flush nor Unwrap, so
// the event stream could never flush; its exported embedded ResponseWriter
// field is the writer underneath.
func unwrappable(w http.ResponseWriter) http.ResponseWriter {
	if _, ok := w.(http.Flusher); ok {
		return w
	}
	v := reflect.ValueOf(w)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return w
	}
	field := v.Elem().FieldByName("ResponseWriter")
	if !field.IsValid() || !field.CanInterface() {
		return w
	}
	inner, ok := field.Interface().(http.ResponseWriter)
	if !ok {
		return w
	}
	return unwrapWriter{ResponseWriter: w, inner: inner}
}

type unwrapWriter struct {
	http.ResponseWriter
	inner http.ResponseWriter
}

// Unwrap implements the interface http.ResponseController looks for.
func (u unwrapWriter) Unwrap() http.ResponseWriter { return u.inner }
