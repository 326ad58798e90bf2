//! `compute`, `explain`, `export` and `template`: the projection as a table,
//! CSV or JSON, its working, charts and tables as files, and the data template.

use std::io::Write;

use super::args::*;
use super::{CliError, find_region, model_error, prepare_scenario, tree};
use crate::io::export::{Format, csv, json, text};
use crate::model::explain::{Subject, explain, render_text};
use crate::model::{self, Lang, Scenario};
use crate::table::{Precision, Selection};

pub(super) fn compute(a: &ComputeArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let lang: Lang = a.common.lang.into();
    let scenario = prepare_scenario(&a.common)?;
    let (data, proj) = model::compute(&scenario).map_err(|e| model_error(e, lang))?;
    let selection = tree::selection(&data, a.region.as_deref(), a.level.as_deref(), lang)?;
    let node = match selection {
        Selection::Node(r) => Some(r),
        _ => None,
    };
    print_flags(&scenario, &data, &proj, node, lang);
    let format = match a.format {
        FormatArg::Table => Format::Table,
        FormatArg::Csv => Format::Csv,
        FormatArg::Json => Format::Json,
    };
    match format {
        Format::Table if selection != Selection::All => {
            tree::write_text(out, &scenario, &data, &proj, selection, lang)?
        }
        Format::Json if selection != Selection::All => {
            tree::write_json(out, &scenario, &data, &proj, selection)?
        }
        Format::Table => {
            out.write_all(text::render_table(&scenario.name, &data, &proj, lang).as_bytes())?
        }
        Format::Csv => csv::write_csv_of(
            &mut *out,
            &data,
            &proj,
            (selection, scenario.params.need_sum),
            csv::CsvStyle::International,
            Precision::AsShown(proj.rounding),
        )?,
        Format::Json => json::write_json(&mut *out, &scenario.name, &data, &proj)?,
    }
    Ok(())
}

/// Lines of warnings printed at most, so that a national table stays readable.
const MAX_WARNINGS: usize = 40;

/// Prints on standard error the warnings about the projection's base, of
/// every region or of `region` only, so that standard output keeps only the
/// results.
pub(super) fn print_flags(
    scenario: &Scenario,
    data: &crate::model::PreparedData,
    proj: &crate::model::Projection,
    region: Option<usize>,
    lang: Lang,
) {
    let mut flags = crate::model::flags::flags(&scenario.params, data, proj);
    if let Some(r) = region {
        flags.retain_region(r);
    }
    let mut err = std::io::stderr().lock();
    for line in flags.lines(data, proj, lang, MAX_WARNINGS) {
        let _ = writeln!(err, "{line}");
    }
}

pub(super) fn export(a: &ExportArgs) -> Result<(), CliError> {
    use crate::io::export::chart::save_chart;
    use crate::io::export::{csv::CsvStyle, save_table_of};
    let lang: Lang = a.common.lang.into();
    if a.chart.is_none() && a.table.is_none() {
        return Err(CliError::Usage(
            "export: give --chart OUT.png|OUT.svg and/or --table OUT.csv|OUT.xlsx".into(),
        ));
    }
    let scenario = prepare_scenario(&a.common)?;
    let (data, proj) = model::compute(&scenario).map_err(|e| model_error(e, lang))?;
    let selection = tree::selection(&data, a.region.as_deref(), a.level.as_deref(), lang)?;
    if let Some(path) = &a.chart {
        let (rows, subject, region) = match &a.region {
            Some(key) => {
                let r = find_region(&data, key, lang)?;
                (
                    crate::model::tree_sum::node_rows(
                        &data,
                        &proj,
                        Some(r),
                        scenario.params.need_sum,
                    ),
                    data.label(r).to_string(),
                    Some(r),
                )
            }
            None if data.regions() == 1 => (proj.total.clone(), data.label(0).to_string(), Some(0)),
            None => (proj.total.clone(), "Total".to_string(), None),
        };
        let spec = if a.workload {
            let by_year = scenario
                .workload
                .staffing_by_year(&scenario.params, &rows, lang)
                .map_err(|e| CliError::Model(e.message(lang)))?;
            crate::chart::workload_chart(
                &by_year,
                &subject,
                &scenario.name,
                &crate::chart::today(),
                lang,
            )
        } else {
            let mut spec = crate::chart::projection_chart(
                &rows,
                &subject,
                &scenario.name,
                scenario.params.rounding,
                &crate::chart::today(),
                lang,
            );
            if let Some(r) = region {
                let flags = crate::model::flags::flags(&scenario.params, &data, &proj);
                let years: Vec<i32> = flags
                    .suspect_years
                    .iter()
                    .filter(|s| s.region == r)
                    .map(|s| s.year)
                    .collect();
                crate::chart::mark_suspect_years(&mut spec, &rows, &years, lang);
            }
            spec
        };
        save_chart(path, &spec, a.width, a.height).map_err(|e| CliError::Read(e.message(lang)))?;
    }
    if let Some(path) = &a.table {
        let style = match a.csv_style {
            CsvStyleArg::Id => CsvStyle::Indonesian,
            CsvStyleArg::IdFull => CsvStyle::IndonesianFull,
            CsvStyleArg::Intl => CsvStyle::International,
        };
        use crate::io::export::wide::TableLayout;
        let layout = match a.layout {
            Some(LayoutArg::Wide) => TableLayout::Wide,
            Some(LayoutArg::Long) => TableLayout::Long,
            None => TableLayout::default_for(path),
        };
        save_table_of(
            path, &scenario, &data, &proj, selection, lang, style, layout,
        )
        .map_err(|e| CliError::Read(e.message(lang)))?;
    }
    Ok(())
}

pub(super) fn explain_cmd(a: &ExplainArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let lang: Lang = a.common.lang.into();
    let scenario = prepare_scenario(&a.common)?;
    let (data, proj) = model::compute(&scenario).map_err(|e| model_error(e, lang))?;
    let subject = match &a.region {
        None => Subject::Total,
        Some(key) => Subject::Region(find_region(&data, key, lang)?),
    };
    let region = match subject {
        Subject::Region(r) => Some(r),
        Subject::Total => None,
    };
    print_flags(&scenario, &data, &proj, region, lang);
    let steps = explain(&scenario.params, &data, &proj, subject, lang);
    writeln!(out, "{}\n", scenario.name)?;
    out.write_all(render_text(&steps).as_bytes())?;
    Ok(())
}

pub(super) fn write_template(path: &std::path::Path, lang: Lang) -> Result<(), CliError> {
    use crate::io::import::{template_csv, template_xlsx};
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .unwrap_or_default();
    let bytes = match ext.as_str() {
        "csv" => template_csv(lang),
        "xlsx" => template_xlsx(lang).map_err(|e| CliError::Model(e.to_string()))?,
        _ => {
            return Err(CliError::Usage(format!(
                "{}: the template must end in .csv or .xlsx",
                path.display()
            )));
        }
    };
    crate::io::scenario_file::write_atomic(path, &bytes)
        .map_err(|e| CliError::Read(e.message(lang)))?;
    Ok(())
}
