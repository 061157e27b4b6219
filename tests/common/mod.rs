//! Helpers shared by the integration tests, one copy each. A test file
//! takes them with `mod common;` and uses what it needs; the rest is dead
//! code in that test crate, hence the `allow`.
//!
//! * [`counting`]: a counting global allocator, for the no-allocation tests
//!   (`tests/alloc.rs`, `tests/words.rs`);
//! * [`data`]: the repository's data files as the tests read them: the
//!   Public Suffix List's rules (`tests/suffix.rs`, `tests/differential.rs`)
//!   and the bench corpus and word list (`tests/suffix.rs`,
//!   `tests/words.rs`);
//! * [`words`]: the word matcher's oracle, `aho-corasick` over the
//!   explicitly folded text, built once for a whole list (`tests/words.rs`;
//!   the per-call version is `words_agree` in `fuzz/invariants/`, shared
//!   with the fuzz target).
#![allow(dead_code)]

pub mod counting;
pub mod data;
pub mod words;
