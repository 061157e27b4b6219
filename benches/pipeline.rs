//! The whole pipeline against the pipeline it replaces and the floor, per
//! corpus category (`benches/data/corpus.tsv`), in criterion:
//!
//! * `dncheck`: `Checker::check`, hostname profile, with the 2,000 words of
//!   `benches/data/words.txt` (normalisation, format rules, suffix lookup,
//!   policy, words);
//! * `glued`: `idna::domain_to_ascii_strict` -> `psl::domain` ->
//!   `idna::domain_to_unicode` -> an `aho-corasick` DFA search of the same
//!   2,000 words in the labels left of the suffix (`benches/common/glue.rs`);
//! * `floor`: lowercase and split on dots, the least any pipeline does;
//! * `dncheck_no_words`: `Checker::check` without the words stage, so that
//!   the difference to `dncheck` is that stage's cost.
//!
//! `scripts/measure.sh pipeline` runs it and prints the table of ns/name
//! and ratios (`scripts/measure.sh instructions-pipeline` counts
//! instructions instead). One group per category (`pipeline/ascii`, ...),
//! the three functions back to back in each.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use dncheck::{Checker, Profile, WordList};

#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/glue.rs"]
mod glue;
#[path = "common/group.rs"]
mod group;

fn bench_pipeline(c: &mut Criterion) {
    let checker = Checker::builder()
        .profile(Profile::Hostname)
        .words(WordList::parse(glue::WORDS).expect("benches/data/words.txt parses"))
        .build();
    let no_words = Checker::builder()
        .profile(Profile::Hostname)
        .no_words()
        .build();
    let glued = glue::Glue::new();
    let mut categories: Vec<&str> = corpus::CATEGORIES.to_vec();
    categories.push("all");
    for category in categories {
        let names = corpus::names(category);
        // Once, outside the measurement: what each accepts, so that a
        // speed-up cannot silently come from doing different work.
        eprintln!(
            "pipeline/{category}: {} names; dncheck accepts {} ({} restricted), glued {} ({} with a word)",
            names.len(),
            names.iter().filter(|&&n| checker.check(n).is_ok()).count(),
            names
                .iter()
                .filter(|&&n| checker
                    .check(n)
                    .is_ok_and(|v| v.flags().contains(dncheck::Flag::Restricted)))
                .count(),
            names.iter().filter(|&&n| glued.check(n).is_some()).count(),
            names.iter().filter(|&&n| glued.check(n) == Some(true)).count(),
        );
        let mut group = group::group(c, &format!("pipeline/{category}"), names.len());
        group.bench_function("dncheck", |b| {
            b.iter(|| {
                for &name in &names {
                    black_box(&checker.check(black_box(name)));
                }
            });
        });
        group.bench_function("glued", |b| {
            b.iter(|| {
                for &name in &names {
                    black_box(&glued.check(black_box(name)));
                }
            });
        });
        group.bench_function("floor", |b| {
            b.iter(|| {
                for &name in &names {
                    black_box(glue::floor(black_box(name)));
                }
            });
        });
        group.bench_function("dncheck_no_words", |b| {
            b.iter(|| {
                for &name in &names {
                    black_box(&no_words.check(black_box(name)));
                }
            });
        });
        group.finish();
    }
}

criterion_group!(benches, bench_pipeline);
criterion_main!(benches);
