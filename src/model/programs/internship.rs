//! The internship programme (magang): newly posted village midwives
//! (bidan desa) join a partner maternity clinic's duty team for at most two
//! days, once the district health office has given permission.

use serde::{Deserialize, Serialize};

use super::cases::CaseEntry;
use super::date::Date;
use super::error::{ClinicProblem, ProgramError};

/// The programme's rule on the length of an internship: at most 2 days.
pub const MAX_DAYS: u32 = 2;

/// The rule as the programme wrote it (Rumah Bersalin “Budi Setia”, Kota
/// Sungai Penuh), quoted when a longer internship is refused.
pub const RULE_ID: &str = "Lama masa magang maksimal 2 hari.";

/// A village midwife to place.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Intern {
    pub name: String,
    /// The village she serves (a region of the data, or any name).
    #[serde(default)]
    pub village: String,
    /// The day she was posted to the village.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posted: Option<Date>,
    /// Whether the district health office has given permission.
    #[serde(default)]
    pub permitted: bool,
    /// The day of the permission (she is placed from that day on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permitted_on: Option<Date>,
    /// Her village's births a year, typed; used when the village is not a
    /// region of the scenario's data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub village_births: Option<f64>,
}

/// A partner maternity clinic.
///
/// Its opening is given in days a week (1–7): it is open on the first that
/// many weekdays from Monday (7: every day, as most maternity clinics are;
/// 6: Monday to Saturday), which gives both the calendar the schedule uses
/// and the days open a year, days a week × 365 ÷ 7.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clinic {
    pub name: String,
    /// Deliveries a year at the clinic.
    pub deliveries_per_year: f64,
    /// Interns the duty team takes on one day.
    #[serde(default = "one")]
    pub interns_per_day: u32,
    /// Days open a week, 1–7.
    #[serde(default = "seven")]
    pub days_open_per_week: u32,
    /// The share (0–1) of a village's births that this clinic delivers: an
    /// assumption of the planner, to edit with what the clinic records.
    #[serde(default = "default_share")]
    pub village_share: f64,
}

fn one() -> u32 {
    1
}

fn seven() -> u32 {
    7
}

/// A quarter of the village's births, until the planner knows better.
pub const DEFAULT_VILLAGE_SHARE: f64 = 0.25;

fn default_share() -> f64 {
    DEFAULT_VILLAGE_SHARE
}

impl Clinic {
    /// A clinic open every day, one intern a day, the default share.
    pub fn new(name: &str, deliveries_per_year: f64) -> Clinic {
        Clinic {
            name: name.to_string(),
            deliveries_per_year,
            interns_per_day: 1,
            days_open_per_week: 7,
            village_share: DEFAULT_VILLAGE_SHARE,
        }
    }

    /// Whether the clinic is open on `day`.
    pub fn is_open(&self, day: Date) -> bool {
        day.weekday() < self.days_open_per_week.min(7)
    }

    /// Days open a year: days a week × 365 ÷ 7.
    pub fn days_open_per_year(&self) -> f64 {
        f64::from(self.days_open_per_week.min(7)) * 365.0 / 7.0
    }

    /// The clinic's values checked.
    pub fn check(&self) -> Result<(), ProgramError> {
        let problem = if !(self.deliveries_per_year.is_finite() && self.deliveries_per_year >= 0.0)
        {
            Some(ClinicProblem::Deliveries(self.deliveries_per_year))
        } else if self.interns_per_day == 0 {
            Some(ClinicProblem::Capacity)
        } else if !(1..=7).contains(&self.days_open_per_week) {
            Some(ClinicProblem::DaysOpen(self.days_open_per_week))
        } else if !(self.village_share.is_finite() && (0.0..=1.0).contains(&self.village_share)) {
            Some(ClinicProblem::Share(self.village_share))
        } else {
            None
        };
        match problem {
            Some(problem) => Err(ProgramError::Clinic {
                name: self.name.clone(),
                problem,
            }),
            None => Ok(()),
        }
    }
}

pub use super::date::Period;

/// The internship plan: the midwives, the clinics, the length, the period
/// and the case log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Internship {
    /// Days each intern spends at a clinic (at most [`MAX_DAYS`]).
    #[serde(default = "two")]
    pub days: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    #[serde(default)]
    pub interns: Vec<Intern>,
    #[serde(default)]
    pub clinics: Vec<Clinic>,
    /// The cases the interns presented.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<CaseEntry>,
}

fn two() -> u32 {
    MAX_DAYS
}

impl Default for Internship {
    fn default() -> Self {
        Internship {
            days: MAX_DAYS,
            period: None,
            interns: Vec::new(),
            clinics: Vec::new(),
            cases: Vec::new(),
        }
    }
}

impl Internship {
    /// Whether nothing is planned.
    pub fn is_empty(&self) -> bool {
        self.interns.is_empty() && self.clinics.is_empty() && self.cases.is_empty()
    }

    /// The length, refused past the programme's rule, and the period.
    pub fn check(&self) -> Result<Period, ProgramError> {
        check_days(self.days)?;
        let period = self.period.ok_or(ProgramError::NoPeriod)?;
        if period.end < period.start {
            return Err(ProgramError::PeriodReversed {
                start: period.start,
                end: period.end,
            });
        }
        if self.clinics.is_empty() {
            return Err(ProgramError::NoClinics);
        }
        for c in &self.clinics {
            c.check()?;
        }
        Ok(period)
    }
}

/// The new midwives a supply projection places in `year`, as interns to
/// name and place: `intake` rounded to whole midwives, each called
/// `{label} {year}-{k}`, posted on 1 January of the year, without the
/// health office's permission yet (the planner adds her village and the
/// permission when known).
pub fn interns_from_intake(intake: f64, year: i32, label: &str) -> Vec<Intern> {
    let n = if intake.is_finite() && intake > 0.0 {
        crate::model::number::round_half_up(intake, 0).min(10_000.0) as usize
    } else {
        0
    };
    (1..=n)
        .map(|k| Intern {
            name: format!("{label} {year}-{k}"),
            posted: Date::from_ymd(year, 1, 1),
            ..Intern::default()
        })
        .collect()
}

/// An internship length checked against the programme's rule.
pub fn check_days(days: u32) -> Result<u32, ProgramError> {
    match days {
        0 => Err(ProgramError::NoDays),
        d if d > MAX_DAYS => Err(ProgramError::TooManyDays { days: d }),
        d => Ok(d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn a_longer_internship_is_refused_with_the_rule_quoted() {
        assert_eq!(check_days(2), Ok(2));
        assert_eq!(check_days(1), Ok(1));
        let e = check_days(3).unwrap_err();
        assert_eq!(e, ProgramError::TooManyDays { days: 3 });
        let id = e.message(Lang::Id);
        assert!(id.contains("3 hari") && id.contains(RULE_ID), "{id}");
        let en = e.message(Lang::En);
        assert!(
            en.contains("3 days") && en.contains("at most 2 days"),
            "{en}"
        );
        assert_eq!(check_days(0), Err(ProgramError::NoDays));
    }

    #[test]
    fn new_midwives_of_the_supply_become_interns_to_place() {
        // 3,5 new midwives a year round to 4; none from 0 or a non-number.
        let v = interns_from_intake(3.5, 2027, "Bidan baru");
        assert_eq!(v.len(), 4);
        assert_eq!(v[3].name, "Bidan baru 2027-4");
        assert_eq!(v[0].posted, Date::from_ymd(2027, 1, 1));
        assert!(!v[0].permitted && v[0].permitted_on.is_none());
        assert!(interns_from_intake(0.0, 2027, "x").is_empty());
        assert!(interns_from_intake(f64::NAN, 2027, "x").is_empty());
    }

    #[test]
    fn clinic_opening_and_checks() {
        let mut c = Clinic::new("RB Budi Setia", 1602.0);
        assert_eq!(c.days_open_per_year(), 365.0);
        c.days_open_per_week = 6;
        // 6 × 365 ÷ 7 = 312,857…
        assert!((c.days_open_per_year() - 312.857_142_857).abs() < 1e-6);
        // 2026-12-05 is a Saturday, 2026-12-06 a Sunday.
        assert!(c.is_open(Date::from_ymd(2026, 12, 5).unwrap()));
        assert!(!c.is_open(Date::from_ymd(2026, 12, 6).unwrap()));
        assert!(c.check().is_ok());
        c.village_share = 1.5;
        assert!(matches!(
            c.check(),
            Err(ProgramError::Clinic {
                problem: ClinicProblem::Share(_),
                ..
            })
        ));
    }
}
