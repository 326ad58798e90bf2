//! Files in and out. Bytes become model types or a precise error; no window
//! here. The results table's columns are described once in [`crate::table`].
//!
//! - `scenario_file`: scenario files (RON).
//! - `safe_write`: writing any file so that it is never left half-written;
//!   `sync_ahead`: a large one handed to the disk while it is written.
//! - `autosave`: a copy of the open document in the data folder, restored after a crash.
//! - `activities`: activity tables (CSV or .xlsx) for the staffing method, in.
//! - `geo`: the bundled province boundaries and the BPS–Kemendagri code crosswalk, in.
//! - `examples`: the bundled examples (the paper's Indonesia, the 34 provinces).
//! - `import/`: data files in (CSV and .xlsx), checked whole:
//!   - `mod`: the entry, `import_file`, with the options and what was read;
//!   - `columns`: header names normalised, recognised and mapped to fields;
//!   - `cells`: plain numbers, column letters, the CSV delimiter, progress;
//!   - `problems`: each problem by row and column, the import error, and
//!     messages kept as catalogue keys, worded in the planner's language;
//!   - `file_kind`: the kind of file by extension, reading it, and decoding
//!     text (UTF-8, UTF-16, Windows-1252), refusing bytes that are not text;
//!   - `rows`: checks on the rows the quick routes read;
//!   - `csv_read`: CSV records one at a time for the careful reader;
//!   - `sheet_read`: worksheets cell by cell (calamine), damage in plain words;
//!   - `careful`: the careful checks of each row, listing every problem;
//!   - `csv_quick`: the quick route for plain CSV, on every core;
//!   - `xlsx_quick`: the quick route for plain .xlsx sheets, on every core;
//!   - `xlsx_parts`: the package parts of an .xlsx the quick route reads first;
//!   - `templates`: the empty data templates (CSV and .xlsx).
//! - `programs/`: interns, clinics and the mentoring checklist in; the programmes' tables out.
//! - `report/`: the PDF report (layout, text, tables across pages, charts,
//!   fonts), written with krilla.
//! - `export/`: files out:
//!   - `mod`: `save_table` by extension, and the output formats of `compute`;
//!   - `file`: the export error and atomic file writing;
//!   - `chart`: the chart as PNG or SVG, from the window's `ChartSpec`;
//!   - `axes`: the chart's tick steps, ranges and linear scale;
//!   - `fonts`: the bundled chart fonts and their glyph bearings;
//!   - `stacked`: the stacked bars of the workload chart;
//!   - `csv`: the one CSV writer of the results table;
//!   - `xlsx`: the results workbook (table, parameters and the working);
//!   - `text`: the text table with its summary, for the command line;
//!   - `json`: the projection as one JSON object.
//!   - `map`: the province map as PNG or SVG.

pub mod activities;
pub mod autosave;
pub mod examples;
pub mod export;
pub mod geo;
pub mod import;
pub mod programs;
pub mod report;
pub mod safe_write;
pub mod scenario_file;
pub mod sync_ahead;

pub use scenario_file::{
    ScenarioFileError, load_scenario, save_scenario, scenario_from_str, scenario_to_string,
};
