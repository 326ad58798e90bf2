//! The projection as an Excel workbook for planners: the table on the first
//! sheet (every number at full precision, shown with the column's number
//! format), the parameters and the working on the second.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::file::ExportError;
use crate::model::explain::{Subject, explain};
use crate::model::{GrowthMethod, Lang, PreparedData, Projection, Rounding, Scenario};
use crate::table::{Column, Precision, for_each_row, kind_text, row_count};

/// Rows an Excel worksheet holds, the header row included.
pub const MAX_SHEET_ROWS: usize = 1_048_576;

/// Sheet names of the workbook: the projection and the parameters.
pub fn sheet_names(lang: Lang) -> [&'static str; 2] {
    [
        lang.pick("Proyeksi", "Projection"),
        lang.pick("Parameter", "Parameters"),
    ]
}

/// Column headings of the projection sheet, in the planner's language.
pub fn xlsx_headings(lang: Lang) -> Vec<String> {
    Column::ALL.iter().map(|c| c.sheet_heading(lang)).collect()
}

fn xlsx_err(e: XlsxError) -> ExportError {
    ExportError::Xlsx(e.to_string())
}

/// Writes the projection sheet.
fn projection_sheet(
    ws: &mut Worksheet,
    data: &PreparedData,
    proj: &Projection,
    lang: Lang,
) -> Result<(), XlsxError> {
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(0xEDEDED);
    let formats: Vec<Format> = Column::ALL
        .iter()
        .map(|c| Format::new().set_num_format(c.sheet_format()))
        .collect();
    for (c, h) in xlsx_headings(lang).iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &head)?;
    }
    let mut i = 0u32;
    for_each_row(data, proj, |code, name, r| {
        i += 1;
        let row = i;
        for (j, (column, format)) in Column::ALL.iter().zip(&formats).enumerate() {
            let col = j as u16;
            match column {
                Column::RegionCode => ws.write_string(row, col, code)?,
                Column::RegionName => ws.write_string(row, col, name)?,
                Column::Kind => ws.write_string(row, col, kind_text(r.kind, lang))?,
                _ => match column.number(r, Precision::Full).filter(|v| v.is_finite()) {
                    Some(v) => ws.write_number_with_format(row, col, v, format)?,
                    None => continue,
                },
            };
        }
        Ok::<(), XlsxError>(())
    })?;
    ws.set_freeze_panes(1, 0)?;
    ws.set_row_height(0, 32)?;
    ws.set_column_width(0, 12)?;
    ws.set_column_width(1, 22)?;
    ws.set_column_width(2, 7)?;
    ws.set_column_width(3, 11)?;
    for c in 4..Column::ALL.len() as u16 {
        ws.set_column_width(c, 15)?;
    }
    Ok(())
}

/// A parameter value: a number or a text.
enum Value {
    Num(f64),
    Text(String),
}

/// Writes the parameters and the working (for the total).
fn parameter_sheet(
    ws: &mut Worksheet,
    scenario: &Scenario,
    data: &PreparedData,
    proj: &Projection,
    lang: Lang,
) -> Result<(), XlsxError> {
    let t = |id: &'static str, en: &'static str| lang.pick(id, en);
    let bold = Format::new().set_bold();
    let head = Format::new().set_bold().set_background_color(0xEDEDED);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let number = Format::new()
        .set_num_format("General")
        .set_align(FormatAlign::Left);
    let p = &scenario.params;
    let w = &p.working_time;
    let pop = &p.population;
    let minutes = t("menit", "minutes");
    let days = t("hari", "days");
    let mut rows: Vec<(String, Value, String)> = vec![
        (
            t("Skenario", "Scenario").into(),
            Value::Text(scenario.name.clone()),
            String::new(),
        ),
        (
            t("Catatan", "Notes").into(),
            Value::Text(scenario.notes.clone()),
            String::new(),
        ),
        (
            t("Standar pelayanan", "Service standard").into(),
            Value::Text(p.anc.name.clone()),
            String::new(),
        ),
    ];
    for v in &p.anc.visits {
        rows.push((
            format!(
                "{} {} ({} {})",
                t("Kunjungan", "Visit"),
                v.label,
                t("trimester", "trimester"),
                v.trimester
            ),
            Value::Num(v.minutes),
            if v.assumed {
                format!("{minutes} ({})", t("asumsi", "assumed"))
            } else {
                minutes.to_string()
            },
        ));
    }
    let num = |name: &str, v: f64, unit: &str| (name.to_string(), Value::Num(v), unit.to_string());
    rows.extend([
        num(
            t("Persiapan", "Preparation"),
            p.anc.prep_percent,
            t("% waktu kunjungan", "% of visit time"),
        ),
        num(
            t("Pencatatan dan pelaporan", "Recording and reporting"),
            p.anc.recording_percent,
            t("% waktu kunjungan", "% of visit time"),
        ),
        num(
            t("Hari kerja per minggu", "Working days per week"),
            w.days_per_week,
            days,
        ),
        num(
            t("Minggu per tahun", "Weeks per year"),
            w.weeks_per_year,
            t("minggu", "weeks"),
        ),
        num(
            t("B: cuti tahunan", "B: annual leave"),
            w.annual_leave,
            days,
        ),
        num(t("C: pelatihan", "C: training"), w.training_days, days),
        num(
            t("D: libur nasional", "D: public holidays"),
            w.public_holidays,
            days,
        ),
        num(
            t("E: ketidakhadiran lain", "E: other absence"),
            w.other_absence,
            days,
        ),
        num(
            t(
                "JKF: jam kerja formal per minggu",
                "JKF: formal working hours per week",
            ),
            w.formal_hours_per_week,
            t("jam", "hours"),
        ),
        num(
            t(
                "Allowance (waktu tidak bekerja)",
                "Allowance (time not working)",
            ),
            w.allowance_percent,
            "%",
        ),
        num(
            t(
                "Koefisien ibu hamil per kelahiran hidup",
                "Pregnant women per live birth (coefficient)",
            ),
            pop.coefficient,
            "",
        ),
        num(t("Tahun dasar", "Base year"), pop.base_year as f64, ""),
        num(
            t("Tahun akhir proyeksi", "Horizon year"),
            pop.horizon_year as f64,
            "",
        ),
    ]);
    rows.push((
        t("Metode pertumbuhan", "Growth method").into(),
        Value::Text(
            match pop.growth_method {
                GrowthMethod::MeanAnnual => t(
                    "rata-rata pertumbuhan tahunan data",
                    "mean annual growth of the data",
                ),
                GrowthMethod::Compound => t(
                    "pertumbuhan majemuk tahun pertama–terakhir",
                    "compound growth first to last year",
                ),
                GrowthMethod::Fixed => t("ditetapkan perencana", "set by the planner"),
            }
            .to_string(),
        ),
        String::new(),
    ));
    if pop.growth_method == GrowthMethod::Fixed {
        rows.push(num(
            t("Pertumbuhan per tahun", "Growth per year"),
            pop.fixed_growth_percent,
            "%",
        ));
    }
    rows.push((
        t("Pembulatan", "Rounding").into(),
        Value::Text(
            match p.rounding {
                Rounding::Exact => t(
                    "tepat (tanpa pembulatan antara)",
                    "exact (no intermediate rounding)",
                ),
                Rounding::Published => t("sesuai publikasi", "as published"),
            }
            .to_string(),
        ),
        String::new(),
    ));
    rows.push(num(
        t("Pertumbuhan yang dipakai (total)", "Growth used (total)"),
        proj.total_growth_used,
        "",
    ));
    rows.push(num(
        t(
            "%WKE bidan per ibu hamil",
            "Share of a midwife's year per pregnant woman",
        ),
        proj.capacity.share,
        "",
    ));

    ws.write_string_with_format(0, 0, t("Parameter", "Parameter"), &head)?;
    ws.write_string_with_format(0, 1, t("Nilai", "Value"), &head)?;
    ws.write_string_with_format(0, 2, t("Satuan", "Unit"), &head)?;
    ws.write_string_with_format(0, 3, "", &head)?;
    let mut row = 1u32;
    for (name, value, unit) in &rows {
        if let Value::Text(s) = value
            && s.trim().is_empty()
        {
            continue;
        }
        ws.write_string(row, 0, name)?;
        match value {
            Value::Num(v) => ws.write_number_with_format(row, 1, *v, &number)?,
            Value::Text(s) => ws.write_string(row, 1, s)?,
        };
        if !unit.is_empty() {
            ws.write_string(row, 2, unit)?;
        }
        row += 1;
    }

    row += 1;
    let subject = if data.regions() == 1 {
        data.label(0).to_string()
    } else {
        t("total semua wilayah", "total of all regions").to_string()
    };
    ws.write_string_with_format(
        row,
        0,
        format!("{} ({subject})", t("Langkah perhitungan", "The working")),
        &bold,
    )?;
    row += 1;
    for (c, h) in [
        t("Langkah", "Step"),
        t("Rumus", "Formula"),
        t("Perhitungan", "Working"),
        t("Catatan", "Note"),
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(row, c as u16, *h, &head)?;
    }
    row += 1;
    for (i, s) in explain(p, data, proj, Subject::Total, lang)
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(row, 0, format!("{}. {}", i + 1, s.title), &wrap)?;
        ws.write_string_with_format(row, 1, &s.formula, &wrap)?;
        ws.write_string_with_format(row, 2, &s.working, &wrap)?;
        if !s.note.is_empty() {
            ws.write_string_with_format(row, 3, &s.note, &wrap)?;
        }
        row += 1;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.set_column_width(0, 46)?;
    ws.set_column_width(1, 44)?;
    ws.set_column_width(2, 60)?;
    ws.set_column_width(3, 60)?;
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
    let rows = row_count(data, proj);
    if rows >= MAX_SHEET_ROWS {
        return Err(ExportError::Xlsx(format!(
            "the table has {rows} rows, more than an Excel sheet holds ({MAX_SHEET_ROWS}); export it as CSV, or one region at a time"
        )));
    }
    let [first, second] = sheet_names(lang);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(first).map_err(xlsx_err)?;
    projection_sheet(ws, data, proj, lang).map_err(xlsx_err)?;
    let ws = wb.add_worksheet();
    ws.set_name(second).map_err(xlsx_err)?;
    parameter_sheet(ws, scenario, data, proj, lang).map_err(xlsx_err)?;
    wb.save_to_buffer().map_err(xlsx_err)
}
