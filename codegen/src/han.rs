//! The Han script (Unicode `Script=Han`) as sorted code point ranges, for
//! the `chinese` registry rule (`data/suffix_rules.txt`): a Chinese IDN label
//! must hold at least one Han character.
//!
//! Derived from the `unicode-script` crate's Scripts.txt data, with the code
//! points unassigned in dncheck's pinned Unicode version removed (so the table
//! says nothing about code points the normaliser refuses anyway).

use crate::{fnv1a, header, Output};
use std::fmt::Write as _;
use unicode_script::{Script, UnicodeScript};

pub fn generate(root: &std::path::Path) -> Output {
    let (unassigned, source) = crate::fast::unassigned(root);
    let assigned = |c: u32| !unassigned.iter().any(|&(a, b)| (a..=b).contains(&c));
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
        let cp = c as u32;
        if c.script() != Script::Han || !assigned(cp) {
            continue;
        }
        match ranges.last_mut() {
            Some((_, end)) if *end + 1 == cp => *end = cp,
            _ => ranges.push((cp, cp)),
        }
    }
    let (sv0, sv1, sv2) = unicode_script::UNICODE_VERSION;
    let mut s = header(
        &format!(
            "Script=Han of the unicode-script crate (Unicode {sv0}.{sv1}.{sv2}) minus data/unassigned-{}.txt",
            crate::fast::UNICODE_VERSION
        ),
        fnv1a(source.as_bytes()),
    );
    let count: u32 = ranges.iter().map(|(a, b)| b - a + 1).sum();
    writeln!(s, "//\n// {} ranges, {count} code points.\n", ranges.len()).unwrap();
    writeln!(
        s,
        "/// The code points of Script=Han, as sorted, disjoint, inclusive ranges."
    )
    .unwrap();
    writeln!(
        s,
        "pub(crate) static HAN: [(u32, u32); {}] = [",
        ranges.len()
    )
    .unwrap();
    for (a, b) in &ranges {
        writeln!(s, "    (0x{a:05X}, 0x{b:05X}),").unwrap();
    }
    writeln!(s, "];").unwrap();
    Output {
        path: "src/generated/han.rs",
        text: s,
    }
}
