//! Files out: the chart as PNG or SVG, the results table as CSV, XLSX, a
//! text table or JSON; the tornado of a sensitivity run and the uncertainty
//! bands as PNG or SVG. Every table output reads the one column list of
//! [`crate::table`].

mod axes;
pub mod bands;
pub mod chart;
pub mod compare;
pub mod csv;
mod file;
pub(crate) mod fonts;
pub mod frame;
pub mod hbars;
pub mod json;
pub mod map;
pub mod ranking;
mod stacked;
pub mod text;
pub mod tornado;
pub mod wide;
pub mod xlsx;

use std::path::Path;

use crate::model::{Lang, PreparedData, Projection, Scenario};

pub use file::ExportError;

/// Writes `bytes` to `path` safely (the old file stays whole on failure).
pub fn write_bytes(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    write_file(path, bytes)
}
use file::{extension, write_file};

/// Output formats of `compute`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
}

/// Saves the table as CSV (in `style`) or Excel, by the extension of `path`
/// (case-insensitive), one row per region and year. The file is written
/// atomically.
pub fn save_table(
    path: &Path,
    scenario: &Scenario,
    data: &PreparedData,
    proj: &Projection,
    lang: Lang,
    style: csv::CsvStyle,
) -> Result<(), ExportError> {
    save_table_as(
        path,
        scenario,
        data,
        proj,
        lang,
        style,
        wide::TableLayout::Long,
    )
}

/// Saves the table as [`save_table`] does, in `layout`.
pub fn save_table_as(
    path: &Path,
    scenario: &Scenario,
    data: &PreparedData,
    proj: &Projection,
    lang: Lang,
    style: csv::CsvStyle,
    layout: wide::TableLayout,
) -> Result<(), ExportError> {
    match extension(path).as_deref() {
        // Streamed into the file: a national table is not held in memory.
        Some("csv") => crate::io::scenario_file::write_atomic_with(path, |w| match layout {
            wide::TableLayout::Long => csv::write_csv(w, data, proj, style, style.precision(proj)),
            wide::TableLayout::Wide => wide::write_wide_csv(
                w,
                data,
                proj,
                style != csv::CsvStyle::International,
                style.precision(proj),
            ),
        })
        .map_err(|e| ExportError::Write {
            path: path.to_path_buf(),
            source: std::io::Error::other(e.to_string()),
        }),
        Some("xlsx") => write_file(
            path,
            &xlsx::table_xlsx_as(scenario, data, proj, lang, layout)?,
        ),
        _ => Err(ExportError::UnknownExtension {
            path: path.to_path_buf(),
            expected: ".csv or .xlsx",
        }),
    }
}
