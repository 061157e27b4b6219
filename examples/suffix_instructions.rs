//! Looks up every ASCII name of the bench corpus (the names of
//! `benches/suffix.rs`) `REPS` times with dncheck's `SuffixList::lookup`,
//! `psl::domain` or `publicsuffix`'s `List::domain`, for counting
//! instructions under callgrind: run it at two repetition counts and divide
//! the difference by the extra lookups, so that the set-up cancels out.
//!
//! ```text
//! cargo build --release --example suffix_instructions
//! valgrind --tool=callgrind target/release/examples/suffix_instructions dncheck 10
//! ```

use std::hint::black_box;

use dncheck::SuffixList;
use publicsuffix::Psl as _;

#[path = "../benches/common/corpus.rs"]
mod corpus;

const LIST: &str = include_str!("../data/public_suffix_list.dat");

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_else(|| "dncheck".into());
    let reps: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(10);
    let names = corpus::names_where(|c| matches!(c, "ascii" | "subdomain"));
    let list = SuffixList::embedded();
    let oracle: Option<publicsuffix::List> =
        (which == "publicsuffix").then(|| LIST.parse().unwrap());
    let ours = |name: &str| {
        list.lookup(name, true)
            .registrable(name)
            .map_or(0, str::len)
    };
    let psl = |name: &str| psl::domain(name.as_bytes()).map_or(0, |d| d.as_bytes().len());
    let publicsuffix = |name: &str| {
        oracle
            .as_ref()
            .unwrap()
            .domain(name.as_bytes())
            .map_or(0, |d| d.as_bytes().len())
    };
    let run = |f: &dyn Fn(&str) -> usize| {
        let mut total = 0usize;
        for _ in 0..reps {
            for &name in &names {
                total += f(black_box(name));
            }
        }
        total
    };
    let total = match which.as_str() {
        "dncheck" => run(&ours),
        "psl" => run(&psl),
        "publicsuffix" => run(&publicsuffix),
        _ => {
            eprintln!("unknown function {which:?}: dncheck, psl or publicsuffix");
            std::process::exit(2);
        }
    };
    println!("{which}: {} names x {reps}, {total} bytes", names.len());
}
