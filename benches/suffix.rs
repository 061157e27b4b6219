//! Suffix lookup speed: dncheck's table against the `psl` crate (a generated
//! matcher) and the `publicsuffix` crate (a hash-map trie built at run time),
//! on the ASCII names of the bench corpus (`ascii` and `subdomain`
//! categories: already canonical lowercase A-labels).
//!
//! Run with `cargo bench --bench suffix`. One criterion group, `suffix`, so
//! the three are measured back to back over the same window of machine load.
//! Each iteration looks up every name; throughput is in names. Benchmark IDs:
//!
//! * `dncheck` — `SuffixList::lookup(name, true)` on the embedded table, then
//!   `SuffixMatch::registrable` (the registrable domain, as the others
//!   return it), whole list (ICANN and PRIVATE);
//! * `psl_domain` — `psl::domain(name.as_bytes())` (its own copy of the list);
//! * `publicsuffix_domain` — `publicsuffix::List::domain`, the list parsed
//!   from `data/public_suffix_list.dat` once, outside the measurement.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use dncheck::SuffixList;
use publicsuffix::Psl as _;

#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/group.rs"]
mod group;

const LIST: &str = include_str!("../data/public_suffix_list.dat");

fn names() -> Vec<&'static str> {
    corpus::names_where(|c| matches!(c, "ascii" | "subdomain"))
}

fn bench_suffix(c: &mut Criterion) {
    let names = names();
    let list = SuffixList::embedded();
    let oracle: publicsuffix::List = LIST.parse().unwrap();

    // Once, outside the measurement: the three find a registrable domain for
    // (nearly) the same names, so none is faster by doing less.
    let count = |f: &dyn Fn(&str) -> bool| names.iter().filter(|&&n| f(n)).count();
    eprintln!(
        "suffix: {} names; with a registrable domain: dncheck {}, psl {}, publicsuffix {}; table {} bytes",
        names.len(),
        count(&|n| list.lookup(n, true).registrable(n).is_some()),
        count(&|n| psl::domain(n.as_bytes()).is_some()),
        count(&|n| oracle.domain(n.as_bytes()).is_some()),
        list.memory_usage(),
    );

    let mut group = group::group(c, "suffix", names.len());
    group.bench_function("dncheck", |b| {
        b.iter(|| {
            for &name in &names {
                let name = black_box(name);
                let r = list.lookup(name, true).registrable(name);
                black_box(&r);
            }
        });
    });
    group.bench_function("psl_domain", |b| {
        b.iter(|| {
            for &name in &names {
                let r = psl::domain(black_box(name).as_bytes());
                black_box(&r);
            }
        });
    });
    group.bench_function("publicsuffix_domain", |b| {
        b.iter(|| {
            for &name in &names {
                let r = oracle.domain(black_box(name).as_bytes());
                black_box(&r);
            }
        });
    });
    group.finish();
}

criterion_group!(benches, bench_suffix);
criterion_main!(benches);
