//! The Analisis tab: scenarios pinned and compared with the current one,
//! the tornado of a chosen year, and the uncertainty bands drawn in the
//! background and shown on the Proyeksi chart and the Tabel tab; each
//! exported from the window.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use proyeksi_bidan::model::compare::{NeedFrom, compare_scenarios, variants};
use proyeksi_bidan::model::number::fmt_fixed;
use proyeksi_bidan::model::sensitivity::{Step, sensitivity};
use proyeksi_bidan::model::uncertainty::{UncertaintySetup, bands};
use proyeksi_bidan::model::{Lang, Scenario};
use proyeksi_bidan::ui::analysis::bands_job::BandsStatus;

mod common;
use common::{App, ScriptedDialogs, app_on, app_with};

fn settle(h: &mut App) {
    h.run_steps(4);
}

fn shows(h: &App, text: &str) -> bool {
    h.query_all_by(|n| n.label().or(n.value()).is_some_and(|l| l == text))
        .next()
        .is_some()
}

fn click(h: &mut App, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    settle(h);
}

fn open(h: &mut App, part: &str) {
    click(h, "Analisis");
    click(h, part);
}

/// Runs frames until the bands are drawn (at most about a minute).
fn wait_for_bands(h: &mut App) {
    for _ in 0..600 {
        if !matches!(
            h.state().analysis.bands.status(),
            BandsStatus::Running { .. }
        ) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        h.run_steps(1);
    }
    settle(h);
}

#[test]
fn the_visit_standards_are_pinned_and_compared_year_by_year() {
    let mut h = app_with(ScriptedDialogs::default());
    open(&mut h, "Bandingkan skenario");
    assert!(shows(
        &h,
        "Sematkan sedikitnya satu skenario untuk melihat perbandingannya."
    ));
    click(&mut h, "Standar 4, 6 dan 8 kunjungan ANC");
    h.run_steps(4);
    // The example has the 4-visit standard: the 6 and 8 visits are pinned
    // as B and C.
    let pins = &h.state().analysis.pins();
    assert_eq!(pins.len(), 2);
    let visits: Vec<usize> = pins
        .iter()
        .map(|p| p.scenario.params.anc.visits.len())
        .collect();
    assert_eq!(visits, [6, 8]);
    assert!(shows(&h, "B − A") && shows(&h, "C − A"));
    // The differences are the engine's, in the planner's format: more
    // visits, more midwives, every year.
    let base = Scenario::example();
    let mut list = vec![base.clone()];
    list.extend(
        variants(&base, "anc_visits=6,8", Lang::Id)
            .unwrap()
            .into_iter()
            .map(|v| v.scenario),
    );
    let c = compare_scenarios(&list, None).unwrap();
    let y2017 = &c.scenarios[1].years[0];
    assert_eq!(y2017.year, 2017);
    assert!(y2017.difference.midwives_needed > 0.0);
    let diff = format!(
        "+{}",
        fmt_fixed(y2017.difference.midwives_needed, 2, Lang::Id)
    );
    assert!(shows(&h, &diff), "{diff}");
    let a2017 = fmt_fixed(c.scenarios[0].years[0].figures.midwives_needed, 2, Lang::Id);
    assert!(shows(&h, &a2017), "{a2017}");
    // Unpinning C leaves A and B.
    let unpin: Vec<_> = h.query_all_by_label("Lepas sematan").collect();
    assert_eq!(unpin.len(), 2);
    unpin[1].click();
    h.run_steps(4);
    assert_eq!(h.state().analysis.pins().len(), 1);
    assert!(!shows(&h, "C − A"));
}

#[test]
fn a_pinned_copy_shows_what_an_edit_changed_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("banding.csv");
    let png = dir.path().join("banding.png");
    let xlsx = dir.path().join("banding.xlsx");
    let mut h = app_on(
        Scenario::example(),
        ScriptedDialogs {
            open: vec![],
            save: vec![Some(csv.clone()), Some(png.clone()), Some(xlsx.clone())],
        },
    );
    open(&mut h, "Bandingkan skenario");
    click(&mut h, "Sematkan salinan skenario ini");
    h.run_steps(4);
    // A copy of itself: every difference is zero.
    assert!(shows(&h, "0,00"));
    let c = h.state().analysis.comparison.clone().unwrap().unwrap();
    assert!(
        c.scenarios[1]
            .years
            .iter()
            .all(|y| y.difference.midwives_needed == 0.0)
    );
    // The allowance raised from 30 to 40% in the current scenario (A): the
    // copy (B) keeps 30%, so B needs fewer midwives than A.
    let mut params = h.state().doc.state.params.clone();
    params.working_time.allowance_percent = 40.0;
    h.state_mut()
        .command(proyeksi_bidan::ui::Command::SetParams(Box::new(params)));
    h.run_steps(6);
    let c = h.state().analysis.comparison.clone().unwrap().unwrap();
    assert_eq!(
        c.scenarios[1].name,
        "Indonesia 2017–2020 (contoh dari makalah) (salinan)"
    );
    let d = c.scenarios[1].years[0].difference.midwives_needed;
    assert!(d < 0.0, "{d}");
    assert!(shows(&h, &fmt_fixed(d, 2, Lang::Id)));
    // The table as CSV, the chart as PNG.
    click(&mut h, "Simpan tabel (CSV)…");
    h.run_steps(4);
    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("year,kind,scenario,scenario_name,"));
    // 19 years (2017–2035) × 2 scenarios.
    assert_eq!(lines.len(), 1 + 19 * 2);
    assert!(lines[2].starts_with("2017,data,B,"));
    click(&mut h, "Simpan grafik (PNG)…");
    h.run_steps(4);
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[1..4], b"PNG");
    click(&mut h, "Simpan tabel (Excel)…");
    h.run_steps(4);
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let sheet = wb.worksheet_range("Bandingkan skenario").unwrap();
    // A and B named, then the heading row, then 2017: A, B, B − A.
    assert_eq!(
        sheet.get((4, 3)),
        Some(&calamine::Data::String("B − A".into()))
    );
    match (sheet.get((5, 0)), sheet.get((5, 3))) {
        (Some(calamine::Data::Float(y)), Some(calamine::Data::Float(x))) => {
            assert_eq!(*y, 2017.0);
            assert!((x - d).abs() < 1e-9, "{x} {d}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_tornado_ranks_the_parameters_for_the_chosen_year() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("tornado.svg");
    let mut h = app_on(
        Scenario::example(),
        ScriptedDialogs {
            open: vec![],
            save: vec![Some(svg.clone())],
        },
    );
    open(&mut h, "Kepekaan");
    let s = Scenario::example();
    // The last year shown (2035) by default, ±10%.
    let expected = sensitivity(&s.params, &s.data, None, 2035, Step::Share(0.1)).unwrap();
    let got = h.state().analysis.tornado.clone().unwrap().unwrap();
    assert_eq!(got, expected);
    let top = &expected.rows[0];
    assert!(shows(&h, &fmt_fixed(top.swing, 2, Lang::Id)));
    assert!(shows(&h, "Kepekaan kebutuhan bidan tahun 2035 — Indonesia"));
    // More working days never raise the need; more visit minutes never
    // lower it.
    for r in &expected.rows {
        let key = r.key.as_str();
        if key.starts_with("minutes_") {
            assert!(r.need_high >= r.need_low, "{key}");
        }
        if key == "days_per_week" {
            assert!(r.need_high <= r.need_low, "{key}");
        }
    }
    // Another year, through the command the year box sends.
    h.state_mut()
        .command(proyeksi_bidan::ui::Command::SetTornado {
            year: 2020,
            step: Step::Share(0.2),
        });
    h.run_steps(4);
    let got = h.state().analysis.tornado.clone().unwrap().unwrap();
    assert_eq!(got.year, 2020);
    assert_eq!(got.step, Step::Share(0.2));
    assert!(shows(&h, "Kepekaan kebutuhan bidan tahun 2020 — Indonesia"));
    click(&mut h, "Simpan grafik (SVG)…");
    h.run_steps(4);
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("<svg"));
    assert!(text.contains("2020"));
}

#[test]
fn bands_are_drawn_in_the_background_shown_everywhere_and_undone() {
    let mut h = app_with(ScriptedDialogs::default());
    open(&mut h, "Ketidakpastian");
    h.get_by_role_and_label(
        Role::CheckBox,
        "Hitung pita ketidakpastian (juga tampil di grafik Proyeksi dan Tabel)",
    )
    .click();
    h.run_steps(2);
    assert_eq!(
        h.state().doc.state.uncertainty,
        Some(UncertaintySetup::default())
    );
    wait_for_bands(&mut h);
    let s = Scenario::example();
    let expected = bands(&s.params, &s.data, None, &UncertaintySetup::default()).unwrap();
    let got = h
        .state()
        .analysis
        .bands
        .ready()
        .cloned()
        .expect("bands drawn");
    // The same seed gives the same bands as the engine run directly.
    assert_eq!(got, expected);
    let y2035 = expected.year(2035).unwrap();
    assert!(y2035.need_band.p10 < y2035.need_band.p90);
    assert!(shows(&h, &fmt_fixed(y2035.need_band.p90, 2, Lang::Id)));
    // The Tabel tab has the band's columns, the Proyeksi chart its band.
    click(&mut h, "Tabel");
    assert!(shows(&h, "Bidan P10") && shows(&h, "Bidan P90"));
    let spec = h.state().chart_spec();
    let names: Vec<&str> = spec.panels[1]
        .series
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names[0], "P10–P90", "{names:?}");
    assert_eq!(spec.panels[1].series[0].points.len(), 18 * 6);
    // Undo takes the bands away again.
    h.state_mut().command(proyeksi_bidan::ui::Command::Undo);
    h.run_steps(4);
    assert_eq!(h.state().doc.state.uncertainty, None);
    assert!(!shows(&h, "Bidan P10"));
    assert!(h.state().analysis.bands.ready().is_none());
}

#[test]
fn the_papers_model_is_compared_with_the_workload_method() {
    let mut h = app_with(ScriptedDialogs::default());
    open(&mut h, "Bandingkan skenario");
    click(&mut h, "Model makalah dan beban kerja (WISN/ABK-Kes)");
    h.run_steps(4);
    let pins = &h.state().analysis.pins();
    assert_eq!(pins.len(), 1);
    assert_eq!(pins[0].need, NeedFrom::Workload);
    // B's midwives needed are the Beban kerja tab's WISN figures, year by
    // year, over the same pregnant women.
    let s = Scenario::example();
    let (_, proj) = proyeksi_bidan::model::compute(&s).unwrap();
    let wisn = s
        .workload
        .staffing_by_year(&s.params, &proj.total, Lang::Id)
        .unwrap();
    let c = h.state().analysis.comparison.clone().unwrap().unwrap();
    assert_eq!(c.scenarios[1].need, NeedFrom::Workload);
    for (y, r) in &wisn {
        let b = c.scenarios[1].years.iter().find(|x| x.year == *y).unwrap();
        assert_eq!(b.figures.midwives_needed, r.required, "{y}");
        let a = c.scenarios[0].years.iter().find(|x| x.year == *y).unwrap();
        assert_eq!(b.figures.pregnant_women, a.figures.pregnant_women);
    }
    let b2017 = fmt_fixed(wisn[0].1.required, 2, Lang::Id);
    assert!(shows(&h, &b2017), "{b2017}");
}
