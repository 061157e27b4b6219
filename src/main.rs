//! `dncheck`: check domain names from the command line.
//!
//! ```text
//! dncheck [OPTIONS] [DOMAIN]...
//! ```
//!
//! # Contract
//!
//! (DESIGN.md, "CLI contract"; this binary is its reference.)
//!
//! * **Inputs.** The `DOMAIN` arguments, or, when there are none, standard
//!   input, one name a line. Lines end in LF; one `\r` before the LF (CRLF)
//!   is stripped. A last line without a newline counts; the empty "line"
//!   after a final newline does not. Empty lines do count (they are refused
//!   as `empty`). Input is read as bytes, never as text: a line or argument
//!   that is not UTF-8 is still checked (and refused as `invalid_char`).
//! * **Outputs.** Exactly one line on standard output per input, in input
//!   order, whatever the input holds (control characters, invalid UTF-8,
//!   megabyte lines).
//! * **Exit status.** 0 if every input was accepted, 1 if any was refused,
//!   2 on a usage error (unknown option, missing or invalid option value) or
//!   an I/O error, a broken pipe included (for example `dncheck | head -1`:
//!   the output was cut short, so the run did not complete; exit 2 quietly,
//!   with no message and no panic). Usage errors print one line saying what
//!   is wrong and a `Usage:` line on standard error, and nothing on standard
//!   output.
//! * **Options.** `--json` (JSON Lines instead of the table), `--profile
//!   registration|hostname|dns` or `--profile=NAME` (default
//!   `registration`), `-h`/`--help`, `-V`/`--version`, and `--` to end
//!   options. Options may come before or after names (as with GNU tools); a
//!   name starting with `-` must follow `--`. A lone `-` is a name, not an
//!   option (POSIX), and is checked like any other. The options that later
//!   stages add (`--private`, `--suffix-list`, `--suffixes`, `--words`) do
//!   not exist yet and are refused as unknown.
//! * **JSON.** One object a line, always with these keys in this order:
//!   `input`, `ok`, `reason`, `code` (Alibaba), `tencent_code`, `message`,
//!   `message_zh`, `ascii`, `unicode`, `suffix`, `registrable`, `flags`,
//!   `restricted`, then `label` and `span` (`[start, end]` byte offsets into
//!   the input line). Unknown values are `null`; `input` is the input with
//!   invalid UTF-8 replaced by U+FFFD. `suffix` and `registrable` are `null`
//!   and `restricted` is `[]` until the suffix and word stages exist.
//! * **Table.** `ok`/`no`, the input (controls and invisible format
//!   characters escaped, so a row is always one line), then the A-label
//!   form, the U-label form when it differs and the flags, or the reason,
//!   Alibaba code, English message and the place of the fault. Columns have
//!   fixed widths so that rows stream out without buffering the input.
//!
//! # Streaming
//!
//! Standard input is read through one reusable line buffer: at most one line
//! is held at a time, and the cost is linear in the input. Output is buffered
//! for throughput, but flushed whenever the next input line is not already
//! buffered, i.e. before `dncheck` could block waiting for input. So a batch
//! job gets large writes, while an interactive user or a program that keeps
//! `dncheck` as a co-process (write a name, read the verdict) gets each
//! answer as soon as its line is in.

use std::ffi::OsString;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;

use dncheck::{Checker, Flags, Profile, Rejection, Verdict};
use serde::Serialize;

const USAGE: &str = "Usage: dncheck [OPTIONS] [DOMAIN]...";

const HELP: &str = "\
dncheck: check whether domain names are acceptable, and say why not.

Usage: dncheck [OPTIONS] [DOMAIN]...

Checks each DOMAIN, or, with none, each line of standard input (LF or CRLF).
Prints one line per input, in input order.

Options:
      --json                JSON Lines output, one object per input, keys:
                            input ok reason code tencent_code message
                            message_zh ascii unicode suffix registrable flags
                            restricted label span
      --profile <PROFILE>   registration (default): the name a registrar sells
                            hostname: any host name
                            dns: DNS owner names, `_` allowed in labels
  -h, --help                Print this help
  -V, --version             Print the version
      --                    Treat every later argument as a DOMAIN

Exit status: 0 all accepted, 1 any refused, 2 usage or I/O error.
";

/// Capacity of the stdin and stdout buffers. Large enough that a batch run
/// makes few system calls; the line buffer grows separately as lines need.
const IO_BUF: usize = 64 * 1024;

/// Display width of the input column of the table. Inputs wider than this
/// push the rest of their row to the right rather than widen every row, which
/// would need all input before the first row.
const INPUT_COLUMN: usize = 32;

/// Width of the reason column: the longest reason string today
/// (`label_too_long`) and a little room for those later stages add.
const REASON_COLUMN: usize = 14;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Format {
    #[default]
    Table,
    Json,
}

/// What the command line asks for.
#[derive(Debug)]
enum Command {
    Help,
    Version,
    Check(Options),
}

#[derive(Debug, Default)]
struct Options {
    format: Format,
    profile: Profile,
    /// The names given as arguments, as raw bytes; empty means standard input.
    names: Vec<Vec<u8>>,
}

fn main() -> ExitCode {
    let command = match parse_args(std::env::args_os().skip(1).map(arg_bytes)) {
        Ok(command) => command,
        Err(message) => {
            // Nothing useful can be done if stderr itself fails.
            let _ = writeln!(io::stderr(), "dncheck: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let outcome = match command {
        Command::Help => print(HELP.as_bytes()).map(|()| true),
        Command::Version => {
            print(concat!("dncheck ", env!("CARGO_PKG_VERSION"), "\n").as_bytes()).map(|()| true)
        }
        Command::Check(options) => run(&options),
    };
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(err) => {
            // A closed pipe is the reader's choice, not news to report; any
            // other I/O failure is.
            if err.kind() != io::ErrorKind::BrokenPipe {
                let _ = writeln!(io::stderr(), "dncheck: {err}");
            }
            ExitCode::from(2)
        }
    }
}

/// An argument as the bytes the OS passed. On Unix arguments are arbitrary
/// bytes and are checked as such, so a non-UTF-8 argument gets a verdict
/// (`invalid_char`) instead of a crash, exactly as a non-UTF-8 stdin line.
#[cfg(unix)]
fn arg_bytes(arg: OsString) -> Vec<u8> {
    use std::os::unix::ffi::OsStringExt;
    arg.into_vec()
}

/// Elsewhere (Windows: UTF-16) an unpaired surrogate becomes U+FFFD, which
/// the checker refuses as `invalid_char` just the same.
#[cfg(not(unix))]
fn arg_bytes(arg: OsString) -> Vec<u8> {
    match arg.into_string() {
        Ok(s) => s.into_bytes(),
        Err(arg) => arg.to_string_lossy().into_owned().into_bytes(),
    }
}

/// Parses the arguments (without the program name), left to right: the first
/// of `--help`, `--version` or an error decides.
fn parse_args(args: impl IntoIterator<Item = Vec<u8>>) -> Result<Command, String> {
    let mut options = Options::default();
    let mut args = args.into_iter();
    let mut only_names = false;
    while let Some(arg) = args.next() {
        if only_names || arg == b"-" || !arg.starts_with(b"-") {
            options.names.push(arg);
            continue;
        }
        // `--name=value` is split here so that both spellings of an option
        // share one arm below.
        let (name, value) = match arg.iter().position(|&b| b == b'=') {
            Some(eq) if arg.starts_with(b"--") => (&arg[..eq], Some(&arg[eq + 1..])),
            _ => (&arg[..], None),
        };
        match (name, value) {
            (b"--", None) => only_names = true,
            (b"-h" | b"--help", None) => return Ok(Command::Help),
            (b"-V" | b"--version", None) => return Ok(Command::Version),
            (b"--json", None) => options.format = Format::Json,
            (b"--profile", Some(value)) => options.profile = parse_profile(value)?,
            (b"--profile", None) => match args.next() {
                Some(value) => options.profile = parse_profile(&value)?,
                None => {
                    return Err(
                        "option '--profile' needs a value (registration, hostname or dns)".into(),
                    )
                }
            },
            (b"--help" | b"--version" | b"--json", Some(_)) => {
                return Err(format!(
                    "option '{}' takes no value",
                    String::from_utf8_lossy(name)
                ))
            }
            _ => {
                return Err(format!(
                    "unknown option '{}'",
                    String::from_utf8_lossy(&arg).escape_debug()
                ))
            }
        }
    }
    Ok(Command::Check(options))
}

fn parse_profile(value: &[u8]) -> Result<Profile, String> {
    std::str::from_utf8(value)
        .ok()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| {
            format!(
                "unknown profile '{}' (expected registration, hostname or dns)",
                String::from_utf8_lossy(value).escape_debug()
            )
        })
}

/// Writes all of `text` to stdout; used for `--help` and `--version`, where
/// `println!` would panic on a closed stdout.
fn print(text: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text)?;
    out.flush()
}

/// Checks every input and writes one line each. `Ok(true)` if all were
/// accepted.
fn run(options: &Options) -> io::Result<bool> {
    let checker = Checker::builder().profile(options.profile).build();
    let mut out = BufWriter::with_capacity(IO_BUF, io::stdout().lock());
    let mut all_ok = true;

    if options.names.is_empty() {
        // Our own BufReader (over the locked, itself buffered, stdin) for
        // `buffer()`: it tells, without blocking, whether the next line is
        // already in, which decides when to flush (see the module docs).
        let mut input = BufReader::with_capacity(IO_BUF, io::stdin().lock());
        // One buffer reused for every line: at most one line in memory.
        let mut line = Vec::new();
        loop {
            // Scans only the bytes `read_until` scans next, so the whole run
            // stays linear.
            if !input.buffer().contains(&b'\n') {
                out.flush()?;
            }
            line.clear();
            if input.read_until(b'\n', &mut line)? == 0 {
                break; // EOF; an empty segment after the last LF is no line
            }
            all_ok &= report(&checker, options.format, strip_eol(&line), &mut out)?;
        }
    } else {
        for name in &options.names {
            all_ok &= report(&checker, options.format, name, &mut out)?;
        }
    }

    out.flush()?;
    Ok(all_ok)
}

/// The line without its LF and one CR before it.
fn strip_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Checks one name and writes its line. Returns whether it was accepted.
fn report(
    checker: &Checker,
    format: Format,
    name: &[u8],
    out: &mut impl Write,
) -> io::Result<bool> {
    let result = checker.check_bytes(name);
    // Borrowed when the input is UTF-8, so the common case copies nothing.
    let input = String::from_utf8_lossy(name);
    let record = Record::new(&input, &result);
    match format {
        Format::Json => {
            // serde_json's io errors convert back to io::Error with their
            // kind intact, so a broken pipe is still recognised in `main`.
            serde_json::to_writer(&mut *out, &record).map_err(io::Error::from)?;
            out.write_all(b"\n")?;
        }
        Format::Table => write_row(out, &record)?,
    }
    Ok(result.is_ok())
}

/// One result line, in the field order of the JSON contract.
///
/// A derived `Serialize` on a struct writes fields in declaration order (no
/// map, so no key sorting), which makes this declaration the single place
/// where the order of the keys is fixed. Do not reorder the fields.
#[derive(Serialize)]
struct Record<'a> {
    input: &'a str,
    ok: bool,
    reason: Option<&'static str>,
    code: Option<&'static str>,
    tencent_code: Option<&'static str>,
    message: Option<&'static str>,
    message_zh: Option<&'static str>,
    ascii: Option<&'a str>,
    unicode: Option<&'a str>,
    /// Always `None` until the suffix stage exists.
    suffix: Option<&'a str>,
    /// Always `None` until the suffix stage exists.
    registrable: Option<&'a str>,
    flags: Flags,
    /// Always empty until the restricted-word stage exists.
    restricted: &'a [&'a str],
    label: Option<usize>,
    span: Option<[usize; 2]>,
}

impl<'a> Record<'a> {
    fn new(input: &'a str, result: &'a Result<Verdict, Rejection>) -> Record<'a> {
        match result {
            Ok(verdict) => Record {
                input,
                ok: true,
                reason: None,
                code: None,
                tencent_code: None,
                message: None,
                message_zh: None,
                ascii: Some(verdict.ascii()),
                unicode: Some(verdict.unicode()),
                suffix: None,
                registrable: None,
                flags: verdict.flags(),
                restricted: &[],
                label: None,
                span: None,
            },
            Err(rejection) => {
                let reason = rejection.reason();
                let span = rejection.span();
                Record {
                    input,
                    ok: false,
                    reason: Some(reason.as_str()),
                    code: Some(reason.alibaba_code()),
                    tencent_code: Some(reason.tencent_code()),
                    message: Some(reason.message()),
                    message_zh: Some(reason.message_zh()),
                    // Today every rejection is a normalisation failure, so
                    // there is no form to report. The contract wants them
                    // filled when a later stage (suffix, words) rejects a
                    // normalised name; that needs `Rejection` to carry them.
                    ascii: None,
                    unicode: None,
                    suffix: None,
                    registrable: None,
                    flags: Flags::default(),
                    restricted: &[],
                    label: rejection.label(),
                    span: Some([span.start, span.end]),
                }
            }
        }
    }
}

/// Writes one table row:
///
/// ```text
/// ok  例子。中国                       xn--fsqu00a.xn--fiqs8s  例子.中国  [idn, mapped]
/// no  a..b                             empty_label     InvalidDomainName.Format  the domain ... (label 1, bytes 2..2)
/// ```
fn write_row(out: &mut impl Write, r: &Record<'_>) -> io::Result<()> {
    out.write_all(if r.ok { b"ok  " } else { b"no  " })?;
    let width = write_escaped(out, r.input)?;
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
    } else {
        let reason = r.reason.unwrap_or_default();
        write!(
            out,
            "{reason:<REASON_COLUMN$}  {}  {} (",
            r.code.unwrap_or_default(),
            r.message.unwrap_or_default(),
        )?;
        if let Some(label) = r.label {
            write!(out, "label {label}, ")?;
        }
        if let Some([start, end]) = r.span {
            write!(out, "bytes {start}..{end}")?;
        }
        out.write_all(b")")?;
    }
    out.write_all(b"\n")
}

fn pad(out: &mut impl Write, n: usize) -> io::Result<()> {
    const SPACES: &[u8; 64] = &[b' '; 64];
    out.write_all(&SPACES[..n.min(SPACES.len())])
}

/// Writes `s` for a terminal and returns its approximate display width.
///
/// Escaped: every control character (a raw LF, CR or ESC would break the
/// one-row-per-input rule or drive the terminal), the line and paragraph
/// separators, invisible format characters (zero-width space and joiners,
/// bidi embeddings, overrides and isolates, BOM: they hide or reorder what
/// the reader sees, and are often the very reason for a refusal), and the
/// backslash, so that an escape in the output is never ambiguous. Everything
/// else, combining marks included, is written as is: `char::escape_debug`
/// alone would also escape marks and mangle valid Indic or Thai names.
fn write_escaped(out: &mut impl Write, s: &str) -> io::Result<usize> {
    let mut width = 0;
    let mut clean = 0; // start of the run not yet written
    for (i, c) in s.char_indices() {
        if c.is_control() || c == '\\' {
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
            width += char_width(c);
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

/// Approximate terminal width: 2 for East Asian wide and fullwidth ranges
/// (Han, kana, Hangul, fullwidth forms: the bulk of the IDNs we see), else 1.
/// Only used to pad one column, so "close" is good enough and no width table
/// (or dependency) is needed.
fn char_width(c: char) -> usize {
    match c as u32 {
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Command, String> {
        parse_args(args.iter().map(|a| a.as_bytes().to_vec()))
    }

    #[test]
    fn options_anywhere_and_double_dash() {
        let Ok(Command::Check(o)) = parse(&["a.com", "--json", "--", "--json", "-"]) else {
            panic!("expected a check");
        };
        assert_eq!(o.format, Format::Json);
        assert_eq!(o.names, [&b"a.com"[..], b"--json", b"-"]);
    }

    #[test]
    fn profile_spellings() {
        for args in [&["--profile", "dns"][..], &["--profile=dns"]] {
            let Ok(Command::Check(o)) = parse(args) else {
                panic!("expected a check");
            };
            assert_eq!(o.profile, Profile::Dns);
        }
        assert!(parse(&["--profile"]).is_err());
        assert!(parse(&["--profile="]).is_err());
        assert!(parse(&["--profile", "DNS"]).is_err());
        assert!(parse(&["--json=yes"]).is_err());
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
    fn eol() {
        assert_eq!(strip_eol(b"a\r\n"), b"a");
        assert_eq!(strip_eol(b"a\r\r\n"), b"a\r");
        assert_eq!(strip_eol(b"a"), b"a");
        assert_eq!(strip_eol(b"\r"), b"");
    }
}
