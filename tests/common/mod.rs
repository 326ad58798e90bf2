//! The window as the UI tests drive it: the real app on the bundled
//! example, 1280×800, with file dialogs that answer from a script.

use egui_kittest::Harness;
use proyeksi_bidan::model::Scenario;
use std::path::PathBuf;

use proyeksi_bidan::ui::files::{Chosen, FileDialogs, Unavailable};
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
    app_on_system(scenario, Box::new(dialogs), egui::vec2(1280.0, 800.0))
}

/// The app on `scenario` with any `dialogs` in a window of `size`, after
/// its first frames have settled.
pub fn app_on_system(scenario: Scenario, dialogs: Box<dyn FileDialogs>, size: egui::Vec2) -> App {
    let mut h = Harness::builder()
        .with_size(size)
        .build_eframe(move |_cc| ProyeksiApp::new(scenario, None, Settings::default(), dialogs));
    h.run_steps(4);
    h
}

/// Fixed answers, for tests: each call takes the next answer.
#[derive(Default)]
pub struct ScriptedDialogs {
    pub open: Vec<Option<PathBuf>>,
    pub save: Vec<Option<PathBuf>>,
}

impl ScriptedDialogs {
    fn next(answers: &mut Vec<Option<PathBuf>>) -> Chosen {
        if answers.is_empty() {
            Ok(None)
        } else {
            Ok(answers.remove(0))
        }
    }
}

impl FileDialogs for ScriptedDialogs {
    fn open_scenario(&mut self) -> Chosen {
        Self::next(&mut self.open)
    }

    fn save_scenario(&mut self, _file_name: &str) -> Chosen {
        Self::next(&mut self.save)
    }

    fn open_data(&mut self) -> Chosen {
        self.open_scenario()
    }

    fn save_file(&mut self, file_name: &str, _filters: &[(&str, &[&str])]) -> Chosen {
        self.save_scenario(file_name)
    }
}

/// A system without file dialogs (no desktop portal, no zenity): every
/// dialog reports that it cannot open.
#[allow(dead_code)] // only the file dialog tests use it
pub struct NoSystemDialogs;

impl FileDialogs for NoSystemDialogs {
    fn open_scenario(&mut self) -> Chosen {
        Err(Unavailable)
    }

    fn save_scenario(&mut self, _file_name: &str) -> Chosen {
        Err(Unavailable)
    }

    fn open_data(&mut self) -> Chosen {
        Err(Unavailable)
    }

    fn save_file(&mut self, _file_name: &str, _filters: &[(&str, &[&str])]) -> Chosen {
        Err(Unavailable)
    }
}

/// Replaces the text of the field named `name` by `text`: the field takes
/// the focus, its text is selected whole and typed over.
#[allow(dead_code)] // only the files that edit fields use it
pub fn retype(h: &mut App, name: &str, text: &str) {
    use egui::accesskit::Role;
    use egui::{Key, Modifiers};
    use egui_kittest::kittest::Queryable;
    h.get_by_role_and_label(Role::TextInput, name).focus();
    h.run_steps(4);
    assert!(
        h.get_by_role_and_label(Role::TextInput, name).is_focused(),
        "the field {name:?} did not take the focus"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(4);
    h.get_by_role_and_label(Role::TextInput, name)
        .type_text(text);
    h.run_steps(4);
}
