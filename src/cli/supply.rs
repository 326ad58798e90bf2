//! `supply`: midwives available each year as a stock and flow beside the
//! need, the year the gap closes, and (with `--close-by`) the intake that
//! closes it and the attrition that keeps it closed.

use std::io::Write;

use super::args::SupplyArgs;
use super::{CliError, find_region, model_error, prepare_scenario};
use crate::i18n::T;
use crate::io::export::text::aligned;
use crate::model::number::{fmt_fixed, fmt_percent};
use crate::model::supply::{Intake, Supply, SupplyParams, Transfer};
use crate::model::supply_outlook::{AttritionFrom, outlook};
use crate::model::{self, Lang};

/// The supply assumptions: the scenario's, with the command line's on top.
fn supply_params(
    a: &SupplyArgs,
    base: Option<SupplyParams>,
    lang: Lang,
) -> Result<SupplyParams, CliError> {
    let mut p = base.unwrap_or_default();
    if let Some(x) = a.attrition {
        p.attrition_percent = x;
    }
    if let Some(n) = a.intake {
        p.intake = Intake::Number(n);
    }
    if let (Some(graduates), Some(absorbed_percent)) = (a.graduates, a.absorbed) {
        p.intake = Intake::Graduates {
            graduates,
            absorbed_percent,
        };
    }
    for t in &a.attrition_region {
        let bad = || CliError::Usage(lang.tf(T::supply_bad_attrition_region, &[("text", t)]));
        let (code, percent) = t.rsplit_once('=').ok_or_else(bad)?;
        let percent =
            crate::model::number::parse_number(percent.trim(), lang).map_err(|_| bad())?;
        if code.trim().is_empty() {
            return Err(bad());
        }
        p.set_own_attrition(code.trim(), Some(percent));
    }
    for t in &a.transfers {
        let bad = || CliError::Usage(lang.tf(T::supply_bad_transfer, &[("text", t)]));
        let (year, net) = t.split_once('=').ok_or_else(bad)?;
        let year: i32 = year.trim().parse().map_err(|_| bad())?;
        let net = crate::model::number::parse_number(net.trim(), lang).map_err(|_| bad())?;
        p.transfers.push(Transfer { year, net });
    }
    Ok(p)
}

pub(super) fn supply_cmd(a: &SupplyArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let lang: Lang = a.common.lang.into();
    let scenario = prepare_scenario(&a.common)?;
    let (data, proj) = model::compute(&scenario).map_err(|e| model_error(e, lang))?;
    let region = match &a.region {
        Some(key) => Some(find_region(&data, key, lang)?),
        None => None,
    };
    let mut p = supply_params(a, scenario.supply.clone(), lang)?;
    // The goal seek is asked for here with --close-by only.
    p.close_by = None;
    let rule = scenario.params.need_sum;
    let o = outlook(&p, &data, &proj, region, rule, a.close_by).map_err(|e| {
        CliError::Model(match region {
            Some(r) => format!("{}: {}", data.label(r), e.message(lang)),
            None => e.message(lang),
        })
    })?;
    let subject = match region {
        Some(r) => data.label(r).to_string(),
        None => lang.t(T::text_total).to_string(),
    };
    // Every region given its own rate must be in the data.
    for r in &p.attrition_by_region {
        find_region(&data, &r.region, lang)?;
    }
    let mut shown = p.clone();
    shown.attrition_percent = o.attrition.percent;
    out.write_all(render(&subject, &shown, &o.supply, lang).as_bytes())?;
    let base = o.supply.years.first().map_or(0, |y| y.year);
    let percent = fmt_percent(o.attrition.percent / 100.0, 2, lang);
    match o.attrition.from {
        AttritionFrom::All => {}
        AttritionFrom::Own => writeln!(
            out,
            "{}",
            lang.tf(T::supply_attrition_own, &[("attrition", &percent)])
        )?,
        AttritionFrom::Weighted => writeln!(
            out,
            "{}",
            lang.tf(
                T::supply_attrition_weighted,
                &[("attrition", &percent), ("year", &base)],
            )
        )?,
    }
    if let Some(path) = &a.chart {
        let spec = crate::chart::supply::supply_chart(
            &o.supply,
            &subject,
            &scenario.name,
            scenario.params.rounding,
            &crate::chart::today(),
            lang,
        );
        crate::io::export::chart::save_chart(path, &spec, 1600, 1000)
            .map_err(|e| CliError::Read(e.message(lang)))?;
    }
    if let Some(goal) = &o.goal {
        let by = goal.by_year;
        let line = match (goal.intake, goal.check_gap) {
            (Some(i), Some(gap)) => lang.tf(
                T::supply_intake_to_close,
                &[
                    ("year", &by),
                    ("intake", &fmt_fixed(i, 2, lang)),
                    ("gap", &fmt_fixed(gap, 2, lang)),
                ],
            ),
            _ => lang.tf(T::supply_intake_cannot_close, &[("year", &by)]),
        };
        writeln!(out, "{line}")?;
        let line = match goal.attrition {
            Some(x) if x >= crate::model::supply_outlook::ANY_ATTRITION => {
                lang.tf(T::supply_attrition_any, &[("year", &by)])
            }
            Some(x) => lang.tf(
                T::supply_attrition_to_keep,
                &[
                    ("year", &by),
                    ("attrition", &fmt_percent(x / 100.0, 2, lang)),
                ],
            ),
            None => lang.tf(T::supply_attrition_cannot_keep, &[("year", &by)]),
        };
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// The assumptions, the year table and the year the gap closes.
fn render(subject: &str, p: &SupplyParams, s: &Supply, lang: Lang) -> String {
    let f = |x: f64| fmt_fixed(x, 2, lang);
    let mut out = String::new();
    out.push_str(&lang.tf(T::supply_title, &[("subject", &subject)]));
    out.push('\n');
    let intake = match p.intake {
        Intake::Number(n) => f(n),
        Intake::Graduates {
            graduates,
            absorbed_percent,
        } => lang.tf(
            T::supply_graduates,
            &[
                ("graduates", &fmt_fixed(graduates, 0, lang)),
                ("absorbed", &fmt_percent(absorbed_percent / 100.0, 1, lang)),
                ("intake", &f(p.intake.per_year())),
            ],
        ),
    };
    out.push_str(&lang.tf(
        T::supply_assumptions,
        &[
            (
                "attrition",
                &fmt_percent(p.attrition_percent / 100.0, 2, lang),
            ),
            ("intake", &intake),
        ],
    ));
    out.push_str("\n\n");
    let head = [
        lang.t(T::table_year),
        lang.t(T::table_kind),
        lang.t(T::supply_col_start),
        lang.t(T::supply_col_leaving),
        lang.t(T::supply_col_new),
        lang.t(T::supply_col_transfers),
        lang.t(T::supply_col_available),
        lang.t(T::supply_col_needed),
        lang.t(T::supply_col_gap),
    ];
    let mut rows: Vec<Vec<String>> = vec![head.iter().map(|h| h.to_string()).collect()];
    for y in &s.years {
        let kind = if y.from_data {
            lang.t(T::table_data)
        } else {
            lang.t(T::table_projection)
        };
        rows.push(vec![
            y.year.to_string(),
            kind.to_string(),
            y.start.map_or("–".into(), f),
            f(y.attrition),
            f(y.intake),
            f(y.transfers),
            f(y.stock),
            f(y.need),
            f(y.gap),
        ]);
    }
    out.push_str(&aligned(&rows, |c| c < 2));
    out.push('\n');
    let last = s.years.last().map_or(0, |y| y.year);
    out.push_str(&match s.closes_in() {
        Some(y) => lang.tf(T::supply_closes_in, &[("year", &y)]),
        None => lang.tf(T::supply_not_closed, &[("year", &last)]),
    });
    out.push('\n');
    out
}
