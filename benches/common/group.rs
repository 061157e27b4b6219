//! The criterion group settings shared by `benches/check.rs` and
//! `benches/suffix.rs` (included with `#[path]`): a modest measurement time
//! for a 2-core machine, throughput in names.

use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput};

/// A group named `name` over `names` names per iteration.
pub fn group<'c>(c: &'c mut Criterion, name: &str, names: usize) -> BenchmarkGroup<'c, WallTime> {
    let mut group = c.benchmark_group(name);
    group
        .throughput(Throughput::Elements(names as u64))
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    group
}
