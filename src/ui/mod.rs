//! The desktop window (egui only). It calls the engine in `model` and the
//! files in `io`; no formula lives here.

pub mod app;
pub mod data_panel;
pub mod document;
pub mod files;
pub mod params_panel;
pub mod plot_panel;
pub mod table_panel;
pub mod widgets;
pub mod working_panel;

pub use app::{Command, ProyeksiApp, Settings, Tab};

use std::path::PathBuf;
use std::time::Instant;

/// Opens the window on `scenario` (or the bundled example). With
/// `screenshot`, saves a picture of the window once drawn and closes.
pub fn run_window(
    scenario: Option<PathBuf>,
    screenshot: Option<PathBuf>,
    started: Instant,
) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0])
            .with_title("Proyeksi Bidan")
            .with_drag_and_drop(true),
        // A screenshot run must not depend on (or change) the planner's
        // remembered window state.
        persist_window: screenshot.is_none(),
        ..Default::default()
    };
    eframe::run_native(
        "Proyeksi Bidan",
        options,
        Box::new(move |cc| {
            Ok(Box::new(ProyeksiApp::from_creation(
                cc, scenario, screenshot, started,
            )))
        }),
    )
    .map_err(|e| e.to_string())
}
