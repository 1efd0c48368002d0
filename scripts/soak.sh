#!/usr/bin/env bash
# Soak benchmark (docs/benchmarks.md#soak): a fresh dev chain under the
# posts mix at a fixed rate for a long time, to see whether the node's
# memory or goroutines grow while its load does not.
#
#   scripts/soak.sh                          30 minutes at 320 tx/s
#   SOAK_DURATION=4m SOAK_RATE=200 scripts/soak.sh
#
# Every SOAK_INTERVAL (default 60s) it prints one row: committed tx/s over
# the interval, block height, the node's resident memory and goroutine
# count, read from the node's own Prometheus endpoint (CometBFT's
# [instrumentation], switched on in the dev home's config.toml before the
# run: go_goroutines, process_resident_memory_bytes,
# cometbft_consensus_total_txs). At the end it prints the loadtest's report
# and the least-squares slope per hour of RSS and goroutines over the rows,
# as a markdown table for docs/benchmarks.md.
#
# Environment: SOCIALCHAIND (binary, default ./build/socialchaind),
# SOAK_DURATION (default 30m), SOAK_RATE (tx/s, default 320: about half of
# the posts mix's one-node capacity, 625-672 tx/s in docs/benchmarks.md),
# SOAK_ACCOUNTS (default 200), SOAK_INTERVAL (default 60s), SOAK_METRICS_PORT (default
# 26660, loopback), SOAK_ARGS (extra loadtest flags). The dev chain uses
# the dev ports (26657, 9090, 1317, 8545), so nothing else may hold them.
# The dev process (and with it the node) is stopped by its PID at the end
# or on Ctrl-C.
set -euo pipefail

bin=${SOCIALCHAIND:-./build/socialchaind}
duration=${SOAK_DURATION:-30m}
rate=${SOAK_RATE:-320}
accounts=${SOAK_ACCOUNTS:-200}
interval=${SOAK_INTERVAL:-60s}
metrics_port=${SOAK_METRICS_PORT:-26660}
work=$(mktemp -d "${TMPDIR:-/tmp}/socialchain-soak.XXXXXX")
home="$work/dev-home"
dev_pid=""
load_pid=""

seconds() { # 90s | 4m | 1h | 30 -> seconds
  case "$1" in
    *h) echo $((${1%h} * 3600)) ;;
    *m) echo $((${1%m} * 60)) ;;
    *s) echo "${1%s}" ;;
    *) echo "$1" ;;
  esac
}
duration_s=$(seconds "$duration")
interval_s=$(seconds "$interval")

stop_dev() {
  if [ -n "$dev_pid" ] && kill -0 "$dev_pid" 2>/dev/null; then
    kill -INT "$dev_pid"
    for _ in $(seq 1 400); do kill -0 "$dev_pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$dev_pid" 2>/dev/null && kill -KILL "$dev_pid"
    wait "$dev_pid" 2>/dev/null || true
  fi
  dev_pid=""
}

cleanup() {
  if [ -n "$load_pid" ] && kill -0 "$load_pid" 2>/dev/null; then
    kill -INT "$load_pid" 2>/dev/null || true
    wait "$load_pid" 2>/dev/null || true
  fi
  stop_dev
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "interrupted: stopping" >&2; exit 130' INT TERM

wait_height() { # min-height
  local h=""
  for _ in $(seq 1 180); do
    h=$(curl -fsS --max-time 2 http://127.0.0.1:26657/status 2>/dev/null |
      sed -n 's/.*"latest_block_height":"\([0-9]*\)".*/\1/p' || true)
    if [ -n "$h" ] && [ "$h" -ge "$1" ]; then return 0; fi
    kill -0 "$dev_pid" 2>/dev/null || { cat "$work/dev.out" >&2; return 1; }
    sleep 1
  done
  echo "the dev node did not reach height $1 (see $work/dev.out)" >&2
  return 1
}

start_dev() {
  "$bin" dev --home "$home" >>"$work/dev.out" 2>&1 &
  dev_pid=$!
  wait_height 2
}

# metric name: one sample of the node's Prometheus endpoint (labels
# ignored), as an integer; 0 if the node does not report it.
metric() {
  awk -v name="$1" '{ n = $1; sub(/\{.*/, "", n) } n == name { printf "%.0f\n", $2; found = 1; exit }
    END { if (!found) print 0 }' "$work/metrics"
}

if curl -fsS --max-time 2 http://127.0.0.1:26657/status >/dev/null 2>&1; then
  echo "a node already answers on 127.0.0.1:26657: stop it first" >&2
  exit 1
fi

# The dev command writes its home on the first start; the metrics endpoint
# is switched on in that home's config.toml, then the node resumes.
echo "== fresh dev chain in $home"
start_dev
stop_dev
sed -i -e 's/^prometheus = false/prometheus = true/' \
  -e "s/^prometheus_listen_addr = .*/prometheus_listen_addr = \"127.0.0.1:$metrics_port\"/" "$home/config/config.toml"
start_dev
curl -fsS --max-time 5 "http://127.0.0.1:$metrics_port/metrics" >/dev/null ||
  { echo "no metrics on 127.0.0.1:$metrics_port" >&2; exit 1; }

echo "== loadtest --mix posts --rate $rate --accounts $accounts --duration $duration"
# Presigning rate x duration would sign the whole run up front; a minute's
# worth is enough, the rest is signed on the fly.
# shellcheck disable=SC2086 # SOAK_ARGS is a list of flags
"$bin" loadtest --home "$home" --mix posts --rate "$rate" --accounts "$accounts" --duration "$duration" \
  --presign $((rate * 60)) --results-grpc 127.0.0.1:9090 --json-out "$work/load.json" ${SOAK_ARGS:-} \
  >"$work/load.out" 2>"$work/load.log" &
load_pid=$!

# The loadtest first funds its accounts and creates their profiles; it
# logs "sending ..." when its clock starts, and sampling starts with it.
until grep -q '^sending' "$work/load.log" 2>/dev/null; do
  kill -0 "$load_pid" 2>/dev/null || break
  sleep 1
done

rows="$work/rows"
: >"$rows"
printf '\n| minute | height | committed tx/s | RSS MiB | goroutines |\n| ---: | ---: | ---: | ---: | ---: |\n'
start=$(date +%s)
last_t=$start
last_txs=""
sample() {
  curl -fsS --max-time 5 "http://127.0.0.1:$metrics_port/metrics" >"$work/metrics" || return 1
  local now txs height rss gor tps elapsed
  now=$(date +%s)
  txs=$(metric cometbft_consensus_total_txs)
  height=$(metric cometbft_consensus_latest_block_height)
  rss=$(metric process_resident_memory_bytes)
  gor=$(metric go_goroutines)
  elapsed=$((now - start))
  if [ -n "$last_txs" ] && [ "$now" -gt "$last_t" ]; then
    tps=$(awk -v d=$((txs - last_txs)) -v t=$((now - last_t)) 'BEGIN { printf "%.1f", d / t }')
  else
    tps="-"
  fi
  printf '| %s | %s | %s | %s | %s |\n' "$(awk -v e="$elapsed" 'BEGIN { printf "%.1f", e / 60 }')" \
    "$height" "$tps" "$((rss / 1048576))" "$gor"
  printf '%s %s %s\n' "$elapsed" "$rss" "$gor" >>"$rows"
  last_t=$now
  last_txs=$txs
}
sample
while kill -0 "$load_pid" 2>/dev/null && [ $(($(date +%s) - start)) -lt "$duration_s" ]; do
  sleep "$interval_s" &
  wait $! || true
  # The load stops at the duration; a sample after it would see the drain.
  [ $(($(date +%s) - start)) -le $((duration_s + 5)) ] || break
  sample
done

wait "$load_pid" || { cat "$work/load.log" >&2; load_pid=""; exit 1; }
load_pid=""
echo
cat "$work/load.out"

# Least-squares slopes per hour, over all rows and over the second half
# (RSS first climbs to the Go heap target, GOGC 400 under a 3 GiB soft
# limit: the second half shows whether it then stays there).
awk -v half=$((duration_s / 2)) '
  function fit(k, label,   d, rss, gor) {
    d = n[k] * sxx[k] - sx[k] * sx[k]
    if (n[k] < 3 || d == 0) { printf "| %s | fewer than 3 samples | |\n", label; return }
    rss = (n[k] * sxy[k] - sx[k] * sy[k]) / d * 3600 / 1048576
    gor = (n[k] * sxz[k] - sx[k] * sz[k]) / d * 3600
    printf "| %s (%d samples) | %+.1f MiB | %+.1f |\n", label, n[k], rss, gor
  }
  { for (k = 0; k < 2; k++) if (k == 0 || $1 >= half) {
      n[k]++; sx[k] += $1; sy[k] += $2; sz[k] += $3; sxx[k] += $1 * $1; sxy[k] += $1 * $2; sxz[k] += $1 * $3 } }
  END {
    print "\n| slope per hour | RSS | goroutines |\n| --- | ---: | ---: |"
    fit(0, "whole run"); fit(1, "second half")
  }' "$rows"
