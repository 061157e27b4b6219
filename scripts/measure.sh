#!/usr/bin/env bash
# One entry point for every measurement of dncheck against its peers. The
# commands behind each table of docs/performance.md; run from anywhere.
#
# Usage: scripts/measure.sh COMMAND [ARGS]
#
#   interleaved [ROUNDS]            normalisation and whole pipeline against
#                                   idna and idna + psl, per corpus category,
#                                   in interleaved 2 ms bursts (default 41
#                                   rounds): benches/interleaved.rs pipeline
#   interleaved-whole [ROUNDS]      the whole pipeline with 2,000 words
#                                   against the glued pipeline and the
#                                   floor (as `pipeline`), interleaved:
#                                   benches/interleaved.rs whole
#   interleaved-suffix [ROUNDS]     the suffix lookup against psl and
#                                   publicsuffix, interleaved:
#                                   benches/interleaved.rs suffix
#   words [ROUNDS]                  the restricted-word matcher against
#                                   aho-corasick and daachorse: the
#                                   interleaved rounds (default 31), then
#                                   criterion (benches/words.rs)
#   suffix                          the suffix lookup in criterion
#                                   (benches/suffix.rs)
#   bench-table [ROUNDS] [FILTER]   the `check` criterion bench ROUNDS times
#                                   (default 3), then the table of the
#                                   rounds' median ratios; rounds kept in
#                                   target/bench-rounds/
#   table [ARGS]                    the table of the last `check` criterion
#                                   run (scripts/bench_table.py ARGS)
#   instructions [CATEGORY...]      instructions per name under callgrind,
#                                   Checker::normalize against
#                                   Uts46::to_ascii (needs valgrind)
#   instructions-check [CATEGORY...]
#                                   the same for the whole Checker::check
#                                   (hostname profile, words stage on), with
#                                   the embedded word list and with the
#                                   2,000 words of benches/data/words.txt
#   pipeline                        the whole pipeline (Checker::check with
#                                   the 2,000 words) against the glued
#                                   pipeline (idna -> psl -> idna ->
#                                   aho-corasick) and the floor (lowercase,
#                                   split on dots), per category, criterion
#                                   (benches/pipeline.rs), then the table
#   instructions-stages [CATEGORY...]
#                                   Checker::check with the 2,000 words
#                                   (hostname profile) split by stage:
#                                   normalisation, suffix + policy +
#                                   scripts, words
#   instructions-pipeline [CATEGORY...]
#                                   the same three in instructions per name
#   instructions-suffix             the same for the suffix lookup, psl and
#                                   publicsuffix
#   ab-suffix [REV] [ROUNDS] [NAMES_FILE]
#                                   the working tree's suffix lookup against
#                                   a git revision's (default HEAD), with
#                                   publicsuffix beside them, alternating in
#                                   one process (default 41 rounds);
#                                   NAMES_FILE: one name a line, default the
#                                   corpus's ASCII names
#
# Timings on a machine whose speed drifts (shared cores, frequency changes):
# read ratios of interleaved bursts, or medians over criterion rounds, not
# one criterion run. Instruction counts do not drift.
set -euo pipefail

# Prints the usage above; exits with status $1 (default 2).
usage() {
    sed -n '/^# Usage:/,/^# one criterion run/p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit "${1:-2}"
}

# NAMES_FILE of ab-suffix is relative to the caller's directory.
caller=$PWD
cd "$(dirname "$0")/.."
root=$PWD

categories_default=(ascii subdomain chinese other_idn punycode variant invalid)

# Builds the `instructions` bench target and prints the path of its binary.
instructions_bin() {
    cargo bench --no-run --bench instructions --message-format=json 2>/dev/null |
        python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "instructions" and m.get("executable"):
        print(m["executable"])'
}

# Instructions of one run of the harness: callgrind's total.
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$@" --bench 2>&1 |
        awk '/refs:/ { gsub(",", "", $NF); print $NF }'
}

# Names of one corpus category (`all`: the whole corpus).
corpus_names() {
    awk -F'\t' -v c="$1" 'c == "all" || $1 == c' benches/data/corpus.tsv | wc -l
}

# Instructions per call: runs at 5 and at 10 repetitions, the difference
# over 5 x names, so the set-up cancels out. Arguments: names, then the
# harness's arguments before REPS.
per_name() {
    local n=$1
    shift
    echo $((($(count "$@" 10) - $(count "$@" 5)) / (5 * n)))
}

cmd=${1:-}
[ -n "$cmd" ] || usage
shift

case $cmd in
interleaved)
    cargo bench --bench interleaved -- pipeline "${1:-41}"
    ;;
interleaved-whole)
    cargo bench --bench interleaved -- whole "${1:-41}"
    ;;
interleaved-suffix)
    cargo bench --bench interleaved -- suffix "${1:-41}"
    ;;
words)
    WORDS_ROUNDS=${1:-31} cargo bench --bench words -- --warm-up-time 1 --measurement-time 3
    ;;
suffix)
    cargo bench --bench suffix
    ;;
bench-table)
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
    ;;
table)
    python3 scripts/bench_table.py "$@"
    ;;
instructions | instructions-check)
    bin=$(instructions_bin)
    categories=("$@")
    [ ${#categories[@]} -gt 0 ] || categories=("${categories_default[@]}")
    if [ "$cmd" = instructions ]; then
        echo "| category | dncheck instr/name | Uts46::to_ascii instr/name | ratio |"
        echo "|---|---:|---:|---:|"
    else
        echo "| category | Checker::check instr/name | with 2,000 words instr/name | without words instr/name | words stage (2,000 words) instr/name |"
        echo "|---|---:|---:|---:|---:|"
    fi
    for c in "${categories[@]}"; do
        n=$(corpus_names "$c")
        if [ "$cmd" = instructions ]; then
            d=$(per_name "$n" "$c" dncheck)
            i=$(per_name "$n" "$c" idna)
            printf '| `%s` | %d | %d | %s |\n' "$c" "$d" "$i" "$(python3 -c "print(f'{$i/$d:.1f}x')")"
        else
            w=$(per_name "$n" "$c" check-words)
            o=$(per_name "$n" "$c" check-no-words)
            printf '| `%s` | %d | %d | %d | %d |\n' "$c" "$(per_name "$n" "$c" check)" "$w" "$o" $((w - o))
        fi
    done
    ;;
pipeline)
    cargo bench --bench pipeline -- --noplot
    python3 - <<'PY'
import json, os
root = "target/criterion"
cats = ["ascii", "subdomain", "chinese", "other_idn", "punycode", "variant", "invalid", "all"]
print("| category | dncheck ns/name | glued ns/name | floor ns/name | glued / dncheck | dncheck / floor | words stage ns/name |")
print("|---|---:|---:|---:|---:|---:|---:|")
for c in cats:
    t = {}
    for f in ["dncheck", "glued", "floor", "dncheck_no_words"]:
        path = os.path.join(root, f"pipeline_{c}", f, "new", "estimates.json")
        bench = os.path.join(root, f"pipeline_{c}", f, "new", "benchmark.json")
        est = json.load(open(path))["median"]["point_estimate"]
        n = json.load(open(bench))["throughput"]["Elements"]
        t[f] = est / n
    print(f"| `{c}` | {t['dncheck']:.1f} | {t['glued']:.1f} | {t['floor']:.1f} | {t['glued']/t['dncheck']:.2f}x | {t['dncheck']/t['floor']:.1f}x | {t['dncheck'] - t['dncheck_no_words']:.1f} |")
PY
    ;;
instructions-stages)
    bin=$(instructions_bin)
    categories=("$@")
    [ ${#categories[@]} -gt 0 ] || categories=("${categories_default[@]}" all)
    echo "| category | normalisation | suffix, policy, scripts | words (2,000) | whole check |"
    echo "|---|---:|---:|---:|---:|"
    for c in "${categories[@]}"; do
        n=$(corpus_names "$c")
        z=$(per_name "$n" "$c" normalize-hostname)
        o=$(per_name "$n" "$c" check-no-words)
        w=$(per_name "$n" "$c" check-words)
        printf '| `%s` | %d | %d | %d | %d |\n' "$c" "$z" $((o - z)) $((w - o)) "$w"
    done
    ;;
instructions-pipeline)
    bin=$(instructions_bin)
    categories=("$@")
    [ ${#categories[@]} -gt 0 ] || categories=("${categories_default[@]}")
    echo "| category | dncheck instr/name | glued instr/name | floor instr/name | glued / dncheck |"
    echo "|---|---:|---:|---:|---:|"
    for c in "${categories[@]}"; do
        n=$(corpus_names "$c")
        d=$(per_name "$n" "$c" check-words)
        g=$(per_name "$n" "$c" glued)
        f=$(per_name "$n" "$c" floor)
        printf '| `%s` | %d | %d | %d | %s |\n' "$c" "$d" "$g" "$f" "$(python3 -c "print(f'{$g/$d:.1f}x')")"
    done
    ;;
instructions-suffix)
    bin=$(instructions_bin)
    n=$(awk -F'\t' '$1 == "ascii" || $1 == "subdomain"' benches/data/corpus.tsv | wc -l)
    echo "| names | dncheck instr/name | psl instr/name | publicsuffix instr/name |"
    echo "|---:|---:|---:|---:|"
    printf '| %d | %d | %d | %d |\n' "$n" \
        "$(per_name "$n" suffix dncheck)" "$(per_name "$n" suffix psl)" "$(per_name "$n" suffix publicsuffix)"
    ;;
ab-suffix)
    # Builds in target/ab/: the revision's tree with its package renamed
    # dncheck_base, and a small harness that depends on both and takes the
    # corpus and the interleaving from benches/common, as
    # `benches/interleaved.rs suffix` does.
    rev=${1:-HEAD}
    rounds=${2:-41}
    names=
    if [ -n "${3:-}" ]; then
        names=$(cd "$caller" && realpath "$3")
    fi
    ab=$root/target/ab
    rm -rf "$ab/base"
    mkdir -p "$ab/base" "$ab/harness/src"
    # -m: the files get the time of extraction, not of the commit, so that
    # cargo rebuilds the base even when an older revision follows a newer
    # one (with the commit's times, cargo took an older revision for built
    # and compared the tree with itself).
    git archive "$rev" | tar -x -m -C "$ab/base"
    # The package (first `name =` line) only; the binary keeps its name.
    sed -i '0,/^name = "dncheck"$/s//name = "dncheck_base"/' "$ab/base/Cargo.toml"
    cat >"$ab/harness/Cargo.toml" <<EOF
[package]
name = "ab-suffix"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
dncheck = { path = "$root" }
dncheck_base = { path = "$ab/base" }
publicsuffix = "2"

[workspace]
EOF
    sed "s|@ROOT@|$root|g" >"$ab/harness/src/main.rs" <<'RUST'
use std::hint::black_box;

use publicsuffix::Psl as _;

#[path = "@ROOT@/benches/common/corpus.rs"]
mod corpus;
#[path = "@ROOT@/benches/common/interleave.rs"]
mod interleave;

const LIST: &str = include_str!("@ROOT@/data/public_suffix_list.dat");

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(41);
    let text = args.next().map(|path| std::fs::read_to_string(path).unwrap());
    let names: Vec<&str> = match &text {
        Some(text) => text.lines().filter(|l| !l.is_empty()).collect(),
        None => corpus::names_where(|c| matches!(c, "ascii" | "subdomain")),
    };
    let new = dncheck::SuffixList::embedded();
    let base = dncheck_base::SuffixList::embedded();
    let oracle: publicsuffix::List = LIST.parse().unwrap();
    let pass = |f: &dyn Fn(&str) -> usize| names.iter().map(|&n| f(black_box(n))).sum::<usize>();
    let f_new = || pass(&|n| new.lookup(n, true).registrable(n).map_or(0, str::len));
    let f_base = || pass(&|n| base.lookup(n, true).registrable(n).map_or(0, str::len));
    let f_ps = || pass(&|n| oracle.domain(n.as_bytes()).map_or(0, |d| d.as_bytes().len()));
    assert_eq!(f_new(), f_base(), "the two builds disagree");
    let t = interleave::rounds(&[&f_new, &f_base, &f_ps], names.len(), rounds);
    println!(
        "{} names, {rounds} rounds: new {:.1} ns, base {:.1} ns, publicsuffix {:.1} ns; \
         base/new {:.3}, publicsuffix/new {:.2}x, publicsuffix/base {:.2}x",
        names.len(),
        interleave::median(&t[0]),
        interleave::median(&t[1]),
        interleave::median(&t[2]),
        interleave::median_ratio(&t[1], &t[0]),
        interleave::median_ratio(&t[2], &t[0]),
        interleave::median_ratio(&t[2], &t[1]),
    );
    let min = |v: &[f64]| v.iter().copied().fold(f64::MAX, f64::min);
    println!(
        "fastest rounds: new {:.1} ns, base {:.1} ns, publicsuffix {:.1} ns; \
         base/new {:.3}, publicsuffix/new {:.2}x",
        min(&t[0]),
        min(&t[1]),
        min(&t[2]),
        min(&t[1]) / min(&t[0]),
        min(&t[2]) / min(&t[0]),
    );
}
RUST
    cargo build --release --quiet --manifest-path "$ab/harness/Cargo.toml" --target-dir "$ab/target"
    "$ab/target/release/ab-suffix" "$rounds" ${names:+"$names"}
    ;;
-h | --help | help)
    usage 0
    ;;
*)
    echo "unknown command: $cmd" >&2
    usage
    ;;
esac
