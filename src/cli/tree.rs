//! `--region` and `--level` of `compute`, `export` and `rank`: a region of
//! the tree (summed over the regions under it) or every region of a level.

use std::io::Write;

use super::{CliError, find_region};
use crate::i18n::T;
use crate::io::export::text::{aligned, render_rows};
use crate::model::explain::Fmt;
use crate::model::number::fmt_fixed;
use crate::model::region_tree::Level;
use crate::model::tree_sum::node_rows;
use crate::model::{Lang, PreparedData, Projection, Scenario};
use crate::table::Selection;

/// The rows asked for on the command line.
pub(super) fn selection(
    data: &PreparedData,
    region: Option<&str>,
    level: Option<&str>,
    lang: Lang,
) -> Result<Selection, CliError> {
    if let Some(key) = region {
        return Ok(Selection::Node(find_region(data, key, lang)?));
    }
    let Some(name) = level else {
        return Ok(Selection::All);
    };
    let level = Level::parse(name)
        .ok_or_else(|| CliError::Usage(lang.tf(T::cli_level_unknown, &[("level", &name)])))?;
    if data.tree.at_level(level).is_empty() {
        return Err(CliError::Usage(
            lang.tf(T::cli_level_none, &[("level", &level.label(lang))]),
        ));
    }
    Ok(Selection::Level(level))
}

/// The text table of a selection: a region's years, then one line per
/// region under it; or one line per region of a level.
pub(super) fn write_text(
    out: &mut dyn Write,
    scenario: &Scenario,
    data: &PreparedData,
    proj: &Projection,
    selection: Selection,
    lang: Lang,
) -> Result<(), CliError> {
    let rule = scenario.params.need_sum;
    let f = Fmt::new(lang, proj.rounding);
    writeln!(out, "{}\n", scenario.name)?;
    let list: Vec<usize> = match selection {
        Selection::Node(r) => {
            let level = data.tree.level[r].map_or("", |l| l.label(lang));
            writeln!(out, "{} ({}) {level}", data.label(r), data.codes[r])?;
            let rows = node_rows(data, proj, Some(r), rule);
            out.write_all(render_rows(&rows, f, data.has_midwives).as_bytes())?;
            let children: Vec<usize> = data.tree.children(r).iter().map(|&c| c as usize).collect();
            if children.is_empty() {
                return Ok(());
            }
            writeln!(out, "\n{}", lang.t(T::cli_regions_under))?;
            children
        }
        Selection::Level(level) => {
            let list = data.tree.at_level(level);
            writeln!(out, "{} ({})", level.label(lang), list.len())?;
            list
        }
        Selection::All => return Ok(()),
    };
    let (b, h) = (proj.base_year, proj.horizon_year);
    let need = lang.t(T::text_midwives_needed);
    let mut lines = vec![vec![
        lang.t(T::text_code).to_string(),
        lang.t(T::text_region).to_string(),
        format!("{need} {b}"),
        format!("{need} {h}"),
    ]];
    for r in list {
        let rows = node_rows(data, proj, Some(r), rule);
        let at = |y: i32| {
            rows.iter()
                .find(|row| row.year == y)
                .map_or(String::new(), |row| fmt_fixed(row.midwives_needed, 1, lang))
        };
        lines.push(vec![
            data.codes[r].clone(),
            data.names[r].clone(),
            at(b),
            at(h),
        ]);
    }
    out.write_all(aligned(&lines, |c| c < 2).as_bytes())?;
    Ok(())
}

/// The JSON of a selection: each region with its years.
pub(super) fn write_json(
    out: &mut dyn Write,
    scenario: &Scenario,
    data: &PreparedData,
    proj: &Projection,
    selection: Selection,
) -> Result<(), CliError> {
    let rule = scenario.params.need_sum;
    let mut regions = Vec::new();
    crate::table::for_each_selected_row(data, proj, selection, rule, |code, name, row| {
        if regions
            .last()
            .is_none_or(|(c, _, _): &(String, String, Vec<serde_json::Value>)| c != code)
        {
            regions.push((code.to_string(), name.to_string(), Vec::new()));
        }
        if let Some(last) = regions.last_mut() {
            last.2
                .push(serde_json::to_value(row).map_err(std::io::Error::other)?);
        }
        Ok::<(), std::io::Error>(())
    })?;
    let regions: Vec<serde_json::Value> = regions
        .into_iter()
        .map(|(code, name, years)| {
            serde_json::json!({"region_code": code, "region_name": name, "years": years})
        })
        .collect();
    let doc = serde_json::json!({
        "name": scenario.name,
        "need_sum": scenario.params.need_sum.key(),
        "regions": regions,
    });
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::other)?;
    writeln!(out)?;
    Ok(())
}
