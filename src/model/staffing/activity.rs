//! The activity table of the workload method: each activity of a midwife
//! with its kind, minutes, units and staff, and the errors that name what to
//! fix in it.

use serde::{Deserialize, Serialize};

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
            ActivityKind::Service => lang.pick("pelayanan", "service"),
            ActivityKind::Support => lang.pick("penunjang", "support"),
            ActivityKind::Individual => lang.pick("individu", "individual"),
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
            StaffingError::EmptyTable => lang
                .pick(
                    "Tabel kegiatan kosong: minimal satu kegiatan pelayanan",
                    "The activity table is empty: at least one service activity",
                )
                .into(),
            StaffingError::Activity {
                row,
                name,
                field,
                value,
                problem,
            } => {
                let what = match (problem, lang) {
                    (ActivityProblem::NotFinite, Lang::Id) => "harus berupa angka",
                    (ActivityProblem::NotFinite, Lang::En) => "must be a number",
                    (ActivityProblem::Negative, Lang::Id) => "tidak boleh negatif",
                    (ActivityProblem::Negative, Lang::En) => "must not be negative",
                    (ActivityProblem::NotPositive, Lang::Id) => {
                        "harus lebih besar dari nol untuk kegiatan pelayanan"
                    }
                    (ActivityProblem::NotPositive, Lang::En) => {
                        "must be greater than zero for a service activity"
                    }
                    (ActivityProblem::NoWholeUnit, Lang::Id) => {
                        "lebih dari dua kali waktu kerja tersedia: SBK dibulatkan menjadi 0"
                    }
                    (ActivityProblem::NoWholeUnit, Lang::En) => {
                        "is more than twice the available time: the rounded standard workload is 0"
                    }
                };
                match lang {
                    Lang::Id => format!(
                        "Kegiatan baris {row} “{name}”, kolom `{field}` = {}: {what}",
                        n(*value)
                    ),
                    Lang::En => format!(
                        "Activity row {row} “{name}”, column `{field}` = {}: {what}",
                        n(*value)
                    ),
                }
            }
            StaffingError::AvailableTime { value } => match lang {
                Lang::Id => format!(
                    "Waktu kerja tersedia = {} menit: harus lebih besar dari nol",
                    n(*value)
                ),
                Lang::En => format!(
                    "Available working time = {} minutes: must be greater than zero",
                    n(*value)
                ),
            },
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
                match lang {
                    Lang::Id => format!(
                        "Tugas penunjang {} menit setahun ≥ waktu kerja tersedia {} menit ({share} = {}%): {factor} tidak terhingga atau negatif. Kurangi waktu tugas penunjang.",
                        n(*support_minutes),
                        n(*available_minutes),
                        fmt_trim(pct, 2, lang)
                    ),
                    Lang::En => format!(
                        "Support work of {} minutes a year ≥ the available time of {} minutes ({share} = {}%): {factor} would be infinite or negative. Reduce the support time.",
                        n(*support_minutes),
                        n(*available_minutes),
                        fmt_trim(pct, 2, lang)
                    ),
                }
            }
            StaffingError::Assumption { name, value } => match lang {
                Lang::Id => format!(
                    "Asumsi `{name}` = {}: harus angka 0 atau lebih (kunjungan dokter tidak lebih dari kunjungan ANC)",
                    n(*value)
                ),
                Lang::En => format!(
                    "Assumption `{name}` = {}: must be a number, 0 or more (doctor visits no more than ANC visits)",
                    n(*value)
                ),
            },
            StaffingError::Model(e) => e.message(lang),
        }
    }
}
