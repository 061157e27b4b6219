//! The binary's parts: the command line and its option files ([`args`]),
//! the line reader ([`lines`]), the run over all inputs, serial or on
//! threads ([`batch`]), the two output formats ([`table`], [`json`], the
//! latter through the allocation-free writer [`jsonw`]) of one checked name
//! ([`Reporter`]), the counts of `--summary` ([`summary`]), and the
//! registrar workflow's lookups and vendor outputs ([`workflow`]).

pub mod args;
pub mod batch;
pub mod json;
pub mod jsonw;
pub mod lines;
pub mod summary;
pub mod table;
pub mod workflow;

use std::borrow::Cow;

use dncheck::{Checker, Flag, Reason, Rejection, Verdict};

use self::json::Record;
use self::lines::Line;
use self::summary::Summary;
use self::workflow::Workflow;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Table,
    Json,
    /// Tencent Cloud `CheckIntlDomainNew`'s response body, one a line.
    Tencent,
    /// Alibaba Cloud DNS `ApplyForRetrievalDomainName`'s response body, one
    /// a line.
    Aliyun,
}

/// An input line as the answer shows it: its bytes, and for a line over
/// [`lines::MAX_LINE`] its length (the bytes are then its first
/// [`lines::HEAD`]).
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    pub bytes: &'a [u8],
    pub long: Option<u64>,
}

impl<'a> Input<'a> {
    /// The bytes shown of the input: all, or of a long line its head cut
    /// back to the last whole UTF-8 character.
    fn shown(&self) -> &'a [u8] {
        match self.long {
            None => self.bytes,
            Some(_) => match std::str::from_utf8(self.bytes) {
                Err(err) if err.error_len().is_none() => &self.bytes[..err.valid_up_to()],
                _ => self.bytes,
            },
        }
    }

    /// The input as printed: invalid UTF-8 replaced by U+FFFD, and a long
    /// line cut, with `…[N bytes]` after it. Borrowed where nothing changes.
    pub fn printed(&self) -> Cow<'a, str> {
        let shown = String::from_utf8_lossy(self.shown());
        match self.long {
            None => shown,
            Some(len) => Cow::Owned(format!("{shown}…[{len} bytes]")),
        }
    }

    /// Writes the input as printed, as a JSON string.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        match self.long {
            None => jsonw::lossy_string(out, self.bytes),
            Some(len) => {
                jsonw::lossy_string(out, self.shown());
                out.pop(); // the closing quote
                out.extend_from_slice("…[".as_bytes());
                jsonw::uint(out, len);
                out.extend_from_slice(b" bytes]\"");
            }
        }
    }

    /// The offset in the printed input of byte `offset` of the raw input
    /// (`end`: the end of a span, which moves to the end of a U+FFFD that
    /// replaces the bytes around it; a start moves to its start).
    pub fn printed_offset(&self, offset: usize, end: bool) -> usize {
        let mut raw = 0;
        let mut printed = 0;
        for chunk in self.bytes.utf8_chunks() {
            let valid = chunk.valid().len();
            if offset <= raw + valid {
                return printed + (offset - raw);
            }
            raw += valid;
            printed += valid;
            let invalid = chunk.invalid().len();
            if offset < raw + invalid {
                return printed + if end { 3 } else { 0 };
            }
            raw += invalid;
            printed += 3;
        }
        printed
    }
}

/// A hit of the word list, placed in the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    /// The word's position in the list.
    pub index: usize,
    /// The index of the label it is in.
    pub label: usize,
    /// `[start, end]`: byte offsets into the input.
    pub span: [usize; 2],
}

/// Whether `c` starts a label separator: `.`, or the first byte of `。`
/// (U+3002), `．` (U+FF0E), `｡` (U+FF61), as UTS #46 maps them to `.`.
fn separator_len(bytes: &[u8]) -> Option<usize> {
    match bytes {
        [b'.', ..] => Some(1),
        [0xE3, 0x80, 0x82, ..] | [0xEF, 0xBC, 0x8E, ..] | [0xEF, 0xBD, 0xA1, ..] => Some(3),
        _ => None,
    }
}

/// The byte range of label `k` of `input` (labels split at every
/// separator); `None` if it has fewer labels.
fn input_label(input: &[u8], k: usize) -> Option<(usize, usize)> {
    let mut label = 0;
    let mut start = 0;
    let mut i = 0;
    while i < input.len() {
        if let Some(len) = separator_len(&input[i..]) {
            if label == k {
                return Some((start, i));
            }
            label += 1;
            i += len;
            start = i;
        } else {
            i += 1;
        }
    }
    (label == k).then_some((start, input.len()))
}

/// Where in `input` a hit at `span` of the name's U-label form `unicode`
/// lies: its label's index, and its byte span. Labels correspond one to
/// one; where the input spells the label as the U-label form does (up to
/// ASCII case), the span is the hit's own bytes, else (an A-label,
/// fullwidth or other mapped spelling) the whole input label.
pub fn input_span(
    input: &[u8],
    unicode: &str,
    span: std::ops::Range<usize>,
) -> (usize, [usize; 2]) {
    let before = &unicode.as_bytes()[..span.start];
    let label = before.iter().filter(|&&b| b == b'.').count();
    let u_start = before.iter().rposition(|&b| b == b'.').map_or(0, |i| i + 1);
    let u_end = unicode.as_bytes()[span.start..]
        .iter()
        .position(|&b| b == b'.')
        .map_or(unicode.len(), |i| span.start + i);
    let Some((start, end)) = input_label(input, label) else {
        // Cannot happen for a verdict of this input; the whole input then.
        return (label, [0, input.len()]);
    };
    if input[start..end].eq_ignore_ascii_case(&unicode.as_bytes()[u_start..u_end]) {
        let offset = start + (span.start - u_start);
        (label, [offset, offset + span.len()])
    } else {
        (label, [start, end])
    }
}

/// Checks names and writes their answers; one per thread, with the
/// scratch space reused from name to name.
pub struct Reporter<'c> {
    checker: &'c Checker,
    format: Format,
    /// `--registered`, `--hosted`, `--owner`.
    workflow: Option<&'c Workflow>,
    /// The hits of the word list in the current name.
    found: Vec<Found>,
    /// Counts for `--summary`, when asked for.
    pub summary: Option<Summary>,
    /// Whether every name so far was accepted.
    pub all_ok: bool,
}

impl<'c> Reporter<'c> {
    pub fn new(checker: &'c Checker, format: Format, summary: bool) -> Reporter<'c> {
        Reporter {
            checker,
            format,
            workflow: None,
            found: Vec::new(),
            summary: summary.then(Summary::default),
            all_ok: true,
        }
    }

    /// Answers also from the lookups of `--registered`, `--hosted` and
    /// `--owner`.
    pub fn with_workflow(mut self, workflow: Option<&'c Workflow>) -> Reporter<'c> {
        self.workflow = workflow;
        self
    }

    /// Checks one input line and appends its answer to `out`. Returns
    /// whether it was accepted.
    pub fn line(&mut self, line: Line<'_>, out: &mut Vec<u8>) -> bool {
        match line {
            Line::Full(name) => self.name(name, out),
            Line::Long { head, len } => {
                let input = Input {
                    bytes: head,
                    long: Some(len),
                };
                // Rare: the allocation does not matter.
                let printed = input.printed().len();
                let mut record = Record::refused(input, Reason::TooLong);
                record.span = Some([0, printed]);
                self.write(&record, None, out)
            }
        }
    }

    /// Checks one name and appends its answer to `out`. Returns whether it
    /// was accepted.
    pub fn name(&mut self, name: &[u8], out: &mut Vec<u8>) -> bool {
        let checker = self.checker;
        // `check_bytes` in two steps, so that the normalised forms and the
        // suffix stage's answer survive a refusal of the suffix stage.
        let mut normalized = checker.normalize_bytes(name);
        let suffix_refusal = match &mut normalized {
            Ok(verdict) => checker.check_normalized(verdict).err(),
            Err(_) => None,
        };
        // The registrar workflow's lookups, on a name every stage accepted
        // (restricted words aside, which the vendors answer first).
        let lookup_refusal = match (&normalized, &suffix_refusal, self.workflow) {
            (Ok(verdict), None, Some(workflow)) if !verdict.flags().contains(Flag::Restricted) => {
                workflow.refusal(verdict.key(), name.len())
            }
            _ => None,
        };
        let (verdict, rejection) = match &normalized {
            Ok(verdict) => (
                Some(verdict),
                suffix_refusal.as_ref().or(lookup_refusal.as_ref()),
            ),
            Err(rejection) => (None, Some(rejection)),
        };
        // Every hit of the word list, in the order the search gives them
        // (by their end), each placed in the input.
        self.found.clear();
        // Searched again only where the words stage found something.
        let restricted =
            verdict.filter(|v| rejection.is_none() && v.flags().contains(Flag::Restricted));
        if let Some(verdict) = restricted {
            for hit in checker.restricted(verdict) {
                let (label, span) = input_span(name, verdict.unicode(), hit.span());
                self.found.push(Found {
                    index: hit.index(),
                    label,
                    span,
                });
            }
        }
        let input = Input {
            bytes: name,
            long: None,
        };
        let found = std::mem::take(&mut self.found);
        let record = Record::new(input, verdict, rejection, checker.words(), &found);
        // The check's own answer, before the workflow's lookups.
        let checked = match (&normalized, &suffix_refusal) {
            (Ok(verdict), None) => Ok(verdict),
            (Ok(_), Some(refusal)) | (Err(refusal), _) => Err(refusal),
        };
        let ok = self.write(&record, Some(checked), out);
        self.found = found;
        ok
    }

    /// Appends `record` in the output format. `checked`: the check's own
    /// result, which the Tencent format renders (`None` for a line too long
    /// to check: the Tencent format then checks what was kept of it).
    fn write(
        &mut self,
        record: &Record<'_>,
        checked: Option<Result<&Verdict<'_>, &Rejection>>,
        out: &mut Vec<u8>,
    ) -> bool {
        let ok = match self.format {
            Format::Json => {
                json::write_line(out, record);
                record.ok
            }
            // Writing into a Vec cannot fail.
            Format::Table => {
                table::write_row(out, record).expect("writing to memory");
                record.ok
            }
            Format::Tencent => {
                workflow::write_tencent(out, self.checker, checked, self.workflow, &record.input)
            }
            Format::Aliyun => {
                workflow::write_aliyun(out, record);
                record.ok
            }
        };
        if let Some(summary) = &mut self.summary {
            summary.add(record);
        }
        self.all_ok &= ok;
        ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_offsets_follow_replacements() {
        let input = Input {
            bytes: b"a\xffb\xe4\xbdc",
            long: None,
        };
        assert_eq!(input.printed(), "a\u{FFFD}b\u{FFFD}c");
        // raw: a=0 ff=1 b=2 e4=3 bd=4 c=5 end=6
        // printed: a=0 fffd=1..4 b=4 fffd=5..8 c=8 end=9
        let starts: Vec<usize> = (0..=6).map(|o| input.printed_offset(o, false)).collect();
        let ends: Vec<usize> = (0..=6).map(|o| input.printed_offset(o, true)).collect();
        assert_eq!(starts, [0, 1, 4, 5, 5, 8, 9]);
        assert_eq!(ends, [0, 1, 4, 5, 8, 8, 9]);
        let plain = Input {
            bytes: "例子.cn".as_bytes(),
            long: None,
        };
        assert_eq!(plain.printed_offset(6, false), 6);
        assert_eq!(plain.printed_offset(9, true), 9);
    }

    #[test]
    fn hits_placed_in_the_input() {
        type Case = (
            &'static str,
            &'static str,
            std::ops::Range<usize>,
            (usize, [usize; 2]),
        );
        let cases: &[Case] = &[
            ("secure-login.cn", "secure-login.cn", 7..12, (0, [7, 12])),
            (
                "WWW.Secure-Login.CN",
                "www.secure-login.cn",
                11..16,
                (1, [11, 16]),
            ),
            // Ideographic dots are 3 bytes in the input, 1 in the form.
            ("www。登录网。中国", "www.登录网.中国", 4..10, (1, [6, 12])),
            // An A-label: the whole label.
            ("www.xn--cwrw68f.cn", "www.登录网.cn", 4..10, (1, [4, 15])),
            // Fullwidth: the whole label.
            ("ｌｏｇｉｎ.cn", "login.cn", 0..5, (0, [0, 15])),
        ];
        for (input, unicode, span, expected) in cases {
            assert_eq!(
                input_span(input.as_bytes(), unicode, span.clone()),
                *expected,
                "{input}"
            );
        }
    }

    #[test]
    fn long_lines_are_cut_at_a_character() {
        let head = "例".repeat(22); // 66 bytes
        let input = Input {
            bytes: &head.as_bytes()[..64],
            long: Some(1_000_000),
        };
        let printed = input.printed();
        assert_eq!(printed, format!("{}…[1000000 bytes]", "例".repeat(21)));
        let mut out = Vec::new();
        input.write_json(&mut out);
        assert_eq!(out, serde_json::to_string(&printed).unwrap().as_bytes());
    }
}
