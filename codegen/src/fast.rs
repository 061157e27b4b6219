//! The Unicode fast-path table: code points that UTS #46 leaves unchanged and
//! valid, that are NFC-stable on their own, strong left-to-right, and neither
//! marks, viramas nor joiners. A label made only of such code points (plus
//! ASCII letters, digits and hyphens) cannot trip a mapping, normalisation,
//! bidi or CONTEXTJ rule, so dncheck skips the full UTS #46 machinery for it.
//!
//! The set is derived from `idna_adapter` itself — the data `idna` uses — so
//! it cannot disagree with the oracle.

use crate::{fnv1a, header, Output};
use std::fmt::Write as _;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized};

/// Code points at and above this are never in the set (checked below).
pub const LIMIT: u32 = 0x4_0000;

/// The Unicode version dncheck's repertoire is pinned to.
pub const UNICODE_VERSION: &str = "17.0.0";

/// `data/unassigned-17.0.0.txt`: code point ranges unassigned in 17.0.0.
pub fn unassigned(root: &std::path::Path) -> (Vec<(u32, u32)>, String) {
    let path = root.join(format!("data/unassigned-{UNICODE_VERSION}.txt"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut ranges = Vec::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap().trim();
        if line.is_empty() {
            continue;
        }
        let (a, b) = line.split_once("..").unwrap_or((line, line));
        ranges.push((
            u32::from_str_radix(a, 16).unwrap(),
            u32::from_str_radix(b, 16).unwrap(),
        ));
    }
    (ranges, text)
}

fn qualifies(adapter: &idna_adapter::Adapter, c: char) -> bool {
    if c.is_ascii() || c == '\u{200C}' || c == '\u{200D}' {
        return false;
    }
    let mapped: Vec<char> = adapter.map_normalize(core::iter::once(c)).collect();
    if mapped != [c] {
        return false;
    }
    let validated: Vec<char> = adapter.normalize_validate(core::iter::once(c)).collect();
    if validated != [c] {
        return false;
    }
    adapter.bidi_class(c).is_ltr()
        && !adapter.is_mark(c)
        && !adapter.is_virama(c)
        && canonical_combining_class(c) == 0
        && is_nfc_quick(core::iter::once(c)) == IsNormalized::Yes
}

pub fn generate(root: &std::path::Path) -> Output {
    let adapter = idna_adapter::Adapter::new();
    let (unassigned, unassigned_text) = unassigned(root);
    let is_unassigned = |cp: u32| unassigned.iter().any(|&(a, b)| a <= cp && cp <= b);
    // Code points the idna crate's (newer) data does not refuse but Unicode
    // 17.0 leaves unassigned: UTS #46 17.0 disallows them.
    let mut newer: Vec<(u32, u32)> = Vec::new();
    let mut bits = vec![0u64; (LIMIT / 64) as usize];
    let mut count = 0u32;
    for cp in 0x80..=0x10_FFFFu32 {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        if is_unassigned(cp) {
            let disallowed = adapter
                .map_normalize(core::iter::once(c))
                .eq(core::iter::once('\u{FFFD}'));
            if !disallowed {
                match newer.last_mut() {
                    Some(last) if last.1 + 1 == cp => last.1 = cp,
                    _ => newer.push((cp, cp)),
                }
            }
            continue;
        }
        if qualifies(&adapter, c) {
            assert!(cp < LIMIT, "U+{cp:04X} qualifies above LIMIT");
            bits[(cp / 64) as usize] |= 1 << (cp % 64);
            count += 1;
        }
    }
    // Two levels: 256-code-point blocks, deduplicated.
    let mut blocks: Vec<[u64; 4]> = vec![[0; 4], [u64::MAX; 4]];
    let mut index = Vec::new();
    for chunk in bits.chunks(4) {
        let block: [u64; 4] = chunk.try_into().unwrap();
        let id = match blocks.iter().position(|b| *b == block) {
            Some(id) => id,
            None => {
                blocks.push(block);
                blocks.len() - 1
            }
        };
        index.push(u8::try_from(id).expect("more than 256 distinct blocks"));
    }
    let mut fingerprint = unassigned_text.into_bytes();
    for w in &bits {
        fingerprint.extend_from_slice(&w.to_le_bytes());
    }
    let mut s = header(
        &format!(
            "data/unassigned-{UNICODE_VERSION}.txt, idna_adapter (UTS #46 mapping, Bidi_Class, \
             General_Category) and unicode-normalization"
        ),
        fnv1a(&fingerprint),
    );
    writeln!(s, "//").unwrap();
    writeln!(
        s,
        "// {count} code points; {} distinct 256-bit blocks; {} bytes of table.",
        blocks.len(),
        index.len() + blocks.len() * 32
    )
    .unwrap();
    writeln!(s).unwrap();
    writeln!(s, "/// Code points at and above this are never fast.").unwrap();
    writeln!(s, "pub(crate) const FAST_LIMIT: u32 = 0x{LIMIT:X};").unwrap();
    writeln!(s).unwrap();
    writeln!(
        s,
        "/// Block number of each 256-code-point block below `FAST_LIMIT`."
    )
    .unwrap();
    writeln!(s, "pub(crate) static FAST_INDEX: [u8; {}] = [", index.len()).unwrap();
    for row in index.chunks(32) {
        let line: Vec<String> = row.iter().map(|b| b.to_string()).collect();
        writeln!(s, "    {},", line.join(", ")).unwrap();
    }
    writeln!(s, "];").unwrap();
    writeln!(s).unwrap();
    writeln!(
        s,
        "/// 256-bit membership blocks; bit `c % 256` of block `FAST_INDEX[c / 256]`."
    )
    .unwrap();
    writeln!(
        s,
        "pub(crate) static FAST_BLOCKS: [[u64; 4]; {}] = [",
        blocks.len()
    )
    .unwrap();
    for b in &blocks {
        writeln!(
            s,
            "    [0x{:016x}, 0x{:016x}, 0x{:016x}, 0x{:016x}],",
            b[0], b[1], b[2], b[3]
        )
        .unwrap();
    }
    writeln!(s, "];").unwrap();
    writeln!(s).unwrap();
    writeln!(
        s,
        "/// The Unicode version of dncheck's repertoire (that of IdnaTestV2.txt)."
    )
    .unwrap();
    writeln!(
        s,
        "pub(crate) const UNICODE_VERSION: &str = \"{UNICODE_VERSION}\";"
    )
    .unwrap();
    writeln!(s).unwrap();
    writeln!(
        s,
        "/// Code point ranges that are unassigned in Unicode {UNICODE_VERSION}, so UTS #46"
    )
    .unwrap();
    writeln!(
        s,
        "/// {UNICODE_VERSION} disallows them, but that the `idna` crate's newer data allows."
    )
    .unwrap();
    writeln!(
        s,
        "pub(crate) static NEWER_THAN_PINNED: [(u32, u32); {}] = [",
        newer.len()
    )
    .unwrap();
    for (a, b) in &newer {
        writeln!(s, "    (0x{a:04X}, 0x{b:04X}),").unwrap();
    }
    writeln!(s, "];").unwrap();
    Output {
        path: "src/generated/idna_tables.rs",
        text: s,
    }
}
