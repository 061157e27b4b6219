//! The Public Suffix List's own tests, read off `Verdict::registrable` of a
//! checker over the whole list (ICANN and PRIVATE, as the tests assume):
//! `tests/data/test_psl.txt` (`checkPublicSuffix('a.b.example.com',
//! 'example.com');`) and `tests/data/psl_tests.txt` (`a.b.example.com
//! example.com`). `null` means no input or no registrable domain.
//!
//! Inputs are spelled as users type them (upper case, U-labels, a leading
//! dot), so each is normalised first; the expected domain likewise. An input
//! the normaliser refuses must expect `null`. (tests/cli/suffix_stage.rs runs the same
//! tests through the binary.)

use dncheck::{Checker, Profile, SuffixList};

/// `(line number, input, expected)`; `None` for `null`.
type Case<'a> = (usize, Option<&'a str>, Option<&'a str>);

fn unquote(s: &str) -> Option<&str> {
    let s = s.trim();
    if s == "null" {
        None
    } else {
        Some(
            s.strip_prefix('\'')
                .and_then(|s| s.strip_suffix('\''))
                .unwrap_or_else(|| panic!("not quoted: {s}")),
        )
    }
}

fn test_psl_cases(text: &str) -> Vec<Case<'_>> {
    let mut cases = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let Some(args) = line.trim().strip_prefix("checkPublicSuffix(") else {
            continue;
        };
        let args = args
            .strip_suffix(");")
            .unwrap_or_else(|| panic!("line {}: {line}", i + 1));
        let (input, expected) = args
            .split_once(',')
            .unwrap_or_else(|| panic!("line {}: {line}", i + 1));
        cases.push((i + 1, unquote(input), unquote(expected)));
    }
    cases
}

fn psl_tests_cases(text: &str) -> Vec<Case<'_>> {
    let mut cases = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        let (input, expected) = line
            .split_once(' ')
            .unwrap_or_else(|| panic!("line {}: {line}", i + 1));
        let expected = expected.trim();
        cases.push((
            i + 1,
            (input != "null").then_some(input),
            (expected != "null").then_some(expected),
        ));
    }
    cases
}

/// Runs the cases; returns (passed, refused by the checker).
fn run(file: &str, cases: &[Case<'_>]) -> (usize, usize) {
    // The whole list (the tests assume it), and `Verdict::registrable` as
    // the suffix stage fills it: also when the policy then refuses the name
    // (`example.com` is `reserved`, `com` a `public_suffix`).
    let checker = Checker::builder()
        .profile(Profile::Dns)
        .private(true)
        .build();
    let mut failures = Vec::new();
    let mut refused = 0;
    for &(line, input, expected) in cases {
        let expected_key = expected.map(|e| {
            checker
                .normalize(e)
                .unwrap_or_else(|r| panic!("{file}:{line}: expected {e:?} refused: {r}"))
                .ascii()
                .to_owned()
        });
        let got = match input.map(|i| checker.normalize(i)) {
            None => None,
            Some(Err(_)) => {
                refused += 1;
                if expected.is_some() {
                    failures.push(format!(
                        "{file}:{line}: {input:?} refused, expected {expected:?}"
                    ));
                }
                continue;
            }
            Some(Ok(mut v)) => {
                let _policy = checker.check_normalized(&mut v);
                assert!(v.suffix().is_some(), "{file}:{line}: no suffix filled");
                // The table answers alike for the U-label form.
                let unicode = v.unicode();
                let from_unicode = SuffixList::embedded()
                    .lookup(unicode, true)
                    .registrable(unicode)
                    .map(|r| checker.normalize(r).unwrap().ascii().to_owned());
                assert_eq!(
                    from_unicode.as_deref(),
                    v.registrable(),
                    "{file}:{line}: {unicode:?} looked up as U-labels"
                );
                v.registrable().map(str::to_owned)
            }
        };
        if got != expected_key {
            failures.push(format!(
                "{file}:{line}: {input:?}: got {got:?}, expected {expected_key:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    (cases.len(), refused)
}

#[test]
fn test_psl_txt() {
    let cases = test_psl_cases(include_str!("data/test_psl.txt"));
    let (passed, refused) = run("test_psl.txt", &cases);
    // 78 checks (one with a null input); the checker refuses exactly the
    // four leading-dot names (`.com`, `.example`, ...: empty_label).
    assert_eq!((passed, refused), (78, 4));
}

#[test]
fn psl_tests_txt() {
    let cases = psl_tests_cases(include_str!("data/psl_tests.txt"));
    let (passed, refused) = run("psl_tests.txt", &cases);
    // The same 78 checks as test_psl.txt, in libpsl's format.
    assert_eq!((passed, refused), (78, 4));
}
