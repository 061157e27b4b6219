//! Why a name is refused: the [`Reason`] enum with its vendor codes and
//! messages (the contract of `docs/design.md`, "Reasons and vendor codes",
//! in one place), and a [`Rejection`]: a reason and where in the input.

use core::fmt;
use core::ops::Range;

/// Why a name was refused.
///
/// The string forms ([`Reason::as_str`]) are part of the public contract:
/// they appear in the CLI's JSON and are what clients match on. Every reason
/// carries the error code that Alibaba Cloud DNS and Tencent Cloud
/// `CheckIntlDomainNew` return for it, spelled exactly as the vendors spell
/// them, and a message in English and in Chinese.
///
/// # Example
///
/// ```
/// use dncheck::{Checker, Reason};
///
/// let err = Checker::default().check("a..b").unwrap_err();
/// assert_eq!(err.reason(), Reason::EmptyLabel);
/// assert_eq!(err.reason().as_str(), "empty_label");
/// assert_eq!(err.reason().alibaba_code(), "InvalidDomainName.Format");
/// assert_eq!(err.reason().tencent_code(), Some("InvalidParameter.DomainNameIsInvalid"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reason {
    /// The input is empty.
    Empty,
    /// The ASCII form is longer than 253 octets, not counting a root dot
    /// ([RFC 1035 §2.3.4](https://www.rfc-editor.org/rfc/rfc1035#section-2.3.4)).
    TooLong,
    /// A label is longer than 63 octets in ASCII form.
    LabelTooLong,
    /// A label is empty: `a..b`, a leading dot, or only a dot.
    EmptyLabel,
    /// A code point that UTS #46 with `UseSTD3ASCIIRules` disallows (space,
    /// `_`, punctuation, controls, unassigned code points), or invalid UTF-8.
    InvalidChar,
    /// A label starts or ends with `-`, or has `--` at positions 3 and 4
    /// without being an `xn--` A-label (UTS #46 `CheckHyphens`).
    Hyphen,
    /// An `xn--` label that does not decode, or decodes to a label that is not
    /// a valid, NFC, non-ASCII U-label
    /// ([RFC 5891 §5.4](https://www.rfc-editor.org/rfc/rfc5891#section-5.4)).
    BadPunycode,
    /// The bidi rule of [RFC 5893](https://www.rfc-editor.org/rfc/rfc5893)
    /// is broken.
    Bidi,
    /// U+200C ZERO WIDTH NON-JOINER or U+200D ZERO WIDTH JOINER outside the
    /// context [RFC 5892 Appendix A](https://www.rfc-editor.org/rfc/rfc5892#appendix-A) allows.
    Joiner,
    /// A label starts with a combining mark (General_Category M).
    MarkStart,
    /// The name is an IPv4 literal, or its top-level label is all digits (or
    /// `0x` and hex digits, which URL parsers also read as a number):
    /// `192.168.0.1`, `１２７．０．０．１`, `example.123`.
    IpLiteral,
    /// The name breaks a registry's rule for names under its suffix
    /// ([`RegistryRule`](crate::RegistryRule)): under `cn`, `中国`, `中國`,
    /// `公司` and `网络` an internationalised label must hold a Han character,
    /// otherwise only letters, digits and hyphens, no `--`, and at most 20
    /// characters.
    SuffixRule,
    /// A single label that is not a public suffix: `nosuchtld` (`foo` is a
    /// TLD of the list: a `public_suffix`; `localhost` is `reserved`).
    NoSuffix,
    /// The top-level domain is in no rule of the suffix list:
    /// `example.notatld`.
    UnknownSuffix,
    /// The public suffix is known but not in the checker's supported set.
    UnsupportedSuffix,
    /// The name is itself a public suffix: `com.cn`, `com`.
    PublicSuffix,
    /// A special-use or reserved name, or a name under one (RFC 2606, 6761,
    /// 6762, 7686, 8375, 9476, `.internal`): `example.com`, `printer.local`,
    /// `localhost`.
    Reserved,
    /// A subdomain (`www.example.com`) where the profile
    /// ([`Profile::Registration`](crate::Profile::Registration)) requires a
    /// registrable domain itself.
    Subdomain,
    /// A word of the checker's restricted-word list occurs in the labels
    /// left of the public suffix. Not a refusal of
    /// [`Checker::check`](crate::Checker::check), which accepts the name and
    /// sets [`Flag::Restricted`](crate::flags::Flag::Restricted): the reason for callers (and the CLI) that
    /// refuse such names, with Tencent's view `Available=false`,
    /// `BlackWord=true` and no Tencent error code.
    RestrictedWord,
    /// [`Profile::Registration`](crate::Profile::Registration) only: a code
    /// point of a U-label (after UTS #46 mapping) that IDNA2008 does not
    /// allow: DISALLOWED or UNASSIGNED by the derived property of
    /// [RFC 5892](https://www.rfc-editor.org/rfc/rfc5892) (`☃`, `💩`, `⌘`,
    /// which UTS #46 lets through). Located at the code point.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Profile, Reason};
    ///
    /// let e = Checker::default().check("i☃.com").unwrap_err();
    /// assert_eq!((e.reason(), e.span()), (Reason::Disallowed, 1..4));
    /// let hosts = Checker::builder().profile(Profile::Hostname).build();
    /// assert!(hosts.check("i☃.com").is_ok());
    /// ```
    Disallowed,
    /// [`Profile::Registration`](crate::Profile::Registration) only: a
    /// CONTEXTO code point outside the context
    /// [RFC 5892 Appendix A](https://www.rfc-editor.org/rfc/rfc5892#appendix-A)
    /// allows it: `·` not between two `l`, `͵` not before Greek, `׳` `״` not
    /// after Hebrew, `・` in a label with no Hiragana, Katakana or Han,
    /// Arabic-Indic digits mixed with extended ones. Located at the code
    /// point.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Reason};
    ///
    /// let checker = Checker::default();
    /// assert!(checker.check("col·lecció.cat").is_ok());
    /// let e = checker.check("a·b.com").unwrap_err();
    /// assert_eq!((e.reason(), e.span()), (Reason::Context, 1..3));
    /// ```
    Context,
    /// A label left of the public suffix mixes scripts beyond UTS #39
    /// "Highly Restrictive" (`pаypal.com` with a Cyrillic `а`), and the
    /// checker was built with
    /// [`reject_mixed_script`](crate::CheckerBuilder::reject_mixed_script)
    /// (otherwise the name is accepted with
    /// [`Flag::MixedScript`](crate::Flag::MixedScript)). Located at the label.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Reason};
    ///
    /// let strict = Checker::builder().reject_mixed_script(true).build();
    /// let e = strict.check("pаypal.com").unwrap_err();
    /// assert_eq!((e.reason(), e.label(), e.span()), (Reason::MixedScript, Some(0), 0..7));
    /// ```
    MixedScript,
    /// [`Profile::Registration`](crate::Profile::Registration) only: the
    /// name is under a suffix only eligible registrants may register under
    /// (`data/restricted_suffixes.txt`: `arpa`, `int`, `gov`, `mil`, `edu`,
    /// `gov.cn`, `edu.cn`, `mil.cn`); the other profiles accept it with
    /// [`Flag::RestrictedSuffix`](crate::Flag::RestrictedSuffix). Located at
    /// the suffix's labels.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Reason};
    ///
    /// let e = dncheck::Checker::default().check("example.arpa").unwrap_err();
    /// assert_eq!((e.reason(), e.label(), e.span()), (Reason::RestrictedSuffix, Some(1), 8..12));
    /// assert_eq!(e.reason().alibaba_code(), "InvalidDomainName.Suffix");
    /// ```
    RestrictedSuffix,
    /// The name is already in the caller's own domain list, in any spelling
    /// (Alibaba Cloud DNS `InvalidDomainName.Duplicate`; Tencent documents
    /// no code for it). Answered by
    /// [`DomainSet::insert`](crate::registrar::DomainSet::insert), never by
    /// [`Checker::check`](crate::Checker::check).
    Duplicate,
    /// The same name (by its canonical key) was submitted again inside the
    /// cooldown window: Alibaba Cloud DNS `Forbidden.TooOfen` (the vendor's
    /// spelling, kept exactly; "90 秒内不允许重复找回"), Tencent
    /// `RequestLimitExceeded`. Answered by
    /// [`Cooldown`](crate::registrar::Cooldown).
    TooOften,
    /// The name is not registered (Alibaba Cloud DNS
    /// `InvalidDomainName.Unregistered`; no Tencent code). Answered from a
    /// [`Lookup`](crate::registrar::Lookup).
    Unregistered,
    /// The name does not exist in the DNS host's system (Alibaba Cloud DNS
    /// `InvalidDomainName.NoExist`; no Tencent code). Answered from a
    /// [`Lookup`](crate::registrar::Lookup).
    NotInDns,
    /// The name's WHOIS information could not be obtained (Alibaba Cloud DNS
    /// `UnabletoGetWoisInfo`, the vendor's spelling; no Tencent code).
    /// Answered from a [`Lookup`](crate::registrar::Lookup).
    WhoisUnavailable,
    /// A Chinese domain name's information does not match what the registry
    /// (CNNIC) returns (Alibaba Cloud DNS `CHNDomainInfoNotMatch`; no Tencent
    /// code). Answered from a [`Lookup`](crate::registrar::Lookup).
    CnnicMismatch,
}

impl Reason {
    /// Every reason, in the order of the table in `docs/design.md`: the
    /// checks of a name, then the registrar workflow's reasons (`duplicate`
    /// to `cnnic_mismatch`, see [`registrar`](crate::registrar)). The order
    /// is public: new reasons are appended.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::Reason;
    ///
    /// assert_eq!(Reason::ALL[0], Reason::Empty);
    /// assert!(Reason::ALL.iter().all(|r| !r.message_zh().is_empty()));
    /// ```
    pub const ALL: &'static [Reason] = &[
        Reason::Empty,
        Reason::TooLong,
        Reason::LabelTooLong,
        Reason::EmptyLabel,
        Reason::InvalidChar,
        Reason::Hyphen,
        Reason::BadPunycode,
        Reason::Bidi,
        Reason::Joiner,
        Reason::MarkStart,
        Reason::IpLiteral,
        Reason::SuffixRule,
        Reason::NoSuffix,
        Reason::UnknownSuffix,
        Reason::UnsupportedSuffix,
        Reason::PublicSuffix,
        Reason::Reserved,
        Reason::Subdomain,
        Reason::RestrictedWord,
        Reason::Disallowed,
        Reason::Context,
        Reason::MixedScript,
        Reason::RestrictedSuffix,
        Reason::Duplicate,
        Reason::TooOften,
        Reason::Unregistered,
        Reason::NotInDns,
        Reason::WhoisUnavailable,
        Reason::CnnicMismatch,
    ];

    /// The stable name of the reason, as in the CLI's `reason` field.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dncheck::Reason::LabelTooLong.as_str(), "label_too_long");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        self.info().0
    }

    /// The Alibaba Cloud DNS error code for this reason.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dncheck::Reason::Hyphen.alibaba_code(), "InvalidDomainName.Format");
    /// ```
    #[must_use]
    pub const fn alibaba_code(self) -> &'static str {
        self.info().1
    }

    /// The Tencent Cloud error code for this reason; `None` where Tencent
    /// answers without an error (`restricted_word`: `Available=false`,
    /// `BlackWord=true`) or documents no code (the lookup reasons
    /// `duplicate`, `unregistered`, `not_in_dns`, `whois_unavailable` and
    /// `cnnic_mismatch`: `CheckIntlDomainNew` lists none of them).
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::Reason;
    ///
    /// assert_eq!(Reason::Empty.tencent_code(), Some("MissingParameter.DomainIsEmpty"));
    /// assert_eq!(Reason::RestrictedWord.tencent_code(), None);
    /// ```
    #[must_use]
    pub const fn tencent_code(self) -> Option<&'static str> {
        self.info().2
    }

    /// A one-line English message for people.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dncheck::Reason::Empty.message(), "the domain name is empty");
    /// ```
    #[must_use]
    pub const fn message(self) -> &'static str {
        self.info().3
    }

    /// A one-line Chinese message for people (Tencent's `ReasonZh`).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(dncheck::Reason::Empty.message_zh(), "域名为空");
    /// ```
    #[must_use]
    pub const fn message_zh(self) -> &'static str {
        self.info().4
    }

    /// The one table of reason strings, codes and messages.
    const fn info(
        self,
    ) -> (
        &'static str,
        &'static str,
        Option<&'static str>,
        &'static str,
        &'static str,
    ) {
        const FORMAT: &str = "InvalidDomainName.Format";
        const SUFFIX: &str = "InvalidDomainName.Suffix";
        const INVALID: Option<&str> = Some("InvalidParameter.DomainNameIsInvalid");
        match self {
            Reason::Empty => (
                "empty",
                FORMAT,
                Some("MissingParameter.DomainIsEmpty"),
                "the domain name is empty",
                "域名为空",
            ),
            Reason::TooLong => (
                "too_long",
                FORMAT,
                INVALID,
                "the domain name is longer than 253 characters in ASCII form",
                "域名的 ASCII 形式超过 253 个字符",
            ),
            Reason::LabelTooLong => (
                "label_too_long",
                FORMAT,
                INVALID,
                "a label is longer than 63 characters in ASCII form",
                "域名中某一级标签的 ASCII 形式超过 63 个字符",
            ),
            Reason::EmptyLabel => (
                "empty_label",
                FORMAT,
                INVALID,
                "the domain name has an empty label (two dots in a row, or a leading dot)",
                "域名中有空标签（连续的点或以点开头）",
            ),
            Reason::InvalidChar => (
                "invalid_char",
                FORMAT,
                INVALID,
                "the domain name contains a character that is not allowed",
                "域名包含不允许的字符",
            ),
            Reason::Hyphen => (
                "hyphen",
                FORMAT,
                INVALID,
                "a label starts or ends with a hyphen, or has hyphens in the third and fourth positions",
                "标签以连字符开头或结尾，或第三、四位同时为连字符",
            ),
            Reason::BadPunycode => (
                "bad_punycode",
                FORMAT,
                INVALID,
                "an xn-- label is not valid Punycode for a valid internationalised label",
                "xn-- 标签不是有效的国际化域名编码（Punycode）",
            ),
            Reason::Bidi => (
                "bidi",
                FORMAT,
                INVALID,
                "the domain name breaks the rule for right-to-left scripts (RFC 5893)",
                "域名不符合从右到左文字的双向规则（RFC 5893）",
            ),
            Reason::Joiner => (
                "joiner",
                FORMAT,
                INVALID,
                "a zero-width joiner or non-joiner is used where it is not allowed",
                "零宽连接符或零宽非连接符用在了不允许的位置",
            ),
            Reason::MarkStart => (
                "mark_start",
                FORMAT,
                INVALID,
                "a label starts with a combining mark",
                "标签以组合附加符号开头",
            ),
            Reason::IpLiteral => (
                "ip_literal",
                FORMAT,
                INVALID,
                "the domain name is an IP address or ends in a numeric label",
                "域名是 IP 地址，或顶级标签为纯数字",
            ),
            Reason::SuffixRule => (
                "suffix_rule",
                FORMAT,
                INVALID,
                "the domain name breaks the registry's rules for names under this suffix",
                "域名不符合该后缀注册管理机构的命名规则",
            ),
            Reason::NoSuffix => (
                "no_suffix",
                FORMAT,
                INVALID,
                "the domain name has a single label and no suffix",
                "域名只有一级标签，没有后缀",
            ),
            Reason::UnknownSuffix => (
                "unknown_suffix",
                SUFFIX,
                INVALID,
                "the top-level domain does not exist",
                "顶级域名不存在",
            ),
            Reason::UnsupportedSuffix => (
                "unsupported_suffix",
                SUFFIX,
                INVALID,
                "this domain suffix is not supported",
                "不支持该域名后缀",
            ),
            Reason::PublicSuffix => (
                "public_suffix",
                SUFFIX,
                INVALID,
                "the domain name is itself a public suffix",
                "域名本身是公共后缀",
            ),
            Reason::Reserved => (
                "reserved",
                SUFFIX,
                INVALID,
                "the domain name is reserved for special use",
                "域名为保留的特殊用途域名",
            ),
            Reason::Subdomain => (
                "subdomain",
                FORMAT,
                INVALID,
                "a subdomain was given where a registrable domain is required",
                "需要可注册的主域名，而不是子域名",
            ),
            // Alibaba Cloud DNS documents no code for restricted words; the
            // docs/design.md says why `DomainForbidden` is its view.
            Reason::RestrictedWord => (
                "restricted_word",
                "DomainForbidden",
                None,
                "the domain name contains a restricted word",
                "域名包含受限词语",
            ),
            Reason::Disallowed => (
                "disallowed",
                FORMAT,
                INVALID,
                "a character that IDNA2008 does not allow in a domain name",
                "域名包含 IDNA2008 不允许的字符",
            ),
            Reason::Context => (
                "context",
                FORMAT,
                INVALID,
                "a character that IDNA2008 allows only in a context it is not in",
                "域名包含不符合 IDNA2008 上下文规则的字符",
            ),
            Reason::MixedScript => (
                "mixed_script",
                FORMAT,
                INVALID,
                "a label mixes scripts that no writing system uses together",
                "域名标签混用了不应混用的文字",
            ),
            Reason::RestrictedSuffix => (
                "restricted_suffix",
                SUFFIX,
                INVALID,
                "only eligible registrants may register names under this suffix",
                "该后缀仅限特定资质的注册者注册",
            ),
            // The registrar workflow: Alibaba Cloud DNS's codes of
            // `ApplyForRetrievalDomainName` (Alidns 2015-01-09), spelled as
            // the vendor spells them (`TooOfen`, `Wois`). Tencent's
            // `CheckIntlDomainNew` documents a code only for the rate limit.
            Reason::Duplicate => (
                "duplicate",
                "InvalidDomainName.Duplicate",
                None,
                "the domain name is already in this user's domain list",
                "本用户下已存在该域名",
            ),
            Reason::TooOften => (
                "too_often",
                "Forbidden.TooOfen",
                Some("RequestLimitExceeded"),
                "the same domain name was submitted again too soon (within 90 seconds)",
                "操作过于频繁，同一域名 90 秒内不允许重复提交",
            ),
            Reason::Unregistered => (
                "unregistered",
                "InvalidDomainName.Unregistered",
                None,
                "the domain name is not registered",
                "域名未注册",
            ),
            Reason::NotInDns => (
                "not_in_dns",
                "InvalidDomainName.NoExist",
                None,
                "the domain name does not exist in the DNS hosting system",
                "域名在云解析系统中不存在",
            ),
            Reason::WhoisUnavailable => (
                "whois_unavailable",
                "UnabletoGetWoisInfo",
                None,
                "the WHOIS information of the domain name could not be obtained",
                "获取不到域名的 Whois 信息",
            ),
            Reason::CnnicMismatch => (
                "cnnic_mismatch",
                "CHNDomainInfoNotMatch",
                None,
                "the Chinese domain name's information does not match the registry's (CNNIC)",
                "中文域名与注册局（CNNIC）返回的信息不匹配",
            ),
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A refused name: why, and where in the input.
///
/// # Example
///
/// ```
/// use dncheck::{Checker, Reason};
///
/// let err = Checker::default().check("good.ex ample.com").unwrap_err();
/// assert_eq!(err.reason(), Reason::InvalidChar);
/// assert_eq!(err.label(), Some(1));
/// assert_eq!(err.span(), 7..8); // the space, in bytes of the input
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    reason: Reason,
    label: Option<usize>,
    span: Range<usize>,
}

impl Rejection {
    pub(crate) const fn new(reason: Reason, label: Option<usize>, span: Range<usize>) -> Self {
        Rejection {
            reason,
            label,
            span,
        }
    }

    /// Why the name was refused.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::{Checker, Reason};
    ///
    /// let err = Checker::default().check("").unwrap_err();
    /// assert_eq!(err.reason(), Reason::Empty);
    /// assert_eq!(err.reason().tencent_code(), Some("MissingParameter.DomainIsEmpty"));
    /// ```
    #[must_use]
    pub const fn reason(&self) -> Reason {
        self.reason
    }

    /// The index (from 0, left to right) of the label at fault, when the fault
    /// lies in one label; `None` for faults of the whole name (`empty`,
    /// `too_long`).
    ///
    /// # Example
    ///
    /// ```
    /// let checker = dncheck::Checker::default();
    /// assert_eq!(checker.check("ok.-bad-.com").unwrap_err().label(), Some(1));
    /// assert_eq!(checker.check(&"a.".repeat(200)).unwrap_err().label(), None); // too_long
    /// ```
    #[must_use]
    pub const fn label(&self) -> Option<usize> {
        self.label
    }

    /// The byte range of the fault in the input: for `invalid_char` the
    /// offending character (or the first bad byte of invalid UTF-8); for the
    /// other label rules the whole label (an empty range where the label is
    /// empty); for `too_long` the whole name without its root dot; for
    /// `empty` the empty range.
    ///
    /// # Example
    ///
    /// ```
    /// let input = "例子.exa mple.com";
    /// let err = dncheck::Checker::default().check(input).unwrap_err();
    /// assert_eq!(&input[err.span()], " "); // bytes of the input, not characters
    /// ```
    #[must_use]
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.reason.as_str(), self.reason.message())?;
        let (start, end) = (self.span.start, self.span.end);
        match self.label {
            Some(label) => write!(f, " (label {label}, bytes {start}..{end})"),
            None => write!(f, " (bytes {start}..{end})"),
        }
    }
}

impl core::error::Error for Rejection {}

#[cfg(feature = "serde")]
mod serde_impls {
    //! `Serialize`: a reason as its stable string; a rejection as `reason`,
    //! the vendor codes, the messages, `label` and `span`.
    use super::{Reason, Rejection};
    use serde::ser::{Serialize, SerializeMap, Serializer};

    impl Serialize for Reason {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(self.as_str())
        }
    }

    impl Serialize for Rejection {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let r = self.reason();
            let mut map = s.serialize_map(Some(7))?;
            map.serialize_entry("reason", &r)?;
            map.serialize_entry("code", r.alibaba_code())?;
            map.serialize_entry("tencent_code", &r.tencent_code())?;
            map.serialize_entry("message", r.message())?;
            map.serialize_entry("message_zh", r.message_zh())?;
            map.serialize_entry("label", &self.label())?;
            map.serialize_entry("span", &[self.span().start, self.span().end])?;
            map.end()
        }
    }
}

#[cfg(test)]
mod tests;
