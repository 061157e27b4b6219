//! The CLI's line reader (`src/cli/lines.rs`) against the plain definition of lines
//! (`fuzz/cli_invariants.rs`, `lines_input`).

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../cli_invariants.rs"]
#[allow(dead_code)]
mod cli_invariants;
#[path = "../../src/cli/jsonw.rs"]
#[allow(dead_code)]
mod jsonw;
#[path = "../../src/cli/lines.rs"]
#[allow(dead_code)]
mod lines;

fuzz_target!(|data: &[u8]| cli_invariants::lines_input(data));
