//! Scenario files: RON text with a format version, the data table embedded.
//! Saving is atomic: a temporary file in the same folder is written, synced
//! and renamed over the old one, so a failed save leaves the old file whole.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::i18n::T;
use crate::io::import::file_kind::io_reason;
use crate::io::import::problems::{Arg, Msg, quote};
use crate::model::scenario::FORMAT_VERSION;
use crate::model::{Lang, Scenario};

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
    /// The file is damaged at a place: `message` says how.
    #[error("{path}{}", damaged_at(*line, *column, message, Lang::En))]
    Syntax {
        path: String,
        line: usize,
        column: usize,
        message: Msg,
    },
    #[error(
        "{path}the file has format version {found}; this program reads up to version {supported}. Please update Proyeksi Bidan."
    )]
    NewerVersion {
        path: String,
        found: u32,
        supported: u32,
    },
    #[error("{path}this is not a Proyeksi Bidan scenario file")]
    NotAScenario { path: String },
}

impl ScenarioFileError {
    /// The error in the planner's language, with the file and the place.
    pub fn message(&self, lang: Lang) -> String {
        let reason = |e: &std::io::Error| io_reason(e).text_in(lang);
        match self {
            ScenarioFileError::Read { path, source } => format!(
                "{}: {}",
                path.display(),
                lang.tf(T::import_cannot_read, &[("reason", &reason(source))])
            ),
            ScenarioFileError::Write { path, source } => format!(
                "{}: {}",
                path.display(),
                lang.tf(
                    T::scenario_cannot_write,
                    &[("reason", &super::safe_write::reason(source, lang))]
                )
            ),
            ScenarioFileError::Syntax {
                path,
                line,
                column,
                message,
            } => format!("{path}{}", damaged_at(*line, *column, message, lang)),
            ScenarioFileError::NewerVersion {
                path,
                found,
                supported,
            } => format!(
                "{path}{}",
                lang.tf(
                    T::scenario_newer,
                    &[("found", found), ("supported", supported)]
                )
            ),
            ScenarioFileError::NotAScenario { path } => {
                format!("{path}{}", lang.t(T::scenario_not_a_scenario))
            }
        }
    }
}

/// Where and how a scenario file is damaged, in `lang`.
fn damaged_at(line: usize, column: usize, what: &Msg, lang: Lang) -> String {
    Msg::new(T::scenario_damaged_at)
        .text("line", line)
        .text("column", column)
        .arg("what", Arg::Msg(Box::new(what.clone())))
        .text_in(lang)
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

/// What is wrong at the place a scenario file cannot be read, in plain words.
fn what(code: &ron::Error) -> Msg {
    use ron::Error as E;
    match code {
        E::Eof => Msg::new(T::scenario_ends_early),
        E::ExceededRecursionLimit => Msg::new(T::scenario_too_deep),
        E::MissingStructField { field, .. } => {
            Msg::new(T::scenario_missing_entry).text("name", field)
        }
        E::NoSuchStructField { found, .. } => {
            Msg::new(T::scenario_unknown_entry).text("name", quote(found))
        }
        E::DuplicateStructField { field, .. } => {
            Msg::new(T::scenario_entry_twice).text("name", field)
        }
        E::NoSuchEnumVariant { found, .. } => {
            Msg::new(T::scenario_unknown_choice).text("name", quote(found))
        }
        E::InvalidValueForType { .. }
        | E::ExpectedInteger
        | E::ExpectedFloat
        | E::ExpectedString
        | E::ExpectedBoolean
        | E::ExpectedArray
        | E::ExpectedMap
        | E::ExpectedOption
        | E::ExpectedUnit
        | E::ExpectedStructLike
        | E::ExpectedNamedStructLike(_)
        | E::ExpectedDifferentLength { .. }
        | E::IntegerOutOfBounds => Msg::new(T::scenario_wrong_value),
        _ => Msg::new(T::scenario_unexpected),
    }
}

/// Where the first thing that is not a space or a comment is (1-based line
/// and column), or `None` when there is nothing else.
fn first_token(text: &str) -> Option<(usize, usize)> {
    let (mut line, mut col) = (1, 1);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => {
                line += 1;
                col = 1;
                continue;
            }
            c if c.is_whitespace() => {}
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        line += 1;
                        col = 1;
                        break;
                    }
                }
                continue;
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                col += 2;
                let mut last = ' ';
                for c in chars.by_ref() {
                    if c == '\n' {
                        line += 1;
                        col = 1;
                    } else {
                        col += 1;
                    }
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                continue;
            }
            _ => return Some((line, col)),
        }
        col += 1;
    }
    None
}

fn parse(text: &str, path: Option<&Path>) -> Result<Scenario, ScenarioFileError> {
    let syntax = |e: ron::error::SpannedError| ScenarioFileError::Syntax {
        path: prefix(path),
        line: e.span.start.line,
        column: e.span.start.col,
        message: what(&e.code),
    };
    let probe: VersionProbe = match ron::from_str(text) {
        Ok(p) => p,
        Err(e) => {
            // Not even the opening of a scenario where the file starts.
            let at = (e.span.start.line, e.span.start.col);
            return Err(match first_token(text) {
                None => ScenarioFileError::NotAScenario { path: prefix(path) },
                Some(first) if first == at => {
                    ScenarioFileError::NotAScenario { path: prefix(path) }
                }
                Some(_) => syntax(e),
            });
        }
    };
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
