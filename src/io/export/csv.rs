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
    if matches!(selection, Selection::All) {
        // Every region: the total, then each region, written a chunk of
        // regions per core.
        let mut cells = Cells::new(indonesian, precision);
        let several = data.regions() > 1;
        let (tc, tn) = if several {
            ("TOTAL", "Total")
        } else {
            (data.codes[0].as_str(), data.names[0].as_str())
        };
        for r in &proj.total {
            cells.row(&mut w, tc, tn, r)?;
        }
        w.flush()?;
        if !several {
            return Ok(());
        }
        let mut out = w
            .into_inner()
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        in_parallel(&mut out, data.regions(), delimiter, |w, reg| {
            let mut cells = Cells::new(indonesian, precision);
            let (code, name) = (&data.codes[reg], &data.names[reg]);
            for year in proj.years() {
                cells.row(w, code, name, &proj.region_row(data, reg, year))?;
            }
            Ok(())
        })?;
        out.flush()
    } else {
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
}

/// Regions written together by one thread.
const CHUNK_REGIONS: usize = 256;
/// Chunks written at once, then put in the file in order (so that a
/// national table is never held whole in memory).
const CHUNKS_AT_ONCE: usize = 16;

/// Writes the CSV records of regions `0..regions` into `out` in order,
/// each chunk of regions on whichever core is free: `region` writes one
/// region's records.
pub(crate) fn in_parallel<W: Write>(
    out: &mut W,
    regions: usize,
    delimiter: u8,
    region: impl Fn(&mut csv::Writer<Vec<u8>>, usize) -> std::io::Result<()> + Sync,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    let chunks: Vec<std::ops::Range<usize>> = (0..regions)
        .step_by(CHUNK_REGIONS)
        .map(|s| s..(s + CHUNK_REGIONS).min(regions))
        .collect();
    for batch in chunks.chunks(CHUNKS_AT_ONCE) {
        let parts: Vec<std::io::Result<Vec<u8>>> = batch
            .par_iter()
            .map(|range| {
                let mut w = csv::WriterBuilder::new()
                    .delimiter(delimiter)
                    .from_writer(Vec::with_capacity(1 << 16));
                for reg in range.clone() {
                    region(&mut w, reg)?;
                }
                w.into_inner()
                    .map_err(|e| std::io::Error::other(e.to_string()))
            })
            .collect();
        for part in parts {
            out.write_all(&part?)?;
        }
    }
    Ok(())
}

/// Writes the cells of a long table's row, with its number buffers.
struct Cells {
    indonesian: bool,
    precision: Precision,
    buf: zmij::Buffer,
    text: Vec<u8>,
}

impl Cells {
    fn new(indonesian: bool, precision: Precision) -> Self {
        Cells {
            indonesian,
            precision,
            buf: zmij::Buffer::new(),
            text: Vec::new(),
        }
    }

    fn row<W: Write>(
        &mut self,
        w: &mut csv::Writer<W>,
        code: &str,
        name: &str,
        r: &crate::model::YearRow,
    ) -> std::io::Result<()> {
        let indonesian = self.indonesian;
        for c in Column::ALL {
            match c {
                Column::RegionCode => w.write_field(code)?,
                Column::RegionName => w.write_field(name)?,
                Column::Year => w.write_field(r.year.to_string())?,
                Column::Kind if indonesian => w.write_field(kind_text(r.kind, Lang::Id))?,
                Column::Kind => w.write_field(kind_key(r.kind))?,
                _ => match c.number(r, self.precision).filter(|v| v.is_finite()) {
                    Some(v) => {
                        let s = number_text(&mut self.buf, v);
                        w.write_field(decimal_mark(&mut self.text, &s, indonesian))?
                    }
                    None => w.write_field("")?,
                },
            }
        }
        w.write_record(None::<&[u8]>).map_err(std::io::Error::other)
    }
}

/// The shortest text that reads back as `v` (finite), written like Rust's
/// `Display` (`5329480`, `0.0021`, no exponent) by the quick formatter;
/// in a rare last digit another text as short that reads back alike.
pub(crate) fn number_text(buf: &mut zmij::Buffer, v: f64) -> std::borrow::Cow<'_, str> {
    let s = buf.format_finite(v);
    if s.contains(['e', 'E']) {
        return std::borrow::Cow::Owned(v.to_string());
    }
    std::borrow::Cow::Borrowed(s.strip_suffix(".0").unwrap_or(s))
}

/// `s` with a decimal comma when `comma`, in `out`.
pub(crate) fn decimal_mark<'a>(out: &'a mut Vec<u8>, s: &str, comma: bool) -> &'a [u8] {
    out.clear();
    out.extend(s.bytes().map(|b| if comma && b == b'.' { b',' } else { b }));
    out
}

/// The projection as CSV bytes at the style's precision (see [`write_csv`]).
pub fn table_csv(data: &PreparedData, proj: &Projection, style: CsvStyle) -> Vec<u8> {
    let mut out = Vec::new();
    write_csv(&mut out, data, proj, style, style.precision(proj))
        .expect("writing CSV into memory cannot fail");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Parameters, project, synthetic};

    /// Chunks written on several cores come out in the order of the rows:
    /// the total, then every region's years.
    #[test]
    fn regions_come_out_in_order_across_chunks() {
        let rows = synthetic::regions(3 * CHUNK_REGIONS + 7, 7);
        let data = PreparedData::new(&rows).unwrap();
        let proj = project(&Parameters::default(), &data).unwrap();
        let text = String::from_utf8(table_csv(&data, &proj, CsvStyle::International)).unwrap();
        let mut expected = vec![CSV_COLUMNS.join(",")];
        crate::table::for_each_row(&data, &proj, |code, _, r| {
            expected.push(format!("{code},{}", r.year));
            Ok::<(), ()>(())
        })
        .unwrap();
        let got: Vec<String> = text
            .lines()
            .map(|l| l.split(',').take(3).collect::<Vec<_>>())
            .map(|f| {
                if f[0] == "region_code" {
                    CSV_COLUMNS.join(",")
                } else {
                    format!("{},{}", f[0], f[2])
                }
            })
            .collect();
        assert_eq!(got, expected);
        assert_eq!(got.len(), 1 + (data.regions() + 1) * proj.total.len());
    }
}
