//! [`Lookup`]: what the world knows of a name, and [`MemoryLookup`], a
//! lookup loaded from text.

use alloc::borrow::Cow;
use alloc::collections::{BTreeMap, BTreeSet};
use alloc::string::{String, ToString};
use core::fmt;

use crate::checker::Checker;
use crate::reason::{Reason, Rejection};

/// A lookup's answer to a yes-or-no question about a name.
///
/// # Example
///
/// ```
/// use dncheck::{registrar::LookupAnswer, Reason};
///
/// assert_eq!(LookupAnswer::Yes.require(Reason::NotInDns), Ok(()));
/// assert_eq!(LookupAnswer::No.require(Reason::NotInDns), Err(Reason::NotInDns));
/// assert_eq!(LookupAnswer::Unknown.require(Reason::NotInDns), Err(Reason::NotInDns));
/// assert_eq!(LookupAnswer::from(true), LookupAnswer::Yes);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LookupAnswer {
    /// Yes.
    Yes,
    /// No.
    No,
    /// The source could not tell (unreachable, timed out).
    Unknown,
}

impl LookupAnswer {
    /// `Ok` on `Yes`; `reason` on `No` and on `Unknown` (a registrar acts
    /// only on what it knows).
    ///
    /// # Errors
    ///
    /// `reason` unless the answer is `Yes`.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{registrar::LookupAnswer, Reason};
    /// assert_eq!(LookupAnswer::No.require(Reason::Unregistered), Err(Reason::Unregistered));
    /// ```
    pub const fn require(self, reason: Reason) -> Result<(), Reason> {
        match self {
            LookupAnswer::Yes => Ok(()),
            LookupAnswer::No | LookupAnswer::Unknown => Err(reason),
        }
    }
}

impl From<bool> for LookupAnswer {
    fn from(yes: bool) -> Self {
        if yes {
            LookupAnswer::Yes
        } else {
            LookupAnswer::No
        }
    }
}

/// What a registry, a DNS host, WHOIS and CNNIC know of a name, asked by
/// canonical key ([`Verdict::key`](crate::Verdict::key)). Each question maps
/// to a reason when the answer is not `Yes` (see
/// [`check_retrieval`](super::check_retrieval)):
///
/// | method | reason | Alibaba Cloud DNS code |
/// |---|---|---|
/// | [`is_registered`](Lookup::is_registered) | [`Reason::Unregistered`] | `InvalidDomainName.Unregistered` |
/// | [`in_dns`](Lookup::in_dns) | [`Reason::NotInDns`] | `InvalidDomainName.NoExist` |
/// | [`owner`](Lookup::owner) is the caller | [`Reason::Duplicate`] | `InvalidDomainName.Duplicate` |
/// | [`whois_reachable`](Lookup::whois_reachable) | [`Reason::WhoisUnavailable`] | `UnabletoGetWoisInfo` |
/// | [`cnnic_matches`](Lookup::cnnic_matches) | [`Reason::CnnicMismatch`] | `CHNDomainInfoNotMatch` |
///
/// # Example
///
/// ```
/// use std::borrow::Cow;
/// use dncheck::registrar::{Lookup, LookupAnswer};
///
/// /// Everything under `.cn` is registered and hosted by "ops".
/// struct AllCn;
///
/// impl Lookup for AllCn {
///     fn is_registered(&self, key: &str) -> LookupAnswer {
///         key.ends_with(".cn").into()
///     }
///     fn in_dns(&self, key: &str) -> LookupAnswer {
///         self.is_registered(key)
///     }
///     fn owner(&self, key: &str) -> Option<Cow<'_, str>> {
///         key.ends_with(".cn").then_some(Cow::Borrowed("ops"))
///     }
/// }
///
/// assert_eq!(AllCn.is_registered("example.cn"), LookupAnswer::Yes);
/// assert_eq!(AllCn.whois_reachable("example.cn"), LookupAnswer::Yes); // the default
/// ```
pub trait Lookup {
    /// Is the name registered with its registry?
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::registrar::{Lookup, LookupAnswer, MemoryLookup};
    /// use dncheck::Checker;
    ///
    /// let mut lookup = MemoryLookup::new();
    /// lookup.add_registered(&Checker::default(), "example.cn\n").unwrap();
    /// assert_eq!(lookup.is_registered("example.cn"), LookupAnswer::Yes);
    /// assert_eq!(lookup.is_registered("other.cn"), LookupAnswer::No);
    /// ```
    fn is_registered(&self, key: &str) -> LookupAnswer;

    /// Is the name in the DNS host's system (some account hosts it)?
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::registrar::{Lookup, LookupAnswer, MemoryLookup};
    /// use dncheck::Checker;
    ///
    /// let mut lookup = MemoryLookup::new();
    /// lookup.add_hosted(&Checker::default(), "example.cn bob\n").unwrap();
    /// assert_eq!(lookup.in_dns("example.cn"), LookupAnswer::Yes);
    /// assert_eq!(lookup.in_dns("other.cn"), LookupAnswer::No);
    /// ```
    fn in_dns(&self, key: &str) -> LookupAnswer;

    /// The account that hosts the name in the DNS host's system, if any.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::registrar::{Lookup, LookupAnswer, MemoryLookup};
    /// use dncheck::Checker;
    ///
    /// let mut lookup = MemoryLookup::new();
    /// lookup.add_hosted(&Checker::default(), "example.cn bob\n").unwrap();
    /// assert_eq!(lookup.owner("example.cn").as_deref(), Some("bob"));
    /// assert_eq!(lookup.owner("other.cn"), None);
    /// ```
    fn owner(&self, key: &str) -> Option<Cow<'_, str>>;

    /// Can the name's WHOIS information be had? `Yes` unless overridden.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::registrar::{Lookup, LookupAnswer, MemoryLookup};
    /// use dncheck::Checker;
    ///
    /// let mut lookup = MemoryLookup::new();
    /// assert_eq!(lookup.whois_reachable("example.cn"), LookupAnswer::Yes);
    /// lookup.set_whois_unreachable("example.cn");
    /// assert_eq!(lookup.whois_reachable("example.cn"), LookupAnswer::No);
    /// ```
    fn whois_reachable(&self, key: &str) -> LookupAnswer {
        let _ = key;
        LookupAnswer::Yes
    }

    /// Does a Chinese domain name's information match CNNIC's? `Yes` unless
    /// overridden.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::registrar::{Lookup, LookupAnswer, MemoryLookup};
    /// use dncheck::Checker;
    ///
    /// let mut lookup = MemoryLookup::new();
    /// assert_eq!(lookup.cnnic_matches("xn--fsqu00a.xn--fiqs8s"), LookupAnswer::Yes);
    /// lookup.set_cnnic_mismatch("xn--fsqu00a.xn--fiqs8s");
    /// assert_eq!(lookup.cnnic_matches("xn--fsqu00a.xn--fiqs8s"), LookupAnswer::No);
    /// ```
    fn cnnic_matches(&self, key: &str) -> LookupAnswer {
        let _ = key;
        LookupAnswer::Yes
    }
}

/// A [`Lookup`] held in memory, loaded from text:
///
/// * **registered** names ([`add_registered`](MemoryLookup::add_registered)):
///   one name a line, in any spelling (a trailing dot is allowed), or the
///   records of a zone file, of which the owner names are taken: the first
///   field of each line. Ignored: empty lines, comments (`;` or `#` to the
///   end of the line), `$ORIGIN`, `$TTL` and other `$` directives, lines
///   that start with white space (a record of the previous owner), and, in
///   a record (a line of more than one field), an owner that is relative
///   (`@`, `www`: no trailing dot), since its origin is not followed.
///   Names are stored by canonical key, so a zone's many records of one
///   owner are one name.
/// * **hosted** names with their owner
///   ([`add_hosted`](MemoryLookup::add_hosted)): `domain owner` a line
///   (white space between; comments and empty lines as above). A hosted
///   name is [`in_dns`](Lookup::in_dns).
///
/// WHOIS and CNNIC are not modelled: a memory lookup answers `Yes` to both
/// unless told otherwise with [`set_whois_unreachable`](MemoryLookup::set_whois_unreachable)
/// or [`set_cnnic_mismatch`](MemoryLookup::set_cnnic_mismatch).
///
/// Each name is checked with the checker given ([`Checker::normalize`]:
/// format only, so that the suffix policy does not hide registered names)
/// and kept by its canonical key.
///
/// # Example
///
/// ```
/// use dncheck::registrar::{Lookup, LookupAnswer, MemoryLookup};
/// use dncheck::Checker;
///
/// let checker = Checker::default();
/// let mut lookup = MemoryLookup::new();
/// let zone = "$ORIGIN cn.\n$TTL 3600\nexample.cn. IN NS ns1.example.net.\n  IN NS ns2.example.net.\n例子.cn. IN NS ns1.example.net. ; IDN\nrelative IN NS ns1.example.net.\n";
/// assert_eq!(lookup.add_registered(&checker, zone).unwrap(), 2);
/// assert_eq!(lookup.is_registered("xn--fsqu00a.cn"), LookupAnswer::Yes);
/// assert_eq!(lookup.is_registered("relative.cn"), LookupAnswer::No);
///
/// lookup.add_hosted(&checker, "# domain owner\nEXAMPLE.cn alice\n").unwrap();
/// assert_eq!(lookup.in_dns("example.cn"), LookupAnswer::Yes);
/// assert_eq!(lookup.owner("example.cn").as_deref(), Some("alice"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct MemoryLookup {
    registered: BTreeSet<String>,
    hosted: BTreeMap<String, String>,
    whois_unreachable: BTreeSet<String>,
    cnnic_mismatch: BTreeSet<String>,
}

/// A line of a lookup's text that could not be loaded.
///
/// # Example
///
/// ```
/// use dncheck::registrar::{LoadError, MemoryLookup};
/// use dncheck::{Checker, Reason};
///
/// let checker = Checker::default();
/// let err = MemoryLookup::new().add_registered(&checker, "ok.cn\nbad..cn\n").unwrap_err();
/// assert!(matches!(&err, LoadError::Name { line: 2, rejection } if rejection.reason() == Reason::EmptyLabel));
/// let err = MemoryLookup::new().add_hosted(&checker, "example.cn\n").unwrap_err();
/// assert!(matches!(err, LoadError::MissingOwner { line: 1 }));
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum LoadError {
    /// A name the checker refuses, on a line (from 1).
    Name {
        /// The line, from 1.
        line: usize,
        /// Why the checker refuses the name.
        rejection: Rejection,
    },
    /// A hosted name without an owner, on a line (from 1).
    MissingOwner {
        /// The line, from 1.
        line: usize,
    },
    /// A file could not be read.
    #[cfg(feature = "std")]
    Io(std::io::Error),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Name { line, rejection } => write!(f, "line {line}: {rejection}"),
            LoadError::MissingOwner { line } => {
                write!(
                    f,
                    "line {line}: a hosted domain needs an owner: `domain owner`"
                )
            }
            #[cfg(feature = "std")]
            LoadError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl core::error::Error for LoadError {}

/// The line without its comment, trimmed at the end.
fn strip_comment(line: &str) -> &str {
    let end = line.find([';', '#']).unwrap_or(line.len());
    line[..end].trim_end()
}

impl MemoryLookup {
    /// An empty lookup: nothing registered, nothing hosted.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::registrar::{Lookup, LookupAnswer, MemoryLookup};
    /// assert_eq!(MemoryLookup::new().is_registered("example.cn"), LookupAnswer::No);
    /// ```
    #[must_use]
    pub fn new() -> MemoryLookup {
        MemoryLookup::default()
    }

    /// Adds registered names from `text` (see [`MemoryLookup`] for the
    /// format); returns how many names were new.
    ///
    /// # Errors
    ///
    /// [`LoadError::Name`] for the first name that the checker refuses;
    /// the names before it are kept.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{registrar::MemoryLookup, Checker};
    ///
    /// let checker = Checker::default();
    /// let mut lookup = MemoryLookup::new();
    /// assert_eq!(lookup.add_registered(&checker, "a.cn\nA.CN.\n; comment\nb.cn\n").unwrap(), 2);
    /// assert_eq!(lookup.registered_len(), 2);
    /// ```
    pub fn add_registered(&mut self, checker: &Checker, text: &str) -> Result<usize, LoadError> {
        let mut added = 0;
        for (i, line) in text.lines().enumerate() {
            if line.starts_with([' ', '\t']) || line.starts_with('$') {
                continue;
            }
            let mut fields = strip_comment(line).split_whitespace();
            let Some(owner) = fields.next() else {
                continue;
            };
            if fields.next().is_some() && !owner.ends_with('.') {
                continue; // a record with a relative owner
            }
            let key = Self::key(checker, owner, i + 1)?;
            added += usize::from(self.registered.insert(key));
        }
        Ok(added)
    }

    /// Adds hosted names with their owners from `text`: `domain owner` a
    /// line; returns how many names were new (a name given again takes the
    /// later owner).
    ///
    /// # Errors
    ///
    /// [`LoadError::Name`] or [`LoadError::MissingOwner`] for the first bad
    /// line; the lines before it are kept.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{registrar::{Lookup, MemoryLookup}, Checker};
    ///
    /// let checker = Checker::default();
    /// let mut lookup = MemoryLookup::new();
    /// assert_eq!(lookup.add_hosted(&checker, "例子.中国 bob\n\nexample.cn\talice # ops\n").unwrap(), 2);
    /// assert_eq!(lookup.owner("xn--fsqu00a.xn--fiqs8s").as_deref(), Some("bob"));
    /// ```
    pub fn add_hosted(&mut self, checker: &Checker, text: &str) -> Result<usize, LoadError> {
        let mut added = 0;
        for (i, line) in text.lines().enumerate() {
            let mut fields = strip_comment(line).split_whitespace();
            let Some(name) = fields.next() else {
                continue;
            };
            let Some(owner) = fields.next() else {
                return Err(LoadError::MissingOwner { line: i + 1 });
            };
            let key = Self::key(checker, name, i + 1)?;
            added += usize::from(self.hosted.insert(key, owner.to_string()).is_none());
        }
        Ok(added)
    }

    /// Marks a name (by canonical key) as one whose WHOIS cannot be had.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::registrar::{Lookup, LookupAnswer, MemoryLookup};
    /// let mut lookup = MemoryLookup::new();
    /// lookup.set_whois_unreachable("example.cn");
    /// assert_eq!(lookup.whois_reachable("example.cn"), LookupAnswer::No);
    /// ```
    pub fn set_whois_unreachable(&mut self, key: &str) {
        self.whois_unreachable.insert(key.to_string());
    }

    /// Marks a name (by canonical key) as one whose information does not
    /// match CNNIC's.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::registrar::{Lookup, LookupAnswer, MemoryLookup};
    /// let mut lookup = MemoryLookup::new();
    /// lookup.set_cnnic_mismatch("xn--fsqu00a.xn--fiqs8s");
    /// assert_eq!(lookup.cnnic_matches("xn--fsqu00a.xn--fiqs8s"), LookupAnswer::No);
    /// ```
    pub fn set_cnnic_mismatch(&mut self, key: &str) {
        self.cnnic_mismatch.insert(key.to_string());
    }

    /// The number of registered names.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dncheck::registrar::MemoryLookup::new().registered_len(), 0);
    /// ```
    #[must_use]
    pub fn registered_len(&self) -> usize {
        self.registered.len()
    }

    /// The number of hosted names.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dncheck::registrar::MemoryLookup::new().hosted_len(), 0);
    /// ```
    #[must_use]
    pub fn hosted_len(&self) -> usize {
        self.hosted.len()
    }

    /// [`add_registered`](Self::add_registered) from a file.
    ///
    /// # Errors
    ///
    /// [`LoadError::Io`] if the file cannot be read as UTF-8 text, else as
    /// for `add_registered`.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{registrar::MemoryLookup, Checker};
    ///
    /// let path = std::env::temp_dir().join(format!("dncheck-doc-registered-{}", std::process::id()));
    /// std::fs::write(&path, "example.cn\n").unwrap();
    /// let mut lookup = MemoryLookup::new();
    /// assert_eq!(lookup.add_registered_file(&Checker::default(), &path).unwrap(), 1);
    /// std::fs::remove_file(&path).unwrap();
    /// ```
    #[cfg(feature = "std")]
    pub fn add_registered_file(
        &mut self,
        checker: &Checker,
        path: impl AsRef<std::path::Path>,
    ) -> Result<usize, LoadError> {
        let text = std::fs::read_to_string(path).map_err(LoadError::Io)?;
        self.add_registered(checker, &text)
    }

    /// [`add_hosted`](Self::add_hosted) from a file.
    ///
    /// # Errors
    ///
    /// [`LoadError::Io`] if the file cannot be read as UTF-8 text, else as
    /// for `add_hosted`.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{registrar::MemoryLookup, Checker};
    ///
    /// let path = std::env::temp_dir().join(format!("dncheck-doc-hosted-{}", std::process::id()));
    /// std::fs::write(&path, "example.cn alice\n").unwrap();
    /// let mut lookup = MemoryLookup::new();
    /// assert_eq!(lookup.add_hosted_file(&Checker::default(), &path).unwrap(), 1);
    /// std::fs::remove_file(&path).unwrap();
    /// ```
    #[cfg(feature = "std")]
    pub fn add_hosted_file(
        &mut self,
        checker: &Checker,
        path: impl AsRef<std::path::Path>,
    ) -> Result<usize, LoadError> {
        let text = std::fs::read_to_string(path).map_err(LoadError::Io)?;
        self.add_hosted(checker, &text)
    }

    fn key(checker: &Checker, name: &str, line: usize) -> Result<String, LoadError> {
        match checker.normalize(name) {
            Ok(v) => Ok(v.key().to_string()),
            Err(rejection) => Err(LoadError::Name { line, rejection }),
        }
    }
}

impl Lookup for MemoryLookup {
    fn is_registered(&self, key: &str) -> LookupAnswer {
        self.registered.contains(key).into()
    }

    fn in_dns(&self, key: &str) -> LookupAnswer {
        self.hosted.contains_key(key).into()
    }

    fn owner(&self, key: &str) -> Option<Cow<'_, str>> {
        self.hosted.get(key).map(|o| Cow::Borrowed(o.as_str()))
    }

    fn whois_reachable(&self, key: &str) -> LookupAnswer {
        (!self.whois_unreachable.contains(key)).into()
    }

    fn cnnic_matches(&self, key: &str) -> LookupAnswer {
        (!self.cnnic_mismatch.contains(key)).into()
    }
}
