//! The projection as a table file: CSV for other programs (Indonesian or
//! international conventions) and an Excel workbook for planners, with the
//! parameters and the working on a second sheet.
//!
//! Numbers are written at full precision, never rounded for display, so a
//! file read back gives the model's values exactly.

use std::io::Write;
use std::path::Path;

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::chart_export::{ExportError, extension, write_file};
use crate::model::explain::{Subject, explain};
use crate::model::{
    GrowthMethod, Lang, PreparedData, Projection, Rounding, Scenario, YearKind, YearRow,
};

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

/// The CSV columns: the same as `compute --format csv`. The names stay in
/// English snake_case in both styles, so any program (and the importer) can
/// map them.
pub const CSV_COLUMNS: [&str; 15] = [
    "region_code",
    "region_name",
    "year",
    "kind",
    "population",
    "cbr",
    "births",
    "pregnant_women",
    "growth",
    "projected_pregnant_women",
    "fit_difference_percent",
    "midwives_needed",
    "midwives_available",
    "gap",
    "ratio",
];

/// The UTF-8 byte order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Visits the rows of the table in order: the total (code `TOTAL` when
/// there are several regions), then every region when there are several.
/// Rows are made one at a time, so a national village table is never held
/// whole in memory.
fn for_each_row<E>(
    data: &PreparedData,
    proj: &Projection,
    mut f: impl FnMut(&str, &str, &YearRow) -> Result<(), E>,
) -> Result<(), E> {
    let several = data.regions() > 1;
    let (tc, tn) = if several {
        ("TOTAL", "Total")
    } else {
        (data.codes[0].as_str(), data.names[0].as_str())
    };
    for r in &proj.total {
        f(tc, tn, r)?;
    }
    if several {
        for reg in 0..data.regions() {
            for year in proj.years() {
                f(
                    &data.codes[reg],
                    &data.names[reg],
                    &proj.region_row(data, reg, year),
                )?;
            }
        }
    }
    Ok(())
}

/// Rows an Excel worksheet holds, the header row included.
pub const MAX_SHEET_ROWS: usize = 1_048_576;

/// Number of rows of the table.
fn row_count(data: &PreparedData, proj: &Projection) -> usize {
    let years = proj.total.len();
    if data.regions() > 1 {
        years * (data.regions() + 1)
    } else {
        years
    }
}

/// The numbers of a row, in the order of `CSV_COLUMNS` from `population`.
fn numbers(r: &YearRow) -> [Option<f64>; 11] {
    [
        r.population,
        r.cbr,
        r.births,
        Some(r.pregnant_women),
        r.growth,
        Some(r.projected_pregnant_women),
        r.fit_difference_percent,
        Some(r.midwives_needed),
        r.midwives_available,
        r.gap,
        r.ratio,
    ]
}

fn kind_key(k: YearKind) -> &'static str {
    match k {
        YearKind::Data => "data",
        YearKind::Projection => "projection",
    }
}

/// Writes the projection as CSV to `out`, at full precision (the
/// shortest text that reads back as the same number).
pub fn write_table_csv<W: Write>(
    out: W,
    data: &PreparedData,
    proj: &Projection,
    style: CsvStyle,
) -> std::io::Result<()> {
    let (delimiter, comma) = match style {
        CsvStyle::Indonesian => (b';', true),
        CsvStyle::International => (b',', false),
    };
    let mut out = out;
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
        record.extend([code.to_string(), name.to_string(), r.year.to_string()]);
        record.push(kind_key(r.kind).to_string());
        record.extend(numbers(r).into_iter().map(|x| match x {
            Some(v) if comma => v.to_string().replace('.', ","),
            Some(v) => v.to_string(),
            None => String::new(),
        }));
        w.write_record(&record).map_err(std::io::Error::other)
    })?;
    w.flush()
}

/// The projection as CSV bytes (see [`write_table_csv`]).
pub fn table_csv(data: &PreparedData, proj: &Projection, style: CsvStyle) -> Vec<u8> {
    let mut out = Vec::new();
    write_table_csv(&mut out, data, proj, style).expect("writing CSV into memory cannot fail");
    out
}

/// Sheet names of the workbook: the projection and the parameters.
pub fn sheet_names(lang: Lang) -> [&'static str; 2] {
    [
        lang.pick("Proyeksi", "Projection"),
        lang.pick("Parameter", "Parameters"),
    ]
}

/// Column headings of the projection sheet, in the planner's language.
pub fn xlsx_headings(lang: Lang) -> [&'static str; 15] {
    match lang {
        Lang::Id => [
            "Kode wilayah",
            "Wilayah",
            "Tahun",
            "Jenis",
            "Penduduk",
            "CBR (per 1.000)",
            "Kelahiran hidup",
            "Ibu hamil",
            "Pertumbuhan g",
            "Proyeksi ibu hamil",
            "Selisih proyeksi thd data (%)",
            "Kebutuhan bidan (FTE)",
            "Bidan tersedia (FTE)",
            "Selisih bidan (FTE)",
            "Rasio tersedia/kebutuhan",
        ],
        Lang::En => [
            "Region code",
            "Region",
            "Year",
            "Kind",
            "Population",
            "CBR (per 1,000)",
            "Live births",
            "Pregnant women",
            "Growth g",
            "Projected pregnant women",
            "Projection vs data (%)",
            "Midwives needed (FTE)",
            "Midwives available (FTE)",
            "Midwife gap (FTE)",
            "Ratio available/needed",
        ],
    }
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
    let year = Format::new().set_num_format("0");
    let people = Format::new().set_num_format("#,##0");
    let cbr = Format::new().set_num_format("0.00");
    let growth = Format::new().set_num_format("0.0000");
    let percent = Format::new().set_num_format("0.00");
    let fte = Format::new().set_num_format("#,##0.0");
    let ratio = Format::new().set_num_format("0.00");
    // Formats of the numeric columns, in the order of `numbers`.
    let formats = [
        &people, &cbr, &people, &people, &growth, &people, &percent, &fte, &fte, &fte, &ratio,
    ];
    for (c, h) in xlsx_headings(lang).iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &head)?;
    }
    let mut i = 0u32;
    for_each_row(data, proj, |code, name, r| {
        i += 1;
        let row = i;
        ws.write_string(row, 0, code)?;
        ws.write_string(row, 1, name)?;
        ws.write_number_with_format(row, 2, r.year, &year)?;
        ws.write_string(
            row,
            3,
            match r.kind {
                YearKind::Data => "data",
                YearKind::Projection => lang.pick("proyeksi", "projection"),
            },
        )?;
        for (j, (v, f)) in numbers(r).iter().zip(formats).enumerate() {
            if let Some(v) = v.filter(|v| v.is_finite()) {
                ws.write_number_with_format(row, 4 + j as u16, v, f)?;
            }
        }
        Ok::<(), XlsxError>(())
    })?;
    ws.set_freeze_panes(1, 0)?;
    ws.set_row_height(0, 32)?;
    ws.set_column_width(0, 12)?;
    ws.set_column_width(1, 22)?;
    ws.set_column_width(2, 7)?;
    ws.set_column_width(3, 11)?;
    for c in 4..15u16 {
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
                other => other.label(lang),
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

/// Saves the table as CSV (in `style`) or Excel, by the extension of `path`
/// (case-insensitive). The file is written atomically.
pub fn save_table(
    path: &Path,
    scenario: &Scenario,
    data: &PreparedData,
    proj: &Projection,
    lang: Lang,
    style: CsvStyle,
) -> Result<(), ExportError> {
    match extension(path).as_deref() {
        // Streamed into the file: a national table is not held in memory.
        Some("csv") => crate::io::scenario_file::write_atomic_with(path, |w| {
            write_table_csv(w, data, proj, style)
        })
        .map_err(|e| ExportError::Write {
            path: path.to_path_buf(),
            source: std::io::Error::other(e.to_string()),
        }),
        Some("xlsx") => write_file(path, &table_xlsx(scenario, data, proj, lang)?),
        _ => Err(ExportError::UnknownExtension {
            path: path.to_path_buf(),
            expected: ".csv or .xlsx",
        }),
    }
}
