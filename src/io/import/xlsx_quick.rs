//! The quick route for plain .xlsx data sheets: cells that are plain
//! numbers or text, nothing wrong. The sheet's XML is unpacked once, split
//! at row boundaries into one piece per core, and each piece read straight
//! into data rows, each region's code and name stored once.
//!
//! As with CSV ([`super::csv_quick`]), the quick route never reports a
//! problem: at the first thing it does not take as plainly right — a date
//! format, rich text, a formula error, a value out of range, a duplicate
//! year — it gives up, and the careful reader (calamine, in
//! [`super::careful`]) reads the workbook again and lists every problem with
//! its cell. Either way the rows are the same.

use std::io::Cursor;
use std::sync::Arc;

use memchr::memmem;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use rayon::prelude::*;

use crate::model::DataRow;
use crate::model::data::{CBR_RANGE, ColumnMapping, Field, Label, MAX_PEOPLE};

use super::cells::fast_number;
use super::columns::{detect_mapping, normalize};
use super::rows::{finish_row, regions_consistent};
use super::xlsx_parts::{
    attr, element_text, entry, reader, relationships, shared_strings, styles, text_entry, unusual,
    workbook_sheets,
};

/// A sheet read by the quick route.
pub(crate) struct PlainSheet {
    pub rows: Vec<DataRow>,
    pub mapping: ColumnMapping,
    pub name: String,
    pub sheets: Vec<String>,
}

/// The largest sheet XML the quick route unpacks (a full worksheet of five
/// columns is about 200 MB).
const MAX_SHEET_XML: u64 = 1 << 30;

/// Reads the sheet `wanted` (default: the first) of .xlsx `bytes` when it
/// is plain and right. `None` means: read it carefully.
pub(crate) fn read_plain(
    bytes: &[u8],
    wanted: Option<&str>,
    remembered: Option<&ColumnMapping>,
) -> Option<PlainSheet> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    // No part is unpacked past what a workbook of this size can hold.
    let most = super::sheet_read::most_unpacked(bytes.len());
    let workbook = text_entry(&mut zip, "xl/workbook.xml", most.min(1 << 24))?;
    let sheets = workbook_sheets(&workbook)?;
    let (name, rid) = match wanted {
        Some(w) => sheets.iter().find(|(n, _)| n == w)?,
        None => sheets.first()?,
    };
    let rels = text_entry(&mut zip, "xl/_rels/workbook.xml.rels", most.min(1 << 24))?;
    let rels = relationships(&rels)?;
    let target = |kind: &str| {
        rels.iter()
            .find(|(_, t, _)| t.ends_with(kind))
            .map(|(_, _, path)| path.clone())
    };
    let (_, kind, sheet_path) = rels.iter().find(|(id, _, _)| id == rid)?;
    if !kind.ends_with("/worksheet") {
        return None;
    }
    let strings = match target("/sharedStrings") {
        Some(p) => shared_strings(&text_entry(&mut zip, &p, most.min(1 << 28))?)?,
        None => Vec::new(),
    };
    let plain_styles = match target("/styles") {
        Some(p) => styles(&text_entry(&mut zip, &p, most.min(1 << 26))?)?,
        None => vec![true],
    };
    let xml = entry(&mut zip, sheet_path, most.min(MAX_SHEET_XML))?;
    let (rows, mapping) = read_sheet(&xml, &strings, &plain_styles, remembered)?;
    Some(PlainSheet {
        rows,
        mapping,
        name: name.clone(),
        sheets: sheets.into_iter().map(|(n, _)| n).collect(),
    })
}

/// A cell's value as the careful reader takes it.
#[derive(Clone, Copy)]
enum Value<'a> {
    Empty,
    Text(&'a str),
    Number(f64),
}

/// Column (0-based) and row (1-based) of a reference such as `AB12`.
fn cell_ref(r: &[u8]) -> Option<(u32, u32)> {
    let letters = r.iter().take_while(|c| c.is_ascii_uppercase()).count();
    if letters == 0 || letters > 3 || letters == r.len() {
        return None;
    }
    let mut col = 0u32;
    for &c in &r[..letters] {
        col = col * 26 + u32::from(c - b'A' + 1);
    }
    let row: u32 = std::str::from_utf8(&r[letters..]).ok()?.parse().ok()?;
    Some((col - 1, row))
}

/// Reads rows one by one from sheet XML.
struct Rows<'a, 's> {
    r: Reader<&'a [u8]>,
    strings: &'s [Arc<str>],
    plain_styles: &'s [bool],
    owned: Vec<String>,
}

/// One row: its number and cells (values borrowed from the XML, the shared
/// strings, or `owned`).
struct RowCells {
    row: u32,
    cells: Vec<(u32, CellValue)>,
}

#[derive(Clone, Copy)]
enum CellValue {
    Empty,
    Shared(u32),
    Owned(u32),
    Number(f64),
    /// A value that is there but empty text.
    Blank,
}

impl<'a, 's> Rows<'a, 's> {
    fn new(xml: &'a str, strings: &'s [Arc<str>], plain_styles: &'s [bool]) -> Self {
        Rows {
            r: reader(xml),
            strings,
            plain_styles,
            owned: Vec::new(),
        }
    }

    /// The next row, `Some(None)` at the end, `None` for anything unusual.
    fn next(&mut self, out: &mut RowCells) -> Option<Option<()>> {
        out.cells.clear();
        self.owned.clear();
        loop {
            match self.r.read_event().ok()? {
                Event::Start(e) if e.name().as_ref() == "row" => {
                    out.row = attr(&e, "r")?.parse().ok()?;
                    break;
                }
                Event::Empty(e) if e.name().as_ref() == "row" => {
                    out.row = attr(&e, "r")?.parse().ok()?;
                    return Some(Some(()));
                }
                Event::Eof => return Some(None),
                Event::Text(t) if t.bytes().all(|b| b.is_ascii_whitespace()) => {}
                _ => return None,
            }
        }
        let mut last_col: Option<u32> = None;
        loop {
            match self.r.read_event().ok()? {
                Event::Start(e) if e.name().as_ref() == "c" => {
                    let (col, value) = self.cell(&e, out.row, false)?;
                    if last_col.is_some_and(|l| col <= l) {
                        return None;
                    }
                    last_col = Some(col);
                    out.cells.push((col, value));
                }
                Event::Empty(e) if e.name().as_ref() == "c" => {
                    let (col, _) = self.cell(&e, out.row, true)?;
                    if last_col.is_some_and(|l| col <= l) {
                        return None;
                    }
                    last_col = Some(col);
                }
                Event::End(e) if e.name().as_ref() == "row" => return Some(Some(())),
                Event::Text(t) if t.bytes().all(|b| b.is_ascii_whitespace()) => {}
                _ => return None,
            }
        }
    }

    /// Reads one `<c>` element (started by `e`).
    fn cell(&mut self, e: &BytesStart<'_>, row: u32, empty: bool) -> Option<(u32, CellValue)> {
        let mut reference = None;
        let mut kind = "n";
        let mut style = 0usize;
        for a in e.attributes().with_checks(false) {
            let a = a.ok()?;
            match a.key.as_ref() {
                "r" => reference = Some(cell_ref(a.value.as_bytes())?),
                "t" => {
                    kind = match a.value.as_ref() {
                        "n" => "n",
                        "s" => "s",
                        "str" => "str",
                        "inlineStr" => "inlineStr",
                        _ => return None,
                    }
                }
                "s" => style = a.value.parse().ok()?,
                "vm" | "cm" => return None,
                _ => {}
            }
        }
        let (col, r) = reference?;
        if r != row {
            return None;
        }
        if empty {
            return Some((col, CellValue::Empty));
        }
        let mut value = CellValue::Empty;
        loop {
            match self.r.read_event().ok()? {
                Event::Start(v) if v.name().as_ref() == "v" => {
                    let mut text = String::new();
                    element_text(&mut self.r, &mut text)?;
                    value = match kind {
                        "n" if text.is_empty() => CellValue::Empty,
                        "n" => {
                            let plain_number = text.bytes().all(|b| {
                                b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E')
                            });
                            if !plain_number || !*self.plain_styles.get(style)? {
                                return None;
                            }
                            CellValue::Number(text.parse().ok()?)
                        }
                        "s" => {
                            let i: u32 = text.trim().parse().ok()?;
                            match self.strings.get(i as usize)? {
                                s if s.is_empty() => CellValue::Blank,
                                _ => CellValue::Shared(i),
                            }
                        }
                        "str" => self.own(text)?,
                        _ => return None,
                    };
                }
                Event::Empty(v) if v.name().as_ref() == "v" => {
                    if kind != "str" {
                        return None;
                    }
                    value = CellValue::Blank;
                }
                Event::Start(f) if f.name().as_ref() == "f" => {
                    let mut formula = String::new();
                    element_text(&mut self.r, &mut formula)?;
                }
                Event::Empty(f) if f.name().as_ref() == "f" => {}
                Event::Start(is) if is.name().as_ref() == "is" && kind == "inlineStr" => {
                    let mut text = String::new();
                    match self.r.read_event().ok()? {
                        Event::Start(t) if t.name().as_ref() == "t" => {
                            element_text(&mut self.r, &mut text)?;
                        }
                        Event::Empty(t) if t.name().as_ref() == "t" => {}
                        _ => return None,
                    }
                    match self.r.read_event().ok()? {
                        Event::End(end) if end.name().as_ref() == "is" => {}
                        _ => return None,
                    }
                    value = self.own(text)?;
                }
                Event::End(end) if end.name().as_ref() == "c" => break,
                _ => return None,
            }
        }
        Some((col, value))
    }

    fn own(&mut self, text: String) -> Option<CellValue> {
        if unusual(&text) {
            return None;
        }
        let t = text.trim();
        if t.is_empty() {
            return Some(CellValue::Blank);
        }
        self.owned.push(t.to_string());
        Some(CellValue::Owned(self.owned.len() as u32 - 1))
    }

    fn value(&self, v: CellValue) -> Value<'_> {
        match v {
            CellValue::Empty | CellValue::Blank => Value::Empty,
            CellValue::Shared(i) => Value::Text(&self.strings[i as usize]),
            CellValue::Owned(i) => Value::Text(&self.owned[i as usize]),
            CellValue::Number(n) => Value::Number(n),
        }
    }
}

/// Gives one shared label per distinct text.
#[derive(Default)]
struct Labels {
    last: Option<(Box<str>, Label)>,
    seen: foldhash::HashMap<Box<str>, Label>,
}

impl Labels {
    fn get(&mut self, text: &str) -> Label {
        if let Some((t, l)) = &self.last
            && **t == *text
        {
            return l.clone();
        }
        let label = match self.seen.get(text) {
            Some(l) => l.clone(),
            None => {
                let l = Label::new(text);
                self.seen.insert(text.into(), l.clone());
                l
            }
        };
        self.last = Some((text.into(), label.clone()));
        label
    }
}

/// What one piece of the sheet gives.
struct Piece {
    rows: Vec<DataRow>,
    first_row: u32,
    last_row: u32,
    min_col: u32,
    max_col: u32,
}

fn read_sheet(
    xml: &[u8],
    strings: &[Arc<str>],
    plain_styles: &[bool],
    remembered: Option<&ColumnMapping>,
) -> Option<(Vec<DataRow>, ColumnMapping)> {
    let open = memmem::find(xml, b"<sheetData>")? + b"<sheetData>".len();
    let close = memmem::rfind(xml, b"</sheetData>")?;
    let data = xml.get(open..close)?;
    // Pieces start at rows, so each is whole UTF-8 text when the file is.
    let pieces = split_rows(data, rayon::current_num_threads() * 4);
    let first = std::str::from_utf8(pieces.first()?).ok()?;
    // The header row: the first with a value that is not empty.
    let mut rows = Rows::new(first, strings, plain_styles);
    let mut cells = RowCells {
        row: 0,
        cells: Vec::new(),
    };
    let mut min_col = u32::MAX;
    let mut max_col = 0;
    let headers: Vec<(u32, String)> = loop {
        rows.next(&mut cells)??;
        let present: Vec<(u32, Value)> = cells
            .cells
            .iter()
            .filter(|(_, v)| !matches!(v, CellValue::Empty))
            .map(|&(c, v)| (c, rows.value(v)))
            .collect();
        for (c, _) in &present {
            min_col = min_col.min(*c);
            max_col = max_col.max(*c);
        }
        if present.iter().any(|(_, v)| !matches!(v, Value::Empty)) {
            break present
                .into_iter()
                .map(|(c, v)| {
                    let h = match v {
                        Value::Empty => String::new(),
                        Value::Text(s) => s.to_string(),
                        Value::Number(n) => n.to_string(),
                    };
                    (c, h)
                })
                .collect();
        }
    };
    let header_row = cells.row;
    let (h_min, h_max) = (min_col, max_col);
    let mut names = vec![String::new(); (h_max - h_min + 1) as usize];
    for (c, h) in headers {
        names[(c - h_min) as usize] = h;
    }
    if names
        .iter()
        .any(|h| matches!(normalize(h).as_str(), "kind" | "jenis"))
    {
        return None;
    }
    let mapping = detect_mapping(&names, remembered);
    if !mapping.missing().is_empty() || mapping.index_of(Field::ParentCode).is_some() {
        return None;
    }
    let mut field_of: Vec<Option<Field>> = vec![None; names.len()];
    for f in Field::ALL {
        if let Some(i) = mapping.index_of(f) {
            *field_of.get_mut(i)? = Some(f);
        }
    }
    let after_header = rows.r.buffer_position() as usize;
    let read: Vec<Option<Piece>> = pieces
        .par_iter()
        .enumerate()
        .map(|(k, p)| {
            let text = if k == 0 {
                &first[after_header..]
            } else {
                std::str::from_utf8(p).ok()?
            };
            read_piece(text, strings, plain_styles, &field_of, h_min)
        })
        .collect();
    let mut out = Vec::new();
    let mut last = header_row;
    for p in read {
        let p = p?;
        if p.rows.is_empty() && p.first_row == 0 {
            continue;
        }
        if p.first_row <= last || p.min_col < h_min || p.max_col > h_max {
            return None;
        }
        last = p.last_row;
        if out.is_empty() {
            out = p.rows;
        } else {
            out.extend(p.rows);
        }
    }
    if out.is_empty() || !regions_consistent(&out) {
        return None;
    }
    Some((out, mapping))
}

/// Splits sheet XML made of `<row>` elements into about `n` pieces, each
/// starting at a row.
fn split_rows(xml: &[u8], n: usize) -> Vec<&[u8]> {
    let mut pieces = Vec::with_capacity(n);
    let mut rest = xml;
    for k in (1..n).rev() {
        let target = rest.len() / (k + 1);
        let mut at = target;
        let cut = loop {
            match memmem::find(&rest[at..], b"<row") {
                Some(p) => {
                    let i = at + p;
                    if matches!(rest.get(i + 4), Some(b' ' | b'>' | b'/')) {
                        break i;
                    }
                    at = i + 4;
                }
                None => break rest.len(),
            }
        };
        let (piece, tail) = rest.split_at(cut);
        pieces.push(piece);
        rest = tail;
    }
    pieces.push(rest);
    pieces
}

/// Reads the rows of one piece into data rows.
fn read_piece(
    xml: &str,
    strings: &[Arc<str>],
    plain_styles: &[bool],
    field_of: &[Option<Field>],
    col0: u32,
) -> Option<Piece> {
    let mut rows = Rows::new(xml, strings, plain_styles);
    let mut cells = RowCells {
        row: 0,
        cells: Vec::new(),
    };
    let mut codes = Labels::default();
    let mut names = Labels::default();
    let mut piece = Piece {
        rows: Vec::with_capacity(xml.len() / 160),
        first_row: 0,
        last_row: 0,
        min_col: u32::MAX,
        max_col: 0,
    };
    let people = (0.0, MAX_PEOPLE);
    while rows.next(&mut cells)?.is_some() {
        if piece.first_row == 0 {
            piece.first_row = cells.row;
        } else if cells.row <= piece.last_row {
            return None;
        }
        piece.last_row = cells.row;
        let mut row = DataRow::default();
        let mut year = None;
        let mut blank = true;
        for &(col, v) in &cells.cells {
            if !matches!(v, CellValue::Empty) {
                piece.min_col = piece.min_col.min(col);
                piece.max_col = piece.max_col.max(col);
            }
            let value = rows.value(v);
            if matches!(value, Value::Empty) {
                continue;
            }
            blank = false;
            let Some(Some(field)) = col.checked_sub(col0).and_then(|i| field_of.get(i as usize))
            else {
                continue;
            };
            let number = |range: (f64, f64)| -> Option<f64> {
                let v = match value {
                    Value::Number(n) => n,
                    Value::Text(s) => fast_number(s)?,
                    Value::Empty => return None,
                };
                (v >= range.0 && v <= range.1).then_some(v)
            };
            match field {
                Field::RegionCode => row.region_code = label(&mut codes, value),
                Field::RegionName => row.region_name = label(&mut names, value),
                Field::Year => year = Some(number((1000.0, 3000.0))?),
                Field::Population => row.population = number(people)?.into(),
                Field::Cbr => row.cbr = number(CBR_RANGE)?.into(),
                Field::Births => row.births = number(people)?.into(),
                Field::PregnantWomen => row.pregnant_women = number(people)?.into(),
                Field::MidwivesAvailable => row.midwives_available = number(people)?.into(),
                Field::ParentCode => return None,
            }
        }
        if blank {
            continue;
        }
        piece.rows.push(finish_row(row, year)?);
    }
    Some(piece)
}

/// A name or code cell as text, as the careful reader writes numbers.
fn label(labels: &mut Labels, value: Value<'_>) -> Label {
    match value {
        Value::Text(s) => labels.get(s),
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => {
            labels.get(&format!("{}", n as i64))
        }
        Value::Number(n) => labels.get(&n.to_string()),
        Value::Empty => Label::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references() {
        assert_eq!(cell_ref(b"A1"), Some((0, 1)));
        assert_eq!(cell_ref(b"AB12"), Some((27, 12)));
        assert_eq!(cell_ref(b"XFD1048576"), Some((16_383, 1_048_576)));
        assert_eq!(cell_ref(b"12"), None);
        assert_eq!(cell_ref(b"A"), None);
        assert_eq!(cell_ref(b"a1"), None);
    }

    #[test]
    fn splits_at_rows_only() {
        let xml = b"<row r=\"2\"><c r=\"A2\"><v>1</v></c></row><row r=\"3\"></row><row r=\"4\"/>";
        for n in 1..6 {
            let pieces = split_rows(xml, n);
            assert_eq!(pieces.concat(), xml.to_vec());
            assert!(
                pieces
                    .iter()
                    .all(|p| p.is_empty() || p.starts_with(b"<row")),
                "{n}"
            );
        }
    }

    #[test]
    fn plain_workbooks_take_the_quick_route() {
        let bytes = include_bytes!("../../../tests/data_openpyxl.xlsx");
        let sheet = read_plain(bytes, Some("Data"), None).expect("plain workbook");
        assert_eq!(sheet.rows.len(), 8);
        assert_eq!(sheet.sheets, ["Petunjuk", "Data"]);
        assert!(sheet.mapping.missing().is_empty());
        // The first sheet has no data columns: the careful reader says so.
        assert!(read_plain(bytes, None, None).is_none());
        assert!(read_plain(b"PK not a workbook", None, None).is_none());
    }

    #[test]
    fn number_formats_are_judged_cautiously() {
        let xml = r##"<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.0"/><numFmt numFmtId="165" formatCode="dd/mm/yy"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="3"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>"##;
        assert_eq!(styles(xml), Some(vec![true, true, false, true, false]));
    }
}
