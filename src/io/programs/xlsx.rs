//! The programmes' tables as an Excel workbook, one worksheet a table:
//! numbers, percentages and dates as Excel's own (so they sort and sum),
//! marked rows (overdue, flagged) filled in light red.

use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, XlsxError};

use super::sheets::{Sheet, Value};
use crate::io::export::ExportError;
use crate::model::Lang;

fn err(e: XlsxError) -> ExportError {
    ExportError::Xlsx(e.to_string())
}

/// A worksheet name Excel takes: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    name.chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}

/// The workbook of `sheets`, in `lang`.
pub fn sheets_xlsx(sheets: &[Sheet], lang: Lang) -> Result<Vec<u8>, ExportError> {
    let mut wb = Workbook::new();
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(0xEDEDED);
    let mark = 0xF8D7DA;
    let formats = |marked: bool| {
        let base = |f: Format| {
            if marked {
                f.set_background_color(mark)
            } else {
                f
            }
        };
        [
            base(Format::new()),
            base(Format::new().set_num_format("0")),
            base(Format::new().set_num_format("0.00")),
            base(Format::new().set_num_format("0.00%")),
            base(Format::new().set_num_format("yyyy-mm-dd")),
        ]
    };
    let plain = formats(false);
    let marked = formats(true);
    for sheet in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(lang.t(sheet.name))).map_err(err)?;
        for (j, col) in sheet.columns.iter().enumerate() {
            ws.write_string_with_format(0, j as u16, lang.t(col.heading), &head)
                .map_err(err)?;
            ws.set_column_width(j as u16, 16).map_err(err)?;
        }
        for (i, row) in sheet.rows.iter().enumerate() {
            let r = i as u32 + 1;
            let f = if sheet.marked.get(i).copied().unwrap_or(false) {
                &marked
            } else {
                &plain
            };
            for (j, v) in row.iter().enumerate() {
                let col = j as u16;
                match v {
                    Value::Text(s) => ws.write_string_with_format(r, col, s, &f[0]),
                    Value::Number(x, d) if x.is_finite() => {
                        ws.write_number_with_format(r, col, *x, &f[if *d == 0 { 1 } else { 2 }])
                    }
                    Value::Share(x) if x.is_finite() => {
                        ws.write_number_with_format(r, col, *x, &f[3])
                    }
                    Value::Date(d) => {
                        let (y, m, day) = d.ymd();
                        match ExcelDateTime::from_ymd(
                            y.clamp(1900, 9999) as u16,
                            m as u8,
                            day as u8,
                        ) {
                            Ok(dt) => ws.write_datetime_with_format(r, col, &dt, &f[4]),
                            Err(_) => ws.write_string_with_format(r, col, d.to_string(), &f[0]),
                        }
                    }
                    _ => ws.write_blank(r, col, &f[0]),
                }
                .map_err(err)?;
            }
        }
        ws.set_freeze_panes(1, 0).map_err(err)?;
        ws.set_row_height(0, 32).map_err(err)?;
    }
    wb.save_to_buffer().map_err(err)
}

/// Writes the workbook of `sheets` to `path` (never half-written).
pub fn save_sheets(path: &Path, sheets: &[Sheet], lang: Lang) -> Result<(), ExportError> {
    use crate::io::scenario_file::{ScenarioFileError, write_atomic};
    let bytes = sheets_xlsx(sheets, lang)?;
    write_atomic(path, &bytes).map_err(|e| match e {
        ScenarioFileError::Write { path, source } => ExportError::Write { path, source },
        other => ExportError::Write {
            path: path.to_path_buf(),
            source: std::io::Error::other(other.to_string()),
        },
    })
}
