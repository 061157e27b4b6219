//! Interleaved timing of dncheck against its peers: the functions compared
//! take turns in bursts of about 2 ms over many rounds
//! (`benches/common/interleave.rs`), and each table reports each function's
//! median ns/name and the median of each round's own ratio. On a machine
//! whose speed drifts, such ratios hold up where separate criterion runs do
//! not.
//!
//! ```text
//! cargo bench --bench interleaved -- pipeline [ROUNDS]   # or scripts/measure.sh interleaved
//! cargo bench --bench interleaved -- whole [ROUNDS]      # or scripts/measure.sh interleaved-whole
//! cargo bench --bench interleaved -- suffix [ROUNDS]     # or scripts/measure.sh interleaved-suffix
//! ```
//!
//! `pipeline` (the default), per corpus category, two comparisons.
//! Normalisation: `Checker::normalize` (normalisation and format rules)
//! against `Uts46::to_ascii` and `domain_to_ascii_strict`, which do that
//! work. The whole pipeline: `Checker::check` in the hostname profile
//! without the words stage (plus the suffix lookup and the policy) against
//! the glue it replaces, `Uts46::to_ascii` then `psl::domain`; and the same
//! `check` with the embedded restricted-word list (the default), which the
//! glue has no counterpart for.
//!
//! `whole`: the comparison of `benches/pipeline.rs` in interleaved bursts,
//! per category: `Checker::check` (hostname profile) with the 2,000 words of
//! `benches/data/words.txt`, the glued pipeline of `benches/common/glue.rs`
//! (idna -> psl -> idna -> aho-corasick), the floor (lowercase and split on
//! dots) and the same `check` without words.
//!
//! `suffix`: the suffix lookup against `psl` and `publicsuffix` on the ASCII
//! names of the bench corpus (the names of `benches/suffix.rs`).
//!
//! Without `--bench` (under `cargo test --benches`) it runs one round, of
//! both comparisons when no arguments are given, as a smoke test
//! (`benches/common/args.rs`).

use std::borrow::Cow;
use std::hint::black_box;

use dncheck::{Checker, Profile, SuffixList, WordList};
use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};
use publicsuffix::Psl as _;

#[path = "common/args.rs"]
mod args;
#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/glue.rs"]
mod glue;
#[path = "common/interleave.rs"]
mod interleave;

const LIST: &str = include_str!("../data/public_suffix_list.dat");

fn main() {
    let mut args = args::Args::get();
    // `interleaved ROUNDS` alone, as before the subcommands, is `pipeline`.
    if args
        .rest
        .first()
        .is_some_and(|a| a.parse::<usize>().is_ok())
    {
        args.rest.insert(0, "pipeline".into());
    }
    let rounds = args.count(1, 41);
    if !args.measure && args.rest.is_empty() {
        // A smoke test: every comparison, one round each.
        pipeline(rounds);
        whole(rounds);
        suffix(rounds);
        return;
    }
    match args.rest.first().map_or("pipeline", String::as_str) {
        "pipeline" => pipeline(rounds),
        "whole" => whole(rounds),
        "suffix" => suffix(rounds),
        other => args::usage(&format!(
            "unknown comparison {other:?}; usage: interleaved [pipeline|whole|suffix] [ROUNDS]"
        )),
    }
}

/// `Uts46::to_ascii` with the strict flags of `docs/design.md`.
fn strict_to_ascii<'a>(uts46: &Uts46, name: &'a str) -> Result<Cow<'a, str>, idna::Errors> {
    uts46.to_ascii(
        name.as_bytes(),
        AsciiDenyList::STD3,
        Hyphens::Check,
        DnsLength::VerifyAllowRootDot,
    )
}

/// Normalisation and the whole pipeline, per corpus category.
fn pipeline(rounds: usize) {
    let checker = Checker::default();
    let hosts = Checker::builder()
        .profile(Profile::Hostname)
        .no_words()
        .build();
    let hosts_words = Checker::builder().profile(Profile::Hostname).build();
    let uts46 = Uts46::new();
    println!("| category | names | normalize ns/name | Uts46::to_ascii ns/name | domain_to_ascii_strict ns/name | Uts46 / normalize | strict / normalize | check ns/name | to_ascii + psl ns/name | glue / check | check + words ns/name |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for &category in corpus::CATEGORIES.iter().chain(&["all"]) {
        let names = corpus::names(category);
        // One pass over the names with `f`, counting what it accepts.
        let pass = |f: &dyn Fn(&str) -> bool| names.iter().filter(|&&n| f(black_box(n))).count();
        let normalize = || pass(&|n| black_box(checker.normalize(n)).is_ok());
        let theirs = || pass(&|n| black_box(strict_to_ascii(&uts46, n)).is_ok());
        let strict = || pass(&|n| black_box(idna::domain_to_ascii_strict(n)).is_ok());
        let whole = || pass(&|n| black_box(hosts.check(n)).is_ok());
        let glue = || {
            pass(&|n| {
                let r = strict_to_ascii(&uts46, n).ok().and_then(|a| {
                    psl::domain(a.trim_end_matches('.').as_bytes()).map(|d| d.as_bytes().len())
                });
                black_box(r).is_some()
            })
        };
        let with_words = || pass(&|n| black_box(hosts_words.check(n)).is_ok());
        let t = interleave::rounds(
            &[&normalize, &theirs, &strict, &whole, &glue, &with_words],
            names.len(),
            rounds,
        );
        let m = |i: usize| interleave::median(&t[i]);
        let r = |i: usize, j: usize| interleave::median_ratio(&t[i], &t[j]);
        println!(
            "| `{category}` | {} | {:.1} | {:.1} | {:.1} | {:.1}x | {:.1}x | {:.1} | {:.1} | {:.1}x | {:.1} |",
            names.len(),
            m(0),
            m(1),
            m(2),
            r(1, 0),
            r(2, 0),
            m(3),
            m(4),
            r(4, 3),
            m(5),
        );
    }
}

/// The whole pipeline with 2,000 words against the glued pipeline and the
/// floor, per corpus category: `benches/pipeline.rs` in interleaved bursts.
fn whole(rounds: usize) {
    let words = WordList::parse(glue::WORDS).expect("benches/data/words.txt parses");
    let checker = Checker::builder()
        .profile(Profile::Hostname)
        .words(words)
        .build();
    let no_words = Checker::builder()
        .profile(Profile::Hostname)
        .no_words()
        .build();
    let glued = glue::Glue::new();
    println!("| category | names | dncheck ns/name | glued ns/name | floor ns/name | dncheck / glued | dncheck / floor | without words ns/name |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for &category in corpus::CATEGORIES.iter().chain(&["all"]) {
        let names = corpus::names(category);
        let pass = |f: &dyn Fn(&str) -> bool| names.iter().filter(|&&n| f(black_box(n))).count();
        let ours = || pass(&|n| black_box(checker.check(n)).is_ok());
        let theirs = || pass(&|n| black_box(glued.check(n)).is_some());
        let floor = || pass(&|n| black_box(glue::floor(n)).0 > 1);
        let bare = || pass(&|n| black_box(no_words.check(n)).is_ok());
        let t = interleave::rounds(&[&ours, &theirs, &floor, &bare], names.len(), rounds);
        let m = |i: usize| interleave::median(&t[i]);
        let r = |i: usize, j: usize| interleave::median_ratio(&t[i], &t[j]);
        println!(
            "| `{category}` | {} | {:.1} | {:.1} | {:.1} | {:.2}x | {:.1}x | {:.1} |",
            names.len(),
            m(0),
            m(1),
            m(2),
            r(0, 1),
            r(0, 2),
            m(3),
        );
    }
}

/// The suffix lookup against `psl` and `publicsuffix`.
fn suffix(rounds: usize) {
    let names = corpus::names_where(|c| matches!(c, "ascii" | "subdomain"));
    let list = SuffixList::embedded();
    let oracle: publicsuffix::List = LIST.parse().unwrap();
    let pass = |f: &dyn Fn(&str) -> usize| names.iter().map(|&n| f(black_box(n))).sum::<usize>();
    let ours = || pass(&|n| list.lookup(n, true).registrable(n).map_or(0, str::len));
    let psl = || pass(&|n| psl::domain(n.as_bytes()).map_or(0, |d| d.as_bytes().len()));
    let publicsuffix = || {
        pass(&|n| {
            oracle
                .domain(n.as_bytes())
                .map_or(0, |d| d.as_bytes().len())
        })
    };
    let t = interleave::rounds(&[&ours, &psl, &publicsuffix], names.len(), rounds);
    println!("| names | dncheck ns/name | psl ns/name | publicsuffix ns/name | psl / dncheck | publicsuffix / dncheck |");
    println!("|---:|---:|---:|---:|---:|---:|");
    println!(
        "| {} | {:.1} | {:.1} | {:.1} | {:.1}x | {:.1}x |",
        names.len(),
        interleave::median(&t[0]),
        interleave::median(&t[1]),
        interleave::median(&t[2]),
        interleave::median_ratio(&t[1], &t[0]),
        interleave::median_ratio(&t[2], &t[0]),
    );
}
