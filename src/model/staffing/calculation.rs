//! The staffing calculation: checks the activity table, then counts the
//! staff of each activity, the support and individual allowances, the
//! required staff and the difference with the staff in post.

use serde::Serialize;

use crate::model::Lang;
use crate::model::number::round_half_up;

use super::activity::{Activity, ActivityKind, ActivityProblem, StaffingError};
use super::available::AvailableTime;
use super::method::{FinalRounding, IntermediateRounding, Method, StaffingOptions};

/// One activity's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActivityResult {
    pub name: String,
    pub kind: ActivityKind,
    pub minutes_per_unit: f64,
    pub units_per_year: f64,
    /// Minutes a year: minutes per unit × units (× staff doing it, for
    /// individual activities).
    pub minutes_per_year: f64,
    /// Individual activities: staff doing it.
    pub staff_doing: Option<f64>,
    /// Service: SW / SBK = available minutes / minutes per unit (as used).
    pub standard_workload: Option<f64>,
    /// Service: units / SW; individual: its part of IAF. Support: none.
    pub staff: Option<f64>,
    /// Support: CAS% / its part of FTP%.
    pub allowance_percent: Option<f64>,
    /// This activity's part of `required` (service: its staff;
    /// support: its CAS% share of the allowance Σstaff × (CAF − 1);
    /// individual: its IAF part). The parts add up to `required` up to
    /// the worksheet's rounding of `required`; for a stacked chart.
    pub contribution: f64,
}

/// The result of one calculation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StaffingResult {
    pub method: Method,
    pub rounding: IntermediateRounding,
    pub final_rounding: FinalRounding,
    pub available_minutes: f64,
    pub activities: Vec<ActivityResult>,
    /// Σ staff of service activities (WISN) / JKT (ABK-Kes).
    pub service_staff: f64,
    /// ΣCAS% / FTP%.
    pub support_percent: f64,
    /// CAF / STP.
    pub allowance_factor: f64,
    /// IAF (individual tasks, in staff).
    pub individual_allowance: f64,
    /// Σ staff × CAF + IAF.
    pub required: f64,
    /// `required` to whole people by `final_rounding`.
    pub required_rounded: f64,
    pub existing: Option<f64>,
    /// existing − required (WISN difference; negative: short).
    pub difference: Option<f64>,
    /// existing − required_rounded.
    pub difference_rounded: Option<f64>,
    /// existing / required (WISN ratio; none when nothing is required).
    pub ratio: Option<f64>,
}

impl StaffingResult {
    /// The usual reading of the WISN ratio.
    pub fn ratio_reading(&self, lang: Lang) -> Option<&'static str> {
        let r = self.ratio?;
        let r2 = round_half_up(r, 2);
        Some(if r2 == 1.0 {
            lang.pick("seimbang", "balanced")
        } else if r2 < 1.0 {
            lang.pick("kekurangan tenaga", "short-staffed")
        } else {
            lang.pick("kelebihan tenaga", "over-staffed")
        })
    }
}

fn check_activity(row: usize, a: &Activity) -> Result<(), StaffingError> {
    let err = |field: &'static str, value: f64, problem| StaffingError::Activity {
        row,
        name: a.name.clone(),
        field,
        value,
        problem,
    };
    let mut fields = vec![
        ("minutes_per_unit", a.minutes_per_unit),
        ("units_per_year", a.units_per_year),
    ];
    if a.kind == ActivityKind::Individual {
        fields.push(("staff", a.staff));
    }
    for (field, v) in fields {
        if !v.is_finite() {
            return Err(err(field, v, ActivityProblem::NotFinite));
        }
        if v < 0.0 {
            return Err(err(field, v, ActivityProblem::Negative));
        }
    }
    if a.kind == ActivityKind::Service && a.minutes_per_unit <= 0.0 {
        return Err(err(
            "minutes_per_unit",
            a.minutes_per_unit,
            ActivityProblem::NotPositive,
        ));
    }
    Ok(())
}

/// Checks an activity table without computing (for the window's live checks).
pub fn check_activities(activities: &[Activity]) -> Result<(), StaffingError> {
    if activities.is_empty() {
        return Err(StaffingError::EmptyTable);
    }
    for (i, a) in activities.iter().enumerate() {
        check_activity(i + 1, a)?;
    }
    Ok(())
}

/// Computes the staff required for `activities` with `available` time.
pub fn staffing(
    activities: &[Activity],
    available: &AvailableTime,
    options: &StaffingOptions,
) -> Result<StaffingResult, StaffingError> {
    AvailableTime::check(available.minutes)?;
    check_activities(activities)?;
    let awt = available.minutes;
    let worksheet = options.rounding == IntermediateRounding::Worksheet;
    let r2 = |x: f64| {
        if worksheet { round_half_up(x, 2) } else { x }
    };

    let support_minutes: f64 = activities
        .iter()
        .filter(|a| a.kind == ActivityKind::Support)
        .map(Activity::minutes_per_year)
        .sum();
    if support_minutes >= awt {
        return Err(StaffingError::SupportTooLarge {
            method: options.method,
            support_minutes,
            available_minutes: awt,
        });
    }

    let mut results = Vec::with_capacity(activities.len());
    let mut service_sum = 0.0;
    let mut support_percent = 0.0;
    let mut iaf_sum = 0.0;
    for (i, a) in activities.iter().enumerate() {
        let mut r = ActivityResult {
            name: a.name.clone(),
            kind: a.kind,
            minutes_per_unit: a.minutes_per_unit,
            units_per_year: a.units_per_year,
            minutes_per_year: a.minutes_per_year(),
            staff_doing: None,
            standard_workload: None,
            staff: None,
            allowance_percent: None,
            contribution: 0.0,
        };
        match a.kind {
            ActivityKind::Service => {
                let sw = awt / a.minutes_per_unit;
                let sw = if worksheet { round_half_up(sw, 0) } else { sw };
                if !(sw > 0.0 && sw.is_finite()) {
                    return Err(StaffingError::Activity {
                        row: i + 1,
                        name: a.name.clone(),
                        field: "minutes_per_unit",
                        value: a.minutes_per_unit,
                        problem: if sw > 0.0 {
                            ActivityProblem::NotPositive
                        } else {
                            ActivityProblem::NoWholeUnit
                        },
                    });
                }
                let staff = r2(a.units_per_year / sw);
                service_sum += staff;
                r.standard_workload = Some(sw);
                r.staff = Some(staff);
            }
            ActivityKind::Support => {
                let pct = a.minutes_per_year() / awt * 100.0;
                support_percent += pct;
                r.allowance_percent = Some(pct);
            }
            ActivityKind::Individual => {
                let minutes = a.minutes_per_year() * a.staff;
                r.minutes_per_year = minutes;
                r.staff_doing = Some(a.staff);
                let part = minutes / awt;
                iaf_sum += part;
                r.staff = Some(part);
            }
        }
        results.push(r);
    }
    let service_staff = r2(service_sum);
    let caf_exact = 1.0 / (1.0 - support_percent / 100.0);
    let allowance_factor = r2(caf_exact);
    let individual_allowance = r2(iaf_sum);
    let required = r2(service_staff * allowance_factor + individual_allowance);

    // Parts of `required` for each activity.
    let allowance_staff = service_staff * (allowance_factor - 1.0);
    for r in results.iter_mut() {
        r.contribution = match r.kind {
            ActivityKind::Service => r.staff.unwrap_or(0.0),
            ActivityKind::Support if support_percent > 0.0 => {
                allowance_staff * r.allowance_percent.unwrap_or(0.0) / support_percent
            }
            ActivityKind::Support => 0.0,
            ActivityKind::Individual if iaf_sum > 0.0 => {
                individual_allowance * r.staff.unwrap_or(0.0) / iaf_sum
            }
            ActivityKind::Individual => 0.0,
        };
    }
    // The service part is Σ staff_i × CAF; with worksheet rounding Σ staff_i
    // is JKT already, so the parts add up before the final 2-decimal rounding.
    let required_rounded = options.final_rounding.apply(required);
    let existing = options.existing;
    Ok(StaffingResult {
        method: options.method,
        rounding: options.rounding,
        final_rounding: options.final_rounding,
        available_minutes: awt,
        activities: results,
        service_staff,
        support_percent,
        allowance_factor,
        individual_allowance,
        required,
        required_rounded,
        existing,
        difference: existing.map(|e| e - required),
        difference_rounded: existing.map(|e| e - required_rounded),
        ratio: existing.and_then(|e| (required > 0.0).then(|| e / required)),
    })
}
