//! The table output: one row per input, columns of fixed width so that rows
//! stream out without buffering the input.

use std::io::{self, Write};

use dncheck::Reason;
use unicode_width::UnicodeWidthChar;

use super::json::Record;

/// Display width of the input column of the table. Inputs wider than this
/// push the rest of their row to the right rather than widen every row, which
/// would need all input before the first row.
const INPUT_COLUMN: usize = 32;

/// Width of the reason column: the longest reason string
/// (`unsupported_suffix`), computed so that a longer one added later widens
/// it rather than break the alignment.
const REASON_COLUMN: usize = {
    let mut width = 0;
    let mut i = 0;
    while i < Reason::ALL.len() {
        let len = Reason::ALL[i].as_str().len();
        if len > width {
            width = len;
        }
        i += 1;
    }
    width
};

/// Writes one table row:
///
/// ```text
/// ok  例子。中国                        xn--fsqu00a.xn--fiqs8s  例子.中国  [idn, mapped]
/// ok  www.dncheck.cn                    www.dncheck.cn  registrable dncheck.cn
/// no  a..b                              empty_label         InvalidDomainName.Format  the domain ... (label 1, bytes 2..2)
/// no  WWW.dncheck.cn                    subdomain           InvalidDomainName.Format  a subdomain ... (label 0, bytes 0..3)  ascii www.dncheck.cn
/// ```
pub fn write_row(out: &mut impl Write, r: &Record<'_>) -> io::Result<()> {
    out.write_all(if r.ok { b"ok  " } else { b"no  " })?;
    let input = r.input.printed();
    let width = write_escaped(out, &input)?;
    pad(out, INPUT_COLUMN.saturating_sub(width) + 2)?;
    if r.ok {
        let ascii = r.ascii.unwrap_or_default();
        write_escaped(out, ascii)?;
        if let Some(unicode) = r.unicode.filter(|&u| u != ascii) {
            out.write_all(b"  ")?;
            write_escaped(out, unicode)?;
        }
        let mut flags = r.flags.iter();
        if let Some(first) = flags.next() {
            write!(out, "  [{}", first.as_str())?;
            for flag in flags {
                write!(out, ", {}", flag.as_str())?;
            }
            out.write_all(b"]")?;
        }
        if let Some(registrable) = r.registrable.filter(|&reg| reg != ascii) {
            out.write_all(b"  registrable ")?;
            write_escaped(out, registrable)?;
        }
    } else {
        let reason = r.reason.map_or("", Reason::as_str);
        write!(
            out,
            "{reason:<REASON_COLUMN$}  {}  {}",
            r.reason.map_or("", Reason::alibaba_code),
            r.reason.map_or("", Reason::message),
        )?;
        // A restricted word's place is with each hit, below.
        if let Some([start, end]) = r.span.filter(|_| r.restricted.is_empty()) {
            out.write_all(b" (")?;
            if let Some(label) = r.label {
                write!(out, "label {label}, ")?;
            }
            write!(out, "bytes {start}..{end})")?;
        }
        // Every hit, with its place in the input.
        for (i, (word, label, [start, end])) in r.hits().enumerate() {
            out.write_all(if i == 0 { b": " } else { b", " })?;
            write_escaped(out, word)?;
            write!(out, " (label {label}, bytes {start}..{end})")?;
        }
        // Known only when the suffix stage refused a normalised name; worth
        // a column where it is not the input as typed.
        if let Some(ascii) = r.ascii.filter(|&a| a != input) {
            out.write_all(b"  ascii ")?;
            write_escaped(out, ascii)?;
        }
    }
    out.write_all(b"\n")
}

fn pad(out: &mut impl Write, n: usize) -> io::Result<()> {
    const SPACES: &[u8; 64] = &[b' '; 64];
    out.write_all(&SPACES[..n.min(SPACES.len())])
}

/// Writes `s` for a terminal and returns its display width (by
/// `unicode-width`: 2 for East Asian wide and fullwidth characters, 0 for
/// combining marks).
///
/// Escaped: every control character (a raw LF, CR or ESC would break the
/// one-row-per-input rule or drive the terminal), the line and paragraph
/// separators, invisible format characters (zero-width space and joiners,
/// bidi embeddings, overrides and isolates, BOM: they hide or reorder what
/// the reader sees, and are often the very reason for a refusal), and the
/// backslash, so that an escape in the output is never ambiguous. Everything
/// else, combining marks included, is written as is (but spaces at the
/// start or end, as `\u{20}`): `char::escape_debug`
/// alone would also escape marks and mangle valid Indic or Thai names.
fn write_escaped(out: &mut impl Write, s: &str) -> io::Result<usize> {
    let mut width = 0;
    let mut clean = 0; // start of the run not yet written
                       // Spaces at either end are escaped too: in a column they would not be
                       // seen at all.
    let lead = s.len() - s.trim_start_matches(' ').len();
    let trail = s.len() - s.trim_end_matches(' ').len();
    for (i, c) in s.char_indices() {
        if c == ' ' && (i < lead || i >= s.len() - trail) {
            out.write_all(&s.as_bytes()[clean..i])?;
            out.write_all(b"\\u{20}")?;
            width += "\\u{20}".len();
            clean = i + 1;
        } else if c.is_control() || c == '\\' {
            out.write_all(&s.as_bytes()[clean..i])?;
            // Short forms (`\t`, `\r`, `\n`, `\\`) where Rust has them.
            let escaped = c.escape_debug();
            width += escaped.len();
            write!(out, "{escaped}")?;
            clean = i + c.len_utf8();
        } else if is_invisible_format(c) {
            out.write_all(&s.as_bytes()[clean..i])?;
            let escaped = c.escape_unicode();
            width += escaped.len();
            write!(out, "{escaped}")?;
            clean = i + c.len_utf8();
        } else {
            // `None` only for controls, escaped above.
            width += c.width().unwrap_or(0);
        }
    }
    out.write_all(&s.as_bytes()[clean..])?;
    Ok(width)
}

/// Format and separator characters that render as nothing, or reorder the
/// text around them.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_column_fits_every_reason() {
        assert_eq!(REASON_COLUMN, "unsupported_suffix".len());
        assert!(Reason::ALL
            .iter()
            .all(|r| r.as_str().len() <= REASON_COLUMN));
    }

    #[test]
    fn escaping_keeps_one_line() {
        let mut out = Vec::new();
        let width = write_escaped(&mut out, "a\tb\x1b\n\\\u{2028}\u{200D}é例").unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text, "a\\tb\\u{1b}\\n\\\\\\u{2028}\\u{200d}é例");
        assert_eq!(width, text.chars().count() + 1); // 例 is wide
    }

    #[test]
    fn spaces_at_the_ends_are_escaped() {
        let escaped = |s: &str| {
            let mut out = Vec::new();
            let width = write_escaped(&mut out, s).unwrap();
            (String::from_utf8(out).unwrap(), width)
        };
        assert_eq!(
            escaped(" a b  "),
            ("\\u{20}a b\\u{20}\\u{20}".to_owned(), 21)
        );
        assert_eq!(escaped("  "), ("\\u{20}\\u{20}".to_owned(), 12));
        assert_eq!(escaped("a b"), ("a b".to_owned(), 3));
        assert_eq!(escaped(""), (String::new(), 0));
    }

    #[test]
    fn display_widths() {
        let width = |s: &str| write_escaped(&mut Vec::new(), s).unwrap();
        assert_eq!(width("例子.中国"), 9);
        assert_eq!(width("ｆｕｌｌ"), 8); // fullwidth forms
        assert_eq!(width("e\u{0301}"), 1); // a combining mark takes no column
        assert_eq!(width("한국"), 4);
    }
}
