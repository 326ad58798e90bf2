//! The status bar: the last message (or the error that stops the
//! computation, or "ready"), the rounding mode and whether the scenario is
//! saved.

use egui::Ui;

use crate::i18n::T;
use crate::model::{Lang, ModelError, Rounding};

/// A message in the status bar, in the window's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub text: String,
    pub error: bool,
    /// The message in each language, for a change of language.
    texts: Vec<(Lang, String)>,
}

impl Status {
    /// The message `text` gives in each language, shown in `lang`.
    pub fn new(lang: Lang, error: bool, text: impl Fn(Lang) -> String) -> Self {
        let texts: Vec<(Lang, String)> = [Lang::Id, Lang::En]
            .into_iter()
            .map(|l| (l, text(l)))
            .collect();
        let mut status = Status {
            text: String::new(),
            error,
            texts,
        };
        status.follow(lang);
        status
    }

    /// Shows the message in `lang`.
    pub fn follow(&mut self, lang: Lang) {
        if let Some((_, t)) = self.texts.iter().find(|(l, _)| *l == lang) {
            self.text = t.clone();
        }
    }
}

/// Draws the status bar.
pub fn status_bar(
    ui: &mut Ui,
    lang: Lang,
    status: Option<&Status>,
    error: Option<&ModelError>,
    rounding: Rounding,
    dirty: bool,
) {
    ui.horizontal(|ui| {
        if let Some(s) = status {
            if s.error {
                ui.colored_label(ui.visuals().error_fg_color, &s.text);
            } else {
                ui.label(&s.text);
            }
        } else if let Some(e) = error {
            ui.colored_label(ui.visuals().error_fg_color, e.message(lang));
        } else {
            ui.label(lang.t(T::status_bar_ready));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let mode = match rounding {
                Rounding::Exact => lang.t(T::status_bar_exact),
                Rounding::Published => lang.t(T::status_bar_as_published),
            };
            ui.label(mode);
            ui.separator();
            if dirty {
                ui.label(lang.t(T::status_bar_unsaved_changes));
            } else {
                ui.label(lang.t(T::status_bar_saved));
            }
        });
    });
}
