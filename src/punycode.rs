//! Punycode ([RFC 3492]) without heap allocation for names of DNS size.
//!
//! `idna` has an encoder and a decoder too, but its public functions allocate
//! a `String`/`Vec` per label; these write into caller-provided small vectors.
//! The tests compare both directions with `idna::punycode`.
//!
//! [RFC 3492]: https://www.rfc-editor.org/rfc/rfc3492

use smallvec::SmallVec;

const BASE: u32 = 36;
const T_MIN: u32 = 1;
const T_MAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 0x80;

/// Longest Punycode input (after `xn--`) that is decoded. A DNS label has at
/// most 59 such characters; the limit only has to bound the work on hostile
/// input (decoding is quadratic in the number of insertions), as in `idna`.
pub(crate) const MAX_DECODE_INPUT: usize = 2000;

/// Longest label (in code points) that is encoded, for the same reason.
pub(crate) const MAX_ENCODE_INPUT: usize = 1000;

/// RFC 3492 §6.1.
#[inline]
fn adapt(mut delta: u32, num_points: u32, first_time: bool) -> u32 {
    delta /= if first_time { DAMP } else { 2 };
    delta += delta / num_points;
    let mut k = 0;
    while delta > ((BASE - T_MIN) * T_MAX) / 2 {
        delta /= BASE - T_MIN;
        k += BASE;
    }
    k + (((BASE - T_MIN + 1) * delta) / (delta + SKEW))
}

#[inline]
fn threshold(k: u32, bias: u32) -> u32 {
    if k <= bias {
        T_MIN
    } else if k >= bias + T_MAX {
        T_MAX
    } else {
        k - bias
    }
}

#[inline]
fn digit_to_byte(d: u32) -> u8 {
    debug_assert!(d < BASE);
    if d < 26 {
        b'a' + d as u8
    } else {
        b'0' + (d - 26) as u8
    }
}

/// Decodes the lowercase ASCII `input` (the label after `xn--`) into `out`.
///
/// Returns `false` when the input is not valid Punycode. Basic code points
/// before the last delimiter are copied as they are; the caller has already
/// lowercased them.
pub(crate) fn decode<const N: usize>(input: &[u8], out: &mut SmallVec<[char; N]>) -> bool
where
    [char; N]: smallvec::Array<Item = char>,
{
    out.clear();
    if input.len() > MAX_DECODE_INPUT || !input.is_ascii() {
        return false;
    }
    // Everything before the last delimiter is basic; a delimiter at position 0
    // is part of the extended string (RFC 3492 §6.2: "if there is no delimiter
    // or only one at the start"), where it is not a digit and fails below.
    let (base, extended) = match input.iter().rposition(|&b| b == b'-') {
        Some(0) | None => (&input[..0], input),
        Some(p) => (&input[..p], &input[p + 1..]),
    };
    out.extend(base.iter().map(|&b| char::from(b)));
    let mut n = INITIAL_N;
    let mut bias = INITIAL_BIAS;
    let mut i: u32 = 0;
    let mut rest = extended.iter();
    while rest.len() > 0 {
        let old_i = i;
        let mut w: u32 = 1;
        let mut k = BASE;
        loop {
            let Some(&b) = rest.next() else { return false };
            let digit = match b {
                b'a'..=b'z' => u32::from(b - b'a'),
                b'0'..=b'9' => u32::from(b - b'0') + 26,
                _ => return false,
            };
            let Some(step) = digit.checked_mul(w) else {
                return false;
            };
            let Some(next) = i.checked_add(step) else {
                return false;
            };
            i = next;
            let t = threshold(k, bias);
            if digit < t {
                break;
            }
            let Some(next_w) = w.checked_mul(BASE - t) else {
                return false;
            };
            w = next_w;
            k += BASE;
        }
        let len = out.len() as u32 + 1;
        bias = adapt(i - old_i, len, old_i == 0);
        let Some(next_n) = n.checked_add(i / len) else {
            return false;
        };
        n = next_n;
        i %= len;
        let Some(c) = char::from_u32(n) else {
            return false;
        };
        out.insert(i as usize, c);
        i += 1;
    }
    true
}

/// Writes the Punycode form of `label` (without `xn--`) to the start of
/// `out`, returning its length.
///
/// Returns `None` when it does not fit in `out` (the caller passes the room a
/// label has left, so an over-long label stops early) or on arithmetic
/// overflow, which cannot happen for labels of at most [`MAX_ENCODE_INPUT`]
/// code points.
pub(crate) fn encode(label: &[char], out: &mut [u8]) -> Option<usize> {
    if label.len() > MAX_ENCODE_INPUT {
        return None;
    }
    let mut len = 0;
    let mut put = |b: u8| -> Option<()> {
        *out.get_mut(len)? = b;
        len += 1;
        Some(())
    };
    let mut basic = 0u32;
    for &c in label {
        if c.is_ascii() {
            put(c as u8)?;
            basic += 1;
        }
    }
    if basic > 0 {
        put(b'-')?;
    }
    let total = label.len() as u32;
    let mut handled = basic;
    let mut n = INITIAL_N;
    let mut delta: u32 = 0;
    let mut bias = INITIAL_BIAS;
    while handled < total {
        // The smallest code point not yet handled.
        let m = label
            .iter()
            .map(|&c| c as u32)
            .filter(|&c| c >= n)
            .min()
            .unwrap_or(n);
        delta = delta.checked_add((m - n).checked_mul(handled + 1)?)?;
        n = m;
        for &c in label {
            let c = c as u32;
            if c < n {
                delta += 1;
            } else if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = threshold(k, bias);
                    if q < t {
                        break;
                    }
                    put(digit_to_byte(t + (q - t) % (BASE - t)))?;
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                put(digit_to_byte(q))?;
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta += 1;
        n += 1;
    }
    Some(len)
}
