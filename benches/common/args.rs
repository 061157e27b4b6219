//! The command line of the measurement targets that are not criterion
//! benches (`benches/interleaved.rs`, `benches/instructions.rs`; included
//! with `#[path]`).
//!
//! `cargo bench --bench NAME -- ARGS` runs the target with `ARGS --bench`;
//! `cargo test --benches` (or `--all-targets`) runs it with no `--bench`.
//! So, as criterion does, a target measures only when it sees `--bench`,
//! and otherwise runs once over a small amount of work, as a test that it
//! still works. `scripts/measure.sh` passes `--bench` when it runs a
//! target's binary itself (under callgrind).
#![allow(dead_code)]

/// The arguments, without the flags cargo adds.
pub struct Args {
    /// `--bench` was given: measure in earnest.
    pub measure: bool,
    /// The other arguments, in order.
    pub rest: Vec<String>,
}

impl Args {
    /// The arguments of this process.
    pub fn get() -> Args {
        let mut measure = false;
        let mut rest = Vec::new();
        for arg in std::env::args().skip(1) {
            match arg.as_str() {
                "--bench" => measure = true,
                // What `cargo test` may pass to a test binary.
                a if a.starts_with("--") => {}
                _ => rest.push(arg),
            }
        }
        Args { measure, rest }
    }

    /// The `i`-th argument parsed as a count, or `default`; 1 when not
    /// measuring.
    pub fn count(&self, i: usize, default: usize) -> usize {
        if !self.measure {
            return 1;
        }
        match self.rest.get(i) {
            Some(s) => s
                .parse()
                .unwrap_or_else(|_| usage(&format!("not a count: {s:?}"))),
            None => default,
        }
    }
}

/// Prints `message` and exits with status 2.
pub fn usage(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(2)
}
