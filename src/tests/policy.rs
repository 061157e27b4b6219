//! Named case tables for the suffix and policy stages, through the checker.

use alloc::borrow::ToOwned;

use crate::checker::Checker;
use crate::policy::Profile;
use crate::reason::Reason;

/// The suffix stage, per profile: `(profile, input, Ok((suffix,
/// registrable)) or Err((reason, label, span)))`.
type SuffixCase = (
    Profile,
    &'static str,
    Result<(&'static str, &'static str), (Reason, Option<usize>, core::ops::Range<usize>)>,
);

const REG: Profile = Profile::Registration;
const HOST: Profile = Profile::Hostname;
const DNS: Profile = Profile::Dns;

const SUFFIX_CASES: &[SuffixCase] = &[
    // Accepted: the registrable domain itself.
    (REG, "example.cn", Ok(("cn", "example.cn"))),
    (REG, "Example.COM.cn.", Ok(("com.cn", "example.com.cn"))),
    (
        REG,
        "例子.中国",
        Ok(("xn--fiqs8s", "xn--fsqu00a.xn--fiqs8s")),
    ),
    (
        REG,
        "例子。中國",
        Ok(("xn--fiqz9s", "xn--fsqu00a.xn--fiqz9s")),
    ),
    (
        REG,
        "公司名.公司",
        Ok(("xn--55qx5d", "xn--55qx5d2b.xn--55qx5d")),
    ),
    (
        REG,
        "网络.网络",
        Ok(("xn--io0a7i", "xn--io0a7i.xn--io0a7i")),
    ),
    (REG, "中文.cn", Ok(("cn", "xn--fiq228c.cn"))),
    (
        REG,
        "例子.公司.cn",
        Ok(("xn--55qx5d.cn", "xn--fsqu00a.xn--55qx5d.cn")),
    ),
    (REG, "a-例子1.cn", Ok(("cn", "xn--a-1-wc0e315c.cn"))),
    (REG, "example.co.uk", Ok(("co.uk", "example.co.uk"))),
    (REG, "bücher.de", Ok(("de", "xn--bcher-kva.de"))),
    (REG, "www.ck", Ok(("ck", "www.ck"))),   // !www.ck
    (REG, "a.b.ck", Ok(("b.ck", "a.b.ck"))), // *.ck
    // Subdomains: only where the profile allows them.
    (
        REG,
        "www.example.cn",
        Err((Reason::Subdomain, Some(0), 0..3)),
    ),
    (
        REG,
        "a.b.example.cn",
        Err((Reason::Subdomain, Some(0), 0..3)),
    ),
    (REG, "me.github.io", Err((Reason::Subdomain, Some(0), 0..2))),
    (HOST, "www.example.cn", Ok(("cn", "example.cn"))),
    (HOST, "a.b.c.example.co.uk", Ok(("co.uk", "example.co.uk"))),
    (DNS, "_dmarc.example.cn", Ok(("cn", "example.cn"))),
    (DNS, "_443._tcp.www.example.cn", Ok(("cn", "example.cn"))),
    // The name is a suffix, or a single label.
    (REG, "com.cn", Err((Reason::PublicSuffix, Some(0), 0..6))),
    (HOST, "com", Err((Reason::PublicSuffix, Some(0), 0..3))),
    (REG, "b.ck", Err((Reason::PublicSuffix, Some(0), 0..4))),
    (HOST, "公司.cn", Err((Reason::PublicSuffix, Some(0), 0..9))),
    (REG, "localhost", Err((Reason::Reserved, Some(0), 0..9))),
    (
        HOST,
        "foo.localhost",
        Err((Reason::Reserved, Some(0), 0..13)),
    ),
    (REG, "test", Err((Reason::Reserved, Some(0), 0..4))),
    (DNS, "foo.", Err((Reason::PublicSuffix, Some(0), 0..3))), // .foo is a TLD
    (DNS, "nosuchtld.", Err((Reason::NoSuffix, Some(0), 0..9))),
    // Unknown TLD.
    (
        REG,
        "example.notatld",
        Err((Reason::UnknownSuffix, Some(1), 8..15)),
    ),
    (
        HOST,
        "a.example.notatld",
        Err((Reason::UnknownSuffix, Some(2), 10..17)),
    ),
    // IP literals and numeric TLDs, fullwidth digits and dots included.
    (
        HOST,
        "192.168.0.1",
        Err((Reason::IpLiteral, Some(3), 10..11)),
    ),
    (
        HOST,
        "１２７．０．０．１",
        Err((Reason::IpLiteral, Some(3), 24..27)),
    ),
    (REG, "example.123", Err((Reason::IpLiteral, Some(1), 8..11))),
    (
        REG,
        "example.0x1f",
        Err((Reason::IpLiteral, Some(1), 8..12)),
    ),
    (REG, "7", Err((Reason::IpLiteral, Some(0), 0..1))),
    (
        REG,
        "example.x1f",
        Err((Reason::UnknownSuffix, Some(1), 8..11)),
    ),
    // Reserved names, whatever the suffix.
    (REG, "example.com", Err((Reason::Reserved, Some(0), 0..11))),
    (
        HOST,
        "www.example.org.",
        Err((Reason::Reserved, Some(0), 0..15)),
    ),
    (REG, "foo.test", Err((Reason::Reserved, Some(0), 0..8))),
    (
        HOST,
        "printer.local",
        Err((Reason::Reserved, Some(0), 0..13)),
    ),
    (
        REG,
        "example.onion",
        Err((Reason::Reserved, Some(0), 0..13)),
    ),
    (
        REG,
        "router.home.arpa",
        Err((Reason::Reserved, Some(0), 0..16)),
    ),
    (
        REG,
        "corp.internal",
        Err((Reason::Reserved, Some(0), 0..13)),
    ),
    (REG, "x.alt", Err((Reason::Reserved, Some(0), 0..5))),
    (
        DNS,
        "1.168.192.in-addr.arpa",
        Err((Reason::Reserved, Some(0), 0..22)),
    ),
    (REG, "examples.com", Ok(("com", "examples.com"))),
    // The `chinese` rule of cn, 中国, 中國, 公司, 网络 on the registrable label.
    (REG, "пример.cn", Err((Reason::SuffixRule, Some(0), 0..12))),
    (REG, "café.中国", Err((Reason::SuffixRule, Some(0), 0..5))),
    (REG, "例--子.cn", Err((Reason::SuffixRule, Some(0), 0..8))),
    (REG, "例子--a.cn", Err((Reason::Hyphen, Some(0), 0..9))), // positions 3 and 4
    (
        REG,
        "例子a--b.cn",
        Err((Reason::SuffixRule, Some(0), 0..10)),
    ),
    (HOST, "例子a--b.com", Ok(("com", "xn--a--b-zu6fl73d.com"))),
    (
        REG,
        "ひらがな.公司",
        Err((Reason::SuffixRule, Some(0), 0..12)),
    ),
    (
        REG,
        "例子ü.com.cn",
        Err((Reason::SuffixRule, Some(0), 0..8)),
    ),
    // Under a subdomain (hostname profile) the rule still reads the
    // registrable label, the one before the suffix.
    (
        HOST,
        "www.пример.com.cn",
        Err((Reason::SuffixRule, Some(1), 4..16)),
    ),
    (HOST, "пример.例子.cn", Ok(("cn", "xn--fsqu00a.cn"))),
    (
        REG,
        "一二三四五六七八九十一二三四五六七八九十一.cn",
        Err((Reason::SuffixRule, Some(0), 0..63)),
    ),
    (
        REG,
        "一二三四五六七八九十一二三四五六七八九十.cn",
        Ok(("cn", "xn--4gqaib1ac00dd03be8ff065ggavh560fia716oja.cn")),
    ),
    (
        HOST,
        "www.пример.cn",
        Err((Reason::SuffixRule, Some(1), 4..16)),
    ),
    // Subdomain labels are the host's business, not the registry's.
    (HOST, "пример.例子.cn", Ok(("cn", "xn--fsqu00a.cn"))),
    (REG, "пример.рф", Ok(("xn--p1ai", "xn--e1afmkfd.xn--p1ai"))),
    (REG, "example.cn", Ok(("cn", "example.cn"))),
];

#[test]
fn suffix_stage() {
    for &(profile, input, ref expected) in SUFFIX_CASES {
        let checker = Checker::builder().profile(profile).build();
        let got = checker
            .check(input)
            .map(|v| {
                (
                    v.suffix().unwrap().to_owned(),
                    v.registrable().unwrap().to_owned(),
                )
            })
            .map_err(|e| (e.reason(), e.label(), e.span()));
        let expected = expected.clone().map(|(s, r)| (s.to_owned(), r.to_owned()));
        assert_eq!(got, expected, "{profile} {input:?}");
        // check = normalize + check_normalized, and the latter fills the
        // suffix parts also when it refuses.
        if let Ok(mut v) = checker.normalize(input) {
            let staged = checker.check_normalized(&mut v);
            assert_eq!(staged.is_ok(), got.is_ok(), "{input:?}");
            let ip = matches!(got, Err((Reason::IpLiteral, ..)));
            assert_eq!(v.suffix().is_some(), !ip, "{input:?}");
        }
    }
}

#[test]
fn suffix_policy_options() {
    use crate::suffix::SuffixList;
    let private = Checker::builder().private(true).build();
    let v = private.check("me.github.io").unwrap();
    assert_eq!(
        (v.suffix(), v.registrable(), v.suffix_section()),
        (
            Some("github.io"),
            Some("me.github.io"),
            Some(crate::suffix::Section::Private)
        )
    );
    assert_eq!(
        private.check("github.io").unwrap_err().reason(),
        Reason::PublicSuffix
    );
    // Supported suffixes, in any form, compared with the name's suffix.
    let sold = Checker::builder()
        .supported_suffixes(["CN", "xn--fiqs8s", "公司"])
        .unwrap()
        .build();
    assert!(sold.check("example.cn").is_ok());
    assert!(sold.check("例子.中国").is_ok());
    assert!(sold.check("例子.公司").is_ok());
    let e = sold.check("example.com.cn").unwrap_err();
    assert_eq!(
        (e.reason(), e.label(), e.span()),
        (Reason::UnsupportedSuffix, Some(1), 8..14)
    );
    assert_eq!(
        sold.check("example.com").unwrap_err().reason(),
        Reason::Reserved
    );
    assert_eq!(
        sold.check("example.notatld").unwrap_err().reason(),
        Reason::UnknownSuffix
    );
    let e = Checker::builder()
        .supported_suffixes(["com", "a..b"])
        .unwrap_err();
    assert_eq!(e.line(), Some(2));
    // A list of its own: reserved names and registry rules still apply.
    let list = SuffixList::parse("cn\nnewtld\n").unwrap();
    let own = Checker::builder().suffix_list(list).build();
    assert!(own.check("a.newtld").is_ok());
    assert_eq!(
        own.check("a.com").unwrap_err().reason(),
        Reason::UnknownSuffix
    );
    assert_eq!(own.check("x.local").unwrap_err().reason(), Reason::Reserved);
    assert_eq!(
        own.check("пример.cn").unwrap_err().reason(),
        Reason::SuffixRule
    );
    assert_eq!(own.suffix_list().version(), None);
}

/// The fields of a refusal agree with its reason: an IP literal has no
/// suffix or registrable domain, `localhost` is reserved, and every reason
/// of the suffix stage names a label.
#[test]
fn fields_agree_with_the_reason() {
    let checker = Checker::default();
    for input in ["1.2.3.4", "192.168.0.1.", "example.123"] {
        let mut v = checker.normalize(input).unwrap();
        let e = checker.check_normalized(&mut v).unwrap_err();
        assert_eq!(e.reason(), Reason::IpLiteral, "{input}");
        assert_eq!((v.suffix(), v.registrable()), (None, None), "{input}");
    }
    for input in ["localhost", "LocalHost.", "www.localhost", "a.b.localhost"] {
        let e = checker.check(input).unwrap_err();
        assert_eq!(e.reason(), Reason::Reserved, "{input}");
    }
    let hosts = Checker::builder().profile(Profile::Hostname).build();
    let sold = Checker::builder()
        .supported_suffixes(["cn"])
        .unwrap()
        .build();
    let cases: &[(&Checker, &str, Reason)] = &[
        (&checker, "1.2.3.4", Reason::IpLiteral),
        (&checker, "com.cn", Reason::PublicSuffix),
        (&checker, "nosuchtld", Reason::NoSuffix),
        (&checker, "localhost", Reason::Reserved),
        (&hosts, "www.example.com", Reason::Reserved),
        (&checker, "example.notatld", Reason::UnknownSuffix),
        (&sold, "example.com.cn", Reason::UnsupportedSuffix),
        (&checker, "www.example.cn", Reason::Subdomain),
        (&checker, "пример.cn", Reason::SuffixRule),
    ];
    for &(checker, input, reason) in cases {
        let e = checker.check(input).unwrap_err();
        assert_eq!(e.reason(), reason, "{input}");
        assert!(e.label().is_some(), "{input}: no label");
    }
}

#[test]
fn han_table() {
    use crate::policy::is_han;
    for c in [
        '中',
        '國',
        '〇',
        '々',
        '㐀',
        '\u{9FFF}',
        '\u{20000}',
        '\u{3134A}',
        '\u{F900}',
    ] {
        assert!(is_han(c), "{c}");
    }
    for c in [
        'a',
        '-',
        'ひ',
        'カ',
        '한',
        'п',
        '。',
        '\u{3006}',
        '\u{2FFFF}',
    ] {
        assert!(!is_han(c), "{c}");
    }
}
