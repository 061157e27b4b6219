//! The programs in `examples/` run and print what they should.
//!
//! `cargo test` builds the examples next to the test binaries
//! (`target/<profile>/examples/`); this runs those builds. A run that did not
//! build them (`cargo test --test examples` alone) has nothing to run, and
//! says so instead of building them with other features.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The example `name` as `cargo test` built it, if it did.
fn example(name: &str) -> Option<PathBuf> {
    // target/<profile>/deps/examples-HASH -> target/<profile>/examples/NAME
    let dir = std::env::current_exe()
        .ok()?
        .parent()?
        .parent()?
        .join("examples");
    let path = dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "{} not built; skipped (run `cargo test` without --test)",
            path.display()
        );
        None
    }
}

/// Runs an example with `args` and `stdin`; its standard output.
fn run(name: &str, args: &[&str], stdin: &str) -> Option<String> {
    let mut child = Command::new(example(name)?)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{name} failed: {:?}", out.status);
    Some(String::from_utf8(out.stdout).unwrap())
}

#[test]
fn check_file_summarises_stdin() {
    let Some(out) = run(
        "check_file",
        &[],
        "例子.中国\r\nab--cd.com\n\nwww.example.cn\nexample.notatld",
    ) else {
        return;
    };
    assert!(out.starts_with("5 names, 1 accepted\n"), "{out}");
    assert!(out.contains("hyphen"), "{out}");
    assert!(out.contains("empty "), "{out}");
    assert!(out.contains("subdomain"), "{out}");
    assert!(out.contains("unknown_suffix"), "{out}");
}

#[test]
fn custom_lists_runs() {
    let Some(out) = run("custom_lists", &[], "") else {
        return;
    };
    assert!(out.contains("shop.cn: ok, shop.cn"), "{out}");
    assert!(out.contains("shop.com: no, unsupported_suffix"), "{out}");
    assert!(out.contains("shop.org: no, unknown_suffix"), "{out}");
    assert!(out.contains("赌博 (gambling) as \"賭博\""), "{out}");
}

#[test]
fn vendor_codes_reads_verdicts() {
    let Some(out) = run("vendor_codes", &["例子。中国", "ab--cd.com"], "") else {
        return;
    };
    assert!(out.contains("ascii        xn--fsqu00a.xn--fiqs8s"), "{out}");
    assert!(
        out.contains("alibaba      InvalidDomainName.Format"),
        "{out}"
    );
    assert!(
        out.contains("tencent      InvalidParameter.DomainNameIsInvalid"),
        "{out}"
    );
    assert!(
        out.contains("where        label 0, bytes 0..6 (\"ab--cd\")"),
        "{out}"
    );
}
