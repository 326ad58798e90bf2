//! What is wrong with a programme's plan, worded in the planner's language.

use super::date::Date;
use crate::i18n::T;
use crate::model::Lang;
use crate::model::number::fmt_auto;

/// What is wrong with a partner clinic's values.
#[derive(Debug, Clone, PartialEq)]
pub enum ClinicProblem {
    /// Deliveries a year not a number of 0 or more.
    Deliveries(f64),
    /// No intern a day.
    Capacity,
    /// Days open a week outside 1–7.
    DaysOpen(u32),
    /// The share of a village's births outside 0–1.
    Share(f64),
}

/// An error of a programme's plan.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProgramError {
    /// Longer than the programme's rule allows.
    #[error("{}", self.message(Lang::En))]
    TooManyDays { days: u32 },
    #[error("{}", self.message(Lang::En))]
    NoDays,
    #[error("{}", self.message(Lang::En))]
    NoPeriod,
    #[error("{}", self.message(Lang::En))]
    PeriodReversed { start: Date, end: Date },
    #[error("{}", self.message(Lang::En))]
    NoClinics,
    #[error("{}", self.message(Lang::En))]
    Clinic {
        name: String,
        problem: ClinicProblem,
    },
}

impl ProgramError {
    /// The error in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ProgramError::TooManyDays { days } => {
                lang.tf(T::programs_too_many_days, &[("days", days)])
            }
            ProgramError::NoDays => lang.t(T::programs_no_days).to_string(),
            ProgramError::NoPeriod => lang.t(T::programs_no_period).to_string(),
            ProgramError::PeriodReversed { start, end } => lang.tf(
                T::programs_period_reversed,
                &[("start", start), ("end", end)],
            ),
            ProgramError::NoClinics => lang.t(T::programs_no_clinics).to_string(),
            ProgramError::Clinic { name, problem } => {
                let (key, value) = match problem {
                    ClinicProblem::Deliveries(v) => {
                        (T::programs_clinic_deliveries, fmt_auto(*v, lang))
                    }
                    ClinicProblem::Capacity => (T::programs_clinic_capacity, String::new()),
                    ClinicProblem::DaysOpen(d) => (T::programs_clinic_days_open, d.to_string()),
                    ClinicProblem::Share(v) => (T::programs_clinic_share, fmt_auto(*v, lang)),
                };
                lang.tf(key, &[("name", name), ("value", &value)])
            }
        }
    }
}
