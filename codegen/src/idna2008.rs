//! The IDNA2008 derived property (RFC 5892) of every code point, for the
//! `registration` profile: PVALID, CONTEXTJ and CONTEXTO as sorted ranges;
//! every code point outside them is DISALLOWED or UNASSIGNED.
//!
//! Source: `data/idnadata.py`, copied byte for byte from the Python `idna`
//! package (3.20, BSD-3-Clause), whose `codepoint_classes` are IANA's IDNA
//! tables derived by RFC 5892's algorithm at the Unicode version the file
//! names (`__version__`, 18.0.0). Code points unassigned in dncheck's pinned
//! Unicode version (17.0.0, `data/unassigned-17.0.0.txt`) are removed, so the
//! table says nothing about code points the normaliser refuses anyway.

use crate::{fnv1a, header, Output};
use std::fmt::Write as _;

/// The classes, as the generated table numbers them.
const CLASSES: [&str; 3] = ["PVALID", "CONTEXTJ", "CONTEXTO"];

/// `(Unicode version, [(first, last, class index)])` of `idnadata.py`.
pub fn parse(text: &str) -> (String, Vec<(u32, u32, u8)>) {
    let version = text
        .lines()
        .find_map(|l| l.strip_prefix("__version__ = \""))
        .and_then(|v| v.strip_suffix('"'))
        .expect("idnadata.py names its Unicode version")
        .to_string();
    let start = text
        .find("\ncodepoint_classes = {")
        .expect("idnadata.py has codepoint_classes");
    let mut class = None;
    let mut ranges = Vec::new();
    for line in text[start + 1..].lines().skip(1) {
        if line.starts_with('}') {
            break;
        }
        let mut rest = line.trim();
        if let Some((key, tail)) = rest.split_once(':') {
            let key = key.trim().trim_matches('"');
            class = Some(
                CLASSES
                    .iter()
                    .position(|&c| c == key)
                    .unwrap_or_else(|| panic!("unknown class {key}")) as u8,
            );
            rest = tail;
        }
        for token in rest.split(|c: char| !c.is_ascii_alphanumeric()) {
            let Some(hex) = token.strip_prefix("0x") else {
                continue;
            };
            let v = u64::from_str_radix(hex, 16).unwrap();
            // `intranges` encoding: first << 32 | end (exclusive).
            let (first, end) = ((v >> 32) as u32, v as u32);
            assert!(first < end, "{token}");
            ranges.push((first, end - 1, class.expect("a class before its ranges")));
        }
    }
    ranges.sort_unstable();
    for w in ranges.windows(2) {
        assert!(w[0].1 < w[1].0, "overlapping ranges {w:?}");
    }
    (version, ranges)
}

pub fn generate(root: &std::path::Path) -> Output {
    let path = root.join("data/idnadata.py");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (version, parsed) = parse(&text);
    let (unassigned, unassigned_text) = crate::fast::unassigned(root);
    let assigned = |c: u32| !unassigned.iter().any(|&(a, b)| (a..=b).contains(&c));
    // Per code point, then merged: drops the code points unassigned in the
    // pinned version and joins neighbours of one class.
    let mut ranges: Vec<(u32, u32, u8)> = Vec::new();
    for &(first, last, class) in &parsed {
        for cp in first..=last {
            if !assigned(cp) {
                continue;
            }
            match ranges.last_mut() {
                Some((_, end, c)) if *end + 1 == cp && *c == class => *end = cp,
                _ => ranges.push((cp, cp, class)),
            }
        }
    }
    // The checker takes CJK Unified Ideographs and ASCII LDH as PVALID
    // without a lookup.
    let pvalid = |cp: u32| {
        ranges
            .iter()
            .any(|&(a, b, c)| c == 0 && (a..=b).contains(&cp))
    };
    assert!(
        (0x4E00..=0x9FFF).all(pvalid),
        "CJK Unified Ideographs are PVALID"
    );
    assert!(b"abcdefghijklmnopqrstuvwxyz0123456789-"
        .iter()
        .all(|&b| pvalid(u32::from(b))));
    let mut hash_input = text.clone();
    hash_input.push_str(&unassigned_text);
    let mut s = header(
        &format!(
            "data/idnadata.py (Python idna 3.20, IANA IDNA tables at Unicode {version}) minus data/unassigned-{}.txt",
            crate::fast::UNICODE_VERSION
        ),
        fnv1a(hash_input.as_bytes()),
    );
    let count: u32 = ranges.iter().map(|(a, b, _)| b - a + 1).sum();
    writeln!(s, "//\n// {} ranges, {count} code points.\n", ranges.len()).unwrap();
    writeln!(
        s,
        "/// The Unicode version of the IDNA2008 derived property table.\n\
         pub(crate) const TABLE_VERSION: &str = \"{version}\";\n"
    )
    .unwrap();
    writeln!(
        s,
        "/// The IDNA2008 derived property (RFC 5892): sorted, disjoint, inclusive\n\
         /// ranges with their class, 0 PVALID, 1 CONTEXTJ, 2 CONTEXTO; every code\n\
         /// point outside them is DISALLOWED or UNASSIGNED."
    )
    .unwrap();
    writeln!(
        s,
        "pub(crate) static IDNA2008: [(u32, u32, u8); {}] = [",
        ranges.len()
    )
    .unwrap();
    for (a, b, c) in &ranges {
        writeln!(s, "    (0x{a:05X}, 0x{b:05X}, {c}),").unwrap();
    }
    writeln!(s, "];").unwrap();
    Output {
        path: "src/generated/idna2008.rs",
        text: s,
    }
}
