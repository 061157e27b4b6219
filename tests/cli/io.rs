//! Inputs, outputs and exit statuses: arguments and standard input, line endings, invalid UTF-8, long lines, the table, JSON, streaming, usage errors, closed pipes.

use super::*;

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
