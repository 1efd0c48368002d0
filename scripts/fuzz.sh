#!/usr/bin/env bash
# fuzz.sh runs every fuzz target of the module (each `func FuzzX` in a
# *_test.go) with `go test -fuzz` for FUZZTIME (default 30s) each, one after
# another, and prints a table of the executions each reached. A crasher
# stops the run; Go keeps it under the package's testdata/fuzz/FuzzX/,
# where it becomes a seed corpus entry once the bug is fixed.
#
#   scripts/fuzz.sh                 all targets
#   FUZZTIME=5m scripts/fuzz.sh     longer runs (docs/benchmarks.md records
#                                   the execs of a run of each target)
#   FUZZ_MATCH=Lane scripts/fuzz.sh only targets whose name matches
#   FUZZTIME=1000000x scripts/fuzz.sh
#                                   each target for a million inputs
#   FUZZ_PARALLEL=1 scripts/fuzz.sh one fuzzing worker (one core); unset,
#                                   Go's default (GOMAXPROCS workers)
set -euo pipefail
cd "$(dirname "$0")/.."

fuzztime=${FUZZTIME:-30s}
match=${FUZZ_MATCH:-.}
parallel=()
if [ -n "${FUZZ_PARALLEL:-}" ]; then
  parallel=(-parallel "$FUZZ_PARALLEL")
fi
results=$(mktemp)
trap 'rm -f "$results"' EXIT

# Each line: package dir and target name.
targets=$(git ls-files '*_test.go' | xargs grep -H '^func Fuzz[A-Za-z0-9_]*(' |
  sed 's#^\(.*\)/[^/]*_test\.go:func \(Fuzz[A-Za-z0-9_]*\)(.*#\1 \2#' | sort -u | grep -E " .*${match}" || true)
if [ -z "$targets" ]; then
  echo "no fuzz targets match ${match}" >&2
  exit 1
fi

while read -r dir name; do
  echo "== $name in ./$dir for $fuzztime"
  log=$(mktemp)
  status=0
  started=$(date +%s)
  go test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" "${parallel[@]}" "./$dir" >"$log" 2>&1 || status=$?
  elapsed=$(($(date +%s) - started))
  grep -v '^fuzz: elapsed' "$log" || true
  if [ "$status" -ne 0 ]; then
    echo "FAILED: $name in ./$dir (see the failing input above and under ./$dir/testdata/fuzz/$name/)" >&2
    rm -f "$log"
    exit 1
  fi
  execs=$(grep -o 'execs: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  printf '%s\t%s\t%s\t%ss\n' "./$dir" "$name" "${execs:-0}" "$elapsed" >>"$results"
  rm -f "$log"
done <<<"$targets"

echo
printf 'package\ttarget\texecs (%s each)\tseconds (with the build)\n' "$fuzztime"
cat "$results"
