//! The careful reader's checks: rows of CSV records or workbook cells,
//! handed over one at a time, turned into data rows with every problem
//! listed by row and column. Slower than the quick routes, and the one that
//! explains. Reading stops once [`MAX_PROBLEMS`] problems are found.

use std::collections::HashMap;

use super::cells::{Cell, column_letter, fast_number};
use super::columns::{detect_mapping, normalize};
use super::problems::{Arg, ImportError, Msg, Problem, Problems, found, quote};
use super::sheet_read::SheetRow;
use crate::i18n::T;
use crate::model::data::{CBR_RANGE, MAX_PEOPLE};
use crate::model::data::{ColumnMapping, Field, Label};
use crate::model::number::parse_number;
use crate::model::{DataRow, Lang};

/// One row: a CSV record or workbook cells.
#[derive(Clone, Copy)]
pub(super) enum Row<'a> {
    Csv(&'a csv::StringRecord),
    Cells(&'a SheetRow),
}

/// A cell as the conversion reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum CellRef<'a> {
    Empty,
    Text(&'a str),
    Number(f64),
}

impl<'a> Row<'a> {
    fn cell(self, i: usize) -> CellRef<'a> {
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

/// How a table is laid out: its headers, and where its cells come from.
pub(super) struct Layout<'a> {
    pub file: &'a str,
    pub headers: &'a [String],
    /// For CSV: the delimiter (a likely cause of a cell too many).
    pub delimiter: Option<u8>,
    /// For a workbook: the sheet's first column, for cell names.
    pub sheet_col0: Option<usize>,
}

/// Turns rows, handed over one at a time, into data rows, collecting every
/// problem.
pub(super) struct Converter<'a> {
    layout: Layout<'a>,
    mapping: ColumnMapping,
    /// The column of each field, indexed by field.
    idx: [Option<usize>; Field::ALL.len()],
    /// A table exported by Proyeksi Bidan also holds projected years (column
    /// `kind`) and, with several regions, a TOTAL region: only the data of
    /// the regions is read back.
    kind_col: Option<usize>,
    problems: Problems,
    rows: Vec<DataRow>,
    lines: Vec<usize>,
    seen_rows: bool,
    /// The region key, year and row of the last row taken: a row that
    /// repeats it is reported at once, so that a file of one row repeated
    /// stops early.
    last: Option<(String, i32, usize)>,
    // A region's rows usually follow one another: they share its labels.
    last_code: Label,
    last_name: Label,
}

impl<'a> Converter<'a> {
    /// Checks the header row: the columns every data file needs.
    pub fn new(
        layout: Layout<'a>,
        remembered: Option<&ColumnMapping>,
    ) -> Result<Self, ImportError> {
        let file = layout.file;
        if layout.headers.iter().all(|h| h.trim().is_empty()) {
            return Err(ImportError::file(file, T::import_empty));
        }
        let mapping = detect_mapping(layout.headers, remembered);
        let missing = mapping.missing();
        if !missing.is_empty() {
            let names: Vec<String> = missing
                .iter()
                .map(|f| format!("{} ({} / {})", f.key(), f.key_id(), f.label(Lang::Id)))
                .collect();
            return Err(ImportError::at_row(
                file,
                Some(1),
                Msg::new(T::import_missing_columns)
                    .text("columns", names.join(", "))
                    .text("found", found(layout.headers)),
            ));
        }
        let mut idx = [None; Field::ALL.len()];
        for f in Field::ALL {
            idx[f as usize] = mapping.index_of(f);
        }
        let kind_col = layout
            .headers
            .iter()
            .position(|h| matches!(normalize(h).as_str(), "kind" | "jenis"));
        Ok(Converter {
            layout,
            mapping,
            idx,
            kind_col,
            problems: Problems::default(),
            rows: Vec::new(),
            lines: Vec::new(),
            seen_rows: false,
            last: None,
            last_code: Label::default(),
            last_name: Label::default(),
        })
    }

    /// Whether so many problems were found that reading goes no further.
    pub fn full(&self) -> bool {
        self.problems.full()
    }

    /// The name of column `i` in problems: its header (and letter).
    fn col_name(&self, i: usize) -> String {
        let h = self
            .layout
            .headers
            .get(i)
            .map(|h| quote(h))
            .unwrap_or_default();
        match self.layout.sheet_col0 {
            Some(c0) => format!("{} ({h})", column_letter(c0 + i)),
            None => h,
        }
    }

    fn at(&self, line: usize, f: Field, message: Msg) -> Problem {
        Problem {
            row: Some(line),
            column: self.idx[f as usize].map(|i| self.col_name(i)),
            message,
        }
    }

    /// Checks one data row (`line` is its row in the file).
    pub fn row(&mut self, line: usize, cells: Row<'_>) {
        self.seen_rows = true;
        if let Some(k) = self.kind_col
            && let CellRef::Text(kind) = cells.cell(k)
            && matches!(kind.to_lowercase().as_str(), "projection" | "proyeksi")
        {
            return;
        }
        if let Some(p) = self.extra_cell(cells, line) {
            // Its cells may be shifted: nothing else of the row is trusted.
            self.problems.report(p);
            return;
        }
        let get = |f: Field| match self.idx[f as usize] {
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
        // A cell as the planner wrote it, for messages.
        let shown = |f: Field, v: f64| match get(f) {
            CellRef::Text(s) => Arg::Text(quote(s)),
            _ => Arg::Number(v),
        };
        let mut found = Vec::new();
        let mut number = |f: Field| -> Option<f64> {
            match get(f) {
                CellRef::Empty => None,
                CellRef::Number(n) => Some(n),
                CellRef::Text(s) => {
                    match fast_number(s).map_or_else(|| parse_number(s, Lang::Id), Ok) {
                        Ok(v) => Some(v),
                        Err(_) => {
                            found.push((
                                f,
                                Msg::new(T::import_not_a_number)
                                    .text("cell", quote(s))
                                    .arg("what", Arg::Field(f))
                                    .text("example", example(f)),
                            ));
                            None
                        }
                    }
                }
            }
        };
        let year = number(Field::Year);
        let population = number(Field::Population);
        let cbr = number(Field::Cbr);
        let births = number(Field::Births);
        let pregnant = number(Field::PregnantWomen);
        let midwives = number(Field::MidwivesAvailable);
        let mut check = |f: Field, v: Option<f64>, lo: f64, hi: f64, key: T| {
            if let Some(v) = v
                && !(lo..=hi).contains(&v)
            {
                found.push((f, Msg::new(key).arg("value", shown(f, v))));
            }
        };
        let people = (0.0, MAX_PEOPLE);
        check(
            Field::Population,
            population,
            people.0,
            people.1,
            T::import_bad_population,
        );
        check(Field::Cbr, cbr, CBR_RANGE.0, CBR_RANGE.1, T::import_bad_cbr);
        check(
            Field::Births,
            births,
            people.0,
            people.1,
            T::import_bad_births,
        );
        check(
            Field::PregnantWomen,
            pregnant,
            people.0,
            people.1,
            T::import_bad_pregnant,
        );
        check(
            Field::MidwivesAvailable,
            midwives,
            people.0,
            people.1,
            T::import_bad_midwives,
        );
        let year = match year {
            Some(y) if y.fract() == 0.0 && (1000.0..=3000.0).contains(&y) => Some(y as i32),
            Some(y) => {
                found.push((
                    Field::Year,
                    Msg::new(T::import_not_a_year).arg("value", shown(Field::Year, y)),
                ));
                None
            }
            None => {
                if matches!(get(Field::Year), CellRef::Empty) {
                    found.push((Field::Year, Msg::new(T::import_year_empty)));
                }
                None
            }
        };
        if year.is_some()
            && pregnant.is_none()
            && births.is_none()
            && (population.is_none() || cbr.is_none())
        {
            let (f, key) = if population.is_none() {
                (Field::Population, T::import_population_empty)
            } else {
                (Field::Cbr, T::import_cbr_empty)
            };
            if matches!(get(f), CellRef::Empty) {
                found.push((f, Msg::new(key)));
            }
        }
        let labels = year.map(|_| {
            (
                text(Field::RegionCode),
                text(Field::RegionName),
                text(Field::ParentCode),
            )
        });
        let row = year.map(|year| DataRow {
            year,
            population: population.into(),
            cbr: cbr.into(),
            births: births.into(),
            pregnant_women: pregnant.into(),
            midwives_available: midwives.into(),
            ..DataRow::default()
        });
        for (f, message) in found {
            let p = self.at(line, f, message);
            self.problems.report(p);
        }
        if let (Some(row), Some((code, name, _))) = (&row, &labels) {
            let key = if code.trim().is_empty() {
                name.trim()
            } else {
                code.trim()
            };
            if let Some((k, y, at)) = &self.last
                && k == key
                && *y == row.year
            {
                let region = if key.is_empty() {
                    Arg::Key(T::import_no_code)
                } else {
                    Arg::Text(quote(key))
                };
                let p = self.at(
                    line,
                    Field::Year,
                    Msg::new(T::import_year_twice)
                        .arg("region", region)
                        .text("year", row.year)
                        .text("other", at),
                );
                self.problems.report(p);
                return;
            }
            self.last = Some((key.to_string(), row.year, line));
        }
        if let (Some(mut row), Some((code, name, parent))) = (row, labels) {
            row.region_code = shared_code(&mut self.last_code, &code, parent.trim());
            row.region_name = shared(&mut self.last_name, &name);
            self.rows.push(row);
            self.lines.push(line);
        }
    }

    /// A CSV row with a cell past the header's columns: a problem naming
    /// the row, the cell and the likely cause. (A note beside the table of a
    /// workbook is no harm: the sheet reader leaves it out.)
    fn extra_cell(&self, cells: Row<'_>, line: usize) -> Option<Problem> {
        let Row::Csv(r) = cells else {
            return None;
        };
        let width = self.layout.headers.len();
        let (i, cell) = r
            .iter()
            .enumerate()
            .skip(width)
            .find(|(_, c)| !c.trim().is_empty())?;
        let d = self.layout.delimiter.unwrap_or(b';') as char;
        Some(Problem {
            row: Some(line),
            column: None,
            message: Msg::new(T::import_extra_cell)
                .text("cells", r.len())
                .text("headers", width)
                .text("cell", quote(cell.trim()))
                .text("column", i + 1)
                .text("delimiter", d),
        })
    }

    /// The data rows, or every problem found. `stopped` is the row where
    /// reading stopped, when it stopped early.
    pub fn finish(
        mut self,
        stopped: Option<usize>,
    ) -> Result<(Vec<DataRow>, ColumnMapping), ImportError> {
        let file = self.layout.file;
        if !self.seen_rows {
            return Err(ImportError::file(file, T::import_no_rows));
        }
        if stopped.is_some() {
            return Err(self
                .problems
                .into_error(file, stopped)
                .unwrap_or_else(|| ImportError::file(file, T::import_no_rows)));
        }
        let mut rows = std::mem::take(&mut self.rows);
        let mut lines = std::mem::take(&mut self.lines);
        if self.kind_col.is_some()
            && rows.iter().any(|r| r.region_code == "TOTAL")
            && rows.iter().any(|r| r.region_code != "TOTAL")
        {
            let keep: Vec<bool> = rows.iter().map(|r| r.region_code != "TOTAL").collect();
            let mut k = keep.iter();
            rows.retain(|_| *k.next().unwrap_or(&true));
            let mut k = keep.iter();
            lines.retain(|_| *k.next().unwrap_or(&true));
        }
        self.unnamed_regions(&rows, &lines);
        self.whole_table(&rows, &lines);
        if self.problems.total == 0
            && let Err(e) = check_tree(&rows)
            && let Some((row, column)) = e.location()
        {
            let line = lines.get(row.wrapping_sub(1)).copied().unwrap_or(row);
            let f = if column == "region_code" {
                Field::RegionCode
            } else {
                Field::ParentCode
            };
            let p = self.at(line, f, tree_message(&e));
            self.problems.report(p);
        }
        if let Some(e) = self.problems.into_error(file, None) {
            return Err(e);
        }
        Ok((rows, self.mapping))
    }

    /// Rows without a region in a table whose other rows name theirs.
    fn unnamed_regions(&mut self, rows: &[DataRow], lines: &[usize]) {
        let Some(named) = rows.iter().find(|r| !r.region_key().is_empty()) else {
            return;
        };
        let example = quote(named.region_key());
        let f = if self.idx[Field::RegionName as usize].is_some() {
            Field::RegionName
        } else {
            Field::RegionCode
        };
        for (r, &line) in rows.iter().zip(lines) {
            if r.region_key().is_empty() {
                let p = self.at(
                    line,
                    f,
                    Msg::new(T::import_region_empty).text("example", &example),
                );
                self.problems.report(p);
            }
        }
    }

    /// Whole-table checks: duplicates, gaps, and every region covering the
    /// same years.
    fn whole_table(&mut self, rows: &[DataRow], lines: &[usize]) {
        let Some(year_idx) = self.idx[Field::Year as usize] else {
            return;
        };
        let year_col = self.col_name(year_idx);
        let some_named = rows.iter().any(|r| !r.region_key().is_empty());
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
        // Files list a region's years together: look a region up once per
        // run of rows rather than once per row.
        let mut run: Option<(&str, Vec<(i32, usize)>)> = None;
        for (r, &line) in rows.iter().zip(lines) {
            let key = r.region_key();
            if key.is_empty() && some_named {
                // Already reported as a row without its region.
                continue;
            }
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
        let name = |key: &str| {
            if key.is_empty() {
                Arg::Key(T::import_no_code)
            } else {
                Arg::Text(quote(key))
            }
        };
        let mut span: Option<(i32, i32, &str)> = None;
        for key in &order {
            let Some(v) = by_region.get_mut(key) else {
                continue;
            };
            v.sort();
            let at = |row: usize, message: Msg| Problem {
                row: Some(row),
                column: Some(year_col.clone()),
                message,
            };
            for w in v.windows(2) {
                if w[0].0 == w[1].0 {
                    self.problems.report(at(
                        w[1].1,
                        Msg::new(T::import_year_twice)
                            .arg("region", name(key))
                            .text("year", w[1].0)
                            .text("other", w[0].1),
                    ));
                } else if w[1].0 != w[0].0 + 1 {
                    self.problems.report(at(
                        w[1].1,
                        Msg::new(T::import_year_jump)
                            .arg("region", name(key))
                            .text("from", w[0].0)
                            .text("to", w[1].0),
                    ));
                }
            }
            let (f, l) = (v[0].0, v[v.len() - 1].0);
            match span {
                None => span = Some((f, l, key)),
                Some((sf, sl, first_key)) if sf != f || sl != l => self.problems.report(at(
                    v[0].1,
                    Msg::new(T::import_years_differ)
                        .arg("region", name(key))
                        .text("first", f)
                        .text("last", l)
                        .arg("other", name(first_key))
                        .text("other_first", sf)
                        .text("other_last", sl),
                )),
                _ => {}
            }
        }
    }
}

/// The label of `text`, shared with the previous row's when it is the same.
use super::tree_check::{check_tree, tree_message};

/// A region's code with its parent's, shared with the row before when both
/// are the same.
fn shared_code(last: &mut Label, text: &str, parent: &str) -> Label {
    if last.as_str() != text || last.parent() != parent {
        *last = Label::with_parent(text, parent);
    }
    last.clone()
}

fn shared(last: &mut Label, text: &str) -> Label {
    if last.as_str() != text {
        *last = Label::from(text.to_string());
    }
    last.clone()
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
