//! The full workload method: WHO WISN and Kemenkes ABK-Kes,
//! worked by hand, the paper's ANC-only figures, properties, bad tables and
//! the command line.

use std::path::Path;
use std::process::Command;

use proptest::prelude::*;
use proyeksi_bidan::io::activities::{activities_from_csv, import_activities};
use proyeksi_bidan::io::import::ImportError;
use proyeksi_bidan::model::staffing::{
    Activity, ActivityKind, AvailableTime, FinalRounding, IntermediateRounding, Method,
    StaffingError, StaffingOptions, TargetPopulation, VolumeAssumptions, WorkingDays,
    explain_staffing, paper_anc_only, puskesmas_full, staffing, volumes_for_year,
};
use proyeksi_bidan::model::{self, Lang, Rounding, Scenario};

use ActivityKind::{Individual, Service, Support};

fn act(name: &str, kind: ActivityKind, minutes: f64, units: f64, staff: f64) -> Activity {
    Activity::new(name, kind, minutes, units, staff)
}

fn opts(method: Method, rounding: IntermediateRounding, fin: FinalRounding) -> StaffingOptions {
    StaffingOptions {
        method,
        rounding,
        final_rounding: fin,
        existing: None,
    }
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * b.abs().max(1.0)
}

/// Case A, WISN, AWT = 100.000 min.
/// S1: 50 min × 3.000 → SW = 100.000 / 50 = 2.000, staff = 3.000 / 2.000 = 1,5
/// S2: 25 min × 1.000 → SW = 4.000, staff = 0,25;          Σ = 1,75
/// support: 500 × 12 = 6.000 min → CAS 6%; 4.000 × 1 → 4%; ΣCAS = 10%
/// CAF = 1 / (1 − 0,10) = 1,1111…
/// individual: 2.000 min × 1 a year × 2 staff = 4.000 / 100.000 → IAF = 0,04
/// required = 1,75 × 1,1111… + 0,04 = 1,94444… + 0,04 = 1,98444…
/// existing 2: difference = 0,01556, ratio = 2 / 1,98444 = 1,00784
/// Worksheet: SW 2.000 and 4.000 (whole already), staff 1,50 and 0,25,
/// Σ 1,75, CAF 1,11, IAF 0,04, required = 1,75 × 1,11 + 0,04 = 1,9825 → 1,98.
fn case_a() -> Vec<Activity> {
    vec![
        act("S1", Service, 50.0, 3000.0, 0.0),
        act("S2", Service, 25.0, 1000.0, 0.0),
        act("Meetings", Support, 500.0, 12.0, 0.0),
        act("Reports", Support, 4000.0, 1.0, 0.0),
        act("Coordinator", Individual, 2000.0, 1.0, 2.0),
    ]
}

#[test]
fn wisn_exact_by_hand() {
    let awt = AvailableTime::from_minutes(100_000.0).unwrap();
    let mut o = opts(
        Method::Wisn,
        IntermediateRounding::Exact,
        FinalRounding::Nearest,
    );
    o.existing = Some(2.0);
    let r = staffing(&case_a(), &awt, &o).unwrap();
    assert_eq!(r.available_minutes, 100_000.0);
    assert_eq!(r.activities[0].standard_workload, Some(2000.0));
    assert_eq!(r.activities[0].staff, Some(1.5));
    assert_eq!(r.activities[1].standard_workload, Some(4000.0));
    assert_eq!(r.activities[1].staff, Some(0.25));
    assert_eq!(r.service_staff, 1.75);
    assert!(close(
        r.activities[2].allowance_percent.unwrap(),
        6.0,
        1e-12
    ));
    assert!(close(
        r.activities[3].allowance_percent.unwrap(),
        4.0,
        1e-12
    ));
    assert!(close(r.support_percent, 10.0, 1e-12));
    assert!(close(r.allowance_factor, 1.0 / 0.9, 1e-12));
    assert!(close(r.individual_allowance, 0.04, 1e-12));
    assert!(close(r.required, 1.984_444_444_444, 1e-9));
    assert_eq!(r.required_rounded, 2.0);
    assert!(close(r.difference.unwrap(), 0.015_555_555_6, 1e-8));
    assert!(close(r.ratio.unwrap(), 1.007_838_745_8, 1e-8));
    assert_eq!(r.ratio_reading(Lang::En), Some("over-staffed"));
    // The parts add up to the required staff.
    let parts: f64 = r.activities.iter().map(|a| a.contribution).sum();
    assert!(close(parts, r.required, 1e-12));
}

#[test]
fn wisn_worksheet_by_hand() {
    let awt = AvailableTime::from_minutes(100_000.0).unwrap();
    let o = opts(
        Method::Wisn,
        IntermediateRounding::Worksheet,
        FinalRounding::Up,
    );
    let r = staffing(&case_a(), &awt, &o).unwrap();
    assert_eq!(r.service_staff, 1.75);
    assert_eq!(r.allowance_factor, 1.11);
    assert_eq!(r.individual_allowance, 0.04);
    assert_eq!(r.required, 1.98);
    assert_eq!(r.required_rounded, 2.0);
    assert!(r.difference.is_none() && r.ratio.is_none());
}

/// Case E: AWT 1.000 min, one service of 400 min × 10 units.
/// Exact: SW = 2,5, staff = 4 → 4 (nearest and up).
/// Worksheet: SW = 2,5 → 3 (halves up), staff = 10 / 3 = 3,33 → 3 nearest,
/// 4 up: the worksheet's rounding of SW changes the answer.
#[test]
fn worksheet_rounding_of_sw_and_final_rule_by_hand() {
    let awt = AvailableTime::from_minutes(1000.0).unwrap();
    let t = vec![act("Long", Service, 400.0, 10.0, 0.0)];
    let exact = staffing(
        &t,
        &awt,
        &opts(
            Method::Wisn,
            IntermediateRounding::Exact,
            FinalRounding::Nearest,
        ),
    )
    .unwrap();
    assert_eq!(exact.activities[0].standard_workload, Some(2.5));
    assert_eq!(exact.required, 4.0);
    assert_eq!(exact.allowance_factor, 1.0);
    assert_eq!(exact.required_rounded, 4.0);
    let ws = |fin| {
        staffing(
            &t,
            &awt,
            &opts(Method::Abk, IntermediateRounding::Worksheet, fin),
        )
        .unwrap()
    };
    let near = ws(FinalRounding::Nearest);
    assert_eq!(near.activities[0].standard_workload, Some(3.0));
    assert_eq!(near.activities[0].staff, Some(3.33));
    assert_eq!(near.required, 3.33);
    assert_eq!(near.required_rounded, 3.0);
    assert_eq!(ws(FinalRounding::Up).required_rounded, 4.0);
}

/// Case D: AWT 1.000, 10 min × 230 → SW 100, staff 2,3: nearest 2, up 3.
/// 10 min × 300 → 3,0 exactly: up stays 3 (no noise makes it 4).
#[test]
fn final_rounding_nearest_or_up() {
    let awt = AvailableTime::from_minutes(1000.0).unwrap();
    let run = |units, fin| {
        staffing(
            &[act("S", Service, 10.0, units, 0.0)],
            &awt,
            &opts(Method::Wisn, IntermediateRounding::Exact, fin),
        )
        .unwrap()
        .required_rounded
    };
    assert_eq!(run(230.0, FinalRounding::Nearest), 2.0);
    assert_eq!(run(230.0, FinalRounding::Up), 3.0);
    assert_eq!(run(250.0, FinalRounding::Nearest), 3.0);
    assert_eq!(run(300.0, FinalRounding::Up), 3.0);
    assert_eq!(FinalRounding::Up.apply(0.1 + 0.2 + 2.7), 3.0);
}

/// The sample file, ABK-Kes with the Kemenkes 6-day preset:
/// WKT = [312 − (19 + 12 + 12 + 5)] × 26,25 / 6 h × 60 = 264 × 4,375 × 60 = 69.300 min.
/// ANC 35 min × 1.980 → SBK 1.980, need 1,00
/// delivery 120 × 231 → SBK 577,5 (worksheet 578), need 0,4 (worksheet 231 / 578 = 0,3997 → 0,40)
/// KF 28 × 1.386 → SBK 2.475, need 0,56; KN 28 × 990 → 0,4;  JKT = 2,36
/// support 120 × 12 + 240 × 12 = 4.320 min → FTP = 6,2338%, STP = 69.300 / 64.980 = 1,066482 (worksheet 1,07)
/// coordinator 480 × 12 × 1 = 5.760 / 69.300 = 0,083117
/// exact: 2,36 × 1,066482 + 0,083117 = 2,600015 → 3; worksheet: 2,36 × 1,07 + 0,08 = 2,6052 → 2,61 → 3
/// existing 2: difference −0,600015, ratio 0,769226 (short-staffed).
#[test]
fn abk_sample_file_by_hand() {
    let t = import_activities(Path::new("tests/activities_puskesmas.csv"), None).unwrap();
    assert_eq!(t.delimiter, Some(b';'));
    assert_eq!(t.activities.len(), 7);
    assert_eq!(t.activities[0].units_per_year, 1980.0);
    assert_eq!(t.activities[2].units_per_year, 1386.0);
    assert_eq!(t.activities[4].minutes_per_unit, 120.0);
    assert_eq!(t.activities[6].kind, Individual);
    assert_eq!(t.activities[6].staff, 1.0);
    assert_eq!(t.rows, vec![2, 3, 4, 5, 6, 7, 8]);
    let wkt = WorkingDays::kemenkes_6_day().available().unwrap();
    assert_eq!(wkt.minutes, 69_300.0);
    assert_eq!(
        WorkingDays::kemenkes_5_day().available().unwrap().minutes,
        66_780.0
    );
    let mut o = opts(
        Method::Abk,
        IntermediateRounding::Exact,
        FinalRounding::Nearest,
    );
    o.existing = Some(2.0);
    let r = staffing(&t.activities, &wkt, &o).unwrap();
    assert_eq!(r.activities[1].standard_workload, Some(577.5));
    assert!(close(r.service_staff, 2.36, 1e-12));
    assert!(close(r.support_percent, 4320.0 / 693.0, 1e-12));
    assert!(close(r.allowance_factor, 69_300.0 / 64_980.0, 1e-12));
    assert!(close(r.individual_allowance, 5760.0 / 69_300.0, 1e-12));
    assert!(close(r.required, 2.600_014_5, 1e-6));
    assert_eq!(r.required_rounded, 3.0);
    assert!(close(r.difference.unwrap(), -0.600_014_5, 1e-6));
    assert!(close(r.ratio.unwrap(), 0.769_226_5, 1e-6));
    assert_eq!(r.ratio_reading(Lang::Id), Some("kekurangan tenaga"));

    o.rounding = IntermediateRounding::Worksheet;
    let w = staffing(&t.activities, &wkt, &o).unwrap();
    assert_eq!(w.activities[1].standard_workload, Some(578.0));
    assert_eq!(w.activities[1].staff, Some(0.4));
    assert_eq!(w.service_staff, 2.36);
    assert_eq!(w.allowance_factor, 1.07);
    assert_eq!(w.individual_allowance, 0.08);
    assert_eq!(w.required, 2.61);
    assert_eq!(w.required_rounded, 3.0);

    // The working names every step, with the numbers put in.
    let steps = explain_staffing(&w, &wkt, Lang::Id);
    let text: Vec<String> = steps.iter().map(|s| s.working.clone()).collect();
    assert!(text[0].contains("69.300"), "{text:?}");
    assert!(
        text.iter()
            .any(|s| s.contains("69.300 / 120 = 577,5 ≈ 578"))
    );
    assert!(
        text.iter()
            .any(|s| s.contains("STP = 1 / (1 − 6,2338 / 100)"))
    );
    assert!(text.iter().any(|s| s == "2,36 × 1,07 + 0,08 = 2,61"));
    assert!(steps.iter().any(|s| s.id == "ratio"));
    assert!(steps.iter().any(|s| s.id == "difference"));
    let en = explain_staffing(&w, &wkt, Lang::En);
    assert!(en.iter().any(|s| s.working.contains("69,300 / 120")));
}

/// The same sheet against the rounded 1.200 hours (72.000 min) of many
/// district worksheets.
/// Exact: JKT = (1.980 × 35 + 231 × 120 + 1.386 × 28 + 990 × 28) / 72.000
/// = 163.548 / 72.000 = 2,2715; FTP = 4.320 / 72.000 = 6%, STP = 1 / 0,94;
/// IAF = 5.760 / 72.000 = 0,08; SDMK = 2,2715 / 0,94 + 0,08 = 2,49649 → 2.
/// Worksheet: SBK 2.057, 600, 2.571, 2.571; staff 0,96, 0,39 (0,385 half
/// up), 0,54, 0,39; JKT 2,28; STP 1,06; 2,28 × 1,06 + 0,08 = 2,4968 → 2,50
/// → 3. The rounding rule alone changes the answer by one midwife.
#[test]
fn abk_sample_file_against_1200_hours_by_hand() {
    use proyeksi_bidan::model::staffing::AvailableChoice;
    let t = import_activities(Path::new("tests/activities_puskesmas.csv"), None).unwrap();
    let params = Scenario::example().params;
    let wkt = AvailableChoice::Rounded1200Hours
        .available(&params)
        .unwrap();
    assert_eq!(wkt.minutes, 72_000.0);
    let o = opts(
        Method::Abk,
        IntermediateRounding::Exact,
        FinalRounding::Nearest,
    );
    let r = staffing(&t.activities, &wkt, &o).unwrap();
    assert!(close(r.service_staff, 2.2715, 1e-12));
    assert!(close(r.support_percent, 6.0, 1e-12));
    assert!(close(r.allowance_factor, 1.0 / 0.94, 1e-12));
    assert!(close(r.individual_allowance, 0.08, 1e-12));
    assert!(close(r.required, 2.2715 / 0.94 + 0.08, 1e-12));
    assert_eq!(r.required_rounded, 2.0);

    let o = opts(
        Method::Abk,
        IntermediateRounding::Worksheet,
        FinalRounding::Nearest,
    );
    let w = staffing(&t.activities, &wkt, &o).unwrap();
    let sbk: Vec<Option<f64>> = w.activities[..4]
        .iter()
        .map(|a| a.standard_workload)
        .collect();
    assert_eq!(sbk, [Some(2057.0), Some(600.0), Some(2571.0), Some(2571.0)]);
    let staff: Vec<Option<f64>> = w.activities[..4].iter().map(|a| a.staff).collect();
    assert_eq!(staff, [Some(0.96), Some(0.39), Some(0.54), Some(0.39)]);
    assert_eq!(w.service_staff, 2.28);
    assert_eq!(w.allowance_factor, 1.06);
    assert_eq!(w.individual_allowance, 0.08);
    assert_eq!(w.required, 2.5);
    assert_eq!(w.required_rounded, 3.0);
}

/// The presets name their activities in the chosen language; only the
/// names differ.
#[test]
fn presets_name_activities_in_either_language() {
    let id = puskesmas_full(Lang::Id);
    let en = puskesmas_full(Lang::En);
    assert_eq!(id[1].activity.name, "Pertolongan persalinan normal");
    assert_eq!(en[1].activity.name, "Normal delivery assistance");
    assert_eq!(
        en[9].activity.name,
        "Coordinating midwife: supervising village midwives"
    );
    assert_eq!(id.len(), en.len());
    for (a, b) in id.iter().zip(&en) {
        assert_ne!(a.activity.name, b.activity.name);
        let mut b = b.clone();
        b.activity.name = a.activity.name.clone();
        assert_eq!(a, &b);
    }
    let params = Scenario::example().params;
    let (en, _) = paper_anc_only(&params, Lang::En).unwrap();
    assert_eq!(en[0].activity.name, "Antenatal care (ANC) package");
}

/// The paper preset equals the engine's figures: required staff (exact)
/// = the engine's midwives_needed for every year, data and projected.
#[test]
fn paper_anc_only_equals_the_engine() {
    let s = Scenario::example();
    let (_, proj) = model::compute(&s).unwrap();
    let (plan, awt) = paper_anc_only(&s.params, Lang::Id).unwrap();
    assert_eq!(awt.minutes, proj.capacity.working.effective_minutes);
    assert_eq!(
        plan[0].activity.minutes_per_unit,
        proj.capacity.package.package_minutes
    );
    let coef = s.params.population.coefficient;
    let o = opts(
        Method::Wisn,
        IntermediateRounding::Exact,
        FinalRounding::Nearest,
    );
    for row in &proj.total {
        let pop = TargetPopulation::from_year_row(row, coef);
        let acts = volumes_for_year(&plan, &pop, &VolumeAssumptions::default()).unwrap();
        assert_eq!(acts[0].units_per_year, row.pregnant_women);
        let r = staffing(&acts, &awt, &o).unwrap();
        assert!(
            close(r.required, row.midwives_needed, 1e-12),
            "{}: {} vs {}",
            row.year,
            r.required,
            row.midwives_needed
        );
        assert_eq!(r.allowance_factor, 1.0);
        assert_eq!(r.individual_allowance, 0.0);
    }

    // Published: WKE 69.774 and package 147, the engine's unrounded share.
    let mut p = s.clone();
    p.params.rounding = Rounding::Published;
    let (_, proj) = model::compute(&p).unwrap();
    let (plan, awt) = paper_anc_only(&p.params, Lang::Id).unwrap();
    assert_eq!(awt.minutes, 69_774.0);
    assert_eq!(plan[0].activity.minutes_per_unit, 147.0);
    let row = proj.total_row(2017).unwrap();
    let pop = TargetPopulation::from_year_row(row, coef);
    let acts = volumes_for_year(&plan, &pop, &VolumeAssumptions::default()).unwrap();
    assert_eq!(acts[0].units_per_year, 5_329_480.0);
    let r = staffing(&acts, &awt, &o).unwrap();
    let expect = proj.capacity.share_unrounded * 5_329_480.0;
    assert!(close(r.required, expect, 1e-12));
    // 5.329.480 × 147 / 69.774 = 11.228,16; the paper's 0,0021 × 5.329.480 = 11.191,9.
    assert!(close(r.required, 11_228.158_913, 1e-9));
    assert!(close(row.midwives_needed, 11_191.908, 1e-9));
    // Worksheet: SW = 69.774 / 147 = 474,65 → 475; 5.329.480 / 475 = 11.219,96.
    let w = staffing(
        &acts,
        &awt,
        &opts(
            Method::Wisn,
            IntermediateRounding::Worksheet,
            FinalRounding::Nearest,
        ),
    )
    .unwrap();
    assert_eq!(w.activities[0].standard_workload, Some(475.0));
    assert_eq!(w.required, 11_219.96);
    assert_eq!(w.required_rounded, 11_220.0);
}

/// Volumes from the population: 2017, CBR 18,5, 261.890.900 people.
/// births = 4.844.981,65; pregnant women = 1,10 × births = 5.329.479,8;
/// deliveries = 1,05 × births = 5.087.230,7; ANC by midwife = pregnant × 4;
/// KF = deliveries × 4; KN = births × 3; complications 20% and 15%.
#[test]
fn volumes_from_population() {
    let pop = TargetPopulation::from_cbr(Some(2017), 18.5, 261_890_900.0);
    assert!(close(pop.births, 4_844_981.65, 1e-12));
    let a = VolumeAssumptions::default();
    let acts = volumes_for_year(&puskesmas_full(Lang::Id), &pop, &a).unwrap();
    let units: Vec<f64> = acts.iter().map(|x| x.units_per_year).collect();
    let b = 4_844_981.65;
    let expect = [
        1.10 * b * 4.0,
        1.05 * b,
        1.05 * b * 4.0,
        b * 3.0,
        0.20 * 1.10 * b,
        0.15 * b,
        1.05 * b * 0.5,
        12.0,
        12.0,
        12.0,
    ];
    assert_eq!(units.len(), expect.len());
    for (u, e) in units.iter().zip(expect) {
        assert!(close(*u, e, 1e-12), "{u} vs {e}");
    }
    // Editable assumptions: all ANC visits by the midwife.
    let a6 = VolumeAssumptions {
        anc_doctor_visits: 0.0,
        ..a.clone()
    };
    let acts6 = volumes_for_year(&puskesmas_full(Lang::Id), &pop, &a6).unwrap();
    assert!(close(acts6[0].units_per_year, 1.10 * b * 6.0, 1e-12));
    // The full preset computes with the Kemenkes preset.
    let wkt = WorkingDays::kemenkes_6_day().available().unwrap();
    let r = staffing(
        &acts,
        &wkt,
        &opts(Method::Abk, IntermediateRounding::Exact, FinalRounding::Up),
    )
    .unwrap();
    assert!(r.required > r.service_staff && r.allowance_factor > 1.0);
    let bad = VolumeAssumptions {
        anc_doctor_visits: 7.0,
        ..a
    };
    assert!(matches!(
        volumes_for_year(&puskesmas_full(Lang::Id), &pop, &bad),
        Err(StaffingError::Assumption {
            name: "anc_doctor_visits",
            ..
        })
    ));
}

#[test]
fn engine_working_time_in_days_form() {
    let w = model::WorkingTime::default();
    let d = WorkingDays::from_working_time(&w).available().unwrap();
    assert!(close(d.minutes, 69_825.0, 1e-12));
    let e = AvailableTime::from_working_time(&w, Rounding::Exact).unwrap();
    assert_eq!(e.minutes, 69_825.0);
}

#[test]
fn bad_tables_give_clear_errors() {
    let awt = AvailableTime::from_minutes(1000.0).unwrap();
    let o = StaffingOptions::default();
    // Support time ≥ available time.
    let t = vec![
        act("S", Service, 10.0, 10.0, 0.0),
        act("Meetings", Support, 100.0, 10.0, 0.0),
    ];
    let e = staffing(&t, &awt, &o).unwrap_err();
    assert_eq!(
        e,
        StaffingError::SupportTooLarge {
            method: Method::Wisn,
            support_minutes: 1000.0,
            available_minutes: 1000.0
        }
    );
    assert!(e.message(Lang::En).contains("CAF would be infinite"));
    assert!(e.message(Lang::Id).contains("1.000"));
    // Negative minutes, NaN units, negative staff.
    let e = staffing(&[act("ANC", Service, -5.0, 10.0, 0.0)], &awt, &o).unwrap_err();
    assert!(matches!(
        e,
        StaffingError::Activity {
            row: 1,
            field: "minutes_per_unit",
            ..
        }
    ));
    assert!(e.message(Lang::En).contains("must not be negative"));
    assert!(e.message(Lang::En).contains("“ANC”"));
    let e = staffing(&[act("ANC", Service, 5.0, f64::NAN, 0.0)], &awt, &o).unwrap_err();
    assert!(matches!(
        e,
        StaffingError::Activity {
            field: "units_per_year",
            ..
        }
    ));
    let e = staffing(
        &[
            act("S", Service, 5.0, 1.0, 0.0),
            act("Coord", Individual, 5.0, 1.0, -1.0),
        ],
        &awt,
        &o,
    )
    .unwrap_err();
    assert!(matches!(
        e,
        StaffingError::Activity {
            row: 2,
            field: "staff",
            ..
        }
    ));
    let e = staffing(&[act("S", Service, 0.0, 1.0, 0.0)], &awt, &o).unwrap_err();
    assert!(e.message(Lang::En).contains("greater than zero"));
    assert_eq!(
        staffing(&[], &awt, &o).unwrap_err(),
        StaffingError::EmptyTable
    );
    assert!(AvailableTime::from_minutes(0.0).is_err());
    assert!(AvailableTime::from_minutes(f64::NAN).is_err());
    let mut d = WorkingDays::kemenkes_6_day();
    d.sick_leave = 400.0;
    assert!(d.available().is_err());
}

fn problems(r: Result<impl std::fmt::Debug, ImportError>) -> String {
    r.unwrap_err().to_string()
}

#[test]
fn bad_files_name_row_and_column() {
    let csv = "kegiatan;jenis;norma_waktu;capaian;jumlah_tenaga\n\
               ANC;pelayanan;35;1.980;\n\
               Rapat;rapat;120;12;\n\
               Persalinan;pelayanan;-120;231;\n\
               Supervisi;individu;480;12;\n\
               KF;pelayanan;abc;10;\n";
    let msg = problems(activities_from_csv(csv.as_bytes(), "t.csv"));
    assert!(
        msg.contains("t.csv:3:jenis: “rapat” is not a kind"),
        "{msg}"
    );
    assert!(
        msg.contains("t.csv:4:norma_waktu: -120 is not possible"),
        "{msg}"
    );
    assert!(
        msg.contains(
            "t.csv:5:jumlah_tenaga: the number of staff doing it (jumlah tenaga) is empty"
        ),
        "{msg}"
    );
    assert!(
        msg.contains("t.csv:6:norma_waktu: “abc” is not a number"),
        "{msg}"
    );
    let msg = problems(activities_from_csv(
        b"activity,minutes_per_unit\nA,3\n",
        "e.csv",
    ));
    assert!(msg.contains("e.csv:1: missing column(s): kind (jenis), units_per_year (capaian)"));
    // English headers and kinds, comma separated.
    let t = activities_from_csv(
        b"activity,kind,minutes_per_unit,units_per_year,staff\nANC,service,30.5,100,\nMeet,support,60,12,\nSup,individual,60,12,2\n",
        "en.csv",
    )
    .unwrap();
    assert_eq!(t.activities[0].minutes_per_unit, 30.5);
    assert_eq!(t.activities[1].kind, Support);
    assert_eq!(t.activities[2].staff, 2.0);
    // A calculation error found after import is located in the file.
    let t = activities_from_csv(
        b"kegiatan;jenis;norma_waktu;capaian\nANC;pelayanan;30;10\nRapat;penunjang;600;200\n",
        "big.csv",
    )
    .unwrap();
    let e = staffing(
        &t.activities,
        &AvailableTime::from_minutes(69_300.0).unwrap(),
        &StaffingOptions::default(),
    )
    .unwrap_err();
    assert!(
        t.locate(&e, Lang::En)
            .starts_with("big.csv: Support work of 120,000 minutes")
    );
}

#[test]
fn xlsx_tables_are_read() {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in [
        "kegiatan",
        "jenis",
        "norma_waktu",
        "capaian",
        "jumlah_tenaga",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "ANC").unwrap();
    ws.write_string(1, 1, "pelayanan").unwrap();
    ws.write_number(1, 2, 36.645).unwrap();
    ws.write_number(1, 3, 1980.0).unwrap();
    ws.write_string(2, 0, "Rapat").unwrap();
    ws.write_string(2, 1, "PENUNJANG").unwrap();
    ws.write_number(2, 2, -1.0).unwrap();
    ws.write_number(2, 3, 12.0).unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let msg = problems(proyeksi_bidan::io::activities::activities_from_xlsx(
        &bytes, "w.xlsx", None,
    ));
    assert!(
        msg.contains("w.xlsx:3:C (norma_waktu): -1 is not possible"),
        "{msg}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn adding_support_never_lowers_the_need(
        services in prop::collection::vec((1.0f64..200.0, 0.0f64..5000.0), 1..6),
        supports in prop::collection::vec((0.0f64..500.0, 0.0f64..24.0), 0..4),
        extra in (0.0f64..500.0, 0.0f64..24.0),
        worksheet in any::<bool>(),
    ) {
        let awt = AvailableTime::from_minutes(69_300.0).unwrap();
        let mut t: Vec<Activity> = services.iter()
            .map(|&(m, u)| act("S", Service, m, u, 0.0)).collect();
        t.extend(supports.iter().map(|&(m, u)| act("P", Support, m, u, 0.0)));
        let o = StaffingOptions {
            rounding: if worksheet { IntermediateRounding::Worksheet } else { IntermediateRounding::Exact },
            ..StaffingOptions::default()
        };
        let before = staffing(&t, &awt, &o).unwrap();
        prop_assert!(before.allowance_factor >= 1.0);
        t.push(act("extra", Support, extra.0, extra.1, 0.0));
        let after = staffing(&t, &awt, &o).unwrap();
        prop_assert!(after.allowance_factor >= 1.0);
        prop_assert!(after.required >= before.required);
        prop_assert!(after.required_rounded >= before.required_rounded);
    }

    #[test]
    fn doubling_every_service_volume_doubles_the_service_part(
        services in prop::collection::vec((0.5f64..300.0, 0.0f64..1.0e6), 1..8),
        support in 0.0f64..20_000.0,
    ) {
        let awt = AvailableTime::from_minutes(66_780.0).unwrap();
        let mut t: Vec<Activity> = services.iter()
            .map(|&(m, u)| act("S", Service, m, u, 0.0)).collect();
        t.push(act("P", Support, support, 1.0, 0.0));
        let o = StaffingOptions::default();
        let one = staffing(&t, &awt, &o).unwrap();
        for a in t.iter_mut().filter(|a| a.kind == Service) {
            a.units_per_year *= 2.0;
        }
        let two = staffing(&t, &awt, &o).unwrap();
        prop_assert!(close(two.service_staff, 2.0 * one.service_staff, 1e-12));
        prop_assert!(close(two.required, 2.0 * one.required, 1e-12));
        prop_assert_eq!(two.allowance_factor, one.allowance_factor);
    }

    #[test]
    fn never_nan_or_panic(
        rows in prop::collection::vec(
            (0usize..3, -10.0f64..1.0e5, -10.0f64..1.0e6, -1.0f64..5.0), 0..6),
        minutes in -10.0f64..1.0e6,
    ) {
        let kinds = [Service, Support, Individual];
        let t: Vec<Activity> = rows.iter()
            .map(|&(k, m, u, s)| act("x", kinds[k], m, u, s)).collect();
        if let Ok(awt) = AvailableTime::from_minutes(minutes) {
            for rounding in [IntermediateRounding::Exact, IntermediateRounding::Worksheet] {
                let o = StaffingOptions { rounding, existing: Some(1.0), ..Default::default() };
                if let Ok(r) = staffing(&t, &awt, &o) {
                    prop_assert!(r.required.is_finite() && r.required >= 0.0);
                    prop_assert!(r.allowance_factor >= 1.0);
                    prop_assert!(r.difference.unwrap().is_finite());
                }
            }
        }
    }
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_proyeksi-bidan"))
}

fn run_json(args: &[&str]) -> serde_json::Value {
    let out = bin().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn cli_json_has_every_figure() {
    let v = run_json(&[
        "workload",
        "--activities",
        "tests/activities_puskesmas.csv",
        "--method",
        "abk",
        "--rounding",
        "worksheet",
        "--existing",
        "2",
        "--format",
        "json",
    ]);
    assert_eq!(v["available_minutes"], 69300.0);
    let acts = v["activities"].as_array().unwrap();
    assert_eq!(acts.len(), 7);
    assert_eq!(acts[1]["standard_workload"], 578.0);
    assert_eq!(acts[1]["staff"], 0.4);
    assert!(acts[4]["standard_workload"].is_null());
    assert_eq!(v["allowance_factor"], 1.07);
    assert_eq!(v["individual_allowance"], 0.08);
    assert_eq!(v["required"], 2.61);
    assert_eq!(v["required_rounded"], 3.0);
    assert!(close(v["difference"].as_f64().unwrap(), -0.61, 1e-12));
    assert!(close(v["ratio"].as_f64().unwrap(), 2.0 / 2.61, 1e-12));
    // The rounded 1.200 hours of many district worksheets, as in the window.
    let v = run_json(&[
        "workload",
        "--activities",
        "tests/activities_puskesmas.csv",
        "--method",
        "abk",
        "--rounding",
        "worksheet",
        "--available-minutes",
        "72000",
        "--format",
        "json",
    ]);
    assert_eq!(v["available_minutes"], 72000.0);
    assert_eq!(v["required"], 2.5);
    assert_eq!(v["required_rounded"], 3.0);
    assert_eq!(v["method"], "abk");

    // --available-minutes, WISN, exact, rounded up; no --existing: no difference.
    let v = run_json(&[
        "workload",
        "--activities",
        "tests/activities_puskesmas.csv",
        "--available-minutes",
        "69300",
        "--final-rounding",
        "up",
        "--format",
        "json",
    ]);
    assert!(close(v["required"].as_f64().unwrap(), 2.600_014_5, 1e-6));
    assert_eq!(v["required_rounded"], 3.0);
    assert!(v.get("difference").is_none() && v.get("ratio").is_none());

    // Working-time options: 5-day week → 212 days × 5,25 h = 66.780 min.
    let v = run_json(&[
        "workload",
        "--activities",
        "tests/activities_puskesmas.csv",
        "--working-days",
        "kemenkes5",
        "--format",
        "json",
    ]);
    assert_eq!(v["available_minutes"], 66780.0);
}

#[test]
fn cli_table_is_indonesian_and_errors_are_located() {
    let out = bin()
        .args([
            "workload",
            "--activities",
            "tests/activities_puskesmas.csv",
            "--method",
            "abk",
            "--existing",
            "2",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let t = String::from_utf8(out.stdout).unwrap();
    for s in [
        "69.300",
        "577,5",
        "1.980",
        "STP: 1,07",
        "2,60 → 3",
        "kekurangan tenaga",
    ] {
        assert!(t.contains(s), "{s} missing in\n{t}");
    }
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "kegiatan;jenis;norma_waktu;capaian\nANC;pelayanan;30;10\nRapat;lainnya;60;12\n",
    )
    .unwrap();
    let out = bin()
        .args(["workload", "--activities", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    // In the language of the command (Indonesian unless --lang en).
    assert!(
        err.contains("bad.csv:3:jenis: “lainnya” bukan jenis kegiatan"),
        "{err}"
    );
}
