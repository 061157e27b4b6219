//! Punycode ([RFC 3492]) without heap allocation for names of DNS size.
//!
//! `idna` has an encoder and a decoder too, but its public functions allocate
//! a `String`/`Vec` per label; these write into caller-provided small vectors.
//! The tests compare both directions with `idna::punycode`.
//!
//! [RFC 3492]: https://www.rfc-editor.org/rfc/rfc3492

use crate::bytes::{bytes_equal, read64};

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

#[inline(always)]
fn digit_to_byte(d: u32) -> u8 {
    debug_assert!(d < BASE);
    DIGITS[(d & 63) as usize]
}

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
const MAX_DECODE_BIAS: usize = 204;

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
    let mut insertions = Insertions::<MAX_ENCODE_INPUT>::new();
    let mut len = 0;
    for (position, &c) in label.iter().enumerate() {
        if c.is_ascii() {
            *out.get_mut(len)? = c as u8;
            len += 1;
        } else {
            insertions.push(c as u32, position);
        }
    }
    insertions.encode(len, out, len)
}

/// The non-ASCII code points of one label, at most `CAP` of them, as the
/// encoder takes them: each one's code point over its position in the label,
/// in one 27-bit key. Sorted, the keys are in the order the encoder inserts
/// them (by value, then by position).
///
/// A caller that scans a label anyway ([`crate::normalize`]'s one-pass
/// check) fills this as it goes, writes the ASCII code points itself, and
/// calls [`Insertions::encode`]: the label is read once.
pub(crate) struct Insertions<const CAP: usize> {
    keys: [u32; CAP],
    count: usize,
}

impl<const CAP: usize> Insertions<CAP> {
    #[inline(always)]
    pub(crate) const fn new() -> Insertions<CAP> {
        Insertions {
            keys: [0; CAP],
            count: 0,
        }
    }

    /// Adds the non-ASCII code point `c` at `position` (from 0, below
    /// [`MAX_ENCODE_INPUT`]) of a label. More than `CAP` of them make
    /// [`encode`](Self::encode) fail.
    #[inline(always)]
    pub(crate) fn push(&mut self, c: u32, position: usize) {
        debug_assert!(position < MAX_ENCODE_INPUT);
        if let Some(key) = self.keys.get_mut(self.count) {
            *key = (c << 6) | (position as u32 & 63);
        }
        self.count += 1;
    }

    /// How many code points were pushed.
    #[inline(always)]
    pub(crate) fn len(&self) -> usize {
        self.count
    }

    /// Empties it for the next label.
    #[inline(always)]
    pub(crate) fn clear(&mut self) {
        self.count = 0;
    }

    /// Finishes a label whose `basic` ASCII code points are at `out[len -
    /// basic..len]`: writes the delimiter (if there are any) and the encoded
    /// insertions from `len` on, returning the new length. `None` if they do
    /// not fit in `out`, or there were more than `CAP` insertions or more
    /// than [`MAX_ENCODE_INPUT`] code points.
    #[inline(never)]
    pub(crate) fn encode(&self, basic: usize, out: &mut [u8], mut len: usize) -> Option<usize> {
        if self.count > CAP || self.count + basic > MAX_ENCODE_INPUT {
            return None;
        }
        if basic > 0 {
            *out.get_mut(len)? = b'-';
            len += 1;
        }
        // Pad the insertions to a fixed width: the sort then is a fixed network.
        let keys = &self.keys[..self.count];
        match self.count {
            0 => Some(len),
            1 => insertions::<1>(keys, basic, out, len),
            2 => insertions::<2>(keys, basic, out, len),
            3..=4 => insertions::<4>(keys, basic, out, len),
            5..=6 => insertions::<6>(keys, basic, out, len),
            7..=8 => insertions::<8>(keys, basic, out, len),
            9..=16 => insertions::<16>(keys, basic, out, len),
            _ => insertions::<MAX_ENCODE_INPUT>(keys, basic, out, len),
        }
    }
}

/// RFC 3492 §6.3 writes the encoder as rounds, one per code point value,
/// each scanning the label and carrying `delta` and `bias` to the next: a
/// chain of dependent arithmetic and data-dependent branches. But each
/// insertion's delta is a function of its code point, its predecessor in
/// sorted order and where it goes (the decoder inverts it: `i += delta; n +=
/// i / (len + 1); i %= len + 1`), each bias a function of the previous delta
/// alone, and each digit, given the bias, a function of the delta alone
/// ([`Radix`]). So this sorts the keys (at most `N`, a size [`sort`] has a
/// network for) with a sorting network, derives every delta and bias from
/// the sorted keys, then writes the digits from a table: the insertions are
/// independent computations that the processor overlaps.
#[inline(always)]
fn insertions<const N: usize>(
    keys: &[u32],
    basic: usize,
    out: &mut [u8],
    mut len: usize,
) -> Option<usize> {
    let count = keys.len().min(N);
    // The padding sorts last.
    let mut sorted = [u32::MAX; N];
    for (j, slot) in sorted.iter_mut().enumerate() {
        if let Some(&key) = keys.get(j) {
            *slot = key;
        }
    }
    sort(&mut sorted);
    // First every delta, then the digits, each under the bias the delta
    // before leaves: two short loops with few live values each.
    let mut deltas = [0u32; N];
    // The decoder's state after the previous insertion: code point and index.
    let (mut n, mut i) = (INITIAL_N, 0);
    for k in 0..count {
        let (m, p) = (sorted[k] >> 6, sorted[k] & 63);
        // Where it goes: its position, less the code points before it that
        // are inserted after it (greater, or equal and later).
        let mut at = p;
        for (j, &other) in sorted.iter().enumerate() {
            // Over all `N` with no branch: the padding's position, 63, is
            // before none.
            at -= u32::from(j > k && other & 63 < p);
        }
        // So many code points are in the string before this insertion.
        let points = (basic + k) as u32 + 1;
        deltas[k] = (m - n) * points + at - i;
        (n, i) = (m, at + 1);
    }
    // Each bias from the delta before (none after the last).
    let mut bias = INITIAL_BIAS;
    for k in 0..count {
        if k > 0 {
            bias = adapt(deltas[k - 1], (basic + k) as u32, k == 1);
        }
        len = put_varint(out, len, deltas[k], bias)?;
    }
    Some(len)
}

/// Sorts `keys` (`N` 1, 2, 4, 6 or a power of two) with a sorting network:
/// a fixed sequence of compare-exchanges, no branch on the data.
#[inline(always)]
fn sort<const N: usize>(keys: &mut [u32; N]) {
    // The networks written out: a loop over a table of pairs is not always
    // unrolled, and then every exchange loads and stores through memory.
    macro_rules! network {
        ($(($i:literal, $j:literal)),* $(,)?) => {{
            $(exchange(keys, $i, $j);)*
        }};
    }
    match N {
        0 | 1 => {}
        // Sorting networks (Knuth, TAOCP vol. 3, 5.3.4): 1, 5, 12 and 19
        // compare-exchanges. `sorting_networks_sort` checks them on every 0-1
        // input, which by the 0-1 principle covers all inputs.
        2 => network!((0, 1)),
        4 => network!((0, 1), (2, 3), (0, 2), (1, 3), (1, 2)),
        // Labels of more than 8 Unicode code points are rare enough for a
        // bitonic sorter; 8 is the longest Han label with the most common 4.
        // Six: labels of five or six Han characters, the most common length
        // with four.
        6 => network!(
            (0, 5),
            (1, 3),
            (2, 4),
            (1, 2),
            (3, 4),
            (0, 3),
            (2, 5),
            (0, 1),
            (2, 3),
            (4, 5),
            (1, 2),
            (3, 4),
        ),
        8 => network!(
            (0, 2),
            (1, 3),
            (4, 6),
            (5, 7),
            (0, 4),
            (1, 5),
            (2, 6),
            (3, 7),
            (0, 1),
            (2, 3),
            (4, 5),
            (6, 7),
            (2, 4),
            (3, 5),
            (1, 4),
            (3, 6),
            (1, 2),
            (3, 4),
            (5, 6),
        ),
        _ => bitonic(keys),
    }
}

/// Puts the smaller of `keys[i]` and `keys[j]` at `i` (`i < j`).
#[inline(always)]
fn exchange<const N: usize>(keys: &mut [u32; N], i: usize, j: usize) {
    let (a, b) = (keys[i % N], keys[j % N]);
    keys[i % N] = a.min(b);
    keys[j % N] = a.max(b);
}

/// A bitonic sorter for any power of two `N`.
fn bitonic<const N: usize>(keys: &mut [u32; N]) {
    let mut size = 2;
    while size <= N {
        let mut stride = size / 2;
        while stride > 0 {
            for i in 0..N {
                let j = i ^ stride;
                if j > i {
                    let (a, b) = (keys[i], keys[j]);
                    let up = i & size == 0;
                    keys[i] = if up { a.min(b) } else { a.max(b) };
                    keys[j] = if up { a.max(b) } else { a.min(b) };
                }
            }
            stride /= 2;
        }
        size *= 2;
    }
}

/// Digits of a variable-length integer computed without a loop; any more
/// take the loop of RFC 3492. Four cover all but a few in a thousand of the
/// deltas of Han labels (most take three or four digits) and nearly all of
/// other scripts'.
const UNROLLED: usize = 4;
// They fill one 4-byte word.
const _: () = assert!(UNROLLED == 4);

/// The largest bias `adapt` returns for the encoder's deltas: `36 * 4 + 33`
/// for a delta below 2^27 (a label of at most 64 code points below
/// U+110000: `(0x10FFFF - 0x80) * 64 + 64`).
const MAX_BIAS: usize = 177;

/// For one bias, the generalized variable-length integer of RFC 3492 as a
/// mixed-radix number: digit `j` (from 0) has threshold `t[j]` and radix
/// `b[j] = 36 - t[j]`. The digits are then independent of each other: with
/// `w[j] = b[0] * ... * b[j]` and `a[j] = t[0] + t[1] * w[0] + ... + t[j] *
/// w[j - 1]`, the integer has a digit after digit `j` exactly when `q >=
/// a[j]`, the quotient left after digit `j` is `(q - a[j]) / w[j]`, and digit
/// `j` is the quotient before it minus `b[j]` times the quotient after it.
struct Radix {
    /// `a[j]`: the smallest integer with more than `j + 1` digits.
    a: [u32; UNROLLED],
    /// `reciprocal(w[j])`.
    w: [u64; UNROLLED],
    /// `b[j]`.
    b: [u8; UNROLLED],
}

static RADIX: [Radix; MAX_BIAS + 1] = {
    const ZERO: Radix = Radix {
        a: [0; UNROLLED],
        w: [0; UNROLLED],
        b: [0; UNROLLED],
    };
    let mut table = [ZERO; MAX_BIAS + 1];
    let mut bias = 0;
    while bias <= MAX_BIAS {
        let (mut a, mut w) = (0u64, 1u64);
        let mut j = 0;
        while j < UNROLLED {
            let t = threshold(BASE * (j as u32 + 1), bias as u32);
            a += t as u64 * w;
            w *= (BASE - t) as u64;
            table[bias].a[j] = a as u32;
            table[bias].w[j] = reciprocal(w);
            table[bias].b[j] = (BASE - t) as u8;
            j += 1;
        }
        bias += 1;
    }
    table
};

/// Writes `q` as a generalized variable-length integer (RFC 3492 §6.3) at
/// `out[len..]`, returning the new length.
#[inline(always)]
fn put_varint(out: &mut [u8], len: usize, q: u32, bias: u32) -> Option<usize> {
    debug_assert!(bias as usize <= MAX_BIAS);
    let radix = &RADIX[(bias as usize).min(MAX_BIAS)];
    // The first digits, whether or not they are needed, into a word.
    let mut word = 0u32;
    let mut used = 1;
    let mut before = q;
    for j in 0..UNROLLED {
        let more = q >= radix.a[j];
        let after = div_by(q.saturating_sub(radix.a[j]), radix.w[j]);
        let digit = before - u32::from(radix.b[j]) * after;
        word |= u32::from(digit_to_byte(digit)) << (8 * j);
        used += usize::from(more);
        before = after;
    }
    let room = out.get_mut(len..)?;
    if room.len() >= UNROLLED {
        room[..UNROLLED].copy_from_slice(&word.to_le_bytes());
    } else {
        room.get_mut(..used.min(UNROLLED))?
            .copy_from_slice(&word.to_le_bytes()[..used.min(UNROLLED)]);
    }
    if used <= UNROLLED {
        return Some(len + used);
    }
    // A longer integer: the rest digit by digit.
    let mut len = len + UNROLLED;
    let mut q = before;
    let mut k = BASE * (UNROLLED as u32 + 1);
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
    use super::{
        adapt, decode, decode_any, div_by, div_rem, last_hyphen, put_varint, reciprocal, sort,
        threshold, BASE, DECODE_CAP, MAX_BIAS, MAX_DECODE_BIAS, RADIX, T_MAX, T_MIN,
    };
    use alloc::{vec, vec::Vec};

    /// RFC 3492 §6.1 as written.
    fn adapt_as_written(mut delta: u32, num_points: u32, first_time: bool) -> u32 {
        delta /= if first_time { 700 } else { 2 };
        delta += delta / num_points;
        let mut k = 0;
        while delta > 455 {
            delta /= 35;
            k += 36;
        }
        k + (36 * delta) / (delta + 38)
    }

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

    /// RFC 3492 §6.2/§6.3: "if k <= bias then t = tmin, else if k >= bias +
    /// tmax then t = tmax, else t = k - bias", as written: the references
    /// below use it, not the library's `threshold` (which the tables are
    /// built with).
    fn threshold_as_written(k: u32, bias: u32) -> u32 {
        if k <= bias {
            T_MIN
        } else if k >= bias + T_MAX {
            T_MAX
        } else {
            k - bias
        }
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

    /// RFC 3492 §6.3's variable-length integer as written.
    fn varint_as_written(mut q: u32, bias: u32) -> Vec<u8> {
        let digit = |d: u32| b"abcdefghijklmnopqrstuvwxyz0123456789"[d as usize];
        let mut out = Vec::new();
        let mut k = BASE;
        loop {
            let t = threshold_as_written(k, bias);
            if q < t {
                break;
            }
            out.push(digit(t + (q - t) % (BASE - t)));
            q = (q - t) / (BASE - t);
            k += BASE;
        }
        out.push(digit(q));
        out
    }

    /// Values at the edges of `0..=u32::MAX` and a sweep between.
    fn values() -> impl Iterator<Item = u32> {
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

    /// Every bias the encoder can meet, every delta below 2^27 in a sweep
    /// and at the digit-count boundaries: the same digits as RFC 3492.
    #[test]
    fn varint_agrees_with_rfc() {
        for bias in 0..=MAX_BIAS as u32 {
            let edges = RADIX[bias as usize]
                .a
                .iter()
                .flat_map(|&a| [a.saturating_sub(1), a, a + 1]);
            for q in values().filter(|&q| q < 1 << 27).chain(edges) {
                let expected = varint_as_written(q, bias);
                let mut out = [0u8; 16];
                let len = put_varint(&mut out, 0, q, bias).unwrap();
                assert_eq!(&out[..len], &expected[..], "q {q}, bias {bias}");
                // Also where the room is short of the scratch word.
                let mut tight = vec![0u8; expected.len()];
                assert_eq!(put_varint(&mut tight, 0, q, bias), Some(expected.len()));
                assert_eq!(tight, expected);
                if !expected.is_empty() {
                    let mut short = vec![0u8; expected.len() - 1];
                    assert_eq!(put_varint(&mut short, 0, q, bias), None);
                }
            }
        }
    }

    /// The sorting networks sort every input of 0s and 1s (and so, by the
    /// 0-1 principle, every input).
    #[test]
    fn sorting_networks_sort() {
        fn check<const N: usize>() {
            for bits in 0..1u32 << N {
                let mut keys = [0u32; N];
                for (i, k) in keys.iter_mut().enumerate() {
                    *k = bits >> i & 1;
                }
                sort(&mut keys);
                assert!(keys.is_sorted(), "N = {N}, input {bits:b}: {keys:?}");
            }
        }
        check::<1>();
        check::<2>();
        check::<4>();
        check::<6>();
        check::<8>();
        check::<16>();
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
}
