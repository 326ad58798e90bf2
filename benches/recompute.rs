//! Recompute of a national village-level table: 84.000 regions, data
//! 2017–2020 projected to 2046 (30 years). Target: under 5 ms, so that
//! dragging a parameter in the window stays smooth.

use criterion::{Criterion, criterion_group, criterion_main};
use proyeksi_bidan::model::{Parameters, PreparedData, Rounding, project, synthetic};
use std::hint::black_box;

fn recompute(c: &mut Criterion) {
    let rows = synthetic::regions(84_000, 20_170);
    let data = PreparedData::new(&rows).expect("synthetic data is valid");
    let mut params = Parameters::default();
    params.population.horizon_year = 2046;

    let mut g = c.benchmark_group("84000_regions_x_30_years");
    g.sample_size(30);
    g.bench_function("project_exact", |b| {
        b.iter(|| project(black_box(&params), black_box(&data)).unwrap())
    });
    let mut published = params.clone();
    published.rounding = Rounding::Published;
    g.bench_function("project_published", |b| {
        b.iter(|| project(black_box(&published), black_box(&data)).unwrap())
    });
    g.bench_function("prepare_data", |b| {
        b.iter(|| PreparedData::new(black_box(&rows)).unwrap())
    });
    g.finish();
}

criterion_group!(benches, recompute);
criterion_main!(benches);
