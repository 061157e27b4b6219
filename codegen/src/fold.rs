//! The folding tables of the restricted-word matcher (`src/words/`):
//!
//! * `HAN_BMP`, `HAN_WIDE`: traditional -> simplified Han, read from
//!   `data/han_variants.txt` (derived from Unihan by
//!   `scripts/han_variants.py`), split by whether both code points fit in
//!   16 bits;
//! * `LOOKALIKE`: Latin, Cyrillic and Greek look-alikes, derived here from
//!   the `unicode-security` crate's UTS #39 skeletons: a letter of those
//!   scripts that UTS #46 leaves valid, whose skeleton is one code point
//!   other than itself that is a letter of those scripts or an ASCII digit,
//!   also left valid by UTS #46. Chains are followed to their end, so that
//!   no target is a source and the fold is idempotent.

use crate::{fnv1a, header, Output};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use unicode_script::{Script, UnicodeScript};

/// Characters that `fold_char` folds before the look-alike step (`ß` ->
/// `ss`, `ς` -> `σ`): not look-alike targets, or the fold would chain.
const CASE_FOLDED: [char; 2] = ['ß', 'ς'];

fn han(root: &std::path::Path) -> (BTreeMap<u32, u32>, String) {
    let path = root.join("data/han_variants.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut map = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut fields = line.split('\t');
        let mut cp = || {
            let f = fields
                .next()
                .unwrap_or_else(|| panic!("line {}: too few fields", n + 1));
            let hex = f
                .strip_prefix("U+")
                .unwrap_or_else(|| panic!("line {}: {f}", n + 1));
            u32::from_str_radix(hex, 16).unwrap_or_else(|e| panic!("line {}: {e}", n + 1))
        };
        let (from, to) = (cp(), cp());
        assert!(map.insert(from, to).is_none(), "line {}: duplicate", n + 1);
    }
    for (&from, &to) in &map {
        assert!(
            !map.contains_key(&to),
            "U+{from:04X} -> U+{to:04X} is a chain"
        );
        assert!(from != to);
    }
    (map, text)
}

fn lookalike() -> BTreeMap<u32, u32> {
    let adapter = idna_adapter::Adapter::new();
    let valid = |c: char| {
        adapter.map_normalize(core::iter::once(c)).eq([c])
            && adapter.normalize_validate(core::iter::once(c)).eq([c])
    };
    let script_ok =
        |c: char| matches!(c.script(), Script::Latin | Script::Cyrillic | Script::Greek);
    let mut map = BTreeMap::new();
    for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
        if !c.is_alphabetic() || !script_ok(c) || CASE_FOLDED.contains(&c) || !valid(c) {
            continue;
        }
        let skeleton: Vec<char> = unicode_security::skeleton(&c.to_string()).collect();
        let &[t] = skeleton.as_slice() else { continue };
        let target_ok = (t.is_alphabetic() && script_ok(t)) || t.is_ascii_digit();
        if t == c || !target_ok || CASE_FOLDED.contains(&t) || !valid(t) {
            continue;
        }
        map.insert(c as u32, t as u32);
    }
    // Follow chains (`x -> y -> z` gives `x -> z`).
    let snapshot = map.clone();
    for to in map.values_mut() {
        let mut steps = 0;
        while let Some(&next) = snapshot.get(to) {
            *to = next;
            steps += 1;
            assert!(steps < 8, "look-alike cycle");
        }
    }
    map
}

fn chr(cp: u32) -> char {
    char::from_u32(cp).unwrap()
}

pub fn generate(root: &std::path::Path) -> Output {
    let (han, han_text) = han(root);
    let look = lookalike();
    let version = format!("unicode-security {:?}", unicode_security::UNICODE_VERSION);
    let mut hashed = han_text.clone().into_bytes();
    hashed.extend_from_slice(version.as_bytes());
    for (&from, &to) in &look {
        hashed.extend_from_slice(&from.to_le_bytes());
        hashed.extend_from_slice(&to.to_le_bytes());
    }

    let (bmp, wide): (Vec<_>, Vec<_>) = han
        .iter()
        .map(|(&f, &t)| (f, t))
        .partition(|&(f, t)| f <= 0xFFFF && t <= 0xFFFF);

    let mut s = header(
        &format!(
            "data/han_variants.txt; look-alikes from the UTS #39 skeletons of {version} \
             (Unicode {}.{}.{})",
            unicode_security::UNICODE_VERSION.0,
            unicode_security::UNICODE_VERSION.1,
            unicode_security::UNICODE_VERSION.2
        ),
        fnv1a(&hashed),
    );
    writeln!(s, "//").unwrap();
    writeln!(
        s,
        "// {} Han entries ({} beyond 16 bits), {} look-alike entries; {} bytes \
         (layout: src/words/mod.rs).",
        han.len(),
        wide.len(),
        look.len(),
        bmp.len() * 4 + wide.len() * 8 + look.len() * 8
    )
    .unwrap();
    writeln!(s).unwrap();
    writeln!(
        s,
        "/// Traditional -> simplified Han, both code points below U+10000, sorted by source."
    )
    .unwrap();
    writeln!(
        s,
        "pub(crate) static HAN_BMP: [[u16; 2]; {}] = [",
        bmp.len()
    )
    .unwrap();
    for row in bmp.chunks(8) {
        let line: Vec<String> = row
            .iter()
            .map(|(f, t)| format!("[0x{f:04x}, 0x{t:04x}]"))
            .collect();
        writeln!(s, "    {},", line.join(", ")).unwrap();
    }
    writeln!(s, "];").unwrap();
    writeln!(s).unwrap();
    writeln!(
        s,
        "/// Traditional -> simplified Han with a code point beyond U+FFFF, sorted by source."
    )
    .unwrap();
    writeln!(
        s,
        "pub(crate) static HAN_WIDE: [[u32; 2]; {}] = [",
        wide.len()
    )
    .unwrap();
    for row in wide.chunks(6) {
        let line: Vec<String> = row
            .iter()
            .map(|(f, t)| format!("[0x{f:05x}, 0x{t:05x}]"))
            .collect();
        writeln!(s, "    {},", line.join(", ")).unwrap();
    }
    writeln!(s, "];").unwrap();
    writeln!(s).unwrap();
    writeln!(
        s,
        "/// Latin/Cyrillic/Greek look-alike -> UTS #39 prototype, sorted by source."
    )
    .unwrap();
    writeln!(
        s,
        "pub(crate) static LOOKALIKE: [[u32; 2]; {}] = [",
        look.len()
    )
    .unwrap();
    for (&f, &t) in &look {
        writeln!(
            s,
            "    [0x{f:05x}, 0x{t:05x}], // {} {:?} -> {} {:?}",
            chr(f),
            chr(f).script(),
            chr(t),
            chr(t).script()
        )
        .unwrap();
    }
    writeln!(s, "];").unwrap();
    Output {
        path: "src/generated/fold.rs",
        text: s,
    }
}
