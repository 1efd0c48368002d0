#!/usr/bin/env bash
# Installs the pinned geth into .cache/bin/geth for the L1 end-to-end test,
# reusing it when present.
set -euo pipefail

version=v1.17.10
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/.cache/bin/geth"

if [[ -x "$bin" ]] && "$bin" version 2>/dev/null | grep -q "^Version: ${version#v}"; then
	exit 0
fi
echo "building geth $version into .cache/bin (a few minutes on first run)"
mkdir -p "$root/.cache/bin"
GOBIN="$root/.cache/bin" GOFLAGS= go install "github.com/ethereum/go-ethereum/cmd/geth@$version"
"$bin" version | head -2
