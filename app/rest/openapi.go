package rest

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/http"
	"strings"

	"github.com/gorilla/mux"

	sdkdocs "github.com/cosmos/cosmos-sdk/client/docs"

	"github.com/socialchain/socialchain/docs"
)

// OpenAPIPath is where the REST server serves the OpenAPI document.
const OpenAPIPath = "/openapi.json"

// sdkSpecURL is how the SDK's Swagger UI page loads the SDK's own spec,
// which lacks socialchain's routes; the page we serve loads ours instead.
const sdkSpecURL = `url: "./swagger.yaml"`

// RegisterOpenAPI serves the embedded OpenAPI document at OpenAPIPath and,
// when api.swagger is set in app.toml, the SDK's Swagger UI at /swagger/
// showing that document.
func RegisterOpenAPI(r *mux.Router, swagger bool) error {
	r.Path(OpenAPIPath).Methods(http.MethodGet, http.MethodHead).HandlerFunc(serveBytes("application/json", docs.OpenAPI))
	if !swagger {
		return nil
	}
	ui, err := fs.Sub(sdkdocs.SwaggerUI, "swagger-ui")
	if err != nil {
		return err
	}
	index, err := fs.ReadFile(ui, "index.html")
	if err != nil {
		return err
	}
	if !bytes.Contains(index, []byte(sdkSpecURL)) {
		return fmt.Errorf("swagger UI: the SDK's index.html no longer contains %s", sdkSpecURL)
	}
	index = bytes.Replace(index, []byte(sdkSpecURL), []byte(`url: "`+OpenAPIPath+`"`), 1)
	serveIndex := serveBytes("text/html; charset=utf-8", index)
	files := http.StripPrefix("/swagger/", http.FileServer(http.FS(ui)))
	r.PathPrefix("/swagger/").Methods(http.MethodGet, http.MethodHead).HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		switch strings.TrimPrefix(req.URL.Path, "/swagger/") {
		case "", "index.html":
			serveIndex(w, req)
		case "swagger.yaml":
			http.Redirect(w, req, OpenAPIPath, http.StatusMovedPermanently)
		default:
			files.ServeHTTP(w, req)
		}
	})
	return nil
}

func serveBytes(contentType string, body []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		_, _ = w.Write(body)
	}
}
