#!/usr/bin/env bash
# test-flakes.sh N: runs the process-level test suite (make test-e2e) N
# times and reports every test that failed in any run, with the runs it
# failed in. A deterministic suite prints "no test failed in N runs".
set -uo pipefail
runs="${1:-5}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
logs="$(mktemp -d)"
declare -A failed
for i in $(seq 1 "$runs"); do
	echo "run $i of $runs (log: $logs/run$i.log)"
	make --no-print-directory test-e2e >"$logs/run$i.log" 2>&1
	while read -r name; do
		failed[$name]+=" $i"
	done < <(grep -oE '^\s*--- FAIL: [^ ]+' "$logs/run$i.log" | awk '{print $3}' | sort -u)
done
if [ ${#failed[@]} -eq 0 ]; then
	echo "no test failed in $runs runs"
	exit 0
fi
echo "tests that failed at least once in $runs runs:"
for name in "${!failed[@]}"; do
	echo "  $name: runs${failed[$name]}"
done
exit 1
