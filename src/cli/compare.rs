//! `compare`: up to four scenarios side by side (files, and variants of
//! the first with `--vary`), year by year, each against the first.

use std::io::Write;

use super::args::{CompareArgs, FormatArg, ScenarioArgs};
use super::{CliError, prepare_scenario};
use crate::i18n::T;
use crate::io::export::text::aligned;
use crate::model::Lang;
use crate::model::compare::{
    Comparison, Figures, MAX_SCENARIOS, Variant, compare_variants, variants,
};
use crate::model::number::fmt_fixed;

use crate::io::export::compare::scenario_letter as letter;

/// The scenarios of the command line: the files (or the bundled example),
/// then the variants of the first.
fn scenarios(a: &CompareArgs, lang: Lang) -> Result<Vec<Variant>, CliError> {
    let files: Vec<Option<std::path::PathBuf>> = if a.files.is_empty() {
        vec![None]
    } else {
        a.files.iter().cloned().map(Some).collect()
    };
    let mut out = Vec::new();
    for file in files {
        out.push(Variant::antenatal(prepare_scenario(&ScenarioArgs {
            scenario: file,
            example: None,
            rounding: a.rounding,
            lang: a.lang,
            set: a.set.clone(),
            data: a.data.clone(),
            sheet: a.sheet.clone(),
        })?));
    }
    let base = out[0].scenario.clone();
    for list in &a.vary {
        out.extend(variants(&base, list, lang).map_err(|e| CliError::Model(e.message(lang)))?);
    }
    if out.len() > MAX_SCENARIOS {
        let e = crate::model::compare::CompareError::Count(out.len());
        return Err(CliError::Usage(e.message(lang)));
    }
    Ok(out)
}

pub(super) fn compare_cmd(a: &CompareArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let lang: Lang = a.lang.into();
    let list = scenarios(a, lang)?;
    let mut c = compare_variants(&list, a.region.as_deref())
        .map_err(|e| CliError::Model(e.message(lang)))?;
    if let Some(year) = a.year {
        c.only_year(year)
            .map_err(|e| CliError::Usage(e.message(lang)))?;
    }
    if let Some(path) = &a.chart {
        let subject = c
            .region
            .clone()
            .unwrap_or_else(|| lang.t(T::text_total).to_string());
        let spec = crate::chart::compare_chart(&c, &subject, &crate::chart::today(), lang);
        crate::io::export::chart::save_chart(path, &spec, a.width, a.height)
            .map_err(|e| CliError::Read(e.message(lang)))?;
    }
    match a.format {
        FormatArg::Table => out.write_all(render(&c, lang).as_bytes())?,
        FormatArg::Csv => crate::io::export::compare::write_compare_csv(&c, out)?,
        FormatArg::Json => {
            serde_json::to_writer_pretty(&mut *out, &c).map_err(std::io::Error::other)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

/// A measure compared: its heading, its value and the decimals shown.
type Measure = (T, fn(&Figures) -> f64, usize);

/// The measures compared.
fn measures() -> [Measure; 4] {
    [
        (T::compare_measure_pregnant, |f| f.pregnant_women, 0),
        (T::compare_measure_visits, |f| f.anc_visits, 0),
        (T::compare_measure_hours, |f| f.workload_hours, 0),
        (T::compare_measure_midwives, |f| f.midwives_needed, 2),
    ]
}

/// The scenarios named by letter, then one table per measure: each
/// scenario's value and each one's difference from A.
pub fn render(c: &Comparison, lang: Lang) -> String {
    let subject = c
        .region
        .clone()
        .unwrap_or_else(|| lang.t(T::text_total).to_string());
    let mut out = lang.tf(T::compare_title, &[("subject", &subject)]);
    out.push('\n');
    for (i, s) in c.scenarios.iter().enumerate() {
        out.push_str(&lang.tf(
            T::compare_scenario_line,
            &[
                ("letter", &letter(i)),
                ("name", &s.name),
                ("visits", &s.visits),
                ("minutes", &fmt_fixed(s.package_minutes, 2, lang)),
            ],
        ));
        out.push('\n');
    }
    let n = c.scenarios.len();
    for (heading, value, decimals) in measures() {
        out.push('\n');
        out.push_str(lang.t(heading));
        out.push('\n');
        let mut head = vec![
            lang.t(T::table_year).to_string(),
            lang.t(T::table_kind).to_string(),
        ];
        head.extend((0..n).map(|i| letter(i).to_string()));
        head.extend((1..n).map(|i| format!("{} − A", letter(i))));
        let mut lines = vec![head];
        let Some(first) = c.scenarios.first() else {
            continue;
        };
        for (k, y) in first.years.iter().enumerate() {
            let kind = match y.kind {
                crate::model::YearKind::Data => lang.t(T::table_data),
                crate::model::YearKind::Projection => lang.t(T::table_projection),
            };
            let mut line = vec![y.year.to_string(), kind.to_string()];
            for s in &c.scenarios {
                line.push(s.years.get(k).map_or_else(String::new, |y| {
                    fmt_fixed(value(&y.figures), decimals, lang)
                }));
            }
            for s in &c.scenarios[1..] {
                line.push(s.years.get(k).map_or_else(String::new, |y| {
                    signed(value(&y.difference), decimals, lang)
                }));
            }
            lines.push(line);
        }
        out.push_str(&aligned(&lines, |col| col < 2));
    }
    out
}

/// A difference with its sign: `+4.274,27`, `-12`, `0`.
fn signed(x: f64, decimals: usize, lang: Lang) -> String {
    let text = fmt_fixed(x, decimals, lang);
    if x > 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("+{text}")
    } else {
        let zero = text.chars().all(|c| !c.is_ascii_digit() || c == '0');
        if zero {
            fmt_fixed(0.0, decimals, lang)
        } else {
            text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_carry_their_sign_and_zero_has_none() {
        assert_eq!(signed(4274.2654, 2, Lang::Id), "+4.274,27");
        assert_eq!(signed(-12.0, 0, Lang::Id), "-12");
        assert_eq!(signed(-0.001, 2, Lang::Id), "0,00");
        assert_eq!(signed(0.0, 0, Lang::En), "0");
    }
}
