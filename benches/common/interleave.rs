//! Interleaved timing, shared by `benches/interleaved.rs`,
//! `benches/words.rs` and the harness of `scripts/measure.sh ab-suffix`
//! (included with `#[path]`): the functions compared take turns in bursts
//! of about 2 ms over many rounds, so that each round compares them under
//! the same machine load. On a machine whose speed drifts (shared cores,
//! frequency changes), a ratio of adjacent bursts holds up where separate
//! long measurements do not.

use std::hint::black_box;
use std::time::Instant;

/// One pass over all the names; its result is kept from the optimiser.
pub type Pass<'a> = &'a dyn Fn() -> usize;

/// Times `passes` in turns for `rounds` rounds. Returns, per pass, its time
/// in ns per name in each round (`names` names a pass).
pub fn rounds(passes: &[Pass<'_>], names: usize, rounds: usize) -> Vec<Vec<f64>> {
    let burst = |f: Pass<'_>, reps: usize| {
        let start = Instant::now();
        for _ in 0..reps {
            black_box(f());
        }
        start.elapsed().as_nanos() as f64 / (reps * names) as f64
    };
    // Warm up, and size the bursts on the first pass: about 2 ms.
    for &f in passes {
        burst(f, 1);
    }
    let reps = (2_000_000.0 / (burst(passes[0], 1) * names as f64)).ceil() as usize;
    let mut times = vec![Vec::with_capacity(rounds); passes.len()];
    for _ in 0..rounds {
        for (t, &f) in times.iter_mut().zip(passes) {
            t.push(burst(f, reps));
        }
    }
    times
}

/// The median of `v`.
pub fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// The median of the rounds' own ratios `num / den`.
pub fn median_ratio(num: &[f64], den: &[f64]) -> f64 {
    let ratios: Vec<f64> = num.iter().zip(den).map(|(a, b)| a / b).collect();
    median(&ratios)
}
