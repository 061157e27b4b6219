//! RFC 3492 as written, the references the decoder's and the encoder's tests
//! compare with, and the tests of the arithmetic both share.

use super::decode::MAX_DECODE_BIAS;
use super::{adapt, div_by, div_rem, reciprocal, threshold, BASE, T_MAX, T_MIN};

/// RFC 3492 §6.1 as written.
pub(super) fn adapt_as_written(mut delta: u32, num_points: u32, first_time: bool) -> u32 {
    delta /= if first_time { 700 } else { 2 };
    delta += delta / num_points;
    let mut k = 0;
    while delta > 455 {
        delta /= 35;
        k += 36;
    }
    k + (36 * delta) / (delta + 38)
}

/// RFC 3492 §6.2/§6.3: "if k <= bias then t = tmin, else if k >= bias +
/// tmax then t = tmax, else t = k - bias", as written: the references use
/// it, not the library's `threshold` (which the tables are built with).
pub(super) fn threshold_as_written(k: u32, bias: u32) -> u32 {
    if k <= bias {
        T_MIN
    } else if k >= bias + T_MAX {
        T_MAX
    } else {
        k - bias
    }
}

/// Values at the edges of `0..=u32::MAX` and a sweep between.
pub(super) fn values() -> impl Iterator<Item = u32> {
    let edges = [
        0,
        1,
        2,
        455,
        456,
        457,
        u32::MAX - 1,
        u32::MAX,
        1 << 31,
        (1 << 27) - 1,
    ];
    edges
        .into_iter()
        .chain(0..20_000)
        .chain((0..200_000u32).map(|x| x.wrapping_mul(2_654_435_761)))
}

#[test]
fn threshold_agrees_with_rfc() {
    for bias in 0..=MAX_DECODE_BIAS as u32 + 36 {
        for k in (BASE..=BASE * 16).step_by(BASE as usize) {
            assert_eq!(
                threshold(k, bias),
                threshold_as_written(k, bias),
                "k {k}, bias {bias}"
            );
        }
    }
}

#[test]
fn reciprocal_division_by_powers_is_exact() {
    for d in (1..=64).chain([35 * 35, 35 * 35 * 35, 35 * 35 * 35 * 35, 52_521_875]) {
        for x in values().chain([d, d - 1, d + 1, u32::MAX / d * d]) {
            assert_eq!(div_by(x, reciprocal(u64::from(d))), x / d, "{x} / {d}");
        }
    }
}

#[test]
fn adapt_agrees_with_rfc() {
    for delta in values() {
        for num_points in [1, 2, 3, 7, 35, 63, 64, 65, 1000] {
            for first in [false, true] {
                assert_eq!(
                    adapt(delta, num_points, first),
                    adapt_as_written(delta, num_points, first),
                    "adapt({delta}, {num_points}, {first})"
                );
            }
        }
    }
}

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
