//! The desktop window (egui only). It calls the engine in `model` and the
//! files in `io`; no formula lives here.
//!
//! - `app`: the app's state (settings, document, undo, panels) and the frame loop.
//! - `autosave`: a copy of unsaved work every minute, offered back after a crash.
//! - `command`: every menu item, shortcut and panel request, with its shortcut, and what a chosen file is for.
//! - `settings`: what is remembered between runs (language, theme, zoom, recent files).
//! - `file_actions`: open, save, import, templates, export; executes the commands.
//! - `document`: the scenario being edited and its cached computed results.
//! - `view`: the read-only things every panel draws from.
//! - `menu_bar`: the menu bar (File, Edit, View, Help).
//! - `status_bar`: the status bar (message, rounding mode, saved or not).
//! - `dialogs`: "save changes?".
//! - `help`: the guide (searchable, linked from each parameter), the first start's welcome and "about".
//! - `file_dialog`: the file dialog drawn in the window when the system's cannot open.
//! - `files`: the file dialogs the app asks (native ones in the program).
//! - `params_panel`: the left panel with every parameter of the model.
//! - `region_picker`: the region list above the results, searched as the planner types.
//! - `region_tree`: the regions as a tree beside the parameters, when the data form one.
//! - `summary`: the line of key figures above the results.
//! - `plot_panel`: the projection chart (Proyeksi tab).
//! - `table_panel`: the results table (Tabel tab).
//! - `working_panel`: the calculation step by step (Perhitungan tab).
//! - `workload_panel`: the workload method, WISN / ABK-Kes (Beban kerja tab).
//! - `stacked_chart`: the workload tab's stacked bars of midwives needed by activity.
//! - `volume_rules`: where an activity's units a year come from, as offered there.
//! - `data_panel`: the editable data table (Data tab).
//! - `programs_panel`: the internship plan and the delivery indicators (Program tab).
//! - `mentoring_panel`: the mentoring facilities, visits and checklist scores (Program tab).
//! - `program_results`: the programmes' tables, worked out when the plans change.
//! - `program_charts`: the indicators against their targets, and each facility's score trend.
//! - `data_edit`: one edit of the data table, as the Data tab asks for it.
//! - `import_dialog`: the preview and column mapping of a data file being imported.
//! - `properties_dialog`: the scenario's name and notes (File → Scenario properties).
//! - `export_dialog`: the chart and table export window.
//! - `export_request`: which chart or table the planner asked to export, and how.
//! - `widgets`: number fields, labelled rows and the working's steps, shared by the panels.
//! - `renderer`: which renderer draws the window, and the fallback to the next one.

pub mod analysis;
mod analysis_actions;
pub mod app;
pub mod autosave;
pub mod command;
pub mod data_edit;
pub mod data_panel;
pub mod dialogs;
pub mod document;
pub mod export_dialog;
pub mod export_request;
pub mod file_actions;
pub mod file_dialog;
pub mod files;
pub mod help;
pub mod import_dialog;
pub mod map_panel;
pub mod mentoring_panel;
pub mod menu_bar;
pub mod params_panel;
pub mod plot_panel;
pub mod program_calendar;
pub mod program_charts;
pub mod program_results;
pub mod program_widgets;
pub mod programs_panel;
pub mod properties_dialog;
pub mod ranking_panel;
pub mod region_picker;
pub mod region_tree;
pub mod renderer;
pub mod settings;
pub mod stacked_chart;
pub mod status_bar;
pub mod summary;
pub mod supply_panel;
pub mod table_panel;
pub mod view;
pub mod volume_rules;
pub mod widgets;
pub mod working_panel;
pub mod workload_panel;

pub use app::{ProyeksiApp, Tab};
pub use command::Command;
pub use renderer::{RendererChoice, WindowError};
pub use settings::{Settings, Theme};

use std::path::PathBuf;
use std::time::Instant;

/// How the window starts.
pub struct WindowStart {
    /// A scenario file to open, or a data file to import into the bundled
    /// example; the bundled example without one.
    pub file: Option<PathBuf>,
    /// Save a picture of the window once drawn, then close.
    pub screenshot: Option<PathBuf>,
    pub tab: Tab,
    /// Language for this run (otherwise the remembered one).
    pub lang: Option<crate::model::Lang>,
    /// When the process started, to report the time to the first frame.
    pub started: Instant,
    /// A help window to open at start.
    pub show: Option<help::HelpWindow>,
}

/// Opens the window with the first renderer that starts: `renderer` forces
/// one, otherwise each of [`renderer::order`] is tried in turn, and one that
/// cannot start (an error or a panic before the app exists) is followed by
/// the next, with a line on stderr.
pub fn run_window(start: WindowStart, renderer: Option<RendererChoice>) -> Result<(), WindowError> {
    let persist_window = start.screenshot.is_none();
    let lang = start.lang.unwrap_or_default();
    let slot = std::cell::RefCell::new(Some(start));
    renderer::start_first(
        &renderer::order(renderer),
        |choice| {
            let created = std::cell::Cell::new(false);
            let options = eframe::NativeOptions {
                viewport: egui::ViewportBuilder::default()
                    .with_inner_size([1280.0, 800.0])
                    .with_min_inner_size([800.0, 500.0])
                    .with_title("Proyeksi Bidan")
                    // Settings are kept under this name: %APPDATA%\ProyeksiBidan\data
                    // on Windows, ~/.local/share/proyeksibidan on Linux.
                    .with_app_id(settings::APP_ID)
                    .with_drag_and_drop(true)
                    .with_icon(app_icon()),
                // A screenshot run must not depend on (or change) the planner's
                // remembered window state.
                persist_window,
                renderer: choice.eframe(),
                wgpu_options: choice.wgpu_options(),
                // The event loop is kept, so a second renderer can be tried.
                run_and_return: true,
                ..Default::default()
            };
            let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                eframe::run_native(
                    "Proyeksi Bidan",
                    options,
                    Box::new(|cc| {
                        created.set(true);
                        match slot.borrow_mut().take() {
                            Some(start) => Ok(Box::new(ProyeksiApp::from_creation(cc, start))),
                            None => Err("the window was already started".into()),
                        }
                    }),
                )
            }));
            match (run, created.get()) {
                (Ok(Ok(())), _) => renderer::Attempt::Started(Ok(())),
                (Ok(Err(e)), true) => renderer::Attempt::Started(Err(e.to_string())),
                // No event loop: no display at all, whatever the renderer.
                (Ok(Err(e @ eframe::Error::WinitEventLoop(_))), false) => {
                    renderer::Attempt::NoDisplay(e.to_string())
                }
                (Ok(Err(e)), false) => renderer::Attempt::NotStarted(e.to_string()),
                (Err(p), true) => renderer::Attempt::Started(Err(renderer::panic_text(p.as_ref()))),
                (Err(p), false) => renderer::Attempt::NotStarted(renderer::panic_text(p.as_ref())),
            }
        },
        |choice, message| {
            let text = lang.tf(
                crate::i18n::T::window_renderer_fallback,
                &[("renderer", &choice), ("reason", &message)],
            );
            eprintln!("proyeksi-bidan: {text}");
        },
    )
}

/// The program's icon for the title bar and task bar (the same picture as
/// the Windows `.exe` icon); egui's own icon if the picture cannot be read.
fn app_icon() -> std::sync::Arc<egui::IconData> {
    std::sync::Arc::new(
        eframe::icon_data::from_png_bytes(include_bytes!(
            "../../assets/icon/proyeksi-bidan-256.png"
        ))
        .unwrap_or_default(),
    )
}
