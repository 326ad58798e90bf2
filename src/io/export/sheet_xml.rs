//! Worksheet rows as SpreadsheetML text, cell by cell, written the way
//! rust_xlsxwriter writes them (the same styles, inline strings, escapes
//! and shortest round-trip numbers), so that rows made here and rows made
//! by rust_xlsxwriter read back the same.
//!
//! A cell's reference (`r="AB12"`) is written only where the cell does not
//! follow the one before it in its row (after a cell left empty). The
//! reference is optional (ECMA-376 Part 1, §18.3.1.4): a cell without one
//! is the next cell of its row, which is how Excel, LibreOffice and
//! calamine read it. Left out, it is a quarter less text to compress in a
//! national table.

use std::borrow::Cow;

/// The column letters of column `col` (0-based): A, …, Z, AA, …
pub fn column_name(col: u16) -> String {
    let mut n = col as u32 + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

/// `text` escaped for a cell: XML's `&`, `<` and `>`, control characters
/// as Excel's `_xHHHH_`, and a literal `_xHHHH_` guarded as `_x005F_xHHHH_`.
pub fn escape(text: &str) -> Cow<'_, str> {
    let needs = text
        .bytes()
        .any(|b| matches!(b, b'&' | b'<' | b'>') || (b < 0x20 && b != b'\t' && b != b'\n'))
        || text.contains("_x");
    if !needs {
        return Cow::Borrowed(text);
    }
    let guarded = guard_escapes(text);
    let mut out = String::with_capacity(guarded.len() + 16);
    for ch in guarded.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\t' | '\n' => out.push(ch),
            c if (c as u32) < 0x20 => out.push_str(&format!("_x{:04X}_", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A literal `_xHHHH_` in the text would read back as the character it
/// names; Excel writes it as `_x005F_xHHHH_`.
fn guard_escapes(text: &str) -> Cow<'_, str> {
    if !text.contains("_x") {
        return Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    for (i, _) in text.rmatch_indices("_x") {
        let code = text.get(i + 2..i + 6);
        let closed = text.get(i + 6..i + 7) == Some("_");
        if closed && code.is_some_and(|c| c.chars().all(|c| c.is_ascii_hexdigit())) {
            out.insert_str(i, "_x005F");
        }
    }
    Cow::Owned(out)
}

/// A text prepared once for many cells (a region's code and name repeat
/// in every year's row).
pub struct CellText {
    escaped: String,
    preserve: bool,
}

impl CellText {
    pub fn new(text: &str) -> Self {
        let ws = ['\t', '\n', ' '];
        CellText {
            escaped: escape(text).into_owned(),
            preserve: text.starts_with(ws) || text.ends_with(ws),
        }
    }
}

/// Rows of a worksheet being written into a buffer.
pub struct RowWriter<'a> {
    pub out: Vec<u8>,
    /// Column letters, by column.
    columns: &'a [String],
    /// ` s="N"` of each column's cells, or nothing for the default style.
    styles: &'a [String],
    row: itoa::Buffer,
    row_text: String,
    /// The column a cell without a reference would be read into.
    next_col: usize,
    number: zmij::Buffer,
}

impl<'a> RowWriter<'a> {
    pub fn new(columns: &'a [String], styles: &'a [String], capacity: usize) -> Self {
        Self::with_buffer(columns, styles, Vec::with_capacity(capacity))
    }

    /// A writer that appends to `out` (a buffer used again).
    pub fn with_buffer(columns: &'a [String], styles: &'a [String], out: Vec<u8>) -> Self {
        RowWriter {
            out,
            columns,
            styles,
            row: itoa::Buffer::new(),
            row_text: String::new(),
            next_col: 0,
            number: zmij::Buffer::new(),
        }
    }

    /// Starts row `row` (1-based, as in the file).
    pub fn start(&mut self, row: u32) {
        self.row_text.clear();
        self.row_text.push_str(self.row.format(row));
        self.out.extend_from_slice(b"<row r=\"");
        self.out.extend_from_slice(self.row_text.as_bytes());
        self.out.extend_from_slice(b"\">");
        self.next_col = 0;
    }

    pub fn end(&mut self) {
        self.out.extend_from_slice(b"</row>");
    }

    fn open(&mut self, col: usize) {
        if col == self.next_col {
            self.out.extend_from_slice(b"<c");
        } else {
            self.out.extend_from_slice(b"<c r=\"");
            self.out.extend_from_slice(self.columns[col].as_bytes());
            self.out.extend_from_slice(self.row_text.as_bytes());
            self.out.push(b'"');
        }
        self.next_col = col + 1;
        self.out.extend_from_slice(self.styles[col].as_bytes());
    }

    /// A number cell; a number that is not finite is left out, as
    /// rust_xlsxwriter's callers here leave it out.
    pub fn number(&mut self, col: usize, v: f64) {
        if !v.is_finite() {
            return;
        }
        self.open(col);
        self.out.extend_from_slice(b"><v>");
        let text = self.number.format_finite(v);
        self.out.extend_from_slice(text.as_bytes());
        self.out.extend_from_slice(b"</v></c>");
    }

    /// An inline string cell.
    pub fn text(&mut self, col: usize, text: &CellText) {
        self.open(col);
        self.out.extend_from_slice(b" t=\"inlineStr\"><is><t");
        if text.preserve {
            self.out.extend_from_slice(b" xml:space=\"preserve\"");
        }
        self.out.push(b'>');
        self.out.extend_from_slice(text.escaped.as_bytes());
        self.out.extend_from_slice(b"</t></is></c>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        let names: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702, 16_383]
            .map(column_name)
            .to_vec();
        assert_eq!(
            names,
            ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA", "XFD"]
        );
    }

    #[test]
    fn escapes_markup_control_characters_and_literal_escapes() {
        assert_eq!(escape("Desa Suka Maju"), "Desa Suka Maju");
        assert_eq!(escape("RB <Budi> & Ibu"), "RB &lt;Budi&gt; &amp; Ibu");
        assert_eq!(escape("a\u{1}b\tc"), "a_x0001_b\tc");
        assert_eq!(escape("kode_x0041_"), "kode_x005F_x0041_");
        assert_eq!(escape("x_xyz_"), "x_xyz_");
    }

    #[test]
    fn a_row_of_a_text_and_numbers() {
        let columns = vec![column_name(0), column_name(1), column_name(2)];
        let styles = vec![String::new(), " s=\"2\"".to_string(), String::new()];
        let mut w = RowWriter::new(&columns, &styles, 0);
        w.start(12);
        w.text(0, &CellText::new(" Koto Lolo"));
        w.number(1, 5_329_480.0);
        w.number(2, f64::NAN);
        w.number(2, 0.21);
        w.end();
        // The next row: its second cell left empty, so the third names
        // its place.
        w.start(13);
        w.number(0, 1.5);
        w.number(1, f64::INFINITY);
        w.number(2, 2.0);
        w.end();
        assert_eq!(
            String::from_utf8(w.out).unwrap(),
            "<row r=\"12\"><c t=\"inlineStr\"><is><t xml:space=\"preserve\"> Koto Lolo</t></is></c>\
             <c s=\"2\"><v>5329480.0</v></c><c><v>0.21</v></c></row>\
             <row r=\"13\"><c><v>1.5</v></c><c r=\"C13\"><v>2.0</v></c></row>"
        );
    }
}
