//! The Public Suffix List lookup: `SuffixList::lookup` on arbitrary strings
//! (no panic, the answer's shape), and against the `publicsuffix` crate on
//! names in A-label form, ICANN only and with the whole list, with the
//! invariants of `fuzz/invariants/`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../invariants/mod.rs"]
#[allow(dead_code)]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::suffix_input(data));
