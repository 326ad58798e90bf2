//! Uncertainty bands of one region: 10.000 draws from the plausible range
//! of every numeric parameter (16 of them), 2017–2035. Target: under 1 s.

use criterion::{Criterion, criterion_group, criterion_main};
use proyeksi_bidan::model::Scenario;
use proyeksi_bidan::model::uncertainty::{UncertaintySetup, bands};
use std::hint::black_box;

fn uncertainty(c: &mut Criterion) {
    let s = Scenario::example();
    let setup = UncertaintySetup {
        draws: 10_000,
        seed: 1,
        ..UncertaintySetup::default()
    };
    let mut g = c.benchmark_group("bands_one_region");
    g.sample_size(10);
    g.bench_function("10000_draws", |b| {
        b.iter(|| bands(black_box(&s.params), black_box(&s.data), None, &setup).unwrap())
    });
    g.finish();
}

criterion_group!(benches, uncertainty);
criterion_main!(benches);
