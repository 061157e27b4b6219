//! The outcome of a check: [`Verdict`] for an accepted name (a
//! [`Rejection`](crate::reason::Rejection) says why one was refused).

use core::fmt;
use smallvec::SmallVec;

use crate::flags::Flags;
use crate::labels::Labels;
use crate::suffix::Section;

/// A verdict's owned forms: inline for any name of DNS size (a name has at
/// most 253 octets in ASCII form; the normaliser refuses it beyond), on the
/// heap only for a U-label form of long non-Latin names.
pub(crate) type NameBuf = SmallVec<[u8; NAME_ROOM]>;

/// The inline capacity of a [`NameBuf`].
pub(crate) const NAME_ROOM: usize = 256;

/// The U-label form while the normaliser builds it.
pub(crate) type UnicodeBuf = SmallVec<[u8; 256]>;

/// An accepted name.
///
/// A verdict borrows the input where it can: when the input already is the
/// canonical A-label form (the common case: lowercase ASCII) or the U-label
/// form, the getters return slices of it, and nothing is copied. Otherwise
/// the forms live in inline buffers of the verdict. No getter allocates.
///
/// # Example
///
/// ```
/// use dncheck::{Checker, Flag};
///
/// let v = Checker::default().check("例子。中国.").unwrap();
/// assert_eq!(v.ascii(), "xn--fsqu00a.xn--fiqs8s");
/// assert_eq!(v.unicode(), "例子.中国");
/// assert!(v.flags().contains(Flag::RootDot));
/// ```
#[derive(Clone)]
pub struct Verdict<'h> {
    /// The A-label form when it is the input (without a root dot); else it is
    /// in `ascii`.
    pub(crate) ascii_input: Option<&'h str>,
    pub(crate) unicode_at: UnicodeAt<'h>,
    /// The owned A-label form (`buf[..ascii_len]`), then the owned U-label
    /// form (`buf[ascii_len..]`).
    pub(crate) buf: NameBuf,
    pub(crate) ascii_len: usize,
    pub(crate) flags: Flags,
    /// The suffix stage's answer; zero lengths until it ran.
    pub(crate) parts: SuffixParts,
    /// The input, for the spans of the suffix stage's refusals.
    pub(crate) input: &'h [u8],
}

/// Where the public suffix and the registrable domain start in the A-label
/// form, as lengths from its end (a name has at most 253 octets).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct SuffixParts {
    /// The public suffix's length; 0 until the suffix stage ran.
    pub(crate) suffix: u8,
    /// The registrable domain's length; 0 if there is none.
    pub(crate) registrable: u8,
    /// The section of the deciding rule; `None` for the implicit `*` rule.
    pub(crate) section: Option<Section>,
}

/// Where a verdict's U-label form is.
#[derive(Clone, Copy, Debug)]
pub(crate) enum UnicodeAt<'h> {
    /// The same as the A-label form (no internationalised label).
    Ascii,
    /// The input itself (without a root dot).
    Input(&'h str),
    /// The verdict's buffer, after the A-label form.
    Buffer,
}

impl<'h> Verdict<'h> {
    /// The verdict of an input that is its own A-label form.
    #[inline(always)]
    pub(crate) fn canonical(
        input: &'h [u8],
        ascii: &'h str,
        flags: Flags,
        parts: SuffixParts,
    ) -> Verdict<'h> {
        Verdict {
            ascii_input: Some(ascii),
            unicode_at: UnicodeAt::Ascii,
            buf: NameBuf::new(),
            ascii_len: 0,
            flags,
            parts,
            input,
        }
    }

    #[inline(always)]
    pub(crate) fn empty(input: &'h [u8]) -> Verdict<'h> {
        Verdict {
            ascii_input: None,
            unicode_at: UnicodeAt::Ascii,
            buf: NameBuf::new(),
            ascii_len: 0,
            flags: Flags::default(),
            parts: SuffixParts::default(),
            input,
        }
    }

    /// The name in A-label form: lowercase, labels separated by `.`, no root
    /// dot. This is the canonical key: `公司.cn`, `xn--55qx5d.cn` and
    /// `公司。CN.` all have the key `xn--55qx5d.cn`.
    #[must_use]
    #[inline]
    pub fn ascii(&self) -> &str {
        match self.ascii_input {
            Some(input) => input,
            // The normaliser writes only ASCII to the buffer.
            None => core::str::from_utf8(&self.buf[..self.ascii_len]).unwrap_or_default(),
        }
    }

    /// The canonical key of the name; the same as [`Verdict::ascii`].
    #[must_use]
    #[inline]
    pub fn key(&self) -> &str {
        self.ascii()
    }

    /// The whole name in U-label form (each `xn--` label decoded).
    #[must_use]
    pub fn unicode(&self) -> &str {
        match self.unicode_at {
            UnicodeAt::Ascii => self.ascii(),
            UnicodeAt::Input(input) => input,
            // The normaliser writes whole UTF-8 sequences to the buffer.
            UnicodeAt::Buffer => {
                core::str::from_utf8(&self.buf[self.ascii_len..]).unwrap_or_default()
            }
        }
    }

    /// The public suffix in A-label form (`com.cn` of `www.example.com.cn`),
    /// by the Public Suffix List rules the checker uses (ICANN only unless
    /// configured with the PRIVATE section); a TLD that no rule names is
    /// its own suffix (the implicit `*` rule). Always `Some` for a verdict
    /// of [`Checker::check`](crate::Checker::check); `None` for one of
    /// [`Checker::normalize`](crate::Checker::normalize) until
    /// [`Checker::check_normalized`](crate::Checker::check_normalized) ran
    /// on it.
    ///
    /// # Example
    ///
    /// ```
    /// let v = dncheck::Checker::default().check("例子.公司.cn").unwrap();
    /// assert_eq!(v.suffix(), Some("xn--55qx5d.cn"));
    /// assert_eq!(v.registrable(), Some("xn--fsqu00a.xn--55qx5d.cn"));
    /// ```
    #[must_use]
    pub fn suffix(&self) -> Option<&str> {
        self.tail(self.parts.suffix)
    }

    /// The registrable domain in A-label form: the public suffix and one
    /// label more. `None` when the name is itself a public suffix or the
    /// suffix stage has not run.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Profile};
    ///
    /// let hosts = Checker::builder().profile(Profile::Hostname).build();
    /// let v = hosts.check("www.Example.co.uk").unwrap();
    /// assert_eq!(v.registrable(), Some("example.co.uk"));
    /// ```
    #[must_use]
    pub fn registrable(&self) -> Option<&str> {
        self.tail(self.parts.registrable)
    }

    /// The section of the Public Suffix List whose rule decided the suffix;
    /// `None` if no rule matched (the implicit `*` rule) or the suffix stage
    /// has not run.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Section};
    ///
    /// let v = Checker::default().check("wikipedia.org").unwrap();
    /// assert_eq!(v.suffix_section(), Some(Section::Icann));
    /// ```
    #[must_use]
    pub const fn suffix_section(&self) -> Option<Section> {
        self.parts.section
    }

    /// The last `len` bytes of the A-label form, `None` for 0.
    fn tail(&self, len: u8) -> Option<&str> {
        let ascii = self.ascii();
        match len {
            0 => None,
            len => ascii.get(ascii.len().checked_sub(usize::from(len))?..),
        }
    }

    /// [`unicode`](Self::unicode) as bytes, without a UTF-8 check.
    pub(crate) fn unicode_bytes(&self) -> &[u8] {
        match self.unicode_at {
            UnicodeAt::Ascii => self.ascii().as_bytes(),
            UnicodeAt::Input(input) => input.as_bytes(),
            UnicodeAt::Buffer => &self.buf[self.ascii_len..],
        }
    }

    /// The labels of the A-label form, left to right.
    pub fn labels(&self) -> Labels<'_> {
        Labels::new(self.ascii())
    }

    /// What is worth knowing about the name beyond its acceptance.
    #[must_use]
    pub const fn flags(&self) -> Flags {
        self.flags
    }
}

impl PartialEq for Verdict<'_> {
    fn eq(&self, other: &Verdict<'_>) -> bool {
        self.ascii() == other.ascii()
            && self.unicode() == other.unicode()
            && self.suffix() == other.suffix()
            && self.registrable() == other.registrable()
            && self.flags == other.flags
    }
}

impl Eq for Verdict<'_> {}

impl fmt::Debug for Verdict<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verdict")
            .field("ascii", &self.ascii())
            .field("unicode", &self.unicode())
            .field("suffix", &self.suffix())
            .field("registrable", &self.registrable())
            .field("flags", &self.flags)
            .finish()
    }
}

#[cfg(feature = "serde")]
mod serde_impls {
    //! `Serialize` for a verdict: `ascii`, `unicode`, `suffix`,
    //! `registrable` and `flags`. The CLI's JSON record adds `input`, `ok`
    //! and the fields of later stages, with every key always present.
    use super::Verdict;
    use serde::ser::{Serialize, SerializeMap, Serializer};

    impl Serialize for Verdict<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(Some(5))?;
            map.serialize_entry("ascii", self.ascii())?;
            map.serialize_entry("unicode", self.unicode())?;
            map.serialize_entry("suffix", &self.suffix())?;
            map.serialize_entry("registrable", &self.registrable())?;
            map.serialize_entry("flags", &self.flags())?;
            map.end()
        }
    }
}
