/*!
`dncheck` decides whether a string is a domain name that a registrar or DNS
host can accept, and exactly why not.

# Overview

One pass over the input, each stage a module of its own:

* **normalise** — an ASCII fast path (lowercase and LDH scan, no heap), a
  Unicode fast path for labels of code points that no UTS #46 rule can touch
  (Han, kana, Hangul, lowercase Latin, Cyrillic, Greek, ...), and the full
  [UTS #46](https://www.unicode.org/reports/tr46/) path through the `idna`
  crate for everything else; fullwidth dots `。．｡` separate labels;
* **format** — the rules of RFC 1035/1123 and RFC 5890-5893 as UTS #46 states
  them with `CheckHyphens`, `UseSTD3ASCIIRules`, `CheckBidi`, `CheckJoiners`
  and `VerifyDnsLength` (non-transitional);
* **verdict** — an accepted name as a [`Verdict`] with its canonical A-label
  key and U-label form, or a [`Rejection`] with a typed [`Reason`], the label
  and byte span at fault, the Alibaba Cloud and Tencent Cloud error codes, and
  messages in English and Chinese.

# Example

```
use dncheck::{Checker, Flag, Reason};

let checker = Checker::default();

let v = checker.check("例子。中国").unwrap();
assert_eq!(v.ascii(), "xn--fsqu00a.xn--fiqs8s");
assert_eq!(v.unicode(), "例子.中国");
assert!(v.flags().contains(Flag::Idn));

// Spelling variants share one canonical key.
assert_eq!(checker.check("例子.公司。CN.").unwrap().key(), checker.check("xn--fsqu00a.xn--55qx5d.cn").unwrap().key());

let err = checker.check("ab--cd.com").unwrap_err();
assert_eq!(err.reason(), Reason::Hyphen);
assert_eq!(err.reason().alibaba_code(), "InvalidDomainName.Format");
assert_eq!(err.reason().message_zh(), "标签以连字符开头或结尾，或第三、四位同时为连字符");
```

# Crate features

* **std** (default) — `std` support in `idna`, [`SuffixList::from_file`]
  and [`WordList::from_file`]. Without it the crate is `no_std` + `alloc`
  (`SuffixList::parse` and `WordList::parse` still load lists from text).
* **serde** — `Serialize` for the result types (used by the CLI).
* **cli** — builds the `dncheck` binary (`cargo run --features cli -- NAME`).
* **server** — builds the `dncheck-server` binary, an HTTP server answering
  Tencent Cloud `CheckIntlDomainNew` and Alibaba Cloud DNS
  `ApplyForRetrievalDomainName` requests (`docs/registrar.md`), and adds
  `registrar::request_id`.

The [`registrar`] module (duplicates, the 90 s cooldown, rate limits,
lookups of registered and hosted names) is `no_std` + `alloc`; with `std`
its lookups also load files.
*/

#![no_std]
#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

extern crate alloc;
#[cfg(any(test, feature = "std"))]
extern crate std;

pub use crate::{
    checker::{Checker, CheckerBuilder},
    flags::{Flag, Flags},
    labels::Labels,
    policy::{ParseProfileError, Profile},
    reason::{Reason, Rejection},
    registry::RegistryRule,
    suffix::{suffix_list_version, BuildError, Section, SuffixList, SuffixMatch},
    variants::VARIANTS_MAX,
    verdict::Verdict,
    words::{simplify_han, FindIter, Hit, WordList, WordListBuilder, WordListError},
};

/// The Unicode version of the repertoire dncheck accepts: that of the
/// IdnaTestV2.txt it conforms to. Code points first assigned in a later
/// version are refused as [`Reason::InvalidChar`], even where the `idna`
/// crate's newer data would allow them.
///
/// # Example
///
/// ```
/// assert_eq!(dncheck::UNICODE_VERSION, "17.0.0");
/// ```
pub const UNICODE_VERSION: &str = crate::generated::idna_tables::UNICODE_VERSION;

mod bytes;
mod checker;
mod flags;
mod format;
mod generated;
mod idn_tlds;
mod idna2008;
mod labels;
mod normalize;
mod phf;
mod policy;
mod punycode;
mod ranges;
mod reason;
pub mod registrar;
mod registry;
mod scripts;
mod suffix;
mod utf8;
mod variants;
mod verdict;
mod words;

#[cfg(test)]
mod tests;

/// The README's examples are doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

#[doc(hidden)]
pub mod __private {
    //! Internals exposed for the project's own tests, benches and fuzz
    //! targets. Not part of the public API; may change at any time.

    /// `true` if `c` is in the generated Unicode fast-path set.
    pub fn is_fast(c: char) -> bool {
        crate::normalize::is_fast(c)
    }

    /// `true` if `c` is unassigned in [`crate::UNICODE_VERSION`] but allowed
    /// by the `idna` crate's newer data (the generated `NEWER_THAN_PINNED`).
    pub fn is_newer_than_pinned(c: char) -> bool {
        crate::normalize::is_newer_than_pinned(c)
    }

    /// The Unicode version of the IDNA2008 derived-property table.
    pub const IDNA2008_TABLE_VERSION: &str = crate::generated::idna2008::TABLE_VERSION;

    /// The IDNA2008 derived property of `c` as the `registration` profile
    /// reads it: `PVALID`, `CONTEXTJ`, `CONTEXTO` or `DISALLOWED` (which
    /// includes UNASSIGNED).
    pub fn idna2008_property(c: char) -> &'static str {
        match crate::idna2008::property(c) {
            crate::idna2008::Property::Pvalid => "PVALID",
            crate::idna2008::Property::ContextJ => "CONTEXTJ",
            crate::idna2008::Property::ContextO => "CONTEXTO",
            crate::idna2008::Property::Disallowed => "DISALLOWED",
        }
    }

    /// Punycode-encodes a label (without `xn--`), as the normaliser does.
    pub fn punycode_encode(label: &str) -> Option<alloc::string::String> {
        let chars: alloc::vec::Vec<char> = label.chars().collect();
        // At most 7 base-36 digits per code point for labels this short.
        let mut out = alloc::vec![0u8; 8 * chars.len() + 16];
        let n = crate::punycode::encode::encode(&chars, &mut out)?;
        Some(out[..n].iter().map(|&b| char::from(b)).collect())
    }

    /// The key words of a label (first and last 8 bytes, length) and its
    /// slot in a known-TLD table of `1 << bits` slots under `seed`, for the
    /// generator.
    pub fn tld_key_slot(label: &str, seed: u64, bits: u32) -> ((u64, u64, usize), usize) {
        let key = crate::idn_tlds::tld_key(label.as_bytes(), 0);
        (key, crate::idn_tlds::tld_slot(key, seed, bits))
    }

    /// The hash-and-displace placement of the library's tables
    /// (`phf::place`: see there what it takes and guarantees), for the
    /// generator's known-TLD table.
    pub fn phf_place<K>(
        keys: &[K],
        buckets: usize,
        slots: usize,
        bucket: impl Fn(&K) -> usize,
        slot: impl Fn(&K, u16) -> usize,
    ) -> Option<(alloc::vec::Vec<u16>, alloc::vec::Vec<usize>)> {
        crate::phf::place(keys, buckets, slots, bucket, slot)
    }

    /// The room for a known TLD's A-label (`xn--` included).
    pub const KNOWN_TLD_ROOM: usize = crate::idn_tlds::KNOWN_TLD_ROOM;

    /// Punycode-encodes a label into `out`, as the normaliser does (for
    /// benchmarks: no allocation).
    pub fn punycode_encode_into(label: &[char], out: &mut [u8]) -> Option<usize> {
        crate::punycode::encode::encode(label, out)
    }

    /// The fold of `text` as the restricted-word matcher applies it, made
    /// explicit: each folded character with the byte range of the code point
    /// it comes from; a label separator as `.`; ignored code points left out.
    pub fn fold_text(text: &str, digits: bool) -> alloc::vec::Vec<(char, core::ops::Range<usize>)> {
        crate::words::fold::fold_text_vec(text, digits)
    }

    /// A word's folded form as the word-list builder makes it (UTS #46
    /// mapping, then the fold); `None` where the builder refuses the word.
    pub fn fold_word(word: &str, digits: bool) -> Option<alloc::string::String> {
        crate::words::fold::fold_word_string(word, digits)
    }

    /// Punycode-decodes a lowercase label (without `xn--`), as the normaliser
    /// does.
    pub fn punycode_decode(label: &str) -> Option<alloc::string::String> {
        let mut out = ['\0'; crate::punycode::decode::DECODE_CAP];
        match crate::punycode::decode::decode(label.as_bytes(), &mut out) {
            Some(n) => Some(out[..n].iter().collect()),
            // Too many code points for the normaliser's buffer: the general
            // decoder must still agree with `idna`.
            None => crate::punycode::decode::decode_any(label.as_bytes())
                .map(|v| v.into_iter().collect()),
        }
    }
}
