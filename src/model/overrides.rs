//! Setting a parameter by name (`--set NAME=VALUE` on the command line), so
//! that a district can script its variants.

use super::Lang;
use super::number::parse_number;
use super::params::{
    CbrTrend, GrowthMethod, NeedSum, Parameters, PopulationGrowth, Rounding, StandardPreset, Visit,
    YearSpan,
};
use crate::i18n::T;

/// The parameter names `set` accepts, with what each means.
pub const NAMES: [(&str, &str); 23] = [
    (
        "coefficient",
        "pregnant women per live birth (1.10) / ibu hamil per kelahiran hidup",
    ),
    (
        "visits",
        "minutes of each visit, e.g. 30.6,20,20,34.1 (or 30,6;20;20;34,1)",
    ),
    (
        "standard",
        "service standard preset: paper4, permenkes6, who8",
    ),
    ("prep_percent", "preparation time, % of visit minutes (20)"),
    (
        "recording_percent",
        "recording/reporting time, % of visit minutes (20)",
    ),
    ("days_per_week", "working days per week (6)"),
    ("weeks_per_year", "weeks per year (52)"),
    ("annual_leave", "B: annual leave days (12)"),
    ("training_days", "C: training days (6)"),
    ("public_holidays", "D: public holidays (16)"),
    ("other_absence", "E: other absence days (12)"),
    ("formal_hours_per_week", "JKF: formal hours per week (37.5)"),
    ("allowance_percent", "allowance, % of formal hours (30)"),
    ("base_year", "base year of the projection (2017)"),
    ("horizon_year", "last projected year (2035)"),
    (
        "growth_method",
        "mean, compound, fixed, trend, median or population",
    ),
    (
        "growth_years",
        "years the growth is estimated from, e.g. 2019-2020 (all: every data year)",
    ),
    (
        "cbr_trend",
        "CBR in the population route: hold_mean, hold_latest or trend",
    ),
    (
        "population_growth",
        "population growth in the population route: mean, compound or trend",
    ),
    (
        "growth_percent",
        "growth per year in % when growth_method=fixed",
    ),
    ("rounding", "exact or published"),
    (
        "need_sum",
        "midwives needed summed up the region tree: fte, or each-rounded-up (each region rounded up, then summed)",
    ),
    ("name", "scenario name (command line only)"),
];

/// What a value should have looked like.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Expected {
    Number,
    Year,
    YearSpan,
    VisitMinutes,
    /// One of these keys.
    OneOf(&'static [&'static str]),
}

/// Why a `NAME=VALUE` could not be applied.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OverrideError {
    #[error("{}", self.message(Lang::En))]
    NotAssignment(String),
    #[error("{}", self.message(Lang::En))]
    UnknownName(String),
    #[error("{}", self.message(Lang::En))]
    BadValue {
        name: String,
        value: String,
        expected: Expected,
    },
}

impl Expected {
    fn message(self, lang: Lang) -> String {
        match self {
            Expected::Number => lang.t(T::override_expected_number).into(),
            Expected::Year => lang.t(T::override_expected_year).into(),
            Expected::YearSpan => lang.t(T::override_expected_year_span).into(),
            Expected::VisitMinutes => lang.t(T::override_expected_visit_minutes).into(),
            Expected::OneOf(keys) => {
                lang.tf(T::override_expected_one_of, &[("keys", &keys.join(", "))])
            }
        }
    }
}

impl OverrideError {
    /// The message in the planner's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            OverrideError::NotAssignment(text) => lang.tf(
                T::override_not_assignment,
                &[("text", text), ("names", &valid_names())],
            ),
            OverrideError::UnknownName(name) => lang.tf(
                T::override_unknown_name,
                &[("name", name), ("names", &valid_names())],
            ),
            OverrideError::BadValue {
                name,
                value,
                expected,
            } => lang.tf(
                T::override_bad_value,
                &[
                    ("name", name),
                    ("value", value),
                    ("expected", &expected.message(lang)),
                ],
            ),
        }
    }
}

/// The valid names, comma-separated.
pub fn valid_names() -> String {
    NAMES.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
}

fn number(name: &str, value: &str, lang: Lang) -> Result<f64, OverrideError> {
    parse_number(value, lang).map_err(|_| OverrideError::BadValue {
        name: name.to_string(),
        value: value.to_string(),
        expected: Expected::Number,
    })
}

fn year(name: &str, value: &str) -> Result<i32, OverrideError> {
    value.trim().parse().map_err(|_| OverrideError::BadValue {
        name: name.to_string(),
        value: value.to_string(),
        expected: Expected::Year,
    })
}

/// Reads `2019-2020` (or `2019–2020`, or one year `2019`) as a span of
/// years; `all` is every data year.
pub fn year_span(name: &str, value: &str) -> Result<Option<YearSpan>, OverrideError> {
    if value.eq_ignore_ascii_case("all") || value.eq_ignore_ascii_case("semua") {
        return Ok(None);
    }
    let (a, b) = value.split_once(['-', '–']).unwrap_or((value, value));
    let bad = || OverrideError::BadValue {
        name: name.to_string(),
        value: value.to_string(),
        expected: Expected::YearSpan,
    };
    let first = year(name, a).map_err(|_| bad())?;
    let last = year(name, b).map_err(|_| bad())?;
    Ok(Some(YearSpan { first, last }))
}

/// Reads a list of visit minutes: `30.6,20,20,34.1` or `30,6;20;20;34,1`.
pub fn parse_visit_minutes(value: &str) -> Result<Vec<f64>, OverrideError> {
    let bad = || OverrideError::BadValue {
        name: "visits".to_string(),
        value: value.to_string(),
        expected: Expected::VisitMinutes,
    };
    let (sep, lang) = if value.contains(';') {
        (';', Lang::Id)
    } else {
        (',', Lang::En)
    };
    let parts: Vec<&str> = value.split(sep).map(str::trim).collect();
    if parts.iter().all(|p| p.is_empty()) {
        return Err(bad());
    }
    parts
        .iter()
        .map(|p| {
            // Within a comma list the dot is always the decimal mark.
            let p = if sep == ',' {
                p.to_string()
            } else {
                p.replace('.', "")
            };
            let p = if sep == ';' { p.replace(',', ".") } else { p };
            parse_number(&p, lang).map_err(|_| bad())
        })
        .collect()
}

/// Replaces the visit minutes, keeping labels and trimesters where the
/// count matches and naming new visits K5, K6, … in trimester III.
pub fn set_visit_minutes(params: &mut Parameters, minutes: &[f64]) {
    let old = std::mem::take(&mut params.anc.visits);
    params.anc.visits = minutes
        .iter()
        .enumerate()
        .map(|(i, &m)| match old.get(i) {
            Some(v) => Visit {
                minutes: m,
                assumed: v.assumed && v.minutes == m,
                ..v.clone()
            },
            None => Visit::new(&format!("K{}", i + 1), 3, m, false),
        })
        .collect();
}

/// Applies one `NAME=VALUE`. Numbers are read as planners write them, in
/// `lang`'s convention. Ranges are checked later by the engine, which names
/// the parameter in its error.
pub fn apply(params: &mut Parameters, assignment: &str, lang: Lang) -> Result<(), OverrideError> {
    let (name, value) = assignment
        .split_once('=')
        .ok_or_else(|| OverrideError::NotAssignment(assignment.to_string()))?;
    let name = name.trim();
    let value = value.trim();
    let w = &mut params.working_time;
    match name {
        "coefficient" => params.population.coefficient = number(name, value, lang)?,
        "visits" => {
            let minutes = parse_visit_minutes(value)?;
            set_visit_minutes(params, &minutes);
        }
        "standard" => {
            let preset =
                StandardPreset::from_key(value).ok_or_else(|| OverrideError::BadValue {
                    name: name.to_string(),
                    value: value.to_string(),
                    expected: Expected::OneOf(&["paper4", "permenkes6", "who8"]),
                })?;
            params.anc = preset.standard();
        }
        "prep_percent" => params.anc.prep_percent = number(name, value, lang)?,
        "recording_percent" => params.anc.recording_percent = number(name, value, lang)?,
        "days_per_week" => w.days_per_week = number(name, value, lang)?,
        "weeks_per_year" => w.weeks_per_year = number(name, value, lang)?,
        "annual_leave" => w.annual_leave = number(name, value, lang)?,
        "training_days" => w.training_days = number(name, value, lang)?,
        "public_holidays" => w.public_holidays = number(name, value, lang)?,
        "other_absence" => w.other_absence = number(name, value, lang)?,
        "formal_hours_per_week" => w.formal_hours_per_week = number(name, value, lang)?,
        "allowance_percent" => w.allowance_percent = number(name, value, lang)?,
        "base_year" => params.population.base_year = year(name, value)?,
        "horizon_year" => params.population.horizon_year = year(name, value)?,
        "growth_method" => {
            params.population.growth_method =
                GrowthMethod::from_key(value).ok_or_else(|| OverrideError::BadValue {
                    name: name.to_string(),
                    value: value.to_string(),
                    expected: Expected::OneOf(&[
                        "mean",
                        "compound",
                        "fixed",
                        "trend",
                        "median",
                        "population",
                    ]),
                })?
        }
        "growth_years" => params.population.growth_years = year_span(name, value)?,
        "cbr_trend" => {
            params.population.cbr_trend =
                CbrTrend::from_key(value).ok_or_else(|| OverrideError::BadValue {
                    name: name.to_string(),
                    value: value.to_string(),
                    expected: Expected::OneOf(&["hold_mean", "hold_latest", "trend"]),
                })?
        }
        "population_growth" => {
            params.population.population_growth =
                PopulationGrowth::from_key(value).ok_or_else(|| OverrideError::BadValue {
                    name: name.to_string(),
                    value: value.to_string(),
                    expected: Expected::OneOf(&["mean", "compound", "trend"]),
                })?
        }
        "growth_percent" => {
            params.population.fixed_growth_percent = number(name, value, lang)?;
            params.population.growth_method = GrowthMethod::Fixed;
        }
        "rounding" => {
            params.rounding = match value {
                "exact" => Rounding::Exact,
                "published" => Rounding::Published,
                _ => {
                    return Err(OverrideError::BadValue {
                        name: name.to_string(),
                        value: value.to_string(),
                        expected: Expected::OneOf(&["exact", "published"]),
                    });
                }
            }
        }
        "need_sum" => {
            params.need_sum = match value {
                "fte" => NeedSum::Fte,
                "each-rounded-up" | "each_rounded_up" => NeedSum::EachRoundedUp,
                _ => {
                    return Err(OverrideError::BadValue {
                        name: name.to_string(),
                        value: value.to_string(),
                        expected: Expected::OneOf(&["fte", "each-rounded-up"]),
                    });
                }
            }
        }
        _ => return Err(OverrideError::UnknownName(name.to_string())),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_numbers_and_lists() {
        let mut p = Parameters::default();
        apply(&mut p, "allowance_percent=25", Lang::Id).unwrap();
        apply(&mut p, "coefficient=1,05", Lang::Id).unwrap();
        apply(&mut p, "formal_hours_per_week=37.5", Lang::Id).unwrap();
        apply(&mut p, "visits=30.6,20,20,34.1,20", Lang::Id).unwrap();
        assert_eq!(p.working_time.allowance_percent, 25.0);
        assert_eq!(p.population.coefficient, 1.05);
        assert_eq!(p.working_time.formal_hours_per_week, 37.5);
        let m: Vec<f64> = p.anc.visits.iter().map(|v| v.minutes).collect();
        assert_eq!(m, vec![30.6, 20.0, 20.0, 34.1, 20.0]);
        assert_eq!(p.anc.visits[4].label, "K5");
        assert_eq!(p.anc.visits[0].label, "K1");
        apply(&mut p, "visits=30,6;20;20;34,1", Lang::Id).unwrap();
        let m: Vec<f64> = p.anc.visits.iter().map(|v| v.minutes).collect();
        assert_eq!(m, vec![30.6, 20.0, 20.0, 34.1]);
    }

    #[test]
    fn unknown_names_and_bad_values_list_valid_names() {
        let mut p = Parameters::default();
        let e = apply(&mut p, "allowance=30", Lang::Id).unwrap_err();
        assert!(matches!(e, OverrideError::UnknownName(ref n) if n == "allowance"));
        assert!(e.to_string().contains("allowance_percent"));
        let e = apply(&mut p, "annual_leave=dua belas", Lang::Id).unwrap_err();
        assert!(matches!(e, OverrideError::BadValue { .. }));
        assert_eq!(
            e.message(Lang::Id),
            "Parameter `annual_leave`: `dua belas` tidak dapat dibaca (yang diharapkan: sebuah angka)"
        );
        assert_eq!(
            e.message(Lang::En),
            "Parameter `annual_leave`: cannot read `dua belas` (expected: a number)"
        );
        let e = apply(&mut p, "allowance=30", Lang::Id).unwrap_err();
        assert!(
            e.message(Lang::Id).starts_with(
                "Parameter `allowance` tidak dikenal. Nama yang sah: coefficient, visits,"
            ),
            "{e}"
        );
        assert!(apply(&mut p, "visits=", Lang::Id).is_err());
        assert!(apply(&mut p, "base_year", Lang::Id).is_err());
        assert_eq!(p, Parameters::default());
    }

    #[test]
    fn sets_every_growth_method() {
        let mut p = Parameters::default();
        for m in GrowthMethod::ALL {
            apply(&mut p, &format!("growth_method={}", m.key()), Lang::Id).unwrap();
            assert_eq!(p.population.growth_method, m);
        }
        apply(&mut p, "growth_years=2019-2020", Lang::Id).unwrap();
        assert_eq!(
            p.population.growth_years,
            Some(YearSpan {
                first: 2019,
                last: 2020
            })
        );
        apply(&mut p, "growth_years=all", Lang::Id).unwrap();
        assert_eq!(p.population.growth_years, None);
        assert!(apply(&mut p, "growth_years=2019-", Lang::Id).is_err());
        apply(&mut p, "cbr_trend=hold_latest", Lang::Id).unwrap();
        assert_eq!(p.population.cbr_trend, CbrTrend::HoldLatest);
        assert!(apply(&mut p, "cbr_trend=latest", Lang::Id).is_err());
        apply(&mut p, "population_growth=trend", Lang::Id).unwrap();
        assert_eq!(p.population.population_growth, PopulationGrowth::Trend);
        let e = apply(&mut p, "growth_method=average", Lang::Id).unwrap_err();
        assert!(
            e.message(Lang::Id)
                .ends_with("(yang diharapkan: salah satu dari mean, compound, fixed, trend, median, population)"),
            "{e}"
        );
    }
}
