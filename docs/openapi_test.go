package docs

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"

	_ "github.com/socialchain/socialchain/api/socialchain/messages/v1"
	_ "github.com/socialchain/socialchain/api/socialchain/posts/v1"
	_ "github.com/socialchain/socialchain/api/socialchain/profiles/v1"
	_ "github.com/socialchain/socialchain/api/socialchain/settlement/v1"
)

// openAPIDoc is the part of the document the tests read.
type openAPIDoc struct {
	Swagger string `json:"swagger"`
	Info    struct {
		Title   string `json:"title"`
		Version string `json:"version"`
	} `json:"info"`
	Paths map[string]map[string]struct {
		OperationID string   `json:"operationId"`
		Tags        []string `json:"tags"`
	} `json:"paths"`
}

func loadOpenAPI(t *testing.T) openAPIDoc {
	t.Helper()
	var doc openAPIDoc
	require.NoError(t, json.Unmarshal(OpenAPI, &doc))
	return doc
}

func TestOpenAPIDocumentParsesWithInfo(t *testing.T) {
	doc := loadOpenAPI(t)
	require.Equal(t, "2.0", doc.Swagger)
	require.Equal(t, "socialchain REST API", doc.Info.Title)
	require.NotEmpty(t, doc.Info.Version)
}

func TestOpenAPIListsOurSDKAndHandWrittenRoutes(t *testing.T) {
	doc := loadOpenAPI(t)
	for path, method := range map[string]string{
		"/socialchain/posts/v1/posts/{id}":            "get",
		"/socialchain/profiles/v1/profiles/{address}": "get",
		"/cosmos/bank/v1beta1/balances/{address}":     "get",
		"/cosmos/tx/v1beta1/txs":                      "post",
		"/cosmos/gov/v1/proposals":                    "get",
		"/cosmos/base/tendermint/v1beta1/node_info":   "get",
		"/cosmos/base/node/v1beta1/status":            "get",
		"/socialchain/content/v1/blobs":               "post",
		"/ipfs/{cid}":                                 "get",
		"/socialchain/settlement/v1/l1-status":        "get",
		"/openapi.json":                               "get",
	} {
		require.Contains(t, doc.Paths[path], method, "%s %s is missing", method, path)
	}
}

func TestOpenAPIOperationIDsAreUnique(t *testing.T) {
	seen := map[string]string{}
	for path, ops := range loadOpenAPI(t).Paths {
		for method, op := range ops {
			where := method + " " + path
			require.NotEmpty(t, op.OperationID, where)
			require.NotContains(t, seen, op.OperationID, "%s and %s share an operation id", where, seen[op.OperationID])
			seen[op.OperationID] = where
		}
	}
}

// httpRule matches `option (google.api.http).get = "/path";`.
var httpRule = regexp.MustCompile(`option\s+\(google\.api\.http\)\.(get|post|put|patch|delete)\s*=\s*"([^"]+)"`)

// TestOpenAPICoversEveryProtoRoute fails when a proto gains a REST route
// and docs/openapi.json was not regenerated (`make openapi`).
func TestOpenAPICoversEveryProtoRoute(t *testing.T) {
	doc := loadOpenAPI(t)
	var routes int
	err := filepath.WalkDir(filepath.Join("..", "proto", "socialchain"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".proto") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range httpRule.FindAllStringSubmatch(string(src), -1) {
			routes++
			method, route := m[1], m[2]
			require.Contains(t, doc.Paths[route], method, "%s: %s %s is not in docs/openapi.json; run `make openapi`", path, method, route)
			tags := doc.Paths[route][method].Tags
			require.NotEmpty(t, tags, "%s %s has a tag", method, route)
			require.True(t, strings.HasPrefix(tags[0], "socialchain."), "%s %s is tagged with its service, not %q", method, route, tags[0])
		}
		return nil
	})
	require.NoError(t, err)
	require.Greater(t, routes, 20, "the proto walk found our routes")
}

// TestOpenAPIReferencesResolve catches a hand-written $ref in
// docs/openapi-extra.json that names no definition.
func TestOpenAPIReferencesResolve(t *testing.T) {
	var doc struct {
		Definitions map[string]json.RawMessage `json:"definitions"`
	}
	require.NoError(t, json.Unmarshal(OpenAPI, &doc))
	refs := regexp.MustCompile(`"\$ref":\s*"#/definitions/([^"]+)"`).FindAllSubmatch(OpenAPI, -1)
	require.NotEmpty(t, refs)
	for _, m := range refs {
		require.Contains(t, doc.Definitions, string(m[1]), "$ref to a missing definition")
	}
}

// TestOpenAPIDescribesEveryMsg: every request of socialchain's Msg
// services is a definition marked with its type URL, with a property per
// proto field, and none of them has a route (a Msg travels in a tx).
func TestOpenAPIDescribesEveryMsg(t *testing.T) {
	var doc struct {
		Paths       map[string]any `json:"paths"`
		Definitions map[string]struct {
			TypeURL    string         `json:"x-type-url"`
			Properties map[string]any `json:"properties"`
		} `json:"definitions"`
	}
	require.NoError(t, json.Unmarshal(OpenAPI, &doc))
	marked := 0
	for _, def := range doc.Definitions {
		if def.TypeURL != "" {
			marked++
		}
	}
	msgs := 0
	for _, pkg := range []protoreflect.FullName{"socialchain.messages.v1", "socialchain.posts.v1", "socialchain.profiles.v1", "socialchain.settlement.v1"} {
		d, err := protoregistry.GlobalFiles.FindDescriptorByName(pkg + ".Msg")
		require.NoError(t, err)
		methods := d.(protoreflect.ServiceDescriptor).Methods()
		for i := range methods.Len() {
			msg := methods.Get(i).Input()
			name := string(msg.FullName())
			def, ok := doc.Definitions[name]
			require.True(t, ok, "%s is not in the definitions", name)
			require.Equal(t, "/"+name, def.TypeURL, "%s has no x-type-url", name)
			fields := msg.Fields()
			for j := range fields.Len() {
				require.Contains(t, def.Properties, string(fields.Get(j).Name()), "%s.%s", name, fields.Get(j).Name())
			}
			for path := range doc.Paths {
				require.NotContains(t, path, string(pkg)+".Msg/", "a Msg has no REST route")
			}
			msgs++
		}
	}
	require.Equal(t, msgs, marked, "only Msgs carry x-type-url")
}
