//! The invariants of the fuzz targets, in one copy.
//!
//! Included as a module with `#[path]` by the fuzz targets
//! (`fuzz/fuzz_targets/check.rs`, `fuzz/fuzz_targets/punycode.rs`) and by the
//! corpus replay test of the main crate (`tests/fuzz_corpus.rs`), so that
//! `cargo test` checks every committed seed with exactly what the fuzzer
//! checks; the word-list oracle also by `tests/words.rs`. Everything here
//! uses only `dncheck`, `idna`, `aho-corasick` and `std`.
//!
//! Every check panics (`assert!`) with the input in the message.

use dncheck::{Checker, Flag, Profile, Reason, Rejection, Verdict};
use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};

/// The label separators dncheck splits on: `.` and the three code points
/// UTS #46 maps to it.
const SEPARATORS: [&str; 4] = [".", "\u{3002}", "\u{FF0E}", "\u{FF61}"];

/// STD3 rules less `_`: the ASCII deny list that matches the `dns` profile
/// (all ASCII punctuation but `-`, `.` and `_`; controls and space).
const DNS_DENY_LIST: AsciiDenyList = AsciiDenyList::new(true, "!\"#$%&'()*+,/:;<=>?@[\\]^`{|}~");

/// Longest Punycode input dncheck decodes (`MAX_DECODE_INPUT` in
/// `src/punycode.rs`); `idna`'s public decoder has no such limit.
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
/// invariants, the profiles' nesting, and the differential against `idna`.
pub fn check_input(input: &[u8]) {
    let check = |profile: Profile| {
        let result = checker(profile).check_bytes(input);
        match &result {
            Ok(v) => accepted(profile, input, v),
            Err(e) => rejected(profile, input, e),
        }
        result
    };
    let registration = check(Profile::Registration);
    let hostname = check(Profile::Hostname);
    let dns = check(Profile::Dns);
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
        .check(ascii)
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
        .check(unicode)
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
    match e.label() {
        None => assert!(
            matches!(e.reason(), Reason::Empty | Reason::TooLong),
            "{ctx}: no label for a fault of one label"
        ),
        Some(label) => {
            assert!(
                !matches!(e.reason(), Reason::Empty | Reason::TooLong),
                "{ctx}: a label for a fault of the whole name"
            );
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
///   refuses and `idna` without `_` on its deny list accepts.
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
        // off its deny list also takes it in a U-label (see src/tests.rs,
        // `profiles`, and fuzz/corpus/check/dns-underscore-*).
        (Err(e), Ok(theirs))
            if profile == Profile::Dns
                && matches!(e.reason(), Reason::InvalidChar | Reason::BadPunycode)
                && theirs
                    .split('.')
                    .any(|l| l.starts_with("xn--") && l.contains('_')) => {}
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
