//! Activity tables in: CSV (as Indonesian Excel writes it: `;`, decimal
//! commas, UTF-8 or Windows-1252) and .xlsx, with the columns
//! `activity, kind, minutes_per_unit, units_per_year, staff` or in Indonesian
//! `kegiatan, jenis, norma_waktu, capaian, jumlah_tenaga`. The whole file is
//! checked; every problem is reported as file:row:column.

use std::path::Path;

use super::import::careful::{SheetRow, read_csv, read_sheet};
use super::import::cells::{Cell, column_letter, fast_number};
use super::import::columns::normalize;
use super::import::file_kind::{FileKind, looks_binary, read_data_file};
use super::import::problems::{ImportError, MAX_PROBLEMS, Problem, found, quote};
use crate::model::number::parse_number;
use crate::model::staffing::{Activity, ActivityKind, StaffingError};
use crate::model::{Lang, number::fmt_auto};

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
    if looks_binary(bytes) {
        return Err(ImportError::File {
            file: file.to_string(),
            message: "this is not a text (CSV) file; a workbook must end in .xlsx".into(),
        });
    }
    let csv = read_csv(bytes, file, &mut |_| true)?;
    let rows = csv
        .rows
        .iter()
        .map(|(line, record)| {
            let cells = record
                .iter()
                .enumerate()
                .filter_map(|(i, c)| match c.trim() {
                    "" => None,
                    t => Some((i, Cell::Text(t.to_string()))),
                })
                .collect();
            (*line, SheetRow(cells))
        })
        .collect();
    let mut out = convert(csv.headers, rows, file, None)?;
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
    let name = sheet.name;
    let mut out = convert(sheet.headers, sheet.rows, file, Some(sheet.col0))?;
    out.sheet = Some(name);
    Ok(out)
}

fn convert(
    headers: Vec<String>,
    rows: Vec<(usize, SheetRow)>,
    file: &str,
    sheet_col0: Option<usize>,
) -> Result<ImportedActivities, ImportError> {
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(ImportError::File {
            file: file.to_string(),
            message: "the file is empty: it needs a header row (kegiatan; jenis; norma_waktu; capaian; jumlah_tenaga) and at least one activity".into(),
        });
    }
    let col_name = |i: usize| -> String {
        let h = headers.get(i).cloned().unwrap_or_default();
        match sheet_col0 {
            Some(c0) => format!("{} ({h})", column_letter(c0 + i)),
            None => h,
        }
    };
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
        return Err(ImportError::Invalid {
            file: file.to_string(),
            problems: vec![Problem {
                row: Some(1),
                column: None,
                message: format!(
                    "missing column(s): {}. Found: {}",
                    missing.join(", "),
                    found(&headers)
                ),
            }],
            total: 1,
        });
    }
    if rows.is_empty() {
        return Err(ImportError::File {
            file: file.to_string(),
            message: "the file has headers but no activities".into(),
        });
    }
    let columns: Vec<(ActivityColumn, String)> = ActivityColumn::ALL
        .into_iter()
        .filter_map(|c| index[c as usize].map(|i| (c, col_name(i))))
        .collect();
    let mut problems = Vec::new();
    let mut total = 0usize;
    let mut report = |p: Problem| {
        total += 1;
        if problems.len() < MAX_PROBLEMS {
            problems.push(p);
        }
    };
    let mut activities = Vec::with_capacity(rows.len());
    let mut lines = Vec::with_capacity(rows.len());
    for (line, cells) in &rows {
        let line = *line;
        let cell = |c: ActivityColumn| -> &Cell {
            index[c as usize]
                .map(|i| cells.get(i))
                .unwrap_or(&Cell::Empty)
        };
        let at = |c: ActivityColumn| index[c as usize].map(col_name);
        let name = match cell(ActivityColumn::Activity) {
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => fmt_auto(*n, Lang::En),
            Cell::Empty => {
                report(Problem {
                    row: Some(line),
                    column: at(ActivityColumn::Activity),
                    message: "the activity name is empty".into(),
                });
                String::new()
            }
        };
        let kind = match cell(ActivityColumn::Kind) {
            Cell::Empty => {
                report(Problem {
                    row: Some(line),
                    column: at(ActivityColumn::Kind),
                    message: "the kind is empty (expected service/pelayanan, support/penunjang or individual/individu)".into(),
                });
                None
            }
            Cell::Number(n) => {
                report(Problem {
                    row: Some(line),
                    column: at(ActivityColumn::Kind),
                    message: format!(
                        "“{}” is not a kind (expected service/pelayanan, support/penunjang or individual/individu)",
                        fmt_auto(*n, Lang::En)
                    ),
                });
                None
            }
            Cell::Text(s) => {
                let k = ActivityKind::from_key(s);
                if k.is_none() {
                    report(Problem {
                        row: Some(line),
                        column: at(ActivityColumn::Kind),
                        message: format!(
                            "“{}” is not a kind (expected service/pelayanan, support/penunjang or individual/individu)",
                            quote(s)
                        ),
                    });
                }
                k
            }
        };
        let mut number = |c: ActivityColumn, what: &str, needed: bool| -> Option<f64> {
            let v = match cell(c) {
                Cell::Empty => {
                    if needed {
                        report(Problem {
                            row: Some(line),
                            column: at(c),
                            message: format!("the {what} is empty"),
                        });
                    }
                    return None;
                }
                Cell::Number(n) => *n,
                Cell::Text(s) => match fast_number(s).map_or_else(|| parse_number(s, Lang::Id), Ok)
                {
                    Ok(v) => v,
                    Err(_) => {
                        report(Problem {
                            row: Some(line),
                            column: at(c),
                            message: format!(
                                "“{}” is not a number (expected the {what})",
                                quote(s)
                            ),
                        });
                        return None;
                    }
                },
            };
            if !v.is_finite() || v < 0.0 {
                report(Problem {
                    row: Some(line),
                    column: at(c),
                    message: format!(
                        "{} is not possible: the {what} must be 0 or more",
                        fmt_auto(v, Lang::En)
                    ),
                });
                return None;
            }
            Some(v)
        };
        let minutes = number(
            ActivityColumn::MinutesPerUnit,
            "minutes per unit (norma waktu)",
            true,
        );
        let units = number(
            ActivityColumn::UnitsPerYear,
            "units per year (capaian)",
            true,
        );
        let individual = kind == Some(ActivityKind::Individual);
        let staff = number(
            ActivityColumn::Staff,
            "number of staff doing it (jumlah tenaga)",
            individual,
        );
        if individual && index[ActivityColumn::Staff as usize].is_none() {
            report(Problem {
                row: Some(line),
                column: None,
                message: "an individual activity needs the column staff (jumlah_tenaga)".into(),
            });
        }
        if kind == Some(ActivityKind::Service) && minutes == Some(0.0) {
            report(Problem {
                row: Some(line),
                column: at(ActivityColumn::MinutesPerUnit),
                message: "a service activity needs more than 0 minutes per unit".into(),
            });
        }
        if let (Some(kind), Some(minutes), Some(units)) = (kind, minutes, units) {
            activities.push(Activity {
                name,
                kind,
                minutes_per_unit: minutes,
                units_per_year: units,
                staff: staff.unwrap_or(0.0),
            });
            lines.push(line);
        }
    }
    if total > 0 {
        return Err(ImportError::Invalid {
            file: file.to_string(),
            problems,
            total,
        });
    }
    Ok(ImportedActivities {
        activities,
        rows: lines,
        columns,
        file: file.to_string(),
        delimiter: None,
        sheet: None,
    })
}
