//! Scenarios side by side: the current scenario (A) and up to three pinned
//! ones (copies of the current one, variants of it, or scenario files), on
//! one chart, with a table of each year's midwives needed and each
//! scenario's difference from A.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::export_buttons;
use super::state::{AnalysisState, MAX_PINS};
use crate::i18n::T;
use crate::io::export::compare::scenario_letter;
use crate::model::Lang;
use crate::model::compare::Comparison;
use crate::model::number::fmt_fixed;
use crate::ui::command::Command;
use crate::ui::export_request::{AnalysisExport, ExportRequest, Format};
use crate::ui::plot_panel::PlotPanel;
use crate::ui::view::View;
use crate::ui::widgets::cell_label;

/// The variants offered with one click: the 4-, 6- and 8-visit standards.
pub const VISIT_VARIANTS: &str = "anc_visits=4,6,8";

/// The variant whose midwives needed come from the Beban kerja tab's
/// activity table (WISN or ABK-Kes, as set there).
pub const WORKLOAD_VARIANT: &str = "need=workload";

pub fn ui(ui: &mut Ui, view: &View, state: &AnalysisState, chart: &mut PlotPanel) -> Vec<Command> {
    let lang = view.lang;
    let t = |k: T| lang.t(k);
    let mut out = Vec::new();
    ui.label(t(T::analysis_compare_what));
    let full = state.pins().len() >= MAX_PINS;
    ui.horizontal_wrapped(|ui| {
        let b = ui
            .add_enabled(!full, egui::Button::new(t(T::analysis_pin_copy)))
            .on_hover_text(t(T::analysis_pin_copy_tip));
        if b.clicked() {
            out.push(Command::PinCurrent);
        }
        let b = ui
            .add_enabled(!full, egui::Button::new(t(T::analysis_pin_file)))
            .on_hover_text(t(T::analysis_pin_file_tip));
        if b.clicked() {
            out.push(Command::PinFile);
        }
        let b = ui
            .add_enabled(
                state.pins().len() + 2 <= MAX_PINS,
                egui::Button::new(t(T::analysis_pin_visits)),
            )
            .on_hover_text(t(T::analysis_pin_visits_tip));
        if b.clicked() {
            out.push(Command::PinVariants(VISIT_VARIANTS.to_string()));
        }
        let b = ui
            .add_enabled(!full, egui::Button::new(t(T::analysis_pin_workload)))
            .on_hover_text(t(T::analysis_pin_workload_tip));
        if b.clicked() {
            out.push(Command::PinVariants(WORKLOAD_VARIANT.to_string()));
        }
    });
    // A variant of any parameter, written as on the command line.
    let id = ui.scope_id().with("variant_text");
    let mut text: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    ui.horizontal_wrapped(|ui| {
        ui.label(t(T::analysis_variant));
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text("allowance_percent=25/35")
                    .desired_width(220.0),
            )
            .on_hover_text(t(T::analysis_variant_tip));
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let add = ui.add_enabled(
            !full && !text.trim().is_empty(),
            egui::Button::new(t(T::analysis_variant_add)),
        );
        if (enter || add.clicked()) && !text.trim().is_empty() && !full {
            out.push(Command::PinVariants(text.trim().to_string()));
        }
    });
    ui.data_mut(|d| d.insert_temp(id, text));
    if full {
        ui.label(RichText::new(t(T::analysis_pins_full)).weak());
    }
    for (i, p) in state.pins().iter().enumerate() {
        ui.horizontal(|ui| {
            let name = if p.source.is_empty() {
                p.scenario.name.clone()
            } else {
                format!("{} ({})", p.scenario.name, p.source)
            };
            ui.label(format!("{}: {name}", scenario_letter(i + 1)));
            if ui.small_button(t(T::analysis_unpin)).clicked() {
                out.push(Command::Unpin(i));
            }
        });
    }
    ui.separator();
    match &state.comparison {
        None => {
            ui.spinner();
        }
        Some(Err(e)) => {
            ui.colored_label(ui.visuals().error_fg_color, e.message(lang));
        }
        Some(Ok(c)) if c.scenarios.len() < 2 => {
            ui.label(t(T::analysis_pin_something));
        }
        Some(Ok(c)) => {
            let subject = c
                .region
                .clone()
                .unwrap_or_else(|| t(T::text_total).to_string());
            let spec = crate::chart::compare_chart(c, &subject, &crate::chart::today(), lang);
            // Two panels (pregnant women, midwives), each with its axis and legend.
            let chart_height = (ui.available_height() * 0.8).max(440.0);
            egui::ScrollArea::vertical()
                .id_salt("compare_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    let width = ui.available_width();
                    ui.allocate_ui(egui::vec2(width, chart_height), |ui| {
                        ui.set_max_height(chart_height);
                        chart.draw(ui, &spec);
                    });
                    out.extend(export_buttons(
                        ui,
                        lang,
                        ExportRequest::Analysis(AnalysisExport::Compare, Format::Png),
                        ExportRequest::Analysis(AnalysisExport::Compare, Format::Svg),
                        &[
                            ExportRequest::Analysis(AnalysisExport::Compare, Format::Csv),
                            ExportRequest::Analysis(AnalysisExport::Compare, Format::Xlsx),
                        ],
                    ));
                    ui.separator();
                    egui::ScrollArea::horizontal()
                        .id_salt("compare_hscroll")
                        .show(ui, |ui| table(ui, c, lang));
                });
        }
    }
    out
}

/// Per year: each scenario's midwives needed, then each one's difference
/// from A (with its sign).
fn table(ui: &mut Ui, c: &Comparison, lang: Lang) {
    let t = |k: T| lang.t(k);
    let n = c.scenarios.len();
    let mut heads = vec![t(T::table_year).to_string()];
    heads.extend((0..n).map(|i| scenario_letter(i).to_string()));
    heads.extend((1..n).map(|i| format!("{} − A", scenario_letter(i))));
    ui.label(RichText::new(t(T::compare_measure_midwives)).strong());
    let Some(first) = c.scenarios.first() else {
        return;
    };
    TableBuilder::new(ui)
        .id_salt("compare_table")
        .striped(true)
        .column(Column::exact(56.0))
        .columns(Column::auto().at_least(90.0), heads.len() - 1)
        .header(22.0, |mut h| {
            for head in &heads {
                h.col(|ui| {
                    ui.strong(head);
                });
            }
        })
        .body(|mut body| {
            for (k, y) in first.years.iter().enumerate() {
                body.row(20.0, |mut row| {
                    row.col(|ui| {
                        ui.label(y.year.to_string());
                    });
                    for s in &c.scenarios {
                        row.col(|ui| {
                            if let Some(y) = s.years.get(k) {
                                cell_label(ui, fmt_fixed(y.figures.midwives_needed, 2, lang));
                            }
                        });
                    }
                    for s in &c.scenarios[1..] {
                        row.col(|ui| {
                            if let Some(y) = s.years.get(k) {
                                cell_label(ui, signed(y.difference.midwives_needed, lang));
                            }
                        });
                    }
                });
            }
        });
}

/// A difference with its sign, two decimals: `+4.274,27`, `-12,00`, `0,00`.
pub fn signed(x: f64, lang: Lang) -> String {
    let text = fmt_fixed(x, 2, lang);
    let zero = text.chars().all(|c| !c.is_ascii_digit() || c == '0');
    if zero {
        fmt_fixed(0.0, 2, lang)
    } else if x > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}
