//! The builder of the suffix table: the list's rules into a trie
//! ([`TmpNode`]), the trie's nodes placed by their path hashes
//! (hash-and-displace: [`crate::phf::place`]), and the labels packed into one byte string.

use alloc::borrow::Cow;
use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use super::hash::{bucket, hash, mix_pilot, mum, slot, K0, K2};
use super::{
    BuildError, ErrorKind, SuffixList, EMPTY, EXCEPTION, ICANN_ONLY, INNER, MARK_SHIFT, MAX_LABEL,
    OFFSET_BITS, OFFSET_SHIFT, POLICY, ROOT, RULE, WILDCARD,
};
use crate::bytes::head;
use crate::{phf, registry};

/// A trie node while building.
#[derive(Default)]
struct TmpNode {
    /// Children by label.
    children: BTreeMap<Vec<u8>, usize>,
    flags: u32,
}

/// A rule's text in A-label form, or `None` if it is not a domain name.
pub(crate) fn to_ascii(rule: &str) -> Option<Cow<'_, str>> {
    let canonical = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.';
    let ascii: Cow<'_, str> = if rule.bytes().all(canonical) {
        Cow::Borrowed(rule)
    } else {
        Cow::Owned(idna::domain_to_ascii(rule).ok()?)
    };
    // Letters, digits and hyphens only, as RFC 1123 host names (and every
    // rule of the list) have them.
    let ldh = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-';
    let ok = ascii
        .split('.')
        .all(|l| !l.is_empty() && l.len() <= MAX_LABEL && l.bytes().all(ldh));
    ok.then_some(ascii)
}

/// Sets a rule flag on a node. A rule listed in both sections counts as
/// ICANN.
fn set_flag(flags: &mut u32, kind: u32, private: bool) {
    *flags |= kind;
    if !private {
        *flags |= kind << ICANN_ONLY;
    }
}

/// The trie node of a name in A-label form, created with its ancestors if
/// absent.
fn insert(trie: &mut Vec<TmpNode>, ascii: &str) -> usize {
    let mut node = 0;
    for label in ascii.rsplit('.') {
        node = match trie[node].children.get(label.as_bytes()) {
            Some(&child) => child,
            None => {
                let child = trie.len();
                trie.push(TmpNode::default());
                trie[node].children.insert(label.as_bytes().to_vec(), child);
                child
            }
        };
    }
    node
}

/// Builds the table of the list `text`, with the marks of `marked` (names
/// as [`to_ascii`] takes them, each with its [`crate::registry`] marks; a
/// name that is not a domain name is skipped) on the nodes of their names.
pub(super) fn build<'m>(
    text: &str,
    marked: impl IntoIterator<Item = (&'m str, u32)>,
) -> Result<SuffixList, BuildError> {
    let mut trie: Vec<TmpNode> = alloc::vec![TmpNode::default()];
    let mut private = false;
    let mut rules = 0usize;
    let mut version: Option<String> = None;
    let mut commit: Option<String> = None;
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = line.trim();
        if let Some(comment) = line.strip_prefix("//") {
            if comment.contains("===BEGIN ICANN DOMAINS===") {
                private = false;
            } else if comment.contains("===BEGIN PRIVATE DOMAINS===") {
                private = true;
            } else if comment.contains("===END PRIVATE DOMAINS===") {
                private = false;
            } else if let Some(v) = comment.trim().strip_prefix("VERSION:") {
                version = Some(v.trim().into());
            } else if let Some(c) = comment.trim().strip_prefix("COMMIT:") {
                commit = Some(c.trim().into());
            }
            continue;
        }
        let Some(rule) = line.split_whitespace().next() else {
            continue;
        };
        let err =
            |kind: fn(usize, String) -> ErrorKind| BuildError::new(kind(line_no, rule.into()));
        let (body, kind) = if let Some(body) = rule.strip_prefix('!') {
            if !body.contains('.') {
                return Err(err(|line, rule| ErrorKind::Exception { line, rule }));
            }
            (body, EXCEPTION)
        } else if let Some(body) = rule.strip_prefix("*.") {
            (body, WILDCARD)
        } else if rule == "*" {
            // The implicit rule, stated: nothing to store.
            continue;
        } else {
            (rule, RULE)
        };
        if body.contains('*') {
            return Err(err(|line, rule| ErrorKind::Wildcard { line, rule }));
        }
        let Some(ascii) = to_ascii(body) else {
            return Err(err(|line, rule| ErrorKind::InvalidRule { line, rule }));
        };
        let node = insert(&mut trie, &ascii);
        set_flag(&mut trie[node].flags, kind, private);
        rules += 1;
    }
    if rules == 0 {
        return Err(BuildError::new(ErrorKind::Empty));
    }
    for (name, marks) in marked {
        let Some(ascii) = to_ascii(name) else {
            continue;
        };
        debug_assert!(marks < 1 << registry::MARK_BITS, "{marks:#x}");
        let node = insert(&mut trie, &ascii);
        trie[node].flags |= (marks << MARK_SHIFT) & POLICY;
    }
    if trie.len() > usize::from(u16::MAX) {
        return Err(BuildError::new(ErrorKind::TooLarge));
    }

    // Every node but the root gets a slot; a node's key is its path hash.
    let count = trie.len() - 1;
    let slots = count + count / 32 + 1;
    if slots >= usize::from(EMPTY) {
        return Err(BuildError::new(ErrorKind::TooLarge));
    }
    let buckets = count.div_ceil(4).max(1).next_power_of_two();
    let mut parent_of = alloc::vec![0usize; trie.len()];
    let mut label_of: Vec<&[u8]> = alloc::vec![&[][..]; trie.len()];
    for (id, node) in trie.iter().enumerate() {
        for (label, &child) in &node.children {
            parent_of[child] = id;
            label_of[child] = label;
        }
    }
    // Parents are created before their children, so one pass in id order
    // computes the path hashes.
    let mut seed = K2;
    let (pilots, slot_of) = loop {
        let mut hashes = alloc::vec![seed; trie.len()];
        for id in 1..trie.len() {
            hashes[id] = hash(hashes[parent_of[id]], head(label_of[id]), label_of[id]);
        }
        let placed = phf::place(
            &hashes[1..],
            buckets,
            slots,
            |&h| bucket(h, buckets),
            |&h, pilot| slot(h, mix_pilot(pilot), slots),
        );
        if let Some((pilots, slot_of)) = placed {
            break (pilots, slot_of);
        }
        seed = mum(seed, K0);
    };

    let (mut labels, offsets) = pack_labels(label_of[1..].iter().copied());
    // Padding (dots: no label holds one), so that a lookup reads a whole
    // word at any label's offset.
    labels.extend_from_slice(b".......");
    if labels.len() > (1 << OFFSET_BITS) {
        return Err(BuildError::new(ErrorKind::TooLarge));
    }
    let mut parents = alloc::vec![EMPTY; slots];
    let mut words = alloc::vec![0u32; slots];
    for id in 1..trie.len() {
        let label = label_of[id];
        let inner = if trie[id].children.is_empty() {
            0
        } else {
            INNER
        };
        let slot = slot_of[id - 1];
        let word = offsets[label] << OFFSET_SHIFT | label.len() as u32 | trie[id].flags | inner;
        let parent = match parent_of[id] {
            0 => ROOT,
            p => slot_of[p - 1] as u16,
        };
        parents[slot] = parent;
        words[slot] = word;
    }

    let version = match (version, commit) {
        (Some(v), Some(c)) => Some(alloc::format!("{v} (commit {c})")),
        (Some(v), None) => Some(v),
        (None, Some(c)) => Some(alloc::format!("commit {c}")),
        (None, None) => None,
    };
    Ok(SuffixList {
        seed,
        parents: Cow::Owned(parents),
        words: Cow::Owned(words),
        pilots: Cow::Owned(pilots),
        labels: Cow::Owned(labels),
        version: version.map(Cow::Owned),
    })
}

/// Lays the distinct labels out in one byte string, longest first, a label
/// that already occurs in it (as a whole label or inside a longer one)
/// sharing those bytes. Returns the bytes and each label's offset.
fn pack_labels<'a>(labels: impl Iterator<Item = &'a [u8]>) -> (Vec<u8>, BTreeMap<&'a [u8], u32>) {
    let mut distinct: Vec<&[u8]> = labels.collect();
    distinct.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    distinct.dedup();
    let mut blob: Vec<u8> = Vec::new();
    // Every substring of the blob's labels, with its offset.
    let mut seen: BTreeMap<&[u8], u32> = BTreeMap::new();
    let mut offsets = BTreeMap::new();
    for label in distinct {
        let off = match seen.get(label) {
            Some(&off) => off,
            None => {
                let off = blob.len() as u32;
                blob.extend_from_slice(label);
                for i in 0..label.len() {
                    for j in i + 1..=label.len() {
                        seen.entry(&label[i..j]).or_insert(off + i as u32);
                    }
                }
                off
            }
        };
        offsets.insert(label, off);
    }
    (blob, offsets)
}

#[cfg(test)]
mod tests {
    use crate::suffix::{Section, SuffixList};

    #[test]
    fn build_errors() {
        let e = SuffixList::parse("com\n*.*.com\n").unwrap_err();
        assert_eq!(e.line(), Some(2));
        let e = SuffixList::parse("com\na..com\n").unwrap_err();
        assert_eq!(e.line(), Some(2));
        assert!(SuffixList::parse("!com").is_err());
        assert!(SuffixList::parse("// only comments\n\n").is_err());
        assert!(SuffixList::parse("*\n").is_err());
        let e = SuffixList::parse("ok\nfoo bar\nbad_rule!\n").unwrap_err();
        assert_eq!(e.line(), Some(3), "{e}");
    }

    #[test]
    fn sections_and_duplicates() {
        let list = SuffixList::parse(
            "// ===BEGIN PRIVATE DOMAINS===\nfoo.com\n// ===END PRIVATE DOMAINS===\n\
             // ===BEGIN ICANN DOMAINS===\nfoo.com\ncom\n",
        )
        .unwrap();
        assert_eq!(
            list.lookup("a.foo.com", false).section(),
            Some(Section::Icann)
        );
        assert_eq!(list.lookup("a.foo.com", false).suffix_len(), 7);
        let list = SuffixList::parse("com // trailing words are ignored\n*.foo.com\n").unwrap();
        assert_eq!(
            list.lookup("a.b.foo.com", false).suffix_len(),
            "b.foo.com".len()
        );
        assert_eq!(
            list.lookup("a.b.foo.com", false).section(),
            Some(Section::Icann)
        );
    }

    #[test]
    fn unicode_rules() {
        let list = SuffixList::parse("cn\n公司.cn\n*.例子.cn\n").unwrap();
        assert_eq!(
            list.lookup("a.xn--55qx5d.cn", false).suffix_len(),
            "xn--55qx5d.cn".len()
        );
        assert_eq!(
            list.lookup("a.b.xn--fsqu00a.cn", false).suffix_len(),
            "b.xn--fsqu00a.cn".len()
        );
    }
}
