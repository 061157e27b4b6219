//! Normalisation: input bytes to the A-label and U-label forms of a name.
//!
//! Three paths, chosen per label, all producing exactly what
//! `idna::uts46::Uts46::to_ascii` produces under the strict flags of the
//! design (the differential tests and `tests/idna_test_v2.rs` hold them to
//! it):
//!
//! 1. **ASCII**: lowercase and check LDH in one scan into the inline output
//!    buffer. No `idna` call, no heap.
//! 2. **Unicode fast path**: every code point is ASCII, a fullwidth letter,
//!    digit or hyphen (mapped to ASCII), or in the generated fast set (code
//!    points UTS #46 leaves unchanged and valid, NFC-stable, strong LTR, not
//!    marks or joiners; see `codegen/src/fast.rs`). No mapping,
//!    normalisation, bidi or CONTEXTJ rule can fire on such a label, so only
//!    the hyphen rules are checked before Punycode encoding.
//! 3. **UTS #46 slow path**: anything else goes through the `idna` crate's own
//!    mapping and normalisation data (`idna_adapter`), followed by the full
//!    validity criteria in [`crate::format`].
//!
//! An `xn--` label is decoded once; if the decoded code points are all in the
//! fast set only the hyphen rules remain, else the decoded label gets the full
//! validity check.

use idna_adapter::Adapter;
use smallvec::SmallVec;

use crate::format::{self, ascii_allowed, check_hyphens, ASCII_MAP, MAX_LABEL, MAX_NAME};
use crate::generated::idna_tables::{FAST_BLOCKS, FAST_INDEX, FAST_LIMIT, NEWER_THAN_PINNED};
use crate::labels::{dot_len, input_label_span, label_end, strip_root_dot};
use crate::punycode;
use crate::verdict::{Flag, Flags, NameBuf, Verdict};
use crate::{Reason, Rejection};

/// The UTS #46 data of the `idna` crate (ICU4X compiled data; no start-up work).
static DATA: Adapter = Adapter::new();

/// `true` if `c` is in the generated fast set.
#[inline(always)]
pub(crate) fn is_fast(c: char) -> bool {
    let c = c as u32;
    if c >= FAST_LIMIT {
        return false;
    }
    let block = &FAST_BLOCKS[usize::from(FAST_INDEX[(c >> 8) as usize])];
    (block[((c >> 6) & 3) as usize] >> (c & 63)) & 1 != 0
}

/// `true` if `c` is unassigned in the pinned Unicode version (that of
/// IdnaTestV2.txt), which UTS #46 therefore disallows, but the `idna` crate's
/// newer data allows. See `tests/idna_test_v2.rs`, `newer_unicode_is_refused`.
fn is_newer_than_pinned(c: char) -> bool {
    let c = c as u32;
    NEWER_THAN_PINNED
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                core::cmp::Ordering::Less
            } else if lo > c {
                core::cmp::Ordering::Greater
            } else {
                core::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The ASCII character a fullwidth letter, digit or hyphen maps to under
/// UTS #46 (lowercase for letters).
#[inline(always)]
fn fullwidth_ldh(c: char) -> Option<u8> {
    let c = c as u32;
    let b = match c {
        0xFF10..=0xFF19 => b'0' + (c - 0xFF10) as u8,
        0xFF21..=0xFF3A => b'a' + (c - 0xFF21) as u8,
        0xFF41..=0xFF5A => b'a' + (c - 0xFF41) as u8,
        0xFF0D => b'-',
        _ => return None,
    };
    Some(b)
}

#[cfg(test)]
pub(crate) fn fullwidth_ldh_for_tests(c: char) -> Option<u8> {
    fullwidth_ldh(c)
}

/// Normalises and format-checks `input`.
///
/// `underscore` allows `_` in labels (the `dns` profile, RFC 2181 §11).
pub(crate) fn normalize(input: &[u8], underscore: bool) -> Result<Verdict, Rejection> {
    if input.is_empty() {
        return Err(Rejection::new(Reason::Empty, None, 0..0));
    }
    let text = match core::str::from_utf8(input) {
        Ok(text) => text,
        Err(e) => {
            let at = e.valid_up_to();
            let len = e.error_len().unwrap_or(input.len() - at);
            let label = input[..at].iter().filter(|&&b| b == b'.').count();
            return Err(Rejection::new(
                Reason::InvalidChar,
                Some(label),
                at..at + len,
            ));
        }
    };
    let (body, root_dot) = strip_root_dot(text.as_bytes());
    let mut n = Normalizer {
        // `strip_root_dot` cut at a separator, which is a char boundary.
        body: &text[..body.len()],
        underscore,
        ascii: NameBuf::new(),
        unicode: NameBuf::new(),
        chars: SmallVec::new(),
        idn: false,
        rtl: false,
        mapped: false,
    };
    n.run()?;
    let mut flags = Flags::default();
    if root_dot {
        flags.insert(Flag::RootDot);
    }
    if n.idn {
        flags.insert(Flag::Idn);
    }
    if n.mapped {
        flags.insert(Flag::Mapped);
    }
    Ok(Verdict {
        ascii: n.ascii,
        unicode: n.unicode,
        flags,
    })
}

struct Normalizer<'i> {
    /// The input without its root dot.
    body: &'i str,
    underscore: bool,
    /// The A-label form so far.
    ascii: NameBuf,
    /// The U-label form so far; empty until the first internationalised label.
    unicode: NameBuf,
    /// The current label's code points (Unicode paths only).
    chars: SmallVec<[char; 64]>,
    idn: bool,
    rtl: bool,
    mapped: bool,
}

impl Normalizer<'_> {
    fn run(&mut self) -> Result<(), Rejection> {
        let bytes = self.body.as_bytes();
        let mut start = 0;
        let mut index = 0;
        loop {
            if index > 0 {
                self.ascii.push(b'.');
                if self.idn {
                    self.unicode.push(b'.');
                }
            }
            if start == bytes.len() || dot_len(bytes, start).is_some() {
                return Err(Rejection::new(
                    Reason::EmptyLabel,
                    Some(index),
                    start..start,
                ));
            }
            let end = self.label(start, index)?;
            if self.ascii.len() > MAX_NAME {
                return Err(self.too_long());
            }
            if end == bytes.len() {
                break;
            }
            let dot = dot_len(bytes, end).unwrap_or(1);
            self.mapped |= dot != 1;
            start = end + dot;
            index += 1;
        }
        if self.rtl {
            self.check_bidi()?;
        }
        Ok(())
    }

    fn too_long(&self) -> Rejection {
        Rejection::new(Reason::TooLong, None, 0..self.body.len())
    }

    /// Processes the label at `start`, returning its end (the index of the
    /// separator after it, or the end of the body).
    #[inline(always)]
    fn label(&mut self, start: usize, index: usize) -> Result<usize, Rejection> {
        let bytes = self.body.as_bytes();
        let out = self.ascii.len();
        let mut i = start;
        while i < bytes.len() {
            let b = bytes[i];
            let m = ASCII_MAP[usize::from(b)];
            if m == 0 || (m == b'_' && !self.underscore) {
                if b == b'.' {
                    break;
                }
                // A combining mark may still compose with an ASCII character
                // (`=` U+0338 is `≠`): the Unicode paths decide.
                if b >= 0x80 || bytes.get(i + 1).is_some_and(|&n| n >= 0x80) {
                    self.ascii.truncate(out);
                    return self.unicode_label(start, index);
                }
                return Err(Rejection::new(Reason::InvalidChar, Some(index), i..i + 1));
            }
            if i - start == MAX_LABEL {
                let end = label_end(bytes, start);
                return Err(Rejection::new(
                    Reason::LabelTooLong,
                    Some(index),
                    start..end,
                ));
            }
            if self.ascii.len() > MAX_NAME {
                return Err(self.too_long());
            }
            self.mapped |= m != b;
            self.ascii.push(m);
            i += 1;
        }
        self.ascii_label(start, i, index, out)?;
        Ok(i)
    }

    /// The rules for a label whose mapped form is ASCII, already written to
    /// `self.ascii[out..]`.
    fn ascii_label(
        &mut self,
        start: usize,
        end: usize,
        index: usize,
        out: usize,
    ) -> Result<(), Rejection> {
        let label = &self.ascii[out..];
        if label.starts_with(b"xn--") {
            return self.a_label(start, end, index, out);
        }
        check_hyphens(label, b'-').map_err(|r| Rejection::new(r, Some(index), start..end))?;
        if self.idn {
            self.unicode.extend_from_slice(&self.ascii[out..]);
        }
        Ok(())
    }

    /// A label with non-ASCII input: the fast path if every code point allows
    /// it, else the UTS #46 slow path.
    #[inline(never)]
    fn unicode_label(&mut self, start: usize, index: usize) -> Result<usize, Rejection> {
        let end = label_end(self.body.as_bytes(), start);
        self.chars.clear();
        let mut ascii_only = true;
        for c in self.body[start..end].chars() {
            let m = if c.is_ascii() {
                let m = ASCII_MAP[c as usize];
                if m == 0 || (m == b'_' && !self.underscore) {
                    // Disallowed, unless a following mark composes with it:
                    // the slow path maps first and locates the fault.
                    return self.slow_label(start, end, index);
                }
                self.mapped |= m != c as u8;
                char::from(m)
            } else if let Some(m) = fullwidth_ldh(c) {
                self.mapped = true;
                char::from(m)
            } else if is_fast(c) {
                ascii_only = false;
                c
            } else {
                return self.slow_label(start, end, index);
            };
            self.chars.push(m);
            if self.chars.len() > MAX_LABEL {
                return Err(Rejection::new(
                    Reason::LabelTooLong,
                    Some(index),
                    start..end,
                ));
            }
        }
        self.mapped_label(start, end, index, ascii_only, true)?;
        Ok(end)
    }

    /// The UTS #46 path: mapping and NFC by `idna`'s data, then the full
    /// validity criteria.
    #[inline(never)]
    fn slow_label(&mut self, start: usize, end: usize, index: usize) -> Result<usize, Rejection> {
        let segment = &self.body[start..end];
        if let Some((off, c)) = segment
            .char_indices()
            .find(|&(_, c)| is_newer_than_pinned(c))
        {
            let at = start + off;
            return Err(Rejection::new(
                Reason::InvalidChar,
                Some(index),
                at..at + c.len_utf8(),
            ));
        }
        self.chars.clear();
        let mut ascii_only = true;
        for c in DATA.map_normalize(segment.chars()) {
            let ok = if c.is_ascii() {
                ascii_allowed(c as u8, self.underscore)
            } else {
                ascii_only = false;
                c != '\u{FFFD}'
            };
            if !ok {
                let span = self.locate_invalid(start, end);
                return Err(Rejection::new(Reason::InvalidChar, Some(index), span));
            }
            self.chars.push(c);
            if self.chars.len() > MAX_LABEL {
                return Err(Rejection::new(
                    Reason::LabelTooLong,
                    Some(index),
                    start..end,
                ));
            }
        }
        // Ignored code points (soft hyphen, fillers) can map a label to nothing.
        if self.chars.is_empty() {
            return Err(Rejection::new(Reason::EmptyLabel, Some(index), start..end));
        }
        self.mapped |= !self.chars.iter().copied().eq(segment.chars());
        self.mapped_label(start, end, index, ascii_only, false)?;
        Ok(end)
    }

    /// The input span of the first code point in `start..end` that maps to
    /// something disallowed; the whole label if none does on its own.
    fn locate_invalid(&self, start: usize, end: usize) -> core::ops::Range<usize> {
        for (off, c) in self.body[start..end].char_indices() {
            let bad = DATA.map_normalize(core::iter::once(c)).any(|m| {
                m == '\u{FFFD}' || (m.is_ascii() && !ascii_allowed(m as u8, self.underscore))
            });
            if bad {
                return start + off..start + off + c.len_utf8();
            }
        }
        start..end
    }

    /// Finishes a label whose mapped code points are in `self.chars`.
    /// `fast` says whether they all came from the fast set.
    fn mapped_label(
        &mut self,
        start: usize,
        end: usize,
        index: usize,
        ascii_only: bool,
        fast: bool,
    ) -> Result<(), Rejection> {
        let fault = |r| Rejection::new(r, Some(index), start..end);
        let out = self.ascii.len();
        if ascii_only {
            self.ascii.extend(self.chars.iter().map(|&c| c as u8));
            return self.ascii_label(start, end, index, out);
        }
        // An `xn--` prefix announces Punycode, which is ASCII only.
        if self.chars.starts_with(&['x', 'n', '-', '-']) {
            return Err(fault(Reason::BadPunycode));
        }
        check_hyphens(&self.chars, '-').map_err(fault)?;
        if !fast {
            format::check_unicode_label(&DATA, &self.chars).map_err(fault)?;
            self.rtl |= self.chars.iter().any(|&c| format::is_rtl(&DATA, c));
        }
        self.begin_unicode(out);
        self.ascii.extend_from_slice(b"xn--");
        if !punycode::encode(&self.chars, &mut self.ascii) || self.ascii.len() - out > MAX_LABEL {
            return Err(fault(Reason::LabelTooLong));
        }
        let mut utf8 = [0; 4];
        for &c in &self.chars {
            self.unicode
                .extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
        }
        Ok(())
    }

    /// An `xn--` label, lowercased in `self.ascii[out..]`: decode it and check
    /// that it is a valid U-label (RFC 5891 §5.4, UTS #46 §4 step 4).
    fn a_label(
        &mut self,
        start: usize,
        end: usize,
        index: usize,
        out: usize,
    ) -> Result<(), Rejection> {
        let fault = |r| Rejection::new(r, Some(index), start..end);
        let label = &self.ascii[out..];
        // A trailing hyphen means "xn--" alone, or no Punycode digits after
        // the delimiter, which would decode to ASCII.
        if label.ends_with(b"-") || !punycode::decode(&label[4..], &mut self.chars) {
            return Err(fault(Reason::BadPunycode));
        }
        if self.chars.iter().all(char::is_ascii) {
            return Err(fault(Reason::BadPunycode));
        }
        let fast = self.chars.iter().all(|&c| {
            if c.is_ascii() {
                ascii_allowed(c as u8, false)
            } else {
                is_fast(c)
            }
        });
        if !fast {
            // The decoded label must be valid and NFC exactly as it stands.
            let valid = self.chars.iter().all(|&c| {
                if c.is_ascii() {
                    ascii_allowed(c as u8, false)
                } else {
                    !is_newer_than_pinned(c)
                }
            }) && DATA
                .normalize_validate(self.chars.iter().copied())
                .eq(self.chars.iter().copied());
            if !valid {
                return Err(fault(Reason::BadPunycode));
            }
        }
        check_hyphens(&self.chars, '-').map_err(fault)?;
        if !fast {
            format::check_unicode_label(&DATA, &self.chars).map_err(fault)?;
            self.rtl |= self.chars.iter().any(|&c| format::is_rtl(&DATA, c));
        }
        self.begin_unicode(out);
        let mut utf8 = [0; 4];
        for &c in &self.chars {
            self.unicode
                .extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
        }
        Ok(())
    }

    /// Switches on the U-label form at the first internationalised label:
    /// the labels before it (`self.ascii[..upto]`) are the same in both forms.
    fn begin_unicode(&mut self, upto: usize) {
        if !self.idn {
            self.idn = true;
            self.unicode.extend_from_slice(&self.ascii[..upto]);
        }
    }

    /// The bidi rule over every label, for a name with a right-to-left label.
    #[cold]
    fn check_bidi(&self) -> Result<(), Rejection> {
        let unicode = core::str::from_utf8(&self.unicode).unwrap_or_default();
        for (index, label) in unicode.split('.').enumerate() {
            let chars: SmallVec<[char; 64]> = label.chars().collect();
            if let Err(r) = format::check_bidi_label(&DATA, &chars) {
                let span = input_label_span(self.body.as_bytes(), index);
                return Err(Rejection::new(r, Some(index), span));
            }
        }
        Ok(())
    }
}
