//! Repeats one function over a set of corpus names `REPS` times, for
//! counting instructions under callgrind: `scripts/measure.sh instructions`
//! (and `instructions-check`, `instructions-suffix`) runs it at two
//! repetition counts and divides the difference by the extra calls, so the
//! set-up (reading the corpus, building a list) cancels out. Instruction
//! counts do not depend on what else the machine is doing, unlike timings.
//!
//! ```text
//! instructions CATEGORY dncheck|normalize-hostname|check|check-words|check-no-words|glued|floor|idna [REPS]
//! instructions suffix dncheck|psl|publicsuffix [REPS]
//! ```
//!
//! * `CATEGORY` (a corpus category or `all`): `dncheck` is
//!   `Checker::normalize` (normalisation and the format rules, the work
//!   `Uts46::to_ascii` does), `check` the whole `Checker::check` in the
//!   hostname profile with the default words stage, `check-words` the same
//!   with the 2,000 words of `benches/data/words.txt`, `idna` is
//!   `Uts46::to_ascii` with the strict flags (root dot allowed);
//!   `normalize-hostname` is `Checker::normalize` in the hostname profile,
//!   the first stage of `check-no-words`.
//! * `suffix`: on the ASCII names of the corpus (the names of
//!   `benches/suffix.rs`), `SuffixList::lookup` + `registrable`,
//!   `psl::domain` or `publicsuffix`'s `List::domain`.
//!
//! By hand (`measure.sh` does this for every category):
//!
//! ```text
//! cargo bench --bench instructions -- chinese dncheck 10
//! valgrind --tool=callgrind target/release/deps/instructions-HASH chinese dncheck 10 --bench
//! ```
//!
//! Without `--bench` (under `cargo test --benches`) it makes one repetition,
//! of every function when no arguments are given.

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

const LIST: &str = include_str!("../data/public_suffix_list.dat");
const WORDS: &str = glue::WORDS;

const USAGE: &str =
    "usage: instructions CATEGORY dncheck|normalize-hostname|check|check-words|check-no-words|glued|floor|idna [REPS] | instructions suffix dncheck|psl|publicsuffix [REPS]";

fn main() {
    let args = args::Args::get();
    if !args.measure && args.rest.is_empty() {
        // A smoke test: every function once.
        for which in [
            "dncheck",
            "normalize-hostname",
            "check",
            "check-words",
            "check-no-words",
            "glued",
            "floor",
            "idna",
        ] {
            names("all", which, 1);
        }
        for which in ["dncheck", "psl", "publicsuffix"] {
            suffix(which, 1);
        }
        return;
    }
    let (Some(what), Some(which)) = (args.rest.first(), args.rest.get(1)) else {
        args::usage(USAGE);
    };
    let reps = args.count(2, 10);
    if what == "suffix" {
        suffix(which, reps);
    } else {
        names(what, which, reps);
    }
}

/// Normalisation or the whole check on the names of one category.
fn names(category: &str, which: &str, reps: usize) {
    let names = corpus::names(category);
    if names.is_empty() {
        args::usage(&format!("no names in category {category:?}; {USAGE}"));
    }
    let checker = Checker::default();
    let hosts = Checker::builder().profile(Profile::Hostname).build();
    let hosts_no_words = Checker::builder()
        .profile(Profile::Hostname)
        .no_words()
        .build();
    let hosts_words = Checker::builder()
        .profile(Profile::Hostname)
        .words(WordList::parse(WORDS).expect("benches/data/words.txt parses"))
        .build();
    let uts46 = Uts46::new();
    let glued = (which == "glued").then(glue::Glue::new);
    let mut accepted = 0usize;
    for _ in 0..reps {
        for &name in &names {
            let ok = match which {
                "dncheck" => {
                    // Normalisation and the format rules: the work that
                    // `Uts46::to_ascii` does.
                    let r = checker.normalize(black_box(name));
                    black_box(&r);
                    r.is_ok()
                }
                "check" => {
                    // The whole pipeline, hostname profile.
                    let r = hosts.check(black_box(name));
                    black_box(&r);
                    r.is_ok()
                }
                "check-words" => {
                    // The same with the 2,000-word list.
                    let r = hosts_words.check(black_box(name));
                    black_box(&r);
                    r.is_ok()
                }
                "normalize-hostname" => {
                    // Normalisation and the format rules in the hostname
                    // profile: the first stage of `check-no-words`.
                    let r = hosts_no_words.normalize(black_box(name));
                    black_box(&r);
                    r.is_ok()
                }
                "check-no-words" => {
                    // Without the words stage: the difference to
                    // `check-words` is that stage's cost.
                    let r = hosts_no_words.check(black_box(name));
                    black_box(&r);
                    r.is_ok()
                }
                "glued" => {
                    let glued = glued.as_ref().expect("built for glued");
                    let r = glued.check(black_box(name));
                    black_box(&r);
                    r.is_some()
                }
                "floor" => black_box(glue::floor(black_box(name))).0 > 1,
                "idna" => {
                    let r = uts46.to_ascii(
                        black_box(name).as_bytes(),
                        AsciiDenyList::STD3,
                        Hyphens::Check,
                        DnsLength::VerifyAllowRootDot,
                    );
                    black_box(&r);
                    r.is_ok()
                }
                _ => args::usage(&format!(
                    "unknown function {which:?}: dncheck, check, check-words, check-no-words, glued, floor or idna"
                )),
            };
            accepted += usize::from(ok);
        }
    }
    println!(
        "{category} {which}: {} names x {reps}, {accepted} accepted",
        names.len()
    );
}

/// The suffix lookup on the ASCII names of the corpus.
fn suffix(which: &str, reps: usize) {
    let names = corpus::names_where(|c| matches!(c, "ascii" | "subdomain"));
    let list = SuffixList::embedded();
    let oracle: Option<publicsuffix::List> =
        (which == "publicsuffix").then(|| LIST.parse().unwrap());
    let ours = |name: &str| {
        list.lookup(name, true)
            .registrable(name)
            .map_or(0, str::len)
    };
    let psl = |name: &str| psl::domain(name.as_bytes()).map_or(0, |d| d.as_bytes().len());
    let publicsuffix = |name: &str| {
        oracle
            .as_ref()
            .unwrap()
            .domain(name.as_bytes())
            .map_or(0, |d| d.as_bytes().len())
    };
    let run = |f: &dyn Fn(&str) -> usize| {
        let mut total = 0usize;
        for _ in 0..reps {
            for &name in &names {
                total += f(black_box(name));
            }
        }
        total
    };
    let total = match which {
        "dncheck" => run(&ours),
        "psl" => run(&psl),
        "publicsuffix" => run(&publicsuffix),
        _ => args::usage(&format!(
            "unknown function {which:?}: dncheck, psl or publicsuffix"
        )),
    };
    println!(
        "suffix {which}: {} names x {reps}, {total} bytes",
        names.len()
    );
}
