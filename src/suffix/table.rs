//! The lookup of the suffix table: [`Table`], the arrays of a
//! [`SuffixList`](super::SuffixList) borrowed for one lookup, the walk over
//! a name's labels from the right and the label readers it uses (the
//! layout: [`super`]'s module docs). Hand-tuned: count its instructions
//! with `scripts/measure.sh instructions-suffix` before and after any change.

use super::hash::{bucket, hash, mix, mix_pilot, slot, K0};
use super::{
    both, rules_in_force, SuffixMatch, EXCEPTION, ICANN_ONLY, INNER, LEN_MASK, MAX_LABEL,
    OFFSET_MASK, OFFSET_SHIFT, POLICY, ROOT, RULE, WILDCARD,
};
use crate::bytes::{bytes_equal, head, read64, HIGH};

/// `true` if the rule `kind` of the node word is from the PRIVATE section
/// only (in ICANN-only mode an active rule never is).
#[inline(always)]
fn private_rule(word: u32, kind: u32) -> bool {
    word & (kind << ICANN_ONLY) == 0
}

#[inline(always)]
fn read32(b: &[u8], i: usize) -> u64 {
    u64::from(u32::from_le_bytes(b[i..i + 4].try_into().unwrap()))
}

/// `a == b` for slices of one length, in (overlapping) words rather than a
/// `memcmp` call: labels are short.
#[inline(always)]
fn same(a: &[u8], b: &[u8]) -> bool {
    let len = a.len();
    debug_assert_eq!(len, b.len());
    if len >= 8 {
        let mut i = 0;
        while len - i > 8 {
            if read64(a, i) != read64(b, i) {
                return false;
            }
            i += 8;
        }
        read64(a, len - 8) == read64(b, len - 8)
    } else if len >= 4 {
        read32(a, 0) == read32(b, 0) && read32(a, len - 4) == read32(b, len - 4)
    } else {
        // 1 to 3 bytes: first, middle and last cover them all.
        len == 0 || (a[0] == b[0] && a[len / 2] == b[len / 2] && a[len - 1] == b[len - 1])
    }
}

/// Where a walk stands: at the label `name[start..end]` (of head `first`)
/// under the node in slot `parent` (of path hash `parent_hash`), with the
/// suffix so far (its length, and the bits of the rule that matched it in its
/// node word: the kind's bit and its ICANN bit; 0 for the implicit rule `*`)
/// and the policy bits gathered so far.
#[derive(Clone, Copy)]
struct Step {
    start: usize,
    end: usize,
    first: u64,
    parent: u16,
    parent_hash: u64,
    len: usize,
    rule: u32,
    policy: u32,
}

/// The arrays of a [`SuffixList`], borrowed for one lookup.
pub(super) struct Table<'t> {
    pub(super) seed: u64,
    pub(super) parents: &'t [u16],
    pub(super) words: &'t [u32],
    pub(super) pilots: &'t [u16],
    pub(super) labels: &'t [u8],
}

impl Table<'_> {
    /// The node word and slot of `label` under the node in slot `parent` (of
    /// path hash `parent_hash`), and the child's path hash.
    #[inline(always)]
    fn child(
        &self,
        parent: u16,
        parent_hash: u64,
        first: u64,
        label: &[u8],
    ) -> Option<(u32, usize, u64)> {
        let h = hash(parent_hash, first, label);
        let len = label.len();
        let (word, slot, off) = self.probe(h, parent, len)?;
        // `labels` ends with 7 bytes of padding, so a word can be read at
        // any label's offset.
        let stored = read64(self.labels, off);
        let ok = if len <= 8 {
            stored & (u64::MAX >> (64 - 8 * len)) == first
        } else {
            stored == first && same(&self.labels[off + 8..off + len], &label[8..])
        };
        ok.then_some((word, slot, h))
    }

    /// The slot a path hash `h` lands on, if it holds a child of `parent`
    /// with a label of `len` bytes: its node word, the slot and the label's
    /// offset in `labels`, for the caller to compare the label.
    #[inline(always)]
    fn probe(&self, h: u64, parent: u16, len: usize) -> Option<(u32, usize, usize)> {
        let pilot = mix_pilot(self.pilots[bucket(h, self.pilots.len())]);
        let slot = slot(h, pilot, self.parents.len());
        // Most misses end here, at the smaller array.
        if self.parents[slot] != parent {
            return None;
        }
        let word = self.words[slot];
        if (word & LEN_MASK) as usize != len {
            return None;
        }
        Some((word, slot, ((word >> OFFSET_SHIFT) & OFFSET_MASK) as usize))
    }

    /// [`child`](Self::child) for a label of 1 to 16 bytes given by its
    /// length and its first and last 8 bytes (`last == first` for 8 bytes
    /// or less), compared without a branch on its length.
    #[inline(always)]
    fn child16(
        &self,
        parent: u16,
        parent_hash: u64,
        first: u64,
        last: u64,
        len: usize,
    ) -> Option<(u32, usize, u64)> {
        // `hash` for a label of at most 16 bytes: no middle words.
        let h = mix(parent_hash, first, pick(len > 8, K0 ^ last, 0), len);
        let (word, slot, off) = self.probe(h, parent, len)?;
        // `1 <= len <= 16` here: the stored label has this length.
        let mask = u64::MAX >> (64 - 8 * len.min(8));
        let stored_first = read64(self.labels, off) & mask;
        let stored_last = read64(self.labels, off + len.max(8) - 8) & mask;
        ((stored_first == first) & (stored_last == last)).then_some((word, slot, h))
    }

    /// [`child`](Self::child), and where `U_LABELS` and it is not found,
    /// [`u_label_child`](Self::u_label_child): one step of a walk.
    #[inline(always)]
    fn find<const U_LABELS: bool>(
        &self,
        parent: u16,
        parent_hash: u64,
        first: u64,
        label: &[u8],
    ) -> Option<(u32, usize, u64)> {
        match self.child(parent, parent_hash, first, label) {
            None if U_LABELS => self.u_label_child(parent, parent_hash, label),
            found => found,
        }
    }

    /// [`child`](Self::child) for a label in U-label form: its A-label,
    /// looked up instead (`None` for an ASCII label).
    #[inline(never)]
    fn u_label_child(
        &self,
        parent: u16,
        parent_hash: u64,
        label: &[u8],
    ) -> Option<(u32, usize, u64)> {
        let text = core::str::from_utf8(label).ok()?;
        let mut chars = ['\0'; MAX_LABEL];
        let mut k = 0;
        for c in text.chars() {
            *chars.get_mut(k)? = c;
            k += 1;
        }
        let mut a_label = [0u8; MAX_LABEL];
        a_label[..4].copy_from_slice(b"xn--");
        let len = 4 + crate::punycode::encode::encode(&chars[..k], &mut a_label[4..])?;
        let a_label = &a_label[..len];
        self.child(parent, parent_hash, head(a_label), a_label)
    }

    /// [`quick`](Self::quick) for a list loaded at run time, out of line.
    #[inline(never)]
    pub(super) fn quick_owned(&self, name: &[u8], private: bool) -> SuffixMatch {
        self.quick(name, private)
    }

    /// [`lookup`](Self::lookup) out of line, for the names
    /// [`quick`](Self::quick) leaves to it.
    #[inline(never)]
    fn lookup_out(&self, name: &[u8], private: bool) -> SuffixMatch {
        self.lookup::<false>(name, private)
    }

    /// [`lookup`](Self::lookup) with U-labels looked up, out of line.
    #[inline(never)]
    fn lookup_u_labels(&self, name: &[u8], private: bool) -> SuffixMatch {
        self.lookup::<true>(name, private)
    }

    /// The walk. `U_LABELS == false` looks labels up as they are, and at a
    /// miss on a label with non-ASCII bytes starts over as
    /// `U_LABELS == true`, which also tries the A-label of a label not
    /// found. One walk, two instances, so that A-label names carry little
    /// U-label code: one branch-free test at the miss.
    #[inline(always)]
    fn lookup<const U_LABELS: bool>(&self, name: &[u8], private: bool) -> SuffixMatch {
        let n = name.len();
        let (start, first) = label_before(name, n);
        let at = Step {
            start,
            end: n,
            first,
            parent: ROOT,
            parent_hash: self.seed,
            // The implicit rule `*` until a rule matches: the TLD.
            len: n - start,
            rule: 0,
            policy: 0,
        };
        self.walk::<U_LABELS>(name, private, at)
    }

    /// The walk from the label `at` describes to the end of the lookup.
    #[inline(always)]
    fn walk<const U_LABELS: bool>(&self, name: &[u8], private: bool, at: Step) -> SuffixMatch {
        let n = name.len();
        let rules = rules_in_force(private);
        let Step {
            mut start,
            mut end,
            mut first,
            mut parent,
            mut parent_hash,
            mut len,
            mut rule,
            mut policy,
        } = at;
        while start < end {
            let label = &name[start..end];
            let found_child = self.find::<U_LABELS>(parent, parent_hash, first, label);
            let Some((word, child, h)) = found_child else {
                if !U_LABELS && has_non_ascii(name, start, end, first) {
                    // Rare: a U-label; start again, looking them up.
                    return self.lookup_u_labels(name, private);
                }
                break;
            };
            // The policy bits hold for every name under the node, so they
            // are gathered along the whole walk.
            policy |= word;
            let hit = word & rules;
            if hit & (EXCEPTION | EXCEPTION << ICANN_ONLY) != 0 {
                // Rare, and decided: out of line.
                return self.exception::<U_LABELS>(
                    name,
                    private,
                    start,
                    end,
                    (word, child, h),
                    policy,
                );
            }
            if hit & (RULE | RULE << ICANN_ONLY) != 0 {
                len = n - start;
                rule = word & (RULE | RULE << ICANN_ONLY);
            }
            if start == 0 {
                break;
            }
            // The next label, found even at a leaf: it is the registrable
            // domain's first label if no longer rule matches.
            end = start - 1;
            (start, first) = label_before(name, end);
            if hit & (WILDCARD | WILDCARD << ICANN_ONLY) != 0 {
                // `*.parent`: this label, whatever it is, extends the suffix
                // (unless an exception for it follows).
                len = n - start;
                rule = word & (WILDCARD | WILDCARD << ICANN_ONLY);
            }
            if word & INNER == 0 {
                break;
            }
            (parent, parent_hash) = (child as u16, h);
        }
        let mut found = if rule == 0 {
            SuffixMatch::implicit(len)
        } else {
            // A rule of the PRIVATE section only has no ICANN bit.
            SuffixMatch::known(len, rule & ((RULE | WILDCARD) << ICANN_ONLY) == 0)
        };
        found.policy = policy & POLICY;
        // The registrable domain: the suffix and the label before it.
        if len == 0 || len == n {
            return found;
        }
        let dot = n - len - 1;
        let reg_start = if dot == end {
            start // the label the walk stopped at
        } else {
            label_start(name, dot)
        };
        if reg_start < dot {
            found.reg = n - reg_start;
        }
        found
    }

    /// [`lookup`](Self::lookup), with its first two steps written out for
    /// the common case: a name of at least 8 bytes whose last label (under 8
    /// bytes) is a node without a wildcard or exception rule, and whose
    /// second label (under 16 bytes) is not a node, or a leaf without one.
    /// The walk takes over at the third label under a second-level node with
    /// children (`x.co.uk`), and from the start for any other name.
    ///
    /// The second label is split and compared without a branch on its
    /// length, which no predictor knows.
    #[inline(always)]
    pub(super) fn quick(&self, name: &[u8], private: bool) -> SuffixMatch {
        let n = name.len();
        let rules = rules_in_force(private);
        if n < 8 {
            return self.lookup_out(name, private);
        }
        let w = read64(name, n - 8);
        let m = dots(w);
        if m == 0 {
            return self.lookup_out(name, private);
        }
        // The TLD, `name[dot + 1..]`, is in the word just read.
        let lz = m.leading_zeros();
        let dot = n - 1 - (lz / 8) as usize;
        let first = (w >> 1) >> (63 - lz);
        let Some((word, slot, h)) = self.child(ROOT, self.seed, first, &name[dot + 1..]) else {
            return self.lookup_out(name, private);
        };
        let hit = word & rules;
        if hit & both(WILDCARD | EXCEPTION) != 0 || dot == 0 {
            return self.lookup_out(name, private);
        }
        // The second label, `name[start..dot]`, from the 8 bytes before the
        // TLD's dot, then the 8 before them: branches on whether the name
        // has a third label (and where), not on the second label's length.
        let (hi, lo) = before(name, dot);
        let mh = dots(hi);
        let start = if mh != 0 {
            dot - (mh.leading_zeros() / 8) as usize
        } else {
            let ml = dots(lo);
            if ml != 0 {
                dot - 8 - (ml.leading_zeros() / 8) as usize
            } else if dot <= 16 {
                0
            } else {
                // Rare: a second label of 16 bytes or more.
                return self.lookup_out(name, private);
            }
        };
        let len2 = dot - start;
        if len2 == 0 {
            return self.lookup_out(name, private);
        }
        let mut policy = word;
        let mut rule = if hit & both(RULE) != 0 {
            word & both(RULE)
        } else {
            0
        };
        let mut len = n - dot - 1;
        let mut reg = n - start;
        if word & INNER != 0 {
            // Its first 8 bytes, and its last 8 (the first again if it is
            // at most 8 bytes long).
            let at = start.min(n - 8);
            let first =
                (read64(name, at) >> (8 * (start - at))) & (u64::MAX >> (64 - 8 * len2.min(8)));
            let last = pick(len2 > 8, hi, first);
            match self.child16(slot as u16, h, first, last, len2) {
                None => {
                    if (first | last) & HIGH != 0 {
                        return self.lookup_u_labels(name, private);
                    }
                }
                Some((word, slot, h)) => {
                    let hit = word & rules;
                    if hit & both(WILDCARD | EXCEPTION) != 0 {
                        // Rare (`*.kawasaki.jp`): the walk, from the start.
                        return self.lookup_out(name, private);
                    }
                    policy |= word;
                    if hit & both(RULE) != 0 {
                        rule = word & both(RULE);
                        len = n - start;
                        reg = 0;
                    }
                    if start > 0 {
                        let (next, first) = label_before(name, start - 1);
                        if word & INNER != 0 {
                            // A third label to look up: the walk's work.
                            let at = Step {
                                start: next,
                                end: start - 1,
                                first,
                                parent: slot as u16,
                                parent_hash: h,
                                len,
                                rule,
                                policy,
                            };
                            return self.walk::<false>(name, private, at);
                        }
                        if reg == 0 && next < start - 1 {
                            reg = n - next;
                        }
                    }
                }
            }
        }
        let mut found = if rule == 0 {
            SuffixMatch::implicit(len)
        } else {
            SuffixMatch::known(len, rule & RULE << ICANN_ONLY == 0)
        };
        found.policy = policy & POLICY;
        found.reg = reg;
        found
    }

    /// The end of [`lookup`](Self::lookup) after the exception rule
    /// `!label.parent` matched the label `name[start..end]` (node `node`: its
    /// word, slot and path hash): it prevails over every other rule, the
    /// suffix is the parent (exceptions have at least two labels, so
    /// `end < n`) and this label makes the registrable domain. The walk goes
    /// on only for the policy bits of the nodes below.
    #[cold]
    #[inline(never)]
    fn exception<const U_LABELS: bool>(
        &self,
        name: &[u8],
        private: bool,
        mut start: usize,
        mut end: usize,
        node: (u32, usize, u64),
        mut policy: u32,
    ) -> SuffixMatch {
        let n = name.len();
        let (word, mut child, mut h) = node;
        let mut found = SuffixMatch::known(n - end - 1, private_rule(word, EXCEPTION));
        found.reg = n - start;
        let mut inner = word & INNER != 0;
        while inner && start > 0 {
            end = start - 1;
            let first;
            (start, first) = label_before(name, end);
            if start == end {
                break;
            }
            let label = &name[start..end];
            let found_child = self.find::<U_LABELS>(child as u16, h, first, label);
            let Some((word, c, hash)) = found_child else {
                if !U_LABELS && has_non_ascii(name, start, end, first) {
                    return self.lookup_u_labels(name, private);
                }
                break;
            };
            policy |= word;
            inner = word & INNER != 0;
            (child, h) = (c, hash);
        }
        found.policy = policy & POLICY;
        found
    }
}

/// `true` if the label `name[start..end]` (of head `first`) has a byte
/// outside ASCII: the head covers up to 8 bytes, the word that ends the
/// label up to 16.
#[inline(always)]
fn has_non_ascii(name: &[u8], start: usize, end: usize, first: u64) -> bool {
    let len = end - start;
    first & HIGH != 0
        || (len > 8
            && (read64(name, end - 8) & HIGH != 0
                || (len > 16 && !name[start + 8..end - 8].is_ascii())))
}

/// 0x80 in each byte of `w` that is a `.`, 0 elsewhere.
#[inline(always)]
fn dots(w: u64) -> u64 {
    bytes_equal(w, b'.')
}

/// The label that ends at `end` (`name[start..end]`, possibly empty): its
/// start and its [`head`]. A label of under 8 bytes ends a word that holds
/// its dot, so one read gives both.
#[inline(always)]
fn label_before(name: &[u8], end: usize) -> (usize, u64) {
    if end >= 8 {
        let w = read64(name, end - 8);
        let m = dots(w);
        if m != 0 {
            // `lz / 8` bytes follow the word's last dot: the label, in the
            // word's top bytes (`lz < 64`, so the shift is split in two).
            let lz = m.leading_zeros();
            return (end - (lz / 8) as usize, (w >> 1) >> (63 - lz));
        }
        // 8 bytes or more: the head is a whole word.
        let start = label_start(name, end - 8);
        return (start, read64(name, start));
    }
    let (start, w) = in_first_word(name, end);
    let len = end - start;
    (start, (w >> (8 * start)) & ((1u64 << (8 * len)) - 1))
}

/// For `end < 8`: one past the last `.` of `name[..end]` (or 0), and the
/// word whose low bytes are the name's first (up to 8) bytes.
#[inline(always)]
fn in_first_word(name: &[u8], end: usize) -> (usize, u64) {
    let w = if name.len() >= 8 {
        read64(name, 0)
    } else {
        head(name)
    };
    let m = dots(w) & ((1u64 << (8 * end)) - 1);
    // `m == 0`: 64 leading zeros, so 0.
    ((64 - m.leading_zeros() as usize) / 8, w)
}

/// `if cond { a } else { b }` with no branch: for a condition no predictor
/// knows, such as a label's length (`core::hint::select_unpredictable` is
/// newer than the crate's minimum Rust version).
#[inline(always)]
fn pick(cond: bool, a: u64, b: u64) -> u64 {
    b ^ ((a ^ b) & u64::from(cond).wrapping_neg())
}

/// The 16 bytes of `name` before `end` (`1 <= end`, `name.len() >= 8`), as
/// two words, `name[end - 8..end]` and `name[end - 16..end - 8]`, with zero
/// bytes in place of those before the name's start.
#[inline(always)]
fn before(name: &[u8], end: usize) -> (u64, u64) {
    let at = end.saturating_sub(8);
    // Shifted by 8 bytes at most (`end >= 1`).
    let hi = read64(name, at) << (8 * (at + 8 - end));
    // Shifted by 7 bytes at most where `end > 8`; nothing of the name
    // where `end <= 8`.
    let at = end.saturating_sub(16);
    let lo = read64(name, at) << ((8 * (at + 16 - end)) & 63);
    (hi, pick(end > 8, lo, 0))
}

/// The start of the label that ends at `end`: one past the last `.` of
/// `name[..end]`, or 0. Eight bytes at a time (SWAR), from the right.
#[inline(always)]
fn label_start(name: &[u8], end: usize) -> usize {
    let mut e = end;
    while e >= 8 {
        let m = dots(read64(name, e - 8));
        if m != 0 {
            return e - 8 + (63 - m.leading_zeros() as usize) / 8 + 1;
        }
        e -= 8;
    }
    if e == 0 {
        return 0;
    }
    in_first_word(name, e).0
}

#[cfg(test)]
mod tests {
    use alloc::string::String;
    use alloc::vec::Vec;

    use crate::suffix::builder::to_ascii;
    use crate::suffix::{SuffixList, EMBEDDED_TABLE, EMPTY, OFFSET_BITS};

    /// [`Table::quick`] (the lookup) against the plain walk it shortcuts,
    /// on names under every rule of the list (and the policy names), with
    /// prefixes of every label length around the word size, and on random
    /// names of dots, hyphens, letters and a few multi-byte characters.
    #[test]
    fn quick_is_the_walk() {
        let table = EMBEDDED_TABLE;
        let check = |name: &str| {
            for private in [false, true] {
                let quick = table.quick(name.as_bytes(), private);
                let walk = table.lookup::<false>(name.as_bytes(), private);
                assert_eq!(quick, walk, "{name:?}, private {private}");
            }
        };
        let list = include_str!("../../data/public_suffix_list.dat");
        let bodies = list
            .lines()
            .filter(|l| !l.starts_with("//") && !l.trim().is_empty())
            .map(|l| l.trim().trim_start_matches('!').trim_start_matches("*."))
            .chain(
                include_str!("../../data/reserved.txt")
                    .lines()
                    .filter_map(|l| l.split_whitespace().next()),
            )
            .filter(|b| !b.starts_with('#'));
        let prefixes: Vec<String> = [1, 2, 6, 7, 8, 9, 15, 16, 17, 24]
            .iter()
            .map(|&k| String::from(&"abcdefghijklmnopqrstuvwxyz"[..k]))
            .collect();
        let mut names = 0;
        for body in bodies {
            let ascii = to_ascii(body).unwrap();
            for body in [body, &*ascii] {
                check(body);
                check(&alloc::format!(".{body}"));
                check(&alloc::format!("..{body}"));
                for p in &prefixes {
                    check(&alloc::format!("{p}.{body}"));
                    check(&alloc::format!("x.{p}.{body}"));
                    check(&alloc::format!("{p}.w.{body}"));
                }
                names += 3 + 3 * prefixes.len();
            }
        }
        assert!(names > 200_000, "{names}");
        // Empty labels and dots at the word boundaries.
        for body in ["com", "jp", "co.uk", "ck", "abcdefg", "abcdefgh"] {
            for pad in 0..20 {
                let x = &"xxxxxxxxxxxxxxxxxxxx"[..pad];
                for name in [
                    alloc::format!(".{x}{body}"),
                    alloc::format!(".{x}.{body}"),
                    alloc::format!("{x}.{body}"),
                    alloc::format!("{x}..{body}"),
                    alloc::format!("..{x}.{body}"),
                    alloc::format!("{x}.{body}."),
                    alloc::format!("{x}.é.{body}"),
                ] {
                    check(&name);
                }
            }
        }
        // Random names: a small alphabet, so that labels of the list turn up.
        let alphabet = [
            "a", "b", "c", "o", "m", "k", "j", "p", "-", ".", ".", ".", "中", "é",
        ];
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = (x % 24) as usize;
            let mut name = String::new();
            let mut y = x;
            for _ in 0..len {
                y = y.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29);
                name.push_str(alphabet[(y % alphabet.len() as u64) as usize]);
            }
            for tld in ["", ".com", ".jp", ".uk", ".ck", ".cn"] {
                check(&alloc::format!("{name}{tld}"));
            }
        }
    }

    #[test]
    fn layout_limits() {
        let (_, parents, words, _, labels) = SuffixList::embedded().__raw_parts();
        assert_eq!(parents.len(), words.len());
        assert!(parents.len() < usize::from(EMPTY));
        assert!(labels.len() <= 1 << OFFSET_BITS);
        assert!(SuffixList::embedded().memory_usage() <= 128 * 1024);
    }
}
