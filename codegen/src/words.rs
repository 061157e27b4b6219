//! The default restricted-word list: `data/restricted_words.txt` run through
//! dncheck's own builder (`WordList::parse`, the one applications call at
//! run time) and written out as static arrays, so the embedded automaton
//! and a list loaded from a file are the same format behind the same search.
//!
//! The builder folds with the tables of `src/generated/fold.rs` as compiled
//! into this run's dncheck: after a change to those, run the generator
//! twice (`main` says so).

use crate::{fnv1a, header, Output};
use std::fmt::Write as _;

fn array<T>(
    s: &mut String,
    doc: &str,
    name: &str,
    ty: &str,
    items: &[T],
    per_line: usize,
    f: impl Fn(&T) -> String,
) {
    writeln!(s).unwrap();
    writeln!(s, "/// {doc}").unwrap();
    writeln!(s, "pub(crate) static {name}: [{ty}; {}] = [", items.len()).unwrap();
    for row in items.chunks(per_line.max(1)) {
        let line: Vec<String> = row.iter().map(&f).collect();
        writeln!(s, "    {},", line.join(", ")).unwrap();
    }
    writeln!(s, "];").unwrap();
}

/// `M` for `u32::MAX`, else the number (in hex from the top bit on).
fn hex_or_m(x: u32) -> String {
    match x {
        u32::MAX => "M".to_string(),
        x if x >= 1 << 31 => format!("0x{x:x}"),
        x => x.to_string(),
    }
}

pub fn generate(root: &std::path::Path) -> Output {
    let path = root.join("data/restricted_words.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let list =
        dncheck::WordList::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let raw = list.__raw_parts();

    let mut s = header("data/restricted_words.txt", fnv1a(text.as_bytes()));
    writeln!(s, "//").unwrap();
    writeln!(
        s,
        "// {} words, {} slots, {} output entries, {} code pages; {} bytes (layout: src/words/mod.rs).",
        list.len(),
        raw.slots.len(),
        raw.outputs.len(),
        raw.pages.len() / 128,
        list.memory_usage()
    )
    .unwrap();
    writeln!(s).unwrap();
    writeln!(s, "/// Codes of the ASCII bytes.").unwrap();
    writeln!(s, "pub(crate) const ASCII: [u16; 128] = [").unwrap();
    for row in raw.ascii.chunks(16) {
        let line: Vec<String> = row.iter().map(|c| c.to_string()).collect();
        writeln!(s, "    {},", line.join(", ")).unwrap();
    }
    writeln!(s, "];").unwrap();
    array(
        &mut s,
        "Page of each 128-code-point block.",
        "INDEX",
        "u16",
        raw.index,
        16,
        |p| p.to_string(),
    );
    array(
        &mut s,
        "Code pages, 128 codes each; page 0 is all zeros.",
        "PAGES",
        "u16",
        raw.pages,
        16,
        |c| c.to_string(),
    );
    array(
        &mut s,
        "The two codes of each expanding code.",
        "EXPANSIONS",
        "[u16; 2]",
        raw.expansions,
        8,
        |[a, b]| format!("[{a}, {b}]"),
    );
    array(
        &mut s,
        "Double array: base, check (the parent; top bit: the state has output).",
        "SLOTS",
        "[u32; 2]",
        raw.slots,
        8,
        |&[b, c]| format!("[{}, {}]", hex_or_m(b), hex_or_m(c)),
    );
    array(
        &mut s,
        "Per slot: the failure link, the output list.",
        "LINKS",
        "[u32; 2]",
        raw.links,
        8,
        |&[f, o]| format!("[{}, {}]", hex_or_m(f), hex_or_m(o)),
    );
    array(
        &mut s,
        "Output lists (word indexes; the last has the top bit).",
        "OUTPUTS",
        "u32",
        raw.outputs,
        8,
        |o| format!("0x{o:x}"),
    );
    array(
        &mut s,
        "Words: text offset, length << 8 | folded length, category.",
        "WORDS",
        "[u32; 3]",
        raw.words,
        4,
        |&[o, l, c]| {
            format!(
                "[{o}, 0x{l:x}, {}]",
                if c == u32::MAX {
                    "M".to_string()
                } else {
                    c.to_string()
                }
            )
        },
    );
    array(
        &mut s,
        "Categories: text offset, length.",
        "CATEGORIES",
        "[u32; 2]",
        raw.categories,
        6,
        |[o, l]| format!("[{o}, {l}]"),
    );
    writeln!(s).unwrap();
    writeln!(s, "/// The words and categories as written.").unwrap();
    writeln!(s, "pub(crate) static TEXT: &str = {:?};", raw.text).unwrap();
    writeln!(s).unwrap();
    writeln!(s, "/// Digit substitution.").unwrap();
    writeln!(s, "pub(crate) const DIGITS: bool = {};", raw.digits).unwrap();
    writeln!(s).unwrap();
    writeln!(s, "/// `u32::MAX`: no parent, no output, no category.").unwrap();
    writeln!(s, "const M: u32 = u32::MAX;").unwrap();
    Output {
        path: "src/generated/words.rs",
        text: s,
    }
}
