//! A national village table as a tree: 34 provinces > 15 kabupaten > 14
//! kecamatan > 12 desa (85.680 villages, 93.364 regions, each with data
//! 2017–2020), projected to 2046. A recompute must stay under 5 ms as for
//! flat data; summing the tree (each village rounded up) and ranking a
//! province's kabupaten happen once per choice in the window.

use criterion::{Criterion, criterion_group, criterion_main};
use proyeksi_bidan::model::data::Label;
use proyeksi_bidan::model::ranking::{RankBy, rank_nodes};
use proyeksi_bidan::model::tree_sum::node_rows;
use proyeksi_bidan::model::{DataRow, NeedSum, Parameters, PreparedData, project};
use std::hint::black_box;

fn tree_rows() -> Vec<DataRow> {
    let mut rows = Vec::new();
    let mut push = |code: String, births: f64| {
        let code = Label::from(code);
        for (k, year) in (2017..=2020).enumerate() {
            rows.push(DataRow {
                region_code: code.clone(),
                year,
                births: (births * (1.0 + 0.01 * k as f64)).into(),
                ..DataRow::default()
            });
        }
    };
    for p in 11..45 {
        push(format!("{p}"), 100_000.0);
        for k in 1..=15 {
            push(format!("{p}.{k:02}"), 8_000.0);
            for c in 1..=14 {
                push(format!("{p}.{k:02}.{c:02}"), 500.0);
                for d in 1..=12 {
                    push(
                        format!("{p}.{k:02}.{c:02}.{:04}", 2000 + d),
                        40.0 + d as f64,
                    );
                }
            }
        }
    }
    rows
}

fn region_tree(c: &mut Criterion) {
    let rows = tree_rows();
    let data = PreparedData::new(&rows).expect("the tree is valid");
    assert!(data.tree.nested);
    let mut params = Parameters::default();
    params.population.horizon_year = 2046;
    let proj = project(&params, &data).expect("projects");

    let mut g = c.benchmark_group("93364_regions_tree_x_30_years");
    g.sample_size(20);
    g.bench_function("project_exact", |b| {
        b.iter(|| project(black_box(&params), black_box(&data)).unwrap())
    });
    g.bench_function("prepare_data", |b| {
        b.iter(|| PreparedData::new(black_box(&rows)).unwrap())
    });
    g.bench_function("total_each_rounded_up", |b| {
        b.iter(|| node_rows(&data, &proj, None, black_box(NeedSum::EachRoundedUp)))
    });
    let province = data.tree.roots[0] as usize;
    let kabupaten: Vec<usize> = data
        .tree
        .children(province)
        .iter()
        .map(|&k| k as usize)
        .collect();
    g.bench_function("rank_a_provinces_kabupaten", |b| {
        b.iter(|| {
            rank_nodes(
                &data,
                &proj,
                2030,
                RankBy::Need,
                black_box(&kabupaten),
                NeedSum::Fte,
            )
        })
    });
    g.finish();
}

criterion_group!(benches, region_tree);
criterion_main!(benches);
