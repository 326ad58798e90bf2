//! The case log: each case an intern presented to the duty team
//! (anamnesis, midwifery diagnosis, plan of action, potential problems) and
//! her role, and the meetings at the start of each month that discuss the
//! past month's cases.

use serde::{Deserialize, Serialize};

use super::date::{Date, Period};

/// The intern's role at a delivery: first helper when the mother comes
/// from her own village (the senior midwife assists), second otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum HelperRole {
    First,
    #[default]
    Second,
}

impl HelperRole {
    /// The role the programme gives: first helper for a mother of her
    /// own village (names compared without letter case and spaces around).
    pub fn for_mother(intern_village: &str, mother_village: &str) -> HelperRole {
        let norm = |s: &str| s.trim().to_lowercase();
        if !intern_village.trim().is_empty() && norm(intern_village) == norm(mother_village) {
            HelperRole::First
        } else {
            HelperRole::Second
        }
    }
}

/// One case an intern presented.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CaseEntry {
    /// The intern's name.
    pub intern: String,
    pub date: Option<Date>,
    #[serde(default)]
    pub anamnesis: String,
    /// Midwifery diagnosis.
    #[serde(default)]
    pub diagnosis: String,
    /// Plan of action.
    #[serde(default)]
    pub plan: String,
    #[serde(default)]
    pub potential_problems: String,
    #[serde(default)]
    pub role: HelperRole,
}

/// A monthly case meeting and the cases it discusses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Meeting {
    pub date: Date,
    /// Indices into the case log: the cases of the month before.
    pub cases: Vec<usize>,
}

/// The first working day (Monday–Friday) of the month of `day`.
pub fn first_working_day(day: Date) -> Date {
    let mut d = day.first_of_month();
    while d.weekday() > 4 {
        d = d.add_days(1);
    }
    d
}

/// The meetings at the start of each month: the first working day of every
/// month after the period's first, up to the first month after its end, so
/// that each month's cases are discussed once.
pub fn monthly_meetings(period: Period, cases: &[CaseEntry]) -> Vec<Meeting> {
    let mut out = Vec::new();
    let mut month = period.start.first_of_month();
    let last = period.end.first_of_month();
    while month <= last {
        let next = month.next_month();
        let discussed = cases
            .iter()
            .enumerate()
            .filter(|(_, c)| c.date.is_some_and(|d| d >= month && d < next))
            .map(|(i, _)| i)
            .collect();
        out.push(Meeting {
            date: first_working_day(next),
            cases: discussed,
        });
        month = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    #[test]
    fn meetings_discuss_the_month_before() {
        let case = |day: Date| CaseEntry {
            intern: "Ani".into(),
            date: Some(day),
            ..CaseEntry::default()
        };
        let cases = [
            case(d(2026, 3, 3)),
            case(d(2026, 4, 30)),
            case(d(2026, 3, 31)),
        ];
        let period = Period {
            start: d(2026, 3, 2),
            end: d(2026, 4, 15),
        };
        let m = monthly_meetings(period, &cases);
        // 2026-04-01 is a Wednesday; 2026-05-01 a Friday.
        assert_eq!(m.len(), 2);
        assert_eq!((m[0].date, m[0].cases.clone()), (d(2026, 4, 1), vec![0, 2]));
        assert_eq!((m[1].date, m[1].cases.clone()), (d(2026, 5, 1), vec![1]));
        // 2026-08-01 is a Saturday: the meeting is on Monday the 3rd.
        assert_eq!(first_working_day(d(2026, 8, 20)), d(2026, 8, 3));
        assert_eq!(
            HelperRole::for_mother("Koto Lolo", " koto lolo"),
            HelperRole::First
        );
        assert_eq!(
            HelperRole::for_mother("Koto Lolo", "Sumur Gedang"),
            HelperRole::Second
        );
        assert_eq!(HelperRole::for_mother("", ""), HelperRole::Second);
    }
}
