//! The UTS #46 slow path of the label-by-label normaliser: mapping and
//! NFC by the `idna` crate's data (`idna_adapter`), then the full validity
//! criteria of [`crate::format`]; `xn--` labels decoded and checked; the
//! bidi rule over the whole name.

use idna_adapter::Adapter;

use super::general::{push_chars, Chars, Normalizer};
use super::plain::{a_label_of, is_newer_than_pinned};
use crate::format::{self, ascii_allowed, check_hyphens, MAX_LABEL};
use crate::idn_tlds;
use crate::labels::{input_label_span, label_end};
use crate::punycode;
use crate::reason::{Reason, Rejection};
use crate::utf8::decode_checked;

/// The UTS #46 data of the `idna` crate (ICU4X compiled data; no start-up work).
pub(super) static DATA: Adapter = Adapter::new();

/// The input span of the code point of the input label at `label` (a byte
/// range of `input`) that maps to `bad` under UTS #46; the whole label if
/// none does on its own (an `xn--` label, or a composition).
pub(super) fn locate_mapped(
    input: &[u8],
    label: core::ops::Range<usize>,
    bad: char,
) -> core::ops::Range<usize> {
    let bytes = &input[label.clone()];
    if bytes.len() >= 4 && bytes[..4].eq_ignore_ascii_case(b"xn--") {
        return label;
    }
    let Ok(text) = core::str::from_utf8(bytes) else {
        return label;
    };
    for (off, c) in text.char_indices() {
        if c == bad || DATA.map_normalize(core::iter::once(c)).any(|m| m == bad) {
            return label.start + off..label.start + off + c.len_utf8();
        }
    }
    label
}

impl Normalizer<'_, '_> {
    /// The UTS #46 path: mapping and NFC by `idna`'s data, then the full
    /// validity criteria.
    #[inline(never)]
    pub(super) fn slow_label(&mut self, start: usize, index: usize) -> Result<usize, Rejection> {
        let end = label_end(self.body, start);
        let segment = match core::str::from_utf8(&self.body[start..end]) {
            Ok(segment) => segment,
            Err(e) => {
                let at = start + e.valid_up_to();
                let bad = e.error_len().map_or(end, |n| at + n);
                return Err(Rejection::new(Reason::InvalidChar, Some(index), at..bad));
            }
        };
        if let Some((off, c)) = segment
            .char_indices()
            .find(|&(_, c)| is_newer_than_pinned(c))
        {
            let at = start + off;
            return Err(Rejection::new(
                Reason::InvalidChar,
                Some(index),
                at..at + c.len_utf8(),
            ));
        }
        let mut chars = Chars::new();
        let mut ascii_only = true;
        for c in DATA.map_normalize(segment.chars()) {
            let ok = if c.is_ascii() {
                ascii_allowed(c as u8, self.underscore)
            } else {
                ascii_only = false;
                c != '\u{FFFD}'
            };
            if !ok {
                let span = self.locate_invalid(segment, start);
                return Err(Rejection::new(Reason::InvalidChar, Some(index), span));
            }
            chars.push(c);
            if chars.len() > MAX_LABEL {
                return Err(self.label_too_long(start, start, index));
            }
        }
        // Ignored code points (soft hyphen, fillers) can map a label to nothing.
        if chars.is_empty() {
            return Err(Rejection::new(Reason::EmptyLabel, Some(index), start..end));
        }
        let changed = !chars.iter().copied().eq(segment.chars());
        let segment = segment.as_bytes();
        self.mapped_label(
            &chars, changed, segment, start, end, index, ascii_only, false,
        )?;
        Ok(end)
    }

    /// The input span of the first code point of `segment` (at `start` in the
    /// input) that maps to something disallowed; the whole label if none does
    /// on its own.
    pub(super) fn locate_invalid(&self, segment: &str, start: usize) -> core::ops::Range<usize> {
        for (off, c) in segment.char_indices() {
            let bad = DATA.map_normalize(core::iter::once(c)).any(|m| {
                m == '\u{FFFD}' || (m.is_ascii() && !ascii_allowed(m as u8, self.underscore))
            });
            if bad {
                return start + off..start + off + c.len_utf8();
            }
        }
        start..start + segment.len()
    }

    /// Finishes a label of non-ASCII input whose mapped code points are
    /// `chars`; `changed` says whether mapping changed the input `segment`,
    /// `fast` whether all code points came from the fast set.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn mapped_label(
        &mut self,
        chars: &[char],
        changed: bool,
        segment: &[u8],
        start: usize,
        end: usize,
        index: usize,
        ascii_only: bool,
        fast: bool,
    ) -> Result<(), Rejection> {
        let fault = |r| Rejection::new(r, Some(index), start..end);
        if ascii_only {
            // Fullwidth letters and the like: the mapped label is ASCII.
            self.mapped = true;
            if self.idn {
                self.own_unicode_here(start);
            }
            self.own_ascii(start);
            let mut buf = [0u8; MAX_LABEL];
            for (b, &c) in buf.iter_mut().zip(chars) {
                *b = c as u8;
            }
            self.push_ascii(&buf[..chars.len()])?;
            return self.ascii_label(start, end, index, true);
        }
        // An `xn--` prefix announces Punycode, which is ASCII only.
        if chars.starts_with(&['x', 'n', '-', '-']) {
            return Err(fault(Reason::BadPunycode));
        }
        // The `dns` profile allows `_` in ASCII labels only: IDNA has no `_`
        // in a U-label, and its A-label would not be accepted back.
        if chars.contains(&'_') {
            let text = core::str::from_utf8(segment).unwrap_or_default();
            let span = match text
                .char_indices()
                .find(|&(_, c)| c == '_' || c == '\u{FF3F}')
            {
                Some((at, c)) => start + at..start + at + c.len_utf8(),
                None => start..end,
            };
            return Err(Rejection::new(Reason::InvalidChar, Some(index), span));
        }
        check_hyphens(chars, '-').map_err(fault)?;
        if !fast {
            format::check_unicode_label(&DATA, chars).map_err(fault)?;
            self.rtl_label(chars, index, start..end)?;
        }
        let (a_label, len) = a_label_of(chars).ok_or(fault(Reason::LabelTooLong))?;
        // The U-label form first: it may copy the A-label prefix.
        if changed {
            self.own_unicode_here(start);
            push_chars::<false>(self.unicode, chars);
        } else if self.unicode_owned || (!self.idn && self.mapped) {
            self.own_unicode_here(start);
            self.unicode.extend_from_slice(segment);
        }
        // Else the U-label form is still the input: nothing to write.
        self.idn = true;
        self.mapped |= changed;
        self.own_ascii(start);
        self.push_ascii(&a_label[..len])
    }

    /// An `xn--` label (lowercase, `label`, at `start..end` in the input):
    /// decode it and check that it is a valid U-label (RFC 5891 §5.4,
    /// UTS #46 §4 step 4). Its A-label form is already in place.
    #[inline(never)]
    pub(super) fn a_label(
        &mut self,
        label: &[u8],
        start: usize,
        end: usize,
        index: usize,
    ) -> Result<(), Rejection> {
        let fault = |r| Rejection::new(r, Some(index), start..end);
        // A known IDN top-level domain (`xn--fiqs8s`): its U-label is in the
        // table, made of fast-path code points, no hyphen; nothing to decode
        // or check.
        if let Some(tld) = idn_tlds::known_tld_a_label(label) {
            self.own_unicode_here(start);
            self.idn = true;
            self.unicode.extend_from_slice(tld.u_label.as_bytes());
            return Ok(());
        }
        let mut decoded = ['\0'; punycode::decode::DECODE_CAP];
        // A trailing hyphen means "xn--" alone, or no Punycode digits after
        // the delimiter, which would decode to ASCII. Otherwise there is at
        // least one insertion, and an insertion is never ASCII: the decoded
        // label is not ASCII.
        let n = match punycode::decode::decode(&label[4..], &mut decoded) {
            Some(n) if !label.ends_with(b"-") => n,
            _ => return Err(fault(Reason::BadPunycode)),
        };
        let chars = &decoded[..n];
        debug_assert!(!chars.iter().all(char::is_ascii));
        // The U-label form is written as the label is classified, in one
        // pass; if the label is refused, the form is not used.
        self.own_unicode_here(start);
        self.idn = true;
        let fast = push_chars::<true>(self.unicode, chars);
        if !fast {
            // The decoded label must be valid and NFC exactly as it stands.
            // `normalize_validate` writes U+FFFD for a disallowed code point,
            // so U+FFFD itself (disallowed) would pass the comparison: it is
            // refused here, as `slow_label` refuses it typed directly.
            let valid = chars.iter().all(|&c| {
                if c.is_ascii() {
                    ascii_allowed(c as u8, false)
                } else {
                    c != '\u{FFFD}' && !is_newer_than_pinned(c)
                }
            }) && DATA
                .normalize_validate(chars.iter().copied())
                .eq(chars.iter().copied());
            if !valid {
                return Err(fault(Reason::BadPunycode));
            }
        }
        check_hyphens(chars, '-').map_err(fault)?;
        if !fast {
            format::check_unicode_label(&DATA, chars).map_err(fault)?;
            self.rtl_label(chars, index, start..end)?;
        }
        Ok(())
    }

    /// Marks the name right-to-left if label `index` (its code points
    /// `chars`, at `span` of the input) has a right-to-left code point. Such
    /// a label makes the name a bidi domain name, so the bidi rule holds for
    /// it whatever the other labels are: it is checked here, before the
    /// label is encoded and the labels after it are read, and a refused name
    /// costs no more than its labels up to this one. The other labels are
    /// checked at the end of the name ([`check_bidi`](Self::check_bidi)).
    #[inline]
    fn rtl_label(
        &mut self,
        chars: &[char],
        index: usize,
        span: core::ops::Range<usize>,
    ) -> Result<(), Rejection> {
        if !chars.iter().any(|&c| format::is_rtl(&DATA, c)) {
            return Ok(());
        }
        self.rtl = true;
        match format::check_bidi_label(&DATA, chars) {
            Ok(()) => Ok(()),
            // A label before it that breaks the rule comes first.
            Err(r) => Err(self
                .first_bidi_fault(self.u_labels_so_far(), index)
                .unwrap_or_else(|| Rejection::new(r, Some(index), span))),
        }
    }

    /// The U-label form of the labels read so far (with what follows them,
    /// if anything): where [`check_bidi`](Self::check_bidi) finds it at the
    /// end of a name, or, while no label was internationalised, the A-label
    /// form.
    #[cold]
    fn u_labels_so_far(&self) -> &[u8] {
        if self.unicode_owned {
            &self.unicode[..]
        } else if !self.idn && self.ascii_owned {
            &self.out.buf[..]
        } else {
            self.body
        }
    }

    /// The bidi rule over every label, for a name with a right-to-left label.
    #[cold]
    pub(super) fn check_bidi(&self) -> Result<(), Rejection> {
        let unicode = if self.unicode_owned {
            &self.unicode[..]
        } else {
            self.body
        };
        match self.first_bidi_fault(unicode, usize::MAX) {
            Some(refusal) => Err(refusal),
            None => Ok(()),
        }
    }

    /// The refusal of the first of the first `labels` labels of the U-label
    /// form `unicode` that breaks the bidi rule, if one does.
    #[cold]
    fn first_bidi_fault(&self, unicode: &[u8], labels: usize) -> Option<Rejection> {
        // Label by label, decoded as it is read: the U-label form is UTF-8
        // (every label was checked or written so), so no separate
        // validation pass; `.` separates its labels.
        let mut chars = Chars::new();
        let mut i = 0;
        for index in 0..labels {
            chars.clear();
            while let Some(&b) = unicode.get(i) {
                if b == b'.' {
                    break;
                }
                let (c, width) = decode_checked(unicode, i)?;
                chars.push(c);
                i += width;
            }
            if let Err(r) = format::check_bidi_label(&DATA, &chars) {
                let span = input_label_span(self.body, index);
                return Some(Rejection::new(r, Some(index), span));
            }
            if i >= unicode.len() {
                return None;
            }
            i += 1;
        }
        None
    }
}
