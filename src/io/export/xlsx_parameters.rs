//! The workbook's second sheet: the scenario's parameters with their
//! units, and the working of the total step by step.

use rust_xlsxwriter::{Format, FormatAlign, Worksheet, XlsxError};

use crate::i18n::T;
use crate::model::explain::{Subject, explain};
use crate::model::{GrowthMethod, Lang, PreparedData, Projection, Rounding, Scenario};

/// A parameter value: a number or a text.
enum Value {
    Num(f64),
    Text(String),
}

/// Writes the parameters and the working (for the total).
pub(super) fn parameter_sheet(
    ws: &mut Worksheet,
    scenario: &Scenario,
    data: &PreparedData,
    proj: &Projection,
    lang: Lang,
) -> Result<(), XlsxError> {
    let t = |k: T| lang.t(k);
    let bold = Format::new().set_bold();
    let head = Format::new().set_bold().set_background_color(0xEDEDED);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let number = Format::new()
        .set_num_format("General")
        .set_align(FormatAlign::Left);
    let p = &scenario.params;
    let w = &p.working_time;
    let pop = &p.population;
    let minutes = t(T::xlsx_minutes);
    let days = t(T::xlsx_days);
    let mut rows: Vec<(String, Value, String)> = vec![
        (
            t(T::xlsx_scenario).into(),
            Value::Text(scenario.name.clone()),
            String::new(),
        ),
        (
            t(T::xlsx_notes).into(),
            Value::Text(scenario.notes.clone()),
            String::new(),
        ),
        (
            t(T::xlsx_service_standard).into(),
            Value::Text(p.anc.name.clone()),
            String::new(),
        ),
    ];
    for v in &p.anc.visits {
        rows.push((
            format!(
                "{} {} ({} {})",
                t(T::xlsx_visit),
                v.label,
                t(T::xlsx_trimester),
                v.trimester
            ),
            Value::Num(v.minutes),
            if v.assumed {
                format!("{minutes} ({})", t(T::xlsx_assumed))
            } else {
                minutes.to_string()
            },
        ));
    }
    let num = |name: &str, v: f64, unit: &str| (name.to_string(), Value::Num(v), unit.to_string());
    rows.extend([
        num(
            t(T::xlsx_preparation),
            p.anc.prep_percent,
            t(T::xlsx_of_visit_time),
        ),
        num(
            t(T::xlsx_recording_and_reporting),
            p.anc.recording_percent,
            t(T::xlsx_of_visit_time),
        ),
        num(t(T::xlsx_working_days_per_week), w.days_per_week, days),
        num(
            t(T::xlsx_weeks_per_year),
            w.weeks_per_year,
            t(T::xlsx_weeks),
        ),
        num(t(T::xlsx_b_annual_leave), w.annual_leave, days),
        num(t(T::xlsx_c_training), w.training_days, days),
        num(t(T::xlsx_d_public_holidays), w.public_holidays, days),
        num(t(T::xlsx_e_other_absence), w.other_absence, days),
        num(
            t(T::xlsx_jkf_formal_working_hours_per),
            w.formal_hours_per_week,
            t(T::xlsx_hours),
        ),
        num(
            t(T::xlsx_allowance_time_not_working),
            w.allowance_percent,
            "%",
        ),
        num(
            t(T::xlsx_pregnant_women_per_live_birth),
            pop.coefficient,
            "",
        ),
        num(t(T::xlsx_base_year), pop.base_year as f64, ""),
        num(t(T::xlsx_horizon_year), pop.horizon_year as f64, ""),
    ]);
    rows.push((
        t(T::xlsx_growth_method).into(),
        Value::Text(
            match pop.growth_method {
                GrowthMethod::MeanAnnual => t(T::xlsx_mean_annual_growth_of_the),
                GrowthMethod::Compound => t(T::xlsx_compound_growth_first_to_last),
                GrowthMethod::Fixed => t(T::xlsx_set_by_the_planner),
                other => other.label(lang),
            }
            .to_string(),
        ),
        String::new(),
    ));
    if pop.growth_method == GrowthMethod::Fixed {
        rows.push(num(
            t(T::xlsx_growth_per_year),
            pop.fixed_growth_percent,
            "%",
        ));
    }
    rows.push((
        t(T::xlsx_rounding).into(),
        Value::Text(
            match p.rounding {
                Rounding::Exact => t(T::xlsx_exact_no_intermediate_rounding),
                Rounding::Published => t(T::xlsx_as_published),
            }
            .to_string(),
        ),
        String::new(),
    ));
    rows.push(num(
        t(T::xlsx_growth_used_total),
        proj.total_growth_used,
        "",
    ));
    rows.push(num(
        t(T::xlsx_share_of_a_midwife_s),
        proj.capacity.share,
        "",
    ));

    ws.write_string_with_format(0, 0, t(T::xlsx_parameter), &head)?;
    ws.write_string_with_format(0, 1, t(T::xlsx_value), &head)?;
    ws.write_string_with_format(0, 2, t(T::xlsx_unit), &head)?;
    ws.write_string_with_format(0, 3, "", &head)?;
    let mut row = 1u32;
    for (name, value, unit) in &rows {
        if let Value::Text(s) = value
            && s.trim().is_empty()
        {
            continue;
        }
        ws.write_string(row, 0, name)?;
        match value {
            Value::Num(v) => ws.write_number_with_format(row, 1, *v, &number)?,
            Value::Text(s) => ws.write_string(row, 1, s)?,
        };
        if !unit.is_empty() {
            ws.write_string(row, 2, unit)?;
        }
        row += 1;
    }

    row += 1;
    let subject = if data.regions() == 1 {
        data.label(0).to_string()
    } else {
        t(T::xlsx_total_of_all_regions).to_string()
    };
    ws.write_string_with_format(
        row,
        0,
        format!("{} ({subject})", t(T::xlsx_the_working)),
        &bold,
    )?;
    row += 1;
    for (c, h) in [
        t(T::xlsx_step),
        t(T::xlsx_formula),
        t(T::xlsx_working),
        t(T::xlsx_note),
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(row, c as u16, *h, &head)?;
    }
    row += 1;
    for (i, s) in explain(p, data, proj, Subject::Total, lang)
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(row, 0, format!("{}. {}", i + 1, s.title), &wrap)?;
        ws.write_string_with_format(row, 1, &s.formula, &wrap)?;
        ws.write_string_with_format(row, 2, &s.working, &wrap)?;
        if !s.note.is_empty() {
            ws.write_string_with_format(row, 3, &s.note, &wrap)?;
        }
        row += 1;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.set_column_width(0, 46)?;
    ws.set_column_width(1, 44)?;
    ws.set_column_width(2, 60)?;
    ws.set_column_width(3, 60)?;
    Ok(())
}
