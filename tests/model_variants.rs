//! Hand-worked variants, properties and parameter errors of the engine.

use proptest::prelude::*;
use proyeksi_bidan::model::{
    self, DataRow, Lang, ModelError, Parameters, PreparedData, Problem, Rounding, Scenario,
    StandardPreset, capacity, project,
};

#[test]
fn five_day_week_with_25_percent_allowance() {
    // A = 5 × 52 = 260; HKE = 260 − 46 = 214; weeks = 42,8;
    // WKE = 42,8 × 37,5 × 0,75 = 1.203,75 h = 72.225 min.
    let mut p = Parameters::default();
    p.working_time.days_per_week = 5.0;
    p.working_time.allowance_percent = 25.0;
    let wl = capacity(&p).unwrap();
    assert_eq!(wl.working.working_days, 260.0);
    assert_eq!(wl.working.effective_days, 214.0);
    assert!((wl.working.effective_weeks - 42.8).abs() < 1e-12);
    assert!((wl.working.effective_hours - 1203.75).abs() < 1e-9);
    assert!((wl.working.effective_minutes - 72_225.0).abs() < 1e-9);
    assert!((wl.share - 146.58 / 72_225.0).abs() < 1e-15);
    // As published: 42,8 weeks × 28,125 h = 1.203,75 → 1.203,8 h = 72.228 min.
    p.rounding = Rounding::Published;
    let wl = capacity(&p).unwrap();
    assert_eq!(wl.working.effective_hours, 1203.8);
    assert_eq!(wl.working.effective_minutes, 72_228.0);
    assert_eq!(wl.share, 0.002); // 147 / 72.228 = 0,002035
    assert_eq!(wl.women_per_midwife, 491.0); // 72.228 / 147 = 491,35
}

#[test]
fn six_visit_standard() {
    // 30,6 + 20 + 20 + 20 + 20 + 34,1 = 144,7 min; × 1,4 = 202,58 min.
    let mut p = Parameters {
        anc: StandardPreset::Permenkes2021SixVisits.standard(),
        ..Parameters::default()
    };
    let wl = capacity(&p).unwrap();
    assert_eq!(wl.package.visits, 6);
    assert!((wl.package.visit_minutes - 144.7).abs() < 1e-9);
    assert!((wl.package.package_minutes - 202.58).abs() < 1e-9);
    assert!((wl.share - 202.58 / 69_825.0).abs() < 1e-15);
    // As published: 145 + 58 = 203 min; 203 / 69.774 = 0,00291 → 0,0029.
    p.rounding = Rounding::Published;
    let wl = capacity(&p).unwrap();
    assert_eq!(wl.package.package_minutes, 203.0);
    assert_eq!(wl.share, 0.0029);
    assert_eq!(wl.women_per_midwife, 343.0); // 69.774 / 203 = 343,7
}

#[test]
fn eight_contacts_take_more_time_than_four_visits() {
    let four = capacity(&Parameters::default()).unwrap();
    let p = Parameters {
        anc: StandardPreset::Who2016EightContacts.standard(),
        ..Parameters::default()
    };
    let eight = capacity(&p).unwrap();
    assert_eq!(eight.package.visits, 8);
    // 30,6 + 6 × 20 + 34,1 = 184,7 min.
    assert!((eight.package.visit_minutes - 184.7).abs() < 1e-9);
    assert!(eight.share > four.share);
}

fn region_rows(code: &str, pops: &[f64], cbr: f64) -> Vec<DataRow> {
    pops.iter()
        .enumerate()
        .map(|(i, &p)| DataRow {
            region_code: code.into(),
            region_name: format!("Wilayah {code}").into(),
            year: 2017 + i as i32,
            population: p.into(),
            cbr: cbr.into(),
            ..DataRow::default()
        })
        .collect()
}

#[test]
fn regions_sum_to_the_total_and_carry_gaps() {
    let mut rows = region_rows("A", &[100_000.0, 101_000.0, 102_000.0], 20.0);
    rows.extend(region_rows("B", &[50_000.0, 50_000.0, 50_000.0], 10.0));
    for r in rows.iter_mut() {
        r.midwives_available = 3.0.into();
    }
    let s = Scenario {
        data: rows,
        ..Scenario::example()
    };
    let (data, p) = model::compute(&s).unwrap();
    assert_eq!(data.regions(), 2);
    let t = p.total_row(2017).unwrap();
    // A: 20 × 100.000 / 1000 = 2.000 births, 2.200 pregnant; B: 500, 550.
    assert!((t.births.unwrap() - 2_500.0).abs() < 1e-9);
    assert!((t.pregnant_women - 2_750.0).abs() < 1e-9);
    assert!((t.cbr.unwrap() - 2_500.0 / 150_000.0 * 1000.0).abs() < 1e-9);
    assert_eq!(t.midwives_available, Some(6.0));
    let share = p.capacity.share;
    assert!((t.midwives_needed - share * 2_750.0).abs() < 1e-9);
    assert!((t.gap.unwrap() - (6.0 - share * 2_750.0)).abs() < 1e-9);
    // Region B does not grow; region A grows 1% a year.
    assert_eq!(p.mean_growth[1], 0.0);
    assert!((p.mean_growth[0] - (0.01 + (102.0 / 101.0 - 1.0)) / 2.0).abs() < 1e-12);
    for year in p.years() {
        let a = p.region_row(&data, 0, year);
        let b = p.region_row(&data, 1, year);
        let t = p.total_row(year).unwrap();
        assert!(
            (a.projected_pregnant_women + b.projected_pregnant_women - t.projected_pregnant_women)
                .abs()
                < 1e-6
        );
        assert!((a.midwives_needed + b.midwives_needed - t.midwives_needed).abs() < 1e-6);
    }
}

#[test]
fn given_pregnant_women_or_births_are_used_directly() {
    let rows = vec![
        DataRow {
            region_code: "P".into(),
            year: 2017,
            pregnant_women: 1000.0.into(),
            ..DataRow::default()
        },
        DataRow {
            region_code: "P".into(),
            year: 2018,
            births: 1000.0.into(),
            ..DataRow::default()
        },
    ];
    let data = PreparedData::new(&rows).unwrap();
    let p = project(&Parameters::default(), &data).unwrap();
    assert_eq!(p.total[0].pregnant_women, 1000.0);
    assert!((p.total[1].pregnant_women - 1100.0).abs() < 1e-9);
    assert!((p.total[1].growth.unwrap() - 0.1).abs() < 1e-12);
}

#[test]
fn zero_population_gives_zero_need() {
    let rows = region_rows("Z", &[0.0, 0.0, 0.0], 18.0);
    let data = PreparedData::new(&rows).unwrap();
    let p = project(&Parameters::default(), &data).unwrap();
    for row in &p.total {
        assert_eq!(row.midwives_needed, 0.0);
        assert_eq!(row.projected_pregnant_women, 0.0);
        assert!(row.ratio.is_none());
    }
}

fn param_error(p: &Parameters) -> (String, Problem) {
    let data = PreparedData::new(&Scenario::example().data).unwrap();
    match project(p, &data) {
        Err(ModelError::Parameter { name, problem, .. }) => (name, problem),
        other => panic!("expected a parameter error, got {other:?}"),
    }
}

#[test]
fn invalid_parameters_are_named() {
    let mut p = Parameters::default();
    p.working_time.allowance_percent = 100.0;
    assert_eq!(param_error(&p).0, "allowance_percent");
    p.working_time.allowance_percent = -1.0;
    assert_eq!(param_error(&p).0, "allowance_percent");

    let mut p = Parameters::default();
    p.working_time.other_absence = 300.0; // 312 − (12 + 6 + 16 + 300) = −22
    let (name, problem) = param_error(&p);
    assert_eq!(
        name,
        "annual_leave + training_days + public_holidays + other_absence"
    );
    assert_eq!(
        problem,
        Problem::NoWorkingDays {
            working_days: 312.0,
            absences: vec![
                ("annual_leave", 12.0),
                ("training_days", 6.0),
                ("public_holidays", 16.0),
                ("other_absence", 300.0)
            ],
            hke: -22.0
        }
    );
    // The message blames the sum and lists its parts, in both languages.
    let mut p = Parameters::default();
    p.working_time.annual_leave = 300.0;
    p.working_time.public_holidays = 300.0;
    let err = proyeksi_bidan::model::capacity(&p).unwrap_err();
    assert_eq!(
        err.message(Lang::En),
        "Parameter `annual_leave + training_days + public_holidays + other_absence` = 618: \
         the absences annual_leave 300 + training_days 6 + public_holidays 300 + other_absence 12 \
         = 618 days use up all 312 working days (effective working days HKE = -306 days); \
         reduce one of them"
    );
    assert!(
        err.message(Lang::Id)
            .contains("ketidakhadiran annual_leave 300 + training_days 6 + public_holidays 300 + other_absence 12 = 618 hari")
    );

    let mut p = Parameters::default();
    p.anc.visits.clear();
    assert_eq!(param_error(&p), ("visits".into(), Problem::NoVisits));

    let mut p = Parameters::default();
    p.anc.visits[0].minutes = f64::NAN;
    assert_eq!(param_error(&p), ("visits".into(), Problem::NotFinite));

    let mut p = Parameters::default();
    p.population.base_year = 2010;
    assert_eq!(
        param_error(&p),
        (
            "base_year".into(),
            Problem::YearNotInData {
                first: 2017,
                last: 2020
            }
        )
    );

    let mut p = Parameters::default();
    p.population.horizon_year = 2016;
    assert_eq!(param_error(&p).0, "horizon_year");

    let mut p = Parameters::default();
    p.population.coefficient = 0.0;
    assert_eq!(param_error(&p).0, "coefficient");

    let mut p = Parameters::default();
    p.working_time.formal_hours_per_week = f64::INFINITY;
    assert_eq!(param_error(&p).0, "formal_hours_per_week");

    let mut p = Parameters::default();
    p.anc.prep_percent = -5.0;
    assert_eq!(param_error(&p).0, "prep_percent");
}

#[test]
fn invalid_data_names_row_and_column() {
    let mut rows = Scenario::example().data;
    rows[2].population = (-5.0).into();
    let e = PreparedData::new(&rows).unwrap_err();
    assert!(matches!(
        e,
        ModelError::Data {
            row: 3,
            column: "population",
            ..
        }
    ));
    assert!(e.message(Lang::Id).contains("baris 3"));
    assert!(e.message(Lang::En).contains("row 3"));

    let mut rows = Scenario::example().data;
    rows[1].cbr = 185.0.into();
    assert!(matches!(
        PreparedData::new(&rows).unwrap_err(),
        ModelError::Data {
            row: 2,
            column: "cbr",
            ..
        }
    ));

    let mut rows = Scenario::example().data;
    rows[3].year = 2019;
    assert!(matches!(
        PreparedData::new(&rows).unwrap_err(),
        ModelError::DuplicateYear { year: 2019, .. }
    ));

    let mut rows = Scenario::example().data;
    rows.remove(1);
    assert!(matches!(
        PreparedData::new(&rows).unwrap_err(),
        ModelError::YearGap {
            after: 2017,
            next: 2019,
            ..
        }
    ));

    let mut rows = Scenario::example().data;
    rows[0].cbr = proyeksi_bidan::model::MaybeNumber::NONE;
    assert!(matches!(
        PreparedData::new(&rows).unwrap_err(),
        ModelError::Data {
            row: 1,
            column: "cbr",
            problem: Problem::Missing,
            ..
        }
    ));

    assert_eq!(PreparedData::new(&[]).unwrap_err(), ModelError::EmptyData);

    let mut rows = region_rows("A", &[1.0, 2.0, 3.0], 20.0);
    rows.extend(region_rows("B", &[1.0, 2.0], 20.0));
    assert!(matches!(
        PreparedData::new(&rows).unwrap_err(),
        ModelError::InconsistentYears { .. }
    ));
}

fn all_finite(p: &model::Projection) -> bool {
    p.total.iter().all(|r| {
        r.pregnant_women.is_finite()
            && r.projected_pregnant_women.is_finite()
            && r.midwives_needed.is_finite()
    }) && p.capacity.share.is_finite()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn more_minutes_never_lower_the_need(i in 0usize..4, extra in 0.0f64..60.0, published in any::<bool>()) {
        let mut s = Scenario::example();
        if published { s.params.rounding = Rounding::Published; }
        let (_, before) = model::compute(&s).unwrap();
        s.params.anc.visits[i].minutes += extra;
        let (_, after) = model::compute(&s).unwrap();
        for (a, b) in after.total.iter().zip(&before.total) {
            prop_assert!(a.midwives_needed >= b.midwives_needed);
        }
    }

    #[test]
    fn need_is_proportional_to_pregnant_women(k in 0.01f64..100.0) {
        let base = Scenario::example();
        let mut scaled = base.clone();
        for r in scaled.data.iter_mut() {
            r.population = r.population.map(|p| p * k).into();
        }
        let (_, a) = model::compute(&base).unwrap();
        let (_, b) = model::compute(&scaled).unwrap();
        for (x, y) in a.total.iter().zip(&b.total) {
            prop_assert!((y.midwives_needed - k * x.midwives_needed).abs() <= 1e-9 * y.midwives_needed.max(1.0));
        }
    }

    #[test]
    fn any_parameters_give_numbers_or_an_error(
        days in -2.0f64..9.0, weeks in -1.0f64..60.0, leave in -5.0f64..400.0,
        hours in -1.0f64..200.0, allowance in -10.0f64..120.0, coef in -1.0f64..4.0,
        minutes in -10.0f64..700.0, prep in -10.0f64..600.0, base in 2010i32..2025, horizon in 2000i32..2200,
        published in any::<bool>(),
    ) {
        let mut s = Scenario::example();
        let w = &mut s.params.working_time;
        w.days_per_week = days; w.weeks_per_year = weeks; w.annual_leave = leave;
        w.formal_hours_per_week = hours; w.allowance_percent = allowance;
        s.params.population.coefficient = coef;
        s.params.population.base_year = base;
        s.params.population.horizon_year = horizon;
        s.params.anc.visits[1].minutes = minutes;
        s.params.anc.prep_percent = prep;
        if published { s.params.rounding = Rounding::Published; }
        match model::compute(&s) {
            Ok((_, p)) => prop_assert!(all_finite(&p)),
            Err(e) => prop_assert!(!e.message(Lang::Id).is_empty()),
        }
    }
}

#[test]
fn a_vanishing_birth_rate_is_refused_with_its_row() {
    let mut rows = Scenario::example().data;
    rows[1].cbr = 0.000_000_000_000_000_000_000_001.into();
    rows[1].births = None.into();
    rows[1].pregnant_women = None.into();
    match PreparedData::new(&rows) {
        Err(ModelError::Data {
            row: 2,
            column: "cbr",
            problem: Problem::OutOfRange { min, max, .. },
            ..
        }) => assert_eq!((min, max), (1.0, 60.0)),
        other => panic!("expected the CBR refused, got {other:?}"),
    }
}

#[test]
fn a_growth_past_any_number_is_refused_not_infinite() {
    // 1e-300 pregnant women, then 5.000: the growth is about 5 × 10³⁰³ a
    // year, and the first projected year is already infinite.
    let mut rows = region_rows("A", &[100_000.0, 101_000.0, 102_000.0], 20.0);
    rows[0].pregnant_women = 1e-300.into();
    rows[1].pregnant_women = 5_000.0.into();
    rows[2].pregnant_women = 5_100.0.into();
    let s = Scenario {
        data: rows,
        ..Scenario::example()
    };
    let err = model::compute(&s).unwrap_err();
    let ModelError::ProjectionOverflow { region, year, .. } = &err else {
        panic!("expected an overflow error, got {err:?}");
    };
    assert_eq!((region.as_str(), *year), ("Wilayah A", 2020));
    assert!(
        err.message(Lang::Id)
            .starts_with("Wilayah `Wilayah A`: dengan pertumbuhan")
    );
    assert!(
        err.message(Lang::En)
            .contains("passes any representable number by 2020")
    );
}

#[test]
fn results_past_a_sanity_bound_are_flagged() {
    use proyeksi_bidan::model::sanity::{Implausible, implausible};
    let s = Scenario::example();
    let (data, p) = model::compute(&s).unwrap();
    assert_eq!(implausible(&data, &p), vec![]);

    // A region of 1.000 people, 100 pregnant women growing 50% a year
    // (fixed): 100 × 1,5⁶ = 1.139,06 > 1.000 in 2023, the sixth year after
    // the base year 2017.
    let rows: Vec<DataRow> = (0..2)
        .map(|k| DataRow {
            region_name: "Desa".into(),
            year: 2017 + k,
            population: 1_000.0.into(),
            pregnant_women: 100.0.into(),
            ..DataRow::default()
        })
        .collect();
    let mut params = Parameters::default();
    params.population.growth_method = model::GrowthMethod::Fixed;
    params.population.fixed_growth_percent = 50.0;
    let data = PreparedData::new(&rows).unwrap();
    let proj = project(&params, &data).unwrap();
    match implausible(&data, &proj).as_slice() {
        [
            Implausible::MorePregnantThanPeople {
                region: 0,
                year: 2023,
                pregnant,
                population: Some(pop),
            },
        ] => {
            assert!((pregnant - 1_139.062_5).abs() < 1e-9);
            assert_eq!(*pop, 1_000.0);
        }
        other => panic!("expected one region past its population, got {other:?}"),
    }
    let flags = model::flags::flags(&params, &data, &proj);
    assert!(flags.is_flagged(0));
    assert!(
        flags.warnings(&data, &proj, Lang::Id)[0].contains(
            "wilayah Desa pada tahun 2023 diproyeksikan memiliki 1.139 ibu hamil, lebih banyak dari penduduknya (1.000 jiwa"
        )
    );
}
