//! The programmes' files: interns, partner clinics and the mentoring
//! checklist in (CSV, .xlsx), and their tables out (the command line's
//! text, CSV and JSON, and an Excel workbook).
//!
//! - `table`: a programme's table read from CSV or .xlsx, cell by cell, with file:row:column problems;
//! - `import`: interns, clinics and the checklist from such tables;
//! - `sheets`: the programmes' tables described once (columns, values, marked rows);
//! - `xlsx`: those tables as a workbook.

pub mod import;
pub mod sheets;
mod table;
pub mod xlsx;

pub use import::{import_checklist, import_clinics, import_interns};
pub use sheets::{Column, Sheet, Value};
pub use xlsx::{save_sheets, sheets_xlsx};
