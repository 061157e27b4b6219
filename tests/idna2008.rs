//! IDNA2008 in the `registration` profile (RFC 5891-5893): the derived
//! property table against an independent derivation, and the rules on real
//! names.

use dncheck::{Checker, Profile, Reason};

/// `data/idna2008-derived-15.0.0.txt`: RFC 5892's algorithm run over the
/// Unicode 15.0.0 UCD by `scripts/idna2008_derive.py`.
const DERIVED: &str = include_str!("../data/idna2008-derived-15.0.0.txt");

/// The generated table (IANA's tables at Unicode 18.0.0, `data/idnadata.py`)
/// agrees with RFC 5892's algorithm run on the Unicode 15.0.0 database, for
/// every code point assigned in 15.0.0: no difference. (Code points assigned
/// after 15.0 are not in the derivation; those after 17.0 are refused as
/// unassigned before the table is read.)
#[test]
fn idna2008_table_agrees_with_ucd_derivation() {
    assert_eq!(dncheck::__private::IDNA2008_TABLE_VERSION, "18.0.0");
    let mut checked = 0u32;
    let mut differences = Vec::new();
    for line in DERIVED.lines().filter(|l| !l.starts_with('#')) {
        let (range, property) = line.split_once(';').unwrap();
        let (first, last) = range.trim().split_once("..").unwrap();
        let (first, last) = (
            u32::from_str_radix(first, 16).unwrap(),
            u32::from_str_radix(last, 16).unwrap(),
        );
        for c in (first..=last).filter_map(char::from_u32) {
            checked += 1;
            let ours = dncheck::__private::idna2008_property(c);
            if ours != property.trim() {
                differences.push(format!(
                    "U+{:04X}: {ours}, derived {}",
                    c as u32,
                    property.trim()
                ));
            }
        }
    }
    assert!(checked > 149_000, "{checked} code points");
    assert!(differences.is_empty(), "{differences:#?}");
}

fn registrar() -> Checker {
    Checker::default()
}

fn hosts() -> Checker {
    Checker::builder().profile(Profile::Hostname).build()
}

/// `(input, Ok(ascii) or Err((reason, span)))` in the registration profile.
/// Every verdict and A-label is also that of the Python `idna` package 3.20
/// (`idna.encode(name, uts46=True, std3_rules=True)`, IDNA2008 with
/// CONTEXTO), an independent implementation.
type Case = (
    &'static str,
    Result<&'static str, (Reason, core::ops::Range<usize>)>,
);

const CASES: &[Case] = &[
    // DISALLOWED symbols UTS #46 lets through; the span is the code point.
    ("☃.com", Err((Reason::Disallowed, 0..3))),
    ("i❤you.com", Err((Reason::Disallowed, 1..4))),
    ("💩.com", Err((Reason::Disallowed, 0..4))),
    ("⌘.com", Err((Reason::Disallowed, 0..3))),
    // In an A-label: the whole label.
    ("xn--n3h.com", Err((Reason::Disallowed, 0..7))),
    // Mapped first: upper case and width are UTS #46's business.
    ("BÜCHER.de", Ok("xn--bcher-kva.de")),
    ("例子。ＣＮ", Ok("xn--fsqu00a.cn")),
    // A.3 middle dot between two `l`.
    ("col·lecció.cat", Ok("xn--collecci-ioa91d.cat")),
    ("a·b.com", Err((Reason::Context, 1..3))),
    ("l·.com", Err((Reason::Context, 1..3))),
    // A.4 keraia before Greek.
    ("͵α.gr", Ok("xn--wva4j.gr")),
    ("͵a.com", Err((Reason::Context, 0..2))),
    // A.5 geresh after Hebrew.
    ("א׳ב.com", Ok("xn--4dbc5h.com")),
    ("׳א.com", Err((Reason::Context, 0..2))),
    // A.7 katakana middle dot with Hiragana, Katakana or Han in the label.
    ("テレビ・ゲーム.jp", Ok("xn--sckwbybzczc1ei.jp")),
    ("中・国.jp", Ok("xn--vekv29fo7f.jp")),
    ("def・abc.com", Err((Reason::Context, 3..6))),
    // Halfwidth `･` maps to `・`: located at the input's code point.
    ("def･abc.com", Err((Reason::Context, 3..6))),
    // PVALID beyond ASCII.
    ("bücher.de", Ok("xn--bcher-kva.de")),
    ("例子abc.中国", Ok("xn--abc-uc0e315c.xn--fiqs8s")),
    ("東京タワー.jp", Ok("xn--5ck2eqb538s34z.jp")),
    ("서울.kr", Ok("xn--2i4bq6h.kr")),
    ("straße.de", Ok("xn--strae-oqa.de")),
];

#[test]
fn idna2008_rules_in_registration() {
    let registrar = registrar();
    let hosts = hosts();
    for (input, expected) in CASES {
        let got = registrar
            .check(input)
            .map(|v| v.ascii().to_owned())
            .map_err(|e| (e.reason(), e.span()));
        let expected = expected.clone().map(str::to_owned);
        assert_eq!(got, expected, "{input}");
        // The same from `normalize` alone: these are format reasons.
        if let Err((reason, _)) = &got {
            assert_eq!(
                registrar.normalize(input).unwrap_err().reason(),
                *reason,
                "{input}"
            );
            assert_eq!(registrar.normalize(input).unwrap_err().label(), Some(0));
            // `hostname` keeps UTS #46, which allows them.
            assert!(hosts.normalize(input).is_ok(), "{input}");
        }
    }
}

#[test]
fn snowman_is_disallowed_in_registration_and_accepted_in_hostname() {
    let e = registrar().check("☃.com").unwrap_err();
    assert_eq!(e.reason(), Reason::Disallowed);
    assert_eq!(e.reason().alibaba_code(), "InvalidDomainName.Format");
    assert_eq!(
        e.reason().tencent_code(),
        Some("InvalidParameter.DomainNameIsInvalid")
    );
    assert_eq!(hosts().check("☃.com").unwrap().ascii(), "xn--n3h.com");
    let dns = Checker::builder().profile(Profile::Dns).build();
    assert!(dns.check("☃.com").is_ok());
}
