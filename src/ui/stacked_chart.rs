//! A stacked bar chart (the workload chart: midwives needed by activity per
//! year) drawn with egui_plot from its [`ChartSpec`], the description the
//! exports draw too. The legend, below the bars so that it covers none,
//! follows the activity table's order; hover shows the activity's full name
//! and the year's value.

use egui::{Color32, Ui};
use egui_plot::{Bar, BarChart, Plot};

use crate::chart::{BAR_WIDTH, ChartSpec, LineKind, stack_totals};
use crate::model::number::{fmt_fixed, fmt_trim};

/// Draws the title and the first panel of `spec`, its `StackedBar` series
/// stacked in order. `full_names` are the series' names for the hover
/// (the legend's may be cut short); missing ones fall back to the legend's.
pub fn show(ui: &mut Ui, id: &str, spec: &ChartSpec, full_names: &[String]) {
    let lang = spec.lang;
    ui.strong(&spec.title);
    let Some(panel) = spec.panels.first() else {
        return;
    };
    let decimals = panel.decimals;
    let year_name = spec.x_title.clone();
    let mut charts: Vec<BarChart> = Vec::new();
    let mut legend: Vec<(String, String, Color32)> = Vec::new();
    for (i, s) in panel
        .series
        .iter()
        .filter(|s| s.kind == LineKind::StackedBar)
        .enumerate()
    {
        let bars: Vec<Bar> = s
            .points
            .iter()
            .map(|p| Bar::new(p[0], p[1]).width(BAR_WIDTH))
            .collect();
        let label = full_names.get(i).unwrap_or(&s.name).clone();
        let year_name = year_name.clone();
        let [r, g, b] = s.color;
        legend.push((s.name.clone(), label.clone(), Color32::from_rgb(r, g, b)));
        let mut chart = BarChart::new(s.name.as_str(), bars)
            .color(Color32::from_rgb(r, g, b))
            .element_formatter(Box::new(move |bar: &Bar, _c: &BarChart| {
                format!(
                    "{label}\n{year_name} {}: {}",
                    bar.argument.round() as i64,
                    fmt_fixed(bar.value, decimals, lang)
                )
            }));
        if let Some(prev) = charts.last() {
            chart = chart.stack_on(&[prev]);
        }
        charts.push(chart);
    }
    let top = stack_totals(panel)
        .iter()
        .map(|t| t[1])
        .fold(0.0_f64, f64::max);
    Plot::new(id)
        .include_y(top * 1.1)
        .height(300.0)
        .include_y(0.0)
        .allow_scroll(false)
        .y_axis_min_width(70.0)
        .x_axis_label(spec.x_title.as_str())
        .y_axis_label(panel.y_title.as_str())
        .y_axis_formatter(move |mark, _r| fmt_trim(mark.value, 2, lang))
        .show(ui, |p| {
            for c in charts {
                p.bar_chart(c);
            }
        });
    legend_ui(ui, &legend);
}

/// The legend under the chart: a colour sample and the (numbered) name of
/// each series, the full name on hover.
fn legend_ui(ui: &mut Ui, legend: &[(String, String, Color32)]) {
    ui.horizontal_wrapped(|ui| {
        for (name, full, colour) in legend {
            ui.horizontal(|ui| {
                let size = egui::vec2(12.0, 12.0);
                let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
                ui.painter().rect_filled(rect, 2.0, *colour);
                let text = egui::RichText::new(name).small();
                let label = ui.label(text);
                if full != name {
                    label.on_hover_text(full);
                }
            });
        }
    });
}
