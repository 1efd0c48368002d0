#!/usr/bin/env bash
# Runs an N-validator socialchain network as separate processes on loopback.
#
#   scripts/localnet.sh start [N]   write homes (first time) and start N nodes (default 4)
#   scripts/localnet.sh stop        stop every node by its recorded PID
#   scripts/localnet.sh status      show each node's PID and latest height
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

height() {
  curl -fsS --max-time 2 "http://127.0.0.1:$(rpc_port "$1")/status" 2>/dev/null |
    sed -n 's/.*"latest_block_height":"\([0-9]*\)".*/\1/p'
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
  *) echo "usage: $0 start [N] | stop | status" >&2; exit 2 ;;
esac
