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

pub use import::{import_checklist, import_clinics, import_indicators, import_interns};
pub use sheets::{Column, Sheet, Value};
pub use xlsx::{save_sheets, sheets_xlsx};

use crate::model::programs::Date;

/// Today's date from the system clock (UTC), for what is overdue.
pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days((secs / 86_400).min(i32::MAX as u64) as i32)
}
