//! Perfect-hash placement by hash-and-displace (PTHash-style), for tables
//! whose keys are all known when the table is built: each key falls in a
//! bucket, and each bucket gets a small number, its pilot, that sends the
//! bucket's keys to free slots. A lookup then finds a key's slot from its
//! hash and one pilot, with no probing.
//!
//! This module only places keys; what a key hashes to, which bucket it falls
//! in and where a pilot sends it are the caller's (the same functions its
//! lookup uses), passed in as `bucket` and `slot`. Users: the suffix table's
//! builder (`crate::suffix`, a pilot per bucket of four or so keys) and the
//! code generator's known-IDN-TLD table (`codegen/src/idn_tlds.rs`, through
//! `__private::phf_place`: one bucket, whose pilot picks the seed).

use alloc::vec::Vec;

/// Places `keys` in a table of `slots` slots, one key a slot.
///
/// Takes the keys, the number of buckets and of slots, `bucket(key)` (below
/// `buckets`) and `slot(key, pilot)` (below `slots`, for every `u16` pilot).
/// Buckets are placed largest first (equal sizes: lower index first), each
/// with the smallest pilot under which its keys go to distinct slots that no
/// bucket placed before took.
///
/// Returns the pilot of each bucket (0 for an empty one) and the slot of
/// each key (in the order of `keys`), such that for every key `k` at index
/// `i`, `slot(k, pilots[bucket(k)]) == slots_of[i]`, and no two keys share a
/// slot. `None` if some bucket has no such pilot among the 65,536 (two of
/// its keys that every pilot sends to one slot, such as keys with one hash,
/// or too full a table): the caller changes its hash (another seed) and
/// tries again. Deterministic: the same input gives the same placement.
pub(crate) fn place<K>(
    keys: &[K],
    buckets: usize,
    slots: usize,
    bucket: impl Fn(&K) -> usize,
    slot: impl Fn(&K, u16) -> usize,
) -> Option<(Vec<u16>, Vec<usize>)> {
    let mut members: Vec<Vec<usize>> = alloc::vec![Vec::new(); buckets];
    for (key, k) in keys.iter().enumerate() {
        members[bucket(k)].push(key);
    }
    let mut order: Vec<usize> = (0..buckets).collect();
    order.sort_by(|&a, &b| members[b].len().cmp(&members[a].len()).then(a.cmp(&b)));
    let mut taken = alloc::vec![false; slots];
    let mut pilots = alloc::vec![0u16; buckets];
    let mut slot_of = alloc::vec![0usize; keys.len()];
    let mut tried: Vec<usize> = Vec::new();
    for b in order {
        let members = &members[b];
        if members.is_empty() {
            break;
        }
        let pilot = (0..=u16::MAX).find(|&pilot| {
            tried.clear();
            for &key in members {
                let s = slot(&keys[key], pilot);
                if taken[s] || tried.contains(&s) {
                    return false;
                }
                tried.push(s);
            }
            true
        })?;
        pilots[b] = pilot;
        for (&key, &s) in members.iter().zip(&tried) {
            taken[s] = true;
            slot_of[key] = s;
        }
    }
    Some((pilots, slot_of))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key gets a slot of its own, the one its bucket's pilot sends
    /// it to; keys with one hash in one bucket cannot be placed.
    #[test]
    fn places_each_key_in_a_slot_of_its_own() {
        // splitmix64 of 0..1000: well-spread hashes.
        let keys: Vec<u64> = (1..=1000u64)
            .map(|i| {
                let mut z = i.wrapping_mul(0x9e37_79b9_7f4a_7c15);
                z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
                z ^ (z >> 31)
            })
            .collect();
        let (buckets, slots) = (256, 1031);
        let bucket = |&h: &u64| (h >> 56) as usize;
        let slot = |&h: &u64, pilot: u16| {
            let x = (h as u32 ^ u32::from(pilot).wrapping_mul(0x9e37_79b9)) as u64;
            ((x * slots as u64) >> 32) as usize
        };
        let (pilots, slot_of) = place(&keys, buckets, slots, bucket, slot).unwrap();
        assert_eq!(pilots.len(), buckets);
        let mut seen = alloc::vec![false; slots];
        for (key, &s) in keys.iter().zip(&slot_of) {
            assert_eq!(slot(key, pilots[bucket(key)]), s);
            assert!(!seen[s], "slot {s} twice");
            seen[s] = true;
        }
        assert!(place(&[7u64, 7], buckets, slots, bucket, slot).is_none());
        // One bucket: a search for the first pilot that separates all keys.
        let keys = [1u64, 2, 3, 4];
        let slot = |&k: &u64, p: u16| (k.wrapping_mul(u64::from(p) | 1) >> 1) as usize % 5;
        let first = (0..=u16::MAX)
            .find(|&p| {
                let s: Vec<usize> = keys.iter().map(|k| slot(k, p)).collect();
                (0..4).all(|i| (0..i).all(|j| s[i] != s[j]))
            })
            .unwrap();
        assert!(first > 0);
        let (pilots, slot_of) = place(&keys, 1, 5, |_| 0, slot).unwrap();
        assert_eq!(pilots, [first]);
        assert_eq!(
            slot_of,
            keys.iter().map(|k| slot(k, first)).collect::<Vec<_>>()
        );
    }
}
