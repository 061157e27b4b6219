//! Interleaved timing of dncheck against `idna`, per corpus category: the
//! three functions take turns in short bursts (a few milliseconds each) over
//! many rounds, and the table reports the median of each round's ratio. On a
//! machine whose speed drifts (shared cores, frequency changes), a ratio from
//! adjacent bursts holds up where separate long measurements do not.
//!
//! ```text
//! cargo run --release --example interleaved [ROUNDS]
//! ```
//!
//! Two comparisons per category. Normalisation: `Checker::normalize`
//! (normalisation and format rules) against `Uts46::to_ascii` and
//! `domain_to_ascii_strict`, which do that work. The whole pipeline:
//! `Checker::check` in the hostname profile without the words stage (plus
//! the suffix lookup and the policy) against the glue it replaces,
//! `Uts46::to_ascii` then `psl::domain`; and the same `check` with the
//! embedded restricted-word list (the default), which the glue has no
//! counterpart for.

use std::hint::black_box;
use std::time::Instant;

use dncheck::{Checker, Profile};
use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};

#[path = "../benches/common/corpus.rs"]
mod corpus;

/// ns per name for one burst of `reps` passes over `names`.
fn burst(names: &[&str], reps: usize, f: &mut dyn FnMut(&str) -> bool) -> f64 {
    let start = Instant::now();
    let mut accepted = 0usize;
    for _ in 0..reps {
        for &name in names {
            accepted += usize::from(f(black_box(name)));
        }
    }
    black_box(accepted);
    start.elapsed().as_nanos() as f64 / (reps * names.len()) as f64
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(41);
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
        // About 2 ms of dncheck per burst.
        let reps = (2_000_000 / (names.len() * 200)).max(1);
        let mut ours = |n: &str| {
            let r = checker.normalize(n);
            black_box(&r);
            r.is_ok()
        };
        let mut whole = |n: &str| {
            let r = hosts.check(n);
            black_box(&r);
            r.is_ok()
        };
        let mut with_words = |n: &str| {
            let r = hosts_words.check(n);
            black_box(&r);
            r.is_ok()
        };
        let mut glue = |n: &str| {
            let r = uts46
                .to_ascii(
                    n.as_bytes(),
                    AsciiDenyList::STD3,
                    Hyphens::Check,
                    DnsLength::VerifyAllowRootDot,
                )
                .ok()
                .and_then(|a| {
                    psl::domain(a.trim_end_matches('.').as_bytes()).map(|d| d.as_bytes().len())
                });
            black_box(&r);
            r.is_some()
        };
        let mut theirs = |n: &str| {
            let r = uts46.to_ascii(
                n.as_bytes(),
                AsciiDenyList::STD3,
                Hyphens::Check,
                DnsLength::VerifyAllowRootDot,
            );
            black_box(&r);
            r.is_ok()
        };
        let mut strict = |n: &str| {
            let r = idna::domain_to_ascii_strict(n);
            black_box(&r);
            r.is_ok()
        };
        // Warm up.
        burst(&names, reps, &mut ours);
        burst(&names, reps, &mut theirs);
        burst(&names, reps, &mut strict);
        burst(&names, reps, &mut whole);
        burst(&names, reps, &mut glue);
        burst(&names, reps, &mut with_words);
        let mut ww = vec![];
        let (mut d, mut u, mut s, mut ru, mut rs) = (vec![], vec![], vec![], vec![], vec![]);
        let (mut w, mut g, mut rg) = (vec![], vec![], vec![]);
        for _ in 0..rounds {
            let a = burst(&names, reps, &mut ours);
            let b = burst(&names, reps, &mut theirs);
            let c = burst(&names, reps, &mut strict);
            let e = burst(&names, reps, &mut whole);
            let f = burst(&names, reps, &mut glue);
            ww.push(burst(&names, reps, &mut with_words));
            d.push(a);
            u.push(b);
            s.push(c);
            ru.push(b / a);
            rs.push(c / a);
            w.push(e);
            g.push(f);
            rg.push(f / e);
        }
        println!(
            "| `{category}` | {} | {:.1} | {:.1} | {:.1} | {:.1}x | {:.1}x | {:.1} | {:.1} | {:.1}x | {:.1} |",
            names.len(),
            median(&mut d),
            median(&mut u),
            median(&mut s),
            median(&mut ru),
            median(&mut rs),
            median(&mut w),
            median(&mut g),
            median(&mut rg),
            median(&mut ww)
        );
    }
}
