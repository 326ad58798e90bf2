//! The internship calendar as month grids: for every month from the first
//! placement (or meeting) to the last, weeks of seven days, Monday first,
//! each day with the interns placed and where, and the case meeting.

use super::cases::Meeting;
use super::date::{Date, days_in_month};
use super::schedule::Schedule;

/// One day of a month grid.
#[derive(Debug, Clone, PartialEq)]
pub struct DayCell {
    pub date: Date,
    /// (intern, clinic) placed that day, in clinic then intern order.
    pub placed: Vec<(usize, usize)>,
    /// Whether the monthly case meeting is that day.
    pub meeting: bool,
}

/// One month: its year and month and its weeks, Monday first; days of the
/// neighbouring months are `None`.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthGrid {
    pub year: i32,
    pub month: u32,
    pub weeks: Vec<[Option<DayCell>; 7]>,
}

/// The months from the first to the last day with a placement or a meeting;
/// empty when there is neither.
pub fn month_grids(schedule: &Schedule, meetings: &[Meeting]) -> Vec<MonthGrid> {
    let calendar = schedule.calendar();
    let days = calendar
        .iter()
        .map(|(d, _, _)| *d)
        .chain(meetings.iter().map(|m| m.date));
    let (Some(first), Some(last)) = (days.clone().min(), days.max()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut month = first.first_of_month();
    while month <= last {
        let (year, m, _) = month.ymd();
        let mut weeks: Vec<[Option<DayCell>; 7]> = Vec::new();
        let mut week: [Option<DayCell>; 7] = Default::default();
        for d in 0..days_in_month(year, m) {
            let date = month.add_days(d as i32);
            let wd = date.weekday() as usize;
            if wd == 0 && d > 0 {
                weeks.push(std::mem::take(&mut week));
            }
            let placed = calendar
                .iter()
                .filter(|(day, _, _)| *day == date)
                .flat_map(|(_, clinic, interns)| interns.iter().map(move |i| (*i, *clinic)))
                .collect();
            week[wd] = Some(DayCell {
                date,
                placed,
                meeting: meetings.iter().any(|x| x.date == date),
            });
        }
        weeks.push(week);
        out.push(MonthGrid {
            year,
            month: m,
            weeks,
        });
        month = month.next_month();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::schedule::Placement;
    use super::*;

    #[test]
    fn march_2026_starts_on_a_sunday_and_shows_the_placed_days() {
        let d = |m, day| Date::from_ymd(2026, m, day).unwrap();
        let schedule = Schedule {
            placements: vec![
                Placement {
                    intern: 0,
                    clinic: 1,
                    days: vec![d(3, 2), d(3, 3)],
                },
                Placement {
                    intern: 1,
                    clinic: 0,
                    days: vec![d(3, 2), d(3, 3)],
                },
            ],
            unplaced: Vec::new(),
        };
        let meetings = [Meeting {
            date: d(4, 1),
            cases: Vec::new(),
        }];
        let grids = month_grids(&schedule, &meetings);
        assert_eq!(grids.len(), 2);
        let march = &grids[0];
        assert_eq!((march.year, march.month), (2026, 3));
        // 1 March 2026 is a Sunday: the first week holds only it.
        assert!(march.weeks[0][..6].iter().all(Option::is_none));
        assert_eq!(march.weeks[0][6].as_ref().unwrap().date, d(3, 1));
        // Monday 2 March: both interns, the clinic 0 one first.
        let monday = march.weeks[1][0].as_ref().unwrap();
        assert_eq!(monday.date, d(3, 2));
        assert_eq!(monday.placed, [(1, 0), (0, 1)]);
        // 31 days from a Sunday: six weeks, the last ending on Tuesday 31.
        assert_eq!(march.weeks.len(), 6);
        assert_eq!(march.weeks[5][1].as_ref().unwrap().date, d(3, 31));
        assert!(march.weeks[5][2].is_none());
        // The April meeting on Wednesday 1 April.
        let april = &grids[1];
        let wed = april.weeks[0][2].as_ref().unwrap();
        assert!(wed.meeting && wed.placed.is_empty());
    }
}
