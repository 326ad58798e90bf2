//! Where file names come from: native dialogs in the program, fixed answers
//! in tests (tests never open real dialogs).

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
