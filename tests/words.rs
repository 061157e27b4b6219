//! The restricted-word matcher: one named test per folding, label
//! boundaries, the list format and its errors, no heap allocation per
//! search, and a property test against the `aho-corasick` crate over the
//! explicitly folded text (the oracle of `fuzz/invariants/`, shared with
//! the `words` fuzz target).

use std::ops::Range;

use dncheck::{Checker, Hit, WordList};
use proptest::prelude::*;

#[path = "../fuzz/invariants/mod.rs"]
#[allow(dead_code)]
mod invariants;

mod common;

use common::counting::{allocations, Counting};
use common::data::{corpus_names, BENCH_WORDS};
use common::words::{folded_patterns, FoldedOracle};

/// `(word, span)` of every hit in the whole text.
fn hits<'w>(list: &'w WordList, text: &str) -> Vec<(&'w str, Range<usize>)> {
    list.find_iter(text).map(|h| (h.word(), h.span())).collect()
}

fn list(text: &str) -> WordList {
    WordList::parse(text).unwrap()
}

/// The Unicode form of a name that the default checker accepts.
fn unicode(name: &str) -> String {
    Checker::default()
        .check(name)
        .unwrap_or_else(|e| panic!("{name}: {e:?}"))
        .unicode()
        .to_owned()
}

#[test]
fn case() {
    let l = list("Login\n");
    assert_eq!(hits(&l, "login"), [("Login", 0..5)]);
    assert_eq!(hits(&l, "LOGIN"), [("Login", 0..5)]);
    assert_eq!(hits(&l, &unicode("My-LogIn.com")), [("Login", 3..8)]);
}

#[test]
fn fullwidth() {
    // A fullwidth word matches the mapped text ...
    let l = list("ｌｏｇｉｎ\n");
    assert_eq!(hits(&l, "login"), [("ｌｏｇｉｎ", 0..5)]);
    // ... and fullwidth text (not yet mapped) matches an ASCII word.
    let l = list("login\n");
    assert_eq!(hits(&l, "ｌｏｇｉｎ"), [("login", 0..15)]);
    assert_eq!(unicode("ｌｏｇｉｎ．ｃｏｍ"), "login.com");
}

#[test]
fn hyphenation() {
    let l = list("bad-word\n");
    assert_eq!(hits(&l, "badword"), [("bad-word", 0..7)]);
    assert_eq!(hits(&l, "b-a-d-w-o-r-d"), [("bad-word", 0..13)]);
    let l = list("badword\n");
    // Hyphens inside the match are in the span, those around it are not.
    assert_eq!(hits(&l, "x-bad--word-y"), [("badword", 2..11)]);
    // U+2010 HYPHEN and the joiners are ignored too.
    assert_eq!(hits(&l, "bad\u{2010}wo\u{200d}rd").len(), 1);
}

#[test]
fn traditional_and_simplified() {
    let simplified = list("中国\n");
    let traditional = list("中國\n");
    for l in [&simplified, &traditional] {
        assert_eq!(hits(l, "中國").len(), 1);
        assert_eq!(hits(l, "中国").len(), 1);
        assert_eq!(hits(l, "例子中國公司")[0].1, 6..12);
    }
    assert_eq!(hits(&traditional, "中国")[0].0, "中國");
    assert_eq!(dncheck::simplify_han('國'), '国');
    // Whole words of the default list, written in traditional characters.
    let l = WordList::embedded();
    for (text, word) in [
        ("網上賭博", "赌博"),
        ("代開發票", "代开发票"),
        ("體育彩票", "彩票"),
    ] {
        let words: Vec<_> = l.find_iter(text).map(|h| h.word()).collect();
        assert!(words.contains(&word), "{text}: {words:?}");
    }
}

#[test]
fn cyrillic_homoglyphs() {
    let l = list("bank\npaypal\n");
    // Cyrillic а (U+0430), р (U+0440), у (U+0443).
    assert_eq!(hits(&l, "my-b\u{430}nk"), [("bank", 3..8)]);
    assert_eq!(hits(&l, "\u{440}\u{430}\u{443}\u{440}\u{430}l").len(), 1);
    // A word written with a Cyrillic letter matches the Latin text.
    let l = list("b\u{430}nk\n");
    assert_eq!(hits(&l, "bank").len(), 1);
    // Also through the checker: a mixed-script label is a valid IDN.
    let name = unicode("b\u{430}nk.com");
    assert_eq!(list("bank\n").find_in(&name, 0..5).count(), 1);
}

#[test]
fn greek_homoglyphs() {
    let l = list("login\nvip\n");
    // Greek ο (U+03BF), ι (U+03B9), ν (U+03BD), ρ (U+03C1).
    assert_eq!(hits(&l, "l\u{3bf}g\u{3b9}n").len(), 1);
    assert_eq!(hits(&l, "\u{3bd}i\u{3c1}").len(), 1);
    // Final sigma folds as sigma does.
    let l = list("\u{3c3}\u{3bf}\u{3c6}\u{3b9}\u{3b1}\n"); // σοφια
    assert_eq!(hits(&l, "\u{3c2}\u{3bf}\u{3c6}\u{3b9}\u{3b1}").len(), 1);
}

#[test]
fn sharp_s() {
    let l = list("strasse\n");
    assert_eq!(hits(&l, "straße"), [("strasse", 0..7)]);
    let l = list("Straße\nsa\n");
    assert_eq!(hits(&l, "strasse"), [("Straße", 0..7)]);
    // A match may start in the second half of `ß`'s expansion: the span
    // is the whole `ß`.
    assert_eq!(hits(&l, "ßa"), [("sa", 0..3)]);
}

#[test]
fn digits_off_by_default() {
    let l = list("login\nsecure\n");
    assert!(!l.digits());
    assert!(hits(&l, "l0gin").is_empty());
    assert!(hits(&l, "s3cur3").is_empty());
}

#[test]
fn digits_on() {
    let l = WordList::builder()
        .digits(true)
        .parse("login\nsecure\nweb3\n")
        .unwrap();
    assert!(l.digits());
    assert_eq!(hits(&l, "l0gin"), [("login", 0..5)]);
    assert_eq!(hits(&l, "1ogin"), [("login", 0..5)]);
    assert_eq!(hits(&l, "5ecur3"), [("secure", 0..6)]);
    // Words fold alike: `web3` is `webe`.
    assert_eq!(hits(&l, "webe"), [("web3", 0..4)]);
    // Other digits stay digits.
    assert!(hits(&l, "l2gin").is_empty());
    // The embedded list with digit substitution.
    assert!(WordList::builder()
        .digits(true)
        .embedded()
        .is_match("l0g1n-v3rify"));
}

#[test]
fn no_hits_across_labels() {
    let l = list("login\nab\n");
    for text in [
        "log.in",
        "log。in",
        "log．in",
        "log｡in",
        "a.b",
        "lo.gin.a.b",
        "log-.in",
    ] {
        assert!(hits(&l, text).is_empty(), "{text}");
        assert!(!l.is_match(text), "{text}");
    }
    assert_eq!(hits(&l, "x.login.ab"), [("login", 2..7), ("ab", 8..10)]);
}

#[test]
fn not_inside_the_suffix() {
    // The caller searches left of the public suffix only.
    let l = list("com\nshop\n");
    let name = "shop.com.cn";
    let hits: Vec<_> = l.find_in(name, 0..4).map(|h| h.word()).collect();
    assert_eq!(hits, ["shop"]);
    assert_eq!(l.find_iter(name).count(), 2);
    // A range that ends inside a word finds nothing of it.
    assert_eq!(l.find_in("shopping", 0..3).count(), 0);
    assert_eq!(
        l.find_in("myshop", 2..6).next().map(|h| h.span()),
        Some(2..6)
    );
}

#[test]
fn punycode_input_matches_as_unicode() {
    let l = WordList::embedded();
    let from_unicode = unicode("网上赌博.com");
    let ascii = Checker::default()
        .check("网上赌博.com")
        .unwrap()
        .ascii()
        .to_owned();
    assert!(ascii.starts_with("xn--"), "{ascii}");
    let from_punycode = unicode(&ascii);
    assert_eq!(from_unicode, from_punycode);
    let a: Vec<_> = l
        .find_iter(&from_unicode)
        .map(|h| (h.word(), h.span()))
        .collect();
    assert_eq!(a, [("赌博", 6..12)]);
    let b: Vec<_> = l
        .find_iter(&from_punycode)
        .map(|h| (h.word(), h.span()))
        .collect();
    assert_eq!(a, b);
}

#[test]
fn all_overlapping_matches_longest_first_at_one_end() {
    let l = list("in\nlogin\nlog\ngin\n");
    assert_eq!(
        hits(&l, "xlogin"),
        [("log", 1..4), ("login", 1..6), ("gin", 3..6), ("in", 4..6)]
    );
}

#[test]
fn every_line_is_a_word() {
    let l = list("login\tphishing\nlog-in\nLOGIN\tphishing\n");
    let found: Vec<_> = l
        .find_iter("login")
        .map(|h| (h.index(), h.word(), h.category()))
        .collect();
    assert_eq!(
        found,
        [
            (0, "login", Some("phishing")),
            (1, "log-in", None),
            (2, "LOGIN", Some("phishing")),
        ]
    );
}

#[test]
fn spans_of_multibyte_text() {
    let l = list("彩票\nab\n");
    let text = "体育彩票ab";
    let found: Vec<_> = l.find_iter(text).map(|h| &text[h.span()]).collect();
    assert_eq!(found, ["彩票", "ab"]);
}

#[test]
fn list_format() {
    let l =
        list("# comment\r\n  login  \tphishing  \r\n\nverify\t\r\nsignin # trailing\n\tno word\n");
    assert_eq!(l.len(), 3);
    assert_eq!(l.get(0), Some(("login", Some("phishing"))));
    assert_eq!(l.get(1), Some(("verify", None)));
    assert_eq!(l.get(2), Some(("signin", None)));
    assert!(list("").is_empty());
}

#[test]
fn invalid_words_are_refused_with_their_line() {
    for (text, line, what) in [
        ("ok\nlog in\n", 2, "whitespace"),
        ("a.b\n", 1, "separator"),
        ("ok\nok\na。b\n", 3, "separator"),
        ("--\n", 1, "empty"),
        ("\u{200d}\n", 1, "empty"),
        ("a\u{1}b\n", 1, "whitespace"),
        ("a\u{fffd}\n", 1, "disallows"),
        ("\u{e000}\n", 1, "disallows"),
    ] {
        let e = WordList::parse(text).unwrap_err();
        assert_eq!(e.line(), Some(line), "{text:?}");
        assert!(e.to_string().contains(what), "{text:?}: {e}");
    }
    let long = "a".repeat(64);
    assert!(WordList::parse(&long)
        .unwrap_err()
        .to_string()
        .contains("too long"));
    assert!(WordList::parse(&"a".repeat(63)).is_ok());
    // `ß` counts twice once folded.
    assert!(WordList::parse(&"ß".repeat(32)).is_err());
    assert_eq!(
        WordList::from_words(["ok", "a b"]).unwrap_err().line(),
        Some(2)
    );
    let e = WordList::from_file("/nonexistent/words.txt").unwrap_err();
    assert_eq!(e.line(), None);
}

#[test]
fn embedded_list() {
    let l = WordList::embedded();
    assert!(!l.is_empty());
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/restricted_words.txt");
    assert_eq!(&WordList::from_file(path).unwrap(), l);
    let found: Vec<_> = l
        .find_iter("secure-update-login")
        .map(|h| (h.word(), h.category()))
        .collect();
    assert_eq!(
        found,
        [
            ("secure-update", Some("phishing")),
            ("login", Some("phishing"))
        ]
    );
    assert_eq!(WordList::default(), *l);
}

#[test]
fn send_sync_unwind_safe() {
    fn assert_all<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
    assert_all::<WordList>();
    assert_all::<Hit<'static>>();
    assert_all::<dncheck::FindIter<'static, 'static>>();
    assert_all::<dncheck::WordListError>();
}

// ---------------------------------------------------------------------------
// No allocation per search
// ---------------------------------------------------------------------------

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn search_does_not_allocate() {
    let runtime = WordList::parse("login\nstraße\n中国\nbank\n").unwrap();
    let texts = [
        "secure-login.verify-account",
        "网上賭博.彩票",
        "b\u{430}nk-strasse-ßa.中國",
        "",
        "plain.example",
    ];
    for list in [WordList::embedded(), &runtime] {
        let mut total = 0;
        let n = allocations(|| {
            for text in texts {
                total += list
                    .find_iter(text)
                    .map(|h| h.end() - h.start())
                    .sum::<usize>();
                total += usize::from(list.is_match(text));
            }
        });
        assert!(total > 0);
        assert_eq!(n, 0, "allocations while searching");
    }
}

// ---------------------------------------------------------------------------
// Against aho-corasick
// ---------------------------------------------------------------------------

/// Characters that exercise every fold: ASCII, upper case, fullwidth,
/// hyphens and joiners, Cyrillic and Greek look-alikes, digits, Han in both
/// forms, `ß` and the final sigma, separators, and one no word holds.
const ALPHABET: &[char] = &[
    'a', 'b', 'o', 's', 'l', 'e', 'i', 'n', 'A', 'S', 'ａ', 'ｓ', '-', '\u{2010}', '\u{200d}',
    '\u{430}', '\u{43e}', '\u{3bf}', '\u{3c3}', '\u{3c2}', '0', '1', '3', '5', '中', '国', '國',
    '赌', '賭', '博', 'ß', '.', '。', 'x', '€',
];

fn string(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..max)
        .prop_map(|cs| cs.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn agrees_with_aho_corasick(
        words in prop::collection::vec(string(6), 0..24),
        texts in prop::collection::vec(string(40), 1..4),
        digits in any::<bool>(),
    ) {
        let words: Vec<&String> = words
            .iter()
            .filter(|w| dncheck::__private::fold_word(w, digits).is_some())
            .collect();
        let list = WordList::builder().digits(digits).from_words(&words).unwrap();
        for text in &texts {
            invariants::words_agree(&list, text);
        }
        // The list's words themselves, glued and dotted.
        let glued: String = words.iter().map(|w| w.as_str()).collect::<Vec<_>>().join("");
        invariants::words_agree(&list, &glued);
        let dotted: String = words.iter().map(|w| w.as_str()).collect::<Vec<_>>().join(".");
        invariants::words_agree(&list, &dotted);
    }

    #[test]
    fn agrees_with_aho_corasick_on_names(
        label in "[a-z0-9]{0,6}(-[a-z0-9]{1,6}){0,2}",
        han in "[中国國赌博賭彩票]{0,4}",
    ) {
        let list = WordList::embedded();
        for text in [format!("{label}.com"), format!("{han}{label}.中国"), format!("{label}{han}")] {
            invariants::words_agree(list, &text);
        }
    }
}

// ---------------------------------------------------------------------------
// The bench's 2,000 words
// ---------------------------------------------------------------------------

/// The bench's list on every corpus name (raw, as the corpus spells it):
/// exactly aho-corasick's hits over the folded text, the oracle built once.
#[test]
fn bench_list_agrees_with_aho_corasick_on_the_corpus() {
    let list = list(BENCH_WORDS);
    assert_eq!(list.len(), 2000);
    let oracle = FoldedOracle::new(&list);
    let mut total = 0;
    for (_, name) in corpus_names() {
        let expected = oracle.hits(name);
        let mut got: Vec<_> = list
            .find_iter(name)
            .map(|h| (h.index(), h.start(), h.end()))
            .collect();
        got.sort_unstable();
        assert_eq!(got, expected, "{name:?}");
        total += got.len();
    }
    assert!(total > 10_000, "{total} hits");
}

/// The size target of issue 4: at most a tenth of aho-corasick's DFA for the
/// same 2,000 words (measured: about a twentieth).
#[test]
fn bench_list_takes_a_tenth_of_the_dfa_memory() {
    let list = list(BENCH_WORDS);
    let patterns = folded_patterns(&list);
    let dfa = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(&patterns)
        .unwrap();
    assert!(
        list.memory_usage() * 10 <= dfa.memory_usage(),
        "{} vs {}",
        list.memory_usage(),
        dfa.memory_usage()
    );
}

/// The checker's words stage (`Flag::Restricted`, with its byte walk for
/// ASCII names) agrees with the general search (`Checker::restricted`) on
/// every corpus name and on generated ASCII names, with the bench's list.
#[test]
fn restricted_flag_agrees_with_the_search() {
    use dncheck::{Checker, Flag, Profile};
    let checker = Checker::builder()
        .profile(Profile::Hostname)
        .words(list(BENCH_WORDS))
        .build();
    let mut names: Vec<String> = corpus_names().map(|(_, n)| n.to_owned()).collect();
    // Hyphens (ignored), upper case, digits, words across labels.
    for w in ["apple", "blue", "cloud"] {
        names.push(format!("my-{w}.com"));
        names.push(format!("x{}.{w}.cn", w.to_uppercase()));
        names.push(format!("{}-{}.net", &w[..2], &w[2..]));
        names.push(format!("{}.{}.org", &w[..2], &w[2..]));
        names.push(format!("{w}.com"));
    }
    let mut flagged = 0;
    for name in &names {
        let Ok(v) = checker.check(name) else { continue };
        let flag = v.flags().contains(Flag::Restricted);
        assert_eq!(flag, checker.restricted(&v).next().is_some(), "{name:?}");
        flagged += usize::from(flag);
    }
    assert!(flagged > 1000, "{flagged}");
}
