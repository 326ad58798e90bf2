//! The projection chart: pregnant women above, midwives needed below, data
//! years as solid lines with points, projected years dashed; midwives
//! available where the data has them. Hover shows the year's values in the
//! planner's number format.

use egui::{Color32, Ui};
use egui_plot::{
    Corner, GridInput, GridMark, HoverPosition, Legend, Line, LineStyle, MarkerShape, Plot, Points,
};

use crate::model::number::{fmt_fixed, fmt_trim};
use crate::model::{Lang, YearKind, YearRow};

pub const COLOR_PREGNANT: Color32 = Color32::from_rgb(31, 119, 180);
pub const COLOR_NEED: Color32 = Color32::from_rgb(214, 39, 40);
pub const COLOR_AVAILABLE: Color32 = Color32::from_rgb(44, 160, 44);

/// The series of one chart, shared by the window and the exports.
pub struct Series {
    pub name: String,
    /// (year, value) of the data years.
    pub data: Vec<[f64; 2]>,
    /// (year, value) from the last data year through the horizon.
    pub projection: Vec<[f64; 2]>,
}

/// Splits `value` of the rows into data and projected parts.
pub fn series(rows: &[YearRow], name: &str, value: impl Fn(&YearRow) -> f64) -> Series {
    let data: Vec<[f64; 2]> = rows
        .iter()
        .filter(|r| r.kind == YearKind::Data)
        .map(|r| [r.year as f64, value(r)])
        .collect();
    let mut projection: Vec<[f64; 2]> = Vec::new();
    if let Some(last) = data.last() {
        projection.push(*last);
    }
    projection.extend(
        rows.iter()
            .filter(|r| r.kind == YearKind::Projection)
            .map(|r| [r.year as f64, value(r)]),
    );
    if projection.len() < 2 {
        projection.clear();
    }
    Series {
        name: name.to_string(),
        data,
        projection,
    }
}

/// Grid lines on whole years, stronger every five years.
fn year_marks(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    if !(hi - lo).is_finite() || hi - lo > 500.0 {
        return Vec::new();
    }
    (lo.ceil() as i64..=hi.floor() as i64)
        .map(|y| GridMark {
            value: y as f64,
            step_size: if y % 5 == 0 { 5.0 } else { 1.0 },
        })
        .collect()
}

#[derive(Default)]
pub struct PlotPanel;

impl PlotPanel {
    pub fn ui(&mut self, ui: &mut Ui, rows: &[YearRow], lang: Lang) {
        let t = |id: &'static str, en: &'static str| lang.pick(id, en);
        let pregnant = series(rows, t("Ibu hamil", "Pregnant women"), |r| r.pregnant_women);
        let need = series(rows, t("Kebutuhan bidan", "Midwives needed"), |r| {
            r.midwives_needed
        });
        let available: Vec<[f64; 2]> = rows
            .iter()
            .filter_map(|r| r.midwives_available.map(|a| [r.year as f64, a]))
            .collect();
        let link = ui.scope_id().with("years");
        let height = (ui.available_height() - 40.0).max(200.0) / 2.0;
        ui.label(
            egui::RichText::new(t(
                "Garis utuh dan titik: data; garis putus-putus: proyeksi.",
                "Solid line and points: data; dashed line: projection.",
            ))
            .small(),
        );
        self.chart(
            ui,
            "chart_pregnant",
            t("Jumlah ibu hamil (jiwa)", "Pregnant women (people)"),
            &pregnant,
            &[],
            COLOR_PREGNANT,
            height,
            link,
            lang,
            0,
        );
        let avail_name = t("Bidan tersedia", "Midwives available");
        self.chart(
            ui,
            "chart_need",
            t("Bidan (FTE)", "Midwives (FTE)"),
            &need,
            &[(avail_name, &available)],
            COLOR_NEED,
            height,
            link,
            lang,
            1,
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn chart(
        &self,
        ui: &mut Ui,
        id: &str,
        y_title: &str,
        s: &Series,
        extra: &[(&str, &Vec<[f64; 2]>)],
        color: Color32,
        height: f32,
        link: egui::Id,
        lang: Lang,
        decimals: usize,
    ) {
        let year_name = lang.pick("Tahun", "Year");
        Plot::new(id)
            .height(height)
            .legend(Legend::default().position(Corner::LeftBottom))
            .y_axis_min_width(86.0)
            .x_grid_spacer(year_marks)
            .link_axis(link, [true, false])
            .include_y(0.0)
            .allow_scroll(false)
            .x_axis_label(year_name)
            .y_axis_label(y_title)
            .x_axis_formatter(|mark: GridMark, r: &std::ops::RangeInclusive<f64>| {
                let y = mark.value.round() as i64;
                let every = if r.end() - r.start() > 15.0 { 5 } else { 1 };
                if (mark.value - mark.value.round()).abs() < 1e-6 && y % every == 0 {
                    y.to_string()
                } else {
                    String::new()
                }
            })
            .y_axis_formatter(move |mark: GridMark, _r: &std::ops::RangeInclusive<f64>| {
                fmt_trim(mark.value, 2, lang)
            })
            .label_formatter(move |pos: &HoverPosition<'_>| match pos {
                HoverPosition::NearDataPoint {
                    plot_name,
                    position,
                    ..
                } => Some(format!(
                    "{plot_name}\n{year_name} {}: {}",
                    position.x.round() as i64,
                    fmt_fixed(position.y, decimals, lang)
                )),
                HoverPosition::Elsewhere { .. } => None,
            })
            .show(ui, |p| {
                p.line(
                    Line::new(format!("{} (data)", s.name), s.data.clone())
                        .color(color)
                        .width(2.0),
                );
                p.points(
                    Points::new(format!("{} (data)", s.name), s.data.clone())
                        .color(color)
                        .radius(3.5)
                        .shape(MarkerShape::Circle),
                );
                if !s.projection.is_empty() {
                    p.line(
                        Line::new(
                            format!("{} ({})", s.name, lang.pick("proyeksi", "projection")),
                            s.projection.clone(),
                        )
                        .color(color)
                        .width(2.0)
                        .style(LineStyle::dashed_loose()),
                    );
                }
                for (name, pts) in extra {
                    if !pts.is_empty() {
                        p.line(
                            Line::new(*name, (*pts).clone())
                                .color(COLOR_AVAILABLE)
                                .width(2.0),
                        );
                        p.points(
                            Points::new(*name, (*pts).clone())
                                .color(COLOR_AVAILABLE)
                                .radius(3.5)
                                .shape(MarkerShape::Square),
                        );
                    }
                }
            });
    }
}
