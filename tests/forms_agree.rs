//! Every A-label is held to what its U-label would be: for every accepted
//! name, checking its A-label form (`ascii()`) and its U-label form
//! (`unicode()`) gives the same verdict, reason and flags (`mapped` aside),
//! in every profile.

use dncheck::{Checker, Flag, Profile};
use proptest::prelude::*;

/// Code points worth mixing: LDH, the scripts of the corpus, the ones that
/// differ between UTS #46 and IDNA2008, CONTEXTJ/CONTEXTO, marks, RTL,
/// symbols, U+FFFD, mapped forms.
const CHARS: &[char] = &[
    'a', 'b', 'e', 'l', 'o', 'p', 'x', 'n', '0', '7', '-', 'A', 'Z', '例', '子', '中', '國', '国',
    '網', 'ひ', 'カ', 'ー', '한', 'а', 'р', 'е', 'ѕ', 'ο', 'α', 'ü', 'é', 'ß', 'ς', '·',
    '\u{0375}', '\u{05F3}', '\u{05D0}', '\u{0627}', '\u{0661}', '\u{06F1}', '\u{30FB}', '\u{200C}',
    '\u{200D}', '\u{094D}', '\u{0301}', '☃', '⌘', '💩', '\u{FFFD}', 'Ａ', '１', '\u{00AD}', 'ǅ',
    '\u{2160}',
];

fn ulabel() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(CHARS), 1..8).prop_map(|v| v.into_iter().collect())
}

/// A label: as typed, or the A-label of any code point sequence (valid or
/// not: the Punycode of `☃` or of U+FFFD is still Punycode).
fn label() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => ulabel(),
        2 => ulabel().prop_filter_map("encodes", |u| {
            let lower: String = u.chars().flat_map(char::to_lowercase).collect();
            if lower.is_ascii() {
                return None;
            }
            dncheck::__private::punycode_encode(&lower).map(|p| format!("xn--{p}"))
        }),
    ]
}

const SUFFIXES: &[&str] = &[
    "com",
    "cn",
    "中国",
    "com.cn",
    "jp",
    "de",
    "cat",
    "рф",
    "gr",
    "arpa",
    "gov.cn",
    "xn--fiqs8s",
];

fn name() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(label(), 1..3),
        prop::sample::select(SUFFIXES),
    )
        .prop_map(|(labels, suffix)| format!("{}.{suffix}", labels.join(".")))
}

fn checkers() -> Vec<Checker> {
    Profile::ALL
        .iter()
        .map(|&p| Checker::builder().profile(p).build())
        .collect()
}

fn without_mapped(flags: dncheck::Flags) -> Vec<Flag> {
    flags.iter().filter(|&f| f != Flag::Mapped).collect()
}

fn forms_agree(checker: &Checker, input: &str) -> Result<(), TestCaseError> {
    let Ok(v) = checker.check(input) else {
        return Ok(());
    };
    let a = checker.check(v.ascii());
    let u = checker.check(v.unicode());
    match (&a, &u) {
        (Ok(a), Ok(u)) => {
            prop_assert_eq!(a.ascii(), v.ascii(), "{:?}", input);
            prop_assert_eq!(u.ascii(), v.ascii(), "{:?}", input);
            prop_assert_eq!(a.unicode(), u.unicode(), "{:?}", input);
            prop_assert_eq!((a.suffix(), a.registrable()), (u.suffix(), u.registrable()));
            prop_assert_eq!(without_mapped(a.flags()), without_mapped(u.flags()));
            prop_assert_eq!(without_mapped(a.flags()), without_mapped(v.flags()));
        }
        _ => prop_assert!(
            false,
            "{} {:?} accepted as {:?} / {:?}, but ascii -> {:?}, unicode -> {:?}",
            checker.profile(),
            input,
            v.ascii(),
            v.unicode(),
            a.as_ref().err(),
            u.as_ref().err()
        ),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn ascii_and_unicode_forms_agree(input in name()) {
        for checker in checkers() {
            forms_agree(&checker, &input)?;
        }
    }
}

/// `xn--zn7c` decodes to U+FFFD, which UTS #46 disallows: typed directly it
/// is `invalid_char`, so its A-label is `bad_punycode`, not accepted.
#[test]
fn a_label_of_replacement_character_is_refused() {
    for checker in checkers() {
        let e = checker.check("xn--zn7c.com").unwrap_err();
        assert_eq!(e.reason(), dncheck::Reason::BadPunycode);
        assert_eq!((e.label(), e.span()), (Some(0), 0..8));
        let e = checker.check("\u{FFFD}.com").unwrap_err();
        assert_eq!(e.reason(), dncheck::Reason::InvalidChar);
    }
}
