//! The one builder behind every constructor of a [`WordList`] and behind
//! `codegen/`: [`WordListBuilder`], which reads the list format, and
//! `build`, which folds the words (`fold.rs`), builds the trie over their
//! codes, has `double_array.rs` lay it out, and adds the code map and the
//! words' records (see the layout in `mod.rs`).

use alloc::borrow::Cow;
use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use super::double_array::{place, Node};
use super::fold::{fold_char, fold_sources, fold_word, Folded};
use super::{
    too_large, ErrorKind, WordList, WordListError, EMBEDDED, EXPAND, FIRST_CODE, LAST, NONE,
    NO_CATEGORY, PAGE, PAGE_BITS, RESIZE, SEP, SKIP,
};

/// Options for building a [`WordList`].
///
/// # Example
///
/// ```
/// let list = dncheck::WordList::builder().digits(true).parse("login\n").unwrap();
/// assert!(list.is_match("l0gin"));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordListBuilder {
    digits: bool,
}

impl WordListBuilder {
    /// The default options: no digit substitution.
    ///
    /// # Example
    ///
    /// ```
    /// let b = dncheck::WordListBuilder::new();
    /// assert!(!b.parse("login\n").unwrap().digits());
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        WordListBuilder { digits: false }
    }

    /// Whether `0 1 3 4 5` fold to `o l e a s`, in the words and in the
    /// text alike (default: no). With it, `l0gin` and `1ogin` match `login`,
    /// and a word `web3` matches `webe`.
    ///
    /// # Example
    ///
    /// ```
    /// use dncheck::WordList;
    ///
    /// let plain = WordList::parse("secure\n").unwrap();
    /// let digits = WordList::builder().digits(true).parse("secure\n").unwrap();
    /// assert!(!plain.is_match("s3cur3"));
    /// assert!(digits.is_match("s3cur3"));
    /// ```
    #[must_use]
    pub const fn digits(mut self, yes: bool) -> Self {
        self.digits = yes;
        self
    }

    /// Builds a list from text in the list format; see [`WordList::parse`].
    ///
    /// # Errors
    ///
    /// As [`WordList::parse`].
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::WordList::builder().digits(true).parse("bet\tgambling\n").unwrap();
    /// assert!(list.is_match("b3t"));
    /// ```
    pub fn parse(&self, text: &str) -> Result<WordList, WordListError> {
        let mut entries = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("");
            let (word, category) = match line.split_once('\t') {
                Some((w, c)) => (w.trim(), Some(c.trim()).filter(|c| !c.is_empty())),
                None => (line.trim(), None),
            };
            if word.is_empty() {
                continue;
            }
            entries.push(Entry {
                line: n + 1,
                word,
                category,
            });
        }
        build(&entries, self.digits)
    }

    /// Reads and builds a word list file; see [`WordList::parse`].
    ///
    /// # Errors
    ///
    /// Those of [`WordList::parse`], and a file that cannot be read or is
    /// not UTF-8.
    ///
    /// # Example
    ///
    /// ```
    /// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/restricted_words.txt");
    /// let list = dncheck::WordList::builder().digits(true).from_file(path).unwrap();
    /// assert!(list.is_match("l0gin"));
    /// ```
    #[cfg(feature = "std")]
    pub fn from_file<P: AsRef<std::path::Path>>(&self, path: P) -> Result<WordList, WordListError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| WordListError::new(ErrorKind::Io(e.kind())))?;
        self.parse(&text)
    }

    /// Builds a list of the given words, each taken as written (no comments,
    /// no categories); see [`WordList::from_words`].
    ///
    /// # Errors
    ///
    /// As [`WordList::from_words`].
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::WordList::builder().digits(true).from_words(["free"]).unwrap();
    /// assert!(list.is_match("fr33"));
    /// ```
    pub fn from_words<I, S>(&self, words: I) -> Result<WordList, WordListError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let owned: Vec<S> = words.into_iter().collect();
        let entries: Vec<Entry<'_>> = owned
            .iter()
            .enumerate()
            .map(|(n, w)| Entry {
                line: n + 1,
                word: w.as_ref(),
                category: None,
            })
            .collect();
        build(&entries, self.digits)
    }

    /// The embedded list ([`WordList::embedded`]) with these options: the
    /// static list itself (no copy) for the default options, else rebuilt
    /// from its words.
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::WordList::builder().digits(true).embedded();
    /// assert!(list.is_match("l0gin"));
    /// assert!(!dncheck::WordList::embedded().is_match("l0gin"));
    /// ```
    #[must_use]
    pub fn embedded(&self) -> WordList {
        if self.digits == EMBEDDED.digits {
            return EMBEDDED.clone();
        }
        let entries: Vec<Entry<'_>> = (0..EMBEDDED.len())
            .filter_map(|i| {
                let (word, category) = EMBEDDED.get(i)?;
                Some(Entry {
                    line: i + 1,
                    word,
                    category,
                })
            })
            .collect();
        // The embedded words were accepted once, with the same folding.
        build(&entries, self.digits).unwrap_or_else(|_| EMBEDDED.clone())
    }
}

/// One word of a list being built.
struct Entry<'a> {
    line: usize,
    word: &'a str,
    category: Option<&'a str>,
}

/// Builds the automaton of `entries` (the one builder behind every
/// constructor and behind `codegen/`).
fn build(entries: &[Entry<'_>], digits: bool) -> Result<WordList, WordListError> {
    if entries.len() >= LAST as usize {
        return Err(too_large());
    }
    // Fold every word; the folded characters of all words, flat.
    let mut folded: Vec<char> = Vec::new();
    let mut bounds: Vec<(u32, u32)> = Vec::with_capacity(entries.len());
    let mut buf = Vec::new();
    for e in entries {
        fold_word(e.word, digits, &mut buf).map_err(|why| {
            WordListError::new(ErrorKind::InvalidWord {
                line: e.line,
                word: e.word.into(),
                why,
            })
        })?;
        let start = u32::try_from(folded.len()).map_err(|_| too_large())?;
        folded.extend_from_slice(&buf);
        bounds.push((start, buf.len() as u32));
    }

    // The alphabet: distinct folded characters, most frequent first.
    let mut sorted = folded.clone();
    sorted.sort_unstable();
    let mut counts: Vec<(usize, char)> = Vec::new();
    for c in sorted {
        match counts.last_mut() {
            Some((n, last)) if *last == c => *n += 1,
            _ => counts.push((1, c)),
        }
    }
    if counts.len() > usize::from(RESIZE - FIRST_CODE) {
        return Err(too_large());
    }
    counts.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut alphabet: Vec<(char, u16)> = counts
        .iter()
        .enumerate()
        .map(|(i, &(_, c))| (c, FIRST_CODE + i as u16))
        .collect();
    alphabet.sort_unstable();
    let code_of = |c: char| -> u16 {
        alphabet
            .binary_search_by_key(&c, |&(a, _)| a)
            .map_or(NONE, |i| alphabet[i].1)
    };

    // The trie over codes, words inserted in code order so that a new
    // child is always its parent's last.
    let codes: Vec<u16> = folded.iter().map(|&c| code_of(c)).collect();
    let mut order: Vec<u32> = (0..entries.len() as u32).collect();
    let word_codes = |w: u32| {
        let (s, n) = bounds[w as usize];
        &codes[s as usize..(s + n) as usize]
    };
    order.sort_by(|&a, &b| word_codes(a).cmp(word_codes(b)).then(a.cmp(&b)));
    let mut nodes: Vec<Node> = Vec::with_capacity(codes.len() / 2 + 1);
    nodes.push(Node::default());
    for &w in &order {
        let mut n = 0usize;
        for &code in word_codes(w) {
            n = match nodes[n].children.last() {
                Some(&(c, child)) if c == code => child as usize,
                _ => {
                    let child = nodes.len();
                    nodes[n].children.push((code, child as u32));
                    nodes.push(Node::default());
                    child
                }
            };
        }
        nodes[n].words.push(w);
    }
    let mut list = place(&nodes)?;

    // The words' records and text.
    let mut text = String::new();
    let mut words = Vec::with_capacity(entries.len());
    let mut categories: Vec<[u32; 2]> = Vec::new();
    let mut category_ids: BTreeMap<&str, u32> = BTreeMap::new();
    for (e, &(start, symbols)) in entries.iter().zip(&bounds) {
        let off = u32::try_from(text.len()).map_err(|_| too_large())?;
        text.push_str(e.word);
        let category = match e.category {
            None => NO_CATEGORY,
            Some(c) => match category_ids.get(c) {
                Some(&id) => id,
                None => {
                    let id = categories.len() as u32;
                    categories.push([0, c.len() as u32]);
                    category_ids.insert(c, id);
                    id
                }
            },
        };
        let folded_bytes: usize = folded[start as usize..(start + symbols) as usize]
            .iter()
            .map(|c| c.len_utf8())
            .sum();
        words.push([
            off,
            (e.word.len() as u32) << 16 | (folded_bytes as u32) << 8 | symbols,
            category,
        ]);
    }
    for (c, &id) in &category_ids {
        let off = u32::try_from(text.len()).map_err(|_| too_large())?;
        text.push_str(c);
        categories[id as usize][0] = off;
    }
    u32::try_from(text.len()).map_err(|_| too_large())?;

    // The code map: every code point whose fold the alphabet holds.
    let mut expansions: Vec<[u16; 2]> = Vec::new();
    let mut code_for = |c: char, f: Folded| -> u16 {
        match f {
            Folded::Skip => SKIP,
            Folded::Sep => SEP,
            Folded::One(a) => match code_of(a) {
                NONE => NONE,
                code if a.len_utf8() != c.len_utf8() => code | RESIZE,
                code => code,
            },
            Folded::Two(a, b) => {
                let pair = [code_of(a), code_of(b)];
                if pair == [NONE, NONE] {
                    return NONE;
                }
                let i = expansions
                    .iter()
                    .position(|&p| p == pair)
                    .unwrap_or_else(|| {
                        expansions.push(pair);
                        expansions.len() - 1
                    });
                EXPAND | i as u16
            }
        }
    };
    let mut ascii = [NONE; 128];
    for (b, slot) in ascii.iter_mut().enumerate() {
        let c = char::from(b as u8);
        *slot = code_for(c, fold_char(c, digits));
    }
    let mut wide: Vec<(u32, u16)> = Vec::new();
    for c in alphabet
        .iter()
        .map(|&(c, _)| c)
        .chain(fold_sources(digits))
        .filter(|&c| !c.is_ascii())
    {
        let code = code_for(c, fold_char(c, digits));
        if code != NONE {
            wide.push((c as u32, code));
        }
    }
    wide.sort_unstable();
    wide.dedup();
    let mut index: Vec<u16> = Vec::new();
    let mut pages: Vec<u16> = alloc::vec![NONE; PAGE];
    for &(c, code) in &wide {
        let block = (c >> PAGE_BITS) as usize;
        if index.len() <= block {
            index.resize(block + 1, 0);
        }
        if index[block] == 0 {
            let page = pages.len() / PAGE;
            index[block] = u16::try_from(page).map_err(|_| too_large())?;
            pages.resize(pages.len() + PAGE, NONE);
        }
        pages[(index[block] as usize) << PAGE_BITS | (c as usize & (PAGE - 1))] = code;
    }

    list.ascii = ascii;
    list.index = Cow::Owned(index);
    list.pages = Cow::Owned(pages);
    list.expansions = Cow::Owned(expansions);
    list.words = Cow::Owned(words);
    list.categories = Cow::Owned(categories);
    list.text = Cow::Owned(text);
    list.digits = digits;
    Ok(list)
}
