//! Tests of the suffix stage as a whole: lookups in the embedded list and in
//! lists built at run time, through the public API.

use super::{Section, SuffixList};
use crate::registry::RegistryRule;

fn list() -> &'static SuffixList {
    SuffixList::embedded()
}

/// `(suffix, registrable)` of a name.
fn parts(name: &str, private: bool) -> (Option<&str>, Option<&str>) {
    let m = list().lookup(name, private);
    (m.suffix(name), m.registrable(name))
}

#[test]
fn wildcard() {
    // *.kawasaki.jp
    assert_eq!(
        parts("a.b.kawasaki.jp", false),
        (Some("b.kawasaki.jp"), Some("a.b.kawasaki.jp"))
    );
    assert_eq!(parts("b.kawasaki.jp", false), (Some("b.kawasaki.jp"), None));
    // `kawasaki.jp` itself is no rule.
    assert_eq!(
        parts("kawasaki.jp", false),
        (Some("jp"), Some("kawasaki.jp"))
    );
    // *.ck, and `ck` itself is no rule but is the TLD.
    assert_eq!(parts("ck", false), (Some("ck"), None));
    assert_eq!(
        parts("a.test.ck", false),
        (Some("test.ck"), Some("a.test.ck"))
    );
}

#[test]
fn exception() {
    // !www.ck under *.ck
    assert_eq!(parts("www.ck", false), (Some("ck"), Some("www.ck")));
    assert_eq!(parts("a.www.ck", false), (Some("ck"), Some("www.ck")));
    let m = list().lookup("www.ck", false);
    assert!(m.is_known());
    assert_eq!(m.section(), Some(Section::Icann));
    // !city.kobe.jp under *.kobe.jp
    assert_eq!(
        parts("city.kobe.jp", false),
        (Some("kobe.jp"), Some("city.kobe.jp"))
    );
    assert_eq!(parts("c.kobe.jp", false), (Some("c.kobe.jp"), None));
}

#[test]
fn implicit_rule() {
    let m = list().lookup("b.example.example", true);
    assert!(!m.is_known());
    assert_eq!(m.section(), None);
    assert_eq!(
        parts("b.example.example", true),
        (Some("example"), Some("example.example"))
    );
    assert_eq!(parts("example", true), (Some("example"), None));
}

#[test]
fn private_vs_icann_only() {
    let m = list().lookup("foo.blogspot.com", true);
    assert_eq!(
        (m.suffix("foo.blogspot.com"), m.section()),
        (Some("blogspot.com"), Some(Section::Private))
    );
    let m = list().lookup("foo.blogspot.com", false);
    assert_eq!(
        (m.suffix("foo.blogspot.com"), m.section()),
        (Some("com"), Some(Section::Icann))
    );
    assert_eq!(parts("foo.blogspot.com", false).1, Some("blogspot.com"));
    // A PRIVATE-only TLD path is absent in ICANN-only mode.
    assert_eq!(
        parts("x.github.io", true),
        (Some("github.io"), Some("x.github.io"))
    );
    assert_eq!(parts("x.github.io", false), (Some("io"), Some("github.io")));
}

#[test]
fn uppercase_is_not_canonical() {
    let m = list().lookup("EXAMPLE.COM", false);
    assert!(!m.is_known());
    assert_eq!(m.suffix("EXAMPLE.COM"), Some("COM"));
}

#[test]
fn idn_rules_a_labels_and_u_labels() {
    // 中国
    let m = list().lookup("xn--fiqs8s", false);
    assert!(m.is_known());
    assert_eq!(m.suffix_len(), "xn--fiqs8s".len());
    // 公司.cn
    assert_eq!(parts("xn--55qx5d.cn", false), (Some("xn--55qx5d.cn"), None));
    assert!(list().lookup("xn--55qx5d.cn", false).is_known());
    // U-labels are looked up by their A-labels, lengths in the name.
    assert!(list().lookup("中国", false).is_known());
    assert_eq!(
        parts("www.食狮.公司.cn", false),
        (Some("公司.cn"), Some("食狮.公司.cn"))
    );
    assert_eq!(parts("例子.中国", false), (Some("中国"), Some("例子.中国")));
    // Mixed forms, and a wildcard under a U-label rule.
    let list = SuffixList::parse("cn\n公司.cn\n*.例子.cn\n").unwrap();
    assert_eq!(
        list.lookup("a.xn--55qx5d.cn", false).suffix_len(),
        "xn--55qx5d.cn".len()
    );
    assert_eq!(
        list.lookup("a.b.例子.cn", false).suffix_len(),
        "b.例子.cn".len()
    );
    // Not a U-label in canonical form: no rule.
    assert!(!list.lookup("公司。cn", false).is_known());
}

#[test]
fn odd_input_does_not_panic() {
    for name in [
        "", ".", "..", "com.", ".com", "a..com", "..ck", ".www.ck", "www..ck", "*.ck", "!www.ck",
    ] {
        for private in [false, true] {
            let m = list().lookup(name, private);
            assert!(m.suffix_len() <= name.len(), "{name:?}");
            let _ = (m.suffix(name), m.registrable(name));
        }
    }
    assert_eq!(parts(".com", false), (Some("com"), None));
    assert_eq!(parts("com.", false), (None, None));
}

#[test]
fn policy_bits() {
    for name in [
        "example.com",
        "www.example.com",
        "a.b.example.org",
        "foo.test",
        "printer.local",
        "x.home.arpa",
        "abc.onion",
        "foo.alt",
        "corp.internal",
        "1.168.192.in-addr.arpa",
        "2.20.172.in-addr.arpa",
        "x.8.e.f.ip6.arpa",
    ] {
        for private in [false, true] {
            assert!(list().lookup(name, private).is_reserved(), "{name}");
        }
    }
    for name in [
        "example.co",
        "examples.com",
        "com",
        "1.1.in-addr.arpa",
        "15.172.in-addr.arpa",
        "32.172.in-addr.arpa",
        "localhost.com",
        "xn--fiqs8s",
    ] {
        assert!(!list().lookup(name, true).is_reserved(), "{name}");
    }
    // Reserved nodes that are no rule do not make a suffix known.
    let m = list().lookup("foo.test", false);
    assert!(!m.is_known());
    assert_eq!(m.registrable("foo.test"), Some("foo.test"));
    // `home.arpa` is a rule and reserved.
    let m = list().lookup("x.home.arpa", false);
    assert!(m.is_known());
    assert_eq!(m.suffix("x.home.arpa"), Some("home.arpa"));
    for name in [
        "a.cn",
        "a.com.cn",
        "a.xn--55qx5d.cn",
        "a.xn--fiqs8s",
        "a.xn--fiqz9s",
        "a.xn--55qx5d",
        "a.xn--io0a7i",
        "cn",
    ] {
        assert_eq!(
            list().lookup(name, false).rule(),
            Some(RegistryRule::Chinese),
            "{name}"
        );
    }
    for name in ["a.com", "cn.com", "a.hk", "a.xn--j6w193g"] {
        assert_eq!(list().lookup(name, false).rule(), None, "{name}");
    }
    // A list loaded at run time gets the same policy bits.
    let small = SuffixList::parse("com\ncn\n*.ck\n!www.ck\n").unwrap();
    assert!(small.lookup("example.com", false).is_reserved());
    assert!(small.lookup("x.local", false).is_reserved());
    assert_eq!(
        small.lookup("a.cn", false).rule(),
        Some(RegistryRule::Chinese)
    );
    assert_eq!(
        small.lookup("a.www.ck", false).registrable("a.www.ck"),
        Some("www.ck")
    );
}
