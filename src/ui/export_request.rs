//! What the planner asked to export: which chart or table, in which file
//! format, with the suggested file name.

use crate::io::export::csv::CsvStyle;
use crate::io::export::wide::TableLayout;

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
    /// The Peta tab's province map.
    MapPng {
        width: u32,
        height: u32,
    },
    MapSvg {
        width: u32,
        height: u32,
    },
    TableCsv(CsvStyle, TableLayout),
    TableXlsx(TableLayout),
    /// The PDF report of what is shown, in the window's language.
    ReportPdf,
    /// A chart (PNG, SVG) or table (CSV) of the Analisis tab.
    Analysis(AnalysisExport, Format),
    /// The Peringkat tab's chart (PNG, SVG) or table (CSV, Excel).
    Ranking(Format),
}

/// The charts and tables of the Analisis tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnalysisExport {
    /// Scenarios side by side.
    Compare,
    /// The tornado of the sensitivity run.
    Tornado,
    /// The uncertainty bands.
    Bands,
}

/// The file format of an Analisis export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Png,
    Svg,
    Csv,
    Xlsx,
}

/// The size of an exported Analisis chart, in pixels.
pub const ANALYSIS_CHART_SIZE: (u32, u32) = (1200, 750);

impl ExportRequest {
    /// Suggested file name and the dialog filter.
    pub fn file(self) -> (&'static str, &'static str, &'static [&'static str]) {
        match self {
            ExportRequest::ChartPng { .. } => ("grafik-proyeksi-bidan.png", "PNG", &["png"]),
            ExportRequest::ChartSvg { .. } => ("grafik-proyeksi-bidan.svg", "SVG", &["svg"]),
            ExportRequest::WorkloadPng { .. } => ("grafik-beban-kerja.png", "PNG", &["png"]),
            ExportRequest::WorkloadSvg { .. } => ("grafik-beban-kerja.svg", "SVG", &["svg"]),
            ExportRequest::MapPng { .. } => ("peta-provinsi.png", "PNG", &["png"]),
            ExportRequest::MapSvg { .. } => ("peta-provinsi.svg", "SVG", &["svg"]),
            ExportRequest::TableCsv(..) => ("tabel-proyeksi-bidan.csv", "CSV", &["csv"]),
            ExportRequest::TableXlsx(_) => ("tabel-proyeksi-bidan.xlsx", "Excel", &["xlsx"]),
            ExportRequest::ReportPdf => ("laporan-proyeksi-bidan.pdf", "PDF", &["pdf"]),
            ExportRequest::Ranking(format) => match format {
                Format::Png => ("peringkat-wilayah.png", "PNG", &["png"]),
                Format::Svg => ("peringkat-wilayah.svg", "SVG", &["svg"]),
                Format::Csv => ("peringkat-wilayah.csv", "CSV", &["csv"]),
                Format::Xlsx => ("peringkat-wilayah.xlsx", "Excel", &["xlsx"]),
            },
            ExportRequest::Analysis(what, format) => {
                let (png, svg, csv, xlsx) = match what {
                    AnalysisExport::Compare => (
                        "perbandingan-skenario.png",
                        "perbandingan-skenario.svg",
                        "perbandingan-skenario.csv",
                        "perbandingan-skenario.xlsx",
                    ),
                    AnalysisExport::Tornado => (
                        "kepekaan-tornado.png",
                        "kepekaan-tornado.svg",
                        "kepekaan.csv",
                        "kepekaan.xlsx",
                    ),
                    AnalysisExport::Bands => (
                        "pita-ketidakpastian.png",
                        "pita-ketidakpastian.svg",
                        "pita-ketidakpastian.csv",
                        "pita-ketidakpastian.xlsx",
                    ),
                };
                match format {
                    Format::Png => (png, "PNG", &["png"]),
                    Format::Svg => (svg, "SVG", &["svg"]),
                    Format::Csv => (csv, "CSV", &["csv"]),
                    Format::Xlsx => (xlsx, "Excel", &["xlsx"]),
                }
            }
        }
    }
}
