//! "Perhitungan": the whole calculation, step by step, with the numbers put
//! in, exactly as the engine explains it (the command line prints the same).

use egui::{RichText, Ui};

use super::command::Command;
use super::view::View;

#[derive(Default)]
pub struct WorkingPanel;

impl WorkingPanel {
    /// Draws the steps of what is shown; it asks for nothing.
    pub fn ui(&mut self, ui: &mut Ui, view: &View) -> Vec<Command> {
        let steps = &view.results.steps;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (i, s) in steps.iter().enumerate() {
                    ui.label(RichText::new(format!("{}. {}", i + 1, s.title)).strong());
                    ui.label(RichText::new(&s.formula).italics());
                    ui.label(RichText::new(format!("= {}", s.working)).monospace());
                    if !s.note.is_empty() {
                        ui.label(RichText::new(&s.note).small().weak());
                    }
                    ui.add_space(6.0);
                }
            });
        Vec::new()
    }
}
