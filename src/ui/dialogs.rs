//! The modal and floating windows of the app: "save changes?" before a
//! command that would lose them, the guide to the method and "about".

use egui::Context;

use crate::i18n::T;
use crate::model::Lang;

/// The planner's answer to "save changes?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedAnswer {
    Save,
    Discard,
    Cancel,
}

/// Asks whether to save the unsaved changes of the scenario `name`;
/// `None` while the planner has not answered.
pub fn unsaved_changes(ctx: &Context, lang: Lang, name: &str) -> Option<UnsavedAnswer> {
    let t = |k: T| lang.t(k);
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
        ui.heading(t(T::dialogs_save_changes));
        ui.label(format!(
            "{} “{}” {}",
            t(T::dialogs_the_scenario),
            name,
            t(T::dialogs_has_unsaved_changes)
        ));
        ui.horizontal(|ui| {
            if ui.button(t(T::dialogs_save)).clicked() {
                answer = Some(UnsavedAnswer::Save);
            }
            if ui.button(t(T::dialogs_discard_changes)).clicked() {
                answer = Some(UnsavedAnswer::Discard);
            }
            if ui.button(t(T::dialogs_cancel)).clicked() {
                answer = Some(UnsavedAnswer::Cancel);
            }
        });
    });
    answer
}

/// The guide to the method, while `open`, within `area` (below the menu bar).
pub fn help(ctx: &Context, lang: Lang, open: &mut bool, area: egui::Rect) {
    let t = |k: T| lang.t(k);
    egui::Window::new(t(T::dialogs_guide_to_the_method))
        .open(open)
        .constrain_to(area)
        .default_pos(area.min + egui::vec2(60.0, 40.0))
        .default_width(520.0)
        .show(ctx, |ui| {
            ui.label(t(T::dialogs_help_text));
        });
}

/// The program's name and version, while `open`.
pub fn about(ctx: &Context, lang: Lang, open: &mut bool, area: egui::Rect) {
    let t = |k: T| lang.t(k);
    egui::Window::new(t(T::dialogs_about))
        .open(open)
        .constrain_to(area)
        .default_pos(area.min + egui::vec2(60.0, 40.0))
        .show(ctx, |ui| {
            ui.heading(t(T::app_name));
            ui.label(format!(
                "{} {}",
                t(T::dialogs_version),
                env!("CARGO_PKG_VERSION")
            ));
            ui.label(t(T::dialogs_projection_of_midwife_needs_for));
        });
}
