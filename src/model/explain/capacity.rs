//! The working of a midwife's capacity: the ANC package, the effective
//! working time and what one midwife's year holds.

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
        t(lang, "menit", "min")
    );
    if published && pk.visit_minutes_used != pk.visit_minutes {
        working.push_str(&format!(" ≈ {}", f.num(pk.visit_minutes_used)));
    }
    steps.push(step(
        "visit_minutes",
        t(
            lang,
            "Waktu pelayanan antenatal (jumlah kunjungan)",
            "Antenatal visit time (sum of visits)",
        ),
        t(
            lang,
            "Σ menit per kunjungan K1..Kk",
            "Σ minutes per visit K1..Kk",
        ),
        working,
        if published {
            t(
                lang,
                "Dibulatkan ke menit utuh, seperti di makalah (104,7 ≈ 105).",
                "Rounded to whole minutes, as in the paper (104.7 ≈ 105).",
            )
        } else {
            String::new()
        },
    ));

    // 2. Preparation and recording.
    steps.push(step(
        "package_minutes",
        t(
            lang,
            "Paket pelayanan antenatal per ibu hamil",
            "Antenatal care package per pregnant woman",
        ),
        t(
            lang,
            "paket = kunjungan × (1 + persiapan% + pencatatan%)",
            "package = visits × (1 + preparation% + recording%)",
        ),
        format!(
            "{v} + {p}% × {v} + {r}% × {v} = {v} + {pm} + {rm} = {total} {unit}",
            v = f.num(pk.visit_minutes_used),
            p = f.num(params.anc.prep_percent),
            r = f.num(params.anc.recording_percent),
            pm = f.num(pk.prep_minutes),
            rm = f.num(pk.recording_minutes),
            total = f.num(pk.package_minutes),
            unit = t(lang, "menit", "min"),
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
        t(lang, "Hari kerja setahun (A)", "Working days a year (A)"),
        t(
            lang,
            "A = hari kerja per minggu × minggu per tahun",
            "A = working days per week × weeks per year",
        ),
        format!(
            "{} × {} = {} {}",
            f.num(w.days_per_week),
            f.num(w.weeks_per_year),
            f.num(wt.working_days),
            t(lang, "hari", "days")
        ),
        String::new(),
    ));

    // 4. HKE.
    steps.push(step(
        "hke",
        t(
            lang,
            "Hari kerja efektif (HKE, WHO WISN)",
            "Effective working days (HKE, WHO WISN)",
        ),
        t(
            lang,
            "HKE = A − (B cuti + C pelatihan + D libur nasional + E ketidakhadiran)",
            "HKE = A − (B leave + C training + D public holidays + E other absence)",
        ),
        format!(
            "{} − ({} + {} + {} + {}) = {} {} = {} {}",
            f.num(wt.working_days),
            f.num(w.annual_leave),
            f.num(w.training_days),
            f.num(w.public_holidays),
            f.num(w.other_absence),
            f.num(wt.effective_days),
            t(lang, "hari", "days"),
            if published {
                fmt_fixed(wt.effective_weeks, 1, lang)
            } else {
                f.num(wt.effective_weeks)
            },
            t(lang, "minggu", "weeks"),
        ),
        if published {
            t(
                lang,
                "Minggu dibulatkan ke 1 desimal, seperti di makalah (44,3).",
                "Weeks rounded to 1 decimal, as in the paper (44.3).",
            )
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
            t(lang, "jam", "hours"),
        )
    } else {
        format!(
            "({} / {}) × {} × (1 − {}) = {} {}",
            f.num(wt.effective_days),
            f.num(w.days_per_week),
            f.num(w.formal_hours_per_week),
            fmt_fixed(allowance, 2, lang),
            f.num(wt.effective_hours),
            t(lang, "jam", "hours"),
        )
    };
    steps.push(step(
        "wke",
        t(
            lang,
            "Waktu kerja efektif (WKE, Permenkes 43/2017)",
            "Effective working time (WKE, Permenkes 43/2017)",
        ),
        t(
            lang,
            "WKE = (HKE / hari kerja per minggu) × JKF × (1 − allowance)",
            "WKE = (HKE / working days per week) × JKF × (1 − allowance)",
        ),
        format!(
            "{hours_working} × 60 = {} {}",
            f.num(wt.effective_minutes),
            t(lang, "menit setahun", "minutes a year")
        ),
        if published {
            t(
                lang,
                "Jam dibulatkan ke 1 desimal sebelum dikali 60, seperti di makalah (1.162,9 jam = 69.774 menit). Tanpa pembulatan: 1.163,75 jam = 69.825 menit.",
                "Hours rounded to 1 decimal before × 60, as in the paper (1,162.9 h = 69,774 min). Unrounded: 1,163.75 h = 69,825 min.",
            )
        } else {
            t(
                lang,
                "Makalah membulatkan 44,33 minggu ke 44,3 dan mendapat 69.774 menit (mode \"sesuai publikasi\").",
                "The paper rounds 44.33 weeks to 44.3 and gets 69,774 min (\"as published\" mode).",
            )
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
        t(
            lang,
            "Persentase WKE bidan per ibu hamil",
            "Share of a midwife's year per pregnant woman",
        ),
        t(lang, "%WKE = paket / WKE", "share = package / WKE"),
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
                t(
                    lang,
                    "Dibulatkan ke 4 desimal, seperti di makalah; sebelum pembulatan",
                    "Rounded to 4 decimals, as in the paper; before rounding",
                ),
                fmt_auto(cap.share_unrounded, lang)
            )
        } else {
            String::new()
        },
    ));

    // 7. Women per midwife and per day.
    steps.push(step(
        "women_per_midwife",
        t(
            lang,
            "Ibu hamil yang dapat dilayani satu bidan setahun",
            "Pregnant women one midwife can serve in a year",
        ),
        t(lang, "WKE / paket", "WKE / package"),
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
            t(
                lang,
                "Dibulatkan ke bawah: hanya ibu yang terlayani penuh yang dihitung (474).",
                "Rounded down: only women served in full count (474).",
            )
        } else {
            String::new()
        },
    ));
    steps.push(step(
        "per_day",
        t(lang, "Pelayanan per hari kerja", "Services per working day"),
        t(
            lang,
            "(WKE / HKE) / waktu kunjungan; × jumlah kunjungan",
            "(WKE / HKE) / visit time; × number of visits",
        ),
        format!(
            "({} / {}) / {} = {} / {} = {} {}; × {} = {} {}",
            f.num(wt.effective_minutes),
            f.num(wt.effective_days),
            f.num(pk.visit_minutes_used),
            f.num(cap.minutes_per_day),
            f.num(pk.visit_minutes_used),
            f.num(cap.packages_per_day),
            t(lang, "paket", "packages"),
            pk.visits,
            f.num(cap.visits_per_day),
            t(lang, "kunjungan", "visits"),
        ),
        t(
            lang,
            "Seperti di makalah, tanpa waktu persiapan dan pencatatan.",
            "As in the paper, without preparation and recording time.",
        ),
    ));
    steps
}
