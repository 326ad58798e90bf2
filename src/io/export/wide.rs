//! The results table in the wide layout, the way planners lay out years in
//! Excel: one row per region (the total first), and for each year a column
//! of pregnant women and one of midwives needed, with the midwives' gap
//! when the data give midwives. The columns' headings, units, formats and
//! values are those of [`crate::table`], with the year added.

use std::io::Write;

use crate::model::{Lang, PreparedData, Projection, YearRow};
use crate::table::{Column, Precision};

/// How the results table is laid out in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TableLayout {
    /// One row per region and year, every column (the default for CSV).
    #[default]
    Long,
    /// One row per region; per year pregnant women, midwives needed (and
    /// the gap where the data give midwives). The default for .xlsx.
    Wide,
}

impl TableLayout {
    /// The layout a file gets when none is asked for: wide for a workbook,
    /// long for CSV.
    pub fn default_for(path: &std::path::Path) -> Self {
        match super::file::extension(path).as_deref() {
            Some("xlsx") => TableLayout::Wide,
            _ => TableLayout::Long,
        }
    }
}

/// The values of each year in the wide layout.
pub fn year_columns(data: &PreparedData) -> Vec<Column> {
    let mut c = vec![Column::PregnantWomen, Column::MidwivesNeeded];
    if data.has_midwives {
        c.push(Column::Gap);
    }
    c
}

/// The headings of the wide layout: region code and name, then for every
/// year each of [`year_columns`] with its unit and the year.
pub fn headings(data: &PreparedData, proj: &Projection, lang: Lang) -> Vec<String> {
    let columns = year_columns(data);
    let mut h = vec![
        Column::RegionCode.sheet_heading(lang),
        Column::RegionName.sheet_heading(lang),
    ];
    for year in proj.years() {
        for c in &columns {
            h.push(format!("{} {year}", c.sheet_heading(lang)));
        }
    }
    h
}

/// The column keys of the wide layout for other programs:
/// `pregnant_women_2017`, `midwives_needed_2017`, …
pub fn keys(data: &PreparedData, proj: &Projection) -> Vec<String> {
    let columns = year_columns(data);
    let mut h = vec![
        Column::RegionCode.key().to_string(),
        Column::RegionName.key().to_string(),
    ];
    for year in proj.years() {
        for c in &columns {
            h.push(format!("{}_{year}", c.key()));
        }
    }
    h
}

/// Visits the rows of the wide layout: the total (code `TOTAL` when there
/// are several regions), then every region, each with its rows of every
/// year. One region's years are held at a time.
pub fn for_each_region<E>(
    data: &PreparedData,
    proj: &Projection,
    mut f: impl FnMut(&str, &str, &[YearRow]) -> Result<(), E>,
) -> Result<(), E> {
    let several = data.regions() > 1;
    let (tc, tn) = if several {
        ("TOTAL", "Total")
    } else {
        (data.codes[0].as_str(), data.names[0].as_str())
    };
    f(tc, tn, &proj.total)?;
    if several {
        let mut rows = Vec::with_capacity(proj.total.len());
        for r in 0..data.regions() {
            rows.clear();
            rows.extend(proj.years().map(|y| proj.region_row(data, r, y)));
            f(&data.codes[r], &data.names[r], &rows)?;
        }
    }
    Ok(())
}

/// Writes the wide layout as CSV: `;`, decimal comma and Indonesian
/// headings with a byte order mark when `indonesian`, else `,`, decimal
/// point and the keys; numbers as `precision` says.
pub fn write_wide_csv<W: Write>(
    out: W,
    data: &PreparedData,
    proj: &Projection,
    indonesian: bool,
    precision: Precision,
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    if indonesian {
        out.write_all(super::csv::BOM)?;
    }
    let mut w = csv::WriterBuilder::new()
        .delimiter(if indonesian { b';' } else { b',' })
        .from_writer(out);
    if indonesian {
        w.write_record(headings(data, proj, Lang::Id))?;
    } else {
        w.write_record(keys(data, proj))?;
    }
    let columns = year_columns(data);
    let cells = |w: &mut dyn FnMut(&[u8]) -> csv::Result<()>, rows: &[YearRow]| {
        let mut buf = zmij::Buffer::new();
        let mut text = Vec::new();
        for r in rows {
            for c in &columns {
                match c.number(r, precision).filter(|v| v.is_finite()) {
                    Some(v) => {
                        let s = super::csv::number_text(&mut buf, v);
                        w(super::csv::decimal_mark(&mut text, &s, indonesian))?;
                    }
                    None => w(b"")?,
                }
            }
        }
        Ok::<(), csv::Error>(())
    };
    // The total first, then every region on whichever core is free.
    let several = data.regions() > 1;
    let (tc, tn) = if several {
        ("TOTAL", "Total")
    } else {
        (data.codes[0].as_str(), data.names[0].as_str())
    };
    w.write_field(tc)?;
    w.write_field(tn)?;
    cells(&mut |f| w.write_field(f), &proj.total)?;
    w.write_record(None::<&[u8]>)?;
    w.flush()?;
    if !several {
        return Ok(());
    }
    let mut out = w
        .into_inner()
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    let delimiter = if indonesian { b';' } else { b',' };
    super::csv::in_parallel(&mut out, data.regions(), delimiter, |w, reg| {
        let rows: Vec<YearRow> = proj
            .years()
            .map(|y| proj.region_row(data, reg, y))
            .collect();
        w.write_field(&data.codes[reg])?;
        w.write_field(&data.names[reg])?;
        cells(&mut |f| w.write_field(f), &rows)?;
        w.write_record(None::<&[u8]>)?;
        Ok(())
    })?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::super::csv::number_text;

    #[test]
    fn numbers_are_written_as_rust_writes_them() {
        let mut buf = zmij::Buffer::new();
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut values = vec![0.0, 1.0, 5_329_480.0, 0.0021, 1e21, 1e-7, -6.908, 1e15];
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = f64::from_bits(x);
            if v.is_finite() {
                values.push(v);
            }
            values.push((x % 100_000_000) as f64 / 1000.0);
        }
        // The same text as Rust's, or (in a rare last digit) another text
        // as short that reads back as the same number.
        for v in values {
            let text = number_text(&mut buf, v).into_owned();
            let rust = v.to_string();
            assert_eq!(text.parse::<f64>().unwrap().to_bits(), v.to_bits(), "{v:e}");
            assert_eq!(text.len(), rust.len(), "{v:e}");
            if v.abs() < 1e9 {
                assert_eq!(text, rust);
            }
        }
    }
}
