//! The words stage through the checker.

use alloc::string::String;
use alloc::vec::Vec;

use crate::checker::Checker;
use crate::flags::Flag;
use crate::policy::Profile;
use crate::reason::Reason;

/// The words stage through the checker: what is searched (the labels left
/// of the public suffix, in U-label form), and what is not.
#[test]
fn words_stage() {
    use crate::words::WordList;
    let list = WordList::parse("login\tphishing\ncom\n中国\nbank\n赌博\n").unwrap();
    let reg = Checker::builder().words(list.clone()).build();
    let host = Checker::builder()
        .profile(Profile::Hostname)
        .words(list)
        .build();
    let words = |checker: &Checker, name: &str| -> Vec<String> {
        let v = checker
            .check(name)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let hits: Vec<String> = checker
            .restricted(&v)
            .map(|h| alloc::format!("{}@{}", h.word(), &v.unicode()[h.span()]))
            .collect();
        assert_eq!(
            v.flags().contains(Flag::Restricted),
            !hits.is_empty(),
            "{name}"
        );
        hits
    };
    // Case, width, hyphens, homoglyphs: the folding of the matcher.
    assert_eq!(words(&reg, "LOGIN.cn"), ["login@login"]);
    assert_eq!(words(&reg, "ｌｏｇｉｎ.cn"), ["login@login"]);
    assert_eq!(words(&reg, "log-in.cn"), ["login@log-in"]);
    assert_eq!(words(&reg, "b\u{430}nk.com"), ["bank@b\u{430}nk"]);
    // Traditional and simplified Han.
    assert_eq!(words(&reg, "賭博.cn"), ["赌博@賭博"]);
    // Punycode input matches as its Unicode form: 赌博 is xn--9kr716k.
    assert_eq!(words(&reg, "xn--9kr716k.cn"), ["赌博@赌博"]);
    // Never in the suffix: `com` and `中国` are words of the list.
    assert!(words(&reg, "example.com.cn").is_empty());
    assert!(words(&reg, "例子.中国").is_empty());
    assert!(words(&reg, "例子.中國").is_empty());
    assert_eq!(words(&reg, "comics.cn"), ["com@com"]);
    // Never across labels.
    assert!(words(&host, "log.in.example.cn").is_empty());
    // Subdomain labels in the hostname profile.
    assert_eq!(words(&host, "login.example.cn"), ["login@login"]);
    assert_eq!(words(&host, "www.example-bank.cn"), ["bank@bank"]);
    // No words stage.
    let off = Checker::builder().no_words().build();
    assert!(!off
        .check("login.cn")
        .unwrap()
        .flags()
        .contains(Flag::Restricted));
    // The stage runs only on names the suffix stage accepts.
    assert_eq!(
        reg.check("www.login.cn").unwrap_err().reason(),
        Reason::Subdomain
    );
    // The embedded example list is on by default.
    assert!(Checker::default()
        .check("casino.cn")
        .unwrap()
        .flags()
        .contains(Flag::Restricted));
    // `normalize` alone runs no words stage.
    let v = reg.normalize("login.cn").unwrap();
    assert!(!v.flags().contains(Flag::Restricted));
    assert_eq!(reg.restricted(&v).count(), 0);
}
