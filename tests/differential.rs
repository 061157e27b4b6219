//! Differential and property tests against the `idna` crate, the oracle for
//! UTS #46 (strict flags: STD3 rules, CheckHyphens, CheckBidi, CheckJoiners,
//! VerifyDnsLength, non-transitional): the rule of the `hostname` and `dns`
//! profiles (`registration` adds IDNA2008, see `tests/idna_test_v2.rs`).

use dncheck::{Checker, Flag, Profile, Reason};
use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};
use proptest::prelude::*;

mod common;

/// The profile whose format rules are UTS #46's.
fn hosts() -> Checker {
    Checker::builder().profile(Profile::Hostname).build()
}

fn idna_strict(input: &[u8]) -> Option<String> {
    Uts46::new()
        .to_ascii(
            input,
            AsciiDenyList::STD3,
            Hyphens::Check,
            DnsLength::Verify,
        )
        .ok()
        .map(|c| c.into_owned())
}

/// Strips one root dot, as dncheck does before its checks.
fn strip_root(input: &str) -> &str {
    for dot in [".", "\u{3002}", "\u{FF0E}", "\u{FF61}"] {
        if let Some(s) = input.strip_suffix(dot) {
            return s;
        }
    }
    input
}

/// Code points first assigned after Unicode 17.0, which dncheck refuses and
/// idna's Unicode 18.0 data allows (see `newer_unicode_is_refused` in
/// `tests/idna_test_v2.rs`).
fn has_newer_code_points(s: &str) -> bool {
    s.chars().any(dncheck::__private::is_newer_than_pinned)
}

/// The oracle comparison for one input: the same verdict and the same ASCII.
fn agree_with_idna(input: &str) -> Result<(), TestCaseError> {
    let ours = hosts().normalize(input);
    let root = matches!(&ours, Ok(v) if v.flags().contains(Flag::RootDot));
    let oracle_input = if root { strip_root(input) } else { input };
    let oracle = idna_strict(oracle_input.as_bytes());
    match (&ours, &oracle) {
        (Ok(v), Some(a)) => {
            prop_assert_eq!(v.ascii(), a.as_str(), "input {:?}", input);
            let (unicode, errors) = Uts46::new().to_unicode(
                oracle_input.as_bytes(),
                AsciiDenyList::STD3,
                Hyphens::Check,
            );
            prop_assert!(errors.is_ok());
            prop_assert_eq!(v.unicode(), &*unicode, "input {:?}", input);
        }
        (Err(e), None) => prop_assert!(e.reason() != Reason::Empty || input.is_empty()),
        (Err(e), Some(a)) => prop_assert!(
            // In the input, or inside its A-labels.
            has_newer_code_points(input)
                || has_newer_code_points(
                    &Uts46::new()
                        .to_unicode(oracle_input.as_bytes(), AsciiDenyList::STD3, Hyphens::Check)
                        .0
                ),
            "refused {:?} ({}) where idna gives {:?}",
            input,
            e,
            a
        ),
        (Ok(v), None) => prop_assert!(
            false,
            "accepted {:?} as {:?}; idna refuses",
            input,
            v.ascii()
        ),
    }
    Ok(())
}

/// Properties of every accepted name.
fn accepted_invariants(input: &[u8]) -> Result<(), TestCaseError> {
    let checker = hosts();
    match checker.normalize_bytes(input) {
        Ok(v) => {
            let ascii = v.ascii();
            prop_assert!(ascii.is_ascii() && ascii.len() <= 253, "{:?}", ascii);
            prop_assert!(!ascii.ends_with('.'));
            prop_assert!(ascii.split('.').all(|l| !l.is_empty() && l.len() <= 63));
            prop_assert_eq!(ascii.to_ascii_lowercase(), ascii);
            // The U-label form is NFC by an independent implementation.
            prop_assert!(
                unicode_normalization::is_nfc(v.unicode()),
                "{:?}",
                v.unicode()
            );
            // Idempotent, and the Unicode form normalises to the same key.
            let again = checker
                .normalize(ascii)
                .expect("the ASCII form is accepted");
            prop_assert_eq!(again.ascii(), ascii);
            prop_assert_eq!(again.unicode(), v.unicode());
            let from_unicode = checker
                .normalize(v.unicode())
                .expect("the Unicode form is accepted");
            prop_assert_eq!(from_unicode.ascii(), ascii);
            prop_assert_eq!(v.labels().collect::<Vec<_>>().join("."), ascii);
        }
        Err(e) => {
            let span = e.span();
            prop_assert!(
                span.start <= span.end && span.end <= input.len(),
                "{:?} {}",
                span,
                input.len()
            );
        }
    }
    Ok(())
}

/// A strategy for strings from building blocks that exercise every path.
fn domainish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => "[a-zA-Z0-9]{1,8}",
        3 => Just("-".to_string()),
        4 => Just(".".to_string()),
        1 => prop::sample::select(vec!["。", "．", "｡", "..", "xn--", "XN--", "_", " ", "=", "\u{338}"]).prop_map(String::from),
        3 => prop::sample::select(vec![
            "中国", "例子", "公司", "網絡", "中國", "한국", "にほん", "пример", "παράδειγμα", "bücher", "ß", "ς",
        ]).prop_map(String::from),
        2 => prop::sample::select(vec![
            "ｅｘ", "ＡＢ", "１２", "－", "Ü", "ΣΑ", "Ⅻ", "ﬀ", "㍱", "\u{ad}", "\u{ffa0}",
        ]).prop_map(String::from),
        2 => prop::sample::select(vec![
            "\u{5D0}", "\u{627}", "\u{661}", "\u{6F1}", "\u{301}", "\u{200C}", "\u{200D}", "\u{94D}", "\u{915}",
            "\u{644}", "\u{627}\u{200C}\u{644}",
        ]).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
        1 => prop::sample::select(vec!["xn--fiqs8s", "xn--55qx5d", "xn--bcher-kva", "xn--a", "xn--zca", "xn--mgbh0fb"]).prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    /// For every ASCII input the ASCII fast path agrees exactly with idna.
    #[test]
    fn ascii_agrees_with_idna(input in "[a-zA-Z0-9._\\- @!*/:]{0,70}") {
        agree_with_idna(&input)?;
    }

    #[test]
    fn ascii_names_agree_with_idna(input in "([a-zA-Z0-9]{1,10}(-[a-zA-Z0-9]{1,5})?\\.){0,4}[a-zA-Z]{2,6}\\.?") {
        agree_with_idna(&input)?;
    }

    /// Unicode inputs: both fast and slow paths agree with idna.
    #[test]
    fn unicode_agrees_with_idna(input in domainish()) {
        agree_with_idna(&input)?;
    }

    /// Long Han, Hangul and Latin labels with hyphens and the fullwidth
    /// separators: labels and names around their length limits in A-label
    /// form (63 and 253 octets), where the one-pass check must stop exactly
    /// where idna does.
    #[test]
    fn long_unicode_names_agree_with_idna(
        labels in prop::collection::vec("[一-龥가-힣a-z0-9-]{1,28}", 1..14),
        separators in prop::collection::vec(prop::sample::select(vec![".", "。", "．"]), 14),
    ) {
        let mut input = String::new();
        for (i, label) in labels.iter().enumerate() {
            if i > 0 {
                input.push_str(separators[i]);
            }
            input.push_str(label);
        }
        agree_with_idna(&input)?;
    }

    #[test]
    fn arbitrary_text_agrees_with_idna(input in "\\PC{0,20}") {
        agree_with_idna(&input)?;
    }

    #[test]
    fn accepted_names_are_canonical(input in domainish()) {
        accepted_invariants(input.as_bytes())?;
    }

    /// No input panics; every refusal points inside the input.
    #[test]
    fn arbitrary_bytes(input in prop::collection::vec(any::<u8>(), 0..300)) {
        accepted_invariants(&input)?;
    }

    #[test]
    fn punycode_encode_agrees(label in "\\PC{1,30}") {
        prop_assert_eq!(dncheck::__private::punycode_encode(&label), idna::punycode::encode_str(&label));
    }

    #[test]
    fn punycode_decode_agrees(label in "[a-z0-9-]{0,30}") {
        let ours = dncheck::__private::punycode_decode(&label);
        let theirs = idna::punycode::decode_to_string(&label);
        prop_assert_eq!(ours, theirs, "{:?}", label);
    }
}

/// Every code point of the fast set, inside a label and as a whole label,
/// normalises exactly as idna says (and idna accepts it).
#[test]
fn every_fast_code_point_agrees_with_idna() {
    let checker = hosts();
    let mut n = 0;
    for c in (0x80..0x40000u32).filter_map(char::from_u32) {
        if !dncheck::__private::is_fast(c) {
            continue;
        }
        n += 1;
        for name in [format!("{c}.cn"), format!("a{c}1.com")] {
            let ours = checker.normalize(&name).map(|v| v.ascii().to_string()).ok();
            assert_eq!(ours, idna_strict(name.as_bytes()), "U+{:04X}", c as u32);
        }
    }
    assert!(n > 100_000, "the fast set is unexpectedly small: {n}");
}

/// Names under every non-ASCII top-level domain of the Public Suffix List
/// (those in the table of known TLDs and the others), in U-label and A-label
/// form, with each separator, agree with idna.
#[test]
fn names_under_every_idn_tld_agree_with_idna() {
    let mut tlds: Vec<&str> = common::data::psl_rules()
        .filter_map(|(_, rule)| rule.rsplit('.').next())
        .filter(|tld| !tld.is_ascii())
        .collect();
    tlds.sort_unstable();
    tlds.dedup();
    assert!(tlds.len() > 100, "{}", tlds.len());
    for tld in tlds {
        // And in A-label form, as it stands and in upper case.
        let a_label = format!("xn--{}", idna::punycode::encode_str(tld).unwrap());
        for form in [tld.to_owned(), a_label.clone(), a_label.to_uppercase()] {
            for prefix in [
                "例子.",
                "a-b.",
                "ab。",
                "ＥＸ．",
                "x.y｡",
                "例-子.",
                "ab-1.",
                "",
            ] {
                agree_with_idna(&format!("{prefix}{form}")).unwrap();
                agree_with_idna(&format!("{prefix}{form}.")).unwrap();
                agree_with_idna(&format!("{prefix}{form}x")).unwrap();
                agree_with_idna(&format!("{prefix}{form}.{prefix}")).unwrap();
            }
        }
    }
}
