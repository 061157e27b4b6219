//! A `#![no_std]` crate that uses dncheck with default features off. If
//! dncheck (or anything it pulls in without `std`) needed the standard
//! library, this would not compile.
#![no_std]

extern crate alloc;

use dncheck::{Checker, Reason};

/// The canonical key's length, or the reason a name is refused.
pub fn key_len(name: &[u8]) -> Result<usize, Reason> {
    Checker::default()
        .check_bytes(name)
        .map(|v| v.key().len())
        .map_err(|e| e.reason())
}

/// The restricted words of the embedded list found in a name's labels.
pub fn restricted_words(name: &str) -> usize {
    dncheck::WordList::embedded().find_iter(name).count()
}
