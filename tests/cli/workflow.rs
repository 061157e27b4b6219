//! The registrar workflow: `--registered`, `--hosted`, `--owner`, `--output tencent|aliyun`.

use super::*;

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

/// `--output tencent` answers each line as the library's
/// `TencentResponse::check` answers the name as printed (the request id
/// aside), though it renders the check the command line made already: good
/// and refused names, a registered one, a restricted word, upper case, a
/// suffix-stage refusal, invalid UTF-8.
#[test]
fn tencent_output_is_the_library_response() {
    use dncheck::registrar::{MemoryLookup, TencentResponse};
    use dncheck::Checker;

    let registered = temp_file("tencent-registered.txt", b"taken.cn\n");
    let lines: [&[u8]; 9] = [
        b"example.cn",
        b"TAKEN.cn",
        b"secure-login.com",
        "例子.中国".as_bytes(),
        b"example.notatld",
        b"www.example.com.cn",
        b"a\xffb.com",
        b"-bad-.com",
        b"",
    ];
    let mut stdin = Vec::new();
    for line in lines {
        stdin.extend_from_slice(line);
        stdin.push(b'\n');
    }
    let output = run(
        &[
            OsStr::new("--output=tencent"),
            OsStr::new("--registered"),
            registered.as_os_str(),
        ],
        &stdin,
    );
    let got = vendor_lines(&output);
    assert_eq!(got.len(), lines.len());

    let checker = Checker::default();
    let mut lookup = MemoryLookup::new();
    lookup.add_registered(&checker, "taken.cn\n").unwrap();
    for (line, mut got) in lines.iter().zip(got) {
        let name = String::from_utf8_lossy(line);
        let want = TencentResponse::check(&checker, Some(&lookup), None, &name, None, "id");
        let mut want = serde_json::to_value(&want).unwrap();
        for value in [&mut got, &mut want] {
            let body = value["Response"].as_object_mut().unwrap();
            assert!(body.remove("RequestId").is_some(), "{name:?}: {body:?}");
        }
        assert_eq!(got, want, "{name:?}");
    }
}
