//! The window as the UI tests drive it: the real app on the bundled
//! example, 1280×800, with file dialogs that answer from a script.

use egui_kittest::Harness;
use proyeksi_bidan::model::Scenario;
use std::path::PathBuf;

use proyeksi_bidan::ui::files::FileDialogs;
use proyeksi_bidan::ui::{ProyeksiApp, Settings};

pub type App = Harness<'static, ProyeksiApp>;

/// The app with `dialogs`, after its first frames have settled.
#[allow(dead_code)] // every UI test file but one starts this way
pub fn app_with(dialogs: ScriptedDialogs) -> App {
    app_on(Scenario::example(), dialogs)
}

/// The app on `scenario` with `dialogs`, after its first frames have settled.
#[allow(dead_code)] // not every UI test file starts on its own scenario
pub fn app_on(scenario: Scenario, dialogs: ScriptedDialogs) -> App {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |_cc| {
            ProyeksiApp::new(scenario, None, Settings::default(), Box::new(dialogs))
        });
    h.run_steps(4);
    h
}

/// Fixed answers, for tests: each call takes the next answer.
#[derive(Default)]
pub struct ScriptedDialogs {
    pub open: Vec<Option<PathBuf>>,
    pub save: Vec<Option<PathBuf>>,
}

impl FileDialogs for ScriptedDialogs {
    fn open_scenario(&mut self) -> Option<PathBuf> {
        if self.open.is_empty() {
            None
        } else {
            self.open.remove(0)
        }
    }

    fn save_scenario(&mut self, _file_name: &str) -> Option<PathBuf> {
        if self.save.is_empty() {
            None
        } else {
            self.save.remove(0)
        }
    }

    fn open_data(&mut self) -> Option<PathBuf> {
        self.open_scenario()
    }

    fn save_file(&mut self, file_name: &str, _filters: &[(&str, &[&str])]) -> Option<PathBuf> {
        self.save_scenario(file_name)
    }
}
