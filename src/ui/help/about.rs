//! "About" (Bantuan → Tentang): the program's version and licence, the
//! work it rests on, and where it keeps its settings and autosaves.

use std::path::PathBuf;

use egui::Context;

use crate::i18n::T;
use crate::model::Lang;

/// Where the program keeps what it writes by itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Places {
    pub settings: Option<PathBuf>,
    pub autosaves: Option<PathBuf>,
}

/// Draws "about" while `open`, within `area` (below the menu bar).
pub fn about(ctx: &Context, lang: Lang, open: &mut bool, area: egui::Rect, places: &Places) {
    let t = |k: T| lang.t(k);
    egui::Window::new(t(T::dialogs_about))
        .id(egui::Id::unique("about_window"))
        .open(open)
        .constrain_to(area)
        .default_pos(area.min + egui::vec2(60.0, 40.0))
        .default_width(520.0)
        .collapsible(false)
        .show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading(t(T::app_name));
            ui.label(format!(
                "{} {}",
                t(T::dialogs_version),
                env!("CARGO_PKG_VERSION")
            ));
            ui.label(t(T::dialogs_projection_of_midwife_needs_for));
            ui.label(lang.tf(
                T::help_about_licence,
                &[("licence", &env!("CARGO_PKG_LICENSE"))],
            ));
            ui.add_space(6.0);
            ui.strong(t(T::help_about_credits));
            for k in [
                T::help_about_paper,
                T::help_about_fonts,
                T::help_about_boundaries,
                T::help_about_libraries,
            ] {
                ui.horizontal_top(|ui| {
                    ui.label("•");
                    ui.add(egui::Label::new(t(k)).wrap());
                });
            }
            ui.add_space(6.0);
            ui.strong(t(T::help_about_places));
            let shown = |p: &Option<PathBuf>| match p {
                Some(p) => p.display().to_string(),
                None => t(T::help_about_no_place).to_string(),
            };
            ui.label(lang.tf(
                T::help_about_settings_at,
                &[("path", &shown(&places.settings))],
            ));
            ui.label(lang.tf(
                T::help_about_autosaves_at,
                &[("path", &shown(&places.autosaves))],
            ));
        });
}
