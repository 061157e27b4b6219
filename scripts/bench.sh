#!/usr/bin/env bash
# Runs the `check` bench ROUNDS times (default 3) and prints the table of the
# per-category medians: the three functions are measured back to back within
# each group, each round's ratios are taken within that round, and the table
# shows the median ratio over the rounds, so the ratios hold up on a noisy
# machine whose speed drifts. The rounds' numbers stay in
# target/bench-rounds/. Usage: scripts/bench.sh [ROUNDS] [criterion filter]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
filter=${2:-}
runs=()
out=target/bench-rounds
rm -rf "$out"
mkdir -p "$out"
for k in $(seq 1 "$rounds"); do
    cargo bench --bench check -- --noplot ${filter:+"$filter"} >"$out/bench-$k.log" 2>&1
    python3 scripts/bench_table.py --save "$out/run-$k.json" >/dev/null
    runs+=("$out/run-$k.json")
    echo "round $k of $rounds done" >&2
done
python3 scripts/bench_table.py --median "${runs[@]}"
