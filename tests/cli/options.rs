//! The command line itself: `--help`, option files worded alike, option spellings, repeats, `-`, bytes that are not UTF-8; the look-alike keys.

use super::*;

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
