//! The search: [`WordList::find_in`] and its iterator [`FindIter`], which
//! read the text once, a code point at a time, map each to its code through
//! the code map and step the automaton (see the layout in `mod.rs`); and the
//! words stage's entry for the checker, [`any_hit`].

use core::ops::Range;

use super::{
    Hit, WordList, BASE, CHECK, EXPAND, FAIL, FIRST_CODE, HAS_OUT, LAST, NONE, NO_OUT, OUT, PAGE,
    PAGE_BITS, PARENT, RESIZE, SKIP,
};
use crate::utf8::decode;

impl WordList {
    /// Every hit in `text[range]`, in the order of their ends; hits that end
    /// at the same place come longest first, then in list order.
    ///
    /// `text` is a name in Unicode form, as [`Verdict::unicode`] returns it
    /// (UTS #46-mapped: lower case, no fullwidth forms); ASCII upper case and
    /// fullwidth ASCII are folded all the same. `range` is the part to search,
    /// typically the labels left of the public suffix. Spans are byte ranges
    /// of `text` (not of the range).
    ///
    /// All matches are reported, overlapping ones included (`loginverify`
    /// has both `login` and `verify`, `signin` both `signin` and `sign` if
    /// both are words). A match never spans a label boundary: a `.` (or
    /// `。`, `．`, `｡`) in the text starts the search afresh. No heap
    /// allocation; every byte of the range is read once, and a hit's start
    /// is found by reading back over its own characters.
    ///
    /// [`Verdict::unicode`]: crate::Verdict::unicode
    ///
    /// # Panics
    ///
    /// If `range` is out of bounds or does not fall on character boundaries
    /// of `text`, as `&text[range]` would.
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::WordList::parse("shop\ncom\n").unwrap();
    /// let name = "shop.com";
    /// // Only the part left of the public suffix `com`.
    /// let hits: Vec<_> = list.find_in(name, 0..4).map(|h| h.word()).collect();
    /// assert_eq!(hits, ["shop"]);
    /// ```
    #[must_use]
    pub fn find_in<'w, 'h>(&'w self, text: &'h str, range: Range<usize>) -> FindIter<'w, 'h> {
        assert!(
            range.start <= range.end
                && text.is_char_boundary(range.start)
                && text.is_char_boundary(range.end),
            "range {range:?} is not a character range of a text of {} bytes",
            text.len()
        );
        FindIter {
            list: self,
            text: text.as_bytes(),
            pos: range.start,
            range_start: range.start,
            end: range.end,
            state: 0,
            out: NO_OUT,
            pending: None,
            char_start: 0,
            consumed: 0,
            resized: range.start,
        }
    }

    /// Every hit in the whole of `text`: [`find_in`](Self::find_in) over
    /// `0..text.len()`.
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::WordList::parse("log\nlogin\nin\n").unwrap();
    /// let hits: Vec<_> = list.find_iter("LOG-IN").map(|h| (h.word(), h.span())).collect();
    /// assert_eq!(hits, [("log", 0..3), ("login", 0..6), ("in", 4..6)]);
    /// ```
    #[must_use]
    pub fn find_iter<'w, 'h>(&'w self, text: &'h str) -> FindIter<'w, 'h> {
        self.find_in(text, 0..text.len())
    }

    /// `true` if some word occurs in `text` (the first hit ends the search).
    ///
    /// # Example
    ///
    /// ```
    /// let list = dncheck::WordList::embedded();
    /// assert!(list.is_match("casino-royal"));
    /// assert!(!list.is_match("cas.ino")); // not across labels
    /// ```
    #[must_use]
    pub fn is_match(&self, text: &str) -> bool {
        self.find_iter(text).advance()
    }

    /// The code of a code point beyond ASCII.
    #[inline(always)]
    fn code_wide(&self, c: u32) -> u16 {
        match self.index.get((c >> PAGE_BITS) as usize) {
            Some(&page) => self.pages[(page as usize) << PAGE_BITS | (c as usize & (PAGE - 1))],
            None => NONE,
        }
    }

    /// The code of any code point.
    #[inline]
    fn code(&self, c: u32) -> u16 {
        if c < 0x80 {
            self.ascii[c as usize]
        } else {
            self.code_wide(c)
        }
    }

    /// The automaton's next state from state `s` on code `code`.
    #[inline]
    pub(super) fn step(&self, s: u32, code: u16) -> u32 {
        self.step_from(s, self.slots[s as usize], code).0
    }

    /// [`step`](Self::step) from state `s` whose slot is `rec`, with the new
    /// state's slot: a walk carries the current slot along, so that a
    /// transition reads one slot, not two.
    #[inline(always)]
    fn step_from(&self, mut s: u32, mut rec: [u32; 2], code: u16) -> (u32, [u32; 2]) {
        let slots = &*self.slots;
        let code = u32::from(code);
        loop {
            let t = rec[BASE].wrapping_add(code);
            if let Some(&r) = slots.get(t as usize) {
                if r[CHECK] & PARENT == s {
                    return (t, r);
                }
            }
            if s == 0 {
                return (0, rec);
            }
            s = self.links[s as usize][FAIL];
            rec = slots[s as usize];
        }
    }
}

/// The iterator of [`WordList::find_in`] and [`WordList::find_iter`]: every
/// [`Hit`], without heap allocation.
///
/// # Example
///
/// ```
/// let list = dncheck::WordList::parse("ab\nbc\n").unwrap();
/// let mut it = list.find_iter("abc");
/// assert_eq!(it.next().map(|h| h.word()), Some("ab"));
/// assert_eq!(it.next().map(|h| h.word()), Some("bc"));
/// assert_eq!(it.next(), None);
/// ```
#[derive(Clone, Debug)]
pub struct FindIter<'w, 'h> {
    list: &'w WordList,
    text: &'h [u8],
    /// The next byte to read.
    pos: usize,
    range_start: usize,
    end: usize,
    /// The automaton's state.
    state: u32,
    /// The next output entry to report, or `NO_OUT`.
    out: u32,
    /// The second code of an expansion still to be fed.
    pending: Option<u16>,
    /// The start of the code point the current outputs end in (its end is
    /// `pos`).
    char_start: usize,
    /// How many of that code point's codes the outputs end after (1, or 2
    /// after the second code of an expansion).
    consumed: u8,
    /// The end of the last code point read whose folded form is not its
    /// own bytes (a look-alike of another length, an ignored or expanding
    /// code point): after it, text and folded text agree byte for byte, so
    /// a hit's start is its end less the word's folded length.
    resized: usize,
}

impl<'w> FindIter<'w, '_> {
    /// Reads on until a state with output: `true` if one was reached (then
    /// `out`, `char_start` and `consumed` are set).
    #[inline]
    fn advance(&mut self) -> bool {
        let list = self.list;
        if let Some(code) = self.pending.take() {
            self.consumed = 2;
            if self.feed_any(code) {
                return true;
            }
        }
        // Up to the end of the range, so that reading a byte is checked once.
        let text = &self.text[..self.end];
        let (mut pos, mut state) = (self.pos, self.state);
        let mut rec = list.slots[state as usize];
        let root = list.slots[0];
        while pos < text.len() {
            let i = pos;
            let b = text[i];
            let code = if b < 0x80 {
                pos = i + 1;
                list.ascii[usize::from(b)]
            } else {
                let (c, len) = decode(text, i);
                pos = i + len;
                list.code_wide(c)
            };
            if code.wrapping_sub(FIRST_CODE) < RESIZE - FIRST_CODE {
                // The common case: one code of a code point folded to a
                // character of its own length.
                (state, rec) = list.step_from(state, rec, code);
                if rec[CHECK] & HAS_OUT != 0 {
                    let out = list.links[state as usize][OUT];
                    (self.pos, self.state, self.out) = (pos, state, out);
                    (self.char_start, self.consumed) = (i, 1);
                    return true;
                }
                continue;
            }
            if code < FIRST_CODE {
                if code == SKIP {
                    self.resized = pos; // ignored: no step
                } else {
                    // NONE or SEP: no word goes on through this code point.
                    (state, rec) = (0, root);
                }
                continue;
            }
            (self.pos, self.state) = (pos, state);
            if self.special(code, i) {
                return true;
            }
            state = self.state;
            rec = list.slots[state as usize];
        }
        (self.pos, self.state) = (pos, state);
        false
    }

    /// [`advance`](Self::advance) for the `RESIZE` and `EXPAND` codes, of
    /// the code point at `i` (`pos` is past it).
    #[inline(never)]
    fn special(&mut self, code: u16, i: usize) -> bool {
        self.resized = self.pos;
        self.char_start = i;
        if code & EXPAND == 0 {
            self.consumed = 1;
            return self.feed_any(code & !RESIZE);
        }
        let [a, b] = self.list.expansions[usize::from(code & !EXPAND)];
        if self.feed_any(a) {
            self.pending = Some(b);
            self.consumed = 1;
            return true;
        }
        self.consumed = 2;
        self.feed_any(b)
    }

    /// Feeds one code (which may be `NONE`: a half of an expansion whose
    /// character no word holds): `true` if the new state has output (then
    /// `out` is set).
    fn feed_any(&mut self, code: u16) -> bool {
        if code < FIRST_CODE {
            self.state = 0;
            return false;
        }
        self.state = self.list.step(self.state, code);
        self.out = self.list.links[self.state as usize][OUT];
        self.out != NO_OUT
    }

    /// How many codes a code point contributes to a match.
    fn codes_of(&self, c: u32) -> usize {
        match self.list.code(c) {
            SKIP => 0,
            code if code & EXPAND != 0 => 2,
            _ => 1,
        }
    }

    /// The hit of word `index`, which ends with the current code point.
    #[inline]
    fn hit(&self, index: u32) -> Hit<'w> {
        let list = self.list;
        let lens = list.words[index as usize][1];
        let folded_bytes = ((lens >> 8) & 0xFF) as usize;
        let start = match self.pos.checked_sub(folded_bytes) {
            Some(start) if start >= self.resized && self.consumed == 1 => start,
            _ => self.start_slow((lens & 0xFF) as usize),
        };
        Hit {
            list,
            index,
            start,
            end: self.pos,
        }
    }

    /// The start of a match of `codes` codes that ends with the current
    /// code point: read back over the match's code points (the last
    /// contributed `consumed` codes, the others all theirs).
    #[inline(never)]
    fn start_slow(&self, codes: usize) -> usize {
        let mut remaining = codes.saturating_sub(usize::from(self.consumed));
        let mut start = self.char_start;
        while remaining > 0 && start > self.range_start {
            let mut q = start - 1;
            while q > self.range_start && self.text[q] & 0xC0 == 0x80 {
                q -= 1;
            }
            let (c, _) = decode(self.text, q);
            remaining = remaining.saturating_sub(self.codes_of(c));
            start = q;
        }
        start
    }
}

impl<'w> Iterator for FindIter<'w, '_> {
    type Item = Hit<'w>;

    #[inline]
    fn next(&mut self) -> Option<Hit<'w>> {
        if self.out == NO_OUT && !self.advance() {
            return None;
        }
        let entry = self.list.outputs[self.out as usize];
        self.out = if entry & LAST != 0 {
            NO_OUT
        } else {
            self.out + 1
        };
        Some(self.hit(entry & !LAST))
    }
}

impl core::iter::FusedIterator for FindIter<'_, '_> {}

// ---------------------------------------------------------------------------
// The stage in the checker.

/// The part of a name's U-label form `unicode` that the words stage
/// searches: the labels left of its public suffix, which is `suffix` in
/// A-label form (the registrable label, and subdomain labels where the
/// profile allows them), never the suffix itself. Empty if `unicode` has no
/// more labels than the suffix.
pub(crate) fn left_of_suffix(unicode: &str, suffix: &str) -> Range<usize> {
    let suffix_labels = suffix.bytes().filter(|&b| b == b'.').count() + 1;
    // The U-label form has the same labels, separated by `.`: the dot
    // before the suffix is the `suffix_labels`-th from the end.
    let mut dots = 0;
    for (i, &b) in unicode.as_bytes().iter().enumerate().rev() {
        if b == b'.' {
            dots += 1;
            if dots == suffix_labels {
                return 0..i;
            }
        }
    }
    0..0
}

/// The words stage on a name that passed the suffix stage: `true` if the
/// list has a hit left of the public suffix `suffix` (A-label form) in the
/// name's U-label form `unicode`; `idn` if that form is not the A-label form
/// (else it is ASCII, and `suffix` its tail: the range to search follows
/// from the suffix's length alone).
pub(crate) fn any_hit(list: &WordList, unicode: &str, suffix: &str, idn: bool) -> bool {
    let text = unicode.as_bytes();
    let end = if idn {
        left_of_suffix(unicode, suffix).end
    } else {
        debug_assert!(text.is_ascii() && text.ends_with(suffix.as_bytes()));
        // The name less its suffix and the dot before it, if any.
        text.len().saturating_sub(suffix.len() + 1)
    };
    text.get(..end).is_some_and(|text| any_hit_in(list, text))
}

/// `true` if some word occurs in `text` (UTF-8): [`FindIter`]'s walk without
/// its bookkeeping (where a hit starts, which words end there), as the
/// words stage needs only whether there is one. A code point at a time:
/// an ASCII byte through the 128-entry code table, with no UTF-8 decoding;
/// a step reads the one slot it needs, through a reference.
fn any_hit_in(list: &WordList, text: &[u8]) -> bool {
    let (slots, links) = (&*list.slots, &*list.links);
    let Some(root) = slots.first() else {
        return false;
    };
    // The state's number and its slot.
    let (mut s, mut from) = (0u32, root);
    let mut i = 0;
    while let Some(&b) = text.get(i) {
        let code = if b < 0x80 {
            i += 1;
            list.ascii[usize::from(b)]
        } else {
            let (c, len) = decode(text, i);
            i += len;
            list.code_wide(c)
        };
        if code.wrapping_sub(FIRST_CODE) < RESIZE - FIRST_CODE {
            if step(slots, links, &mut s, &mut from, code) {
                return true;
            }
        } else if code == SKIP {
            // Ignored (`-`): no step.
        } else if code < FIRST_CODE {
            // NONE or SEP: no word goes on through this code point.
            (s, from) = (0, root);
        } else if code & EXPAND == 0 {
            // Folded to a character of another length: the same step.
            if step(slots, links, &mut s, &mut from, code & !RESIZE) {
                return true;
            }
        } else {
            // Two codes (`ß`): either may be one no word holds.
            for half in list.expansions[usize::from(code & !EXPAND)] {
                if half < FIRST_CODE {
                    (s, from) = (0, root);
                } else if step(slots, links, &mut s, &mut from, half) {
                    return true;
                }
            }
        }
    }
    false
}

/// One step of [`any_hit_in`] from state `s` (whose slot is `from`) by
/// `code`, a word character's, following failure links: `true` on a state
/// with output.
#[inline(always)]
fn step<'a>(
    slots: &'a [[u32; 2]],
    links: &[[u32; 2]],
    s: &mut u32,
    from: &mut &'a [u32; 2],
    code: u16,
) -> bool {
    let code = u32::from(code);
    loop {
        let t = from[BASE].wrapping_add(code);
        if let Some(to) = slots.get(t as usize) {
            if to[CHECK] & PARENT == *s {
                (*s, *from) = (t, to);
                return to[CHECK] & HAS_OUT != 0;
            }
        }
        if *s == 0 {
            return false;
        }
        *s = links.get(*s as usize).map_or(0, |l| l[FAIL]);
        match slots.get(*s as usize) {
            Some(slot) => *from = slot,
            None => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::String;

    /// The words stage's walk finds a hit exactly where the iterator finds
    /// one: on every text of up to three pieces from a pool of look-alikes,
    /// expansions (`ß`), ignored hyphens, digits, Han variants and
    /// separators, against a list with words of each kind.
    #[test]
    fn walk_agrees_with_the_iterator() {
        let list = WordList::parse("bank\nstrasse\nlogin\n赌博\nсбер\n0day\npaypal\nss\n").unwrap();
        let pool = [
            "b",
            "bank",
            "b\u{430}nk",
            "ban",
            "k",
            "-",
            "stra",
            "ß",
            "sse",
            "log",
            "in",
            "lo-gin",
            "賭",
            "博",
            "赌",
            ".",
            "。",
            "с",
            "бер",
            "0",
            "da",
            "y",
            "pay",
            "pal",
            "ｐａｙ",
            "x",
            "é",
            "\u{301}",
        ];
        let mut text = String::new();
        for a in pool {
            for b in pool {
                for c in pool {
                    text.clear();
                    text.push_str(a);
                    text.push_str(b);
                    text.push_str(c);
                    let want = list.find_iter(&text).next().is_some();
                    assert_eq!(any_hit_in(&list, text.as_bytes()), want, "{text}");
                }
            }
        }
    }
}
