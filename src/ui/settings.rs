//! What the window remembers between runs: language, theme, zoom, the
//! recent files and whether the welcome was dismissed (not the document);
//! and where the program keeps its own files.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Lang;

/// Light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// What is remembered between runs (not the document).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    pub theme: Theme,
    pub zoom: f32,
    pub recent: Vec<PathBuf>,
    /// The welcome of the first start was closed. Settings kept by a version
    /// without the welcome count as closed: only a first start greets.
    #[serde(default = "already_greeted")]
    pub welcome_dismissed: bool,
}

fn already_greeted() -> bool {
    true
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::Id,
            theme: Theme::Light,
            zoom: 1.0,
            recent: Vec::new(),
            welcome_dismissed: false,
        }
    }
}

const MAX_RECENT: usize = 8;

impl Settings {
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(MAX_RECENT);
    }
}

/// The name the program's data folder is kept under: %APPDATA%\ProyeksiBidan\data
/// on Windows, ~/.local/share/proyeksibidan on Linux.
pub const APP_ID: &str = "ProyeksiBidan";

/// The program's data folder, where the settings and autosaves are kept.
pub fn data_dir() -> Option<PathBuf> {
    eframe::storage_dir(APP_ID)
}

/// The file the settings are kept in (eframe's store in the data folder).
pub fn settings_file() -> Option<PathBuf> {
    data_dir().map(|d| d.join("app.ron"))
}

/// The folder of the copies of unsaved work.
pub fn autosave_dir() -> Option<PathBuf> {
    data_dir().map(|d| d.join("autosave"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dismissed_welcome_is_remembered() {
        let mut s = Settings::default();
        assert!(!s.welcome_dismissed, "a first start greets");
        s.welcome_dismissed = true;
        let kept = ron::to_string(&s).unwrap_or_default();
        let back: Settings = ron::from_str(&kept).unwrap_or_default();
        assert!(back.welcome_dismissed, "{kept}");
    }

    #[test]
    fn settings_of_a_version_without_the_welcome_do_not_greet() {
        let old = "(lang: En, theme: Dark, zoom: 1.0, recent: [])";
        let s: Settings = ron::from_str(old).unwrap_or_default();
        assert_eq!(s.lang, Lang::En, "the old settings were read");
        assert!(s.welcome_dismissed);
    }
}
