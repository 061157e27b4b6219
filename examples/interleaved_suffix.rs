//! Interleaved timing of the suffix lookup against `psl` and `publicsuffix`
//! on the ASCII names of the bench corpus (the names of `benches/suffix.rs`):
//! the three take turns in short bursts over many rounds
//! (`benches/common/interleave.rs`), and the table reports each one's median
//! ns/name and the median of each round's ratio.
//!
//! ```text
//! cargo run --release --example interleaved_suffix [ROUNDS]
//! ```

use std::hint::black_box;

use dncheck::SuffixList;
use publicsuffix::Psl as _;

#[path = "../benches/common/corpus.rs"]
mod corpus;
#[path = "../benches/common/interleave.rs"]
mod interleave;

const LIST: &str = include_str!("../data/public_suffix_list.dat");

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(41);
    let names = corpus::names_where(|c| matches!(c, "ascii" | "subdomain"));
    let list = SuffixList::embedded();
    let oracle: publicsuffix::List = LIST.parse().unwrap();
    let pass = |f: &dyn Fn(&str) -> usize| names.iter().map(|&n| f(black_box(n))).sum::<usize>();
    let ours = || pass(&|n| list.lookup(n, true).registrable(n).map_or(0, str::len));
    let psl = || pass(&|n| psl::domain(n.as_bytes()).map_or(0, |d| d.as_bytes().len()));
    let publicsuffix = || {
        pass(&|n| {
            oracle
                .domain(n.as_bytes())
                .map_or(0, |d| d.as_bytes().len())
        })
    };
    let t = interleave::rounds(&[&ours, &psl, &publicsuffix], names.len(), rounds);
    println!("| names | dncheck ns/name | psl ns/name | publicsuffix ns/name | psl / dncheck | publicsuffix / dncheck |");
    println!("|---:|---:|---:|---:|---:|---:|");
    println!(
        "| {} | {:.1} | {:.1} | {:.1} | {:.1}x | {:.1}x |",
        names.len(),
        interleave::median(&t[0]),
        interleave::median(&t[1]),
        interleave::median(&t[2]),
        interleave::median_ratio(&t[1], &t[0]),
        interleave::median_ratio(&t[2], &t[0]),
    );
}
