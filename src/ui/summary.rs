//! The line above the results: the package, WKE, %WKE, women per midwife
//! and the midwives needed in the horizon year of what is shown.

use egui::Ui;

use super::view::View;
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
    let t = |id: &'static str, en: &'static str| lang.pick(id, en);
    let horizon = view.rows.iter().find(|r| r.year == p.horizon_year);
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "{}: {} {}",
            t("Paket", "Package"),
            f.num(wl.package.package_minutes),
            t("menit", "min")
        ));
        ui.separator();
        ui.label(format!(
            "WKE: {} {}",
            f.num(wl.working.effective_minutes),
            t("menit", "min")
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
            t("Ibu hamil per bidan", "Women per midwife"),
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
                t("Kebutuhan bidan", "Midwives needed"),
                h.year,
                fmt_fixed(h.midwives_needed, 1, lang),
                t("FTE", "FTE")
            ));
        }
    });
    ui.separator();
}
