#!/usr/bin/env bash
# proto-bundle.sh writes a self-contained include tree of socialchain's
# protos for third-party clients (protoc, protobufjs, buf, grpcurl):
#
#   build/proto-bundle/        every .proto under proto/, plus exactly the
#                              files they import, transitively: cosmos-sdk's
#                              (amino, cosmos/msg/v1, ...), cosmos-proto,
#                              gogoproto, googleapis and the well-known
#                              types, at the versions go.mod pins
#   build/proto-bundle.binpb   the same files compiled by buf with only the
#                              bundle on the include path: a FileDescriptorSet
#                              with source info, for loaders that read
#                              descriptors (@bufbuild/protobuf, cosmjs)
#
# `protoc -I build/proto-bundle` or protobufjs with the bundle as its only
# root then resolves every import. The files come from the Go module cache
# (scripts/protoinclude.sh), not the Buf Schema Registry; proto/buf.yaml
# names the same dependencies for those who can reach the registry.
#
# Usage: scripts/proto-bundle.sh [out-dir]   (default build/proto-bundle;
# the image is written beside it as <out-dir>.binpb)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="${1:-$root/build/proto-bundle}"

bin="$root/.cache/bin"
mkdir -p "$bin"
go build -C scripts/tools -o "$bin/" github.com/bufbuild/buf/cmd/buf

# shellcheck source=protoinclude.sh
source "$root/scripts/protoinclude.sh"

gogo="$(moddir github.com/cosmos/gogoproto)"
# Where an import is looked for, in this order, as `protoc -I` would.
roots=(
	"$root/proto"
	"$(moddir github.com/cosmos/cosmos-sdk)/proto"
	"$(moddir github.com/cosmos/cosmos-proto)/proto"
	"$gogo"
	"$(moddir github.com/grpc-ecosystem/grpc-gateway)/third_party/googleapis"
	# The well-known types (google/protobuf/*.proto) as gogoproto ships them.
	"$gogo/protobuf"
)

# Module cache copies are read-only; make the old bundle writable to replace it.
if [[ -d "$out" ]]; then
	chmod -R u+w "$out"
	rm -rf "$out"
fi
mkdir -p "$out"

# Breadth-first over the imports, starting from all of proto/.
mapfile -t queue < <(cd proto && find . -name '*.proto' | sed 's|^\./||' | sort)
declare -A seen=()
while ((${#queue[@]} > 0)); do
	file="${queue[0]}"
	queue=("${queue[@]:1}")
	[[ -n "${seen[$file]:-}" ]] && continue
	seen[$file]=1
	src=""
	for r in "${roots[@]}"; do
		if [[ -f "$r/$file" ]]; then
			src="$r/$file"
			break
		fi
	done
	if [[ -z "$src" ]]; then
		echo "proto-bundle: import $file is in none of: ${roots[*]}" >&2
		exit 1
	fi
	mkdir -p "$out/$(dirname "$file")"
	cp "$src" "$out/$file"
	chmod u+w "$out/$file"
	while IFS= read -r imp; do
		queue+=("$imp")
	done < <(sed -n 's/^[[:space:]]*import[[:space:]]\{1,\}\(public[[:space:]]\{1,\}\|weak[[:space:]]\{1,\}\)\{0,1\}"\([^"]*\)";.*/\2/p' "$src")
done

# The check that the tree is self-contained: buf compiles every file with
# nothing but the bundle to resolve imports from.
"$bin/buf" build "$out" --as-file-descriptor-set -o "$out.binpb"
echo "Wrote $out (${#seen[@]} files) and $out.binpb"
