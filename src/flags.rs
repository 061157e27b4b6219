//! The flags of an accepted name: properties worth reporting that do not
//! refuse it. The normaliser sets the first three, the checker the others.

/// A property of an accepted name worth reporting.
///
/// # Example
///
/// ```
/// use dncheck::{Checker, Flag};
///
/// let v = Checker::default().check("例子。中国.").unwrap();
/// let flags: Vec<Flag> = v.flags().iter().collect();
/// assert_eq!(flags, [Flag::RootDot, Flag::Idn, Flag::Mapped]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Flag {
    /// The input ended with a root dot (`example.com.`), which is accepted and
    /// dropped from the canonical form.
    RootDot,
    /// At least one label is internationalised (a U-label or an `xn--` A-label).
    Idn,
    /// The input was not in canonical form: upper case, fullwidth forms,
    /// ideographic dots or other UTS #46 mappings were applied.
    Mapped,
    /// A word of the checker's restricted-word list occurs left of the
    /// public suffix; [`Checker::restricted`](crate::Checker::restricted)
    /// lists the hits. Tencent's `BlackWord=true`.
    Restricted,
    /// A label left of the public suffix mixes scripts beyond UTS #39
    /// "Highly Restrictive": Latin, Cyrillic and Greek never together;
    /// Latin with Han, with Han, Hiragana and Katakana, or with Han and
    /// Hangul is fine. A refusal ([`Reason::MixedScript`](crate::Reason::MixedScript))
    /// when the checker is built with
    /// [`reject_mixed_script`](crate::CheckerBuilder::reject_mixed_script).
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Flag};
    ///
    /// let checker = Checker::default();
    /// assert!(checker.check("pаypal.com").unwrap().flags().contains(Flag::MixedScript)); // Cyrillic а
    /// assert!(!checker.check("東京タワー.jp").unwrap().flags().contains(Flag::MixedScript));
    /// ```
    MixedScript,
    /// A label left of the public suffix is entirely Cyrillic or entirely
    /// Greek and its UTS #39 skeleton is ASCII: a whole-script look-alike of
    /// an ASCII label (`аррӏе.com`), unless the TLD's registry serves that
    /// script (`data/script_tlds.txt`: `аррӏе.рф` is not flagged).
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Flag};
    ///
    /// let checker = Checker::default();
    /// assert!(checker.check("аррӏе.com").unwrap().flags().contains(Flag::Confusable));
    /// assert!(!checker.check("аррӏе.рф").unwrap().flags().contains(Flag::Confusable));
    /// ```
    Confusable,
    /// The name is under a suffix only eligible registrants may register
    /// under (`data/restricted_suffixes.txt`: `arpa`, `int`, `gov`, `mil`,
    /// `edu`, `gov.cn`, `edu.cn`, `mil.cn`): set by the `hostname` and `dns`
    /// profiles, where the `registration` profile refuses the name
    /// ([`Reason::RestrictedSuffix`](crate::Reason::RestrictedSuffix)).
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Flag, Profile};
    ///
    /// let hosts = Checker::builder().profile(Profile::Hostname).build();
    /// assert!(hosts.check("www.example.gov.cn").unwrap().flags().contains(Flag::RestrictedSuffix));
    /// ```
    RestrictedSuffix,
}

impl Flag {
    /// Every flag, in reporting order.
    ///
    /// # Example
    ///
    /// ```
    /// let names: Vec<&str> = dncheck::Flag::ALL.iter().map(|f| f.as_str()).collect();
    /// assert_eq!(names[..2], ["root_dot", "idn"]);
    /// ```
    pub const ALL: &'static [Flag] = &[
        Flag::RootDot,
        Flag::Idn,
        Flag::Mapped,
        Flag::Restricted,
        Flag::MixedScript,
        Flag::Confusable,
        Flag::RestrictedSuffix,
    ];

    /// The stable name of the flag, as in the CLI's `flags` array.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dncheck::Flag::RootDot.as_str(), "root_dot");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Flag::RootDot => "root_dot",
            Flag::Idn => "idn",
            Flag::Mapped => "mapped",
            Flag::Restricted => "restricted",
            Flag::MixedScript => "mixed_script",
            Flag::Confusable => "confusable",
            Flag::RestrictedSuffix => "restricted_suffix",
        }
    }

    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// A set of [`Flag`]s.
///
/// # Example
///
/// ```
/// use dncheck::{Checker, Flag};
///
/// let flags = Checker::default().check("Example.CN.").unwrap().flags();
/// assert!(flags.contains(Flag::RootDot) && flags.contains(Flag::Mapped));
/// assert!(!flags.contains(Flag::Idn));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Flags(u8);

impl Flags {
    /// `true` if `flag` is set.
    ///
    /// # Example
    ///
    /// ```
    /// let v = dncheck::Checker::default().check("bücher.de").unwrap();
    /// assert!(v.flags().contains(dncheck::Flag::Idn));
    /// ```
    #[must_use]
    pub const fn contains(self, flag: Flag) -> bool {
        self.0 & flag.bit() != 0
    }

    pub(crate) fn insert(&mut self, flag: Flag) {
        self.0 |= flag.bit();
    }

    /// Adds every flag of `other`.
    pub(crate) fn insert_all(&mut self, other: Flags) {
        self.0 |= other.0;
    }

    /// `true` if no flag is set.
    ///
    /// # Example
    ///
    /// ```
    /// let v = dncheck::Checker::default().check("example.cn").unwrap();
    /// assert!(v.flags().is_empty());
    /// ```
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The flags that are set, in [`Flag::ALL`] order.
    ///
    /// # Example
    ///
    /// ```
    /// let v = dncheck::Checker::default().check("EXAMPLE.cn.").unwrap();
    /// let names: Vec<&str> = v.flags().iter().map(|f| f.as_str()).collect();
    /// assert_eq!(names, ["root_dot", "mapped"]);
    /// ```
    #[must_use = "iterators are lazy"]
    pub fn iter(self) -> impl Iterator<Item = Flag> {
        Flag::ALL.iter().copied().filter(move |f| self.contains(*f))
    }
}

#[cfg(feature = "serde")]
mod serde_impls {
    //! `Serialize`: a flag as its stable string, a set as an array of them.
    use super::{Flag, Flags};
    use serde::ser::{Serialize, SerializeSeq, Serializer};

    impl Serialize for Flag {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(self.as_str())
        }
    }

    impl Serialize for Flags {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut seq = s.serialize_seq(None)?;
            for flag in self.iter() {
                seq.serialize_element(&flag)?;
            }
            seq.end()
        }
    }
}
