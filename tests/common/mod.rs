//! The window as the UI tests drive it: the real app on the bundled
//! example, 1280×800, with file dialogs that answer from a script.

use egui_kittest::Harness;
use proyeksi_bidan::model::Scenario;
use proyeksi_bidan::ui::files::ScriptedDialogs;
use proyeksi_bidan::ui::{ProyeksiApp, Settings};

pub type App = Harness<'static, ProyeksiApp>;

/// The app with `dialogs`, after its first frames have settled.
pub fn app_with(dialogs: ScriptedDialogs) -> App {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |_cc| {
            ProyeksiApp::new(
                Scenario::example(),
                None,
                Settings::default(),
                Box::new(dialogs),
            )
        });
    h.run_steps(4);
    h
}
