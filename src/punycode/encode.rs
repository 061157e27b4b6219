//! The Punycode encoder (RFC 3492 §6.3): the insertions sorted by a sorting
//! network, every delta and bias derived from the sorted keys, and the digits
//! written from a table of mixed radixes.

use super::{
    adapt, div_by, div_rem, reciprocal, threshold, BASE, DIGITS, INITIAL_BIAS, INITIAL_N,
    MAX_ENCODE_INPUT,
};

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

#[inline(always)]
fn digit_to_byte(d: u32) -> u8 {
    debug_assert!(d < BASE);
    DIGITS[(d & 63) as usize]
}

#[cfg(test)]
mod tests {
    use super::{put_varint, sort, MAX_BIAS, RADIX};
    use crate::punycode::tests::{threshold_as_written, values};
    use crate::punycode::BASE;
    use alloc::{vec, vec::Vec};

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
}
