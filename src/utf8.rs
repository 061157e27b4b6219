//! UTF-8 decoding, one home for both kinds: [`decode_checked`] for bytes
//! that may not be UTF-8 (the normaliser reads raw input), [`decode`] for
//! the bytes of a `str` (the words stage's search).

/// The code point that starts at `b[i]` and its length in bytes, where `b`
/// is valid UTF-8 (the bytes of a `str`) and `i` is on a character boundary.
/// It checks nothing: the caller's `str` is the proof.
///
/// The length comes from the first byte alone: 1 below `0x80`, 2 below
/// `0xE0`, 3 below `0xF0`, else 4; the value is the first byte's low 7, 5, 4
/// or 3 bits followed by the low 6 bits of each next byte. Bytes that are
/// not valid UTF-8 are decoded by the same rule, never refused: a
/// continuation byte (`80`..`BF`) or `C0`/`C1` reads as the lead of a
/// two-byte form, `F5`..`FF` as the lead of a four-byte form, the bytes
/// after it are taken as continuation bytes whatever they are, and the value
/// may be an overlong form's, a surrogate or anything up to `0x1F_FFFF`
/// (hence a `u32`, not a `char`). Panics, as indexing does, if `i` or the
/// form's last byte is past the end of `b`.
#[inline(always)]
pub(crate) fn decode(b: &[u8], i: usize) -> (u32, usize) {
    let b0 = u32::from(b[i]);
    let cont = |k: usize| u32::from(b[i + k] & 0x3F);
    if b0 < 0x80 {
        (b0, 1)
    } else if b0 < 0xE0 {
        ((b0 & 0x1F) << 6 | cont(1), 2)
    } else if b0 < 0xF0 {
        ((b0 & 0x0F) << 12 | cont(1) << 6 | cont(2), 3)
    } else {
        (
            (b0 & 0x07) << 18 | cont(1) << 12 | cont(2) << 6 | cont(3),
            4,
        )
    }
}

/// The character UTF-8-encoded at `bytes[i..]` and its length, or `None`
/// where the bytes are not UTF-8 (RFC 3629: no overlong forms, surrogates or
/// code points above U+10FFFF). Tested against `core::str::from_utf8`.
#[inline(always)]
pub(crate) fn decode_checked(bytes: &[u8], i: usize) -> Option<(char, usize)> {
    let b0 = *bytes.get(i)?;
    let cont = |k: usize| -> Option<u32> {
        let b = *bytes.get(i + k)?;
        (b & 0xC0 == 0x80).then_some(u32::from(b & 0x3F))
    };
    let (cp, len) = match b0 {
        0x00..=0x7F => (u32::from(b0), 1),
        0xC2..=0xDF => ((u32::from(b0 & 0x1F) << 6) | cont(1)?, 2),
        0xE0..=0xEF => {
            let b1 = cont(1)?;
            // E0 needs A0..BF (no overlong form); ED needs 80..9F (no surrogate).
            if (b0 == 0xE0 && b1 < 0x20) || (b0 == 0xED && b1 >= 0x20) {
                return None;
            }
            ((u32::from(b0 & 0x0F) << 12) | (b1 << 6) | cont(2)?, 3)
        }
        0xF0..=0xF4 => {
            let b1 = cont(1)?;
            // F0 needs 90..BF (no overlong form); F4 needs 80..8F (<= U+10FFFF).
            if (b0 == 0xF0 && b1 < 0x10) || (b0 == 0xF4 && b1 >= 0x10) {
                return None;
            }
            let cp = (u32::from(b0 & 0x07) << 18) | (b1 << 12) | (cont(2)? << 6) | cont(3)?;
            (cp, 4)
        }
        _ => return None,
    };
    Some((char::from_u32(cp)?, len))
}

#[cfg(test)]
mod tests {
    use super::decode;

    /// Every code point, alone and between ASCII bytes, as `str` decodes it.
    #[test]
    fn decodes_every_char_as_str_does() {
        let mut buf = [b'a'; 6];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let n = c.encode_utf8(&mut buf[1..]).len();
            assert_eq!(decode(&buf[..1 + n], 1), (c as u32, n), "{c:?}");
        }
    }

    /// Invalid input is decoded by the same rule, as documented.
    #[test]
    fn invalid_input_is_not_refused() {
        assert_eq!(decode(&[0x80, b'a'], 0), (0x21, 2)); // continuation byte as a lead
        assert_eq!(decode(&[0xC0, 0xAF], 0), (0x2F, 2)); // overlong `/`
        assert_eq!(decode(&[0xED, 0xA0, 0x80], 0), (0xD800, 3)); // surrogate
        assert_eq!(decode(&[0xFF, 0xBF, 0xBF, 0xBF], 0), (0x1F_FFFF, 4));
        assert!(std::panic::catch_unwind(|| decode(&[0xE4, 0xB8], 0)).is_err());
    }
}
