//! Files out: the chart as PNG or SVG, the results table as CSV, XLSX, a
//! text table or JSON; the tornado of a sensitivity run and the uncertainty
//! bands as PNG or SVG. Every table output reads the one column list of
//! [`crate::table`].

mod axes;
pub mod bands;
pub mod chart;
pub mod compare;
pub mod csv;
mod deflate_parts;
mod file;
pub(crate) mod fonts;
pub mod frame;
pub mod hbars;
pub mod json;
pub mod map;
pub mod ranking;
mod sheet_xml;
mod stacked;
pub mod text;
pub mod tornado;
pub mod wide;
pub mod xlsx;
mod xlsx_parallel;
mod xlsx_parameters;
mod zip_archive;

use std::path::Path;

use crate::model::{Lang, PreparedData, Projection, Scenario};
use crate::table::Selection;

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
    save_table_of(
        path,
        scenario,
        data,
        proj,
        Selection::All,
        lang,
        style,
        layout,
    )
}

/// Saves the rows of `selection` (see [`save_table`]) in `layout`, regions
/// summed up the tree as the scenario's parameters say. The wide layout
/// lists every region, so a selection is written in the long layout.
#[allow(clippy::too_many_arguments)]
pub fn save_table_of(
    path: &Path,
    scenario: &Scenario,
    data: &PreparedData,
    proj: &Projection,
    selection: Selection,
    lang: Lang,
    style: csv::CsvStyle,
    layout: wide::TableLayout,
) -> Result<(), ExportError> {
    let of = (selection, scenario.params.need_sum);
    let layout = if matches!(selection, Selection::All) {
        layout
    } else {
        wide::TableLayout::Long
    };
    match extension(path).as_deref() {
        // Streamed into the file: a national table is not held in memory.
        Some("csv") => crate::io::scenario_file::write_atomic_with(path, |w| match layout {
            wide::TableLayout::Long => {
                csv::write_csv_of(w, data, proj, of, style, style.precision(proj))
            }
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
        Some("xlsx") => xlsx::save_table_xlsx(
            path,
            &xlsx::TableBook {
                scenario,
                data,
                proj,
                of,
                lang,
                layout,
            },
        ),
        _ => Err(ExportError::UnknownExtension {
            path: path.to_path_buf(),
            expected: ".csv or .xlsx",
        }),
    }
}
