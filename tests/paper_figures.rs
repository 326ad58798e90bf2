//! The paper's published figures (Dewi & Umniyatun, Table 2 and the text), digit for
//! digit in "published" mode, and the exact values by default.

use proyeksi_bidan::model::explain::{Subject, explain};
use proyeksi_bidan::model::number::{fmt_fixed, fmt_percent, round_half_up};
use proyeksi_bidan::model::{self, Lang, Rounding, Scenario, YearKind};

fn published() -> Scenario {
    let mut s = Scenario::example();
    s.params.rounding = Rounding::Published;
    s
}

#[test]
fn published_mode_reproduces_table_2() {
    let (_, p) = model::compute(&published()).unwrap();
    let expect = [
        (2017, 261_890_900.0, 4_844_982.0, 5_329_480.0, None),
        (
            2018,
            265_015_300.0,
            4_823_278.0,
            5_305_606.0,
            Some("-0,004"),
        ),
        (
            2019,
            268_074_600.0,
            4_771_728.0,
            5_248_901.0,
            Some("-0,011"),
        ),
        (
            2020,
            271_066_400.0,
            4_743_662.0,
            5_218_028.0,
            Some("-0,006"),
        ),
    ];
    for (row, (year, pop, births, pw, g)) in p.total.iter().zip(expect) {
        assert_eq!(row.year, year);
        assert_eq!(row.kind, YearKind::Data);
        assert_eq!(row.population, Some(pop));
        assert_eq!(row.births, Some(births), "births {year}");
        assert_eq!(row.pregnant_women, pw, "pregnant women {year}");
        assert_eq!(
            row.growth.map(|g| fmt_fixed(g, 3, Lang::Id)),
            g.map(str::to_string),
            "g {year}"
        );
    }
    assert_eq!(fmt_fixed(p.total_mean_growth, 3, Lang::Id), "-0,007");
    assert_eq!(round_half_up(p.total_mean_growth, 3), -0.007);
    // The projection uses the unrounded mean, −0.0070164.
    assert!((p.total_growth_used - -0.0070164).abs() < 1e-7);
    let y2020 = p.total_row(2020).unwrap();
    assert_eq!(y2020.projected_pregnant_women, 5_218_084.0);
    assert_eq!(
        fmt_fixed(y2020.fit_difference_percent.unwrap(), 4, Lang::Id),
        "0,0011"
    );
}

#[test]
fn published_mode_reproduces_the_working_time_figures() {
    let (_, p) = model::compute(&published()).unwrap();
    let wl = &p.capacity;
    assert_eq!(wl.package.visit_minutes_used, 105.0);
    assert_eq!(wl.package.prep_minutes + wl.package.recording_minutes, 42.0);
    assert_eq!(wl.package.package_minutes, 147.0);
    assert_eq!(wl.working.working_days, 312.0);
    assert_eq!(wl.working.effective_days, 266.0);
    assert_eq!(wl.working.effective_weeks, 44.3);
    assert_eq!(wl.working.effective_hours_per_week, 26.25);
    assert_eq!(wl.working.effective_hours, 1162.9);
    assert_eq!(wl.working.effective_minutes, 69_774.0);
    assert_eq!(wl.share, 0.0021);
    assert_eq!(fmt_percent(wl.share, 2, Lang::Id), "0,21%");
    assert_eq!(wl.women_per_midwife, 474.0);
    assert_eq!(wl.packages_per_day, 2.5);
    assert_eq!(wl.visits_per_day, 10.0);
}

#[test]
fn exact_mode_does_not_round() {
    let (_, p) = model::compute(&Scenario::example()).unwrap();
    let wl = &p.capacity;
    assert!((wl.package.visit_minutes - 104.7).abs() < 1e-9);
    assert!((wl.package.package_minutes - 146.58).abs() < 1e-9);
    assert!((wl.working.effective_hours - 1163.75).abs() < 1e-9);
    assert!((wl.working.effective_minutes - 69_825.0).abs() < 1e-9);
    assert!((wl.share - 146.58 / 69_825.0).abs() < 1e-15);
    assert!((wl.women_per_midwife - 69_825.0 / 146.58).abs() < 1e-9);
    let y2017 = p.total_row(2017).unwrap();
    assert!((y2017.births.unwrap() - 4_844_981.65).abs() < 1e-6);
    assert!((y2017.pregnant_women - 5_329_479.815).abs() < 1e-6);
    assert!((p.total_growth_used - -0.007_016_364).abs() < 1e-8);
    let y2020 = p.total_row(2020).unwrap();
    assert!((y2020.projected_pregnant_women - 5_218_084.36).abs() < 0.01);
    let need = 146.58 / 69_825.0 * y2017.pregnant_women;
    assert!((y2017.midwives_needed - need).abs() < 1e-9);
    assert!((need - 11_187.9).abs() < 0.01);
}

#[test]
fn rounded_mean_growth_would_give_5_218_343() {
    // With g rounded to −0.007 the 2020 projection would be 5.218.343.
    let mut s = published();
    s.params.population.growth_method = model::GrowthMethod::Fixed;
    s.params.population.fixed_growth_percent = -0.7;
    let (_, p) = model::compute(&s).unwrap();
    assert_eq!(
        p.total_row(2020).unwrap().projected_pregnant_women,
        5_218_343.0
    );
}

#[test]
fn projection_runs_to_the_horizon() {
    let (_, p) = model::compute(&Scenario::example()).unwrap();
    assert_eq!(p.total.first().unwrap().year, 2017);
    assert_eq!(p.total.last().unwrap().year, 2035);
    assert_eq!(p.total.len(), 19);
    let row = p.total_row(2021).unwrap();
    assert_eq!(row.kind, YearKind::Projection);
    assert!(row.population.is_none());
    let expect = 5_329_479.815 * (1.0 - 0.007_016_364_222_824_19f64).powi(4);
    assert!((row.pregnant_women - expect).abs() < 1e-3);
}

#[test]
fn the_working_shows_the_numbers_put_in() {
    let s = published();
    let (data, p) = model::compute(&s).unwrap();
    let steps = explain(&s.params, &data, &p, Subject::Total, Lang::Id);
    let wke = steps.iter().find(|s| s.id == "wke").unwrap();
    assert!(
        wke.working.contains("44,3 × 26,25 = 1.162,9 jam"),
        "{}",
        wke.working
    );
    assert!(wke.working.contains("69.774 menit"), "{}", wke.working);
    let share = steps.iter().find(|s| s.id == "share").unwrap();
    assert_eq!(share.working, "147 / 69.774 = 0,0021 = 0,21%");
    let proj = steps.iter().find(|s| s.id == "projection").unwrap();
    assert!(proj.working.ends_with("= 5.218.084"), "{}", proj.working);

    let s = Scenario::example();
    let (data, p) = model::compute(&s).unwrap();
    let steps = explain(&s.params, &data, &p, Subject::Total, Lang::Id);
    let wke = steps.iter().find(|s| s.id == "wke").unwrap();
    assert!(
        wke.working
            .starts_with("(266 / 6) × 37,5 × (1 − 0,30) = 1.163,75 jam"),
        "{}",
        wke.working
    );
    let en = explain(&s.params, &data, &p, Subject::Total, Lang::En);
    let wke = en.iter().find(|s| s.id == "wke").unwrap();
    assert!(wke.working.contains("1,163.75 hours"), "{}", wke.working);
    assert!(wke.working.contains("69,825 minutes"), "{}", wke.working);
}
