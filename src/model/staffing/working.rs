//! The working of a staffing calculation: every step with its formula and
//! the numbers put in, in the planner's language.

use crate::i18n::T;
use crate::model::Lang;
use crate::model::explain::{Step, step};
use crate::model::number::{fmt_auto, fmt_fixed, fmt_trim};

use super::activity::ActivityKind;
use super::available::{AvailableSource, AvailableTime};
use super::calculation::StaffingResult;
use super::method::{FinalRounding, IntermediateRounding, Method};

/// Every step of the calculation with the numbers put in: available time,
/// each SW/SBK and staff, Σ / JKT, each CAS% and CAF/STP, IAF, required,
/// whole people, difference and ratio. Step ids repeat for each activity
/// (`standard_workload`, `activity_staff`, `support_share`,
/// `individual_share`).
pub fn explain_staffing(
    result: &StaffingResult,
    available: &AvailableTime,
    lang: Lang,
) -> Vec<Step> {
    let t = |k: T| lang.t(k).to_string();
    let n = |x: f64| fmt_auto(x, lang);
    let abk = result.method == Method::Abk;
    let ws = result.rounding == IntermediateRounding::Worksheet;
    let d2 = |x: f64| {
        if ws {
            fmt_fixed(x, 2, lang)
        } else {
            fmt_trim(x, 4, lang)
        }
    };
    let (awt, sw, total, factor, share) = if abk {
        ("WKT", "SBK", "JKT", "STP", "FTP")
    } else {
        ("AWT", "SW", "Σ", "CAF", "ΣCAS")
    };
    let min = t(T::working_min);
    let mut steps = Vec::new();

    // Available time.
    let (formula, working, note) = match (&available.days, available.source) {
        (Some(d), src) => (
            format!(
                "{awt} = [A − (B + C + D + E)] × {}",
                if abk {
                    t(T::working_effective_hours_per_day)
                } else {
                    t(T::working_working_hours_per_day)
                }
            ),
            format!(
                "[{} − {}] × {} × 60 = {} {} × {} {} = {} {min}",
                n(d.working_days),
                n(d.absence_days),
                n(d.hours_per_day),
                n(d.effective_days),
                t(T::working_days),
                n(d.hours_per_day),
                t(T::working_h),
                n(available.minutes)
            ),
            if src == AvailableSource::EngineWke {
                t(T::working_the_projection_engine_s_wke)
            } else {
                String::new()
            },
        ),
        (None, _) => (
            format!("{awt} = {}", t(T::working_given_directly)),
            format!("{} {min}", n(available.minutes)),
            String::new(),
        ),
    };
    steps.push(step(
        "available_time",
        if abk {
            t(T::working_available_working_time_wkt)
        } else {
            t(T::working_available_working_time_awt)
        },
        formula,
        working,
        note,
    ));

    for a in &result.activities {
        match a.kind {
            ActivityKind::Service => {
                let s = a.standard_workload.unwrap_or(0.0);
                let exact = result.available_minutes / a.minutes_per_unit;
                let mut working = format!(
                    "{} / {} = {}",
                    n(result.available_minutes),
                    n(a.minutes_per_unit),
                    n(exact)
                );
                if ws {
                    working.push_str(&format!(" ≈ {}", n(s)));
                }
                steps.push(step(
                    "standard_workload",
                    format!("{sw}: {}", a.name),
                    format!(
                        "{sw} = {awt} / {}",
                        if abk {
                            t(T::working_time_standard)
                        } else {
                            t(T::working_service_standard)
                        }
                    ),
                    working,
                    if ws {
                        t(T::working_rounded_to_whole_units)
                    } else {
                        String::new()
                    },
                ));
                steps.push(step(
                    "activity_staff",
                    format!("{}: {}", t(T::working_staff_needed), a.name),
                    if abk {
                        t(T::working_need_annual_workload_sbk)
                    } else {
                        t(T::working_staff_annual_workload_sw)
                    },
                    format!(
                        "{} / {} = {}",
                        n(a.units_per_year),
                        n(s),
                        d2(a.staff.unwrap_or(0.0))
                    ),
                    String::new(),
                ));
            }
            ActivityKind::Support => steps.push(step(
                "support_share",
                format!("{}: {}", t(T::working_support_activity), a.name),
                format!(
                    "{} = {} × {} / {awt} × 100",
                    if abk { "FTP%" } else { "CAS%" },
                    t(T::working_minutes_per_time),
                    t(T::working_times_a_year)
                ),
                format!(
                    "{} × {} / {} × 100 = {}%",
                    n(a.minutes_per_unit),
                    n(a.units_per_year),
                    n(result.available_minutes),
                    fmt_trim(a.allowance_percent.unwrap_or(0.0), 4, lang)
                ),
                String::new(),
            )),
            ActivityKind::Individual => steps.push(step(
                "individual_share",
                format!("{}: {}", t(T::working_individual_activity), a.name),
                format!(
                    "{} × {} × {} / {awt}",
                    t(T::working_minutes),
                    t(T::working_times_a_year),
                    t(T::working_staff_doing_it)
                ),
                format!(
                    "{} × {} × {} / {} = {}",
                    n(a.minutes_per_unit),
                    n(a.units_per_year),
                    n(a.staff_doing.unwrap_or(0.0)),
                    n(result.available_minutes),
                    fmt_trim(a.staff.unwrap_or(0.0), 4, lang)
                ),
                String::new(),
            )),
        }
    }

    let service: Vec<String> = result
        .activities
        .iter()
        .filter(|a| a.kind == ActivityKind::Service)
        .map(|a| d2(a.staff.unwrap_or(0.0)))
        .collect();
    steps.push(step(
        "service_staff",
        if abk {
            t(T::working_total_for_the_main_tasks)
        } else {
            t(T::working_staff_for_the_health_service)
        },
        format!(
            "{total} = Σ {}",
            if abk {
                t(T::working_need_per_activity)
            } else {
                t(T::working_staff_per_activity)
            }
        ),
        format!(
            "{} = {}",
            if service.is_empty() {
                "0".to_string()
            } else {
                service.join(" + ")
            },
            d2(result.service_staff)
        ),
        if ws {
            t(T::working_rounded_to_2_decimals)
        } else {
            String::new()
        },
    ));

    let caf_exact = 1.0 / (1.0 - result.support_percent / 100.0);
    let mut working = format!(
        "{share} = {}%; {factor} = 1 / (1 − {} / 100) = {}",
        fmt_trim(result.support_percent, 4, lang),
        fmt_trim(result.support_percent, 4, lang),
        fmt_trim(caf_exact, 4, lang)
    );
    if ws {
        working.push_str(&format!(
            " ≈ {}",
            fmt_fixed(result.allowance_factor, 2, lang)
        ));
    }
    steps.push(step(
        "allowance_factor",
        if abk {
            t(T::working_supporting_task_standard_stp)
        } else {
            t(T::working_category_allowance_factor_caf)
        },
        format!("{factor} = 1 / (1 − {share}% / 100)"),
        working,
        if ws {
            t(T::working_rounded_to_2_decimals)
        } else {
            String::new()
        },
    ));

    let parts: Vec<String> = result
        .activities
        .iter()
        .filter(|a| a.kind == ActivityKind::Individual)
        .map(|a| fmt_trim(a.staff.unwrap_or(0.0), 4, lang))
        .collect();
    steps.push(step(
        "individual_allowance",
        t(T::working_individual_allowance_factor_iaf),
        format!(
            "IAF = Σ({} × {}) / {awt}",
            t(T::working_time_a_year),
            t(T::working_staff_doing_it)
        ),
        format!(
            "{} = {}",
            if parts.is_empty() {
                "0".to_string()
            } else {
                parts.join(" + ")
            },
            d2(result.individual_allowance)
        ),
        if abk {
            t(T::working_permenkes_33_2015_has_no)
        } else {
            String::new()
        },
    ));

    steps.push(step(
        "required",
        if abk {
            t(T::working_staff_required_sdmk)
        } else {
            t(T::working_staff_required_wisn)
        },
        format!("{total} × {factor} + IAF"),
        format!(
            "{} × {} + {} = {}",
            d2(result.service_staff),
            d2(result.allowance_factor),
            d2(result.individual_allowance),
            d2(result.required)
        ),
        String::new(),
    ));

    steps.push(step(
        "required_rounded",
        t(T::working_rounded_to_whole_people),
        match result.final_rounding {
            FinalRounding::Nearest => t(T::working_to_the_nearest_halves_up),
            FinalRounding::Up => t(T::working_rounded_up),
        },
        format!(
            "{} → {} {}",
            d2(result.required),
            fmt_fixed(result.required_rounded, 0, lang),
            t(T::working_people)
        ),
        String::new(),
    ));

    if let (Some(e), Some(d)) = (result.existing, result.difference) {
        steps.push(step(
            "difference",
            if abk {
                t(T::working_staffing_difference_abk_kes)
            } else {
                t(T::working_wisn_difference)
            },
            t(T::working_difference_existing_required),
            format!(
                "{} − {} = {} ({} {} − {} = {})",
                n(e),
                d2(result.required),
                d2(d),
                t(T::working_rounded),
                n(e),
                fmt_fixed(result.required_rounded, 0, lang),
                n(result.difference_rounded.unwrap_or(0.0))
            ),
            t(T::working_negative_short_staffed_positive_over),
        ));
        let working = match result.ratio {
            Some(r) => format!(
                "{} / {} = {} ({})",
                n(e),
                d2(result.required),
                fmt_fixed(r, 2, lang),
                result.ratio_reading(lang).unwrap_or("")
            ),
            None => t(T::working_nothing_required_no_ratio),
        };
        steps.push(step(
            "ratio",
            if abk {
                t(T::working_staffing_ratio_abk_kes)
            } else {
                t(T::working_wisn_ratio)
            },
            t(T::working_ratio_existing_required),
            working,
            t(T::working_1_balanced_below_1_short),
        ));
    }
    steps
}
