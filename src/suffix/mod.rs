//! The suffix stage: the [Public Suffix List](https://publicsuffix.org/list/)
//! as one compact table, its builder and its lookup. This module is the only
//! code that knows the table's layout: the path hash in `hash.rs`, the
//! lookup in `table.rs`, the builder in `builder.rs`.
//!
//! # Layout
//!
//! Every node of the rule trie (labels read from the right: `com`, then
//! `example`, ...) is a slot of one minimal-ish perfect hash table, keyed by
//! the hash of its path: `h(node) = mix(h(parent), label)`, `h(root) = seed`.
//! A lookup walks the name's labels from the right, extends the path hash by
//! one label and lands on exactly one slot, which it verifies; no search, no
//! probing. Four flat arrays:
//!
//! * `parents: [u16]`, per slot, the parent's slot (`ROOT` for a TLD,
//!   `EMPTY` for an empty slot), so that a slot is verified by its parent
//!   and its label alone. It is compared first, in an array of 22 KiB that
//!   stays in the L1 cache: a probe for a label that is not in the table
//!   (most second labels: `example` under `com`) ends there unless the slot
//!   it lands on holds a child of the same parent (for `com`, 456 slots of
//!   11,023).
//! * `words: [u32]`, per slot, the node word: bits 0..6 the label's length
//!   (at most 63), bits 6..23 its byte offset in `labels`, bits 23..29 the
//!   rule flags below, bit 29 "has children", bits 30 and 31 the policy bits
//!   (reserved name, per-suffix rule). An empty slot's word is 0.
//! * `pilots: [u16]`, per hash bucket (a power of two of them, about a
//!   quarter of the slots; the top bits of the path hash pick one): the
//!   displacement that sends the bucket's keys to free slots
//!   (PTHash-style hash-and-displace, built with load ≈ 0.97 so that
//!   construction is quick). The slot is
//!   `(low half ^ mix(pilot)) * slots >> 32`. Pilots are kept as 16-bit
//!   indexes and mixed at lookup (one multiply) rather than stored mixed as
//!   32-bit values: 8 KiB instead of 16, for the same speed.
//! * `labels: [u8]`, every distinct label once, and a label that occurs inside
//!   a longer one (`com` in `community`) shares its bytes; then 7 bytes of
//!   padding, so that a label's first 8 bytes are one word read.
//!
//! A wildcard rule `*.ck` is a flag on the node `ck`, not a node of its own,
//! and an exception `!www.ck` a flag on `www` under `ck`; each flag (the rule
//! is in the list) has a companion bit one place up (the rule is in the ICANN
//! section), so one table answers both for the ICANN section alone and for
//! the whole list, each with one AND per test.
//!
//! The policy bits are the marks of [`crate::registry`], shifted into place:
//! the builder takes the marked names as an argument (special-use names: a
//! node that is not a rule, or a rule such as `home.arpa`, marked reserved;
//! `cn` marked with the `chinese` registry rule) and the table carries their
//! marks, so the lookup that finds the suffix also answers the policy
//! questions, in the same walk. [`SuffixList::parse`] passes
//! [`registry::marked_names`], so every table has them, the embedded one and
//! those loaded at run time.
//!
//! The embedded table is `static` data written by `codegen/` with this
//! module's builder ([`SuffixList::parse`]), so it costs nothing at start-up;
//! a list loaded at run time goes through the same builder into owned
//! vectors, behind the same lookup.

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt;

use crate::generated::psl;
use crate::registry::{self, RegistryRule};
use builder::build;
use table::Table;

pub(crate) mod builder;
mod hash;
mod table;
#[cfg(test)]
mod tests;

/// A node word's label length: its low 6 bits.
const LEN_BITS: u32 = 6;
const OFFSET_SHIFT: u32 = LEN_BITS;
const OFFSET_BITS: u32 = 17;
const OFFSET_MASK: u32 = (1 << OFFSET_BITS) - 1;
const LEN_MASK: u32 = (1 << LEN_BITS) - 1;

/// The node is a rule (`example.com`) of either section.
const RULE: u32 = 1 << 23;
/// `*.` + the node is a rule of either section.
const WILDCARD: u32 = 1 << 25;
/// `!` + the node is a rule of either section.
const EXCEPTION: u32 = 1 << 27;
/// Each kind's bit shifted left by one: the rule is in the ICANN section.
/// So `kind << ICANN_ONLY` is the bit to test in ICANN-only mode, `kind << 0`
/// with the whole list: one AND per test either way.
const ICANN_ONLY: u32 = 1;
/// The bits of a rule kind (or kinds) in either section.
const fn both(kind: u32) -> u32 {
    kind | kind << ICANN_ONLY
}
/// The rule bits a lookup tests: those of either section, or those of the
/// ICANN section.
#[inline(always)]
const fn rules_in_force(private: bool) -> u32 {
    if private {
        RULE | WILDCARD | EXCEPTION
    } else {
        (RULE | WILDCARD | EXCEPTION) << ICANN_ONLY
    }
}
/// The node has children.
const INNER: u32 = 1 << 29;
/// Where a node word holds the marks of [`crate::registry`] (its policy
/// bits): bits 30 and 31.
const MARK_SHIFT: u32 = 30;
const _: () = assert!(INNER < 1 << MARK_SHIFT && MARK_SHIFT + registry::MARK_BITS <= 32);
/// Policy: the node's name and every name under it are reserved
/// (`data/reserved.txt`).
const RESERVED: u32 = registry::RESERVED << MARK_SHIFT;
/// Policy: names under the node follow the `chinese` registry rule
/// (`data/suffix_rules.txt`).
const CHINESE_RULE: u32 = registry::CHINESE_RULE << MARK_SHIFT;
/// The policy bits, gathered along a lookup's path: every mark.
const POLICY: u32 = ((1 << registry::MARK_BITS) - 1) << MARK_SHIFT;

/// `parents` value of a TLD.
const ROOT: u16 = u16::MAX;
/// `parents` value of an empty slot (no slot index reaches it).
const EMPTY: u16 = u16::MAX - 1;

/// The longest label the table format can hold (RFC 1035 §2.3.4: 63 octets).
const MAX_LABEL: usize = 63;

/// The Public Suffix List as a compact lookup table.
///
/// [`SuffixList::embedded`] is the list compiled into the crate (see
/// [`suffix_list_version`]); [`SuffixList::parse`] and
/// [`SuffixList::from_file`] build the same table from a newer list at run
/// time. Rules are stored in A-label form: `公司.cn` is the rule
/// `xn--55qx5d.cn`.
///
/// # Example
///
/// ```
/// use dncheck::{Section, SuffixList};
///
/// let list = SuffixList::embedded();
/// let m = list.lookup("www.example.com.cn", false);
/// assert_eq!(m.suffix("www.example.com.cn"), Some("com.cn"));
/// assert_eq!(m.registrable("www.example.com.cn"), Some("example.com.cn"));
/// assert_eq!(m.section(), Some(Section::Icann));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct SuffixList {
    seed: u64,
    parents: Cow<'static, [u16]>,
    words: Cow<'static, [u32]>,
    pilots: Cow<'static, [u16]>,
    labels: Cow<'static, [u8]>,
    version: Option<Cow<'static, str>>,
}

static EMBEDDED: SuffixList = SuffixList {
    seed: psl::SEED,
    parents: Cow::Borrowed(psl::PARENTS),
    words: Cow::Borrowed(psl::WORDS),
    pilots: Cow::Borrowed(&psl::PILOTS),
    labels: Cow::Borrowed(psl::LABELS),
    version: Some(Cow::Borrowed(psl::VERSION)),
};

/// The embedded table's arrays, as constants for its lookup.
const EMBEDDED_TABLE: Table<'static> = Table {
    seed: psl::SEED,
    parents: psl::PARENTS,
    words: psl::WORDS,
    pilots: &psl::PILOTS,
    labels: psl::LABELS,
};

/// The version of the embedded Public Suffix List: the date of the snapshot
/// in `data/public_suffix_list.dat` (or its `VERSION`/`COMMIT` header lines,
/// where the file has them).
///
/// # Example
///
/// ```
/// assert_eq!(dncheck::suffix_list_version(), "2026-08-19");
/// ```
#[must_use]
pub fn suffix_list_version() -> &'static str {
    psl::VERSION
}

/// Which section of the Public Suffix List a rule comes from.
///
/// # Example
///
/// ```
/// use dncheck::{Section, SuffixList};
///
/// let list = SuffixList::embedded();
/// assert_eq!(list.lookup("example.com", true).section(), Some(Section::Icann));
/// assert_eq!(list.lookup("foo.blogspot.com", true).section(), Some(Section::Private));
/// assert_eq!(Section::Private.as_str(), "private");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    /// `===BEGIN ICANN DOMAINS===`: suffixes delegated by registries.
    Icann,
    /// `===BEGIN PRIVATE DOMAINS===`: suffixes that companies run for their
    /// customers (`blogspot.com`, `github.io`).
    Private,
}

impl Section {
    /// `"icann"` or `"private"`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dncheck::Section::Icann.as_str(), "icann");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Section::Icann => "icann",
            Section::Private => "private",
        }
    }
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The answer of [`SuffixList::lookup`]: where the public suffix starts in
/// the name, and which rule decided it.
///
/// It holds no reference to the name: pass the same name to
/// [`suffix`](Self::suffix) and [`registrable`](Self::registrable).
///
/// # Example
///
/// ```
/// use dncheck::SuffixList;
///
/// let name = "a.b.example.example";
/// let m = SuffixList::embedded().lookup(name, true);
/// // No rule matches: the implicit `*` rule makes the TLD the suffix.
/// assert!(!m.is_known());
/// assert_eq!(m.suffix_len(), "example".len());
/// assert_eq!(m.registrable(name), Some("example.example"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SuffixMatch {
    len: usize,
    /// The length of the registrable domain (the suffix and one more
    /// label), 0 if there is none; found by the lookup, which walks the
    /// labels anyway.
    reg: usize,
    known: bool,
    private: bool,
    /// The policy bits of the nodes on the name's path.
    policy: u32,
}

impl SuffixMatch {
    const fn known(len: usize, private: bool) -> Self {
        SuffixMatch {
            len,
            reg: 0,
            known: true,
            private,
            policy: 0,
        }
    }

    const fn implicit(len: usize) -> Self {
        SuffixMatch {
            len,
            reg: 0,
            known: false,
            private: false,
            policy: 0,
        }
    }

    /// `true` if the name is, or lies under, a special-use or reserved name
    /// of `data/reserved.txt` (RFC 2606, 6761, 6762, 7686, 8375, 9476 and
    /// `.internal`): `example.com`, `printer.local`, `x.home.arpa`.
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::SuffixList::embedded();
    /// assert!(list.lookup("www.example.com", false).is_reserved());
    /// assert!(list.lookup("printer.local", false).is_reserved());
    /// assert!(!list.lookup("example.co", false).is_reserved());
    /// ```
    #[must_use]
    pub const fn is_reserved(&self) -> bool {
        self.policy & RESERVED != 0
    }

    /// The registry rule of `data/suffix_rules.txt` that applies to names
    /// under this suffix, if any.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{RegistryRule, SuffixList};
    ///
    /// let list = SuffixList::embedded();
    /// assert_eq!(list.lookup("example.com.cn", false).rule(), Some(RegistryRule::Chinese));
    /// assert_eq!(list.lookup("example.xn--fiqs8s", false).rule(), Some(RegistryRule::Chinese));
    /// assert_eq!(list.lookup("example.com", false).rule(), None);
    /// ```
    #[must_use]
    pub const fn rule(&self) -> Option<RegistryRule> {
        if self.policy & CHINESE_RULE != 0 {
            Some(RegistryRule::Chinese)
        } else {
            None
        }
    }

    /// The length in bytes of the public suffix at the end of the name (0 only
    /// for an empty name or an empty last label).
    ///
    /// # Example
    ///
    /// ```
    /// let m = dncheck::SuffixList::embedded().lookup("www.example.co.uk", false);
    /// assert_eq!(m.suffix_len(), "co.uk".len());
    /// ```
    #[must_use]
    pub const fn suffix_len(&self) -> usize {
        self.len
    }

    /// `true` if a rule of the list decided the suffix, `false` if only the
    /// implicit `*` rule matched (the TLD is in no rule).
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::SuffixList::embedded();
    /// assert!(list.lookup("example.com", false).is_known());
    /// assert!(!list.lookup("example.notatld", false).is_known());
    /// ```
    #[must_use]
    pub const fn is_known(&self) -> bool {
        self.known
    }

    /// The section of the rule that decided the suffix; `None` for the
    /// implicit `*` rule.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Section, SuffixList};
    ///
    /// let list = SuffixList::embedded();
    /// assert_eq!(list.lookup("foo.blogspot.com", true).section(), Some(Section::Private));
    /// assert_eq!(list.lookup("foo.blogspot.com", false).section(), Some(Section::Icann));
    /// assert_eq!(list.lookup("foo.notatld", true).section(), None);
    /// ```
    #[must_use]
    pub const fn section(&self) -> Option<Section> {
        match (self.known, self.private) {
            (false, _) => None,
            (true, false) => Some(Section::Icann),
            (true, true) => Some(Section::Private),
        }
    }

    /// The public suffix of `name`, which must be the name that was looked
    /// up; `None` if it is empty.
    ///
    /// # Example
    ///
    /// ```
    /// let name = "foo.blogspot.com";
    /// let list = dncheck::SuffixList::embedded();
    /// assert_eq!(list.lookup(name, true).suffix(name), Some("blogspot.com"));
    /// assert_eq!(list.lookup(name, false).suffix(name), Some("com"));
    /// ```
    #[must_use]
    pub fn suffix<'n>(&self, name: &'n str) -> Option<&'n str> {
        if self.len == 0 {
            return None;
        }
        name.get(name.len().checked_sub(self.len)?..)
    }

    /// The length in bytes of the registrable domain; 0 if there is none.
    pub(crate) const fn registrable_len(&self) -> usize {
        self.reg
    }

    /// The registrable domain of `name` (the public suffix and one more
    /// label), which must be the name that was looked up; `None` if the name
    /// is itself a public suffix.
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::SuffixList::embedded();
    /// let name = "www.xn--85x722f.xn--55qx5d.cn"; // www.食狮.公司.cn
    /// assert_eq!(list.lookup(name, false).registrable(name), Some("xn--85x722f.xn--55qx5d.cn"));
    /// assert_eq!(list.lookup("xn--55qx5d.cn", false).registrable("xn--55qx5d.cn"), None);
    /// ```
    #[must_use]
    #[inline]
    pub fn registrable<'n>(&self, name: &'n str) -> Option<&'n str> {
        if self.reg == 0 {
            return None; // a public suffix, or an empty label as in `.com`
        }
        name.get(name.len().checked_sub(self.reg)?..)
    }
}

/// Why [`SuffixList::parse`] or [`SuffixList::from_file`] refused a list.
///
/// # Example
///
/// ```
/// let err = dncheck::SuffixList::parse("com\nfoo.*.com\n").unwrap_err();
/// assert_eq!(err.line(), Some(2));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildError {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ErrorKind {
    /// The rule is not a domain name (after `*.` or `!`), or a label of its
    /// A-label form is empty or longer than 63 octets.
    InvalidRule { line: usize, rule: String },
    /// `*` somewhere other than as the leftmost label.
    Wildcard { line: usize, rule: String },
    /// `!` on a rule of a single label.
    Exception { line: usize, rule: String },
    /// An entry of a supported-suffix set is not a domain name.
    InvalidSuffix { line: usize, entry: String },
    /// The list holds no rule.
    Empty,
    /// The list is larger than the table format (65,535 trie nodes, 128 KiB
    /// of distinct labels).
    TooLarge,
    /// The file could not be read.
    #[cfg(feature = "std")]
    Io(std::io::ErrorKind),
}

impl BuildError {
    const fn new(kind: ErrorKind) -> Self {
        BuildError { kind }
    }

    pub(crate) fn invalid_suffix(line: usize, entry: &str) -> Self {
        BuildError::new(ErrorKind::InvalidSuffix {
            line,
            entry: entry.into(),
        })
    }

    /// The 1-based line of the list at fault, if the error is about a rule
    /// (for [`CheckerBuilder::supported_suffixes`](crate::CheckerBuilder::supported_suffixes):
    /// the position of the entry at fault).
    ///
    /// # Example
    ///
    /// ```
    /// let err = dncheck::SuffixList::parse("// comment\n!com\n").unwrap_err();
    /// assert_eq!(err.line(), Some(2));
    /// assert_eq!(dncheck::SuffixList::parse("// nothing\n").unwrap_err().line(), None);
    /// ```
    #[must_use]
    pub fn line(&self) -> Option<usize> {
        match self.kind {
            ErrorKind::InvalidRule { line, .. }
            | ErrorKind::Wildcard { line, .. }
            | ErrorKind::Exception { line, .. }
            | ErrorKind::InvalidSuffix { line, .. } => Some(line),
            _ => None,
        }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::InvalidRule { line, rule } => {
                write!(f, "line {line}: rule `{rule}` is not a valid domain name")
            }
            ErrorKind::Wildcard { line, rule } => write!(
                f,
                "line {line}: rule `{rule}`: `*` is supported only as the leftmost label"
            ),
            ErrorKind::Exception { line, rule } => write!(
                f,
                "line {line}: exception rule `{rule}` must have at least two labels"
            ),
            ErrorKind::InvalidSuffix { line, entry } => {
                write!(f, "supported suffix {line}: `{entry}` is not a domain name")
            }
            ErrorKind::Empty => f.write_str("the suffix list holds no rule"),
            ErrorKind::TooLarge => f.write_str(
                "the suffix list is too large (over 65,535 trie nodes or 128 KiB of labels)",
            ),
            #[cfg(feature = "std")]
            ErrorKind::Io(kind) => write!(f, "cannot read the suffix list: {kind}"),
        }
    }
}

impl core::error::Error for BuildError {}

impl fmt::Debug for SuffixList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SuffixList")
            .field("version", &self.version())
            .field("slots", &self.parents.len())
            .field("label_bytes", &self.labels.len())
            .finish()
    }
}

impl SuffixList {
    /// The list compiled into the crate: a `static`, so this is free.
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::SuffixList::embedded();
    /// assert_eq!(list.version(), Some(dncheck::suffix_list_version()));
    /// ```
    #[must_use]
    pub fn embedded() -> &'static SuffixList {
        &EMBEDDED
    }

    /// Builds the table from the text of a Public Suffix List
    /// (`public_suffix_list.dat`), as the embedded one is built.
    ///
    /// The format is that of <https://github.com/publicsuffix/list/wiki/Format>:
    /// one rule a line, read up to the first whitespace; `//` comments; `*.`
    /// wildcard and `!` exception rules. The `===BEGIN ICANN DOMAINS===` and
    /// `===BEGIN PRIVATE DOMAINS===` markers start the sections; rules outside
    /// both count as ICANN, so a hand-written list without markers works.
    /// Rules in U-label form are stored in A-label form (UTS #46 ToASCII), so
    /// lookups take A-labels only. `// VERSION:` and `// COMMIT:` header
    /// lines, where present, become [`version`](Self::version).
    ///
    /// # Errors
    ///
    /// A rule that is not a domain name, a `*` other than as the leftmost
    /// label, an exception of a single label, a list with no rule, or one
    /// beyond the table format's limits (65,535 trie nodes, 128 KiB of
    /// labels; the whole list of 2026 needs about 10,700 nodes and 42 KiB).
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::SuffixList::parse("\
    /// // ===BEGIN ICANN DOMAINS===
    /// com
    /// *.ck
    /// !www.ck
    /// // ===BEGIN PRIVATE DOMAINS===
    /// blogspot.com
    /// ").unwrap();
    /// let m = list.lookup("a.b.ck", true);
    /// assert_eq!(m.suffix("a.b.ck"), Some("b.ck"));
    /// let m = list.lookup("www.ck", true);
    /// assert_eq!(m.registrable("www.ck"), Some("www.ck"));
    /// ```
    pub fn parse(text: &str) -> Result<SuffixList, BuildError> {
        build(text, registry::marked_names())
    }

    /// Reads and builds a Public Suffix List file; see [`parse`](Self::parse).
    ///
    /// # Errors
    ///
    /// Those of [`parse`](Self::parse), and a file that cannot be read or is
    /// not UTF-8.
    ///
    /// # Example
    ///
    /// ```
    /// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/public_suffix_list.dat");
    /// let list = dncheck::SuffixList::from_file(path).unwrap();
    /// assert_eq!(list.lookup("example.co.uk", false).suffix_len(), 5);
    /// assert!(dncheck::SuffixList::from_file("/nonexistent/list.dat").is_err());
    /// ```
    #[cfg(feature = "std")]
    pub fn from_file<P: AsRef<std::path::Path>>(path: P) -> Result<SuffixList, BuildError> {
        let text =
            std::fs::read_to_string(path).map_err(|e| BuildError::new(ErrorKind::Io(e.kind())))?;
        SuffixList::parse(&text)
    }

    /// The list's version, from its `// VERSION:` (and `// COMMIT:`) header
    /// lines; the snapshot date for the embedded list.
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::SuffixList::parse("// VERSION: 2026-08-19_00-00-00_UTC\ncom\n").unwrap();
    /// assert_eq!(list.version(), Some("2026-08-19_00-00-00_UTC"));
    /// assert_eq!(dncheck::SuffixList::parse("com\n").unwrap().version(), None);
    /// ```
    #[must_use]
    pub fn version(&self) -> Option<&str> {
        self.version.as_deref()
    }

    /// The size in bytes of the table's arrays (for the embedded list: its
    /// static data).
    ///
    /// # Example
    ///
    /// ```
    /// assert!(dncheck::SuffixList::embedded().memory_usage() < 128 * 1024);
    /// ```
    #[must_use]
    pub fn memory_usage(&self) -> usize {
        self.parents.len() * 2 + self.words.len() * 4 + self.pilots.len() * 2 + self.labels.len()
    }

    /// Finds the public suffix of `name` in one pass over its labels from
    /// the right, following the [PSL algorithm](https://github.com/publicsuffix/list/wiki/Format#formal-algorithm):
    /// the longest matching rule prevails, an exception rule prevails over
    /// all others, and a name no rule matches has the implicit rule `*` (its
    /// last label is the suffix). With `private == false` the rules of the
    /// PRIVATE section are ignored, as if absent.
    ///
    /// `name` must be in canonical form: lowercase, no root dot, each label
    /// an A-label or a U-label — what [`Verdict::ascii`](crate::Verdict::ascii)
    /// and [`Verdict::unicode`](crate::Verdict::unicode) return. Both give the
    /// same answer: a U-label that is not found as such is looked up by its
    /// A-label (the table holds rules in A-label form), and lengths are
    /// those of the name passed. Other input is not refused but matches no
    /// rule where the canonical form would (`EXAMPLE.COM` has the implicit
    /// suffix `COM`). No allocation, no panic on any input.
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::SuffixList::embedded();
    /// let m = list.lookup("www.city.kawasaki.jp", false); // !city.kawasaki.jp
    /// assert_eq!(m.registrable("www.city.kawasaki.jp"), Some("city.kawasaki.jp"));
    /// let m = list.lookup("a.b.kawasaki.jp", false); // *.kawasaki.jp
    /// assert_eq!(m.suffix("a.b.kawasaki.jp"), Some("b.kawasaki.jp"));
    /// ```
    #[must_use]
    #[inline]
    pub fn lookup(&self, name: &str, private: bool) -> SuffixMatch {
        if core::ptr::eq(self, &EMBEDDED) {
            // The same lookup, with the arrays' addresses and sizes known at
            // compile time (and no load to tell: the test folds away where
            // the list is `SuffixList::embedded()`).
            EMBEDDED_TABLE.quick(name.as_bytes(), private)
        } else {
            self.table().quick_owned(name.as_bytes(), private)
        }
    }

    /// The arrays, borrowed for one lookup.
    #[inline]
    fn table(&self) -> Table<'_> {
        Table {
            seed: self.seed,
            parents: &self.parents,
            words: &self.words,
            pilots: &self.pilots,
            labels: &self.labels,
        }
    }

    /// The table's arrays and hash seed, for the code generator. Not part of
    /// the public API.
    #[doc(hidden)]
    #[must_use]
    pub fn __raw_parts(&self) -> (u64, &[u16], &[u32], &[u16], &[u8]) {
        (
            self.seed,
            &self.parents,
            &self.words,
            &self.pilots,
            &self.labels,
        )
    }
}
