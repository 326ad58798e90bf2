//! The projection as an Excel workbook for planners: the table on the first
//! sheet (every number at full precision, shown with the column's number
//! format), the parameters and the working on the second.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::file::ExportError;
use super::wide::{self, TableLayout};
use super::xlsx_parallel::{self, Rows};
use super::xlsx_parameters;
use crate::i18n::T;
use crate::model::NeedSum;
use crate::model::{Lang, PreparedData, Projection, Scenario};
use crate::table::{
    Column, Precision, Selection, for_each_selected_row, kind_text, selected_row_count,
};

/// Rows an Excel worksheet holds, the header row included.
pub const MAX_SHEET_ROWS: usize = 1_048_576;
/// Above this many cells the workbook is compressed at the quickest level
/// (a larger file, written in less than half the time).
pub const QUICK_ZIP_CELLS: usize = 1_000_000;
/// Columns an Excel worksheet holds.
pub const MAX_SHEET_COLUMNS: usize = 16_384;

/// Sheet names of the workbook: the projection and the parameters.
pub fn sheet_names(lang: Lang) -> [&'static str; 2] {
    [lang.t(T::xlsx_projection), lang.t(T::xlsx_parameters)]
}

/// Column headings of the projection sheet, in the planner's language.
pub fn xlsx_headings(lang: Lang) -> Vec<String> {
    Column::ALL.iter().map(|c| c.sheet_heading(lang)).collect()
}

fn xlsx_err(e: XlsxError) -> ExportError {
    ExportError::Xlsx(e.to_string())
}

/// The heading row's format.
fn heading_format() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(0xEDEDED)
}

/// Writes the projection sheet, one row per region and year. Each
/// column's number format is set once for the column, so the cells carry
/// none of their own; the sheet is written row by row.
fn projection_sheet(
    ws: &mut Worksheet,
    data: &PreparedData,
    proj: &Projection,
    selection: (Selection, NeedSum),
    lang: Lang,
) -> Result<(), XlsxError> {
    projection_setup(ws, lang)?;
    let mut i = 0u32;
    for_each_selected_row(data, proj, selection.0, selection.1, |code, name, r| {
        i += 1;
        let row = i;
        for (j, column) in Column::ALL.iter().enumerate() {
            let col = j as u16;
            match column {
                Column::RegionCode => ws.write_string(row, col, code)?,
                Column::RegionName => ws.write_string(row, col, name)?,
                Column::Kind => ws.write_string(row, col, kind_text(r.kind, lang))?,
                _ => match column.number(r, Precision::Full).filter(|v| v.is_finite()) {
                    Some(v) => ws.write_number(row, col, v)?,
                    None => continue,
                },
            };
        }
        Ok::<(), XlsxError>(())
    })
}

/// The projection sheet's column widths and formats, panes and headings.
fn projection_setup(ws: &mut Worksheet, lang: Lang) -> Result<(), XlsxError> {
    let head = heading_format();
    for (c, column) in Column::ALL.iter().enumerate() {
        let width = match c {
            0 => 12,
            1 => 22,
            2 => 7,
            3 => 11,
            _ => 15,
        };
        ws.set_column_width(c as u16, width)?;
        if !column.is_label() || *column == Column::Year {
            ws.set_column_format(
                c as u16,
                &Format::new().set_num_format(column.sheet_format()),
            )?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    ws.set_row_height(0, 32)?;
    for (c, h) in xlsx_headings(lang).iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &head)?;
    }
    Ok(())
}

/// A sample row under the headings, a text in each of `texts` and a
/// number in every other of `width` columns: the cells take the styles
/// the whole column's cells will have.
fn sample_row(ws: &mut Worksheet, width: usize, texts: &[usize]) -> Result<(), XlsxError> {
    for col in 0..width {
        if texts.contains(&col) {
            ws.write_string(1, col as u16, "x")?;
        } else {
            ws.write_number(1, col as u16, 0.0)?;
        }
    }
    Ok(())
}

/// Writes the projection sheet in the wide layout: one row per region,
/// per year pregnant women, midwives needed (and the gap where given).
fn wide_sheet(
    ws: &mut Worksheet,
    data: &PreparedData,
    proj: &Projection,
    lang: Lang,
) -> Result<(), XlsxError> {
    wide_setup(ws, data, proj, lang)?;
    let columns = wide::year_columns(data);
    let mut row = 0u32;
    wide::for_each_region(data, proj, |code, name, rows| {
        row += 1;
        ws.write_string(row, 0, code)?;
        ws.write_string(row, 1, name)?;
        let mut col = 2u16;
        for r in rows {
            for c in &columns {
                if let Some(v) = c.number(r, Precision::Full).filter(|v| v.is_finite()) {
                    ws.write_number(row, col, v)?;
                }
                col += 1;
            }
        }
        Ok::<(), XlsxError>(())
    })
}

/// The wide sheet's column widths and formats, panes and headings.
fn wide_setup(
    ws: &mut Worksheet,
    data: &PreparedData,
    proj: &Projection,
    lang: Lang,
) -> Result<(), XlsxError> {
    let columns = wide::year_columns(data);
    let head = heading_format();
    ws.set_column_width(0, 12)?;
    ws.set_column_width(1, 22)?;
    let formats: Vec<Format> = columns
        .iter()
        .map(|c| Format::new().set_num_format(c.sheet_format()))
        .collect();
    let mut col = 2u16;
    for _ in proj.years() {
        for f in &formats {
            ws.set_column_width(col, 13)?;
            ws.set_column_format(col, f)?;
            col += 1;
        }
    }
    ws.set_freeze_panes(1, 2)?;
    ws.set_row_height(0, 45)?;
    for (c, h) in wide::headings(data, proj, lang).iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &head)?;
    }
    Ok(())
}

/// The projection as an Excel workbook: sheet 1 the projection (one row per
/// region and year, the total first), sheet 2 the parameters and the working.
pub fn table_xlsx(
    scenario: &Scenario,
    data: &PreparedData,
    proj: &Projection,
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    table_xlsx_as(scenario, data, proj, lang, TableLayout::Long)
}

/// The projection as an Excel workbook in `layout`: sheet 1 the
/// projection (long: one row per region and year; wide: one row per
/// region, the years side by side; the total first), sheet 2 the
/// parameters and the working.
pub fn table_xlsx_as(
    scenario: &Scenario,
    data: &PreparedData,
    proj: &Projection,
    lang: Lang,
    layout: TableLayout,
) -> Result<Vec<u8>, ExportError> {
    let book = TableBook {
        scenario,
        data,
        proj,
        of: (Selection::All, NeedSum::Fte),
        lang,
        layout,
    };
    let mut bytes = Vec::new();
    workbook(&book, true)?
        .write_to(&mut bytes)
        .map_err(|e| ExportError::Xlsx(e.to_string()))?;
    Ok(bytes)
}

/// What a results workbook holds: the scenario, its checked data and
/// projection, which rows (and how a parent's need is summed), in which
/// language and layout (the wide layout lists every region).
#[derive(Clone, Copy)]
pub struct TableBook<'a> {
    pub scenario: &'a Scenario,
    pub data: &'a PreparedData,
    pub proj: &'a Projection,
    pub of: (Selection, NeedSum),
    pub lang: Lang,
    pub layout: TableLayout,
}

/// Writes the workbook of `book` to `path` safely: a whole national table
/// goes from its compressed parts straight into the file.
pub fn save_table_xlsx(path: &std::path::Path, book: &TableBook) -> Result<(), ExportError> {
    let made = workbook(book, true)?;
    crate::io::safe_write::write_atomic_with(path, |w| made.write_to(w)).map_err(|e| {
        ExportError::Write {
            path: e.path,
            source: e.source,
        }
    })
}

/// A workbook made: its bytes, or the parts of its archive.
enum Made<'a> {
    Bytes(Vec<u8>),
    Filled(xlsx_parallel::Filled<'a>),
}

impl Made<'_> {
    fn write_to(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        match self {
            Made::Bytes(b) => w.write_all(b),
            Made::Filled(f) => f.write_to(w),
        }
    }
}

/// The workbook of `book`; `on_every_core` lets a whole table be written on
/// every core (else it is written row by row).
fn workbook<'a>(book: &TableBook<'a>, on_every_core: bool) -> Result<Made<'a>, ExportError> {
    let TableBook {
        scenario,
        data,
        proj,
        of: selection,
        lang,
        layout,
    } = *book;
    let rows = match layout {
        TableLayout::Long => selected_row_count(data, proj, selection.0),
        TableLayout::Wide => data.regions() + 1,
    };
    let columns = 2 + proj.total.len() * wide::year_columns(data).len();
    if layout == TableLayout::Wide && columns > MAX_SHEET_COLUMNS {
        return Err(ExportError::Xlsx(format!(
            "the wide table has {columns} columns, more than an Excel sheet holds ({MAX_SHEET_COLUMNS}); export it in the long layout"
        )));
    }
    if rows >= MAX_SHEET_ROWS {
        return Err(ExportError::Xlsx(format!(
            "the table has {rows} rows, more than an Excel sheet holds ({MAX_SHEET_ROWS}); export it as CSV, or one region at a time"
        )));
    }
    let [first, second] = sheet_names(lang);
    let mut wb = Workbook::new();
    let cells = match layout {
        TableLayout::Long => rows * Column::ALL.len(),
        TableLayout::Wide => rows * columns,
    };
    if cells > QUICK_ZIP_CELLS {
        // Most of the time of a large workbook is compressing its sheet.
        wb.set_zip_compression_level(1);
    }
    let rows = match layout {
        TableLayout::Long => Rows::Long { lang },
        TableLayout::Wide => Rows::Wide {
            columns: wide::year_columns(data),
        },
    };
    // The whole table is written on every core into the workbook made
    // here around a sample row; a selection is written here row by row.
    let parallel = on_every_core
        && matches!(selection.0, Selection::All)
        && xlsx_parallel::fits(data, proj, &rows);
    let ws = wb.add_worksheet_with_constant_memory().map_err(xlsx_err)?;
    ws.set_name(first).map_err(xlsx_err)?;
    match (layout, parallel) {
        (TableLayout::Long, false) => projection_sheet(ws, data, proj, selection, lang),
        (TableLayout::Wide, false) => wide_sheet(ws, data, proj, lang),
        (TableLayout::Long, true) => projection_setup(ws, lang)
            .and_then(|_| sample_row(ws, Column::ALL.len(), &LONG_TEXT_COLUMNS)),
        (TableLayout::Wide, true) => {
            wide_setup(ws, data, proj, lang).and_then(|_| sample_row(ws, columns, &[0, 1]))
        }
    }
    .map_err(xlsx_err)?;
    let ws = wb.add_worksheet();
    ws.set_name(second).map_err(xlsx_err)?;
    xlsx_parameters::parameter_sheet(ws, scenario, data, proj, lang).map_err(xlsx_err)?;
    let bytes = wb.save_to_buffer().map_err(xlsx_err)?;
    if parallel {
        xlsx_parallel::fill_workbook(bytes, data, proj, rows).map(Made::Filled)
    } else {
        Ok(Made::Bytes(bytes))
    }
}

/// The long sheet's text columns: region code, region name and kind.
const LONG_TEXT_COLUMNS: [usize; 3] = [0, 1, 3];

#[cfg(test)]
mod tests {
    use super::super::sheet_xml::column_name;
    use super::*;
    use crate::model::{self, MaybeNumber, synthetic};
    use std::io::Read;

    /// Every part of a workbook: each entry's name and text.
    fn parts(bytes: &[u8]) -> Vec<(String, String)> {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        (0..z.len())
            .map(|i| {
                let mut f = z.by_index(i).unwrap();
                let mut text = String::new();
                f.read_to_string(&mut text).unwrap();
                (f.name().unwrap().into_owned(), text)
            })
            .collect()
    }

    /// The cells of a sheet: reference, style, type and text. A cell
    /// without a reference is the one after the cell before it in its row.
    fn cells(xml: &str) -> Vec<(String, String, String, String)> {
        let doc = roxmltree::Document::parse(xml).unwrap();
        let mut out = Vec::new();
        for row in doc.descendants().filter(|n| n.has_tag_name("row")) {
            let row_number = row.attribute("r").unwrap();
            let mut next_col = 0u16;
            for c in row.children().filter(|n| n.has_tag_name("c")) {
                let a = |k: &str| c.attribute(k).unwrap_or("").to_string();
                let reference = match c.attribute("r") {
                    Some(r) => {
                        let letters = r.trim_end_matches(|ch: char| ch.is_ascii_digit());
                        assert_eq!(&r[letters.len()..], row_number);
                        next_col = (0..16_384u16).find(|&i| column_name(i) == letters).unwrap();
                        r.to_string()
                    }
                    None => format!("{}{row_number}", column_name(next_col)),
                };
                next_col += 1;
                let text: String = c
                    .descendants()
                    .filter(|n| n.is_text())
                    .map(|n| n.text().unwrap())
                    .collect();
                out.push((reference, a("s"), a("t"), text));
            }
        }
        out
    }

    /// 700 regions (several compressed parts), midwives in some (so a gap
    /// column), and names that need escaping.
    fn national() -> Scenario {
        let mut s = Scenario::example();
        s.data = synthetic::regions(700, 7);
        for (i, row) in s.data.iter_mut().enumerate() {
            if i % 3 == 0 {
                row.midwives_available = MaybeNumber::from(Some(40.0 + i as f64 / 8.0));
            }
        }
        s.data[4].region_name = " RB <Budi> & Ibu_x0041_".into();
        s.params.population.horizon_year = 2035;
        s
    }

    #[test]
    fn a_table_written_on_every_core_reads_as_one_written_row_by_row() {
        let s = national();
        let (d, p) = model::compute(&s).unwrap();
        for layout in [TableLayout::Long, TableLayout::Wide] {
            let book = TableBook {
                scenario: &s,
                data: &d,
                proj: &p,
                of: (Selection::All, NeedSum::Fte),
                lang: Lang::Id,
                layout,
            };
            let bytes = |on_every_core| {
                let mut b = Vec::new();
                workbook(&book, on_every_core)
                    .unwrap()
                    .write_to(&mut b)
                    .unwrap();
                b
            };
            let (fast, slow) = (bytes(true), bytes(false));
            let (fast, slow) = (parts(&fast), parts(&slow));
            assert_eq!(fast.len(), slow.len());
            for ((fname, ftext), (sname, stext)) in fast.iter().zip(&slow) {
                assert_eq!(fname, sname);
                if fname == "xl/worksheets/sheet1.xml" {
                    let (fc, sc) = (cells(ftext), cells(stext));
                    let expected_rows = match layout {
                        TableLayout::Long => 701 * p.total.len(),
                        TableLayout::Wide => 701,
                    };
                    assert_eq!(
                        fc.iter()
                            .filter(|c| c.0.trim_end_matches(|ch: char| ch.is_ascii_digit()) == "A")
                            .count(),
                        expected_rows + 1
                    );
                    assert_eq!(fc, sc, "{layout:?}");
                    assert!(ftext.contains("&lt;Budi&gt; &amp; Ibu_x005F_x0041_"));
                } else if fname != "docProps/core.xml" {
                    // (The document properties carry the second each
                    // workbook was made.)
                    assert_eq!(ftext, stext, "{fname}");
                }
            }
        }
    }
}
