//! The Punycode decoder (RFC 3492 §6.2): a table of digit weights per bias,
//! and insertions into a fixed buffer.

use super::{
    adapt_damped, div_by, div_rem, threshold, BASE, DAMPING, DIGITS, INITIAL_BIAS, INITIAL_N,
    MAX_DECODE_INPUT,
};
use crate::bytes::{bytes_equal, read64};

/// The most code points [`decode`] produces: more than the 59 Punycode
/// characters of a DNS label can encode.
pub(crate) const DECODE_CAP: usize = 64;

/// The most digits an insertion can have. The weight of digit `j` (from 0) is
/// a product of `j` radixes `36 - t >= 10`, so from `j = 10` on it is above
/// `u32::MAX`, which RFC 3492 §6.2 (and `idna`) treat as overflow.
const MAX_DIGITS: usize = 10;

/// The entries of a row of [`DECODE_DIGITS`]: [`MAX_DIGITS`] padded to a
/// power of two, so that the digit index, masked, needs no bounds check.
const DIGITS_ROW: usize = 16;
const _: () = assert!(MAX_DIGITS <= DIGITS_ROW && DIGITS_ROW.is_power_of_two());

/// The largest bias `adapt` returns for any 32-bit delta: the damped delta is
/// below 2^32, so at most five divisions by 35 leave at most 81, and
/// `ADAPT_TAIL[81]` is 24: `36 * 5 + 24`. A test checks it.
pub(super) const MAX_DECODE_BIAS: usize = 204;

/// A weight above `u32::MAX`, which `idna` refuses as overflow, is kept as
/// this (so that no 64-bit sum of digits times weights overflows).
const OVERFLOWED: u64 = 1 << 32;

/// For each bias, digit `j` of an insertion (RFC 3492 §6.2) as one word: its
/// threshold `t[j] = clamp(36 * (j + 1) - bias, 1, 26)` in the low byte, its
/// weight `w[j] = (36 - t[0]) * ... * (36 - t[j - 1])` (or [`OVERFLOWED`])
/// above. The decoder's digit loop is then a load, a multiply, an add and a
/// compare per digit, with no dependency on the previous digit's arithmetic.
///
/// The entries from [`MAX_DIGITS`] on have the weight [`OVERFLOWED`] and the
/// threshold 26: an insertion that ends there has overflowed, and one that
/// goes on adds at least `26 * 2^32` to `i`, and has overflowed too. So the
/// index wraps (masked) with no harm: what it reads after the wrap cannot
/// undo the overflow.
static DECODE_DIGITS: [[u64; DIGITS_ROW]; MAX_DECODE_BIAS + 1] = {
    let mut table = [[0u64; DIGITS_ROW]; MAX_DECODE_BIAS + 1];
    let mut bias = 0;
    while bias <= MAX_DECODE_BIAS {
        let mut w = 1u64;
        let mut j = 0;
        while j < DIGITS_ROW {
            let t = threshold(BASE * (j as u32 + 1), bias as u32);
            table[bias][j] = (w << 8) | t as u64;
            w *= (BASE - t) as u64;
            if w > u32::MAX as u64 {
                w = OVERFLOWED;
            }
            j += 1;
        }
        bias += 1;
    }
    table
};

/// The value of each byte as a lowercase Punycode digit; a byte that is none
/// is [`NOT_A_DIGIT`], which no digit value has a bit of.
static DIGIT_VALUES: [u8; 256] = {
    let mut t = [NOT_A_DIGIT; 256];
    let mut d = 0;
    while d < BASE as usize {
        t[DIGITS[d] as usize] = d as u8;
        d += 1;
    }
    t
};

/// See [`DIGIT_VALUES`]: above every threshold, so an insertion goes on
/// past it, and its bit is tested once per insertion.
const NOT_A_DIGIT: u8 = 64;

/// The position of the last `-` in `input`, eight bytes at a time from the
/// end (a label has one near its end, or none).
#[inline(always)]
fn last_hyphen(input: &[u8]) -> Option<usize> {
    let hyphens = |word: u64| bytes_equal(word, b'-');
    let last = |bits: u64| (63 - bits.leading_zeros() as usize) / 8;
    let mut end = input.len();
    if end < 8 {
        return input.iter().rposition(|&b| b == b'-');
    }
    while end >= 8 {
        let bits = hyphens(read64(input, end - 8));
        if bits != 0 {
            return Some(end - 8 + last(bits));
        }
        end -= 8;
    }
    if end == 0 {
        return None;
    }
    // The first `end` bytes, in the first word (which overlaps the last one
    // read): the bytes from `end` on are masked off.
    let bits = hyphens(read64(input, 0)) & ((1u64 << (8 * end)) - 1);
    (bits != 0).then(|| last(bits))
}

/// Decodes the lowercase ASCII `input` (the label after `xn--`) into `out`,
/// returning the number of code points.
///
/// `None` when the input is not valid Punycode or decodes to more than
/// [`DECODE_CAP`] code points. Basic code points before the last delimiter
/// are copied as they are; the caller has already lowercased them. The
/// buffer is fixed, so an insertion is a short shift and nothing allocates.
pub(crate) fn decode(input: &[u8], out: &mut [char; DECODE_CAP]) -> Option<usize> {
    let (base, extended) = split_basic(input)?;
    if base.len() > DECODE_CAP {
        return None;
    }
    let mut len = base.len();
    // The basic code points must be ASCII (the digits are checked as they
    // are read).
    let mut seen = 0;
    for (slot, &b) in out.iter_mut().zip(base) {
        *slot = char::from(b);
        seen |= b;
    }
    if !seen.is_ascii() {
        return None;
    }
    let mut state = Decoder::new();
    let mut pos = 0;
    while pos < extended.len() {
        if len == DECODE_CAP {
            return None;
        }
        let (c, at) = state.next(extended, &mut pos, len as u32)?;
        // A short shift: `copy_within` would call `memmove` for a few chars.
        let mut j = len;
        while j > at {
            out[j] = out[j - 1];
            j -= 1;
        }
        out[at] = c;
        len += 1;
    }
    Some(len)
}

/// [`decode`] for input of any length up to [`MAX_DECODE_INPUT`] (the public
/// test hooks compare it with `idna` on long input).
pub(crate) fn decode_any(input: &[u8]) -> Option<alloc::vec::Vec<char>> {
    let (base, extended) = split_basic(input)?;
    if !base.is_ascii() {
        return None;
    }
    let mut out: alloc::vec::Vec<char> = base.iter().map(|&b| char::from(b)).collect();
    let mut state = Decoder::new();
    let mut pos = 0;
    while pos < extended.len() {
        let (c, at) = state.next(extended, &mut pos, out.len() as u32)?;
        out.insert(at, c);
    }
    Some(out)
}

/// Splits Punycode into its basic code points and the encoded insertions.
/// The caller checks that the basic code points are ASCII; a byte of the
/// insertions that is not ASCII is not a digit.
#[inline(always)]
fn split_basic(input: &[u8]) -> Option<(&[u8], &[u8])> {
    if input.len() > MAX_DECODE_INPUT {
        return None;
    }
    // Everything before the last delimiter is basic; a delimiter at position 0
    // is part of the extended string (RFC 3492 §6.2: "if there is no delimiter
    // or only one at the start"), where it is not a digit and fails below.
    Some(match last_hyphen(input) {
        Some(0) | None => (&input[..0], input),
        Some(p) => (&input[..p], &input[p + 1..]),
    })
}

/// The state of RFC 3492 §6.2 between insertions.
struct Decoder {
    n: u32,
    bias: u32,
    i: u32,
}

impl Decoder {
    fn new() -> Decoder {
        Decoder {
            n: INITIAL_N,
            bias: INITIAL_BIAS,
            i: 0,
        }
    }

    /// Decodes the next insertion from `input[*pos..]` into a string of
    /// `len` code points: the code point and where it goes; `pos` moves past
    /// it. `None` on a bad digit, truncation or overflow.
    ///
    /// RFC 3492 checks each multiply and add for overflow; here `i` is summed
    /// in 64 bits from the table's weights, and one test at the end stands
    /// for them all: a digit times a weight, or a sum, above `u32::MAX`
    /// leaves `i` above it (the sums only grow), and a weight above it was
    /// computed exactly when the last digit's weight is above it (the
    /// weights only grow). Any failure is `None`, so which one comes first
    /// does not matter.
    #[inline(always)]
    fn next(&mut self, input: &[u8], pos: &mut usize, len: u32) -> Option<(char, usize)> {
        debug_assert!(self.bias as usize <= MAX_DECODE_BIAS);
        let digits = &DECODE_DIGITS[(self.bias as usize).min(MAX_DECODE_BIAS)];
        let input = input.get(*pos..)?;
        let old_i = self.i;
        let mut i = u64::from(old_i);
        let mut seen = 0;
        let mut j = 0;
        let weight = loop {
            let digit = DIGIT_VALUES[usize::from(*input.get(j)?)];
            seen |= digit;
            let entry = digits[j % DIGITS_ROW];
            j += 1;
            let weight = entry >> 8;
            i += u64::from(digit) * weight;
            if digit < entry as u8 {
                break weight;
            }
        };
        // Overflow, or a byte that is not a digit.
        if (i | weight | u64::from(seen & NOT_A_DIGIT) << 26) > u64::from(u32::MAX) {
            return None;
        }
        let i = i as u32;
        let len = len + 1;
        // `adapt`, with the damping chosen by a load rather than a branch.
        let damped = div_by(i - old_i, DAMPING[usize::from(old_i == 0)]);
        self.bias = adapt_damped(damped, len);
        let (steps, at) = div_rem(i, len);
        self.n = self.n.checked_add(steps)?;
        let c = char::from_u32(self.n)?;
        self.i = at + 1;
        *pos += j;
        Some((c, at as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::{decode, decode_any, last_hyphen, DECODE_CAP, MAX_DECODE_BIAS};
    use crate::punycode::adapt;
    use crate::punycode::tests::{adapt_as_written, threshold_as_written, values};
    use crate::punycode::BASE;
    use alloc::vec::Vec;

    /// RFC 3492 §6.2 as written (with `idna`'s overflow checks): the
    /// reference for [`decode`].
    fn decode_as_written(input: &[u8]) -> Option<Vec<char>> {
        if !input.is_ascii() {
            return None;
        }
        let (mut out, rest): (Vec<char>, &[u8]) = match input.iter().rposition(|&b| b == b'-') {
            Some(0) | None => (Vec::new(), input),
            Some(p) => (
                input[..p].iter().map(|&b| char::from(b)).collect(),
                &input[p + 1..],
            ),
        };
        let (mut n, mut i, mut bias) = (0x80u32, 0u32, 72u32);
        let mut digits = rest.iter();
        while digits.len() > 0 {
            let old_i = i;
            let mut w = 1u32;
            let mut k = BASE;
            loop {
                let digit = match *digits.next()? {
                    b @ b'a'..=b'z' => u32::from(b - b'a'),
                    b @ b'0'..=b'9' => u32::from(b - b'0') + 26,
                    _ => return None,
                };
                i = i.checked_add(digit.checked_mul(w)?)?;
                let t = threshold_as_written(k, bias);
                if digit < t {
                    break;
                }
                w = w.checked_mul(BASE - t)?;
                k += BASE;
            }
            let len = out.len() as u32 + 1;
            bias = adapt_as_written(i - old_i, len, old_i == 0);
            n = n.checked_add(i / len)?;
            i %= len;
            out.insert(i as usize, char::from_u32(n)?);
            i += 1;
        }
        Some(out)
    }

    /// `decode` and `decode_any` agree with RFC 3492 on random lowercase
    /// input, much of it built to overflow (long runs of high digits).
    #[test]
    fn decode_agrees_with_rfc() {
        let alphabet = b"abcdefghijklmnopqrstuvwxyz0123456789-";
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut decoded = [0usize; 2];
        for round in 0..300_000 {
            let len = (next() % 40) as usize;
            // Some inputs from a few high digits only, which overflow.
            let high = round % 3 == 0;
            let input: Vec<u8> = (0..len)
                .map(|_| {
                    let r = next() as usize;
                    if high {
                        b"9876z-a"[r % 7]
                    } else {
                        alphabet[r % alphabet.len()]
                    }
                })
                .collect();
            let expected = decode_as_written(&input);
            decoded[usize::from(expected.is_some())] += 1;
            let mut out = ['\0'; DECODE_CAP];
            let ours = decode(&input, &mut out).map(|n| out[..n].to_vec());
            match &expected {
                Some(e) if e.len() <= DECODE_CAP => assert_eq!(ours.as_ref(), Some(e)),
                _ => assert_eq!(ours, None, "{:?}", core::str::from_utf8(&input)),
            }
            assert_eq!(
                decode_any(&input),
                expected,
                "{:?}",
                core::str::from_utf8(&input)
            );
        }
        // Both outcomes are well represented.
        assert!(decoded[0] > 50_000 && decoded[1] > 50_000, "{decoded:?}");
    }

    /// `last_hyphen` is `rposition` for every length up to 40 and every
    /// placement of up to two hyphens (and bytes that are near misses).
    #[test]
    fn last_hyphen_is_rposition() {
        for len in 0..40 {
            for a in 0..=len {
                for b in 0..=len {
                    let mut input: Vec<u8> = (0..len).map(|k| b",.,/\xad\x2c"[k % 5]).collect();
                    for p in [a, b] {
                        if let Some(byte) = input.get_mut(p) {
                            *byte = b'-';
                        }
                    }
                    let expected = input.iter().rposition(|&x| x == b'-');
                    assert_eq!(last_hyphen(&input), expected, "{input:?}");
                }
            }
        }
    }

    /// No 32-bit delta takes `adapt` past the decoder's table of biases.
    #[test]
    fn adapt_stays_within_decode_table() {
        for delta in values() {
            for num_points in [1, 2, 3, 64, 65, 1000] {
                for first in [false, true] {
                    assert!(adapt(delta, num_points, first) as usize <= MAX_DECODE_BIAS);
                }
            }
        }
        assert_eq!(adapt(u32::MAX - 1, 1, false) as usize, MAX_DECODE_BIAS);
    }
}
