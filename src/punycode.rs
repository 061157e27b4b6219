//! Punycode ([RFC 3492]) without heap allocation for names of DNS size.
//!
//! `idna` has an encoder and a decoder too, but its public functions allocate
//! a `String`/`Vec` per label; these write into caller-provided small vectors.
//! The tests compare both directions with `idna::punycode`.
//!
//! [RFC 3492]: https://www.rfc-editor.org/rfc/rfc3492

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

/// Longest label (in code points) that is encoded: a DNS label has at most
/// 63, and the encoder works in a fixed buffer of this size.
pub(crate) const MAX_ENCODE_INPUT: usize = 64;

/// `ceil(2^35 / d)` for `d` in `0..=64` (entry 0 unused): `x / d` is
/// `(x * RECIPROCAL[d]) >> 35` for every `x < 2^29` (Granlund and Montgomery,
/// "Division by invariant integers using multiplication", 1994, Theorem 4.2,
/// with N = 29 and 2^6 >= d; the product stays below 2^64). A division costs
/// some 25 cycles; Punycode divides several times per code point, which made
/// it the bulk of encoding a Chinese label. Deltas of DNS labels (at most 63
/// code points below U+110000) stay below 2^27.
static RECIPROCAL: [u64; 65] = {
    let mut t = [0u64; 65];
    let mut d = 1;
    while d <= 64 {
        t[d] = (1u64 << 35).div_ceil(d as u64);
        d += 1;
    }
    t
};

/// `(x / d, x % d)` for `d >= 1`.
#[inline(always)]
fn div_rem(x: u32, d: u32) -> (u32, u32) {
    let q = match RECIPROCAL.get(d as usize) {
        Some(&r) if x < 1 << 29 => ((u64::from(x) * r) >> 35) as u32,
        _ => x / d,
    };
    (q, x - q * d)
}

/// `(36 * delta) / (delta + 38)` for the `delta <= 455` that `adapt` leaves.
static ADAPT_TAIL: [u8; 456] = {
    let mut t = [0u8; 456];
    let mut delta = 0;
    while delta < 456 {
        t[delta] = (((BASE - T_MIN + 1) * delta as u32) / (delta as u32 + SKEW)) as u8;
        delta += 1;
    }
    t
};

/// RFC 3492 §6.1.
#[inline(always)]
fn adapt(mut delta: u32, num_points: u32, first_time: bool) -> u32 {
    delta /= if first_time { DAMP } else { 2 };
    delta += div_rem(delta, num_points).0;
    let mut k = 0;
    while delta > ((BASE - T_MIN) * T_MAX) / 2 {
        delta /= BASE - T_MIN;
        k += BASE;
    }
    k + u32::from(ADAPT_TAIL[delta as usize])
}

/// RFC 3492 §6: `t = clamp(k - bias, T_MIN, T_MAX)`.
#[inline(always)]
fn threshold(k: u32, bias: u32) -> u32 {
    k.saturating_sub(bias).clamp(T_MIN, T_MAX)
}

/// The Punycode digits, by value (padded to 64 so that a masked index needs
/// no bounds check).
const DIGITS: &[u8; 64] = b"abcdefghijklmnopqrstuvwxyz0123456789????????????????????????????";

/// The value of each byte as a lowercase Punycode digit; `BASE` for bytes
/// that are none.
static DIGIT_VALUES: [u32; 256] = {
    let mut t = [BASE; 256];
    let mut d = 0;
    while d < BASE as usize {
        t[DIGITS[d] as usize] = d as u32;
        d += 1;
    }
    t
};

#[inline(always)]
fn digit_to_byte(d: u32) -> u8 {
    debug_assert!(d < BASE);
    DIGITS[(d & 63) as usize]
}

/// The most code points [`decode`] produces: more than the 59 Punycode
/// characters of a DNS label can encode.
pub(crate) const DECODE_CAP: usize = 64;

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
    for (slot, &b) in out.iter_mut().zip(base) {
        *slot = char::from(b);
    }
    let mut state = Decoder::new();
    let mut rest = extended;
    while !rest.is_empty() {
        let (c, at, used) = state.next(rest, len as u32)?;
        rest = &rest[used..];
        if len == DECODE_CAP {
            return None;
        }
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
    let mut out: alloc::vec::Vec<char> = base.iter().map(|&b| char::from(b)).collect();
    let mut state = Decoder::new();
    let mut rest = extended;
    while !rest.is_empty() {
        let (c, at, used) = state.next(rest, out.len() as u32)?;
        rest = &rest[used..];
        out.insert(at, c);
    }
    Some(out)
}

/// Splits Punycode into its basic code points and the encoded insertions.
fn split_basic(input: &[u8]) -> Option<(&[u8], &[u8])> {
    if input.len() > MAX_DECODE_INPUT || !input.is_ascii() {
        return None;
    }
    // Everything before the last delimiter is basic; a delimiter at position 0
    // is part of the extended string (RFC 3492 §6.2: "if there is no delimiter
    // or only one at the start"), where it is not a digit and fails below.
    Some(match input.iter().rposition(|&b| b == b'-') {
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

    /// Decodes the next insertion from `input` into a string of `len` code
    /// points: the code point, where it goes, and how many input bytes it
    /// took. `None` on a bad digit, truncation or overflow.
    #[inline(always)]
    fn next(&mut self, input: &[u8], len: u32) -> Option<(char, usize, usize)> {
        let old_i = self.i;
        let mut i = self.i;
        let mut w: u32 = 1;
        let mut k = BASE;
        let mut used = 0;
        loop {
            let digit = DIGIT_VALUES[usize::from(*input.get(used)?)];
            used += 1;
            if digit >= BASE {
                return None;
            }
            i = i.checked_add(digit.checked_mul(w)?)?;
            let t = threshold(k, self.bias);
            if digit < t {
                break;
            }
            w = w.checked_mul(BASE - t)?;
            k += BASE;
        }
        let len = len + 1;
        self.bias = adapt(i - old_i, len, old_i == 0);
        let (steps, at) = div_rem(i, len);
        self.n = self.n.checked_add(steps)?;
        let c = char::from_u32(self.n)?;
        self.i = at + 1;
        Some((c, at as usize, used))
    }
}

/// Writes the Punycode form of `label` (without `xn--`) to the start of
/// `out`, returning its length.
///
/// Returns `None` when it does not fit in `out` (the caller passes the room a
/// label has left, so an over-long label stops early), or for a label of
/// more than [`MAX_ENCODE_INPUT`] code points.
pub(crate) fn encode(label: &[char], out: &mut [u8]) -> Option<usize> {
    if label.len() > MAX_ENCODE_INPUT {
        return None;
    }
    let mut len = 0;
    let mut basic = 0u32;
    for &c in label {
        if c.is_ascii() {
            *out.get_mut(len)? = c as u8;
            len += 1;
            basic += 1;
        }
    }
    if basic > 0 {
        *out.get_mut(len)? = b'-';
        len += 1;
    }
    // Pad the code points to a fixed width with a value that is never the
    // next minimum nor smaller than it: the scans of each round then run a
    // constant number of times and unroll, where loops over labels of
    // varying length end in mispredicted branches.
    let total = label.len() as u32;
    match label.len() {
        0..=4 => rounds::<4>(label, total, basic, out, len),
        5..=8 => rounds::<8>(label, total, basic, out, len),
        9..=16 => rounds::<16>(label, total, basic, out, len),
        _ => rounds::<64>(label, total, basic, out, len),
    }
}

/// The rounds of RFC 3492 §6.3 over `label` (`total` code points, `basic` of
/// them ASCII and already written), padded to `N >= total` code points,
/// writing from `len` on.
#[inline(always)]
fn rounds<const N: usize>(
    label: &[char],
    total: u32,
    basic: u32,
    out: &mut [u8],
    mut len: usize,
) -> Option<usize> {
    // Never the next minimum, never smaller than it.
    const PAD: u32 = u32::MAX;
    let mut cps = [PAD; N];
    for (slot, &c) in cps.iter_mut().zip(label) {
        *slot = c as u32;
    }
    let mut handled = basic;
    let mut n = INITIAL_N;
    let mut delta: u32 = 0;
    let mut bias = INITIAL_BIAS;
    while handled < total {
        // The smallest code point not yet handled, and where it first is.
        // Selects, not branches: the positions are data, which the branch
        // predictor cannot learn, and a misprediction costs more than these
        // loops of fixed length.
        let (mut m, mut at) = (PAD, 0);
        for (i, &c) in cps.iter().enumerate() {
            let better = c >= n && c < m;
            m = if better { c } else { m };
            at = if better { i } else { at };
        }
        let (mut before, mut smaller, mut equal) = (0, 0, 0);
        for (i, &c) in cps.iter().enumerate() {
            let less = u32::from(c < m);
            smaller += less;
            before += less & u32::from(i < at);
            equal += u32::from(c == m);
        }
        delta = delta.checked_add((m - n).checked_mul(handled + 1)?)?;
        if equal == 1 {
            // One occurrence (the common case): its delta counts the smaller
            // code points before it; those after it carry to the next round.
            delta += before;
            len = put_varint(out, len, delta, bias)?;
            bias = adapt(delta, handled + 1, handled == basic);
            handled += 1;
            delta = smaller - before;
        } else {
            // A repeated code point: the round as RFC 3492 §6.3 writes it.
            for &c in &cps {
                delta += u32::from(c < m);
                if c == m {
                    len = put_varint(out, len, delta, bias)?;
                    bias = adapt(delta, handled + 1, handled == basic);
                    delta = 0;
                    handled += 1;
                }
            }
        }
        delta += 1;
        n = m + 1;
    }
    Some(len)
}

/// Writes `q` as a generalized variable-length integer (RFC 3492 §6.3) at
/// `out[len..]`, returning the new length.
#[inline(always)]
fn put_varint(out: &mut [u8], mut len: usize, mut q: u32, bias: u32) -> Option<usize> {
    let mut k = BASE;
    loop {
        let t = threshold(k, bias);
        if q < t {
            break;
        }
        let (rest, digit) = div_rem(q - t, BASE - t);
        *out.get_mut(len)? = digit_to_byte(t + digit);
        len += 1;
        q = rest;
        k += BASE;
    }
    *out.get_mut(len)? = digit_to_byte(q);
    Some(len + 1)
}

#[cfg(test)]
mod tests {
    use super::div_rem;

    /// The reciprocal division agrees with `/` and `%` at the edges of every
    /// divisor's range and on a sweep of the values Punycode produces.
    #[test]
    fn reciprocal_division_is_exact() {
        for d in 1..=70u32 {
            let edges = [
                0,
                1,
                d - 1,
                d,
                d + 1,
                u32::MAX - 1,
                u32::MAX,
                1 << 31,
                (1 << 31) - 1,
            ];
            let sweep = (0..200_000u32).map(|x| x.wrapping_mul(2_654_435_761));
            for x in edges.into_iter().chain(0..5000).chain(sweep) {
                assert_eq!(div_rem(x, d), (x / d, x % d), "{x} / {d}");
            }
        }
    }
}
