//! The PDF report: everything a planner hands on about one scenario, on A4
//! pages in Indonesian or English, written with `krilla` (text set in the
//! bundled DejaVu Sans, embedded and selectable; charts as vector graphics).
//!
//! - `mod`: what the report is made from, its errors, writing the file;
//! - `layout`: the page, the cursor down it, and what is drawn on each page;
//! - `text`: lines broken to a width, paragraphs, headings;
//! - `table`: tables across pages with their heading repeated;
//! - `chart`: charts placed as vector pictures;
//! - `fonts`: the bundled fonts and their widths;
//! - `content`: the title, summary, parameters, chart, year table, working;
//! - `params`: the parameter table with units and sources;
//! - `extras`: workload and supply, when the scenario uses them;
//! - `ranking`: the regions shortest of midwives first, for a total of several;
//! - `programs`: the internship and mentoring programmes, when the scenario has them;
//! - `render`: the pages written as PDF, with header and footer.

mod chart;
mod content;
mod extras;
mod fonts;
mod layout;
mod params;
mod programs;
mod ranking;
mod render;
mod table;
mod text;

use std::path::Path;

use krilla::metadata::Metadata;

use crate::i18n::T;
use crate::io::export::ExportError;
use crate::io::safe_write::{WriteError, write_atomic};
use crate::model::{Lang, PreparedData, Projection, Scenario, YearRow};

use fonts::Fonts;
use layout::Layout;
use render::Frame;

/// What a report is made from: the scenario and its computed results.
pub struct ReportInput<'a> {
    pub scenario: &'a Scenario,
    pub data: &'a PreparedData,
    pub proj: &'a Projection,
    /// The region reported on; `None` for the total (or the only region).
    pub region: Option<usize>,
    /// The name of the file the data came from, for the footer.
    pub data_file: String,
    /// The date printed on the report.
    pub date: String,
}

/// Why the report could not be made or written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("the bundled report font could not be loaded")]
    Font,
    #[error("the report's chart could not be made: {0}")]
    Chart(ExportError),
    #[error("the report's chart could not be made: {0}")]
    Picture(String),
    #[error("the PDF file could not be made: {0}")]
    Pdf(String),
    #[error("{0}")]
    Write(#[from] WriteError),
}

impl ReportError {
    /// The message in the planner's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ReportError::Font => lang.t(T::report_error_font).to_string(),
            ReportError::Chart(e) => lang.tf(T::report_error_chart, &[("error", &e.message(lang))]),
            ReportError::Picture(e) => lang.tf(T::report_error_chart, &[("error", e)]),
            ReportError::Pdf(e) => lang.tf(T::report_error_pdf, &[("error", e)]),
            ReportError::Write(e) => e.message(lang),
        }
    }
}

/// The report being laid out: its input, language, and the rows and name
/// of what it reports on.
struct Report<'a> {
    input: &'a ReportInput<'a>,
    lang: Lang,
    rows: Vec<YearRow>,
    subject: String,
}

/// The report as PDF bytes, in `lang`.
pub fn report_pdf(input: &ReportInput, lang: Lang) -> Result<Vec<u8>, ReportError> {
    let (data, proj) = (input.data, input.proj);
    let region = input.region.filter(|&r| r < data.regions());
    let (rows, subject) = match region {
        Some(r) => (proj.region_rows(data, r), data.label(r).to_string()),
        None if data.regions() == 1 => (proj.total.clone(), data.label(0).to_string()),
        None => (proj.total.clone(), lang.t(T::report_total).to_string()),
    };
    let report = Report {
        input,
        lang,
        rows,
        subject,
    };
    let fonts = Fonts::load().ok_or(ReportError::Font)?;
    let mut layout = Layout::new(&fonts);
    layout.title_block(&report);
    layout.summary(&report);
    layout.parameters(&report);
    layout.projection_chart(&report)?;
    layout.year_table(&report);
    layout.working(&report);
    if extras::workload_in_use(&input.scenario.workload) {
        layout.workload(&report)?;
    }
    layout.supply(&report);
    layout.ranking(&report)?;
    layout.programs(&report);
    let (mode, _) = params::rounding_texts(proj.rounding, lang);
    let page_lang = lang;
    let frame = Frame {
        header: format!("{} — {}", input.scenario.name, report.subject),
        footer: lang.tf(
            T::report_footer,
            &[("mode", &mode), ("file", &input.data_file)],
        ),
        page_of: Box::new(move |page, pages| {
            page_lang.tf(T::report_page_of, &[("page", &page), ("pages", &pages)])
        }),
        metadata: Metadata::new()
            .title(format!(
                "{} — {}",
                lang.t(T::report_title),
                input.scenario.name
            ))
            .creator(format!("Proyeksi Bidan {}", env!("CARGO_PKG_VERSION")))
            .language(
                match lang {
                    Lang::Id => "id",
                    Lang::En => "en",
                }
                .to_string(),
            ),
    };
    render::render(&layout.pages, &fonts, frame)
}

/// Writes the report to `path` atomically.
pub fn save_report(path: &Path, input: &ReportInput, lang: Lang) -> Result<(), ReportError> {
    let bytes = report_pdf(input, lang)?;
    write_atomic(path, &bytes)?;
    Ok(())
}
