//! The region tree beside the parameters: a file of several levels shows
//! its regions as a tree under the total; choosing a region shows its
//! figures (summed over the regions under it), and the Peringkat tab ranks
//! the regions directly under it.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use proyeksi_bidan::model::{DataRow, Scenario};

mod common;
use common::{App, ScriptedDialogs, app_on, retype};

/// Midwives needed per pregnant woman: 146,58 / 69.825.
const SHARE: f64 = 146.58 / 69_825.0;

fn settle(h: &mut App) {
    h.run_steps(4);
}

fn shows(h: &App, text: &str) -> bool {
    h.query_all_by_value(text).next().is_some() || h.query_by_label(text).is_some()
}

/// Kab. Bogor (32.01, its own row 3.000 pregnant women) > Kec. Cibinong
/// (32.01.05) > Puskesmas Cibinong (1.000, 2 midwives) and Pabuaran (1.500,
/// 4); Kab. Bogor > Kec. Citeureup (32.01.06, 400, 1). 10 % growth a year.
fn kabupaten() -> Scenario {
    let mut s = Scenario::example();
    let region = |code: &str, name: &str, parent: &str, pw: f64, midwives: f64| {
        [(2023, pw), (2024, pw * 1.1)].map(|(year, w)| {
            let mut r = DataRow {
                region_code: code.into(),
                region_name: name.into(),
                year,
                pregnant_women: Some(w).into(),
                midwives_available: Some(midwives).into(),
                ..Default::default()
            };
            r.set_parent_code(parent);
            r
        })
    };
    s.data = [
        region("32.01", "Kab. Bogor", "", 3_000.0, 6.0),
        region("32.01.05", "Kec. Cibinong", "", 2_500.0, 5.0),
        region("P3201051", "Puskesmas Cibinong", "32.01.05", 1_000.0, 2.0),
        region("P3201052", "Puskesmas Pabuaran", "32.01.05", 1_500.0, 4.0),
        region("32.01.06", "Kec. Citeureup", "", 400.0, 1.0),
    ]
    .concat();
    s.params.population.base_year = 2023;
    s.params.population.horizon_year = 2025;
    s
}

fn pick(h: &mut App, label: &str) {
    h.get_by(|n| n.role() != Role::TextInput && n.label().as_deref() == Some(label))
        .click();
    settle(h);
}

#[test]
fn choosing_a_region_in_the_tree_shows_its_figures() {
    let mut h = app_on(kabupaten(), ScriptedDialogs::default());
    // The total is the root: the three regions with nothing under them.
    assert!(shows(&h, "Total (3 wilayah)"));
    assert!(shows(&h, "32.01 Kab. Bogor"));
    assert!(shows(&h, "32.01.05 Kec. Cibinong"));
    // The puskesmas are under a closed kecamatan.
    assert!(!shows(&h, "P3201051 Puskesmas Cibinong"));
    // The total's gap in 2024: 7 − 3.190 × share = 7 − 6,70 = +0,3.
    assert!(shows(&h, "Selisih bidan 2024: +0,3 FTE"));

    pick(&mut h, "32.01.05 Kec. Cibinong");
    assert_eq!(h.state().region, Some(1));
    // Cibinong: 6 − 2.750 × share = 6 − 5,77 = +0,2.
    assert!((6.0 - 2_750.0 * SHARE - 0.227).abs() < 0.001);
    assert!(shows(&h, "Selisih bidan 2024: +0,2 FTE"));
    let rows = h.state().shown_rows();
    assert_eq!(rows[0].pregnant_women, 2_500.0);
    assert!((rows[2].projected_pregnant_women - 3_025.0).abs() < 1e-6);

    // Its puskesmas are shown now; Pabuaran: 4 − 1.650 × share = +0,5.
    pick(&mut h, "P3201052 Puskesmas Pabuaran");
    assert_eq!(h.state().region, Some(3));
    assert!(shows(&h, "Selisih bidan 2024: +0,5 FTE"));

    // The kabupaten: its own row says 3.000, the regions under it 2.900;
    // shown are the 2.900, and the working names the difference.
    pick(&mut h, "32.01 Kab. Bogor");
    assert_eq!(h.state().shown_rows()[0].pregnant_women, 2_900.0);
    let steps = &h.state().results.steps;
    let tree = steps
        .iter()
        .find(|s| s.id == "tree_sum")
        .expect("tree step");
    assert!(
        tree.note.contains("3.000") && tree.note.contains("2.900"),
        "{}",
        tree.note
    );

    pick(&mut h, "Total (3 wilayah)");
    assert_eq!(h.state().region, None);
    assert!(shows(&h, "Selisih bidan 2024: +0,3 FTE"));
}

#[test]
fn the_search_finds_a_region_by_code_or_name() {
    let mut h = app_on(kabupaten(), ScriptedDialogs::default());
    h.get_by_role_and_label(Role::TextInput, "Cari di pohon wilayah")
        .click();
    settle(&mut h);
    h.get_by_role_and_label(Role::TextInput, "Cari di pohon wilayah")
        .type_text("pabuaran");
    settle(&mut h);
    pick(&mut h, "P3201052 Puskesmas Pabuaran — puskesmas");
    assert_eq!(h.state().region, Some(3));
    assert!(shows(&h, "Selisih bidan 2024: +0,5 FTE"));
}

#[test]
fn the_ranking_ranks_the_regions_under_the_chosen_one() {
    let mut h = app_on(kabupaten(), ScriptedDialogs::default());
    h.get_by_role_and_label(Role::Button, "Peringkat").click();
    settle(&mut h);
    pick(&mut h, "32.01.05 Kec. Cibinong");
    settle(&mut h);
    let codes = |h: &App| -> Vec<String> {
        let state = h.state();
        let (d, _) = state.results.ok().unwrap();
        let ranking = state.results.ranking.as_ref().unwrap();
        ranking
            .rows
            .iter()
            .map(|r| d.codes[r.region].clone())
            .collect()
    };
    // 2024: Cibinong puskesmas 2 for 2,31 (−0,31) first, Pabuaran +0,54.
    assert_eq!(codes(&h), ["P3201051", "P3201052"]);
    assert!(shows(&h, "Puskesmas Cibinong"));
    // The total ranks the kabupaten's level: the one region at the top.
    pick(&mut h, "32.01 Kab. Bogor");
    settle(&mut h);
    assert_eq!(codes(&h), ["32.01.06", "32.01.05"]);
}

/// The Data tab shows each row's parent code beside its code, and a new
/// parent moves the region in the tree: Puskesmas Cibinong put under Kec.
/// Citeureup makes Citeureup a region with a region under it, so its need
/// is that puskesmas's (1.000 pregnant women), not its own row's 400.
#[test]
fn the_data_tab_edits_the_parent_code_and_the_tree_follows() {
    let mut h = app_on(kabupaten(), ScriptedDialogs::default());
    h.get_by_role_and_label(Role::Button, "Data").click();
    settle(&mut h);
    // Rows 5 and 6 are Puskesmas Cibinong's 2023 and 2024.
    let field = "Kode induk baris 5";
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, field)
            .value()
            .as_deref(),
        Some("32.01.05")
    );
    retype(&mut h, field, "32.01.06");
    let data = &h.state().doc.state.data;
    assert_eq!(data[4].parent_code(), "32.01.06");
    assert_eq!(data[4].region_code.as_str(), "P3201051");
    assert_eq!(data[5].parent_code(), "32.01.05");
    let problem = h
        .state()
        .results
        .error()
        .expect("a region under two parents");
    assert!(
        problem
            .message(proyeksi_bidan::model::Lang::Id)
            .contains("P3201051"),
        "{}",
        problem.message(proyeksi_bidan::model::Lang::Id)
    );
    // Until its 2024 row moves too, the region is under two parents, which
    // the window names as a problem; then the tree builds again.
    retype(&mut h, "Kode induk baris 6", "32.01.06");
    let (d, p) = h.state().results.ok().expect("the tree builds");
    let citeureup = d.names.iter().position(|n| n == "Kec. Citeureup").unwrap();
    let rows = proyeksi_bidan::model::tree_sum::node_rows(
        d,
        p,
        Some(citeureup),
        proyeksi_bidan::model::NeedSum::Fte,
    );
    assert!(
        (rows[0].pregnant_women - 1_000.0).abs() < 1e-6,
        "{}",
        rows[0].pregnant_women
    );
    assert!((rows[0].midwives_needed - 1_000.0 * SHARE).abs() < 1e-9);
    // Kec. Cibinong keeps Puskesmas Pabuaran alone.
    let cibinong = d.names.iter().position(|n| n == "Kec. Cibinong").unwrap();
    let rows = proyeksi_bidan::model::tree_sum::node_rows(
        d,
        p,
        Some(cibinong),
        proyeksi_bidan::model::NeedSum::Fte,
    );
    assert!((rows[0].pregnant_women - 1_500.0).abs() < 1e-6);
}

/// Beside the region tree on a 1024-point window the summary's items move
/// to the next line whole: no figure is parted from its name or unit.
#[test]
fn the_summary_keeps_each_figure_whole_on_a_narrow_window() {
    let mut h = common::app_on_system(
        kabupaten(),
        Box::new(ScriptedDialogs::default()),
        egui::vec2(1024.0, 640.0),
    );
    pick(&mut h, "32.01.05 Kec. Cibinong");
    let line = h.get_by_label_contains("WKE: 69.825 menit").rect().height();
    for item in ["%WKE:", "Kebutuhan bidan 2025:", "Selisih bidan 2024:"] {
        let r = h.get_by_label_contains(item).rect();
        assert!(r.height() < 1.5 * line, "{item} wraps: {r:?}");
    }
}
