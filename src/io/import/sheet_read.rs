//! Worksheets read cell by cell (calamine's cell reader): only the cells
//! that hold something are kept, so memory follows the cells and not the
//! rectangle they span. A damaged workbook is described in plain words.

use calamine::{DataRef, Reader, XlsxError};

use super::cells::{Cell, Progress};
use super::problems::{Arg, ImportError, Msg};
use crate::i18n::T;

/// The rows and columns a worksheet can have.
const MAX_ROWS: u32 = 1 << 20;
const MAX_COLUMNS: u32 = 1 << 14;

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

/// A worksheet as its header row and its data rows (1-based sheet row,
/// cells within the header's columns), with the sheet's first column for
/// cell names.
pub(crate) struct Sheet {
    pub name: String,
    pub sheets: Vec<String>,
    pub headers: Vec<String>,
    pub rows: Vec<(usize, SheetRow)>,
    pub col0: usize,
}

/// Reads the worksheet `wanted` (default: the first) of .xlsx bytes; the
/// first non-empty row is the header row. Cells beside the table (past the
/// header's last column) are notes, left out.
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
pub(super) fn guard_workbook<R>(
    file: &str,
    read: impl FnOnce() -> Result<R, ImportError>,
) -> Result<R, ImportError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)).unwrap_or_else(|_| {
        Err(ImportError::file(
            file,
            Msg::new(T::import_workbook_damaged).arg("what", Arg::Key(T::import_damage_other)),
        ))
    })
}

/// What is wrong with a workbook, in plain words, from the reader's error.
fn damage(e: &XlsxError) -> T {
    use XlsxError as E;
    match e {
        E::Io(_) | E::Zip(_) => T::import_not_workbook,
        E::Xml(_) | E::XmlAttr(_) | E::XmlEof(_) | E::UnexpectedNode(_) | E::Encoding(_) => {
            T::import_damage_xml
        }
        E::FileNotFound(_) | E::RelationshipNotFound | E::NotAWorksheet(_) => T::import_damage_part,
        E::Alphanumeric(_)
        | E::NumericColumn(_)
        | E::RangeWithoutColumnComponent
        | E::RangeWithoutRowComponent
        | E::ColumnNumberOverflow
        | E::RowNumberOverflow
        | E::DimensionCount(_) => T::import_damage_reference,
        E::Parse(_) | E::ParseFloat(_) | E::ParseInt(_) => T::import_damage_number,
        E::Unexpected(s) if s.contains("shared strings") => T::import_damage_shared,
        E::Password => T::import_damage_password,
        _ => T::import_damage_other,
    }
}

/// The error of a workbook that cannot be read: as a whole, or one sheet
/// of it (near the row where reading stopped, when known).
fn damaged(file: &str, sheet: Option<&str>, row: Option<u32>, e: &XlsxError) -> ImportError {
    let what = damage(e);
    if what == T::import_not_workbook {
        return ImportError::file(file, what);
    }
    let what = match row {
        Some(r) => Arg::Msg(Box::new(
            Msg::new(T::import_damage_at)
                .arg("what", Arg::Key(what))
                .text("row", r + 1),
        )),
        None => Arg::Key(what),
    };
    ImportError::file(
        file,
        match sheet {
            Some(s) => Msg::new(T::import_sheet_damaged)
                .text("sheet", s)
                .arg("what", what),
            None => Msg::new(T::import_workbook_damaged).arg("what", what),
        },
    )
}

/// The most bytes the parts of a workbook of `size` bytes may unpack to:
/// worksheets pack ten to fifty times; far more is a damaged or hostile
/// file, whose reading would take the machine's memory.
pub(crate) fn most_unpacked(size: usize) -> u64 {
    100 * size as u64 + (64 << 20)
}

/// The total size a workbook's parts declare when unpacked (the zip reader
/// never unpacks past it), when the package can be opened.
fn unpacked_size(bytes: &[u8]) -> Option<u64> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut total = 0u64;
    for i in 0..zip.len() {
        if let Ok(f) = zip.by_index_raw(i) {
            total = total.saturating_add(f.size());
        }
    }
    Some(total)
}

/// Whether the list of texts of a workbook claims no more texts than it
/// holds: the workbook reader makes room for the claimed number at once, so
/// a damaged claim could take the machine's memory.
fn shared_strings_claim_ok(bytes: &[u8]) -> bool {
    use std::io::Read;
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return true;
    };
    for i in 0..zip.len() {
        let Ok(mut part) = zip.by_index(i) else {
            continue;
        };
        let is_strings = part
            .name()
            .is_ok_and(|n| n.to_ascii_lowercase().ends_with("sharedstrings.xml"));
        if !is_strings {
            continue;
        }
        // The claim, in the opening tag; then the texts, counted as they
        // are unpacked, a piece at a time.
        let mut claimed: Option<u128> = None;
        let mut held = 0u128;
        let mut carry: Vec<u8> = Vec::new();
        let mut piece = vec![0u8; 1 << 16];
        loop {
            let n = match part.read(&mut piece) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            carry.extend_from_slice(&piece[..n]);
            if claimed.is_none()
                && let Some(at) = memchr::memmem::find(&carry, b"uniqueCount=")
            {
                let digits = carry[at + 12..]
                    .iter()
                    .skip(1)
                    .take_while(|c| c.is_ascii_digit())
                    .fold(0u128, |v, &c| {
                        v.saturating_mul(10).saturating_add((c - b'0') as u128)
                    });
                claimed = Some(digits);
            }
            held += memchr::memmem::find_iter(&carry, b"<si").count() as u128;
            // Keep the tail, which may hold the start of a tag cut in two.
            let keep = carry.len().saturating_sub(32);
            carry.drain(..keep);
            held -= memchr::memmem::find_iter(&carry, b"<si").count() as u128;
        }
        held += memchr::memmem::find_iter(&carry, b"<si").count() as u128;
        if claimed.is_some_and(|c| c > held + 16) {
            return false;
        }
    }
    true
}

fn read_sheet_unguarded(
    bytes: &[u8],
    file: &str,
    wanted: Option<&str>,
    progress: Progress<'_>,
) -> Result<Sheet, ImportError> {
    let cancelled = || ImportError::Cancelled {
        file: file.to_string(),
    };
    if let Some(size) = unpacked_size(bytes)
        && size > most_unpacked(bytes.len())
    {
        return Err(ImportError::file(
            file,
            Msg::new(T::import_workbook_damaged).arg(
                "what",
                Arg::Msg(Box::new(
                    Msg::new(T::import_damage_unpacks).text("size", size >> 20),
                )),
            ),
        ));
    }
    if !shared_strings_claim_ok(bytes) {
        return Err(ImportError::file(
            file,
            Msg::new(T::import_workbook_damaged)
                .arg("what", Arg::Key(T::import_damage_shared_list)),
        ));
    }
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| damaged(file, None, None, &e))?;
    let sheets = wb.sheet_names().to_vec();
    let name = match wanted {
        Some(s) if sheets.iter().any(|x| x == s) => s.to_string(),
        Some(s) => {
            return Err(ImportError::file(
                file,
                Msg::new(T::import_no_sheet)
                    .text("sheet", s)
                    .text("sheets", sheets.join(", ")),
            ));
        }
        None => sheets
            .first()
            .cloned()
            .ok_or_else(|| ImportError::file(file, T::import_no_sheets))?,
    };
    if !progress(0.1) {
        return Err(cancelled());
    }
    let mut reader = wb
        .worksheet_cells_reader(&name)
        .map_err(|e| damaged(file, Some(&name), None, &e))?;
    // Only the cells that hold something are kept, row by row.
    let mut found: Vec<(u32, Vec<(u32, Cell)>)> = Vec::new();
    let mut in_order = true;
    let mut count = 0usize;
    loop {
        let cell = match reader.next_cell() {
            Ok(Some(c)) => c,
            Ok(None) => break,
            Err(e) => {
                let row = found.last().map(|(r, _)| *r);
                return Err(damaged(file, Some(&name), row, &e));
            }
        };
        count += 1;
        if count.is_multiple_of(65_536) && !progress(0.3) {
            return Err(cancelled());
        }
        let (row, col) = cell.get_position();
        if row >= MAX_ROWS || col >= MAX_COLUMNS {
            // Past the last cell a worksheet can have (XFD1048576).
            let e = XlsxError::RowNumberOverflow;
            return Err(damaged(file, Some(&name), Some(row.min(MAX_ROWS)), &e));
        }
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
        return Err(cancelled());
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
        let cells = cells
            .into_iter()
            .filter(|(_, c)| *c != Cell::Empty)
            .map(|(c, v)| ((c - col0) as usize, v));
        let Some(width) = headers.as_ref().map(Vec::len) else {
            let cells: Vec<(usize, Cell)> = cells.collect();
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
        };
        // Notes beside the table are left alone.
        let cells: Vec<(usize, Cell)> = cells.filter(|(c, _)| *c < width).collect();
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
        assert!(
            e.message(crate::model::Lang::Id)
                .starts_with("rusak.xlsx: buku kerja rusak"),
            "{e}"
        );
        let ok: Result<u8, ImportError> = guard_workbook("baik.xlsx", || Ok(7));
        assert_eq!(ok.unwrap(), 7);
    }
}
