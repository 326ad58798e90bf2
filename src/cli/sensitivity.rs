//! `sensitivity`: every numeric parameter moved down and up, ranked by its
//! swing on the midwives needed in a year, as a table, CSV or JSON, and
//! (with `--chart`) a tornado chart.

use std::io::Write;

use super::args::{FormatArg, SensitivityArgs};
use super::{CliError, find_region, model_error, prepare_scenario};
use crate::i18n::T;
use crate::io::export::text::aligned;
use crate::io::export::tornado::{save_tornado, tornado_chart};
use crate::model::number::{fmt_fixed, fmt_percent, fmt_trim};
use crate::model::sensitivity::{Sensitivity, SensitivityError, Step, parse_step, sensitivity};
use crate::model::{Lang, PreparedData};

pub(super) fn sensitivity_cmd(a: &SensitivityArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let lang: Lang = a.common.lang.into();
    let scenario = prepare_scenario(&a.common)?;
    let step = parse_step(&a.step, lang).map_err(|e| CliError::Usage(e.message(lang)))?;
    let data = PreparedData::new(&scenario.data).map_err(|e| model_error(e, lang))?;
    let region = match &a.region {
        Some(key) => Some(find_region(&data, key, lang)?),
        None => None,
    };
    let pop = &scenario.params.population;
    let year = a.year.unwrap_or(pop.horizon_year.max(data.last_year()));
    let s = sensitivity(&scenario.params, &scenario.data, region, year, step).map_err(|e| {
        let text = e.message(lang);
        match e {
            SensitivityError::Model { .. } => CliError::Model(text),
            _ => CliError::Usage(text),
        }
    })?;
    let subject = s
        .region
        .clone()
        .unwrap_or_else(|| lang.t(T::text_total).to_string());
    match a.format {
        FormatArg::Table => out.write_all(render(&s, &subject, lang).as_bytes())?,
        FormatArg::Csv => write_csv(&s, out)?,
        FormatArg::Json => {
            serde_json::to_writer_pretty(&mut *out, &s).map_err(std::io::Error::other)?;
            writeln!(out)?;
        }
    }
    if let Some(path) = &a.chart {
        let chart = tornado_chart(&s, &subject, &scenario.name, &crate::chart::today(), lang);
        save_tornado(path, &chart, a.width, a.height)
            .map_err(|e| CliError::Read(e.message(lang)))?;
    }
    Ok(())
}

/// The title, how far the parameters moved, the scenario's need, and one
/// line per parameter, largest swing first.
pub fn render(s: &Sensitivity, subject: &str, lang: Lang) -> String {
    let mut out = lang.tf(
        T::sensitivity_title,
        &[("year", &s.year), ("subject", &subject)],
    );
    out.push('\n');
    out.push_str(&match s.step {
        Step::Share(x) => lang.tf(
            T::sensitivity_by_share,
            &[("step", &fmt_percent(x, 1, lang))],
        ),
        Step::PlausibleRange => lang.t(T::sensitivity_by_range).to_string(),
    });
    out.push('\n');
    out.push_str(&lang.tf(
        T::sensitivity_base,
        &[("need", &fmt_fixed(s.base_need, 2, lang))],
    ));
    out.push_str("\n\n");
    let mut lines = vec![vec![
        "#".to_string(),
        lang.t(T::sensitivity_col_param).to_string(),
        lang.t(T::sensitivity_col_value).to_string(),
        lang.t(T::sensitivity_col_low).to_string(),
        lang.t(T::sensitivity_col_high).to_string(),
        lang.t(T::sensitivity_col_need_low).to_string(),
        lang.t(T::sensitivity_col_need_high).to_string(),
        lang.t(T::sensitivity_col_swing).to_string(),
    ]];
    for (i, r) in s.rows.iter().enumerate() {
        let d = r.param.decimals();
        lines.push(vec![
            (i + 1).to_string(),
            r.param.label(&s.params, lang),
            fmt_trim(r.value, d, lang),
            fmt_trim(r.low, d, lang),
            fmt_trim(r.high, d, lang),
            fmt_fixed(r.need_low, 2, lang),
            fmt_fixed(r.need_high, 2, lang),
            fmt_fixed(r.swing, 2, lang),
        ]);
    }
    out.push_str(&aligned(&lines, |c| c == 1));
    out
}

/// One row per parameter, full precision, for other programs.
fn write_csv(s: &Sensitivity, out: &mut dyn Write) -> Result<(), CliError> {
    let mut w = csv::Writer::from_writer(&mut *out);
    w.write_record([
        "rank",
        "parameter",
        "year",
        "value",
        "low",
        "high",
        "base_need",
        "need_low",
        "need_high",
        "swing",
    ])
    .map_err(std::io::Error::other)?;
    for (i, r) in s.rows.iter().enumerate() {
        w.write_record([
            (i + 1).to_string(),
            r.key.clone(),
            s.year.to_string(),
            r.value.to_string(),
            r.low.to_string(),
            r.high.to_string(),
            s.base_need.to_string(),
            r.need_low.to_string(),
            r.need_high.to_string(),
            r.swing.to_string(),
        ])
        .map_err(std::io::Error::other)?;
    }
    w.flush()?;
    Ok(())
}
