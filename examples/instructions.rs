//! Checks every name of one corpus category `REPS` times, with dncheck or
//! with `idna`'s `Uts46::to_ascii` (strict flags, root dot allowed), for
//! counting instructions under callgrind: `scripts/instructions.sh` runs it at
//! two repetition counts and divides the difference by the extra checks, so
//! the set-up (reading the corpus) cancels out. Instruction counts do not
//! depend on what else the machine is doing, unlike the criterion timings.
//!
//! ```text
//! cargo run --release --example instructions -- chinese dncheck 10
//! ```

use std::hint::black_box;

use dncheck::{Checker, Profile};
use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};

#[path = "../benches/common/corpus.rs"]
mod corpus;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(category), Some(which)) = (args.next(), args.next()) else {
        eprintln!("usage: instructions CATEGORY dncheck|check|idna [REPS]");
        std::process::exit(2);
    };
    let reps: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(10);
    let names = corpus::names(&category);
    let checker = Checker::default();
    let hosts = Checker::builder().profile(Profile::Hostname).build();
    let uts46 = Uts46::new();
    let mut accepted = 0usize;
    for _ in 0..reps {
        for &name in &names {
            let ok = match which.as_str() {
                "dncheck" => {
                    // Normalisation and the format rules: the work that
                    // `Uts46::to_ascii` does.
                    let r = checker.normalize(black_box(name));
                    black_box(&r);
                    r.is_ok()
                }
                "check" => {
                    // The whole pipeline, hostname profile.
                    let r = hosts.check(black_box(name));
                    black_box(&r);
                    r.is_ok()
                }
                "idna" => {
                    let r = uts46.to_ascii(
                        black_box(name).as_bytes(),
                        AsciiDenyList::STD3,
                        Hyphens::Check,
                        DnsLength::VerifyAllowRootDot,
                    );
                    black_box(&r);
                    r.is_ok()
                }
                _ => {
                    eprintln!("unknown function {which:?}: dncheck, check or idna");
                    std::process::exit(2);
                }
            };
            accepted += usize::from(ok);
        }
    }
    println!(
        "{category} {which}: {} names x {reps}, {accepted} accepted",
        names.len()
    );
}
