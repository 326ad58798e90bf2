//! What the window remembers between runs: language, theme, zoom and the
//! recent files (not the document).

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
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::Id,
            theme: Theme::Light,
            zoom: 1.0,
            recent: Vec::new(),
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
