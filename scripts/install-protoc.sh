#!/usr/bin/env bash
# Makes sure protoc is on the PATH for the proto-bundle e2e test, which
# compiles the bundle as a third-party client would. protoc comes from the
# Debian package protobuf-compiler (root or sudo needed once); nothing of it
# is committed.
set -euo pipefail

if command -v protoc >/dev/null 2>&1; then
	exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "protoc is missing: install protobuf-compiler (or any protoc >= 3.15) and rerun" >&2
	exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
	sudo="sudo"
fi
echo "installing protobuf-compiler (protoc)"
$sudo apt-get update -qq
$sudo apt-get install -y -qq protobuf-compiler
protoc --version
