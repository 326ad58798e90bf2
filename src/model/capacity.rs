//! A midwife's capacity for antenatal care, the time side of the projection:
//! how long one client's service package takes (the ANC package of the
//! paper), how much effective working time a midwife has in a year (HKE,
//! WKE), the share of a midwife's year one client takes and the clients one
//! midwife serves.

use super::error::{ModelError, Problem};
use super::number::round_half_up;
use super::params::{Parameters, Rounding, ServiceStandard, WorkingTime};

/// Minutes of one service package (all visits of one client).
#[derive(Debug, Clone, PartialEq)]
pub struct PackageTime {
    /// Number of visits in the standard.
    pub visits: usize,
    /// Sum of the visit minutes as entered (paper: 104,7).
    pub visit_minutes: f64,
    /// The visit sum used further (published: rounded to whole minutes, 105).
    pub visit_minutes_used: f64,
    /// Preparation minutes (paper: 20% of 105 = 21).
    pub prep_minutes: f64,
    /// Recording and reporting minutes (paper: 21).
    pub recording_minutes: f64,
    /// Total package minutes (paper: 147).
    pub package_minutes: f64,
}

/// A midwife's effective working time in a year.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkingTimeResult {
    /// A = working days per week × weeks per year (312).
    pub working_days: f64,
    /// B + C + D + E (46).
    pub absence_days: f64,
    /// HKE = A − (B + C + D + E) (266).
    pub effective_days: f64,
    /// HKE / days per week (44,33; published 44,3).
    pub effective_weeks: f64,
    /// JKF × (1 − allowance) (26,25 hours).
    pub effective_hours_per_week: f64,
    /// WKE in hours (1.163,75; published 1.162,9).
    pub effective_hours: f64,
    /// WKE in minutes (69.825; published 69.774).
    pub effective_minutes: f64,
}

/// A midwife's capacity: package and working time put together.
#[derive(Debug, Clone, PartialEq)]
pub struct Capacity {
    pub rounding: Rounding,
    pub package: PackageTime,
    pub working: WorkingTimeResult,
    /// Share of one midwife's year per client: package / WKE (0,0021).
    pub share: f64,
    /// The share before rounding (the same as `share` in exact mode).
    pub share_unrounded: f64,
    /// Clients one midwife serves in a year: WKE / package
    /// (published: whole clients, rounded down, 474).
    pub women_per_midwife: f64,
    /// Effective minutes per working day: WKE / HKE (262,5).
    pub minutes_per_day: f64,
    /// Packages of visit time (without preparation and recording) per day (2,5).
    pub packages_per_day: f64,
    /// Visits per day: packages per day × visits (10).
    pub visits_per_day: f64,
}

/// `v` is a finite number in `[min; max]`, else the parameter's error.
pub(super) fn in_range(name: &str, v: f64, min: f64, max: f64) -> Result<(), ModelError> {
    if !v.is_finite() {
        return Err(ModelError::parameter(name, v, Problem::NotFinite));
    }
    if v < min || v > max {
        return Err(ModelError::parameter(
            name,
            v,
            Problem::OutOfRange {
                min,
                max,
                max_open: false,
            },
        ));
    }
    Ok(())
}

/// Minutes of the service package of `standard`.
pub fn package_time(
    standard: &ServiceStandard,
    rounding: Rounding,
) -> Result<PackageTime, ModelError> {
    if standard.visits.is_empty() {
        return Err(ModelError::parameter("visits", 0.0, Problem::NoVisits));
    }
    for v in &standard.visits {
        in_range("visits", v.minutes, 0.0, 600.0)?;
    }
    in_range("prep_percent", standard.prep_percent, 0.0, 500.0)?;
    in_range("recording_percent", standard.recording_percent, 0.0, 500.0)?;
    let visit_minutes: f64 = standard.visits.iter().map(|v| v.minutes).sum();
    let (used, prep, rec, total) = match rounding {
        Rounding::Exact => {
            let prep = visit_minutes * standard.prep_percent / 100.0;
            let rec = visit_minutes * standard.recording_percent / 100.0;
            (visit_minutes, prep, rec, visit_minutes + prep + rec)
        }
        Rounding::Published => {
            let used = round_half_up(visit_minutes, 0);
            let prep = used * standard.prep_percent / 100.0;
            let rec = used * standard.recording_percent / 100.0;
            (used, prep, rec, round_half_up(used + prep + rec, 0))
        }
    };
    if total <= 0.0 {
        return Err(ModelError::parameter(
            "visits",
            visit_minutes,
            Problem::NotPositive,
        ));
    }
    Ok(PackageTime {
        visits: standard.visits.len(),
        visit_minutes,
        visit_minutes_used: used,
        prep_minutes: prep,
        recording_minutes: rec,
        package_minutes: total,
    })
}

/// HKE (WHO WISN) and WKE (Permenkes 43/2017).
pub fn working_time(w: &WorkingTime, rounding: Rounding) -> Result<WorkingTimeResult, ModelError> {
    in_range("days_per_week", w.days_per_week, 1.0, 7.0)?;
    in_range("weeks_per_year", w.weeks_per_year, 1.0, 53.0)?;
    in_range("annual_leave", w.annual_leave, 0.0, 366.0)?;
    in_range("training_days", w.training_days, 0.0, 366.0)?;
    in_range("public_holidays", w.public_holidays, 0.0, 366.0)?;
    in_range("other_absence", w.other_absence, 0.0, 366.0)?;
    in_range("formal_hours_per_week", w.formal_hours_per_week, 1.0, 168.0)?;
    if !w.allowance_percent.is_finite() {
        return Err(ModelError::parameter(
            "allowance_percent",
            w.allowance_percent,
            Problem::NotFinite,
        ));
    }
    if !(0.0..100.0).contains(&w.allowance_percent) {
        return Err(ModelError::parameter(
            "allowance_percent",
            w.allowance_percent,
            Problem::OutOfRange {
                min: 0.0,
                max: 100.0,
                max_open: true,
            },
        ));
    }
    let working_days = w.days_per_week * w.weeks_per_year;
    let absence_days = w.annual_leave + w.training_days + w.public_holidays + w.other_absence;
    let effective_days = working_days - absence_days;
    if effective_days <= 0.0 {
        return Err(ModelError::no_working_days(
            working_days,
            vec![
                ("annual_leave", w.annual_leave),
                ("training_days", w.training_days),
                ("public_holidays", w.public_holidays),
                ("other_absence", w.other_absence),
            ],
        ));
    }
    let hours_per_week = w.formal_hours_per_week * (1.0 - w.allowance_percent / 100.0);
    let (weeks, hours, minutes) = match rounding {
        Rounding::Exact => {
            let weeks = effective_days / w.days_per_week;
            let hours = weeks * hours_per_week;
            (weeks, hours, hours * 60.0)
        }
        Rounding::Published => {
            let weeks = round_half_up(effective_days / w.days_per_week, 1);
            let hours = round_half_up(weeks * hours_per_week, 1);
            (weeks, hours, round_half_up(hours * 60.0, 0))
        }
    };
    Ok(WorkingTimeResult {
        working_days,
        absence_days,
        effective_days,
        effective_weeks: weeks,
        effective_hours_per_week: hours_per_week,
        effective_hours: hours,
        effective_minutes: minutes,
    })
}

/// Package time, working time and the share, for the ANC standard of `p`.
pub fn capacity(p: &Parameters) -> Result<Capacity, ModelError> {
    let package = package_time(&p.anc, p.rounding)?;
    let working = working_time(&p.working_time, p.rounding)?;
    let share_unrounded = package.package_minutes / working.effective_minutes;
    let wpm = working.effective_minutes / package.package_minutes;
    let minutes_per_day = working.effective_minutes / working.effective_days;
    // The package total is checked to be positive, so the visit sum is too.
    let packages_per_day = minutes_per_day / package.visit_minutes_used;
    let (share, women_per_midwife, packages_per_day) = match p.rounding {
        Rounding::Exact => (share_unrounded, wpm, packages_per_day),
        Rounding::Published => (
            round_half_up(share_unrounded, 4),
            (wpm + 1e-9).floor(),
            round_half_up(packages_per_day, 1),
        ),
    };
    let visits_per_day = packages_per_day * package.visits as f64;
    Ok(Capacity {
        rounding: p.rounding,
        package,
        working,
        share,
        share_unrounded,
        women_per_midwife,
        minutes_per_day,
        packages_per_day,
        visits_per_day,
    })
}
