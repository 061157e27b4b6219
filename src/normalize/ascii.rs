//! The canonical-name check: a name that is already its own A-label and
//! U-label form, in one pass over its bytes, eight at a time.

use crate::bytes::{head, read64, HIGH, ONES};
use crate::format::{check_hyphens, MAX_LABEL, MAX_NAME};
use crate::labels::strip_root_dot;

/// The one-pass check alone: the A-label form (without a root dot) if the
/// input already is it, and whether it had a root dot.
#[inline(always)]
pub(super) fn canonical<'h>(
    input: &'h [u8],
    text: Option<&'h str>,
    underscore: bool,
) -> Option<(&'h str, bool)> {
    let (body, root_dot) = strip_root_dot(input);
    let canonical = if underscore {
        is_canonical_ascii::<true>(body)
    } else {
        is_canonical_ascii::<false>(body)
    };
    if !canonical {
        return None;
    }
    let ascii = match text {
        Some(t) => t.get(..body.len()),
        None => core::str::from_utf8(body).ok(),
    }?;
    Some((ascii, root_dot))
}

/// `true` if `body` is a valid name exactly as it stands, made of
/// lowercase LDH labels (and `_` where `UNDERSCORE`) with no `xn--` label:
/// its own A-label and U-label form. One pass with no writes; any other
/// name, valid or not, is left to the general path, which also says what is
/// wrong.
///
/// The bytes are classified eight at a time ([`canonical_bytes`], the same
/// sets as `LDH_CANON` and `DNS_CANON`); the label rules are checked once
/// per label, at the dots the classification finds.
#[inline(always)]
fn is_canonical_ascii<const UNDERSCORE: bool>(body: &[u8]) -> bool {
    let n = body.len();
    // An internationalised name most often starts with a non-ASCII byte:
    // no need to classify its first word.
    if n == 0 || n > MAX_NAME || body[0] >= 0x80 {
        return false;
    }
    // A label is `body[start..end]`: 1 to 63 octets, no hyphen first or
    // last, no `--` at positions 3-4 (which also sends `xn--` elsewhere).
    let label_ok = |start: usize, end: usize| {
        let label = &body[start..end];
        !label.is_empty() && label.len() <= MAX_LABEL && check_hyphens(label, b'-').is_ok()
    };
    let mut start = 0;
    let mut i = 0;
    loop {
        // The next (up to) 8 bytes in the low lanes of a word, and a mask of
        // the lanes that hold them.
        let (w, lanes) = match n - i {
            0 => break,
            rest @ 1..=7 => {
                let w = if n >= 8 {
                    // The name's last word, less what was already read.
                    read64(body, n - 8) >> (8 * (8 - rest))
                } else {
                    head(body)
                };
                (w, HIGH >> (8 * (8 - rest)))
            }
            _ => (read64(body, i), HIGH),
        };
        let (allowed, mut dots) = canonical_bytes(w, UNDERSCORE);
        // A name that starts with an A-label (`xn--`, or another `--` at
        // positions 3 and 4, which is refused) is not canonical either: no
        // need to read up to its first dot.
        if allowed & lanes != lanes || (i == 0 && (w >> 16) & 0xFFFF == 0x2D2D) {
            return false;
        }
        dots &= lanes;
        while dots != 0 {
            let end = i + (dots.trailing_zeros() / 8) as usize;
            if !label_ok(start, end) {
                return false;
            }
            start = end + 1;
            dots &= dots - 1;
        }
        i += 8;
        if i >= n {
            break;
        }
    }
    label_ok(start, n)
}

/// The lanes (bytes) of `w` in `lo..=hi`, as their high bits, for bytes
/// below 0x80: `b + 0x80 - lo` has its high bit set exactly when `b >= lo`,
/// `b + 0x7F - hi` exactly when `b > hi`, and neither carries into the next
/// byte.
#[inline(always)]
const fn in_range(w: u64, lo: u8, hi: u8) -> u64 {
    (w.wrapping_add(ONES * (0x80 - lo as u64)) & !w.wrapping_add(ONES * (0x7F - hi as u64))) & HIGH
}

/// For the 8 bytes of `w`: the lanes that may stand in a canonical name
/// (lowercase letters, digits, `-`, `.`, and `_` where `underscore`), and
/// the lanes that are `.`, as high bits. A byte of 0x80 or more is never
/// allowed.
#[inline(always)]
const fn canonical_bytes(w: u64, underscore: bool) -> (u64, u64) {
    let mut allowed = in_range(w, b'a', b'z') | in_range(w, b'0', b'9') | in_range(w, b'-', b'.');
    if underscore {
        allowed |= in_range(w, b'_', b'_');
    }
    (allowed & !w, in_range(w, b'.', b'.'))
}

#[cfg(test)]
mod tests {
    use super::canonical_bytes;
    use crate::format::{DNS_CANON, LDH_CANON};

    /// The word-at-a-time classification allows exactly the bytes of
    /// `LDH_CANON` (`DNS_CANON` with `_`) and `.`, in every lane, whatever
    /// ASCII stands in the other lanes, and finds exactly the dots; a byte of
    /// 0x80 or more is never allowed, whatever stands around it (it may
    /// disturb the lanes above it, but the word is refused for it).
    #[test]
    fn canonical_bytes_agree_with_the_tables() {
        for (underscore, table) in [(false, &LDH_CANON), (true, &DNS_CANON)] {
            for b in 0..=255u8 {
                for lane in 0..8 {
                    for filler in [0u8, b'a', b'.', b'-', 0x7F, 0x80, 0xFF] {
                        let mut bytes = [filler; 8];
                        bytes[lane] = b;
                        let (allowed, dots) =
                            canonical_bytes(u64::from_le_bytes(bytes), underscore);
                        let bit = 0x80u64 << (8 * lane);
                        if b >= 0x80 {
                            assert_eq!(allowed & bit, 0, "{b:#x} in lane {lane}");
                            continue;
                        }
                        if filler >= 0x80 {
                            // The word is refused for its filler lanes.
                            let others = super::HIGH & !bit;
                            assert_ne!(allowed & others, others);
                            continue;
                        }
                        let expected = table[usize::from(b)] || b == b'.';
                        assert_eq!(allowed & bit != 0, expected, "{b:#x} in lane {lane}");
                        assert_eq!(dots & bit != 0, b == b'.', "{b:#x} in lane {lane}");
                    }
                }
            }
        }
    }
}
