//! The general path, label by label: ASCII labels, the Unicode fast path
//! per label, `xn--` labels decoded, and the UTS #46 slow path through the
//! `idna` crate's data, with the validity criteria of [`crate::format`].

use smallvec::SmallVec;

use super::plain::{fullwidth_ldh, is_fast, is_newer_than_pinned};
use super::{Normalized, UnicodeBuf};
use crate::format::{
    ascii_allowed, check_hyphens, DNS_CANON, DNS_MAP, LDH_CANON, LDH_MAP, MAX_LABEL, MAX_NAME,
};
use crate::labels::{dot_len, label_end};
use crate::reason::{Reason, Rejection};
use crate::utf8::decode_checked;

/// The normaliser's state over one name.
///
/// Both forms start out *borrowed*: as long as the input is canonical, the
/// A-label form of the labels so far is `body[..cursor]`, and so is the
/// U-label form once an internationalised label appeared without mapping.
/// Only when a label needs mapping, encoding or decoding does a form get
/// *owned*: its buffer is filled with the prefix so far, and from then on
/// every label is written to it. The common case (lowercase ASCII) thus
/// writes nothing at all.
pub(super) struct Normalizer<'h, 'o> {
    /// The input without its root dot. UTF-8 is validated per label, on the
    /// Unicode paths only: an ASCII label is checked byte by byte anyway.
    pub(super) body: &'h [u8],
    pub(super) underscore: bool,
    /// `LDH_MAP` or `DNS_MAP`: lowercase form of allowed ASCII, else 0.
    pub(super) map: &'static [u8; 256],
    /// `LDH_CANON` or `DNS_CANON`: bytes allowed as they are.
    pub(super) canon: &'static [bool; 256],
    /// The verdict; its buffer holds the owned A-label form.
    pub(super) out: &'o mut Normalized<'h>,
    /// The owned U-label form, copied after the A-label form at the end.
    pub(super) unicode: &'o mut UnicodeBuf,
    /// The length of the A-label form at the start of the current label.
    pub(super) label_apos: usize,
    /// The A-label form is in `out.buf` (else it is `body[..cursor]`).
    pub(super) ascii_owned: bool,
    /// The U-label form is in `unicode` (else it is the A-label form
    /// while `!idn`, and `body[..cursor]` once `idn`).
    pub(super) unicode_owned: bool,
    pub(super) idn: bool,
    pub(super) rtl: bool,
    pub(super) mapped: bool,
}

/// A label's code points on the Unicode paths (a label has at most 63).
pub(super) type Chars = SmallVec<[char; 64]>;

impl<'h, 'o> Normalizer<'h, 'o> {
    /// The normaliser of `body` (the input without its root dot), writing
    /// the A-label form to `out`'s buffer (which the caller empties) and an owned U-label
    /// form to `unicode`.
    #[inline]
    pub(super) fn new(
        body: &'h [u8],
        underscore: bool,
        out: &'o mut Normalized<'h>,
        unicode: &'o mut UnicodeBuf,
    ) -> Normalizer<'h, 'o> {
        Normalizer {
            body,
            underscore,
            map: if underscore { &DNS_MAP } else { &LDH_MAP },
            canon: if underscore { &DNS_CANON } else { &LDH_CANON },
            out,
            unicode,
            label_apos: 0,
            ascii_owned: false,
            unicode_owned: false,
            idn: false,
            rtl: false,
            mapped: false,
        }
    }

    pub(super) fn run(&mut self) -> Result<(), Rejection> {
        let bytes = self.body;
        let mut start = 0;
        let mut index = 0;
        loop {
            self.label_apos = if self.ascii_owned {
                self.out.buf.len()
            } else {
                start
            };
            let end = self.label(start, index)?;
            let ascii_len = if self.ascii_owned {
                self.out.buf.len()
            } else {
                end
            };
            if ascii_len > MAX_NAME {
                return Err(self.too_long());
            }
            if end == bytes.len() {
                return if self.rtl { self.check_bidi() } else { Ok(()) };
            }
            let dot = dot_len(bytes, end).unwrap_or(1);
            if dot != 1 {
                // `。．｡` are mapped to `.`: neither form is the input any more.
                self.mapped = true;
                if self.idn {
                    self.own_unicode(end, ascii_len);
                }
                self.own_ascii(end);
            }
            // At most 253 octets so far, so the dot fits.
            if self.ascii_owned {
                self.out.buf.push(b'.');
            }
            if self.unicode_owned {
                self.unicode.push(b'.');
            }
            start = end + dot;
            index += 1;
        }
    }

    fn too_long(&self) -> Rejection {
        Rejection::new(Reason::TooLong, None, 0..self.body.len())
    }

    /// Makes the A-label form owned: copies the input up to `upto`, which is
    /// the A-label form so far while it is borrowed.
    pub(super) fn own_ascii(&mut self, upto: usize) {
        if !self.ascii_owned {
            self.ascii_owned = true;
            if upto > 0 {
                self.out.buf.extend_from_slice(&self.body[..upto]);
            }
        }
    }

    /// Makes the U-label form owned. The U-label form so far is the A-label
    /// form so far (its first `ascii_upto` octets) while `!idn`, and the
    /// input up to `input_upto` once `idn` (while borrowed).
    fn own_unicode(&mut self, input_upto: usize, ascii_upto: usize) {
        if self.unicode_owned {
            return;
        }
        self.unicode_owned = true;
        let prefix = if self.idn {
            &self.body[..input_upto]
        } else if self.ascii_owned {
            &self.out.buf[..ascii_upto]
        } else {
            &self.body[..ascii_upto]
        };
        if !prefix.is_empty() {
            self.unicode.extend_from_slice(prefix);
        }
    }

    /// Makes the U-label form owned at the start of the current label.
    pub(super) fn own_unicode_here(&mut self, start: usize) {
        self.own_unicode(start, self.label_apos);
    }

    /// Appends to the owned A-label form, refusing a name that grows past
    /// 253 octets.
    pub(super) fn push_ascii(&mut self, bytes: &[u8]) -> Result<(), Rejection> {
        if self.out.buf.len() + bytes.len() > MAX_NAME {
            return Err(self.too_long());
        }
        self.out.buf.extend_from_slice(bytes);
        Ok(())
    }

    /// Processes the non-empty label at `start`, returning its end (the index
    /// of the separator after it, or the end of the body).
    #[inline(always)]
    fn label(&mut self, start: usize, index: usize) -> Result<usize, Rejection> {
        let bytes = self.body;
        // The fast scan: bytes that are already canonical, no writes. One
        // more than a label may hold, so the scan stays bounded.
        let limit = core::cmp::min(bytes.len(), start + MAX_LABEL + 1);
        let canon = self.canon;
        let mut i = start;
        while i < limit && canon[usize::from(bytes[i])] {
            i += 1;
        }
        let k = i - start;
        if k > MAX_LABEL {
            // The label's end is after the bytes just scanned (no separator).
            return Err(self.label_too_long(start, i, index));
        }
        if i == bytes.len() || bytes[i] == b'.' {
            if k == 0 {
                return Err(Rejection::new(
                    Reason::EmptyLabel,
                    Some(index),
                    start..start,
                ));
            }
            if self.ascii_owned {
                self.push_ascii(&bytes[start..i])?;
            }
            self.ascii_label(start, i, index, false)?;
            return Ok(i);
        }
        let b = bytes[i];
        // Non-ASCII; or a disallowed ASCII character, unless a mark after it
        // composes with it (`=` U+0338 is `≠`): the Unicode paths decide.
        if b >= 0x80 || bytes.get(i + 1).is_some_and(|&n| n >= 0x80) {
            return self.unicode_label(start, index);
        }
        if self.map[usize::from(b)] == 0 {
            return Err(Rejection::new(Reason::InvalidChar, Some(index), i..i + 1));
        }
        self.upper_label(start, index)
    }

    /// The refusal of the label at `start` as too long; its end (the next
    /// separator) is at `from` or after it.
    pub(super) fn label_too_long(&self, start: usize, from: usize, index: usize) -> Rejection {
        let end = label_end(self.body, from);
        Rejection::new(Reason::LabelTooLong, Some(index), start..end)
    }

    /// An ASCII label with upper case: written lowercased.
    #[inline(never)]
    fn upper_label(&mut self, start: usize, index: usize) -> Result<usize, Rejection> {
        let bytes = self.body;
        self.mapped = true;
        if self.idn {
            self.own_unicode_here(start);
        }
        self.own_ascii(start);
        let map = self.map;
        // One more than a label may hold, so the scan stays bounded.
        let limit = core::cmp::min(bytes.len(), start + MAX_LABEL + 1);
        let mut i = start;
        while i < limit && map[usize::from(bytes[i])] != 0 {
            i += 1;
        }
        if i - start > MAX_LABEL {
            return Err(self.label_too_long(start, i, index));
        }
        if i < bytes.len() && bytes[i] != b'.' {
            if bytes[i] >= 0x80 || bytes.get(i + 1).is_some_and(|&n| n >= 0x80) {
                return self.unicode_label(start, index);
            }
            return Err(Rejection::new(Reason::InvalidChar, Some(index), i..i + 1));
        }
        self.push_ascii(&[0; MAX_LABEL][..i - start])?;
        let pos = self.out.buf.len() - (i - start);
        for (o, &b) in self.out.buf[pos..].iter_mut().zip(&bytes[start..i]) {
            *o = map[usize::from(b)];
        }
        self.ascii_label(start, i, index, true)?;
        Ok(i)
    }

    /// The rules for a label whose mapped form is ASCII: the input
    /// `body[start..end]` when `!lowered`, else the lowercase form just
    /// written to the owned A-label form from `label_apos` on.
    #[inline(always)]
    pub(super) fn ascii_label(
        &mut self,
        start: usize,
        end: usize,
        index: usize,
        lowered: bool,
    ) -> Result<(), Rejection> {
        let label = if lowered {
            &self.out.buf[self.label_apos..]
        } else {
            &self.body[start..end]
        };
        if label.starts_with(b"xn--") {
            if !lowered {
                // The input itself: no borrow of `self`, no copy.
                let body = self.body;
                return self.a_label(&body[start..end], start, end, index);
            }
            let mut copy = [0u8; MAX_LABEL];
            copy[..label.len()].copy_from_slice(label);
            return self.a_label(&copy[..label.len()], start, end, index);
        }
        check_hyphens(label, b'-').map_err(|r| Rejection::new(r, Some(index), start..end))?;
        if self.unicode_owned {
            let label = if lowered {
                &self.out.buf[self.label_apos..]
            } else {
                &self.body[start..end]
            };
            self.unicode.extend_from_slice(label);
        }
        Ok(())
    }

    /// A label with non-ASCII input: the fast path if every code point allows
    /// it, else the UTS #46 slow path.
    #[inline(never)]
    fn unicode_label(&mut self, start: usize, index: usize) -> Result<usize, Rejection> {
        // One pass: decode, find the end of the label, classify. Any code
        // point outside the fast path hands the label to the slow path.
        let bytes = self.body;
        let mut chars = Chars::new();
        let mut ascii_only = true;
        let mut changed = false;
        // A code point of `kept` was taken: the label needs the full validity
        // criteria, as on the slow path.
        let mut full = false;
        let mut i = start;
        while i < bytes.len() && bytes[i] != b'.' {
            let Some((c, len)) = decode_checked(bytes, i) else {
                return self.slow_label(start, index);
            };
            let m = if is_fast(c) {
                ascii_only = false;
                c
            } else if len == 1 {
                let m = self.map[c as usize];
                if m == 0 {
                    // Disallowed, unless a following mark composes with it:
                    // the slow path maps first and locates the fault.
                    return self.slow_label(start, index);
                }
                changed |= m != c as u8;
                char::from(m)
            } else if let Some(m) = fullwidth_ldh(c) {
                changed = true;
                char::from(m)
            } else if matches!(c, '\u{3002}' | '\u{FF0E}' | '\u{FF61}') {
                break;
            } else if kept(c, i == start) {
                ascii_only = false;
                full = true;
                c
            } else if self.fullwidth_disallowed(c, i + len) {
                return match self.refuse_fullwidth(i, len, index) {
                    Some(refusal) => Err(refusal),
                    None => self.slow_label(start, index),
                };
            } else {
                return self.slow_label(start, index);
            };
            chars.push(m);
            if chars.len() > MAX_LABEL {
                if full {
                    // The slow path reads the whole label before it counts
                    // (UTF-8, unassigned code points): let it decide.
                    return self.slow_label(start, index);
                }
                return Err(self.label_too_long(start, start, index));
            }
            i += len;
        }
        if i == start {
            // A label that is empty before an ideographic separator.
            return Err(Rejection::new(
                Reason::EmptyLabel,
                Some(index),
                start..start,
            ));
        }
        let segment = &bytes[start..i];
        self.mapped_label(&chars, changed, segment, start, i, index, ascii_only, !full)?;
        Ok(i)
    }

    /// `true` if `c`, followed by the input at `next`, is a fullwidth form
    /// that UTS #46 maps to ASCII this profile disallows (`！` to `!`), and
    /// an ASCII byte or the end follows it, so that no mark composes with
    /// the mapped character (`＝` U+0338 is `≠`).
    #[inline(always)]
    fn fullwidth_disallowed(&self, c: char, next: usize) -> bool {
        let c = c as u32;
        (0xFF01..=0xFF5E).contains(&c)
            && self.map[(c - 0xFEE0) as usize] == 0
            && self.body.get(next).is_none_or(|&b| b < 0x80)
    }

    /// The refusal of the label for the fullwidth form at `at` (`len` bytes)
    /// that maps to disallowed ASCII
    /// ([`fullwidth_disallowed`](Self::fullwidth_disallowed)): every code
    /// point before it maps to itself or to allowed ASCII, so it is the first
    /// that maps to anything not allowed, where the slow path locates the
    /// fault. `None` if the rest of the label is not UTF-8 or holds a code
    /// point newer than the pinned data, which the slow path reports first.
    #[cold]
    #[inline(never)]
    fn refuse_fullwidth(&self, at: usize, len: usize, index: usize) -> Option<Rejection> {
        let bytes = self.body;
        let mut i = at + len;
        while i < bytes.len() && dot_len(bytes, i).is_none() {
            match decode_checked(bytes, i) {
                Some((c, n)) if !is_newer_than_pinned(c) => i += n,
                _ => return None,
            }
        }
        Some(Rejection::new(
            Reason::InvalidChar,
            Some(index),
            at..at + len,
        ))
    }
}

/// Code points outside the fast set that the label path takes without
/// `idna`'s mapping: UTS #46 leaves each unchanged and valid, and where it is
/// taken NFC leaves the label unchanged around it, so the mapped label is
/// known without the slow path. Unlike the fast set they need the full
/// validity criteria (a joiner's context, a mark first, the bidi rule),
/// which the label then gets. Checked against `idna`'s data by
/// `kept_code_points_map_to_themselves`:
///
/// * the joiners ZWNJ and ZWJ (UTS #46 keeps them; they compose with
///   nothing);
/// * Hebrew letters, and the Arabic letters and digits of the basic block
///   (starters that compose with no code point before them);
/// * a combining diacritical mark (U+0300 to U+036F, less those UTS #46
///   maps or ignores) as the first code point of a label (`first`): no
///   code point before it to compose with, and what follows it on this path
///   is a starter, so nothing is reordered. The label is then refused
///   (`mark_start`), by the same check as on the slow path.
#[inline(always)]
fn kept(c: char, first: bool) -> bool {
    match c as u32 {
        0x200C | 0x200D => true,
        0x05D0..=0x05EA | 0x0621..=0x063A | 0x0641..=0x064A | 0x0660..=0x0669 => true,
        0x0300..=0x036F => first && !matches!(c as u32, 0x0340 | 0x0341 | 0x0343..=0x0345 | 0x034F),
        _ => false,
    }
}

/// Appends `chars` (at most 64 of them) as UTF-8, in one copy. With
/// `CLASSIFY`, also says whether they are all on the fast path: LDH (without
/// `_`) or in the fast set (else `true`).
pub(super) fn push_chars<const CLASSIFY: bool>(out: &mut UnicodeBuf, chars: &[char]) -> bool {
    let mut utf8 = [0u8; 4 * 64];
    let mut n = 0;
    let mut fast = true;
    for &c in chars.iter().take(64) {
        fast &= !CLASSIFY
            || if c.is_ascii() {
                ascii_allowed(c as u8, false)
            } else {
                is_fast(c)
            };
        let c = c as u32;
        // RFC 3629 §3, written out, each character in one 4-byte store:
        // `char::encode_utf8` into a sub-slice costs a bounds check and a
        // call per character. `n <= 4 * 63` before the last character.
        let (word, width) = if c < 0x80 {
            (c, 1)
        } else if c < 0x800 {
            (0x80C0 | (c >> 6) | ((c & 0x3F) << 8), 2)
        } else if c < 0x1_0000 {
            (
                0x80_80E0 | (c >> 12) | (((c >> 6) & 0x3F) << 8) | ((c & 0x3F) << 16),
                3,
            )
        } else {
            (
                0x8080_80F0
                    | (c >> 18)
                    | (((c >> 12) & 0x3F) << 8)
                    | (((c >> 6) & 0x3F) << 16)
                    | ((c & 0x3F) << 24),
                4,
            )
        };
        utf8[n..n + 4].copy_from_slice(&word.to_le_bytes());
        n += width;
    }
    out.extend_from_slice(&utf8[..n]);
    fast
}

#[cfg(test)]
mod tests {
    use super::super::uts46::DATA;
    use super::{is_fast, is_newer_than_pinned, kept, Normalizer};
    use crate::normalize::{Normalized, UnicodeBuf};
    use crate::reason::Rejection;
    use alloc::string::String;
    use alloc::vec::Vec;

    fn mapped(chars: &[char]) -> Vec<char> {
        DATA.map_normalize(chars.iter().copied()).collect()
    }

    /// What `kept` and `fullwidth_disallowed` assume of `idna`'s data: each
    /// kept code point maps to itself and is not in the fast set; a kept
    /// starter composes with nothing before or after it, and a kept mark
    /// with nothing after it, among the code points the label path takes
    /// (ASCII, fullwidth LDH, samples of the fast set, the kept ones); every
    /// fullwidth form U+FF01 to U+FF5E maps to the ASCII 0xFEE0 below it
    /// (lowercased).
    #[test]
    fn kept_code_points_map_to_themselves() {
        let kept_chars: Vec<char> = (0..0x11_0000u32)
            .filter_map(char::from_u32)
            .filter(|&c| kept(c, true))
            .collect();
        let starters: Vec<char> = kept_chars
            .iter()
            .copied()
            .filter(|&c| kept(c, false))
            .collect();
        let mut neighbours: Vec<char> = (0x21..0x7Fu8).map(char::from).collect();
        neighbours.extend("ＡＺａｚ０９－中国例é한ñßαжあア".chars());
        neighbours.extend(&starters);
        for &c in &kept_chars {
            assert_eq!(mapped(&[c]), [c], "{c:?}");
            assert!(!is_fast(c) && !is_newer_than_pinned(c), "{c:?}");
            for &n in &neighbours {
                // After a mark: what may follow it on the label path.
                if n.is_ascii() || is_fast(n) || kept(n, false) {
                    let pair = [c, mapped(&[n])[0]];
                    assert_eq!(mapped(&pair), pair, "{c:?} {n:?}");
                }
                if kept(c, false) {
                    let before = [mapped(&[n])[0], c];
                    assert_eq!(mapped(&before), before, "{n:?} {c:?}");
                }
            }
        }
        for c in 0xFF01..=0xFF5Eu32 {
            let c = char::from_u32(c).unwrap();
            let ascii = char::from_u32(c as u32 - 0xFEE0).unwrap();
            assert_eq!(mapped(&[c]), [ascii.to_ascii_lowercase()], "{c:?}");
        }
    }

    /// One name through `run` (the label path with its fast refusals), or
    /// with every label sent to the slow path, as `run` did before them.
    fn outcome(name: &str, underscore: bool, slow: bool) -> Result<(Vec<u8>, Vec<u8>), Rejection> {
        let body = name.as_bytes();
        let mut out = Normalized::empty(body);
        let mut unicode = UnicodeBuf::new();
        let mut n = Normalizer::new(body, underscore, &mut out, &mut unicode);
        if slow {
            // One label: the slow path, then the bidi rule as `run` checks it.
            n.own_ascii(0);
            n.slow_label(0, 0)?;
            if n.rtl {
                n.check_bidi()?;
            }
        } else {
            n.run()?;
        }
        let (ascii_owned, unicode_owned) = (n.ascii_owned, n.unicode_owned);
        let ascii = if ascii_owned {
            out.buf.to_vec()
        } else {
            body.to_vec()
        };
        Ok((
            ascii,
            if unicode_owned {
                unicode.to_vec()
            } else {
                Vec::new()
            },
        ))
    }

    /// The label path's own handling of joiners, Hebrew and Arabic letters, a
    /// mark first and fullwidth forms of disallowed ASCII gives exactly the
    /// slow path's answer: the same refusal (reason, label, span), or the same
    /// A-label form. Every label of up to three pieces, and the same after
    /// 60 letters (the length limits), in both profiles.
    #[test]
    fn fast_refusals_agree_with_the_slow_path() {
        let pieces = [
            "a",
            "Z",
            "-",
            "1",
            "_",
            "!",
            "=",
            "xn--",
            "é",
            "中",
            "Ａ",
            "－",
            "！",
            "＝",
            "＿",
            "＋",
            "\u{200D}",
            "\u{200C}",
            "א",
            "ב",
            "ب",
            "ـ",
            "٣",
            "۳",
            "\u{0301}",
            "\u{0340}",
            "\u{0338}",
            "\u{064B}",
            "\u{094D}",
            "क",
            "\u{0378}",
            "\u{E0100}",
            "\u{FFFD}",
            "a\u{0301}",
        ];
        let mut labels: Vec<String> = Vec::new();
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    labels.push([a, b, c].concat());
                }
            }
        }
        let long: Vec<String> = labels
            .iter()
            .take(400)
            .map(|l| "a".repeat(60) + l)
            .collect();
        labels.extend(long);
        let mut differing = 0usize;
        for label in &labels {
            for underscore in [false, true] {
                let fast = outcome(label, underscore, false);
                let slow = outcome(label, underscore, true);
                // The slow path writes the A-label form always; compare the
                // forms, not where they are.
                if fast != slow {
                    differing += 1;
                    assert_eq!(fast, slow, "{label:?} (underscore: {underscore})");
                }
            }
        }
        assert_eq!(differing, 0);
    }
}
