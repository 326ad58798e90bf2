//! File → Ekspor…: the projection chart or the workload chart (midwives
//! needed by activity per year) as PNG or SVG at a chosen size, the table
//! as CSV (Indonesian or international) or Excel. The files are drawn and
//! written by `io`, from the same chart description the window shows.

use egui::Context;

use super::command::Command;
use super::export_request::ExportRequest;
use super::view::View;
use crate::i18n::T;
use crate::io::export::csv::CsvStyle;
use crate::io::export::wide::TableLayout;
use crate::model::Lang;

/// The export window.
pub struct ExportDialog {
    pub open: bool,
    pub width: u32,
    pub height: u32,
    /// The table's layout; `None`: wide for Excel, long for CSV.
    pub layout: Option<TableLayout>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        ExportDialog {
            open: false,
            width: 1600,
            height: 1000,
            layout: None,
        }
    }
}

impl ExportDialog {
    /// Draws the window while open, within `area` (below the menu bar);
    /// returns the export asked for.
    pub fn ui(&mut self, ctx: &Context, view: &View, area: egui::Rect) -> Vec<Command> {
        self.window(ctx, view.lang, area)
            .map(Command::ExportTo)
            .into_iter()
            .collect()
    }

    fn window(&mut self, ctx: &Context, lang: Lang, area: egui::Rect) -> Option<ExportRequest> {
        let t = |k: T| lang.t(k);
        let mut request = None;
        let mut open = self.open;
        egui::Window::new(t(T::export_dialog_export))
            .open(&mut open)
            .constrain_to(area)
            .default_pos(area.min + egui::vec2(60.0, 40.0))
            .resizable(false)
            .show(ctx, |ui| {
                ui.strong(t(T::export_dialog_chart));
                ui.label(t(T::export_dialog_the_chart_shown_total_or));
                ui.horizontal(|ui| {
                    let l = ui.label(t(T::export_dialog_width));
                    ui.add(
                        egui::DragValue::new(&mut self.width)
                            .range(200..=8000)
                            .suffix(" px"),
                    )
                    .labelled_by(l.id);
                    let l = ui.label(t(T::export_dialog_height));
                    ui.add(
                        egui::DragValue::new(&mut self.height)
                            .range(200..=8000)
                            .suffix(" px"),
                    )
                    .labelled_by(l.id);
                });
                ui.horizontal(|ui| {
                    let (width, height) = (self.width, self.height);
                    if ui.button(t(T::export_dialog_save_chart_as_png)).clicked() {
                        request = Some(ExportRequest::ChartPng { width, height });
                    }
                    if ui.button(t(T::export_dialog_save_chart_as_svg)).clicked() {
                        request = Some(ExportRequest::ChartSvg { width, height });
                    }
                });
                ui.label(t(T::export_dialog_workload_chart_midwives_needed_per));
                ui.horizontal(|ui| {
                    let (width, height) = (self.width, self.height);
                    if ui
                        .button(t(T::export_dialog_save_workload_chart_as_png))
                        .clicked()
                    {
                        request = Some(ExportRequest::WorkloadPng { width, height });
                    }
                    if ui
                        .button(t(T::export_dialog_save_workload_chart_as_svg))
                        .clicked()
                    {
                        request = Some(ExportRequest::WorkloadSvg { width, height });
                    }
                });
                ui.label(t(T::map_export_label));
                ui.horizontal(|ui| {
                    let (width, height) = (self.width, self.height);
                    if ui.button(t(T::map_export_png)).clicked() {
                        request = Some(ExportRequest::MapPng { width, height });
                    }
                    if ui.button(t(T::map_export_svg)).clicked() {
                        request = Some(ExportRequest::MapSvg { width, height });
                    }
                });
                ui.separator();
                ui.strong(t(T::export_dialog_table));
                ui.label(t(T::export_dialog_every_year_the_total_and));
                ui.horizontal_wrapped(|ui| {
                    ui.label(t(T::table_layout_label));
                    ui.radio_value(&mut self.layout, None, t(T::table_layout_auto));
                    let wide = Some(TableLayout::Wide);
                    ui.radio_value(&mut self.layout, wide, t(T::table_layout_wide));
                    let long = Some(TableLayout::Long);
                    ui.radio_value(&mut self.layout, long, t(T::table_layout_long));
                });
                let csv = self.layout.unwrap_or(TableLayout::Long);
                let xlsx = self.layout.unwrap_or(TableLayout::Wide);
                if ui
                    .button(t(T::export_dialog_csv_for_indonesian_excel))
                    .clicked()
                {
                    request = Some(ExportRequest::TableCsv(CsvStyle::Indonesian, csv));
                }
                if ui
                    .button(t(T::export_dialog_csv_indonesian_full))
                    .on_hover_text(t(T::export_dialog_csv_indonesian_full_tip))
                    .clicked()
                {
                    request = Some(ExportRequest::TableCsv(CsvStyle::IndonesianFull, csv));
                }
                if ui.button(t(T::export_dialog_international_csv)).clicked() {
                    request = Some(ExportRequest::TableCsv(CsvStyle::International, csv));
                }
                if ui
                    .button(t(T::export_dialog_excel_xlsx_with_parameters_and))
                    .clicked()
                {
                    request = Some(ExportRequest::TableXlsx(xlsx));
                }
            });
        self.open = open;
        request
    }
}
