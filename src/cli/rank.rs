//! `rank`: the regions ranked for a year, shortest of midwives first, with
//! how many are short and the sum of their shortfalls.

use std::io::Write;

use super::args::{RankArgs, RankByArg, RankFormatArg};
use super::{CliError, find_region, model_error, prepare_scenario};
use crate::i18n::T;
use crate::io::export::text::aligned;
use crate::model::number::fmt_fixed;
use crate::model::ranking::{RankBy, rank_by, rank_nodes};
use crate::model::{self, Lang};

pub(super) fn rank_cmd(a: &RankArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let lang: Lang = a.common.lang.into();
    let scenario = prepare_scenario(&a.common)?;
    let (data, proj) = model::compute(&scenario).map_err(|e| model_error(e, lang))?;
    let year = a.year.unwrap_or(proj.last_data_year);
    if !proj.years().contains(&year) {
        return Err(CliError::Usage(lang.tf(
            T::rank_year_outside,
            &[
                ("year", &year),
                ("first", &proj.first_year),
                ("last", &proj.end_year),
            ],
        )));
    }
    let by = match a.by {
        RankByArg::Gap => RankBy::Gap,
        RankByArg::Ratio => RankBy::Ratio,
        RankByArg::Need => RankBy::Need,
    };
    let ranking = match &a.region {
        Some(key) => {
            let r = find_region(&data, key, lang)?;
            let children: Vec<usize> = data.tree.children(r).iter().map(|&c| c as usize).collect();
            rank_nodes(&data, &proj, year, by, &children, scenario.params.need_sum)
        }
        None => rank_by(&data, &proj, year, by),
    };
    let subject = match &a.region {
        Some(key) => data.label(find_region(&data, key, lang)?).to_string(),
        None => lang.t(T::text_total).to_string(),
    };
    if let Some(path) = &a.chart {
        let footer = format!(
            "{} · {} · Proyeksi Bidan",
            scenario.name,
            crate::chart::today()
        );
        let chart =
            crate::io::export::ranking::ranking_chart(&ranking, &data, &subject, &footer, lang);
        crate::io::export::ranking::save_ranking_chart(path, &chart, 1600, 1000)
            .map_err(|e| CliError::Read(e.message(lang)))?;
    }
    if let Some(path) = &a.table {
        crate::io::export::ranking::save_ranking_table(path, &ranking, &data, lang)
            .map_err(|e| CliError::Read(e.message(lang)))?;
    }
    if matches!(a.format, RankFormatArg::Json) {
        let rows: Vec<serde_json::Value> = ranking
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                serde_json::json!({
                    "rank": i + 1,
                    "region_code": data.codes[r.region],
                    "region_name": data.names[r.region],
                    "midwives_needed": r.need,
                    "midwives_available": r.available,
                    "gap": r.gap,
                    "ratio": r.ratio,
                    "need_per_1000_pregnant_women": r.need_per_1000_women,
                })
            })
            .collect();
        let doc = serde_json::json!({
            "year": year,
            "ranked_by": if ranking.by_gap { format!("{:?}", by).to_lowercase() } else { "need".into() },
            "short_regions": ranking.short_regions,
            "total_shortfall": ranking.total_shortfall,
            "regions": rows,
        });
        serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::other)?;
        writeln!(out)?;
        return Ok(());
    }
    let opt = |x: Option<f64>, d: usize| x.map_or(String::new(), |v| fmt_fixed(v, d, lang));
    if matches!(a.format, RankFormatArg::Csv) {
        crate::io::export::ranking::write_ranking_csv(&ranking, &data, out)?;
        return Ok(());
    }
    let mut lines: Vec<Vec<String>> = vec![vec![
        "#".into(),
        lang.t(T::table_region).into(),
        lang.t(T::supply_col_needed).into(),
        lang.t(T::supply_col_available).into(),
        lang.t(T::supply_col_gap).into(),
        lang.t(T::rank_col_ratio).into(),
        lang.t(T::rank_col_per_1000).into(),
    ]];
    for (i, r) in ranking.rows.iter().enumerate() {
        lines.push(vec![
            (i + 1).to_string(),
            data.label(r.region).to_string(),
            fmt_fixed(r.need, 2, lang),
            opt(r.available, 2),
            opt(r.gap, 2),
            opt(r.ratio, 2),
            fmt_fixed(r.need_per_1000_women, 2, lang),
        ]);
    }
    writeln!(out, "{}", lang.tf(T::rank_title, &[("year", &year)]))?;
    out.write_all(aligned(&lines, |c| c == 1).as_bytes())?;
    writeln!(out)?;
    if ranking.by_gap {
        writeln!(
            out,
            "{}",
            lang.tf(
                T::rank_shortfall,
                &[
                    ("short", &ranking.short_regions),
                    ("regions", &ranking.rows.len()),
                    ("shortfall", &fmt_fixed(ranking.total_shortfall, 2, lang)),
                ],
            )
        )?;
    } else {
        writeln!(out, "{}", lang.t(T::rank_needs_midwives))?;
    }
    Ok(())
}
