#!/usr/bin/env bash
# protocgen.sh generates Go code from proto/ without network access:
#
#   x/<module>/types/*.pb.go, *.pb.gw.go     gogoproto types, gRPC, grpc-gateway v1
#   p2p/types/*.pb.go                        gogoproto gossip messages (proto/socialchain/p2p)
#   api/socialchain/<module>/v1/*.pulsar.go,
#   api/socialchain/<module>/v1/*_grpc.pb.go  google.golang.org/protobuf (pulsar) and gRPC
#
# Imports (cosmos-sdk, gogoproto, cosmos-proto, googleapis) come from the Go
# module cache at the versions go.mod pins (scripts/protoinclude.sh), never
# from the Buf Schema Registry. The plugins are the `tool` directives of
# go.mod; buf is pinned in scripts/tools/go.mod so its dependencies stay out
# of the application module.
# Generated files are replaced wholesale, so running this twice yields the
# same tree.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bin="$root/.cache/bin"
mkdir -p "$bin"

echo "Building protoc plugins and buf into .cache/bin"
go build -o "$bin/" \
	github.com/cosmos/gogoproto/protoc-gen-gocosmos \
	github.com/grpc-ecosystem/grpc-gateway/protoc-gen-grpc-gateway \
	github.com/cosmos/cosmos-proto/cmd/protoc-gen-go-pulsar \
	google.golang.org/grpc/cmd/protoc-gen-go-grpc
go build -C scripts/tools -o "$bin/" github.com/bufbuild/buf/cmd/buf
export PATH="$bin:$PATH"

# shellcheck source=protoinclude.sh
source "$root/scripts/protoinclude.sh"

work="$(mktemp -d)"
trap 'chmod -R u+w "$work" && rm -rf "$work"' EXIT
protoworkspace "$work"

echo "Generating gogoproto and grpc-gateway code"
(cd "$work" && buf generate --template "$root/proto/buf.gen.gogo.yaml" --path proto/socialchain -o out)
echo "Generating pulsar code"
(cd "$work" && buf generate --template "$root/proto/buf.gen.pulsar.yaml" --path proto/socialchain -o out)

# gocosmos writes by Go import path; everything must land in this module.
prefix="github.com/socialchain/socialchain"
stray="$(cd "$work/out/gogo" && find . -type f ! -path "./$prefix/*")"
if [[ -n "$stray" ]]; then
	echo "protocgen: generated files outside $prefix (check go_package):" >&2
	echo "$stray" >&2
	exit 1
fi

echo "Replacing generated files"
find x p2p \( -path 'x/*/types/*' -o -path 'p2p/types/*' \) \( -name '*.pb.go' -o -name '*.pb.gw.go' \) -delete 2>/dev/null || true
if [[ -d api ]]; then
	find api \( -name '*.pulsar.go' -o -name '*.pb.go' \) -delete
	find api -type d -empty -delete
fi
cp -R "$work/out/gogo/$prefix/." "$root/"
cp -R "$work/out/pulsar/api" "$root/"
