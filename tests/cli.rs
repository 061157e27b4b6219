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

#[test]
fn arguments_all_accepted_exit_0() {
    let output = run(&["dncheck.cn", "例子.中国"], b"");
    assert_eq!(code(&output), 0);
    let text = stdout(&output);
    assert_eq!(text.lines().count(), 2);
    assert!(text.starts_with("ok  dncheck.cn"), "{text}");
    assert!(text.contains("xn--fsqu00a.xn--fiqs8s"), "{text}");
    assert!(output.stderr.is_empty());
}

#[test]
fn arguments_any_rejected_exit_1() {
    let output = run(&["dncheck.cn", "a..b", "wikipedia.org"], b"");
    assert_eq!(code(&output), 1);
    let lines: Vec<_> = stdout(&output).lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].starts_with("ok  dncheck.cn"));
    assert!(lines[1].starts_with("no  a..b"));
    assert!(lines[1].contains("empty_label"));
    assert!(lines[1].contains("InvalidDomainName.Format"));
    assert!(lines[1].contains("(label 1, bytes 2..2)"));
    assert!(lines[2].starts_with("ok  wikipedia.org"));
}

#[test]
fn arguments_ignore_stdin() {
    let (status, values) = json(&["dncheck.cn"], b"a..b\n");
    assert_eq!(status, 0);
    assert_eq!(values.len(), 1);
    assert_eq!(values[0]["input"], "dncheck.cn");
}

#[test]
fn stdin_one_result_per_line_in_order() {
    let (status, values) = json(&[], b"dncheck.cn\na..b\n-x.com\nWikipedia.ORG.\n");
    assert_eq!(status, 1);
    let inputs: Vec<_> = values.iter().map(|v| v["input"].as_str()).collect();
    assert_eq!(
        inputs,
        [
            Some("dncheck.cn"),
            Some("a..b"),
            Some("-x.com"),
            Some("Wikipedia.ORG.")
        ]
    );
    assert_eq!(reasons(&values), ["OK", "empty_label", "hyphen", "OK"]);
    assert_eq!(values[3]["ascii"], "wikipedia.org");
    assert_eq!(values[3]["registrable"], "wikipedia.org");
    assert_eq!(
        values[3]["flags"],
        serde_json::json!(["root_dot", "mapped"])
    );
}

#[test]
fn empty_stdin_no_output_exit_0() {
    let output = run::<&str>(&[], b"");
    assert_eq!(code(&output), 0);
    assert!(output.stdout.is_empty());
}

#[test]
fn json_accepted() {
    let (status, values) = json(&["例子.中国"], b"");
    assert_eq!(status, 0);
    let v = &values[0];
    assert_eq!(v["input"], "例子.中国");
    assert_eq!(v["ok"], true);
    assert_eq!(v["reason"], Value::Null);
    assert_eq!(v["code"], Value::Null);
    assert_eq!(v["tencent_code"], Value::Null);
    assert_eq!(v["message"], Value::Null);
    assert_eq!(v["message_zh"], Value::Null);
    assert_eq!(v["ascii"], "xn--fsqu00a.xn--fiqs8s");
    assert_eq!(v["unicode"], "例子.中国");
    assert_eq!(v["suffix"], "xn--fiqs8s");
    assert_eq!(v["registrable"], "xn--fsqu00a.xn--fiqs8s");
    assert_eq!(v["flags"], serde_json::json!(["idn"]));
    assert_eq!(v["restricted"], serde_json::json!([]));
    assert_eq!(v["label"], Value::Null);
    assert_eq!(v["span"], Value::Null);
}

#[test]
fn json_rejected() {
    let (status, values) = json(&["a..b"], b"");
    assert_eq!(status, 1);
    let v = &values[0];
    assert_eq!(v["input"], "a..b");
    assert_eq!(v["ok"], false);
    assert_eq!(v["reason"], "empty_label");
    assert_eq!(v["code"], "InvalidDomainName.Format");
    assert_eq!(v["tencent_code"], "InvalidParameter.DomainNameIsInvalid");
    assert_eq!(
        v["message"],
        "the domain name has an empty label (two dots in a row, or a leading dot)"
    );
    assert_eq!(v["message_zh"], "域名中有空标签（连续的点或以点开头）");
    assert_eq!(v["ascii"], Value::Null);
    assert_eq!(v["unicode"], Value::Null);
    assert_eq!(v["suffix"], Value::Null);
    assert_eq!(v["registrable"], Value::Null);
    assert_eq!(v["flags"], serde_json::json!([]));
    assert_eq!(v["restricted"], serde_json::json!([]));
    assert_eq!(v["label"], 1);
    assert_eq!(v["span"], serde_json::json!([2, 2]));
}

#[test]
fn json_escapes_control_characters() {
    let (_, values) = json(&[], b"a\x1bb.com\x00\n\"q\\\".com\n");
    assert_eq!(values.len(), 2);
    assert_eq!(values[0]["input"], "a\u{1b}b.com\u{0}");
    assert_eq!(values[0]["reason"], "invalid_char");
    assert_eq!(values[0]["span"], serde_json::json!([1, 2]));
    assert_eq!(values[1]["input"], "\"q\\\".com");
}

#[test]
fn crlf_lines() {
    let (status, values) = json(
        &[],
        b"dncheck.cn\r\n\xe4\xbe\x8b\xe5\xad\x90.cn\r\nlast.com\r",
    );
    assert_eq!(status, 0, "{values:?}");
    let inputs: Vec<_> = values.iter().map(|v| v["input"].clone()).collect();
    assert_eq!(inputs, ["dncheck.cn", "例子.cn", "last.com"]);
}

#[test]
fn only_one_cr_is_stripped() {
    let (status, values) = json(&[], b"dncheck.cn\r\r\n");
    assert_eq!(status, 1);
    assert_eq!(values[0]["input"], "dncheck.cn\r");
    assert_eq!(values[0]["reason"], "invalid_char");
}

#[test]
fn empty_lines_get_a_result() {
    let (status, values) = json(&[], b"dncheck.cn\n\n\r\nwikipedia.org\n");
    assert_eq!(status, 1);
    assert_eq!(reasons(&values), ["OK", "empty", "empty", "OK"]);
    for v in &values[1..3] {
        assert_eq!(v["input"], "");
        assert_eq!(v["tencent_code"], "MissingParameter.DomainIsEmpty");
        assert_eq!(v["code"], "InvalidDomainName.Format");
        assert_eq!(v["label"], Value::Null);
    }
}

#[test]
fn empty_argument_gets_a_result() {
    let (status, values) = json(&[""], b"");
    assert_eq!(status, 1);
    assert_eq!(reasons(&values), ["empty"]);
}

#[test]
fn invalid_utf8_line_in_the_middle() {
    let input = b"one.com\nab\xff\xfe.com\n\xc3\n\xe4\xbe.cn\ntwo.com\n";
    let (status, values) = json(&[], input);
    assert_eq!(status, 1);
    assert_eq!(values.len(), input.iter().filter(|&&b| b == b'\n').count());
    assert_eq!(
        reasons(&values),
        ["OK", "invalid_char", "invalid_char", "invalid_char", "OK"]
    );
    assert_eq!(values[0]["input"], "one.com");
    assert_eq!(values[1]["input"], "ab\u{FFFD}\u{FFFD}.com");
    // The span indexes the input as printed: the first U+FFFD.
    assert_eq!(values[1]["span"], serde_json::json!([2, 5]));
    assert_eq!(values[2]["input"], "\u{FFFD}");
    assert_eq!(values[3]["input"], "\u{FFFD}.cn");
    assert_eq!(values[4]["input"], "two.com");
}

#[cfg(unix)]
#[test]
fn invalid_utf8_argument() {
    use std::os::unix::ffi::OsStrExt;
    let args = [
        OsStr::new("--json"),
        OsStr::from_bytes(b"ab\xff.com"),
        OsStr::new("ok.com"),
    ];
    let output = run(&args, b"");
    assert_eq!(code(&output), 1);
    let values = json_lines(&output);
    assert_eq!(reasons(&values), ["invalid_char", "OK"]);
    assert_eq!(values[0]["input"], "ab\u{FFFD}.com");
}

#[test]
fn megabyte_line() {
    let mut input = b"before.com\n".to_vec();
    input.extend(std::iter::repeat_n(b'a', 1 << 20));
    input.extend_from_slice(b".com\n");
    input.extend(std::iter::repeat_n(b'b', 1 << 20)); // no final newline
    let (status, values) = json(&[], &input);
    assert_eq!(status, 1);
    assert_eq!(values.len(), 3);
    assert_eq!(values[0]["ok"], true);
    // Over 64 KiB: `too_long`, the input cut to 64 bytes and its length.
    for v in &values[1..] {
        assert_eq!(v["reason"], "too_long");
        assert_eq!(v["label"], Value::Null);
        let input = v["input"].as_str().unwrap_or_default();
        assert_eq!(v["span"], serde_json::json!([0, input.len()]));
    }
    assert_eq!(
        values[1]["input"],
        format!("{}…[{} bytes]", "a".repeat(64), (1 << 20) + 4)
    );
    assert_eq!(
        values[2]["input"],
        format!("{}…[{} bytes]", "b".repeat(64), 1 << 20)
    );
}

/// A line of exactly 64 KiB is still checked; one byte more is `too_long`
/// (CR LF not counted).
#[test]
fn line_limit_is_64_kib() {
    let mut input = vec![b'a'; 65536];
    input.extend_from_slice(b"\r\n");
    input.extend(vec![b'a'; 65537]);
    input.extend_from_slice(b"\r\n");
    let (_, values) = json(&[], &input);
    assert_eq!(reasons(&values), ["label_too_long", "too_long"]);
    assert_eq!(values[0]["input"].as_str().map(str::len), Some(65536));
}

#[test]
fn megabyte_unicode_line() {
    // Every code point of the slow path, many times over: must complete.
    let line = "a\u{0301}".repeat(1 << 18) + ".com\n";
    let (status, values) = json(&[], line.as_bytes());
    assert_eq!(status, 1);
    assert_eq!(values.len(), 1);
}

#[test]
fn final_line_without_newline_counts() {
    let (status, values) = json(&[], b"a.com\nb.com");
    assert_eq!(status, 0);
    assert_eq!(values.len(), 2);
    assert_eq!(values[1]["input"], "b.com");
}

#[test]
fn trailing_newline_adds_no_line() {
    let (_, values) = json(&[], b"a.com\n");
    assert_eq!(values.len(), 1);
    let (_, values) = json(&[], b"\n");
    assert_eq!(reasons(&values), ["empty"]);
}

#[test]
fn profile_dns() {
    let (status, values) = json(&["_dmarc.dncheck.cn"], b"");
    assert_eq!(status, 1);
    assert_eq!(reasons(&values), ["invalid_char"]);

    for args in [
        &["--profile", "dns", "_dmarc.dncheck.cn"][..],
        &["--profile=dns", "_dmarc.dncheck.cn"],
        &["_dmarc.dncheck.cn", "--profile", "dns"],
    ] {
        let (status, values) = json(args, b"");
        assert_eq!(status, 0, "{args:?}");
        assert_eq!(values[0]["ascii"], "_dmarc.dncheck.cn");
        assert_eq!(values[0]["suffix"], "cn");
        assert_eq!(values[0]["registrable"], "dncheck.cn");
    }

    let (status, values) = json(&["--profile", "hostname", "www.dncheck.cn"], b"");
    assert_eq!(status, 0);
    assert_eq!(values.len(), 1);
}

#[test]
fn usage_errors_exit_2_with_nothing_on_stdout() {
    // (arguments, what the message must name)
    for (args, needles) in [
        (&["--bogus", "dncheck.cn"][..], &["'--bogus'"][..]),
        (&["-x"], &["'-x'"]),
        (&["dncheck.cn", "--words"], &["--words", "value"]),
        (&["--words=", "dncheck.cn"], &["--words", "value"]),
        (
            &["--profile", "nope", "dncheck.cn"],
            &["--profile", "'nope'", "registration, hostname, dns"],
        ),
        (
            &["--profile=DNS", "dncheck.cn"],
            &["--profile", "'DNS'", "registration, hostname, dns"],
        ),
        (&["--profile="], &["--profile", "value"]),
        (&["dncheck.cn", "--profile"], &["--profile", "value"]),
        (&["--json=yes"], &["--json", "'yes'"]),
        (&["dncheck.cn", "--jsn"], &["'--jsn'"]),
        (&["--private=yes", "dncheck.cn"], &["--private", "'yes'"]),
        (&["--privat", "dncheck.cn"], &["'--privat'"]),
        (
            &["dncheck.cn", "--suffix-list"],
            &["--suffix-list", "value"],
        ),
        (
            &["--suffix-list=", "dncheck.cn"],
            &["--suffix-list", "value"],
        ),
        (&["dncheck.cn", "--suffixes"], &["--suffixes", "value"]),
        (&["--suffixes=", "dncheck.cn"], &["--suffixes", "value"]),
        (&["--suffixes", ""], &["--suffixes", "value"]),
        (&["--help=x"], &["--help", "'x'"]),
        // A control character in an argument cannot break the line.
        (&["--a\nb"], &["'--a\\nb'"]),
    ] {
        let output = run(args, b"dncheck.cn\n");
        assert_eq!(code(&output), 2, "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let lines: Vec<_> = stderr.lines().collect();
        assert_eq!(lines.len(), 2, "{args:?}: {stderr}");
        assert!(lines[0].starts_with("dncheck: "), "{stderr}");
        for needle in needles {
            assert!(
                lines[0].contains(needle),
                "{args:?}: {stderr} lacks {needle}"
            );
        }
        assert!(lines[1].starts_with("Usage: dncheck"), "{stderr}");
    }
}

#[test]
fn help_and_version_exit_0() {
    for flag in ["--help", "-h"] {
        let output = run(&[flag, "--bogus-after-help"], b"");
        assert_eq!(code(&output), 0);
        assert!(output.stderr.is_empty());
        assert!(stdout(&output).contains("Usage: dncheck [OPTIONS] [DOMAIN]..."));
        for option in [
            "--json",
            "--profile",
            "--private",
            "--suffix-list",
            "--suffixes",
        ] {
            assert!(stdout(&output).contains(option), "{option}");
        }
    }
    for flag in ["--version", "-V"] {
        let output = run(&[flag], b"");
        assert_eq!(code(&output), 0);
        assert!(output.stderr.is_empty());
        assert_eq!(
            stdout(&output),
            concat!("dncheck ", env!("CARGO_PKG_VERSION"), "\n")
        );
    }
}

#[test]
fn double_dash_ends_options() {
    let (status, values) = json(&["--", "-x.com", "--json", "-"], b"");
    assert_eq!(status, 1);
    assert_eq!(values.len(), 3);
    assert_eq!(values[0]["input"], "-x.com");
    assert_eq!(values[1]["input"], "--json");
    assert_eq!(values[2]["input"], "-");
    assert_eq!(reasons(&values), ["hyphen", "hyphen", "hyphen"]);
}

#[test]
fn double_dash_alone_reads_stdin() {
    let (status, values) = json(&["--"], b"dncheck.cn\n");
    assert_eq!(status, 0);
    assert_eq!(values.len(), 1);
}

#[test]
fn table_one_line_per_input() {
    let input = "tab\there.com\nesc\x1b[31mred.com\n\nbidi\u{202E}moc.com\nsep\u{2028}ar.com\n\
                 例子。中国\nback\\slash.com\nDNCHECK.CN.\n"
        .as_bytes();
    let output = run::<&str>(&[], input);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    assert!(text.ends_with('\n'));
    // `str::lines` would not split on U+2028, so count the raw separators,
    // and make sure none of the dangerous characters got through raw.
    assert_eq!(text.matches('\n').count(), 8, "{text}");
    for c in ['\t', '\x1b', '\r', '\u{202E}', '\u{2028}'] {
        assert!(!text.contains(c), "{c:?} in {text}");
    }
    let lines: Vec<_> = text.lines().collect();
    assert!(lines[0].starts_with("no  tab\\there.com"), "{}", lines[0]);
    assert!(
        lines[1].starts_with("no  esc\\u{1b}[31mred.com"),
        "{}",
        lines[1]
    );
    assert!(lines[1].contains("(label 0, bytes 3..4)"), "{}", lines[1]);
    assert!(lines[2].starts_with("no  "));
    assert!(lines[2].contains("empty"));
    assert!(lines[3].contains("\\u{202e}"), "{}", lines[3]);
    assert!(lines[5].starts_with("ok  例子。中国"));
    assert!(lines[5].contains("xn--fsqu00a.xn--fiqs8s  例子.中国  [idn, mapped]"));
    assert!(
        lines[6].starts_with("no  back\\\\slash.com"),
        "{}",
        lines[6]
    );
    assert!(
        lines[7].contains("dncheck.cn  [root_dot, mapped]"),
        "{}",
        lines[7]
    );
}

#[test]
fn table_invalid_utf8_and_long_lines() {
    let mut input = b"ab\xff.com\n".to_vec();
    input.extend(std::iter::repeat_n(b'x', 100_000));
    input.extend_from_slice(b"\nok.com\n");
    let output = run::<&str>(&[], &input);
    assert_eq!(code(&output), 1);
    let text = String::from_utf8(output.stdout).expect("UTF-8 table");
    let lines: Vec<_> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].starts_with("no  ab\u{FFFD}.com"));
    assert!(lines[1].starts_with(&format!("no  {}…[100000 bytes]", "x".repeat(64))));
    assert!(lines[1].contains("too_long"));
    assert!(lines[2].starts_with("ok  ok.com"));
}

/// Answers come as soon as a line is in, without waiting for EOF, so that a
/// program can keep `dncheck` as a co-process.
#[test]
fn answers_each_line_before_eof() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dncheck"))
        .arg("--json")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn dncheck");
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    let reader = thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.expect("read")).is_err() {
                break;
            }
        }
    });
    for name in ["dncheck.cn", "a..b"] {
        stdin
            .write_all(format!("{name}\n").as_bytes())
            .expect("write");
        stdin.flush().expect("flush");
        let answer = rx.recv_timeout(Duration::from_secs(30));
        let Ok(answer) = answer else {
            let _ = child.kill();
            panic!("no answer for {name} before EOF");
        };
        let value: Value = serde_json::from_str(&answer).expect("JSON");
        assert_eq!(value["input"], name);
    }
    drop(stdin);
    assert_eq!(child.wait().expect("wait").code(), Some(1));
    reader.join().expect("reader");
}

/// `dncheck | head -1`: the reader goes away early. Exit 2 (the output is
/// incomplete), quietly, and certainly without a panic.
#[cfg(unix)]
#[test]
fn broken_pipe_exits_2_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dncheck"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn dncheck");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = child.stdout.take().expect("stdout");
    let feeder = thread::spawn(move || {
        let chunk = "dncheck.cn\n".repeat(10_000);
        for _ in 0..100 {
            if stdin.write_all(chunk.as_bytes()).is_err() {
                break; // dncheck has gone, as it should
            }
        }
    });
    let mut first = [0; 16];
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("read stderr");
    let status = child.wait().expect("wait");
    feeder.join().expect("feeder");
    assert_eq!(status.code(), Some(2));
    assert!(stderr.is_empty(), "{stderr}");
}

// ---------------------------------------------------------------------------
// The suffix stage: `suffix`, `registrable`, its reasons, its options.

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

#[test]
fn json_suffix_and_registrable_of_accepted_names() {
    let (status, values) = json(
        &[
            "dncheck.cn",
            "Wikipedia.ORG.",
            "例子.公司.cn",
            "dncheck.com.cn",
        ],
        b"",
    );
    assert_eq!(status, 0);
    let parts: Vec<_> = values
        .iter()
        .map(|v| (v["suffix"].as_str(), v["registrable"].as_str()))
        .collect();
    assert_eq!(
        parts,
        [
            (Some("cn"), Some("dncheck.cn")),
            (Some("org"), Some("wikipedia.org")),
            (Some("xn--55qx5d.cn"), Some("xn--fsqu00a.xn--55qx5d.cn")),
            (Some("com.cn"), Some("dncheck.com.cn")),
        ]
    );
}

/// A refusal of the suffix stage keeps everything normalisation found: the
/// forms, the flags, and the suffix stage's own answer.
#[test]
fn json_suffix_stage_refusal_keeps_the_forms() {
    let (status, values) = json(&["例子.NOTATLD.", "WWW.dncheck.cn"], b"");
    assert_eq!(status, 1);

    let v = &values[0];
    assert_eq!(v["ok"], false);
    assert_eq!(v["reason"], "unknown_suffix");
    assert_eq!(v["code"], "InvalidDomainName.Suffix");
    assert_eq!(v["tencent_code"], "InvalidParameter.DomainNameIsInvalid");
    assert_eq!(v["message"], "the top-level domain does not exist");
    assert_eq!(v["message_zh"], "顶级域名不存在");
    assert_eq!(v["ascii"], "xn--fsqu00a.notatld");
    assert_eq!(v["unicode"], "例子.notatld");
    assert_eq!(v["suffix"], "notatld");
    assert_eq!(v["registrable"], "xn--fsqu00a.notatld");
    assert_eq!(v["flags"], serde_json::json!(["root_dot", "idn", "mapped"]));
    assert_eq!(v["restricted"], serde_json::json!([]));
    assert_eq!(v["label"], 1);
    assert_eq!(v["span"], serde_json::json!([7, 14])); // `NOTATLD`

    let v = &values[1];
    assert_eq!(v["reason"], "subdomain");
    assert_eq!(v["code"], "InvalidDomainName.Format");
    assert_eq!(v["ascii"], "www.dncheck.cn");
    assert_eq!(v["unicode"], "www.dncheck.cn");
    assert_eq!(v["suffix"], "cn");
    assert_eq!(v["registrable"], "dncheck.cn");
    assert_eq!(v["flags"], serde_json::json!(["mapped"]));
    assert_eq!(v["label"], 0);
    assert_eq!(v["span"], serde_json::json!([0, 3])); // `WWW`
}

/// Every reason of the suffix stage, as the table of docs/design.md spells it, with
/// the forms that stay filled.
#[test]
fn suffix_stage_reasons() {
    const FORMAT: &str = "InvalidDomainName.Format";
    const SUFFIX: &str = "InvalidDomainName.Suffix";
    /// (input, reason, Alibaba code, suffix, registrable)
    type Case = (
        &'static str,
        &'static str,
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
    );
    let cases: &[Case] = &[
        ("192.168.0.1", "ip_literal", FORMAT, None, None),
        ("dncheck.123", "ip_literal", FORMAT, None, None),
        // A `.cn` IDN label must hold a Han character.
        (
            "пример.cn",
            "suffix_rule",
            FORMAT,
            Some("cn"),
            Some("xn--e1afmkfd.cn"),
        ),
        ("localhost", "reserved", SUFFIX, Some("localhost"), None),
        ("nosuchtld", "no_suffix", FORMAT, Some("nosuchtld"), None),
        (
            "dncheck.notatld",
            "unknown_suffix",
            SUFFIX,
            Some("notatld"),
            Some("dncheck.notatld"),
        ),
        ("com.cn", "public_suffix", SUFFIX, Some("com.cn"), None),
        ("中国", "public_suffix", SUFFIX, Some("xn--fiqs8s"), None),
        (
            "example.com",
            "reserved",
            SUFFIX,
            Some("com"),
            Some("example.com"),
        ),
        (
            "printer.local",
            "reserved",
            SUFFIX,
            Some("local"),
            Some("printer.local"),
        ),
        (
            "www.dncheck.cn",
            "subdomain",
            FORMAT,
            Some("cn"),
            Some("dncheck.cn"),
        ),
    ];
    let names: Vec<_> = cases.iter().map(|c| c.0).collect();
    let (status, values) = json(&names, b"");
    assert_eq!(status, 1);
    assert_eq!(values.len(), cases.len());
    for (v, &(input, reason, code, suffix, registrable)) in values.iter().zip(cases) {
        assert_eq!(v["input"], input);
        assert_eq!(v["reason"], reason, "{input}");
        assert_eq!(v["code"], code, "{input}");
        assert_eq!(
            v["tencent_code"], "InvalidParameter.DomainNameIsInvalid",
            "{input}"
        );
        assert!(
            v["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{input}"
        );
        assert!(
            v["message_zh"].as_str().is_some_and(|m| !m.is_empty()),
            "{input}"
        );
        assert!(v["ascii"].is_string(), "{input}");
        assert!(v["unicode"].is_string(), "{input}");
        assert_eq!(v["suffix"].as_str(), suffix, "{input}");
        assert_eq!(v["registrable"].as_str(), registrable, "{input}");
        assert!(v["span"].is_array(), "{input}");
    }
    // unsupported_suffix needs a supported set.
    let path = temp_file("reasons_suffixes.txt", b"com\n");
    let args = [
        OsStr::new("--json"),
        OsStr::new("--suffixes"),
        path.as_os_str(),
        OsStr::new("dncheck.cn"),
    ];
    let output = run(&args, b"");
    assert_eq!(code(&output), 1);
    let values = json_lines(&output);
    assert_eq!(values[0]["reason"], "unsupported_suffix");
    assert_eq!(values[0]["code"], SUFFIX);
    assert_eq!(values[0]["registrable"], "dncheck.cn");
}

#[test]
fn profiles_differ_on_subdomains() {
    let (status, values) = json(&["www.dncheck.cn"], b"");
    assert_eq!(status, 1);
    assert_eq!(reasons(&values), ["subdomain"]);
    assert_eq!(values[0]["registrable"], "dncheck.cn");

    for profile in ["hostname", "dns"] {
        let (status, values) = json(
            &["--profile", profile, "www.dncheck.cn", "a.b.例子.中国"],
            b"",
        );
        assert_eq!(status, 0, "{profile}");
        assert_eq!(values[0]["ascii"], "www.dncheck.cn");
        assert_eq!(values[0]["suffix"], "cn");
        assert_eq!(values[0]["registrable"], "dncheck.cn");
        assert_eq!(values[1]["registrable"], "xn--fsqu00a.xn--fiqs8s");
    }
    // What all profiles refuse.
    for profile in ["registration", "hostname", "dns"] {
        let (status, values) = json(&["--profile", profile, "com.cn", "dncheck.notatld"], b"");
        assert_eq!(status, 1, "{profile}");
        assert_eq!(reasons(&values), ["public_suffix", "unknown_suffix"]);
    }
}

#[test]
fn private_counts_the_private_section() {
    // ICANN only: `io` is the suffix, `github.io` the registrable domain.
    let (status, values) = json(&["me.github.io"], b"");
    assert_eq!(status, 1);
    assert_eq!(reasons(&values), ["subdomain"]);
    assert_eq!(values[0]["suffix"], "io");
    assert_eq!(values[0]["registrable"], "github.io");

    for args in [
        &["--private", "me.github.io"][..],
        &["me.github.io", "--private"],
    ] {
        let (status, values) = json(args, b"");
        assert_eq!(status, 0, "{args:?}");
        assert_eq!(values[0]["suffix"], "github.io");
        assert_eq!(values[0]["registrable"], "me.github.io");
    }
    // `github.io` itself is then a public suffix.
    let (status, values) = json(&["--private", "github.io"], b"");
    assert_eq!(status, 1);
    assert_eq!(reasons(&values), ["public_suffix"]);
}

#[test]
fn suffix_list_file() {
    let list = temp_file(
        "suffix_list.dat",
        "// VERSION: test\n\
         // ===BEGIN ICANN DOMAINS===\n\
         newtld\n\
         *.wild.newtld\n\
         公司\n\
         // ===BEGIN PRIVATE DOMAINS===\n\
         host.newtld\n"
            .as_bytes(),
    );
    let names = [
        "a.newtld",
        "x.y.wild.newtld",
        "例子.公司",
        "b.host.newtld",
        "dncheck.cn",
    ];
    let expect = |private: bool| {
        [
            (Some("newtld"), Some("a.newtld"), None),
            (Some("y.wild.newtld"), Some("x.y.wild.newtld"), None),
            (Some("xn--55qx5d"), Some("xn--fsqu00a.xn--55qx5d"), None),
            if private {
                (Some("host.newtld"), Some("b.host.newtld"), None)
            } else {
                (Some("newtld"), Some("host.newtld"), Some("subdomain"))
            },
            // Not in this list: the embedded one is not consulted.
            (Some("cn"), Some("dncheck.cn"), Some("unknown_suffix")),
        ]
    };
    let spellings: [Vec<OsString>; 3] = [
        vec!["--suffix-list".into(), list.clone().into_os_string()],
        vec![{
            let mut arg = OsString::from("--suffix-list=");
            arg.push(&list);
            arg
        }],
        vec![
            "--private".into(),
            "--suffix-list".into(),
            list.clone().into_os_string(),
        ],
    ];
    for (i, spelling) in spellings.iter().enumerate() {
        let private = i == 2;
        let mut args: Vec<OsString> = vec!["--json".into()];
        args.extend(spelling.iter().cloned());
        args.extend(names.iter().map(OsString::from));
        let output = run(&args, b"");
        assert_eq!(code(&output), 1, "{args:?}");
        let values = json_lines(&output);
        let got: Vec<_> = values
            .iter()
            .map(|v| {
                (
                    v["suffix"].as_str(),
                    v["registrable"].as_str(),
                    v["reason"].as_str(),
                )
            })
            .collect();
        assert_eq!(got, expect(private), "{args:?}");
    }
}

#[test]
fn suffix_list_errors_exit_2() {
    // A rule that is not one: the message names the file and the line.
    let bad = temp_file("suffix_list_bad.dat", b"// a list\ncom\nfoo.*.bar\n");
    let message = file_error(
        &[OsStr::new("--suffix-list"), bad.as_os_str()],
        &bad,
        &["line 3"],
    );
    assert!(message.contains("foo.*.bar"), "{message}");
    let mut arg = OsString::from("--suffix-list=");
    arg.push(&bad);
    file_error(&[&arg, OsStr::new("dncheck.cn")], &bad, &["line 3"]);
    // No rule at all.
    let empty = temp_file("suffix_list_empty.dat", b"// nothing here\n");
    file_error(
        &[OsStr::new("--suffix-list"), empty.as_os_str()],
        &empty,
        &["no rule"],
    );
    // No such file.
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli/no_such_list.dat");
    file_error(
        &[
            OsStr::new("--json"),
            OsStr::new("--suffix-list"),
            missing.as_os_str(),
        ],
        &missing,
        &["cannot read"],
    );
}

#[test]
fn suffixes_file() {
    // Comments, blank lines, CRLF, a BOM, Unicode and A-labels in any case,
    // and the leading dot registrars write.
    let path = temp_file(
        "suffixes.txt",
        "\u{FEFF}# supported suffixes\n.com\r\n中国   # China\n\n  XN--55QX5D.cn  \n".as_bytes(),
    );
    let names = [
        "dncheck.com",
        "例子.中国",
        "例子.公司.cn",
        "dncheck.cn",
        "dncheck.com.cn",
    ];
    let mut inline = OsString::from("--suffixes=");
    inline.push(&path);
    for spelling in [
        vec![OsString::from("--suffixes"), path.clone().into_os_string()],
        vec![inline],
    ] {
        let mut args: Vec<OsString> = vec!["--json".into()];
        args.extend(spelling);
        args.extend(names.iter().map(OsString::from));
        let output = run(&args, b"");
        assert_eq!(code(&output), 1, "{args:?}");
        let values = json_lines(&output);
        assert_eq!(
            reasons(&values),
            ["OK", "OK", "OK", "unsupported_suffix", "unsupported_suffix"]
        );
        // The suffix is compared whole: `cn` is not listed, and `com` does
        // not admit `com.cn`.
        assert_eq!(values[3]["suffix"], "cn");
        assert_eq!(values[3]["registrable"], "dncheck.cn");
        assert_eq!(values[3]["label"], 1);
        assert_eq!(values[3]["span"], serde_json::json!([8, 10]));
        assert_eq!(values[4]["suffix"], "com.cn");
    }
}

#[test]
fn suffixes_errors_exit_2() {
    // An entry that is not a domain name: named by its line in the file
    // (comments and blank lines counted), not its position in the set.
    let bad = temp_file("suffixes_bad.txt", b"# list\ncom\n\nno suffix\ncn\n");
    let message = file_error(
        &[OsStr::new("--suffixes"), bad.as_os_str()],
        &bad,
        &["line 4"],
    );
    assert!(message.contains("no suffix"), "{message}");
    let bad = temp_file("suffixes_bad_label.txt", b"com\na..b\n");
    file_error(
        &[OsStr::new("--suffixes"), bad.as_os_str()],
        &bad,
        &["line 2", "a..b"],
    );
    // Not UTF-8.
    let bad = temp_file("suffixes_not_utf8.txt", b"com\nc\xffn\n");
    file_error(
        &[OsStr::new("--suffixes"), bad.as_os_str()],
        &bad,
        &["line 2", "UTF-8"],
    );
    // Nothing listed: every name would be refused, surely a mistake.
    let empty = temp_file("suffixes_empty.txt", b"# nothing\n\n");
    file_error(
        &[OsStr::new("--suffixes"), empty.as_os_str()],
        &empty,
        &["no suffix"],
    );
    // No such file.
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli/no_such_suffixes.txt");
    file_error(
        &[
            OsStr::new("--json"),
            OsStr::new("dncheck.cn"),
            OsStr::new("--suffixes"),
            missing.as_os_str(),
        ],
        &missing,
        &["cannot read"],
    );
}

#[test]
fn table_shows_registrable_and_ascii() {
    let output = run(
        &[
            "--profile",
            "hostname",
            "www.dncheck.cn",
            "dncheck.cn",
            "例子.NOTATLD",
            "dncheck.notatld",
            "a..b",
        ],
        b"",
    );
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    let lines: Vec<_> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    // A subdomain: its registrable domain.
    assert!(lines[0].starts_with("ok  www.dncheck.cn"), "{}", lines[0]);
    assert!(
        lines[0].ends_with("www.dncheck.cn  registrable dncheck.cn"),
        "{}",
        lines[0]
    );
    // The registrable domain itself: nothing to add.
    assert!(!lines[1].contains("registrable"), "{}", lines[1]);
    // A suffix-stage refusal: the A-label form, where it is not the input.
    assert!(
        lines[2].ends_with("(label 1, bytes 7..14)  ascii xn--fsqu00a.notatld"),
        "{}",
        lines[2]
    );
    assert!(lines[3].ends_with("(label 1, bytes 8..15)"), "{}", lines[3]);
    assert!(!lines[4].contains("ascii"), "{}", lines[4]);
    // The reason column fits the longest reason; the codes line up.
    let path = temp_file("table_suffixes.txt", b"com\n");
    let args = [
        OsStr::new("--suffixes"),
        path.as_os_str(),
        OsStr::new("dncheck.cn"),
        OsStr::new("a..b"),
    ];
    let output = run(&args, b"");
    let text = stdout(&output);
    let lines: Vec<_> = text.lines().collect();
    assert!(
        lines[0].contains("unsupported_suffix  InvalidDomainName.Suffix"),
        "{text}"
    );
    assert_eq!(
        lines[0].find("InvalidDomainName"),
        lines[1].find("InvalidDomainName"),
        "{text}"
    );
}

// ---------------------------------------------------------------------------
// The Public Suffix List's own tests, through the binary.

/// `(file, line, input, expected)` of `tests/data/test_psl.txt`
/// (`checkPublicSuffix('a.b.example.com', 'example.com');`) and
/// `tests/data/psl_tests.txt` (`a.b.example.com example.com`); `None` for
/// `null`. The same parsing as `tests/psl.rs`.
fn psl_cases() -> Vec<(
    &'static str,
    usize,
    Option<&'static str>,
    Option<&'static str>,
)> {
    fn unquote(s: &str) -> Option<&str> {
        let s = s.trim();
        (s != "null").then(|| {
            s.strip_prefix('\'')
                .and_then(|s| s.strip_suffix('\''))
                .unwrap_or_else(|| panic!("not quoted: {s}"))
        })
    }
    let mut cases = Vec::new();
    for (i, line) in include_str!("data/test_psl.txt").lines().enumerate() {
        let Some(args) = line.trim().strip_prefix("checkPublicSuffix(") else {
            continue;
        };
        let args = args.strip_suffix(");").expect("`);`");
        let (input, expected) = args.split_once(',').expect("two arguments");
        cases.push(("test_psl.txt", i + 1, unquote(input), unquote(expected)));
    }
    for (i, line) in include_str!("data/psl_tests.txt").lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        let (input, expected) = line.split_once(' ').expect("two fields");
        let expected = expected.trim();
        cases.push((
            "psl_tests.txt",
            i + 1,
            (input != "null").then_some(input),
            (expected != "null").then_some(expected),
        ));
    }
    cases
}

/// Every input of the PSL's tests in one run of `--private --profile dns
/// --json` (the tests assume the whole list, PRIVATE rules included; `dns`
/// is the profile that refuses least, and none of the inputs holds a `_`,
/// so normalisation is that of the default profile, which `tests/psl.rs`
/// uses): each line's `registrable` is the expected domain, in order.
///
/// Mirroring `tests/psl.rs`:
/// * inputs are spelled as users type them (upper case, U-labels, leading
///   dots) and the binary normalises them; the expected domains are
///   normalised with the library (`Checker::default().normalize`) to the
///   A-label form the JSON reports (`食狮.com.cn` -> `xn--85x722f.com.cn`);
/// * an input the normaliser refuses (`ascii` null: the four leading-dot
///   names of each file) must expect `null`, and must have `registrable`
///   null;
/// * the `null` input ("no input") is fed as an empty line, which the
///   binary refuses as `empty` with `registrable` null, as `null` expects.
///
/// Refusals of the suffix stage (`reserved` for `example.com`,
/// `unknown_suffix` for `example.example`, `public_suffix` for `com`) are
/// fine: `registrable` is reported all the same.
#[test]
fn psl_tests_through_the_binary() {
    let cases = psl_cases();
    assert_eq!(cases.len(), 2 * 78);
    let mut stdin = Vec::new();
    for &(_, _, input, _) in &cases {
        stdin.extend_from_slice(input.unwrap_or("").as_bytes());
        stdin.push(b'\n');
    }
    let (_, values) = json(&["--private", "--profile", "dns"], &stdin);
    assert_eq!(values.len(), cases.len());

    let normalizer = dncheck::Checker::default();
    let mut failures = Vec::new();
    let mut refused = 0;
    for (v, &(file, line, input, expected)) in values.iter().zip(&cases) {
        assert_eq!(
            v["input"],
            input.unwrap_or(""),
            "{file}:{line}: out of order"
        );
        let expected = expected.map(|e| {
            normalizer
                .normalize(e)
                .unwrap_or_else(|r| panic!("{file}:{line}: expected {e:?} refused: {r}"))
                .ascii()
                .to_owned()
        });
        if input.is_none() {
            assert_eq!(v["reason"], "empty", "{file}:{line}");
        } else if v["ascii"].is_null() {
            refused += 1;
            assert!(v["reason"].is_string(), "{file}:{line}");
        }
        let got = v["registrable"].as_str();
        if got != expected.as_deref() {
            failures.push(format!(
                "{file}:{line}: {input:?}: got {got:?}, expected {expected:?} ({})",
                v["reason"]
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // As in tests/psl.rs: the normaliser refuses exactly the four
    // leading-dot names of each file.
    assert_eq!(refused, 2 * 4);
}

#[test]
fn restricted_words_default_list() {
    // The embedded example list: `casino` and `登录` are in it.
    let (status, values) = json(&["casino.cn", "登录.中国", "dncheck.cn"], b"");
    assert_eq!(status, 1);
    assert_eq!(
        reasons(&values),
        ["restricted_word", "restricted_word", "OK"]
    );
    let v = &values[0];
    assert_eq!(v["ok"], false);
    assert_eq!(v["code"], "DomainForbidden");
    assert_eq!(v["tencent_code"], Value::Null);
    assert_eq!(v["message_zh"], "域名包含受限词语");
    assert_eq!(
        v["restricted"],
        serde_json::json!([{"word": "casino", "label": 0, "span": [0, 6]}])
    );
    assert_eq!(v["flags"], serde_json::json!(["restricted"]));
    // The forms are filled; `label` and `span` are the first hit's.
    assert_eq!(v["registrable"], "casino.cn");
    assert_eq!(
        (&v["label"], &v["span"]),
        (&serde_json::json!(0), &serde_json::json!([0, 6]))
    );
    assert_eq!(
        values[1]["restricted"],
        serde_json::json!([{"word": "登录", "label": 0, "span": [0, 6]}])
    );
    assert_eq!(values[2]["restricted"], serde_json::json!([]));
    // The table names the words.
    let output = run(&["casino.cn"], b"");
    assert_eq!(code(&output), 1);
    let row = stdout(&output);
    assert!(row.starts_with("no  casino.cn"), "{row}");
    assert!(
        row.contains("restricted_word")
            && row.trim_end().ends_with(": casino (label 0, bytes 0..6)"),
        "{row}"
    );
}

#[test]
fn restricted_hits_every_one_placed_in_the_input() {
    let (_, values) = json(
        &["--profile", "hostname"],
        "casino.WWW.betting-casino.cn\nxn--w2t382c6hg.cn\nｃａｓｉｎｏ。cn\n".as_bytes(),
    );
    let hits: Vec<Vec<(String, u64, Value)>> = values
        .iter()
        .map(|v| {
            v["restricted"]
                .as_array()
                .expect("an array")
                .iter()
                .map(|h| {
                    (
                        h["word"].as_str().unwrap_or_default().to_owned(),
                        h["label"].as_u64().unwrap_or(99),
                        h["span"].clone(),
                    )
                })
                .collect()
        })
        .collect();
    let w = |word: &str, label: u64, s: u64, e: u64| {
        (word.to_owned(), label, serde_json::json!([s, e]))
    };
    assert_eq!(
        hits,
        [
            // Every hit, in the order of their ends, in every label.
            vec![
                w("casino", 0, 0, 6),
                w("betting", 2, 11, 18),
                w("casino", 2, 19, 25)
            ],
            // An A-label (登录网): the whole label.
            vec![w("登录", 0, 0, 14)],
            // Fullwidth: the whole label, in the input's bytes.
            vec![w("casino", 0, 0, 18)],
        ]
    );
    assert_eq!(values[0]["label"], 0);
    assert_eq!(values[0]["span"], serde_json::json!([0, 6]));
}

#[test]
fn table_escapes_spaces_at_the_ends() {
    let output = run(&[" a.cn ", "a b.cn"], b"");
    let text = stdout(&output);
    let rows: Vec<&str> = text.lines().collect();
    assert!(rows[0].starts_with("no  \\u{20}a.cn\\u{20}  "), "{text}");
    assert!(rows[1].starts_with("no  a b.cn  "), "{text}");
}

#[test]
fn words_file() {
    let words = temp_file(
        "words.txt",
        "# a list of our own\nshop\tcommerce\n賭博\ngood-bye\n".as_bytes(),
    );
    let args = [
        OsStr::new("--profile"),
        OsStr::new("hostname"),
        OsStr::new("--json"),
        OsStr::new("--words"),
        words.as_os_str(),
    ];
    let output = run(
        &args,
        "MyShop.cn\nwww.赌博.cn\ngoodbye.cn\ncasino.cn\nshop.cn.\ngood.bye.cn\n".as_bytes(),
    );
    assert_eq!(code(&output), 1);
    let values = json_lines(&output);
    let restricted: Vec<&Value> = values.iter().map(|v| &v["restricted"]).collect();
    let hit = |word: &str, label: usize, start: usize, end: usize| serde_json::json!([{"word": word, "label": label, "span": [start, end]}]);
    assert_eq!(
        restricted,
        [
            // Upper case in the input: the hit's own bytes.
            &hit("shop", 0, 2, 6),
            // Traditional in the list, simplified in the name.
            &hit("賭博", 1, 4, 10),
            // Hyphens are ignored: the word as the list writes it.
            &hit("good-bye", 0, 0, 7),
            // The embedded list is replaced, not extended.
            &serde_json::json!([]),
            &hit("shop", 0, 0, 4),
            // Not across labels.
            &serde_json::json!([]),
        ]
    );
    // A word that folds to nothing is a build error naming its line.
    let bad = temp_file("words_bad.txt", b"ok\n-\n");
    file_error(&[OsStr::new("--words"), bad.as_os_str()], &bad, &["line 2"]);
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli/no-such-words.txt");
    file_error(
        &[OsStr::new("--words"), missing.as_os_str()],
        &missing,
        &["--words", "cannot read"],
    );
}

// ---------------------------------------------------------------------------
// The command line (clap): help, spellings, repeats, raw names, file errors.

#[test]
fn help_lists_every_option_and_value() {
    for flag in ["--help", "-h"] {
        let output = run(&[flag], b"");
        assert_eq!(code(&output), 0, "{flag}");
        assert!(output.stderr.is_empty(), "{flag}");
        let help = stdout(&output);
        for needle in [
            "Usage: dncheck [OPTIONS] [DOMAIN]...",
            "--json",
            "--profile <PROFILE>",
            "registration",
            "hostname",
            "dns",
            "--private",
            "--reject-mixed-script",
            "--suffix-list <FILE>",
            "--suffixes <FILE>",
            "--words <FILE>",
            "-i, --input <FILE>",
            "--threads <N>",
            "--summary",
            "-h, --help",
            "-V, --version",
            "`--`",
            // The after-help: exit statuses and the JSON keys.
            "Exit status: 0 all accepted, 1 any refused, 2 usage error",
        ] {
            assert!(help.contains(needle), "{flag}: {needle:?} not in\n{help}");
        }
        let keys = help
            .split_once("JSON keys")
            .map(|(_, keys)| keys.split_whitespace().collect::<Vec<_>>())
            .unwrap_or_default();
        for key in KEYS {
            assert!(keys.contains(key), "{flag}: JSON key {key} not in\n{help}");
        }
    }
}

/// A missing file is worded alike for every file option:
/// `dncheck: OPTION FILE: cannot read: <the system's words>`.
#[test]
fn missing_files_are_worded_alike() {
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli/no_such_file.txt");
    let shown = missing.to_str().expect("UTF-8 scratch path");
    let mut faults = Vec::new();
    for option in ["--suffix-list", "--suffixes", "--words"] {
        for inline in [false, true] {
            let args: Vec<OsString> = if inline {
                vec![format!("{option}={shown}").into(), "dncheck.cn".into()]
            } else {
                vec![option.into(), missing.clone().into(), "dncheck.cn".into()]
            };
            let args: Vec<&OsStr> = args.iter().map(OsString::as_os_str).collect();
            let line = file_error(&args, &missing, &["cannot read"]);
            let prefix = format!("dncheck: {option} {shown}: cannot read: ");
            let fault = line
                .strip_prefix(&prefix)
                .unwrap_or_else(|| panic!("{line:?} does not start with {prefix:?}"));
            faults.push(fault.trim_end().to_owned());
        }
    }
    // The same words after the prefix, the OS's (with its error number).
    assert!(faults.windows(2).all(|w| w[0] == w[1]), "{faults:?}");
    assert!(faults[0].contains("os error"), "{faults:?}");
}

/// A bad line is named the same way for every file option:
/// `dncheck: OPTION FILE: line N: ...`.
#[test]
fn bad_lines_are_worded_alike() {
    let not_utf8 = temp_file("clap_not_utf8.txt", b"com\nc\xffn\n");
    for option in ["--suffix-list", "--suffixes", "--words"] {
        let line = file_error(
            &[OsStr::new(option), not_utf8.as_os_str()],
            &not_utf8,
            &["line 2: not UTF-8"],
        );
        let prefix = format!("dncheck: {option} {}: line 2: ", not_utf8.display());
        assert!(line.starts_with(&prefix), "{line}");
    }
}

#[test]
fn profile_value_both_spellings() {
    let names = ["_dmarc.dncheck.cn", "www.dncheck.cn"];
    let mut outputs = Vec::new();
    for spelling in [&["--profile", "dns"][..], &["--profile=dns"]] {
        let mut args = spelling.to_vec();
        args.extend(names);
        let (status, values) = json(&args, b"");
        assert_eq!(status, 0, "{args:?}");
        assert_eq!(reasons(&values), ["OK", "OK"], "{args:?}");
        outputs.push(values);
    }
    assert_eq!(outputs[0], outputs[1]);
}

#[test]
fn repeated_option_last_one_counts() {
    let name = "_dmarc.dncheck.cn";
    let (status, values) = json(&["--profile", "registration", "--profile=dns", name], b"");
    assert_eq!((status, reasons(&values)), (0, vec!["OK"]));
    let (status, values) = json(&["--profile=dns", name, "--profile", "registration"], b"");
    assert_eq!((status, reasons(&values)), (1, vec!["invalid_char"]));
    // Flags too may be repeated.
    let (status, values) = json(&["--json", "--private", "--private", "me.github.io"], b"");
    assert_eq!((status, reasons(&values)), (0, vec!["OK"]));
    // File options: only the last file is read (the first does not exist).
    let com = temp_file("repeat_com.txt", b"com\n");
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli/repeat_missing.txt");
    let args = [
        OsStr::new("--json"),
        OsStr::new("--suffixes"),
        missing.as_os_str(),
        OsStr::new("--suffixes"),
        com.as_os_str(),
        OsStr::new("dncheck.com"),
        OsStr::new("dncheck.cn"),
    ];
    let output = run(&args, b"");
    assert_eq!(
        code(&output),
        1,
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(reasons(&json_lines(&output)), ["OK", "unsupported_suffix"]);
}

#[test]
fn lone_dash_is_a_name() {
    for args in [&["-"][..], &["--json", "-"], &["-", "--json"], &["--", "-"]] {
        let output = run(args, b"dncheck.cn\n");
        assert_eq!(code(&output), 1, "{args:?}");
        assert!(output.stderr.is_empty(), "{args:?}");
        let text = stdout(&output);
        // One result, for `-`: standard input is not read.
        assert_eq!(text.lines().count(), 1, "{args:?}: {text}");
        if args.contains(&"--json") {
            let values = json_lines(&output);
            assert_eq!(values[0]["input"], "-");
            assert_eq!(values[0]["reason"], "hyphen");
        } else {
            assert!(text.starts_with("no  -  "), "{text}");
            assert!(text.contains("hyphen"), "{text}");
        }
    }
}

/// Names are the OS's bytes, not clap's strings: an argument that is not
/// UTF-8 is checked (and refused as `invalid_char`) wherever it stands,
/// never a usage error.
#[cfg(unix)]
#[test]
fn invalid_utf8_argument_anywhere() {
    use std::os::unix::ffi::OsStrExt;
    let bad = OsStr::from_bytes(b"\xff\xfe.cn");
    for args in [
        &[bad, OsStr::new("--json")][..],
        &[OsStr::new("--json"), bad],
        &[OsStr::new("--json"), OsStr::new("--"), bad],
        &[
            bad,
            OsStr::new("--profile"),
            OsStr::new("dns"),
            OsStr::new("--json"),
        ],
    ] {
        let output = run(args, b"");
        assert_eq!(code(&output), 1, "{args:?}");
        assert!(output.stderr.is_empty(), "{args:?}");
        let values = json_lines(&output);
        assert_eq!(reasons(&values), ["invalid_char"], "{args:?}");
        assert_eq!(values[0]["input"], "\u{FFFD}\u{FFFD}.cn");
        assert_eq!(values[0]["span"], serde_json::json!([0, 3]));
    }
    // The table too.
    let output = run(&[bad], b"");
    assert_eq!(code(&output), 1);
    let text = String::from_utf8(output.stdout).expect("UTF-8 table");
    assert!(text.starts_with("no  \u{FFFD}\u{FFFD}.cn"), "{text}");
    assert!(text.contains("invalid_char"), "{text}");
}

/// `--reject-mixed-script` refuses what the default flags; `skeleton` is the
/// registrable domain's UTS #39 skeleton, after `span`.
#[test]
fn mixed_script_and_skeleton() {
    let (status, values) = json(&["pаypal.com", "аррӏе.com", "apple.com"], b"");
    assert_eq!(status, 0);
    assert_eq!(
        values[0]["flags"],
        serde_json::json!(["idn", "mixed_script"])
    );
    assert_eq!(values[1]["flags"], serde_json::json!(["idn", "confusable"]));
    assert_eq!(values[1]["skeleton"], values[2]["skeleton"]);
    assert!(values[2]["skeleton"].is_string());
    let (status, values) = json(
        &["--reject-mixed-script", "pаypal.com", "例子abc.中国"],
        b"",
    );
    assert_eq!(status, 1);
    assert_eq!(values[0]["reason"], "mixed_script");
    assert_eq!(values[0]["code"], "InvalidDomainName.Format");
    assert_eq!(values[0]["label"], 0);
    assert_eq!(values[0]["span"], serde_json::json!([0, 7]));
    assert_eq!(values[1]["ok"], true);
    // A refusal of the format stage has no forms, so no skeleton.
    let (_, values) = json(&["a..b"], b"");
    assert_eq!(values[0]["skeleton"], Value::Null);
}

/// `variant_key`: one for `中國.cn`, `中国.cn`, `xn--fiqz9s.cn`, `中国。CN`.
#[test]
fn variant_key_key() {
    let (status, values) = json(
        &["中國.cn", "中国.cn", "xn--fiqz9s.cn", "中国。CN", "a..b"],
        b"",
    );
    assert_eq!(status, 1);
    for v in &values[..4] {
        assert_eq!(v["variant_key"], "xn--fiqs8s.cn", "{v}");
    }
    assert_eq!(values[4]["variant_key"], Value::Null);
}

/// A corpus of varied lines: accepted, refused at each stage, invalid
/// UTF-8, CRLF, empty, long.
fn varied_lines(n: usize) -> Vec<u8> {
    let kinds: [&[u8]; 12] = [
        b"dncheck.cn",
        "例子.中国".as_bytes(),
        b"a..b",
        b"www.dncheck.cn",
        b"example.notatld",
        b"ab\xff.com",
        b"",
        b"secure-login.cn",
        b"xn--fsqu00a.xn--fiqs8s",
        b"WIKIPEDIA.ORG.",
        b"com.cn\r",
        b"192.168.0.1",
    ];
    let mut input = Vec::new();
    for i in 0..n {
        input.extend_from_slice(kinds[i % kinds.len()]);
        if i % 7 == 0 {
            input.extend_from_slice(format!("{i}").as_bytes());
        }
        if i == n / 2 {
            input.extend(std::iter::repeat_n(b'z', 70_000));
        }
        input.push(b'\n');
    }
    input
}

#[test]
fn threads_keep_input_order() {
    let input = varied_lines(5000);
    let file = temp_file("threads-order.txt", &input);
    let one = run(
        &[
            OsStr::new("--json"),
            OsStr::new("--threads=1"),
            OsStr::new("-i"),
            file.as_os_str(),
        ],
        b"",
    );
    assert_eq!(code(&one), 1);
    assert_eq!(stdout(&one).lines().count(), 5000);
    for threads in ["2", "3", "8"] {
        let many = run(
            &[
                OsStr::new("--json"),
                OsStr::new("--threads"),
                OsStr::new(threads),
                OsStr::new("-i"),
                file.as_os_str(),
            ],
            b"",
        );
        assert_eq!(code(&many), 1, "{threads}");
        assert_eq!(many.stdout, one.stdout, "--threads {threads}");
        // Standard input gives the same.
        let piped = run(&["--json", "--threads", threads], &input);
        assert_eq!(piped.stdout, one.stdout, "--threads {threads}, stdin");
    }
    // The table too.
    let one = run(
        &[
            OsStr::new("--threads=1"),
            OsStr::new("-i"),
            file.as_os_str(),
        ],
        b"",
    );
    let two = run(
        &[
            OsStr::new("--threads=2"),
            OsStr::new("-i"),
            file.as_os_str(),
        ],
        b"",
    );
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn inputs_names_then_files_in_order() {
    let a = temp_file("inputs-a.txt", b"a.cn\nb.cn");
    let b = temp_file("inputs-b.txt", b"c.cn\r\n");
    for threads in ["1", "2"] {
        let output = run(
            &[
                OsStr::new("--json"),
                OsStr::new("--threads"),
                OsStr::new(threads),
                OsStr::new("-i"),
                a.as_os_str(),
                OsStr::new("x.cn"),
                OsStr::new("--input=-"),
                OsStr::new("-i"),
                b.as_os_str(),
            ],
            b"stdin.cn\n",
        );
        assert_eq!(
            code(&output),
            0,
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let inputs: Vec<_> = json_lines(&output)
            .iter()
            .map(|v| v["input"].as_str().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(inputs, ["x.cn", "a.cn", "b.cn", "stdin.cn", "c.cn"]);
    }
}

#[test]
fn missing_input_file_exit_2() {
    let output = run(&["-i", "/nonexistent/names.txt", "a.cn"], b"");
    assert_eq!(code(&output), 2);
    assert!(output.stdout.is_empty());
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.starts_with("dncheck: -i /nonexistent/names.txt: cannot read: "),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn summary_on_stderr() {
    let input = b"dncheck.cn\na..b\nwww.dncheck.cn\nexample.notatld\nsecure-login.cn\nz.cn\n";
    for threads in ["1", "2"] {
        let output = run(&["--summary", "--threads", threads], input);
        assert_eq!(code(&output), 1);
        assert_eq!(stdout(&output).lines().count(), 6);
        let err = String::from_utf8_lossy(&output.stderr);
        let rows: Vec<Vec<&str>> = err
            .lines()
            .map(|l| l.split_whitespace().collect())
            .collect();
        let count = |key: &str| {
            rows.iter()
                .find(|r| r.first() == Some(&key))
                .and_then(|r| r.get(1).copied())
                .unwrap_or_else(|| panic!("no row {key}: {err}"))
        };
        assert_eq!(count("names"), "6");
        assert_eq!(count("accepted"), "2");
        assert_eq!(count("refused"), "4");
        assert_eq!(count("empty_label"), "1");
        assert_eq!(count("subdomain"), "1");
        assert_eq!(count("unknown_suffix"), "1");
        assert_eq!(count("restricted_word"), "1");
        assert_eq!(count("cn"), "4");
        assert_eq!(count("notatld"), "1");
    }
    // Without --summary, nothing on stderr.
    let output = run(&["--threads", "2"], input);
    assert!(output.stderr.is_empty());
}

/// With threads, a co-process still gets each answer before it writes the
/// next line.
#[test]
fn answers_each_line_before_eof_with_threads() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dncheck"))
        .args(["--json", "--threads", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn dncheck");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    for name in ["dncheck.cn", "a..b", "例子.中国"] {
        stdin
            .write_all(format!("{name}\n").as_bytes())
            .expect("write");
        stdin.flush().expect("flush");
        let mut answer = String::new();
        stdout.read_line(&mut answer).expect("an answer before EOF");
        let value: Value = serde_json::from_str(&answer).expect("JSON");
        assert_eq!(value["input"], name);
    }
    drop(stdin);
    assert_eq!(child.wait().expect("wait").code(), Some(1));
}

/// A 300 MB line without a newline, streamed from another process: one
/// answer, `too_long`, and the line is never held (the peak RSS of this run
/// is in docs/performance.md, measured with `/usr/bin/time -v`).
#[cfg(unix)]
#[test]
fn huge_line_from_a_stream() {
    const LEN: u64 = 300_000_000;
    let mut writer = Command::new("sh")
        .arg("-c")
        .arg(format!("head -c {LEN} /dev/zero | tr '\\0' a"))
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn the writer");
    let stream = writer.stdout.take().expect("the writer's stdout");
    let output = Command::new(env!("CARGO_BIN_EXE_dncheck"))
        .arg("--json")
        .stdin(Stdio::from(stream))
        .output()
        .expect("run dncheck");
    assert!(writer.wait().expect("wait for the writer").success());
    assert_eq!(code(&output), 1);
    let values = json_lines(&output);
    assert_eq!(values.len(), 1);
    assert_eq!(values[0]["reason"], "too_long");
    assert_eq!(
        values[0]["input"],
        format!("{}…[{LEN} bytes]", "a".repeat(64))
    );
}

/// `--registered`, `--hosted` and `--owner` answer `unregistered`,
/// `not_in_dns` and `duplicate` in Alibaba's order, for names every stage
/// accepted; `--output aliyun` and `--output tencent` write the vendors'
/// bodies; a missing file is worded as the other option files.
#[test]
fn registrar_workflow_options_and_vendor_outputs() {
    let registered = temp_file(
        "wf-registered.txt",
        "example.cn\nmine.cn\nnodns.cn\n例子.中国\n".as_bytes(),
    );
    let hosted = temp_file(
        "wf-hosted.txt",
        "example.cn bob\nmine.cn alice\n例子.中国 bob\n".as_bytes(),
    );
    let files = [
        OsStr::new("--registered"),
        registered.as_os_str(),
        OsStr::new("--hosted"),
        hosted.as_os_str(),
        OsStr::new("--owner"),
        OsStr::new("alice"),
    ];
    let names = [
        "EXAMPLE.cn",
        "mine.cn",
        "nodns.cn",
        "nobody.cn",
        "xn--fsqu00a.中国",
        "a..b",
        "login.cn",
    ];
    let mut args: Vec<&OsStr> = files.to_vec();
    args.push(OsStr::new("--json"));
    args.extend(names.iter().map(OsStr::new));
    let output = run(&args, b"");
    assert_eq!(code(&output), 1);
    let values = json_lines(&output);
    let reasons: Vec<&str> = values
        .iter()
        .map(|v| v["reason"].as_str().unwrap_or("ok"))
        .collect();
    assert_eq!(
        reasons,
        [
            "ok",
            "duplicate",
            "not_in_dns",
            "unregistered",
            "ok",
            "empty_label",
            "restricted_word"
        ]
    );
    assert_eq!(values[1]["code"], "InvalidDomainName.Duplicate");
    assert_eq!(values[2]["code"], "InvalidDomainName.NoExist");
    assert_eq!(values[3]["code"], "InvalidDomainName.Unregistered");
    assert_eq!(values[3]["span"], serde_json::json!([0, 9]));
    // Only the lookups given files run: without --hosted, nothing is
    // `not_in_dns` and nothing a duplicate.
    let output = run(
        &[
            OsStr::new("--json"),
            OsStr::new("--registered"),
            registered.as_os_str(),
            OsStr::new("nodns.cn"),
        ],
        b"",
    );
    assert_eq!(code(&output), 0);

    // Alibaba's bodies.
    let mut args: Vec<&OsStr> = files.to_vec();
    args.extend([
        OsStr::new("--output"),
        OsStr::new("aliyun"),
        OsStr::new("example.cn"),
        OsStr::new("mine.cn"),
    ]);
    let output = run(&args, b"");
    assert_eq!(code(&output), 1);
    let values = vendor_lines(&output);
    assert_eq!(values[0]["DomainName"], "example.cn");
    assert_eq!(values[0]["RequestId"].as_str().map(str::len), Some(36));
    assert!(values[0].get("Code").is_none());
    assert_eq!(values[1]["Code"], "InvalidDomainName.Duplicate");
    assert_eq!(values[1]["HostId"], "alidns.aliyuncs.com");

    // Tencent's bodies: a registered name is not available, a restricted
    // word is a black word, a malformed name an error.
    let output = run(
        &[
            OsStr::new("--output=tencent"),
            OsStr::new("--registered"),
            registered.as_os_str(),
            OsStr::new("dncheck.cn"),
            OsStr::new("example.cn"),
            OsStr::new("login.cn"),
            OsStr::new(""),
        ],
        b"",
    );
    assert_eq!(code(&output), 1);
    let values = vendor_lines(&output);
    assert_eq!(values[0]["Response"]["Available"], true);
    assert_eq!(values[1]["Response"]["Available"], false);
    assert_eq!(values[1]["Response"]["ReasonZh"], "域名已被注册");
    assert_eq!(values[2]["Response"]["BlackWord"], true);
    assert_eq!(
        values[3]["Response"]["Error"]["Code"],
        "MissingParameter.DomainIsEmpty"
    );

    // File errors, worded as for the other option files.
    for option in ["--registered", "--hosted"] {
        let output = run(&[option, "/nonexistent/list.txt", "x.cn"], b"");
        assert_eq!(code(&output), 2);
        assert!(output.stdout.is_empty());
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(
            err.starts_with(&format!(
                "dncheck: {option} /nonexistent/list.txt: cannot read: "
            )),
            "{err}"
        );
    }
}

/// The lines of a vendor output, each a JSON object.
fn vendor_lines(output: &Output) -> Vec<Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect()
}
