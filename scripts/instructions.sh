#!/usr/bin/env bash
# Instructions per name, dncheck vs idna's Uts46::to_ascii, per corpus
# category, counted by callgrind: a stable figure on a noisy machine.
# Each function runs at 5 and at 10 repetitions of the category; the
# difference divided by 5 x names is the cost of one check, set-up excluded.
# Usage: scripts/instructions.sh [CATEGORY...]   (needs valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --example instructions >/dev/null 2>&1
bin=target/release/examples/instructions
categories=("$@")
[ ${#categories[@]} -gt 0 ] || categories=(ascii subdomain chinese other_idn punycode variant invalid)
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" "$3" 2>&1 |
        awk '/refs:/ { gsub(",", "", $NF); print $NF }'
}
names() { awk -F'\t' -v c="$1" '$1 == c' benches/data/corpus.tsv | wc -l; }
echo "| category | dncheck instr/name | Uts46::to_ascii instr/name | ratio |"
echo "|---|---:|---:|---:|"
for c in "${categories[@]}"; do
    n=$(names "$c")
    per() { echo $(( ($(count "$c" "$1" 10) - $(count "$c" "$1" 5)) / (5 * n) )); }
    d=$(per dncheck)
    i=$(per idna)
    printf '| `%s` | %d | %d | %s |\n' "$c" "$d" "$i" "$(python3 -c "print(f'{$i/$d:.1f}x')")"
done
