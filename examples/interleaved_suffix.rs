//! Interleaved timing of the suffix lookup against `psl` and `publicsuffix`
//! on the ASCII names of the bench corpus (the names of `benches/suffix.rs`):
//! the three take turns in short bursts over many rounds, and the table
//! reports each one's median ns/name and the median of each round's ratio.
//!
//! ```text
//! cargo run --release --example interleaved_suffix [ROUNDS]
//! ```

use std::hint::black_box;
use std::time::Instant;

use dncheck::SuffixList;
use publicsuffix::Psl as _;

#[path = "../benches/common/corpus.rs"]
mod corpus;

const LIST: &str = include_str!("../data/public_suffix_list.dat");

/// ns per name for one burst of `reps` passes over `names`.
fn burst(names: &[&str], reps: usize, f: &dyn Fn(&str) -> usize) -> f64 {
    let start = Instant::now();
    let mut total = 0usize;
    for _ in 0..reps {
        for &name in names {
            total += f(black_box(name));
        }
    }
    black_box(total);
    start.elapsed().as_nanos() as f64 / (reps * names.len()) as f64
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(41);
    let names = corpus::names_where(|c| matches!(c, "ascii" | "subdomain"));
    let list = SuffixList::embedded();
    let oracle: publicsuffix::List = LIST.parse().unwrap();
    let ours = |n: &str| list.lookup(n, true).registrable(n).map_or(0, str::len);
    let psl = |n: &str| psl::domain(n.as_bytes()).map_or(0, |d| d.as_bytes().len());
    let publicsuffix = |n: &str| {
        oracle
            .domain(n.as_bytes())
            .map_or(0, |d| d.as_bytes().len())
    };
    let fs: [&dyn Fn(&str) -> usize; 3] = [&ours, &psl, &publicsuffix];
    // About 1 ms of dncheck per burst.
    let reps = (1_000_000 / (names.len() * 25)).max(1);
    for f in fs {
        burst(&names, reps, f);
    }
    let mut times = [vec![], vec![], vec![]];
    let mut ratios = [vec![], vec![]];
    for _ in 0..rounds {
        let t: Vec<f64> = fs.iter().map(|f| burst(&names, reps, *f)).collect();
        for i in 0..3 {
            times[i].push(t[i]);
        }
        ratios[0].push(t[1] / t[0]);
        ratios[1].push(t[2] / t[0]);
    }
    println!("| names | dncheck ns/name | psl ns/name | publicsuffix ns/name | psl / dncheck | publicsuffix / dncheck |");
    println!("|---:|---:|---:|---:|---:|---:|");
    println!(
        "| {} | {:.1} | {:.1} | {:.1} | {:.1}x | {:.1}x |",
        names.len(),
        median(&mut times[0]),
        median(&mut times[1]),
        median(&mut times[2]),
        median(&mut ratios[0]),
        median(&mut ratios[1]),
    );
}
