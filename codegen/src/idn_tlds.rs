//! The known IDN top-level domains: every top-level label of the Public
//! Suffix List (both sections) that is not ASCII and whose code points are
//! all in the normaliser's fast set, with its Punycode form, in a table of
//! one slot per label (`src/idn_tlds.rs`, `known_tld`).
//!
//! The Punycode comes from `idna`'s encoder and is checked here against
//! dncheck's own. The slot function is the library's
//! (`__private::tld_key_slot`); this searches for a seed under which no two
//! labels share a slot, with the library's placement (`src/phf.rs`).

use crate::{fnv1a, header, Output};
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// The table has `1 << BITS` slots: some ten per label, so that a seed that
/// gives each its own is quick to find.
const BITS: u32 = 10;

pub fn generate(root: &std::path::Path) -> Output {
    let path = root.join("data/public_suffix_list.dat");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut tlds = BTreeSet::new();
    for line in text.lines() {
        let rule = line.split_whitespace().next().unwrap_or("");
        if rule.is_empty() || rule.starts_with("//") {
            continue;
        }
        let tld = rule.rsplit('.').next().unwrap_or(rule);
        if tld.is_ascii()
            || !tld
                .chars()
                .all(|c| c.is_ascii_lowercase() || dncheck::__private::is_fast(c))
        {
            continue;
        }
        tlds.insert(tld.to_owned());
    }
    let tlds: Vec<(String, String)> = tlds
        .into_iter()
        .map(|tld| {
            let a_label = idna::punycode::encode_str(&tld).expect("encodes");
            assert_eq!(
                dncheck::__private::punycode_encode(&tld).as_deref(),
                Some(a_label.as_str()),
                "{tld}: dncheck and idna disagree"
            );
            // A label the one-pass check would take as it stands: no
            // hyphen rule applies to these, and the A-label fits.
            assert!(!tld.contains('-') && 4 + a_label.len() <= 63, "{tld}");
            assert!(
                4 + a_label.len() <= dncheck::__private::KNOWN_TLD_ROOM,
                "{tld}"
            );
            (tld, a_label)
        })
        .collect();
    assert!(tlds.len() < 255, "slots hold an index + 1 in a byte");
    let slots = 1 << BITS;
    // Seeds under which every label, and every A-label, has a slot of its
    // own: odd multipliers from a fixed sequence, the first that works.
    let u_labels: Vec<&str> = tlds.iter().map(|(u, _)| u.as_str()).collect();
    let a_labels: Vec<String> = tlds.iter().map(|(_, a)| format!("xn--{a}")).collect();
    let (seed, table) = place(&u_labels, slots);
    let (a_seed, a_table) = place(
        &a_labels.iter().map(String::as_str).collect::<Vec<_>>(),
        slots,
    );
    let min = tlds.iter().map(|(t, _)| t.len()).min().unwrap_or(1);
    let max = tlds.iter().map(|(t, _)| t.len()).max().unwrap_or(0);
    let min_a = a_labels.iter().map(String::len).min().unwrap_or(1);
    let max_a = a_labels.iter().map(String::len).max().unwrap_or(0);

    let mut s = header("data/public_suffix_list.dat", fnv1a(text.as_bytes()));
    writeln!(
        s,
        "//\n// {} labels in {slots} slots; U-labels of {min} to {max} bytes.\n",
        tlds.len()
    )
    .unwrap();
    writeln!(
        s,
        "/// The seed of the slot function (`idn_tlds::tld_slot`)."
    )
    .unwrap();
    writeln!(s, "pub(crate) const SEED: u64 = 0x{seed:016x};").unwrap();
    writeln!(s, "/// The table has `1 << BITS` slots.").unwrap();
    writeln!(s, "pub(crate) const BITS: u32 = {BITS};").unwrap();
    writeln!(s, "/// The shortest and longest U-label, in bytes.").unwrap();
    writeln!(s, "pub(crate) const MIN_BYTES: usize = {min};").unwrap();
    writeln!(s, "pub(crate) const MAX_BYTES: usize = {max};").unwrap();
    writeln!(s, "/// The seed of the A-label slots.").unwrap();
    writeln!(s, "pub(crate) const A_SEED: u64 = 0x{a_seed:016x};").unwrap();
    writeln!(
        s,
        "/// The shortest and longest A-label (`xn--` included), in bytes."
    )
    .unwrap();
    writeln!(s, "pub(crate) const MIN_A_BYTES: usize = {min_a};").unwrap();
    writeln!(s, "pub(crate) const MAX_A_BYTES: usize = {max_a};").unwrap();
    writeln!(s).unwrap();
    writeln!(s, "use crate::idn_tlds::KnownTld;").unwrap();
    writeln!(s).unwrap();
    writeln!(
        s,
        "/// Each label: its key words, the label, its A-label (padded) and length."
    )
    .unwrap();
    writeln!(s, "pub(crate) static TLDS: [KnownTld; {}] = [", tlds.len()).unwrap();
    for (tld, a_label) in &tlds {
        let ((first, last, _), _) = dncheck::__private::tld_key_slot(tld, 0, BITS);
        let a_label = format!("xn--{a_label}");
        let mut padded = a_label.clone().into_bytes();
        padded.resize(dncheck::__private::KNOWN_TLD_ROOM, 0);
        writeln!(
            s,
            "    KnownTld {{ first: 0x{first:016x}, last: 0x{last:016x}, u_label: {tld:?}, a_label: *b{:?}, a_len: {} }},",
            String::from_utf8(padded).unwrap(),
            a_label.len()
        )
        .unwrap();
    }
    writeln!(s, "];").unwrap();
    writeln!(s).unwrap();
    write_slots(&mut s, "SLOTS", "keyed by the U-labels", &table);
    writeln!(s).unwrap();
    write_slots(&mut s, "A_SLOTS", "keyed by the A-labels", &a_table);
    Output {
        path: "src/generated/idn_tlds.rs",
        text: s,
    }
}

/// Writes a slot array: per slot, the index in `TLDS` plus one, 0 for an
/// empty slot.
fn write_slots(s: &mut String, name: &str, keyed: &str, table: &[u8]) {
    writeln!(
        s,
        "/// Per slot, {keyed}: the index in `TLDS` plus one; 0 for an empty slot."
    )
    .unwrap();
    writeln!(s, "pub(crate) static {name}: [u8; 1 << BITS] = [").unwrap();
    for row in table.chunks(32) {
        let line: Vec<String> = row.iter().map(u8::to_string).collect();
        writeln!(s, "    {},", line.join(", ")).unwrap();
    }
    writeln!(s, "];").unwrap();
}

/// A seed under which each of `keys` has a slot of its own in a table of
/// `slots` slots, and that table (index + 1 per slot): odd multipliers from a
/// fixed sequence, the first that works.
///
/// The library's hash-and-displace placement (`__private::phf_place`) with
/// one bucket: its pilot is the index of the seed in the sequence, and the
/// placement takes the first pilot under which the keys' slots are
/// distinct. The lookup (`punycode::tld_slot`) has the seed as a constant,
/// so it reads no pilot.
fn place(keys: &[&str], slots: usize) -> (u64, Vec<u8>) {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let seeds: Vec<u64> = (0..=u16::MAX)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state | 1
        })
        .collect();
    let (pilots, slot_of) = dncheck::__private::phf_place(
        keys,
        1,
        slots,
        |_| 0,
        |key, pilot| dncheck::__private::tld_key_slot(key, seeds[usize::from(pilot)], BITS).1,
    )
    .expect("one of the first 65,536 seeds gives each key a slot of its own");
    let mut table = vec![0u8; slots];
    for (i, &slot) in slot_of.iter().enumerate() {
        table[slot] = i as u8 + 1;
    }
    (seeds[usize::from(pilots[0])], table)
}
