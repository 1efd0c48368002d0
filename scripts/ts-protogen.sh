#!/usr/bin/env bash
# ts-protogen.sh generates the TypeScript codec of clients/ts from proto/
# without network access:
#
#   clients/ts/src/generated/socialchain/{profiles,posts,messages,settlement}/v1/*.ts
#   clients/ts/src/generated/<imports>/*.ts   the cosmos, gogoproto, google
#                                             files they import
#
# The plugin is ts-proto at the version clients/ts/package-lock.json pins
# (run `npm ci` in clients/ts first); buf is pinned in scripts/tools/go.mod;
# the imports come from the Go module cache (scripts/protoinclude.sh).
# uint64 fields are bigint, like cosmjs-types, and every message has the
# encode/decode/fromPartial that a cosmjs Registry needs. The output directory
# is replaced wholesale, so running this twice yields the same tree.
# Every package a client sends or reads is generated; socialchain.p2p.v1 is
# left out: it is the node-to-node gossip format, which no client speaks.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

plugin="$root/clients/ts/node_modules/.bin/protoc-gen-ts_proto"
if [[ ! -x "$plugin" ]]; then
	echo "ts-protogen: $plugin is missing; run 'npm ci' in clients/ts" >&2
	exit 1
fi

bin="$root/.cache/bin"
mkdir -p "$bin"
go build -C scripts/tools -o "$bin/" github.com/bufbuild/buf/cmd/buf
export PATH="$bin:$PATH"

# shellcheck source=protoinclude.sh
source "$root/scripts/protoinclude.sh"

work="$(mktemp -d)"
trap 'chmod -R u+w "$work" && rm -rf "$work"' EXIT
protoworkspace "$work"

# importSuffix=.js: the package is an ES module and node resolves only full
# file names. outputClientImpl=false: clients talk to REST and CometBFT, not
# gRPC, so the service clients would be dead code.
cat >"$work/buf.gen.ts.yaml" <<EOF2
version: v2
plugins:
  - local: $plugin
    out: out/ts
    opt:
      - esModuleInterop=true
      - forceLong=bigint
      - importSuffix=.js
      - outputClientImpl=false
      - outputServices=false
EOF2

echo "Generating TypeScript codec"
(cd "$work" && buf generate --template buf.gen.ts.yaml \
	--path proto/socialchain/profiles \
	--path proto/socialchain/posts \
	--path proto/socialchain/messages \
	--path proto/socialchain/settlement \
	-o .)

out="$root/clients/ts/src/generated"
rm -rf "$out"
mkdir -p "$out"
cp -R "$work/out/ts/." "$out/"
echo "Wrote $(find "$out" -name '*.ts' | wc -l) files under clients/ts/src/generated"
