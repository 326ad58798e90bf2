//! The ranking of regions as files: the chart of the first regions as
//! horizontal bars (PNG or SVG), and the table of all of them as CSV (full
//! precision, for other programs) or as an Excel workbook (numbers as
//! numbers, headings in the planner's language).

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook};

use super::file::{ExportError, extension, write_file};
use super::frame::Frame;
use super::hbars::{HBar, HBars, save_hbars};
use crate::i18n::T;
use crate::model::number::fmt_fixed;
use crate::model::ranking::{RankBy, Ranking};
use crate::model::{Lang, PreparedData};

/// Regions drawn in the chart (the tables list all of them).
pub const CHART_REGIONS: usize = 20;

const RED: [u8; 3] = [214, 39, 40];
const GREEN: [u8; 3] = [44, 160, 44];
const BLUE: [u8; 3] = [31, 119, 180];

/// The value a region is ranked by and its colour: the gap (red when short),
/// the ratio (red under 1) or the need.
fn value(ranking: &Ranking, r: &crate::model::ranking::RankRow) -> (f64, [u8; 3]) {
    match (ranking.by_gap, ranking.by) {
        (true, RankBy::Gap) => {
            let g = r.gap.unwrap_or(f64::NAN);
            (g, if g < 0.0 { RED } else { GREEN })
        }
        (true, RankBy::Ratio) => {
            let x = r.ratio.unwrap_or(f64::NAN);
            (x, if x < 1.0 { RED } else { GREEN })
        }
        _ => (r.need, BLUE),
    }
}

/// The first [`CHART_REGIONS`] regions as bars of what they are ranked by,
/// with how many are short (or that the data lack the midwives in post).
pub fn ranking_chart(
    ranking: &Ranking,
    data: &PreparedData,
    subject: &str,
    footer: &str,
    lang: Lang,
) -> HBars {
    let x_title = match (ranking.by_gap, ranking.by) {
        (true, RankBy::Gap) => lang.t(T::ranking_panel_gap_axis),
        (true, RankBy::Ratio) => lang.t(T::ranking_panel_ratio_axis),
        _ => lang.t(T::ranking_panel_need_axis),
    };
    let subtitle = if ranking.by_gap {
        lang.tf(
            T::ranking_panel_shortfall,
            &[
                ("short", &ranking.short_regions),
                ("regions", &ranking.rows.len()),
                ("year", &ranking.year),
                ("shortfall", &fmt_fixed(ranking.total_shortfall, 2, lang)),
            ],
        )
    } else {
        lang.t(T::rank_needs_midwives).to_string()
    };
    let bars = ranking
        .rows
        .iter()
        .take(CHART_REGIONS)
        .map(|r| {
            let (v, color) = value(ranking, r);
            HBar {
                label: data.label(r.region).to_string(),
                spans: vec![(0.0, v, color)],
            }
        })
        .collect();
    let legend = if ranking.by_gap && ranking.by != RankBy::Need {
        vec![
            (lang.t(T::ranking_export_short).to_string(), RED),
            (lang.t(T::ranking_export_enough).to_string(), GREEN),
        ]
    } else {
        Vec::new()
    };
    HBars {
        frame: Frame {
            title: lang.tf(
                T::ranking_export_title,
                &[("year", &ranking.year), ("subject", &subject)],
            ),
            subtitle,
            legend,
            footer: footer.to_string(),
        },
        x_title: x_title.to_string(),
        base: 0.0,
        bars,
        lang,
    }
}

/// Saves the ranking chart as PNG or SVG, by the extension of `path`.
pub fn save_ranking_chart(
    path: &Path,
    chart: &HBars,
    width: u32,
    height: u32,
) -> Result<(), ExportError> {
    save_hbars(path, chart, width, height)
}

/// The ranking as CSV: one row per region, full precision, English keys.
pub fn write_ranking_csv(
    ranking: &Ranking,
    data: &PreparedData,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut w = ::csv::Writer::from_writer(&mut *out);
    w.write_record([
        "rank",
        "region_code",
        "region_name",
        "year",
        "midwives_needed",
        "midwives_available",
        "gap",
        "ratio",
        "need_per_1000_pregnant_women",
    ])
    .map_err(std::io::Error::other)?;
    let num = |x: Option<f64>| x.map_or(String::new(), |v| v.to_string());
    for (i, r) in ranking.rows.iter().enumerate() {
        w.write_record([
            (i + 1).to_string(),
            data.codes[r.region].clone(),
            data.names[r.region].clone(),
            ranking.year.to_string(),
            r.need.to_string(),
            num(r.available),
            num(r.gap),
            num(r.ratio),
            r.need_per_1000_women.to_string(),
        ])
        .map_err(std::io::Error::other)?;
    }
    w.flush()
}

/// The ranking as an Excel workbook: one sheet, headings in `lang`, the
/// figures as numbers with two decimals shown.
pub fn ranking_xlsx(
    ranking: &Ranking,
    data: &PreparedData,
    lang: Lang,
) -> Result<Vec<u8>, ExportError> {
    let err = |e: rust_xlsxwriter::XlsxError| ExportError::Xlsx(e.to_string());
    let t = |k: T| lang.t(k);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(t(T::app_ranking)).map_err(err)?;
    let bold = Format::new().set_bold();
    let two = Format::new().set_num_format("#,##0.00");
    let heads = [
        "#",
        t(T::ranking_export_code),
        t(T::table_region),
        t(T::table_year),
        t(T::supply_col_needed),
        t(T::supply_col_available),
        t(T::supply_col_gap),
        t(T::rank_col_ratio),
        t(T::rank_col_per_1000),
    ];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)
            .map_err(err)?;
    }
    for (i, r) in ranking.rows.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_number(row, 0, (i + 1) as f64).map_err(err)?;
        ws.write_string(row, 1, &data.codes[r.region])
            .map_err(err)?;
        ws.write_string(row, 2, &data.names[r.region])
            .map_err(err)?;
        ws.write_number(row, 3, f64::from(ranking.year))
            .map_err(err)?;
        let cells = [
            Some(r.need),
            r.available,
            r.gap,
            r.ratio,
            Some(r.need_per_1000_women),
        ];
        for (k, v) in cells.into_iter().enumerate() {
            if let Some(v) = v.filter(|v| v.is_finite()) {
                ws.write_number_with_format(row, 4 + k as u16, v, &two)
                    .map_err(err)?;
            }
        }
    }
    ws.set_freeze_panes(1, 0).map_err(err)?;
    ws.set_column_width(2, 32).map_err(err)?;
    wb.save_to_buffer().map_err(err)
}

/// Saves the ranking table as CSV or Excel, by the extension of `path`.
pub fn save_ranking_table(
    path: &Path,
    ranking: &Ranking,
    data: &PreparedData,
    lang: Lang,
) -> Result<(), ExportError> {
    match extension(path).as_deref() {
        Some("csv") => {
            let mut bytes = Vec::new();
            write_ranking_csv(ranking, data, &mut bytes).map_err(|e| ExportError::Write {
                path: path.to_path_buf(),
                source: e,
            })?;
            write_file(path, &bytes)
        }
        Some("xlsx") => write_file(path, &ranking_xlsx(ranking, data, lang)?),
        _ => Err(ExportError::UnknownExtension {
            path: path.to_path_buf(),
            expected: ".csv or .xlsx",
        }),
    }
}
