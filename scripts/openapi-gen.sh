#!/usr/bin/env bash
# openapi-gen.sh writes docs/openapi.json, the OpenAPI (Swagger 2.0) document
# of every REST route the node serves:
#
#   - the gRPC-gateway routes of socialchain's Query services and of the SDK
#     services app.RegisterAPIRoutes mounts, generated from their protos by
#     protoc-gen-openapiv2 (pinned in scripts/tools/go.mod) through buf, with
#     the imports taken from the Go module cache (scripts/protoinclude.sh);
#   - the Msg types of socialchain's Msg services, as definitions marked
#     with their type URL (x-type-url): what a tx body's messages hold;
#   - the hand-written routes (content API, IPFS gateway, L1 status), which
#     have no protos: docs/openapi-extra.json, also the source of `info`.
#
# The output has sorted keys and no timestamps: running this twice gives no
# diff. The node embeds the file (docs/openapi.go) and serves it at
# /openapi.json.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bin="$root/.cache/bin"
mkdir -p "$bin"
go build -C scripts/tools -o "$bin/" github.com/bufbuild/buf/cmd/buf \
	github.com/grpc-ecosystem/grpc-gateway/v2/protoc-gen-openapiv2
export PATH="$bin:$PATH"

# shellcheck source=protoinclude.sh
source "$root/scripts/protoinclude.sh"

work="$(mktemp -d)"
trap 'chmod -R u+w "$work" && rm -rf "$work"' EXIT
protoworkspace "$work"
# The SDK's tx, staking, consensus and CometBFT services return CometBFT's
# types; generating their schemas needs CometBFT's protos as one more module.
copyprotos "$(moddir github.com/cometbft/cometbft)/proto" "$work/deps/cometbft" tendermint
echo "  - path: deps/cometbft" >>"$work/buf.yaml"

# The services app.RegisterAPIRoutes mounts on the gateway: the tx, CometBFT
# and node services, and the Query service of every module in the module
# manager. gov also mounts v1beta1 gateway routes, but its v1beta1 Query
# service is not registered in v0.55, so those routes cannot answer and are
# left out.
sdk=deps/cosmos-sdk/cosmos
protos=(
	$(cd "$work" && find proto/socialchain -name query.proto | sort)
	"$sdk/tx/v1beta1/service.proto"
	"$sdk/base/tendermint/v1beta1/query.proto"
	"$sdk/base/node/v1beta1/query.proto"
	"$sdk/auth/v1beta1/query.proto"
	"$sdk/bank/v1beta1/query.proto"
	"$sdk/staking/v1beta1/query.proto"
	"$sdk/distribution/v1beta1/query.proto"
	"$sdk/slashing/v1beta1/query.proto"
	"$sdk/mint/v1beta1/query.proto"
	"$sdk/gov/v1/query.proto"
	"$sdk/consensus/v1/query.proto"
	"$sdk/upgrade/v1beta1/query.proto"
	"$sdk/evidence/v1beta1/query.proto"
	"$sdk/feegrant/v1beta1/query.proto"
	"$sdk/authz/v1beta1/query.proto"
)
args=()
for p in "${protos[@]}"; do
	args+=(--path "$p")
done

# strategy all: one plugin run sees every file, so allow_merge makes one
# document. The gateway marshals proto field names (snake_case), and
# package-qualified definition names and tags keep the many "Params" apart.
cat >"$work/buf.gen.openapi.yaml" <<'YAML'
version: v2
plugins:
  - local: protoc-gen-openapiv2
    out: out
    strategy: all
    opt:
      - allow_merge=true
      - merge_file_name=generated
      - json_names_for_fields=false
      - include_package_in_tags=true
      - openapi_naming_strategy=fqn
YAML

echo "Generating the OpenAPI document"
(cd "$work" && buf generate --template buf.gen.openapi.yaml "${args[@]}")

# The Msg types a tx body carries. Msg services have no REST routes (a Msg
# is sent inside a signed tx), so their methods are generated as unbound
# gRPC-style paths only to reach the request and response schemas;
# openapimerge keeps those definitions, marks each request with its type
# URL (x-type-url) and drops the paths.
cat >"$work/buf.gen.openapi-msgs.yaml" <<'YAML'
version: v2
plugins:
  - local: protoc-gen-openapiv2
    out: out
    strategy: all
    opt:
      - allow_merge=true
      - merge_file_name=msgs
      - generate_unbound_methods=true
      - json_names_for_fields=false
      - include_package_in_tags=true
      - openapi_naming_strategy=fqn
YAML
msgargs=()
for p in $(cd "$work" && find proto/socialchain -name tx.proto | sort); do
	msgargs+=(--path "$p")
done
(cd "$work" && buf generate --template buf.gen.openapi-msgs.yaml "${msgargs[@]}")

go run ./scripts/openapimerge -base "$work/out/generated.swagger.json" \
	-msgs "$work/out/msgs.swagger.json" -extra docs/openapi-extra.json -o docs/openapi.json
echo "Wrote docs/openapi.json"
