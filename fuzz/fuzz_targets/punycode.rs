//! Punycode: round trip of short strings, and both directions against
//! `idna::punycode`, with the invariants of `fuzz/invariants/`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../invariants/mod.rs"]
#[allow(dead_code)]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::punycode_input(data));
