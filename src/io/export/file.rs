//! Shared file writing of the exports: the error every export gives, and
//! writing a file atomically.

use std::path::{Path, PathBuf};

use crate::i18n::T;
use crate::io::safe_write::WriteError;
use crate::io::scenario_file::{ScenarioFileError, write_atomic};
use crate::model::Lang;

/// Smallest width or height of an exported chart, in pixels.
pub const MIN_SIDE: u32 = 200;
/// Largest width or height of an exported chart, in pixels.
pub const MAX_SIDE: u32 = 8000;

/// Why a chart or table could not be exported.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(
        "the chart size {width} × {height} pixels is not allowed: width and height must each be between {MIN_SIDE} and {MAX_SIDE} pixels"
    )]
    InvalidSize { width: u32, height: u32 },
    #[error("the chart has nothing to draw: it has no panels or no points")]
    NothingToDraw,
    #[error("the bundled chart font could not be loaded")]
    Font,
    #[error("drawing the chart failed: {0}")]
    Draw(String),
    #[error("encoding the chart as PNG failed: {0}")]
    Png(String),
    #[error("building the Excel workbook failed: {0}")]
    Xlsx(String),
    #[error("{path}: cannot save this file type; use {expected}")]
    UnknownExtension {
        path: PathBuf,
        expected: &'static str,
    },
    #[error("{}: cannot write the file: {}", path.display(), crate::io::safe_write::reason(source, crate::model::Lang::En))]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl ExportError {
    /// The message in the planner's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ExportError::InvalidSize { width, height } => lang.tf(
                T::export_error_size,
                &[
                    ("width", width),
                    ("height", height),
                    ("min", &MIN_SIDE),
                    ("max", &MAX_SIDE),
                ],
            ),
            ExportError::NothingToDraw => lang.t(T::export_error_nothing).into(),
            ExportError::Font => lang.t(T::export_error_font).into(),
            ExportError::Draw(e) => lang.tf(T::export_error_draw, &[("error", e)]),
            ExportError::Png(e) => lang.tf(T::export_error_png, &[("error", e)]),
            ExportError::Xlsx(e) => lang.tf(T::export_error_xlsx, &[("error", e)]),
            ExportError::UnknownExtension { path, expected } => lang.tf(
                T::export_error_extension,
                &[("path", &path.display()), ("expected", expected)],
            ),
            ExportError::Write { path, source } => WriteError {
                path: path.clone(),
                source: std::io::Error::new(source.kind(), source.to_string()),
            }
            .message(lang),
        }
    }
}

/// Writes `bytes` to `path` atomically, with the error as an [`ExportError`].
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    write_atomic(path, bytes).map_err(|e| match e {
        ScenarioFileError::Write { path, source } => ExportError::Write { path, source },
        other => ExportError::Write {
            path: path.to_path_buf(),
            source: std::io::Error::other(other.to_string()),
        },
    })
}

/// The lower-case extension of `path`, if any.
pub(crate) fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
}
