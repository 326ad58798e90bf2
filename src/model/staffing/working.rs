//! The working of a staffing calculation: every step with its formula and
//! the numbers put in, in the planner's language.

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
    let t = |id: &str, en: &str| lang.pick(id, en).to_string();
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
    let min = t("menit", "min");
    let mut steps = Vec::new();

    // Available time.
    let (formula, working, note) = match (&available.days, available.source) {
        (Some(d), src) => (
            format!(
                "{awt} = [A − (B + C + D + E)] × {}",
                if abk {
                    t("jam kerja efektif per hari", "effective hours per day")
                } else {
                    t("jam kerja per hari", "working hours per day")
                }
            ),
            format!(
                "[{} − {}] × {} × 60 = {} {} × {} {} = {} {min}",
                n(d.working_days),
                n(d.absence_days),
                n(d.hours_per_day),
                n(d.effective_days),
                t("hari", "days"),
                n(d.hours_per_day),
                t("jam", "h"),
                n(available.minutes)
            ),
            if src == AvailableSource::EngineWke {
                t(
                    "WKE mesin proyeksi (Permenkes 43/2017), dengan pembulatannya.",
                    "The projection engine's WKE (Permenkes 43/2017), with its rounding.",
                )
            } else {
                String::new()
            },
        ),
        (None, _) => (
            format!("{awt} = {}", t("diisi langsung", "given directly")),
            format!("{} {min}", n(available.minutes)),
            String::new(),
        ),
    };
    steps.push(step(
        "available_time",
        if abk {
            t("Waktu kerja tersedia (WKT)", "Available working time (WKT)")
        } else {
            t("Waktu kerja tersedia (AWT)", "Available working time (AWT)")
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
                            t("norma waktu", "time standard")
                        } else {
                            t("standar pelayanan", "service standard")
                        }
                    ),
                    working,
                    if ws {
                        t("Dibulatkan ke satuan utuh.", "Rounded to whole units.")
                    } else {
                        String::new()
                    },
                ));
                steps.push(step(
                    "activity_staff",
                    format!("{}: {}", t("Kebutuhan tenaga", "Staff needed"), a.name),
                    if abk {
                        t("kebutuhan = capaian / SBK", "need = annual workload / SBK")
                    } else {
                        t(
                            "tenaga = beban kerja setahun / SW",
                            "staff = annual workload / SW",
                        )
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
                format!("{}: {}", t("Tugas penunjang", "Support activity"), a.name),
                format!(
                    "{} = {} × {} / {awt} × 100",
                    if abk { "FTP%" } else { "CAS%" },
                    t("menit per kegiatan", "minutes per time"),
                    t("kali setahun", "times a year")
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
                format!("{}: {}", t("Tugas individu", "Individual activity"), a.name),
                format!(
                    "{} × {} × {} / {awt}",
                    t("menit", "minutes"),
                    t("kali setahun", "times a year"),
                    t("jumlah tenaga", "staff doing it")
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
            t(
                "Jumlah kebutuhan tugas pokok (JKT)",
                "Total for the main tasks (JKT)",
            )
        } else {
            t(
                "Jumlah tenaga untuk kegiatan pelayanan",
                "Staff for the health service activities",
            )
        },
        format!(
            "{total} = Σ {}",
            if abk {
                t("kebutuhan per kegiatan", "need per activity")
            } else {
                t("tenaga per kegiatan", "staff per activity")
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
            t("Dibulatkan ke 2 desimal.", "Rounded to 2 decimals.")
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
            t(
                "Standar tugas penunjang (STP)",
                "Supporting-task standard (STP)",
            )
        } else {
            t(
                "Faktor tunjangan kategori (CAF)",
                "Category allowance factor (CAF)",
            )
        },
        format!("{factor} = 1 / (1 − {share}% / 100)"),
        working,
        if ws {
            t("Dibulatkan ke 2 desimal.", "Rounded to 2 decimals.")
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
        t(
            "Faktor tunjangan individu (IAF)",
            "Individual allowance factor (IAF)",
        ),
        format!(
            "IAF = Σ({} × {}) / {awt}",
            t("waktu setahun", "time a year"),
            t("jumlah tenaga", "staff doing it")
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
            t(
                "Permenkes 33/2015 tidak mengenal tugas individu; di sini ditambahkan seperti IAF WISN setelah STP.",
                "Permenkes 33/2015 has no individual tasks; they are added here like WISN's IAF, after STP.",
            )
        } else {
            String::new()
        },
    ));

    steps.push(step(
        "required",
        if abk {
            t("Kebutuhan SDMK", "Staff required (SDMK)")
        } else {
            t("Kebutuhan tenaga (WISN)", "Staff required (WISN)")
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
        t("Dibulatkan ke orang utuh", "Rounded to whole people"),
        match result.final_rounding {
            FinalRounding::Nearest => t(
                "pembulatan ke terdekat (0,5 ke atas)",
                "to the nearest (halves up)",
            ),
            FinalRounding::Up => t("pembulatan ke atas", "rounded up"),
        },
        format!(
            "{} → {} {}",
            d2(result.required),
            fmt_fixed(result.required_rounded, 0, lang),
            t("orang", "people")
        ),
        String::new(),
    ));

    if let (Some(e), Some(d)) = (result.existing, result.difference) {
        steps.push(step(
            "difference",
            if abk {
                t("Selisih tenaga (ABK-Kes)", "Staffing difference (ABK-Kes)")
            } else {
                t("Selisih WISN", "WISN difference")
            },
            t(
                "selisih = tenaga yang ada − kebutuhan",
                "difference = existing − required",
            ),
            format!(
                "{} − {} = {} ({} {} − {} = {})",
                n(e),
                d2(result.required),
                d2(d),
                t("dibulatkan:", "rounded:"),
                n(e),
                fmt_fixed(result.required_rounded, 0, lang),
                n(result.difference_rounded.unwrap_or(0.0))
            ),
            t(
                "Negatif: kekurangan tenaga; positif: kelebihan.",
                "Negative: short-staffed; positive: over-staffed.",
            ),
        ));
        let working = match result.ratio {
            Some(r) => format!(
                "{} / {} = {} ({})",
                n(e),
                d2(result.required),
                fmt_fixed(r, 2, lang),
                result.ratio_reading(lang).unwrap_or("")
            ),
            None => t(
                "tidak ada kebutuhan: rasio tidak ditentukan",
                "nothing required: no ratio",
            ),
        };
        steps.push(step(
            "ratio",
            if abk {
                t("Rasio tenaga (ABK-Kes)", "Staffing ratio (ABK-Kes)")
            } else {
                t("Rasio WISN", "WISN ratio")
            },
            t(
                "rasio = tenaga yang ada / kebutuhan",
                "ratio = existing / required",
            ),
            working,
            t(
                "1 seimbang; di bawah 1 kekurangan; di atas 1 kelebihan.",
                "1 balanced; below 1 short-staffed; above 1 over-staffed.",
            ),
        ));
    }
    steps
}
