# protoinclude.sh is sourced (not run) by the proto generators. It builds the
# offline equivalent of `protoc -I`: the imports (cosmos-sdk, gogoproto,
# cosmos-proto, googleapis) come from the Go module cache at the versions
# go.mod pins, never from the Buf Schema Registry. Source it from the
# repository root.

# moddir prints the module cache directory of a module at the version go.mod
# selects, downloading it first if the cache lacks it.
moddir() {
	local dir
	dir="$(go list -m -f '{{.Dir}}' "$1")"
	if [[ -z "$dir" ]]; then
		go mod download "$1"
		dir="$(go list -m -f '{{.Dir}}' "$1")"
	fi
	if [[ -z "$dir" || ! -d "$dir" ]]; then
		echo "protoinclude: cannot locate module $1" >&2
		return 1
	fi
	echo "$dir"
}

# copyprotos copies the .proto files of directory $1 (optionally only those
# under the relative paths that follow) into $2, keeping relative paths.
copyprotos() {
	local src="$1" dst="$2"
	shift 2
	mkdir -p "$dst"
	(cd "$src" && find "${@:-.}" -name '*.proto' -print0 | xargs -0 cp --parents -t "$dst")
}

# protoworkspace fills directory $1 with a buf workspace of proto/ and its
# imports: each include path becomes a module, the offline equivalent of
# protoc -I. Google's well-known types are built into buf. Module cache files
# are read-only, and so are their copies: make them writable before removing.
protoworkspace() {
	local work="$1" sdk gogo cosmosproto googleapis
	sdk="$(moddir github.com/cosmos/cosmos-sdk)/proto"
	gogo="$(moddir github.com/cosmos/gogoproto)"
	cosmosproto="$(moddir github.com/cosmos/cosmos-proto)/proto"
	googleapis="$(moddir github.com/grpc-ecosystem/grpc-gateway)/third_party/googleapis"

	copyprotos proto "$work/proto"
	copyprotos "$sdk" "$work/deps/cosmos-sdk" amino cosmos
	copyprotos "$gogo" "$work/deps/gogoproto" gogoproto
	copyprotos "$cosmosproto" "$work/deps/cosmos-proto" cosmos_proto
	copyprotos "$googleapis" "$work/deps/googleapis" google/api/annotations.proto google/api/http.proto
	cat >"$work/buf.yaml" <<'YAML'
version: v2
modules:
  - path: proto
  - path: deps/cosmos-sdk
  - path: deps/cosmos-proto
  - path: deps/gogoproto
  - path: deps/googleapis
YAML
}
