#!/usr/bin/env bash
# Installs what the client tests need besides Go: Node.js and npm (the
# TypeScript client and the browser test) and Debian's Chromium (the web
# app's headless test, tests/e2e/webapp_test.go). Nothing is installed when
# they are present; otherwise apt-get installs them (as root, or via sudo).
set -euo pipefail

chromium="${CHROMIUM_BIN:-/usr/bin/chromium}"
missing=()
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[[ -x "$chromium" ]] || missing+=(chromium)

if [[ ${#missing[@]} -gt 0 ]]; then
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "missing ${missing[*]}: install Node.js 20+ with npm and Chromium (set CHROMIUM_BIN to its path)" >&2
		exit 1
	fi
	sudo=""
	[[ "$(id -u)" -ne 0 ]] && sudo="sudo"
	echo "installing ${missing[*]} with apt-get"
	$sudo apt-get update -qq
	$sudo apt-get install -y -qq "${missing[@]}"
fi

major="$(node -p 'process.versions.node.split(".")[0]')"
if [[ "$major" -lt 20 ]]; then
	echo "node $(node --version) is too old for clients/ts (it needs 20+): install a newer Node.js" >&2
	exit 1
fi
