//! What kind of data file a path names, reading it whole, and decoding
//! CSV text (UTF-8, UTF-16 with its mark, or Windows-1252), refusing bytes
//! that are not text.

use std::borrow::Cow;
use std::io::Read;
use std::path::Path;

use super::problems::{ImportError, Msg};
use crate::i18n::T;

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

/// Why a file could not be read, in plain words.
pub(crate) fn io_reason(e: &std::io::Error) -> Msg {
    match e.kind() {
        std::io::ErrorKind::NotFound => Msg::new(T::import_io_not_found),
        std::io::ErrorKind::PermissionDenied => Msg::new(T::import_io_denied),
        _ => Msg::new(T::import_io_other).text("detail", e),
    }
}

/// Reads a data file whole and tells by its extension how to read it; .xls
/// and .ods are refused with what to do instead. A text file whose first
/// bytes are not text is refused before the rest is read.
pub(crate) fn read_data_file(path: &Path) -> Result<(Vec<u8>, FileKind), ImportError> {
    let kind = file_kind(path)?;
    let cannot = |e: std::io::Error| {
        ImportError::file(
            &file_name(path),
            Msg::new(T::import_cannot_read)
                .arg("reason", super::problems::Arg::Msg(Box::new(io_reason(&e)))),
        )
    };
    let mut file = std::fs::File::open(path).map_err(cannot)?;
    let mut bytes = Vec::new();
    (&mut file)
        .take(HEAD as u64)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if kind == FileKind::Text && looks_binary(&bytes) {
        return Err(ImportError::file(&file_name(path), T::import_not_text));
    }
    file.read_to_end(&mut bytes).map_err(cannot)?;
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
        "xls" | "ods" => Err(ImportError::file(
            &file_name(path),
            T::import_unsupported_format,
        )),
        _ => Ok(FileKind::Text),
    }
}

/// The bytes a file is first judged by.
pub(crate) const HEAD: usize = 4096;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16BE_BOM: &[u8] = b"\xFE\xFF";

/// CSV bytes as text, with the name of their encoding: UTF-16 with its
/// mark, UTF-8 (with or without its mark), else Windows-1252. Bytes that are
/// not text (a NUL anywhere, or a UTF-8 mark followed by bytes that are not
/// UTF-8) are refused with what is wrong.
pub(crate) fn decode_text(bytes: &[u8]) -> Result<(Cow<'_, str>, &'static str), Msg> {
    if let Some(rest) = bytes.strip_prefix(UTF16LE_BOM) {
        return utf16(rest, encoding_rs::UTF_16LE, "UTF-16LE");
    }
    if let Some(rest) = bytes.strip_prefix(UTF16BE_BOM) {
        return utf16(rest, encoding_rs::UTF_16BE, "UTF-16BE");
    }
    if bytes.starts_with(b"PK\x03\x04") || memchr::memchr(0, bytes).is_some() {
        return Err(Msg::new(T::import_not_text));
    }
    match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => {
            match std::str::from_utf8(rest) {
                Ok(s) => Ok((Cow::Borrowed(s), "UTF-8")),
                Err(e) => Err(Msg::new(T::import_broken_utf8)
                    .text("at", e.valid_up_to() + UTF8_BOM.len() + 1)),
            }
        }
        None => match std::str::from_utf8(bytes) {
            Ok(s) => Ok((Cow::Borrowed(s), "UTF-8")),
            Err(_) => {
                let (s, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                Ok((Cow::Owned(s.into_owned()), "Windows-1252"))
            }
        },
    }
}

fn utf16(
    bytes: &[u8],
    encoding: &'static encoding_rs::Encoding,
    name: &'static str,
) -> Result<(Cow<'static, str>, &'static str), Msg> {
    let (s, malformed) = encoding.decode_without_bom_handling(bytes);
    if malformed || s.contains('\0') {
        return Err(Msg::new(T::import_not_text));
    }
    Ok((Cow::Owned(s.into_owned()), name))
}

/// Whether the first bytes of a file show it is not text: a zip package
/// (an .xlsx renamed) or a NUL byte, unless it starts with a UTF-16 mark.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(HEAD)];
    if head.starts_with(UTF16LE_BOM) || head.starts_with(UTF16BE_BOM) {
        return false;
    }
    head.starts_with(b"PK\x03\x04") || memchr::memchr(0, head).is_some()
}
