//! End-to-end tests of the `dncheck` binary against the CLI contract of
//! docs/design.md (see also the module docs of `src/main.rs`).
//!
//! Names that should pass are real registrable names (`dncheck.cn`,
//! `例子.中国`, `wikipedia.org`): `example.com` and the like are `reserved`
//! (RFC 2606) since the suffix stage.

// The binary exists only with the `cli` feature (`cargo test --all-features`).
#![cfg(feature = "cli")]

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use serde_json::Value;

/// The JSON keys, in the order the contract fixes.
const KEYS: &[&str] = &[
    "input",
    "ok",
    "reason",
    "code",
    "tencent_code",
    "message",
    "message_zh",
    "ascii",
    "unicode",
    "suffix",
    "registrable",
    "flags",
    "restricted",
    "label",
    "span",
    "skeleton",
    "variant_key",
];

/// Runs `dncheck` with `args` and, if given, `stdin` (else an empty stdin).
fn run<S: AsRef<OsStr>>(args: &[S], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dncheck"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn dncheck");
    // Feed stdin from a thread so that large inputs cannot deadlock against
    // a full stdout pipe. The child may exit without reading (arguments
    // given, usage error), so a write error is expected and ignored.
    let mut pipe = child.stdin.take().expect("stdin");
    let input = stdin.to_vec();
    let feeder = thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let output = child.wait_with_output().expect("wait for dncheck");
    feeder.join().expect("feeder thread");
    output
}

fn stdout(output: &Output) -> &str {
    std::str::from_utf8(&output.stdout).expect("stdout is UTF-8")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("exit code")
}

/// Parses every output line as JSON, checking the key set and order.
fn json_lines(output: &Output) -> Vec<Value> {
    let text = stdout(output);
    assert!(
        text.is_empty() || text.ends_with('\n'),
        "unterminated: {text:?}"
    );
    text.lines()
        .map(|line| {
            // The key order is part of the contract, and serde_json's Map
            // sorts, so check it on the raw text: each key appears, in order,
            // at the top level (values of earlier keys never contain `"key":`
            // because the quotes inside them are escaped).
            let mut at = 0;
            for key in KEYS {
                let needle = format!("\"{key}\":");
                let found = line[at..]
                    .find(&needle)
                    .unwrap_or_else(|| panic!("key {key} missing or out of order in {line}"));
                at += found + needle.len();
            }
            let value: Value = serde_json::from_str(line).expect("valid JSON");
            let object = value.as_object().expect("an object");
            assert_eq!(object.len(), KEYS.len(), "extra keys in {line}");
            value
        })
        .collect()
}

fn json(args: &[&str], stdin: &[u8]) -> (i32, Vec<Value>) {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let output = run(&all, stdin);
    (code(&output), json_lines(&output))
}

fn reasons(values: &[Value]) -> Vec<&str> {
    values
        .iter()
        .map(|v| v["reason"].as_str().unwrap_or("OK"))
        .collect()
}

mod batch;
mod io;
mod options;
mod suffix_stage;
mod words;
mod workflow;

/// Writes `contents` to a file of this name in Cargo's scratch directory for
/// integration tests, and returns its path. Every test uses names of its
/// own, so tests running in parallel do not share files.
fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli");
    fs::create_dir_all(&dir).expect("create the scratch directory");
    let path = dir.join(name);
    fs::write(&path, contents).expect("write a scratch file");
    path
}

/// Runs `dncheck` with `args` (and a name to check on stdin) and asserts the
/// failure mode of a bad file: exit 2, nothing on stdout, one line on
/// stderr (no `Usage:` line: it is no usage error) naming `path`, holding
/// each of `needles`. Returns that line.
fn file_error(args: &[&OsStr], path: &Path, needles: &[&str]) -> String {
    let output = run(args, b"dncheck.cn\n");
    assert_eq!(code(&output), 2, "{args:?}");
    assert!(output.stdout.is_empty(), "{args:?}");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8 stderr");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("dncheck: "), "{stderr}");
    let shown = path.to_str().expect("UTF-8 scratch path");
    assert!(stderr.contains(shown), "{stderr} does not name {shown}");
    for needle in needles {
        assert!(stderr.contains(needle), "{stderr} lacks {needle:?}");
    }
    stderr
}

/// The lines of a vendor output, each a JSON object.
fn vendor_lines(output: &Output) -> Vec<Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect()
}
