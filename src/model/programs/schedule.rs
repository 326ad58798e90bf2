//! The rotation: which intern goes to which clinic on which days. Each
//! intern, in the order of the first day she may come (then as listed),
//! takes the earliest run of the plan's length of a clinic's open days
//! (clinics tried as listed) where every day still has room in the duty
//! team, within the period. She never comes before her permission nor her
//! posting, never without permission, never for more days than the plan's
//! (at most 2), and no clinic ever has more interns on a day than it takes.

use std::collections::HashMap;

use serde::Serialize;

use super::date::Date;
use super::error::ProgramError;
use super::internship::{Clinic, Intern, Internship};

/// One intern placed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Placement {
    /// Index of the intern.
    pub intern: usize,
    /// Index of the clinic.
    pub clinic: usize,
    /// Her days at the clinic, in order.
    pub days: Vec<Date>,
}

/// Why an intern is not placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Unplaced {
    /// The health office has not given permission.
    NoPermission,
    /// Her permission or posting comes after the period.
    AfterPeriod,
    /// The clinics have no room left for her in the period.
    NoRoom,
}

/// The rotation of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Schedule {
    /// Placed interns, by their first day (then by intern).
    pub placements: Vec<Placement>,
    /// Interns not placed, as listed.
    pub unplaced: Vec<(usize, Unplaced)>,
}

impl Schedule {
    /// The placement of intern `i`, if placed.
    pub fn of(&self, intern: usize) -> Option<&Placement> {
        self.placements.iter().find(|p| p.intern == intern)
    }

    /// The rotation day by day: each day someone is placed, in order, and
    /// at each clinic on it (in clinic order) the interns there.
    pub fn calendar(&self) -> Vec<(Date, usize, Vec<usize>)> {
        let mut days: std::collections::BTreeMap<(Date, usize), Vec<usize>> = Default::default();
        for p in &self.placements {
            for d in &p.days {
                days.entry((*d, p.clinic)).or_default().push(p.intern);
            }
        }
        days.into_iter()
            .map(|((d, c), mut v)| {
                v.sort_unstable();
                (d, c, v)
            })
            .collect()
    }

    /// How many interns clinic `clinic` has on `day`.
    pub fn load(&self, clinic: usize, day: Date) -> usize {
        self.placements
            .iter()
            .filter(|p| p.clinic == clinic && p.days.contains(&day))
            .count()
    }
}

/// The first day intern `i` may come: the period's start, her permission's
/// day and her posting's day, whichever is latest.
pub fn earliest_day(intern: &Intern, start: Date) -> Date {
    [Some(start), intern.permitted_on, intern.posted]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(start)
}

/// The rotation of `plan` (checked first: length, period, clinics).
pub fn schedule(plan: &Internship) -> Result<Schedule, ProgramError> {
    let period = plan.check()?;
    let length = plan.days as usize;
    let mut load: HashMap<(usize, Date), u32> = HashMap::new();
    let mut order: Vec<(Date, usize)> = plan
        .interns
        .iter()
        .enumerate()
        .map(|(i, intern)| (earliest_day(intern, period.start), i))
        .collect();
    order.sort();
    let mut placements = Vec::new();
    let mut unplaced = Vec::new();
    for (first, i) in order {
        if !plan.interns[i].permitted {
            unplaced.push((i, Unplaced::NoPermission));
            continue;
        }
        if first > period.end {
            unplaced.push((i, Unplaced::AfterPeriod));
            continue;
        }
        let mut found = None;
        let mut day = first;
        'days: while day <= period.end {
            for (c, clinic) in plan.clinics.iter().enumerate() {
                if let Some(days) = run_from(clinic, c, day, length, period.end, &load) {
                    found = Some((c, days));
                    break 'days;
                }
            }
            day = day.add_days(1);
        }
        match found {
            Some((clinic, days)) => {
                for d in &days {
                    *load.entry((clinic, *d)).or_insert(0) += 1;
                }
                placements.push(Placement {
                    intern: i,
                    clinic,
                    days,
                });
            }
            None => unplaced.push((i, Unplaced::NoRoom)),
        }
    }
    placements.sort_by_key(|p| (p.days.first().copied(), p.intern));
    unplaced.sort_by_key(|(i, _)| *i);
    Ok(Schedule {
        placements,
        unplaced,
    })
}

/// `length` open days of `clinic` from `start` (which must be open), each
/// with room, none past `end`.
fn run_from(
    clinic: &Clinic,
    c: usize,
    start: Date,
    length: usize,
    end: Date,
    load: &HashMap<(usize, Date), u32>,
) -> Option<Vec<Date>> {
    if !clinic.is_open(start) {
        return None;
    }
    let mut days = Vec::with_capacity(length);
    let mut day = start;
    while days.len() < length {
        if day > end {
            return None;
        }
        if clinic.is_open(day) {
            if load.get(&(c, day)).copied().unwrap_or(0) >= clinic.interns_per_day {
                return None;
            }
            days.push(day);
        }
        day = day.add_days(1);
    }
    Some(days)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::programs::internship::Period;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    fn intern(name: &str, permitted_on: Option<Date>) -> Intern {
        Intern {
            name: name.into(),
            village: "Desa".into(),
            permitted: permitted_on.is_some(),
            permitted_on,
            ..Intern::default()
        }
    }

    /// Clinic A takes 1 intern a day, Monday–Friday; clinic B 2 a day,
    /// every day. Period Monday 2026-03-02 to Sunday 2026-03-08.
    fn plan() -> Internship {
        let mut a = Clinic::new("A", 730.0);
        a.days_open_per_week = 5;
        let mut b = Clinic::new("B", 365.0);
        b.interns_per_day = 2;
        Internship {
            period: Some(Period {
                start: d(2026, 3, 2),
                end: d(2026, 3, 8),
            }),
            interns: vec![
                intern("Ani", Some(d(2026, 2, 1))),
                intern("Bunga", Some(d(2026, 2, 1))),
                intern("Citra", Some(d(2026, 3, 5))),
                intern("Dewi", None),
                intern("Eka", Some(d(2026, 3, 8))),
                intern("Fitri", Some(d(2026, 4, 1))),
            ],
            clinics: vec![a, b],
            ..Internship::default()
        }
    }

    #[test]
    fn placed_by_hand() {
        let s = schedule(&plan()).unwrap();
        // Ani: A on Mon 2 and Tue 3. Bunga: A is full on the 2nd, so B on
        // 2 and 3. Citra (permission Thu 5): A on Thu 5 and Fri 6.
        // Dewi: no permission. Eka (from Sun 8): A closed, B has 1 day
        // left in the period, fewer than 2: no room. Fitri: after the period.
        let got: Vec<(usize, usize, Vec<Date>)> = s
            .placements
            .iter()
            .map(|p| (p.intern, p.clinic, p.days.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                (0, 0, vec![d(2026, 3, 2), d(2026, 3, 3)]),
                (1, 1, vec![d(2026, 3, 2), d(2026, 3, 3)]),
                (2, 0, vec![d(2026, 3, 5), d(2026, 3, 6)]),
            ]
        );
        // Day by day: Monday 2 at A Ani and at B Bunga, Tuesday 3 the
        // same, Thursday 5 and Friday 6 at A Citra.
        assert_eq!(
            s.calendar(),
            vec![
                (d(2026, 3, 2), 0, vec![0]),
                (d(2026, 3, 2), 1, vec![1]),
                (d(2026, 3, 3), 0, vec![0]),
                (d(2026, 3, 3), 1, vec![1]),
                (d(2026, 3, 5), 0, vec![2]),
                (d(2026, 3, 6), 0, vec![2]),
            ]
        );
        assert_eq!(
            s.unplaced,
            vec![
                (3, Unplaced::NoPermission),
                (4, Unplaced::NoRoom),
                (5, Unplaced::AfterPeriod)
            ]
        );
    }

    #[test]
    fn capacity_permission_and_length_always_hold() {
        // 30 interns with permissions spread over March, 2 clinics.
        let mut p = plan();
        p.period = Some(Period {
            start: d(2026, 3, 1),
            end: d(2026, 3, 31),
        });
        p.interns = (0..30)
            .map(|i| {
                let mut x = intern(&format!("B{i}"), Some(d(2026, 3, 1).add_days(i % 17)));
                x.posted = Some(d(2026, 2, 1).add_days(i * 2));
                x
            })
            .collect();
        for days in [1, 2] {
            p.days = days;
            let s = schedule(&p).unwrap();
            assert!(!s.placements.is_empty());
            for pl in &s.placements {
                let who = &p.interns[pl.intern];
                assert_eq!(pl.days.len(), days as usize);
                assert!(pl.days.len() <= 2);
                for day in &pl.days {
                    assert!(Some(*day) >= who.permitted_on && Some(*day) >= who.posted);
                    let cap = p.clinics[pl.clinic].interns_per_day as usize;
                    assert!(s.load(pl.clinic, *day) <= cap);
                    assert!(p.clinics[pl.clinic].is_open(*day));
                }
            }
        }
        p.days = 3;
        assert_eq!(schedule(&p), Err(ProgramError::TooManyDays { days: 3 }));
    }
}
