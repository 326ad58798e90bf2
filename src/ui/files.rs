//! Where file names come from: the [`FileDialogs`] the app asks, answered
//! by the system's native dialogs in the program (tests answer it from a
//! script and never open real dialogs). When the native dialog cannot open,
//! the app asks with its own dialog drawn in the window (`file_dialog`).

use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The system's file dialog could not open (no desktop portal, no zenity).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unavailable;

/// The planner's answer: a file, `None` if cancelled, or no dialog at all.
pub type Chosen = Result<Option<PathBuf>, Unavailable>;

/// Asks the planner for a file to open or a place to save.
pub trait FileDialogs {
    /// A scenario file to open.
    fn open_scenario(&mut self) -> Chosen;
    /// Where to save a scenario, suggesting `file_name`.
    fn save_scenario(&mut self, file_name: &str) -> Chosen;
    /// A data file (CSV or .xlsx) to import.
    fn open_data(&mut self) -> Chosen;
    /// Where to save an export or template, suggesting `file_name`, offering
    /// `filters` (name, extensions).
    fn save_file(&mut self, file_name: &str, filters: &[(&str, &[&str])]) -> Chosen;
}

/// A native dialog that comes back empty sooner than this never showed:
/// nobody cancels a file dialog this fast.
const QUICKEST_ANSWER: Duration = Duration::from_millis(250);

/// The system's native dialogs (on Linux through the desktop portal or
/// zenity). Once one could not open, the others are not tried again.
#[derive(Default)]
pub struct NativeDialogs {
    unavailable: bool,
}

impl NativeDialogs {
    fn ask(&mut self, dialog: impl FnOnce() -> Option<PathBuf>) -> Chosen {
        if self.unavailable {
            return Err(Unavailable);
        }
        let asked = Instant::now();
        match dialog() {
            Some(p) => Ok(Some(p)),
            None if asked.elapsed() < QUICKEST_ANSWER => {
                self.unavailable = true;
                Err(Unavailable)
            }
            None => Ok(None),
        }
    }
}

impl FileDialogs for NativeDialogs {
    fn open_scenario(&mut self) -> Chosen {
        self.ask(|| {
            rfd::FileDialog::new()
                .add_filter("Skenario Proyeksi Bidan", &["bidan", "ron"])
                .pick_file()
        })
    }

    fn save_scenario(&mut self, file_name: &str) -> Chosen {
        self.ask(|| {
            rfd::FileDialog::new()
                .add_filter("Skenario Proyeksi Bidan", &["bidan"])
                .set_file_name(file_name)
                .save_file()
                .map(|p| {
                    if p.extension().is_none() {
                        p.with_extension("bidan")
                    } else {
                        p
                    }
                })
        })
    }

    fn open_data(&mut self) -> Chosen {
        self.ask(|| {
            rfd::FileDialog::new()
                .add_filter("Data (CSV, Excel)", &["csv", "txt", "xlsx"])
                .pick_file()
        })
    }

    fn save_file(&mut self, file_name: &str, filters: &[(&str, &[&str])]) -> Chosen {
        self.ask(|| {
            let mut d = rfd::FileDialog::new().set_file_name(file_name);
            for (name, exts) in filters {
                d = d.add_filter(*name, exts);
            }
            d.save_file()
        })
    }
}
