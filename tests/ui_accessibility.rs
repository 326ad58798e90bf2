//! Every widget of every tab has a name a screen reader can say: the
//! harness checks the window's accessibility tree when the window has
//! settled, and fails on a control without a name (a year list, a row's
//! choice) before a planner who relies on a reader meets it.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use proyeksi_bidan::model::Scenario;
use proyeksi_bidan::ui::files::NativeDialogs;
use proyeksi_bidan::ui::{ProyeksiApp, Settings, Tab};

const TABS: [Tab; 10] = [
    Tab::Projection,
    Tab::Table,
    Tab::Working,
    Tab::Workload,
    Tab::Supply,
    Tab::Ranking,
    Tab::Analysis,
    Tab::Map,
    Tab::Data,
    Tab::Programs,
];

/// Opens the window on `tab` and lets it settle; the builder's run checks
/// that no widget lacks an accessible name and panics naming it if one does.
fn open_on(scenario: Scenario, tab: Tab) -> Harness<'static, ProyeksiApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(40)
        .build_eframe(move |_cc| {
            let mut app = ProyeksiApp::new(
                scenario,
                None,
                Settings::default(),
                Box::<NativeDialogs>::default(),
            );
            app.tab = tab;
            app
        })
}

#[test]
fn every_tab_of_the_example_names_its_widgets() {
    for tab in TABS {
        let h = open_on(Scenario::example(), tab);
        assert_eq!(h.state().tab, tab);
        // The menu is there on every tab, so the tree was built.
        h.get_by_label("Berkas");
    }
}

#[test]
fn every_tab_of_the_province_sample_names_its_widgets() {
    let provinces = proyeksi_bidan::io::examples::provinces().expect("bundled sample");
    for tab in TABS {
        let h = open_on(provinces.clone(), tab);
        assert_eq!(h.state().tab, tab);
        h.get_by_label("Berkas");
    }
}
