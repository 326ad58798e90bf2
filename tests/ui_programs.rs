//! The Program tab: the internship schedule and what each intern can
//! expect, edits undone, the 2-day rule, and mentoring with the overdue
//! visit marked and a visit scored item by item.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

mod common;
mod programs_sample;
use common::{App, ScriptedDialogs, app_on};

fn settle(h: &mut App) {
    h.run_steps(6);
}

fn shows(h: &App, text: &str) -> bool {
    h.query_all_by(|n| n.label().or(n.value()).is_some_and(|l| l == text))
        .next()
        .is_some()
}

fn open(h: &mut App, section: &str) {
    h.get_by_role_and_label(Role::Button, "Program").click();
    settle(h);
    h.get_by_role_and_label(Role::Button, section).click();
    settle(h);
}

#[test]
fn internship_schedule_expectations_and_undo() {
    let mut h = app_on(programs_sample::scenario(), ScriptedDialogs::default());
    open(&mut h, "Magang bidan desa");
    assert!(shows(&h, "Jadwal magang"));
    // Bunga: both clinics are full on 3 March, so RB Budi Setia on 4–5 March.
    assert!(shows(&h, "2026-03-04") && shows(&h, "2026-03-05"));
    // The month calendar: March 2026 with Bunga at RB Budi Setia on 4 March.
    assert!(shows(&h, "Maret 2026"));
    assert!(shows(&h, "Bunga · RB Budi Setia"));
    assert!(shows(&h, "Pertemuan kasus bulanan"));
    // Ani: λ = 2 × 1.602 ÷ 365 = 8,78; a mother of Koto Lolo (36 births ×
    // 25% ÷ 365 × 2 = 0,0493) with P = 4,81%, 80% in 66 days.
    assert!(shows(&h, "8,78"));
    assert!(shows(&h, "4,81%"));
    assert!(shows(&h, "66"));
    assert!(shows(&h, "belum ada izin Dinas Kesehatan"));
    assert!(shows(&h, "kemungkinan besar tidak ada ibu dari desanya"));
    // A midwife added, then undone.
    h.get_by_role_and_label(Role::Button, "+ Tambah bidan")
        .click();
    h.run_steps(10);
    let interns = |h: &App| {
        h.state()
            .doc
            .state
            .programs
            .as_ref()
            .map_or(0, |p| p.internship.interns.len())
    };
    assert_eq!(interns(&h), 5);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(10);
    assert_eq!(interns(&h), 4);
}

#[test]
fn three_days_are_refused_with_the_rule() {
    let mut s = programs_sample::scenario();
    if let Some(p) = s.programs.as_mut() {
        p.internship.days = 3;
    }
    let mut h = app_on(s, ScriptedDialogs::default());
    open(&mut h, "Magang bidan desa");
    assert!(shows(
        &h,
        "Lama magang 3 hari tidak dapat diterima. Aturan program: “Lama masa magang maksimal 2 hari.”"
    ));
    assert!(!shows(&h, "Jadwal magang"));
}

#[test]
fn mentoring_marks_the_overdue_and_scores_a_visit() {
    let mut h = app_on(programs_sample::scenario(), ScriptedDialogs::default());
    open(&mut h, "Pendampingan klinis");
    // RSUD's visit of 2 February 2026 is past and not done.
    assert!(h.query_all_by_label("TERLAMBAT").next().is_some());
    assert!(shows(
        &h,
        "CONTOH daftar tilik untuk disunting — bukan instrumen resmi Kementerian Kesehatan"
    ));
    // The January visit: 4 of 8, 50,00%.
    assert!(shows(&h, "50,00%"));
    h.get_by_role_and_label(Role::Button, "2026-01-19 Puskesmas Cigombong")
        .click();
    settle(&mut h);
    assert!(shows(&h, "Jumlah: 4/8 50,00%"));
    // B1 scored 2 instead of 0: 6 of 8 = 75%.
    h.get_by_label("B1 2").click();
    h.run_steps(10);
    let scores = &h
        .state()
        .doc
        .state
        .programs
        .as_ref()
        .unwrap()
        .mentoring
        .visits[0]
        .scores;
    assert_eq!(
        scores.iter().find(|s| s.code == "B1").unwrap().score,
        Some(2)
    );
    assert!(shows(&h, "Jumlah: 6/8 75,00%"));
    // C1 newly scored "1": 7 of 10.
    h.get_by_label("C1 1").click();
    h.run_steps(10);
    assert!(shows(&h, "Jumlah: 7/10 70,00%"));
}

#[test]
fn a_case_is_logged_and_the_indicators_show_the_seed_s_share() {
    // A tall window, so that the case log below the schedule is on screen.
    let mut h = common::app_on_system(
        programs_sample::scenario(),
        Box::new(ScriptedDialogs::default()),
        egui::vec2(1600.0, 2000.0),
    );
    open(&mut h, "Magang bidan desa");
    assert!(shows(&h, "Log kasus (1)"));
    h.get_by_role_and_label(Role::Button, "+ Tambah kasus")
        .click();
    h.run_steps(10);
    let cases = &h
        .state()
        .doc
        .state
        .programs
        .as_ref()
        .unwrap()
        .internship
        .cases;
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[1].intern, "Ani");
    assert!(shows(&h, "Log kasus (2)"));
    h.get_by_role_and_label(Role::Button, "Indikator persalinan")
        .click();
    settle(&mut h);
    // 1.501 of 1.602 deliveries assisted: 93,70%; all in facilities.
    assert!(shows(&h, "93,70%"));
    assert!(shows(&h, "100,00%"));
}

#[test]
fn the_new_midwives_of_the_supply_become_interns() {
    use proyeksi_bidan::model::supply::{Intake, SupplyParams};
    let mut s = programs_sample::scenario();
    s.supply = Some(SupplyParams {
        intake: Intake::Number(3.0),
        ..SupplyParams::default()
    });
    let mut h = app_on(s, ScriptedDialogs::default());
    open(&mut h, "Magang bidan desa");
    // Data to 2026; the projection places 3 new midwives in 2027.
    h.get_by_role_and_label(Role::Button, "Tambah 3 bidan baru dari pasokan (2027)")
        .click();
    h.run_steps(10);
    let p = h.state().doc.state.programs.clone().unwrap();
    let names: Vec<&str> = p
        .internship
        .interns
        .iter()
        .map(|i| i.name.as_str())
        .collect();
    assert_eq!(
        names,
        vec![
            "Ani",
            "Bunga",
            "Citra",
            "Dewi",
            "Bidan baru 2027-1",
            "Bidan baru 2027-2",
            "Bidan baru 2027-3"
        ]
    );
    // They wait for the health office's permission.
    assert!(!p.internship.interns[4].permitted);
}

#[test]
fn indicators_are_imported_from_a_file_in_the_tab() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("indikator.csv");
    std::fs::write(
        &file,
        "tahun;persalinan;ditolong_nakes;di_fasilitas\n2017;1.580;1.540;1.580\n",
    )
    .unwrap();
    let dialogs = ScriptedDialogs {
        open: vec![Some(file)],
        ..ScriptedDialogs::default()
    };
    let mut h = app_on(programs_sample::scenario(), dialogs);
    open(&mut h, "Indikator persalinan");
    h.get_by_role_and_label(Role::Button, "Impor indikator (CSV/Excel)…")
        .click();
    h.run_steps(10);
    let p = h.state().doc.state.programs.clone().unwrap();
    assert_eq!(p.indicators.years.len(), 1);
    assert_eq!(p.indicators.years[0].year, 2017);
    // 1.540 ÷ 1.580 = 97,47%.
    assert!(shows(&h, "97,47%"));
}
