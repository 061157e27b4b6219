//! The configured checker: profile and (in later stages) suffix policy and
//! word list, built once and shared.

use core::fmt;
use core::str::FromStr;

use crate::normalize::normalize;
use crate::{Rejection, Verdict};

/// What kind of name a [`Checker`] accepts.
///
/// # Example
///
/// ```
/// use dncheck::Profile;
///
/// assert_eq!("dns".parse::<Profile>(), Ok(Profile::Dns));
/// assert_eq!(Profile::default(), Profile::Registration);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Profile {
    /// The name a registrar sells: strict UTS #46 and DNS rules, only the
    /// registrable domain itself. The default.
    #[default]
    Registration,
    /// Any host name: subdomains allowed (a DNS host's "add domain" form, a
    /// certificate's subject alternative name).
    Hostname,
    /// DNS owner names as RFC 2181 §11 allows them: like `hostname`, and `_`
    /// is allowed in labels (`_dmarc.example.com`,
    /// `_acme-challenge.www.example.com`, `_443._tcp.example.com`).
    Dns,
}

impl Profile {
    /// Every profile.
    pub const ALL: &'static [Profile] = &[Profile::Registration, Profile::Hostname, Profile::Dns];

    /// The profile's name, as the CLI's `--profile` takes it.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dncheck::Profile::Hostname.as_str(), "hostname");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Profile::Registration => "registration",
            Profile::Hostname => "hostname",
            Profile::Dns => "dns",
        }
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing a [`Profile`] from a string that names none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseProfileError(());

impl fmt::Display for ParseProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown profile (expected registration, hostname or dns)")
    }
}

impl core::error::Error for ParseProfileError {}

impl FromStr for Profile {
    type Err = ParseProfileError;

    fn from_str(s: &str) -> Result<Profile, ParseProfileError> {
        Profile::ALL
            .iter()
            .copied()
            .find(|p| p.as_str() == s)
            .ok_or(ParseProfileError(()))
    }
}

/// Checks domain names against a fixed configuration.
///
/// Build it once (it is `Send + Sync` and cheap to share) and call
/// [`Checker::check`] per name. Checking never panics, runs in time linear in
/// the input, and allocates nothing for ASCII input.
///
/// # Example
///
/// ```
/// use dncheck::{Checker, Profile, Reason};
///
/// let registrar = Checker::default();
/// assert_eq!(registrar.check("Example.COM").unwrap().ascii(), "example.com");
/// assert_eq!(registrar.check("-x.com").unwrap_err().reason(), Reason::Hyphen);
///
/// let dns = Checker::builder().profile(Profile::Dns).build();
/// assert!(dns.check("_dmarc.example.com").is_ok());
/// assert!(registrar.check("_dmarc.example.com").is_err());
/// ```
#[derive(Clone, Debug, Default)]
pub struct Checker {
    profile: Profile,
}

impl Checker {
    /// A builder for a checker with non-default settings.
    #[must_use]
    pub fn builder() -> CheckerBuilder {
        CheckerBuilder::default()
    }

    /// The profile this checker applies.
    #[must_use]
    pub const fn profile(&self) -> Profile {
        self.profile
    }

    /// Checks a name given as text.
    ///
    /// # Errors
    ///
    /// A [`Rejection`] when the name is refused, saying why and where.
    #[inline]
    pub fn check<'h>(&self, name: &'h str) -> Result<Verdict<'h>, Rejection> {
        self.run(name.as_bytes(), Some(name))
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
        self.run(name, None)
    }

    #[inline(always)]
    fn run<'h>(&self, name: &'h [u8], text: Option<&'h str>) -> Result<Verdict<'h>, Rejection> {
        // The verdict is large (two inline buffers) and moving it would cost
        // more than checking a short name: build it where it is returned.
        let mut result = Ok(Verdict::empty());
        if let Ok(verdict) = &mut result {
            normalize(name, text, self.profile == Profile::Dns, verdict)?;
        }
        result
    }
}

/// Builds a [`Checker`].
///
/// # Example
///
/// ```
/// use dncheck::{Checker, Profile};
///
/// let checker = Checker::builder().profile(Profile::Hostname).build();
/// assert_eq!(checker.profile(), Profile::Hostname);
/// ```
#[derive(Clone, Debug, Default)]
pub struct CheckerBuilder {
    profile: Profile,
}

impl CheckerBuilder {
    /// Sets the profile (default [`Profile::Registration`]).
    #[must_use]
    pub fn profile(mut self, profile: Profile) -> CheckerBuilder {
        self.profile = profile;
        self
    }

    /// Builds the checker.
    #[must_use]
    pub fn build(self) -> Checker {
        Checker {
            profile: self.profile,
        }
    }
}
