//! The bench corpus (`benches/data/corpus.tsv`, made by
//! `scripts/gen_corpus.py`), shared by every target in `benches/` and the
//! harness of `scripts/measure.sh ab-suffix`, which include this file with
//! `#[path]`.
#![allow(dead_code)]

/// `CATEGORY<TAB>NAME` per line; embedded, so nothing depends on the working
/// directory.
pub const CORPUS: &str = include_str!("../data/corpus.tsv");

/// The categories, in the order of `benches/data/README.md`.
pub const CATEGORIES: &[&str] = &[
    "ascii",
    "subdomain",
    "chinese",
    "other_idn",
    "punycode",
    "variant",
    "invalid",
];

/// The names of the categories `wanted` accepts, in corpus order.
pub fn names_where(wanted: impl Fn(&str) -> bool) -> Vec<&'static str> {
    CORPUS
        .lines()
        .filter(|line| !line.is_empty())
        .map(|line| {
            line.split_once('\t')
                .unwrap_or_else(|| panic!("corpus line without a tab: {line:?}"))
        })
        .filter(|(category, _)| wanted(category))
        .map(|(_, name)| name)
        .collect()
}

/// The names of one category, or of the whole corpus for `"all"`.
pub fn names(category: &str) -> Vec<&'static str> {
    names_where(|c| category == "all" || c == category)
}
