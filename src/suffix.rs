//! The suffix stage: the [Public Suffix List](https://publicsuffix.org/list/)
//! as one compact table, its builder and its lookup. This is the only code
//! that knows the table's layout.
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
use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::generated::psl;
use crate::labels::{bytes_equal, head, read64, HIGH};
use crate::registry::{self, RegistryRule};

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

/// `true` if the rule `kind` of the node word is from the PRIVATE section
/// only (in ICANN-only mode an active rule never is).
#[inline(always)]
fn private_rule(word: u32, kind: u32) -> bool {
    word & (kind << ICANN_ONLY) == 0
}

const K0: u64 = 0x9e37_79b9_7f4a_7c15;
const K1: u64 = 0xa076_1d64_78bd_642f;
const K2: u64 = 0xe703_7ed1_a0b4_28db;

/// 64 x 64 -> 128 bit multiply, halves folded (wyhash's `mum`).
#[inline(always)]
fn mum(a: u64, b: u64) -> u64 {
    let r = u128::from(a) * u128::from(b);
    (r as u64) ^ ((r >> 64) as u64)
}

#[inline(always)]
fn read32(b: &[u8], i: usize) -> u64 {
    u64::from(u32::from_le_bytes(b[i..i + 4].try_into().unwrap()))
}

/// `a == b` for slices of one length, in (overlapping) words rather than a
/// `memcmp` call: labels are short.
#[inline(always)]
fn same(a: &[u8], b: &[u8]) -> bool {
    let len = a.len();
    debug_assert_eq!(len, b.len());
    if len >= 8 {
        let mut i = 0;
        while len - i > 8 {
            if read64(a, i) != read64(b, i) {
                return false;
            }
            i += 8;
        }
        read64(a, len - 8) == read64(b, len - 8)
    } else if len >= 4 {
        read32(a, 0) == read32(b, 0) && read32(a, len - 4) == read32(b, len - 4)
    } else {
        // 1 to 3 bytes: first, middle and last cover them all.
        len == 0 || (a[0] == b[0] && a[len / 2] == b[len / 2] && a[len - 1] == b[len - 1])
    }
}

/// The path hash of a label (of head `first`, see [`head`]) under a node of
/// path hash `parent`. Reads every byte of the label.
#[inline(always)]
fn hash(parent: u64, first: u64, label: &[u8]) -> u64 {
    let len = label.len();
    let rest = if len > 8 {
        let mut acc = K0;
        let mut i = 8;
        while len - i > 8 {
            acc = mum(acc ^ read64(label, i), K1);
            i += 8;
        }
        acc ^ read64(label, len - 8)
    } else {
        0
    };
    mix(parent, first, rest, len)
}

/// The last step of [`hash`]: the parent's path hash, the label's first
/// word, the mix of its other bytes (`rest`, 0 for a label of at most 8
/// bytes) and its length. Also [`Table::child16`]'s.
#[inline(always)]
fn mix(parent: u64, first: u64, rest: u64, len: usize) -> u64 {
    mum(first ^ parent, rest ^ K2 ^ len as u64)
}

/// Which bucket of `buckets` a path hash falls in.
#[inline(always)]
fn bucket(h: u64, buckets: usize) -> usize {
    // `buckets` is a power of two (at most 2^16): the top bits.
    ((h >> 32) >> (32 - buckets.trailing_zeros())) as usize
}

/// The 32-bit displacement of a stored pilot index: one 32-bit multiply by
/// an odd constant, so that the 65,536 indexes give well-spread values.
#[inline(always)]
fn mix_pilot(pilot: u16) -> u32 {
    u32::from(pilot).wrapping_mul(0x9e37_79b9)
}

/// The slot a path hash goes to with this (mixed) pilot.
#[inline(always)]
fn slot(h: u64, pilot: u32, slots: usize) -> usize {
    // The low half of the hash: the bucket took the high half.
    let x = u64::from(h as u32 ^ pilot);
    ((x * slots as u64) >> 32) as usize
}

/// Where a walk stands: at the label `name[start..end]` (of head `first`)
/// under the node in slot `parent` (of path hash `parent_hash`), with the
/// suffix so far (its length, and the bits of the rule that matched it in its
/// node word: the kind's bit and its ICANN bit; 0 for the implicit rule `*`)
/// and the policy bits gathered so far.
#[derive(Clone, Copy)]
struct Step {
    start: usize,
    end: usize,
    first: u64,
    parent: u16,
    parent_hash: u64,
    len: usize,
    rule: u32,
    policy: u32,
}

/// The arrays of a [`SuffixList`], borrowed for one lookup.
struct Table<'t> {
    seed: u64,
    parents: &'t [u16],
    words: &'t [u32],
    pilots: &'t [u16],
    labels: &'t [u8],
}

impl Table<'_> {
    /// The node word and slot of `label` under the node in slot `parent` (of
    /// path hash `parent_hash`), and the child's path hash.
    #[inline(always)]
    fn child(
        &self,
        parent: u16,
        parent_hash: u64,
        first: u64,
        label: &[u8],
    ) -> Option<(u32, usize, u64)> {
        let h = hash(parent_hash, first, label);
        let len = label.len();
        let (word, slot, off) = self.probe(h, parent, len)?;
        // `labels` ends with 7 bytes of padding, so a word can be read at
        // any label's offset.
        let stored = read64(self.labels, off);
        let ok = if len <= 8 {
            stored & (u64::MAX >> (64 - 8 * len)) == first
        } else {
            stored == first && same(&self.labels[off + 8..off + len], &label[8..])
        };
        ok.then_some((word, slot, h))
    }

    /// The slot a path hash `h` lands on, if it holds a child of `parent`
    /// with a label of `len` bytes: its node word, the slot and the label's
    /// offset in `labels`, for the caller to compare the label.
    #[inline(always)]
    fn probe(&self, h: u64, parent: u16, len: usize) -> Option<(u32, usize, usize)> {
        let pilot = mix_pilot(self.pilots[bucket(h, self.pilots.len())]);
        let slot = slot(h, pilot, self.parents.len());
        // Most misses end here, at the smaller array.
        if self.parents[slot] != parent {
            return None;
        }
        let word = self.words[slot];
        if (word & LEN_MASK) as usize != len {
            return None;
        }
        Some((word, slot, ((word >> OFFSET_SHIFT) & OFFSET_MASK) as usize))
    }

    /// [`child`](Self::child) for a label of 1 to 16 bytes given by its
    /// length and its first and last 8 bytes (`last == first` for 8 bytes
    /// or less), compared without a branch on its length.
    #[inline(always)]
    fn child16(
        &self,
        parent: u16,
        parent_hash: u64,
        first: u64,
        last: u64,
        len: usize,
    ) -> Option<(u32, usize, u64)> {
        // `hash` for a label of at most 16 bytes: no middle words.
        let h = mix(parent_hash, first, pick(len > 8, K0 ^ last, 0), len);
        let (word, slot, off) = self.probe(h, parent, len)?;
        // `1 <= len <= 16` here: the stored label has this length.
        let mask = u64::MAX >> (64 - 8 * len.min(8));
        let stored_first = read64(self.labels, off) & mask;
        let stored_last = read64(self.labels, off + len.max(8) - 8) & mask;
        ((stored_first == first) & (stored_last == last)).then_some((word, slot, h))
    }

    /// [`child`](Self::child), and where `U_LABELS` and it is not found,
    /// [`u_label_child`](Self::u_label_child): one step of a walk.
    #[inline(always)]
    fn find<const U_LABELS: bool>(
        &self,
        parent: u16,
        parent_hash: u64,
        first: u64,
        label: &[u8],
    ) -> Option<(u32, usize, u64)> {
        match self.child(parent, parent_hash, first, label) {
            None if U_LABELS => self.u_label_child(parent, parent_hash, label),
            found => found,
        }
    }

    /// [`child`](Self::child) for a label in U-label form: its A-label,
    /// looked up instead (`None` for an ASCII label).
    #[inline(never)]
    fn u_label_child(
        &self,
        parent: u16,
        parent_hash: u64,
        label: &[u8],
    ) -> Option<(u32, usize, u64)> {
        let text = core::str::from_utf8(label).ok()?;
        let mut chars = ['\0'; MAX_LABEL];
        let mut k = 0;
        for c in text.chars() {
            *chars.get_mut(k)? = c;
            k += 1;
        }
        let mut a_label = [0u8; MAX_LABEL];
        a_label[..4].copy_from_slice(b"xn--");
        let len = 4 + crate::punycode::encode(&chars[..k], &mut a_label[4..])?;
        let a_label = &a_label[..len];
        self.child(parent, parent_hash, head(a_label), a_label)
    }

    /// [`quick`](Self::quick) for a list loaded at run time, out of line.
    #[inline(never)]
    fn quick_owned(&self, name: &[u8], private: bool) -> SuffixMatch {
        self.quick(name, private)
    }

    /// [`lookup`](Self::lookup) out of line, for the names
    /// [`quick`](Self::quick) leaves to it.
    #[inline(never)]
    fn lookup_out(&self, name: &[u8], private: bool) -> SuffixMatch {
        self.lookup::<false>(name, private)
    }

    /// [`lookup`](Self::lookup) with U-labels looked up, out of line.
    #[inline(never)]
    fn lookup_u_labels(&self, name: &[u8], private: bool) -> SuffixMatch {
        self.lookup::<true>(name, private)
    }

    /// The walk. `U_LABELS == false` looks labels up as they are, and at a
    /// miss on a label with non-ASCII bytes starts over as
    /// `U_LABELS == true`, which also tries the A-label of a label not
    /// found. One walk, two instances, so that A-label names carry little
    /// U-label code: one branch-free test at the miss.
    #[inline(always)]
    fn lookup<const U_LABELS: bool>(&self, name: &[u8], private: bool) -> SuffixMatch {
        let n = name.len();
        let (start, first) = label_before(name, n);
        let at = Step {
            start,
            end: n,
            first,
            parent: ROOT,
            parent_hash: self.seed,
            // The implicit rule `*` until a rule matches: the TLD.
            len: n - start,
            rule: 0,
            policy: 0,
        };
        self.walk::<U_LABELS>(name, private, at)
    }

    /// The walk from the label `at` describes to the end of the lookup.
    #[inline(always)]
    fn walk<const U_LABELS: bool>(&self, name: &[u8], private: bool, at: Step) -> SuffixMatch {
        let n = name.len();
        let rules = rules_in_force(private);
        let Step {
            mut start,
            mut end,
            mut first,
            mut parent,
            mut parent_hash,
            mut len,
            mut rule,
            mut policy,
        } = at;
        while start < end {
            let label = &name[start..end];
            let found_child = self.find::<U_LABELS>(parent, parent_hash, first, label);
            let Some((word, child, h)) = found_child else {
                if !U_LABELS && has_non_ascii(name, start, end, first) {
                    // Rare: a U-label; start again, looking them up.
                    return self.lookup_u_labels(name, private);
                }
                break;
            };
            // The policy bits hold for every name under the node, so they
            // are gathered along the whole walk.
            policy |= word;
            let hit = word & rules;
            if hit & (EXCEPTION | EXCEPTION << ICANN_ONLY) != 0 {
                // Rare, and decided: out of line.
                return self.exception::<U_LABELS>(
                    name,
                    private,
                    start,
                    end,
                    (word, child, h),
                    policy,
                );
            }
            if hit & (RULE | RULE << ICANN_ONLY) != 0 {
                len = n - start;
                rule = word & (RULE | RULE << ICANN_ONLY);
            }
            if start == 0 {
                break;
            }
            // The next label, found even at a leaf: it is the registrable
            // domain's first label if no longer rule matches.
            end = start - 1;
            (start, first) = label_before(name, end);
            if hit & (WILDCARD | WILDCARD << ICANN_ONLY) != 0 {
                // `*.parent`: this label, whatever it is, extends the suffix
                // (unless an exception for it follows).
                len = n - start;
                rule = word & (WILDCARD | WILDCARD << ICANN_ONLY);
            }
            if word & INNER == 0 {
                break;
            }
            (parent, parent_hash) = (child as u16, h);
        }
        let mut found = if rule == 0 {
            SuffixMatch::implicit(len)
        } else {
            // A rule of the PRIVATE section only has no ICANN bit.
            SuffixMatch::known(len, rule & ((RULE | WILDCARD) << ICANN_ONLY) == 0)
        };
        found.policy = policy & POLICY;
        // The registrable domain: the suffix and the label before it.
        if len == 0 || len == n {
            return found;
        }
        let dot = n - len - 1;
        let reg_start = if dot == end {
            start // the label the walk stopped at
        } else {
            label_start(name, dot)
        };
        if reg_start < dot {
            found.reg = n - reg_start;
        }
        found
    }

    /// [`lookup`](Self::lookup), with its first two steps written out for
    /// the common case: a name of at least 8 bytes whose last label (under 8
    /// bytes) is a node without a wildcard or exception rule, and whose
    /// second label (under 16 bytes) is not a node, or a leaf without one.
    /// The walk takes over at the third label under a second-level node with
    /// children (`x.co.uk`), and from the start for any other name.
    ///
    /// The second label is split and compared without a branch on its
    /// length, which no predictor knows.
    #[inline(always)]
    fn quick(&self, name: &[u8], private: bool) -> SuffixMatch {
        let n = name.len();
        let rules = rules_in_force(private);
        if n < 8 {
            return self.lookup_out(name, private);
        }
        let w = read64(name, n - 8);
        let m = dots(w);
        if m == 0 {
            return self.lookup_out(name, private);
        }
        // The TLD, `name[dot + 1..]`, is in the word just read.
        let lz = m.leading_zeros();
        let dot = n - 1 - (lz / 8) as usize;
        let first = (w >> 1) >> (63 - lz);
        let Some((word, slot, h)) = self.child(ROOT, self.seed, first, &name[dot + 1..]) else {
            return self.lookup_out(name, private);
        };
        let hit = word & rules;
        if hit & both(WILDCARD | EXCEPTION) != 0 || dot == 0 {
            return self.lookup_out(name, private);
        }
        // The second label, `name[start..dot]`, from the 8 bytes before the
        // TLD's dot, then the 8 before them: branches on whether the name
        // has a third label (and where), not on the second label's length.
        let (hi, lo) = before(name, dot);
        let mh = dots(hi);
        let start = if mh != 0 {
            dot - (mh.leading_zeros() / 8) as usize
        } else {
            let ml = dots(lo);
            if ml != 0 {
                dot - 8 - (ml.leading_zeros() / 8) as usize
            } else if dot <= 16 {
                0
            } else {
                // Rare: a second label of 16 bytes or more.
                return self.lookup_out(name, private);
            }
        };
        let len2 = dot - start;
        if len2 == 0 {
            return self.lookup_out(name, private);
        }
        let mut policy = word;
        let mut rule = if hit & both(RULE) != 0 {
            word & both(RULE)
        } else {
            0
        };
        let mut len = n - dot - 1;
        let mut reg = n - start;
        if word & INNER != 0 {
            // Its first 8 bytes, and its last 8 (the first again if it is
            // at most 8 bytes long).
            let at = start.min(n - 8);
            let first =
                (read64(name, at) >> (8 * (start - at))) & (u64::MAX >> (64 - 8 * len2.min(8)));
            let last = pick(len2 > 8, hi, first);
            match self.child16(slot as u16, h, first, last, len2) {
                None => {
                    if (first | last) & HIGH != 0 {
                        return self.lookup_u_labels(name, private);
                    }
                }
                Some((word, slot, h)) => {
                    let hit = word & rules;
                    if hit & both(WILDCARD | EXCEPTION) != 0 {
                        // Rare (`*.kawasaki.jp`): the walk, from the start.
                        return self.lookup_out(name, private);
                    }
                    policy |= word;
                    if hit & both(RULE) != 0 {
                        rule = word & both(RULE);
                        len = n - start;
                        reg = 0;
                    }
                    if start > 0 {
                        let (next, first) = label_before(name, start - 1);
                        if word & INNER != 0 {
                            // A third label to look up: the walk's work.
                            let at = Step {
                                start: next,
                                end: start - 1,
                                first,
                                parent: slot as u16,
                                parent_hash: h,
                                len,
                                rule,
                                policy,
                            };
                            return self.walk::<false>(name, private, at);
                        }
                        if reg == 0 && next < start - 1 {
                            reg = n - next;
                        }
                    }
                }
            }
        }
        let mut found = if rule == 0 {
            SuffixMatch::implicit(len)
        } else {
            SuffixMatch::known(len, rule & RULE << ICANN_ONLY == 0)
        };
        found.policy = policy & POLICY;
        found.reg = reg;
        found
    }

    /// The end of [`lookup`](Self::lookup) after the exception rule
    /// `!label.parent` matched the label `name[start..end]` (node `node`: its
    /// word, slot and path hash): it prevails over every other rule, the
    /// suffix is the parent (exceptions have at least two labels, so
    /// `end < n`) and this label makes the registrable domain. The walk goes
    /// on only for the policy bits of the nodes below.
    #[cold]
    #[inline(never)]
    fn exception<const U_LABELS: bool>(
        &self,
        name: &[u8],
        private: bool,
        mut start: usize,
        mut end: usize,
        node: (u32, usize, u64),
        mut policy: u32,
    ) -> SuffixMatch {
        let n = name.len();
        let (word, mut child, mut h) = node;
        let mut found = SuffixMatch::known(n - end - 1, private_rule(word, EXCEPTION));
        found.reg = n - start;
        let mut inner = word & INNER != 0;
        while inner && start > 0 {
            end = start - 1;
            let first;
            (start, first) = label_before(name, end);
            if start == end {
                break;
            }
            let label = &name[start..end];
            let found_child = self.find::<U_LABELS>(child as u16, h, first, label);
            let Some((word, c, hash)) = found_child else {
                if !U_LABELS && has_non_ascii(name, start, end, first) {
                    return self.lookup_u_labels(name, private);
                }
                break;
            };
            policy |= word;
            inner = word & INNER != 0;
            (child, h) = (c, hash);
        }
        found.policy = policy & POLICY;
        found
    }
}

/// `true` if the label `name[start..end]` (of head `first`) has a byte
/// outside ASCII: the head covers up to 8 bytes, the word that ends the
/// label up to 16.
#[inline(always)]
fn has_non_ascii(name: &[u8], start: usize, end: usize, first: u64) -> bool {
    let len = end - start;
    first & HIGH != 0
        || (len > 8
            && (read64(name, end - 8) & HIGH != 0
                || (len > 16 && !name[start + 8..end - 8].is_ascii())))
}

/// 0x80 in each byte of `w` that is a `.`, 0 elsewhere.
#[inline(always)]
fn dots(w: u64) -> u64 {
    bytes_equal(w, b'.')
}

/// The label that ends at `end` (`name[start..end]`, possibly empty): its
/// start and its [`head`]. A label of under 8 bytes ends a word that holds
/// its dot, so one read gives both.
#[inline(always)]
fn label_before(name: &[u8], end: usize) -> (usize, u64) {
    if end >= 8 {
        let w = read64(name, end - 8);
        let m = dots(w);
        if m != 0 {
            // `lz / 8` bytes follow the word's last dot: the label, in the
            // word's top bytes (`lz < 64`, so the shift is split in two).
            let lz = m.leading_zeros();
            return (end - (lz / 8) as usize, (w >> 1) >> (63 - lz));
        }
        // 8 bytes or more: the head is a whole word.
        let start = label_start(name, end - 8);
        return (start, read64(name, start));
    }
    let (start, w) = in_first_word(name, end);
    let len = end - start;
    (start, (w >> (8 * start)) & ((1u64 << (8 * len)) - 1))
}

/// For `end < 8`: one past the last `.` of `name[..end]` (or 0), and the
/// word whose low bytes are the name's first (up to 8) bytes.
#[inline(always)]
fn in_first_word(name: &[u8], end: usize) -> (usize, u64) {
    let w = if name.len() >= 8 {
        read64(name, 0)
    } else {
        head(name)
    };
    let m = dots(w) & ((1u64 << (8 * end)) - 1);
    // `m == 0`: 64 leading zeros, so 0.
    ((64 - m.leading_zeros() as usize) / 8, w)
}

/// `if cond { a } else { b }` with no branch: for a condition no predictor
/// knows, such as a label's length (`core::hint::select_unpredictable` is
/// newer than the crate's minimum Rust version).
#[inline(always)]
fn pick(cond: bool, a: u64, b: u64) -> u64 {
    b ^ ((a ^ b) & u64::from(cond).wrapping_neg())
}

/// The 16 bytes of `name` before `end` (`1 <= end`, `name.len() >= 8`), as
/// two words, `name[end - 8..end]` and `name[end - 16..end - 8]`, with zero
/// bytes in place of those before the name's start.
#[inline(always)]
fn before(name: &[u8], end: usize) -> (u64, u64) {
    let at = end.saturating_sub(8);
    // Shifted by 8 bytes at most (`end >= 1`).
    let hi = read64(name, at) << (8 * (at + 8 - end));
    // Shifted by 7 bytes at most where `end > 8`; nothing of the name
    // where `end <= 8`.
    let at = end.saturating_sub(16);
    let lo = read64(name, at) << ((8 * (at + 16 - end)) & 63);
    (hi, pick(end > 8, lo, 0))
}

/// The start of the label that ends at `end`: one past the last `.` of
/// `name[..end]`, or 0. Eight bytes at a time (SWAR), from the right.
#[inline(always)]
fn label_start(name: &[u8], end: usize) -> usize {
    let mut e = end;
    while e >= 8 {
        let m = dots(read64(name, e - 8));
        if m != 0 {
            return e - 8 + (63 - m.leading_zeros() as usize) / 8 + 1;
        }
        e -= 8;
    }
    if e == 0 {
        return 0;
    }
    in_first_word(name, e).0
}

// ---------------------------------------------------------------------------
// The builder.

/// A trie node while building.
#[derive(Default)]
struct TmpNode {
    /// Children by label.
    children: BTreeMap<Vec<u8>, usize>,
    flags: u32,
}

/// A rule's text in A-label form, or `None` if it is not a domain name.
pub(crate) fn to_ascii(rule: &str) -> Option<Cow<'_, str>> {
    let canonical = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.';
    let ascii: Cow<'_, str> = if rule.bytes().all(canonical) {
        Cow::Borrowed(rule)
    } else {
        Cow::Owned(idna::domain_to_ascii(rule).ok()?)
    };
    // Letters, digits and hyphens only, as RFC 1123 host names (and every
    // rule of the list) have them.
    let ldh = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-';
    let ok = ascii
        .split('.')
        .all(|l| !l.is_empty() && l.len() <= MAX_LABEL && l.bytes().all(ldh));
    ok.then_some(ascii)
}

/// Sets a rule flag on a node. A rule listed in both sections counts as
/// ICANN.
fn set_flag(flags: &mut u32, kind: u32, private: bool) {
    *flags |= kind;
    if !private {
        *flags |= kind << ICANN_ONLY;
    }
}

/// The trie node of a name in A-label form, created with its ancestors if
/// absent.
fn insert(trie: &mut Vec<TmpNode>, ascii: &str) -> usize {
    let mut node = 0;
    for label in ascii.rsplit('.') {
        node = match trie[node].children.get(label.as_bytes()) {
            Some(&child) => child,
            None => {
                let child = trie.len();
                trie.push(TmpNode::default());
                trie[node].children.insert(label.as_bytes().to_vec(), child);
                child
            }
        };
    }
    node
}

/// Builds the table of the list `text`, with the marks of `marked` (names
/// as [`to_ascii`] takes them, each with its [`crate::registry`] marks; a
/// name that is not a domain name is skipped) on the nodes of their names.
fn build<'m>(
    text: &str,
    marked: impl IntoIterator<Item = (&'m str, u32)>,
) -> Result<SuffixList, BuildError> {
    let mut trie: Vec<TmpNode> = alloc::vec![TmpNode::default()];
    let mut private = false;
    let mut rules = 0usize;
    let mut version: Option<String> = None;
    let mut commit: Option<String> = None;
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = line.trim();
        if let Some(comment) = line.strip_prefix("//") {
            if comment.contains("===BEGIN ICANN DOMAINS===") {
                private = false;
            } else if comment.contains("===BEGIN PRIVATE DOMAINS===") {
                private = true;
            } else if comment.contains("===END PRIVATE DOMAINS===") {
                private = false;
            } else if let Some(v) = comment.trim().strip_prefix("VERSION:") {
                version = Some(v.trim().into());
            } else if let Some(c) = comment.trim().strip_prefix("COMMIT:") {
                commit = Some(c.trim().into());
            }
            continue;
        }
        let Some(rule) = line.split_whitespace().next() else {
            continue;
        };
        let err =
            |kind: fn(usize, String) -> ErrorKind| BuildError::new(kind(line_no, rule.into()));
        let (body, kind) = if let Some(body) = rule.strip_prefix('!') {
            if !body.contains('.') {
                return Err(err(|line, rule| ErrorKind::Exception { line, rule }));
            }
            (body, EXCEPTION)
        } else if let Some(body) = rule.strip_prefix("*.") {
            (body, WILDCARD)
        } else if rule == "*" {
            // The implicit rule, stated: nothing to store.
            continue;
        } else {
            (rule, RULE)
        };
        if body.contains('*') {
            return Err(err(|line, rule| ErrorKind::Wildcard { line, rule }));
        }
        let Some(ascii) = to_ascii(body) else {
            return Err(err(|line, rule| ErrorKind::InvalidRule { line, rule }));
        };
        let node = insert(&mut trie, &ascii);
        set_flag(&mut trie[node].flags, kind, private);
        rules += 1;
    }
    if rules == 0 {
        return Err(BuildError::new(ErrorKind::Empty));
    }
    for (name, marks) in marked {
        let Some(ascii) = to_ascii(name) else {
            continue;
        };
        debug_assert!(marks < 1 << registry::MARK_BITS, "{marks:#x}");
        let node = insert(&mut trie, &ascii);
        trie[node].flags |= (marks << MARK_SHIFT) & POLICY;
    }
    if trie.len() > usize::from(u16::MAX) {
        return Err(BuildError::new(ErrorKind::TooLarge));
    }

    // Every node but the root gets a slot; a node's key is its path hash.
    let count = trie.len() - 1;
    let slots = count + count / 32 + 1;
    if slots >= usize::from(EMPTY) {
        return Err(BuildError::new(ErrorKind::TooLarge));
    }
    let buckets = count.div_ceil(4).max(1).next_power_of_two();
    let mut parent_of = alloc::vec![0usize; trie.len()];
    let mut label_of: Vec<&[u8]> = alloc::vec![&[][..]; trie.len()];
    for (id, node) in trie.iter().enumerate() {
        for (label, &child) in &node.children {
            parent_of[child] = id;
            label_of[child] = label;
        }
    }
    // Parents are created before their children, so one pass in id order
    // computes the path hashes.
    let mut seed = K2;
    let (pilots, slot_of) = loop {
        let mut hashes = alloc::vec![seed; trie.len()];
        for id in 1..trie.len() {
            hashes[id] = hash(hashes[parent_of[id]], head(label_of[id]), label_of[id]);
        }
        if let Some((pilots, slot_of)) = place(&hashes[1..], buckets, slots) {
            break (pilots, slot_of);
        }
        seed = mum(seed, K0);
    };

    let (mut labels, offsets) = pack_labels(label_of[1..].iter().copied());
    // Padding (dots: no label holds one), so that a lookup reads a whole
    // word at any label's offset.
    labels.extend_from_slice(b".......");
    if labels.len() > (1 << OFFSET_BITS) {
        return Err(BuildError::new(ErrorKind::TooLarge));
    }
    let mut parents = alloc::vec![EMPTY; slots];
    let mut words = alloc::vec![0u32; slots];
    for id in 1..trie.len() {
        let label = label_of[id];
        let inner = if trie[id].children.is_empty() {
            0
        } else {
            INNER
        };
        let slot = slot_of[id - 1];
        let word = offsets[label] << OFFSET_SHIFT | label.len() as u32 | trie[id].flags | inner;
        let parent = match parent_of[id] {
            0 => ROOT,
            p => slot_of[p - 1] as u16,
        };
        parents[slot] = parent;
        words[slot] = word;
    }

    let version = match (version, commit) {
        (Some(v), Some(c)) => Some(alloc::format!("{v} (commit {c})")),
        (Some(v), None) => Some(v),
        (None, Some(c)) => Some(alloc::format!("commit {c}")),
        (None, None) => None,
    };
    Ok(SuffixList {
        seed,
        parents: Cow::Owned(parents),
        words: Cow::Owned(words),
        pilots: Cow::Owned(pilots),
        labels: Cow::Owned(labels),
        version: version.map(Cow::Owned),
    })
}

/// Hash-and-displace: finds for each bucket a pilot that sends its keys to
/// free, distinct slots, largest buckets first. Returns the pilots and each
/// key's slot, or `None` (two keys with one hash, or a bucket no pilot
/// places) so that the caller retries with another seed.
fn place(hashes: &[u64], buckets: usize, slots: usize) -> Option<(Vec<u16>, Vec<usize>)> {
    let mut members: Vec<Vec<usize>> = alloc::vec![Vec::new(); buckets];
    for (key, &h) in hashes.iter().enumerate() {
        members[bucket(h, buckets)].push(key);
    }
    let mut order: Vec<usize> = (0..buckets).collect();
    order.sort_by(|&a, &b| members[b].len().cmp(&members[a].len()).then(a.cmp(&b)));
    let mut taken = alloc::vec![false; slots];
    let mut pilots = alloc::vec![0u16; buckets];
    let mut slot_of = alloc::vec![0usize; hashes.len()];
    let mut tried: Vec<usize> = Vec::new();
    for b in order {
        let keys = &members[b];
        if keys.is_empty() {
            break;
        }
        // Candidate pilots: 65,536 indexes of well-spread 32-bit values.
        let pilot = (0..=u16::MAX).find(|&pilot| {
            tried.clear();
            for &key in keys {
                let s = slot(hashes[key], mix_pilot(pilot), slots);
                if taken[s] || tried.contains(&s) {
                    return false;
                }
                tried.push(s);
            }
            true
        })?;
        pilots[b] = pilot;
        for (&key, &s) in keys.iter().zip(&tried) {
            taken[s] = true;
            slot_of[key] = s;
        }
    }
    Some((pilots, slot_of))
}

/// Lays the distinct labels out in one byte string, longest first, a label
/// that already occurs in it (as a whole label or inside a longer one)
/// sharing those bytes. Returns the bytes and each label's offset.
fn pack_labels<'a>(labels: impl Iterator<Item = &'a [u8]>) -> (Vec<u8>, BTreeMap<&'a [u8], u32>) {
    let mut distinct: Vec<&[u8]> = labels.collect();
    distinct.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    distinct.dedup();
    let mut blob: Vec<u8> = Vec::new();
    // Every substring of the blob's labels, with its offset.
    let mut seen: BTreeMap<&[u8], u32> = BTreeMap::new();
    let mut offsets = BTreeMap::new();
    for label in distinct {
        let off = match seen.get(label) {
            Some(&off) => off,
            None => {
                let off = blob.len() as u32;
                blob.extend_from_slice(label);
                for i in 0..label.len() {
                    for j in i + 1..=label.len() {
                        seen.entry(&label[i..j]).or_insert(off + i as u32);
                    }
                }
                off
            }
        };
        offsets.insert(label, off);
    }
    (blob, offsets)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list() -> &'static SuffixList {
        SuffixList::embedded()
    }

    /// `(suffix, registrable)` of a name.
    fn parts(name: &str, private: bool) -> (Option<&str>, Option<&str>) {
        let m = list().lookup(name, private);
        (m.suffix(name), m.registrable(name))
    }

    #[test]
    fn wildcard() {
        // *.kawasaki.jp
        assert_eq!(
            parts("a.b.kawasaki.jp", false),
            (Some("b.kawasaki.jp"), Some("a.b.kawasaki.jp"))
        );
        assert_eq!(parts("b.kawasaki.jp", false), (Some("b.kawasaki.jp"), None));
        // `kawasaki.jp` itself is no rule.
        assert_eq!(
            parts("kawasaki.jp", false),
            (Some("jp"), Some("kawasaki.jp"))
        );
        // *.ck, and `ck` itself is no rule but is the TLD.
        assert_eq!(parts("ck", false), (Some("ck"), None));
        assert_eq!(
            parts("a.test.ck", false),
            (Some("test.ck"), Some("a.test.ck"))
        );
    }

    #[test]
    fn exception() {
        // !www.ck under *.ck
        assert_eq!(parts("www.ck", false), (Some("ck"), Some("www.ck")));
        assert_eq!(parts("a.www.ck", false), (Some("ck"), Some("www.ck")));
        let m = list().lookup("www.ck", false);
        assert!(m.is_known());
        assert_eq!(m.section(), Some(Section::Icann));
        // !city.kobe.jp under *.kobe.jp
        assert_eq!(
            parts("city.kobe.jp", false),
            (Some("kobe.jp"), Some("city.kobe.jp"))
        );
        assert_eq!(parts("c.kobe.jp", false), (Some("c.kobe.jp"), None));
    }

    #[test]
    fn implicit_rule() {
        let m = list().lookup("b.example.example", true);
        assert!(!m.is_known());
        assert_eq!(m.section(), None);
        assert_eq!(
            parts("b.example.example", true),
            (Some("example"), Some("example.example"))
        );
        assert_eq!(parts("example", true), (Some("example"), None));
    }

    #[test]
    fn private_vs_icann_only() {
        let m = list().lookup("foo.blogspot.com", true);
        assert_eq!(
            (m.suffix("foo.blogspot.com"), m.section()),
            (Some("blogspot.com"), Some(Section::Private))
        );
        let m = list().lookup("foo.blogspot.com", false);
        assert_eq!(
            (m.suffix("foo.blogspot.com"), m.section()),
            (Some("com"), Some(Section::Icann))
        );
        assert_eq!(parts("foo.blogspot.com", false).1, Some("blogspot.com"));
        // A PRIVATE-only TLD path is absent in ICANN-only mode.
        assert_eq!(
            parts("x.github.io", true),
            (Some("github.io"), Some("x.github.io"))
        );
        assert_eq!(parts("x.github.io", false), (Some("io"), Some("github.io")));
    }

    #[test]
    fn uppercase_is_not_canonical() {
        let m = list().lookup("EXAMPLE.COM", false);
        assert!(!m.is_known());
        assert_eq!(m.suffix("EXAMPLE.COM"), Some("COM"));
    }

    #[test]
    fn idn_rules_a_labels_and_u_labels() {
        // 中国
        let m = list().lookup("xn--fiqs8s", false);
        assert!(m.is_known());
        assert_eq!(m.suffix_len(), "xn--fiqs8s".len());
        // 公司.cn
        assert_eq!(parts("xn--55qx5d.cn", false), (Some("xn--55qx5d.cn"), None));
        assert!(list().lookup("xn--55qx5d.cn", false).is_known());
        // U-labels are looked up by their A-labels, lengths in the name.
        assert!(list().lookup("中国", false).is_known());
        assert_eq!(
            parts("www.食狮.公司.cn", false),
            (Some("公司.cn"), Some("食狮.公司.cn"))
        );
        assert_eq!(parts("例子.中国", false), (Some("中国"), Some("例子.中国")));
        // Mixed forms, and a wildcard under a U-label rule.
        let list = SuffixList::parse("cn\n公司.cn\n*.例子.cn\n").unwrap();
        assert_eq!(
            list.lookup("a.xn--55qx5d.cn", false).suffix_len(),
            "xn--55qx5d.cn".len()
        );
        assert_eq!(
            list.lookup("a.b.例子.cn", false).suffix_len(),
            "b.例子.cn".len()
        );
        // Not a U-label in canonical form: no rule.
        assert!(!list.lookup("公司。cn", false).is_known());
    }

    #[test]
    fn odd_input_does_not_panic() {
        for name in [
            "", ".", "..", "com.", ".com", "a..com", "..ck", ".www.ck", "www..ck", "*.ck",
            "!www.ck",
        ] {
            for private in [false, true] {
                let m = list().lookup(name, private);
                assert!(m.suffix_len() <= name.len(), "{name:?}");
                let _ = (m.suffix(name), m.registrable(name));
            }
        }
        assert_eq!(parts(".com", false), (Some("com"), None));
        assert_eq!(parts("com.", false), (None, None));
    }

    /// [`Table::quick`] (the lookup) against the plain walk it shortcuts,
    /// on names under every rule of the list (and the policy names), with
    /// prefixes of every label length around the word size, and on random
    /// names of dots, hyphens, letters and a few multi-byte characters.
    #[test]
    fn quick_is_the_walk() {
        let table = EMBEDDED_TABLE;
        let check = |name: &str| {
            for private in [false, true] {
                let quick = table.quick(name.as_bytes(), private);
                let walk = table.lookup::<false>(name.as_bytes(), private);
                assert_eq!(quick, walk, "{name:?}, private {private}");
            }
        };
        let list = include_str!("../data/public_suffix_list.dat");
        let bodies = list
            .lines()
            .filter(|l| !l.starts_with("//") && !l.trim().is_empty())
            .map(|l| l.trim().trim_start_matches('!').trim_start_matches("*."))
            .chain(
                include_str!("../data/reserved.txt")
                    .lines()
                    .filter_map(|l| l.split_whitespace().next()),
            )
            .filter(|b| !b.starts_with('#'));
        let prefixes: Vec<String> = [1, 2, 6, 7, 8, 9, 15, 16, 17, 24]
            .iter()
            .map(|&k| String::from(&"abcdefghijklmnopqrstuvwxyz"[..k]))
            .collect();
        let mut names = 0;
        for body in bodies {
            let ascii = to_ascii(body).unwrap();
            for body in [body, &*ascii] {
                check(body);
                check(&alloc::format!(".{body}"));
                check(&alloc::format!("..{body}"));
                for p in &prefixes {
                    check(&alloc::format!("{p}.{body}"));
                    check(&alloc::format!("x.{p}.{body}"));
                    check(&alloc::format!("{p}.w.{body}"));
                }
                names += 3 + 3 * prefixes.len();
            }
        }
        assert!(names > 200_000, "{names}");
        // Empty labels and dots at the word boundaries.
        for body in ["com", "jp", "co.uk", "ck", "abcdefg", "abcdefgh"] {
            for pad in 0..20 {
                let x = &"xxxxxxxxxxxxxxxxxxxx"[..pad];
                for name in [
                    alloc::format!(".{x}{body}"),
                    alloc::format!(".{x}.{body}"),
                    alloc::format!("{x}.{body}"),
                    alloc::format!("{x}..{body}"),
                    alloc::format!("..{x}.{body}"),
                    alloc::format!("{x}.{body}."),
                    alloc::format!("{x}.é.{body}"),
                ] {
                    check(&name);
                }
            }
        }
        // Random names: a small alphabet, so that labels of the list turn up.
        let alphabet = [
            "a", "b", "c", "o", "m", "k", "j", "p", "-", ".", ".", ".", "中", "é",
        ];
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = (x % 24) as usize;
            let mut name = String::new();
            let mut y = x;
            for _ in 0..len {
                y = y.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29);
                name.push_str(alphabet[(y % alphabet.len() as u64) as usize]);
            }
            for tld in ["", ".com", ".jp", ".uk", ".ck", ".cn"] {
                check(&alloc::format!("{name}{tld}"));
            }
        }
    }

    #[test]
    fn policy_bits() {
        for name in [
            "example.com",
            "www.example.com",
            "a.b.example.org",
            "foo.test",
            "printer.local",
            "x.home.arpa",
            "abc.onion",
            "foo.alt",
            "corp.internal",
            "1.168.192.in-addr.arpa",
            "2.20.172.in-addr.arpa",
            "x.8.e.f.ip6.arpa",
        ] {
            for private in [false, true] {
                assert!(list().lookup(name, private).is_reserved(), "{name}");
            }
        }
        for name in [
            "example.co",
            "examples.com",
            "com",
            "1.1.in-addr.arpa",
            "15.172.in-addr.arpa",
            "32.172.in-addr.arpa",
            "localhost.com",
            "xn--fiqs8s",
        ] {
            assert!(!list().lookup(name, true).is_reserved(), "{name}");
        }
        // Reserved nodes that are no rule do not make a suffix known.
        let m = list().lookup("foo.test", false);
        assert!(!m.is_known());
        assert_eq!(m.registrable("foo.test"), Some("foo.test"));
        // `home.arpa` is a rule and reserved.
        let m = list().lookup("x.home.arpa", false);
        assert!(m.is_known());
        assert_eq!(m.suffix("x.home.arpa"), Some("home.arpa"));
        for name in [
            "a.cn",
            "a.com.cn",
            "a.xn--55qx5d.cn",
            "a.xn--fiqs8s",
            "a.xn--fiqz9s",
            "a.xn--55qx5d",
            "a.xn--io0a7i",
            "cn",
        ] {
            assert_eq!(
                list().lookup(name, false).rule(),
                Some(RegistryRule::Chinese),
                "{name}"
            );
        }
        for name in ["a.com", "cn.com", "a.hk", "a.xn--j6w193g"] {
            assert_eq!(list().lookup(name, false).rule(), None, "{name}");
        }
        // A list loaded at run time gets the same policy bits.
        let small = SuffixList::parse("com\ncn\n*.ck\n!www.ck\n").unwrap();
        assert!(small.lookup("example.com", false).is_reserved());
        assert!(small.lookup("x.local", false).is_reserved());
        assert_eq!(
            small.lookup("a.cn", false).rule(),
            Some(RegistryRule::Chinese)
        );
        assert_eq!(
            small.lookup("a.www.ck", false).registrable("a.www.ck"),
            Some("www.ck")
        );
    }

    #[test]
    fn layout_limits() {
        let (_, parents, words, _, labels) = list().__raw_parts();
        assert_eq!(parents.len(), words.len());
        assert!(parents.len() < usize::from(EMPTY));
        assert!(labels.len() <= 1 << OFFSET_BITS);
        assert!(list().memory_usage() <= 128 * 1024);
    }

    #[test]
    fn build_errors() {
        let e = SuffixList::parse("com\n*.*.com\n").unwrap_err();
        assert_eq!(e.line(), Some(2));
        let e = SuffixList::parse("com\na..com\n").unwrap_err();
        assert_eq!(e.line(), Some(2));
        assert!(SuffixList::parse("!com").is_err());
        assert!(SuffixList::parse("// only comments\n\n").is_err());
        assert!(SuffixList::parse("*\n").is_err());
        let e = SuffixList::parse("ok\nfoo bar\nbad_rule!\n").unwrap_err();
        assert_eq!(e.line(), Some(3), "{e}");
    }

    #[test]
    fn sections_and_duplicates() {
        let list = SuffixList::parse(
            "// ===BEGIN PRIVATE DOMAINS===\nfoo.com\n// ===END PRIVATE DOMAINS===\n\
             // ===BEGIN ICANN DOMAINS===\nfoo.com\ncom\n",
        )
        .unwrap();
        assert_eq!(
            list.lookup("a.foo.com", false).section(),
            Some(Section::Icann)
        );
        assert_eq!(list.lookup("a.foo.com", false).suffix_len(), 7);
        let list = SuffixList::parse("com // trailing words are ignored\n*.foo.com\n").unwrap();
        assert_eq!(
            list.lookup("a.b.foo.com", false).suffix_len(),
            "b.foo.com".len()
        );
        assert_eq!(
            list.lookup("a.b.foo.com", false).section(),
            Some(Section::Icann)
        );
    }

    #[test]
    fn unicode_rules() {
        let list = SuffixList::parse("cn\n公司.cn\n*.例子.cn\n").unwrap();
        assert_eq!(
            list.lookup("a.xn--55qx5d.cn", false).suffix_len(),
            "xn--55qx5d.cn".len()
        );
        assert_eq!(
            list.lookup("a.b.xn--fsqu00a.cn", false).suffix_len(),
            "b.xn--fsqu00a.cn".len()
        );
    }
}
