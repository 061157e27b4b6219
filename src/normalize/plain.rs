//! The Unicode fast path: the generated fast set, and the common
//! internationalised name (canonical ASCII and fast-set labels) in one pass.

use super::{NameBuf, Normalized, NAME_ROOM};
use crate::format::{MAX_LABEL, MAX_NAME};
use crate::generated::idna_tables::{FAST_BLOCKS, FAST_INDEX, FAST_LIMIT, NEWER_THAN_PINNED};
use crate::idn_tlds;
use crate::labels::dot_len;
use crate::punycode;
use crate::ranges;
use crate::utf8::decode_checked;

/// `true` if `c` is in the generated fast set.
#[inline(always)]
pub(crate) fn is_fast(c: char) -> bool {
    let c = c as u32;
    // Most code points of Chinese names, and all in the set
    // (`cjk_unified_ideographs_are_all_in_the_fast_table`): no table lookup.
    CJK_UNIFIED.contains(&c) || in_fast_table(c)
}

/// The CJK Unified Ideographs block, all assigned since Unicode 14.
pub(crate) const CJK_UNIFIED: core::ops::RangeInclusive<u32> = 0x4E00..=0x9FFF;

/// The generated fast-set table.
#[inline(always)]
pub(crate) fn in_fast_table(c: u32) -> bool {
    if c >= FAST_LIMIT {
        return false;
    }
    let block = &FAST_BLOCKS[usize::from(FAST_INDEX[(c >> 8) as usize])];
    (block[((c >> 6) & 3) as usize] >> (c & 63)) & 1 != 0
}

/// `true` if `c` is unassigned in the pinned Unicode version (that of
/// IdnaTestV2.txt), which UTS #46 therefore disallows, but the `idna` crate's
/// newer data allows. See `tests/idna_test_v2.rs`, `newer_unicode_is_refused`.
pub(crate) fn is_newer_than_pinned(c: char) -> bool {
    ranges::contains(&NEWER_THAN_PINNED, c as u32)
}

/// The ASCII character a fullwidth letter, digit or hyphen maps to under
/// UTS #46 (lowercase for letters).
#[inline(always)]
pub(crate) fn fullwidth_ldh(c: char) -> Option<u8> {
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

/// The common internationalised case in one pass: `Some`, with the A-label
/// form written to `verdict.buf`, if every label of `body` is either
/// canonical ASCII (not `xn--`) or made of fast-path code points and LDH
/// with nothing to map, all within the length limits, the labels separated
/// by `.` or `。．｡` (`Some(true)` if any of the latter). Any other name,
/// valid or not, is left to the general path (which starts over and says
/// what is wrong): this pass only decides what it can decide cheaply, and
/// agrees with the general path on those names (the differential tests cover
/// both).
pub(super) fn is_plain_idn(
    body: &[u8],
    canon: &[bool; 256],
    verdict: &mut Normalized<'_>,
) -> Option<FullStops> {
    // The A-label form is written in place, in the verdict's inline buffer
    // (no heap). A name that fits in DNS limits fits in it at every step;
    // past the end, the general path takes the name (and refuses it).
    verdict.buf = NameBuf::from_elem(0, NAME_ROOM);
    let out = &mut verdict.buf[..];
    // The label being read: where its A-label starts in `out`, its code
    // points so far, its ASCII ones among them (written to `out` as they
    // come, from `label_at`; moved up to make room for `xn--` at the end if
    // the label is not ASCII), its non-ASCII ones for the encoder.
    let mut label_at = 0;
    let mut n = 0;
    let mut basic = 0;
    // A label of more non-ASCII code points (rare) is left to the general
    // path.
    let mut insertions = punycode::encode::Insertions::<16>::new();
    // The hyphen rules as the label goes (UTS #46 V2, V3; `check_hyphens`
    // on whole labels): a `-` at position 2, and whether the last code
    // point was a `-`.
    let mut hyphen_at_2 = false;
    let mut hyphen_last = false;
    let mut underscore = false;
    let mut idn = false;
    let mut stops = FullStops::default();
    let mut i = 0;
    loop {
        // The next code point, or the separator (and its length) that ends
        // the label: 0 at the end of the name. The tests are ordered and
        // shaped for the branch predictor: within a label, "not ASCII" and
        // "ASCII, not a separator" each repeat.
        let dot = match body.get(i) {
            Some(&b) if b >= 0x80 => {
                // A CJK Unified Ideograph (three UTF-8 bytes, E4 to E9 first)
                // is decoded and taken here: no overlong form or surrogate
                // can fall in its range, and the whole block is fast.
                if let Some(&[b0, b1, b2]) = body.get(i..i + 3) {
                    let c = u32::from(b0 & 0x0F) << 12
                        | u32::from(b1 & 0x3F) << 6
                        | u32::from(b2 & 0x3F);
                    let continued = (u16::from(b1) << 8 | u16::from(b2)) & 0xC0C0 == 0x8080;
                    if b0 & 0xF0 == 0xE0 && continued && CJK_UNIFIED.contains(&c) {
                        if n == MAX_LABEL {
                            return None;
                        }
                        insertions.push(c, n);
                        hyphen_last = false;
                        n += 1;
                        i += 3;
                        continue;
                    }
                }
                let (c, width) = decode_checked(body, i)?;
                if is_fast(c) {
                    if n == MAX_LABEL {
                        return None;
                    }
                    insertions.push(c as u32, n);
                    hyphen_last = false;
                    n += 1;
                    i += width;
                    continue;
                }
                if !matches!(c, '\u{3002}' | '\u{FF0E}' | '\u{FF61}') {
                    return None;
                }
                width
            }
            Some(&b) if b != b'.' => {
                if !canon[usize::from(b)] || n == MAX_LABEL {
                    return None;
                }
                hyphen_last = b == b'-';
                if hyphen_last {
                    // No leading `-`, no `--` at positions 2 and 3.
                    if n == 0 || (n == 3 && hyphen_at_2) {
                        return None;
                    }
                    hyphen_at_2 |= n == 2;
                }
                underscore |= b == b'_';
                *out.get_mut(label_at + basic)? = b;
                basic += 1;
                n += 1;
                i += 1;
                continue;
            }
            Some(_) => 1,
            None => 0,
        };
        if n == 0 || hyphen_last {
            return None;
        }
        let len = if insertions.len() == 0 {
            label_at + n
        } else {
            // No `_` in a label with non-ASCII characters (`dns` profile).
            if underscore {
                return None;
            }
            // `xn--`, the ASCII code points, then the encoded insertions.
            if basic > 0 {
                let moved = out.get_mut(label_at..label_at + 4 + basic)?;
                moved.copy_within(..basic, 4);
            }
            out.get_mut(label_at..label_at + 4)?
                .copy_from_slice(b"xn--");
            // The encoder stops where the label would be too long.
            let room = &mut out[..(label_at + MAX_LABEL).min(NAME_ROOM)];
            idn = true;
            insertions.encode(basic, room, label_at + 4 + basic)?
        };
        if len > MAX_NAME {
            return None;
        }
        if dot == 0 {
            // Names of ASCII labels (with `。` separators) are the general
            // path's: they have no U-label form of their own.
            verdict.buf.truncate(len);
            return idn.then_some(stops);
        }
        if dot != 1 {
            stops.record(i);
        }
        *out.get_mut(len)? = b'.';
        i += dot;
        label_at = len + 1;
        // The rest may be a known IDN top-level domain (`中国`, `公司`),
        // whose A-label is precomputed: no need to read it code point by
        // code point and encode it.
        if let Some(tld) = idn_tlds::known_tld(body, i) {
            let end = label_at + tld.a_len;
            if end > MAX_NAME {
                return None;
            }
            match out.get_mut(label_at..label_at + tld.a_label.len()) {
                Some(room) => room.copy_from_slice(&tld.a_label),
                None => out
                    .get_mut(label_at..end)?
                    .copy_from_slice(&tld.a_label[..tld.a_len]),
            }
            verdict.buf.truncate(end);
            return Some(stops);
        }
        n = 0;
        basic = 0;
        insertions.clear();
        hyphen_at_2 = false;
        hyphen_last = false;
        underscore = false;
    }
}

/// The A-label (`xn--` and Punycode) of the non-ASCII label `chars` and its
/// length; `None` if it would be longer than a label may be.
#[inline(always)]
pub(super) fn a_label_of(chars: &[char]) -> Option<([u8; MAX_LABEL], usize)> {
    let mut a_label = [0u8; MAX_LABEL];
    a_label[..4].copy_from_slice(b"xn--");
    let len = punycode::encode::encode(chars, &mut a_label[4..])?;
    Some((a_label, 4 + len))
}

/// Where the one-pass check found `。．｡` separators in a name (byte
/// offsets), so that its U-label form is written without looking for them
/// again.
#[derive(Default)]
pub(super) struct FullStops {
    at: [u16; 8],
    /// How many there are; beyond `at.len()` only counted.
    pub(super) count: usize,
}

impl FullStops {
    #[inline(always)]
    fn record(&mut self, at: usize) {
        if let Some(slot) = self.at.get_mut(self.count) {
            // The pass takes names of at most `4 * MAX_NAME` bytes.
            *slot = at as u16;
        }
        self.count += 1;
    }

    /// Appends `body` with each `。．｡` written as `.`: the whole body in one
    /// copy, then each stretch after a full stop moved down over it.
    pub(super) fn push_u_label(&self, out: &mut NameBuf, body: &[u8]) {
        let Some(stops) = self.at.get(..self.count) else {
            return push_with_full_stops(out, body);
        };
        let base = out.len();
        out.extend_from_slice(body);
        let u = &mut out[base..];
        let (mut read, mut write) = (0, 0);
        for &stop in stops {
            let stop = usize::from(stop);
            if write != read {
                u.copy_within(read..stop, write);
            }
            write += stop - read;
            u[write] = b'.';
            write += 1;
            read = stop + 3;
        }
        u.copy_within(read.., write);
        write += body.len() - read;
        out.truncate(base + write);
    }
}

/// Appends `body` with each `。．｡` written as `.`.
fn push_with_full_stops(out: &mut NameBuf, body: &[u8]) {
    let mut start = 0;
    let mut i = 0;
    while i < body.len() {
        match dot_len(body, i) {
            Some(3) => {
                out.extend_from_slice(&body[start..i]);
                out.push(b'.');
                i += 3;
                start = i;
            }
            _ => i += 1,
        }
    }
    out.extend_from_slice(&body[start..]);
}
