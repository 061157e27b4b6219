#!/usr/bin/env bash
# Alternating A/B timing of the suffix lookup: the working tree against a
# git revision (default HEAD), in one process, with publicsuffix's
# List::domain beside them. The three take turns in bursts of about 2 ms for
# ROUNDS rounds, and the medians of the rounds' own ratios are printed, so
# that a change of a few per cent shows on a machine whose speed drifts
# (two builds timed in separate runs differ by more than that).
#
# Usage: scripts/ab_suffix.sh [REV] [ROUNDS] [NAMES_FILE]
#   NAMES_FILE: one name a line; default the bench corpus's ASCII names
#   (the `ascii` and `subdomain` categories, as benches/suffix.rs).
# Example: scripts/ab_suffix.sh HEAD~1 41
#
# It builds in target/ab/: the revision's tree with its package renamed
# dncheck_base, and a small harness that depends on both.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
rev=${1:-HEAD}
rounds=${2:-41}
names=${3:-}
ab=$root/target/ab
rm -rf "$ab/base"
mkdir -p "$ab/base" "$ab/harness/src"
git archive "$rev" | tar -x -C "$ab/base"
# The package (first `name =` line) only; the binary keeps its name.
sed -i '0,/^name = "dncheck"$/s//name = "dncheck_base"/' "$ab/base/Cargo.toml"
if [ -z "$names" ]; then
    names=$ab/names.txt
    awk -F'\t' '$1 == "ascii" || $1 == "subdomain" { print $2 }' benches/data/corpus.tsv >"$names"
fi
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
cat >"$ab/harness/src/main.rs" <<'EOF'
use std::hint::black_box;
use std::time::Instant;

use publicsuffix::Psl as _;

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(41);
    let text = std::fs::read_to_string(args.next().expect("names file")).unwrap();
    let list_text = std::fs::read_to_string(args.next().expect("list file")).unwrap();
    let names: Vec<&str> = text.lines().collect();
    let new = dncheck::SuffixList::embedded();
    let base = dncheck_base::SuffixList::embedded();
    let oracle: publicsuffix::List = list_text.parse().unwrap();
    let f_new = || -> usize {
        names.iter().map(|&n| new.lookup(black_box(n), true).registrable(n).map_or(0, str::len)).sum()
    };
    let f_base = || -> usize {
        names.iter().map(|&n| base.lookup(black_box(n), true).registrable(n).map_or(0, str::len)).sum()
    };
    let f_ps = || -> usize {
        names.iter().map(|&n| oracle.domain(black_box(n).as_bytes()).map_or(0, |d| d.as_bytes().len())).sum()
    };
    assert_eq!(f_new(), f_base(), "the two builds disagree");
    let passes: [&dyn Fn() -> usize; 3] = [&f_new, &f_base, &f_ps];
    let burst = |f: &dyn Fn() -> usize, reps: usize| {
        let start = Instant::now();
        for _ in 0..reps {
            black_box(f());
        }
        start.elapsed().as_nanos() as f64 / (reps * names.len()) as f64
    };
    for f in passes {
        burst(f, 2);
    }
    let reps = (2_000_000.0 / (burst(passes[0], 1) * names.len() as f64)).ceil() as usize;
    let mut t = vec![Vec::new(); 3];
    for _ in 0..rounds {
        for (i, f) in passes.iter().enumerate() {
            t[i].push(burst(*f, reps));
        }
    }
    let ratio = |a: usize, b: usize| median(&t[a].iter().zip(&t[b]).map(|(x, y)| x / y).collect::<Vec<_>>());
    println!(
        "{} names, {rounds} rounds: new {:.1} ns, base {:.1} ns, publicsuffix {:.1} ns; \
         base/new {:.3}, publicsuffix/new {:.2}x, publicsuffix/base {:.2}x",
        names.len(),
        median(&t[0]),
        median(&t[1]),
        median(&t[2]),
        ratio(1, 0),
        ratio(2, 0),
        ratio(2, 1),
    );
}
EOF
cargo build --release --quiet --manifest-path "$ab/harness/Cargo.toml" --target-dir "$ab/target"
"$ab/target/release/ab-suffix" "$rounds" "$names" data/public_suffix_list.dat
