//! Reading names a word at a time: the little-endian word readers and the
//! byte-lane arithmetic shared by the suffix table, the one-pass checks and
//! the Punycode code.

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
