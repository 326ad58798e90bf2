//! A calendar day, as the programs' plans need it: an ISO date
//! (`2026-03-02`) counted in days, with its weekday and month. The programs
//! need no time of day nor time zone, so a day number is all there is; the
//! civil calendar is the proleptic Gregorian one (H. Hinnant's algorithm).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A day of the calendar, stored as days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

impl Date {
    /// The day `year`-`month`-`day`, or `None` when there is no such day.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        if !(-9999..=9999).contains(&year) {
            return None;
        }
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let mp = (month as i32 + 9) % 12;
        let doy = (153 * mp + 2) / 5 + day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Date(era * 146_097 + doe - 719_468))
    }

    /// The day as (year, month, day).
    pub fn ymd(self) -> (i32, u32, u32) {
        // In i64, so that any day number (a chart's axis panned far) works.
        let z = i64::from(self.0) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        (
            year.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
            month,
            day,
        )
    }

    pub fn year(self) -> i32 {
        self.ymd().0
    }

    pub fn month(self) -> u32 {
        self.ymd().1
    }

    /// The day `days` after 1970-01-01.
    pub fn from_days(days: i32) -> Date {
        Date(days)
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i32 {
        self.0
    }

    /// The day `n` days later (earlier when `n` is negative).
    pub fn add_days(self, n: i32) -> Date {
        Date(self.0.saturating_add(n))
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i32 {
        later.0.saturating_sub(self.0)
    }

    /// The weekday, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    pub fn weekday(self) -> u32 {
        (self.0 + 3).rem_euclid(7) as u32
    }

    /// The first day of the day's month.
    pub fn first_of_month(self) -> Date {
        let (y, m, _) = self.ymd();
        Date::from_ymd(y, m, 1).unwrap_or(self)
    }

    /// The first day of the next month.
    pub fn next_month(self) -> Date {
        let (y, m, _) = self.ymd();
        let (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        Date::from_ymd(y, m, 1).unwrap_or(self)
    }

    /// Reads `2026-03-02` (ISO), `02/03/2026`, `02-03-2026` or `2/3/2026`
    /// (day first, as Indonesian spreadsheets write dates).
    pub fn parse(text: &str) -> Option<Date> {
        let t = text.trim();
        // A date and time from a spreadsheet: the day only.
        let t = t.split([' ', 'T']).next().unwrap_or(t);
        let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
        if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
            return None;
        }
        if !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
        let n = |s: &str| s.parse::<i64>().ok();
        let (a, b, c) = (n(parts[0])?, n(parts[1])?, n(parts[2])?);
        let (y, m, d) = if parts[0].len() == 4 {
            (a, b, c)
        } else if parts[2].len() == 4 {
            (c, b, a)
        } else {
            return None;
        };
        Date::from_ymd(
            i32::try_from(y).ok()?,
            u32::try_from(m).ok()?,
            u32::try_from(d).ok()?,
        )
    }

    /// The day of a spreadsheet's date serial number (1900 system, as
    /// Excel and LibreOffice store dates: 25.569 is 1970-01-01).
    pub fn from_serial(serial: f64) -> Option<Date> {
        if !serial.is_finite() || !(1.0..=2_958_465.0).contains(&serial) {
            return None;
        }
        Some(Date(serial.floor() as i32 - 25_569))
    }
}

/// The days to schedule, first and last included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub start: Date,
    pub end: Date,
}

impl Period {
    pub fn contains(&self, day: Date) -> bool {
        self.start <= day && day <= self.end
    }
}

/// Whether `year` has 29 February.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days of `month` (1–12) in `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// ISO: `2026-03-02`.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a date (YYYY-MM-DD): {text:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_weekdays_and_text() {
        let d = Date::from_ymd(1970, 1, 1).unwrap();
        assert_eq!((d.days(), d.weekday()), (0, 3)); // a Thursday
        // 2016-01-01 was a Friday; 2016 is a leap year (366 days).
        let a = Date::from_ymd(2016, 1, 1).unwrap();
        assert_eq!(a.weekday(), 4);
        assert_eq!(a.days_until(Date::from_ymd(2017, 1, 1).unwrap()), 366);
        assert_eq!(a.add_days(59).ymd(), (2016, 2, 29));
        assert_eq!(a.add_days(60).to_string(), "2016-03-01");
        assert_eq!(Date::from_ymd(2015, 2, 29), None);
        assert_eq!(Date::parse("2026-12-03"), Date::from_ymd(2026, 12, 3));
        assert_eq!(Date::parse("03/12/2026"), Date::from_ymd(2026, 12, 3));
        assert_eq!(
            Date::parse("3-12-2026 00:00:00"),
            Date::from_ymd(2026, 12, 3)
        );
        assert_eq!(Date::parse("12/2026"), None);
        assert_eq!(Date::parse("31/02/2026"), None);
        assert_eq!(Date::parse("abc"), None);
        // 46.083 is 2026-03-02 in a spreadsheet (25.569 + 20.514 days: 56 years with 14 leap days to 2026-01-01, then 31 + 28 + 1).
        assert_eq!(Date::from_serial(46_083.0), Date::from_ymd(2026, 3, 2));
        assert_eq!(
            Date::from_ymd(2026, 12, 31).unwrap().next_month().ymd(),
            (2027, 1, 1)
        );
        // Any day number has a date, the extremes included.
        let _ = (
            Date(i32::MAX).ymd(),
            Date(i32::MIN).ymd(),
            Date(i32::MAX).to_string(),
        );
        for n in -800_000..800_000 {
            let d = Date(n * 3);
            let (y, m, dd) = d.ymd();
            assert_eq!(Date::from_ymd(y, m, dd), Some(d));
        }
    }
}
