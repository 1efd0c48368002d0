#!/usr/bin/env bash
# Installs the pinned staticcheck into .cache/bin/staticcheck for `make
# lint`, reusing it when present. Nothing of staticcheck is committed.
set -euo pipefail

# 0.8.2 is staticcheck 2026.2.2, the first release line that reads Go 1.26.
version=v0.8.2
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/.cache/bin/staticcheck"

# `go install pkg@version` stamps the module version into the binary, which
# `go version -m` reads back without running it.
if [[ -x "$bin" ]] && go version -m "$bin" 2>/dev/null | grep -q "honnef.co/go/tools[[:space:]]*$version"; then
	exit 0
fi

echo "installing staticcheck $version into .cache/bin"
mkdir -p "$root/.cache/bin"
GOBIN="$root/.cache/bin" go install "honnef.co/go/tools/cmd/staticcheck@$version"
"$bin" -version
