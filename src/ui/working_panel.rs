//! "Perhitungan": the whole calculation, step by step, with the numbers put
//! in, exactly as the engine explains it (the command line prints the same).

use egui::Ui;

use super::command::Command;
use super::view::View;
use super::widgets::steps_ui;

#[derive(Default)]
pub struct WorkingPanel;

impl WorkingPanel {
    /// Draws the steps of what is shown; it asks for nothing.
    pub fn ui(&mut self, ui: &mut Ui, view: &View) -> Vec<Command> {
        let steps = &view.results.steps;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                steps_ui(ui, steps, 6.0);
            });
        Vec::new()
    }
}
