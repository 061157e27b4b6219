//! The policy stage: whether a checker accepts a normalised name, given its
//! public suffix and registrable domain from the suffix stage's one lookup
//! ([`SuffixMatch`]), under a [`Policy`]: the profile, the PSL sections in
//! use, the supported suffixes, and the registries' rules
//! (`docs/design.md`, "Profiles").
//!
//! The order of the checks decides which reason a name that breaks several
//! rules gets; it goes from the shape of the whole name to the details of
//! its registrable label:
//!
//! 1. `ip_literal`: the top-level label is numeric (`192.168.0.1`,
//!    `example.123`, `example.0x1f`);
//! 2. `reserved`: the name is or lies under a special-use name
//!    (`data/reserved.txt`), whatever its suffix (`example.com`, `foo.test`,
//!    `localhost`);
//! 3. `public_suffix` for a name that is itself a suffix the list knows
//!    (`com.cn`, `com`), `no_suffix` for a single label it does not know
//!    (`nosuchtld`; `foo` is a TLD);
//! 4. `unknown_suffix`: no rule names the top-level domain;
//! 5. `unsupported_suffix`: the suffix is not in the configured set;
//! 6. `restricted_suffix` (registration profile only; a flag in the
//!    others): the suffix, or one above it, is for eligible registrants
//!    only (`data/restricted_suffixes.txt`: `gov`, `edu.cn`, `arpa`, ...);
//! 7. `subdomain` (registration profile only): the name is longer than its
//!    registrable domain;
//! 8. `suffix_rule`: the registrable label breaks its registry's rule
//!    (`data/suffix_rules.txt`) or repertoire (`data/repertoires.txt`:
//!    `example.中国`, `example.рф`).
//!
//! Every refusal names the input's labels at fault (its `label` is the
//! first of them, never `None`): the top-level label for 1 and 4, the whole
//! name for 2, the suffix's labels for 3, 5 and 6, the labels left of the
//! registrable domain for 7, the registrable label for 8.

use alloc::collections::BTreeSet;
use alloc::string::String;
use alloc::sync::Arc;
use core::fmt;
use core::ops::RangeInclusive;
use core::str::FromStr;

use crate::flags::{Flag, Flags};
use crate::generated::han::HAN;
use crate::labels::input_label_span;
use crate::normalize::Forms;
use crate::ranges;
use crate::reason::{Reason, Rejection};
use crate::registry::{is_restricted_suffix, repertoire, RegistryRule, Repertoire};
use crate::suffix::SuffixMatch;
use crate::utf8::{decode, decode_checked};
use unicode_script::{Script, UnicodeScript};

/// The most characters a label under a `chinese`-rule suffix may hold.
const CHINESE_MAX_CHARS: usize = 20;

/// What kind of name a [`Checker`](crate::checker::Checker) accepts.
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
    ///
    /// # Example
    ///
    /// ```
    /// let names: Vec<&str> = dncheck::Profile::ALL.iter().map(|p| p.as_str()).collect();
    /// assert_eq!(names, ["registration", "hostname", "dns"]);
    /// ```
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
///
/// # Example
///
/// ```
/// let err = "www".parse::<dncheck::Profile>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown profile (expected registration, hostname or dns)");
/// ```
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

/// What a checker accepts beyond the format rules: the values the policy
/// stage decides by. The checker owns one and passes it to [`judge`].
#[derive(Clone, Debug, Default)]
pub(crate) struct Policy {
    pub(crate) profile: Profile,
    /// Count the PSL's PRIVATE section (the suffix stage's lookup takes it).
    pub(crate) private: bool,
    /// The supported suffixes in A-label form; `None`: every suffix of the
    /// list.
    pub(crate) supported: Option<Arc<BTreeSet<String>>>,
    /// Refuse a label that mixes scripts (`mixed_script`) instead of
    /// flagging it.
    pub(crate) reject_mixed_script: bool,
}

/// The policy's answer for a normalised name (its [`Forms`]) and its suffix
/// match (which was looked up on `name.ascii`), located in the name's input.
#[inline]
pub(crate) fn judge(
    policy: &Policy,
    name: &Forms<'_>,
    m: &SuffixMatch,
) -> Result<Flags, Rejection> {
    let ascii = name.ascii;
    let n = ascii.len();
    let suffix_len = m.suffix_len();
    let reg_len = m.registrable_len();
    // A numeric label ends in a (hex) digit: most names are past this test
    // after one byte.
    let tld_numeric = ascii.as_bytes()[n - 1].is_ascii_hexdigit()
        && is_numeric(&ascii[n - last_label_len(ascii)..]);
    let suffix = &ascii[n - suffix_len..];
    let supported = match &policy.supported {
        Some(set) => set.contains(suffix),
        None => true,
    };
    let restricted = is_restricted_suffix(suffix);
    let registration = policy.profile == Profile::Registration;
    // Label indexes, counted only on the paths that need them: the first
    // label of the suffix, and the registrable label before it.
    let suffix_label = |ascii: &str| count_dots(&ascii.as_bytes()[..n - suffix_len]);
    let labels = |ascii: &str| count_dots(ascii.as_bytes()) + 1;
    let refusal = match () {
        () if tld_numeric => {
            let last = labels(ascii) - 1;
            Some((Reason::IpLiteral, last..=last))
        }
        // Before `public_suffix`/`no_suffix`: `localhost`, `test` and
        // `onion` are special-use names (RFC 6761, 7686), whatever the list
        // says of them.
        () if m.is_reserved() => Some((Reason::Reserved, 0..=labels(ascii) - 1)),
        () if reg_len == 0 && m.is_known() => Some((
            Reason::PublicSuffix,
            suffix_label(ascii)..=labels(ascii) - 1,
        )),
        () if reg_len == 0 => Some((Reason::NoSuffix, 0..=labels(ascii) - 1)),
        () if !m.is_known() => {
            let last = labels(ascii) - 1;
            Some((Reason::UnknownSuffix, last..=last))
        }
        () if !supported => Some((
            Reason::UnsupportedSuffix,
            suffix_label(ascii)..=labels(ascii) - 1,
        )),
        () if registration && restricted => Some((
            Reason::RestrictedSuffix,
            suffix_label(ascii)..=labels(ascii) - 1,
        )),
        () if registration && reg_len < n => Some((Reason::Subdomain, 0..=suffix_label(ascii) - 2)),
        () => {
            let rule = m.rule() == Some(RegistryRule::Chinese);
            let repertoire = repertoire(suffix);
            if rule || repertoire.is_some() {
                let label =
                    label_before(name.unicode.as_bytes(), count_dots(suffix.as_bytes()) + 1);
                let ok = (!rule || chinese_label_ok(label))
                    && repertoire.is_none_or(|r| repertoire_ok(r, label));
                (!ok).then(|| {
                    let reg_label = suffix_label(ascii) - 1;
                    (Reason::SuffixRule, reg_label..=reg_label)
                })
            } else {
                None
            }
        }
    };
    match refusal {
        None => {
            let mut flags = Flags::default();
            if restricted {
                flags.insert(Flag::RestrictedSuffix);
            }
            Ok(flags)
        }
        Some((reason, labels)) => Err(refuse(name.input, reason, labels)),
    }
}

/// A refusal of the labels `labels` of the input (inclusive): `label` is the
/// first of them, the span covers them all.
#[cold]
fn refuse(input: &[u8], reason: Reason, labels: RangeInclusive<usize>) -> Rejection {
    Rejection::new(
        reason,
        Some(*labels.start()),
        input_label_span(input, *labels.start()).start..input_label_span(input, *labels.end()).end,
    )
}

fn count_dots(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'.').count()
}

fn last_label_len(ascii: &str) -> usize {
    // Bytes, not `str::rfind`, whose searcher costs more than the few bytes
    // of a top-level label.
    let bytes = ascii.as_bytes();
    bytes.len() - bytes.iter().rposition(|&b| b == b'.').map_or(0, |i| i + 1)
}

/// `true` for a label that URL parsers read as a number (the WHATWG URL
/// standard's "ends in a number" check): all decimal digits, or `0x` and
/// hex digits.
fn is_numeric(label: &str) -> bool {
    let hex = label.strip_prefix("0x");
    match hex {
        Some(digits) => digits.bytes().all(|b| b.is_ascii_hexdigit()),
        None => !label.is_empty() && label.bytes().all(|b| b.is_ascii_digit()),
    }
}

/// `true` if `c` is of the Han script.
pub(crate) fn is_han(c: char) -> bool {
    is_han_code(c as u32)
}

/// [`is_han`] of a code point's value.
fn is_han_code(c: u32) -> bool {
    // CJK Unified Ideographs, where nearly every Chinese label lives.
    if (0x4E00..=0x9FFF).contains(&c) {
        return true;
    }
    ranges::contains(&HAN, c)
}

/// The label of a name in U-label form (labels separated by `.`) before
/// its last `after` labels: its registrable label, when those are the
/// public suffix's. Read from the end.
fn label_before(name: &[u8], after: usize) -> &[u8] {
    let mut end = name.len();
    let mut dots = 0;
    for (i, &b) in name.iter().enumerate().rev() {
        if b == b'.' {
            dots += 1;
            if dots == after {
                end = i;
            } else if dots > after {
                return &name[i + 1..end];
            }
        }
    }
    if dots == after {
        &name[..end]
    } else {
        &[]
    }
}

/// A registry repertoire (`data/repertoires.txt`) for a registrable label
/// in U-label form (UTF-8 bytes): `han`, at least one Han character;
/// `cyrillic`, Cyrillic letters, digits and hyphens with at least one
/// Cyrillic letter.
fn repertoire_ok(repertoire: Repertoire, label: &[u8]) -> bool {
    // The code points, decoded as read (the U-label form is UTF-8 by
    // construction; a bad sequence would end the label).
    let chars = || {
        let mut i = 0;
        core::iter::from_fn(move || {
            let (c, len) = decode_checked(label, i)?;
            i += len;
            Some(c)
        })
    };
    match repertoire {
        Repertoire::Han => chars().any(is_han),
        Repertoire::Cyrillic => {
            chars().any(|c| c.script() == Script::Cyrillic)
                && chars().all(|c| c.is_ascii_digit() || c == '-' || c.script() == Script::Cyrillic)
        }
    }
}

/// The `chinese` registry rule for a registrable label in U-label form (as
/// UTF-8 bytes): an ASCII label is not concerned; an internationalised one
/// holds at least one Han character, otherwise only letters, digits and
/// hyphens, no `--`, and at most 20 characters.
fn chinese_label_ok(label: &[u8]) -> bool {
    if label.is_ascii() {
        return true;
    }
    let mut han = false;
    let mut chars = 0;
    let mut i = 0;
    let mut hyphen = false;
    while i < label.len() {
        let b = label[i];
        chars += 1;
        if b < 0x80 {
            let ldh = b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-';
            if !ldh || (b == b'-' && hyphen) {
                return false;
            }
            hyphen = b == b'-';
            i += 1;
            continue;
        }
        hyphen = false;
        // A label of the U-label form (a `str`, split at dots) is whole
        // UTF-8 sequences.
        let (c, len) = decode(label, i);
        if !is_han_code(c) {
            return false;
        }
        han = true;
        i += len;
    }
    han && chars <= CHINESE_MAX_CHARS
}
