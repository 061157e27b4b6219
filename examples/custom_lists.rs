//! A checker with the application's own lists instead of the embedded
//! ones: a restricted-word list, a Public Suffix List, and the set of
//! suffixes the application sells.
//!
//! ```text
//! cargo run --example custom_lists
//! ```
//!
//! The same lists can be loaded from files: `WordList::from_file`,
//! `SuffixList::from_file` (CLI: `--words`, `--suffix-list`, `--suffixes`).

use dncheck::{Checker, Flag, Reason, SuffixList, WordList};

fn main() {
    // Restricted words: UTF-8, one a line, `#` comments, an optional
    // category after a tab. Words match folded: case, width, hyphens,
    // traditional and simplified Han, Latin/Cyrillic/Greek look-alikes.
    let words = WordList::parse(
        "# our list\n\
         login\tphishing\n\
         赌博\tgambling\n",
    )
    .expect("a valid word list");

    // A suffix list in the Public Suffix List's format (here a tiny one; in
    // practice a newer copy of the real list). The reserved names and the
    // registry rules of the embedded policy apply to it as well.
    let suffixes = SuffixList::parse(
        "// ===BEGIN ICANN DOMAINS===\n\
         com\n\
         cn\n\
         com.cn\n\
         中国\n\
         // ===END ICANN DOMAINS===\n",
    )
    .expect("a valid suffix list");

    let checker = Checker::builder()
        .suffix_list(suffixes)
        // Sell only these (Unicode or A-label form, any case).
        .supported_suffixes(["cn", "中国"])
        .expect("valid suffixes")
        .words(words)
        .build();

    for name in [
        "例子.中国",        // accepted
        "shop.cn",          // accepted
        "shop.com",         // `com` is in the list, but not sold here
        "shop.org",         // `org` is not in this list at all
        "shop.com.cn",      // its suffix is `com.cn`, not `cn`
        "secure-LOG-IN.cn", // a restricted word, folded
        "网上賭博.中国",    // 賭博 (traditional) matches 赌博
    ] {
        match checker.check(name) {
            Ok(v) if v.flags().contains(Flag::Restricted) => {
                let hits: Vec<String> = checker
                    .restricted(&v)
                    .map(|hit| {
                        let category = hit.category().unwrap_or("-");
                        format!(
                            "{} ({category}) as {:?}",
                            hit.word(),
                            &v.unicode()[hit.span()]
                        )
                    })
                    .collect();
                println!("{name}: restricted, {}", hits.join(", "));
            }
            Ok(v) => println!("{name}: ok, {}", v.ascii()),
            Err(e) => {
                assert_ne!(e.reason(), Reason::RestrictedWord);
                println!("{name}: no, {}: {}", e.reason(), e.reason().message());
            }
        }
    }
}
