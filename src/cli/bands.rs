//! `bands`: draws from the parameters' ranges and each year's P10, P50 and
//! P90 of the midwives needed and pregnant women, as a table, CSV or JSON,
//! and (with `--chart`) a chart of the bands.

use std::io::Write;

use super::args::{BandsArgs, FormatArg, ShapeArg};
use super::{CliError, find_region, model_error, prepare_scenario};
use crate::i18n::T;
use crate::io::export::bands::{bands_chart, save_bands};
use crate::io::export::text::aligned;
use crate::io::save_scenario;
use crate::model::number::{fmt_fixed, fmt_trim};
use crate::model::uncertainty::{
    Bands, Shape, UncertaintyError, UncertaintySetup, bands, parse_range,
};
use crate::model::{Lang, Parameters, PreparedData, YearKind};

/// The set-up: the scenario's, with the command line's on top (a range
/// given replaces the scenario's range of the same parameter).
fn setup(
    a: &BandsArgs,
    base: Option<UncertaintySetup>,
    params: &Parameters,
    lang: Lang,
) -> Result<UncertaintySetup, UncertaintyError> {
    let mut s = base.unwrap_or_default();
    if let Some(d) = a.draws {
        s.draws = d;
    }
    if let Some(seed) = a.seed {
        s.seed = seed;
    }
    if let Some(shape) = a.shape {
        s.shape = match shape {
            ShapeArg::Pert => Shape::Pert,
            ShapeArg::Triangular => Shape::Triangular,
        };
    }
    for text in &a.ranges {
        let r = parse_range(text, params, lang)?;
        s.ranges.retain(|old| old.param != r.param);
        s.ranges.push(r);
    }
    Ok(s)
}

pub(super) fn bands_cmd(a: &BandsArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let lang: Lang = a.common.lang.into();
    let mut scenario = prepare_scenario(&a.common)?;
    let usage = |e: UncertaintyError| CliError::Usage(e.message(lang));
    let set = setup(a, scenario.uncertainty.clone(), &scenario.params, lang).map_err(usage)?;
    let data = PreparedData::new(&scenario.data).map_err(|e| model_error(e, lang))?;
    let region = match &a.region {
        Some(key) => Some(find_region(&data, key, lang)?),
        None => None,
    };
    let b = bands(&scenario.params, &scenario.data, region, &set).map_err(|e| {
        let text = e.message(lang);
        match e {
            UncertaintyError::Model(_) => CliError::Model(text),
            _ => CliError::Usage(text),
        }
    })?;
    let subject = b
        .region
        .clone()
        .unwrap_or_else(|| lang.t(T::text_total).to_string());
    match a.format {
        FormatArg::Table => {
            out.write_all(render(&b, &scenario.params, &subject, lang).as_bytes())?
        }
        FormatArg::Csv => write_csv(&b, out)?,
        FormatArg::Json => {
            serde_json::to_writer_pretty(&mut *out, &b).map_err(std::io::Error::other)?;
            writeln!(out)?;
        }
    }
    if let Some(path) = &a.chart {
        let chart = bands_chart(&b, &subject, &scenario.name, &crate::chart::today(), lang);
        save_bands(path, &chart, a.width, a.height).map_err(|e| CliError::Read(e.message(lang)))?;
    }
    if let Some(path) = &a.save {
        scenario.uncertainty = Some(set);
        save_scenario(path, &scenario).map_err(|e| CliError::Read(e.message(lang)))?;
    }
    Ok(())
}

/// The title, the draws and ranges, and one line per year.
pub fn render(b: &Bands, params: &Parameters, subject: &str, lang: Lang) -> String {
    let mut out = lang.tf(T::bands_title, &[("subject", &subject)]);
    out.push('\n');
    let shape = match b.shape {
        Shape::Pert => "PERT",
        Shape::Triangular => lang.t(T::bands_shape_triangular),
    };
    out.push_str(&lang.tf(
        T::bands_draws_line,
        &[
            ("draws", &fmt_fixed(b.draws as f64, 0, lang)),
            ("seed", &b.seed),
            ("shape", &shape),
        ],
    ));
    out.push('\n');
    out.push_str(lang.t(if b.default_ranges {
        T::bands_ranges_plausible
    } else {
        T::bands_ranges_given
    }));
    out.push('\n');
    for r in &b.ranges {
        let d = r.param.decimals();
        out.push_str(&format!(
            "  {}: {} – {} – {}\n",
            r.param.label(params, lang),
            fmt_trim(r.min, d, lang),
            fmt_trim(r.most_likely, d, lang),
            fmt_trim(r.max, d, lang)
        ));
    }
    out.push('\n');
    let mut lines = vec![vec![
        lang.t(T::table_year).to_string(),
        lang.t(T::table_kind).to_string(),
        lang.t(T::bands_col_need).to_string(),
        "P10".to_string(),
        "P50".to_string(),
        "P90".to_string(),
        lang.t(T::bands_col_pregnant).to_string(),
        "P10".to_string(),
        "P50".to_string(),
        "P90".to_string(),
    ]];
    for y in &b.years {
        let kind = match y.kind {
            YearKind::Data => lang.t(T::table_data),
            YearKind::Projection => lang.t(T::table_projection),
        };
        let f2 = |x: f64| fmt_fixed(x, 2, lang);
        let f0 = |x: f64| fmt_fixed(x, 0, lang);
        lines.push(vec![
            y.year.to_string(),
            kind.to_string(),
            f2(y.midwives_needed),
            f2(y.need_band.p10),
            f2(y.need_band.p50),
            f2(y.need_band.p90),
            f0(y.pregnant_women),
            f0(y.pregnant_band.p10),
            f0(y.pregnant_band.p50),
            f0(y.pregnant_band.p90),
        ]);
    }
    out.push_str(&aligned(&lines, |c| c < 2));
    out
}

/// One row per year, full precision, for other programs.
fn write_csv(b: &Bands, out: &mut dyn Write) -> Result<(), CliError> {
    let mut w = csv::Writer::from_writer(&mut *out);
    w.write_record([
        "year",
        "kind",
        "midwives_needed",
        "need_p10",
        "need_p50",
        "need_p90",
        "pregnant_women",
        "pregnant_p10",
        "pregnant_p50",
        "pregnant_p90",
    ])
    .map_err(std::io::Error::other)?;
    for y in &b.years {
        w.write_record([
            y.year.to_string(),
            crate::table::kind_key(y.kind).to_string(),
            y.midwives_needed.to_string(),
            y.need_band.p10.to_string(),
            y.need_band.p50.to_string(),
            y.need_band.p90.to_string(),
            y.pregnant_women.to_string(),
            y.pregnant_band.p10.to_string(),
            y.pregnant_band.p50.to_string(),
            y.pregnant_band.p90.to_string(),
        ])
        .map_err(std::io::Error::other)?;
    }
    w.flush()?;
    Ok(())
}
