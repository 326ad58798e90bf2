//! "Save changes?" before a command that would lose them.

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
