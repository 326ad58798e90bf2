//! The description of a projection chart, shared by the window (egui_plot)
//! and the exports (PNG/SVG drawn with plotters), so both show the same
//! series, names, colours and styles.

use crate::model::explain::Fmt;
use crate::model::{Lang, Rounding, YearKind, YearRow};

/// How a series is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Data years: solid line with round markers.
    Data,
    /// Projected years: dashed line, no markers.
    Projection,
    /// Midwives available: solid line with square markers.
    Available,
}

/// One line of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSeries {
    pub name: String,
    /// RGB colour.
    pub color: [u8; 3],
    pub kind: LineKind,
    /// (year, value) points.
    pub points: Vec<[f64; 2]>,
}

/// One panel (its own y axis) of a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartPanel {
    pub y_title: String,
    /// Decimals shown for this panel's values (0 for people, 1 for FTE).
    pub decimals: usize,
    pub series: Vec<ChartSeries>,
}

/// A whole chart: title, panels sharing the year axis, and a footer.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    pub title: String,
    pub x_title: String,
    pub panels: Vec<ChartPanel>,
    /// Scenario name, rounding mode and date, for exported charts.
    pub footer: String,
    pub lang: Lang,
}

pub const COLOR_PREGNANT: [u8; 3] = [31, 119, 180];
pub const COLOR_NEED: [u8; 3] = [214, 39, 40];
pub const COLOR_AVAILABLE: [u8; 3] = [44, 160, 44];

/// The data part and the projected part of one value of the rows; the
/// projected part starts at the last data year so the lines join.
pub fn split_series(
    rows: &[YearRow],
    name: &str,
    color: [u8; 3],
    value: impl Fn(&YearRow) -> f64,
    lang: Lang,
) -> Vec<ChartSeries> {
    let data: Vec<[f64; 2]> = rows
        .iter()
        .filter(|r| r.kind == YearKind::Data)
        .map(|r| [r.year as f64, value(r)])
        .collect();
    let mut projection: Vec<[f64; 2]> = data.last().copied().into_iter().collect();
    projection.extend(
        rows.iter()
            .filter(|r| r.kind == YearKind::Projection)
            .map(|r| [r.year as f64, value(r)]),
    );
    let mut out = vec![ChartSeries {
        name: format!("{name} (data)"),
        color,
        kind: LineKind::Data,
        points: data,
    }];
    if projection.len() >= 2 {
        out.push(ChartSeries {
            name: format!("{name} ({})", lang.pick("proyeksi", "projection")),
            color,
            kind: LineKind::Projection,
            points: projection,
        });
    }
    out
}

/// The projection chart of `rows` (the total or one region): pregnant women
/// above, midwives needed (and available, where given) below.
pub fn projection_chart(
    rows: &[YearRow],
    subject: &str,
    scenario_name: &str,
    rounding: Rounding,
    date: &str,
    lang: Lang,
) -> ChartSpec {
    let t = |id: &'static str, en: &'static str| lang.pick(id, en);
    let mut need = split_series(
        rows,
        t("Kebutuhan bidan", "Midwives needed"),
        COLOR_NEED,
        |r| r.midwives_needed,
        lang,
    );
    let available: Vec<[f64; 2]> = rows
        .iter()
        .filter_map(|r| r.midwives_available.map(|a| [r.year as f64, a]))
        .collect();
    if !available.is_empty() {
        need.push(ChartSeries {
            name: t("Bidan tersedia", "Midwives available").to_string(),
            color: COLOR_AVAILABLE,
            kind: LineKind::Available,
            points: available,
        });
    }
    let mode = match rounding {
        Rounding::Exact => t("tepat", "exact"),
        Rounding::Published => t("sesuai publikasi", "as published"),
    };
    let _ = Fmt::new(lang, rounding);
    ChartSpec {
        title: format!(
            "{} — {subject}",
            t(
                "Proyeksi kebutuhan bidan untuk pelayanan antenatal",
                "Projected midwife needs for antenatal care"
            )
        ),
        x_title: t("Tahun", "Year").to_string(),
        panels: vec![
            ChartPanel {
                y_title: t("Jumlah ibu hamil (jiwa)", "Pregnant women (people)").to_string(),
                decimals: 0,
                series: split_series(
                    rows,
                    t("Ibu hamil", "Pregnant women"),
                    COLOR_PREGNANT,
                    |r| r.pregnant_women,
                    lang,
                ),
            },
            ChartPanel {
                y_title: t("Bidan (FTE)", "Midwives (FTE)").to_string(),
                decimals: 1,
                series: need,
            },
        ],
        footer: format!(
            "{scenario_name} · {}: {mode} · {date} · Proyeksi Bidan",
            t("pembulatan", "rounding")
        ),
        lang,
    }
}

/// Today's date as YYYY-MM-DD (UTC), for chart footers.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    date_from_days((secs / 86_400) as i64)
}

/// The civil date of a count of days since 1970-01-01.
pub fn date_from_days(days: i64) -> String {
    // Howard Hinnant's algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{self, Scenario};

    #[test]
    fn dates_are_civil() {
        assert_eq!(date_from_days(0), "1970-01-01");
        assert_eq!(date_from_days(20_782), "2026-11-25");
        assert_eq!(date_from_days(11_016), "2000-02-29");
    }

    #[test]
    fn the_chart_splits_data_and_projection() {
        let (_, p) = model::compute(&Scenario::example()).unwrap();
        let c = projection_chart(
            &p.total,
            "Indonesia",
            "x",
            Rounding::Exact,
            "2026-11-25",
            Lang::Id,
        );
        assert_eq!(c.panels.len(), 2);
        let s = &c.panels[0].series;
        assert_eq!(s[0].kind, LineKind::Data);
        assert_eq!(s[0].points.len(), 4);
        assert_eq!(s[1].kind, LineKind::Projection);
        // 2020 (joining point) to 2035.
        assert_eq!(s[1].points.len(), 16);
        assert_eq!(s[1].points[0], s[0].points[3]);
        assert!(c.footer.contains("tepat") && c.footer.contains("2026-11-25"));
    }
}
