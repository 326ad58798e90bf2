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

/// Where a compared scenario's midwives needed come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum NeedFrom {
    /// The paper's antenatal model (the projection).
    #[default]
    Antenatal,
    /// The scenario's workload set-up (WISN or ABK-Kes, the Beban kerja
    /// tab's activity table) over the same years.
    Workload,
}

/// A scenario to compare and where its midwives needed come from.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    pub scenario: Scenario,
    pub need: NeedFrom,
}

impl Variant {
    /// `scenario` with the antenatal model's need.
    pub fn antenatal(scenario: Scenario) -> Self {
        Variant {
            scenario,
            need: NeedFrom::Antenatal,
        }
    }
}

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
    /// Where its midwives needed come from.
    pub need: NeedFrom,
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
    #[error("{}", self.message(Lang::En))]
    Workload {
        scenario: String,
        error: super::staffing::StaffingError,
    },
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
            CompareError::Workload { scenario, error } => lang.tf(
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
    pub need: NeedFrom,
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
            need: input.need,
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

/// Computes and compares `scenarios` (at most [`MAX_SCENARIOS`]), each
/// with the antenatal model's need, for the total or the region whose code
/// or name is `region`.
pub fn compare_scenarios(
    scenarios: &[Scenario],
    region: Option<&str>,
) -> Result<Comparison, CompareError> {
    let list: Vec<Variant> = scenarios.iter().cloned().map(Variant::antenatal).collect();
    compare_variants(&list, region)
}

/// As [`compare_scenarios`], each scenario's midwives needed taken from
/// where its [`Variant::need`] says: the antenatal model, or its workload
/// set-up (WISN or ABK-Kes) computed over the same years.
pub fn compare_variants(
    list: &[Variant],
    region: Option<&str>,
) -> Result<Comparison, CompareError> {
    compare_variants_on(list, region, &[])
}

/// [`compare_variants`], with data tables already checked and grouped:
/// `tables[i]`, where given, is the table of `list[i]`'s rows (the caller
/// made it from them). The other variants share one table per distinct
/// set of rows, so a comparison of a national file's variants checks its
/// rows once, not once per variant.
pub fn compare_variants_on(
    list: &[Variant],
    region: Option<&str>,
    tables: &[Option<&PreparedData>],
) -> Result<Comparison, CompareError> {
    if list.is_empty() || list.len() > MAX_SCENARIOS {
        return Err(CompareError::Count(list.len()));
    }
    let mut computed = Vec::with_capacity(list.len());
    let mut region_name = None;
    // Tables checked here, by the variant whose rows they are.
    let mut made: Vec<(usize, PreparedData)> = Vec::new();
    for (i, v) in list.iter().enumerate() {
        let s = &v.scenario;
        let model = |error| CompareError::Model {
            scenario: s.name.clone(),
            error,
        };
        let data: &PreparedData = match tables.get(i).copied().flatten() {
            Some(d) => d,
            None => {
                let same = made
                    .iter()
                    .position(|(j, _)| list[*j].scenario.data == s.data);
                let k = match same {
                    Some(k) => k,
                    None => {
                        made.push((i, PreparedData::new(&s.data).map_err(model)?));
                        made.len() - 1
                    }
                };
                &made[k].1
            }
        };
        let proj = super::projection::project(&s.params, data).map_err(model)?;
        let mut rows = match region {
            Some(key) => {
                let r = (0..data.regions())
                    .find(|&r| data.codes[r] == key || data.names[r] == key)
                    .ok_or_else(|| CompareError::UnknownRegion {
                        scenario: s.name.clone(),
                        region: key.to_string(),
                    })?;
                region_name.get_or_insert_with(|| data.label(r).to_string());
                proj.region_rows(data, r)
            }
            None => proj.total.clone(),
        };
        if v.need == NeedFrom::Workload {
            let by_year = s
                .workload
                .staffing_by_year(&s.params, &rows, Lang::En)
                .map_err(|error| CompareError::Workload {
                    scenario: s.name.clone(),
                    error,
                })?;
            for row in &mut rows {
                if let Some((_, r)) = by_year.iter().find(|(y, _)| *y == row.year) {
                    row.midwives_needed = r.required;
                }
            }
        }
        computed.push((proj.capacity, rows));
    }
    let inputs: Vec<CompareInput<'_>> = list
        .iter()
        .zip(&computed)
        .map(|(v, (capacity, rows))| CompareInput {
            name: &v.scenario.name,
            need: v.need,
            capacity,
            rows,
        })
        .collect();
    compare(&inputs, region_name)
}

const VISIT_STANDARDS: [(&str, &str); 3] = [("4", "paper4"), ("6", "permenkes6"), ("8", "who8")];

/// The values of a `NAME=V1/V2/…` variant list. Values are separated by
/// `/`; for names whose values are keys or whole numbers (never a decimal
/// comma) a `,` separates them too, so `anc_visits=4,6,8` reads as three.
pub fn split_values<'a>(name: &str, values: &'a str) -> Vec<&'a str> {
    let keyed = matches!(
        name,
        "anc_visits"
            | "need"
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

/// The values of the `need` variant: the antenatal model, or the workload
/// set-up as it is, or with WISN or ABK-Kes.
const NEED_VALUES: [&str; 4] = ["antenatal", "workload", "wisn", "abk"];

/// The variants of `base` that `NAME=V1/V2/…` describes, one per value,
/// each named after `base` and its value (`Contoh · anc_visits=6`).
/// `need=antenatal/workload/wisn/abk` takes the midwives needed from the
/// antenatal model or from the workload set-up (with its own method, or
/// WISN, or ABK-Kes).
pub fn variants(base: &Scenario, list: &str, lang: Lang) -> Result<Vec<Variant>, OverrideError> {
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
            let need = if name == "need" {
                need_variant(&mut s, value)?
            } else {
                apply_variant(&mut s, name, value, lang)?;
                NeedFrom::Antenatal
            };
            s.name = format!("{} · {name}={value}", base.name);
            Ok(Variant { scenario: s, need })
        })
        .collect()
}

/// Sets where the need of `s` comes from, by `value` (one of [`NEED_VALUES`]).
fn need_variant(s: &mut Scenario, value: &str) -> Result<NeedFrom, OverrideError> {
    use super::staffing::Method;
    match value.to_ascii_lowercase().as_str() {
        "antenatal" => Ok(NeedFrom::Antenatal),
        "workload" => Ok(NeedFrom::Workload),
        "wisn" => {
            s.workload.method = Method::Wisn;
            Ok(NeedFrom::Workload)
        }
        "abk" => {
            s.workload.method = Method::Abk;
            Ok(NeedFrom::Workload)
        }
        _ => Err(OverrideError::BadValue {
            name: "need".to_string(),
            value: value.to_string(),
            expected: Expected::OneOf(&NEED_VALUES),
        }),
    }
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
    fn tables_checked_already_give_the_same_comparison() {
        let base = Scenario::example();
        let mut list = vec![Variant::antenatal(base.clone())];
        list.extend(variants(&base, "anc_visits=6,8", Lang::Id).unwrap());
        // Another scenario's data: 10% more people in every year.
        let mut other = base.clone();
        for row in &mut other.data {
            row.population = row.population.map(|p| p * 1.1).into();
        }
        list.push(Variant::antenatal(other.clone()));
        let fresh = compare_variants(&list, None).unwrap();
        // Tables given for A and D (B and C share A's rows and one table
        // made here): the same comparison.
        let own = PreparedData::new(&base.data).unwrap();
        let theirs = PreparedData::new(&other.data).unwrap();
        let given = compare_variants_on(&list, None, &[Some(&own), None, None, Some(&theirs)]);
        assert_eq!(given.unwrap(), fresh);
        // A table given for the wrong variant shows in the result: the
        // caller's word is taken, so it must be right.
        let swapped = compare_variants_on(&list, None, &[Some(&theirs)]).unwrap();
        assert_ne!(swapped, fresh);
        // A's 2017 is the paper's; D's has 10% more people, so 10% more
        // pregnant women.
        let (a, d) = (&fresh.scenarios[0].years[0], &fresh.scenarios[3].years[0]);
        assert_eq!((a.year, d.year), (2017, 2017));
        assert!((a.figures.pregnant_women - 5_329_480.0).abs() < 0.5);
        let ratio = d.figures.pregnant_women / a.figures.pregnant_women;
        assert!((ratio - 1.1).abs() < 1e-9, "{ratio}");
    }

    #[test]
    fn variants_take_every_set_name_and_the_visit_count() {
        let base = Scenario::example();
        let v = variants(&base, "anc_visits=4,6,8", Lang::Id).unwrap();
        let counts: Vec<usize> = v
            .iter()
            .map(|v| v.scenario.params.anc.visits.len())
            .collect();
        assert_eq!(counts, [4, 6, 8]);
        assert!(v[1].scenario.name.ends_with(" · anc_visits=6"));
        let v = variants(&base, "allowance_percent=25/35", Lang::Id).unwrap();
        assert_eq!(v[1].scenario.params.working_time.allowance_percent, 35.0);
        assert!(variants(&base, "anc_visits=5", Lang::Id).is_err());
        assert!(variants(&base, "allowance", Lang::Id).is_err());
        assert!(variants(&base, "nonsense=1", Lang::Id).is_err());
    }

    #[test]
    fn the_need_variant_takes_the_workload_method() {
        let base = Scenario::example();
        let v = variants(&base, "need=antenatal,wisn,abk", Lang::Id).unwrap();
        let needs: Vec<NeedFrom> = v.iter().map(|v| v.need).collect();
        assert_eq!(
            needs,
            [NeedFrom::Antenatal, NeedFrom::Workload, NeedFrom::Workload]
        );
        assert_eq!(
            v[2].scenario.workload.method,
            super::super::staffing::Method::Abk
        );
        assert!(variants(&base, "need=survey", Lang::Id).is_err());
        // The antenatal variant of the example is the example: no difference.
        let c = compare_variants(&v[..1], None).unwrap();
        let same = compare_scenarios(&[base], None).unwrap();
        assert_eq!(c.scenarios[0].years, same.scenarios[0].years);
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
