//! The scripts stage's quick answer: for each block of 32 code points of
//! the Basic Multilingual Plane, the script most of its assigned code points
//! have as both Script and Script_Extensions (Latin, Cyrillic, Greek,
//! Hangul ...), and a mask of the others, its exceptions (`÷` among the
//! Latin letters, a combining mark whose extensions name several scripts).
//! `src/scripts.rs` answers from it, and asks the `unicode-script` crate
//! only for the exceptions and the supplementary planes.
//!
//! Also the UTS #39 skeleton of each ASCII character, from the
//! `unicode-security` crate, and the characters of the BMP that are their
//! own skeleton and canonical starters (most Han, kana), so that the
//! skeleton of a name made of those is a table look-up a character.
//!
//! Derived from the `unicode-script` crate itself. The code points
//! unassigned in dncheck's pinned Unicode version do not count: the
//! normaliser refuses them before the scripts stage sees a name.

use crate::{fnv1a, header, Output};
use std::fmt::Write as _;
use unicode_normalization::char::canonical_combining_class;
use unicode_script::{Script, ScriptExtension, UnicodeScript};

/// Code points per block (a power of two).
const BLOCK: u32 = 32;
/// No script for the whole block.
const MIXED: u8 = u8::MAX;

pub fn generate(root: &std::path::Path) -> Output {
    let (unassigned, source) = crate::fast::unassigned(root);
    let assigned = |c: u32| !unassigned.iter().any(|&(a, b)| (a..=b).contains(&c));
    let mut palette: Vec<Script> = Vec::new();
    // Exception masks; mask 0 (no exception) first.
    let mut masks: Vec<u32> = vec![0];
    let mut blocks: Vec<u16> = Vec::new();
    for block in 0..0x1_0000 / BLOCK {
        // The script most of the block's assigned code points have, as both
        // Script and the only script of Script_Extensions; the others are
        // the block's exceptions.
        let single = |cp: u32| {
            let c = char::from_u32(cp).filter(|_| assigned(cp))?;
            let s = c.script();
            Some((c.script_extension() == ScriptExtension::from(s)).then_some(s))
        };
        let mut counts: Vec<(Script, usize)> = Vec::new();
        for cp in block * BLOCK..(block + 1) * BLOCK {
            if let Some(Some(s)) = single(cp) {
                match counts.iter_mut().find(|(t, _)| *t == s) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((s, 1)),
                }
            }
        }
        let Some(&(script, _)) = counts.iter().max_by_key(|&&(_, n)| n) else {
            blocks.push(u16::from(MIXED));
            continue;
        };
        let mut mask = 0u32;
        for (bit, cp) in (block * BLOCK..(block + 1) * BLOCK).enumerate() {
            match single(cp) {
                None => {} // unassigned (or a surrogate): never looked up
                Some(Some(s)) if s == script => {}
                Some(_) => mask |= 1 << bit,
            }
        }
        let m = masks.iter().position(|&x| x == mask).unwrap_or_else(|| {
            masks.push(mask);
            masks.len() - 1
        });
        let i = palette
            .iter()
            .position(|&p| p == script)
            .unwrap_or_else(|| {
                palette.push(script);
                palette.len() - 1
            });
        let (i, m) = (
            u8::try_from(i).unwrap(),
            u8::try_from(m).expect("at most 256 masks"),
        );
        assert!(i != MIXED);
        blocks.push(u16::from(m) << 8 | u16::from(i));
    }
    let (sv0, sv1, sv2) = unicode_script::UNICODE_VERSION;
    let mut s = header(
        &format!(
            "Script and Script_Extensions of the unicode-script crate (Unicode {sv0}.{sv1}.{sv2}) minus data/unassigned-{}.txt",
            crate::fast::UNICODE_VERSION
        ),
        fnv1a(source.as_bytes()),
    );
    let clean = blocks
        .iter()
        .filter(|&&b| b >> 8 == 0 && b as u8 != MIXED)
        .count();
    writeln!(
        s,
        "//\n// {} blocks of {BLOCK} code points: {clean} of one script, {} of one script but for the\n// code points of an exception mask ({} masks).\n",
        blocks.len(),
        blocks.iter().filter(|&&b| b >> 8 != 0).count(),
        masks.len(),
    )
    .unwrap();
    writeln!(s, "use unicode_script::Script;\n").unwrap();
    writeln!(s, "/// Code points per block of [`BLOCKS`].").unwrap();
    writeln!(
        s,
        "pub(crate) const BLOCK_BITS: u32 = {};",
        BLOCK.trailing_zeros()
    )
    .unwrap();
    writeln!(s).unwrap();
    writeln!(s, "/// The scripts [`BLOCKS`] names.").unwrap();
    writeln!(
        s,
        "pub(crate) static PALETTE: [Script; {}] = [",
        palette.len()
    )
    .unwrap();
    for script in &palette {
        writeln!(s, "    Script::{script:?},").unwrap();
    }
    writeln!(s, "];").unwrap();
    writeln!(s).unwrap();
    writeln!(
        s,
        "/// The code points of a block that do not have its script (bit `c % {BLOCK}`).",
    )
    .unwrap();
    writeln!(s, "pub(crate) static MASKS: [u32; {}] = [", masks.len()).unwrap();
    for row in masks.chunks(8) {
        let line: Vec<String> = row.iter().map(|m| format!("0x{m:08X}")).collect();
        writeln!(s, "    {},", line.join(", ")).unwrap();
    }
    writeln!(s, "];").unwrap();
    writeln!(s).unwrap();
    writeln!(
        s,
        "/// Per block of the BMP: `mask << 8 | script`, the index in [`MASKS`] of its\n/// exceptions and the index in [`PALETTE`] of the script of its other\n/// assigned code points (Script, and Script_Extensions that script alone);\n/// script {MIXED}: none."
    )
    .unwrap();
    writeln!(s, "pub(crate) static BLOCKS: [u16; {}] = [", blocks.len()).unwrap();
    for row in blocks.chunks(16) {
        let line: Vec<String> = row.iter().map(|b| b.to_string()).collect();
        writeln!(s, "    {},", line.join(", ")).unwrap();
    }
    writeln!(s, "];").unwrap();
    writeln!(s).unwrap();
    writeln!(
        s,
        "/// The UTS #39 skeleton of each ASCII character (of the unicode-security crate),\n/// where it is ASCII."
    )
    .unwrap();
    writeln!(
        s,
        "pub(crate) static ASCII_SKELETONS: [Option<&str>; 128] = ["
    )
    .unwrap();
    for row in (0u8..128).collect::<Vec<_>>().chunks(4) {
        let line: Vec<String> = row
            .iter()
            .map(|&b| {
                let skeleton: String =
                    unicode_security::skeleton(&char::from(b).to_string()).collect();
                if skeleton.is_ascii() {
                    format!("Some({skeleton:?})")
                } else {
                    "None".to_string()
                }
            })
            .collect();
        writeln!(s, "    {},", line.join(", ")).unwrap();
    }
    writeln!(s, "];").unwrap();
    // Characters beyond ASCII that are their own skeleton and have
    // canonical combining class 0: a text of those and of ASCII with ASCII
    // skeletons is its own NFD, and so is the concatenation of their
    // skeletons.
    let mut own = vec![0u64; 0x1_0000 / 64];
    for c in ('\u{80}'..='\u{FFFF}').filter(|&c| canonical_combining_class(c) == 0) {
        let mut buf = [0; 4];
        let mut skeleton = unicode_security::skeleton(c.encode_utf8(&mut buf));
        if skeleton.next() == Some(c) && skeleton.next().is_none() {
            own[c as usize / 64] |= 1 << (c as usize % 64);
        }
    }
    writeln!(s).unwrap();
    writeln!(
        s,
        "/// The characters of the BMP beyond ASCII that are their own UTS #39 skeleton and\n/// canonical starters (bit `c % 64` of word `c / 64`): {} of them.",
        own.iter().map(|w| w.count_ones()).sum::<u32>()
    )
    .unwrap();
    writeln!(
        s,
        "pub(crate) static OWN_SKELETON: [u64; {}] = [",
        own.len()
    )
    .unwrap();
    for row in own.chunks(4) {
        let line: Vec<String> = row.iter().map(|w| format!("0x{w:016X}")).collect();
        writeln!(s, "    {},", line.join(", ")).unwrap();
    }
    writeln!(s, "];").unwrap();
    Output {
        path: "src/generated/scripts.rs",
        text: s,
    }
}
