//! The `words` target: the word list against `aho-corasick` on folded text.

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
