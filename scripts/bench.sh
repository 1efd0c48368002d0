#!/usr/bin/env bash
# Throughput benchmarks with `socialchaind loadtest` (docs/loadtest.md).
#
#   scripts/bench.sh dev        a fresh dev chain in a temp home: the posts mix,
#                               the bank mix, then the lane mix (posts as
#                               message-lane messages) on the same node; prints
#                               the reports and the ratios posts/bank and
#                               lane/bank (lane counts messages/s)
#   scripts/bench.sh lane       a fresh dev chain: the lane mix first, then the
#                               bank mix on the same node; prints lane/bank
#   scripts/bench.sh localnet   the posts mix on a fresh single-validator dev
#                               chain, then on a fresh 4-validator localnet
#                               (scripts/localnet.sh), then the lane mix on
#                               that localnet; prints the posts ratio and the
#                               localnet's lane posts/s
#
# Environment: SOCIALCHAIND (binary, default ./build/socialchaind),
# BENCH_DURATION (per run, default 60s), BENCH_ACCOUNTS (default 200),
# BENCH_RATE (tx/s, default 0 = as fast as accepted), BENCH_LOCALNET_BASE_PORT
# (default 46000, away from the default localnet's 36000), BENCH_ARGS (extra
# loadtest flags). The dev chain uses the dev ports (26657, 9090, 1317, 8545),
# so nothing else may hold them. Every node is stopped by its PID on exit.
# Block results are read over each node's gRPC (--results-grpc), which costs
# the node far less than CometBFT RPC's JSON /block_results.
set -euo pipefail

bin=${SOCIALCHAIND:-./build/socialchaind}
duration=${BENCH_DURATION:-60s}
accounts=${BENCH_ACCOUNTS:-200}
rate=${BENCH_RATE:-0}
base_port=${BENCH_LOCALNET_BASE_PORT:-46000}
work=$(mktemp -d "${TMPDIR:-/tmp}/socialchain-bench.XXXXXX")
dev_pid=""
localnet_dir=""

cleanup() {
  stop_dev
  if [ -n "$localnet_dir" ]; then
    LOCALNET_DIR="$localnet_dir" SOCIALCHAIND="$bin" bash scripts/localnet.sh stop >/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

stop_dev() {
  if [ -n "$dev_pid" ] && kill -0 "$dev_pid" 2>/dev/null; then
    kill -INT "$dev_pid"
    for _ in $(seq 1 300); do kill -0 "$dev_pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$dev_pid" 2>/dev/null && kill -KILL "$dev_pid"
    wait "$dev_pid" || true
  fi
  dev_pid=""
}

wait_height() { # rpc-port min-height
  local h=""
  for _ in $(seq 1 180); do
    h=$(curl -fsS --max-time 2 "http://127.0.0.1:$1/status" 2>/dev/null |
      sed -n 's/.*"latest_block_height":"\([0-9]*\)".*/\1/p' || true)
    if [ -n "$h" ] && [ "$h" -ge "$2" ]; then return 0; fi
    sleep 1
  done
  echo "node on rpc port $1 did not reach height $2" >&2
  return 1
}

# loadtest name args...: runs one loadtest, prints its table and keeps its
# JSON report in $work/name.json.
loadtest() {
  local name=$1
  shift
  echo "== $name: loadtest $* --duration $duration --accounts $accounts --rate $rate"
  # shellcheck disable=SC2086 # BENCH_ARGS is a list of flags
  "$bin" loadtest --json-out "$work/$name.json" --duration "$duration" --accounts "$accounts" --rate "$rate" \
    ${BENCH_ARGS:-} "$@" 2>"$work/$name.log" || { cat "$work/$name.log" >&2; return 1; }
}

# field name file: a top-level number from a JSON report.
field() { sed -n "s/^  \"$1\": \([^,]*\),\{0,1\}$/\1/p" "$2"; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

start_dev() {
  local home="$work/dev-home"
  # Another chain on the dev ports would answer for ours.
  if curl -fsS --max-time 2 http://127.0.0.1:26657/status >/dev/null 2>&1; then
    echo "a node already answers on 127.0.0.1:26657: stop it first" >&2
    return 1
  fi
  rm -rf "$home"
  "$bin" dev --home "$home" >"$work/dev.out" 2>&1 &
  dev_pid=$!
  wait_height 26657 2
  kill -0 "$dev_pid" 2>/dev/null || { cat "$work/dev.out" >&2; return 1; }
  dev_home=$home
}

bench_dev() {
  start_dev
  loadtest posts --mix posts --home "$dev_home" --results-grpc 127.0.0.1:9090
  loadtest bank --mix bank --home "$dev_home" --results-grpc 127.0.0.1:9090
  loadtest lane --mix lane --home "$dev_home" --grpc-endpoint 127.0.0.1:9090
  stop_dev
  local posts bank lane
  posts=$(field committed_tps "$work/posts.json")
  bank=$(field committed_tps "$work/bank.json")
  lane=$(field committed_tps "$work/lane.json")
  echo "posts/bank = $posts / $bank = $(ratio "$posts" "$bank")  (target >= 0.8)"
  echo "lane/bank = $lane / $bank = $(ratio "$lane" "$bank")  (lane posts/s over bank tx/s)"
}

# bench_lane measures the lane on a fresh chain, then the bank mix on the
# same node for the ratio (bench_dev runs the lane last, on a chain that
# already holds the other mixes' txs).
bench_lane() {
  start_dev
  loadtest lane --mix lane --home "$dev_home" --grpc-endpoint 127.0.0.1:9090
  loadtest bank --mix bank --home "$dev_home" --results-grpc 127.0.0.1:9090
  stop_dev
  local bank lane
  bank=$(field committed_tps "$work/bank.json")
  lane=$(field committed_tps "$work/lane.json")
  echo "lane/bank = $lane / $bank = $(ratio "$lane" "$bank")  (lane posts/s over bank tx/s)"
}

bench_localnet() {
  start_dev
  loadtest single --mix posts --home "$dev_home" --results-grpc 127.0.0.1:9090
  stop_dev

  if curl -fsS --max-time 2 "http://127.0.0.1:$((base_port + 1))/status" >/dev/null 2>&1; then
    echo "a node already answers on 127.0.0.1:$((base_port + 1)): set BENCH_LOCALNET_BASE_PORT" >&2
    return 1
  fi
  localnet_dir="$work/localnet"
  LOCALNET_DIR="$localnet_dir" LOCALNET_BASE_PORT="$base_port" SOCIALCHAIND="$bin" bash scripts/localnet.sh start 4 >/dev/null
  local rpc=$((base_port + 1))
  wait_height "$rpc" 2
  loadtest localnet --mix posts --home "$localnet_dir/node0" --from validator --node "tcp://127.0.0.1:$rpc" \
    --results-grpc "127.0.0.1:$((base_port + 3))"
  loadtest localnet-lane --mix lane --home "$localnet_dir/node0" --from validator --node "tcp://127.0.0.1:$rpc" \
    --grpc-endpoint "127.0.0.1:$((base_port + 3))"
  LOCALNET_DIR="$localnet_dir" SOCIALCHAIND="$bin" bash scripts/localnet.sh stop >/dev/null

  local single four lane
  single=$(field committed_tps "$work/single.json")
  four=$(field committed_tps "$work/localnet.json")
  lane=$(field committed_tps "$work/localnet-lane.json")
  echo "posts/s: 4 validators $four, 1 validator $single; ratio $(ratio "$four" "$single")  (target >= 0.6)"
  echo "lane posts/s on 4 validators: $lane"
}

case "${1:-}" in
  dev) bench_dev ;;
  lane) bench_lane ;;
  localnet) bench_localnet ;;
  *) echo "usage: $0 dev | lane | localnet" >&2; exit 2 ;;
esac
