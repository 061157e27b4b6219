//! Punycode ([RFC 3492]) without heap allocation for names of DNS size.
//!
//! `idna` has an encoder and a decoder too, but its public functions allocate
//! a `String`/`Vec` per label; these write into caller-provided small vectors.
//! The tests compare both directions with `idna::punycode`.
//!
//! [RFC 3492]: https://www.rfc-editor.org/rfc/rfc3492

pub(crate) mod decode;
pub(crate) mod encode;

#[cfg(test)]
mod tests;

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

/// `floor(x / d)` for `1 <= d <= 2^26` by one multiply by `reciprocal(d)`:
/// with `m = ceil(2^58 / d)`, `m * d - 2^58 < d <= 2^26 = 2^(58 - 32)`, the
/// condition of Granlund and Montgomery (1994, Theorem 4.2) for the quotient
/// of every 32-bit `x` to be exact. The tests check it on the divisors used.
/// A division costs some 25 cycles; Punycode divides several times per code
/// point, which made it the bulk of encoding a Chinese label.
#[inline(always)]
fn div_by(x: u32, reciprocal: u64) -> u32 {
    // `x * m >> 58`, written so that the quotient is the high word of one
    // 64 x 64 multiply (no shifting of the 128-bit product).
    ((u128::from(u64::from(x) << 6) * u128::from(reciprocal)) >> 64) as u32
}

const fn reciprocal(d: u64) -> u64 {
    (1u64 << 58).div_ceil(d)
}

/// `reciprocal(d)` for `d` in `0..=64` (entry 0 unused): the divisors
/// `len + 1` and `num_points` of labels of DNS size.
static RECIPROCAL: [u64; 65] = {
    let mut t = [0u64; 65];
    let mut d = 1;
    while d <= 64 {
        t[d] = reciprocal(d as u64);
        d += 1;
    }
    t
};

/// `(x / d, x % d)` for `d >= 1`.
#[inline(always)]
fn div_rem(x: u32, d: u32) -> (u32, u32) {
    let q = match RECIPROCAL.get(d as usize) {
        Some(&r) => div_by(x, r),
        None => x / d,
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

/// `reciprocal(35^c)` for the `c` divisions by 35 of `adapt`.
static POWERS_OF_35: [u64; 6] = [
    reciprocal(1),
    reciprocal(35),
    reciprocal(35 * 35),
    reciprocal(35 * 35 * 35),
    reciprocal(35 * 35 * 35 * 35),
    reciprocal(35 * 35 * 35 * 35 * 35),
];

/// `reciprocal` of the divisors of the first delta (`DAMP`) and the others
/// (2), indexed by `first_time`.
static DAMPING: [u64; 2] = [reciprocal(2), reciprocal(DAMP as u64)];

/// RFC 3492 §6.1, without branches: the loop `while delta > 455 { delta /=
/// 35; k += 36 }` runs once for each power of 35 times 456 that `delta`
/// reaches (at most five for 32 bits), and leaves `delta / 35^c` (nested
/// floors of divisions are the floor of the product's division).
#[inline(always)]
fn adapt(delta: u32, num_points: u32, first_time: bool) -> u32 {
    adapt_damped(
        if first_time { delta / DAMP } else { delta / 2 },
        num_points,
    )
}

/// [`adapt`] from the damped delta (the decoder damps by [`DAMPING`]).
#[inline(always)]
fn adapt_damped(mut delta: u32, num_points: u32) -> u32 {
    delta += div_rem(delta, num_points).0;
    let c = u32::from(delta >= 456)
        + u32::from(delta >= 456 * 35)
        + u32::from(delta >= 456 * 35 * 35)
        + u32::from(delta >= 456 * 35 * 35 * 35)
        + u32::from(delta >= 456 * 35 * 35 * 35 * 35);
    let rest = div_by(delta, POWERS_OF_35[c as usize]);
    BASE * c + u32::from(ADAPT_TAIL[rest.min(455) as usize])
}

/// RFC 3492 §6: `t = clamp(k - bias, T_MIN, T_MAX)`. A `const fn`, so that
/// the per-bias tables are built with it too.
#[inline(always)]
const fn threshold(k: u32, bias: u32) -> u32 {
    let t = k.saturating_sub(bias);
    if t < T_MIN {
        T_MIN
    } else if t > T_MAX {
        T_MAX
    } else {
        t
    }
}

/// The Punycode digits, by value (padded to 64 so that a masked index needs
/// no bounds check).
const DIGITS: &[u8; 64] = b"abcdefghijklmnopqrstuvwxyz0123456789????????????????????????????";
