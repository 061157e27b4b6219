//! The Public Suffix List table: `data/public_suffix_list.dat` run through
//! dncheck's own builder (`SuffixList::parse`, the one applications call at
//! run time) and written out as static arrays, so the embedded table and a
//! list loaded from a file are the same format behind the same lookup.

use crate::{fnv1a, header, Output};
use std::fmt::Write as _;

/// The date of the snapshot in `data/public_suffix_list.dat` (see
/// `data/README.md`). That copy has no `// VERSION:` header line; when a
/// newer list has one, the builder's version is used instead.
const SNAPSHOT_DATE: &str = "2026-08-19";

pub fn generate(root: &std::path::Path) -> Output {
    let path = root.join("data/public_suffix_list.dat");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let list =
        dncheck::SuffixList::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let version = list.version().unwrap_or(SNAPSHOT_DATE).to_owned();
    let (seed, parents, words, pilots, labels) = list.__raw_parts();
    assert!(labels.is_ascii(), "labels are A-labels");

    // `SuffixList::parse` merges the registry data (`src/registry.rs`,
    // compiled into dncheck) into the table: its files are part of the
    // source.
    let mut source = text.clone().into_bytes();
    for extra in ["data/reserved.txt", "data/suffix_rules.txt"] {
        let path = root.join(extra);
        source.extend(std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())));
    }
    let mut s = header(
        "data/public_suffix_list.dat, data/reserved.txt, data/suffix_rules.txt",
        fnv1a(&source),
    );
    writeln!(s, "//").unwrap();
    writeln!(
        s,
        "// {} slots, {} buckets, {} label bytes; {} bytes of table (layout: src/suffix/mod.rs).",
        parents.len(),
        pilots.len(),
        labels.len(),
        list.memory_usage()
    )
    .unwrap();
    writeln!(s).unwrap();
    writeln!(s, "/// The list's version.").unwrap();
    writeln!(s, "pub(crate) const VERSION: &str = {version:?};").unwrap();
    writeln!(s).unwrap();
    writeln!(s, "/// The path hash of the root.").unwrap();
    writeln!(s, "pub(crate) const SEED: u64 = 0x{seed:016x};").unwrap();
    writeln!(s).unwrap();
    writeln!(
        s,
        "/// Per slot: the parent's slot (65535: a TLD; 65534: an empty slot)."
    )
    .unwrap();
    writeln!(s, "pub(crate) static PARENTS: &[u16] = &[").unwrap();
    for row in parents.chunks(12) {
        let line: Vec<String> = row.iter().map(|c| format!("0x{c:04x}")).collect();
        writeln!(s, "    {},", line.join(", ")).unwrap();
    }
    writeln!(s, "];").unwrap();
    writeln!(s).unwrap();
    writeln!(
        s,
        "/// Per slot: the node word (label length, label offset, rule flags,\n\
         /// has-children bit, policy bits); 0 for an empty slot."
    )
    .unwrap();
    writeln!(s, "pub(crate) static WORDS: &[u32] = &[").unwrap();
    for row in words.chunks(8) {
        let line: Vec<String> = row.iter().map(|c| format!("0x{c:08x}")).collect();
        writeln!(s, "    {},", line.join(", ")).unwrap();
    }
    writeln!(s, "];").unwrap();
    writeln!(s).unwrap();
    writeln!(s, "/// Per hash bucket: the pilot that places its keys.").unwrap();
    writeln!(s, "pub(crate) static PILOTS: [u16; {}] = [", pilots.len()).unwrap();
    for row in pilots.chunks(10) {
        let line: Vec<String> = row.iter().map(|c| format!("0x{c:04x}")).collect();
        writeln!(s, "    {},", line.join(", ")).unwrap();
    }
    writeln!(s, "];").unwrap();
    writeln!(s).unwrap();
    writeln!(
        s,
        "/// The label bytes, shared where one label occurs inside another."
    )
    .unwrap();
    writeln!(s, "pub(crate) static LABELS: &[u8] = b\"\\").unwrap();
    for row in labels.chunks(100) {
        // A-labels: letters, digits and hyphens, nothing to escape.
        writeln!(s, "{}\\", std::str::from_utf8(row).unwrap()).unwrap();
    }
    writeln!(s, "\";").unwrap();
    Output {
        path: "src/generated/psl.rs",
        text: s,
    }
}
