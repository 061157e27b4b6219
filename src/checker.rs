//! The configured checker: profile, suffix list, suffix policy and
//! restricted-word list, built once and shared. It alone runs the stages,
//! in data-flow order, and assembles their results into a [`Verdict`].

use alloc::collections::BTreeSet;
use alloc::sync::Arc;

use crate::flags::{Flag, Flags};
use crate::labels::input_label_span;
use crate::normalize::{self, Forms};
use crate::policy::{self, Policy, Profile};
use crate::reason::{Reason, Rejection};
use crate::scripts;
use crate::suffix::builder::to_ascii;
use crate::suffix::{BuildError, SuffixList};
use crate::verdict::{SuffixParts, Verdict};
use crate::words::search::{any_hit, left_of_suffix};
use crate::words::{Hit, WordList};

/// Checks domain names against a fixed configuration.
///
/// Build it once (it is `Send + Sync` and cheap to clone and share) and call
/// [`Checker::check`] per name. Checking never panics, runs in time linear
/// in the input, and allocates nothing for ASCII input.
///
/// A check runs the pipeline of `docs/design.md`: normalisation and the
/// format rules ([`Checker::normalize`]), then ([`Checker::check_normalized`])
/// the suffix stage, whose one lookup in the suffix list gives the public
/// suffix and the registrable domain, the policy stage, which decides
/// whether the checker accepts the name (the profile, the PSL sections in
/// use, the supported suffixes, reserved names, registry rules), and the
/// words stage.
///
/// # Example
///
/// ```
/// use dncheck::{Checker, Profile, Reason};
///
/// let registrar = Checker::default();
/// assert_eq!(registrar.check("Example.COM.cn").unwrap().ascii(), "example.com.cn");
/// assert_eq!(registrar.check("-x.com").unwrap_err().reason(), Reason::Hyphen);
/// assert_eq!(registrar.check("www.example.cn").unwrap_err().reason(), Reason::Subdomain);
/// assert_eq!(registrar.check("example.notatld").unwrap_err().reason(), Reason::UnknownSuffix);
///
/// let dns = Checker::builder().profile(Profile::Dns).build();
/// assert!(dns.check("_dmarc.example.cn").is_ok());
/// assert!(registrar.check("_dmarc.example.cn").is_err());
/// ```
#[derive(Clone, Debug, Default)]
pub struct Checker {
    /// What the policy stage decides by.
    policy: Policy,
    /// `None`: the embedded list.
    list: Option<Arc<SuffixList>>,
    words: Words,
}

/// The restricted-word list of a checker.
#[derive(Clone, Debug, Default)]
enum Words {
    /// [`WordList::embedded`].
    #[default]
    Embedded,
    Custom(Arc<WordList>),
    /// No words stage.
    Off,
}

impl Checker {
    /// A builder for a checker with non-default settings.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Profile};
    ///
    /// let hosts = Checker::builder().profile(Profile::Hostname).build();
    /// assert!(hosts.check("www.example.cn").is_ok());
    /// ```
    #[must_use]
    pub fn builder() -> CheckerBuilder {
        CheckerBuilder::default()
    }

    /// The profile this checker applies.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Profile};
    ///
    /// assert_eq!(Checker::default().profile(), Profile::Registration);
    /// ```
    #[must_use]
    pub const fn profile(&self) -> Profile {
        self.policy.profile
    }

    /// The suffix list this checker looks names up in.
    ///
    /// # Example
    ///
    /// ```
    /// let checker = dncheck::Checker::default();
    /// assert_eq!(checker.suffix_list().version(), Some(dncheck::suffix_list_version()));
    /// ```
    #[must_use]
    pub fn suffix_list(&self) -> &SuffixList {
        match &self.list {
            Some(list) => list,
            None => SuffixList::embedded(),
        }
    }

    /// The restricted-word list this checker searches; `None` if it has
    /// none ([`CheckerBuilder::no_words`]).
    ///
    /// # Example
    ///
    /// ```
    /// let checker = dncheck::Checker::default();
    /// assert_eq!(checker.words().map(|w| w.len()), Some(dncheck::WordList::embedded().len()));
    /// ```
    #[must_use]
    pub fn words(&self) -> Option<&WordList> {
        match &self.words {
            Words::Embedded => Some(WordList::embedded()),
            Words::Custom(list) => Some(list),
            Words::Off => None,
        }
    }

    /// The restricted words in a verdict of this checker: every hit of its
    /// word list in the labels left of the public suffix of the verdict's
    /// U-label form (spans are byte ranges of
    /// [`Verdict::unicode`](Verdict::unicode)). A verdict has hits exactly
    /// when it has [`Flag::Restricted`](crate::Flag::Restricted); this
    /// searches again rather than keeping them in every verdict, which would
    /// make each one larger to return.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Flag, Profile};
    ///
    /// let hosts = Checker::builder().profile(Profile::Hostname).build();
    /// let v = hosts.check("Secure-Login.example.cn").unwrap(); // `login` is in the default list
    /// assert!(v.flags().contains(Flag::Restricted));
    /// let words: Vec<&str> = hosts.restricted(&v).map(|hit| hit.word()).collect();
    /// assert!(words.contains(&"login"));
    /// let hit = hosts.restricted(&v).find(|hit| hit.word() == "login").unwrap();
    /// assert_eq!(&v.unicode()[hit.span()], "login");
    /// ```
    pub fn restricted<'a>(
        &'a self,
        verdict: &'a Verdict<'_>,
    ) -> impl Iterator<Item = Hit<'a>> + 'a {
        // Nothing to search before the suffix stage ran.
        let range = verdict
            .suffix()
            .map_or(0..0, |suffix| left_of_suffix(verdict.unicode(), suffix));
        self.words()
            .filter(|_| !range.is_empty())
            .into_iter()
            .flat_map(move |list| list.find_in(verdict.unicode(), range.clone()))
    }

    /// Checks a name given as text: the whole pipeline, normalisation, the
    /// suffix and policy stages and the words stage.
    ///
    /// # Errors
    ///
    /// A [`Rejection`] when the name is refused, saying why and where.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Flag, Reason};
    ///
    /// let checker = Checker::default();
    /// let v = checker.check("公司名.公司").unwrap();
    /// assert_eq!(v.ascii(), "xn--55qx5d2b.xn--55qx5d");
    /// assert!(v.flags().contains(Flag::Idn));
    ///
    /// let err = checker.check("example.notatld").unwrap_err();
    /// assert_eq!(err.reason(), Reason::UnknownSuffix);
    /// assert_eq!(err.span(), 8..15); // `notatld`
    /// ```
    #[inline]
    pub fn check<'h>(&self, name: &'h str) -> Result<Verdict<'h>, Rejection> {
        self.run(name.as_bytes(), Some(name), true)
    }

    /// Checks a name given as bytes, as read from a file or socket. Bytes that
    /// are not UTF-8 are refused with [`crate::Reason::InvalidChar`], located
    /// at the first bad byte.
    ///
    /// # Errors
    ///
    /// A [`Rejection`] when the name is refused, saying why and where.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Reason};
    ///
    /// let err = Checker::default().check_bytes(b"ab\xFF.com").unwrap_err();
    /// assert_eq!(err.reason(), Reason::InvalidChar);
    /// assert_eq!(err.span(), 2..3);
    /// ```
    #[inline]
    pub fn check_bytes<'h>(&self, name: &'h [u8]) -> Result<Verdict<'h>, Rejection> {
        self.run(name, None, true)
    }

    /// Only the first stages of a check: normalisation and the format rules
    /// (those of the profile: `_` is allowed in the dns profile). The
    /// verdict's [`suffix`](Verdict::suffix) and
    /// [`registrable`](Verdict::registrable) are `None` until
    /// [`check_normalized`](Self::check_normalized) runs the rest. This is
    /// what to call to learn a name's canonical forms whatever the suffix
    /// policy says of it.
    ///
    /// # Errors
    ///
    /// A [`Rejection`] with a format reason (`empty` to `mark_start` in
    /// [`Reason::ALL`](crate::Reason::ALL), and in the `registration`
    /// profile `disallowed` and `context`).
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Reason};
    ///
    /// let checker = Checker::default();
    /// let mut v = checker.normalize("例子.NOTATLD").unwrap();
    /// assert_eq!(v.ascii(), "xn--fsqu00a.notatld");
    /// assert_eq!(v.suffix(), None);
    /// let err = checker.check_normalized(&mut v).unwrap_err();
    /// assert_eq!(err.reason(), Reason::UnknownSuffix);
    /// assert_eq!(v.suffix(), Some("notatld")); // filled all the same
    /// ```
    #[inline]
    pub fn normalize<'h>(&self, name: &'h str) -> Result<Verdict<'h>, Rejection> {
        self.run(name.as_bytes(), Some(name), false)
    }

    /// [`normalize`](Self::normalize) for a name given as bytes.
    ///
    /// # Errors
    ///
    /// As for [`normalize`](Self::normalize); bytes that are not UTF-8 are
    /// `invalid_char`.
    ///
    /// # Example
    ///
    /// ```
    /// let v = dncheck::Checker::default().normalize_bytes(b"WWW.Example.com").unwrap();
    /// assert_eq!(v.ascii(), "www.example.com");
    /// ```
    #[inline]
    pub fn normalize_bytes<'h>(&self, name: &'h [u8]) -> Result<Verdict<'h>, Rejection> {
        self.run(name, None, false)
    }

    /// The stages after [`normalize`](Self::normalize), on its verdict:
    /// the suffix lookup, which fills the verdict's
    /// [`suffix`](Verdict::suffix) and [`registrable`](Verdict::registrable)
    /// (also when the name is then refused), the policy, and the words
    /// stage, which sets [`Flag::Restricted`](crate::Flag::Restricted) on a
    /// hit. `normalize` followed by `check_normalized` is exactly
    /// [`check`](Self::check).
    ///
    /// # Errors
    ///
    /// A [`Rejection`] with a suffix-stage reason (`ip_literal` to
    /// `subdomain` in [`Reason::ALL`](crate::Reason::ALL)), located in the
    /// input the verdict was made from.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Reason};
    ///
    /// let checker = Checker::default();
    /// let mut v = checker.normalize("WWW.example.com.cn").unwrap();
    /// let err = checker.check_normalized(&mut v).unwrap_err();
    /// assert_eq!(err.reason(), Reason::Subdomain);
    /// assert_eq!(err.span(), 0..3); // `WWW`
    /// assert_eq!(v.registrable(), Some("example.com.cn"));
    /// ```
    #[inline]
    pub fn check_normalized(&self, verdict: &mut Verdict<'_>) -> Result<(), Rejection> {
        let (parts, outcome) = self.after_normalize(verdict.name.forms());
        verdict.parts = parts;
        verdict.name.flags.insert_all(outcome?);
        Ok(())
    }

    /// The stages after normalisation, on the forms of its result: the suffix stage's one
    /// lookup (its parts are kept also when the policy then refuses the
    /// name), the policy stage, the scripts of the labels left of the
    /// public suffix (mixed scripts, whole-script confusables; internationalised
    /// names only), and the words stage on those labels of the U-label form.
    /// `Ok`: the flags these stages set. The one tail of both paths of
    /// [`run`](Self::run).
    #[inline(always)]
    fn after_normalize(&self, name: Forms<'_>) -> (SuffixParts, Result<Flags, Rejection>) {
        let m = self.suffix_list().lookup(name.ascii, self.policy.private);
        let parts = SuffixParts::of(&m);
        let mut flags = match policy::judge(&self.policy, &name, &m) {
            Ok(flags) => flags,
            Err(refusal) => {
                // An IP literal has no suffix nor registrable domain: what
                // the list's implicit `*` rule would make of `1.2.3.4`
                // (suffix `4`) means nothing.
                let parts = if refusal.reason() == Reason::IpLiteral {
                    SuffixParts::default()
                } else {
                    parts
                };
                return (parts, Err(refusal));
            }
        };
        // A name of ASCII and CJK Han only (most Chinese names) has nothing
        // for the scripts stage to flag.
        if name.idn && !scripts::ascii_or_cjk(name.unicode.as_bytes()) {
            if let Err(refusal) = self.scripts(&name, m.suffix_len(), &mut flags) {
                return (parts, Err(refusal));
            }
        }
        let restricted = self.words().is_some_and(|list| {
            let suffix = &name.ascii[name.ascii.len() - m.suffix_len()..];
            any_hit(list, name.unicode, suffix, name.idn)
        });
        if restricted {
            flags.insert(Flag::Restricted);
        }
        (parts, Ok(flags))
    }

    /// The scripts of the labels left of the public suffix (`suffix_len`
    /// octets of the A-label form) of an internationalised name: sets
    /// [`Flag::MixedScript`] and [`Flag::Confusable`], or refuses the first
    /// mixed-script label when so configured.
    #[inline(never)]
    fn scripts(
        &self,
        name: &Forms<'_>,
        suffix_len: usize,
        flags: &mut Flags,
    ) -> Result<(), Rejection> {
        let ascii = name.ascii.as_bytes();
        let dots = |b: &[u8]| b.iter().filter(|&&b| b == b'.').count();
        let left = dots(&ascii[..ascii.len() - suffix_len]);
        let (found, mixed) = scripts::classify(name.unicode, left);
        if let (Some(label), true) = (mixed, self.policy.reject_mixed_script) {
            let span = input_label_span(name.input, label);
            return Err(Rejection::new(Reason::MixedScript, Some(label), span));
        }
        flags.insert_all(found);
        Ok(())
    }

    /// The whole pipeline, or its first stage alone (`whole` false).
    #[inline(always)]
    fn run<'h>(
        &self,
        input: &'h [u8],
        text: Option<&'h str>,
        whole: bool,
    ) -> Result<Verdict<'h>, Rejection> {
        let underscore = self.policy.profile == Profile::Dns;
        // The common case first: the input is its own A-label form. The
        // later stages read its forms, and the verdict is built after them,
        // in the return value itself: it is large (an inline buffer), and a
        // verdict built before them would be copied out whole.
        if let Some(mut name) = normalize::canonical(input, text, underscore) {
            let mut parts = SuffixParts::default();
            if whole {
                let outcome;
                (parts, outcome) = self.after_normalize(name.forms());
                name.flags.insert_all(outcome?);
            }
            return Ok(Verdict {
                name: name.normalized(),
                parts,
            });
        }
        // Otherwise the stages fill the verdict where it is returned.
        let mut result = Ok(Verdict::empty(input));
        if let Ok(verdict) = &mut result {
            normalize::normalize(input, text, underscore, &mut verdict.name)?;
            // IDNA2008 on top of UTS #46 for a registrar; an ASCII name (the
            // branch above, and LDH labels here) is PVALID by construction.
            if self.policy.profile == Profile::Registration
                && verdict.name.flags.contains(Flag::Idn)
            {
                normalize::check_idna2008(&verdict.name)?;
            }
            if whole {
                self.check_normalized(verdict)?;
            }
        }
        result
    }
}

/// Builds a [`Checker`].
///
/// # Example
///
/// ```
/// use dncheck::{Checker, Profile, Reason};
///
/// let checker = Checker::builder()
///     .profile(Profile::Hostname)
///     .private(true)
///     .supported_suffixes(["github.io", "中国"])
///     .unwrap()
///     .build();
/// assert_eq!(checker.profile(), Profile::Hostname);
/// assert_eq!(checker.check("www.dncheck.github.io").unwrap().registrable(), Some("dncheck.github.io"));
/// assert!(checker.check("例子.中国").is_ok());
/// assert_eq!(checker.check("wikipedia.org").unwrap_err().reason(), Reason::UnsupportedSuffix);
/// ```
#[derive(Clone, Debug, Default)]
pub struct CheckerBuilder {
    checker: Checker,
}

impl CheckerBuilder {
    /// Sets the profile (default [`Profile::Registration`]).
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Profile, Reason};
    ///
    /// let dns = Checker::builder().profile(Profile::Dns).build();
    /// assert!(dns.check("_acme-challenge.www.example.cn").is_ok());
    /// let registrar = Checker::builder().profile(Profile::Registration).build();
    /// assert_eq!(registrar.check("www.example.cn").unwrap_err().reason(), Reason::Subdomain);
    /// ```
    #[must_use]
    pub fn profile(mut self, profile: Profile) -> CheckerBuilder {
        self.checker.policy.profile = profile;
        self
    }

    /// Counts the rules of the Public Suffix List's PRIVATE section
    /// (`github.io`, `blogspot.com`) as public suffixes (default `false`:
    /// the ICANN section only, the suffixes registries delegate).
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Reason};
    ///
    /// let icann = Checker::default();
    /// assert_eq!(icann.check("me.github.io").unwrap_err().reason(), Reason::Subdomain);
    /// let all = Checker::builder().private(true).build();
    /// assert_eq!(all.check("me.github.io").unwrap().suffix(), Some("github.io"));
    /// ```
    #[must_use]
    pub fn private(mut self, private: bool) -> CheckerBuilder {
        self.checker.policy.private = private;
        self
    }

    /// Uses this suffix list instead of the embedded one (for example a
    /// newer Public Suffix List, read with [`SuffixList::from_file`]).
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Reason, SuffixList};
    ///
    /// let list = SuffixList::parse("com\nnewtld\n").unwrap();
    /// let checker = Checker::builder().suffix_list(list).build();
    /// assert!(checker.check("example.newtld").is_ok());
    /// assert_eq!(checker.check("example.cn").unwrap_err().reason(), Reason::UnknownSuffix);
    /// ```
    #[must_use]
    pub fn suffix_list(mut self, list: SuffixList) -> CheckerBuilder {
        self.checker.list = Some(Arc::new(list));
        self
    }

    /// Accepts only names under these public suffixes (Unicode or A-label
    /// form, any case: `中国`, `xn--fiqs8s`, `COM.cn`); names under other
    /// suffixes of the list are `unsupported_suffix`. By default every
    /// suffix of the list is supported. The set is compared with the public
    /// suffix a name has by the list, so `cn` does not admit `example.com.cn`
    /// (its suffix is `com.cn`).
    ///
    /// # Errors
    ///
    /// A [`BuildError`] whose [`line`](BuildError::line) is the 1-based
    /// position of the first entry that is not a domain name.
    ///
    /// # Example
    ///
    /// ```
    /// let err = dncheck::Checker::builder().supported_suffixes(["com", "no suffix"]).unwrap_err();
    /// assert_eq!(err.line(), Some(2));
    /// ```
    pub fn supported_suffixes<I, S>(mut self, suffixes: I) -> Result<CheckerBuilder, BuildError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut set = BTreeSet::new();
        for (i, suffix) in suffixes.into_iter().enumerate() {
            let suffix = suffix.as_ref();
            let ascii =
                to_ascii(suffix).ok_or_else(|| BuildError::invalid_suffix(i + 1, suffix))?;
            set.insert(ascii.into_owned());
        }
        self.checker.policy.supported = Some(Arc::new(set));
        Ok(self)
    }

    /// Uses this restricted-word list instead of the embedded example list
    /// ([`WordList::embedded`], `data/restricted_words.txt`, which
    /// applications are meant to replace).
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Flag, WordList};
    ///
    /// let list = WordList::parse("shop\tcommerce\n").unwrap();
    /// let checker = Checker::builder().words(list).build();
    /// assert!(checker.check("myshop.cn").unwrap().flags().contains(Flag::Restricted));
    /// assert!(!checker.check("login.cn").unwrap().flags().contains(Flag::Restricted));
    /// ```
    #[must_use]
    pub fn words(mut self, list: WordList) -> CheckerBuilder {
        self.checker.words = Words::Custom(Arc::new(list));
        self
    }

    /// No words stage: no name is flagged [`Flag::Restricted`](crate::Flag::Restricted).
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Flag};
    ///
    /// let checker = Checker::builder().no_words().build();
    /// assert!(checker.words().is_none());
    /// assert!(!checker.check("login.cn").unwrap().flags().contains(Flag::Restricted));
    /// ```
    #[must_use]
    pub fn no_words(mut self) -> CheckerBuilder {
        self.checker.words = Words::Off;
        self
    }

    /// Refuses a name with a label left of the public suffix that mixes
    /// scripts beyond UTS #39 "Highly Restrictive" (reason
    /// [`Reason::MixedScript`]) instead of accepting it with
    /// [`Flag::MixedScript`] (default `false`). CLI `--reject-mixed-script`.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Flag, Reason};
    ///
    /// let lenient = Checker::default();
    /// assert!(lenient.check("pаypal.com").unwrap().flags().contains(Flag::MixedScript));
    /// let strict = Checker::builder().reject_mixed_script(true).build();
    /// assert_eq!(strict.check("pаypal.com").unwrap_err().reason(), Reason::MixedScript);
    /// assert!(strict.check("例子abc.中国").is_ok());
    /// ```
    #[must_use]
    pub fn reject_mixed_script(mut self, reject: bool) -> CheckerBuilder {
        self.checker.policy.reject_mixed_script = reject;
        self
    }

    /// Builds the checker.
    ///
    /// # Example
    ///
    /// ```
    /// let checker = dncheck::Checker::builder().private(true).build();
    /// assert_eq!(checker.check("me.github.io").unwrap().suffix(), Some("github.io"));
    /// ```
    #[must_use]
    pub fn build(self) -> Checker {
        self.checker
    }
}
