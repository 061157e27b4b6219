//! Interleaved timing of dncheck against `idna`, per corpus category: the
//! functions take turns in short bursts over many rounds
//! (`benches/common/interleave.rs`), and the table reports each one's median
//! ns/name and the median of each round's ratio.
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

use std::borrow::Cow;
use std::hint::black_box;

use dncheck::{Checker, Profile};
use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};

#[path = "../benches/common/corpus.rs"]
mod corpus;
#[path = "../benches/common/interleave.rs"]
mod interleave;

/// `Uts46::to_ascii` with the strict flags of DESIGN.md.
fn strict_to_ascii<'a>(uts46: &Uts46, name: &'a str) -> Result<Cow<'a, str>, idna::Errors> {
    uts46.to_ascii(
        name.as_bytes(),
        AsciiDenyList::STD3,
        Hyphens::Check,
        DnsLength::VerifyAllowRootDot,
    )
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
