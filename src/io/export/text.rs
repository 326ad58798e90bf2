//! The projection as a text table for people: a summary of the working,
//! then the year rows of the total (rounded for reading, see
//! [`Column::cell`]) and, with several regions, one line per region.

use crate::i18n::T;
use crate::model::explain::Fmt;
use crate::model::{GrowthMethod, Lang, PreparedData, Projection, Rounding, YearRow};
use crate::table::Column;

/// Lines of cells as a text table: each column as wide as its widest
/// cell, the columns where `is_label` left-aligned and the others (numbers)
/// right-aligned, two spaces between columns.
pub fn aligned(lines: &[Vec<String>], is_label: impl Fn(usize) -> bool) -> String {
    let columns = lines.iter().map(Vec::len).max().unwrap_or(0);
    let width: Vec<usize> = (0..columns)
        .map(|i| {
            lines
                .iter()
                .filter_map(|l| l.get(i))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for l in lines {
        let padded: Vec<String> = l
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let pad = " ".repeat(width[i] - s.chars().count());
                if is_label(i) {
                    format!("{s}{pad}")
                } else {
                    format!("{pad}{s}")
                }
            })
            .collect();
        out.push_str(padded.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// The rows as a text table: the shown columns under their headings,
/// labels left-aligned and numbers right-aligned.
pub fn render_rows(rows: &[YearRow], f: Fmt, with_midwives: bool) -> String {
    let columns: Vec<Column> = Column::shown(with_midwives).collect();
    let mut lines: Vec<Vec<String>> = vec![
        columns
            .iter()
            .map(|c| c.heading(f.lang).to_string())
            .collect(),
    ];
    lines.extend(
        rows.iter()
            .map(|r| columns.iter().map(|c| c.cell(r, f)).collect()),
    );
    aligned(&lines, |i| columns[i].is_label())
}

/// The summary lines above the table.
pub fn summary(name: &str, proj: &Projection, lang: Lang) -> String {
    use crate::model::number::{fmt_auto, fmt_fixed, fmt_percent};
    let f = Fmt::new(lang, proj.rounding);
    let wl = &proj.capacity;
    let published = proj.rounding == Rounding::Published;
    let mode = lang.t(match proj.rounding {
        Rounding::Exact => T::text_rounding_exact_long,
        Rounding::Published => T::text_rounding_published,
    });
    let mut s = String::new();
    s.push_str(&format!("{name}\n"));
    s.push_str(&format!("{}: {mode}\n", lang.t(T::text_rounding)));
    s.push_str(&format!(
        "{}: {} {}\n",
        lang.t(T::text_antenatal_care_package),
        fmt_auto(wl.package.package_minutes, lang),
        lang.t(T::text_min)
    ));
    s.push_str(&format!(
        "HKE: {} {}; WKE: {} {} = {} {}\n",
        fmt_auto(wl.working.effective_days, lang),
        lang.t(T::text_days),
        if published {
            fmt_fixed(wl.working.effective_hours, 1, lang)
        } else {
            fmt_auto(wl.working.effective_hours, lang)
        },
        lang.t(T::text_hours),
        fmt_auto(wl.working.effective_minutes, lang),
        lang.t(T::text_min),
    ));
    s.push_str(&format!(
        "%WKE: {} ({}); {}: {}\n",
        f.share(wl.share),
        fmt_percent(wl.share, if published { 2 } else { 4 }, lang),
        lang.t(T::text_pregnant_women_per_midwife_a),
        if published {
            fmt_fixed(wl.women_per_midwife, 0, lang)
        } else {
            fmt_auto(wl.women_per_midwife, lang)
        }
    ));
    s.push_str(&format!(
        "{}: {}\n",
        lang.t(T::text_mean_growth_g),
        f.growth(proj.total_mean_growth)
    ));
    // The method in force, and the rate it gives where it differs from the
    // mean (one region; several regions each have their own).
    let method = proj.growth_method.label(lang);
    if proj.growth_method == GrowthMethod::MeanAnnual || proj.regions() > 1 {
        s.push_str(&format!("{}: {method}\n", lang.t(T::text_growth_method)));
    } else {
        s.push_str(&format!(
            "{}: {}\n",
            lang.t(T::text_growth_method),
            lang.tf(
                T::growth_used_note,
                &[
                    ("method", &method),
                    ("g", &f.growth(proj.total_growth_used))
                ]
            )
        ));
    }
    s
}

/// The projection as a text table, with a summary; with several regions,
/// the total and then one line per region for the base and horizon years.
pub fn render_table(name: &str, data: &PreparedData, proj: &Projection, lang: Lang) -> String {
    let f = Fmt::new(lang, proj.rounding);
    let mut s = summary(name, proj, lang);
    s.push('\n');
    if data.regions() > 1 {
        s.push_str(&format!(
            "{} ({} {})\n",
            lang.t(T::text_total),
            data.regions(),
            lang.t(T::text_regions)
        ));
    }
    s.push_str(&render_rows(&proj.total, f, data.has_midwives));
    if data.regions() > 1 {
        s.push('\n');
        let h = proj.horizon_year;
        let b = proj.base_year;
        s.push_str(&format!(
            "{}\t{}\tg\t{} {b}\t{} {h}\n",
            lang.t(T::text_code),
            lang.t(T::text_region),
            lang.t(T::text_midwives_needed),
            lang.t(T::text_midwives_needed),
        ));
        for r in 0..data.regions() {
            let need = |y: i32| {
                let row = proj.region_row(data, r, y);
                crate::model::number::fmt_fixed(row.midwives_needed, 1, lang)
            };
            s.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\n",
                data.codes[r],
                data.names[r],
                f.growth(proj.mean_growth[r]),
                need(b),
                need(h)
            ));
        }
    }
    s
}
