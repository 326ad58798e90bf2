//! The window's autosave: every minute while there are unsaved changes (and
//! when the window loses focus), a copy goes to the program's data folder,
//! never over the planner's file. At start, a copy left by a program that
//! did not quit cleanly is offered back.

use std::path::Path;
use std::time::SystemTime;

use super::document::{DocState, Document};
use crate::i18n::T;
use crate::io::autosave::{Autosave, Orphan, orphans};
use crate::io::safe_write::WriteError;
use crate::model::Lang;

/// Seconds between autosaves while there are unsaved changes.
pub const INTERVAL_SECS: f64 = 60.0;

/// What the planner chose for a copy offered back.
#[derive(Debug, Clone, PartialEq)]
pub enum RestoreChoice {
    Restore(Orphan),
    Discard(Orphan),
}

/// The autosave of one window.
#[derive(Default)]
pub struct AutosaveState {
    store: Option<Autosave>,
    /// Copies left by earlier runs, offered one at a time.
    pub offered: Vec<Orphan>,
    /// The state last copied, so an unchanged document is not written
    /// again (the data table is shared, so keeping it is cheap).
    last: Option<DocState>,
    /// When the next copy is due (the window's clock, in seconds).
    next_due: Option<f64>,
}

impl AutosaveState {
    /// Autosave into `dir`, offering the copies earlier runs left there.
    /// `None` (or a folder that cannot be made) leaves autosave off.
    pub fn start(dir: Option<&Path>) -> Self {
        let Some(dir) = dir else {
            return Self::default();
        };
        let offered = orphans(dir);
        AutosaveState {
            store: Autosave::start(dir).ok(),
            offered,
            last: None,
            next_due: None,
        }
    }

    /// Writes a copy when one is due: unsaved changes, not copied yet, and
    /// a minute since they began (or `now_anyway`, when focus is lost).
    /// Returns the error if the copy failed.
    pub fn step(&mut self, doc: &Document, now: f64, now_anyway: bool) -> Option<WriteError> {
        let store = self.store.as_ref()?;
        if !doc.is_dirty() {
            self.next_due = None;
            return None;
        }
        let due = *self.next_due.get_or_insert(now + INTERVAL_SECS);
        if now < due && !now_anyway {
            return None;
        }
        self.next_due = Some(now + INTERVAL_SECS);
        if self.last.as_ref() == Some(&doc.state) {
            return None;
        }
        match store.save(&doc.state.to_scenario(), doc.path.as_deref()) {
            Ok(()) => {
                self.last = Some(doc.state.clone());
                None
            }
            Err(e) => Some(e),
        }
    }

    /// A clean quit: the copy goes.
    pub fn finish(&mut self) {
        if let Some(store) = self.store.take() {
            store.finish();
        }
    }

    /// The offer of the first copy left by an earlier run, as a modal
    /// window; the planner's choice once made.
    pub fn offer_ui(&mut self, ctx: &egui::Context, lang: Lang) -> Option<RestoreChoice> {
        let orphan = self.offered.first()?.clone();
        let t = |k: T| lang.t(k);
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("autosave_offer")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading(t(T::autosave_offer_title));
            let name = if orphan.name.is_empty() {
                t(T::autosave_untitled).to_string()
            } else {
                orphan.name.clone()
            };
            ui.label(lang.tf(
                T::autosave_offer_text,
                &[
                    ("name", &name),
                    ("minutes", &orphan.minutes_ago(SystemTime::now())),
                ],
            ));
            if let Some(p) = &orphan.original {
                ui.label(lang.tf(T::autosave_offer_file, &[("path", &p.display())]));
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(t(T::autosave_restore)).clicked() {
                    choice = Some(RestoreChoice::Restore(orphan.clone()));
                }
                if ui.button(t(T::autosave_discard)).clicked() {
                    choice = Some(RestoreChoice::Discard(orphan.clone()));
                }
            });
        });
        if choice.is_some() {
            self.offered.remove(0);
        }
        choice
    }
}
