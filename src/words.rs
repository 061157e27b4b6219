//! The words stage: restricted words found in a name's labels by one
//! Aho-Corasick automaton that folds the text as it walks. This is the only
//! code that knows the folding rules and the automaton's layout.
//!
//! # Folding
//!
//! Words and text are compared after one fold, [`fold_char`], applied per
//! code point (a word is first UTS #46-mapped, as a name is, since words are
//! raw user data):
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
//! 6. optionally ([`WordListBuilder::digits`]) `0 1 3 4 5` -> `o l e a s`.
//!
//! # Layout
//!
//! The automaton never sees a folded string. The folding is compiled into
//! the map from code points to the automaton's input codes: every code
//! point whose fold is a character of some word gets that character's code
//! (`ａ`, `A` and Cyrillic `а` all get the code of `a`), the ignored ones get
//! `SKIP`, the separators `SEP`, `ß` an `EXPAND` code for two codes, and
//! every other code point 0, which sends the automaton back to its root (no
//! word holds such a character). Codes are numbered by frequency in the
//! list, the most frequent first, so that the double array stays dense. A
//! code point whose UTF-8 form is not as long as its folded character's
//! (`а`, `ａ`) has its code flagged `RESIZE`: until the next such code
//! point, ignored or expanding one, text and folded text agree byte for
//! byte, so a hit's start is its end less the word's folded length, and
//! only after one of those is the start found by reading back.
//!
//! * `ascii: [u16; 128]`: the codes of ASCII bytes;
//! * `index: [u16]` and `pages: [u16]`: the codes of other code points, a
//!   two-level table of 128-code-point pages (`index[c >> 7]` is the page,
//!   page 0 is all zeros and shared);
//! * `expansions: [[u16; 2]]`: the two codes of each `EXPAND` code;
//! * `slots: [[u32; 4]]`: the trie as a double array of
//!   `[base, check, fail, out]`: the child of state `s` by code `c` is slot
//!   `t = base[s] + c` if `check[t] == s`; `fail` is the Aho-Corasick failure
//!   link; `out` indexes `outputs` (or is `NO_OUT`). Slot 0 is the root.
//! * `outputs: [u32]`: per state with output, the list indexes of every
//!   word that ends there (its own, then those of its failure chain: longest
//!   first); the last entry of a list has the top bit set.
//! * `words: [[u32; 3]]`: per word, its offset and length in `text`, its
//!   folded length in bytes and in codes (`len << 16 | bytes << 8 | codes`),
//!   its category (an index in
//!   `categories`, or `NO_CATEGORY`);
//! * `categories: [[u32; 2]]`: offset and length in `text`;
//! * `text`: the words and the distinct categories as written in the list.
//!
//! The embedded list is `static` data written by `codegen/` with this
//! module's builder, so it costs nothing at start-up; a list loaded at run
//! time goes through the same builder into owned vectors, behind the same
//! search.

use alloc::borrow::Cow;
use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::ops::Range;

use idna_adapter::Adapter;

use crate::generated::fold as tables;
use crate::generated::words as embedded;
use crate::verdict::Verdict;

// ---------------------------------------------------------------------------
// Folding
// ---------------------------------------------------------------------------

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
/// The digit substitutions of [`WordListBuilder::digits`].
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
fn fold_sources(digits: bool) -> impl Iterator<Item = char> {
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
enum Invalid {
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
    const fn as_str(self) -> &'static str {
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
fn fold_word(word: &str, digits: bool, out: &mut Vec<char>) -> Result<(), Invalid> {
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

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// Why a word list was refused by [`WordList::parse`],
/// [`WordList::from_file`] or [`WordList::from_words`].
///
/// # Example
///
/// ```
/// let err = dncheck::WordList::parse("login\nlog in\n").unwrap_err();
/// assert_eq!(err.line(), Some(2));
/// assert!(err.to_string().contains("whitespace"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordListError {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ErrorKind {
    /// A word that can never match a name.
    InvalidWord {
        line: usize,
        word: String,
        why: Invalid,
    },
    /// The list is larger than the table format (16,381 distinct folded
    /// characters, 2^31 words or slots, 4 GiB of text).
    TooLarge,
    /// The file could not be read.
    #[cfg(feature = "std")]
    Io(std::io::ErrorKind),
}

impl WordListError {
    const fn new(kind: ErrorKind) -> Self {
        WordListError { kind }
    }

    /// The 1-based line of the list at fault (for [`WordList::from_words`]:
    /// the 1-based position of the word), if the error is about a word.
    ///
    /// # Example
    ///
    /// ```
    /// let err = dncheck::WordList::from_words(["login", "a.b"]).unwrap_err();
    /// assert_eq!(err.line(), Some(2));
    /// ```
    #[must_use]
    pub fn line(&self) -> Option<usize> {
        match self.kind {
            ErrorKind::InvalidWord { line, .. } => Some(line),
            _ => None,
        }
    }
}

impl fmt::Display for WordListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::InvalidWord { line, word, why } => {
                write!(f, "line {line}: word `{word}` {}", why.as_str())
            }
            ErrorKind::TooLarge => f.write_str(
                "the word list is too large (over 16,381 distinct characters, 2^31 words or 4 GiB)",
            ),
            #[cfg(feature = "std")]
            ErrorKind::Io(kind) => write!(f, "cannot read the word list: {kind}"),
        }
    }
}

impl core::error::Error for WordListError {}

// ---------------------------------------------------------------------------
// The automaton
// ---------------------------------------------------------------------------

/// Code of a code point that no word holds: back to the root.
const NONE: u16 = 0;
/// Code of a label separator: back to the root.
const SEP: u16 = 1;
/// Code of an ignored code point: no step.
const SKIP: u16 = 2;
/// The first code of a word character.
const FIRST_CODE: u16 = 3;
/// Flag of a code whose code point's UTF-8 form is not as long as its
/// folded character's (Cyrillic `а` for `a`).
const RESIZE: u16 = 0x4000;
/// Flag of a code that stands for two codes (`expansions`).
const EXPAND: u16 = 0x8000;

const BASE: usize = 0;
const CHECK: usize = 1;
const FAIL: usize = 2;
const OUT: usize = 3;
/// `check` of a free slot (and of the root, which has no parent).
const NO_PARENT: u32 = u32::MAX;
/// `out` of a state without output.
const NO_OUT: u32 = u32::MAX;
/// Top bit of the last entry of an output list.
const LAST: u32 = 1 << 31;
/// `words[i][2]` of a word without category.
const NO_CATEGORY: u32 = u32::MAX;
/// Code points per page of the code map.
const PAGE_BITS: u32 = 7;
const PAGE: usize = 1 << PAGE_BITS;

/// A restricted-word list compiled into a folding Aho-Corasick automaton.
///
/// [`WordList::embedded`] is the example list compiled into the crate
/// (`data/restricted_words.txt`); [`WordList::parse`],
/// [`WordList::from_file`] and [`WordList::from_words`] build the same kind
/// of automaton at run time, and [`WordList::builder`] sets options.
/// Searching ([`find_in`](Self::find_in), [`find_iter`](Self::find_iter),
/// [`is_match`](Self::is_match)) makes no heap allocation and reads the text
/// once.
///
/// # Example
///
/// ```
/// use dncheck::WordList;
///
/// let list = WordList::parse("login\tphishing\n赌博\tgambling\n").unwrap();
/// let hits: Vec<_> = list
///     .find_iter("secure-log-in.賭博.com")
///     .map(|h| (h.word(), h.category(), h.span()))
///     .collect();
/// assert_eq!(
///     hits,
///     [
///         ("login", Some("phishing"), 7..13),
///         ("赌博", Some("gambling"), 14..20),
///     ]
/// );
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct WordList {
    ascii: [u16; 128],
    index: Cow<'static, [u16]>,
    pages: Cow<'static, [u16]>,
    expansions: Cow<'static, [[u16; 2]]>,
    slots: Cow<'static, [[u32; 4]]>,
    outputs: Cow<'static, [u32]>,
    words: Cow<'static, [[u32; 3]]>,
    categories: Cow<'static, [[u32; 2]]>,
    text: Cow<'static, str>,
    digits: bool,
}

static EMBEDDED: WordList = WordList {
    ascii: embedded::ASCII,
    index: Cow::Borrowed(&embedded::INDEX),
    pages: Cow::Borrowed(&embedded::PAGES),
    expansions: Cow::Borrowed(&embedded::EXPANSIONS),
    slots: Cow::Borrowed(&embedded::SLOTS),
    outputs: Cow::Borrowed(&embedded::OUTPUTS),
    words: Cow::Borrowed(&embedded::WORDS),
    categories: Cow::Borrowed(&embedded::CATEGORIES),
    text: Cow::Borrowed(embedded::TEXT),
    digits: embedded::DIGITS,
};

impl fmt::Debug for WordList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WordList")
            .field("words", &self.len())
            .field("states", &self.states())
            .field("digits", &self.digits)
            .field("memory_usage", &self.memory_usage())
            .finish()
    }
}

impl Default for WordList {
    /// The embedded list ([`WordList::embedded`]), without copying it.
    fn default() -> Self {
        EMBEDDED.clone()
    }
}

/// One restricted word found in a text: the word as written in the list, its
/// category, and where it is.
///
/// The span is a byte range of the text searched, from the first to the last
/// code point that the matched folded characters come from: folding may skip
/// hyphens inside a match (`log-in` for `login`), and those are inside the
/// span; hyphens just before or after the match are not.
///
/// # Example
///
/// ```
/// let list = dncheck::WordList::parse("bank\tbrand\n").unwrap();
/// let text = "my-b\u{430}nk.com"; // a Cyrillic `а`
/// let hit = list.find_iter(text).next().unwrap();
/// assert_eq!((hit.word(), hit.category(), hit.index()), ("bank", Some("brand"), 0));
/// assert_eq!(&text[hit.span()], "b\u{430}nk");
/// assert_eq!((hit.start(), hit.end()), (3, 8));
/// ```
#[derive(Clone, Copy)]
pub struct Hit<'w> {
    /// The list, for the word and its category, which are looked up only
    /// when asked for.
    list: &'w WordList,
    index: u32,
    start: usize,
    end: usize,
}

impl fmt::Debug for Hit<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Hit")
            .field("word", &self.word())
            .field("category", &self.category())
            .field("index", &self.index)
            .field("span", &self.span())
            .finish()
    }
}

/// Hits are equal when their words (as written, with their categories and
/// positions in the list) and spans are.
impl PartialEq for Hit<'_> {
    fn eq(&self, other: &Self) -> bool {
        (self.index, self.start, self.end) == (other.index, other.start, other.end)
            && self.list.get(self.index as usize) == other.list.get(other.index as usize)
    }
}

impl Eq for Hit<'_> {}

impl core::hash::Hash for Hit<'_> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        (self.index, self.start, self.end, self.word()).hash(state);
    }
}

impl<'w> Hit<'w> {
    /// The word as written in the list (trimmed, comments removed).
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::WordList::parse("Log-In\n").unwrap();
    /// assert_eq!(list.find_iter("login").next().unwrap().word(), "Log-In");
    /// ```
    #[must_use]
    pub fn word(&self) -> &'w str {
        self.list.get(self.index as usize).map_or("", |(w, _)| w)
    }

    /// The word's category: the text after a tab on its line, if any.
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::WordList::parse("casino\tgambling\nbet\n").unwrap();
    /// let cats: Vec<_> = list.find_iter("casinobet").map(|h| h.category()).collect();
    /// assert_eq!(cats, [Some("gambling"), None]);
    /// ```
    #[must_use]
    pub fn category(&self) -> Option<&'w str> {
        self.list.get(self.index as usize).and_then(|(_, c)| c)
    }

    /// The word's 0-based position in the list (for [`WordList::parse`]:
    /// among the lines that hold a word).
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::WordList::parse("# header\nfoo\n\nbar\n").unwrap();
    /// assert_eq!(list.find_iter("bar").next().unwrap().index(), 1);
    /// ```
    #[must_use]
    pub const fn index(&self) -> usize {
        self.index as usize
    }

    /// The byte offset in the text where the match starts.
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::WordList::parse("shop\n").unwrap();
    /// assert_eq!(list.find_iter("myshop").next().unwrap().start(), 2);
    /// ```
    #[must_use]
    pub const fn start(&self) -> usize {
        self.start
    }

    /// The byte offset in the text where the match ends (exclusive).
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::WordList::parse("shop\n").unwrap();
    /// assert_eq!(list.find_iter("shop24").next().unwrap().end(), 4);
    /// ```
    #[must_use]
    pub const fn end(&self) -> usize {
        self.end
    }

    /// `start()..end()`.
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::WordList::parse("彩票\n").unwrap();
    /// assert_eq!(list.find_iter("中國彩票").next().unwrap().span(), 6..12);
    /// ```
    #[must_use]
    pub const fn span(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Options for building a [`WordList`].
///
/// # Example
///
/// ```
/// let list = dncheck::WordList::builder().digits(true).parse("login\n").unwrap();
/// assert!(list.is_match("l0gin"));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordListBuilder {
    digits: bool,
}

impl WordListBuilder {
    /// The default options: no digit substitution.
    ///
    /// # Example
    ///
    /// ```
    /// let b = dncheck::WordListBuilder::new();
    /// assert!(!b.parse("login\n").unwrap().digits());
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        WordListBuilder { digits: false }
    }

    /// Whether `0 1 3 4 5` fold to `o l e a s`, in the words and in the
    /// text alike (default: no). With it, `l0gin` and `1ogin` match `login`,
    /// and a word `web3` matches `webe`.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::WordList;
    ///
    /// let plain = WordList::parse("secure\n").unwrap();
    /// let digits = WordList::builder().digits(true).parse("secure\n").unwrap();
    /// assert!(!plain.is_match("s3cur3"));
    /// assert!(digits.is_match("s3cur3"));
    /// ```
    #[must_use]
    pub const fn digits(mut self, yes: bool) -> Self {
        self.digits = yes;
        self
    }

    /// Builds a list from text in the list format; see [`WordList::parse`].
    ///
    /// # Errors
    ///
    /// As [`WordList::parse`].
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::WordList::builder().digits(true).parse("bet\tgambling\n").unwrap();
    /// assert!(list.is_match("b3t"));
    /// ```
    pub fn parse(&self, text: &str) -> Result<WordList, WordListError> {
        let mut entries = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("");
            let (word, category) = match line.split_once('\t') {
                Some((w, c)) => (w.trim(), Some(c.trim()).filter(|c| !c.is_empty())),
                None => (line.trim(), None),
            };
            if word.is_empty() {
                continue;
            }
            entries.push(Entry {
                line: n + 1,
                word,
                category,
            });
        }
        build(&entries, self.digits)
    }

    /// Reads and builds a word list file; see [`WordList::parse`].
    ///
    /// # Errors
    ///
    /// Those of [`WordList::parse`], and a file that cannot be read or is
    /// not UTF-8.
    ///
    /// # Example
    ///
    /// ```
    /// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/restricted_words.txt");
    /// let list = dncheck::WordList::builder().digits(true).from_file(path).unwrap();
    /// assert!(list.is_match("l0gin"));
    /// ```
    #[cfg(feature = "std")]
    pub fn from_file<P: AsRef<std::path::Path>>(&self, path: P) -> Result<WordList, WordListError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| WordListError::new(ErrorKind::Io(e.kind())))?;
        self.parse(&text)
    }

    /// Builds a list of the given words, each taken as written (no comments,
    /// no categories); see [`WordList::from_words`].
    ///
    /// # Errors
    ///
    /// As [`WordList::from_words`].
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::WordList::builder().digits(true).from_words(["free"]).unwrap();
    /// assert!(list.is_match("fr33"));
    /// ```
    pub fn from_words<I, S>(&self, words: I) -> Result<WordList, WordListError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let owned: Vec<S> = words.into_iter().collect();
        let entries: Vec<Entry<'_>> = owned
            .iter()
            .enumerate()
            .map(|(n, w)| Entry {
                line: n + 1,
                word: w.as_ref(),
                category: None,
            })
            .collect();
        build(&entries, self.digits)
    }

    /// The embedded list ([`WordList::embedded`]) with these options: the
    /// static list itself (no copy) for the default options, else rebuilt
    /// from its words.
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::WordList::builder().digits(true).embedded();
    /// assert!(list.is_match("l0gin"));
    /// assert!(!dncheck::WordList::embedded().is_match("l0gin"));
    /// ```
    #[must_use]
    pub fn embedded(&self) -> WordList {
        if self.digits == EMBEDDED.digits {
            return EMBEDDED.clone();
        }
        let entries: Vec<Entry<'_>> = (0..EMBEDDED.len())
            .filter_map(|i| {
                let (word, category) = EMBEDDED.get(i)?;
                Some(Entry {
                    line: i + 1,
                    word,
                    category,
                })
            })
            .collect();
        // The embedded words were accepted once, with the same folding.
        build(&entries, self.digits).unwrap_or_else(|_| EMBEDDED.clone())
    }
}

impl WordList {
    /// The example list compiled into the crate, `data/restricted_words.txt`
    /// (generic phishing, gambling and fraud terms in English and Chinese;
    /// applications replace it): a `static`, so this is free.
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::WordList::embedded();
    /// let hit = list.find_iter("example-login").next().unwrap();
    /// assert_eq!((hit.word(), hit.category()), ("login", Some("phishing")));
    /// assert!(list.is_match("網上賭博")); // traditional for 网上赌博
    /// ```
    #[must_use]
    pub fn embedded() -> &'static WordList {
        &EMBEDDED
    }

    /// Options for building a list: [`WordListBuilder`].
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::WordList::builder().digits(true).from_words(["paypal"]).unwrap();
    /// assert!(list.is_match("p4yp4l"));
    /// ```
    #[must_use]
    pub const fn builder() -> WordListBuilder {
        WordListBuilder::new()
    }

    /// Builds a list from text in the list format, with the default options:
    ///
    /// * UTF-8, one word a line (LF or CRLF); blank lines are ignored;
    /// * `#` starts a comment, to the end of the line;
    /// * an optional category after a tab, kept with each hit of the word;
    /// * the word and the category are trimmed of spaces.
    ///
    /// Each line is one word, also when two lines fold alike (`log-in` and
    /// `login` both hit). The embedded list is built by the same function.
    ///
    /// # Errors
    ///
    /// A word that could never match a name: with whitespace or a control
    /// character inside, with a label separator (`.`, `。`), with a code
    /// point that UTS #46 disallows (its mapping holds U+FFFD), empty once
    /// folded (`--`), longer than 63 folded characters or 1,024 bytes; a
    /// list beyond the format's limits. An empty list is not an error.
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::WordList::parse("# comment\r\nlogin\tphishing # trailing comment\r\n\r\nverify\n").unwrap();
    /// assert_eq!(list.len(), 2);
    /// assert_eq!(list.get(0), Some(("login", Some("phishing"))));
    /// assert!(dncheck::WordList::parse("a.b\n").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<WordList, WordListError> {
        WordListBuilder::new().parse(text)
    }

    /// Reads and builds a word list file with the default options; see
    /// [`parse`](Self::parse).
    ///
    /// # Errors
    ///
    /// Those of [`parse`](Self::parse), and a file that cannot be read or is
    /// not UTF-8.
    ///
    /// # Example
    ///
    /// ```
    /// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/restricted_words.txt");
    /// let list = dncheck::WordList::from_file(path).unwrap();
    /// assert_eq!(list.len(), dncheck::WordList::embedded().len());
    /// assert!(dncheck::WordList::from_file("/nonexistent/words.txt").is_err());
    /// ```
    #[cfg(feature = "std")]
    pub fn from_file<P: AsRef<std::path::Path>>(path: P) -> Result<WordList, WordListError> {
        WordListBuilder::new().from_file(path)
    }

    /// Builds a list of the given words, each taken as written (no comments,
    /// no categories), with the default options.
    ///
    /// # Errors
    ///
    /// As [`parse`](Self::parse); [`WordListError::line`] is the word's
    /// 1-based position.
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::WordList::from_words(["bank", "彩票"]).unwrap();
    /// assert!(list.is_match("my-bank"));
    /// assert!(list.is_match("體育彩票"));
    /// ```
    pub fn from_words<I, S>(words: I) -> Result<WordList, WordListError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        WordListBuilder::new().from_words(words)
    }

    /// The number of words.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dncheck::WordList::from_words(["a", "b"]).unwrap().len(), 2);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// `true` if the list has no word (nothing ever matches).
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::WordList::parse("# nothing\n").unwrap();
    /// assert!(list.is_empty());
    /// assert!(!list.is_match("anything"));
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The word at `index` as written, and its category.
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::WordList::parse("赌博\tgambling\n").unwrap();
    /// assert_eq!(list.get(0), Some(("赌博", Some("gambling"))));
    /// assert_eq!(list.get(1), None);
    /// ```
    #[must_use]
    pub fn get(&self, index: usize) -> Option<(&str, Option<&str>)> {
        let &[off, len_symbols, category] = self.words.get(index)?;
        let word = self.text_at(off, len_symbols >> 16);
        let category = self
            .categories
            .get(category as usize)
            .map(|&[off, len]| self.text_at(off, len));
        Some((word, category))
    }

    /// Whether the list was built with digit substitution
    /// ([`WordListBuilder::digits`]).
    ///
    /// # Example
    ///
    /// ```
    /// assert!(!dncheck::WordList::embedded().digits());
    /// ```
    #[must_use]
    pub const fn digits(&self) -> bool {
        self.digits
    }

    /// The size in bytes of the automaton and its tables (for the embedded
    /// list: its static data). The folding tables the builder reads are not
    /// included: the search does not touch them.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(dncheck::WordList::embedded().memory_usage() < 32 * 1024);
    /// ```
    #[must_use]
    pub fn memory_usage(&self) -> usize {
        use core::mem::size_of_val;
        size_of_val(&self.ascii)
            + size_of_val(&*self.index)
            + size_of_val(&*self.pages)
            + size_of_val(&*self.expansions)
            + size_of_val(&*self.slots)
            + size_of_val(&*self.outputs)
            + size_of_val(&*self.words)
            + size_of_val(&*self.categories)
            + self.text.len()
    }

    /// The number of slots of the double array (states and free slots).
    fn states(&self) -> usize {
        self.slots.len()
    }

    fn text_at(&self, off: u32, len: u32) -> &str {
        self.text
            .get(off as usize..off as usize + len as usize)
            .unwrap_or("")
    }

    /// Every hit in `text[range]`, in the order of their ends; hits that end
    /// at the same place come longest first, then in list order.
    ///
    /// `text` is a name in Unicode form, as [`Verdict::unicode`] returns it
    /// (UTS #46-mapped: lower case, no fullwidth forms); ASCII upper case and
    /// fullwidth ASCII are folded all the same. `range` is the part to search,
    /// typically the labels left of the public suffix. Spans are byte ranges
    /// of `text` (not of the range).
    ///
    /// All matches are reported, overlapping ones included (`loginverify`
    /// has both `login` and `verify`, `signin` both `signin` and `sign` if
    /// both are words). A match never spans a label boundary: a `.` (or
    /// `。`, `．`, `｡`) in the text starts the search afresh. No heap
    /// allocation; every byte of the range is read once, and a hit's start
    /// is found by reading back over its own characters.
    ///
    /// [`Verdict::unicode`]: crate::Verdict::unicode
    ///
    /// # Panics
    ///
    /// If `range` is out of bounds or does not fall on character boundaries
    /// of `text`, as `&text[range]` would.
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::WordList::parse("shop\ncom\n").unwrap();
    /// let name = "shop.com";
    /// // Only the part left of the public suffix `com`.
    /// let hits: Vec<_> = list.find_in(name, 0..4).map(|h| h.word()).collect();
    /// assert_eq!(hits, ["shop"]);
    /// ```
    #[must_use]
    pub fn find_in<'w, 'h>(&'w self, text: &'h str, range: Range<usize>) -> FindIter<'w, 'h> {
        assert!(
            range.start <= range.end
                && text.is_char_boundary(range.start)
                && text.is_char_boundary(range.end),
            "range {range:?} is not a character range of a text of {} bytes",
            text.len()
        );
        FindIter {
            list: self,
            text: text.as_bytes(),
            pos: range.start,
            range_start: range.start,
            end: range.end,
            state: 0,
            out: NO_OUT,
            pending: None,
            char_start: 0,
            consumed: 0,
            resized: range.start,
        }
    }

    /// Every hit in the whole of `text`: [`find_in`](Self::find_in) over
    /// `0..text.len()`.
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::WordList::parse("log\nlogin\nin\n").unwrap();
    /// let hits: Vec<_> = list.find_iter("LOG-IN").map(|h| (h.word(), h.span())).collect();
    /// assert_eq!(hits, [("log", 0..3), ("login", 0..6), ("in", 4..6)]);
    /// ```
    #[must_use]
    pub fn find_iter<'w, 'h>(&'w self, text: &'h str) -> FindIter<'w, 'h> {
        self.find_in(text, 0..text.len())
    }

    /// `true` if some word occurs in `text` (the first hit ends the search).
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::WordList::embedded();
    /// assert!(list.is_match("casino-royal"));
    /// assert!(!list.is_match("cas.ino")); // not across labels
    /// ```
    #[must_use]
    pub fn is_match(&self, text: &str) -> bool {
        self.find_iter(text).advance()
    }

    /// The code of a code point beyond ASCII.
    #[inline(always)]
    fn code_wide(&self, c: u32) -> u16 {
        match self.index.get((c >> PAGE_BITS) as usize) {
            Some(&page) => self.pages[(page as usize) << PAGE_BITS | (c as usize & (PAGE - 1))],
            None => NONE,
        }
    }

    /// The code of any code point.
    #[inline]
    fn code(&self, c: u32) -> u16 {
        if c < 0x80 {
            self.ascii[c as usize]
        } else {
            self.code_wide(c)
        }
    }

    /// The automaton's next state from state `s` on code `code`.
    #[inline]
    fn step(&self, s: u32, code: u16) -> u32 {
        self.step_from(s, self.slots[s as usize], code).0
    }

    /// [`step`](Self::step) from state `s` whose slot is `rec`, with the new
    /// state's slot: a walk carries the current slot along, so that a
    /// transition reads one slot, not two.
    #[inline(always)]
    fn step_from(&self, mut s: u32, mut rec: [u32; 4], code: u16) -> (u32, [u32; 4]) {
        let slots = &*self.slots;
        let code = u32::from(code);
        loop {
            let t = rec[BASE].wrapping_add(code);
            if let Some(&r) = slots.get(t as usize) {
                if r[CHECK] == s {
                    return (t, r);
                }
            }
            if s == 0 {
                return (0, rec);
            }
            s = rec[FAIL];
            rec = slots[s as usize];
        }
    }

    /// The tables, for the code generator. Not part of the public API.
    #[doc(hidden)]
    #[must_use]
    pub fn __raw_parts(&self) -> RawParts<'_> {
        RawParts {
            ascii: &self.ascii,
            index: &self.index,
            pages: &self.pages,
            expansions: &self.expansions,
            slots: &self.slots,
            outputs: &self.outputs,
            words: &self.words,
            categories: &self.categories,
            text: &self.text,
            digits: self.digits,
        }
    }
}

/// A [`WordList`]'s tables, for the code generator. Not part of the public
/// API.
#[doc(hidden)]
#[allow(missing_docs)]
#[derive(Debug)]
pub struct RawParts<'a> {
    pub ascii: &'a [u16; 128],
    pub index: &'a [u16],
    pub pages: &'a [u16],
    pub expansions: &'a [[u16; 2]],
    pub slots: &'a [[u32; 4]],
    pub outputs: &'a [u32],
    pub words: &'a [[u32; 3]],
    pub categories: &'a [[u32; 2]],
    pub text: &'a str,
    pub digits: bool,
}

/// The code point at `i` of valid UTF-8 and its length.
#[inline(always)]
fn decode(b: &[u8], i: usize) -> (u32, usize) {
    let b0 = u32::from(b[i]);
    let cont = |k: usize| u32::from(b[i + k] & 0x3F);
    if b0 < 0x80 {
        (b0, 1)
    } else if b0 < 0xE0 {
        ((b0 & 0x1F) << 6 | cont(1), 2)
    } else if b0 < 0xF0 {
        ((b0 & 0x0F) << 12 | cont(1) << 6 | cont(2), 3)
    } else {
        (
            (b0 & 0x07) << 18 | cont(1) << 12 | cont(2) << 6 | cont(3),
            4,
        )
    }
}

/// The iterator of [`WordList::find_in`] and [`WordList::find_iter`]: every
/// [`Hit`], without heap allocation.
///
/// # Example
///
/// ```
/// let list = dncheck::WordList::parse("ab\nbc\n").unwrap();
/// let mut it = list.find_iter("abc");
/// assert_eq!(it.next().map(|h| h.word()), Some("ab"));
/// assert_eq!(it.next().map(|h| h.word()), Some("bc"));
/// assert_eq!(it.next(), None);
/// ```
#[derive(Clone, Debug)]
pub struct FindIter<'w, 'h> {
    list: &'w WordList,
    text: &'h [u8],
    /// The next byte to read.
    pos: usize,
    range_start: usize,
    end: usize,
    /// The automaton's state.
    state: u32,
    /// The next output entry to report, or `NO_OUT`.
    out: u32,
    /// The second code of an expansion still to be fed.
    pending: Option<u16>,
    /// The start of the code point the current outputs end in (its end is
    /// `pos`).
    char_start: usize,
    /// How many of that code point's codes the outputs end after (1, or 2
    /// after the second code of an expansion).
    consumed: u8,
    /// The end of the last code point read whose folded form is not its
    /// own bytes (a look-alike of another length, an ignored or expanding
    /// code point): after it, text and folded text agree byte for byte, so
    /// a hit's start is its end less the word's folded length.
    resized: usize,
}

impl<'w> FindIter<'w, '_> {
    /// Reads on until a state with output: `true` if one was reached (then
    /// `out`, `char_start` and `consumed` are set).
    #[inline]
    fn advance(&mut self) -> bool {
        let list = self.list;
        if let Some(code) = self.pending.take() {
            self.consumed = 2;
            if self.feed_any(code) {
                return true;
            }
        }
        // Up to the end of the range, so that reading a byte is checked once.
        let text = &self.text[..self.end];
        let (mut pos, mut state) = (self.pos, self.state);
        let mut rec = list.slots[state as usize];
        let root = list.slots[0];
        while pos < text.len() {
            let i = pos;
            let b = text[i];
            let code = if b < 0x80 {
                pos = i + 1;
                list.ascii[usize::from(b)]
            } else {
                let (c, len) = decode(text, i);
                pos = i + len;
                list.code_wide(c)
            };
            if code.wrapping_sub(FIRST_CODE) < RESIZE - FIRST_CODE {
                // The common case: one code of a code point folded to a
                // character of its own length.
                (state, rec) = list.step_from(state, rec, code);
                let out = rec[OUT];
                if out != NO_OUT {
                    (self.pos, self.state, self.out) = (pos, state, out);
                    (self.char_start, self.consumed) = (i, 1);
                    return true;
                }
                continue;
            }
            if code < FIRST_CODE {
                if code == SKIP {
                    self.resized = pos; // ignored: no step
                } else {
                    // NONE or SEP: no word goes on through this code point.
                    (state, rec) = (0, root);
                }
                continue;
            }
            (self.pos, self.state) = (pos, state);
            if self.special(code, i) {
                return true;
            }
            state = self.state;
            rec = list.slots[state as usize];
        }
        (self.pos, self.state) = (pos, state);
        false
    }

    /// [`advance`](Self::advance) for the `RESIZE` and `EXPAND` codes, of
    /// the code point at `i` (`pos` is past it).
    #[inline(never)]
    fn special(&mut self, code: u16, i: usize) -> bool {
        self.resized = self.pos;
        self.char_start = i;
        if code & EXPAND == 0 {
            self.consumed = 1;
            return self.feed_any(code & !RESIZE);
        }
        let [a, b] = self.list.expansions[usize::from(code & !EXPAND)];
        if self.feed_any(a) {
            self.pending = Some(b);
            self.consumed = 1;
            return true;
        }
        self.consumed = 2;
        self.feed_any(b)
    }

    /// Feeds one code (which may be `NONE`: a half of an expansion whose
    /// character no word holds): `true` if the new state has output (then
    /// `out` is set).
    fn feed_any(&mut self, code: u16) -> bool {
        if code < FIRST_CODE {
            self.state = 0;
            return false;
        }
        self.state = self.list.step(self.state, code);
        self.out = self.list.slots[self.state as usize][OUT];
        self.out != NO_OUT
    }

    /// How many codes a code point contributes to a match.
    fn codes_of(&self, c: u32) -> usize {
        match self.list.code(c) {
            SKIP => 0,
            code if code & EXPAND != 0 => 2,
            _ => 1,
        }
    }

    /// The hit of word `index`, which ends with the current code point.
    #[inline]
    fn hit(&self, index: u32) -> Hit<'w> {
        let list = self.list;
        let lens = list.words[index as usize][1];
        let folded_bytes = ((lens >> 8) & 0xFF) as usize;
        let start = match self.pos.checked_sub(folded_bytes) {
            Some(start) if start >= self.resized && self.consumed == 1 => start,
            _ => self.start_slow((lens & 0xFF) as usize),
        };
        Hit {
            list,
            index,
            start,
            end: self.pos,
        }
    }

    /// The start of a match of `codes` codes that ends with the current
    /// code point: read back over the match's code points (the last
    /// contributed `consumed` codes, the others all theirs).
    #[inline(never)]
    fn start_slow(&self, codes: usize) -> usize {
        let mut remaining = codes.saturating_sub(usize::from(self.consumed));
        let mut start = self.char_start;
        while remaining > 0 && start > self.range_start {
            let mut q = start - 1;
            while q > self.range_start && self.text[q] & 0xC0 == 0x80 {
                q -= 1;
            }
            let (c, _) = decode(self.text, q);
            remaining = remaining.saturating_sub(self.codes_of(c));
            start = q;
        }
        start
    }
}

impl<'w> Iterator for FindIter<'w, '_> {
    type Item = Hit<'w>;

    #[inline]
    fn next(&mut self) -> Option<Hit<'w>> {
        if self.out == NO_OUT && !self.advance() {
            return None;
        }
        let entry = self.list.outputs[self.out as usize];
        self.out = if entry & LAST != 0 {
            NO_OUT
        } else {
            self.out + 1
        };
        Some(self.hit(entry & !LAST))
    }
}

impl core::iter::FusedIterator for FindIter<'_, '_> {}

// ---------------------------------------------------------------------------
// The builder
// ---------------------------------------------------------------------------

/// One word of a list being built.
struct Entry<'a> {
    line: usize,
    word: &'a str,
    category: Option<&'a str>,
}

/// A trie node during the build: its children by code (ascending), and the
/// words that end at it.
#[derive(Default)]
struct Node {
    children: Vec<(u16, u32)>,
    words: Vec<u32>,
}

fn too_large() -> WordListError {
    WordListError::new(ErrorKind::TooLarge)
}

/// Builds the automaton of `entries` (the one builder behind every
/// constructor and behind `codegen/`).
fn build(entries: &[Entry<'_>], digits: bool) -> Result<WordList, WordListError> {
    if entries.len() >= LAST as usize {
        return Err(too_large());
    }
    // Fold every word; the folded characters of all words, flat.
    let mut folded: Vec<char> = Vec::new();
    let mut bounds: Vec<(u32, u32)> = Vec::with_capacity(entries.len());
    let mut buf = Vec::new();
    for e in entries {
        fold_word(e.word, digits, &mut buf).map_err(|why| {
            WordListError::new(ErrorKind::InvalidWord {
                line: e.line,
                word: e.word.into(),
                why,
            })
        })?;
        let start = u32::try_from(folded.len()).map_err(|_| too_large())?;
        folded.extend_from_slice(&buf);
        bounds.push((start, buf.len() as u32));
    }

    // The alphabet: distinct folded characters, most frequent first.
    let mut sorted = folded.clone();
    sorted.sort_unstable();
    let mut counts: Vec<(usize, char)> = Vec::new();
    for c in sorted {
        match counts.last_mut() {
            Some((n, last)) if *last == c => *n += 1,
            _ => counts.push((1, c)),
        }
    }
    if counts.len() > usize::from(RESIZE - FIRST_CODE) {
        return Err(too_large());
    }
    counts.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut alphabet: Vec<(char, u16)> = counts
        .iter()
        .enumerate()
        .map(|(i, &(_, c))| (c, FIRST_CODE + i as u16))
        .collect();
    alphabet.sort_unstable();
    let code_of = |c: char| -> u16 {
        alphabet
            .binary_search_by_key(&c, |&(a, _)| a)
            .map_or(NONE, |i| alphabet[i].1)
    };

    // The trie over codes, words inserted in code order so that a new
    // child is always its parent's last.
    let codes: Vec<u16> = folded.iter().map(|&c| code_of(c)).collect();
    let mut order: Vec<u32> = (0..entries.len() as u32).collect();
    let word_codes = |w: u32| {
        let (s, n) = bounds[w as usize];
        &codes[s as usize..(s + n) as usize]
    };
    order.sort_by(|&a, &b| word_codes(a).cmp(word_codes(b)).then(a.cmp(&b)));
    let mut nodes: Vec<Node> = Vec::with_capacity(codes.len() / 2 + 1);
    nodes.push(Node::default());
    for &w in &order {
        let mut n = 0usize;
        for &code in word_codes(w) {
            n = match nodes[n].children.last() {
                Some(&(c, child)) if c == code => child as usize,
                _ => {
                    let child = nodes.len();
                    nodes[n].children.push((code, child as u32));
                    nodes.push(Node::default());
                    child
                }
            };
        }
        nodes[n].words.push(w);
    }
    let mut list = place(&nodes)?;

    // The words' records and text.
    let mut text = String::new();
    let mut words = Vec::with_capacity(entries.len());
    let mut categories: Vec<[u32; 2]> = Vec::new();
    let mut category_ids: BTreeMap<&str, u32> = BTreeMap::new();
    for (e, &(start, symbols)) in entries.iter().zip(&bounds) {
        let off = u32::try_from(text.len()).map_err(|_| too_large())?;
        text.push_str(e.word);
        let category = match e.category {
            None => NO_CATEGORY,
            Some(c) => match category_ids.get(c) {
                Some(&id) => id,
                None => {
                    let id = categories.len() as u32;
                    categories.push([0, c.len() as u32]);
                    category_ids.insert(c, id);
                    id
                }
            },
        };
        let folded_bytes: usize = folded[start as usize..(start + symbols) as usize]
            .iter()
            .map(|c| c.len_utf8())
            .sum();
        words.push([
            off,
            (e.word.len() as u32) << 16 | (folded_bytes as u32) << 8 | symbols,
            category,
        ]);
    }
    for (c, &id) in &category_ids {
        let off = u32::try_from(text.len()).map_err(|_| too_large())?;
        text.push_str(c);
        categories[id as usize][0] = off;
    }
    u32::try_from(text.len()).map_err(|_| too_large())?;

    // The code map: every code point whose fold the alphabet holds.
    let mut expansions: Vec<[u16; 2]> = Vec::new();
    let mut code_for = |c: char, f: Folded| -> u16 {
        match f {
            Folded::Skip => SKIP,
            Folded::Sep => SEP,
            Folded::One(a) => match code_of(a) {
                NONE => NONE,
                code if a.len_utf8() != c.len_utf8() => code | RESIZE,
                code => code,
            },
            Folded::Two(a, b) => {
                let pair = [code_of(a), code_of(b)];
                if pair == [NONE, NONE] {
                    return NONE;
                }
                let i = expansions
                    .iter()
                    .position(|&p| p == pair)
                    .unwrap_or_else(|| {
                        expansions.push(pair);
                        expansions.len() - 1
                    });
                EXPAND | i as u16
            }
        }
    };
    let mut ascii = [NONE; 128];
    for (b, slot) in ascii.iter_mut().enumerate() {
        let c = char::from(b as u8);
        *slot = code_for(c, fold_char(c, digits));
    }
    let mut wide: Vec<(u32, u16)> = Vec::new();
    for c in alphabet
        .iter()
        .map(|&(c, _)| c)
        .chain(fold_sources(digits))
        .filter(|&c| !c.is_ascii())
    {
        let code = code_for(c, fold_char(c, digits));
        if code != NONE {
            wide.push((c as u32, code));
        }
    }
    wide.sort_unstable();
    wide.dedup();
    let mut index: Vec<u16> = Vec::new();
    let mut pages: Vec<u16> = alloc::vec![NONE; PAGE];
    for &(c, code) in &wide {
        let block = (c >> PAGE_BITS) as usize;
        if index.len() <= block {
            index.resize(block + 1, 0);
        }
        if index[block] == 0 {
            let page = pages.len() / PAGE;
            index[block] = u16::try_from(page).map_err(|_| too_large())?;
            pages.resize(pages.len() + PAGE, NONE);
        }
        pages[(index[block] as usize) << PAGE_BITS | (c as usize & (PAGE - 1))] = code;
    }

    list.ascii = ascii;
    list.index = Cow::Owned(index);
    list.pages = Cow::Owned(pages);
    list.expansions = Cow::Owned(expansions);
    list.words = Cow::Owned(words);
    list.categories = Cow::Owned(categories);
    list.text = Cow::Owned(text);
    list.digits = digits;
    Ok(list)
}

/// The free slots of a double array being filled, as a doubly linked list
/// in slot order, so that a placement finds the next free slot at once.
struct FreeList {
    next: Vec<u32>,
    prev: Vec<u32>,
    used: Vec<bool>,
    /// The first and the last free slot (`NIL` if none).
    head: u32,
    tail: u32,
}

/// The end of a [`FreeList`] link.
const NIL: u32 = u32::MAX;

impl FreeList {
    /// `n` slots, all free but slot 0 (the root).
    fn new(n: usize) -> Self {
        let mut f = FreeList {
            next: Vec::new(),
            prev: Vec::new(),
            used: Vec::new(),
            head: NIL,
            tail: NIL,
        };
        f.grow(n.max(1));
        f.take(0);
        f
    }

    fn len(&self) -> usize {
        self.used.len()
    }

    /// Adds free slots at the end, up to `n` in all.
    fn grow(&mut self, n: usize) {
        for i in self.len()..n {
            let i = i as u32;
            self.used.push(false);
            self.prev.push(self.tail);
            self.next.push(NIL);
            match self.tail {
                NIL => self.head = i,
                t => self.next[t as usize] = i,
            }
            self.tail = i;
        }
    }

    /// `true` if slot `i` is free (slots past the end are).
    fn is_free(&self, i: usize) -> bool {
        i >= self.len() || !self.used[i]
    }

    /// Marks the free slot `i` used.
    fn take(&mut self, i: usize) {
        self.grow(i + 1);
        debug_assert!(!self.used[i]);
        self.used[i] = true;
        let (p, n) = (self.prev[i], self.next[i]);
        match p {
            NIL => self.head = n,
            p => self.next[p as usize] = n,
        }
        match n {
            NIL => self.tail = p,
            n => self.prev[n as usize] = p,
        }
    }
}

/// Lays the trie out as a double array and adds failure links and output
/// lists: everything of a [`WordList`] but its code map and words.
fn place(nodes: &[Node]) -> Result<WordList, WordListError> {
    let mut free = FreeList::new(nodes.len() + 256);
    let mut slot_of = alloc::vec![0u32; nodes.len()];
    let mut bases = alloc::vec![0u32; nodes.len()];
    let mut parent_slot = alloc::vec![NO_PARENT; nodes.len()];
    // Breadth first, so that failure links can be set in the same order.
    let mut queue: Vec<u32> = Vec::with_capacity(nodes.len());
    queue.push(0);
    let mut qi = 0;
    while qi < queue.len() {
        let n = queue[qi] as usize;
        qi += 1;
        let children = &nodes[n].children;
        if children.is_empty() {
            continue;
        }
        let first = u32::from(children[0].0);
        // The first free slot at which the first child fits and all the
        // others too.
        let mut p = free.head;
        let base = loop {
            if p == NIL {
                p = free.len() as u32;
                free.grow(p as usize + 1);
            }
            let base = p.wrapping_sub(first);
            let fits = children[1..]
                .iter()
                .all(|&(c, _)| free.is_free(base.wrapping_add(u32::from(c)) as usize));
            if fits {
                break base;
            }
            p = free.next[p as usize];
        };
        bases[n] = base;
        for &(c, child) in children {
            let t = base.wrapping_add(u32::from(c));
            if t >= LAST {
                return Err(too_large());
            }
            free.take(t as usize);
            slot_of[child as usize] = t;
            parent_slot[child as usize] = slot_of[n];
            queue.push(child);
        }
    }
    let len = free
        .used
        .iter()
        .rposition(|&u| u)
        .map_or(1, |last| last + 1);
    let mut slots = alloc::vec![[0, NO_PARENT, 0, NO_OUT]; len];
    for (n, &s) in slot_of.iter().enumerate() {
        let slot = &mut slots[s as usize];
        slot[BASE] = bases[n];
        slot[CHECK] = parent_slot[n];
    }
    slots[0][CHECK] = NO_PARENT;

    // Which slots hold a state with children (the root counts as one).
    let mut inner = alloc::vec![false; len];
    inner[0] = true;
    for (n, node) in nodes.iter().enumerate() {
        if !node.children.is_empty() {
            inner[slot_of[n] as usize] = true;
        }
    }

    // Failure links and outputs, breadth first: a state's failure target
    // is shallower, so it is done before the state.
    let mut outputs: Vec<u32> = Vec::new();
    let mut list = WordList {
        ascii: [NONE; 128],
        index: Cow::Borrowed(&[]),
        pages: Cow::Borrowed(&[]),
        expansions: Cow::Borrowed(&[]),
        slots: Cow::Owned(slots),
        outputs: Cow::Borrowed(&[]),
        words: Cow::Borrowed(&[]),
        categories: Cow::Borrowed(&[]),
        text: Cow::Borrowed(""),
        digits: false,
    };
    for &n in &queue {
        let n = n as usize;
        let s = slot_of[n];
        for &(code, child) in &nodes[n].children {
            let t = slot_of[child as usize] as usize;
            let fail = if n == 0 {
                0
            } else {
                let f = list.slots[s as usize][FAIL];
                list.step(f, code)
            };
            let inherited = list.slots[fail as usize][OUT];
            let own = &nodes[child as usize].words;
            let out = if own.is_empty() {
                inherited
            } else {
                let start = u32::try_from(outputs.len()).map_err(|_| too_large())?;
                let mut own = own.clone();
                own.sort_unstable();
                outputs.extend_from_slice(&own);
                if inherited != NO_OUT {
                    let mut i = inherited as usize;
                    loop {
                        let e = outputs[i];
                        outputs.push(e & !LAST);
                        if e & LAST != 0 {
                            break;
                        }
                        i += 1;
                    }
                }
                if let Some(last) = outputs.last_mut() {
                    *last |= LAST;
                }
                start
            };
            // The failure link skips states without children: no step can
            // succeed from them, and the outputs are already flattened.
            let fail = if inner[fail as usize] {
                fail
            } else {
                list.slots[fail as usize][FAIL]
            };
            let slots = list.slots.to_mut();
            slots[t][FAIL] = fail;
            slots[t][OUT] = out;
        }
    }
    list.outputs = Cow::Owned(outputs);
    Ok(list)
}

// ---------------------------------------------------------------------------
// The stage in the checker.

/// The part of a verdict's U-label form that the words stage searches: the
/// labels left of the public suffix (the registrable label, and subdomain
/// labels where the profile allows them), never the suffix itself. Empty
/// before the suffix stage ran.
pub(crate) fn search_range(v: &Verdict<'_>) -> Range<usize> {
    match v.suffix() {
        Some(suffix) => left_of_suffix(v.unicode(), suffix),
        None => 0..0,
    }
}

/// The labels of `unicode` left of its public suffix, which is `suffix` in
/// A-label form.
pub(crate) fn left_of_suffix(unicode: &str, suffix: &str) -> Range<usize> {
    let suffix_labels = suffix.bytes().filter(|&b| b == b'.').count() + 1;
    // The U-label form has the same labels, separated by `.`: the dot
    // before the suffix is the `suffix_labels`-th from the end.
    let mut dots = 0;
    for (i, &b) in unicode.as_bytes().iter().enumerate().rev() {
        if b == b'.' {
            dots += 1;
            if dots == suffix_labels {
                return 0..i;
            }
        }
    }
    0..0
}

/// The words stage on a name that passed the suffix stage: `true` if the
/// list has a hit left of the public suffix `suffix` (A-label form) in the
/// name's U-label form `unicode`.
pub(crate) fn any_hit(list: &WordList, unicode: &str, suffix: &str) -> bool {
    let range = left_of_suffix(unicode, suffix);
    !range.is_empty() && list.find_in(unicode, range).next().is_some()
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

    #[test]
    fn free_list_grows_and_links() {
        let mut f = FreeList::new(4);
        assert_eq!((f.head, f.tail), (1, 3));
        f.take(1);
        f.take(3);
        assert_eq!((f.head, f.tail), (2, 2));
        f.take(2);
        assert_eq!((f.head, f.tail), (NIL, NIL));
        f.take(10);
        assert!(f.is_free(4) && f.is_free(9) && !f.is_free(10) && f.is_free(11));
        assert_eq!((f.head, f.tail), (4, 9));
        assert_eq!(f.next[9], NIL);
        assert_eq!(f.prev[4], NIL);
    }
}
