//! The `check` target: arbitrary bytes through every profile.

use dncheck::{Flag, Profile, Reason, Rejection, SuffixList, Verdict};
use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};

use super::*;

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
