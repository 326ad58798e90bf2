//! The line above the results: the package, WKE, %WKE, women per midwife
//! and the midwives needed in the horizon year of what is shown.

use egui::Ui;

use super::view::View;
use super::widgets::whole_label;
use crate::i18n::T;
use crate::model::Rounding;
use crate::model::explain::Fmt;
use crate::model::number::{fmt_fixed, fmt_percent};
use crate::model::shortfall::signed;

/// The gap of the latest year with midwives in post, and, for the total of
/// several regions, how many regions are short and by how much in all (a
/// surplus elsewhere does not hide them).
fn gap_ui(ui: &mut Ui, view: &View) {
    let lang = view.lang;
    let short_colour = ui.visuals().error_fg_color;
    if let Some((year, gap)) = view
        .rows
        .iter()
        .rev()
        .find_map(|r| r.gap.map(|g| (r.year, g)))
    {
        ui.separator();
        let text = lang.tf(
            T::summary_gap,
            &[("year", &year), ("gap", &signed(gap, lang))],
        );
        let text = egui::RichText::new(text).strong();
        whole_label(
            ui,
            if gap < 0.0 {
                text.color(short_colour)
            } else {
                text
            },
        )
        .on_hover_text(lang.t(T::summary_gap_hint));
    }
    let several = view.results.ok().is_some_and(|(d, _)| d.regions() > 1);
    if let (None, true, Some(s)) = (view.region, several, view.results.shortfalls) {
        ui.separator();
        let text = lang.tf(
            T::summary_regions_short,
            &[
                ("short", &fmt_fixed(s.regions_short as f64, 0, lang)),
                ("given", &fmt_fixed(s.regions_given as f64, 0, lang)),
                ("year", &s.year),
                ("fte", &fmt_fixed(s.shortfall, 1, lang)),
            ],
        );
        let text = egui::RichText::new(text).strong();
        whole_label(
            ui,
            if s.regions_short > 0 {
                text.color(short_colour)
            } else {
                text
            },
        )
        .on_hover_text(lang.t(T::summary_regions_short_hint));
    }
}

/// Draws the summary of what is shown (nothing while the results fail).
pub fn summary(ui: &mut Ui, view: &View) {
    let lang = view.lang;
    let Some((_, p)) = view.results.ok() else {
        return;
    };
    let f = Fmt::new(lang, p.rounding);
    let wl = &p.capacity;
    let published = p.rounding == Rounding::Published;
    let t = |k: T| lang.t(k);
    let horizon = view.rows.iter().find(|r| r.year == p.horizon_year);
    ui.horizontal_wrapped(|ui| {
        whole_label(
            ui,
            format!(
                "{}: {} {}",
                t(T::summary_package),
                f.num(wl.package.package_minutes),
                t(T::summary_min)
            ),
        );
        ui.separator();
        whole_label(
            ui,
            format!(
                "WKE: {} {}",
                f.num(wl.working.effective_minutes),
                t(T::summary_min)
            ),
        );
        ui.separator();
        whole_label(
            ui,
            format!(
                "%WKE: {} ({})",
                f.share(wl.share),
                fmt_percent(wl.share, if published { 2 } else { 4 }, lang)
            ),
        );
        ui.separator();
        whole_label(
            ui,
            format!(
                "{}: {}",
                t(T::summary_women_per_midwife),
                if published {
                    fmt_fixed(wl.women_per_midwife, 0, lang)
                } else {
                    f.num(wl.women_per_midwife)
                }
            ),
        );
        if let Some(h) = horizon {
            ui.separator();
            whole_label(
                ui,
                egui::RichText::new(format!(
                    "{} {}: {} {}",
                    t(T::summary_midwives_needed),
                    h.year,
                    fmt_fixed(h.midwives_needed, 1, lang),
                    t(T::summary_fte)
                ))
                .strong(),
            );
        }
        gap_ui(ui, view);
    });
    if !view.results.warnings.is_empty() {
        let title = lang.tf(
            T::summary_warnings,
            &[("count", &view.results.warnings.len())],
        );
        egui::CollapsingHeader::new(egui::RichText::new(title).color(ui.visuals().warn_fg_color))
            .id_salt("warnings")
            .show(ui, |ui| {
                for line in &view.results.warnings {
                    ui.label(line);
                }
            });
    }
    ui.separator();
}
