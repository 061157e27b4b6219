//! The repository's data files as the tests read them, embedded so that no
//! test depends on the working directory.

/// The Public Suffix List the embedded table is built from.
pub const PSL: &str = include_str!("../../data/public_suffix_list.dat");

/// The bench corpus, `CATEGORY<TAB>NAME` per line (`benches/data/README.md`).
pub const CORPUS: &str = include_str!("../../benches/data/corpus.tsv");

/// The bench's 2,000 restricted words (`scripts/gen_words.py`).
pub const BENCH_WORDS: &str = include_str!("../../benches/data/words.txt");

/// The rules of the list as written, with their line numbers (from 1);
/// comments and blank lines dropped.
pub fn psl_rules() -> impl Iterator<Item = (usize, &'static str)> {
    PSL.lines().enumerate().filter_map(|(i, line)| {
        let rule = line.split_whitespace().next()?;
        (!rule.starts_with("//")).then_some((i + 1, rule))
    })
}

/// The names of the bench corpus, raw as it spells them, with their line
/// numbers (from 1).
pub fn corpus_names() -> impl Iterator<Item = (usize, &'static str)> {
    CORPUS.lines().enumerate().map(|(i, line)| {
        let (_category, name) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("corpus line {} without a tab: {line:?}", i + 1));
        (i + 1, name)
    })
}
