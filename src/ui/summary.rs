//! The line above the results: the package, WKE, %WKE, women per midwife
//! and the midwives needed in the horizon year of what is shown.

use egui::Ui;

use super::view::View;
use crate::i18n::T;
use crate::model::Rounding;
use crate::model::explain::Fmt;
use crate::model::number::{fmt_fixed, fmt_percent};

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
        ui.label(format!(
            "{}: {} {}",
            t(T::summary_package),
            f.num(wl.package.package_minutes),
            t(T::summary_min)
        ));
        ui.separator();
        ui.label(format!(
            "WKE: {} {}",
            f.num(wl.working.effective_minutes),
            t(T::summary_min)
        ));
        ui.separator();
        ui.label(format!(
            "%WKE: {} ({})",
            f.share(wl.share),
            fmt_percent(wl.share, if published { 2 } else { 4 }, lang)
        ));
        ui.separator();
        ui.label(format!(
            "{}: {}",
            t(T::summary_women_per_midwife),
            if published {
                fmt_fixed(wl.women_per_midwife, 0, lang)
            } else {
                f.num(wl.women_per_midwife)
            }
        ));
        if let Some(h) = horizon {
            ui.separator();
            ui.strong(format!(
                "{} {}: {} {}",
                t(T::summary_midwives_needed),
                h.year,
                fmt_fixed(h.midwives_needed, 1, lang),
                t(T::summary_fte)
            ));
        }
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
