//! The available working time of one staff member a year (WISN AWT,
//! ABK-Kes WKT): from working days and hours (the Kemenkes presets), from
//! minutes, or from the scenario's effective working time (WKE).

use serde::{Deserialize, Serialize};

use crate::model::capacity::working_time;
use crate::model::error::ModelError;
use crate::model::params::{Rounding, WorkingTime};

use super::activity::StaffingError;

/// The days form of the available time: [A − (B + C + D + E)] × hours a day.
///
/// WISN names B public holidays, C annual leave, D sick leave, E other leave
/// (training included here); ABK-Kes names them cuti, libur nasional,
/// pelatihan, absen. Only the sum matters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkingDays {
    pub days_per_week: f64,
    pub weeks_per_year: f64,
    /// Public holidays (libur nasional) a year.
    pub public_holidays: f64,
    /// Annual leave (cuti tahunan) days.
    pub annual_leave: f64,
    /// Sick leave and other absence (absen) days.
    pub sick_leave: f64,
    /// Training (pelatihan) days.
    pub training_days: f64,
    /// Other leave days.
    pub other_leave: f64,
    /// Working hours per day (WISN) / effective hours per day (ABK-Kes).
    pub hours_per_day: f64,
}

impl WorkingDays {
    /// ABK-Kes preset, 6-day week: A = 6 × 52 = 312; cuti 12, libur
    /// nasional 19, pelatihan 5, absen 12 (the guideline's example values,
    /// Permenkes 33/2015 and its ABK-Kes manual, Tabel 2 "Waktu Kerja
    /// Tersedia"); effective hours a week 70% × 37,5 = 26,25 (37,5 formal
    /// hours: Keppres 68/1995; 70% effective: Permenpan-RB 26/2011), so
    /// 26,25 / 6 = 4,375 hours a day. WKT = 264 days × 4,375 h = 1.155 h =
    /// 69.300 min. The holiday count changes from year to year (SKB of the
    /// three ministers): edit it.
    pub fn kemenkes_6_day() -> Self {
        WorkingDays {
            days_per_week: 6.0,
            weeks_per_year: 52.0,
            public_holidays: 19.0,
            annual_leave: 12.0,
            sick_leave: 12.0,
            training_days: 5.0,
            other_leave: 0.0,
            hours_per_day: 37.5 * 0.7 / 6.0,
        }
    }

    /// ABK-Kes preset, 5-day week: A = 5 × 52 = 260, the same absences
    /// (48 days) and 26,25 / 5 = 5,25 hours a day: WKT = 212 days × 5,25 h =
    /// 1.113 h = 66.780 min. Sources as [`WorkingDays::kemenkes_6_day`].
    pub fn kemenkes_5_day() -> Self {
        WorkingDays {
            days_per_week: 5.0,
            hours_per_day: 37.5 * 0.7 / 5.0,
            ..Self::kemenkes_6_day()
        }
    }

    /// The engine's working time in the days form: A = days per week ×
    /// weeks, the same absences (training as training, other absence as
    /// sick leave), hours a day = JKF × (1 − allowance) / days per week.
    /// Exact arithmetic gives the engine's exact WKE (69.825 min for the
    /// paper) up to the last binary digit; use
    /// [`AvailableTime::from_working_time`] for the engine's own figure.
    pub fn from_working_time(w: &WorkingTime) -> Self {
        WorkingDays {
            days_per_week: w.days_per_week,
            weeks_per_year: w.weeks_per_year,
            public_holidays: w.public_holidays,
            annual_leave: w.annual_leave,
            sick_leave: w.other_absence,
            training_days: w.training_days,
            other_leave: 0.0,
            hours_per_day: w.formal_hours_per_week * (1.0 - w.allowance_percent / 100.0)
                / w.days_per_week,
        }
    }

    /// A = days per week × weeks per year.
    pub fn working_days(&self) -> f64 {
        self.days_per_week * self.weeks_per_year
    }

    /// B + C + D + E.
    pub fn absence_days(&self) -> f64 {
        self.public_holidays
            + self.annual_leave
            + self.sick_leave
            + self.training_days
            + self.other_leave
    }

    /// Computes the available time.
    pub fn available(&self) -> Result<AvailableTime, StaffingError> {
        let fields = [
            ("days_per_week", self.days_per_week),
            ("weeks_per_year", self.weeks_per_year),
            ("public_holidays", self.public_holidays),
            ("annual_leave", self.annual_leave),
            ("sick_leave", self.sick_leave),
            ("training_days", self.training_days),
            ("other_leave", self.other_leave),
            ("hours_per_day", self.hours_per_day),
        ];
        for (name, v) in fields {
            if !v.is_finite() || v < 0.0 {
                return Err(ModelError::parameter(
                    name,
                    v,
                    if v.is_finite() {
                        crate::model::error::Problem::OutOfRange {
                            min: 0.0,
                            max: f64::MAX,
                            max_open: false,
                        }
                    } else {
                        crate::model::error::Problem::NotFinite
                    },
                )
                .into());
            }
        }
        let a = self.working_days();
        let absent = self.absence_days();
        let days = a - absent;
        if days <= 0.0 {
            return Err(ModelError::no_working_days(
                a,
                vec![
                    ("public_holidays", self.public_holidays),
                    ("annual_leave", self.annual_leave),
                    ("sick_leave", self.sick_leave),
                    ("training_days", self.training_days),
                    ("other_leave", self.other_leave),
                ],
            )
            .into());
        }
        let minutes = days * self.hours_per_day * 60.0;
        AvailableTime::check(minutes)?;
        Ok(AvailableTime {
            minutes,
            days: Some(DaysWorking {
                working_days: a,
                absence_days: absent,
                effective_days: days,
                hours_per_day: self.hours_per_day,
            }),
            source: AvailableSource::Days,
        })
    }
}

/// Where the available time came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AvailableSource {
    /// Typed as minutes a year.
    Direct,
    /// [A − (B + C + D + E)] × hours per day.
    Days,
    /// The engine's WKE (Permenkes 43/2017), in the engine's rounding.
    EngineWke,
}

/// The days behind an available time, for the working.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DaysWorking {
    /// A.
    pub working_days: f64,
    /// B + C + D + E.
    pub absence_days: f64,
    /// A − (B + C + D + E).
    pub effective_days: f64,
    pub hours_per_day: f64,
}

/// The available working time of one staff member a year (AWT / WKT).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AvailableTime {
    pub minutes: f64,
    pub days: Option<DaysWorking>,
    pub source: AvailableSource,
}

impl AvailableTime {
    pub(super) fn check(minutes: f64) -> Result<(), StaffingError> {
        if !minutes.is_finite() || minutes <= 0.0 {
            return Err(StaffingError::AvailableTime { value: minutes });
        }
        Ok(())
    }

    /// A value typed directly (the command line's `--available-minutes`).
    pub fn from_minutes(minutes: f64) -> Result<Self, StaffingError> {
        Self::check(minutes)?;
        Ok(AvailableTime {
            minutes,
            days: None,
            source: AvailableSource::Direct,
        })
    }

    /// The engine's WKE, bit for bit: `working_time(w, rounding)`'s
    /// effective minutes (paper: 69.825 exact, 69.774 published).
    pub fn from_working_time(w: &WorkingTime, rounding: Rounding) -> Result<Self, StaffingError> {
        let r = working_time(w, rounding)?;
        Self::check(r.effective_minutes)?;
        Ok(AvailableTime {
            minutes: r.effective_minutes,
            days: Some(DaysWorking {
                working_days: r.working_days,
                absence_days: r.absence_days,
                effective_days: r.effective_days,
                hours_per_day: r.effective_minutes / r.effective_days / 60.0,
            }),
            source: AvailableSource::EngineWke,
        })
    }
}
