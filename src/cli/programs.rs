//! `internship` and `mentoring`: the programmes' plans of a scenario,
//! printed as text tables, CSV or JSON, and written to a workbook.

use std::io::Write;

use super::args::{FormatArg, InternshipArgs, MentoringArgs};
use super::{CliError, prepare_scenario};
use crate::i18n::T;
use crate::io::programs::sheets::{
    calendar_sheet, cases_sheet, checklist_sheet, expectations_sheet, indicators_sheet,
    meetings_sheet, schedule_sheet, scores_sheet, visit_list_sheet, visits_sheet,
};
use crate::io::programs::{Sheet, import_checklist, import_clinics, import_interns, save_sheets};
use crate::model::programs::internship::check_days;
use crate::model::programs::{Date, Period, region_gap, work_out};
use crate::model::{Lang, Scenario};

fn date_arg(text: &str, lang: Lang) -> Result<Date, CliError> {
    Date::parse(text)
        .ok_or_else(|| CliError::Usage(lang.tf(T::programs_cli_not_a_date, &[("text", &text)])))
}

pub(super) fn internship_cmd(a: &InternshipArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let lang: Lang = a.common.lang.into();
    let mut scenario = prepare_scenario(&a.common)?;
    let programs = scenario.programs.get_or_insert_with(Default::default);
    let plan = &mut programs.internship;
    let read = |e: crate::io::import::ImportError| CliError::Read(e.message(lang));
    if let Some(p) = &a.interns {
        plan.interns = import_interns(p, a.common.sheet.as_deref()).map_err(read)?;
    }
    if let Some(p) = &a.clinics {
        plan.clinics = import_clinics(p, a.common.sheet.as_deref()).map_err(read)?;
    }
    if let Some(d) = a.days {
        plan.days = check_days(d).map_err(|e| CliError::Usage(e.message(lang)))?;
    }
    if let Some(p) = &a.period {
        let (from, to) = p
            .split_once(':')
            .ok_or_else(|| CliError::Usage(lang.tf(T::programs_cli_not_a_date, &[("text", p)])))?;
        plan.period = Some(Period {
            start: date_arg(from, lang)?,
            end: date_arg(to, lang)?,
        });
    }
    let plan = plan.clone();
    let result = work_out(&plan, &scenario.data).map_err(|e| CliError::Model(e.message(lang)))?;
    let p = scenario.programs.as_ref().cloned().unwrap_or_default();
    let mut shown = vec![
        schedule_sheet(&plan, &result, lang),
        expectations_sheet(&plan, &result, lang),
    ];
    if !plan.cases.is_empty() {
        shown.push(cases_sheet(&plan, lang));
    }
    shown.push(meetings_sheet(&result));
    if !p.indicators.years.is_empty() {
        shown.push(indicators_sheet(&p));
    }
    if matches!(a.format, FormatArg::Table) {
        let period = plan.check().map_err(|e| CliError::Model(e.message(lang)))?;
        writeln!(
            out,
            "{}\n{}\n",
            scenario.name,
            lang.tf(
                T::programs_cli_internship_head,
                &[
                    ("start", &period.start),
                    ("end", &period.end),
                    ("days", &plan.days),
                    ("interns", &plan.interns.len()),
                    ("clinics", &plan.clinics.len()),
                ]
            )
        )?;
    }
    print_sheets(&shown, a.format, lang, out)?;
    if let Some(path) = &a.xlsx {
        let mut all = shown;
        all.insert(1, calendar_sheet(&plan, &result));
        save_sheets(path, &all, lang).map_err(|e| CliError::Read(e.message(lang)))?;
    }
    Ok(())
}

/// The midwife gap of a region of the scenario's data in `year`.
fn gaps(scenario: &Scenario, year: i32) -> impl Fn(&str) -> Option<f64> + '_ {
    let computed = crate::model::compute(scenario).ok();
    move |region: &str| {
        let (data, projection) = computed.as_ref()?;
        region_gap(data, projection, region, year)
    }
}

pub(super) fn mentoring_cmd(a: &MentoringArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let lang: Lang = a.common.lang.into();
    let mut scenario = prepare_scenario(&a.common)?;
    let day = match &a.today {
        Some(t) => date_arg(t, lang)?,
        None => crate::io::programs::today(),
    };
    {
        let programs = scenario.programs.get_or_insert_with(Default::default);
        if let Some(p) = &a.checklist {
            programs.mentoring.checklist = import_checklist(p, a.common.sheet.as_deref())
                .map_err(|e| CliError::Read(e.message(lang)))?;
        }
    }
    let m = scenario
        .programs
        .as_ref()
        .map(|p| p.mentoring.clone())
        .unwrap_or_default();
    if m.facilities.is_empty() {
        return Err(CliError::Model(
            lang.t(T::programs_cli_no_facilities).to_string(),
        ));
    }
    let gap = gaps(&scenario, day.year());
    let shown = vec![
        visits_sheet(&m, day, &gap, lang),
        visit_list_sheet(&m, day, lang),
    ];
    if matches!(a.format, FormatArg::Table) {
        let overdue = shown[0].marked.iter().filter(|m| **m).count();
        writeln!(
            out,
            "{}\n{}\n{}\n",
            scenario.name,
            lang.tf(
                T::programs_cli_mentoring_head,
                &[
                    ("date", &day),
                    ("facilities", &m.facilities.len()),
                    ("overdue", &overdue),
                ]
            ),
            m.checklist.name
        )?;
    }
    print_sheets(&shown, a.format, lang, out)?;
    if let Some(path) = &a.xlsx {
        let mut all = shown;
        all.push(scores_sheet(&m));
        all.push(checklist_sheet(&m, lang));
        save_sheets(path, &all, lang).map_err(|e| CliError::Read(e.message(lang)))?;
    }
    Ok(())
}

/// The sheets as text tables (marked rows with `!`), CSV (one table after
/// another, a blank line between) or one JSON object.
fn print_sheets(
    sheets: &[Sheet],
    format: FormatArg,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    match format {
        FormatArg::Json => {
            let mut obj = serde_json::Map::new();
            for s in sheets {
                let rows: Vec<serde_json::Value> = s
                    .rows
                    .iter()
                    .map(|r| {
                        let mut o = serde_json::Map::new();
                        for (c, v) in s.columns.iter().zip(r) {
                            o.insert(c.key.to_string(), v.json());
                        }
                        serde_json::Value::Object(o)
                    })
                    .collect();
                obj.insert(s.key.to_string(), serde_json::Value::Array(rows));
            }
            serde_json::to_writer_pretty(&mut *out, &obj).map_err(std::io::Error::other)?;
            writeln!(out)?;
        }
        FormatArg::Csv => {
            for (i, s) in sheets.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                let mut w = csv::Writer::from_writer(Vec::new());
                let head: Vec<&str> = s.columns.iter().map(|c| c.key).collect();
                let _ = w.write_record(&head);
                for r in &s.rows {
                    let _ = w.write_record(r.iter().map(|v| v.plain()));
                }
                let bytes = w
                    .into_inner()
                    .map_err(|e| std::io::Error::other(e.to_string()))?;
                out.write_all(&bytes)?;
            }
        }
        FormatArg::Table => {
            for s in sheets {
                writeln!(out, "{}", lang.t(s.name))?;
                let head: Vec<String> = s
                    .columns
                    .iter()
                    .map(|c| lang.t(c.heading).to_string())
                    .collect();
                let rows: Vec<Vec<String>> = s
                    .rows
                    .iter()
                    .map(|r| r.iter().map(|v| v.shown(lang)).collect())
                    .collect();
                let mut width: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
                for r in &rows {
                    for (w, c) in width.iter_mut().zip(r) {
                        *w = (*w).max(c.chars().count());
                    }
                }
                let line = |mark: bool, cells: &[String]| {
                    let mut t = String::from(if mark { "! " } else { "  " });
                    for (c, w) in cells.iter().zip(&width) {
                        t.push_str(c);
                        t.push_str(&" ".repeat(w - c.chars().count() + 2));
                    }
                    t.trim_end().to_string()
                };
                writeln!(out, "{}", line(false, &head))?;
                for (i, r) in rows.iter().enumerate() {
                    writeln!(
                        out,
                        "{}",
                        line(s.marked.get(i).copied().unwrap_or(false), r)
                    )?;
                }
                if rows.is_empty() {
                    writeln!(out, "  {}", lang.t(T::programs_cli_none))?;
                }
                writeln!(out)?;
            }
        }
    }
    Ok(())
}
