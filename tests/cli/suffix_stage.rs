//! The suffix stage through the binary: suffixes and registrable domains, its reasons, the profiles, `--private`, `--suffix-list` and `--suffixes`, the PSL's own tests.

use super::*;

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
    for (i, line) in include_str!("../data/test_psl.txt").lines().enumerate() {
        let Some(args) = line.trim().strip_prefix("checkPublicSuffix(") else {
            continue;
        };
        let args = args.strip_suffix(");").expect("`);`");
        let (input, expected) = args.split_once(',').expect("two arguments");
        cases.push(("test_psl.txt", i + 1, unquote(input), unquote(expected)));
    }
    for (i, line) in include_str!("../data/psl_tests.txt").lines().enumerate() {
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
