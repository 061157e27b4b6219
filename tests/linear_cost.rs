//! Linear cost: doubling an input at most about doubles the work of
//! checking it, for the shapes that could make a checker superlinear: a
//! megabyte line, 10^5 labels, long runs of combining marks, maximal
//! Punycode. Work is counted in instructions (callgrind), not wall time, so
//! the test holds on a loaded machine.
//!
//! The test runs this very executable under `valgrind --tool=callgrind`,
//! once per shape and size, as a child that checks one input in every
//! profile (`linear_cost_child`, which does nothing unless the environment
//! names a shape). Without valgrind it says so and passes, except under CI
//! (`CI` set), whose script installs it (`.ci/run`).

use std::process::Command;

use dncheck::{Checker, Profile};

const SHAPE: &str = "DNCHECK_LINEAR_SHAPE";
const SIZE: &str = "DNCHECK_LINEAR_SIZE";

/// The input of `shape` with about `n` units of its repeated part.
fn input(shape: &str, n: usize) -> Vec<u8> {
    match shape {
        // One label of n bytes, then a suffix.
        "long-line" => [vec![b'a'; n], b".com".to_vec()].concat(),
        // n labels.
        "many-labels" => [b"a.".repeat(n), b"com".to_vec()].concat(),
        // A letter and n combining marks (U+0301).
        "combining-marks" => ["a".to_owned(), "\u{301}".repeat(n), ".com".to_owned()]
            .concat()
            .into_bytes(),
        // An A-label of n Punycode digits (each `9` a maximal delta digit).
        "punycode" => [b"xn--".to_vec(), vec![b'9'; n], b".com".to_vec()].concat(),
        // The same, upper case and fullwidth dots, so that the general path
        // (mapping, normalisation) sees the whole input.
        "mapped" => ["Ａ".repeat(n), "。com".to_owned()].concat().into_bytes(),
        _ => panic!("unknown shape {shape}"),
    }
}

/// The child: checks the input of the shape and size the environment names.
#[test]
fn linear_cost_child() {
    let (Ok(shape), Ok(size)) = (std::env::var(SHAPE), std::env::var(SIZE)) else {
        return;
    };
    let n: usize = size.parse().expect("a size");
    let input = input(&shape, n);
    for profile in [Profile::Registration, Profile::Hostname, Profile::Dns] {
        let checker = Checker::builder().profile(profile).build();
        let verdict = checker.check_bytes(std::hint::black_box(&input));
        std::hint::black_box(&verdict.map(|v| v.ascii().len()));
    }
}

/// Instructions of one child run, or `None` without valgrind.
fn instructions(shape: &str, n: usize) -> Option<u64> {
    let exe = std::env::current_exe().expect("the test executable");
    let output = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(exe)
        .args([
            "linear_cost_child",
            "--exact",
            "--test-threads=1",
            "--quiet",
        ])
        .env(SHAPE, shape)
        .env(SIZE, n.to_string())
        .output()
        .ok()?;
    assert!(output.status.success(), "{shape} {n}: {output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let refs = stderr
        .lines()
        .find_map(|line| {
            line.split_once("refs:")
                .map(|(_, n)| n.trim().replace(',', ""))
        })
        .unwrap_or_else(|| panic!("no instruction count in {stderr}"));
    Some(refs.parse().expect("a count"))
}

#[test]
fn doubling_the_input_at_most_doubles_the_work() {
    if Command::new("valgrind").arg("--version").output().is_err() {
        // CI installs valgrind (`.ci/run`): there the test must measure.
        assert!(
            std::env::var_os("CI").is_none(),
            "valgrind not found, and CI must measure the linear cost"
        );
        eprintln!("valgrind not found: linear cost not measured");
        return;
    }
    // Sizes in units of each shape's repeated part; the 1 MB line at the
    // largest size of `long-line`.
    let sizes = [1 << 18, 1 << 19, 1 << 20];
    let mut report = Vec::new();
    for shape in [
        "long-line",
        "many-labels",
        "combining-marks",
        "punycode",
        "mapped",
    ] {
        // Combining marks cost most a unit (the general path); smaller
        // sizes keep the run short.
        let sizes = match shape {
            "long-line" => sizes,
            "combining-marks" => [1 << 13, 1 << 14, 1 << 15],
            _ => [1 << 16, 1 << 17, 1 << 18],
        };
        let counts: Vec<u64> = sizes
            .iter()
            .map(|&n| instructions(shape, n).expect("valgrind ran before"))
            .collect();
        // The work of the extra input from n to 2n, and from 2n to 4n: at
        // most a little over twice (the set-up of the process cancels).
        let first = counts[1].saturating_sub(counts[0]);
        let second = counts[2].saturating_sub(counts[1]);
        report.push(format!(
            "{shape}: {counts:?}, increments {first} then {second}"
        ));
        assert!(
            second <= first * 5 / 2 + 200_000,
            "{shape}: superlinear: {counts:?} for sizes {sizes:?}"
        );
    }
    eprintln!("{}", report.join("\n"));
}
