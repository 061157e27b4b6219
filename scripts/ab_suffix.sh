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
# dncheck_base, and a small harness that depends on both and takes the
# corpus and the interleaving from benches/common, as
# examples/interleaved_suffix.rs does.
set -euo pipefail
names=${3:+$(realpath "$3")}
cd "$(dirname "$0")/.."
root=$PWD
rev=${1:-HEAD}
rounds=${2:-41}
ab=$root/target/ab
rm -rf "$ab/base"
mkdir -p "$ab/base" "$ab/harness/src"
# -m: the files get the time of extraction, not of the commit, so that cargo
# rebuilds the base even when an older revision follows a newer one.
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
