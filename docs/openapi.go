// Package docs holds the node's OpenAPI document, docs/openapi.json, which
// scripts/openapi-gen.sh (`make openapi`) generates from the protos and
// docs/openapi-extra.json. It is embedded so every node serves the document
// of the routes it actually runs.
package docs

import _ "embed"

// OpenAPI is docs/openapi.json: an OpenAPI 2.0 document of every REST route
// the node serves.
//
//go:embed openapi.json
var OpenAPI []byte
