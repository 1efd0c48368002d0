#!/usr/bin/env bash
# Installs the pinned kubo (the reference IPFS node) into .cache/bin/ipfs
# for the interop e2e test, reusing it when present.
#
# kubo v0.43.1's go.mod replaces go-libp2p with a fork the Go module proxy
# does not serve, so `go install kubo@version` cannot work here. We build it
# from the module cache with that replace dropped and go-libp2p at the
# version socialchain itself uses; the interop test then checks that this
# kubo and our node exchange blocks. Nothing of kubo is committed.
set -euo pipefail

version=v0.43.1
libp2p=v0.51.0
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/.cache/bin/ipfs"

if [[ -x "$bin" ]] && "$bin" version 2>/dev/null | grep -q "${version#v}"; then
	exit 0
fi

echo "building kubo $version into .cache/bin (a few minutes on first run)"
mkdir -p "$root/.cache/bin"
src="$root/.cache/kubo-src"
dir="$(cd "$root" && GOFLAGS=-mod=mod go mod download -json "github.com/ipfs/kubo@$version" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
rm -rf "$src"
cp -r "$dir" "$src"
chmod -R u+w "$src"
sed -i '/^replace github.com\/libp2p\/go-libp2p =>/d' "$src/go.mod"
(cd "$src" && GOFLAGS=-mod=mod go get "github.com/libp2p/go-libp2p@$libp2p" >/dev/null 2>&1 &&
	GOFLAGS=-mod=mod go build -o "$bin" ./cmd/ipfs)
"$bin" version
