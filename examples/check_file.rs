//! Checks a file of domain names, one a line, and prints how many were
//! accepted and how many were refused for each reason, with an example of
//! each.
//!
//! ```text
//! cargo run --example check_file -- names.txt
//! cut -f2 benches/data/corpus.tsv | cargo run --example check_file
//! ```
//!
//! With no argument (or `-`) it reads standard input. Lines are read as
//! bytes: a line that is not UTF-8 is checked too (and refused as
//! `invalid_char`), as the `dncheck` CLI does.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader};

use dncheck::{Checker, Flag, Reason};

fn main() -> io::Result<()> {
    let input: Box<dyn BufRead> = match std::env::args().nth(1) {
        Some(path) if path != "-" => Box::new(BufReader::new(File::open(path)?)),
        _ => Box::new(io::stdin().lock()),
    };
    // The registration profile and the embedded lists. Build a checker once
    // and share it: it holds the configuration, checking allocates nothing
    // for ASCII names.
    let checker = Checker::default();

    let mut accepted = 0usize;
    // Per reason: how many, and the first input refused for it.
    let mut refused: BTreeMap<&'static str, (usize, String)> = BTreeMap::new();
    let mut note = |reason: Reason, line: &[u8]| {
        let entry = refused
            .entry(reason.as_str())
            .or_insert_with(|| (0, String::from_utf8_lossy(line).into_owned()));
        entry.0 += 1;
    };

    for line in input.split(b'\n') {
        let mut line = line?;
        if line.last() == Some(&b'\r') {
            line.pop(); // CRLF
        }
        match checker.check_bytes(&line) {
            // `check` accepts a name with a restricted word and flags it;
            // count it as refused here, as the CLI does.
            Ok(v) if v.flags().contains(Flag::Restricted) => note(Reason::RestrictedWord, &line),
            Ok(_) => accepted += 1,
            Err(rejection) => note(rejection.reason(), &line),
        }
    }

    let total = accepted + refused.values().map(|(n, _)| n).sum::<usize>();
    println!("{total} names, {accepted} accepted");
    for (reason, (n, example)) in &refused {
        println!("{n:>8}  {reason:<20} e.g. {example:?}");
    }
    Ok(())
}
