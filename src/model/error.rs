//! Errors of the planning engine. Each names the parameter, or the data row
//! and column, and says in the planner's language what is expected.

use super::Lang;
use crate::i18n::T;

/// What is wrong with a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// Not a finite number.
    NotFinite,
    /// Outside `[min, max]` (or `[min, max)` when `max_open`).
    OutOfRange { min: f64, max: f64, max_open: bool },
    /// Must be greater than zero.
    NotPositive,
    /// The visit list is empty.
    NoVisits,
    /// HKE is zero or negative: the absences together use up all working
    /// days. Each absence is named with its days.
    NoWorkingDays {
        working_days: f64,
        absences: Vec<(&'static str, f64)>,
        hke: f64,
    },
    /// The year is not in the data.
    YearNotInData { first: i32, last: i32 },
    /// The horizon lies before the base year.
    HorizonBeforeBase { base: i32 },
    /// Needed but absent.
    Missing,
}

/// An error of the engine.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ModelError {
    #[error("{}", self.message(Lang::En))]
    Parameter {
        /// The parameter's name, as used by `--set`.
        name: String,
        value: f64,
        problem: Problem,
    },
    #[error("{}", self.message(Lang::En))]
    Data {
        /// 1-based row of the data table.
        row: usize,
        column: &'static str,
        value: Option<f64>,
        problem: Problem,
    },
    #[error("{}", self.message(Lang::En))]
    EmptyData,
    #[error("{}", self.message(Lang::En))]
    DuplicateYear {
        row: usize,
        region: String,
        year: i32,
    },
    #[error("{}", self.message(Lang::En))]
    YearGap {
        region: String,
        after: i32,
        next: i32,
    },
    #[error("{}", self.message(Lang::En))]
    InconsistentYears {
        region: String,
        first: i32,
        last: i32,
        expected_first: i32,
        expected_last: i32,
    },
    #[error("{}", self.message(Lang::En))]
    GrowthFromZero { region: String, year: i32 },
    #[error("{}", self.message(Lang::En))]
    PopulationRouteNeedsPopulation { region: String, year: i32 },
    /// The projection grows past any number a computer holds (infinity):
    /// the growth rate is absurd, almost always from a tiny data value.
    /// A row names a parent region that no row of the data has.
    #[error("{}", self.message(Lang::En))]
    ParentNotInData {
        row: usize,
        region: String,
        parent: String,
    },
    /// The rows of one region name different parents.
    #[error("{}", self.message(Lang::En))]
    ParentConflict {
        row: usize,
        region: String,
        parent: String,
        other: String,
    },
    /// Following the parents from a region comes back to it.
    #[error("{}", self.message(Lang::En))]
    ParentLoop { row: usize, region: String },
    /// In data that form a tree: a code that is neither a Kemendagri code
    /// (dotted or of 2, 4, 6 or 10 digits) nor given a parent.
    #[error("{}", self.message(Lang::En))]
    UnknownCode { row: usize, code: String },
    #[error("{}", self.message(Lang::En))]
    ProjectionOverflow {
        region: String,
        growth: f64,
        year: i32,
    },
}

fn num(x: f64, lang: Lang) -> String {
    super::number::fmt_auto(x, lang)
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::NotFinite => lang.t(T::error_not_a_number).into(),
            Problem::OutOfRange { min, max, max_open } => {
                let close = if *max_open { ")" } else { "]" };
                let range = format!("[{}; {}{}", num(*min, lang), num(*max, lang), close);
                lang.tf(T::error_out_of_range, &[("range", &range)])
            }
            Problem::NotPositive => lang.t(T::error_not_positive).into(),
            Problem::NoVisits => lang.t(T::error_no_visits).into(),
            Problem::NoWorkingDays {
                working_days,
                absences,
                hke,
            } => {
                let parts = absences
                    .iter()
                    .map(|(name, days)| format!("{name} {}", num(*days, lang)))
                    .collect::<Vec<_>>()
                    .join(" + ");
                let sum: f64 = absences.iter().map(|(_, d)| d).sum();
                lang.tf(
                    T::error_no_working_days,
                    &[
                        ("parts", &parts),
                        ("sum", &num(sum, lang)),
                        ("working_days", &num(*working_days, lang)),
                        ("hke", &num(*hke, lang)),
                    ],
                )
            }
            Problem::YearNotInData { first, last } => lang.tf(
                T::error_year_not_in_data,
                &[("first", first), ("last", last)],
            ),
            Problem::HorizonBeforeBase { base } => {
                lang.tf(T::error_horizon_before_base, &[("base", base)])
            }
            Problem::Missing => lang.t(T::error_missing).into(),
        }
    }
}

impl ModelError {
    /// The data row (1-based) and column an error points at, when it points
    /// at one.
    pub fn location(&self) -> Option<(usize, &'static str)> {
        match self {
            ModelError::Data { row, column, .. } => Some((*row, column)),
            ModelError::DuplicateYear { row, .. } => Some((*row, "year")),
            ModelError::ParentNotInData { row, .. }
            | ModelError::ParentConflict { row, .. }
            | ModelError::ParentLoop { row, .. } => Some((*row, "parent_code")),
            ModelError::UnknownCode { row, .. } => Some((*row, "region_code")),
            _ => None,
        }
    }

    /// The absences together leave no working day: the error names their
    /// sum, not one of them.
    pub fn no_working_days(working_days: f64, absences: Vec<(&'static str, f64)>) -> Self {
        let sum: f64 = absences.iter().map(|(_, d)| d).sum();
        let name = absences
            .iter()
            .map(|(n, _)| *n)
            .collect::<Vec<_>>()
            .join(" + ");
        ModelError::Parameter {
            name,
            value: sum,
            problem: Problem::NoWorkingDays {
                working_days,
                absences,
                hke: working_days - sum,
            },
        }
    }

    pub fn parameter(name: &str, value: f64, problem: Problem) -> Self {
        ModelError::Parameter {
            name: name.to_string(),
            value,
            problem,
        }
    }

    /// The message in the planner's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ModelError::Parameter {
                name,
                value,
                problem,
            } => {
                let shown = if value.is_finite() {
                    num(*value, lang)
                } else {
                    "–".into()
                };
                lang.tf(
                    T::error_parameter,
                    &[
                        ("name", name),
                        ("value", &shown),
                        ("problem", &problem.message(lang)),
                    ],
                )
            }
            ModelError::Data {
                row,
                column,
                value,
                problem,
            } => {
                let shown = value.map(|v| num(v, lang)).unwrap_or_else(|| "–".into());
                lang.tf(
                    T::error_data_cell,
                    &[
                        ("row", row),
                        ("column", column),
                        ("value", &shown),
                        ("problem", &problem.message(lang)),
                    ],
                )
            }
            ModelError::EmptyData => lang.t(T::error_empty_data).into(),
            ModelError::DuplicateYear { row, region, year } => lang.tf(
                T::error_duplicate_year,
                &[("row", row), ("region", region), ("year", year)],
            ),
            ModelError::YearGap {
                region,
                after,
                next,
            } => lang.tf(
                T::error_year_gap,
                &[("region", region), ("after", after), ("next", next)],
            ),
            ModelError::InconsistentYears {
                region,
                first,
                last,
                expected_first,
                expected_last,
            } => lang.tf(
                T::error_inconsistent_years,
                &[
                    ("region", region),
                    ("first", first),
                    ("last", last),
                    ("expected_first", expected_first),
                    ("expected_last", expected_last),
                ],
            ),
            ModelError::GrowthFromZero { region, year } => lang.tf(
                T::error_growth_from_zero,
                &[
                    ("region", region),
                    ("previous", &(year - 1)),
                    ("year", year),
                ],
            ),
            ModelError::PopulationRouteNeedsPopulation { region, year } => lang.tf(
                T::error_population_route_population,
                &[("region", region), ("year", year)],
            ),
            ModelError::ParentNotInData {
                row,
                region,
                parent,
            } => lang.tf(
                T::error_parent_not_in_data,
                &[("row", row), ("region", region), ("parent", parent)],
            ),
            ModelError::ParentConflict {
                row,
                region,
                parent,
                other,
            } => lang.tf(
                T::error_parent_conflict,
                &[
                    ("row", row),
                    ("region", region),
                    ("parent", parent),
                    ("other", other),
                ],
            ),
            ModelError::ParentLoop { row, region } => {
                lang.tf(T::error_parent_loop, &[("row", row), ("region", region)])
            }
            ModelError::UnknownCode { row, code } => {
                lang.tf(T::error_unknown_code, &[("row", row), ("code", code)])
            }
            ModelError::ProjectionOverflow {
                region,
                growth,
                year,
            } => lang.tf(
                T::error_projection_overflow,
                &[
                    ("region", region),
                    ("growth", &super::number::fmt_percent(*growth, 1, lang)),
                    ("year", year),
                ],
            ),
        }
    }
}
