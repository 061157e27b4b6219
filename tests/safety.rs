//! Registration safety (issue #12): mixed scripts, whole-script
//! confusables, with real names.

use dncheck::{Checker, Flag, Profile, Reason};

fn flags(checker: &Checker, name: &str) -> Vec<Flag> {
    checker
        .check(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .flags()
        .iter()
        .collect()
}

#[test]
fn mixed_script_is_flagged_or_refused() {
    let checker = Checker::default();
    // Cyrillic `а` in a Latin label.
    assert!(flags(&checker, "pаypal.com").contains(&Flag::MixedScript));
    // Greek `ο` in a Latin label, in a subdomain label of a host name.
    let hosts = Checker::builder().profile(Profile::Hostname).build();
    assert!(flags(&hosts, "gοοgle.example.cn").contains(&Flag::MixedScript));
    // Latin with Han; Han with Hiragana and Katakana; Hangul; Latin alone.
    for name in [
        "例子abc.中国",
        "東京タワー.jp",
        "서울.kr",
        "bücher.de",
        "テレビ・ゲーム.jp",
    ] {
        let f = flags(&checker, name);
        assert!(!f.contains(&Flag::MixedScript), "{name}: {f:?}");
        assert!(!f.contains(&Flag::Confusable), "{name}: {f:?}");
    }
    // The suffix is not judged: `рф` is Cyrillic under a Latin label.
    assert!(!flags(&checker, "пример.рф").contains(&Flag::MixedScript));
    let strict = Checker::builder().reject_mixed_script(true).build();
    let e = strict.check("pаypal.com").unwrap_err();
    assert_eq!(
        (e.reason(), e.label(), e.span()),
        (Reason::MixedScript, Some(0), 0..7)
    );
    assert_eq!(e.reason().alibaba_code(), "InvalidDomainName.Format");
    assert!(strict.check("例子abc.中国").is_ok());
    let strict_hosts = Checker::builder()
        .profile(Profile::Hostname)
        .reject_mixed_script(true)
        .build();
    let e = strict_hosts.check("www.gοοgle.com").unwrap_err();
    assert_eq!(
        (e.reason(), e.label(), e.span()),
        (Reason::MixedScript, Some(1), 4..12)
    );
}

#[test]
fn whole_script_confusables() {
    let checker = Checker::default();
    for name in ["аррӏе.com", "xn--80ak6aa92e.com", "ѕсоре.net"] {
        let f = flags(&checker, name);
        assert!(f.contains(&Flag::Confusable), "{name}: {f:?}");
        assert!(!f.contains(&Flag::MixedScript), "{name}: {f:?}");
    }
    // Under a TLD whose registry serves Cyrillic: neither.
    let f = flags(&checker, "аррӏе.рф");
    assert!(
        !f.contains(&Flag::Confusable) && !f.contains(&Flag::MixedScript),
        "{f:?}"
    );
    // A Cyrillic word that looks like no ASCII word.
    assert!(!flags(&checker, "пример.com").contains(&Flag::Confusable));
    // Greek, under Greek TLDs or not.
    assert!(flags(&checker, "ορο.com").contains(&Flag::Confusable));
    assert!(!flags(&checker, "ορο.gr").contains(&Flag::Confusable));
}

#[test]
fn skeleton_of_the_registrable_domain() {
    let hosts = Checker::builder().profile(Profile::Hostname).build();
    let skeleton = |s: &str| hosts.check(s).unwrap().skeleton();
    assert_eq!(skeleton("аррӏе.com"), skeleton("apple.com"));
    assert_eq!(skeleton("xn--80ak6aa92e.com"), skeleton("apple.com"));
    assert_eq!(skeleton("mail.аррӏе.com"), skeleton("apple.com"));
    assert_ne!(skeleton("аррӏе.com"), skeleton("apple.org"));
    // Before the suffix stage: the whole name.
    let v = hosts.normalize("www.apple.com").unwrap();
    assert_eq!(v.skeleton().split('.').count(), 3, "{}", v.skeleton());
}

#[test]
fn han_variant_key() {
    let checker = Checker::default();
    let key = |s: &str| checker.check(s).unwrap().variant_key().into_owned();
    let one = key("中國.cn");
    for name in ["中国.cn", "xn--fiqz9s.cn", "中国。CN", "中國。cn."] {
        assert_eq!(key(name), one, "{name}");
    }
    assert_eq!(one, "xn--fiqs8s.cn");
    // The key is the canonical key where nothing folds.
    let v = checker.check("例子.中国").unwrap();
    assert_eq!(v.variant_key(), v.key());
    assert_ne!(key("中国.cn"), key("中华.cn"));
    // Under a traditional TLD, the TLD folds too.
    assert_eq!(key("例子.中國"), key("例子.中国"));
}

#[test]
fn han_variants_are_bounded() {
    let checker = Checker::default();
    let v = checker.check("中國.cn").unwrap();
    let variants = v.variants();
    assert_eq!(variants[0], "xn--fiqs8s.cn");
    assert!(variants.contains(&"xn--fiqz9s.cn".to_owned()));
    assert!(variants
        .iter()
        .all(|s| checker.check(s).unwrap().variant_key() == "xn--fiqs8s.cn"));
    // 8 characters with variants: more than the bound; the own spelling
    // is kept.
    let v = checker.check("國際經濟貿易發展.cn").unwrap();
    let variants = v.variants();
    assert_eq!(variants.len(), dncheck::VARIANTS_MAX);
    assert!(variants.contains(&v.registrable().unwrap().to_owned()));
    // No Han, no variants but itself.
    assert_eq!(
        checker.check("example.cn").unwrap().variants(),
        ["example.cn"]
    );
}

#[test]
fn registry_repertoires() {
    let checker = Checker::default();
    let refused = |name: &str| {
        let e = checker.check(name).unwrap_err();
        (e.reason(), e.label(), e.span())
    };
    // Chinese IDN TLDs: a Han character in the registered label.
    assert_eq!(refused("example.中国"), (Reason::SuffixRule, Some(0), 0..7));
    assert_eq!(refused("123.中国"), (Reason::SuffixRule, Some(0), 0..3));
    assert_eq!(refused("example.中國").0, Reason::SuffixRule);
    assert_eq!(refused("abc.公司").0, Reason::SuffixRule);
    assert_eq!(refused("abc.xn--io0a7i").0, Reason::SuffixRule); // 网络
    for name in ["例子abc.中国", "例子.中國", "公司名.公司", "网络.网络"] {
        assert!(checker.check(name).is_ok(), "{name}");
    }
    // `cn` itself takes ASCII labels.
    assert!(checker.check("example.cn").is_ok());
    // рф: Cyrillic only.
    assert_eq!(refused("example.рф"), (Reason::SuffixRule, Some(0), 0..7));
    assert_eq!(refused("123.рф").0, Reason::SuffixRule);
    assert_eq!(refused("приmer.рф").0, Reason::SuffixRule);
    for name in ["пример.рф", "аррӏе.рф", "пример-1.рф"] {
        assert!(checker.check(name).is_ok(), "{name}");
    }
    // Host names under them are the host's business below the registered
    // label, but the registered label is still the registry's.
    let hosts = Checker::builder().profile(Profile::Hostname).build();
    assert!(hosts.check("www.пример.рф").is_ok());
    assert_eq!(
        hosts.check("www.example.рф").unwrap_err().reason(),
        Reason::SuffixRule
    );
}

#[test]
fn restricted_suffixes() {
    let checker = Checker::default();
    let hosts = Checker::builder().profile(Profile::Hostname).build();
    for (name, span) in [
        ("example.arpa", 8..12),
        ("example.int", 8..11),
        ("whitehouse.gov", 11..14),
        ("army.mil", 5..8),
        ("mit.edu", 4..7),
        ("beijing.gov.cn", 8..14),
        ("pku.edu.cn", 4..10),
        ("example.mil.cn", 8..14),
        ("1.in-addr.arpa", 2..14),
    ] {
        let e = checker.check(name).unwrap_err();
        assert_eq!(
            (e.reason(), e.span()),
            (Reason::RestrictedSuffix, span),
            "{name}"
        );
        assert_eq!(e.reason().alibaba_code(), "InvalidDomainName.Suffix");
        let v = hosts.check(name).unwrap();
        assert!(v.flags().contains(Flag::RestrictedSuffix), "{name}");
    }
    assert!(hosts
        .check("www.mit.edu")
        .unwrap()
        .flags()
        .contains(Flag::RestrictedSuffix));
    for name in [
        "example.cn",
        "example.com.cn",
        "example.govt.nz",
        "governor.com",
    ] {
        let v = checker.check(name).unwrap();
        assert!(!v.flags().contains(Flag::RestrictedSuffix), "{name}");
    }
    // Reserved names keep their reason.
    assert_eq!(
        checker.check("router.home.arpa").unwrap_err().reason(),
        Reason::Reserved
    );
}

/// Traditional and simplified spellings of the same characters (Unihan
/// kSimplifiedVariant), for the property below; none makes a public suffix
/// under `cn` (`网络.cn` is one, so `网` and `络` are not here).
const HAN_PAIRS: [(char, char); 9] = [
    ('國', '国'),
    ('東', '东'),
    ('華', '华'),
    ('學', '学'),
    ('愛', '爱'),
    ('電', '电'),
    ('話', '话'),
    ('語', '语'),
    ('書', '书'),
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 500, ..Default::default() })]

    /// Names that differ only by case, width, dot variant, Punycode spelling
    /// or Han variant share one variant key.
    #[test]
    fn spellings_share_one_variant_key(
        parts in proptest::collection::vec((0usize..HAN_PAIRS.len(), proptest::option::of(b'a'..=b'z')), 1..6),
        dot in 0usize..4,
        upper in proptest::bool::ANY,
        fullwidth in proptest::bool::ANY,
    ) {
        let checker = Checker::default();
        let (mut simplified, mut traditional, mut styled) = (String::new(), String::new(), String::new());
        for &(han, letter) in &parts {
            let (t, s) = HAN_PAIRS[han];
            simplified.push(s);
            traditional.push(t);
            styled.push(t);
            if let Some(b) = letter {
                simplified.push(char::from(b));
                traditional.push(char::from(b));
                let c = char::from(b);
                styled.push(match (upper, fullwidth) {
                    (_, true) => char::from_u32(0xFF41 + u32::from(b - b'a')).unwrap(),
                    (true, false) => c.to_ascii_uppercase(),
                    (false, false) => c,
                });
            }
        }
        let simplified = format!("{simplified}.cn");
        let key = checker.check(&simplified).unwrap().variant_key().into_owned();
        let a_label = checker.check(&format!("{traditional}.cn")).unwrap().ascii().to_owned();
        let dots = [".", "。", "．", "｡"];
        for spelling in [
            format!("{traditional}.cn"),
            format!("{styled}{}CN", dots[dot]),
            a_label.to_uppercase(),
            format!("{}.", a_label),
        ] {
            let v = checker.check(&spelling).unwrap();
            proptest::prop_assert_eq!(v.variant_key(), key.as_str(), "{}", spelling);
        }
    }
}

/// A fuzz finding (the `check` target, CI's smoke run): a Greek label with
/// Latin letters in it is flagged `mixed_script` by the scripts stage, which
/// normalisation alone does not run; the fuzz invariant had counted only
/// `restricted` as a flag of a later stage.
#[test]
fn later_stages_add_only_their_flags() {
    let input = "ελaaaaaaaaaaaaaaaaaaaaaaaaaaλζς.gr";
    let checker = Checker::default();
    let normalized = checker.normalize(input).unwrap();
    let checked = checker.check(input).unwrap();
    assert!(checked.flags().contains(Flag::MixedScript));
    assert!(!normalized.flags().contains(Flag::MixedScript));
    let later = [
        Flag::Restricted,
        Flag::RestrictedSuffix,
        Flag::MixedScript,
        Flag::Confusable,
    ];
    let rest = |v: &dncheck::Verdict| {
        v.flags()
            .iter()
            .filter(|f| !later.contains(f))
            .collect::<Vec<_>>()
    };
    assert_eq!(rest(&normalized), rest(&checked));
    assert_eq!(
        (normalized.ascii(), normalized.unicode()),
        (checked.ascii(), checked.unicode())
    );
}
