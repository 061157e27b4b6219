//! The scripts stage's quick answer: for each block of 32 code points of
//! the Basic Multilingual Plane, the one script all its assigned code points
//! have, if they have one, as both Script and Script_Extensions (Latin,
//! Cyrillic, Greek, Hangul ... but not a block with a combining mark whose
//! extensions name several scripts). `src/scripts.rs` answers from it, and
//! asks the `unicode-script` crate only for the other blocks.
//!
//! Derived from the `unicode-script` crate itself. The code points
//! unassigned in dncheck's pinned Unicode version do not count: the
//! normaliser refuses them before the scripts stage sees a name.

use crate::{fnv1a, header, Output};
use std::fmt::Write as _;
use unicode_script::{Script, ScriptExtension, UnicodeScript};

/// Code points per block (a power of two).
const BLOCK: u32 = 32;
/// No script for the whole block.
const MIXED: u8 = u8::MAX;

pub fn generate(root: &std::path::Path) -> Output {
    let (unassigned, source) = crate::fast::unassigned(root);
    let assigned = |c: u32| !unassigned.iter().any(|&(a, b)| (a..=b).contains(&c));
    let mut palette: Vec<Script> = Vec::new();
    let mut blocks = Vec::new();
    for block in 0..0x1_0000 / BLOCK {
        // The script of every assigned code point of the block, if one, and
        // the code point's extensions are that script alone.
        let mut script = None;
        let mut uniform = true;
        for cp in block * BLOCK..(block + 1) * BLOCK {
            let Some(c) = char::from_u32(cp) else {
                continue; // surrogates
            };
            if !assigned(cp) {
                continue;
            }
            let s = c.script();
            if c.script_extension() != ScriptExtension::from(s) || script.is_some_and(|t| t != s) {
                uniform = false;
                break;
            }
            script = Some(s);
        }
        let entry = match (uniform, script) {
            (true, Some(s)) => {
                let i = palette.iter().position(|&p| p == s).unwrap_or_else(|| {
                    palette.push(s);
                    palette.len() - 1
                });
                u8::try_from(i).expect("fewer than 255 scripts")
            }
            _ => MIXED,
        };
        blocks.push(entry);
    }
    let (sv0, sv1, sv2) = unicode_script::UNICODE_VERSION;
    let mut s = header(
        &format!(
            "Script and Script_Extensions of the unicode-script crate (Unicode {sv0}.{sv1}.{sv2}) minus data/unassigned-{}.txt",
            crate::fast::UNICODE_VERSION
        ),
        fnv1a(source.as_bytes()),
    );
    let uniform = blocks.iter().filter(|&&b| b != MIXED).count();
    writeln!(
        s,
        "//\n// {uniform} of {} blocks of {BLOCK} code points have one script.\n",
        blocks.len()
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
        "/// Per block of the BMP: the index in [`PALETTE`] of the script of all its\n/// assigned code points (Script and Script_Extensions), or {MIXED}."
    )
    .unwrap();
    writeln!(s, "pub(crate) static BLOCKS: [u8; {}] = [", blocks.len()).unwrap();
    for row in blocks.chunks(32) {
        let line: Vec<String> = row.iter().map(|b| b.to_string()).collect();
        writeln!(s, "    {},", line.join(", ")).unwrap();
    }
    writeln!(s, "];").unwrap();
    Output {
        path: "src/generated/scripts.rs",
        text: s,
    }
}
