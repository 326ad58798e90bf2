//! Data files in: CSV as Indonesian (or any) Excel writes it, and .xlsx.
//! The whole file is checked before anything is handed over; every problem
//! is reported as file:row:column with what was expected, so nothing is ever
//! half-loaded. A plain file takes a quick route; anything unusual is read
//! again cell by cell by the careful reader, which says what is wrong.

pub(crate) mod careful;
pub(crate) mod cells;
pub(crate) mod columns;
mod csv_quick;
pub(crate) mod csv_read;
pub(crate) mod file_kind;
pub(crate) mod problems;
mod rows;
pub(crate) mod sheet_read;
mod templates;
mod tree_check;
mod xlsx_parts;
mod xlsx_quick;

use std::path::{Path, PathBuf};

use crate::model::DataRow;
use crate::model::data::ColumnMapping;

pub use cells::{Progress, column_letter, fast_number};
pub use columns::{detect_mapping, normalize, recognize};
pub use file_kind::is_data_file;
pub use problems::{Arg, ImportError, MAX_PROBLEMS, Msg, Problem};
pub use templates::{template_csv, template_xlsx};

use careful::{Converter, Layout, Row};
use csv_read::{CsvText, header_names};
use file_kind::{FileKind, decode_text, file_kind, file_name, read_data_file};
use sheet_read::{guard_workbook, read_sheet};

use crate::model::data::ColumnMapping as Mapping;

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
        let quick = csv_quick::read_plain_file(
            path,
            options.mapping.as_ref(),
            csv_quick::CHUNK,
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
        // A tree fault is named at its row by the careful reader.
        if let Some(plain) = quick.filter(|p| tree_check::check_tree(&p.rows).is_ok()) {
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

/// Reads CSV bytes (`path` names the file in messages).
pub fn import_csv_bytes(
    bytes: &[u8],
    path: &Path,
    options: &ImportOptions,
    progress: Progress<'_>,
) -> Result<Imported, ImportError> {
    let file = file_name(path);
    let (text, encoding) = decode_text(bytes).map_err(|m| ImportError::file(&file, m))?;
    if !options.careful {
        if !progress(0.0) {
            return Err(ImportError::Cancelled { file });
        }
        let delimiter = cells::sniff_delimiter(&text);
        if let Some((rows, mapping)) =
            csv_quick::read_plain(&text, delimiter, options.mapping.as_ref())
                .filter(|(rows, _)| tree_check::check_tree(rows).is_ok())
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
    drop(text);
    let (rows, mapping, delimiter, encoding) =
        careful_csv(bytes, &file, options.mapping.as_ref(), progress)?;
    progress(1.0);
    Ok(csv_imported(path, rows, delimiter, encoding, mapping))
}

/// Reads CSV bytes record by record, checking each row as it comes; stops
/// once the problems pass [`MAX_PROBLEMS`].
fn careful_csv(
    bytes: &[u8],
    file: &str,
    remembered: Option<&Mapping>,
    progress: Progress<'_>,
) -> Result<(Vec<DataRow>, Mapping, u8, &'static str), ImportError> {
    let csv = CsvText::new(bytes, file)?;
    let mut records = csv.records();
    let headers = records
        .next(file)?
        .map(|(_, r)| header_names(r))
        .unwrap_or_default();
    let layout = Layout {
        file,
        headers: &headers,
        delimiter: Some(csv.delimiter),
        sheet_col0: None,
    };
    let mut conv = Converter::new(layout, remembered)?;
    let mut stopped = None;
    while let Some((line, record)) = records.next(file)? {
        if conv.full() {
            stopped = Some(line);
            break;
        }
        conv.row(line, Row::Csv(record));
        if records.count().is_multiple_of(65_536) && !progress(0.1 + 0.8 * records.done()) {
            return Err(ImportError::Cancelled {
                file: file.to_string(),
            });
        }
    }
    let (rows, mapping) = conv.finish(stopped)?;
    Ok((rows, mapping, csv.delimiter, csv.encoding))
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
            Ok(xlsx_quick::read_plain(
                bytes,
                options.sheet.as_deref(),
                options.mapping.as_ref(),
            ))
        });
        if let Ok(Some(sheet)) = quick
            && tree_check::check_tree(&sheet.rows).is_ok()
        {
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
    let layout = Layout {
        file: &file,
        headers: &sheet.headers,
        delimiter: None,
        sheet_col0: Some(sheet.col0),
    };
    let mut conv = Converter::new(layout, options.mapping.as_ref())?;
    let mut stopped = None;
    for (line, cells) in &sheet.rows {
        if conv.full() {
            stopped = Some(*line);
            break;
        }
        conv.row(*line, Row::Cells(cells));
    }
    let (rows, mapping) = conv.finish(stopped)?;
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
    let csv = CsvText::new(&bytes, &file)?;
    let headers = csv
        .records()
        .next(&file)
        .ok()
        .flatten()
        .map(|(_, r)| header_names(r))
        .unwrap_or_default();
    Ok((headers, Vec::new()))
}
