//! Scenarios side by side: for up to four scenarios, the pregnant women,
//! the antenatal visits and the midwife hours they take, and the midwives
//! needed, year by year, with each scenario's difference from the first.
//!
//! The scenarios may be files or variants of one scenario
//! ([`variants`]: e.g. the 4-, 6- and 8-visit standards). The result is
//! plain data ([`Comparison`]) for a table, a chart or a file.

use serde::Serialize;

use super::Lang;
use super::capacity::Capacity;
use super::data::PreparedData;
use super::error::ModelError;
use super::overrides::{self, Expected, OverrideError};
use super::projection::{YearKind, YearRow};
use super::scenario::Scenario;
use crate::i18n::T;

/// The most scenarios compared at once.
pub const MAX_SCENARIOS: usize = 4;

/// The figures compared, of one scenario and year.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Figures {
    pub pregnant_women: f64,
    /// Antenatal visits a year: pregnant women × visits of the standard.
    pub anc_visits: f64,
    /// Midwife hours a year for antenatal care: pregnant women × package
    /// minutes / 60.
    pub workload_hours: f64,
    /// Midwives needed (FTE).
    pub midwives_needed: f64,
}

impl Figures {
    /// The figures of `row` under `capacity`.
    pub fn of(row: &YearRow, capacity: &Capacity) -> Self {
        let pw = row.pregnant_women;
        Figures {
            pregnant_women: pw,
            anc_visits: pw * capacity.package.visits as f64,
            workload_hours: pw * capacity.package.package_minutes / 60.0,
            midwives_needed: row.midwives_needed,
        }
    }

    /// `self − other`, figure by figure.
    pub fn minus(self, other: Figures) -> Figures {
        Figures {
            pregnant_women: self.pregnant_women - other.pregnant_women,
            anc_visits: self.anc_visits - other.anc_visits,
            workload_hours: self.workload_hours - other.workload_hours,
            midwives_needed: self.midwives_needed - other.midwives_needed,
        }
    }
}

/// One year of one compared scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComparedYear {
    pub year: i32,
    pub kind: YearKind,
    pub figures: Figures,
    /// This scenario's figures minus the first scenario's (zero for the first).
    pub difference: Figures,
}

/// One compared scenario: its name, its standard and its years.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComparedScenario {
    pub name: String,
    /// Visits of its antenatal standard.
    pub visits: usize,
    /// Minutes of its antenatal package.
    pub package_minutes: f64,
    pub years: Vec<ComparedYear>,
}

/// Up to four scenarios over the years they all show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The region compared (its name), or `None` for the total.
    pub region: Option<String>,
    pub scenarios: Vec<ComparedScenario>,
}

impl Comparison {
    /// The years compared, in order.
    pub fn years(&self) -> Vec<i32> {
        self.scenarios
            .first()
            .map_or_else(Vec::new, |s| s.years.iter().map(|y| y.year).collect())
    }

    /// Keeps only `year`; an error when it is not compared.
    pub fn only_year(&mut self, year: i32) -> Result<(), CompareError> {
        let years = self.years();
        if !years.contains(&year) {
            return Err(CompareError::YearNotCompared {
                year,
                first: years.first().copied().unwrap_or(year),
                last: years.last().copied().unwrap_or(year),
            });
        }
        for s in &mut self.scenarios {
            s.years.retain(|y| y.year == year);
        }
        Ok(())
    }
}

/// Why scenarios could not be compared.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CompareError {
    #[error("{}", self.message(Lang::En))]
    Count(usize),
    #[error("{}", self.message(Lang::En))]
    NoCommonYear,
    #[error("{}", self.message(Lang::En))]
    YearNotCompared { year: i32, first: i32, last: i32 },
    #[error("{}", self.message(Lang::En))]
    UnknownRegion { scenario: String, region: String },
    #[error("{}", self.message(Lang::En))]
    Model { scenario: String, error: ModelError },
}

impl CompareError {
    /// The message in the planner's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            CompareError::Count(count) => lang.tf(
                T::compare_error_count,
                &[("count", count), ("max", &MAX_SCENARIOS)],
            ),
            CompareError::NoCommonYear => lang.t(T::compare_error_no_common_year).into(),
            CompareError::YearNotCompared { year, first, last } => lang.tf(
                T::compare_error_year,
                &[("year", year), ("first", first), ("last", last)],
            ),
            CompareError::UnknownRegion { scenario, region } => lang.tf(
                T::compare_error_region,
                &[("scenario", scenario), ("region", region)],
            ),
            CompareError::Model { scenario, error } => lang.tf(
                T::compare_error_in_scenario,
                &[("scenario", scenario), ("error", &error.message(lang))],
            ),
        }
    }
}

/// One scenario's results as the comparison reads them: its name, its
/// capacity and its rows (the total's or one region's).
#[derive(Debug, Clone, Copy)]
pub struct CompareInput<'a> {
    pub name: &'a str,
    pub capacity: &'a Capacity,
    pub rows: &'a [YearRow],
}

/// Compares computed scenarios over the years they all show; the first is
/// the one the others are measured against.
pub fn compare(
    inputs: &[CompareInput<'_>],
    region: Option<String>,
) -> Result<Comparison, CompareError> {
    if inputs.is_empty() || inputs.len() > MAX_SCENARIOS {
        return Err(CompareError::Count(inputs.len()));
    }
    let years: Vec<i32> = inputs[0]
        .rows
        .iter()
        .map(|r| r.year)
        .filter(|y| inputs.iter().all(|i| i.rows.iter().any(|r| r.year == *y)))
        .collect();
    if years.is_empty() {
        return Err(CompareError::NoCommonYear);
    }
    let figures = |input: &CompareInput<'_>, year: i32| {
        input
            .rows
            .iter()
            .find(|r| r.year == year)
            .map(|r| (r.kind, Figures::of(r, input.capacity)))
    };
    let scenarios = inputs
        .iter()
        .map(|input| ComparedScenario {
            name: input.name.to_string(),
            visits: input.capacity.package.visits,
            package_minutes: input.capacity.package.package_minutes,
            years: years
                .iter()
                .filter_map(|&year| {
                    let (kind, f) = figures(input, year)?;
                    let (_, first) = figures(&inputs[0], year)?;
                    Some(ComparedYear {
                        year,
                        kind,
                        figures: f,
                        difference: f.minus(first),
                    })
                })
                .collect(),
        })
        .collect();
    Ok(Comparison { region, scenarios })
}

/// Computes every scenario and compares them: the total, or the region
/// with code or name `region` in each.
pub fn compare_scenarios(
    scenarios: &[Scenario],
    region: Option<&str>,
) -> Result<Comparison, CompareError> {
    if scenarios.is_empty() || scenarios.len() > MAX_SCENARIOS {
        return Err(CompareError::Count(scenarios.len()));
    }
    let mut computed = Vec::with_capacity(scenarios.len());
    let mut region_name = None;
    for s in scenarios {
        let model = |error| CompareError::Model {
            scenario: s.name.clone(),
            error,
        };
        let data = PreparedData::new(&s.data).map_err(model)?;
        let proj = super::projection::project(&s.params, &data).map_err(model)?;
        let rows = match region {
            Some(key) => {
                let r = (0..data.regions())
                    .find(|&r| data.codes[r] == key || data.names[r] == key)
                    .ok_or_else(|| CompareError::UnknownRegion {
                        scenario: s.name.clone(),
                        region: key.to_string(),
                    })?;
                region_name.get_or_insert_with(|| data.label(r).to_string());
                proj.region_rows(&data, r)
            }
            None => proj.total.clone(),
        };
        computed.push((proj.capacity, rows));
    }
    let inputs: Vec<CompareInput<'_>> = scenarios
        .iter()
        .zip(&computed)
        .map(|(s, (capacity, rows))| CompareInput {
            name: &s.name,
            capacity,
            rows,
        })
        .collect();
    compare(&inputs, region_name)
}

/// The visit counts `anc_visits` takes, with their standards.
const VISIT_STANDARDS: [(&str, &str); 3] = [("4", "paper4"), ("6", "permenkes6"), ("8", "who8")];

/// The values of a `NAME=V1/V2/…` variant list. Values are separated by
/// `/`; for names whose values are keys or whole numbers (never a decimal
/// comma) a `,` separates them too, so `anc_visits=4,6,8` reads as three.
pub fn split_values<'a>(name: &str, values: &'a str) -> Vec<&'a str> {
    let keyed = matches!(
        name,
        "anc_visits"
            | "standard"
            | "growth_method"
            | "cbr_trend"
            | "population_growth"
            | "rounding"
            | "base_year"
            | "horizon_year"
    );
    values
        .split(|c| c == '/' || (keyed && c == ','))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .collect()
}

/// Applies one `NAME=VALUE` to a variant: every `--set` name, and
/// `anc_visits` (4, 6 or 8: the paper's, Permenkes 21/2021's or WHO 2016's
/// standard).
pub fn apply_variant(
    scenario: &mut Scenario,
    name: &str,
    value: &str,
    lang: Lang,
) -> Result<(), OverrideError> {
    if name == "anc_visits" {
        let preset = VISIT_STANDARDS
            .iter()
            .find(|(n, _)| *n == value)
            .ok_or_else(|| OverrideError::BadValue {
                name: name.to_string(),
                value: value.to_string(),
                expected: Expected::OneOf(&["4", "6", "8"]),
            })?;
        return overrides::apply(
            &mut scenario.params,
            &format!("standard={}", preset.1),
            lang,
        );
    }
    if name == "name" {
        scenario.name = value.to_string();
        return Ok(());
    }
    overrides::apply(&mut scenario.params, &format!("{name}={value}"), lang)
}

/// The variants of `base` that `NAME=V1/V2/…` describes, one per value,
/// each named after `base` and its value (`Contoh · anc_visits=6`).
pub fn variants(base: &Scenario, list: &str, lang: Lang) -> Result<Vec<Scenario>, OverrideError> {
    let (name, values) = list
        .split_once('=')
        .ok_or_else(|| OverrideError::NotAssignment(list.to_string()))?;
    let name = name.trim();
    let values = split_values(name, values);
    if values.is_empty() {
        return Err(OverrideError::NotAssignment(list.to_string()));
    }
    values
        .into_iter()
        .map(|value| {
            let mut s = base.clone();
            apply_variant(&mut s, name, value, lang)?;
            s.name = format!("{} · {name}={value}", base.name);
            Ok(s)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_split_on_slashes_and_on_commas_only_for_keys() {
        assert_eq!(split_values("anc_visits", "4,6,8"), ["4", "6", "8"]);
        assert_eq!(split_values("anc_visits", "4/6/8"), ["4", "6", "8"]);
        assert_eq!(split_values("coefficient", "1,05/1,10"), ["1,05", "1,10"]);
        assert_eq!(
            split_values("visits", "30,6;20;20;34,1"),
            ["30,6;20;20;34,1"]
        );
    }

    #[test]
    fn variants_take_every_set_name_and_the_visit_count() {
        let base = Scenario::example();
        let v = variants(&base, "anc_visits=4,6,8", Lang::Id).unwrap();
        let counts: Vec<usize> = v.iter().map(|s| s.params.anc.visits.len()).collect();
        assert_eq!(counts, [4, 6, 8]);
        assert!(v[1].name.ends_with(" · anc_visits=6"));
        let v = variants(&base, "allowance_percent=25/35", Lang::Id).unwrap();
        assert_eq!(v[1].params.working_time.allowance_percent, 35.0);
        assert!(variants(&base, "anc_visits=5", Lang::Id).is_err());
        assert!(variants(&base, "allowance", Lang::Id).is_err());
        assert!(variants(&base, "nonsense=1", Lang::Id).is_err());
    }

    #[test]
    fn more_than_four_or_none_is_refused() {
        let s = Scenario::example();
        let five = vec![s.clone(); 5];
        assert_eq!(
            compare_scenarios(&five, None).unwrap_err(),
            CompareError::Count(5)
        );
        assert_eq!(
            compare_scenarios(&[], None).unwrap_err(),
            CompareError::Count(0)
        );
        let e = compare_scenarios(&[s], Some("XX")).unwrap_err();
        assert!(e.message(Lang::Id).contains("XX"), "{e}");
    }
}
