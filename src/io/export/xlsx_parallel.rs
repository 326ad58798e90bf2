//! The results sheet of a whole data set, written on every core. The
//! workbook is made by rust_xlsxwriter with the sheet's heading row and one
//! sample row (which gives each column's cell style); the sample row is then
//! replaced by every row of the table, made a chunk of regions per core,
//! compressed a chunk per core and written into the file while the next
//! chunks are made; the workbook's other parts are copied as they are. The
//! rows read back exactly as rust_xlsxwriter's would.

use std::io::{Cursor, Read};

use rayon::prelude::*;

use super::deflate_parts::{FINAL_BLOCK, Part, Stream};
use super::file::ExportError;
use super::sheet_xml::{CellText, RowWriter, column_name};
use super::zip_archive::{Entry, Method, ZipWriter};
use crate::model::projection::YearRow;
use crate::model::{Lang, PreparedData, Projection};
use crate::table::{Column, Precision, kind_text};

/// The sheet the table is on, in the workbook's zip archive.
const SHEET: &str = "xl/worksheets/sheet1.xml";
/// Raw XML put in one compressed part (about).
const PART_BYTES: usize = 1 << 20;
/// Parts made at once, then put in the stream in order, so that the raw
/// text of a national table is never held whole.
const PARTS_AT_ONCE: usize = 16;
/// Above this much raw XML the plain zip format does not hold the sheet;
/// such a table is left to rust_xlsxwriter.
const MAX_SHEET_BYTES: u64 = 3 << 30;
/// Bytes of XML per cell, to size the parts (a reference, a style and a
/// number of up to 17 digits).
const CELL_BYTES: usize = 48;

thread_local! {
    /// The text of the part a core is writing, kept for its next part.
    static RAW: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Which of the table's layouts the sheet holds.
pub enum Rows {
    /// One row per region and year, the columns of [`Column::ALL`].
    Long { lang: Lang },
    /// One row per region, code and name, then `columns` for every year.
    Wide { columns: Vec<Column> },
}

impl Rows {
    fn cells_per_region(&self, years: usize) -> usize {
        match self {
            Rows::Long { .. } => years * Column::ALL.len(),
            Rows::Wide { columns } => 2 + years * columns.len(),
        }
    }

    fn rows_per_region(&self, years: usize) -> u32 {
        match self {
            Rows::Long { .. } => years as u32,
            Rows::Wide { .. } => 1,
        }
    }

    fn columns(&self, years: usize) -> usize {
        match self {
            Rows::Long { .. } => Column::ALL.len(),
            Rows::Wide { columns } => 2 + years * columns.len(),
        }
    }

    /// Writes one region's (or the total's) rows, the first numbered `row`.
    fn write(&self, w: &mut RowWriter, row: u32, code: &str, name: &str, years: &[YearRow]) {
        let (code, name) = (CellText::new(code), CellText::new(name));
        match self {
            Rows::Long { lang } => {
                for (i, r) in years.iter().enumerate() {
                    w.start(row + i as u32);
                    for (col, column) in Column::ALL.iter().enumerate() {
                        match column {
                            Column::RegionCode => w.text(col, &code),
                            Column::RegionName => w.text(col, &name),
                            Column::Kind => w.text(col, &CellText::new(kind_text(r.kind, *lang))),
                            _ => {
                                if let Some(v) = column.number(r, Precision::Full) {
                                    w.number(col, v)
                                }
                            }
                        }
                    }
                    w.end();
                }
            }
            Rows::Wide { columns } => {
                w.start(row);
                w.text(0, &code);
                w.text(1, &name);
                let mut col = 2;
                for r in years {
                    for c in columns.iter() {
                        if let Some(v) = c.number(r, Precision::Full) {
                            w.number(col, v);
                        }
                        col += 1;
                    }
                }
                w.end();
            }
        }
    }
}

/// Whether the table of `data` is small enough for this writer's archive.
pub fn fits(data: &PreparedData, proj: &Projection, rows: &Rows) -> bool {
    let cells = (data.regions() + 1) as u64 * rows.cells_per_region(proj.total.len()) as u64;
    cells * CELL_BYTES as u64 * 2 < MAX_SHEET_BYTES
}

/// A workbook ready to be written: the workbook rust_xlsxwriter made
/// (its table sheet holding the heading row and one sample row), and what
/// replaces the sample row with every row of the table.
pub struct Filled<'a> {
    template: Vec<u8>,
    /// The sheet's text before the sample row, its dimension set.
    head: String,
    /// The sheet's text after its rows.
    tail: String,
    /// Column letters and each column's ` s="N"`.
    columns: Vec<String>,
    styles: Vec<String>,
    data: &'a PreparedData,
    proj: &'a Projection,
    rows: Rows,
}

fn bad_template(e: &dyn std::fmt::Display) -> ExportError {
    ExportError::Xlsx(format!("workbook template: {e}"))
}

/// Checks the workbook `template` and plans its table sheet: every row of
/// the table in place of the sample row.
pub fn fill_workbook<'a>(
    template: Vec<u8>,
    data: &'a PreparedData,
    proj: &'a Projection,
    rows: Rows,
) -> Result<Filled<'a>, ExportError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(&template[..])).map_err(|e| bad_template(&e))?;
    for i in 0..zip.len() {
        let f = zip.by_index_raw(i).map_err(|e| bad_template(&e))?;
        if !matches!(
            f.compression(),
            zip::CompressionMethod::Stored | zip::CompressionMethod::Deflated
        ) {
            return Err(bad_template(&format!("{:?}", f.compression())));
        }
    }
    let mut xml = String::new();
    zip.by_name(SHEET)
        .map_err(|e| bad_template(&e))?
        .read_to_string(&mut xml)
        .map_err(|e| bad_template(&e))?;
    let no_sample = || bad_template(&"no sample row");
    let start = xml.find("<row r=\"2\"").ok_or_else(no_sample)?;
    let sample_end = start + xml[start..].find("</row>").ok_or_else(no_sample)? + "</row>".len();
    let end = xml.find("</sheetData>").ok_or_else(no_sample)?;
    let sample = &xml[start..sample_end];
    let years = proj.total.len();
    let width = rows.columns(years);
    let columns: Vec<String> = (0..width as u16).map(column_name).collect();
    let styles: Vec<String> = columns
        .iter()
        .map(|c| style_of(sample, &format!("{c}2")))
        .collect();
    let several = data.regions() > 1;
    let per_region = rows.rows_per_region(years);
    let last_row = 1 + per_region * (1 + if several { data.regions() as u32 } else { 0 });
    let head = set_dimension(&xml[..start], &columns[width - 1], last_row);
    let tail = xml[end..].to_string();
    Ok(Filled {
        template,
        head,
        tail,
        columns,
        styles,
        data,
        proj,
        rows,
    })
}

fn zip_error(e: zip::result::ZipError) -> std::io::Error {
    std::io::Error::other(format!("workbook template: {e}"))
}

impl Filled<'_> {
    /// Writes the workbook: the template's parts as they are, the table
    /// sheet streamed into `out` while it is still being compressed.
    pub fn write_to(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let mut zip = zip::ZipArchive::new(Cursor::new(&self.template[..])).map_err(zip_error)?;
        let mut archive = ZipWriter::new(out);
        for i in 0..zip.len() {
            let mut f = zip.by_index_raw(i).map_err(zip_error)?;
            let name = f.name().map_err(zip_error)?.into_owned();
            if name == SHEET {
                archive.start_entry(SHEET, Method::Deflated)?;
                let (crc, len) = self.write_sheet(&mut archive)?;
                archive.end_entry(crc, len)?;
                continue;
            }
            let method = match f.compression() {
                zip::CompressionMethod::Stored => Method::Stored,
                _ => Method::Deflated,
            };
            let (crc, len) = (f.crc32(), f.size());
            let mut bytes = Vec::with_capacity(f.compressed_size() as usize);
            f.read_to_end(&mut bytes)?;
            archive.entry(&Entry {
                name: &name,
                method,
                crc,
                len,
                bytes: &bytes,
            })?;
        }
        archive.finish()
    }

    /// The rows of regions `range`, compressed as a part of the sheet.
    fn part(&self, range: std::ops::Range<usize>, level: flate2::Compression) -> Part {
        let years = self.proj.total.len();
        let per_region = self.rows.rows_per_region(years);
        let region_bytes = self.rows.cells_per_region(years) * CELL_BYTES;
        // Each core writes its parts' text into the same buffer again (a
        // fresh megabyte each time costs page faults).
        RAW.with_borrow_mut(|raw| {
            let mut buf = std::mem::take(raw);
            buf.clear();
            buf.reserve(range.len() * region_bytes);
            let mut w = RowWriter::with_buffer(&self.columns, &self.styles, buf);
            let mut year_rows = Vec::with_capacity(years);
            for r in range {
                year_rows.clear();
                year_rows.extend(
                    self.proj
                        .years()
                        .map(|y| self.proj.region_row(self.data, r, y)),
                );
                let row = 2 + per_region * (1 + r as u32);
                let (code, name) = (&self.data.codes[r], &self.data.names[r]);
                self.rows.write(&mut w, row, code, name, &year_rows);
            }
            let part = Part::compress(&w.out, level);
            *raw = w.out;
            part
        })
    }

    /// Writes the sheet's compressed text into `archive`, a batch of parts
    /// made on every core while the batch before is written; its CRC-32
    /// and length.
    fn write_sheet(&self, archive: &mut ZipWriter) -> std::io::Result<(u32, u64)> {
        let (data, proj) = (self.data, self.proj);
        let level = flate2::Compression::fast();
        let mut stream = Stream::new();
        let mut put = |archive: &mut ZipWriter, part: &Part| {
            stream.push(part);
            archive.piece(&part.bytes)
        };
        // The heading and the total.
        let mut w = RowWriter::new(&self.columns, &self.styles, self.head.len() + 4096);
        w.out.extend_from_slice(self.head.as_bytes());
        let several = data.regions() > 1;
        let (tc, tn) = if several {
            ("TOTAL", "Total")
        } else {
            (data.codes[0].as_str(), data.names[0].as_str())
        };
        self.rows.write(&mut w, 2, tc, tn, &proj.total);
        put(archive, &Part::compress(&w.out, level))?;
        if several {
            let years = proj.total.len();
            let region_bytes = self.rows.cells_per_region(years) * CELL_BYTES;
            let per_part = (PART_BYTES / region_bytes.max(1)).max(1);
            let ranges: Vec<std::ops::Range<usize>> = (0..data.regions())
                .step_by(per_part)
                .map(|s| s..(s + per_part).min(data.regions()))
                .collect();
            std::thread::scope(|scope| {
                let (batches, made) = std::sync::mpsc::sync_channel::<Vec<Part>>(1);
                scope.spawn(move || {
                    for batch in ranges.chunks(PARTS_AT_ONCE) {
                        let done: Vec<Part> = batch
                            .par_iter()
                            .map(|range| self.part(range.clone(), level))
                            .collect();
                        // No one to take it: the writing failed and stopped.
                        if batches.send(done).is_err() {
                            return;
                        }
                    }
                });
                for done in made {
                    for part in &done {
                        put(archive, part)?;
                    }
                }
                Ok::<(), std::io::Error>(())
            })?;
        }
        put(archive, &Part::compress(self.tail.as_bytes(), level))?;
        archive.piece(&FINAL_BLOCK)?;
        Ok(stream.finish())
    }
}

/// The ` s="N"` attribute of cell `reference` in `row_xml`, or nothing.
fn style_of(row_xml: &str, reference: &str) -> String {
    let tag = format!("<c r=\"{reference}\"");
    let Some(at) = row_xml.find(&tag) else {
        return String::new();
    };
    let rest = &row_xml[at + tag.len()..];
    let cell_head = &rest[..rest.find('>').unwrap_or(rest.len())];
    match cell_head.find(" s=\"") {
        Some(s) => {
            let value = &cell_head[s + 4..];
            let value = &value[..value.find('"').unwrap_or(value.len())];
            format!(" s=\"{value}\"")
        }
        None => String::new(),
    }
}

/// The sheet's head with its `<dimension>` covering the whole table.
fn set_dimension(head: &str, last_column: &str, last_row: u32) -> String {
    let Some(at) = head.find("<dimension ref=\"") else {
        return head.to_string();
    };
    let value_start = at + "<dimension ref=\"".len();
    let Some(len) = head[value_start..].find('"') else {
        return head.to_string();
    };
    format!(
        "{}A1:{last_column}{last_row}{}",
        &head[..value_start],
        &head[value_start + len..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_are_read_from_the_sample_row() {
        let row = "<row r=\"2\" spans=\"1:3\"><c r=\"A2\" t=\"inlineStr\"><is><t>x</t></is></c>\
                   <c r=\"B2\" s=\"3\"><v>0</v></c><c r=\"AB2\" s=\"12\"><v>0</v></c></row>";
        assert_eq!(style_of(row, "A2"), "");
        assert_eq!(style_of(row, "B2"), " s=\"3\"");
        assert_eq!(style_of(row, "AB2"), " s=\"12\"");
        assert_eq!(style_of(row, "C2"), "");
    }

    #[test]
    fn the_dimension_covers_the_table() {
        let head = "<worksheet><dimension ref=\"A1:O2\"/><sheetViews/>";
        assert_eq!(
            set_dimension(head, "O", 340_035),
            "<worksheet><dimension ref=\"A1:O340035\"/><sheetViews/>"
        );
        assert_eq!(set_dimension("<worksheet>", "O", 9), "<worksheet>");
    }
}
