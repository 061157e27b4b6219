//! The fold of the words stage: words and text are compared after one fold,
//! [`fold_char`], applied per code point (a word is first UTS #46-mapped, as
//! a name is, since words are raw user data):
//!
//! 1. case and width: ASCII upper case, fullwidth ASCII (`ｌｏｇｉｎ`), and
//!    the two deviations UTS #46 leaves in place but NFKC_Casefold folds:
//!    `ß` -> `ss`, `ς` -> `σ`;
//! 2. ignored: `-`, U+2010 HYPHEN, ZWNJ, ZWJ (`log-in` is `login`);
//! 3. separators: `.` and the three dots UTS #46 maps to it end a label;
//! 4. traditional Han to simplified (`src/generated/fold.rs`, `HAN_*`, from
//!    Unihan's kSimplifiedVariant: `國` -> `国`);
//! 5. look-alikes: a Latin, Cyrillic or Greek letter to its UTS #39 skeleton
//!    where that is one Latin, Cyrillic or Greek letter or a digit (`LOOKALIKE`:
//!    Cyrillic `а` -> `a`, Greek `ο` -> `o`);
//! 6. optionally ([`WordListBuilder::digits`](super::WordListBuilder::digits)) `0 1 3 4 5` -> `o l e a s`.
//!
//! The search never calls this: the builder (`builder.rs`) compiles the fold
//! into the code map (see the layout in `mod.rs`), from [`fold_char`] of the
//! words' characters and of `fold_sources`. [`fold_word`] is the words' side;
//! [`fold_text`] the text's, made explicit for tests and fuzzing.

use alloc::string::String;
use alloc::vec::Vec;
use core::ops::Range;

use idna_adapter::Adapter;

use crate::generated::fold as tables;

/// What one code point folds to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Folded {
    /// Nothing: the code point is ignored (hyphens, joiners).
    Skip,
    /// A label separator: no word matches across it.
    Sep,
    /// One character.
    One(char),
    /// Two characters (`ß` -> `ss`).
    Two(char, char),
}

/// Code points that fold to nothing.
const SKIP_CHARS: [char; 4] = ['-', '\u{2010}', '\u{200C}', '\u{200D}'];
/// Code points that separate labels (UTS #46 maps the last three to `.`).
const SEP_CHARS: [char; 4] = ['.', '\u{3002}', '\u{FF0E}', '\u{FF61}'];
/// The digit substitutions of [`WordListBuilder::digits`](super::WordListBuilder::digits).
const DIGITS: [(char, char); 5] = [('0', 'o'), ('1', 'l'), ('3', 'e'), ('4', 'a'), ('5', 's')];

/// The fold of one code point: see the module docs for the steps. Total
/// and idempotent (`fold_char` of any character it returns is that
/// character), which the tests check for every code point.
pub(crate) fn fold_char(c: char, digits: bool) -> Folded {
    let c = match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        // Fullwidth ASCII: `！` .. `～`.
        '\u{FF01}'..='\u{FF5E}' => {
            char::from((c as u32 - 0xFF01 + 0x21) as u8).to_ascii_lowercase()
        }
        'ß' => return Folded::Two('s', 's'),
        'ς' => 'σ',
        _ => c,
    };
    if SKIP_CHARS.contains(&c) {
        return Folded::Skip;
    }
    if SEP_CHARS.contains(&c) {
        return Folded::Sep;
    }
    let c = lookalike(simplify_han(c));
    if digits {
        if let Some(&(_, to)) = DIGITS.iter().find(|&&(from, _)| from == c) {
            return Folded::One(to);
        }
    }
    Folded::One(c)
}

/// Every code point that [`fold_char`] does not map to itself, for the
/// builder: the folds of these and the characters of the words are all the
/// code map needs.
pub(super) fn fold_sources(digits: bool) -> impl Iterator<Item = char> {
    let fullwidth = ('\u{FF01}'..='\u{FF5E}').chain('A'..='Z');
    let specials = ['ß', 'ς'].into_iter().chain(SKIP_CHARS).chain(SEP_CHARS);
    let han = tables::HAN_BMP
        .iter()
        .map(|&[from, _]| u32::from(from))
        .chain(tables::HAN_WIDE.iter().map(|&[from, _]| from));
    let lookalike = tables::LOOKALIKE.iter().map(|&[from, _]| from);
    let digits = DIGITS.iter().map(|&(from, _)| from).filter(move |_| digits);
    fullwidth
        .chain(specials)
        .chain(han.chain(lookalike).filter_map(char::from_u32))
        .chain(digits)
}

/// The simplified form of a traditional Han character, from Unihan's
/// kSimplifiedVariant (`data/han_variants.txt`); any other character is
/// returned as it is.
///
/// This is the Han step of the restricted-word folding. A character that is
/// itself one of its simplified variants (`乾`) is kept; of several
/// variants the first in Unihan's order is taken.
///
/// # Example
///
/// ```
/// use dncheck::simplify_han;
///
/// assert_eq!(simplify_han('國'), '国');
/// assert_eq!(simplify_han('国'), '国');
/// assert_eq!(simplify_han('乾'), '乾');
/// assert_eq!(simplify_han('a'), 'a');
/// ```
#[must_use]
pub fn simplify_han(c: char) -> char {
    let cp = c as u32;
    if cp < 0x3400 {
        return c; // below CJK Extension A: no Han variants there
    }
    if let Ok(from) = u16::try_from(cp) {
        if let Ok(i) = tables::HAN_BMP.binary_search_by_key(&from, |&[f, _]| f) {
            return char::from_u32(u32::from(tables::HAN_BMP[i][1])).unwrap_or(c);
        }
    }
    match tables::HAN_WIDE.binary_search_by_key(&cp, |&[f, _]| f) {
        Ok(i) => char::from_u32(tables::HAN_WIDE[i][1]).unwrap_or(c),
        Err(_) => c,
    }
}

/// The look-alike step: a Latin, Cyrillic or Greek letter to its UTS #39
/// prototype, where that is a single letter or digit.
fn lookalike(c: char) -> char {
    let cp = c as u32;
    if cp < 0x80 {
        return c;
    }
    match tables::LOOKALIKE.binary_search_by_key(&cp, |&[f, _]| f) {
        Ok(i) => char::from_u32(tables::LOOKALIKE[i][1]).unwrap_or(c),
        Err(_) => c,
    }
}

/// Calls `f` with the fold of every code point of `text` and that code
/// point's byte range, in order.
pub(crate) fn fold_text(text: &str, digits: bool, mut f: impl FnMut(Folded, Range<usize>)) {
    for (i, c) in text.char_indices() {
        f(fold_char(c, digits), i..i + c.len_utf8());
    }
}

/// [`fold_text`] collected, for `__private` (tests and fuzzing).
pub(crate) fn fold_text_vec(text: &str, digits: bool) -> Vec<(char, Range<usize>)> {
    let mut out = Vec::with_capacity(text.len());
    fold_text(text, digits, |f, span| match f {
        Folded::Skip => {}
        Folded::Sep => out.push(('.', span)),
        Folded::One(a) => out.push((a, span)),
        Folded::Two(a, b) => out.extend([(a, span.clone()), (b, span)]),
    });
    out
}

/// [`fold_word`] as a string, for `__private` (tests and fuzzing).
pub(crate) fn fold_word_string(word: &str, digits: bool) -> Option<String> {
    let mut out = Vec::new();
    fold_word(word, digits, &mut out).ok()?;
    Some(out.into_iter().collect())
}

/// Why a word of a list is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Invalid {
    /// Whitespace or a control character inside the word.
    Space,
    /// A label separator: a word never matches across labels.
    Separator,
    /// A code point that UTS #46 disallows in names.
    Disallowed,
    /// Nothing left after folding (`-`).
    Empty,
    /// Longer than `MAX_WORD_SYMBOLS` characters folded, or
    /// `MAX_WORD_BYTES` bytes as written.
    TooLong,
}

impl Invalid {
    pub(super) const fn as_str(self) -> &'static str {
        match self {
            Invalid::Space => "holds whitespace or a control character",
            Invalid::Separator => "holds a label separator (`.`)",
            Invalid::Disallowed => "holds a character that UTS #46 disallows in names",
            Invalid::Empty => "is empty once folded (hyphens and joiners are ignored)",
            Invalid::TooLong => "is too long (over 63 characters folded, or 1,024 bytes)",
        }
    }
}

/// The longest word, in folded characters: a DNS label has at most 63
/// octets, so no longer word could match a name.
const MAX_WORD_SYMBOLS: usize = 63;
/// The longest word as written, in bytes.
const MAX_WORD_BYTES: usize = 1024;

/// The UTS #46 data of the `idna` crate (the normaliser uses the same).
static UTS46: Adapter = Adapter::new();

/// A word's folded characters: UTS #46 mapping (as for a name), then
/// [`fold_char`].
pub(super) fn fold_word(word: &str, digits: bool, out: &mut Vec<char>) -> Result<(), Invalid> {
    out.clear();
    if word.len() > MAX_WORD_BYTES {
        return Err(Invalid::TooLong);
    }
    if word.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Invalid::Space);
    }
    for m in UTS46.map_normalize(word.chars()) {
        match fold_char(m, digits) {
            _ if m == '\u{FFFD}' => return Err(Invalid::Disallowed),
            Folded::Skip => {}
            Folded::Sep => return Err(Invalid::Separator),
            Folded::One(a) => out.push(a),
            Folded::Two(a, b) => out.extend([a, b]),
        }
    }
    if out.is_empty() {
        return Err(Invalid::Empty);
    }
    if out.len() > MAX_WORD_SYMBOLS {
        return Err(Invalid::TooLong);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code point: the fold is idempotent, and every code point it
    /// changes is among `fold_sources`, which the builder relies on.
    #[test]
    fn fold_is_idempotent_and_sources_are_complete() {
        for digits in [false, true] {
            let mut sources: Vec<char> = fold_sources(digits).collect();
            sources.sort_unstable();
            for c in (0..=0x10FFFF).filter_map(char::from_u32) {
                let f = fold_char(c, digits);
                if f != Folded::One(c) {
                    assert!(sources.binary_search(&c).is_ok(), "{c:?} missing");
                }
                let again = |a: char| {
                    assert_eq!(fold_char(a, digits), Folded::One(a), "{c:?} -> {a:?}");
                };
                match f {
                    Folded::One(a) => again(a),
                    Folded::Two(a, b) => {
                        again(a);
                        again(b);
                    }
                    Folded::Skip | Folded::Sep => {}
                }
            }
        }
    }
}
