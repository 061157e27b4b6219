//! The known IDN top-level domains at run time: the lookup of a label in
//! the table that `codegen/` generates (`src/generated/idn_tlds.rs`), by
//! U-label or by A-label. A precomputed result of the Punycode encoder,
//! not Punycode itself.

use crate::bytes::{head, read64};
use crate::generated::idn_tlds;

/// The known IDN top-level domain that `body[start..]` is, if any, with its
/// A-label: the top-level labels of the Public Suffix List whose code points
/// are all in the fast set (`中国`, `公司`, `网络`, `рф`, ...; generated
/// in `src/generated/idn_tlds.rs` with `idna`'s encoder, which
/// `known_tlds_are_encoded_as_the_encoder_does` checks against
/// [`crate::punycode::encode::encode`]).
///
/// Names under these are the common internationalised names; the one-pass
/// check asks here at each label after the first and, on a hit, has the last
/// label's A-label without reading it code point by code point or encoding
/// it. It is a precomputed result, not a policy: a label's A-label is the
/// same whatever suffix list is in use.
#[inline]
pub(crate) fn known_tld(body: &[u8], start: usize) -> Option<&'static KnownTld> {
    let len = body.len().checked_sub(start)?;
    if !(idn_tlds::MIN_BYTES..=idn_tlds::MAX_BYTES).contains(&len) {
        return None;
    }
    let key = tld_key(body, start);
    let entry = idn_tlds::SLOTS[tld_slot(key, idn_tlds::SEED, idn_tlds::BITS)];
    let tld = idn_tlds::TLDS.get(usize::from(entry).checked_sub(1)?)?;
    // The words and the length are the label up to 16 bytes.
    let same = (tld.first, tld.last, tld.u_label.len()) == key
        && (len <= 16 || tld.u_label.as_bytes() == &body[start..]);
    same.then_some(tld)
}

/// The known IDN top-level domain whose A-label (`xn--` included,
/// lowercase) is `label`, if any: the other way round from [`known_tld`],
/// for an `xn--` label, which then needs no decoding (a second slot array,
/// keyed by the A-labels).
#[inline]
pub(crate) fn known_tld_a_label(label: &[u8]) -> Option<&'static KnownTld> {
    if !(idn_tlds::MIN_A_BYTES..=idn_tlds::MAX_A_BYTES).contains(&label.len()) {
        return None;
    }
    let key = tld_key(label, 0);
    let entry = idn_tlds::A_SLOTS[tld_slot(key, idn_tlds::A_SEED, idn_tlds::BITS)];
    let tld = idn_tlds::TLDS.get(usize::from(entry).checked_sub(1)?)?;
    (tld.a_label.get(..label.len()) == Some(label) && tld.a_len == label.len()).then_some(tld)
}

/// A known IDN top-level domain (`src/generated/idn_tlds.rs`).
pub(crate) struct KnownTld {
    /// The first and last (up to) 8 bytes of the U-label, as [`tld_key`]
    /// reads them.
    pub(crate) first: u64,
    pub(crate) last: u64,
    pub(crate) u_label: &'static str,
    /// The A-label, `xn--` included, zero padded: copied whole, as one
    /// fixed-size move.
    pub(crate) a_label: [u8; KNOWN_TLD_ROOM],
    pub(crate) a_len: usize,
}

/// The room for a known TLD's A-label.
pub(crate) const KNOWN_TLD_ROOM: usize = 32;

/// The key of the label `body[start..]` (it runs to the end of `body`): its
/// first and last (up to) 8 bytes as little-endian words, zero padded, and
/// its length; read as two words where `body` allows.
#[inline(always)]
pub(crate) fn tld_key(body: &[u8], start: usize) -> (u64, u64, usize) {
    let len = body.len() - start;
    let (first, last) = if body.len() < 8 {
        // A short name: the label's bytes, zero padded.
        let first = head(&body[start..]);
        (first, first)
    } else if len >= 8 {
        (read64(body, start), read64(body, body.len() - 8))
    } else {
        // The last word of the name, less what precedes the label.
        let first = read64(body, body.len() - 8) >> (64 - 8 * len);
        (first, first)
    };
    (first, last, len)
}

/// The slot of a label of key `key` ([`tld_key`]) in a known-TLD table of
/// `1 << bits` slots under `seed`: a multiplicative hash. The generator
/// picks a seed that gives every known TLD a slot of its own.
#[inline(always)]
pub(crate) fn tld_slot((first, last, len): (u64, u64, usize), seed: u64, bits: u32) -> usize {
    let key = first ^ last.rotate_left(29) ^ (len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (key.wrapping_mul(seed) >> (64 - bits)) as usize
}

#[cfg(test)]
mod tests {
    use super::{known_tld, known_tld_a_label, tld_key};
    use crate::punycode;
    use alloc::vec::Vec;

    /// Every known TLD's precomputed A-label is what [`punycode::encode::encode`]
    /// gives, and the table finds it at the end of a name of any length, and
    /// not where more follows or something precedes it in the same label.
    #[test]
    fn known_tlds_are_encoded_as_the_encoder_does() {
        use crate::generated::idn_tlds::TLDS;
        assert!(TLDS.len() >= 50, "{}", TLDS.len());
        for known in &TLDS {
            let (tld, a_label) = (known.u_label, &known.a_label[..known.a_len]);
            let chars: Vec<char> = tld.chars().collect();
            let mut out = [0u8; 64];
            out[..4].copy_from_slice(b"xn--");
            let n = punycode::encode::encode(&chars, &mut out[4..]).unwrap();
            assert_eq!(&out[..4 + n], a_label, "{tld}");
            assert!(known.a_label[known.a_len..].iter().all(|&b| b == 0));
            assert_eq!(
                tld_key(tld.as_bytes(), 0),
                (known.first, known.last, tld.len())
            );
            for prefix in ["", "a.", "例子.", "a-much-longer-label.例子."] {
                let name = alloc::format!("{prefix}{tld}");
                let found = known_tld(name.as_bytes(), prefix.len()).map(|t| t.u_label);
                assert_eq!(found, Some(tld), "{name}");
                let longer = alloc::format!("{prefix}{tld}x");
                assert!(
                    known_tld(longer.as_bytes(), prefix.len()).is_none(),
                    "{longer}"
                );
                let within = alloc::format!("{prefix}x{tld}");
                assert!(
                    known_tld(within.as_bytes(), prefix.len()).is_none(),
                    "{within}"
                );
            }
        }
        for other in ["cn", "com", "例子", "中国x", "x中国"] {
            assert!(known_tld(other.as_bytes(), 0).is_none(), "{other}");
        }
        for known in &TLDS {
            let a_label = &known.a_label[..known.a_len];
            let found = known_tld_a_label(a_label).map(|t| t.u_label);
            assert_eq!(found, Some(known.u_label));
            let longer = [a_label, b"a"].concat();
            assert!(known_tld_a_label(&longer).is_none());
            assert!(known_tld_a_label(&a_label[..a_label.len() - 1]).is_none());
        }
        for other in ["xn--fsqu00a", "xn--abcdefgh", "com", "xn--fiqs8s-"] {
            assert!(known_tld_a_label(other.as_bytes()).is_none(), "{other}");
        }
    }
}
