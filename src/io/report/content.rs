//! What the report says, section by section: the title block, the summary
//! in plain words, the parameters, the projection chart, the year table
//! and the working step by step.

use crate::i18n::T;
use crate::model::explain::{Fmt, Subject, explain};
use crate::model::number::{fmt_fixed, fmt_percent};
use crate::model::shortfall::{outlook, shortfalls};
use crate::table::Column as TableColumn;

use super::layout::{ACCENT, BODY, GREY, Layout, MARGIN_X, SMALL, Style};
use super::params::param_rows;
use super::table::{Align, Column, Table};
use super::{Report, ReportError};

impl Layout<'_> {
    /// The report's title, the scenario, region, date and program.
    pub(super) fn title_block(&mut self, r: &Report) {
        let lang = r.lang;
        let title = Style::new(17.0).bold().color(ACCENT);
        self.paragraph(lang.t(T::report_title), title, 0.0);
        self.y += 4.0;
        self.paragraph(&r.input.scenario.name, Style::new(13.0).bold(), 0.0);
        self.y += 4.0;
        let label = BODY.color(GREY);
        let program = format!("Proyeksi Bidan {}", env!("CARGO_PKG_VERSION"));
        let lines = [
            (T::report_region, r.subject.as_str()),
            (T::report_date, r.input.date.as_str()),
            (T::report_program, program.as_str()),
        ];
        for (key, value) in lines {
            let name = lang.t(key);
            self.ensure(BODY.line_height());
            let baseline = self.y + BODY.ascent();
            self.text(MARGIN_X, baseline, label, name);
            self.text(MARGIN_X + 80.0, baseline, BODY, value);
            self.y += BODY.line_height();
        }
        let notes = r.input.scenario.notes.trim();
        if !notes.is_empty() {
            self.y += 4.0;
            let text = format!("{}: {notes}", lang.t(T::report_notes));
            self.paragraph(&text, SMALL.color(GREY), 0.0);
        }
    }

    /// The summary in plain words, from the engine's results.
    pub(super) fn summary(&mut self, r: &Report) {
        let lang = r.lang;
        let proj = r.input.proj;
        self.heading(lang.t(T::report_summary), 40.0);
        let mut text = String::new();
        if let Some(o) = outlook(&r.rows, proj.horizon_year) {
            let need = fmt_fixed(o.need, 1, lang);
            let year = o.year.to_string();
            match o.in_post {
                Some(p) => {
                    let key = if p.gap < 0.0 {
                        T::report_summary_short
                    } else {
                        T::report_summary_over
                    };
                    text.push_str(&lang.tf(
                        key,
                        &[
                            ("year", &year),
                            ("subject", &r.subject),
                            ("need", &need),
                            ("midwives", &fmt_fixed(p.midwives, 0, lang)),
                            ("in_post_year", &p.year),
                            ("gap", &fmt_fixed(p.gap.abs(), 1, lang)),
                        ],
                    ));
                }
                None => text.push_str(&lang.tf(
                    T::report_summary_need,
                    &[
                        ("year", &year),
                        ("subject", &r.subject),
                        ("need", &need),
                        ("women", &fmt_fixed(o.pregnant_women, 0, lang)),
                    ],
                )),
            }
        }
        if let Some(base) = r.rows.iter().find(|row| row.year == proj.base_year) {
            let growth = match r.input.region {
                Some(i) => proj.growth_used.get(i).copied(),
                None => Some(proj.total_growth_used),
            };
            if let Some(g) = growth {
                text.push(' ');
                text.push_str(&lang.tf(
                    T::report_summary_base,
                    &[
                        ("base", &proj.base_year),
                        ("need", &fmt_fixed(base.midwives_needed, 1, lang)),
                        ("growth", &fmt_percent(g, 2, lang)),
                        ("method", &proj.growth_method.label(lang)),
                        (
                            "women",
                            &fmt_fixed(proj.capacity.women_per_midwife, 0, lang),
                        ),
                    ],
                ));
            }
        }
        let several = r.input.data.regions() > 1 && r.input.region.is_none();
        match shortfalls(r.input.data, proj) {
            Some(s) if several => {
                text.push(' ');
                text.push_str(&lang.tf(
                    T::report_summary_regions,
                    &[
                        ("year", &s.year),
                        ("short", &fmt_fixed(s.regions_short as f64, 0, lang)),
                        ("given", &fmt_fixed(s.regions_given as f64, 0, lang)),
                        ("fte", &fmt_fixed(s.shortfall, 1, lang)),
                    ],
                ));
            }
            _ => {}
        }
        if r.rows.iter().all(|row| row.midwives_available.is_none()) {
            text.push(' ');
            text.push_str(lang.t(T::report_summary_no_midwives));
        }
        self.paragraph(&text, Style::new(10.5), 0.0);
    }

    /// The parameters with their units and sources.
    pub(super) fn parameters(&mut self, r: &Report) {
        let lang = r.lang;
        self.heading(lang.t(T::report_parameters), 60.0);
        let (rows, assumed) = param_rows(&r.input.scenario.params, lang);
        let table = Table {
            columns: vec![
                Column::text(lang.t(T::report_col_parameter)),
                Column::text(lang.t(T::report_col_value)),
                Column::text(lang.t(T::report_col_source)),
            ],
            rows: rows.into_iter().map(Vec::from).collect(),
            style: SMALL,
        };
        self.table(&table);
        if assumed {
            self.paragraph(lang.t(T::report_assumed_note), SMALL.color(GREY), 0.0);
        }
    }

    /// The projection chart, as the window draws it.
    pub(super) fn projection_chart(&mut self, r: &Report) -> Result<(), ReportError> {
        let lang = r.lang;
        let input = r.input;
        let mut spec = crate::chart::projection_chart(
            &r.rows,
            &r.subject,
            &input.scenario.name,
            input.proj.rounding,
            &input.date,
            lang,
        );
        let region = input.region.or((input.data.regions() == 1).then_some(0));
        if let Some(i) = region {
            let flags = crate::model::flags::flags(&input.scenario.params, input.data, input.proj);
            let years: Vec<i32> = flags
                .suspect_years
                .iter()
                .filter(|s| s.region == i)
                .map(|s| s.year)
                .collect();
            crate::chart::mark_suspect_years(&mut spec, &r.rows, &years, lang);
        }
        self.heading(lang.t(T::report_chart), 200.0);
        self.chart(&spec)
    }

    /// The year table, its heading repeated on every page.
    pub(super) fn year_table(&mut self, r: &Report) {
        let lang = r.lang;
        let f = Fmt::new(lang, r.input.proj.rounding);
        let with_midwives = r.rows.iter().any(|row| row.midwives_available.is_some());
        let columns: Vec<TableColumn> = TableColumn::shown(with_midwives).collect();
        // The heading and a good part of the table start on one page.
        self.heading(lang.t(T::report_years), 160.0);
        let table = Table {
            columns: columns
                .iter()
                .map(|c| {
                    let head = c.sheet_heading(lang);
                    Column {
                        head,
                        align: if c.is_label() {
                            Align::Left
                        } else {
                            Align::Right
                        },
                        wrap: false,
                    }
                })
                .collect(),
            rows: r
                .rows
                .iter()
                .map(|row| columns.iter().map(|c| c.cell(row, f)).collect())
                .collect(),
            style: SMALL,
        };
        self.table(&table);
    }

    /// The working, step by step, each step kept on one page.
    pub(super) fn working(&mut self, r: &Report) {
        let lang = r.lang;
        let input = r.input;
        let subject = match input.region {
            Some(i) => Subject::Region(i),
            None => Subject::Total,
        };
        let steps = explain(
            &input.scenario.params,
            input.data,
            input.proj,
            subject,
            lang,
        );
        self.heading(lang.t(T::report_working), 50.0);
        // A little smaller than the body, so the working of the example
        // ends on the page it continues on.
        let body = Style::new(9.0);
        let title = body.bold();
        let note = SMALL.color(GREY);
        for (i, s) in steps.iter().enumerate() {
            let head = format!("{}. {}", i + 1, s.title);
            let working = format!("= {}", s.working);
            let mut parts = vec![
                (head.as_str(), title, 0.0),
                (s.formula.as_str(), body, 14.0),
                (working.as_str(), body, 14.0),
            ];
            if !s.note.is_empty() {
                parts.push((s.note.as_str(), note, 14.0));
            }
            self.block(&parts);
            self.y += 3.0;
        }
    }
}
