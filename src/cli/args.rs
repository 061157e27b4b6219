//! The command line, parsed by clap, and the option files it names.
//!
//! Parsing follows the contract in the crate docs (`src/main.rs`): options
//! anywhere, `--opt value` or `--opt=value`, the last of a repeated option
//! counts, `--` ends options, a lone `-` is a name, names are the OS's bytes.
//! The files of `--suffix-list`, `--suffixes` and `--words` are read here,
//! and every fault in one is worded by [`file_error`].

use std::ffi::OsString;
use std::fmt::Display;
use std::path::{Path, PathBuf};

use clap::builder::{PossibleValue, PossibleValuesParser, StyledStr, TypedValueParser};
use clap::error::ContextValue;
use clap::{ArgAction, CommandFactory, Parser};
use dncheck::{Checker, Profile, SuffixList, WordList};

use super::Format;

const ABOUT: &str = "dncheck: check whether domain names are acceptable, and say why not.

Checks each DOMAIN, then each line of each `-i FILE`, or, with neither, each \
line of standard input (LF or CRLF). Prints one line per input, in input \
order. A line over 64 KiB is answered `too_long` without being held.";

const AFTER_HELP: &str = "\
JSON keys, in this order: input ok reason code tencent_code message message_zh
ascii unicode suffix registrable flags restricted label span
skeleton variant_key (`span`: byte offsets into `input`; `restricted`: each hit as word label span)

Exit status: 0 all accepted, 1 any refused, 2 usage error, a FILE that cannot
be read or parsed, or I/O error (a closed output pipe included).";

/// What the command line asks for.
#[derive(Debug, Parser)]
#[command(
    name = "dncheck",
    version,
    about = ABOUT,
    after_help = AFTER_HELP,
    args_override_self = true,
    max_term_width = 80
)]
pub struct Args {
    /// JSON Lines output: one object per input, keys as listed below (the
    /// same as `--output json`)
    #[arg(long)]
    pub json: bool,

    /// The output: `table` (for people), `json` (JSON Lines, keys below),
    /// `tencent` (Tencent Cloud CheckIntlDomainNew's response body, one a
    /// line), `aliyun` (Alibaba Cloud DNS ApplyForRetrievalDomainName's
    /// response body, one a line)
    #[arg(long, value_name = "FORMAT", value_enum, default_value_t = Output::Table)]
    pub output: Output,

    /// Names registered at their registries, one a line, or a zone file
    /// (its owner names); an accepted name not in it is `unregistered`
    #[arg(long, value_name = "FILE")]
    pub registered: Option<PathBuf>,

    /// Names in the DNS host's system with their owner, `domain owner` a
    /// line; an accepted name not in it is `not_in_dns`
    #[arg(long, value_name = "FILE")]
    pub hosted: Option<PathBuf>,

    /// The caller's account: an accepted name that `--hosted` lists under it
    /// is a `duplicate`
    #[arg(long, value_name = "ID")]
    pub owner: Option<String>,

    /// Which names to accept
    #[arg(
        long,
        value_name = "PROFILE",
        value_parser = profile_parser(),
        default_value = Profile::Registration.as_str()
    )]
    pub profile: Profile,

    /// Count the Public Suffix List's PRIVATE section (github.io, ...) as
    /// suffixes; default: ICANN only
    #[arg(long)]
    pub private: bool,

    /// Refuse a label that mixes scripts (Latin with Cyrillic, ...) as
    /// `mixed_script`; default: accept it with the flag `mixed_script`
    #[arg(long)]
    pub reject_mixed_script: bool,

    /// Use this Public Suffix List file instead of the embedded list
    #[arg(long, value_name = "FILE")]
    pub suffix_list: Option<PathBuf>,

    /// Accept only names under these suffixes: UTF-8, one a line, Unicode or
    /// A-label, `#` comments
    #[arg(long, value_name = "FILE")]
    pub suffixes: Option<PathBuf>,

    /// Restricted words instead of the embedded example list: UTF-8, one a
    /// line, `#` comments, optional TAB category
    #[arg(long, value_name = "FILE")]
    pub words: Option<PathBuf>,

    /// Check each line of FILE (`-`: standard input), after the DOMAINs;
    /// repeatable, read in the order given
    #[arg(short = 'i', long = "input", value_name = "FILE", action = ArgAction::Append)]
    pub inputs: Vec<PathBuf>,

    /// Check lines on N threads (answers stay in input order); default: the
    /// available parallelism
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,

    /// At the end, counts per reason and per suffix on standard error
    #[arg(long)]
    pub summary: bool,

    /// The names to check (none, and no `-i`: standard input); every
    /// argument after `--` is one, and so is a lone `-`
    #[arg(value_name = "DOMAIN")]
    pub names: Vec<OsString>,
}

/// `--output`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Output {
    Table,
    Json,
    Tencent,
    Aliyun,
}

/// `--profile`: the library's profiles, by the names `Profile::as_str` gives.
fn profile_parser() -> impl TypedValueParser<Value = Profile> {
    PossibleValuesParser::new(
        Profile::ALL
            .iter()
            .map(|&profile| PossibleValue::new(profile.as_str()).help(profile_help(profile))),
    )
    .map(|name| {
        name.parse::<Profile>()
            .expect("every possible value names a profile")
    })
}

/// A profile's line in `--help` (`None`: one the library added since).
fn profile_help(profile: Profile) -> Option<&'static str> {
    match profile {
        Profile::Registration => {
            Some("the name a registrar sells: a registrable domain, ICANN suffixes")
        }
        Profile::Hostname => Some("any host name under a known suffix"),
        Profile::Dns => Some("DNS owner names: as hostname, and `_` allowed in labels"),
        _ => None,
    }
}

impl Args {
    /// The threads to check on: `--threads`, else the available
    /// parallelism.
    pub fn threads(&self) -> usize {
        match self.threads {
            Some(n) => usize::from(n),
            None => std::thread::available_parallelism().map_or(1, usize::from),
        }
    }

    pub fn format(&self) -> Format {
        match (self.json, self.output) {
            (true, _) | (false, Output::Json) => Format::Json,
            (false, Output::Table) => Format::Table,
            (false, Output::Tencent) => Format::Tencent,
            (false, Output::Aliyun) => Format::Aliyun,
        }
    }

    /// The checker the options ask for, with the option files read. The
    /// error is one line, [`file_error`]'s.
    pub fn checker(&self) -> Result<Checker, String> {
        let mut builder = Checker::builder()
            .profile(self.profile)
            .private(self.private)
            .reject_mixed_script(self.reject_mixed_script);
        if let Some(path) = &self.suffix_list {
            const OPTION: &str = "--suffix-list";
            let text = read_text(OPTION, path)?;
            let list = SuffixList::parse(&text).map_err(|err| file_error(OPTION, path, err))?;
            builder = builder.suffix_list(list);
        }
        if let Some(path) = &self.suffixes {
            const OPTION: &str = "--suffixes";
            let text = read_text(OPTION, path)?;
            let entries = suffix_entries(&text);
            if entries.is_empty() {
                return Err(file_error(
                    OPTION,
                    path,
                    "lists no suffix (every name would be refused)",
                ));
            }
            builder = builder
                .supported_suffixes(entries.iter().map(|&(_, entry)| entry))
                .map_err(|err| {
                    // The builder counts entries; the user wants the file's line.
                    match err.line().and_then(|i| entries.get(i.checked_sub(1)?)) {
                        Some((line, entry)) => file_error(
                            OPTION,
                            path,
                            format_args!(
                                "line {line}: `{}` is not a domain name",
                                entry.escape_debug()
                            ),
                        ),
                        None => file_error(OPTION, path, err),
                    }
                })?;
        }
        if let Some(path) = &self.words {
            const OPTION: &str = "--words";
            let text = read_text(OPTION, path)?;
            let list = WordList::parse(&text).map_err(|err| file_error(OPTION, path, err))?;
            builder = builder.words(list);
        }
        Ok(builder.build())
    }
}

/// The one wording of a fault in an option file, whichever the option:
/// `--OPTION FILE: FAULT` (`dncheck: ` is put before it where it is
/// printed). FAULT is `cannot read: ` and the system's words, `line N: ...`
/// for a line at fault, or a sentence about the whole file.
pub fn file_error(option: &str, path: &Path, fault: impl Display) -> String {
    one_line(&format!("{option} {}: {fault}", path.to_string_lossy()))
}

/// The text of an option file: read with `std::fs` (so that a file that
/// cannot be read is worded alike for every option), a leading BOM dropped,
/// UTF-8 required.
pub fn read_text(option: &str, path: &Path) -> Result<String, String> {
    let mut bytes = std::fs::read(path)
        .map_err(|err| file_error(option, path, format_args!("cannot read: {err}")))?;
    if bytes.starts_with("\u{FEFF}".as_bytes()) {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|err| {
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        file_error(option, path, format_args!("line {line}: not UTF-8"))
    })
}

/// The entries of a `--suffixes` file with their line numbers: one suffix a
/// line, `#` comments, blank lines skipped, one leading and one trailing dot
/// dropped (`.com` as registrars write it).
fn suffix_entries(text: &str) -> Vec<(usize, &str)> {
    let mut entries = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let entry = line.split('#').next().unwrap_or_default().trim();
        if entry.is_empty() {
            continue;
        }
        let entry = entry.strip_prefix('.').unwrap_or(entry);
        let entry = entry.strip_suffix('.').unwrap_or(entry);
        entries.push((i + 1, entry));
    }
    entries
}

/// A usage error as one line, without the `error: ` clap starts it with:
/// clap's message, then its notes: `[possible values: ...]` after a space,
/// others (`tip: ...`) after `; `. The `Usage:` line (see [`usage`]) and the
/// pointer to `--help` are left out.
pub fn usage_error(mut err: clap::Error) -> String {
    // The arguments quoted in the message, escaped first, so that a line
    // break inside one is not taken for the end of the message.
    let escaped: Vec<_> = err
        .context()
        .filter_map(|(kind, value)| match value {
            ContextValue::String(s) => Some((kind, ContextValue::String(one_line(s)))),
            ContextValue::Strings(v) => Some((
                kind,
                ContextValue::Strings(v.iter().map(|s| one_line(s)).collect()),
            )),
            ContextValue::StyledStrs(v) => Some((
                kind,
                ContextValue::StyledStrs(
                    v.iter()
                        .map(|s| StyledStr::from(one_line(&s.to_string())))
                        .collect(),
                ),
            )),
            _ => None,
        })
        .collect();
    for (kind, value) in escaped {
        err.insert(kind, value);
    }
    let text = err.render().to_string();
    let mut parts = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with("Usage:") || line.starts_with("For more information") {
            break;
        }
        if let Some(message) = line.strip_prefix("error: ") {
            parts.push_str(message);
        } else if line.starts_with('[') {
            // `[possible values: ...]` reads on from the message.
            parts.push(' ');
            parts.push_str(line);
        } else if !line.is_empty() {
            parts.push_str("; ");
            parts.push_str(line);
        }
    }
    one_line(&parts)
}

/// `Usage: dncheck [OPTIONS] [DOMAIN]...`
pub fn usage() -> String {
    Args::command().render_usage().to_string()
}

/// `text` with its control characters escaped, so that no file name or
/// argument can break the one line of a message.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Args, clap::Error> {
        Args::try_parse_from(std::iter::once("dncheck").chain(args.iter().copied()))
    }

    #[test]
    fn clap_definition_is_consistent() {
        Args::command().debug_assert();
    }

    #[test]
    fn options_anywhere_and_double_dash() {
        let o = parse(&["a.com", "--json", "b.com", "--", "--json", "-"]).expect("a check");
        assert_eq!(o.format(), Format::Json);
        assert_eq!(o.names, ["a.com", "b.com", "--json", "-"]);
    }

    #[test]
    fn profile_spellings() {
        assert_eq!(parse(&[]).expect("a check").profile, Profile::Registration);
        for args in [&["--profile", "dns"][..], &["--profile=dns"]] {
            assert_eq!(parse(args).expect("a check").profile, Profile::Dns);
        }
        for args in [
            &["--profile"][..],
            &["--profile="],
            &["--profile", ""],
            &["--profile", "DNS"],
            &["--json=yes"],
        ] {
            assert!(parse(args).is_err(), "{args:?}");
        }
    }

    #[test]
    fn suffix_options() {
        let o = parse(&[
            "--private",
            "--suffix-list",
            "list.dat",
            "--suffixes=a=b.txt",
            "x.cn",
        ])
        .expect("a check");
        assert!(o.private);
        assert_eq!(o.suffix_list, Some(PathBuf::from("list.dat")));
        assert_eq!(o.suffixes, Some(PathBuf::from("a=b.txt")));
        assert_eq!(o.names, ["x.cn"]);
        // The last of a repeated option counts.
        let o =
            parse(&["--suffix-list=a", "--suffix-list=b", "--json", "--json"]).expect("a check");
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
    fn usage_error_is_one_line() {
        let err = parse(&["--profile", "no\npe"]).unwrap_err();
        let message = usage_error(err);
        assert!(message.contains("no\\npe"), "{message}");
        assert!(!message.contains('\n'), "{message}");
        assert!(message.contains("--profile"), "{message}");
        assert!(message.contains("registration, hostname, dns"), "{message}");
        assert!(usage().starts_with("Usage: dncheck [OPTIONS] [DOMAIN]..."));
    }

    #[test]
    fn batch_options() {
        let o = parse(&[
            "-i",
            "a.txt",
            "x.cn",
            "--input=-",
            "-i",
            "b.txt",
            "--summary",
        ])
        .expect("a check");
        assert_eq!(
            o.inputs,
            [
                PathBuf::from("a.txt"),
                PathBuf::from("-"),
                PathBuf::from("b.txt")
            ]
        );
        assert_eq!(o.names, ["x.cn"]);
        assert!(o.summary);
        assert_eq!(parse(&["--threads", "3"]).expect("a check").threads(), 3);
        assert!(parse(&[]).expect("a check").threads() >= 1);
        for args in [&["--threads", "0"][..], &["--threads=x"], &["-i"], &["-i="]] {
            assert!(parse(args).is_err(), "{args:?}");
        }
    }

    #[test]
    fn suffix_entries_lines() {
        let entries = suffix_entries("# c\n.com\r\n\n中国 # x\n  co.uk.  \n");
        assert_eq!(entries, [(2, "com"), (4, "中国"), (5, "co.uk")]);
    }
}
