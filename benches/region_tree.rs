//! A national village table as a tree: 34 provinces > 15 kabupaten > 14
//! kecamatan > 12 desa (85.680 villages, 93.364 regions, each with data
//! 2017–2020), projected to 2046. A recompute must stay under 5 ms as for
//! flat data (the projection, and the window's whole update after an
//! edit); summing the tree (each village rounded up) and ranking a
//! province's kabupaten happen once per choice in the window.

use criterion::BatchSize;
use criterion::{Criterion, criterion_group, criterion_main};
use proyeksi_bidan::model::data::Label;
use proyeksi_bidan::model::explain::{Subject, explain};
use proyeksi_bidan::model::flags::flags;
use proyeksi_bidan::model::ranking::{RankBy, rank_nodes};
use proyeksi_bidan::model::tree_sum::node_rows;
use proyeksi_bidan::model::{
    DataRow, Lang, NeedSum, Parameters, PreparedData, Scenario, project, with_new_need,
};
use proyeksi_bidan::ui::document::{DocState, Results};
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
    // An edit of the antenatal standard or the working time: the window
    // keeps the pregnant women and works out the need again.
    let mut edited = params.clone();
    edited.anc.visits[0].minutes += 5.0;
    g.bench_function("need_only_edit", |b| {
        b.iter_batched(
            || proj.clone(),
            |prev| with_new_need(prev, black_box(&edited)).unwrap(),
            BatchSize::LargeInput,
        )
    });
    // What the window does after an edit (results, warnings, working,
    // staffing of the total shown), for an edit of the visit minutes (the
    // need alone) and of the pregnancy coefficient (the whole projection).
    let mut state = DocState::from_scenario(
        Scenario {
            data: rows.clone(),
            params: params.clone(),
            ..Scenario::example()
        },
        1,
    );
    let mut results = Results::default();
    results.refresh(&state, None, Lang::Id);
    g.bench_function("window_after_minutes_edit", |b| {
        b.iter(|| {
            let m = &mut state.params.anc.visits[0].minutes;
            *m = if *m == 30.0 { 31.0 } else { 30.0 };
            assert!(results.refresh(&state, None, Lang::Id));
        })
    });
    g.bench_function("window_after_coefficient_edit", |b| {
        b.iter(|| {
            let c = &mut state.params.population.coefficient;
            *c = if *c == 1.1 { 1.11 } else { 1.1 };
            assert!(results.refresh(&state, None, Lang::Id));
        })
    });
    // The window's parts after an edit of the population settings.
    g.bench_function("flags", |b| {
        b.iter(|| flags(black_box(&params), &data, &proj))
    });
    g.bench_function("explain_total", |b| {
        b.iter(|| explain(black_box(&params), &data, &proj, Subject::Total, Lang::Id))
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
