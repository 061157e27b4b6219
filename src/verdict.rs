//! The outcome of a check: [`Verdict`] for an accepted name (a
//! [`Rejection`](crate::reason::Rejection) says why one was refused).

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::flags::Flags;
use crate::labels::Labels;
use crate::normalize::Normalized;
use crate::suffix::{Section, SuffixMatch};

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
    /// The normalisation stage's result: the forms, the flags, the input.
    pub(crate) name: Normalized<'h>,
    /// The suffix stage's answer; zero lengths until it ran.
    pub(crate) parts: SuffixParts,
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

impl SuffixParts {
    /// The parts of a suffix match of a name of DNS size (the normaliser
    /// refused longer names, so lengths fit a byte).
    #[inline(always)]
    pub(crate) fn of(m: &SuffixMatch) -> SuffixParts {
        SuffixParts {
            suffix: m.suffix_len() as u8,
            registrable: m.registrable_len() as u8,
            section: m.section(),
        }
    }
}

impl<'h> Verdict<'h> {
    /// A verdict of an input, before any stage ran: the checker builds it
    /// where it returns it and the stages fill it in place.
    #[inline(always)]
    pub(crate) fn empty(input: &'h [u8]) -> Verdict<'h> {
        Verdict {
            name: Normalized::empty(input),
            parts: SuffixParts::default(),
        }
    }

    /// The name in A-label form: lowercase, labels separated by `.`, no root
    /// dot. This is the canonical key: `公司.cn`, `xn--55qx5d.cn` and
    /// `公司。CN.` all have the key `xn--55qx5d.cn`.
    ///
    /// # Example
    ///
    /// ```
    /// let v = dncheck::Checker::default().check("例子.公司。CN.").unwrap();
    /// assert_eq!(v.ascii(), "xn--fsqu00a.xn--55qx5d.cn");
    /// ```
    #[must_use]
    #[inline]
    pub fn ascii(&self) -> &str {
        self.name.ascii()
    }

    /// The canonical key of the name; the same as [`Verdict::ascii`].
    ///
    /// # Example
    ///
    /// ```
    /// let checker = dncheck::Checker::default();
    /// let a = checker.check("例子.中国").unwrap();
    /// let b = checker.check("xn--fsqu00a.XN--FIQS8S").unwrap();
    /// assert_eq!(a.key(), b.key());
    /// ```
    #[must_use]
    #[inline]
    pub fn key(&self) -> &str {
        self.ascii()
    }

    /// The whole name in U-label form (each `xn--` label decoded).
    ///
    /// # Example
    ///
    /// ```
    /// let v = dncheck::Checker::default().check("xn--fsqu00a.xn--fiqs8s").unwrap();
    /// assert_eq!(v.unicode(), "例子.中国");
    /// ```
    #[must_use]
    pub fn unicode(&self) -> &str {
        self.name.unicode()
    }

    /// The public suffix in A-label form (`com.cn` of `www.example.com.cn`),
    /// by the Public Suffix List rules the checker uses (ICANN only unless
    /// configured with the PRIVATE section); a TLD that no rule names is
    /// its own suffix (the implicit `*` rule). Always `Some` for a verdict
    /// of [`Checker::check`](crate::Checker::check); `None` for one of
    /// [`Checker::normalize`](crate::Checker::normalize) until
    /// [`Checker::check_normalized`](crate::Checker::check_normalized) ran
    /// on it, and after a refusal as
    /// [`Reason::IpLiteral`](crate::Reason::IpLiteral) (`1.2.3.4` has no
    /// suffix).
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
    /// label more. `None` when the name is itself a public suffix, is an IP
    /// literal, or the suffix stage has not run.
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

    /// The UTS #39 skeleton of the registrable domain in U-label form (of
    /// the whole name where there is none, as before the suffix stage ran):
    /// what the name looks like, so that look-alikes compare equal.
    /// `аррӏе.com` (Cyrillic) and `apple.com` have one skeleton. Skeletons
    /// are for comparing, not for showing: UTS #39 maps ASCII too (`m` to
    /// `rn`, `l` to `I`).
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Profile};
    ///
    /// let hosts = Checker::builder().profile(Profile::Hostname).build();
    /// let skeleton = |s| hosts.check(s).unwrap().skeleton();
    /// assert_eq!(skeleton("аррӏе.com"), skeleton("apple.com"));
    /// assert_eq!(skeleton("www.аррӏе.com"), skeleton("аррӏе.com"));
    /// assert_ne!(skeleton("аррӏе.com"), skeleton("apple.net"));
    /// ```
    #[must_use]
    pub fn skeleton(&self) -> String {
        let unicode = self.unicode();
        let from = match self.registrable() {
            Some(reg) => {
                // As many labels of the U-label form as the registrable
                // domain has.
                let labels = reg.bytes().filter(|&b| b == b'.').count() + 1;
                unicode
                    .rmatch_indices('.')
                    .nth(labels - 1)
                    .map_or(0, |(i, _)| i + 1)
            }
            None => 0,
        };
        let mut out = String::new();
        crate::scripts::push_skeleton(&mut out, &unicode[from..]);
        out
    }

    /// The variant key: the canonical key ([`Verdict::key`]) with traditional
    /// Han folded to simplified (Unihan `kSimplifiedVariant`, the words
    /// stage's [`simplify_han`](crate::simplify_han)), so that `中國.cn`,
    /// `中国.cn`, `xn--fiqz9s.cn` and `中国。CN` have one. Borrowed (the key
    /// itself) where folding changes nothing. For a registry's duplicate
    /// check: two names with one variant key are one name to it.
    ///
    /// # Example
    ///
    /// ```
    /// let checker = dncheck::Checker::default();
    /// let key = |s| checker.check(s).unwrap().variant_key().into_owned();
    /// assert_eq!(key("中國.cn"), "xn--fiqs8s.cn");
    /// assert_eq!(key("中國.cn"), key("中国.cn"));
    /// assert_eq!(key("xn--fiqz9s.cn"), key("中国。CN"));
    /// assert_eq!(key("example.cn"), "example.cn");
    /// ```
    #[must_use]
    pub fn variant_key(&self) -> Cow<'_, str> {
        match crate::variants::variant_key(self.unicode(), self.ascii()) {
            Some(key) => Cow::Owned(key),
            None => Cow::Borrowed(self.ascii()),
        }
    }

    /// The registrable domain's variant spellings, in A-label form: every
    /// spelling of its registrable label with each Han character replaced by
    /// its simplified form or a traditional form that folds to it (the
    /// suffix as it is). The all-simplified spelling (the variant key's)
    /// comes first. Bounded: at most [`VARIANTS_MAX`](crate::VARIANTS_MAX)
    /// (64) spellings; a label with more (many characters with variants)
    /// gets the first 64 in order, the last character varying fastest,
    /// with its own spelling in the last place if it was not among them.
    /// Empty where there is no registrable domain. A duplicate check should
    /// compare [`variant_key`](Self::variant_key)s, which need no
    /// enumeration.
    ///
    /// # Example
    ///
    /// ```
    /// let v = dncheck::Checker::default().check("中國.cn").unwrap();
    /// let variants = v.variants();
    /// assert_eq!(variants[0], "xn--fiqs8s.cn"); // 中国.cn
    /// assert!(variants.iter().any(|s| s == "xn--fiqz9s.cn")); // 中國.cn
    /// assert!(variants.len() <= dncheck::VARIANTS_MAX);
    /// ```
    #[must_use]
    pub fn variants(&self) -> Vec<String> {
        let (Some(reg), Some(suffix)) = (self.registrable(), self.suffix()) else {
            return Vec::new();
        };
        let labels = reg.bytes().filter(|&b| b == b'.').count() + 1;
        let unicode = self.unicode();
        let from = unicode
            .rmatch_indices('.')
            .nth(labels - 1)
            .map_or(0, |(i, _)| i + 1);
        let label = unicode[from..].split('.').next().unwrap_or_default();
        crate::variants::variants(label, suffix)
    }

    /// The labels of the A-label form, left to right.
    ///
    /// # Example
    ///
    /// ```
    /// let v = dncheck::Checker::default().check("例子.COM.cn").unwrap();
    /// let labels: Vec<&str> = v.labels().collect();
    /// assert_eq!(labels, ["xn--fsqu00a", "com", "cn"]);
    /// ```
    pub fn labels(&self) -> Labels<'_> {
        Labels::new(self.ascii())
    }

    /// What is worth knowing about the name beyond its acceptance.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Flag};
    ///
    /// let v = Checker::default().check("ＥＸＡＭＰＬＥ.cn").unwrap(); // fullwidth
    /// assert!(v.flags().contains(Flag::Mapped));
    /// ```
    #[must_use]
    pub const fn flags(&self) -> Flags {
        self.name.flags
    }
}

impl PartialEq for Verdict<'_> {
    fn eq(&self, other: &Verdict<'_>) -> bool {
        self.ascii() == other.ascii()
            && self.unicode() == other.unicode()
            && self.suffix() == other.suffix()
            && self.registrable() == other.registrable()
            && self.flags() == other.flags()
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
            .field("flags", &self.flags())
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
