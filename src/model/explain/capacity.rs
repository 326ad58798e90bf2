//! The working of a midwife's capacity: the ANC package, the effective
//! working time and what one midwife's year holds.

use crate::i18n::T;
use crate::model::number::{fmt_auto, fmt_fixed, fmt_percent, fmt_trim};
use crate::model::params::{Parameters, Rounding};
use crate::model::projection::Projection;

use super::{Fmt, Step, step, t};

/// The minutes of the ANC package: the visits, then preparation and
/// recording.
pub(super) fn package_steps(params: &Parameters, proj: &Projection, f: Fmt) -> Vec<Step> {
    let lang = f.lang;
    let published = f.rounding == Rounding::Published;
    let pk = &proj.capacity.package;
    let mut steps = Vec::new();

    // 1. Package minutes.
    let visit_terms: Vec<String> = params
        .anc
        .visits
        .iter()
        .map(|v| format!("{} {}", v.label, f.num(v.minutes)))
        .collect();
    let mut working = format!(
        "{} = {} {}",
        visit_terms.join(" + "),
        f.num(pk.visit_minutes),
        t(lang, T::capacity_min)
    );
    if published && pk.visit_minutes_used != pk.visit_minutes {
        working.push_str(&format!(" ≈ {}", f.num(pk.visit_minutes_used)));
    }
    steps.push(step(
        "visit_minutes",
        t(lang, T::capacity_antenatal_visit_time_sum_of),
        t(lang, T::capacity_minutes_per_visit_k1_kk),
        working,
        if published {
            t(lang, T::capacity_rounded_to_whole_minutes_as)
        } else {
            String::new()
        },
    ));

    // 2. Preparation and recording.
    steps.push(step(
        "package_minutes",
        t(lang, T::capacity_antenatal_care_package_per_pregnant),
        t(lang, T::capacity_package_visits_1_preparation_recording),
        format!(
            "{v} + {p}% × {v} + {r}% × {v} = {v} + {pm} + {rm} = {total} {unit}",
            v = f.num(pk.visit_minutes_used),
            p = f.num(params.anc.prep_percent),
            r = f.num(params.anc.recording_percent),
            pm = f.num(pk.prep_minutes),
            rm = f.num(pk.recording_minutes),
            total = f.num(pk.package_minutes),
            unit = t(lang, T::capacity_min),
        ),
        String::new(),
    ));
    steps
}

/// The effective working time: working days A, HKE and WKE.
pub(super) fn working_time_steps(params: &Parameters, proj: &Projection, f: Fmt) -> Vec<Step> {
    let lang = f.lang;
    let published = f.rounding == Rounding::Published;
    let wt = &proj.capacity.working;
    let w = &params.working_time;
    let mut steps = Vec::new();

    // 3. Working days A.
    steps.push(step(
        "working_days",
        t(lang, T::capacity_working_days_a_year_a),
        t(lang, T::capacity_a_working_days_per_week),
        format!(
            "{} × {} = {} {}",
            f.num(w.days_per_week),
            f.num(w.weeks_per_year),
            f.num(wt.working_days),
            t(lang, T::capacity_days)
        ),
        String::new(),
    ));

    // 4. HKE.
    steps.push(step(
        "hke",
        t(lang, T::capacity_effective_working_days_hke_who),
        t(lang, T::capacity_hke_a_b_leave_c),
        format!(
            "{} − ({} + {} + {} + {}) = {} {} = {} {}",
            f.num(wt.working_days),
            f.num(w.annual_leave),
            f.num(w.training_days),
            f.num(w.public_holidays),
            f.num(w.other_absence),
            f.num(wt.effective_days),
            t(lang, T::capacity_days),
            if published {
                fmt_fixed(wt.effective_weeks, 1, lang)
            } else {
                f.num(wt.effective_weeks)
            },
            t(lang, T::capacity_weeks),
        ),
        if published {
            t(lang, T::capacity_weeks_rounded_to_1_decimal)
        } else {
            String::new()
        },
    ));

    // 5. WKE.
    let allowance = w.allowance_percent / 100.0;
    let hours_working = if published {
        format!(
            "{} × [{} × (1 − {})] = {} × {} = {} {}",
            fmt_fixed(wt.effective_weeks, 1, lang),
            f.num(w.formal_hours_per_week),
            fmt_trim(allowance, 4, lang),
            fmt_fixed(wt.effective_weeks, 1, lang),
            f.num(wt.effective_hours_per_week),
            fmt_fixed(wt.effective_hours, 1, lang),
            t(lang, T::capacity_hours),
        )
    } else {
        format!(
            "({} / {}) × {} × (1 − {}) = {} {}",
            f.num(wt.effective_days),
            f.num(w.days_per_week),
            f.num(w.formal_hours_per_week),
            fmt_fixed(allowance, 2, lang),
            f.num(wt.effective_hours),
            t(lang, T::capacity_hours),
        )
    };
    steps.push(step(
        "wke",
        t(lang, T::capacity_effective_working_time_wke_permenkes),
        t(lang, T::capacity_wke_hke_working_days_per),
        format!(
            "{hours_working} × 60 = {} {}",
            f.num(wt.effective_minutes),
            t(lang, T::capacity_minutes_a_year)
        ),
        if published {
            t(lang, T::capacity_hours_rounded_to_1_decimal)
        } else {
            t(lang, T::capacity_the_paper_rounds_44_33)
        },
    ));
    steps
}

/// What one midwife's year holds: the share per pregnant woman, the women
/// served in a year and the services per working day.
pub(super) fn capacity_steps(proj: &Projection, f: Fmt) -> Vec<Step> {
    let lang = f.lang;
    let published = f.rounding == Rounding::Published;
    let cap = &proj.capacity;
    let pk = &cap.package;
    let wt = &cap.working;
    let mut steps = Vec::new();

    // 6. Share.
    steps.push(step(
        "share",
        t(lang, T::capacity_share_of_a_midwife_s),
        t(lang, T::capacity_share_package_wke),
        format!(
            "{} / {} = {} = {}",
            f.num(pk.package_minutes),
            f.num(wt.effective_minutes),
            f.share(cap.share),
            fmt_percent(cap.share, if published { 2 } else { 4 }, lang),
        ),
        if published {
            format!(
                "{} {}",
                t(lang, T::capacity_rounded_to_4_decimals_as),
                fmt_auto(cap.share_unrounded, lang)
            )
        } else {
            String::new()
        },
    ));

    // 7. Women per midwife and per day.
    steps.push(step(
        "women_per_midwife",
        t(lang, T::capacity_pregnant_women_one_midwife_can),
        t(lang, T::capacity_wke_package),
        format!(
            "{} / {} = {}",
            f.num(wt.effective_minutes),
            f.num(pk.package_minutes),
            if published {
                fmt_fixed(cap.women_per_midwife, 0, lang)
            } else {
                f.num(cap.women_per_midwife)
            }
        ),
        if published {
            t(lang, T::capacity_rounded_down_only_women_served)
        } else {
            String::new()
        },
    ));
    steps.push(step(
        "per_day",
        t(lang, T::capacity_services_per_working_day),
        t(lang, T::capacity_wke_hke_visit_time_number),
        format!(
            "({} / {}) / {} = {} / {} = {} {}; × {} = {} {}",
            f.num(wt.effective_minutes),
            f.num(wt.effective_days),
            f.num(pk.visit_minutes_used),
            f.num(cap.minutes_per_day),
            f.num(pk.visit_minutes_used),
            f.num(cap.packages_per_day),
            t(lang, T::capacity_packages),
            pk.visits,
            f.num(cap.visits_per_day),
            t(lang, T::capacity_visits),
        ),
        t(lang, T::capacity_as_in_the_paper_without),
    ));
    steps
}
