//! Which assumption matters: for the region shown and a chosen year, every
//! numeric parameter moved down and up (by a share, or across its plausible
//! range) and the midwives needed at each end, largest swing on top, drawn
//! as the exported tornado is, with the figures in a table below.

use egui::{Color32, RichText, Ui};
use egui_extras::{Column, TableBuilder};
use egui_plot::{Bar, BarChart, GridMark, Legend, Plot};

use super::export_buttons;
use super::state::AnalysisState;
use crate::i18n::T;
use crate::io::export::tornado::{COLOR_HIGH, COLOR_LOW, TornadoChart, tornado_chart};
use crate::model::Lang;
use crate::model::number::{fmt_fixed, fmt_trim};
use crate::model::sensitivity::{Sensitivity, Step};
use crate::ui::command::Command;
use crate::ui::export_request::{AnalysisExport, ExportRequest, Format};
use crate::ui::view::View;
use crate::ui::widgets::{cell_label, number_field};

pub fn ui(ui: &mut Ui, view: &View, state: &AnalysisState) -> Vec<Command> {
    let lang = view.lang;
    let t = |k: T| lang.t(k);
    let mut out = Vec::new();
    ui.label(t(T::analysis_sensitivity_what));
    let years: Vec<i32> = view.rows.iter().map(|r| r.year).collect();
    let (chosen, step) = state.tornado_choice;
    let shown_year = match &state.tornado {
        Some(Ok(s)) => Some(s.year),
        _ => chosen.or_else(|| years.last().copied()),
    };
    let mut year = shown_year.unwrap_or_default();
    let mut by_range = step == Step::PlausibleRange;
    let mut percent = match step {
        Step::Share(x) => x * 100.0,
        Step::PlausibleRange => 10.0,
    };
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(t(T::ranking_panel_year));
        egui::ComboBox::from_id_salt("tornado_year")
            .selected_text(year.to_string())
            .show_ui(ui, |ui| {
                for &y in &years {
                    ui.selectable_value(&mut year, y, y.to_string());
                }
            })
            .response
            .labelled_by(l.id);
        ui.add_space(12.0);
        ui.radio_value(&mut by_range, false, t(T::analysis_step_share))
            .on_hover_text(t(T::analysis_step_share_tip));
        ui.add_enabled_ui(!by_range, |ui| {
            number_field(
                ui,
                &mut percent,
                1,
                lang,
                ui.scope_id().with("tornado_step"),
                t(T::analysis_step_share),
                48.0,
            );
            ui.label("%");
        });
        ui.radio_value(&mut by_range, true, t(T::analysis_step_range))
            .on_hover_text(t(T::analysis_step_range_tip));
    });
    let new_step = if by_range {
        Step::PlausibleRange
    } else if percent > 0.0 && percent < 100.0 {
        Step::Share(percent / 100.0)
    } else {
        step
    };
    if Some(year) != shown_year || new_step != step {
        out.push(Command::SetTornado {
            year,
            step: new_step,
        });
    }
    let share_ok = percent > 0.0 && percent < 100.0;
    if !by_range && !share_ok {
        ui.colored_label(ui.visuals().error_fg_color, t(T::analysis_step_bad));
    }
    ui.separator();
    match &state.tornado {
        None => {
            ui.spinner();
        }
        Some(Err(e)) => {
            ui.colored_label(ui.visuals().error_fg_color, e.message(lang));
        }
        Some(Ok(s)) => {
            let chart = tornado_chart(
                s,
                view.subject,
                &view.doc.name,
                &crate::chart::today(),
                lang,
            );
            ui.label(RichText::new(&chart.frame.title).strong());
            ui.label(&chart.frame.subtitle);
            // A row tall enough for each parameter's name beside its bar.
            let height = chart.bars.len() as f32 * 24.0 + 70.0;
            egui::ScrollArea::vertical()
                .id_salt("tornado_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
                        ui.set_max_height(height);
                        bars(ui, &chart);
                    });
                    out.extend(export_buttons(
                        ui,
                        lang,
                        ExportRequest::Analysis(AnalysisExport::Tornado, Format::Png),
                        ExportRequest::Analysis(AnalysisExport::Tornado, Format::Svg),
                        &[],
                    ));
                    ui.separator();
                    egui::ScrollArea::horizontal()
                        .id_salt("tornado_hscroll")
                        .show(ui, |ui| table(ui, s, lang));
                });
        }
    }
    out
}

fn color(c: [u8; 3]) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

/// One row per parameter, largest swing on top: a bar from the scenario's
/// need to the need with the value moved down, and one to the need with it
/// moved up.
fn bars(ui: &mut Ui, chart: &TornadoChart) {
    let lang = chart.lang;
    let base = chart.base;
    let low_name = lang.t(T::sensitivity_value_down).to_string();
    let high_name = lang.t(T::sensitivity_value_up).to_string();
    let row = |i: usize| -(i as f64);
    let low: Vec<Bar> = chart
        .bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            Bar::new(row(i), b.need_low - base)
                .base_offset(base)
                .width(0.7)
                .name(&b.label)
                .fill(color(COLOR_LOW))
        })
        .collect();
    let high: Vec<Bar> = chart
        .bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            Bar::new(row(i), b.need_high - base)
                .base_offset(base)
                .width(0.7)
                .name(&b.label)
                .fill(color(COLOR_HIGH))
        })
        .collect();
    // The parameter's name beside its bar; the values moved to are in the
    // table below and in the bar's hover.
    let names: Vec<String> = chart
        .bars
        .iter()
        .map(|b| b.label.split(" (").next().unwrap_or(&b.label).to_string())
        .collect();
    let shown = names.len();
    Plot::new("tornado_chart")
        .legend(Legend::default().position(egui_plot::Corner::RightBottom))
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .y_axis_min_width(230.0)
        .x_axis_label(chart.x_title.as_str())
        .y_axis_formatter(move |mark: GridMark, _| {
            let i = -mark.value;
            if (i - i.round()).abs() < 1e-6 && i >= 0.0 {
                names.get(i.round() as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_grid_spacer(move |_| {
            (0..shown)
                .map(|i| GridMark {
                    value: -(i as f64),
                    step_size: 1.0,
                })
                .collect()
        })
        .x_axis_formatter(move |mark: GridMark, _| fmt_trim(mark.value, 2, lang))
        .show(ui, |p| {
            p.bar_chart(
                BarChart::new(low_name, low)
                    .horizontal()
                    .color(color(COLOR_LOW)),
            );
            p.bar_chart(
                BarChart::new(high_name, high)
                    .horizontal()
                    .color(color(COLOR_HIGH)),
            );
            p.vline(egui_plot::VLine::new("", base).color(Color32::GRAY));
        });
}

/// Parameter, its value, the values moved down and up, the need at each
/// end and the swing.
fn table(ui: &mut Ui, s: &Sensitivity, lang: Lang) {
    let t = |k: T| lang.t(k);
    let heads = [
        t(T::sensitivity_col_param),
        t(T::sensitivity_col_value),
        t(T::sensitivity_col_low),
        t(T::sensitivity_col_high),
        t(T::sensitivity_col_need_low),
        t(T::sensitivity_col_need_high),
        t(T::sensitivity_col_swing),
    ];
    TableBuilder::new(ui)
        .id_salt("tornado_table")
        .striped(true)
        .column(Column::auto().at_least(180.0))
        .columns(Column::auto().at_least(80.0), heads.len() - 1)
        .header(22.0, |mut h| {
            for head in heads {
                h.col(|ui| {
                    ui.strong(head);
                });
            }
        })
        .body(|mut body| {
            for r in &s.rows {
                let d = r.param.decimals();
                body.row(20.0, |mut row| {
                    row.col(|ui| {
                        ui.label(r.param.label(&s.params, lang));
                    });
                    for text in [
                        fmt_trim(r.value, d, lang),
                        fmt_trim(r.low, d, lang),
                        fmt_trim(r.high, d, lang),
                        fmt_fixed(r.need_low, 2, lang),
                        fmt_fixed(r.need_high, 2, lang),
                        fmt_fixed(r.swing, 2, lang),
                    ] {
                        row.col(|ui| {
                            cell_label(ui, text);
                        });
                    }
                });
            }
        });
}
