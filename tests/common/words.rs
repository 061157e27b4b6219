//! The restricted-word matcher's oracle: fold the words and the text
//! explicitly (`dncheck::__private::fold_word`, `fold_text`), search the
//! folded text with `aho-corasick`, and map the matches back to the bytes
//! of the original text. Built once per list, for tests that search many
//! texts with one big list.

use dncheck::WordList;

/// One hit as compared: word index, start and end byte in the text.
pub type HitKey = (usize, usize, usize);

/// The list's words, folded as the builder folds them (no digit
/// substitution).
pub fn folded_patterns(list: &WordList) -> Vec<String> {
    (0..list.len())
        .map(|i| dncheck::__private::fold_word(list.get(i).unwrap().0, false).unwrap())
        .collect()
}

/// `aho-corasick` over the explicitly folded text, for a list without
/// digit substitution.
pub struct FoldedOracle {
    automaton: aho_corasick::AhoCorasick,
}

impl FoldedOracle {
    /// The oracle for `list`'s words.
    pub fn new(list: &WordList) -> Self {
        let automaton = aho_corasick::AhoCorasick::new(folded_patterns(list)).unwrap();
        FoldedOracle { automaton }
    }

    /// Every overlapping hit in `text`, spans in bytes of `text`, sorted.
    pub fn hits(&self, text: &str) -> Vec<HitKey> {
        let folded = dncheck::__private::fold_text(text, false);
        let mut haystack = String::new();
        // The index of the folded character that starts at each byte.
        let mut char_at = Vec::new();
        for (i, (c, _)) in folded.iter().enumerate() {
            char_at.extend(std::iter::repeat_n(i, c.len_utf8()));
            haystack.push(*c);
        }
        char_at.push(folded.len());
        let mut expected: Vec<HitKey> = self
            .automaton
            .find_overlapping_iter(&haystack)
            .map(|m| {
                let (first, last) = (char_at[m.start()], char_at[m.end()] - 1);
                (
                    m.pattern().as_usize(),
                    folded[first].1.start,
                    folded[last].1.end,
                )
            })
            .collect();
        expected.sort_unstable();
        expected
    }
}
