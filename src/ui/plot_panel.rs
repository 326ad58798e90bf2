//! The projection chart: pregnant women above, midwives needed below, data
//! years as solid lines with points, projected years dashed; midwives
//! available where the data has them. Under each chart a legend shows the
//! same line samples (solid with a point, dashed, solid with a square).
//! Hover shows the year's values in the planner's number format.

use egui::{Color32, Ui};
use egui_plot::{
    GridInput, GridMark, HoverPosition, Line, LineStyle, MarkerShape, Plot, Points, Polygon,
};

use super::command::Command;
use super::view::View;
use crate::chart::{ChartPanel, ChartSpec, LineKind};
use crate::i18n::T;
use crate::model::Lang;
use crate::model::number::{fmt_fixed, fmt_trim};

/// Half the width of a year's label on the axis, with a little room, in
/// points.
const YEAR_LABEL_HALF: f32 = 24.0;

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

/// Draws a chart description with egui_plot. Each user keeps its own plot
/// memory (zoom, hover), named by `id_salt`.
pub struct PlotPanel {
    id_salt: &'static str,
}

impl Default for PlotPanel {
    fn default() -> Self {
        PlotPanel::named("chart")
    }
}

/// How opaque a shaded area is drawn.
const SHADE_ALPHA: f32 = 0.28;

fn color(c: [u8; 3]) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

impl PlotPanel {
    /// A chart whose plot memory is kept under `id_salt`.
    pub fn named(id_salt: &'static str) -> Self {
        PlotPanel { id_salt }
    }

    /// Draws the projection chart of what is shown (the same description
    /// the exports draw); it asks for nothing.
    pub fn ui(&mut self, ui: &mut Ui, view: &View) -> Vec<Command> {
        let spec = view.chart_spec();
        self.draw(ui, &spec);
        Vec::new()
    }

    /// Draws `spec`, with its own plot memory (zoom, hover) under the
    /// caller's id.
    pub fn draw(&mut self, ui: &mut Ui, spec: &ChartSpec) {
        let lang = spec.lang;
        let link = ui.scope_id().with("years");
        let panels = spec.panels.len().max(1) as f32;
        // Room under each chart for its legend.
        let height = ((ui.available_height() - 30.0) / panels - 26.0).max(160.0);
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
        // Room past the first and last years for half a year's label, so
        // that a narrow chart does not cut "2030" to "203".
        let side = (YEAR_LABEL_HALF / ui.available_width().max(1.0)).clamp(0.05, 0.25);
        Plot::new((self.id_salt, index))
            .height(height)
            .set_margin_fraction(egui::vec2(side, 0.05))
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
                        LineKind::Suspect => {
                            p.points(
                                Points::new(s.name.as_str(), s.points.clone())
                                    .color(c)
                                    .radius(7.0)
                                    .filled(false)
                                    .shape(MarkerShape::Circle),
                            );
                        }
                        LineKind::Shade => {
                            let fill = c.gamma_multiply(SHADE_ALPHA);
                            for t in s.points.chunks_exact(3) {
                                p.polygon(
                                    Polygon::new(s.name.as_str(), t.to_vec())
                                        .fill_color(fill)
                                        .stroke(egui::Stroke::NONE),
                                );
                            }
                        }
                        // Bars are drawn by `stacked_chart`.
                        LineKind::StackedBar => {}
                    }
                }
            });
        legend(ui, panel);
    }
}

/// The legend under a chart: for each series its line sample, as the
/// exported picture draws it, and its name.
fn legend(ui: &mut Ui, panel: &ChartPanel) {
    ui.horizontal_wrapped(|ui| {
        for s in &panel.series {
            if s.kind == LineKind::StackedBar {
                continue;
            }
            let (rect, _) = ui.allocate_exact_size(egui::vec2(30.0, 12.0), egui::Sense::hover());
            let c = color(s.color);
            let stroke = egui::Stroke::new(2.0, c);
            let (a, b) = (rect.left_center(), rect.right_center());
            let painter = ui.painter();
            match s.kind {
                LineKind::Projection => {
                    painter.extend(egui::Shape::dashed_line(&[a, b], stroke, 5.0, 3.0));
                }
                LineKind::Data => {
                    painter.line_segment([a, b], stroke);
                    painter.circle_filled(rect.center(), 3.5, c);
                }
                LineKind::Suspect => {
                    painter.circle_stroke(rect.center(), 5.5, stroke);
                }
                LineKind::Shade => {
                    painter.rect_filled(
                        rect.shrink2(egui::vec2(0.0, 1.0)),
                        0.0,
                        c.gamma_multiply(SHADE_ALPHA),
                    );
                }
                _ => {
                    painter.line_segment([a, b], stroke);
                    let square = egui::Rect::from_center_size(rect.center(), egui::vec2(7.0, 7.0));
                    painter.rect_filled(square, 0.0, c);
                }
            }
            ui.label(egui::RichText::new(s.name.as_str()).small());
            ui.add_space(8.0);
        }
    });
}
