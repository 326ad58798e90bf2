//! A programme's table read from CSV or .xlsx: the header row, the columns
//! it names (each by several names, Indonesian and English), and each row's
//! cells read as text, numbers, dates or yes/no, every problem kept with
//! its file:row:column.

use std::path::Path;

use crate::i18n::T;
use crate::io::import::cells::{Cell, column_letter, fast_number};
use crate::io::import::columns::normalize;
use crate::io::import::csv_read::{CsvText, header_names};
use crate::io::import::file_kind::{FileKind, read_data_file};
use crate::io::import::problems::{Arg, ImportError, Msg, Problem, Problems, found, quote};
use crate::io::import::sheet_read::{SheetRow, read_sheet};
use crate::model::Lang;
use crate::model::number::parse_number;
use crate::model::programs::Date;

/// A column a table may have: its names as written in files (the first is
/// the one templates and messages use) and whether it must be there.
pub(crate) struct ColumnSpec {
    pub names: &'static [&'static str],
    pub required: bool,
}

/// A table read whole: its rows, not yet checked.
pub(crate) struct Table {
    pub file: String,
    headers: Vec<String>,
    /// The sheet's first column, for the letters of a workbook's columns.
    col0: Option<usize>,
    rows: Vec<(usize, SheetRow)>,
    /// Each spec's column, if the header names it.
    index: Vec<Option<usize>>,
    problems: Problems,
}

/// Reads a CSV or .xlsx table (by extension) and finds the columns of
/// `specs`; a missing required column stops here.
pub(crate) fn read_table(
    path: &Path,
    sheet: Option<&str>,
    specs: &[ColumnSpec],
) -> Result<Table, ImportError> {
    let file = path.display().to_string();
    let (bytes, kind) = read_data_file(path)?;
    read_bytes(&bytes, kind, &file, sheet, specs)
}

/// Reads table bytes of `kind` (`file` names the file in messages).
pub(crate) fn read_bytes(
    bytes: &[u8],
    kind: FileKind,
    file: &str,
    sheet: Option<&str>,
    specs: &[ColumnSpec],
) -> Result<Table, ImportError> {
    let mut problems = Problems::default();
    let (headers, col0, rows) = match kind {
        FileKind::Workbook => {
            let s = read_sheet(bytes, file, sheet, &mut |_| true)?;
            (s.headers, Some(s.col0), s.rows)
        }
        FileKind::Text => {
            let csv = CsvText::new(bytes, file)?;
            let mut records = csv.records();
            let headers = records
                .next(file)?
                .map(|(_, r)| header_names(r))
                .unwrap_or_default();
            let mut rows = Vec::new();
            while let Some((line, record)) = records.next(file)? {
                if let Some((i, extra)) = record
                    .iter()
                    .enumerate()
                    .skip(headers.len())
                    .find(|(_, c)| !c.trim().is_empty())
                {
                    let m = Msg::new(T::import_extra_cell)
                        .text("cells", record.len())
                        .text("headers", headers.len())
                        .text("cell", quote(extra.trim()))
                        .text("column", i + 1)
                        .text("delimiter", csv.delimiter as char);
                    problems.report(Problem {
                        row: Some(line),
                        column: None,
                        message: m,
                    });
                    continue;
                }
                let cells = record
                    .iter()
                    .enumerate()
                    .filter_map(|(i, c)| match c.trim() {
                        "" => None,
                        t => Some((i, Cell::Text(t.to_string()))),
                    })
                    .collect();
                rows.push((line, SheetRow(cells)));
            }
            (headers, None, rows)
        }
    };
    let names = || {
        specs
            .iter()
            .map(|s| s.names[0])
            .collect::<Vec<_>>()
            .join("; ")
    };
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(ImportError::file(
            file,
            Msg::new(T::programs_io_empty).text("columns", names()),
        ));
    }
    let mut index = vec![None; specs.len()];
    for (i, h) in headers.iter().enumerate() {
        let n = normalize(h);
        if let Some(s) = specs
            .iter()
            .position(|s| s.names.iter().any(|name| normalize(name) == n))
            && index[s].is_none()
        {
            index[s] = Some(i);
        }
    }
    let missing: Vec<&str> = specs
        .iter()
        .zip(&index)
        .filter(|(s, i)| s.required && i.is_none())
        .map(|(s, _)| s.names[0])
        .collect();
    if !missing.is_empty() {
        return Err(ImportError::at_row(
            file,
            Some(1),
            Msg::new(T::import_missing_columns)
                .text("columns", missing.join(", "))
                .text("found", found(&headers)),
        ));
    }
    if rows.is_empty() && problems.total == 0 {
        return Err(ImportError::file(file, T::programs_io_no_rows));
    }
    Ok(Table {
        file: file.to_string(),
        headers,
        col0,
        rows,
        index,
        problems,
    })
}

impl Table {
    /// Takes the rows (file row, cells) to read them one by one.
    pub fn take_rows(&mut self) -> Vec<(usize, SheetRow)> {
        std::mem::take(&mut self.rows)
    }

    fn col_name(&self, spec: usize) -> Option<String> {
        let i = self.index.get(spec).copied().flatten()?;
        let h = self.headers.get(i).map(|h| quote(h)).unwrap_or_default();
        Some(match self.col0 {
            Some(c0) => format!("{} ({h})", column_letter(c0 + i)),
            None => h,
        })
    }

    /// Keeps a problem at `line`, column `spec`.
    pub fn report(&mut self, line: usize, spec: Option<usize>, message: Msg) {
        let column = spec.and_then(|s| self.col_name(s));
        self.problems.report(Problem {
            row: Some(line),
            column,
            message,
        });
    }

    /// The cell of column `spec` in `row`.
    pub fn cell_of<'r>(&self, row: &'r SheetRow, spec: usize) -> &'r Cell {
        self.cell(row, spec)
    }

    fn cell<'r>(&self, row: &'r SheetRow, spec: usize) -> &'r Cell {
        match self.index.get(spec).copied().flatten() {
            Some(i) => row.get(i),
            None => &Cell::Empty,
        }
    }

    /// A text cell; empty is a problem when `needed`.
    pub fn text(
        &mut self,
        line: usize,
        row: &SheetRow,
        spec: usize,
        what: T,
        needed: bool,
    ) -> String {
        match self.cell(row, spec) {
            Cell::Text(s) => s.trim().to_string(),
            Cell::Number(n) => crate::model::number::fmt_auto(*n, Lang::En),
            Cell::Empty => {
                if needed {
                    let m = Msg::new(T::programs_io_value_empty).arg("what", Arg::Key(what));
                    self.report(line, Some(spec), m);
                }
                String::new()
            }
        }
    }

    /// A number of 0 or more; `Ok(None)` when empty, `Err(())` after a
    /// problem was kept.
    pub fn number(
        &mut self,
        line: usize,
        row: &SheetRow,
        spec: usize,
        what: T,
    ) -> Result<Option<f64>, ()> {
        let (v, shown) = match self.cell(row, spec) {
            Cell::Empty => return Ok(None),
            Cell::Number(n) => (*n, Arg::Number(*n)),
            Cell::Text(s) => match fast_number(s).map_or_else(|| parse_number(s, Lang::Id), Ok) {
                Ok(v) => (v, Arg::Text(quote(s))),
                Err(_) => {
                    let m = Msg::new(T::programs_io_not_a_number)
                        .text("cell", quote(s))
                        .arg("what", Arg::Key(what));
                    self.report(line, Some(spec), m);
                    return Err(());
                }
            },
        };
        if !v.is_finite() || v < 0.0 {
            let m = Msg::new(T::programs_io_negative)
                .arg("value", shown)
                .arg("what", Arg::Key(what));
            self.report(line, Some(spec), m);
            return Err(());
        }
        Ok(Some(v))
    }

    /// A whole number from `min` to `max`.
    pub fn whole(
        &mut self,
        line: usize,
        row: &SheetRow,
        spec: usize,
        what: T,
        (min, max): (u32, u32),
    ) -> Result<Option<u32>, ()> {
        let shown = match self.cell(row, spec) {
            Cell::Text(s) => quote(s),
            Cell::Number(n) => fmt_plain(*n),
            Cell::Empty => String::new(),
        };
        match self.number(line, row, spec, what)? {
            None => Ok(None),
            Some(v) if v.fract() == 0.0 && v >= f64::from(min) && v <= f64::from(max) => {
                Ok(Some(v as u32))
            }
            Some(_) => {
                let m = Msg::new(T::programs_io_not_whole)
                    .text("cell", shown)
                    .text("min", min)
                    .text("max", max)
                    .arg("what", Arg::Key(what));
                self.report(line, Some(spec), m);
                Err(())
            }
        }
    }

    /// A date: `2026-03-02`, `02/03/2026`, or a spreadsheet's date.
    pub fn date(
        &mut self,
        line: usize,
        row: &SheetRow,
        spec: usize,
        what: T,
    ) -> Result<Option<Date>, ()> {
        let (date, shown) = match self.cell(row, spec) {
            Cell::Empty => return Ok(None),
            Cell::Number(n) => (Date::from_serial(*n), fmt_plain(*n)),
            Cell::Text(s) => (
                Date::parse(s).or_else(|| fast_number(s).and_then(Date::from_serial)),
                quote(s),
            ),
        };
        match date {
            Some(d) => Ok(Some(d)),
            None => {
                let m = Msg::new(T::programs_io_not_a_date)
                    .text("cell", shown)
                    .arg("what", Arg::Key(what));
                self.report(line, Some(spec), m);
                Err(())
            }
        }
    }

    /// Yes or no: ya/yes/y/1/sudah/ada or tidak/no/n/0/belum.
    pub fn yes_no(&mut self, line: usize, row: &SheetRow, spec: usize) -> Result<Option<bool>, ()> {
        let text = match self.cell(row, spec) {
            Cell::Empty => return Ok(None),
            Cell::Number(n) => fmt_plain(*n),
            Cell::Text(s) => s.trim().to_lowercase(),
        };
        match text.as_str() {
            "ya" | "yes" | "y" | "1" | "true" | "sudah" | "ada" | "v" | "✓" => Ok(Some(true)),
            "tidak" | "no" | "n" | "0" | "false" | "belum" | "t" | "-" => Ok(Some(false)),
            _ => {
                let m = Msg::new(T::programs_io_not_yes_no).text("cell", quote(&text));
                self.report(line, Some(spec), m);
                Err(())
            }
        }
    }

    /// The problems kept, as the import error, if there are any.
    pub fn finish(self) -> Result<(), ImportError> {
        match self.problems.into_error(&self.file, None) {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

fn fmt_plain(n: f64) -> String {
    crate::model::number::fmt_auto(n, Lang::En)
}
