//! Range tables: sorted, disjoint, inclusive ranges of code points, as
//! `codegen/` writes them (`src/generated/`), searched in one place.

use core::cmp::Ordering;

/// `true` if `c` lies in one of the `ranges` (sorted by start, disjoint,
/// each `(first, last)` inclusive): a binary search.
#[inline]
pub(crate) fn contains(ranges: &[(u32, u32)], c: u32) -> bool {
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                Ordering::Less
            } else if lo > c {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::contains;

    /// Every value around the edges of every range, against a linear scan.
    #[test]
    fn contains_is_a_linear_scan() {
        let ranges: [(u32, u32); 4] = [(3, 3), (5, 9), (20, 40), (0x10_FFFF, 0x10_FFFF)];
        for &(lo, hi) in &ranges {
            for c in [
                lo.saturating_sub(1),
                lo,
                lo + 1,
                hi.saturating_sub(1),
                hi,
                hi + 1,
            ] {
                let scan = ranges.iter().any(|&(a, b)| (a..=b).contains(&c));
                assert_eq!(contains(&ranges, c), scan, "{c}");
            }
        }
        assert!(!contains(&[], 0));
    }
}
