//! The invariants of the fuzz targets, in one copy.
//!
//! Included as a module with `#[path]` by the fuzz targets
//! (`fuzz/fuzz_targets/check.rs`, `punycode.rs`, `suffix.rs`, `words.rs`)
//! and by the corpus replay test of the main crate (`tests/fuzz_corpus.rs`),
//! so that `cargo test` checks every committed seed with exactly what the
//! fuzzer checks; the word-list oracle also by `tests/words.rs`. Everything
//! here uses only `dncheck`, `idna`, `publicsuffix`, `aho-corasick` and
//! `std`. One file a target:
//!
//! * `check.rs`: normalisation and the whole check, every profile, against
//!   `idna`;
//! * `punycode.rs`: the Punycode encoder and decoder against `idna`'s;
//! * `suffix.rs`: `SuffixList::lookup` against the `publicsuffix` crate;
//! * `words.rs`: the word list against `aho-corasick` on folded text.
//!
//! Every check panics (`assert!`) with the input in the message.

mod check;
mod punycode;
mod suffix;
mod words;

// Each user of this module calls some of these.
#[allow(unused_imports)]
pub use self::{
    check::check_input,
    punycode::punycode_input,
    suffix::suffix_input,
    words::{words_agree, words_input},
};

use dncheck::{Checker, Profile};
use idna::uts46::AsciiDenyList;

/// The label separators dncheck splits on: `.` and the three code points
/// UTS #46 maps to it.
const SEPARATORS: [&str; 4] = [".", "\u{3002}", "\u{FF0E}", "\u{FF61}"];

/// STD3 rules less `_`: the ASCII deny list that matches the `dns` profile
/// (all ASCII punctuation but `-`, `.` and `_`; controls and space).
const DNS_DENY_LIST: AsciiDenyList = AsciiDenyList::new(true, "!\"#$%&'()*+,/:;<=>?@[\\]^`{|}~");

/// Longest Punycode input dncheck decodes (`MAX_DECODE_INPUT` in
/// `src/punycode/decode.rs`); `idna`'s public decoder has no such limit.
const MAX_DECODE_INPUT: usize = 2000;

/// Longest string the `punycode` target round-trips, in code points: the
/// encoder takes at most `MAX_ENCODE_INPUT` (64), more than a DNS label has.
const MAX_ROUND_TRIP_CHARS: usize = 64;

/// `true` if `c` is unassigned in Unicode 17.0 (the version dncheck pins)
/// but assigned in the newer data of the `idna` crate, which dncheck
/// therefore refuses and `idna` accepts. The crate's own table, not a copy.
fn is_newer_than_pinned(c: char) -> bool {
    dncheck::__private::is_newer_than_pinned(c)
}

/// A checker for `profile`.
fn checker(profile: Profile) -> Checker {
    Checker::builder().profile(profile).build()
}

/// The number of labels the input has at most: label separators + 1.
///
/// Counted on bytes, so that it also bounds inputs that are not UTF-8.
fn max_labels(input: &[u8]) -> usize {
    let mut n = 1;
    let mut i = 0;
    while i < input.len() {
        let rest = &input[i..];
        if rest[0] == b'.' {
            n += 1;
            i += 1;
        } else if SEPARATORS[1..]
            .iter()
            .any(|s| rest.starts_with(s.as_bytes()))
        {
            n += 1;
            i += 3;
        } else {
            i += 1;
        }
    }
    n
}

/// The input without one trailing separator, as dncheck reads it.
fn strip_root(input: &str) -> &str {
    SEPARATORS
        .iter()
        .find_map(|dot| input.strip_suffix(dot))
        .unwrap_or(input)
}
