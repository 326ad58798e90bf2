//! A frame of the window (layout and drawing commands, no GPU) on the
//! Peringkat tab with 84.000 villages, and on the Peta tab with the 34
//! provinces: each must stay under 16 ms. The ranking itself is computed
//! once per choice, not per frame; these figures are what every frame
//! costs while the tab is open.

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use proyeksi_bidan::model::{Scenario, synthetic};
use proyeksi_bidan::ui::files::NativeDialogs;
use proyeksi_bidan::ui::{ProyeksiApp, Settings, Tab};

fn window(scenario: Scenario, tab: Tab) -> Harness<'static, ProyeksiApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |_cc| {
            let mut app = ProyeksiApp::new(
                scenario,
                None,
                Settings::default(),
                Box::new(NativeDialogs::default()),
            );
            app.tab = tab;
            app
        });
    // The first frames compute the results and the ranking.
    h.run_steps(6);
    h
}

fn frames(c: &mut Criterion) {
    let mut villages = Scenario::example();
    villages.data = synthetic::regions(84_000, 20_170);
    villages.params.population.horizon_year = 2046;
    let mut h = window(villages, Tab::Ranking);
    assert!(h.state().results.ranking.is_some());
    c.bench_function("frame: Peringkat tab, 84.000 villages", |b| {
        b.iter(|| h.step())
    });

    let provinces = proyeksi_bidan::io::examples::provinces().expect("bundled sample");
    let mut h = window(provinces, Tab::Map);
    c.bench_function("frame: Peta tab, 34 provinces", |b| b.iter(|| h.step()));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = frames
}
criterion_main!(benches);
