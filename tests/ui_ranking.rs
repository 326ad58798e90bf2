//! The Peringkat (ranking) tab: every region of the data ranked for a year,
//! shortest of midwives first, by ratio or by need on request, with how many
//! are short and by how much in all.

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use proyeksi_bidan::io::import::{ImportOptions, import_file};
use proyeksi_bidan::model::Scenario;
use proyeksi_bidan::model::ranking::RankBy;

mod common;
use common::{App, ScriptedDialogs, app_on};

fn settle(h: &mut App) {
    h.run_steps(6);
}

/// Kab. Belitung Timur 2023–2024 per puskesmas, with Manggar and Damar
/// given fewer midwives in 2024 than antenatal care needs (1,45 and 0,49).
fn belitung_short() -> Scenario {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/belitung_timur_2023_2024.csv");
    let imported = import_file(&path, &ImportOptions::default(), &mut |_| true).unwrap();
    let mut s = Scenario::example();
    s.data = imported.rows;
    for row in &mut s.data {
        if row.year == 2024 && row.region_name == "Manggar" {
            row.midwives_available = Some(1.0).into();
        }
        if row.year == 2024 && row.region_name == "Damar" {
            row.midwives_available = Some(0.25).into();
        }
    }
    s.params.population.base_year = 2024;
    s.params.population.horizon_year = 2030;
    s
}

fn names(h: &App) -> Vec<String> {
    let ranking = h.state().results.ranking.as_ref().unwrap();
    let (data, _) = h.state().results.ok().unwrap();
    ranking
        .rows
        .iter()
        .map(|r| data.label(r.region).to_string())
        .collect()
}

#[test]
fn the_tab_ranks_the_regions_shortest_first_and_on_request_by_need() {
    let mut h = app_on(belitung_short(), ScriptedDialogs::default());
    h.get_by_role_and_label(Role::Button, "Peringkat").click();
    settle(&mut h);
    // Manggar: 1 for 1,4548 needed (−0,4548); Damar: 0,25 for 0,4912
    // (−0,2412); together 0,6960 short.
    assert_eq!(&names(&h)[..2], ["Manggar", "Damar"]);
    assert!(
        h.query_all_by(|n| n.label().or(n.value()).is_some_and(|l| l.starts_with(
            "2 dari 7 wilayah kurang bidan pada 2024; jumlah kekurangannya 0,70 FTE"
        )))
        .next()
        .is_some()
    );
    // The table lists every region, the last one too.
    assert!(h.query_by_label("Kelapa Kampit").is_some());

    h.get_by_role_and_label(Role::RadioButton, "rasio tersedia ÷ kebutuhan")
        .click();
    settle(&mut h);
    assert_eq!(
        h.state().results.ranking.as_ref().unwrap().by,
        RankBy::Ratio
    );
    // Ratio: Damar 0,25 / 0,4912 = 0,51 before Manggar 1 / 1,4548 = 0,69.
    assert_eq!(&names(&h)[..2], ["Damar", "Manggar"]);

    h.get_by_role_and_label(Role::RadioButton, "kebutuhan (terbesar di atas)")
        .click();
    settle(&mut h);
    assert_eq!(names(&h)[0], "Manggar");
    assert_eq!(h.state().results.ranking.as_ref().unwrap().year, 2024);
}

#[test]
fn without_midwives_in_post_the_ranking_is_by_need_and_says_why() {
    let mut h = app_on(Scenario::example(), ScriptedDialogs::default());
    h.get_by_role_and_label(Role::Button, "Peringkat").click();
    settle(&mut h);
    let ranking = h.state().results.ranking.as_ref().unwrap();
    assert!(!ranking.by_gap);
    assert_eq!(ranking.year, 2020);
    assert_eq!(ranking.rows.len(), 1);
    // The gap and the ratio are greyed; the need shows as chosen.
    let radio = |h: &App, label: &str| {
        let n = h.get_by_role_and_label(Role::RadioButton, label);
        let n = n.accesskit_node();
        (
            n.is_disabled(),
            n.toggled() == Some(egui::accesskit::Toggled::True),
        )
    };
    assert_eq!(radio(&h, "selisih (paling kurang di atas)"), (true, false));
    assert_eq!(radio(&h, "rasio tersedia ÷ kebutuhan"), (true, false));
    assert_eq!(radio(&h, "kebutuhan (terbesar di atas)"), (false, true));
    // The map's choice likewise.
    h.get_by_role_and_label(Role::Button, "Peta").click();
    settle(&mut h);
    assert_eq!(
        radio(&h, "Selisih bidan (tersedia − dibutuhkan)"),
        (true, false)
    );
    assert_eq!(radio(&h, "Bidan dibutuhkan (FTE)"), (false, true));
}

#[test]
fn the_ranking_is_exported_from_the_tab_as_a_table_and_a_chart() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("peringkat.csv");
    let xlsx = dir.path().join("peringkat.xlsx");
    let png = dir.path().join("peringkat.png");
    let mut h = app_on(
        belitung_short(),
        ScriptedDialogs {
            open: vec![],
            save: vec![Some(csv.clone()), Some(xlsx.clone()), Some(png.clone())],
        },
    );
    h.get_by_role_and_label(Role::Button, "Peringkat").click();
    settle(&mut h);
    for label in [
        "Simpan tabel (CSV)…",
        "Simpan tabel (Excel)…",
        "Simpan grafik (PNG)…",
    ] {
        h.get_by_role_and_label(Role::Button, label).click();
        settle(&mut h);
    }
    // Manggar first: 1 midwife for 1,4548 needed.
    let text = std::fs::read_to_string(&csv).unwrap();
    let first: Vec<&str> = text.lines().nth(1).unwrap().split(',').collect();
    assert_eq!(first[0], "1");
    assert_eq!(first[2], "Manggar");
    let gap: f64 = first[6].parse().unwrap();
    assert!((gap + 0.4548).abs() < 1e-3, "{gap}");
    assert_eq!(text.lines().count(), 1 + 7);
    assert!(std::fs::metadata(&xlsx).unwrap().len() > 1000);
    assert_eq!(&std::fs::read(&png).unwrap()[1..4], b"PNG");
}

/// The chart shows as many regions as have room for their names beside
/// their bars (at most 20), and says so when the table holds more.
#[test]
fn the_chart_shows_the_regions_whose_names_fit() {
    let open = |height: f32| {
        let mut h = common::app_on_system(
            proyeksi_bidan::io::examples::provinces().unwrap(),
            Box::new(ScriptedDialogs::default()),
            egui::vec2(1024.0, height),
        );
        h.get_by_role_and_label(Role::Button, "Peringkat").click();
        settle(&mut h);
        h
    };
    let small = open(640.0);
    let n = small.state().ranking_panel.chart_regions();
    assert!((3..20).contains(&n), "{n}");
    let caption = format!("Grafik: {n} wilayah teratas dari 34; tabel di bawah memuat semuanya.");
    small.get_by_label(&caption);

    let tall = open(1600.0);
    assert_eq!(tall.state().ranking_panel.chart_regions(), 20);
    tall.get_by_label("Grafik: 20 wilayah teratas dari 34; tabel di bawah memuat semuanya.");
}
