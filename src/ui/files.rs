//! Where file names come from: the [`FileDialogs`] the app asks, answered
//! by the system's native dialogs in the program (tests answer it from a
//! script and never open real dialogs).

use std::path::PathBuf;

/// Asks the planner for a file to open or a place to save.
pub trait FileDialogs {
    /// A scenario file to open, or `None` if cancelled.
    fn open_scenario(&mut self) -> Option<PathBuf>;
    /// Where to save a scenario, suggesting `file_name`; `None` if cancelled.
    fn save_scenario(&mut self, file_name: &str) -> Option<PathBuf>;
    /// A data file (CSV or .xlsx) to import, or `None` if cancelled.
    fn open_data(&mut self) -> Option<PathBuf>;
    /// Where to save an export or template, suggesting `file_name`, offering
    /// `filters` (name, extensions); `None` if cancelled.
    fn save_file(&mut self, file_name: &str, filters: &[(&str, &[&str])]) -> Option<PathBuf>;
}

/// The system's native dialogs (on Linux through the desktop portal or zenity).
#[derive(Default)]
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn open_scenario(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("Skenario Proyeksi Bidan", &["bidan", "ron"])
            .pick_file()
    }

    fn save_scenario(&mut self, file_name: &str) -> Option<PathBuf> {
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
    }

    fn open_data(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("Data (CSV, Excel)", &["csv", "txt", "xlsx"])
            .pick_file()
    }

    fn save_file(&mut self, file_name: &str, filters: &[(&str, &[&str])]) -> Option<PathBuf> {
        let mut d = rfd::FileDialog::new().set_file_name(file_name);
        for (name, exts) in filters {
            d = d.add_filter(*name, exts);
        }
        d.save_file()
    }
}
