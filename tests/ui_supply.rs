//! The Pasokan (supply) tab: supply planned from the midwives in post,
//! edited, undone, and the goal seek shown with its check; with data that
//! lack the midwives in post, the tab says which column to add.

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use proyeksi_bidan::io::import::{ImportOptions, import_file};
use proyeksi_bidan::model::number::fmt_fixed;
use proyeksi_bidan::model::supply::SupplyParams;
use proyeksi_bidan::model::supply_outlook::outlook;
use proyeksi_bidan::model::{self, Lang, NeedSum, Scenario};

mod common;
use common::{App, ScriptedDialogs, app_on};

fn settle(h: &mut App) {
    h.run_steps(4);
}

/// Kab. Belitung Timur, 2023 and 2024 per puskesmas, with the midwives in
/// post, projected from 2024 to 2030.
fn belitung() -> Scenario {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/belitung_timur_2023_2024.csv");
    let imported = import_file(&path, &ImportOptions::default(), &mut |_| true).unwrap();
    let mut s = Scenario::example();
    s.name = "Belitung Timur".into();
    s.data = imported.rows;
    s.params.population.base_year = 2024;
    s.params.population.horizon_year = 2030;
    s
}

fn shows(h: &App, text: &str) -> bool {
    h.query_all_by(|n| n.label().or(n.value()).is_some_and(|l| l == text))
        .next()
        .is_some()
}

fn open_tab(h: &mut App) {
    h.get_by_role_and_label(Role::Button, "Pasokan").click();
    settle(h);
}

fn type_into(h: &mut App, name: &str, text: &str) {
    common::retype(h, name, text);
    h.key_press(Key::Enter);
    h.run_steps(8);
}

#[test]
fn supply_is_planned_edited_and_undone_in_the_tab() {
    let mut h = app_on(belitung(), ScriptedDialogs::default());
    open_tab(&mut h);
    assert!(h.state().doc.state.supply.is_none());
    assert!(shows(
        &h,
        "Centang \"Rencanakan pasokan bidan\" untuk melihat apakah bidan yang ada, dikurangi yang keluar dan ditambah penempatan baru, menutup kebutuhan — dan pada tahun berapa."
    ));
    h.get_by_role_and_label(Role::CheckBox, "Rencanakan pasokan bidan (stok dan arus)")
        .click();
    h.run_steps(8);
    assert_eq!(h.state().doc.state.supply, Some(SupplyParams::default()));
    // The total of the seven puskesmas: its midwives in 2024 held with no
    // one leaving and no one new, far above the antenatal need, so the gap
    // is closed from the base year; the table has a row a year.
    assert!(shows(
        &h,
        "Selisih tertutup sejak 2024 dan tetap tertutup sampai akhir proyeksi."
    ));
    assert!(h.query_all_by_label("Kekurangan").next().is_none());
    assert!(h.query_all_by_label("Kelebihan").next().is_some());
    assert!(shows(&h, "2030"));

    type_into(&mut h, "Keluar per tahun", "12,5");
    assert_eq!(
        h.state()
            .doc
            .state
            .supply
            .as_ref()
            .unwrap()
            .attrition_percent,
        12.5
    );
    // The computed stock of 2025 in the table: 2024's stock × 0,875.
    let stock_2024 = h
        .state()
        .results
        .supply
        .as_ref()
        .unwrap()
        .as_ref()
        .unwrap()
        .supply
        .years[0]
        .stock;
    assert!(shows(&h, &fmt_fixed(stock_2024 * 0.875, 2, Lang::Id)));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(
        h.state()
            .doc
            .state
            .supply
            .as_ref()
            .unwrap()
            .attrition_percent,
        0.0
    );
}

#[test]
fn the_target_year_shows_the_intake_that_closes_the_gap_checked() {
    // Few midwives: one in post per puskesmas, so the need is not met.
    let mut s = belitung();
    for row in &mut s.data {
        row.midwives_available = Some(0.25).into();
    }
    s.supply = Some(SupplyParams {
        attrition_percent: 5.0,
        attrition_by_region: Vec::new(),
        ..SupplyParams::default()
    });
    let mut h = app_on(s.clone(), ScriptedDialogs::default());
    open_tab(&mut h);
    assert!(shows(&h, "Selisih belum tertutup sampai 2030."));
    assert!(h.query_all_by_label("Kekurangan").next().is_some());
    h.get_by_role_and_label(Role::CheckBox, "Target: selisih tertutup pada tahun")
        .click();
    h.run_steps(8);
    let by = h.state().doc.state.supply.as_ref().unwrap().close_by;
    assert_eq!(by, Some(2029));
    // The same answer as the engine's goal seek, with its check at zero.
    let (data, proj) = model::compute(&s).unwrap();
    let p = h.state().doc.state.supply.clone().unwrap();
    let goal = outlook(&p, &data, &proj, None, NeedSum::Fte, None)
        .unwrap()
        .goal
        .unwrap();
    let intake = fmt_fixed(goal.intake.unwrap(), 2, Lang::Id);
    let line = format!(
        "Agar selisih tertutup sejak 2029 sampai akhir proyeksi: {intake} bidan baru per tahun (diperiksa: dengan penempatan ini selisih terkecil sejak 2029 = 0,00 FTE)."
    );
    assert!(shows(&h, &line), "{line}");
}

#[test]
fn without_midwives_in_post_the_tab_names_the_column_to_add() {
    let mut s = Scenario::example();
    s.supply = Some(SupplyParams::default());
    let mut h = app_on(s, ScriptedDialogs::default());
    open_tab(&mut h);
    assert!(shows(
        &h,
        "Pasokan dihitung dari jumlah bidan yang bertugas pada tahun dasar 2017, tetapi data ini tidak memuatnya. Tambahkan kolom bidan tersedia (mis. bidan_puskesmas) untuk tahun 2017 di tab Data atau di berkas data."
    ));
}

#[test]
fn a_puskesmas_leaves_at_its_own_rate_and_the_total_weighs_it() {
    let mut s = belitung();
    s.supply = Some(SupplyParams {
        attrition_percent: 5.0,
        ..SupplyParams::default()
    });
    let mut h = app_on(s.clone(), ScriptedDialogs::default());
    open_tab(&mut h);
    // The total has no own rate to set.
    assert!(
        h.query_all_by_label_contains("Laju sendiri untuk")
            .next()
            .is_none()
    );
    h.state_mut().region = Some(0);
    settle(&mut h);
    let (data, proj) = model::compute(&s).unwrap();
    let name = data.label(0).to_string();
    // The key a region is known by: its code, or its name without one.
    let code = if data.codes[0].trim().is_empty() {
        data.names[0].clone()
    } else {
        data.codes[0].clone()
    };
    h.get_by_role_and_label(Role::CheckBox, &format!("Laju sendiri untuk {name}"))
        .click();
    h.run_steps(6);
    type_into(&mut h, "laju keluar sendiri", "20");
    let p = h.state().doc.state.supply.clone().unwrap();
    assert_eq!(p.own_attrition(code.trim()), Some(20.0));
    assert!(shows(
        &h,
        "Laju keluar yang dipakai: 20% setahun (laju wilayah ini sendiri)."
    ));
    // The total: the seven puskesmas' rates weighted by their midwives in
    // 2024, worked here from the data.
    let stocks: Vec<f64> = (0..data.regions())
        .map(|r| proj.region_row(&data, r, 2024).midwives_available.unwrap())
        .collect();
    let total: f64 = stocks.iter().sum();
    let weighted = (stocks[0] * 20.0 + (total - stocks[0]) * 5.0) / total;
    h.state_mut().region = None;
    settle(&mut h);
    let o = outlook(&p, &data, &proj, None, NeedSum::Fte, None).unwrap();
    assert!((o.attrition.percent - weighted).abs() < 1e-9);
    let text = format!(
        "Laju keluar yang dipakai: {} setahun (rata-rata laju tiap wilayah, ditimbang dengan bidan yang bertugas tahun 2024).",
        proyeksi_bidan::model::number::fmt_percent(weighted / 100.0, 2, Lang::Id)
    );
    assert!(shows(&h, &text), "{text}");
    // Undo takes back the 20% (the own rate starts at the rate for all),
    // then the own rate itself.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    let p = h.state().doc.state.supply.clone().unwrap();
    assert_eq!(p.own_attrition(code.trim()), Some(5.0));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    let p = h.state().doc.state.supply.clone().unwrap();
    assert!(p.attrition_by_region.is_empty());
}
