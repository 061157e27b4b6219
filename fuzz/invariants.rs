//! The invariants of the fuzz targets, in one copy.
//!
//! Included as a module with `#[path]` by the fuzz targets
//! (`fuzz/fuzz_targets/check.rs`, `fuzz/fuzz_targets/punycode.rs`,
//! `fuzz/fuzz_targets/suffix.rs`, `fuzz/fuzz_targets/words.rs`) and by the
//! corpus replay test of the main crate (`tests/fuzz_corpus.rs`), so that
//! `cargo test` checks every committed seed with exactly what the fuzzer
//! checks; the word-list oracle also by `tests/words.rs`. Everything here
//! uses only `dncheck`, `idna`, `publicsuffix`, `aho-corasick` and `std`.
//!
//! Every check panics (`assert!`) with the input in the message.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use dncheck::{Checker, Flag, Profile, Reason, Rejection, Section, SuffixList, Verdict};
use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};
use publicsuffix::{IcannList, Psl, Type};

/// The label separators dncheck splits on: `.` and the three code points
/// UTS #46 maps to it.
const SEPARATORS: [&str; 4] = [".", "\u{3002}", "\u{FF0E}", "\u{FF61}"];

/// STD3 rules less `_`: the ASCII deny list that matches the `dns` profile
/// (all ASCII punctuation but `-`, `.` and `_`; controls and space).
const DNS_DENY_LIST: AsciiDenyList = AsciiDenyList::new(true, "!\"#$%&'()*+,/:;<=>?@[\\]^`{|}~");

/// Longest Punycode input dncheck decodes (`MAX_DECODE_INPUT` in
/// `src/punycode/decode.rs`); `idna`'s public decoder has no such limit.
const MAX_DECODE_INPUT: usize = 2000;

/// Longest string the `punycode` target round-trips, in code points: the
/// encoder takes at most `MAX_ENCODE_INPUT` (64), more than a DNS label has.
const MAX_ROUND_TRIP_CHARS: usize = 64;

/// `true` if `c` is unassigned in Unicode 17.0 (the version dncheck pins)
/// but assigned in the newer data of the `idna` crate, which dncheck
/// therefore refuses and `idna` accepts. The crate's own table, not a copy.
fn is_newer_than_pinned(c: char) -> bool {
    dncheck::__private::is_newer_than_pinned(c)
}

/// A checker for `profile`.
fn checker(profile: Profile) -> Checker {
    Checker::builder().profile(profile).build()
}

/// The number of labels the input has at most: label separators + 1.
///
/// Counted on bytes, so that it also bounds inputs that are not UTF-8.
fn max_labels(input: &[u8]) -> usize {
    let mut n = 1;
    let mut i = 0;
    while i < input.len() {
        let rest = &input[i..];
        if rest[0] == b'.' {
            n += 1;
            i += 1;
        } else if SEPARATORS[1..]
            .iter()
            .any(|s| rest.starts_with(s.as_bytes()))
        {
            n += 1;
            i += 3;
        } else {
            i += 1;
        }
    }
    n
}

/// The input without one trailing separator, as dncheck reads it.
fn strip_root(input: &str) -> &str {
    SEPARATORS
        .iter()
        .find_map(|dot| input.strip_suffix(dot))
        .unwrap_or(input)
}

/// Every invariant of the `check` target on one input: each profile's
/// invariants, the profiles' nesting, and the differential against `idna`,
/// first for normalisation and the format rules alone, then for the whole
/// check with the suffix stage.
pub fn check_input(input: &[u8]) {
    let normalize = |profile: Profile| {
        let result = checker(profile).normalize_bytes(input);
        match &result {
            Ok(v) => accepted(profile, input, v),
            Err(e) => rejected(profile, input, e),
        }
        result
    };
    let registration = normalize(Profile::Registration);
    let hostname = normalize(Profile::Hostname);
    let dns = normalize(Profile::Dns);
    profiles_nest(input, &registration, &hostname, &dns);
    if let Ok(text) = core::str::from_utf8(input) {
        differential(
            text,
            Profile::Registration,
            AsciiDenyList::STD3,
            &registration,
        );
        differential(text, Profile::Hostname, AsciiDenyList::STD3, &hostname);
        differential(text, Profile::Dns, DNS_DENY_LIST, &dns);
    }
    let check = |profile: Profile, normalized: &Result<Verdict, Rejection>| {
        let result = checker(profile).check_bytes(input);
        suffix_stage(profile, input, normalized, &result);
        if let Err(e) = &result {
            rejected(profile, input, e);
        }
        result
    };
    let registration = check(Profile::Registration, &registration);
    let hostname = check(Profile::Hostname, &hostname);
    let dns = check(Profile::Dns, &dns);
    profiles_nest(input, &registration, &hostname, &dns);
}

/// The reasons of the suffix stage, which refuses only normalised names.
const SUFFIX_REASONS: &[Reason] = &[
    Reason::IpLiteral,
    Reason::SuffixRule,
    Reason::NoSuffix,
    Reason::UnknownSuffix,
    Reason::UnsupportedSuffix,
    Reason::PublicSuffix,
    Reason::Reserved,
    Reason::RestrictedSuffix,
    Reason::Subdomain,
];

/// The whole check against normalisation alone: a name the format rules
/// refuse is refused for the same reason; one they accept is accepted with
/// the same forms or refused by the suffix stage; an accepted name has its
/// suffix and registrable domain, as the suffix list says, and in the
/// registration profile is its registrable domain.
fn suffix_stage(
    profile: Profile,
    input: &[u8],
    normalized: &Result<Verdict, Rejection>,
    checked: &Result<Verdict, Rejection>,
) {
    let ctx = format_args!("{profile} {input:?}");
    match (normalized, checked) {
        (Err(n), Err(c)) => assert_eq!(n, c, "{ctx}: check and normalize refuse differently"),
        (Err(n), Ok(v)) => panic!("{ctx}: normalize refuses ({n}), check accepts {v:?}"),
        (Ok(_), Err(c)) => assert!(
            SUFFIX_REASONS.contains(&c.reason()),
            "{ctx}: a normalised name refused by the suffix stage as {c}"
        ),
        (Ok(n), Ok(v)) => {
            // The stages after normalisation add only their own flags: the
            // words stage `restricted`, the policy `restricted_suffix`, the
            // scripts stage `mixed_script` and `confusable`.
            // See: the fuzz finding `ελ…λζς.gr` (tests/safety.rs,
            // later_stages_add_only_their_flags).
            let later = [
                Flag::Restricted,
                Flag::RestrictedSuffix,
                Flag::MixedScript,
                Flag::Confusable,
            ];
            let flags = |v: &Verdict| {
                v.flags()
                    .iter()
                    .filter(|f| !later.contains(f))
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                (n.ascii(), n.unicode(), flags(n)),
                (v.ascii(), v.unicode(), flags(v)),
                "{ctx}: check and normalize give other forms"
            );
            let checker = checker(profile);
            let hits: Vec<_> = checker.restricted(v).collect();
            assert_eq!(
                v.flags().contains(Flag::Restricted),
                !hits.is_empty(),
                "{ctx}: the restricted flag disagrees with the hits"
            );
            // Hits lie left of the public suffix, in the U-label form.
            let unicode = v.unicode();
            let suffix_labels = v.suffix().map_or(0, |s| s.split('.').count());
            let left = unicode.split('.').count() - suffix_labels;
            let limit = unicode
                .split('.')
                .take(left)
                .map(|l| l.len() + 1)
                .sum::<usize>()
                .saturating_sub(1);
            for hit in &hits {
                assert!(
                    hit.end() <= limit && !unicode[hit.span()].contains('.'),
                    "{ctx}: hit {hit:?} outside the labels left of the suffix"
                );
            }
            let ascii = v.ascii();
            let m = SuffixList::embedded().lookup(ascii, false);
            assert!(m.is_known(), "{ctx}: accepted under an unknown suffix");
            assert!(!m.is_reserved(), "{ctx}: accepted a reserved name");
            assert_eq!(v.suffix(), m.suffix(ascii), "{ctx}: suffix");
            assert_eq!(v.registrable(), m.registrable(ascii), "{ctx}: registrable");
            let registrable = v.registrable().expect("an accepted name has one");
            assert!(
                ascii == registrable || ascii.ends_with(&format!(".{registrable}")),
                "{ctx}: {registrable:?} does not end {ascii:?}"
            );
            if profile == Profile::Registration {
                assert_eq!(ascii, registrable, "{ctx}: a subdomain registered");
            }
        }
    }
}

/// Invariants of an accepted name.
fn accepted(profile: Profile, input: &[u8], v: &Verdict) {
    let checker = checker(profile);
    let ascii = v.ascii();
    let unicode = v.unicode();
    let ctx = format_args!("{profile} {input:?} -> {ascii:?} / {unicode:?}");

    assert!(ascii.is_ascii(), "{ctx}: the A-label form is not ASCII");
    assert!(ascii.len() <= 253, "{ctx}: longer than 253 bytes");
    assert!(
        !ascii.ends_with('.'),
        "{ctx}: a root dot in the A-label form"
    );
    for label in ascii.split('.') {
        assert!(!label.is_empty(), "{ctx}: an empty label");
        assert!(label.len() <= 63, "{ctx}: a label of more than 63 bytes");
    }
    assert_eq!(ascii, ascii.to_ascii_lowercase(), "{ctx}: not lowercase");
    assert_eq!(
        v.labels().collect::<Vec<_>>().join("."),
        ascii,
        "{ctx}: labels() does not re-join to ascii()"
    );
    assert_eq!(
        unicode.split('.').count(),
        ascii.split('.').count(),
        "{ctx}: the two forms have different numbers of labels"
    );
    assert_eq!(
        v.flags().contains(Flag::Idn),
        ascii.split('.').any(|l| l.starts_with("xn--")),
        "{ctx}: Flag::Idn disagrees with the A-labels"
    );
    if !v.flags().contains(Flag::Idn) {
        assert_eq!(unicode, ascii, "{ctx}: no IDN, yet the forms differ");
    }
    let text = core::str::from_utf8(input).expect("an accepted input is UTF-8");
    let body = strip_root(text);
    assert_eq!(
        v.flags().contains(Flag::RootDot),
        body.len() < text.len(),
        "{ctx}: Flag::RootDot disagrees with the input"
    );
    if !v.flags().contains(Flag::Mapped) {
        // Unmapped: every input label is already its A-label or U-label.
        let labels: Vec<&str> = body.split('.').collect();
        let a: Vec<&str> = ascii.split('.').collect();
        let u: Vec<&str> = unicode.split('.').collect();
        assert_eq!(labels.len(), a.len(), "{ctx}: unmapped, yet labels differ");
        for ((l, a), u) in labels.iter().zip(&a).zip(&u) {
            assert!(
                l == a || l == u,
                "{ctx}: unmapped, yet {l:?} is neither {a:?} nor {u:?}"
            );
        }
    }

    // Idempotent: the A-label form is accepted as itself, canonical.
    let again = checker
        .normalize(ascii)
        .unwrap_or_else(|e| panic!("{ctx}: the A-label form is refused: {e}"));
    assert_eq!(again.ascii(), ascii, "{ctx}: ascii() is not idempotent");
    assert_eq!(again.unicode(), unicode, "{ctx}: ascii() changes unicode()");
    assert!(
        !again.flags().contains(Flag::Mapped) && !again.flags().contains(Flag::RootDot),
        "{ctx}: the A-label form is flagged {:?}",
        again.flags()
    );
    // The U-label form names the same domain.
    let from_unicode = checker
        .normalize(unicode)
        .unwrap_or_else(|e| panic!("{ctx}: the U-label form is refused: {e}"));
    assert_eq!(
        from_unicode.ascii(),
        ascii,
        "{ctx}: unicode() has another key"
    );
    assert_eq!(
        from_unicode.unicode(),
        unicode,
        "{ctx}: unicode() is not idempotent"
    );
}

/// Invariants of a refusal.
fn rejected(profile: Profile, input: &[u8], e: &Rejection) {
    let span = e.span();
    let ctx = format_args!("{profile} {input:?} -> {e:?}");
    assert!(span.start <= span.end, "{ctx}: the span is reversed");
    assert!(
        span.end <= input.len(),
        "{ctx}: the span ends past the input"
    );
    if let Ok(text) = core::str::from_utf8(input) {
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{ctx}: the span splits a character"
        );
    }
    assert_eq!(
        e.reason() == Reason::Empty,
        input.is_empty(),
        "{ctx}: `empty` is for the empty input only"
    );
    let whole_name = matches!(e.reason(), Reason::Empty | Reason::TooLong);
    match e.label() {
        None => assert!(whole_name, "{ctx}: no label for a fault of one label"),
        Some(label) => {
            assert!(!whole_name, "{ctx}: a label for a fault of the whole name");
            assert!(
                label < max_labels(input),
                "{ctx}: label {label} of at most {}",
                max_labels(input)
            );
            // The span lies in the label it names.
            assert_eq!(
                label + 1,
                max_labels(&input[..span.start]),
                "{ctx}: the span is not in label {label}"
            );
        }
    }
}

/// The profiles nest: `registration` accepts no more than `hostname`, which
/// accepts no more than `dns`, with the same result; and `dns` agrees with
/// `hostname` on names without `_`.
fn profiles_nest(
    input: &[u8],
    registration: &Result<Verdict, Rejection>,
    hostname: &Result<Verdict, Rejection>,
    dns: &Result<Verdict, Rejection>,
) {
    if let Ok(r) = registration {
        assert_eq!(
            hostname.as_ref().ok(),
            Some(r),
            "{input:?}: registration accepts, hostname differs"
        );
    }
    if let Ok(h) = hostname {
        assert_eq!(
            dns.as_ref().ok(),
            Some(h),
            "{input:?}: hostname accepts, dns differs"
        );
    }
    if let Ok(d) = dns {
        if !d.ascii().contains('_') {
            assert_eq!(
                hostname.as_ref().ok(),
                Some(d),
                "{input:?}: dns accepts without `_`, hostname differs"
            );
        }
    }
}

/// The differential against `idna` (UTS #46 `ToASCII` with the same flags)
/// for UTF-8 input.
///
/// Exceptions, both of them documented behaviour of dncheck:
/// * a root dot: dncheck drops one trailing separator before checking, which
///   `DnsLength::Verify` refuses, so `idna` sees the input without it;
/// * code points newer than Unicode 17.0, which dncheck refuses and `idna`'s
///   newer data accepts: when `idna` accepts and dncheck refuses, the input
///   or `idna`'s `ToUnicode` output must have such a code point;
/// * `_` in a label with non-ASCII characters, which the `dns` profile
///   refuses and `idna` without `_` on its deny list accepts;
/// * in the `registration` profile, IDNA2008's `disallowed` and `context`.
fn differential(
    input: &str,
    profile: Profile,
    deny: AsciiDenyList,
    ours: &Result<Verdict, Rejection>,
) {
    let body = strip_root(input);
    let uts46 = Uts46::new();
    let oracle = uts46.to_ascii(body.as_bytes(), deny, Hyphens::Check, DnsLength::Verify);
    match (ours, oracle) {
        (Ok(v), Ok(theirs)) => assert_eq!(
            v.ascii(),
            theirs,
            "{profile} {input:?}: dncheck and idna disagree on the A-label form"
        ),
        (Ok(v), Err(_)) => panic!(
            "{profile} {input:?}: dncheck accepts as {:?}, idna refuses",
            v.ascii()
        ),
        (Err(_), Err(_)) => {}
        // The `dns` profile allows `_` in ASCII labels only; `idna` with `_`
        // off its deny list also takes it in a U-label (see src/tests/normalize.rs,
        // `profiles`, and fuzz/corpus/check/dns-underscore-*).
        (Err(e), Ok(theirs))
            if profile == Profile::Dns
                && matches!(e.reason(), Reason::InvalidChar | Reason::BadPunycode)
                && theirs
                    .split('.')
                    .any(|l| l.starts_with("xn--") && l.contains('_')) => {}
        // The `registration` profile adds IDNA2008 to UTS #46.
        (Err(e), Ok(_))
            if profile == Profile::Registration
                && matches!(e.reason(), Reason::Disallowed | Reason::Context) => {}
        (Err(e), Ok(theirs)) => {
            let (unicode, _) = uts46.to_unicode(body.as_bytes(), deny, Hyphens::Check);
            let newer = body
                .chars()
                .chain(unicode.chars())
                .any(is_newer_than_pinned);
            assert!(
                newer,
                "{profile} {input:?}: dncheck refuses ({e}), idna accepts as {theirs:?}"
            );
            assert!(
                matches!(e.reason(), Reason::InvalidChar | Reason::BadPunycode),
                "{profile} {input:?}: a newer code point refused as {e}"
            );
        }
    }
}

/// Every invariant of the `punycode` target on one input.
pub fn punycode_input(data: &[u8]) {
    let Ok(text) = core::str::from_utf8(data) else {
        return;
    };
    if text.chars().count() <= MAX_ROUND_TRIP_CHARS {
        punycode_round_trip(text);
    }
    if text.is_ascii() && !text.bytes().any(|b| b.is_ascii_uppercase()) {
        punycode_decode_agrees(text);
    }
}

/// Encoding agrees with `idna` and decodes back to the string.
fn punycode_round_trip(s: &str) {
    use dncheck::__private::{punycode_decode, punycode_encode};
    let encoded = punycode_encode(s).unwrap_or_else(|| panic!("{s:?}: encoding failed"));
    assert_eq!(
        Some(&encoded),
        idna::punycode::encode_str(s).as_ref(),
        "{s:?}: dncheck and idna encode differently"
    );
    assert!(
        encoded.is_ascii(),
        "{s:?}: encoded as non-ASCII {encoded:?}"
    );
    assert_eq!(
        punycode_decode(&encoded).as_deref(),
        Some(s),
        "{s:?}: {encoded:?} does not decode back"
    );
}

/// Decoding lowercase ASCII agrees with `idna`, and what decodes re-encodes
/// to the same string (the encoding is unique).
fn punycode_decode_agrees(s: &str) {
    use dncheck::__private::{punycode_decode, punycode_encode};
    let ours = punycode_decode(s);
    if s.len() > MAX_DECODE_INPUT {
        assert_eq!(ours, None, "{s:?}: decoded past the length limit");
        return;
    }
    assert_eq!(
        ours,
        idna::punycode::decode_to_string(s),
        "{s:?}: dncheck and idna decode differently"
    );
    if let Some(decoded) = ours {
        if decoded.chars().count() <= MAX_ROUND_TRIP_CHARS {
            assert_eq!(
                punycode_encode(&decoded).as_deref(),
                Some(s),
                "{s:?}: decodes to {decoded:?}, which encodes otherwise"
            );
        }
    }
}

// ---------------------------------------------------------------------------
// The `suffix` target: `SuffixList::lookup` against the `publicsuffix` crate.

/// The list both sides are built from: the committed snapshot that
/// `codegen/` compiles into the embedded table.
const PUBLIC_SUFFIX_LIST: &str = include_str!("../data/public_suffix_list.dat");

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

/// The `words` target: `FLAGS LIST [0xFF TEXT]`. Bit 0 of the first byte
/// turns digit substitution on. Without a 0xFF byte the list's own text is
/// also the text searched, so that its words occur in it. Both parts are
/// read as lossy UTF-8. A list the builder refuses is replaced by its
/// whitespace-separated tokens that it accepts.
pub fn words_input(data: &[u8]) {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let digits = flags & 1 != 0;
    let (list_bytes, text_bytes) = match rest.iter().position(|&b| b == 0xFF) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, rest),
    };
    let list_text = String::from_utf8_lossy(list_bytes);
    let text = String::from_utf8_lossy(text_bytes);
    let builder = dncheck::WordList::builder().digits(digits);
    let list = match builder.parse(&list_text) {
        Ok(list) => list,
        Err(e) => {
            let _ = e.to_string();
            let words = list_text
                .split_whitespace()
                .filter(|w| dncheck::__private::fold_word(w, digits).is_some());
            builder
                .from_words(words)
                .unwrap_or_else(|e| panic!("{list_text:?}: accepted words refused: {e}"))
        }
    };
    words_agree(&list, &text);
}

/// The hits of `list` in `text` are exactly those of the `aho-corasick`
/// crate (all overlapping matches) over the explicitly folded text and
/// words, mapped back to the text's bytes; for the whole text and for the
/// part before its last `.` (as the caller searches left of a suffix).
pub fn words_agree(list: &dncheck::WordList, text: &str) {
    words_agree_in(list, text, 0..text.len());
    if let Some(dot) = text.rfind('.') {
        words_agree_in(list, text, 0..dot);
        words_agree_in(list, text, dot + 1..text.len());
    }
}

/// One hit as compared: word index, span.
type HitKey = (usize, usize, usize);

fn words_agree_in(list: &dncheck::WordList, text: &str, range: std::ops::Range<usize>) {
    let digits = list.digits();
    let ctx = format_args!("text {text:?} range {range:?} digits {digits} list {list:?}");

    // The oracle: fold the words and the text explicitly, search the folded
    // text with aho-corasick, and map the matches back.
    let patterns: Vec<String> = (0..list.len())
        .map(|i| {
            let (word, _) = list.get(i).unwrap();
            dncheck::__private::fold_word(word, digits)
                .unwrap_or_else(|| panic!("{ctx}: word {word:?} is in the list but does not fold"))
        })
        .collect();
    let folded = dncheck::__private::fold_text(&text[range.clone()], digits);
    let mut haystack = String::new();
    // The index of the folded character that starts at each byte.
    let mut char_at = Vec::new();
    for (i, (c, _)) in folded.iter().enumerate() {
        char_at.extend(std::iter::repeat_n(i, c.len_utf8()));
        haystack.push(*c);
    }
    char_at.push(folded.len());
    let oracle = aho_corasick::AhoCorasick::new(&patterns).expect("the oracle builds");
    let mut expected: Vec<HitKey> = oracle
        .find_overlapping_iter(&haystack)
        .map(|m| {
            let first = char_at[m.start()];
            let last = char_at[m.end()] - 1;
            (
                m.pattern().as_usize(),
                range.start + folded[first].1.start,
                range.start + folded[last].1.end,
            )
        })
        .collect();
    expected.sort_unstable();

    let hits: Vec<dncheck::Hit<'_>> = list.find_in(text, range.clone()).collect();
    let mut got: Vec<HitKey> = hits
        .iter()
        .map(|h| (h.index(), h.start(), h.end()))
        .collect();
    got.sort_unstable();
    assert_eq!(
        got, expected,
        "{ctx}: hits differ from aho-corasick's (left: dncheck)"
    );

    let mut last_end = 0;
    for h in &hits {
        assert!(
            range.start <= h.start() && h.start() < h.end() && h.end() <= range.end,
            "{ctx}: {h:?} outside the range"
        );
        assert!(
            text.is_char_boundary(h.start()) && text.is_char_boundary(h.end()),
            "{ctx}: {h:?} not on character boundaries"
        );
        assert!(
            !text[h.span()].contains(['.', '\u{3002}', '\u{FF0E}', '\u{FF61}']),
            "{ctx}: {h:?} spans a label separator"
        );
        assert_eq!(
            Some((h.word(), h.category())),
            list.get(h.index()),
            "{ctx}: {h:?}"
        );
        assert!(h.end() >= last_end, "{ctx}: hits out of order");
        last_end = h.end();
    }
    if range == (0..text.len()) {
        assert_eq!(list.is_match(text), !hits.is_empty(), "{ctx}: is_match");
    }
}
