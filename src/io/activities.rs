//! Activity tables in: CSV (as Indonesian Excel writes it: `;`, decimal
//! commas, UTF-8 or Windows-1252) and .xlsx, with the columns
//! `activity, kind, minutes_per_unit, units_per_year, staff` or in Indonesian
//! `kegiatan, jenis, norma_waktu, capaian, jumlah_tenaga`. The whole file is
//! checked; every problem is reported as file:row:column.

use std::path::Path;

use super::import::cells::{Cell, column_letter, fast_number};
use super::import::columns::normalize;
use super::import::csv_read::{CsvText, header_names};
use super::import::file_kind::{FileKind, read_data_file};
use super::import::problems::{Arg, ImportError, Msg, Problem, Problems, found, quote};
use super::import::sheet_read::{SheetRow, read_sheet};
use crate::i18n::T;
use crate::model::Lang;
use crate::model::number::parse_number;
use crate::model::staffing::{Activity, ActivityKind, StaffingError};

/// A column of the activity table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivityColumn {
    Activity,
    Kind,
    MinutesPerUnit,
    UnitsPerYear,
    Staff,
}

impl ActivityColumn {
    pub const ALL: [ActivityColumn; 5] = [
        ActivityColumn::Activity,
        ActivityColumn::Kind,
        ActivityColumn::MinutesPerUnit,
        ActivityColumn::UnitsPerYear,
        ActivityColumn::Staff,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ActivityColumn::Activity => "activity",
            ActivityColumn::Kind => "kind",
            ActivityColumn::MinutesPerUnit => "minutes_per_unit",
            ActivityColumn::UnitsPerYear => "units_per_year",
            ActivityColumn::Staff => "staff",
        }
    }

    pub fn key_id(self) -> &'static str {
        match self {
            ActivityColumn::Activity => "kegiatan",
            ActivityColumn::Kind => "jenis",
            ActivityColumn::MinutesPerUnit => "norma_waktu",
            ActivityColumn::UnitsPerYear => "capaian",
            ActivityColumn::Staff => "jumlah_tenaga",
        }
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            ActivityColumn::Activity => &[
                "activity",
                "kegiatan",
                "namakegiatan",
                "uraiankegiatan",
                "butirkegiatan",
                "komponenbebankerja",
                "name",
                "nama",
                "activityname",
            ],
            ActivityColumn::Kind => &[
                "kind",
                "jenis",
                "jeniskegiatan",
                "jenistugas",
                "type",
                "kategori",
                "category",
            ],
            ActivityColumn::MinutesPerUnit => &[
                "minutesperunit",
                "normawaktu",
                "minutes",
                "menit",
                "servicestandard",
                "standarpelayanan",
                "waktu",
                "activitystandard",
                "menitpersatuan",
            ],
            ActivityColumn::UnitsPerYear => &[
                "unitsperyear",
                "capaian",
                "volume",
                "volumekegiatan",
                "annualworkload",
                "bebankerja",
                "jumlahkegiatan",
                "units",
                "frekuensi",
            ],
            ActivityColumn::Staff => &[
                "staff",
                "jumlahtenaga",
                "tenaga",
                "jumlahstaf",
                "staf",
                "staffdoing",
                "jumlahorang",
                "orang",
                "numberofstaff",
            ],
        }
    }

    /// The column a header names: a known name, possibly with a unit
    /// ("norma waktu (menit)", "capaian per tahun").
    pub fn recognize(header: &str) -> Option<Self> {
        let n = normalize(header);
        if n.is_empty() {
            return None;
        }
        let find = |s: &str| Self::ALL.into_iter().find(|c| c.aliases().contains(&s));
        if let Some(c) = find(&n) {
            return Some(c);
        }
        for suffix in [
            "menit", "minutes", "min", "pertahun", "setahun", "tahun", "peryear", "ayear", "year",
            "orang", "people",
        ] {
            if let Some(base) = n.strip_suffix(suffix)
                && let Some(c) = find(base)
            {
                return Some(c);
            }
        }
        None
    }
}

/// An activity table read and checked whole.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedActivities {
    pub activities: Vec<Activity>,
    /// The file row of each activity (the header is row 1 of a CSV).
    pub rows: Vec<usize>,
    /// The column name of each [`ActivityColumn`] as written in problems.
    pub columns: Vec<(ActivityColumn, String)>,
    pub file: String,
    /// For CSV: the delimiter found.
    pub delimiter: Option<u8>,
    /// For .xlsx: the sheet read.
    pub sheet: Option<String>,
}

impl ImportedActivities {
    /// A calculation error located in the file: an activity's value as
    /// file:row:column, anything else prefixed by the file name.
    pub fn locate(&self, err: &StaffingError, lang: Lang) -> String {
        if let StaffingError::Activity { row, field, .. } = err
            && let Some(line) = self.rows.get(row.wrapping_sub(1))
        {
            let col = match *field {
                "minutes_per_unit" => Some(ActivityColumn::MinutesPerUnit),
                "units_per_year" => Some(ActivityColumn::UnitsPerYear),
                "staff" => Some(ActivityColumn::Staff),
                _ => None,
            }
            .and_then(|c| self.columns.iter().find(|(k, _)| *k == c))
            .map(|(_, name)| format!(":{name}"))
            .unwrap_or_default();
            return format!("{}:{line}{col}: {}", self.file, err.message(lang));
        }
        format!("{}: {}", self.file, err.message(lang))
    }
}

/// Reads a CSV or .xlsx activity table (by extension). `sheet` chooses the
/// worksheet of a workbook (default: the first).
pub fn import_activities(
    path: &Path,
    sheet: Option<&str>,
) -> Result<ImportedActivities, ImportError> {
    let file = path.display().to_string();
    let (bytes, kind) = read_data_file(path)?;
    match kind {
        FileKind::Workbook => activities_from_xlsx(&bytes, &file, sheet),
        FileKind::Text => activities_from_csv(&bytes, &file),
    }
}

/// Reads CSV bytes (`file` names the file in messages).
pub fn activities_from_csv(bytes: &[u8], file: &str) -> Result<ImportedActivities, ImportError> {
    let csv = CsvText::new(bytes, file)?;
    let mut records = csv.records();
    let headers = records
        .next(file)?
        .map(|(_, r)| header_names(r))
        .unwrap_or_default();
    let mut conv = Converter::new(headers, file, None)?;
    while let Some((line, record)) = records.next(file)? {
        if conv.problems.full() {
            conv.stopped = Some(line);
            break;
        }
        let width = conv.headers.len();
        if let Some((i, extra)) = record
            .iter()
            .enumerate()
            .skip(width)
            .find(|(_, c)| !c.trim().is_empty())
        {
            // Its cells may be shifted: nothing else of the row is trusted.
            let m = Msg::new(T::import_extra_cell)
                .text("cells", record.len())
                .text("headers", width)
                .text("cell", quote(extra.trim()))
                .text("column", i + 1)
                .text("delimiter", csv.delimiter as char);
            conv.seen_rows = true;
            conv.report(line, None, m);
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
        conv.row(line, &SheetRow(cells));
    }
    let mut out = conv.finish()?;
    out.delimiter = Some(csv.delimiter);
    Ok(out)
}

/// Reads .xlsx bytes (`file` names the file in messages).
pub fn activities_from_xlsx(
    bytes: &[u8],
    file: &str,
    sheet: Option<&str>,
) -> Result<ImportedActivities, ImportError> {
    let sheet = read_sheet(bytes, file, sheet, &mut |_| true)?;
    let mut conv = Converter::new(sheet.headers, file, Some(sheet.col0))?;
    for (line, cells) in &sheet.rows {
        if conv.problems.full() {
            conv.stopped = Some(*line);
            break;
        }
        conv.row(*line, cells);
    }
    let mut out = conv.finish()?;
    out.sheet = Some(sheet.name);
    Ok(out)
}

/// Turns rows of an activity table, handed over one at a time, into
/// activities, collecting every problem.
struct Converter<'a> {
    file: &'a str,
    headers: Vec<String>,
    sheet_col0: Option<usize>,
    index: [Option<usize>; 5],
    problems: Problems,
    stopped: Option<usize>,
    seen_rows: bool,
    activities: Vec<Activity>,
    lines: Vec<usize>,
}

impl<'a> Converter<'a> {
    fn new(
        headers: Vec<String>,
        file: &'a str,
        sheet_col0: Option<usize>,
    ) -> Result<Self, ImportError> {
        if headers.iter().all(|h| h.trim().is_empty()) {
            return Err(ImportError::file(file, T::activities_empty));
        }
        let mut index: [Option<usize>; 5] = [None; 5];
        for (i, h) in headers.iter().enumerate() {
            if let Some(c) = ActivityColumn::recognize(h)
                && index[c as usize].is_none()
            {
                index[c as usize] = Some(i);
            }
        }
        let missing: Vec<String> = ActivityColumn::ALL
            .into_iter()
            .filter(|c| *c != ActivityColumn::Staff && index[*c as usize].is_none())
            .map(|c| format!("{} ({})", c.key(), c.key_id()))
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
        Ok(Converter {
            file,
            headers,
            sheet_col0,
            index,
            problems: Problems::default(),
            stopped: None,
            seen_rows: false,
            activities: Vec::new(),
            lines: Vec::new(),
        })
    }

    fn col_name(&self, i: usize) -> String {
        let h = self.headers.get(i).map(|h| quote(h)).unwrap_or_default();
        match self.sheet_col0 {
            Some(c0) => format!("{} ({h})", column_letter(c0 + i)),
            None => h,
        }
    }

    fn report(&mut self, line: usize, c: Option<ActivityColumn>, message: Msg) {
        let column = c
            .and_then(|c| self.index[c as usize])
            .map(|i| self.col_name(i));
        self.problems.report(Problem {
            row: Some(line),
            column,
            message,
        });
    }

    fn row(&mut self, line: usize, cells: &SheetRow) {
        use ActivityColumn as C;
        self.seen_rows = true;
        let index = self.index;
        let cell = |c: ActivityColumn| -> &Cell {
            index[c as usize]
                .map(|i| cells.get(i))
                .unwrap_or(&Cell::Empty)
        };
        let name = match cell(C::Activity) {
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => crate::model::number::fmt_auto(*n, Lang::En),
            Cell::Empty => {
                self.report(line, Some(C::Activity), Msg::new(T::activities_name_empty));
                String::new()
            }
        };
        let kind = match cell(C::Kind) {
            Cell::Empty => {
                self.report(line, Some(C::Kind), Msg::new(T::activities_kind_empty));
                None
            }
            Cell::Number(n) => {
                let m = Msg::new(T::activities_not_a_kind).arg("cell", Arg::Number(*n));
                self.report(line, Some(C::Kind), m);
                None
            }
            Cell::Text(s) => {
                let k = ActivityKind::from_key(s);
                if k.is_none() {
                    let m = Msg::new(T::activities_not_a_kind).text("cell", quote(s));
                    self.report(line, Some(C::Kind), m);
                }
                k
            }
        };
        let mut number = |c: ActivityColumn, what: T, needed: bool| -> Option<f64> {
            let (v, shown) = match cell(c) {
                Cell::Empty => {
                    if needed {
                        let m = Msg::new(T::activities_value_empty).arg("what", Arg::Key(what));
                        self.report(line, Some(c), m);
                    }
                    return None;
                }
                Cell::Number(n) => (*n, Arg::Number(*n)),
                Cell::Text(s) => match fast_number(s).map_or_else(|| parse_number(s, Lang::Id), Ok)
                {
                    Ok(v) => (v, Arg::Text(quote(s))),
                    Err(_) => {
                        let m = Msg::new(T::activities_not_a_number)
                            .text("cell", quote(s))
                            .arg("what", Arg::Key(what));
                        self.report(line, Some(c), m);
                        return None;
                    }
                },
            };
            if !v.is_finite() || v < 0.0 {
                let m = Msg::new(T::activities_negative)
                    .arg("value", shown)
                    .arg("what", Arg::Key(what));
                self.report(line, Some(c), m);
                return None;
            }
            Some(v)
        };
        let minutes = number(C::MinutesPerUnit, T::activities_what_minutes, true);
        let units = number(C::UnitsPerYear, T::activities_what_units, true);
        let individual = kind == Some(ActivityKind::Individual);
        let staff = number(C::Staff, T::activities_what_staff, individual);
        if individual && self.index[C::Staff as usize].is_none() {
            self.report(line, None, Msg::new(T::activities_needs_staff_column));
        }
        if kind == Some(ActivityKind::Service) && minutes == Some(0.0) {
            self.report(
                line,
                Some(C::MinutesPerUnit),
                Msg::new(T::activities_service_minutes),
            );
        }
        if let (Some(kind), Some(minutes), Some(units)) = (kind, minutes, units) {
            self.activities.push(Activity {
                name,
                kind,
                minutes_per_unit: minutes,
                units_per_year: units,
                staff: staff.unwrap_or(0.0),
            });
            self.lines.push(line);
        }
    }

    fn finish(self) -> Result<ImportedActivities, ImportError> {
        let file = self.file;
        if !self.seen_rows {
            return Err(ImportError::file(file, T::activities_no_rows));
        }
        let columns: Vec<(ActivityColumn, String)> = ActivityColumn::ALL
            .into_iter()
            .filter_map(|c| self.index[c as usize].map(|i| (c, self.col_name(i))))
            .collect();
        if let Some(e) = self.problems.into_error(file, self.stopped) {
            return Err(e);
        }
        Ok(ImportedActivities {
            activities: self.activities,
            rows: self.lines,
            columns,
            file: file.to_string(),
            delimiter: None,
            sheet: None,
        })
    }
}
