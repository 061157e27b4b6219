//! The restricted-word matcher against the `aho-corasick` crate: an
//! arbitrary word list (or its accepted tokens) and text, every hit of
//! `WordList::find_in` equal to the oracle's over the explicitly folded text
//! (`fuzz/invariants/`, `words_input`).

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../invariants/mod.rs"]
#[allow(dead_code)]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::words_input(data));
