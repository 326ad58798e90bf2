//! The description of a chart, shared by the window (egui_plot) and the
//! exports (PNG/SVG drawn with plotters), so both show the same series,
//! names, colours and styles: the projection chart, and the workload chart
//! (midwives needed by activity per year, stacked bars), and the supply
//! chart (midwives available beside need, the gap shaded; in [`supply`]).
//! The province map (shapes, matching, choropleth classes) is in [`map`],
//! drawn to pixels in [`map_pixels`].

pub mod bands;
pub mod map;
pub mod map_pixels;
pub mod supply;

use crate::i18n::T;
use crate::model::compare::{Comparison, Figures};
use crate::model::staffing::{Method, StaffingResult};
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
    /// Filled bars, one a year, stacked on the bars of the `StackedBar`
    /// series before it in the same panel.
    StackedBar,
    /// Suspect data years: a ring around the data point, no line.
    Suspect,
    /// A filled area, drawn translucent without outline: the points are a
    /// list of triangles (every three points one triangle).
    Shade,
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
/// The ring around a suspect data year.
pub const COLOR_SUSPECT: [u8; 3] = [230, 120, 0];

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
            name: format!("{name} ({})", lang.t(T::chart_projection)),
            color,
            kind: LineKind::Projection,
            points: projection,
        });
    }
    out
}

/// Rings the data points of `years` (suspect data years) in both panels of
/// a projection chart, as one more series named in the legend.
pub fn mark_suspect_years(spec: &mut ChartSpec, rows: &[YearRow], years: &[i32], lang: Lang) {
    if years.is_empty() {
        return;
    }
    let values: [fn(&YearRow) -> f64; 2] = [|r| r.pregnant_women, |r| r.midwives_needed];
    for (panel, value) in spec.panels.iter_mut().zip(values) {
        let points: Vec<[f64; 2]> = rows
            .iter()
            .filter(|r| r.kind == YearKind::Data && years.contains(&r.year))
            .map(|r| [r.year as f64, value(r)])
            .collect();
        if !points.is_empty() {
            panel.series.push(ChartSeries {
                name: lang.t(T::chart_suspect_years).to_string(),
                color: COLOR_SUSPECT,
                kind: LineKind::Suspect,
                points,
            });
        }
    }
}

/// The footer of a chart of the scenario's figures: the scenario, the
/// rounding mode, the date and the program.
pub fn rounding_footer(scenario_name: &str, rounding: Rounding, date: &str, lang: Lang) -> String {
    let mode = match rounding {
        Rounding::Exact => lang.t(T::chart_exact),
        Rounding::Published => lang.t(T::chart_as_published),
    };
    format!(
        "{scenario_name} · {}: {mode} · {date} · Proyeksi Bidan",
        lang.t(T::chart_rounding)
    )
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
    let t = |k: T| lang.t(k);
    let mut need = split_series(
        rows,
        t(T::chart_midwives_needed),
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
            name: t(T::chart_midwives_available).to_string(),
            color: COLOR_AVAILABLE,
            kind: LineKind::Available,
            points: available,
        });
    }
    ChartSpec {
        title: format!(
            "{} — {subject}",
            t(T::chart_projected_midwife_needs_for_antenatal)
        ),
        x_title: t(T::chart_year).to_string(),
        panels: vec![
            ChartPanel {
                y_title: t(T::chart_pregnant_women_people).to_string(),
                decimals: 0,
                series: split_series(
                    rows,
                    t(T::chart_pregnant_women),
                    COLOR_PREGNANT,
                    |r| r.pregnant_women,
                    lang,
                ),
            },
            ChartPanel {
                y_title: t(T::chart_midwives_fte).to_string(),
                decimals: 1,
                series: need,
            },
        ],
        footer: rounding_footer(scenario_name, rounding, date, lang),
        lang,
    }
}

/// The colours of the workload chart's activities, in the table's order
/// (repeated after ten).
pub const ACTIVITY_COLORS: [[u8; 3]; 10] = [
    [31, 119, 180],
    [255, 127, 14],
    [44, 160, 44],
    [214, 39, 40],
    [148, 103, 189],
    [140, 86, 75],
    [227, 119, 194],
    [127, 127, 127],
    [188, 189, 34],
    [23, 190, 207],
];

/// Width of a bar of the workload chart, in years.
pub const BAR_WIDTH: f64 = 0.7;

/// The legend entry of the `index`-th activity (from 0): its number in the
/// table and its name, cut after 28 characters.
pub fn activity_legend(index: usize, name: &str) -> String {
    let short: String = name.chars().take(28).collect();
    let short = if short.len() < name.len() {
        format!("{short}…")
    } else {
        short
    };
    format!("{}. {short}", index + 1)
}

/// The title of the workload chart.
pub fn workload_heading(lang: Lang) -> &'static str {
    lang.t(T::chart_midwives_required_per_year_by)
}

/// The workload chart: midwives needed per year by activity, one stacked
/// bar series per activity in the table's order, from the staffing of every
/// year (`by_year`, as [`WorkloadSetup::staffing_by_year`] gives it). `subject` (the
/// total or a region) is added to the title when not empty.
pub fn workload_chart(
    by_year: &[(i32, StaffingResult)],
    subject: &str,
    scenario_name: &str,
    date: &str,
    lang: Lang,
) -> ChartSpec {
    let t = |k: T| lang.t(k);
    let activities = by_year.first().map_or(0, |(_, r)| r.activities.len());
    let series = (0..activities)
        .map(|i| ChartSeries {
            name: activity_legend(i, &by_year[0].1.activities[i].name),
            color: ACTIVITY_COLORS[i % ACTIVITY_COLORS.len()],
            kind: LineKind::StackedBar,
            points: by_year
                .iter()
                .map(|(year, r)| {
                    [
                        *year as f64,
                        r.activities.get(i).map_or(0.0, |a| a.contribution),
                    ]
                })
                .collect(),
        })
        .collect();
    let heading = workload_heading(lang);
    let method = match by_year.first().map(|(_, r)| r.method) {
        Some(Method::Abk) => "ABK-Kes (Kemenkes)",
        _ => "WISN (WHO)",
    };
    ChartSpec {
        title: if subject.is_empty() {
            heading.to_string()
        } else {
            format!("{heading} — {subject}")
        },
        x_title: t(T::chart_year).to_string(),
        panels: vec![ChartPanel {
            y_title: t(T::chart_midwives).to_string(),
            decimals: 2,
            series,
        }],
        footer: format!(
            "{scenario_name} · {}: {method} · {date} · Proyeksi Bidan",
            t(T::chart_method)
        ),
        lang,
    }
}

/// The top of every year's stack of a panel's `StackedBar` series, by year.
pub fn stack_totals(panel: &ChartPanel) -> Vec<[f64; 2]> {
    let mut totals: Vec<[f64; 2]> = Vec::new();
    for s in panel
        .series
        .iter()
        .filter(|s| s.kind == LineKind::StackedBar)
    {
        for p in &s.points {
            match totals.iter_mut().find(|t| t[0] == p[0]) {
                Some(t) => t[1] += p[1],
                None => totals.push(*p),
            }
        }
    }
    totals
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

/// The colours of compared scenarios A, B, C and D.
pub const SCENARIO_COLORS: [[u8; 3]; 4] = [
    [214, 39, 40],
    [31, 119, 180],
    [44, 160, 44],
    [148, 103, 189],
];

/// The legend entry of the `i`-th scenario compared: its letter and its
/// name, a variant of A as `A · NAME=VALUE`, long names cut after 48
/// characters.
pub fn scenario_legend(c: &Comparison, i: usize) -> String {
    let letter = (b'A' + i as u8) as char;
    let name = &c.scenarios[i].name;
    let first = &c.scenarios[0].name;
    let shown = match name.strip_prefix(first.as_str()) {
        Some(rest) if i > 0 && rest.starts_with(" · ") => format!("A{rest}"),
        _ => name.clone(),
    };
    let short: String = shown.chars().take(48).collect();
    if short.len() < shown.len() {
        format!("{letter}: {short}…")
    } else {
        format!("{letter}: {short}")
    }
}

/// Scenarios compared on one chart: midwives needed above, pregnant women
/// below, one line per scenario named by its letter and name.
pub fn compare_chart(c: &Comparison, subject: &str, date: &str, lang: Lang) -> ChartSpec {
    let t = |k: T| lang.t(k);
    let panel = |y_title: T, decimals, value: fn(&Figures) -> f64| ChartPanel {
        y_title: t(y_title).to_string(),
        decimals,
        series: c
            .scenarios
            .iter()
            .enumerate()
            .map(|(i, s)| ChartSeries {
                name: scenario_legend(c, i),
                color: SCENARIO_COLORS[i % SCENARIO_COLORS.len()],
                kind: LineKind::Data,
                points: s
                    .years
                    .iter()
                    .map(|y| [y.year as f64, value(&y.figures)])
                    .collect(),
            })
            .collect(),
    };
    ChartSpec {
        title: lang.tf(T::compare_title, &[("subject", &subject)]),
        x_title: t(T::chart_year).to_string(),
        // The midwives needed first: what the scenarios are compared for.
        panels: vec![
            panel(T::chart_midwives_fte, 1, |f| f.midwives_needed),
            panel(T::chart_pregnant_women_people, 0, |f| f.pregnant_women),
        ],
        footer: format!("{date} · Proyeksi Bidan"),
        lang,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::staffing::{PlannedActivity, WorkloadSetup};
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

    /// Case A of the workload tests, recorded volumes, AWT 100.000 min:
    /// S1 50 min × 3.000 → 1,5; S2 25 × 1.000 → 0,25; Σ 1,75;
    /// CAS 6% + 4% → CAF 1/0,9; allowance 1,75 × 0,1111… = 0,19444… shared
    /// 6 : 4 → 0,11667 and 0,07778; IAF 2.000 × 1 × 2 / 100.000 = 0,04;
    /// required 1,98444… every year.
    fn case_a() -> WorkloadSetup {
        use crate::model::staffing::{Activity, ActivityKind, AvailableChoice, VolumeRule};
        let row = |name: &str, kind, minutes, units, staff| PlannedActivity {
            activity: Activity::new(name, kind, minutes, units, staff),
            rule: VolumeRule::Recorded,
            source: String::new(),
        };
        WorkloadSetup {
            preset: None,
            edited: true,
            plan: vec![
                row("S1", ActivityKind::Service, 50.0, 3000.0, 0.0),
                row("S2", ActivityKind::Service, 25.0, 1000.0, 0.0),
                row("Meetings", ActivityKind::Support, 500.0, 12.0, 0.0),
                row("Reports", ActivityKind::Support, 4000.0, 1.0, 0.0),
                row("Coordinator", ActivityKind::Individual, 2000.0, 1.0, 2.0),
            ],
            available: AvailableChoice::Minutes(100_000.0),
            ..WorkloadSetup::default()
        }
    }

    #[test]
    fn the_workload_chart_stacks_each_activitys_part() {
        let s = Scenario::example();
        let (_, p) = model::compute(&s).unwrap();
        let by_year = case_a()
            .staffing_by_year(&s.params, &p.total, Lang::En)
            .unwrap();
        let c = workload_chart(&by_year, "", "x", "2026-11-25", Lang::En);
        assert_eq!(c.title, "Midwives required per year by activity (stacked)");
        assert_eq!(c.panels.len(), 1);
        let series = &c.panels[0].series;
        let names: Vec<&str> = series.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "1. S1",
                "2. S2",
                "3. Meetings",
                "4. Reports",
                "5. Coordinator"
            ]
        );
        assert!(series.iter().all(|s| s.kind == LineKind::StackedBar));
        assert_eq!(series[1].color, ACTIVITY_COLORS[1]);
        let years = p.total.len();
        assert_eq!(years, 19); // 2017 to 2035
        let expected = [1.5, 0.25, 1.75 * 0.6 / 9.0, 1.75 * 0.4 / 9.0, 0.04];
        for (s, want) in series.iter().zip(expected) {
            assert_eq!(s.points.len(), years);
            assert_eq!(s.points[0][0], 2017.0);
            assert!(s.points.iter().all(|p| (p[1] - want).abs() < 1e-12));
        }
        let totals = stack_totals(&c.panels[0]);
        assert_eq!(totals.len(), years);
        for ((t, (year, r)), row) in totals.iter().zip(&by_year).zip(&p.total) {
            assert_eq!(t[0], *year as f64);
            assert_eq!(*year, row.year);
            assert!((t[1] - 1.984_444_444_444).abs() < 1e-9);
            assert!((t[1] - r.required).abs() < 1e-12);
        }
        assert!(c.footer.contains("WISN") && c.footer.contains("2026-11-25"));
    }

    #[test]
    fn the_paper_preset_stacks_to_the_midwives_needed() {
        // The default set-up: the paper's ANC package, WISN, exact, with
        // the scenario's WKE; its one bar is the projection's need.
        let s = Scenario::example();
        let (_, p) = model::compute(&s).unwrap();
        let by_year = WorkloadSetup::default()
            .staffing_by_year(&s.params, &p.total, Lang::Id)
            .unwrap();
        let c = workload_chart(&by_year, "Indonesia", "x", "d", Lang::Id);
        assert!(c.title.ends_with("(bertumpuk) — Indonesia"));
        let series = &c.panels[0].series;
        assert_eq!(series.len(), 1);
        assert_eq!(series[0].name, "1. Paket pelayanan antenatal (A…");
        for (pt, row) in series[0].points.iter().zip(&p.total) {
            assert!((pt[1] - row.midwives_needed).abs() < 1e-6 * row.midwives_needed);
        }
        // 2017: 11.187,9 midwives.
        assert!((series[0].points[0][1] - 11_187.9).abs() < 0.05);
    }

    #[test]
    fn long_activity_names_are_cut_in_the_legend() {
        assert_eq!(activity_legend(0, "ANC"), "1. ANC");
        let name = "Kunjungan nifas KF1–KF4 di rumah ibu";
        assert_eq!(
            activity_legend(9, name),
            "10. Kunjungan nifas KF1–KF4 di r…"
        );
        assert_eq!(
            activity_legend(1, &"é".repeat(28)),
            format!("2. {}", "é".repeat(28))
        );
    }

    #[test]
    fn suspect_years_are_ringed_in_both_panels() {
        let mut s = crate::model::Scenario::example();
        s.data[2].cbr = 25.0.into();
        let (_, p) = crate::model::compute(&s).unwrap();
        let mut spec = projection_chart(&p.total, "Indonesia", "x", p.rounding, "d", Lang::Id);
        mark_suspect_years(&mut spec, &p.total, &[2019, 2020], Lang::Id);
        for (panel, value) in spec
            .panels
            .iter()
            .zip([p.total[2].pregnant_women, p.total[2].midwives_needed])
        {
            let ring = panel.series.last().unwrap();
            assert_eq!(ring.kind, LineKind::Suspect);
            assert_eq!(ring.name, "Tahun data yang diragukan");
            assert_eq!(ring.points.len(), 2);
            assert_eq!(ring.points[0], [2019.0, value]);
        }
        // No suspect year: nothing added.
        let before = spec.panels[0].series.len();
        mark_suspect_years(&mut spec, &p.total, &[], Lang::Id);
        assert_eq!(spec.panels[0].series.len(), before);
    }
}
