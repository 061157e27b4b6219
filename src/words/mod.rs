//! The words stage: restricted words found in a name's labels by one
//! Aho-Corasick automaton that folds the text as it walks. This is the only
//! code that knows the folding rules and the automaton's layout:
//!
//! * `mod.rs` (this file): [`WordList`], [`Hit`], [`WordListError`], the
//!   lists' public API, and the codes and tables described below;
//! * `fold.rs`: the folding of words and text, its steps in that file's docs;
//! * `builder.rs`: [`WordListBuilder`], the list format, and the build that
//!   compiles the fold into the code map;
//! * `double_array.rs`: the trie laid out as a double array, with failure
//!   links and output lists;
//! * `search.rs`: [`WordList::find_in`], [`FindIter`], and the stage's entry
//!   for the checker.
//!
//! # Layout
//!
//! The automaton never sees a folded string. The folding (`fold.rs`) is
//! compiled into the map from code points to the automaton's input codes
//! (`builder.rs`): every code point whose fold is a character of some word
//! gets that character's code (`ａ`, `A` and Cyrillic `а` all get the code of
//! `a`), the ignored ones get `SKIP`, the separators `SEP`, `ß` an `EXPAND`
//! code for two codes, and every other code point 0, which sends the
//! automaton back to its root (no word holds such a character). Codes are
//! numbered by frequency in the list, the most frequent first, so that the
//! double array stays dense. A code point whose UTF-8 form is not as long as
//! its folded character's (`а`, `ａ`) has its code flagged `RESIZE`: until
//! the next such code point, ignored or expanding one, text and folded text
//! agree byte for byte, so a hit's start is its end less the word's folded
//! length, and only after one of those is the start found by reading back.
//!
//! * `ascii: [u16; 128]`: the codes of ASCII bytes;
//! * `index: [u16]` and `pages: [u16]`: the codes of other code points, a
//!   two-level table of 128-code-point pages (`index[c >> 7]` is the page,
//!   page 0 is all zeros and shared);
//! * `expansions: [[u16; 2]]`: the two codes of each `EXPAND` code;
//! * `slots: [[u32; 2]]`: the trie as a double array (`double_array.rs`) of
//!   `[base, check]`: the child of state `s` by code `c` is slot
//!   `t = base[s] + c` if `check[t] == s` but for its top bit, which says
//!   that state `t` has output. Slot 0 is the root. Only these 8 bytes a
//!   state are read on a step that succeeds (most steps), so twice as many
//!   states fit in the cache as with the links beside them.
//! * `links: [[u32; 2]]`: per slot, `[fail, out]`: the Aho-Corasick failure
//!   link, read when no child matches, and the index in `outputs` (or
//!   `NO_OUT`), read on a hit.
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
//! module's builder (`builder.rs`), so it costs nothing at start-up; a list
//! loaded at run time goes through the same builder into owned vectors,
//! behind the same search.

mod builder;
mod double_array;
pub(crate) mod fold;
pub(crate) mod search;

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt;
use core::ops::Range;

use self::fold::Invalid;
use crate::generated::words as embedded;

pub use self::builder::WordListBuilder;
pub use self::fold::simplify_han;
pub use self::search::FindIter;

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

/// The error of a list too large for the automaton's layout.
pub(super) fn too_large() -> WordListError {
    WordListError::new(ErrorKind::TooLarge)
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

/// `slots[s][BASE]`, `slots[s][CHECK]`.
const BASE: usize = 0;
const CHECK: usize = 1;
/// `links[s][FAIL]`, `links[s][OUT]`.
const FAIL: usize = 0;
const OUT: usize = 1;
/// Top bit of `check`: the state has output.
const HAS_OUT: u32 = 1 << 31;
/// The parent in `check`, without its flag.
const PARENT: u32 = !HAS_OUT;
/// `check` of a free slot (and of the root, which has no parent): greater
/// than any state, and without the `HAS_OUT` flag.
const NO_PARENT: u32 = PARENT;
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
    slots: Cow<'static, [[u32; 2]]>,
    links: Cow<'static, [[u32; 2]]>,
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
    links: Cow::Borrowed(&embedded::LINKS),
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
            + size_of_val(&*self.links)
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
            links: &self.links,
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
    pub slots: &'a [[u32; 2]],
    pub links: &'a [[u32; 2]],
    pub outputs: &'a [u32],
    pub words: &'a [[u32; 3]],
    pub categories: &'a [[u32; 2]],
    pub text: &'a str,
    pub digits: bool,
}
