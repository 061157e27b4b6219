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
//!   registration|hostname|dns` (default `registration`), `--private`
//!   (count the Public Suffix List's PRIVATE section, `github.io` and the
//!   like, as suffixes; default: ICANN only), `--suffix-list FILE` (a
//!   Public Suffix List file instead of the embedded list), `--suffixes
//!   FILE` (the supported suffixes, one a line), `--words FILE` (the
//!   restricted words instead of the embedded example list), `-h`/`--help`,
//!   `-V`/`--version`, and `--` to end options. An option's value is the
//!   next argument or follows `=` (`--profile=dns`, `--suffixes=FILE`); an
//!   empty value is an error. Given twice, the last one counts. Options may
//!   come before or after names (as with GNU tools); a name starting with
//!   `-` must follow `--`. A lone `-` is a name, not an option (POSIX), and
//!   is checked like any other.
//! * **Suffix files.** `--suffixes`: UTF-8, one suffix a line in Unicode or
//!   A-label form, any case (`中国`, `xn--fiqs8s`, `COM.cn`); one leading
//!   and one trailing dot are dropped (`.com` as registrars write it);
//!   `#` starts a comment; blank lines are skipped. A file that cannot be
//!   read, a line that is not UTF-8 or not a domain name, or a file with no
//!   suffix at all, and for `--suffix-list` a file that cannot be read or
//!   parsed (`SuffixList::from_file`), ends the run before any output:
//!   exit 2 with one line on standard error naming the file and the fault
//!   (with its line number where there is one). `--words`: the format of
//!   `WordList::parse` (UTF-8, one word a line, `#` comments, an optional
//!   tab and category); a file that cannot be read or parsed ends the run
//!   the same way.
//! * **Restricted words.** A name every stage accepts but in which the word
//!   list has a hit (left of the public suffix) is reported as refused:
//!   `ok` false, reason `restricted_word`, code `DomainForbidden`,
//!   `tencent_code` null (Tencent answers `Available=false`,
//!   `BlackWord=true`), the flag `restricted`, and `restricted` listing the
//!   matched words as the list writes them, each once; exit status 1.
//!   `label` and `span` are null (the hits are in the U-label form; the
//!   library's `Checker::restricted` gives their spans there).
//! * **JSON.** One object a line, always with these keys in this order:
//!   `input`, `ok`, `reason`, `code` (Alibaba), `tencent_code`, `message`,
//!   `message_zh`, `ascii`, `unicode`, `suffix`, `registrable`, `flags`,
//!   `restricted`, then `label` and `span` (`[start, end]` byte offsets into
//!   the input line). Unknown values are `null`; `input` is the input with
//!   invalid UTF-8 replaced by U+FFFD. `ascii`, `unicode`, `suffix`,
//!   `registrable` and `flags` are filled whenever normalisation succeeded,
//!   also when the suffix stage then refuses the name (`unknown_suffix`,
//!   `subdomain`, ...); they are `null` (`[]`) only for a refusal of the
//!   format stage (`empty` to `mark_start`). `registrable` is `null` where
//!   the name has none (it is itself a public suffix, or a single unknown
//!   label). `ascii`, `suffix` and `registrable` are in canonical A-label
//!   form; `unicode` is the whole name in U-label form. `restricted` is
//!   `[]` but for `restricted_word`.
//! * **Table.** `ok`/`no`, the input (controls and invisible format
//!   characters escaped, so a row is always one line), then for an accepted
//!   name the A-label form, the U-label form when it differs, the flags and
//!   `registrable NAME` when the registrable domain is not the name itself
//!   (a subdomain, under `hostname` or `dns`); for a refused name the
//!   reason, Alibaba code, English message, the place of the fault or the
//!   restricted words, and,
//!   when the suffix stage refused it, `ascii NAME`, the A-label form, if
//!   that differs from the input.
//!   Columns have fixed widths so that rows stream out without buffering
//!   the input.
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
use std::path::PathBuf;
use std::process::ExitCode;

use dncheck::{Checker, Flags, Profile, Reason, Rejection, SuffixList, Verdict, WordList};
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
                            (a registrable domain, ICANN suffixes)
                            hostname: any host name under a known suffix
                            dns: DNS owner names, `_` allowed in labels
      --private             Count the Public Suffix List's PRIVATE section
                            (github.io, ...) as suffixes; default: ICANN only
      --suffix-list <FILE>  Use this Public Suffix List file instead of the
                            embedded list
      --suffixes <FILE>     Accept only names under these suffixes: one a
                            line, Unicode or A-label, `#` comments
      --words <FILE>        Restricted words instead of the embedded example
                            list: one a line, `#` comments, optional
                            TAB category
  -h, --help                Print this help
  -V, --version             Print the version
      --                    Treat every later argument as a DOMAIN

Exit status: 0 all accepted, 1 any refused, 2 usage error, a FILE that
cannot be read or parsed, or I/O error.
";

/// Capacity of the stdin and stdout buffers. Large enough that a batch run
/// makes few system calls; the line buffer grows separately as lines need.
const IO_BUF: usize = 64 * 1024;

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
    /// `--private`.
    private: bool,
    /// `--suffix-list FILE`.
    suffix_list: Option<PathBuf>,
    /// `--suffixes FILE`.
    suffixes: Option<PathBuf>,
    /// `--words FILE`.
    words: Option<PathBuf>,
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
        Command::Check(options) => match build_checker(&options) {
            Ok(checker) => run(&checker, &options),
            Err(message) => {
                // A bad file is no usage error: one line, no `Usage:`.
                let _ = writeln!(io::stderr(), "dncheck: {message}");
                return ExitCode::from(2);
            }
        },
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
            (b"--private", None) => options.private = true,
            (b"--profile", _) => {
                let value = option_value(name, value, &mut args, "registration, hostname or dns")?;
                options.profile = parse_profile(&value)?;
            }
            (b"--suffix-list", _) => {
                let value = option_value(name, value, &mut args, "a file")?;
                options.suffix_list = Some(arg_path(value));
            }
            (b"--suffixes", _) => {
                let value = option_value(name, value, &mut args, "a file")?;
                options.suffixes = Some(arg_path(value));
            }
            (b"--words", _) => {
                let value = option_value(name, value, &mut args, "a file")?;
                options.words = Some(arg_path(value));
            }
            (b"--help" | b"--version" | b"--json" | b"--private", Some(_)) => {
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

/// The value of option `name`: the part after `=` if there was one, else the
/// next argument, whatever it looks like. Missing or empty is an error that
/// says what `expected`.
fn option_value(
    name: &[u8],
    inline: Option<&[u8]>,
    args: &mut impl Iterator<Item = Vec<u8>>,
    expected: &str,
) -> Result<Vec<u8>, String> {
    match inline.map(<[u8]>::to_vec).or_else(|| args.next()) {
        Some(value) if !value.is_empty() => Ok(value),
        _ => Err(format!(
            "option '{}' needs a value ({expected})",
            String::from_utf8_lossy(name)
        )),
    }
}

/// A file argument as a path: the OS's bytes as they came (Unix), else text.
#[cfg(unix)]
fn arg_path(arg: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    OsString::from_vec(arg).into()
}

#[cfg(not(unix))]
fn arg_path(arg: Vec<u8>) -> PathBuf {
    // `arg_bytes` made it UTF-8 already.
    String::from_utf8_lossy(&arg).into_owned().into()
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

/// The checker the options ask for. Reads the suffix files; the error is
/// one line naming the file and the fault.
fn build_checker(options: &Options) -> Result<Checker, String> {
    let mut builder = Checker::builder()
        .profile(options.profile)
        .private(options.private);
    if let Some(path) = &options.suffix_list {
        let list =
            SuffixList::from_file(path).map_err(|err| format!("{}: {err}", show_path(path)))?;
        builder = builder.suffix_list(list);
    }
    if let Some(path) = &options.suffixes {
        let entries = read_suffixes(path).map_err(|err| format!("{}: {err}", show_path(path)))?;
        builder = builder
            .supported_suffixes(entries.iter().map(|(_, entry)| entry))
            .map_err(|err| {
                // The builder counts entries; the user wants the file's line.
                let fault = match err.line().and_then(|i| entries.get(i.checked_sub(1)?)) {
                    Some((line, entry)) => {
                        format!(
                            "line {line}: `{}` is not a domain name",
                            entry.escape_debug()
                        )
                    }
                    None => err.to_string(),
                };
                format!("{}: {fault}", show_path(path))
            })?;
    }
    if let Some(path) = &options.words {
        let list =
            WordList::from_file(path).map_err(|err| format!("{}: {err}", show_path(path)))?;
        builder = builder.words(list);
    }
    Ok(builder.build())
}

/// A path for a one-line message: escaped, so that no control character in
/// a file name can break the line.
fn show_path(path: &std::path::Path) -> String {
    path.to_string_lossy().escape_debug().to_string()
}

/// The entries of a `--suffixes` file with their line numbers (see the
/// module docs for the format).
fn read_suffixes(path: &std::path::Path) -> Result<Vec<(usize, String)>, String> {
    let bytes =
        std::fs::read(path).map_err(|err| format!("cannot read the supported suffixes: {err}"))?;
    let bytes = bytes.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(&bytes);
    let mut entries = Vec::new();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = std::str::from_utf8(line).map_err(|_| format!("line {}: not UTF-8", i + 1))?;
        let entry = line.split('#').next().unwrap_or_default().trim();
        if entry.is_empty() {
            continue;
        }
        let entry = entry.strip_prefix('.').unwrap_or(entry);
        let entry = entry.strip_suffix('.').unwrap_or(entry);
        entries.push((i + 1, entry.to_owned()));
    }
    if entries.is_empty() {
        return Err("lists no suffix (every name would be refused)".into());
    }
    Ok(entries)
}

/// Checks every input and writes one line each. `Ok(true)` if all were
/// accepted.
fn run(checker: &Checker, options: &Options) -> io::Result<bool> {
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
            all_ok &= report(checker, options.format, strip_eol(&line), &mut out)?;
        }
    } else {
        for name in &options.names {
            all_ok &= report(checker, options.format, name, &mut out)?;
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
    // `check_bytes` in two steps, so that the normalised forms and the
    // suffix stage's answer survive a refusal of the suffix stage.
    let mut normalized = checker.normalize_bytes(name);
    let suffix_refusal = match &mut normalized {
        Ok(verdict) => checker.check_normalized(verdict).err(),
        Err(_) => None,
    };
    let (verdict, rejection) = match &normalized {
        Ok(verdict) => (Some(verdict), suffix_refusal.as_ref()),
        Err(rejection) => (None, Some(rejection)),
    };
    // The matched list words, each once, in the order of their first hit.
    let mut restricted: Vec<&str> = Vec::new();
    if let Some(verdict) = verdict.filter(|_| rejection.is_none()) {
        for hit in checker.restricted(verdict) {
            if !restricted.contains(&hit.word()) {
                restricted.push(hit.word());
            }
        }
    }
    // Borrowed when the input is UTF-8, so the common case copies nothing.
    let input = String::from_utf8_lossy(name);
    let record = Record::new(&input, verdict, rejection, &restricted);
    match format {
        Format::Json => {
            // serde_json's io errors convert back to io::Error with their
            // kind intact, so a broken pipe is still recognised in `main`.
            serde_json::to_writer(&mut *out, &record).map_err(io::Error::from)?;
            out.write_all(b"\n")?;
        }
        Format::Table => write_row(out, &record)?,
    }
    Ok(record.ok)
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
    suffix: Option<&'a str>,
    registrable: Option<&'a str>,
    flags: Flags,
    /// The matched words of the list, as written in it.
    restricted: &'a [&'a str],
    label: Option<usize>,
    span: Option<[usize; 2]>,
}

impl<'a> Record<'a> {
    /// The record of a name: `verdict` if normalisation succeeded (its
    /// forms are reported whatever came next), `rejection` if some stage
    /// refused the name, `restricted` the words the words stage found in an
    /// accepted name (which make it `restricted_word`, not ok).
    fn new(
        input: &'a str,
        verdict: Option<&'a Verdict<'_>>,
        rejection: Option<&Rejection>,
        restricted: &'a [&'a str],
    ) -> Record<'a> {
        let reason = match rejection {
            Some(rejection) => Some(rejection.reason()),
            None if !restricted.is_empty() => Some(Reason::RestrictedWord),
            None => None,
        };
        let span = rejection.map(Rejection::span);
        Record {
            input,
            ok: reason.is_none(),
            reason: reason.map(Reason::as_str),
            code: reason.map(Reason::alibaba_code),
            tencent_code: reason.and_then(Reason::tencent_code),
            message: reason.map(Reason::message),
            message_zh: reason.map(Reason::message_zh),
            ascii: verdict.map(Verdict::ascii),
            unicode: verdict.map(Verdict::unicode),
            suffix: verdict.and_then(Verdict::suffix),
            registrable: verdict.and_then(Verdict::registrable),
            flags: verdict.map(Verdict::flags).unwrap_or_default(),
            restricted,
            label: rejection.and_then(Rejection::label),
            span: span.map(|span| [span.start, span.end]),
        }
    }
}

/// Writes one table row:
///
/// ```text
/// ok  例子。中国                        xn--fsqu00a.xn--fiqs8s  例子.中国  [idn, mapped]
/// ok  www.dncheck.cn                    www.dncheck.cn  registrable dncheck.cn
/// no  a..b                              empty_label         InvalidDomainName.Format  the domain ... (label 1, bytes 2..2)
/// no  WWW.dncheck.cn                    subdomain           InvalidDomainName.Format  a subdomain ... (label 0, bytes 0..3)  ascii www.dncheck.cn
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
        if let Some(registrable) = r.registrable.filter(|&reg| reg != ascii) {
            out.write_all(b"  registrable ")?;
            write_escaped(out, registrable)?;
        }
    } else {
        let reason = r.reason.unwrap_or_default();
        write!(
            out,
            "{reason:<REASON_COLUMN$}  {}  {}",
            r.code.unwrap_or_default(),
            r.message.unwrap_or_default(),
        )?;
        if let Some([start, end]) = r.span {
            out.write_all(b" (")?;
            if let Some(label) = r.label {
                write!(out, "label {label}, ")?;
            }
            write!(out, "bytes {start}..{end})")?;
        }
        if let Some((first, rest)) = r.restricted.split_first() {
            out.write_all(b": ")?;
            write_escaped(out, first)?;
            for word in rest {
                out.write_all(b", ")?;
                write_escaped(out, word)?;
            }
        }
        // Known only when the suffix stage refused a normalised name; worth
        // a column where it is not the input as typed.
        if let Some(ascii) = r.ascii.filter(|&a| a != r.input) {
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
    fn suffix_options() {
        let Ok(Command::Check(o)) = parse(&[
            "--private",
            "--suffix-list",
            "list.dat",
            "--suffixes=a=b.txt",
            "x.cn",
        ]) else {
            panic!("expected a check");
        };
        assert!(o.private);
        assert_eq!(o.suffix_list, Some(PathBuf::from("list.dat")));
        assert_eq!(o.suffixes, Some(PathBuf::from("a=b.txt")));
        assert_eq!(o.names, [&b"x.cn"[..]]);
        // The last of a repeated option counts.
        let Ok(Command::Check(o)) = parse(&["--suffix-list=a", "--suffix-list=b"]) else {
            panic!("expected a check");
        };
        assert_eq!(o.suffix_list, Some(PathBuf::from("b")));
        for args in [
            &["--private=yes"][..],
            &["--suffix-list"],
            &["--suffix-list="],
            &["--suffixes", ""],
            &["--words"],
            &["--words="],
        ] {
            assert!(parse(args).is_err(), "{args:?}");
        }
    }

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
    fn eol() {
        assert_eq!(strip_eol(b"a\r\n"), b"a");
        assert_eq!(strip_eol(b"a\r\r\n"), b"a\r");
        assert_eq!(strip_eol(b"a"), b"a");
        assert_eq!(strip_eol(b"\r"), b"");
    }
}
