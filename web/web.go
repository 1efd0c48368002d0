// Package web holds the browser app the node serves at /app/: static files
// embedded in the binary, so every node serves the same page with no extra
// setup and no network access beyond its own REST server.
package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"google.golang.org/grpc/codes"

	"github.com/socialchain/socialchain/internal/resterr"
)

//go:embed app
var appFiles embed.FS

// Prefix is the URL path the app is served under.
const Prefix = "/app/"

// contentTypes names the media type of each file kind the app ships. A
// fixed table, not mime.TypeByExtension, because that one reads the host's
// /etc/mime.types and could serve JavaScript with a type browsers refuse
// for modules.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".svg":  "image/svg+xml",
	".png":  "image/png",
	".ico":  "image/x-icon",
	".json": "application/json",
	".txt":  "text/plain; charset=utf-8",
}

// contentSecurityPolicy keeps the page to its own origin: scripts, styles and
// requests go only to the node that served it, so a key pasted into the page
// cannot be sent anywhere else even by injected markup. Images may also be
// blob: URLs (previews of files picked for upload).
const contentSecurityPolicy = "default-src 'self'; img-src 'self' blob: data:; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

type asset struct {
	body        []byte
	contentType string
	etag        string
}

// AppHandler serves the embedded app: /app redirects to /app/, /app/ is
// index.html, other files by name. Files are revalidated on every load
// (Cache-Control: no-cache with a content-hash ETag), so a node upgrade is
// seen at once and an unchanged file costs a 304. Unknown paths get the
// REST server's JSON error shape with code 5 (NotFound).
type AppHandler struct {
	assets map[string]asset
}

var _ http.Handler = (*AppHandler)(nil)

// NewAppHandler loads the embedded files.
func NewAppHandler() (*AppHandler, error) {
	return newAppHandler(appFiles)
}

func newAppHandler(files fs.FS) (*AppHandler, error) {
	root, err := fs.Sub(files, "app")
	if err != nil {
		return nil, err
	}
	h := &AppHandler{assets: make(map[string]asset)}
	err = fs.WalkDir(root, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(root, name)
		if err != nil {
			return err
		}
		ct, ok := contentTypes[path.Ext(name)]
		if !ok {
			ct = "application/octet-stream"
		}
		sum := sha256.Sum256(body)
		h.assets[name] = asset{body: body, contentType: ct, etag: `"` + hex.EncodeToString(sum[:16]) + `"`}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if _, ok := h.assets["index.html"]; !ok {
		return nil, fmt.Errorf("web: app/index.html is missing from the embedded files: %w", fs.ErrNotExist)
	}
	return h, nil
}

// ServeHTTP serves one file of the app.
func (h *AppHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == strings.TrimSuffix(Prefix, "/") {
		http.Redirect(w, r, Prefix, http.StatusMovedPermanently)
		return
	}
	name, ok := strings.CutPrefix(r.URL.Path, Prefix)
	if !ok {
		resterr.Error(w, http.StatusNotFound, codes.NotFound, "not found: "+r.URL.Path)
		return
	}
	if name == "" {
		name = "index.html"
	}
	a, ok := h.assets[name]
	if !ok {
		resterr.Error(w, http.StatusNotFound, codes.NotFound, "not found: "+r.URL.Path)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		resterr.Error(w, http.StatusMethodNotAllowed, codes.Unimplemented, "method not allowed: "+r.Method)
		return
	}
	hdr := w.Header()
	hdr.Set("Content-Type", a.contentType)
	hdr.Set("Cache-Control", "no-cache")
	hdr.Set("ETag", a.etag)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "no-referrer")
	hdr.Set("Content-Security-Policy", contentSecurityPolicy)
	// ServeContent answers If-None-Match with 304 and handles HEAD and
	// ranges; embedded files have no modification time, the ETag stands in.
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(a.body))
}
