//! File → Properti skenario…: the scenario's name (in the window's title,
//! the suggested file name, the chart's footer and the exported sheets) and
//! its notes, edited together and applied as one undoable change.

use egui::Context;

use super::command::Command;
use crate::i18n::T;
use crate::model::Lang;

/// The properties window: the name and notes being edited, while open.
#[derive(Default)]
pub struct PropertiesDialog {
    editing: Option<(String, String)>,
}

impl PropertiesDialog {
    /// Opens the window on the scenario's `name` and `notes`.
    pub fn open(&mut self, name: &str, notes: &str) {
        self.editing = Some((name.to_string(), notes.to_string()));
    }

    pub fn is_open(&self) -> bool {
        self.editing.is_some()
    }

    /// Draws the window while open; returns [`Command::SetProperties`] when
    /// the planner applies the changes.
    pub fn ui(&mut self, ctx: &Context, lang: Lang) -> Vec<Command> {
        let Some((name, notes)) = self.editing.as_mut() else {
            return Vec::new();
        };
        let t = |k: T| lang.t(k);
        let mut out = Vec::new();
        let mut close = false;
        egui::Modal::new(egui::Id::unique("scenario_properties")).show(ctx, |ui| {
            ui.set_width(480.0);
            ui.heading(t(T::properties_title));
            let l = ui.label(t(T::properties_name));
            ui.add(egui::TextEdit::singleline(name).desired_width(f32::INFINITY))
                .labelled_by(l.id);
            let l = ui.label(t(T::properties_notes));
            ui.add(
                egui::TextEdit::multiline(notes)
                    .desired_rows(5)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id);
            ui.label(
                egui::RichText::new(t(T::properties_where_shown))
                    .small()
                    .weak(),
            );
            ui.separator();
            ui.horizontal(|ui| {
                if ui.button(t(T::properties_apply)).clicked() {
                    out.push(Command::SetProperties {
                        name: name.trim().to_string(),
                        notes: notes.trim_end().to_string(),
                    });
                    close = true;
                }
                if ui.button(t(T::file_dialog_cancel)).clicked() {
                    close = true;
                }
            });
        });
        if close {
            self.editing = None;
        }
        out
    }
}
