//! Throughput of `dncheck` against the `idna` crate's strict UTS #46 ToASCII,
//! per corpus category (see `benches/data/README.md`).
//!
//! Run with `cargo bench --bench check`, then `scripts/measure.sh table`
//! for a Markdown table of ns/name and ratios; `scripts/measure.sh
//! bench-table ROUNDS` runs it ROUNDS times and prints the median ratios.
//!
//! One criterion group per category (`check/ascii`, `check/chinese`, ...) plus
//! `check/all` over the whole corpus. Each benchmark iterates over *all* names
//! of its category per iteration, and the group's throughput is set to the
//! number of names, so criterion reports names/second. Benchmark IDs:
//!
//! * `dncheck` — `Checker::normalize` (normalisation + format check, the
//!   work `to_ascii` does; the suffix stage is measured in `check/pipeline`);
//! * `uts46_to_ascii` — `idna::uts46::Uts46::to_ascii` with the strict flags
//!   (`AsciiDenyList::STD3`, `Hyphens::Check`, `DnsLength::VerifyAllowRootDot`);
//! * `domain_to_ascii_strict` — `idna::domain_to_ascii_strict` (the same
//!   flags, plus constructing `Uts46` and an owned `String` per call).
//!
//! `DnsLength::VerifyAllowRootDot` rather than `Verify`: dncheck accepts a
//! trailing root dot (and flags it), and so does the corpus (some `variant`
//! names have one). With `Verify`, `idna` would take its error path on those
//! names and the two would not do the same work.
//!
//! Noise: within a group criterion measures the three functions back to back
//! on the same data, so each comparison is made over the same short window of
//! machine load. That is the "interleaving" we rely on for robust ratios on a
//! noisy machine; comparisons across groups are less reliable.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use dncheck::{Checker, Profile};
use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};

#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/group.rs"]
mod group;

fn bench_group(c: &mut Criterion, group_name: &str, names: &[&str]) {
    assert!(!names.is_empty(), "no names for {group_name}");
    let checker = Checker::default();
    let uts46 = Uts46::new();

    // Once, outside the measurement: how many names each function accepts,
    // so a speed-up cannot silently come from doing different work.
    let accepted = |f: &dyn Fn(&str) -> bool| names.iter().filter(|&&n| f(n)).count();
    eprintln!(
        "{group_name}: {} names; accepted by dncheck {}, uts46_to_ascii {}, domain_to_ascii_strict {}",
        names.len(),
        accepted(&|n| checker.normalize(n).is_ok()),
        accepted(&|n| {
            uts46
                .to_ascii(
                    n.as_bytes(),
                    AsciiDenyList::STD3,
                    Hyphens::Check,
                    DnsLength::VerifyAllowRootDot,
                )
                .is_ok()
        }),
        accepted(&|n| idna::domain_to_ascii_strict(n).is_ok()),
    );

    let mut group = group::group(c, group_name, names.len());

    // The three are measured back to back within the group (see module docs).
    // Each result is materialised where it is returned and handed to
    // `black_box` by reference, as a caller would hold it: nothing is moved,
    // so no function pays for copying a result the others do not have.
    group.bench_function("dncheck", |b| {
        b.iter(|| {
            for &name in names {
                black_box(&checker.normalize(black_box(name)));
            }
        });
    });
    group.bench_function("uts46_to_ascii", |b| {
        b.iter(|| {
            for &name in names {
                black_box(&uts46.to_ascii(
                    black_box(name).as_bytes(),
                    AsciiDenyList::STD3,
                    Hyphens::Check,
                    DnsLength::VerifyAllowRootDot,
                ));
            }
        });
    });
    group.bench_function("domain_to_ascii_strict", |b| {
        b.iter(|| {
            for &name in names {
                black_box(&idna::domain_to_ascii_strict(black_box(name)));
            }
        });
    });
    group.finish();
}

/// The whole pipeline on the whole corpus: `Checker::check` (hostname
/// profile, so that subdomains count as accepted, and no words stage:
/// normalisation, format, suffix lookup and policy) against the glue it replaces, `Uts46::to_ascii`
/// and then `psl::domain` on the A-label form.
fn bench_pipeline(c: &mut Criterion, names: &[&str]) {
    // No words stage: the glue has none.
    let checker = Checker::builder()
        .profile(Profile::Hostname)
        .no_words()
        .build();
    let uts46 = Uts46::new();
    let glue = |name: &str| {
        let ascii = uts46
            .to_ascii(
                name.as_bytes(),
                AsciiDenyList::STD3,
                Hyphens::Check,
                DnsLength::VerifyAllowRootDot,
            )
            .ok()?;
        let domain = psl::domain(ascii.trim_end_matches('.').as_bytes())?;
        Some(domain.as_bytes().len())
    };
    eprintln!(
        "check/pipeline: {} names; accepted by dncheck {}, uts46 + psl {}",
        names.len(),
        names.iter().filter(|&&n| checker.check(n).is_ok()).count(),
        names.iter().filter(|&&n| glue(n).is_some()).count(),
    );
    let mut group = group::group(c, "check/pipeline", names.len());
    group.bench_function("dncheck_check", |b| {
        b.iter(|| {
            for &name in names {
                black_box(&checker.check(black_box(name)));
            }
        });
    });
    group.bench_function("uts46_psl", |b| {
        b.iter(|| {
            for &name in names {
                black_box(&glue(black_box(name)));
            }
        });
    });
    group.finish();
}

fn bench_check(c: &mut Criterion) {
    for &category in corpus::CATEGORIES {
        bench_group(c, &format!("check/{category}"), &corpus::names(category));
    }
    let all = corpus::names("all");
    bench_group(c, "check/all", &all);
    bench_pipeline(c, &all);
}

criterion_group!(benches, bench_check);
criterion_main!(benches);
