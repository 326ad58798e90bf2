//! The "Beban kerja" tab, driven through its widgets in the real app: the
//! figures it shows must be the engine's.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use proyeksi_bidan::model::number::fmt_fixed;
use proyeksi_bidan::model::staffing::{
    ActivityPreset, FinalRounding, IntermediateRounding, Method, StaffingOptions, TargetPopulation,
    VolumeAssumptions, paper_anc_only, staffing, volumes_for_year,
};
use proyeksi_bidan::model::{self, Lang, Scenario};

mod common;
use common::{App, ScriptedDialogs, app_with};

fn app() -> App {
    app_with(ScriptedDialogs::default())
}

fn click(h: &mut App, role: Role, label: &str) {
    h.get_by_role_and_label(role, label).click();
    h.run_steps(4);
}

/// The "Kebutuhan bidan: …" line of the results.
fn required_shown(h: &App) -> String {
    h.get_by_label_contains("Kebutuhan bidan:")
        .value()
        .unwrap_or_default()
}

/// The engine's result for the paper preset, 2017, with these choices.
fn engine(method: Method, rounding: IntermediateRounding) -> f64 {
    let s = Scenario::example();
    let (_, proj) = model::compute(&s).unwrap();
    let (plan, available) = paper_anc_only(&s.params, Lang::Id).unwrap();
    let row = proj.total_row(2017).unwrap();
    let pop = TargetPopulation::from_year_row(row, s.params.population.coefficient);
    let acts = volumes_for_year(&plan, &pop, &VolumeAssumptions::default()).unwrap();
    let options = StaffingOptions {
        method,
        rounding,
        final_rounding: FinalRounding::Nearest,
        existing: None,
    };
    staffing(&acts, &available, &options).unwrap().required
}

#[test]
fn paper_preset_shows_the_engines_midwives_needed() {
    let mut h = app();
    click(&mut h, Role::Button, "Beban kerja");
    // Load the other preset first, so picking the paper preset matters.
    click(
        &mut h,
        Role::Button,
        ActivityPreset::PuskesmasFull.name(Lang::Id),
    );
    let full = required_shown(&h);
    click(
        &mut h,
        Role::Button,
        ActivityPreset::PaperAncOnly.name(Lang::Id),
    );
    let shown = required_shown(&h);
    assert_ne!(shown, full, "the preset did not change the result");

    // The engine's midwives needed for 2017 (exact mode).
    let s = Scenario::example();
    let (_, proj) = model::compute(&s).unwrap();
    let needed = proj.total_row(2017).unwrap().midwives_needed;
    assert_eq!(fmt_fixed(needed, 1, Lang::Id), "11.187,9");
    assert_eq!(
        shown,
        format!("Kebutuhan bidan: {}", fmt_fixed(needed, 2, Lang::Id))
    );
    let exact = engine(Method::Wisn, IntermediateRounding::Exact);
    assert_eq!(
        fmt_fixed(exact, 2, Lang::Id),
        fmt_fixed(needed, 2, Lang::Id)
    );

    // Worksheet rounding: SW to whole units, staff to 2 decimals.
    click(&mut h, Role::RadioButton, "seperti lembar kerja");
    let worksheet = engine(Method::Wisn, IntermediateRounding::Worksheet);
    assert_ne!(
        fmt_fixed(worksheet, 2, Lang::Id),
        fmt_fixed(exact, 2, Lang::Id)
    );
    assert_eq!(
        required_shown(&h),
        format!("Kebutuhan bidan: {}", fmt_fixed(worksheet, 2, Lang::Id))
    );

    // ABK-Kes: the same arithmetic under its own names (JKT, STP).
    click(&mut h, Role::RadioButton, "ABK-Kes (Kemenkes)");
    let abk = engine(Method::Abk, IntermediateRounding::Worksheet);
    assert_eq!(
        required_shown(&h),
        format!("Kebutuhan bidan: {}", fmt_fixed(abk, 2, Lang::Id))
    );
    assert!(h.query_by_label_contains("STP: ").is_some());
    assert!(h.query_by_label_contains("CAF: ").is_none());
}

/// The workload set-up is part of the scenario: changing the method marks
/// the document unsaved, is undone by Ctrl+Z, and is saved and read back.
#[test]
fn the_workload_setup_is_saved_with_the_scenario() {
    use proyeksi_bidan::model::staffing::Method;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("beban.bidan");
    let dialogs = ScriptedDialogs {
        open: Vec::new(),
        save: vec![Some(path.clone())],
    };
    let mut h = app_with(dialogs);
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Beban kerja")
        .click();
    h.run_steps(4);
    // Looking at the tab changes nothing.
    assert!(!h.state().doc.is_dirty());
    h.get_by_role_and_label(egui::accesskit::Role::RadioButton, "ABK-Kes (Kemenkes)")
        .click();
    h.run_steps(4);
    assert_eq!(h.state().doc.state.workload.method, Method::Abk);
    assert!(h.state().doc.is_dirty());
    h.state_mut().command(proyeksi_bidan::ui::Command::Save);
    h.run_steps(4);
    let saved = proyeksi_bidan::io::load_scenario(&path).unwrap();
    assert_eq!(saved.workload.method, Method::Abk);
    assert!(!h.state().doc.is_dirty());
    h.state_mut().command(proyeksi_bidan::ui::Command::Undo);
    h.run_steps(4);
    assert_eq!(h.state().doc.state.workload.method, Method::Wisn);
}

/// An ABK-Kes sheet imported in the workload tab replaces the table; the
/// result is the engine's for that table; a bad sheet changes nothing.
#[test]
fn an_activity_sheet_is_imported_in_the_workload_tab() {
    use proyeksi_bidan::model::staffing::{ActivityKind, VolumeRule};
    let good = std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/activities_puskesmas.csv"
    ));
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("rusak.csv");
    std::fs::write(
        &bad,
        "kegiatan;jenis;norma_waktu;capaian\nRapat;rapat;60;12\n",
    )
    .unwrap();
    let dialogs = ScriptedDialogs {
        open: vec![Some(good), Some(bad)],
        save: Vec::new(),
    };
    let mut h = app_with(dialogs);
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Beban kerja")
        .click();
    h.run_steps(4);
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Impor kegiatan (CSV/Excel)…")
        .click();
    h.run_steps(4);
    let w = &h.state().doc.state.workload;
    assert_eq!(w.plan.len(), 7);
    assert!(w.edited && w.preset.is_none());
    assert_eq!(w.plan[1].activity.name, "Pertolongan persalinan normal");
    assert_eq!(w.plan[1].activity.minutes_per_unit, 120.0);
    assert_eq!(w.plan[0].activity.units_per_year, 1980.0);
    assert_eq!(w.plan[6].activity.kind, ActivityKind::Individual);
    assert!(w.plan.iter().all(|p| p.rule == VolumeRule::Recorded));
    assert!(h.state().doc.is_dirty());
    // The bad sheet: the table stays, the status bar says why.
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Impor kegiatan (CSV/Excel)…")
        .click();
    h.run_steps(4);
    assert_eq!(h.state().doc.state.workload.plan.len(), 7);
    let status = h.state().status.clone().unwrap();
    assert!(
        status.error && status.text.contains("rusak.csv"),
        "{status:?}"
    );
}

/// The volume assumptions are edited in the tab: fewer obstetric
/// complications lower the full-care need exactly as the engine says.
#[test]
fn volume_assumptions_are_edited_in_the_tab() {
    use proyeksi_bidan::model::staffing::{AvailableTime, puskesmas_full};
    let mut h = app();
    click(&mut h, Role::Button, "Beban kerja");
    click(
        &mut h,
        Role::Button,
        ActivityPreset::PuskesmasFull.name(Lang::Id),
    );
    h.get_by_label("Asumsi volume dari penduduk").click();
    h.run_steps(4);
    let field = "Komplikasi obstetri";
    h.get_by_role_and_label(Role::TextInput, field).focus();
    h.run_steps(4);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(2);
    h.get_by_role_and_label(Role::TextInput, field)
        .type_text("10");
    h.run_steps(4);
    let a = h.state().doc.state.workload.assumptions.clone();
    assert_eq!(a.obstetric_complication_percent, 10.0);
    // The engine with the same assumptions, for 2017.
    let s = Scenario::example();
    let (_, proj) = model::compute(&s).unwrap();
    let pop = TargetPopulation::from_year_row(
        proj.total_row(2017).unwrap(),
        s.params.population.coefficient,
    );
    let available =
        AvailableTime::from_working_time(&s.params.working_time, s.params.rounding).unwrap();
    let required = |a: &VolumeAssumptions| {
        let acts = volumes_for_year(&puskesmas_full(Lang::Id), &pop, a).unwrap();
        staffing(&acts, &available, &StaffingOptions::default())
            .unwrap()
            .required
    };
    let expected = required(&a);
    assert!(expected < required(&VolumeAssumptions::default()));
    assert_eq!(
        required_shown(&h),
        format!("Kebutuhan bidan: {}", fmt_fixed(expected, 2, Lang::Id))
    );
}

/// A recorded row of an imported worksheet is switched to a rule that
/// derives its volume from the year's births, so it projects forward; and
/// back to recorded, keeping the volume it had.
#[test]
fn a_row_switches_between_recorded_and_derived_volumes() {
    use proyeksi_bidan::model::staffing::{PerPerson, TargetGroup, VolumeRule};
    let sheet = std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/activities_puskesmas.csv"
    ));
    let dialogs = ScriptedDialogs {
        open: vec![Some(sheet)],
        save: Vec::new(),
    };
    let mut h = app_with(dialogs);
    click(&mut h, Role::Button, "Beban kerja");
    click(&mut h, Role::Button, "Impor kegiatan (CSV/Excel)…");
    assert_eq!(
        h.state().doc.state.workload.plan[0].rule,
        VolumeRule::Recorded
    );
    h.get_by_label("Sumber volume 1").click();
    h.run_steps(4);
    h.get_by_label("ibu hamil × ANC bidan").click();
    h.run_steps(4);
    let rule = h.state().doc.state.workload.plan[0].rule;
    assert_eq!(
        rule,
        VolumeRule::Derived {
            group: TargetGroup::PregnantWomen,
            per_person: PerPerson::AncVisitsByMidwife,
            coverage_percent: 100.0
        }
    );
    // 2017: 1,10 × 4.844.981,65 pregnant women × (6 − 2) midwife visits.
    let expected = 1.1 * 18.5 * 261_890_900.0 / 1000.0 * 4.0;
    h.get_by_label("Sumber volume 1").click();
    h.run_steps(4);
    h.get_by_label("dicatat").click();
    h.run_steps(4);
    let p = &h.state().doc.state.workload.plan[0];
    assert_eq!(p.rule, VolumeRule::Recorded);
    assert!(
        (p.activity.units_per_year - expected).abs() < 1e-6,
        "{}",
        p.activity.units_per_year
    );
}

/// Clicks the available-time choice `label`, checks the tab keeps `choice`
/// and shows `shown`, and that the need shown for 2017 is the engine's
/// with `minutes` available.
fn available_time_choice_gives_the_engines_need(
    label: &str,
    choice: proyeksi_bidan::model::staffing::AvailableChoice,
    shown: &str,
    minutes: f64,
) {
    use proyeksi_bidan::model::staffing::AvailableTime;
    let mut h = app();
    click(&mut h, Role::Button, "Beban kerja");
    click(&mut h, Role::RadioButton, label);
    assert_eq!(h.state().doc.state.workload.available, choice);
    assert!(
        h.get_all_by(|n| n.value().is_some_and(|v| v.contains(shown)))
            .next()
            .is_some(),
        "{shown} not shown"
    );
    let s = Scenario::example();
    let (_, proj) = model::compute(&s).unwrap();
    let (plan, _) = paper_anc_only(&s.params, Lang::Id).unwrap();
    let pop = TargetPopulation::from_year_row(
        proj.total_row(2017).unwrap(),
        s.params.population.coefficient,
    );
    let acts = volumes_for_year(&plan, &pop, &VolumeAssumptions::default()).unwrap();
    let available = AvailableTime::from_minutes(minutes).unwrap();
    let expected = staffing(&acts, &available, &StaffingOptions::default())
        .unwrap()
        .required;
    assert_eq!(
        required_shown(&h),
        format!("Kebutuhan bidan: {}", fmt_fixed(expected, 2, Lang::Id))
    );
}

/// The available time can be the Kemenkes 6-day preset instead of the
/// scenario's WKE; the result is the engine's with that time.
#[test]
fn the_available_time_can_be_the_kemenkes_preset() {
    use proyeksi_bidan::model::staffing::{AvailableChoice, WorkingDays};
    assert_eq!(
        WorkingDays::kemenkes_6_day().available().unwrap().minutes,
        69_300.0
    );
    available_time_choice_gives_the_engines_need(
        "ABK-Kes 6 hari",
        AvailableChoice::Kemenkes6Day,
        "69.300 menit",
        69_300.0,
    );
}

/// The rounded 1.200 hours of many district worksheets is one click away:
/// 72.000 minutes, and the engine's need with that time.
#[test]
fn the_available_time_can_be_the_rounded_1200_hours() {
    available_time_choice_gives_the_engines_need(
        "1.200 jam (dibulatkan)",
        proyeksi_bidan::model::staffing::AvailableChoice::Rounded1200Hours,
        "72.000 menit",
        72_000.0,
    );
}

/// The tab shows the chart of midwives needed by activity per year, with
/// its legend numbered in the table's order.
#[test]
fn the_stacked_chart_is_shown_with_its_legend() {
    use proyeksi_bidan::chart::activity_legend;
    let mut h = app();
    click(&mut h, Role::Button, "Beban kerja");
    h.get_by_label("Kebutuhan bidan per tahun menurut kegiatan (bertumpuk)");
    click(
        &mut h,
        Role::Button,
        ActivityPreset::PuskesmasFull.name(Lang::Id),
    );
    h.get_by_label("Kebutuhan bidan per tahun menurut kegiatan (bertumpuk)");
    let plan = proyeksi_bidan::model::staffing::puskesmas_full(Lang::Id);
    for (i, p) in plan.iter().enumerate() {
        let legend = activity_legend(i, &p.activity.name);
        assert!(
            h.query_by_label(&legend).is_some(),
            "legend entry {legend} not shown"
        );
    }
}

/// File → Ekspor…: the workload chart as SVG, with the tab's activities.
#[test]
fn the_workload_chart_is_exported_from_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("beban.svg");
    let png = dir.path().join("beban.png");
    let mut h = app_with(ScriptedDialogs {
        open: Vec::new(),
        save: vec![Some(svg.clone()), Some(png.clone())],
    });
    click(&mut h, Role::Button, "Beban kerja");
    click(
        &mut h,
        Role::Button,
        ActivityPreset::PuskesmasFull.name(Lang::Id),
    );
    click(&mut h, Role::Button, "Berkas");
    click(&mut h, Role::Button, "Ekspor grafik/tabel…");
    click(&mut h, Role::Button, "Simpan grafik beban kerja SVG…");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("Kebutuhan bidan per tahun menurut kegiatan (bertumpuk)"));
    let plan = proyeksi_bidan::model::staffing::puskesmas_full(Lang::Id);
    for (i, p) in plan.iter().enumerate() {
        let legend = proyeksi_bidan::chart::activity_legend(i, &p.activity.name);
        assert!(text.contains(&legend), "{legend} missing");
    }
    click(&mut h, Role::Button, "Simpan grafik beban kerja PNG…");
    let img = image::open(&png).unwrap();
    assert_eq!((img.width(), img.height()), (1600, 1000));
    let status = h.state().status.clone().unwrap();
    assert!(
        !status.error && status.text.contains("beban.png"),
        "{status:?}"
    );
}
