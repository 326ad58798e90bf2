//! The programmes in the report, when the scenario has them: the internship
//! rotation and what each intern can expect, the delivery indicators, and
//! the mentoring facilities with their standing and latest scores.

use crate::i18n::T;
use crate::io::programs::sheets::{
    expectations_sheet, indicators_sheet, schedule_sheet, visits_sheet,
};
use crate::io::programs::{Sheet, Value};
use crate::model::programs::{Date, region_gap, work_out};

use super::Report;
use super::layout::{BODY, GREY, Layout, SMALL};
use super::table::{Column, Table};

impl Layout<'_> {
    /// The programmes' sections; nothing when the scenario has none.
    pub(super) fn programs(&mut self, r: &Report) {
        let Some(p) = r.input.scenario.programs.as_ref() else {
            return;
        };
        let lang = r.lang;
        let plan = &p.internship;
        if !plan.interns.is_empty() || !plan.clinics.is_empty() {
            self.heading(lang.t(T::programs_ui_internship), 80.0);
            match work_out(plan, &r.input.scenario.data) {
                Ok(result) => {
                    if let Some(period) = plan.period {
                        let head = lang.tf(
                            T::programs_report_period,
                            &[
                                ("start", &period.start),
                                ("end", &period.end),
                                ("days", &plan.days),
                            ],
                        );
                        self.paragraph(&head, BODY, 0.0);
                    }
                    self.sheet(&schedule_sheet(plan, &result, lang), r, &[]);
                    self.sheet(
                        &expectations_sheet(plan, &result, lang),
                        r,
                        &["village_births", "births_source"],
                    );
                    self.paragraph(
                        lang.t(T::programs_ui_expectations_note),
                        BODY.color(GREY),
                        0.0,
                    );
                }
                Err(e) => self.paragraph(&e.message(lang), BODY, 0.0),
            }
        }
        if !p.indicators.years.is_empty() {
            self.heading(lang.t(T::programs_ui_indicators), 60.0);
            self.sheet(&indicators_sheet(p), r, &[]);
        }
        let m = &p.mentoring;
        if !m.facilities.is_empty() {
            self.heading(lang.t(T::programs_ui_mentoring), 80.0);
            let today = Date::parse(&r.input.date).unwrap_or_else(crate::io::programs::today);
            let gap = |region: &str| region_gap(r.input.data, r.input.proj, region, today.year());
            if !m.checklist.name.is_empty() {
                self.paragraph(&m.checklist.name, BODY.color(GREY), 0.0);
            }
            self.sheet(
                &visits_sheet(m, today, &gap, lang),
                r,
                &["refers_to", "latest_score", "latest_max"],
            );
        }
    }

    /// A programme's table, leaving out the columns keyed in `skip`;
    /// marked rows begin with “!”.
    fn sheet(&mut self, sheet: &Sheet, r: &Report, skip: &[&str]) {
        let lang = r.lang;
        let keep: Vec<usize> = (0..sheet.columns.len())
            .filter(|&i| !skip.contains(&sheet.columns[i].key))
            .collect();
        let numeric = |i: usize| {
            sheet.rows.iter().all(|row| {
                matches!(
                    row.get(i),
                    Some(Value::Number(..) | Value::Share(_) | Value::Empty)
                )
            })
        };
        // Dates, numbers and single words keep one line; longer texts wrap.
        let one_line = |i: usize| {
            sheet.rows.iter().all(|row| match row.get(i) {
                Some(Value::Text(t)) => !t.trim().contains(' '),
                _ => true,
            })
        };
        let mut columns = vec![Column::left("")];
        columns.extend(keep.iter().map(|&i| {
            let head = lang.t(sheet.columns[i].heading);
            if numeric(i) {
                Column::right(head)
            } else if one_line(i) {
                Column::left(head)
            } else {
                Column::text(head)
            }
        }));
        let rows = sheet
            .rows
            .iter()
            .enumerate()
            .map(|(k, row)| {
                let mark = sheet.marked.get(k).copied().unwrap_or(false);
                let mut cells = vec![if mark { "!".to_string() } else { String::new() }];
                cells.extend(
                    keep.iter()
                        .map(|&i| row.get(i).map(|v| v.shown(lang)).unwrap_or_default()),
                );
                cells
            })
            .collect();
        self.paragraph(lang.t(sheet.name), BODY, 0.0);
        self.table(&Table {
            columns,
            rows,
            style: SMALL,
        });
        self.y += 6.0;
    }
}
