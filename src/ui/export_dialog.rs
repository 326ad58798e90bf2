//! File → Ekspor…: the projection chart or the workload chart (midwives
//! needed by activity per year) as PNG or SVG at a chosen size, the table
//! as CSV (Indonesian or international) or Excel. The files are drawn and
//! written by `io`, from the same chart description the window shows.

use egui::Context;

use super::command::Command;
use super::view::View;
use crate::io::export::csv::CsvStyle;
use crate::model::Lang;

/// What the planner asked to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportRequest {
    ChartPng {
        width: u32,
        height: u32,
    },
    ChartSvg {
        width: u32,
        height: u32,
    },
    /// The Beban kerja tab's chart of midwives needed by activity per year.
    WorkloadPng {
        width: u32,
        height: u32,
    },
    WorkloadSvg {
        width: u32,
        height: u32,
    },
    TableCsv(CsvStyle),
    TableXlsx,
}

impl ExportRequest {
    /// Suggested file name and the dialog filter.
    pub fn file(self) -> (&'static str, &'static str, &'static [&'static str]) {
        match self {
            ExportRequest::ChartPng { .. } => ("grafik-proyeksi-bidan.png", "PNG", &["png"]),
            ExportRequest::ChartSvg { .. } => ("grafik-proyeksi-bidan.svg", "SVG", &["svg"]),
            ExportRequest::WorkloadPng { .. } => ("grafik-beban-kerja.png", "PNG", &["png"]),
            ExportRequest::WorkloadSvg { .. } => ("grafik-beban-kerja.svg", "SVG", &["svg"]),
            ExportRequest::TableCsv(_) => ("tabel-proyeksi-bidan.csv", "CSV", &["csv"]),
            ExportRequest::TableXlsx => ("tabel-proyeksi-bidan.xlsx", "Excel", &["xlsx"]),
        }
    }
}

/// The export window.
pub struct ExportDialog {
    pub open: bool,
    pub width: u32,
    pub height: u32,
}

impl Default for ExportDialog {
    fn default() -> Self {
        ExportDialog {
            open: false,
            width: 1600,
            height: 1000,
        }
    }
}

impl ExportDialog {
    /// Draws the window while open; returns the export asked for.
    pub fn ui(&mut self, ctx: &Context, view: &View) -> Vec<Command> {
        self.window(ctx, view.lang)
            .map(Command::ExportTo)
            .into_iter()
            .collect()
    }

    fn window(&mut self, ctx: &Context, lang: Lang) -> Option<ExportRequest> {
        let t = |id: &'static str, en: &'static str| lang.pick(id, en);
        let mut request = None;
        let mut open = self.open;
        egui::Window::new(t("Ekspor", "Export"))
            .open(&mut open)
            .resizable(false)
            .show(ctx, |ui| {
                ui.strong(t("Grafik", "Chart"));
                ui.label(t(
                    "Grafik yang tampil (total atau wilayah terpilih), latar putih, siap untuk laporan.",
                    "The chart shown (total or the chosen region), white background, ready for reports.",
                ));
                ui.horizontal(|ui| {
                    let l = ui.label(t("Lebar", "Width"));
                    ui.add(egui::DragValue::new(&mut self.width).range(200..=8000).suffix(" px"))
                        .labelled_by(l.id);
                    let l = ui.label(t("Tinggi", "Height"));
                    ui.add(egui::DragValue::new(&mut self.height).range(200..=8000).suffix(" px"))
                        .labelled_by(l.id);
                });
                ui.horizontal(|ui| {
                    let (width, height) = (self.width, self.height);
                    if ui.button(t("Simpan grafik PNG…", "Save chart as PNG…")).clicked() {
                        request = Some(ExportRequest::ChartPng { width, height });
                    }
                    if ui.button(t("Simpan grafik SVG…", "Save chart as SVG…")).clicked() {
                        request = Some(ExportRequest::ChartSvg { width, height });
                    }
                });
                ui.label(t(
                    "Grafik beban kerja: kebutuhan bidan per tahun menurut kegiatan (tab Beban kerja), ukuran yang sama.",
                    "Workload chart: midwives needed per year by activity (Workload tab), same size.",
                ));
                ui.horizontal(|ui| {
                    let (width, height) = (self.width, self.height);
                    if ui
                        .button(t("Simpan grafik beban kerja PNG…", "Save workload chart as PNG…"))
                        .clicked()
                    {
                        request = Some(ExportRequest::WorkloadPng { width, height });
                    }
                    if ui
                        .button(t("Simpan grafik beban kerja SVG…", "Save workload chart as SVG…"))
                        .clicked()
                    {
                        request = Some(ExportRequest::WorkloadSvg { width, height });
                    }
                });
                ui.separator();
                ui.strong(t("Tabel", "Table"));
                ui.label(t(
                    "Semua tahun, total dan setiap wilayah, angka lengkap tanpa pembulatan tampilan.",
                    "Every year, the total and every region, full numbers without display rounding.",
                ));
                if ui
                    .button(t("CSV untuk Excel Indonesia (;)…", "CSV for Indonesian Excel (;)…"))
                    .clicked()
                {
                    request = Some(ExportRequest::TableCsv(CsvStyle::Indonesian));
                }
                if ui
                    .button(t("CSV internasional (,)…", "International CSV (,)…"))
                    .clicked()
                {
                    request = Some(ExportRequest::TableCsv(CsvStyle::International));
                }
                if ui
                    .button(t("Excel (.xlsx) dengan parameter dan perhitungan…", "Excel (.xlsx) with parameters and working…"))
                    .clicked()
                {
                    request = Some(ExportRequest::TableXlsx);
                }
            });
        self.open = open;
        request
    }
}
