//! End to end: arbitrary bytes through every profile, with the invariants of
//! `fuzz/invariants/` (shape of accepted names, idempotence, spans of
//! refusals, nesting of profiles, and the differential against `idna`).

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../invariants/mod.rs"]
#[allow(dead_code)]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::check_input(data));
