//! `dncheck`: check domain names from the command line.
//!
//! ```text
//! dncheck [OPTIONS] [DOMAIN]...
//! ```
//!
//! # Contract
//!
//! (docs/design.md, "CLI contract"; this binary is its reference.)
//!
//! * **Inputs.** The `DOMAIN` arguments, then the lines of each `-i FILE`
//!   in the order given (`-` is standard input), or, with neither, standard
//!   input, one name a line. Lines end in LF; one `\r` before the LF (CRLF)
//!   is stripped. A last line without a newline counts; the empty "line"
//!   after a final newline does not. Empty lines do count (they are refused
//!   as `empty`). Input is read as bytes, never as text: a line or argument
//!   that is not UTF-8 is still checked (and refused as `invalid_char`).
//!   A line over 64 KiB is answered `too_long`, its `input` cut to 64
//!   bytes plus `…[N bytes]`, without being held (`src/cli/lines.rs`).
//! * **Outputs.** Exactly one line on standard output per input, in input
//!   order, whatever the input holds (control characters, invalid UTF-8,
//!   megabyte lines).
//! * **Exit status.** 0 if every input was accepted, 1 if any was refused,
//!   2 on a usage error (unknown option, missing or invalid option value), a
//!   file error (below) or an I/O error, a broken pipe included (for example `dncheck | head -1`:
//!   the output was cut short, so the run did not complete; exit 2 quietly,
//!   with no message and no panic). Usage errors print one line saying what
//!   is wrong (`dncheck: ` and clap's message, its notes such as
//!   `[possible values: ...]` or `tip: ...` joined to it by `; `) and a
//!   `Usage:` line on standard error, and nothing on standard output.
//! * **Options.** `--json` (JSON Lines instead of the table), `--profile
//!   registration|hostname|dns` (default `registration`), `--private`
//!   (count the Public Suffix List's PRIVATE section, `github.io` and the
//!   like, as suffixes; default: ICANN only), `--suffix-list FILE` (a
//!   Public Suffix List file instead of the embedded list), `--suffixes
//!   FILE` (the supported suffixes, one a line), `--words FILE` (the
//!   restricted words instead of the embedded example list),
//!   `--reject-mixed-script` (refuse `mixed_script` instead of flagging
//!   it), `-i FILE` (repeatable, `-` is standard input), `--threads N`,
//!   `--summary` (counts on standard error), `--output
//!   table|json|tencent|aliyun`, `--registered FILE`, `--hosted FILE`,
//!   `--owner ID` (docs/design.md, "The registrar workflow"), `-h`/`--help`,
//!   `-V`/`--version` (both print to standard output and exit 0; the first
//!   of them or of an error decides), and `--` to end options. The command
//!   line is parsed by clap (`src/cli/args.rs`), whose `--help` lists all of
//!   this, the exit statuses and the JSON keys. An option's value is the
//!   next argument or follows `=` (`--profile=dns`, `--suffixes=FILE`); an
//!   empty value is an error. Given twice, the last one counts. Options may
//!   come before or after names (as with GNU tools); a name starting with
//!   `-` must follow `--`. A lone `-` is a name, not an option (POSIX), and
//!   is checked like any other.
//! * **Suffix files.** `--suffixes`: UTF-8, one suffix a line in Unicode or
//!   A-label form, any case (`中国`, `xn--fiqs8s`, `COM.cn`); one leading
//!   and one trailing dot are dropped (`.com` as registrars write it);
//!   `#` starts a comment; blank lines are skipped. `--suffix-list`: the
//!   format of `SuffixList::parse`. `--words`: the format of
//!   `WordList::parse` (UTF-8, one word a line, `#` comments, an optional
//!   tab and category). All three files must be UTF-8; a leading BOM is
//!   dropped.
//! * **File errors.** A file of `--suffix-list`, `--suffixes` or `--words`
//!   that cannot be read or parsed ends the run before any output: exit 2
//!   and one line on standard error (no `Usage:` line), worded alike for
//!   the three options: `dncheck: OPTION FILE: FAULT`, FILE as given (its
//!   control characters escaped). FAULT is one of
//!   - `cannot read: ` and the system's words for it, as
//!     `std::io::Error` shows them:
//!     `dncheck: --suffixes s.txt: cannot read: No such file or directory (os error 2)`;
//!   - `line N: ` and what is wrong with line N (1-based, comments and blank
//!     lines counted), where one line is at fault: `line N: not UTF-8`, a
//!     suffix that is not a domain name
//!     (``dncheck: --suffixes s.txt: line 4: `no suffix` is not a domain name``),
//!     a rule or word the library refuses, in the library's words
//!     (``dncheck: --words w.txt: line 2: word `-` ...``);
//!   - a sentence about the whole file: `lists no suffix (every name would
//!     be refused)` for `--suffixes`, the library's words for
//!     `--suffix-list` (`the suffix list holds no rule`) and `--words`.
//! * **Restricted words.** A name every stage accepts but in which the word
//!   list has a hit (left of the public suffix) is reported as refused:
//!   `ok` false, reason `restricted_word`, code `DomainForbidden`,
//!   `tencent_code` null (Tencent answers `Available=false`,
//!   `BlackWord=true`), the flag `restricted`, and `restricted` listing
//!   every hit as `{"word", "label", "span"}`, placed in the input (the
//!   hit's own bytes where the input spells its label as the U-label form
//!   does, up to ASCII case, else the whole input label); exit status 1.
//!   `label` and `span` are the first hit's.
//! * **JSON.** One object a line, always with these keys in this order:
//!   `input`, `ok`, `reason`, `code` (Alibaba), `tencent_code`, `message`,
//!   `message_zh`, `ascii`, `unicode`, `suffix`, `registrable`, `flags`,
//!   `restricted`, then `label` and `span` (`[start, end]` byte offsets into
//!   `input` as printed, U+FFFD replacements included), then `skeleton`
//!   (the UTS #39 skeleton of the registrable domain, `null` where `ascii`
//!   is) and `variant_key` (the canonical key with traditional Han folded
//!   to simplified, likewise). Unknown values are `null`; `input` is the input with
//!   invalid UTF-8 replaced by U+FFFD. `ascii`, `unicode`, `suffix`,
//!   `registrable` and `flags` are filled whenever normalisation succeeded,
//!   also when the suffix stage then refuses the name (`unknown_suffix`,
//!   `subdomain`, ...); they are `null` (`[]`) only for a refusal of the
//!   format stage (`empty` to `mark_start`, `disallowed`, `context`). `registrable` is `null` where
//!   the name has none (it is itself a public suffix, or a single unknown
//!   label). `ascii`, `suffix` and `registrable` are in canonical A-label
//!   form; `unicode` is the whole name in U-label form. `restricted` is
//!   `[]` but for `restricted_word`.
//! * **Table.** `ok`/`no`, the input (controls and invisible format
//!   characters escaped, so a row is always one line, and spaces at its
//!   ends as `\u{20}`), then for an accepted
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
//! Input is read through one fixed buffer, at most one line of at most 64
//! KiB held at a time, and the cost is linear in the input; with
//! `--threads`, lines go in chunks to worker threads and come back in
//! order (`src/cli/batch.rs`). Output is buffered
//! for throughput, but flushed whenever the next input line is not already
//! buffered, i.e. before `dncheck` could block waiting for input. So a batch
//! job gets large writes, while an interactive user or a program that keeps
//! `dncheck` as a co-process (write a name, read the verdict) gets each
//! answer as soon as its line is in.

mod cli;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::Parser;

use crate::cli::args::{self, Args};
use crate::cli::batch::{self, Options, Source};
use crate::cli::workflow::Workflow;

fn main() -> ExitCode {
    let args = match Args::try_parse_from(std::env::args_os()) {
        Ok(args) => args,
        Err(err) => {
            return match err.kind() {
                // Asked for: on standard output, exit 0.
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    exit_status(print(err.render().to_string().as_bytes()).map(|()| true))
                }
                _ => {
                    // Nothing useful can be done if stderr itself fails.
                    let _ = writeln!(
                        io::stderr(),
                        "dncheck: {}\n{}",
                        args::usage_error(err),
                        args::usage()
                    );
                    ExitCode::from(2)
                }
            };
        }
    };
    let checker = match args.checker() {
        Ok(checker) => checker,
        Err(message) => {
            // A bad file is no usage error: one line, no `Usage:`.
            let _ = writeln!(io::stderr(), "dncheck: {message}");
            return ExitCode::from(2);
        }
    };
    let workflow = match Workflow::load(
        &checker,
        args.registered.as_deref(),
        args.hosted.as_deref(),
        args.owner.as_deref(),
    ) {
        Ok(workflow) => workflow,
        Err(message) => {
            let _ = writeln!(io::stderr(), "dncheck: {message}");
            return ExitCode::from(2);
        }
    };
    // No names and no `-i`: standard input.
    let paths = if args.names.is_empty() && args.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs.clone()
    };
    let sources = match Source::open_all(&paths) {
        Ok(sources) => sources,
        Err(message) => {
            let _ = writeln!(io::stderr(), "dncheck: {message}");
            return ExitCode::from(2);
        }
    };
    let names: Vec<Vec<u8>> = args.names.iter().map(|name| arg_bytes(name)).collect();
    let options = Options {
        format: args.format(),
        threads: args.threads(),
        summary: args.summary,
        workflow,
    };
    exit_status(batch::run(&checker, &options, &names, &sources))
}

/// The exit status of a run that came to `outcome` (`Ok(true)`: all
/// accepted).
fn exit_status(outcome: io::Result<bool>) -> ExitCode {
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
fn arg_bytes(arg: &std::ffi::OsStr) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    arg.as_bytes().to_vec()
}

/// Elsewhere (Windows: UTF-16) an unpaired surrogate becomes U+FFFD, which
/// the checker refuses as `invalid_char` just the same.
#[cfg(not(unix))]
fn arg_bytes(arg: &std::ffi::OsStr) -> Vec<u8> {
    arg.to_string_lossy().into_owned().into_bytes()
}

/// Writes all of `text` to stdout; used for `--help` and `--version`, where
/// `println!` would panic on a closed stdout.
fn print(text: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text)?;
    out.flush()
}
