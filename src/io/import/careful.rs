//! The careful reader: CSV records and workbook cells (calamine) read into a
//! raw table, then every cell checked, every problem listed with its row and
//! column. Slower than the quick routes, and the one that explains.

use std::collections::HashMap;
use std::ops::Index;

use calamine::{DataRef, Reader};

use super::cells::{Cell, Progress, column_letter, fast_number, sniff_delimiter};
use super::columns::{detect_mapping, normalize};
use super::file_kind::decode;
use super::problems::{ImportError, MAX_PROBLEMS, Problem, found, quote};
use crate::model::data::{CBR_RANGE, MAX_PEOPLE};
use crate::model::data::{ColumnMapping, Field, Label};
use crate::model::number::parse_number;
use crate::model::{DataRow, Lang};

/// A table of text cells (or typed cells from a workbook) with file rows.
pub(super) struct RawTable {
    pub headers: Vec<String>,
    /// For CSV: the delimiter (a likely cause of a cell too many).
    pub delimiter: u8,
    /// (1-based file row, cells).
    pub rows: Vec<(usize, Row)>,
}

/// One row: a CSV record (all its fields in one buffer) or workbook cells.
pub(super) enum Row {
    Csv(csv::StringRecord),
    Cells(SheetRow),
}

/// A cell as the conversion reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum CellRef<'a> {
    Empty,
    Text(&'a str),
    Number(f64),
}

impl Row {
    fn cell(&self, i: usize) -> CellRef<'_> {
        match self {
            Row::Csv(r) => match r.get(i).map(str::trim) {
                None | Some("") => CellRef::Empty,
                Some(t) => CellRef::Text(t),
            },
            Row::Cells(c) => match c.get(i) {
                Cell::Empty => CellRef::Empty,
                Cell::Text(t) => CellRef::Text(t),
                Cell::Number(n) => CellRef::Number(*n),
            },
        }
    }
}

/// A CSV file read as its header row and its data rows (1-based file row,
/// record), with how it was read.
pub(crate) struct CsvTable {
    pub headers: Vec<String>,
    pub rows: Vec<(usize, csv::StringRecord)>,
    pub delimiter: u8,
    pub encoding: &'static str,
}

/// Reads CSV text bytes: decodes them, sniffs the delimiter, skips empty
/// lines; the first non-empty line is the header row. A file that is empty
/// gives no headers and no rows.
pub(crate) fn read_csv(
    bytes: &[u8],
    file: &str,
    progress: Progress<'_>,
) -> Result<CsvTable, ImportError> {
    let (text, encoding) = decode(bytes);
    // Excel on Windows ends lines with CR LF; one line end keeps the row
    // numbers of problems right.
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    };
    let delimiter = sniff_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let total = text.len().max(1) as f32;
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut n = 0usize;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                return Err(ImportError::Invalid {
                    file: file.to_string(),
                    problems: vec![Problem {
                        row: e.position().map(|p| p.line() as usize),
                        column: None,
                        message: format!("the CSV cannot be read: {e}"),
                    }],
                    total: 1,
                });
            }
        }
        n += 1;
        let line = record.position().map(|p| p.line() as usize).unwrap_or(n);
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if headers.is_none() {
            headers = Some(record.iter().map(|h| h.trim().to_string()).collect());
            continue;
        }
        rows.push((line, compact(&record)));
        if n.is_multiple_of(65_536) {
            let pos = record.position().map(|p| p.byte() as f32).unwrap_or(0.0);
            if !progress(0.8 * pos / total) {
                return Err(ImportError::Cancelled {
                    file: file.to_string(),
                });
            }
        }
    }
    Ok(CsvTable {
        headers: headers.unwrap_or_default(),
        rows,
        delimiter,
        encoding,
    })
}

/// A copy of `record` holding only its fields: the reader's record keeps
/// the largest buffer any line needed, and a plain clone would copy it.
fn compact(record: &csv::StringRecord) -> csv::StringRecord {
    let mut out = csv::StringRecord::with_capacity(record.as_slice().len(), record.len());
    for field in record {
        out.push_field(field);
    }
    out
}

/// The column of each field, indexed by field.
struct FieldIndex([Option<usize>; 8]);

impl Index<&Field> for FieldIndex {
    type Output = usize;
    fn index(&self, f: &Field) -> &usize {
        self.0[*f as usize]
            .as_ref()
            .expect("only mapped fields are looked up")
    }
}

/// A worksheet as its header row and its data rows (1-based sheet row,
/// typed cells), with the sheet's first column for cell names.
pub(crate) struct Sheet {
    pub name: String,
    pub sheets: Vec<String>,
    pub headers: Vec<String>,
    pub rows: Vec<(usize, SheetRow)>,
    pub col0: usize,
}

/// Reads the worksheet `wanted` (default: the first) of .xlsx bytes; the
/// first non-empty row is the header row.
pub(crate) fn read_sheet(
    bytes: &[u8],
    file: &str,
    wanted: Option<&str>,
    progress: Progress<'_>,
) -> Result<Sheet, ImportError> {
    guard_workbook(file, || read_sheet_unguarded(bytes, file, wanted, progress))
}

/// Runs `read` on a workbook, turning a panic inside the workbook reader
/// (a damaged file can trip an arithmetic overflow there) into a clear error.
pub(super) fn guard_workbook<T>(
    file: &str,
    read: impl FnOnce() -> Result<T, ImportError>,
) -> Result<T, ImportError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|_| {
        Err(ImportError::File {
            file: file.to_string(),
            message:
                "the workbook is damaged and cannot be read; open it in Excel and save it again"
                    .into(),
        })
    })
}

fn read_sheet_unguarded(
    bytes: &[u8],
    file: &str,
    wanted: Option<&str>,
    progress: Progress<'_>,
) -> Result<Sheet, ImportError> {
    let ferr = |message: String| ImportError::File {
        file: file.to_string(),
        message,
    };
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| ferr(format!("this is not a readable .xlsx workbook ({e})")))?;
    let sheets = wb.sheet_names().to_vec();
    let name = match wanted {
        Some(s) if sheets.iter().any(|x| x == s) => s.to_string(),
        Some(s) => {
            return Err(ferr(format!(
                "there is no sheet “{s}”; sheets: {}",
                sheets.join(", ")
            )));
        }
        None => sheets
            .first()
            .cloned()
            .ok_or_else(|| ferr("the workbook has no sheets".into()))?,
    };
    if !progress(0.1) {
        return Err(ImportError::Cancelled {
            file: file.to_string(),
        });
    }
    let mut reader = wb
        .worksheet_cells_reader(&name)
        .map_err(|e| ferr(format!("sheet “{name}” cannot be read ({e})")))?;
    // Only the cells that hold something are kept, row by row, so memory
    // follows the cells and not the rectangle they span.
    let mut found: Vec<(u32, Vec<(u32, Cell)>)> = Vec::new();
    let mut in_order = true;
    let mut count = 0usize;
    loop {
        let cell = match reader.next_cell() {
            Ok(Some(c)) => c,
            Ok(None) => break,
            Err(e) => return Err(ferr(format!("sheet “{name}” cannot be read ({e})"))),
        };
        count += 1;
        if count.is_multiple_of(65_536) && !progress(0.3) {
            return Err(ImportError::Cancelled {
                file: file.to_string(),
            });
        }
        let (row, col) = cell.get_position();
        let value = match cell.get_value() {
            DataRef::Empty => continue,
            DataRef::String(s) if s.trim().is_empty() => Cell::Empty,
            DataRef::SharedString(s) if s.trim().is_empty() => Cell::Empty,
            DataRef::String(s) => Cell::Text(s.trim().to_string()),
            DataRef::SharedString(s) => Cell::Text(s.trim().to_string()),
            DataRef::Float(f) => Cell::Number(*f),
            DataRef::Int(i) => Cell::Number(*i as f64),
            DataRef::Bool(b) => Cell::Text(b.to_string()),
            DataRef::DateTime(d) => Cell::Text(d.to_string()),
            DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Text(s.clone()),
            DataRef::Error(e) => Cell::Text(format!("#{e:?}")),
        };
        match found.last_mut() {
            Some((r, cells)) if *r == row => cells.push((col, value)),
            last => {
                in_order &= last.is_none_or(|(r, _)| *r < row);
                found.push((row, vec![(col, value)]));
            }
        }
    }
    drop(reader);
    if !in_order {
        // Rows written out of order: put each row's cells together.
        found.sort_by_key(|(r, _)| *r);
        let mut merged: Vec<(u32, Vec<(u32, Cell)>)> = Vec::with_capacity(found.len());
        for (r, cells) in found {
            match merged.last_mut() {
                Some((last, into)) if *last == r => into.extend(cells),
                _ => merged.push((r, cells)),
            }
        }
        found = merged;
    }
    if !progress(0.6) {
        return Err(ImportError::Cancelled {
            file: file.to_string(),
        });
    }
    let col0 = found
        .iter()
        .flat_map(|(_, cells)| cells.iter().map(|(c, _)| *c))
        .min()
        .unwrap_or(0);
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for (row, mut cells) in found {
        if cells.iter().all(|(_, c)| *c == Cell::Empty) {
            continue;
        }
        cells.sort_by_key(|(c, _)| *c);
        cells.dedup_by_key(|(c, _)| *c);
        let cells: Vec<(usize, Cell)> = cells
            .into_iter()
            .filter(|(_, c)| *c != Cell::Empty)
            .map(|(c, v)| ((c - col0) as usize, v))
            .collect();
        if headers.is_none() {
            let width = cells.last().map_or(0, |(c, _)| c + 1);
            let mut names = vec![String::new(); width];
            for (c, v) in cells {
                names[c] = match v {
                    Cell::Text(s) => s,
                    Cell::Number(n) => n.to_string(),
                    Cell::Empty => String::new(),
                };
            }
            headers = Some(names);
            continue;
        }
        // Notes beside the table are left alone.
        let width = headers.as_ref().map_or(0, Vec::len);
        let cells: Vec<(usize, Cell)> = cells.into_iter().filter(|(c, _)| *c < width).collect();
        if !cells.is_empty() {
            rows.push((row as usize + 1, SheetRow(cells)));
        }
    }
    Ok(Sheet {
        name,
        sheets,
        headers: headers.unwrap_or_default(),
        rows,
        col0: col0 as usize,
    })
}

/// The cells of a sheet row that hold something: (column from the sheet's
/// first column, cell), by column.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct SheetRow(pub Vec<(usize, Cell)>);

impl SheetRow {
    /// The cell in column `i` (from the sheet's first column).
    pub fn get(&self, i: usize) -> &Cell {
        match self.0.binary_search_by_key(&i, |(c, _)| *c) {
            Ok(k) => &self.0[k].1,
            Err(_) => &Cell::Empty,
        }
    }
}

/// Turns the raw table into data rows, collecting every problem.
pub(super) fn convert(
    table: &RawTable,
    file: &str,
    remembered: Option<&ColumnMapping>,
    sheet_col0: Option<usize>,
) -> Result<(Vec<DataRow>, ColumnMapping), ImportError> {
    if table.headers.iter().all(|h| h.trim().is_empty()) {
        return Err(ImportError::File {
            file: file.to_string(),
            message: "the file is empty: it needs a header row and at least one data row".into(),
        });
    }
    let mapping = match remembered {
        Some(m) => detect_mapping(&table.headers, Some(m)),
        None => detect_mapping(&table.headers, None),
    };
    let col_name = |i: usize| -> String {
        let h = table.headers.get(i).cloned().unwrap_or_default();
        match sheet_col0 {
            Some(c0) => format!("{} ({h})", column_letter(c0 + i)),
            None => h,
        }
    };
    let missing = mapping.missing();
    if !missing.is_empty() {
        let names: Vec<String> = missing
            .iter()
            .map(|f| format!("{} ({} / {})", f.key(), f.key_id(), f.label(Lang::Id)))
            .collect();
        return Err(ImportError::Invalid {
            file: file.to_string(),
            problems: vec![Problem {
                row: Some(1),
                column: None,
                message: format!(
                    "missing column(s): {}. Found: {}",
                    names.join(", "),
                    found(&table.headers)
                ),
            }],
            total: 1,
        });
    }
    if table.rows.is_empty() {
        return Err(ImportError::File {
            file: file.to_string(),
            message: "the file has headers but no data rows".into(),
        });
    }
    let mut idx_of = [None; Field::ALL.len()];
    for f in Field::ALL {
        idx_of[f as usize] = mapping.index_of(f);
    }
    // Only fields with a column are ever looked up by `idx[&f]`.
    let idx = FieldIndex(idx_of);
    let mut problems: Vec<Problem> = Vec::new();
    let mut total_problems = 0usize;
    let mut report = |p: Problem| {
        total_problems += 1;
        if problems.len() < MAX_PROBLEMS {
            problems.push(p);
        }
    };
    // A table exported by Proyeksi Bidan also holds projected years (column
    // `kind`) and, with several regions, a TOTAL region: only the data of the
    // regions is read back.
    let kind_col = table
        .headers
        .iter()
        .position(|h| matches!(normalize(h).as_str(), "kind" | "jenis"));
    let mut rows = Vec::with_capacity(table.rows.len());
    // A region's rows usually follow one another: they share its labels.
    let mut last_code = Label::default();
    let mut last_name = Label::default();
    let shared = |last: &mut Label, text: String| {
        if last.as_str() != text {
            *last = Label::from(text);
        }
        last.clone()
    };
    let mut lines = Vec::with_capacity(table.rows.len());
    for (line, cells) in &table.rows {
        let line = *line;
        if let Some(k) = kind_col
            && let CellRef::Text(kind) = cells.cell(k)
            && matches!(kind.to_lowercase().as_str(), "projection" | "proyeksi")
        {
            continue;
        }
        let get = |f: Field| match idx.0[f as usize] {
            Some(i) => cells.cell(i),
            None => CellRef::Empty,
        };
        let text = |f: Field| match get(f) {
            CellRef::Text(s) => s.to_string(),
            CellRef::Number(n) => {
                if n.fract() == 0.0 && n.abs() < 1e15 {
                    format!("{}", n as i64)
                } else {
                    n.to_string()
                }
            }
            CellRef::Empty => String::new(),
        };
        let number = |f: Field, report: &mut dyn FnMut(Problem)| -> Option<f64> {
            match get(f) {
                CellRef::Empty => None,
                CellRef::Number(n) => Some(n),
                CellRef::Text(s) => {
                    match fast_number(s).map_or_else(|| parse_number(s, Lang::Id), Ok) {
                        Ok(v) => Some(v),
                        Err(_) => {
                            report(Problem {
                                row: Some(line),
                                column: Some(col_name(idx[&f])),
                                message: format!(
                                    "“{}” is not a number (expected {}, e.g. {})",
                                    quote(s),
                                    f.label(Lang::En).to_lowercase(),
                                    example(f)
                                ),
                            });
                            None
                        }
                    }
                }
            }
        };
        if let Some(p) = extra_cell(cells, line, table) {
            // Its cells may be shifted: nothing else of the row is trusted.
            report(p);
            continue;
        }
        let year = number(Field::Year, &mut report);
        let population = number(Field::Population, &mut report);
        let cbr = number(Field::Cbr, &mut report);
        let births = number(Field::Births, &mut report);
        let pregnant = number(Field::PregnantWomen, &mut report);
        let midwives = number(Field::MidwivesAvailable, &mut report);
        let mut check = |f: Field, v: Option<f64>, lo: f64, hi: f64, what: &str| {
            if let Some(v) = v
                && !(lo..=hi).contains(&v)
            {
                report(Problem {
                    row: Some(line),
                    column: Some(col_name(idx[&f])),
                    message: format!("{} {what}", fmt_value(v)),
                });
            }
        };
        check(
            Field::Population,
            population,
            0.0,
            MAX_PEOPLE,
            "is not a possible population (must be 0 or more)",
        );
        check(
            Field::Cbr,
            cbr,
            CBR_RANGE.0,
            CBR_RANGE.1,
            "is outside the plausible crude birth rate range 0–60 per 1,000 people",
        );
        check(
            Field::Births,
            births,
            0.0,
            MAX_PEOPLE,
            "is not a possible number of births (must be 0 or more)",
        );
        check(
            Field::PregnantWomen,
            pregnant,
            0.0,
            MAX_PEOPLE,
            "is not a possible number of pregnant women (must be 0 or more)",
        );
        check(
            Field::MidwivesAvailable,
            midwives,
            0.0,
            MAX_PEOPLE,
            "is not a possible number of midwives (must be 0 or more)",
        );
        let year = match year {
            Some(y) if y.fract() == 0.0 && (1000.0..=3000.0).contains(&y) => y as i32,
            Some(y) => {
                report(Problem {
                    row: Some(line),
                    column: Some(col_name(idx[&Field::Year])),
                    message: format!("{} is not a year (expected e.g. 2017)", fmt_value(y)),
                });
                continue;
            }
            None => {
                if matches!(get(Field::Year), CellRef::Empty) {
                    report(Problem {
                        row: Some(line),
                        column: Some(col_name(idx[&Field::Year])),
                        message: "the year is empty".into(),
                    });
                }
                continue;
            }
        };
        if pregnant.is_none() && births.is_none() && (population.is_none() || cbr.is_none()) {
            let (f, what) = if population.is_none() {
                (Field::Population, "population")
            } else {
                (Field::Cbr, "crude birth rate")
            };
            if matches!(get(f), CellRef::Empty) {
                report(Problem {
                    row: Some(line),
                    column: idx.0[f as usize].map(col_name),
                    message: format!(
                        "the {what} is empty (needed unless births or pregnant women are given)"
                    ),
                });
            }
        }
        rows.push(DataRow {
            region_code: shared(&mut last_code, text(Field::RegionCode)),
            region_name: shared(&mut last_name, text(Field::RegionName)),
            year,
            population: population.into(),
            cbr: cbr.into(),
            births: births.into(),
            pregnant_women: pregnant.into(),
            midwives_available: midwives.into(),
        });
        lines.push(line);
    }
    if kind_col.is_some()
        && rows.iter().any(|r| r.region_code == "TOTAL")
        && rows.iter().any(|r| r.region_code != "TOTAL")
    {
        let keep: Vec<bool> = rows.iter().map(|r| r.region_code != "TOTAL").collect();
        let mut k = keep.iter();
        rows.retain(|_| *k.next().unwrap_or(&true));
        let mut k = keep.iter();
        lines.retain(|_| *k.next().unwrap_or(&true));
    }
    // Whole-table checks: duplicates, gaps, and every region covering the same years.
    let year_col = col_name(idx[&Field::Year]);
    let mut by_region: HashMap<&str, Vec<(i32, usize)>> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    let mut add = |key, years: Vec<(i32, usize)>| {
        by_region
            .entry(key)
            .or_insert_with(|| {
                order.push(key);
                Vec::new()
            })
            .extend(years)
    };
    // Files list a region's years together: look a region up once per run
    // of rows rather than once per row.
    let mut run: Option<(&str, Vec<(i32, usize)>)> = None;
    for (r, &line) in rows.iter().zip(&lines) {
        let key = r.region_key();
        match &mut run {
            Some((k, v)) if *k == key => v.push((r.year, line)),
            _ => {
                if let Some((k, v)) = run.replace((key, vec![(r.year, line)])) {
                    add(k, v);
                }
            }
        }
    }
    if let Some((k, v)) = run {
        add(k, v);
    }
    let mut span: Option<(i32, i32, &str)> = None;
    for key in &order {
        let Some(v) = by_region.get_mut(key) else {
            continue;
        };
        v.sort();
        let shown = if key.is_empty() {
            "(no code)".to_string()
        } else {
            quote(key)
        };
        for w in v.windows(2) {
            if w[0].0 == w[1].0 {
                report(Problem {
                    row: Some(w[1].1),
                    column: Some(year_col.clone()),
                    message: format!(
                        "region {shown}, year {} appears twice (also row {})",
                        w[1].0, w[0].1
                    ),
                });
            } else if w[1].0 != w[0].0 + 1 {
                report(Problem {
                    row: Some(w[1].1),
                    column: Some(year_col.clone()),
                    message: format!(
                        "region {shown}: the years jump from {} to {}; data years must follow each other",
                        w[0].0, w[1].0
                    ),
                });
            }
        }
        let (f, l) = (v[0].0, v[v.len() - 1].0);
        match span {
            None => span = Some((f, l, key)),
            Some((sf, sl, first_key)) if sf != f || sl != l => report(Problem {
                row: Some(v[0].1),
                column: Some(year_col.clone()),
                message: format!(
                    "region {shown} has years {f}–{l}, but region {} has {sf}–{sl}; every region must cover the same years",
                    if first_key.is_empty() {
                        "(no code)".to_string()
                    } else {
                        quote(first_key)
                    }
                ),
            }),
            _ => {}
        }
    }
    if total_problems > 0 {
        return Err(ImportError::Invalid {
            file: file.to_string(),
            problems,
            total: total_problems,
        });
    }
    Ok((rows, mapping))
}

/// A CSV row with a cell past the header's columns: a problem naming the
/// row, the cell and the likely cause.
fn extra_cell(cells: &Row, line: usize, table: &RawTable) -> Option<Problem> {
    let width = table.headers.len();
    match cells {
        Row::Csv(r) => {
            let (i, cell) = r
                .iter()
                .enumerate()
                .skip(width)
                .find(|(_, c)| !c.trim().is_empty())?;
            let d = table.delimiter as char;
            Some(Problem {
                row: Some(line),
                column: Some(format!("column {}", i + 1)),
                message: format!(
                    "this row has {} cells but the header has {width}: the extra cell is “{}”. \
                     Perhaps a number holds a “{d}” (18{d}50 written for 18,50); \
                     write the number without it, or put the cell in quotes",
                    r.len(),
                    quote(cell.trim())
                ),
            })
        }
        // A note beside the table of a workbook is no harm.
        Row::Cells(_) => None,
    }
}

fn fmt_value(v: f64) -> String {
    crate::model::number::fmt_auto(v, Lang::En)
}

fn example(f: Field) -> &'static str {
    match f {
        Field::Year => "2017",
        Field::Population => "261.890.900",
        Field::Cbr => "18,5",
        Field::Births => "4.844.982",
        Field::PregnantWomen => "5.329.480",
        Field::MidwivesAvailable => "12",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_the_workbook_reader_becomes_a_clear_error() {
        let r: Result<(), ImportError> = guard_workbook("rusak.xlsx", || panic!("overflow"));
        let e = r.unwrap_err();
        assert!(
            e.to_string()
                .starts_with("rusak.xlsx: the workbook is damaged"),
            "{e}"
        );
        let ok: Result<u8, ImportError> = guard_workbook("baik.xlsx", || Ok(7));
        assert_eq!(ok.unwrap(), 7);
    }
}
