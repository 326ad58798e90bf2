//! The projection chart: pregnant women above, midwives needed below, data
//! years as solid lines with points, projected years dashed; midwives
//! available where the data has them. Hover shows the year's values in the
//! planner's number format.

use egui::{Color32, Ui};
use egui_plot::{
    Corner, GridInput, GridMark, HoverPosition, Legend, Line, LineStyle, MarkerShape, Plot, Points,
};

use super::command::Command;
use super::view::View;
use crate::chart::{ChartPanel, ChartSpec, LineKind};
use crate::i18n::T;
use crate::model::Lang;
use crate::model::number::{fmt_fixed, fmt_trim};

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

fn color(c: [u8; 3]) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

impl PlotPanel {
    /// Draws the projection chart of what is shown (the same description
    /// the exports draw); it asks for nothing.
    pub fn ui(&mut self, ui: &mut Ui, view: &View) -> Vec<Command> {
        let spec = view.chart_spec();
        self.draw(ui, &spec);
        Vec::new()
    }

    /// Draws `spec`.
    fn draw(&mut self, ui: &mut Ui, spec: &ChartSpec) {
        let lang = spec.lang;
        let link = ui.scope_id().with("years");
        let panels = spec.panels.len().max(1) as f32;
        let height = ((ui.available_height() - 30.0) / panels).max(160.0);
        ui.label(egui::RichText::new(lang.t(T::plot_panel_solid_line_and_points_data)).small());
        for (i, panel) in spec.panels.iter().enumerate() {
            self.panel(ui, i, panel, &spec.x_title, height, link, lang);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn panel(
        &self,
        ui: &mut Ui,
        index: usize,
        panel: &ChartPanel,
        x_title: &str,
        height: f32,
        link: egui::Id,
        lang: Lang,
    ) {
        let year_name = x_title.to_string();
        let decimals = panel.decimals;
        Plot::new(("chart", index))
            .height(height)
            .legend(Legend::default().position(Corner::LeftBottom))
            .y_axis_min_width(86.0)
            .x_grid_spacer(year_marks)
            .link_axis(link, [true, false])
            .include_y(0.0)
            .allow_scroll(false)
            .x_axis_label(x_title)
            .y_axis_label(panel.y_title.as_str())
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
                for s in &panel.series {
                    let c = color(s.color);
                    match s.kind {
                        LineKind::Data | LineKind::Available => {
                            p.line(
                                Line::new(s.name.as_str(), s.points.clone())
                                    .color(c)
                                    .width(2.0),
                            );
                            p.points(
                                Points::new(s.name.as_str(), s.points.clone())
                                    .color(c)
                                    .radius(3.5)
                                    .shape(if s.kind == LineKind::Data {
                                        MarkerShape::Circle
                                    } else {
                                        MarkerShape::Square
                                    }),
                            );
                        }
                        LineKind::Projection => {
                            p.line(
                                Line::new(s.name.as_str(), s.points.clone())
                                    .color(c)
                                    .width(2.0)
                                    .style(LineStyle::dashed_loose()),
                            );
                        }
                        // Bars are drawn by `stacked_chart`.
                        LineKind::StackedBar => {}
                    }
                }
            });
    }
}
