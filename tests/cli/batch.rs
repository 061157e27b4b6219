//! Batch mode: `-i`, `--threads` keeping input order, `--summary`, a co-process with threads, a 300 MB line.

use super::*;

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
