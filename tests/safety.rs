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
