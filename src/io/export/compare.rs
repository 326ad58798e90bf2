//! The comparison of scenarios as a CSV file: one row per year and
//! scenario, full precision, each scenario's figures and its difference
//! from the first (scenario A).

use std::io::Write;

use rust_xlsxwriter::{Format, Workbook};

use super::file::ExportError;
use crate::i18n::T;
use crate::model::Lang;
use crate::model::compare::Comparison;

/// The letter naming the `i`-th compared scenario (A, B, C, D).
pub fn scenario_letter(i: usize) -> char {
    (b'A' + (i % 26) as u8) as char
}

/// One row per year and scenario, full precision, for other programs.
pub fn write_compare_csv(c: &Comparison, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(&mut *out);
    let head = [
        "year",
        "kind",
        "scenario",
        "scenario_name",
        "pregnant_women",
        "anc_visits",
        "workload_hours",
        "midwives_needed",
        "difference_pregnant_women",
        "difference_anc_visits",
        "difference_workload_hours",
        "difference_midwives_needed",
    ];
    w.write_record(head).map_err(std::io::Error::other)?;
    for year in c.years() {
        for (i, s) in c.scenarios.iter().enumerate() {
            let Some(y) = s.years.iter().find(|y| y.year == year) else {
                continue;
            };
            let (f, d) = (y.figures, y.difference);
            w.write_record([
                year.to_string(),
                crate::table::kind_key(y.kind).to_string(),
                scenario_letter(i).to_string(),
                s.name.clone(),
                f.pregnant_women.to_string(),
                f.anc_visits.to_string(),
                f.workload_hours.to_string(),
                f.midwives_needed.to_string(),
                d.pregnant_women.to_string(),
                d.anc_visits.to_string(),
                d.workload_hours.to_string(),
                d.midwives_needed.to_string(),
            ])
            .map_err(std::io::Error::other)?;
        }
    }
    w.flush()?;
    Ok(())
}

/// The comparison as an Excel workbook: one row per year, for each
/// scenario its midwives needed, then each one's difference from A; the
/// scenarios' letters and names above the table.
pub fn compare_xlsx(c: &Comparison, lang: Lang) -> Result<Vec<u8>, ExportError> {
    let err = |e: rust_xlsxwriter::XlsxError| ExportError::Xlsx(e.to_string());
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(lang.t(T::analysis_compare)).map_err(err)?;
    let bold = Format::new().set_bold();
    let two = Format::new().set_num_format("#,##0.00");
    let n = c.scenarios.len();
    for (i, s) in c.scenarios.iter().enumerate() {
        ws.write_string_with_format(i as u32, 0, scenario_letter(i).to_string(), &bold)
            .map_err(err)?;
        ws.write_string(i as u32, 1, &s.name).map_err(err)?;
    }
    let head = n as u32 + 1;
    ws.write_string_with_format(head, 0, lang.t(T::compare_measure_midwives), &bold)
        .map_err(err)?;
    let mut heads = vec![lang.t(T::table_year).to_string()];
    heads.extend((0..n).map(|i| scenario_letter(i).to_string()));
    heads.extend((1..n).map(|i| format!("{} − A", scenario_letter(i))));
    for (k, h) in heads.iter().enumerate() {
        ws.write_string_with_format(head + 1, k as u16, h, &bold)
            .map_err(err)?;
    }
    let Some(first) = c.scenarios.first() else {
        return wb.save_to_buffer().map_err(err);
    };
    for (k, y) in first.years.iter().enumerate() {
        let row = head + 2 + k as u32;
        ws.write_number(row, 0, f64::from(y.year)).map_err(err)?;
        for (i, s) in c.scenarios.iter().enumerate() {
            if let Some(y) = s.years.get(k) {
                ws.write_number_with_format(row, 1 + i as u16, y.figures.midwives_needed, &two)
                    .map_err(err)?;
                if i > 0 {
                    let col = (n + i) as u16;
                    ws.write_number_with_format(row, col, y.difference.midwives_needed, &two)
                        .map_err(err)?;
                }
            }
        }
    }
    ws.set_column_width(1, 44).map_err(err)?;
    wb.save_to_buffer().map_err(err)
}
