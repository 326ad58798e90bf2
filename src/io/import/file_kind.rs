//! What kind of data file a path names, reading it whole, and decoding
//! CSV text (UTF-8 or Windows-1252).

use std::borrow::Cow;
use std::path::Path;

use super::problems::ImportError;

pub(crate) fn file_name(path: &Path) -> String {
    path.display().to_string()
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
pub(super) fn file_kind(path: &Path) -> Result<FileKind, ImportError> {
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
pub(super) fn decode_borrowed(bytes: &[u8]) -> (Cow<'_, str>, &'static str) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), "UTF-8"),
        Err(_) => {
            let (s, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (Cow::Owned(s.into_owned()), "Windows-1252")
        }
    }
}

pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    head.starts_with(b"PK\x03\x04") || head.iter().filter(|&&b| b == 0).count() > 0
}
