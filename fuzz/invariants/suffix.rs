//! The `suffix` target: `SuffixList::lookup` against the `publicsuffix` crate.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use dncheck::{Section, SuffixList};
use idna::uts46::{DnsLength, Hyphens, Uts46};
use publicsuffix::{IcannList, Psl, Type};

use super::*;

/// The list both sides are built from: the committed snapshot that
/// `codegen/` compiles into the embedded table.
const PUBLIC_SUFFIX_LIST: &str = include_str!("../../data/public_suffix_list.dat");

/// A rule kind's sections, as bits.
const ICANN: u8 = 1;
const PRIVATE: u8 = 2;

/// Longest input the `suffix` target converts to its A-label form, which has
/// at most 253 bytes: a longer input gets there only through mapped or
/// ignored code points, which the `check` target covers, and UTS #46
/// processing of long inputs would take most of the fuzzer's time.
const MAX_CONVERTED_INPUT: usize = 256;

/// Most labels a name made by [`suffix_name`] has: the longest rules have 7
/// (`*.airflow.cn-north-1.on.amazonwebservices.com.cn`), one more makes the
/// registrable domain and one more a name under it; and one to spare.
const MAX_GENERATED_LABELS: usize = 10;

/// The characters of random labels: what an A-label form can hold (`_` for
/// the `dns` profile).
const RANDOM_LABEL_CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789-_";

/// Labels that matter to the list's rules wherever they occur: the
/// exceptions' labels, hosts and short labels like those the tests use.
const FIXED_LABELS: &[&str] = &[
    "www",
    "city",
    "w",
    "x",
    "a",
    "com",
    "co",
    "r",
    "xn--55qx5d",
    "host",
];

/// A node of the rule trie (labels from the right), in A-label form, with
/// the sections of the rules at it.
#[derive(Default)]
struct RuleNode {
    /// The node's name (`""` for the root).
    path: String,
    children: BTreeMap<String, usize>,
    /// The children's labels in order, to pick one by index.
    child_labels: Vec<String>,
    /// `path` is a rule.
    rule: u8,
    /// `*.path` is a rule.
    wildcard: u8,
    /// `!path` is a rule.
    exception: u8,
}

/// The rules of `data/public_suffix_list.dat` as a trie, read here
/// independently of dncheck's builder, in A-label form by
/// `idna::domain_to_ascii` (as `publicsuffix` converts them).
struct Rules {
    nodes: Vec<RuleNode>,
    /// Every distinct label of every rule, sorted.
    labels: Vec<String>,
    /// The nodes of the rules, one per rule of any kind.
    rules: Vec<usize>,
    /// Where the algorithm has most to decide: the nodes of wildcard and
    /// exception rules, and every child of a wildcard's node (an exception,
    /// or the path of a longer rule beside the wildcard).
    special: Vec<usize>,
}

impl Rules {
    fn parse(text: &str) -> Rules {
        let mut nodes = vec![RuleNode::default()];
        let mut rules = Vec::new();
        let mut section = ICANN;
        for line in text.lines() {
            if line.contains("===BEGIN PRIVATE DOMAINS===") {
                section = PRIVATE;
            } else if line.contains("===BEGIN ICANN DOMAINS===") {
                section = ICANN;
            }
            let Some(rule) = line.split_whitespace().next() else {
                continue;
            };
            if rule.starts_with("//") {
                continue;
            }
            let (body, kind): (&str, fn(&mut RuleNode) -> &mut u8) =
                if let Some(body) = rule.strip_prefix('!') {
                    (body, |n| &mut n.exception)
                } else if let Some(body) = rule.strip_prefix("*.") {
                    (body, |n| &mut n.wildcard)
                } else {
                    (rule, |n| &mut n.rule)
                };
            let body = idna::domain_to_ascii(body)
                .unwrap_or_else(|e| panic!("rule {rule:?} refused: {e:?}"));
            let mut node = 0;
            for label in body.rsplit('.') {
                node = match nodes[node].children.get(label) {
                    Some(&child) => child,
                    None => {
                        let path = match nodes[node].path.as_str() {
                            "" => label.to_owned(),
                            parent => format!("{label}.{parent}"),
                        };
                        nodes.push(RuleNode {
                            path,
                            ..RuleNode::default()
                        });
                        let child = nodes.len() - 1;
                        nodes[node].children.insert(label.to_owned(), child);
                        child
                    }
                };
            }
            *kind(&mut nodes[node]) |= section;
            rules.push(node);
        }
        let mut labels = Vec::new();
        let mut special = Vec::new();
        for (i, node) in nodes.iter_mut().enumerate() {
            node.child_labels = node.children.keys().cloned().collect();
            labels.extend(node.child_labels.iter().cloned());
            if node.wildcard != 0 || node.exception != 0 {
                special.push(i);
            }
            if node.wildcard != 0 {
                special.extend(node.children.values().copied());
            }
        }
        labels.sort_unstable();
        labels.dedup();
        special.sort_unstable();
        special.dedup();
        Rules {
            nodes,
            labels,
            rules,
            special,
        }
    }

    /// The trie node of `name` (a rule or a rule's parent path), if any.
    fn node(&self, name: &str) -> Option<&RuleNode> {
        let mut node = 0;
        for label in name.rsplit('.') {
            node = *self.nodes[node].children.get(label)?;
        }
        Some(&self.nodes[node])
    }
}

/// `true` if a rule kind with these sections counts in this mode.
fn active(sections: u8, private: bool) -> bool {
    sections & ICANN != 0 || (private && sections & PRIVATE != 0)
}

/// The oracles and the rule trie, built once per process.
struct SuffixOracles {
    rules: Rules,
    /// The whole list.
    whole: publicsuffix::List,
    /// The same list, ICANN section only.
    icann: IcannList,
}

static SUFFIX_ORACLES: LazyLock<SuffixOracles> = LazyLock::new(|| {
    let whole: publicsuffix::List = PUBLIC_SUFFIX_LIST
        .parse()
        .expect("publicsuffix parses the list");
    SuffixOracles {
        rules: Rules::parse(PUBLIC_SUFFIX_LIST),
        icann: IcannList::from(whole.clone()),
        whole,
    }
});

/// (suffix, registrable, section): what both sides are compared on, as in
/// `tests/suffix.rs`.
type SuffixAnswer<'n> = (Option<&'n str>, Option<&'n str>, Option<Section>);

/// dncheck's answer.
fn our_suffix(name: &str, private: bool) -> SuffixAnswer<'_> {
    let m = SuffixList::embedded().lookup(name, private);
    (m.suffix(name), m.registrable(name), m.section())
}

/// `publicsuffix`'s answer (`oracle`: the whole list or the ICANN-only one).
fn their_suffix<'n>(oracle: &impl Psl, name: &'n str) -> SuffixAnswer<'n> {
    // Both are tails of `name`, so they are `str` too.
    let tail = |b: &[u8]| &name[name.len() - b.len()..];
    let suffix = oracle.suffix(name.as_bytes());
    let domain = oracle.domain(name.as_bytes());
    let section = suffix.and_then(|s| s.typ()).map(|t| match t {
        Type::Icann => Section::Icann,
        Type::Private => Section::Private,
    });
    (
        suffix.map(|s| tail(s.as_bytes())),
        domain.map(|d| tail(d.as_bytes())),
        section,
    )
}

/// Every invariant of the `suffix` target on one input:
///
/// * the raw input, if UTF-8, whatever it is: the lookup does not panic and
///   its answer has the documented shape ([`suffix_shape`]);
/// * the input, if UTF-8 (and at most [`MAX_CONVERTED_INPUT`] bytes), and
///   the name [`suffix_name`] makes of the bytes: where it has an A-label
///   form ([`a_label_form`]), which is the lookup's documented input, that
///   form gets the same answer from dncheck and `publicsuffix`, ICANN only
///   and with the whole list ([`suffix_agrees`]).
pub fn suffix_input(data: &[u8]) {
    if let Ok(text) = core::str::from_utf8(data) {
        suffix_shape(text);
        if text.len() <= MAX_CONVERTED_INPUT {
            if let Some(name) = a_label_form(text) {
                suffix_agrees(&name);
            }
        }
    }
    let name = suffix_name(data);
    suffix_shape(&name);
    if let Some(name) = a_label_form(&name) {
        suffix_agrees(&name);
    }
}

/// The canonical form `SuffixList::lookup` expects (A-labels, lowercase, no
/// root dot: what `Verdict::ascii` returns), or `None` for a name that is
/// refused. Computed with `idna` (UTS #46 `ToASCII` with the flags of the
/// `check` target's differential for the `dns` profile, the most
/// permissive, and one root dot dropped), so that the comparison does not
/// depend on the checker's other stages.
fn a_label_form(name: &str) -> Option<Cow<'_, str>> {
    Uts46::new()
        .to_ascii(
            strip_root(name).as_bytes(),
            DNS_DENY_LIST,
            Hyphens::Check,
            DnsLength::Verify,
        )
        .ok()
}

/// A name made of `data`, read as a little program that walks the rule trie,
/// so that wildcards, exceptions and rules beside each other come up far
/// more often than random labels would make them. Each step takes one byte,
/// `op`, and by `op >> 5`:
///
/// * `0..=2`: adds a child of the current trie node on the left, picked by
///   the next two bytes (off the trie: any label of the list);
/// * `3`: starts over at a [special](Rules::special) node (next two bytes);
/// * `4`: starts over at the node of any rule (next two bytes);
/// * `5`: adds a random label of `(op & 31) + 1` characters of
///   [`RANDOM_LABEL_CHARS`], one byte each;
/// * `6`: adds one of [`FIXED_LABELS`] (`op & 16` clear) or any label of the
///   list (set; next two bytes);
/// * `7`: ends the name.
///
/// A name has at most [`MAX_GENERATED_LABELS`] labels.
fn suffix_name(data: &[u8]) -> String {
    let rules = &SUFFIX_ORACLES.rules;
    let mut bytes = data.iter().copied();
    // An index below `len` from the next two bytes (0 past the end).
    let index = |bytes: &mut core::iter::Copied<core::slice::Iter<'_, u8>>, len: usize| {
        let (lo, hi) = (bytes.next().unwrap_or(0), bytes.next().unwrap_or(0));
        usize::from(u16::from_le_bytes([lo, hi])) % len
    };
    // The labels, from the right.
    let mut labels: Vec<String> = Vec::new();
    // The trie node of the labels so far; `None` once off the trie.
    let mut node = Some(0);
    while labels.len() < MAX_GENERATED_LABELS {
        let Some(op) = bytes.next() else {
            break;
        };
        let label = match op >> 5 {
            0..=2 => match node.map(|n| &rules.nodes[n].child_labels) {
                Some(children) if !children.is_empty() => {
                    children[index(&mut bytes, children.len())].clone()
                }
                _ => rules.labels[index(&mut bytes, rules.labels.len())].clone(),
            },
            3 | 4 => {
                let nodes = if op >> 5 == 3 {
                    &rules.special
                } else {
                    &rules.rules
                };
                let n = nodes[index(&mut bytes, nodes.len())];
                labels.clear();
                labels.extend(rules.nodes[n].path.rsplit('.').map(str::to_owned));
                node = Some(n);
                continue;
            }
            5 => {
                let len = usize::from(op & 31) + 1;
                bytes
                    .by_ref()
                    .take(len)
                    .map(|b| {
                        char::from(RANDOM_LABEL_CHARS[usize::from(b) % RANDOM_LABEL_CHARS.len()])
                    })
                    .collect()
            }
            6 if op & 16 == 0 => FIXED_LABELS[usize::from(op & 15) % FIXED_LABELS.len()].to_owned(),
            6 => rules.labels[index(&mut bytes, rules.labels.len())].clone(),
            _ => break,
        };
        node = node.and_then(|n| rules.nodes[n].children.get(&label).copied());
        labels.push(label);
    }
    labels.reverse();
    labels.join(".")
}

/// The shape of the lookup's answer on any string, canonical or not, in
/// both modes: no panic; the suffix is a whole-label tail of the name,
/// empty exactly for an empty name or an empty last label, the last label
/// alone when no rule is known; the registrable domain is the suffix and
/// the one label before it, there exactly when that label is not empty;
/// a section exactly for a known suffix, never `private` in ICANN mode.
fn suffix_shape(name: &str) {
    for private in [false, true] {
        let m = SuffixList::embedded().lookup(name, private);
        let ctx = format_args!("{name:?} (private: {private}) -> {m:?}");
        let len = m.suffix_len();
        assert!(len <= name.len(), "{ctx}: a suffix longer than the name");
        assert_eq!(
            len == 0,
            name.is_empty() || name.ends_with('.'),
            "{ctx}: an empty suffix for a non-empty last label, or the reverse"
        );
        let start = name.len() - len;
        assert!(
            start == 0 || name.as_bytes()[start - 1] == b'.',
            "{ctx}: the suffix does not start at a label"
        );
        let suffix = (len > 0).then(|| &name[start..]);
        assert_eq!(m.suffix(name), suffix, "{ctx}: suffix()");
        if !m.is_known() {
            assert!(
                !name[start..].contains('.'),
                "{ctx}: an implicit suffix of more than the last label"
            );
        }
        assert_eq!(m.section().is_some(), m.is_known(), "{ctx}: section()");
        if !private {
            assert_ne!(m.section(), Some(Section::Private), "{ctx}: ICANN only");
        }
        let registrable = if len > 0 && start > 0 {
            let dot = start - 1;
            let label = name[..dot].rfind('.').map_or(0, |i| i + 1);
            (label < dot).then(|| &name[label..])
        } else {
            None
        };
        assert_eq!(m.registrable(name), registrable, "{ctx}: registrable()");
    }
}

/// dncheck and `publicsuffix` give `name` (an A-label form) the same suffix,
/// registrable domain and section, ICANN only and with the whole list; but
/// for [`publicsuffix_misses_wildcard`].
fn suffix_agrees(name: &str) {
    let oracles = &*SUFFIX_ORACLES;
    suffix_agrees_in(name, false, &oracles.icann);
    suffix_agrees_in(name, true, &oracles.whole);
}

fn suffix_agrees_in(name: &str, private: bool, oracle: &impl Psl) {
    let ours = our_suffix(name, private);
    let theirs = their_suffix(oracle, name);
    if ours != theirs && !publicsuffix_misses_wildcard(private, ours, theirs, oracle) {
        panic!("{name:?} (private: {private}): dncheck {ours:?}, publicsuffix {theirs:?}");
    }
}

/// The one known, explained difference: `publicsuffix` skips a wildcard
/// rule `*.P` for a name whose label `X` under `P` is an explicit node of its
/// rule trie, the path of a longer rule (`*.cloud.int.apple` beside
/// `*.r.cloud.int.apple`, for `r.cloud.int.apple`). It follows the node
/// `X`, finds no rule there, never tries `*`, and falls back to what it
/// matched above `X`. The PSL's formal algorithm is on dncheck's side (`*.P`
/// matches `X.P`, and the longest matching rule prevails); see the named
/// test `publicsuffix_misses_wildcard_beside_longer_rule` in
/// `tests/suffix.rs`, which lists the 21 rule-derived names it affects.
///
/// Exactly that pattern is excused, and nothing around it:
/// * dncheck's suffix is `X.P`, where `*.P` is a rule in this mode, `X.P`
///   itself is not, and `X.P` is a node of the trie (of rules from either
///   section: `IcannList` walks the same trie as the whole list, and only
///   filters the rules it finds);
/// * `publicsuffix` answers for the name exactly what it answers for `P`
///   itself: the suffix and section it had matched when it reached `X`,
///   shorter than `X.P` (its registrable domain follows from its suffix).
fn publicsuffix_misses_wildcard(
    private: bool,
    ours: SuffixAnswer<'_>,
    theirs: SuffixAnswer<'_>,
    oracle: &impl Psl,
) -> bool {
    let rules = &SUFFIX_ORACLES.rules;
    let (Some(suffix), _, Some(_)) = ours else {
        return false;
    };
    let Some((_, parent)) = suffix.split_once('.') else {
        return false;
    };
    let (Some(p), Some(x)) = (rules.node(parent), rules.node(suffix)) else {
        return false;
    };
    if !active(p.wildcard, private) || active(x.rule, private) {
        return false;
    }
    let (their_parent_suffix, _, their_parent_section) = their_suffix(oracle, parent);
    theirs.0 == their_parent_suffix && theirs.2 == their_parent_section
}
