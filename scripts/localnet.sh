#!/usr/bin/env bash
# Runs an N-validator socialchain network as separate processes on loopback.
#
#   scripts/localnet.sh start [N]   write homes (first time) and start N nodes (default 4)
#   scripts/localnet.sh stop        stop every node by its recorded PID
#   scripts/localnet.sh status      show each node's PID and latest height
#   scripts/localnet.sh join        add a non-validator node that joins the
#                                   running net by state sync, and start it
#
# Environment: LOCALNET_DIR (default ./.localnet), SOCIALCHAIND (binary,
# default ./build/socialchaind), LOCALNET_BASE_PORT (default 36000; node i
# uses base+10i p2p, +1 rpc, +2 rest, +3 grpc, +4 content), LOCALNET_INIT_FLAGS
# (extra flags for `testnet init-files`, e.g. --l1-contract 0x…),
# LOCALNET_MIN_GAS_PRICES (default 0usocial: free like the dev chain; set
# 0.025usocial for a public testnet's fees, docs/fees.md).
set -euo pipefail

dir=${LOCALNET_DIR:-./.localnet}
bin=${SOCIALCHAIND:-./build/socialchaind}
base_port=${LOCALNET_BASE_PORT:-36000}
min_gas_prices=${LOCALNET_MIN_GAS_PRICES:-0usocial}

node_count() { ls -d "$dir"/node* 2>/dev/null | wc -l; }

rpc_port() { echo $((base_port + 10 * $1 + 1)); }

# http_get PORT PATH prints a JSON answer of 127.0.0.1:PORT on one line
# without whitespace (CometBFT indents its answers), for sed to read.
http_get() { curl -fsS --max-time 5 "http://127.0.0.1:$1$2" | tr -d ' \t\r\n'; }

height() {
  http_get "$(rpc_port "$1")" /status 2>/dev/null | sed -n 's/.*"latest_block_height":"\([0-9]*\)".*/\1/p'
}

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start() {
  local n=${1:-4}
  if [ ! -x "$bin" ]; then
    echo "no binary at $bin: run 'make build' first or set SOCIALCHAIND" >&2
    exit 1
  fi
  if [ "$(node_count)" -eq 0 ]; then
    # shellcheck disable=SC2086 # LOCALNET_INIT_FLAGS is a list of flags
    "$bin" testnet init-files --validators "$n" --output-dir "$dir" --base-port "$base_port" \
      --minimum-gas-prices "$min_gas_prices" ${LOCALNET_INIT_FLAGS:-} >/dev/null
    echo "wrote $n validator homes under $dir"
  fi
  n=$(node_count)
  for ((i = 0; i < n; i++)); do
    local home="$dir/node$i"
    if running "$home/node.pid"; then
      echo "node$i already running (pid $(cat "$home/node.pid"))"
      continue
    fi
    "$bin" start --home "$home" >>"$home/node.log" 2>&1 &
    echo $! >"$home/node.pid"
    echo "node$i started (pid $!, rpc 127.0.0.1:$(rpc_port "$i"), log $home/node.log)"
  done
}

# join writes node<N>, a full node (no validator key in the genesis) that
# joins by state sync: CometBFT's light client checks the snapshot against
# the RPC servers of node0 and node1, from a trusted height and hash read
# from node0 now. docs/operations.md walks through the same steps for a
# real network.
join() {
  local n i home src ports rpc0 trust_height trust_hash peers content_peers id pid
  n=$(node_count)
  if [ "$n" -lt 2 ]; then
    echo "join needs a running localnet of at least 2 nodes under $dir" >&2
    exit 1
  fi
  home="$dir/node$n"
  src="$dir/node0"
  rpc0=$(rpc_port 0)
  local chain_id out
  chain_id=$(sed -n 's/^ *"chain_id": *"\(.*\)",*$/\1/p' "$src/config/genesis.json" | head -1)
  if ! out=$("$bin" init "node$n" --chain-id "$chain_id" --home "$home" 2>&1); then
    echo "$out" >&2
    exit 1
  fi
  cp "$src/config/genesis.json" "$home/config/genesis.json"
  # The validators' loopback settings, with this node's ports (base+10n …).
  cp "$src/config/config.toml" "$src/config/app.toml" "$src/config/client.toml" "$home/config/"
  ports=$((base_port + 10 * n))
  sed -i.bak -e "s#127.0.0.1:$base_port\"#127.0.0.1:$ports\"#" \
    -e "s#127.0.0.1:$((base_port + 1))\"#127.0.0.1:$((ports + 1))\"#" \
    -e "s/^moniker = .*/moniker = \"node$n\"/" "$home/config/config.toml"
  sed -i.bak -e "s#127.0.0.1:$((base_port + 2))\"#127.0.0.1:$((ports + 2))\"#" \
    -e "s#127.0.0.1:$((base_port + 3))\"#127.0.0.1:$((ports + 3))\"#" \
    -e "s#/$((base_port + 4))\"#/$((ports + 4))\"#" \
    -e "s#/$((base_port + 4))/quic-v1\"#/$((ports + 4))/quic-v1\"#" "$home/config/app.toml"
  sed -i.bak "s#127.0.0.1:$((base_port + 1))\"#127.0.0.1:$((ports + 1))\"#" "$home/config/client.toml"

  # Peers: every validator's CometBFT node id and content peer id.
  peers="" content_peers=""
  for ((i = 0; i < n; i++)); do
    id=$(http_get "$(rpc_port "$i")" /status | sed -n 's/.*"id":"\([0-9a-f]\{40\}\)".*/\1/p')
    peers="$peers${peers:+,}$id@127.0.0.1:$((base_port + 10 * i))"
    pid=$(http_get $((base_port + 10 * i + 2)) /socialchain/content/v1/node | sed -n 's/.*"peer_id":"\([^"]*\)".*/\1/p')
    content_peers="$content_peers${content_peers:+, }\"/ip4/127.0.0.1/tcp/$((base_port + 10 * i + 4))/p2p/$pid\""
  done

  # Trust the latest block of node0: its height and header hash.
  trust_height=$(height 0)
  trust_hash=$(http_get "$rpc0" "/commit?height=$trust_height" | sed -n 's/.*"block_id":{"hash":"\([0-9A-F]*\)".*/\1/p')
  if [ -z "$trust_height" ] || [ -z "$trust_hash" ]; then
    echo "cannot read a trusted height and hash from node0 (rpc 127.0.0.1:$rpc0): is the localnet running?" >&2
    exit 1
  fi
  sed -i.bak -e "s/^persistent_peers = .*/persistent_peers = \"$peers\"/" \
    -e '/^\[statesync\]/,/^\[/ s/^enable = .*/enable = true/' \
    -e "s#^rpc_servers = .*#rpc_servers = \"127.0.0.1:$rpc0,127.0.0.1:$(rpc_port 1)\"#" \
    -e "s/^trust_height = .*/trust_height = $trust_height/" \
    -e "s/^trust_hash = .*/trust_hash = \"$trust_hash\"/" "$home/config/config.toml"
  sed -i.bak "s#^bootstrap-peers = .*#bootstrap-peers = [$content_peers]#" "$home/config/app.toml"
  rm -f "$home"/config/*.bak
  echo "wrote node$n under $dir: state sync from height $trust_height ($trust_hash)"
  start
}

stop() {
  local i=0 home pid
  for home in "$dir"/node*; do
    [ -d "$home" ] || continue
    if running "$home/node.pid"; then
      pid=$(cat "$home/node.pid")
      kill -INT "$pid"
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
      echo "$(basename "$home") stopped (pid $pid)"
    fi
    rm -f "$home/node.pid"
    i=$((i + 1))
  done
}

status() {
  local n i
  n=$(node_count)
  if [ "$n" -eq 0 ]; then echo "no localnet under $dir"; return; fi
  for ((i = 0; i < n; i++)); do
    local home="$dir/node$i"
    if running "$home/node.pid"; then
      echo "node$i running  pid $(cat "$home/node.pid")  height $(height "$i")"
    else
      echo "node$i stopped"
    fi
  done
}

case "${1:-}" in
  start) start "${2:-4}" ;;
  stop) stop ;;
  status) status ;;
  join) join ;;
  *) echo "usage: $0 start [N] | stop | status | join" >&2; exit 2 ;;
esac
