//! The Peringkat (ranking) tab: where the gap is worst. Every region of the
//! data for a chosen year, shortest of midwives first (or by ratio, or by
//! need), as a horizontal bar chart of the first regions and a table of all
//! of them, with how many are short and by how much in all.

use egui::{Color32, RichText, Ui};
use egui_extras::{Column, TableBuilder};
use egui_plot::{AxisHints, Bar, BarChart, GridInput, GridMark, Plot};

use super::command::Command;
use super::view::View;
use super::widgets;
use crate::i18n::T;
use crate::model::number::fmt_fixed;
use crate::model::ranking::{RankBy, Ranking};
use crate::model::{Lang, PreparedData};

/// Regions drawn in the bar chart (the table lists all of them).
pub const CHART_REGIONS: usize = 20;
/// Height of one bar of the ranking chart with its name, in points.
const BAR_POINTS: f32 = 20.0;
/// Height of the chart's horizontal axis and margins, in points.
const CHART_AXIS_POINTS: f32 = 60.0;

/// The ranking tab; the year and order are the window's, set by command.
#[derive(Default)]
pub struct RankingPanel {
    /// How many regions the chart showed last frame.
    chart_regions: usize,
}

impl RankingPanel {
    /// How many regions the chart showed, as last drawn: as many as have
    /// room for their names, at most [`CHART_REGIONS`].
    pub fn chart_regions(&self) -> usize {
        self.chart_regions
    }

    pub fn ui(&mut self, ui: &mut Ui, view: &View) -> Vec<Command> {
        let lang = view.lang;
        let t = |k: T| lang.t(k);
        let (Some(ranking), Some((data, proj))) = (&view.results.ranking, view.results.ok()) else {
            ui.spinner();
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut year = ranking.year;
        let mut by = ranking.by;
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(t(T::ranking_panel_year));
            egui::ComboBox::from_id_salt("ranking_year")
                .selected_text(year.to_string())
                .show_ui(ui, |ui| {
                    for y in proj.years() {
                        ui.selectable_value(&mut year, y, y.to_string());
                    }
                })
                .response
                .labelled_by(l.id);
            ui.add_space(12.0);
            ui.label(t(T::ranking_panel_by));
            let labels = [
                t(T::ranking_panel_by_gap),
                t(T::ranking_panel_by_ratio),
                t(T::ranking_panel_by_need),
            ];
            rank_by_radios(
                ui,
                &mut by,
                ranking.by_gap,
                labels,
                t(T::rank_needs_midwives),
            );
        });
        if year != ranking.year || by != ranking.by {
            out.push(Command::SetRanking { year, by });
        }
        if ranking.by_gap {
            ui.label(
                RichText::new(lang.tf(
                    T::ranking_panel_shortfall,
                    &[
                        ("short", &ranking.short_regions),
                        ("regions", &ranking.rows.len()),
                        ("year", &ranking.year),
                        ("shortfall", &fmt_fixed(ranking.total_shortfall, 2, lang)),
                    ],
                ))
                .strong(),
            );
        } else {
            ui.colored_label(ui.visuals().warn_fg_color, t(T::rank_needs_midwives));
        }
        let chart_height = (ui.available_height() * 0.5).max(200.0);
        // As many bars as have room for their region's name beside them.
        let fit = ((chart_height - CHART_AXIS_POINTS) / BAR_POINTS)
            .floor()
            .max(3.0) as usize;
        let shown = ranking.rows.len().min(CHART_REGIONS).min(fit);
        self.chart_regions = shown;
        if shown < ranking.rows.len() {
            ui.label(lang.tf(
                T::ranking_panel_chart_first,
                &[("shown", &shown), ("regions", &ranking.rows.len())],
            ));
        }
        ui.allocate_ui(egui::vec2(ui.available_width(), chart_height), |ui| {
            // Only the charted regions' names are made (a national table
            // has 84.000; the table below reads each row's as it is drawn).
            let labels: Vec<String> = ranking.rows[..shown]
                .iter()
                .map(|r| data.label(r.region).to_string())
                .collect();
            bar_chart(ui, ranking, &labels, lang);
        });
        ui.horizontal_wrapped(|ui| {
            use super::export_request::{ExportRequest, Format};
            for (format, label) in [
                (Format::Png, T::analysis_save_png),
                (Format::Svg, T::analysis_save_svg),
                (Format::Csv, T::analysis_save_csv),
                (Format::Xlsx, T::analysis_save_xlsx),
            ] {
                if ui.button(t(label)).clicked() {
                    out.push(Command::ExportTo(ExportRequest::Ranking(format)));
                }
            }
        });
        ui.separator();
        // A narrow window scrolls the table sideways rather than cutting a
        // number short.
        egui::ScrollArea::horizontal()
            .id_salt("ranking_hscroll")
            .show(ui, |ui| table(ui, ranking, data, lang));
        out
    }
}

/// The choice of what regions are ranked (or the map coloured) by. Without
/// midwives in the data, the gap and the ratio cannot be had: they are
/// greyed, saying why on hover, and the need shows as chosen, as it is what
/// is shown; the planner's choice comes back with data that have midwives.
pub(super) fn rank_by_radios(
    ui: &mut Ui,
    by: &mut RankBy,
    has_gap: bool,
    labels: [&str; 3],
    why_not: &str,
) {
    let shown = if has_gap { *by } else { RankBy::Need };
    for (value, label) in [RankBy::Gap, RankBy::Ratio, RankBy::Need]
        .into_iter()
        .zip(labels)
    {
        let enabled = has_gap || value == RankBy::Need;
        let radio = ui
            .add_enabled(enabled, egui::RadioButton::new(shown == value, label))
            .on_disabled_hover_text(why_not);
        if radio.clicked() {
            *by = value;
        }
    }
}

/// The first regions as horizontal bars of what they are ranked by: the gap
/// (red short, green above), the ratio (red under 1), or the need.
fn bar_chart(ui: &mut Ui, ranking: &Ranking, labels: &[String], lang: Lang) {
    let shown = labels.len();
    let bars: Vec<Bar> = ranking.rows[..shown]
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let red = Color32::from_rgb(214, 39, 40);
            let green = Color32::from_rgb(44, 160, 44);
            let blue = Color32::from_rgb(31, 119, 180);
            let (value, color) = match (ranking.by_gap, ranking.by) {
                (true, RankBy::Gap) => {
                    let g = r.gap.unwrap_or(0.0);
                    (g, if g < 0.0 { red } else { green })
                }
                (true, RankBy::Ratio) => {
                    let x = r.ratio.unwrap_or(0.0);
                    (x, if x < 1.0 { red } else { green })
                }
                _ => (r.need, blue),
            };
            Bar::new(-(i as f64), value)
                .width(0.7)
                .name(&labels[i])
                .fill(color)
        })
        .collect();
    let names: Vec<String> = labels[..shown].to_vec();
    // Room beyond the longest bars, so that the last number of the axis is
    // not cut at the chart's edge.
    let values = bars.iter().map(|b| b.value);
    let (low, high) = values.fold((0.0f64, 0.0f64), |(l, h), v| (l.min(v), h.max(v)));
    let title = match (ranking.by_gap, ranking.by) {
        (true, RankBy::Gap) => lang.t(T::ranking_panel_gap_axis),
        (true, RankBy::Ratio) => lang.t(T::ranking_panel_ratio_axis),
        _ => lang.t(T::ranking_panel_need_axis),
    };
    Plot::new("ranking_chart")
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .include_x(0.0)
        .include_x(low * 1.08)
        .include_x(high * 1.08)
        .custom_y_axes(vec![
            // A name shows where its bar has room for a line of text.
            AxisHints::new_y()
                .min_thickness(150.0)
                .label_spacing(10.0..=BAR_POINTS)
                .formatter(move |mark: GridMark, _| {
                    let i = -mark.value;
                    if (i - i.round()).abs() < 1e-6 && i >= 0.0 {
                        names.get(i.round() as usize).cloned().unwrap_or_default()
                    } else {
                        String::new()
                    }
                }),
        ])
        .y_grid_spacer(move |_| {
            (0..shown)
                .map(|i| egui_plot::GridMark {
                    value: -(i as f64),
                    step_size: 1.0,
                })
                .collect()
        })
        .x_grid_spacer(nice_marks)
        .custom_x_axes(vec![
            // Numbers closer together than egui_plot's default allows: a
            // narrow chart of small gaps then shows more than "0,0".
            AxisHints::new_x()
                .label(title)
                .label_spacing(44.0..=60.0)
                .formatter(move |mark: GridMark, _| {
                    // As many decimals as the step between numbers has.
                    let decimals = if mark.step_size >= 1.0 {
                        0
                    } else if mark.step_size >= 0.1 {
                        1
                    } else {
                        2
                    };
                    fmt_fixed(mark.value, decimals, lang)
                }),
        ])
        .show(ui, |p| {
            p.bar_chart(BarChart::new(title, bars).horizontal());
        });
}

/// Every region: rank, name, need, available, gap, ratio, need per 1.000.
fn table(ui: &mut Ui, ranking: &Ranking, data: &PreparedData, lang: Lang) {
    let t = |k: T| lang.t(k);
    let f = |x: f64| fmt_fixed(x, 2, lang);
    let heads = [
        "#",
        t(T::table_region),
        t(T::supply_col_needed),
        t(T::supply_col_available),
        t(T::supply_col_gap),
        t(T::rank_col_ratio),
        t(T::rank_col_per_1000),
    ];
    TableBuilder::new(ui)
        .id_salt("ranking_table")
        .striped(true)
        .column(Column::exact(40.0))
        .column(Column::remainder().at_least(120.0).clip(true))
        .columns(Column::exact(84.0), 5)
        .header(34.0, |mut h| {
            for head in heads {
                h.col(|ui| {
                    ui.add(egui::Label::new(RichText::new(head).strong()).wrap());
                });
            }
        })
        .body(|body| {
            body.rows(18.0, ranking.rows.len(), |mut row| {
                let i = row.index();
                let r = &ranking.rows[i];
                row.col(|ui| {
                    ui.label((i + 1).to_string());
                });
                row.col(|ui| {
                    ui.label(data.label(r.region));
                });
                let gap = r.gap;
                for v in [
                    Some(r.need),
                    r.available,
                    r.gap,
                    r.ratio,
                    Some(r.need_per_1000_women),
                ] {
                    row.col(|ui| {
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            let text = RichText::new(v.map_or("–".to_string(), f));
                            let short = v.is_some() && v == gap && gap.is_some_and(|g| g < 0.0);
                            let text = if short {
                                text.color(ui.visuals().error_fg_color)
                            } else {
                                text
                            };
                            widgets::cell_label(ui, text);
                        });
                    });
                }
            });
        });
}

/// Grid lines at steps of 1, 2 or 5 times a power of ten: fine ones as
/// close as egui_plot allows, and every few a labelled one far enough
/// apart for its number (egui_plot's own steps go by tens only, so a range
/// under one showed just "0").
fn nice_marks(input: GridInput) -> Vec<GridMark> {
    let nice = |x: f64| {
        let p = 10f64.powf(x.log10().floor());
        [1.0, 2.0, 5.0, 10.0]
            .into_iter()
            .map(|m| m * p)
            .find(|&s| s >= x)
            .unwrap_or(10.0 * p)
    };
    let base = input.base_step_size.abs();
    if !(base.is_finite() && base > 0.0) {
        return Vec::new();
    }
    let fine = nice(base);
    let labelled = nice(base * 6.0);
    let (low, high) = input.bounds;
    let first = (low / fine).ceil() as i64;
    let last = (high / fine).floor() as i64;
    if last < first || last - first > 10_000 {
        return Vec::new();
    }
    // A number right at the chart's edge would be cut in half: none within
    // about 24 points of it (egui_plot's base step is 8 points).
    let edge = base * 3.0;
    (first..=last)
        .map(|k| {
            let value = k as f64 * fine;
            let on_label = ((value / labelled).round() * labelled - value).abs() < fine * 1e-6
                && value >= low + edge
                && value <= high - edge;
            GridMark {
                value,
                step_size: if on_label { labelled } else { fine },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The labelled marks of a chart `points` wide showing `bounds` (the
    /// data, 8% more room, and egui_plot's 5% margins); egui_plot's base
    /// step is 8 points in data units.
    fn labelled(bounds: (f64, f64), points: f64) -> Vec<f64> {
        let marks = nice_marks(GridInput {
            bounds,
            base_step_size: 8.0 * (bounds.1 - bounds.0) / points,
        });
        let fine = marks.iter().map(|m| m.step_size).fold(f64::MAX, f64::min);
        marks
            .iter()
            .filter(|m| m.step_size > fine)
            .map(|m| (m.value * 100.0).round() / 100.0)
            .collect()
    }

    #[test]
    fn labelled_marks_step_by_one_two_or_five_and_keep_off_the_edges() {
        // Gaps from −0,31 to +0,54 on a chart 220 points wide.
        assert_eq!(labelled((-0.38, 0.63), 220.0), [0.0, 0.5]);
        // Needs to 1.950,78 on 650 points: every 200 from 0, and 2.200
        // (at the edge) unlabelled.
        assert_eq!(
            labelled((-105.0, 2_212.0), 650.0),
            [
                0.0, 200.0, 400.0, 600.0, 800.0, 1_000.0, 1_200.0, 1_400.0, 1_600.0, 1_800.0,
                2_000.0
            ]
        );
    }
}
