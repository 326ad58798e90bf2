//! The parameters as the report lists them: each with its value and unit,
//! and what it means and where its default comes from (the texts of the
//! parameter panel's tooltips); assumed values are marked with `*`.

use crate::i18n::T;
use crate::model::number::fmt_trim;
use crate::model::{GrowthMethod, Lang, Parameters, Rounding, StandardPreset};

/// One row: name, value with unit, meaning and source.
pub(super) type ParamRow = [String; 3];

fn row(name: &str, value: String, source: &str) -> ParamRow {
    [name.to_string(), value, source.to_string()]
}

/// `x` with `unit`, in the report's number format.
fn with_unit(x: f64, decimals: usize, unit: &str, lang: Lang) -> String {
    let n = fmt_trim(x, decimals, lang);
    if unit.is_empty() {
        n
    } else {
        format!("{n} {unit}")
    }
}

/// The rows of the parameter table, and whether any value is assumed.
pub(super) fn param_rows(p: &Parameters, lang: Lang) -> (Vec<ParamRow>, bool) {
    let t = |k: T| lang.t(k);
    let mut rows = Vec::new();
    let standard = StandardPreset::ALL
        .into_iter()
        .find(|s| s.standard() == p.anc)
        .map_or_else(|| p.anc.name.clone(), |s| s.label(lang).to_string());
    rows.push(row(
        t(T::report_standard),
        standard,
        t(T::params_panel_standard_visit_schedules_paper_spm),
    ));
    let mut assumed = false;
    for v in &p.anc.visits {
        let name = lang.tf(
            T::report_visit,
            &[("visit", &v.label), ("trimester", &v.trimester)],
        );
        let mut value = with_unit(v.minutes, 1, t(T::params_panel_min), lang);
        let source = if v.assumed {
            assumed = true;
            value.push_str(" *");
            t(T::params_panel_assumption_not_measured_in_the)
        } else {
            t(T::params_panel_measured_by_work_sampling_in)
        };
        rows.push(row(&name, value, source));
    }
    let anc = [
        (
            T::params_panel_preparation,
            T::params_panel_preparation_time_percent_of_the,
            p.anc.prep_percent,
        ),
        (
            T::params_panel_recording_reporting,
            T::params_panel_recording_and_reporting_time_percent,
            p.anc.recording_percent,
        ),
    ];
    for (name, tip, value) in anc {
        rows.push(row(t(name), with_unit(value, 2, "%", lang), t(tip)));
    }
    let w = &p.working_time;
    let days = t(T::params_panel_days);
    let working = [
        (
            T::params_panel_working_days_per_week,
            T::params_panel_a_midwife_s_working_days,
            w.days_per_week,
            days,
        ),
        (
            T::params_panel_weeks_per_year,
            T::params_panel_weeks_in_a_year_paper,
            w.weeks_per_year,
            t(T::params_panel_weeks),
        ),
        (
            T::params_panel_annual_leave_b,
            T::params_panel_annual_leave_days_paper_12,
            w.annual_leave,
            days,
        ),
        (
            T::params_panel_training_c,
            T::params_panel_training_days_a_year_paper,
            w.training_days,
            days,
        ),
        (
            T::params_panel_public_holidays_d,
            T::params_panel_public_holidays_a_year_paper,
            w.public_holidays,
            days,
        ),
        (
            T::params_panel_other_absence_e,
            T::params_panel_other_days_absent_sickness_leave,
            w.other_absence,
            days,
        ),
        (
            T::params_panel_formal_hours_jkf,
            T::params_panel_formal_working_hours_per_week,
            w.formal_hours_per_week,
            t(T::params_panel_h_week),
        ),
        (
            T::params_panel_allowance,
            T::params_panel_working_time_lost_to_non,
            w.allowance_percent,
            "%",
        ),
    ];
    for (name, tip, value, unit) in working {
        rows.push(row(t(name), with_unit(value, 2, unit, lang), t(tip)));
    }
    let pop = &p.population;
    rows.push(row(
        t(T::params_panel_pregnant_women_coefficient),
        fmt_trim(pop.coefficient, 3, lang),
        t(T::params_panel_pregnant_women_per_live_birth),
    ));
    rows.push(row(
        t(T::params_panel_base_year),
        pop.base_year.to_string(),
        t(T::params_panel_year_0_of_the_projection),
    ));
    rows.push(row(
        t(T::params_panel_horizon_year),
        pop.horizon_year.to_string(),
        t(T::params_panel_last_projected_year_example_2035),
    ));
    rows.push(row(
        t(T::params_panel_growth_method),
        pop.growth_method.label(lang).to_string(),
        t(T::params_panel_annual_mean_paper_compound_between),
    ));
    match pop.growth_method {
        GrowthMethod::Fixed => rows.push(row(
            t(T::params_panel_growth_per_year),
            with_unit(pop.fixed_growth_percent, 3, "%", lang),
            t(T::params_panel_growth_of_pregnant_women_per),
        )),
        GrowthMethod::Population => {
            rows.push(row(
                t(T::params_panel_cbr_trend),
                pop.cbr_trend.label(lang).to_string(),
                t(T::params_panel_cbr_trend_tip),
            ));
            rows.push(row(
                t(T::params_panel_population_growth),
                pop.population_growth.label(lang).to_string(),
                t(T::params_panel_population_growth_tip),
            ));
        }
        _ => {}
    }
    let years = match pop.growth_years {
        Some(span) => format!("{}–{}", span.first, span.last),
        None => t(T::params_panel_growth_years_all).to_string(),
    };
    rows.push(row(
        t(T::report_growth_years),
        years,
        t(T::params_panel_growth_years_tip),
    ));
    let (mode, tip) = rounding_texts(p.rounding, lang);
    rows.push(row(t(T::params_panel_rounding), mode.to_string(), tip));
    (rows, assumed)
}

/// The rounding mode's name and what it means.
pub(super) fn rounding_texts(rounding: Rounding, lang: Lang) -> (&'static str, &'static str) {
    match rounding {
        Rounding::Exact => (
            lang.t(T::params_panel_exact_no_intermediate_rounding),
            lang.t(T::params_panel_nothing_is_rounded_until_display),
        ),
        Rounding::Published => (
            lang.t(T::params_panel_as_published),
            lang.t(T::params_panel_rounds_intermediates_as_the_paper),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Visit;

    #[test]
    fn the_paper_s_parameters_with_units_and_sources() {
        let p = Parameters::default();
        let (rows, assumed) = param_rows(&p, Lang::Id);
        let find = |name: &str| rows.iter().find(|r| r[0] == name).unwrap();
        assert_eq!(find("Kunjungan K1 (trimester 1)")[1], "30,6 menit");
        assert!(find("Kunjungan K1 (trimester 1)")[2].contains("Sumedang"));
        assert_eq!(find("Jam kerja formal (JKF)")[1], "37,5 jam/minggu");
        assert_eq!(find("Koefisien ibu hamil")[1], "1,1");
        assert!(!assumed);
    }

    #[test]
    fn an_assumed_visit_is_marked() {
        let mut p = Parameters::default();
        p.anc.visits.push(Visit::new("K5", 3, 20.0, true));
        let (rows, assumed) = param_rows(&p, Lang::En);
        let k5 = rows.iter().find(|r| r[0].starts_with("Visit K5")).unwrap();
        assert_eq!(k5[1], "20 min *");
        assert!(assumed);
    }
}
