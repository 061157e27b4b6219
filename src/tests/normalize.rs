//! Named case tables for the normalisation stage and the format rules,
//! through the checker.

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::checker::Checker;
use crate::flags::Flag;
use crate::policy::Profile;
use crate::reason::Reason;

/// An accepted case: input, ASCII form, Unicode form, flags.
struct Accept {
    name: &'static str,
    input: &'static str,
    ascii: &'static str,
    unicode: &'static str,
    flags: &'static [Flag],
}

/// A refused case: input, reason, label index, byte span.
struct Refuse {
    name: &'static str,
    input: &'static [u8],
    reason: Reason,
    label: Option<usize>,
    span: core::ops::Range<usize>,
}

macro_rules! accept {
    ($name:expr, $input:expr, $ascii:expr, $unicode:expr, [$($flag:ident),*]) => {
        Accept { name: $name, input: $input, ascii: $ascii, unicode: $unicode, flags: &[$(Flag::$flag),*] }
    };
}

macro_rules! refuse {
    ($name:expr, $input:expr, $reason:ident, $label:expr, $span:expr) => {
        Refuse {
            name: $name,
            input: $input,
            reason: Reason::$reason,
            label: $label,
            span: $span,
        }
    };
}

const ACCEPT: &[Accept] = &[
    accept!("plain", "example.com", "example.com", "example.com", []),
    accept!(
        "upper",
        "WWW.Example.COM",
        "www.example.com",
        "www.example.com",
        [Mapped]
    ),
    accept!(
        "root dot",
        "example.com.",
        "example.com",
        "example.com",
        [RootDot]
    ),
    accept!("digits and hyphen", "a-1.b2", "a-1.b2", "a-1.b2", []),
    accept!(
        "63-octet label",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com",
        []
    ),
    accept!(
        "chinese",
        "例子.中国",
        "xn--fsqu00a.xn--fiqs8s",
        "例子.中国",
        [Idn]
    ),
    accept!(
        "ideographic dot",
        "例子。中国",
        "xn--fsqu00a.xn--fiqs8s",
        "例子.中国",
        [Idn, Mapped]
    ),
    accept!(
        "fullwidth dot",
        "例子．中国",
        "xn--fsqu00a.xn--fiqs8s",
        "例子.中国",
        [Idn, Mapped]
    ),
    accept!(
        "halfwidth ideographic dot",
        "例子｡中国",
        "xn--fsqu00a.xn--fiqs8s",
        "例子.中国",
        [Idn, Mapped]
    ),
    accept!(
        "ideographic root dot",
        "例子.中国。",
        "xn--fsqu00a.xn--fiqs8s",
        "例子.中国",
        [RootDot, Idn]
    ),
    accept!("traditional", "中國.cn", "xn--fiqz9s.cn", "中國.cn", [Idn]),
    accept!(
        "ascii with ideographic dot",
        "example。com",
        "example.com",
        "example.com",
        [Mapped]
    ),
    accept!(
        "mixed dots",
        "例子．中国.cn",
        "xn--fsqu00a.xn--fiqs8s.cn",
        "例子.中国.cn",
        [Idn, Mapped]
    ),
    accept!(
        "ascii then han",
        "www.例子.cn",
        "www.xn--fsqu00a.cn",
        "www.例子.cn",
        [Idn]
    ),
    accept!(
        "upper then han",
        "WWW.例子.cn",
        "www.xn--fsqu00a.cn",
        "www.例子.cn",
        [Idn, Mapped]
    ),
    accept!(
        "a-label then han",
        "xn--fiqs8s.例子",
        "xn--fiqs8s.xn--fsqu00a",
        "中国.例子",
        [Idn]
    ),
    accept!(
        "han then a-label",
        "例子.xn--fiqs8s",
        "xn--fsqu00a.xn--fiqs8s",
        "例子.中国",
        [Idn]
    ),
    accept!(
        "company",
        "公司。CN.",
        "xn--55qx5d.cn",
        "公司.cn",
        [RootDot, Idn, Mapped]
    ),
    accept!(
        "a-label",
        "xn--55qx5d.cn",
        "xn--55qx5d.cn",
        "公司.cn",
        [Idn]
    ),
    accept!(
        "upper a-label of lower u-label",
        "XN--BCHER-KVA.de",
        "xn--bcher-kva.de",
        "bücher.de",
        [Idn, Mapped]
    ),
    accept!(
        "upper a-label",
        "XN--55QX5D.CN",
        "xn--55qx5d.cn",
        "公司.cn",
        [Idn, Mapped]
    ),
    accept!(
        "han with ldh",
        "北京123-abc.cn",
        "xn--123-abc-gy4kk24a.cn",
        "北京123-abc.cn",
        [Idn]
    ),
    accept!(
        "fullwidth letters",
        "ｅｘａｍｐｌｅ.com",
        "example.com",
        "example.com",
        [Mapped]
    ),
    accept!(
        "fullwidth upper and digits",
        "ＡＢＣ１２.cn",
        "abc12.cn",
        "abc12.cn",
        [Mapped]
    ),
    accept!(
        "german",
        "bücher.de",
        "xn--bcher-kva.de",
        "bücher.de",
        [Idn]
    ),
    accept!(
        "german upper (slow path)",
        "BÜCHER.de",
        "xn--bcher-kva.de",
        "bücher.de",
        [Idn, Mapped]
    ),
    accept!(
        "decomposed (slow path)",
        "bu\u{308}cher.de",
        "xn--bcher-kva.de",
        "bücher.de",
        [Idn, Mapped]
    ),
    accept!(
        "sharp s is kept (non-transitional)",
        "faß.de",
        "xn--fa-hia.de",
        "faß.de",
        [Idn]
    ),
    accept!(
        "cyrillic",
        "пример.рф",
        "xn--e1afmkfd.xn--p1ai",
        "пример.рф",
        [Idn]
    ),
    accept!(
        "greek",
        "παράδειγμα.gr",
        "xn--hxajbheg2az3al.gr",
        "παράδειγμα.gr",
        [Idn]
    ),
    accept!("japanese", "例え.jp", "xn--r8jz45g.jp", "例え.jp", [Idn]),
    accept!("korean", "한국.kr", "xn--3e0b707e.kr", "한국.kr", [Idn]),
    accept!(
        "arabic (bidi)",
        "مثال.إختبار",
        "xn--mgbh0fb.xn--kgbechtv",
        "مثال.إختبار",
        [Idn]
    ),
    accept!(
        "hebrew with ltr tld",
        "דוגמה.com",
        "xn--6dbbec0c.com",
        "דוגמה.com",
        [Idn]
    ),
    accept!(
        "zwnj after virama",
        "क्\u{200C}ष.in",
        "xn--11b2ezcs70k.in",
        "क्\u{200C}ष.in",
        [Idn]
    ),
];

const REFUSE: &[Refuse] = &[
    refuse!("empty", b"", Empty, None, 0..0),
    refuse!("only a dot", b".", EmptyLabel, Some(0), 0..0),
    refuse!("double dot", b"a..b", EmptyLabel, Some(1), 2..2),
    refuse!("leading dot", b".a", EmptyLabel, Some(0), 0..0),
    refuse!("two root dots", b"a.b..", EmptyLabel, Some(2), 4..4),
    refuse!(
        "ideographic double dot",
        "a。。b".as_bytes(),
        EmptyLabel,
        Some(1),
        4..4
    ),
    refuse!(
        "label mapped to nothing",
        "a.\u{ad}.c".as_bytes(),
        EmptyLabel,
        Some(1),
        2..4
    ),
    refuse!("space", b"exa mple.com", InvalidChar, Some(0), 3..4),
    refuse!("underscore", b"foo_bar.com", InvalidChar, Some(0), 3..4),
    refuse!(
        "at sign in second label",
        b"ok.ex@mple.com",
        InvalidChar,
        Some(1),
        5..6
    ),
    refuse!("control", b"a\x01b.com", InvalidChar, Some(0), 1..2),
    refuse!("invalid utf-8", b"ab\xFF.com", InvalidChar, Some(0), 2..3),
    refuse!(
        "truncated utf-8",
        b"a.b\xE4\xB8",
        InvalidChar,
        Some(1),
        3..5
    ),
    refuse!(
        "private use",
        "a\u{E000}b.com".as_bytes(),
        InvalidChar,
        Some(0),
        1..4
    ),
    refuse!(
        "replacement character",
        "a\u{FFFD}.com".as_bytes(),
        InvalidChar,
        Some(0),
        1..4
    ),
    refuse!(
        "invalid char after han",
        "中_国.cn".as_bytes(),
        InvalidChar,
        Some(0),
        3..4
    ),
    refuse!("leading hyphen", b"-abc.com", Hyphen, Some(0), 0..4),
    refuse!("trailing hyphen", b"abc-.com", Hyphen, Some(0), 0..4),
    refuse!("hyphens 3-4", b"ab--cd.com", Hyphen, Some(0), 0..6),
    refuse!(
        "hyphen on han label",
        "中国-.cn".as_bytes(),
        Hyphen,
        Some(0),
        0..7
    ),
    refuse!(
        "fullwidth hyphen lead",
        "－中国.cn".as_bytes(),
        Hyphen,
        Some(0),
        0..9
    ),
    refuse!(
        "64-octet label",
        b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com",
        LabelTooLong,
        Some(0),
        0..64
    ),
    refuse!(
        "a-label not decoding",
        b"xn--ab$.com",
        InvalidChar,
        Some(0),
        6..7
    ),
    refuse!(
        "a-label bad digits",
        b"xn--a.com",
        BadPunycode,
        Some(0),
        0..5
    ),
    refuse!("a-label alone", b"xn--.com", BadPunycode, Some(0), 0..4),
    refuse!(
        "a-label trailing hyphen",
        b"xn--abc-.com",
        BadPunycode,
        Some(0),
        0..8
    ),
    refuse!(
        "a-label decoding to ascii",
        b"xn--abc-.com",
        BadPunycode,
        Some(0),
        0..8
    ),
    refuse!(
        "a-label of upper case",
        b"xn--bcher-2pa.de",
        BadPunycode,
        Some(0),
        0..13
    ),
    refuse!(
        "a-label of non-nfc",
        b"xn--bucher-xyd.de",
        BadPunycode,
        Some(0),
        0..14
    ),
    refuse!(
        "xn-- with han",
        "xn--中国.cn".as_bytes(),
        BadPunycode,
        Some(0),
        0..10
    ),
    refuse!(
        "leading mark",
        "\u{301}abc.com".as_bytes(),
        MarkStart,
        Some(0),
        0..5
    ),
    refuse!(
        "lone zwj",
        "a\u{200D}b.com".as_bytes(),
        Joiner,
        Some(0),
        0..5
    ),
    refuse!(
        "zwnj at start",
        "\u{200C}ab.com".as_bytes(),
        Joiner,
        Some(0),
        0..5
    ),
    refuse!(
        "mixed ltr and rtl",
        "a\u{5D0}.com".as_bytes(),
        Bidi,
        Some(0),
        0..3
    ),
    refuse!(
        "rtl label starting with digit",
        "1\u{5D0}.com".as_bytes(),
        Bidi,
        Some(0),
        0..3
    ),
    refuse!(
        "ltr label ending in hyphenated digit in bidi name",
        "\u{5D0}.1a".as_bytes(),
        Bidi,
        Some(1),
        3..5
    ),
    // A right-to-left label that breaks the bidi rule is refused when it is
    // read: a fault in a later label comes after it.
    refuse!(
        "rtl label refused before a later fault",
        "1\u{5D0}.a!b.com".as_bytes(),
        Bidi,
        Some(0),
        0..3
    ),
    refuse!(
        "rtl xn-- label refused before a later fault",
        b"xn--5-ficgqc9cm.a!b.com",
        Bidi,
        Some(0),
        0..15
    ),
    // ... after any label before it that the rule refuses.
    refuse!(
        "ltr label before a refused rtl label",
        "1a.1\u{5D0}.com".as_bytes(),
        Bidi,
        Some(0),
        0..2
    ),
    refuse!(
        "ltr label after an rtl label, at the end of the name",
        "\u{5D0}.1a.a!b".as_bytes(),
        InvalidChar,
        Some(2),
        7..8
    ),
];

#[test]
fn accepted() {
    let checker = Checker::default();
    for t in ACCEPT {
        let v = checker
            .normalize(t.input)
            .unwrap_or_else(|e| panic!("{}: {:?} refused: {e}", t.name, t.input));
        assert_eq!(v.ascii(), t.ascii, "{}: ascii", t.name);
        assert_eq!(v.unicode(), t.unicode, "{}: unicode", t.name);
        assert_eq!(v.key(), t.ascii, "{}: key", t.name);
        let flags: Vec<Flag> = v.flags().iter().collect();
        assert_eq!(flags, t.flags, "{}: flags", t.name);
    }
}

#[test]
fn refused() {
    let checker = Checker::default();
    for t in REFUSE {
        let e = match checker.normalize_bytes(t.input) {
            Ok(v) => panic!("{}: {:?} accepted as {}", t.name, t.input, v.ascii()),
            Err(e) => e,
        };
        assert_eq!(e.reason(), t.reason, "{}: reason ({e})", t.name);
        assert_eq!(e.label(), t.label, "{}: label", t.name);
        assert_eq!(e.span(), t.span, "{}: span", t.name);
    }
}

#[test]
fn length_limits() {
    let checker = Checker::default();
    let label = "a".repeat(63);
    // 4 labels of 63 plus 3 dots = 255 octets; 3 of them and a 61 = 253.
    let at_limit = [&*label, &*label, &*label, &"b".repeat(61)].join(".");
    assert_eq!(at_limit.len(), 253);
    assert_eq!(checker.normalize(&at_limit).unwrap().ascii(), at_limit);
    assert!(
        checker.normalize(&(at_limit.clone() + ".")).is_ok(),
        "the root dot does not count"
    );
    let over = [&*label, &*label, &*label, &"b".repeat(62)].join(".");
    let e = checker.normalize(&over).unwrap_err();
    assert_eq!(
        (e.reason(), e.label(), e.span()),
        (Reason::TooLong, None, 0..254)
    );
    // The A-label form counts: 20 Han characters are 7 in Unicode but far
    // more in Punycode.
    let han: String = "中".repeat(60);
    assert_eq!(
        checker.normalize(&(han + ".cn")).unwrap_err().reason(),
        Reason::LabelTooLong
    );
    // A megabyte of one label is refused without reading all of it.
    let huge = "a".repeat(1 << 20);
    assert_eq!(
        checker.normalize(&huge).unwrap_err().reason(),
        Reason::LabelTooLong
    );
    let many = "a.".repeat(1 << 19);
    assert_eq!(
        checker.normalize(&many).unwrap_err().reason(),
        Reason::TooLong
    );
}

#[test]
fn profiles() {
    let dns = Checker::builder().profile(Profile::Dns).build();
    for name in [
        "_dmarc.example.com",
        "_acme-challenge.www.example.com",
        "_443._tcp.example.com",
    ] {
        assert_eq!(dns.normalize(name).unwrap().ascii(), name);
        let e = Checker::default().normalize(name).unwrap_err();
        assert_eq!(e.reason(), Reason::InvalidChar, "{name}");
    }
    // Underscore is an ASCII allowance only: not inside Punycode, not in a
    // label with non-ASCII characters (whose A-label would be refused back).
    assert_eq!(
        dns.normalize("xn--a_b-kva.com").unwrap_err().reason(),
        Reason::BadPunycode
    );
    // See: fuzz/corpus/check/dns-underscore-* (a_ü was accepted as xn--a_-yka,
    // which was then refused).
    for (name, span) in [
        ("a_ü.com", 1..2),
        ("a\u{FF3F}ü.com", 1..4),
        ("ü_.com", 2..3),
    ] {
        let e = dns.normalize(name).unwrap_err();
        assert_eq!(
            (e.reason(), e.span()),
            (Reason::InvalidChar, span),
            "{name}"
        );
    }
    let host = Checker::builder().profile(Profile::Hostname).build();
    assert!(host.normalize("_dmarc.example.com").is_err());
    assert_eq!(host.profile(), Profile::Hostname);
}

/// The claim `labels.rs` is built on: UTS #46 maps exactly `。．｡` to a
/// full stop, so splitting the input on them and `.` gives the labels.
#[test]
fn only_three_code_points_map_to_a_dot() {
    let data = idna_adapter::Adapter::new();
    let dots: Vec<u32> = (0x80..=0x10FFFFu32)
        .filter_map(char::from_u32)
        .filter(|&c| data.map_normalize(core::iter::once(c)).any(|m| m == '.'))
        .map(|c| c as u32)
        .collect();
    assert_eq!(dots, [0x3002, 0xFF0E, 0xFF61]);
}

/// The fullwidth mapping the Unicode fast path applies is UTS #46's.
#[test]
fn fullwidth_mapping_matches_uts46() {
    let data = idna_adapter::Adapter::new();
    for cp in 0xFF00..=0xFF60u32 {
        let c = char::from_u32(cp).unwrap();
        if let Some(m) = crate::normalize::fullwidth_ldh(c) {
            let mapped: String = data.map_normalize(core::iter::once(c)).collect();
            assert_eq!(mapped, char::from(m).to_string(), "U+{cp:04X}");
        }
    }
}

/// The normaliser's UTF-8 decoder agrees with `core::str::from_utf8` on every
/// one- to four-byte sequence with interesting lead and continuation bytes.
#[test]
fn utf8_decoder_agrees_with_core() {
    use crate::utf8::decode_checked;
    let interesting: Vec<u8> = (0..=0xFFu8)
        .filter(|b| {
            *b < 0x08
                || (0x7E..=0x82).contains(b)
                || (0x8E..=0x92).contains(b)
                || (0x9E..=0xA2).contains(b)
                || (0xBE..=0xC3).contains(b)
                || *b >= 0xDE
        })
        .collect();
    for &a in &interesting {
        for &b in &interesting {
            for &c in &interesting {
                for &d in &interesting {
                    let buf = [a, b, c, d];
                    for n in 1..=4 {
                        let bytes = &buf[..n];
                        let ours = decode_checked(bytes, 0);
                        let core = match core::str::from_utf8(bytes) {
                            Ok(s) => s.chars().next().map(|c| (c, c.len_utf8())),
                            Err(e) if e.valid_up_to() > 0 => {
                                let s = core::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap();
                                s.chars().next().map(|c| (c, c.len_utf8()))
                            }
                            Err(_) => None,
                        };
                        assert_eq!(ours, core, "{bytes:02X?}");
                    }
                }
            }
        }
    }
}

/// Overlong and surrogate three-byte forms, alone and beside fast-path
/// labels, are refused as `invalid_char` at their label.
#[test]
fn bad_three_byte_utf8_is_refused() {
    let checker = Checker::default();
    for (input, label) in [
        (&b"\xE0\x83\xA9.cn"[..], 0),              // overlong U+00E9
        (b"\xE4\xBE\x8B\xE0\x80\xAE.cn", 0),       // 例 then overlong `.`
        (b"\xE4\xBE\x8B.\xED\xA0\x80", 1),         // 例 then a surrogate
        (b"\xE4\xBE\x8B\xE5\xAD.\xE4\xB8\xAD", 0), // truncated 子
    ] {
        let err = checker.check_bytes(input).unwrap_err();
        assert_eq!(err.reason(), Reason::InvalidChar, "{input:X?}");
        assert_eq!(err.label(), Some(label), "{input:X?}");
    }
}

/// The U-label form of a fast-path name with full stops, up to and past the
/// eight the one-pass check records (beyond, it looks for them again).
#[test]
fn full_stops_in_the_unicode_form() {
    let checker = Checker::default();
    for count in [1, 2, 7, 8, 9, 12] {
        for stop in ["。", "．", "｡"] {
            let labels: Vec<String> = (0..=count).map(|i| alloc::format!("例{i}")).collect();
            let input = labels.join(stop);
            let v = checker.normalize(&input).unwrap();
            assert_eq!(v.unicode(), labels.join("."), "{input}");
            assert!(v.flags().contains(Flag::Mapped), "{input}");
            let dotted = labels.join(".");
            let plain = checker.normalize(&dotted).unwrap();
            assert_eq!(v.ascii(), plain.ascii(), "{input}");
        }
    }
}

/// `is_fast` answers for the CJK Unified Ideographs block without its
/// table: the generated table must hold the whole block.
#[test]
fn cjk_unified_ideographs_are_all_in_the_fast_table() {
    for c in crate::normalize::CJK_UNIFIED {
        assert!(crate::normalize::in_fast_table(c), "{c:X}");
    }
}
