//! Data files in: CSV as Indonesian (or any) Excel writes it, and .xlsx.
//! The whole file is checked before anything is handed over; every problem
//! is reported as file:row:column with what was expected, so nothing is ever
//! half-loaded.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Index;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader};

use crate::model::data::{CBR_RANGE, MAX_PEOPLE};
use crate::model::data::{ColumnMapping, Field, Label};
use crate::model::number::parse_number;
use crate::model::{DataRow, Lang};

/// Header names recognised for each field, compared after [`normalize`].
const ALIASES: [(Field, &[&str]); 8] = [
    (
        Field::RegionCode,
        &[
            "regioncode",
            "kodewilayah",
            "kode",
            "code",
            "kodebps",
            "kodedesa",
            "kodepuskesmas",
            "kodekabupaten",
            "kodeprovinsi",
            "idwilayah",
        ],
    ),
    (
        Field::RegionName,
        &[
            "regionname",
            "namawilayah",
            "wilayah",
            "nama",
            "region",
            "name",
            "provinsi",
            "kabupaten",
            "kabupatenkota",
            "kota",
            "puskesmas",
            "desa",
            "kelurahan",
            "desakelurahan",
            "kecamatan",
        ],
    ),
    (Field::Year, &["year", "tahun", "thn"]),
    (
        Field::Population,
        &[
            "population",
            "jumlahpenduduk",
            "penduduk",
            "pop",
            "jumlahproyeksipenduduk",
            "proyeksipenduduk",
            "jiwa",
            "populasi",
        ],
    ),
    (
        Field::Cbr,
        &[
            "cbr",
            "angkakelahirankasar",
            "crudebirthrate",
            "akk",
            "cbrper1000",
            "cbrper1000penduduk",
        ],
    ),
    (
        Field::Births,
        &[
            "births",
            "kelahiran",
            "jumlahkelahiran",
            "livebirths",
            "kelahiranhidup",
            "jumlahkelahiranhidup",
            "jumlahproyeksikelahiran",
        ],
    ),
    (
        Field::PregnantWomen,
        &[
            "pregnantwomen",
            "ibuhamil",
            "jumlahibuhamil",
            "bumil",
            "jumlahbumil",
            "jumlahproyeksiibuhamil",
            "sasaranibuhamil",
        ],
    ),
    (
        Field::MidwivesAvailable,
        &[
            "midwivesavailable",
            "midwives",
            "jumlahbidan",
            "bidan",
            "bidantersedia",
            "existingmidwives",
            "bidanyangada",
        ],
    ),
];

/// Lower case, letters and digits only: "Jumlah Penduduk (jiwa)" → "jumlahpendudukjiwa".
pub fn normalize(header: &str) -> String {
    header
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The field a header names, if recognised.
pub fn recognize(header: &str) -> Option<Field> {
    let n = normalize(header);
    if n.is_empty() {
        return None;
    }
    for (field, names) in ALIASES {
        if names.contains(&n.as_str()) {
            return Some(field);
        }
    }
    // "jumlah penduduk (jiwa)", "CBR (per 1000)": a known name plus a unit.
    let strip = ["jiwa", "orang", "per1000", "per1000penduduk", "fte", "org"];
    for s in strip {
        if let Some(base) = n.strip_suffix(s) {
            for (field, names) in ALIASES {
                if names.contains(&base) {
                    return Some(field);
                }
            }
        }
    }
    None
}

/// Recognises every header (unknown ones are ignored); a remembered
/// mapping decides for the headers it knows.
pub fn detect_mapping(headers: &[String], remembered: Option<&ColumnMapping>) -> ColumnMapping {
    let mut used = Vec::new();
    let mut columns: Vec<(String, Option<Field>)> = headers
        .iter()
        .map(|h| {
            let f = recognize(h).filter(|f| !used.contains(f));
            if let Some(f) = f {
                used.push(f);
            }
            (h.clone(), f)
        })
        .collect();
    if let Some(r) = remembered {
        for (h, f) in columns.iter_mut() {
            if let Some((_, rf)) = r
                .columns
                .iter()
                .find(|(rh, _)| normalize(rh) == normalize(h))
            {
                *f = *rf;
            }
        }
    }
    ColumnMapping { columns }
}

/// One problem of an imported file, located as precisely as possible.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// 1-based row of the file (the header is row 1), if it concerns a row.
    pub row: Option<usize>,
    /// Column header (and letter for spreadsheets), if it concerns a column.
    pub column: Option<String>,
    pub message: String,
}

/// Why a data file was not taken.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: {message}")]
    File { file: String, message: String },
    #[error("{}", render_problems(file, problems, *total))]
    Invalid {
        file: String,
        /// The first problems (at most [`MAX_PROBLEMS`]).
        problems: Vec<Problem>,
        /// How many problems there were in all.
        total: usize,
    },
    #[error("{file}: import cancelled")]
    Cancelled { file: String },
}

/// At most this many problems are listed.
pub const MAX_PROBLEMS: usize = 200;

fn render_problems(file: &str, problems: &[Problem], total: usize) -> String {
    let mut s = String::new();
    for p in problems {
        s.push_str(file);
        if let Some(r) = p.row {
            s.push_str(&format!(":{r}"));
        }
        if let Some(c) = &p.column {
            s.push_str(&format!(":{c}"));
        }
        s.push_str(&format!(": {}\n", p.message));
    }
    if total > problems.len() {
        s.push_str(&format!(
            "{file}: … and {} more problems\n",
            total - problems.len()
        ));
    }
    s.trim_end().to_string()
}

/// How the file's numbers and columns were read.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportInfo {
    pub path: PathBuf,
    /// For CSV: the delimiter found.
    pub delimiter: Option<u8>,
    /// For CSV: the text encoding (UTF-8 or Windows-1252).
    pub encoding: &'static str,
    /// For .xlsx: the sheet read.
    pub sheet: Option<String>,
    /// All sheets of a workbook, to choose from.
    pub sheets: Vec<String>,
    pub mapping: ColumnMapping,
}

/// A data file read and checked whole.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub rows: Vec<DataRow>,
    pub info: ImportInfo,
}

/// What the planner chose for a file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportOptions {
    /// The worksheet of an .xlsx (default: the first).
    pub sheet: Option<String>,
    /// A mapping of headers to fields (default: recognised from the headers).
    pub mapping: Option<ColumnMapping>,
    /// Read a CSV file or workbook cell by cell even when it is plain (the
    /// quick route gives the same rows; tests compare the two).
    pub careful: bool,
}

/// Reports progress (0 to 1); returns false to cancel.
pub type Progress<'a> = &'a mut dyn FnMut(f32) -> bool;

/// A table of text cells (or typed cells from a workbook) with file rows.
struct RawTable {
    headers: Vec<String>,
    /// (1-based file row, cells).
    rows: Vec<(usize, Row)>,
}

/// One row: a CSV record (all its fields in one buffer) or workbook cells.
enum Row {
    Csv(csv::StringRecord),
    Cells(Vec<Cell>),
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
                None | Some(Cell::Empty) => CellRef::Empty,
                Some(Cell::Text(t)) => CellRef::Text(t),
                Some(Cell::Number(n)) => CellRef::Number(*n),
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Empty,
    Text(String),
    Number(f64),
}

fn file_name(path: &Path) -> String {
    path.display().to_string()
}

/// Reads a CSV or .xlsx data file (by extension), checking it whole.
pub fn import_file(
    path: &Path,
    options: &ImportOptions,
    progress: Progress<'_>,
) -> Result<Imported, ImportError> {
    let kind = file_kind(path)?;
    if kind == FileKind::Text && !options.careful {
        if !progress(0.0) {
            return Err(ImportError::Cancelled {
                file: file_name(path),
            });
        }
        let mut cancelled = false;
        let quick = super::csv_rows::read_plain_file(
            path,
            options.mapping.as_ref(),
            super::csv_rows::CHUNK,
            &mut |done| {
                cancelled |= !progress(done);
                !cancelled
            },
        );
        if cancelled {
            return Err(ImportError::Cancelled {
                file: file_name(path),
            });
        }
        if let Some(plain) = quick {
            // A cancel asked for meanwhile is honoured at the end.
            if !progress(1.0) {
                return Err(ImportError::Cancelled {
                    file: file_name(path),
                });
            }
            return Ok(csv_imported(
                path,
                plain.rows,
                plain.delimiter,
                "UTF-8",
                plain.mapping,
            ));
        }
        // Read it again, whole and cell by cell, to say what is wrong.
        let careful = ImportOptions {
            careful: true,
            ..options.clone()
        };
        let (bytes, _) = read_data_file(path)?;
        return import_csv_bytes(&bytes, path, &careful, progress);
    }
    let (bytes, kind) = read_data_file(path)?;
    match kind {
        FileKind::Workbook => import_xlsx_bytes(&bytes, path, options, progress),
        FileKind::Text => import_csv_bytes(&bytes, path, options, progress),
    }
}

/// Whether `path` names a data file by its extension (CSV or text, or a
/// spreadsheet; .xls and .ods are refused when read, with what to do).
pub fn is_data_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .is_some_and(|e| matches!(e.as_str(), "csv" | "txt" | "tsv" | "xlsx" | "xls" | "ods"))
}

/// How a data file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// An .xlsx workbook.
    Workbook,
    /// Text: CSV, whatever its extension.
    Text,
}

/// Reads a data file whole and tells by its extension how to read it; .xls
/// and .ods are refused with what to do instead.
pub(crate) fn read_data_file(path: &Path) -> Result<(Vec<u8>, FileKind), ImportError> {
    let kind = file_kind(path)?;
    let bytes = std::fs::read(path).map_err(|e| ImportError::File {
        file: file_name(path),
        message: format!("cannot read the file: {e}"),
    })?;
    Ok((bytes, kind))
}

/// How a data file is read, by its extension; .xls and .ods are refused
/// with what to do instead.
fn file_kind(path: &Path) -> Result<FileKind, ImportError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" | "xlsm" => Ok(FileKind::Workbook),
        "xls" | "ods" => Err(ImportError::File {
            file: file_name(path),
            message: "this spreadsheet format is not supported: save it as .xlsx or .csv".into(),
        }),
        _ => Ok(FileKind::Text),
    }
}

/// Decodes CSV bytes: UTF-8 (with or without BOM), else Windows-1252.
pub(crate) fn decode(bytes: &[u8]) -> (String, &'static str) {
    let (text, encoding) = decode_borrowed(bytes);
    (text.into_owned(), encoding)
}

/// As [`decode`], without copying a UTF-8 file.
fn decode_borrowed(bytes: &[u8]) -> (Cow<'_, str>, &'static str) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), "UTF-8"),
        Err(_) => {
            let (s, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (Cow::Owned(s.into_owned()), "Windows-1252")
        }
    }
}

/// The delimiter of the header line: `;`, tab or `,`.
pub(crate) fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let count = |c: char| {
        let mut n = 0;
        let mut quoted = false;
        for ch in first.chars() {
            if ch == '"' {
                quoted = !quoted;
            } else if ch == c && !quoted {
                n += 1;
            }
        }
        n
    };
    let (semi, tab, comma) = (count(';'), count('\t'), count(','));
    if semi >= comma && semi >= tab && semi > 0 {
        b';'
    } else if tab > comma {
        b'\t'
    } else {
        b','
    }
}

pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    head.starts_with(b"PK\x03\x04") || head.iter().filter(|&&b| b == 0).count() > 0
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
        rows.push((line, record.clone()));
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

/// Reads CSV bytes (`path` names the file in messages).
pub fn import_csv_bytes(
    bytes: &[u8],
    path: &Path,
    options: &ImportOptions,
    progress: Progress<'_>,
) -> Result<Imported, ImportError> {
    let file = file_name(path);
    if looks_binary(bytes) {
        return Err(ImportError::File {
            file,
            message: "this is not a text (CSV) file; a workbook must end in .xlsx".into(),
        });
    }
    if !options.careful {
        if !progress(0.0) {
            return Err(ImportError::Cancelled { file });
        }
        let (text, encoding) = decode_borrowed(bytes);
        let delimiter = sniff_delimiter(&text);
        if let Some((rows, mapping)) =
            super::csv_rows::read_plain(&text, delimiter, options.mapping.as_ref())
        {
            // The quick route takes a fraction of a second even for every
            // village of the country: a cancel asked for meanwhile is
            // honoured at its end.
            if !progress(1.0) {
                return Err(ImportError::Cancelled { file });
            }
            return Ok(csv_imported(path, rows, delimiter, encoding, mapping));
        }
        if !progress(0.1) {
            return Err(ImportError::Cancelled { file });
        }
    }
    let csv = read_csv(bytes, &file, progress)?;
    let table = RawTable {
        headers: csv.headers,
        rows: csv
            .rows
            .into_iter()
            .map(|(line, r)| (line, Row::Csv(r)))
            .collect(),
    };
    let (delimiter, encoding) = (csv.delimiter, csv.encoding);
    let (rows, mapping) = convert(&table, &file, options, None)?;
    progress(1.0);
    Ok(csv_imported(path, rows, delimiter, encoding, mapping))
}

/// What a CSV file gave, with how it was read.
fn csv_imported(
    path: &Path,
    rows: Vec<DataRow>,
    delimiter: u8,
    encoding: &'static str,
    mapping: ColumnMapping,
) -> Imported {
    Imported {
        rows,
        info: ImportInfo {
            path: path.to_path_buf(),
            delimiter: Some(delimiter),
            encoding,
            sheet: None,
            sheets: Vec::new(),
            mapping,
        },
    }
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

/// Powers of ten up to 10^15, exact, as powi gives them.
const POW10: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// Reads the common plain forms of numbers without allocating: `2017`,
/// `261.890.900`, `18,5`, `18.5`, `1.163,75`, with the same result as
/// [`parse_number`] in Indonesian; `None` sends anything else to it.
pub fn fast_number(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    // The commonest forms first: `2017`, `261.890.900`, `18,50`, `1.163,75`.
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && digits <= 15 && b.len() <= 18 {
        let add = |m: u64, d: &[u8]| d.iter().fold(m, |m, &c| m * 10 + (c - b'0') as u64);
        let mut mantissa = add(0, &b[..digits]);
        let mut rest = &b[digits..];
        if digits <= 3 {
            // Thousands: groups of exactly three digits after a dot.
            while let [b'.', d1, d2, d3, tail @ ..] = rest
                && d1.is_ascii_digit()
                && d2.is_ascii_digit()
                && d3.is_ascii_digit()
                && !tail.first().is_some_and(u8::is_ascii_digit)
            {
                mantissa = add(mantissa, &[*d1, *d2, *d3]);
                rest = tail;
            }
        }
        // As below: at most 2^53 (exact in an f64) and 15 decimals.
        match rest {
            [] if mantissa < 1 << 53 => return Some(mantissa as f64),
            [b',', fraction @ ..]
                if (1..=15).contains(&fraction.len())
                    && fraction.iter().all(u8::is_ascii_digit)
                    && add(mantissa, fraction) < 1 << 53 =>
            {
                return Some(add(mantissa, fraction) as f64 / POW10[fraction.len()]);
            }
            _ => {}
        }
    }
    let (neg, b) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        _ => (false, b),
    };
    if b.is_empty() || b.len() > 18 {
        return None;
    }
    let mut mantissa: u64 = 0;
    let mut decimals: i32 = 0;
    let mut in_fraction = false;
    let mut group_len: i32 = -1; // digits since the last dot; -1 before any dot
    let mut first_group = 0;
    let mut dots = 0;
    for &c in b {
        match c {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + (c - b'0') as u64;
                if in_fraction {
                    decimals += 1;
                } else if group_len >= 0 {
                    group_len += 1;
                } else {
                    first_group += 1;
                }
            }
            b'.' if !in_fraction => {
                if group_len >= 0 && group_len != 3 {
                    return None;
                }
                dots += 1;
                group_len = 0;
            }
            b',' if !in_fraction => {
                if group_len >= 0 && group_len != 3 {
                    return None;
                }
                in_fraction = true;
            }
            _ => return None,
        }
    }
    if first_group == 0 || (in_fraction && decimals == 0) || group_len == 0 {
        return None;
    }
    if dots > 0 && !in_fraction {
        // Dots only: thousands when every group has three digits and the
        // first one to three (Indonesian), else one decimal point.
        let thousands = group_len == 3 && first_group <= 3;
        if !thousands {
            if dots == 1 {
                decimals = group_len;
            } else {
                return None;
            }
        }
    }
    if dots > 0 && in_fraction && first_group > 3 {
        return None;
    }
    if decimals > 15 {
        return None;
    }
    let v = if decimals == 0 {
        mantissa as f64
    } else {
        mantissa as f64 / POW10[decimals as usize]
    };
    if mantissa >= (1u64 << 53) {
        return None;
    }
    Some(if neg { -v } else { v })
}

/// The spreadsheet letter of a 0-based column: 0 → A, 27 → AB.
pub fn column_letter(mut c: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push((b'A' + (c % 26) as u8) as char);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.iter().rev().collect()
}

/// A worksheet as its header row and its data rows (1-based sheet row,
/// typed cells), with the sheet's first column for cell names.
pub(crate) struct Sheet {
    pub name: String,
    pub sheets: Vec<String>,
    pub headers: Vec<String>,
    pub rows: Vec<(usize, Vec<Cell>)>,
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
fn guard_workbook<T>(
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
    let range = wb
        .worksheet_range(&name)
        .map_err(|e| ferr(format!("sheet “{name}” cannot be read ({e})")))?;
    if !progress(0.6) {
        return Err(ImportError::Cancelled {
            file: file.to_string(),
        });
    }
    let (row0, col0) = range
        .start()
        .map(|(r, c)| (r as usize, c as usize))
        .unwrap_or((0, 0));
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for (i, r) in range.rows().enumerate() {
        let cells: Vec<Cell> = r
            .iter()
            .map(|c| match c {
                Data::Empty => Cell::Empty,
                Data::String(s) if s.trim().is_empty() => Cell::Empty,
                Data::String(s) => Cell::Text(s.trim().to_string()),
                Data::Float(f) => Cell::Number(*f),
                Data::Int(i) => Cell::Number(*i as f64),
                Data::Bool(b) => Cell::Text(b.to_string()),
                Data::DateTime(d) => Cell::Text(d.to_string()),
                Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
                Data::Error(e) => Cell::Text(format!("#{e:?}")),
            })
            .collect();
        if cells.iter().all(|c| *c == Cell::Empty) {
            continue;
        }
        if headers.is_none() {
            headers = Some(
                cells
                    .iter()
                    .map(|c| match c {
                        Cell::Text(s) => s.clone(),
                        Cell::Number(n) => n.to_string(),
                        Cell::Empty => String::new(),
                    })
                    .collect(),
            );
            continue;
        }
        rows.push((row0 + i + 1, cells));
    }
    Ok(Sheet {
        name,
        sheets,
        headers: headers.unwrap_or_default(),
        rows,
        col0,
    })
}

/// Reads .xlsx bytes (`path` names the file in messages).
pub fn import_xlsx_bytes(
    bytes: &[u8],
    path: &Path,
    options: &ImportOptions,
    progress: Progress<'_>,
) -> Result<Imported, ImportError> {
    let file = file_name(path);
    if !options.careful {
        if !progress(0.0) {
            return Err(ImportError::Cancelled { file });
        }
        let quick = guard_workbook(&file, || {
            Ok(super::xlsx_rows::read_plain(
                bytes,
                options.sheet.as_deref(),
                options.mapping.as_ref(),
            ))
        });
        if let Ok(Some(sheet)) = quick {
            // As for CSV: a cancel asked for meanwhile is honoured at the end.
            if !progress(1.0) {
                return Err(ImportError::Cancelled { file });
            }
            return Ok(xlsx_imported(
                path,
                sheet.rows,
                sheet.name,
                sheet.sheets,
                sheet.mapping,
            ));
        }
    }
    let sheet = read_sheet(bytes, &file, options.sheet.as_deref(), progress)?;
    let col0 = sheet.col0;
    let table = RawTable {
        headers: sheet.headers,
        rows: sheet
            .rows
            .into_iter()
            .map(|(line, cells)| (line, Row::Cells(cells)))
            .collect(),
    };
    let (rows, mapping) = convert(&table, &file, options, Some(col0))?;
    progress(1.0);
    Ok(xlsx_imported(path, rows, sheet.name, sheet.sheets, mapping))
}

/// What a workbook gave, with the sheet it was read from.
fn xlsx_imported(
    path: &Path,
    rows: Vec<DataRow>,
    sheet: String,
    sheets: Vec<String>,
    mapping: ColumnMapping,
) -> Imported {
    Imported {
        rows,
        info: ImportInfo {
            path: path.to_path_buf(),
            delimiter: None,
            encoding: "xlsx",
            sheet: Some(sheet),
            sheets,
            mapping,
        },
    }
}

/// Turns the raw table into data rows, collecting every problem.
fn convert(
    table: &RawTable,
    file: &str,
    options: &ImportOptions,
    sheet_col0: Option<usize>,
) -> Result<(Vec<DataRow>, ColumnMapping), ImportError> {
    if table.headers.iter().all(|h| h.trim().is_empty()) {
        return Err(ImportError::File {
            file: file.to_string(),
            message: "the file is empty: it needs a header row and at least one data row".into(),
        });
    }
    let mapping = match &options.mapping {
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
                    table.headers.join(", ")
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
                                    "“{s}” is not a number (expected {}, e.g. {})",
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
        let shown = if key.is_empty() { "(no code)" } else { key };
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
                        "(no code)"
                    } else {
                        first_key
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

/// The example row of the data templates (Indonesia 2017 from the paper).
fn template_row() -> [(&'static str, f64); 3] {
    [
        ("2017", 2017.0),
        ("261890900", 261_890_900.0),
        ("18,5", 18.5),
    ]
}

/// An empty CSV template (Indonesian Excel style: `;` and decimal comma,
/// UTF-8 with BOM) with the headers and one example row.
pub fn template_csv(lang: Lang) -> Vec<u8> {
    let key = |f: Field| match lang {
        Lang::Id => f.key_id(),
        Lang::En => f.key(),
    };
    let headers: Vec<&str> = Field::ALL.iter().map(|&f| key(f)).collect();
    let [year, pop, cbr] = template_row();
    let cbr_text = match lang {
        Lang::Id => cbr.0.to_string(),
        Lang::En => "18.5".to_string(),
    };
    let sep = match lang {
        Lang::Id => ";",
        Lang::En => ",",
    };
    let mut out = Vec::new();
    if lang == Lang::Id {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    out.extend_from_slice(headers.join(sep).as_bytes());
    out.extend_from_slice(b"\r\n");
    let row = ["ID", "Indonesia", year.0, pop.0, &cbr_text, "", "", ""];
    out.extend_from_slice(row.join(sep).as_bytes());
    out.extend_from_slice(b"\r\n");
    out
}

/// An empty .xlsx template with the headers and one example row.
pub fn template_xlsx(lang: Lang) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(lang.pick("Data", "Data"))?;
    let bold = Format::new().set_bold();
    for (c, f) in Field::ALL.iter().enumerate() {
        let name = match lang {
            Lang::Id => f.key_id(),
            Lang::En => f.key(),
        };
        ws.write_string_with_format(0, c as u16, name, &bold)?;
        ws.set_column_width(c as u16, 18)?;
    }
    let [year, pop, cbr] = template_row();
    ws.write_string(1, 0, "ID")?;
    ws.write_string(1, 1, "Indonesia")?;
    ws.write_number(1, 2, year.1)?;
    ws.write_number_with_format(1, 3, pop.1, &Format::new().set_num_format("#,##0"))?;
    ws.write_number_with_format(1, 4, cbr.1, &Format::new().set_num_format("0.00"))?;
    ws.set_freeze_panes(1, 0)?;
    wb.save_to_buffer()
}

/// The header row and the sheets of a data file, for the column-mapping
/// step when its headers are not recognised.
pub fn read_headers(
    path: &Path,
    options: &ImportOptions,
) -> Result<(Vec<String>, Vec<String>), ImportError> {
    let file = file_name(path);
    let (bytes, kind) = read_data_file(path)?;
    if kind == FileKind::Workbook {
        return read_sheet(&bytes, &file, options.sheet.as_deref(), &mut |_| true)
            .map(|sheet| (sheet.headers, sheet.sheets));
    }
    if looks_binary(&bytes) {
        return Err(ImportError::File {
            file,
            message: "this is not a text (CSV) file; a workbook must end in .xlsx".into(),
        });
    }
    let (text, _) = decode(&bytes);
    let delimiter = sniff_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).unwrap_or(false) {
        if record.iter().any(|c| !c.trim().is_empty()) {
            return Ok((
                record.iter().map(|h| h.trim().to_string()).collect(),
                Vec::new(),
            ));
        }
    }
    Ok((Vec::new(), Vec::new()))
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
