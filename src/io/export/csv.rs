//! The results table as CSV: the one writer for the export (Indonesian or
//! international conventions, full precision) and for `compute --format csv`
//! (international, numbers as the rounding mode shows them).

use std::io::Write;

use crate::model::{PreparedData, Projection};
use crate::table::{Column, Precision, for_each_row, kind_key};

/// How a CSV file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvStyle {
    /// For Excel set to Indonesian: `;` between fields, decimal comma
    /// (`5329479,82`), no thousands separators, UTF-8 with a byte order
    /// mark.
    #[default]
    Indonesian,
    /// For other programs: `,` between fields, decimal point, no byte order
    /// mark.
    International,
}

/// The CSV header: the key of every column of [`Column::ALL`], the same in
/// the export and `compute --format csv`.
pub const CSV_COLUMNS: [&str; 15] = {
    let mut keys = [""; 15];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = Column::ALL[i].key();
        i += 1;
    }
    keys
};

/// The UTF-8 byte order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Writes the projection as CSV to `out`: the total first (region code
/// `TOTAL` when there are several regions), then every region. Numbers are
/// written as `precision` says, as the shortest text that reads back as the
/// same number.
pub fn write_csv<W: Write>(
    out: W,
    data: &PreparedData,
    proj: &Projection,
    style: CsvStyle,
    precision: Precision,
) -> std::io::Result<()> {
    let (delimiter, comma) = match style {
        CsvStyle::Indonesian => (b';', true),
        CsvStyle::International => (b',', false),
    };
    let mut out = std::io::BufWriter::new(out);
    if style == CsvStyle::Indonesian {
        out.write_all(BOM)?;
    }
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(out);
    w.write_record(CSV_COLUMNS)?;
    let mut record: Vec<String> = Vec::with_capacity(CSV_COLUMNS.len());
    for_each_row(data, proj, |code, name, r| {
        record.clear();
        record.extend(Column::ALL.iter().map(|c| match c {
            Column::RegionCode => code.to_string(),
            Column::RegionName => name.to_string(),
            Column::Year => r.year.to_string(),
            Column::Kind => kind_key(r.kind).to_string(),
            _ => match c.number(r, precision) {
                Some(v) if comma => v.to_string().replace('.', ","),
                Some(v) => v.to_string(),
                None => String::new(),
            },
        }));
        w.write_record(&record).map_err(std::io::Error::other)
    })?;
    w.flush()
}

/// The projection as CSV bytes at full precision (see [`write_csv`]).
pub fn table_csv(data: &PreparedData, proj: &Projection, style: CsvStyle) -> Vec<u8> {
    let mut out = Vec::new();
    write_csv(&mut out, data, proj, style, Precision::Full)
        .expect("writing CSV into memory cannot fail");
    out
}
