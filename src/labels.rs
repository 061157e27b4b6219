//! Label boundaries.
//!
//! UTS #46 maps exactly three code points to U+002E FULL STOP (the table in
//! `idna` 1.1 was checked exhaustively): U+3002 IDEOGRAPHIC FULL STOP `。`,
//! U+FF0E FULLWIDTH FULL STOP `．` and U+FF61 HALFWIDTH IDEOGRAPHIC FULL STOP
//! `｡`. Splitting the *input* on those and `.` therefore gives exactly the
//! labels of the mapped name, which is what lets every fault be reported with
//! the byte span of the input label it came from.

use core::ops::Range;

use crate::bytes::{bytes_equal, read64, HIGH};

/// If `bytes[i..]` starts with a label separator, its length in bytes.
#[inline(always)]
pub(crate) fn dot_len(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes[i] {
        b'.' => Some(1),
        // U+3002 = E3 80 82; U+FF0E = EF BC 8E; U+FF61 = EF BD A1.
        0xE3 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0x82]) => Some(3),
        0xEF if matches!(bytes.get(i + 1..i + 3), Some([0xBC, 0x8E] | [0xBD, 0xA1])) => Some(3),
        _ => None,
    }
}

/// The end of the label that starts at `start`: the index of the next
/// separator, or `bytes.len()`.
pub(crate) fn label_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    // Eight bytes at a time while they hold neither `.` nor a byte of 0x80
    // or more (every other separator starts with one): a label over 63
    // bytes is located on the refusal path without a branch a byte.
    while i + 8 <= bytes.len() {
        let w = read64(bytes, i);
        if (bytes_equal(w, b'.') | w) & HIGH != 0 {
            break;
        }
        i += 8;
    }
    while i < bytes.len() {
        if dot_len(bytes, i).is_some() {
            return i;
        }
        i += 1;
    }
    bytes.len()
}

/// Splits off one trailing separator (the root label): `example.com.` and
/// `例子.中国。` both name a fully qualified domain.
pub(crate) fn strip_root_dot(bytes: &[u8]) -> (&[u8], bool) {
    // The last byte decides most names at once: only `.` and the last bytes
    // of `。．｡` can end a root label.
    match bytes {
        [rest @ .., b'.'] => (rest, true),
        [.., 0x82 | 0x8E | 0xA1] => match bytes {
            [rest @ .., 0xE3, 0x80, 0x82]
            | [rest @ .., 0xEF, 0xBC, 0x8E]
            | [rest @ .., 0xEF, 0xBD, 0xA1] => (rest, true),
            _ => (bytes, false),
        },
        _ => (bytes, false),
    }
}

/// The byte range in `input` of label number `index` (used on error paths to
/// locate domain-wide faults such as the bidi rule).
pub(crate) fn input_label_span(input: &[u8], index: usize) -> Range<usize> {
    let mut start = 0;
    let mut n = 0;
    loop {
        let end = label_end(input, start);
        if n == index || end == input.len() {
            return start..end;
        }
        start = end + dot_len(input, end).unwrap_or(1);
        n += 1;
    }
}

/// Iterator over the labels of a normalised name, left to right.
///
/// # Example
///
/// ```
/// let v = dncheck::Checker::default().check("例子.中国").unwrap();
/// let labels: Vec<&str> = v.labels().collect();
/// assert_eq!(labels, ["xn--fsqu00a", "xn--fiqs8s"]);
/// ```
#[derive(Clone, Debug)]
pub struct Labels<'a> {
    rest: Option<&'a str>,
}

impl<'a> Labels<'a> {
    pub(crate) fn new(name: &'a str) -> Labels<'a> {
        Labels {
            rest: if name.is_empty() { None } else { Some(name) },
        }
    }
}

impl<'a> Iterator for Labels<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        match rest.find('.') {
            Some(i) => {
                self.rest = Some(&rest[i + 1..]);
                Some(&rest[..i])
            }
            None => {
                self.rest = None;
                Some(rest)
            }
        }
    }
}

impl DoubleEndedIterator for Labels<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let rest = self.rest?;
        match rest.rfind('.') {
            Some(i) => {
                self.rest = Some(&rest[..i]);
                Some(&rest[i + 1..])
            }
            None => {
                self.rest = None;
                Some(rest)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{dot_len, label_end};
    use alloc::vec::Vec;

    /// `label_end`, which skips eight bytes at a time, against its
    /// definition (the first separator at or after `start`), with a
    /// separator or a non-ASCII byte at every place of names of every
    /// length up to 40.
    #[test]
    fn label_end_finds_the_first_separator() {
        let pieces: [&[u8]; 6] = [
            b".",
            "。".as_bytes(),
            "．".as_bytes(),
            "｡".as_bytes(),
            "é".as_bytes(),
            b"\xE3",
        ];
        for len in 0..40 {
            for piece in pieces {
                for at in 0..=len {
                    let mut name: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
                    name.splice(at..at, piece.iter().copied());
                    for start in 0..name.len() {
                        let expected = (start..name.len())
                            .find(|&i| dot_len(&name, i).is_some())
                            .unwrap_or(name.len());
                        assert_eq!(label_end(&name, start), expected, "{name:?} from {start}");
                    }
                }
            }
        }
    }
}
