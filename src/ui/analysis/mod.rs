//! The Analisis tab: scenarios side by side ([`compare_view`]), which
//! assumption matters ([`tornado_view`]) and how sure the answer is
//! ([`bands_view`]). The results are kept in [`state::AnalysisState`] by
//! the window; the views draw them and return commands.

pub mod bands_job;
mod bands_view;
mod compare_view;
pub mod state;
mod tornado_view;

use egui::Ui;

use super::command::Command;
use super::export_request::Format;
use super::plot_panel::PlotPanel;
use super::view::View;
use crate::i18n::T;
use state::{AnalysisState, AnalysisView};

/// The Analisis tab; it keeps only the charts' plot memory.
pub struct AnalysisPanel {
    compare_chart: PlotPanel,
    bands_chart: PlotPanel,
}

impl Default for AnalysisPanel {
    fn default() -> Self {
        AnalysisPanel {
            compare_chart: PlotPanel::named("compare_chart"),
            bands_chart: PlotPanel::named("bands_chart"),
        }
    }
}

impl AnalysisPanel {
    pub fn ui(&mut self, ui: &mut Ui, view: &View, state: &AnalysisState) -> Vec<Command> {
        let lang = view.lang;
        let t = |k: T| lang.t(k);
        let mut out = Vec::new();
        let mut shown = state.view;
        ui.horizontal_wrapped(|ui| {
            ui.selectable_value(&mut shown, AnalysisView::Compare, t(T::analysis_compare))
                .on_hover_text(t(T::analysis_compare_tip));
            ui.selectable_value(
                &mut shown,
                AnalysisView::Sensitivity,
                t(T::analysis_sensitivity),
            )
            .on_hover_text(t(T::analysis_sensitivity_tip));
            ui.selectable_value(&mut shown, AnalysisView::Bands, t(T::analysis_bands))
                .on_hover_text(t(T::analysis_bands_tip));
        });
        if shown != state.view {
            out.push(Command::SetAnalysisView(shown));
        }
        ui.separator();
        match state.view {
            AnalysisView::Compare => {
                out.extend(compare_view::ui(ui, view, state, &mut self.compare_chart))
            }
            AnalysisView::Sensitivity => out.extend(tornado_view::ui(ui, view, state)),
            AnalysisView::Bands => {
                out.extend(bands_view::ui(ui, view, state, &mut self.bands_chart))
            }
        }
        out
    }
}

/// The export buttons under a chart: PNG, SVG and the tables (CSV, Excel).
fn export_buttons(
    ui: &mut Ui,
    lang: crate::model::Lang,
    png: super::export_request::ExportRequest,
    svg: super::export_request::ExportRequest,
    tables: &[super::export_request::ExportRequest],
) -> Option<Command> {
    let mut out = None;
    ui.horizontal_wrapped(|ui| {
        if ui.button(lang.t(T::analysis_save_png)).clicked() {
            out = Some(Command::ExportTo(png));
        }
        if ui.button(lang.t(T::analysis_save_svg)).clicked() {
            out = Some(Command::ExportTo(svg));
        }
        for &table in tables {
            let label = match table {
                super::export_request::ExportRequest::Analysis(_, Format::Xlsx) => {
                    T::analysis_save_xlsx
                }
                _ => T::analysis_save_csv,
            };
            if ui.button(lang.t(label)).clicked() {
                out = Some(Command::ExportTo(table));
            }
        }
    });
    out
}
