//! The pipeline that dncheck replaces, glued from crates, and the floor
//! under any pipeline; shared by `benches/pipeline.rs` and
//! `benches/instructions.rs` (included with `#[path]`).
#![allow(dead_code)]

use aho_corasick::{AhoCorasick, AhoCorasickKind};

/// The 2,000 words of `benches/data/words.txt`.
pub const WORDS: &str = include_str!("../data/words.txt");

/// The words of [`WORDS`] (the text before a tab; `#` comments and blank
/// lines skipped), lowercased as the glue compares them.
pub fn words() -> Vec<String> {
    WORDS
        .lines()
        .map(|line| line.split('\t').next().unwrap_or_default().trim())
        .filter(|word| !word.is_empty() && !word.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
}

/// The glued pipeline: `idna::domain_to_ascii_strict` -> `psl::domain` ->
/// `idna::domain_to_unicode` -> an aho-corasick DFA search of the words in
/// the U-label form left of the suffix (the DFA forced: on its own, the
/// crate takes a slower NFA for 2,000 words). `None` if refused; else
/// whether a word was found.
pub struct Glue {
    words: AhoCorasick,
}

impl Glue {
    pub fn new() -> Glue {
        Glue {
            words: AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .build(words())
                .expect("the words build an automaton"),
        }
    }

    pub fn check(&self, name: &str) -> Option<bool> {
        let ascii = idna::domain_to_ascii_strict(name).ok()?;
        let ascii = ascii.strip_suffix('.').unwrap_or(&ascii);
        let domain = psl::domain(ascii.as_bytes())?;
        let suffix_len = domain.suffix().as_bytes().len();
        let (unicode, result) = idna::domain_to_unicode(ascii);
        result.ok()?;
        // The labels left of the suffix, in U-label form: as many labels
        // as the A-label form has left of its suffix.
        let left_labels = ascii[..ascii.len() - suffix_len].matches('.').count();
        let end = unicode
            .match_indices('.')
            .nth(left_labels.saturating_sub(1))
            .map_or(0, |(i, _)| i);
        Some(self.words.is_match(&unicode[..end]))
    }
}

/// The floor: lowercase each byte and split on dots (the number of labels
/// and a checksum of the lowercased bytes, so nothing is optimised away).
pub fn floor(name: &str) -> (usize, u32) {
    let mut labels = 1;
    let mut sum = 0u32;
    for b in name.bytes() {
        if b == b'.' {
            labels += 1;
        } else {
            sum = sum
                .wrapping_mul(31)
                .wrapping_add(u32::from(b.to_ascii_lowercase()));
        }
    }
    (labels, sum)
}
