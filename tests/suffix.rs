//! The suffix table against an oracle, the `publicsuffix` crate loaded with
//! the same `data/public_suffix_list.dat` (its `punycode` feature stores every
//! IDN rule in A-label form too, through `idna`), and the run-time builder
//! against the embedded table.
//!
//! Names compared: for every rule of the list, the rule itself, a name under
//! it, and for wildcard rules a name the wildcard matches and one under that
//! (`*` spelled `w`); exception rules are names of their own. Then every name
//! of the bench corpus that the checker accepts.

use dncheck::{Checker, Section, SuffixList};
use publicsuffix::Type;

mod common;

use common::data::{corpus_names, psl_rules as rules, PSL as LIST};

/// Canonical A-label form, as callers pass names to `lookup`.
fn canonical(name: &str) -> String {
    Checker::default()
        .normalize(name)
        .unwrap_or_else(|e| panic!("{name:?} refused: {e}"))
        .ascii()
        .to_owned()
}

/// Names derived from the rules, in canonical form, with the rule's line.
fn rule_names() -> Vec<(usize, String)> {
    let mut names = Vec::new();
    for (line, rule) in rules() {
        let exception = rule.starts_with('!');
        let body = rule.trim_start_matches('!').trim_start_matches("*.");
        let body = canonical(body);
        names.push((line, body.clone()));
        names.push((line, format!("x.{body}")));
        names.push((line, format!("y.x.{body}")));
        if rule.starts_with("*.") {
            names.push((line, format!("w.{body}")));
            names.push((line, format!("x.w.{body}")));
        }
        if exception {
            // The parent, which the wildcard beside the exception matches.
            let parent = body.split_once('.').unwrap().1;
            names.push((line, format!("x.{parent}")));
        }
    }
    names
}

/// (suffix, registrable, section) per dncheck.
fn ours(
    list: &SuffixList,
    name: &str,
    private: bool,
) -> (Option<String>, Option<String>, Option<Section>) {
    let m = list.lookup(name, private);
    (
        m.suffix(name).map(str::to_owned),
        m.registrable(name).map(str::to_owned),
        m.section(),
    )
}

/// The same per `publicsuffix`.
fn theirs(
    list: &impl publicsuffix::Psl,
    name: &str,
) -> (Option<String>, Option<String>, Option<Section>) {
    let text = |b: &[u8]| String::from_utf8(b.to_vec()).unwrap();
    let suffix = list.suffix(name.as_bytes());
    let domain = list.domain(name.as_bytes());
    let section = suffix.and_then(|s| s.typ()).map(|t| match t {
        Type::Icann => Section::Icann,
        Type::Private => Section::Private,
    });
    (
        suffix.map(|s| text(s.as_bytes())),
        domain.map(|d| text(d.as_bytes())),
        section,
    )
}

fn oracle() -> publicsuffix::List {
    LIST.parse().expect("publicsuffix parses the list")
}

/// Where `publicsuffix` is wrong: a wildcard rule `*.parent` matches a name
/// whose label under `parent` is also on the path of a longer rule
/// (`*.r.cloud.int.apple` beside `*.cloud.int.apple`, for the name
/// `r.cloud.int.apple`). `publicsuffix` follows the explicit trie node `r`,
/// finds no rule there, and never tries the wildcard, so it falls back to a
/// shorter rule (`int.apple`) or to the TLD. The `psl` crate's generated
/// matcher takes the same shortcut and gives the same answers.
///
/// The PSL's [formal algorithm](https://github.com/publicsuffix/list/wiki/Format#formal-algorithm)
/// is on dncheck's side: a rule matches when, label by label from the right,
/// each rule label is identical or `*`; of the matching rules the one with
/// the most labels prevails. `*.cloud.int.apple` (4 labels) matches
/// `r.cloud.int.apple`, so that whole name is the public suffix and it has no
/// registrable domain; `int.apple` (2 labels) does not prevail.
///
/// `(name, dncheck's suffix, publicsuffix's suffix)`.
const PUBLICSUFFIX_WILDCARD_BUG: &[(&str, &str, &str)] = &[
    ("r.cloud.int.apple", "r.cloud.int.apple", "int.apple"),
    (
        "ap-north-1.r.cloud.int.apple",
        "ap-north-1.r.cloud.int.apple",
        "int.apple",
    ),
    (
        "ap-south-1.r.cloud.int.apple",
        "ap-south-1.r.cloud.int.apple",
        "int.apple",
    ),
    (
        "ap-south-2.r.cloud.int.apple",
        "ap-south-2.r.cloud.int.apple",
        "int.apple",
    ),
    (
        "eu-central-1.r.cloud.int.apple",
        "eu-central-1.r.cloud.int.apple",
        "int.apple",
    ),
    (
        "eu-north-1.r.cloud.int.apple",
        "eu-north-1.r.cloud.int.apple",
        "int.apple",
    ),
    (
        "us-central-1.r.cloud.int.apple",
        "us-central-1.r.cloud.int.apple",
        "int.apple",
    ),
    (
        "us-central-2.r.cloud.int.apple",
        "us-central-2.r.cloud.int.apple",
        "int.apple",
    ),
    (
        "us-east-1.r.cloud.int.apple",
        "us-east-1.r.cloud.int.apple",
        "int.apple",
    ),
    (
        "us-east-2.r.cloud.int.apple",
        "us-east-2.r.cloud.int.apple",
        "int.apple",
    ),
    (
        "us-west-1.r.cloud.int.apple",
        "us-west-1.r.cloud.int.apple",
        "int.apple",
    ),
    (
        "us-west-2.r.cloud.int.apple",
        "us-west-2.r.cloud.int.apple",
        "int.apple",
    ),
    (
        "us-west-3.r.cloud.int.apple",
        "us-west-3.r.cloud.int.apple",
        "int.apple",
    ),
    ("ex.futurecms.at", "ex.futurecms.at", "at"),
    ("in.futurecms.at", "in.futurecms.at", "at"),
    ("mtls.run.app", "mtls.run.app", "app"),
    ("oci.customer-oci.com", "oci.customer-oci.com", "com"),
    ("ocp.customer-oci.com", "ocp.customer-oci.com", "com"),
    ("ocs.customer-oci.com", "ocs.customer-oci.com", "com"),
    (
        "privatelink.snowflake.app",
        "privatelink.snowflake.app",
        "app",
    ),
    ("svc.firenet.ch", "svc.firenet.ch", "ch"),
];

/// See [`PUBLICSUFFIX_WILDCARD_BUG`]: both sides answer as stated there (the
/// `psl` crate, with its own generated copy of the list, as `publicsuffix`),
/// and the formal algorithm's answer holds on a three-rule list.
#[test]
fn publicsuffix_misses_wildcard_beside_longer_rule() {
    let list = SuffixList::embedded();
    let oracle = oracle();
    for &(name, ours_suffix, their_suffix) in PUBLICSUFFIX_WILDCARD_BUG {
        let m = list.lookup(name, true);
        assert_eq!(m.suffix(name), Some(ours_suffix), "{name}");
        assert_eq!(
            m.registrable(name),
            None,
            "{name}: the name is a public suffix"
        );
        assert_eq!(m.section(), Some(Section::Private), "{name}");
        assert_eq!(
            theirs(&oracle, name).0.as_deref(),
            Some(their_suffix),
            "{name}"
        );
        assert_eq!(
            psl::suffix_str(name),
            Some(their_suffix),
            "{name}: psl crate"
        );
        // One label more: both agree again (the longer wildcard or the
        // shorter one, whichever applies, is then on publicsuffix's path).
        let under = format!("host.{name}");
        assert_eq!(ours(list, &under, true), theirs(&oracle, &under), "{under}");
    }
    let small =
        SuffixList::parse("apple\nint.apple\n*.cloud.int.apple\n*.r.cloud.int.apple\n").unwrap();
    for (name, suffix) in [
        ("r.cloud.int.apple", "r.cloud.int.apple"), // *.cloud.int.apple
        ("x.r.cloud.int.apple", "x.r.cloud.int.apple"), // *.r.cloud.int.apple
        ("q.cloud.int.apple", "q.cloud.int.apple"), // *.cloud.int.apple
        ("cloud.int.apple", "int.apple"),           // int.apple
    ] {
        assert_eq!(
            small.lookup(name, false).suffix(name),
            Some(suffix),
            "{name}"
        );
    }
}

/// Compares all names in ICANN-only mode with `publicsuffix::IcannList`;
/// returns how many were compared.
fn compare_icann(names: &[(usize, String)], what: &str) -> usize {
    let oracle = publicsuffix::IcannList::from(oracle());
    assert_agree(names, what, false, &oracle, &[])
}

/// Asserts that dncheck (`private`: with the PRIVATE section) and the
/// `publicsuffix` list `oracle` agree on every name but those in `skip`;
/// returns how many names there were.
fn assert_agree(
    names: &[(usize, String)],
    what: &str,
    private: bool,
    oracle: &impl publicsuffix::Psl,
    skip: &[&str],
) -> usize {
    let list = SuffixList::embedded();
    let mut diffs = Vec::new();
    for (line, name) in names {
        if skip.contains(&name.as_str()) {
            continue;
        }
        let (a, b) = (ours(list, name, private), theirs(oracle, name));
        if a != b {
            diffs.push(format!(
                "{what} {line}: {name}: dncheck {a:?}, publicsuffix {b:?}"
            ));
        }
    }
    assert!(
        diffs.is_empty(),
        "{} of {} differ:\n{}",
        diffs.len(),
        names.len(),
        diffs.join("\n")
    );
    names.len()
}

#[test]
fn oracle_every_rule_icann_only() {
    let names = rule_names();
    let n = compare_icann(&names, "data/public_suffix_list.dat line");
    assert!(n > 30_000, "{n}");
}

/// Compares all names with the whole list; returns how many were compared.
/// Names in [`PUBLICSUFFIX_WILDCARD_BUG`] are checked by their own test.
fn compare(names: &[(usize, String)], what: &str) -> usize {
    let skip: Vec<&str> = PUBLICSUFFIX_WILDCARD_BUG.iter().map(|&(n, ..)| n).collect();
    assert_agree(names, what, true, &oracle(), &skip)
}

#[test]
fn oracle_every_rule() {
    let names = rule_names();
    let n = compare(&names, "data/public_suffix_list.dat line");
    assert!(n > 30_000, "{n}");
}

#[test]
fn oracle_bench_corpus() {
    let checker = Checker::default();
    let names: Vec<(usize, String)> = corpus_names()
        .filter_map(|(line, name)| Some((line, checker.normalize(name).ok()?.ascii().to_owned())))
        .collect();
    let n = compare(&names, "benches/data/corpus.tsv line");
    assert!(n > 9_000, "{n}");
    compare_icann(&names, "benches/data/corpus.tsv line");
}

/// The list parsed at run time is the embedded table, array for array, and
/// answers every rule-derived name the same in both modes; so does a clone
/// of the embedded list (which borrows its arrays but, not being the
/// embedded list itself, takes the run-time lookup).
#[test]
fn runtime_builder_is_the_embedded_table() {
    let parsed = SuffixList::parse(LIST).unwrap();
    let embedded = SuffixList::embedded();
    let cloned = embedded.clone();
    assert_eq!(parsed.__raw_parts(), embedded.__raw_parts());
    assert_eq!(parsed.memory_usage(), embedded.memory_usage());
    for (_, name) in rule_names() {
        for private in [false, true] {
            let expected = embedded.lookup(&name, private);
            assert_eq!(parsed.lookup(&name, private), expected, "{name}");
            assert_eq!(cloned.lookup(&name, private), expected, "{name}");
        }
    }
}

#[test]
fn from_file_is_parse() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/public_suffix_list.dat");
    let list = SuffixList::from_file(path).unwrap();
    assert_eq!(list, SuffixList::parse(LIST).unwrap());
    assert_eq!(list.version(), None, "this snapshot has no VERSION line");
}

#[test]
fn embedded_version() {
    assert_eq!(dncheck::suffix_list_version(), "2026-08-19");
}

/// Print the static table's size (`cargo test --test suffix -- --nocapture`).
#[test]
fn table_size() {
    let size = SuffixList::embedded().memory_usage();
    let (_, parents, words, pilots, labels) = SuffixList::embedded().__raw_parts();
    println!(
        "suffix table: {size} bytes ({} slots x (2 + 4) + {} pilots x 2 + {} label bytes)",
        parents.len(),
        pilots.len(),
        labels.len()
    );
    assert_eq!(parents.len(), words.len());
    assert_eq!(
        size,
        parents.len() * 2 + words.len() * 4 + pilots.len() * 2 + labels.len()
    );
    assert!(size <= 128 * 1024);
}
