//! The activity table of the workload method: each activity of a midwife
//! with its kind, minutes, units and staff, and the errors that name what to
//! fix in it.

use serde::{Deserialize, Serialize};

use crate::i18n::T;
use crate::model::Lang;
use crate::model::error::ModelError;
use crate::model::number::{fmt_auto, fmt_trim};

use super::method::Method;

/// What kind of work an activity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ActivityKind {
    /// A health service counted in units (visits, deliveries): WISN
    /// "health service activity", ABK-Kes "tugas pokok".
    #[default]
    Service,
    /// Support work every staff member does (meetings, reports): WISN
    /// "category allowance", ABK-Kes "tugas penunjang".
    Support,
    /// Work only some staff do (a coordinator's supervision): WISN
    /// "individual allowance".
    Individual,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 3] = [
        ActivityKind::Service,
        ActivityKind::Support,
        ActivityKind::Individual,
    ];

    /// English key: `service`, `support`, `individual`.
    pub fn key(self) -> &'static str {
        match self {
            ActivityKind::Service => "service",
            ActivityKind::Support => "support",
            ActivityKind::Individual => "individual",
        }
    }

    /// Indonesian key: `pelayanan`, `penunjang`, `individu`.
    pub fn key_id(self) -> &'static str {
        match self {
            ActivityKind::Service => "pelayanan",
            ActivityKind::Support => "penunjang",
            ActivityKind::Individual => "individu",
        }
    }

    /// Reads `service`/`pelayanan`, `support`/`penunjang`,
    /// `individual`/`individu` (any case; a few common variants too).
    pub fn from_key(text: &str) -> Option<Self> {
        let n: String = text
            .trim()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        match n.as_str() {
            "service" | "pelayanan" | "tugaspokok" | "pokok" | "healthservice" => {
                Some(ActivityKind::Service)
            }
            "support" | "penunjang" | "tugaspenunjang" | "category" | "categoryallowance" => {
                Some(ActivityKind::Support)
            }
            "individual" | "individu" | "tugasindividu" | "individualallowance" | "tambahan" => {
                Some(ActivityKind::Individual)
            }
            _ => None,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ActivityKind::Service => lang.t(T::activity_service),
            ActivityKind::Support => lang.t(T::activity_support),
            ActivityKind::Individual => lang.t(T::activity_individual),
        }
    }
}

/// One row of the activity table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub name: String,
    pub kind: ActivityKind,
    /// Service standard / norma waktu: minutes one unit takes.
    pub minutes_per_unit: f64,
    /// Annual workload / capaian: units a year (for support and individual
    /// activities, how often one person does it a year).
    pub units_per_year: f64,
    /// Individual activities: how many staff do it (ignored otherwise).
    #[serde(default)]
    pub staff: f64,
}

impl Activity {
    pub fn new(name: &str, kind: ActivityKind, minutes: f64, units: f64, staff: f64) -> Self {
        Activity {
            name: name.to_string(),
            kind,
            minutes_per_unit: minutes,
            units_per_year: units,
            staff,
        }
    }

    /// Minutes a year: minutes per unit × units a year.
    pub fn minutes_per_year(&self) -> f64 {
        self.minutes_per_unit * self.units_per_year
    }
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// What is wrong with a value of the activity table.
#[derive(Debug, Clone, PartialEq)]
pub enum ActivityProblem {
    NotFinite,
    Negative,
    /// Service minutes must be more than zero (SW would be infinite).
    NotPositive,
    /// Worksheet rounding makes SW/SBK zero: one unit takes more than
    /// twice the available time.
    NoWholeUnit,
}

/// An error of the staffing calculation, naming what to fix.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StaffingError {
    #[error("{}", self.message(Lang::En))]
    EmptyTable,
    #[error("{}", self.message(Lang::En))]
    Activity {
        /// 1-based row of the activity table.
        row: usize,
        name: String,
        /// `minutes_per_unit`, `units_per_year` or `staff`.
        field: &'static str,
        value: f64,
        problem: ActivityProblem,
    },
    /// The available time is zero, negative or not a number.
    #[error("{}", self.message(Lang::En))]
    AvailableTime { value: f64 },
    /// Support work uses up all available time: CAF/STP would be infinite
    /// or negative.
    #[error("{}", self.message(Lang::En))]
    SupportTooLarge {
        method: Method,
        support_minutes: f64,
        available_minutes: f64,
    },
    /// A volume assumption is out of range.
    #[error("{}", self.message(Lang::En))]
    Assumption { name: &'static str, value: f64 },
    /// The working time was refused by the engine.
    #[error("{0}")]
    Model(#[from] ModelError),
}

impl StaffingError {
    /// The message in the planner's language.
    pub fn message(&self, lang: Lang) -> String {
        let n = |x: f64| {
            if x.is_finite() {
                fmt_auto(x, lang)
            } else {
                "–".into()
            }
        };
        match self {
            StaffingError::EmptyTable => lang.t(T::activity_the_activity_table_is_empty).into(),
            StaffingError::Activity {
                row,
                name,
                field,
                value,
                problem,
            } => {
                let what = lang.t(match problem {
                    ActivityProblem::NotFinite => T::activity_problem_not_a_number,
                    ActivityProblem::Negative => T::activity_problem_negative,
                    ActivityProblem::NotPositive => T::activity_problem_not_positive,
                    ActivityProblem::NoWholeUnit => T::activity_problem_no_whole_unit,
                });
                lang.tf(
                    T::activity_problem_row,
                    &[
                        ("row", row),
                        ("name", name),
                        ("field", field),
                        ("value", &n(*value)),
                        ("problem", &what),
                    ],
                )
            }
            StaffingError::AvailableTime { value } => lang.tf(
                T::activity_available_time_not_positive,
                &[("minutes", &n(*value))],
            ),
            StaffingError::SupportTooLarge {
                method,
                support_minutes,
                available_minutes,
            } => {
                let pct = support_minutes / available_minutes * 100.0;
                let (factor, share) = match method {
                    Method::Wisn => ("CAF", "ΣCAS%"),
                    Method::Abk => ("STP", "FTP"),
                };
                lang.tf(
                    T::activity_support_too_large,
                    &[
                        ("support", &n(*support_minutes)),
                        ("available", &n(*available_minutes)),
                        ("share", &share),
                        ("percent", &fmt_trim(pct, 2, lang)),
                        ("factor", &factor),
                    ],
                )
            }
            StaffingError::Assumption { name, value } => lang.tf(
                T::activity_assumption_out_of_range,
                &[("name", name), ("value", &n(*value))],
            ),
            StaffingError::Model(e) => e.message(lang),
        }
    }
}
