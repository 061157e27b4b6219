//! The path hash of the suffix table (`h(node) = mix(h(parent), label)`,
//! `h(root) = seed`) and where a path hash lands: its bucket, and its slot
//! under the bucket's pilot. The lookup ([`super::table`]) and the builder
//! ([`super::builder`]) both go through these, so that they agree.

use crate::bytes::read64;

pub(super) const K0: u64 = 0x9e37_79b9_7f4a_7c15;
const K1: u64 = 0xa076_1d64_78bd_642f;
pub(super) const K2: u64 = 0xe703_7ed1_a0b4_28db;

/// 64 x 64 -> 128 bit multiply, halves folded (wyhash's `mum`).
#[inline(always)]
pub(super) fn mum(a: u64, b: u64) -> u64 {
    let r = u128::from(a) * u128::from(b);
    (r as u64) ^ ((r >> 64) as u64)
}

/// The path hash of a label (of head `first`, see [`head`]) under a node of
/// path hash `parent`. Reads every byte of the label.
#[inline(always)]
pub(super) fn hash(parent: u64, first: u64, label: &[u8]) -> u64 {
    let len = label.len();
    let rest = if len > 8 {
        let mut acc = K0;
        let mut i = 8;
        while len - i > 8 {
            acc = mum(acc ^ read64(label, i), K1);
            i += 8;
        }
        acc ^ read64(label, len - 8)
    } else {
        0
    };
    mix(parent, first, rest, len)
}

/// The last step of [`hash`]: the parent's path hash, the label's first
/// word, the mix of its other bytes (`rest`, 0 for a label of at most 8
/// bytes) and its length. Also [`Table::child16`]'s.
#[inline(always)]
pub(super) fn mix(parent: u64, first: u64, rest: u64, len: usize) -> u64 {
    mum(first ^ parent, rest ^ K2 ^ len as u64)
}

/// Which bucket of `buckets` a path hash falls in.
#[inline(always)]
pub(super) fn bucket(h: u64, buckets: usize) -> usize {
    // `buckets` is a power of two (at most 2^16): the top bits.
    ((h >> 32) >> (32 - buckets.trailing_zeros())) as usize
}

/// The 32-bit displacement of a stored pilot index: one 32-bit multiply by
/// an odd constant, so that the 65,536 indexes give well-spread values.
#[inline(always)]
pub(super) fn mix_pilot(pilot: u16) -> u32 {
    u32::from(pilot).wrapping_mul(0x9e37_79b9)
}

/// The slot a path hash goes to with this (mixed) pilot.
#[inline(always)]
pub(super) fn slot(h: u64, pilot: u32, slots: usize) -> usize {
    // The low half of the hash: the bucket took the high half.
    let x = u64::from(h as u32 ^ pilot);
    ((x * slots as u64) >> 32) as usize
}
