package rest

import (
	"github.com/gorilla/mux"

	"github.com/socialchain/socialchain/web"
)

// RegisterWebApp serves the browser app at /app/ on the REST server, so the
// page and the API it calls share an origin (no CORS, and the page's
// Content-Security-Policy can allow this node only).
func RegisterWebApp(router *mux.Router) {
	h, err := web.NewAppHandler()
	if err != nil {
		// The files are embedded at build time: a failure is a broken build.
		panic(err)
	}
	router.Path("/app").Handler(h)
	router.PathPrefix(web.Prefix).Handler(h)
}
