#!/usr/bin/env bash
# Installs the pinned grpcurl into .cache/bin/grpcurl for the gRPC e2e test
# and docs/api.md's examples, reusing it when present. Nothing of grpcurl is
# committed.
set -euo pipefail

version=v1.9.3
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/.cache/bin/grpcurl"

# `go install pkg@version` stamps the module version into the binary, which
# `go version -m` reads back without running it.
if [[ -x "$bin" ]] && go version -m "$bin" 2>/dev/null | grep -q "github.com/fullstorydev/grpcurl[[:space:]]*$version"; then
	exit 0
fi

echo "installing grpcurl $version into .cache/bin"
mkdir -p "$root/.cache/bin"
GOBIN="$root/.cache/bin" go install "github.com/fullstorydev/grpcurl/cmd/grpcurl@$version"
"$bin" -version
