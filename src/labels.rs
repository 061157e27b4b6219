//! Label boundaries.
//!
//! UTS #46 maps exactly three code points to U+002E FULL STOP (the table in
//! `idna` 1.1 was checked exhaustively): U+3002 IDEOGRAPHIC FULL STOP `。`,
//! U+FF0E FULLWIDTH FULL STOP `．` and U+FF61 HALFWIDTH IDEOGRAPHIC FULL STOP
//! `｡`. Splitting the *input* on those and `.` therefore gives exactly the
//! labels of the mapped name, which is what lets every fault be reported with
//! the byte span of the input label it came from.

use core::ops::Range;

/// If `bytes[i..]` starts with a label separator, its length in bytes.
#[inline(always)]
pub(crate) fn dot_len(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes[i] {
        b'.' => Some(1),
        // U+3002 = E3 80 82; U+FF0E = EF BC 8E; U+FF61 = EF BD A1.
        0xE3 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0x82]) => Some(3),
        0xEF if matches!(bytes.get(i + 1..i + 3), Some([0xBC, 0x8E] | [0xBD, 0xA1])) => Some(3),
        _ => None,
    }
}

/// The end of the label that starts at `start`: the index of the next
/// separator, or `bytes.len()`.
pub(crate) fn label_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < bytes.len() {
        if dot_len(bytes, i).is_some() {
            return i;
        }
        i += 1;
    }
    bytes.len()
}

/// Splits off one trailing separator (the root label): `example.com.` and
/// `例子.中国。` both name a fully qualified domain.
pub(crate) fn strip_root_dot(bytes: &[u8]) -> (&[u8], bool) {
    // The last byte decides most names at once: only `.` and the last bytes
    // of `。．｡` can end a root label.
    match bytes {
        [rest @ .., b'.'] => (rest, true),
        [.., 0x82 | 0x8E | 0xA1] => match bytes {
            [rest @ .., 0xE3, 0x80, 0x82]
            | [rest @ .., 0xEF, 0xBC, 0x8E]
            | [rest @ .., 0xEF, 0xBD, 0xA1] => (rest, true),
            _ => (bytes, false),
        },
        _ => (bytes, false),
    }
}

/// The byte range in `input` of label number `index` (used on error paths to
/// locate domain-wide faults such as the bidi rule).
pub(crate) fn input_label_span(input: &[u8], index: usize) -> Range<usize> {
    let mut start = 0;
    let mut n = 0;
    loop {
        let end = label_end(input, start);
        if n == index || end == input.len() {
            return start..end;
        }
        start = end + dot_len(input, end).unwrap_or(1);
        n += 1;
    }
}

/// Iterator over the labels of a normalised name, left to right.
///
/// # Example
///
/// ```
/// let v = dncheck::Checker::default().check("例子.中国").unwrap();
/// let labels: Vec<&str> = v.labels().collect();
/// assert_eq!(labels, ["xn--fsqu00a", "xn--fiqs8s"]);
/// ```
#[derive(Clone, Debug)]
pub struct Labels<'a> {
    rest: Option<&'a str>,
}

impl<'a> Labels<'a> {
    pub(crate) fn new(name: &'a str) -> Labels<'a> {
        Labels {
            rest: if name.is_empty() { None } else { Some(name) },
        }
    }
}

impl<'a> Iterator for Labels<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        match rest.find('.') {
            Some(i) => {
                self.rest = Some(&rest[i + 1..]);
                Some(&rest[..i])
            }
            None => {
                self.rest = None;
                Some(rest)
            }
        }
    }
}

impl DoubleEndedIterator for Labels<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let rest = self.rest?;
        match rest.rfind('.') {
            Some(i) => {
                self.rest = Some(&rest[..i]);
                Some(&rest[i + 1..])
            }
            None => {
                self.rest = None;
                Some(rest)
            }
        }
    }
}

/// A word of eight bytes with 1 in each byte, and with each byte's high bit.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// The 8 bytes of `bytes` from `i` as a little-endian word (names and
/// labels are read a word at a time: by the suffix table, the one-pass
/// checks and the Punycode code).
#[inline(always)]
pub(crate) fn read64(bytes: &[u8], i: usize) -> u64 {
    u64::from_le_bytes(bytes[i..i + 8].try_into().unwrap())
}

/// The first (up to) 8 bytes of `label` as a little-endian word, zero
/// padded: its "head".
#[inline(always)]
pub(crate) fn head(label: &[u8]) -> u64 {
    // Two overlapping reads of the first and last bytes, ORed in place:
    // no copy into a buffer (a call to `memcpy` for a short label).
    let k = label.len();
    if k >= 8 {
        read64(label, 0)
    } else if k >= 4 {
        let at = |i: usize| u64::from(u32::from_le_bytes(label[i..i + 4].try_into().unwrap()));
        at(0) | at(k - 4) << (8 * (k - 4))
    } else if k >= 2 {
        let at = |i: usize| u64::from(u16::from_le_bytes(label[i..i + 2].try_into().unwrap()));
        at(0) | at(k - 2) << (8 * (k - 2))
    } else {
        label.first().map_or(0, |&b| u64::from(b))
    }
}

/// The high bit of each byte of `w` that is `c`, 0 elsewhere; exact for
/// any bytes (no borrow crosses bytes).
#[inline(always)]
pub(crate) const fn bytes_equal(w: u64, c: u8) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let x = w ^ (ONES * c as u64);
    !(((x & LOW7) + LOW7) | x | LOW7)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    /// `head` against its definition (the first 8 bytes, zero padded), for
    /// every length up to 12 and bytes that include 0x00 and 0xff, so that
    /// an overlapping read that shifts a byte to the wrong place shows.
    #[test]
    fn head_is_the_first_eight_bytes_zero_padded() {
        let bytes: Vec<u8> = (0u8..12).map(|i| i.wrapping_mul(0x35) ^ 0xa5).collect();
        for fill in [0x00, 0xff] {
            for len in 0..=12 {
                let mut label = bytes[..len].to_vec();
                if let Some(b) = label.get_mut(len / 2) {
                    *b = fill;
                }
                let mut expected = [0u8; 8];
                let k = len.min(8);
                expected[..k].copy_from_slice(&label[..k]);
                assert_eq!(head(&label), u64::from_le_bytes(expected), "len {len}");
            }
        }
    }
}
