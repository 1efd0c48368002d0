package rest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gorilla/mux"
	"github.com/grpc-ecosystem/grpc-gateway/runtime"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"

	"github.com/socialchain/socialchain/docs"
	"github.com/socialchain/socialchain/internal/resterr"
)

func serve(t *testing.T, h http.Handler, method, path string, body io.Reader) (*http.Response, []byte) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, path, body))
	resp := rec.Result()
	out, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, out
}

func requireRESTError(t *testing.T, resp *http.Response, body []byte, httpStatus int, code codes.Code, message string) {
	t.Helper()
	require.Equal(t, httpStatus, resp.StatusCode, string(body))
	require.Contains(t, resp.Header.Get("Content-Type"), "application/json")
	var e struct {
		Code    codes.Code        `json:"code"`
		Message string            `json:"message"`
		Details []json.RawMessage `json:"details"`
	}
	require.NoError(t, json.Unmarshal(body, &e), string(body))
	require.Equal(t, code, e.Code, string(body))
	require.Contains(t, e.Message, message)
	require.NotNil(t, e.Details, "details is an empty list, not absent: %s", body)
}

func TestUnknownGatewayRouteIs404NotFound(t *testing.T) {
	// The SDK's API server marshals with EmitDefaults, so details is [].
	gw := runtime.NewServeMux(runtime.WithMarshalerOption(runtime.MIMEWildcard, &runtime.JSONPb{EmitDefaults: true, OrigName: true}))
	UseErrorHandler(gw)
	for _, path := range []string{"/socialchain/posts/v1/nope", "/nope"} {
		resp, body := serve(t, gw, http.MethodGet, path, nil)
		requireRESTError(t, resp, body, http.StatusNotFound, codes.NotFound,
			"no REST route for GET "+path+"; the routes are listed at /openapi.json")
	}
}

func TestOpenAPIDocumentAndSwaggerUIAreServed(t *testing.T) {
	r := mux.NewRouter()
	require.NoError(t, RegisterOpenAPI(r, true))

	resp, body := serve(t, r, http.MethodGet, OpenAPIPath, nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Equal(t, "application/json", resp.Header.Get("Content-Type"))
	require.Equal(t, docs.OpenAPI, body)

	resp, body = serve(t, r, http.MethodGet, "/swagger/", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Contains(t, string(body), `url: "/openapi.json"`, "the UI shows our document")
	require.NotContains(t, string(body), "swagger.yaml", "not the SDK's own")

	resp, _ = serve(t, r, http.MethodGet, "/swagger/swagger.yaml", nil)
	require.Equal(t, http.StatusMovedPermanently, resp.StatusCode)
	require.Equal(t, OpenAPIPath, resp.Header.Get("Location"))

	resp, _ = serve(t, r, http.MethodGet, "/swagger/swagger-ui-bundle.js", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode, "the UI's assets are served")

	off := mux.NewRouter()
	require.NoError(t, RegisterOpenAPI(off, false))
	resp, _ = serve(t, off, http.MethodGet, "/swagger/", nil)
	require.Equal(t, http.StatusNotFound, resp.StatusCode, "no UI unless api.swagger is set")
	resp, _ = serve(t, off, http.MethodGet, OpenAPIPath, nil)
	require.Equal(t, http.StatusOK, resp.StatusCode, "the document is always served")
}

func TestOversizeRESTBodiesAre413InTheGatewayShape(t *testing.T) {
	var reached []string
	r := mux.NewRouter()
	r.Use(LimitBodies)
	r.PathPrefix("/").HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		n, err := io.Copy(io.Discard, req.Body)
		if err != nil {
			resterr.Error(w, http.StatusBadRequest, codes.InvalidArgument, err.Error())
			return
		}
		reached = append(reached, fmt.Sprintf("%s %d", req.URL.Path, n))
	})
	big := strings.Repeat("x", MaxBodyBytes+1)

	resp, body := serve(t, r, http.MethodPost, "/cosmos/tx/v1beta1/txs", strings.NewReader(big))
	requireRESTError(t, resp, body, http.StatusRequestEntityTooLarge, codes.ResourceExhausted,
		fmt.Sprintf("request body is %d bytes; the limit for /cosmos/tx/v1beta1/txs is %d bytes", MaxBodyBytes+1, MaxBodyBytes))
	require.Empty(t, reached, "the handler never sees an oversize body")

	resp, _ = serve(t, r, http.MethodPost, "/cosmos/tx/v1beta1/txs", strings.NewReader(big[:MaxBodyBytes]))
	require.Equal(t, http.StatusOK, resp.StatusCode, "a body at the limit passes")
	resp, _ = serve(t, r, http.MethodPost, "/socialchain/content/v1/blobs", strings.NewReader(big))
	require.Equal(t, http.StatusOK, resp.StatusCode, "blob uploads keep the content API's own limit")
	require.Equal(t, []string{
		fmt.Sprintf("/cosmos/tx/v1beta1/txs %d", MaxBodyBytes),
		fmt.Sprintf("/socialchain/content/v1/blobs %d", MaxBodyBytes+1),
	}, reached)

	// Without a Content-Length the body is cut at the limit while read.
	req := httptest.NewRequest(http.MethodPost, "/cosmos/tx/v1beta1/simulate", io.MultiReader(strings.NewReader(big)))
	req.ContentLength = -1
	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, req)
	require.Equal(t, http.StatusBadRequest, rec.Code)
	require.Contains(t, rec.Body.String(), "request body too large")
}
