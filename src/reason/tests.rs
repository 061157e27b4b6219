//! The reason table: strings, vendor codes and messages, complete and
//! as `docs/design.md` states them.

use super::Reason;
use alloc::vec::Vec;

#[test]
fn reason_table_is_complete() {
    for r in Reason::ALL {
        assert!(
            !r.as_str().is_empty()
                && r.as_str()
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'_')
        );
        assert!(!r.message().is_empty());
        assert!(
            r.message_zh()
                .chars()
                .any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)),
            "{r}"
        );
    }
    let names: Vec<&str> = Reason::ALL.iter().map(|r| r.as_str()).collect();
    assert_eq!(
        names,
        [
            "empty",
            "too_long",
            "label_too_long",
            "empty_label",
            "invalid_char",
            "hyphen",
            "bad_punycode",
            "bidi",
            "joiner",
            "mark_start",
            "ip_literal",
            "suffix_rule",
            "no_suffix",
            "unknown_suffix",
            "unsupported_suffix",
            "public_suffix",
            "reserved",
            "subdomain",
            "restricted_word",
            "disallowed",
            "context",
            "mixed_script",
            "restricted_suffix",
            "duplicate",
            "too_often",
            "unregistered",
            "not_in_dns",
            "whois_unavailable",
            "cnnic_mismatch",
        ]
    );
    // The table of docs/design.md: Tencent's code is `DomainIsEmpty` for `empty`,
    // none for `restricted_word` (`BlackWord=true` instead) and
    // `DomainNameIsInvalid` for every other reason; Alibaba's is `Suffix`
    // for the suffix reasons, `DomainForbidden` for restricted words (see
    // docs/design.md) and `Format` for the rest. The registrar workflow's
    // reasons carry the codes of Alibaba's `ApplyForRetrievalDomainName`
    // exactly as spelled there (`TooOfen`, `Wois`), and no Tencent code
    // but the rate limit's.
    for r in Reason::ALL {
        let tencent = match r {
            Reason::Empty => Some("MissingParameter.DomainIsEmpty"),
            Reason::TooOften => Some("RequestLimitExceeded"),
            Reason::RestrictedWord
            | Reason::Duplicate
            | Reason::Unregistered
            | Reason::NotInDns
            | Reason::WhoisUnavailable
            | Reason::CnnicMismatch => None,
            _ => Some("InvalidParameter.DomainNameIsInvalid"),
        };
        assert_eq!(r.tencent_code(), tencent, "{r}");
        let alibaba = match r {
            Reason::UnknownSuffix
            | Reason::UnsupportedSuffix
            | Reason::PublicSuffix
            | Reason::Reserved
            | Reason::RestrictedSuffix => "InvalidDomainName.Suffix",
            Reason::RestrictedWord => "DomainForbidden",
            Reason::Duplicate => "InvalidDomainName.Duplicate",
            Reason::TooOften => "Forbidden.TooOfen",
            Reason::Unregistered => "InvalidDomainName.Unregistered",
            Reason::NotInDns => "InvalidDomainName.NoExist",
            Reason::WhoisUnavailable => "UnabletoGetWoisInfo",
            Reason::CnnicMismatch => "CHNDomainInfoNotMatch",
            _ => "InvalidDomainName.Format",
        };
        assert_eq!(r.alibaba_code(), alibaba, "{r}");
    }
    // Stable names, codes and messages are distinct per reason where
    // they must be: no two reasons share a name or an English message.
    for (i, a) in Reason::ALL.iter().enumerate() {
        for b in &Reason::ALL[i + 1..] {
            assert_ne!(a.as_str(), b.as_str());
            assert_ne!(a.message(), b.message());
            assert_ne!(a.message_zh(), b.message_zh());
        }
    }
}
