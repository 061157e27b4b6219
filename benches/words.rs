//! Restricted-word matching: dncheck's folding automaton against the
//! `aho-corasick` crate with a forced DFA and `daachorse`'s character-wise
//! double array, with the 2,000 words of `benches/data/words.txt` (300 of
//! them Chinese; `scripts/gen_words.py`) on the names of the bench corpus.
//!
//! Run with `cargo bench --bench words`. Two criterion groups, each with the
//! three back to back over the same window of machine load:
//!
//! * `words_search` — per name, every hit (all overlapping matches) in the
//!   part of its Unicode form left of the public suffix. Throughput is in
//!   names. The names are the corpus names that `Checker` accepts with the
//!   `hostname` profile (subdomains searched too), in their `unicode()`
//!   form, searched left of `Verdict::suffix()`. IDs:
//!   * `dncheck` — `WordList::find_in(unicode, range)` on the raw Unicode
//!     form: folding happens during the walk;
//!   * `aho_corasick_dfa` — `AhoCorasick` (`AhoCorasickKind::DFA`,
//!     `MatchKind::Standard`) `find_overlapping_iter` over text folded
//!     beforehand, outside the measurement, with the words folded alike;
//!   * `daachorse` — `CharwiseDoubleArrayAhoCorasick::find_overlapping_iter`
//!     over the same folded text.
//! * `words_build` — building each automaton from the 2,000 words (dncheck:
//!   `WordList::parse` of the list text, folding included; the others: from
//!   the already-folded words).
//!
//! Before measuring, it prints the automata's sizes, checks that the three
//! find the same number of hits, and times the three interleaved: they take
//! turns in bursts of about 2 ms over `WORDS_ROUNDS` rounds (default 31), and
//! the median of each round's ratio is printed. On a machine whose speed
//! drifts (2 shared cores), those ratios hold up where separate criterion
//! runs do not.

use std::hint::black_box;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use criterion::{criterion_group, criterion_main, Criterion};
use daachorse::CharwiseDoubleArrayAhoCorasick;
use dncheck::{Checker, Profile, WordList};

#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/group.rs"]
mod group;
#[path = "common/interleave.rs"]
mod interleave;

const WORDS: &str = include_str!("data/words.txt");

/// A corpus name as the word stage sees it.
struct Name {
    /// The Unicode form.
    unicode: String,
    /// The part left of the public suffix (and of its dot).
    range: Range<usize>,
    /// That part, folded, for the other two.
    folded: String,
}

fn names() -> Vec<Name> {
    // The hostname profile: subdomain labels are searched too.
    let checker = Checker::builder().profile(Profile::Hostname).build();
    corpus::names("all")
        .into_iter()
        .filter_map(|input| {
            let v = checker.check(input).ok()?;
            let suffix_labels = v.suffix()?.split('.').count();
            let unicode = v.unicode().to_owned();
            let labels = unicode.split('.').count();
            // The byte offset where the suffix's labels start, less the dot.
            let end = unicode
                .split('.')
                .take(labels.saturating_sub(suffix_labels))
                .map(|l| l.len() + 1)
                .sum::<usize>()
                .saturating_sub(1);
            let folded = fold(&unicode[..end]);
            Some(Name {
                unicode,
                range: 0..end,
                folded,
            })
        })
        .collect()
}

/// The fold dncheck applies, made explicit.
fn fold(text: &str) -> String {
    dncheck::__private::fold_text(text, false)
        .into_iter()
        .map(|(c, _)| c)
        .collect()
}

fn folded_words(list: &WordList) -> Vec<String> {
    (0..list.len())
        .map(|i| dncheck::__private::fold_word(list.get(i).unwrap().0, false).unwrap())
        .collect()
}

fn aho_dfa(words: &[String]) -> AhoCorasick {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .match_kind(MatchKind::Standard)
        .build(words)
        .unwrap()
}

fn daac(words: &[String]) -> CharwiseDoubleArrayAhoCorasick<u32> {
    CharwiseDoubleArrayAhoCorasick::new(words).unwrap()
}

fn bench_words(c: &mut Criterion) {
    let names = names();
    let list = WordList::parse(WORDS).unwrap();
    let words = folded_words(&list);
    let mut distinct = words.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(
        distinct.len(),
        words.len(),
        "daachorse needs distinct words"
    );
    let dfa = aho_dfa(&words);
    let da = daac(&words);

    // Once, outside the measurement: the same hits, and the sizes.
    let ours: usize = names
        .iter()
        .map(|n| list.find_in(&n.unicode, n.range.clone()).count())
        .sum();
    let theirs: usize = names
        .iter()
        .map(|n| dfa.find_overlapping_iter(&n.folded).count())
        .sum();
    let daachorse: usize = names
        .iter()
        .map(|n| da.find_overlapping_iter(&n.folded).count())
        .sum();
    assert_eq!((ours, ours), (theirs, daachorse), "hit counts differ");
    let with_hits = names
        .iter()
        .filter(|n| list.find_in(&n.unicode, n.range.clone()).next().is_some())
        .count();
    eprintln!(
        "words: {} words, {} names ({} with a hit, {} hits); memory: dncheck {} bytes \
         ({} slots), aho-corasick DFA {} bytes ({:.1}x), daachorse {} bytes ({:.2}x)",
        list.len(),
        names.len(),
        with_hits,
        ours,
        list.memory_usage(),
        list.__raw_parts().slots.len(),
        dfa.memory_usage(),
        dfa.memory_usage() as f64 / list.memory_usage() as f64,
        da.heap_bytes(),
        da.heap_bytes() as f64 / list.memory_usage() as f64,
    );

    interleaved(
        &[
            ("dncheck", &|| {
                names
                    .iter()
                    .flat_map(|n| list.find_in(black_box(&n.unicode), n.range.clone()))
                    .map(|h| h.end())
                    .sum()
            }),
            ("aho_corasick_dfa", &|| {
                names
                    .iter()
                    .flat_map(|n| dfa.find_overlapping_iter(black_box(&n.folded)))
                    .map(|m| m.end())
                    .sum()
            }),
            ("daachorse", &|| {
                names
                    .iter()
                    .flat_map(|n| da.find_overlapping_iter(black_box(&n.folded)))
                    .map(|m| m.end())
                    .sum()
            }),
        ],
        names.len(),
    );

    let mut group = group::group(c, "words_search", names.len());
    group.bench_function("dncheck", |b| {
        b.iter(|| {
            let mut n = 0;
            for name in &names {
                for hit in list.find_in(black_box(&name.unicode), name.range.clone()) {
                    n += hit.end();
                }
            }
            black_box(n)
        });
    });
    group.bench_function("aho_corasick_dfa", |b| {
        b.iter(|| {
            let mut n = 0;
            for name in &names {
                for m in dfa.find_overlapping_iter(black_box(&name.folded)) {
                    n += m.end();
                }
            }
            black_box(n)
        });
    });
    group.bench_function("daachorse", |b| {
        b.iter(|| {
            let mut n = 0;
            for name in &names {
                for m in da.find_overlapping_iter(black_box(&name.folded)) {
                    n += m.end();
                }
            }
            black_box(n)
        });
    });
    group.finish();

    let mut group = group::group(c, "words_build", 1);
    group.bench_function("dncheck", |b| {
        b.iter(|| WordList::parse(black_box(WORDS)).unwrap())
    });
    group.bench_function("aho_corasick_dfa", |b| {
        b.iter(|| aho_dfa(black_box(&words)))
    });
    group.bench_function("daachorse", |b| b.iter(|| daac(black_box(&words))));
    group.finish();
}

/// Times the passes in turns (`benches/common/interleave.rs`,
/// `WORDS_ROUNDS` rounds) and prints each one's median ns per name and the
/// median of its per-round ratio to the first.
fn interleaved(passes: &[(&str, interleave::Pass<'_>)], names: usize) {
    let rounds: usize = std::env::var("WORDS_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(31);
    let fs: Vec<interleave::Pass<'_>> = passes.iter().map(|&(_, f)| f).collect();
    let times = interleave::rounds(&fs, names, rounds);
    for (i, (name, _)) in passes.iter().enumerate() {
        eprintln!(
            "words interleaved ({rounds} rounds): {name}: {:.1} ns/name, {:.2}x dncheck's time",
            interleave::median(&times[i]),
            interleave::median_ratio(&times[i], &times[0])
        );
    }
}

criterion_group!(benches, bench_words);
criterion_main!(benches);
