//! The results table as CSV: the one writer for the export (for Excel set to
//! Indonesian: Indonesian headings, numbers as the window shows them or at
//! full precision; or international, full precision) and for `compute
//! --format csv` (international, numbers as the rounding mode shows them).

use std::io::Write;

use crate::model::{Lang, PreparedData, Projection};
use crate::table::{Column, Precision, Selection, for_each_selected_row, kind_key, kind_text};

/// How a CSV file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvStyle {
    /// For Excel set to Indonesian: the workbook's Indonesian headings, `;`
    /// between fields, decimal comma (`5329480`, `2,21`), no thousands
    /// separators, UTF-8 with a byte order mark; numbers as a planner reads
    /// them (people whole, midwives to 2 decimals, rates as the window).
    #[default]
    Indonesian,
    /// As [`CsvStyle::Indonesian`], every number at full precision
    /// (`5329479,815`).
    IndonesianFull,
    /// For other programs: the column keys as headers, `,` between fields,
    /// decimal point, no byte order mark.
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

impl CsvStyle {
    /// The precision of an exported file in this style.
    pub fn precision(self, proj: &Projection) -> Precision {
        match self {
            CsvStyle::Indonesian => Precision::Reading(proj.rounding),
            CsvStyle::IndonesianFull | CsvStyle::International => Precision::Full,
        }
    }

    fn indonesian(self) -> bool {
        self != CsvStyle::International
    }
}

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
    let all = (Selection::All, crate::model::NeedSum::Fte);
    write_csv_of(out, data, proj, all, style, precision)
}

/// Writes the rows of `selection` as CSV (see [`write_csv`]); regions are
/// summed up the tree as the parameters' `need_sum` says (`rule`).
pub fn write_csv_of<W: Write>(
    out: W,
    data: &PreparedData,
    proj: &Projection,
    (selection, rule): (Selection, crate::model::NeedSum),
    style: CsvStyle,
    precision: Precision,
) -> std::io::Result<()> {
    let indonesian = style.indonesian();
    let delimiter = if indonesian { b';' } else { b',' };
    let mut out = std::io::BufWriter::new(out);
    if indonesian {
        out.write_all(BOM)?;
    }
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(out);
    if indonesian {
        w.write_record(Column::ALL.map(|c| c.sheet_heading(Lang::Id)))?;
    } else {
        w.write_record(CSV_COLUMNS)?;
    }
    let mut record: Vec<String> = Vec::with_capacity(CSV_COLUMNS.len());
    for_each_selected_row(data, proj, selection, rule, |code, name, r| {
        record.clear();
        record.extend(Column::ALL.iter().map(|c| match c {
            Column::RegionCode => code.to_string(),
            Column::RegionName => name.to_string(),
            Column::Year => r.year.to_string(),
            Column::Kind if indonesian => kind_text(r.kind, Lang::Id).to_string(),
            Column::Kind => kind_key(r.kind).to_string(),
            _ => match c.number(r, precision) {
                Some(v) if indonesian => v.to_string().replace('.', ","),
                Some(v) => v.to_string(),
                None => String::new(),
            },
        }));
        w.write_record(&record).map_err(std::io::Error::other)
    })?;
    w.flush()
}

/// The projection as CSV bytes at the style's precision (see [`write_csv`]).
pub fn table_csv(data: &PreparedData, proj: &Projection, style: CsvStyle) -> Vec<u8> {
    let mut out = Vec::new();
    write_csv(&mut out, data, proj, style, style.precision(proj))
        .expect("writing CSV into memory cannot fail");
    out
}
