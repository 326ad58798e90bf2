//! Scenario files: RON text with a format version, the data table embedded.
//! Saving is atomic: a temporary file in the same folder is written, synced
//! and renamed over the old one, so a failed save leaves the old file whole.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::Scenario;
use crate::model::scenario::FORMAT_VERSION;

/// Why a scenario file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum ScenarioFileError {
    #[error("{path}: cannot read the file: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: cannot write the file: {}", path.display(), super::safe_write::reason(source, crate::model::Lang::En))]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}line {line}, column {column}: {message}")]
    Syntax {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path}the file has format version {found}; this program reads up to version {supported}. Please update Proyeksi Bidan."
    )]
    NewerVersion {
        path: String,
        found: u32,
        supported: u32,
    },
    #[error("{path}the file is not a Proyeksi Bidan scenario (no `format_version`)")]
    NotAScenario { path: String },
}

#[derive(Deserialize)]
struct VersionProbe {
    /// 0 when the field is absent: no scenario file has version 0.
    #[serde(default)]
    format_version: u32,
}

fn prefix(path: Option<&Path>) -> String {
    path.map(|p| format!("{}: ", p.display()))
        .unwrap_or_default()
}

fn parse(text: &str, path: Option<&Path>) -> Result<Scenario, ScenarioFileError> {
    let syntax = |e: ron::error::SpannedError| ScenarioFileError::Syntax {
        path: prefix(path),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    };
    let probe: VersionProbe = ron::from_str(text).map_err(syntax)?;
    match probe.format_version {
        0 => {
            return Err(ScenarioFileError::NotAScenario { path: prefix(path) });
        }
        v if v > FORMAT_VERSION => {
            return Err(ScenarioFileError::NewerVersion {
                path: prefix(path),
                found: v,
                supported: FORMAT_VERSION,
            });
        }
        _ => {}
    }
    ron::from_str(text).map_err(syntax)
}

/// Reads a scenario from RON text.
pub fn scenario_from_str(text: &str) -> Result<Scenario, ScenarioFileError> {
    parse(text, None)
}

/// Writes a scenario as RON text.
pub fn scenario_to_string(scenario: &Scenario) -> String {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(4)
        .struct_names(false)
        .separate_tuple_members(false);
    let body = ron::ser::to_string_pretty(scenario, config)
        .expect("a scenario always serialises: it holds only strings, numbers and lists");
    format!("// Proyeksi Bidan scenario\n{body}\n")
}

/// Reads a scenario file.
pub fn load_scenario(path: &Path) -> Result<Scenario, ScenarioFileError> {
    let bytes = std::fs::read(path).map_err(|source| ScenarioFileError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8_lossy(&bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    parse(text, Some(path))
}

/// Writes a scenario file atomically.
pub fn save_scenario(path: &Path, scenario: &Scenario) -> Result<(), ScenarioFileError> {
    write_atomic(path, scenario_to_string(scenario).as_bytes())
}

/// Writes `bytes` to `path` safely (see [`super::safe_write`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ScenarioFileError> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Writes to `path` safely: `write` fills the file (buffered), which
/// replaces `path` only when all went well.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), ScenarioFileError> {
    super::safe_write::write_atomic_with(path, write).map_err(|e| ScenarioFileError::Write {
        path: e.path,
        source: e.source,
    })
}
