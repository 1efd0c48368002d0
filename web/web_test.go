package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"
)

func TestAppHandler(t *testing.T) {
	h, err := NewAppHandler()
	require.NoError(t, err)

	cases := []struct {
		name        string
		method      string
		path        string
		status      int
		contentType string
		bodyHas     string
		location    string
		grpcCode    int
	}{
		{name: "the app root serves index.html", path: "/app/", status: 200, contentType: "text/html; charset=utf-8", bodyHas: `<main id="view"`},
		{name: "the app path without a slash redirects permanently", path: "/app", status: 301, location: "/app/"},
		{name: "the module script is served as JavaScript", path: "/app/app.js", status: 200, contentType: "text/javascript; charset=utf-8", bodyHas: "signAndBroadcast"},
		{name: "the style sheet is served as CSS", path: "/app/style.css", status: 200, contentType: "text/css; charset=utf-8", bodyHas: "prefers-color-scheme"},
		{name: "an unknown asset is a JSON NotFound", path: "/app/missing.js", status: 404, contentType: "application/json", grpcCode: 5},
		{name: "a directory below the app is a JSON NotFound", path: "/app/sub/", status: 404, contentType: "application/json", grpcCode: 5},
		{name: "a path outside the app is a JSON NotFound", path: "/apps", status: 404, contentType: "application/json", grpcCode: 5},
		{name: "writing to the app is refused", method: http.MethodPost, path: "/app/", status: 405, contentType: "application/json", grpcCode: 12},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			method := tc.method
			if method == "" {
				method = http.MethodGet
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(method, tc.path, nil))
			require.Equal(t, tc.status, rec.Code, rec.Body.String())
			if tc.contentType != "" {
				require.Equal(t, tc.contentType, rec.Header().Get("Content-Type"))
			}
			if tc.location != "" {
				require.Equal(t, tc.location, rec.Header().Get("Location"))
			}
			if tc.bodyHas != "" {
				require.Contains(t, rec.Body.String(), tc.bodyHas)
			}
			if rec.Code == http.StatusOK {
				require.Equal(t, "no-cache", rec.Header().Get("Cache-Control"))
				require.Equal(t, "nosniff", rec.Header().Get("X-Content-Type-Options"))
				require.Contains(t, rec.Header().Get("Content-Security-Policy"), "default-src 'self'")
				require.NotEmpty(t, rec.Header().Get("ETag"))
			}
			if tc.grpcCode != 0 {
				var body struct {
					Code    int               `json:"code"`
					Message string            `json:"message"`
					Details []json.RawMessage `json:"details"`
				}
				require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &body), rec.Body.String())
				require.Equal(t, tc.grpcCode, body.Code)
				require.NotEmpty(t, body.Message)
				require.NotNil(t, body.Details, "details is [] as the gateway writes it, not null")
				require.Contains(t, rec.Body.String(), `"details":[]`)
			}
		})
	}
}

// TestAppHandlerRevalidates checks that an unchanged file costs a 304, which
// is what makes Cache-Control: no-cache cheap.
func TestAppHandlerRevalidates(t *testing.T) {
	h, err := NewAppHandler()
	require.NoError(t, err)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/app/app.js", nil))
	require.Equal(t, http.StatusOK, rec.Code)
	etag := rec.Header().Get("ETag")
	require.True(t, strings.HasPrefix(etag, `"`), etag)

	req := httptest.NewRequest(http.MethodGet, "/app/app.js", nil)
	req.Header.Set("If-None-Match", etag)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	require.Equal(t, http.StatusNotModified, rec.Code)
	require.Empty(t, rec.Body.Bytes())

	req = httptest.NewRequest(http.MethodGet, "/app/style.css", nil)
	req.Header.Set("If-None-Match", etag)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	require.Equal(t, http.StatusOK, rec.Code, "another file's ETag does not match")
}

func TestNewAppHandlerNeedsIndex(t *testing.T) {
	_, err := newAppHandler(fstest.MapFS{"app/app.js": {Data: []byte("x")}})
	require.Error(t, err)

	h, err := newAppHandler(fstest.MapFS{
		"app/index.html": {Data: []byte("<p>hi</p>")},
		"app/data.bin":   {Data: []byte{0, 1}},
	})
	require.NoError(t, err)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/app/data.bin", nil))
	require.Equal(t, http.StatusOK, rec.Code)
	require.Equal(t, "application/octet-stream", rec.Header().Get("Content-Type"), "unknown kinds are not sniffed")
}
