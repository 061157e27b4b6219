//! Replays the committed fuzz seed corpus through the fuzz targets'
//! invariants, so that `cargo test` keeps every seed (and every crash
//! reproducer added to the corpus) passing without libFuzzer.
//!
//! The invariants live in one copy, `fuzz/invariants/`, shared with the
//! targets in `fuzz/fuzz_targets/`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

#[path = "../fuzz/invariants/mod.rs"]
mod invariants;

// The CLI's line reader and JSON writer, as the `lines` and `json` targets
// include them.
#[path = "../fuzz/cli_invariants.rs"]
mod cli_invariants;
#[path = "../src/cli/jsonw.rs"]
#[allow(dead_code)]
mod jsonw;
#[path = "../src/cli/lines.rs"]
#[allow(dead_code)]
mod lines;

/// The files of `fuzz/<dir>/`, sorted by name.
fn files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz").join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a readable directory entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

/// Runs `invariants` over every file of `fuzz/<dir>/`, which must hold at
/// least `min` files, and reports every file that fails.
fn replay(dir: &str, min: usize, invariants: fn(&[u8])) {
    let files = files(dir);
    assert!(
        files.len() >= min,
        "fuzz/{dir} has {} files, expected at least {min}",
        files.len()
    );
    let failed: Vec<String> = files
        .iter()
        .filter(|path| {
            let data = std::fs::read(path).expect("a readable corpus file");
            catch_unwind(AssertUnwindSafe(|| invariants(&data))).is_err()
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {} seeds fail (messages above):\n{}",
        failed.len(),
        files.len(),
        failed.join("\n")
    );
}

#[test]
fn check_corpus() {
    replay("corpus/check", 50, invariants::check_input);
}

#[test]
fn punycode_corpus() {
    replay("corpus/punycode", 15, invariants::punycode_input);
}

#[test]
fn suffix_corpus() {
    replay("corpus/suffix", 30, invariants::suffix_input);
}

#[test]
fn words_corpus() {
    replay("corpus/words", 25, invariants::words_input);
}

#[test]
fn lines_corpus() {
    replay("corpus/lines", 10, cli_invariants::lines_input);
}

#[test]
fn json_corpus() {
    replay("corpus/json", 10, cli_invariants::json_input);
}
