//! `workload`: the staffing of every midwife activity of a recorded activity
//! table (WHO WISN or Kemenkes ABK-Kes), with its working.

use std::io::Write;

use super::CliError;
use super::args::*;
use crate::i18n::T;
use crate::io::load_scenario;
use crate::model::Lang;
use crate::model::explain::render_text;

pub(super) fn workload_available(
    a: &WorkloadArgs,
) -> Result<crate::model::staffing::AvailableTime, crate::model::staffing::StaffingError> {
    use crate::model::staffing::{AvailableTime, WorkingDays};
    if let Some(m) = a.available_minutes {
        return AvailableTime::from_minutes(m);
    }
    let mut d = match a.working_days {
        WorkingDaysPresetArg::Kemenkes6 => WorkingDays::kemenkes_6_day(),
        WorkingDaysPresetArg::Kemenkes5 => WorkingDays::kemenkes_5_day(),
    };
    let set = |field: &mut f64, v: Option<f64>| {
        if let Some(v) = v {
            *field = v;
        }
    };
    set(&mut d.days_per_week, a.days_per_week);
    set(&mut d.weeks_per_year, a.weeks_per_year);
    set(&mut d.public_holidays, a.public_holidays);
    set(&mut d.annual_leave, a.annual_leave);
    set(&mut d.sick_leave, a.sick_leave);
    set(&mut d.training_days, a.training_days);
    set(&mut d.other_leave, a.other_leave);
    if let Some(h) = a.hours_per_day {
        d.hours_per_day = h;
    } else if let Some(days) = a.days_per_week {
        // Keep the preset's 26,25 effective hours a week.
        d.hours_per_day = 37.5 * 0.7 / days;
    }
    d.available()
}

pub(super) fn workload_cmd(a: &WorkloadArgs, out: &mut dyn Write) -> Result<(), CliError> {
    use crate::model::number::{fmt_fixed, fmt_trim};
    use crate::model::staffing::{
        ActivityKind, AvailableTime, FinalRounding, IntermediateRounding, Method, StaffingOptions,
        explain_staffing, staffing,
    };
    let lang: Lang = a.lang.into();
    let table = crate::io::activities::import_activities(&a.activities, a.sheet.as_deref())
        .map_err(|e| CliError::Read(e.message(lang)))?;
    let available = match &a.scenario {
        Some(path) => {
            let s = load_scenario(path).map_err(|e| CliError::Read(e.message(lang)))?;
            AvailableTime::from_working_time(&s.params.working_time, s.params.rounding)
        }
        None => workload_available(a),
    }
    .map_err(|e| CliError::Model(e.message(lang)))?;
    let options = StaffingOptions {
        method: match a.method {
            MethodArg::Wisn => Method::Wisn,
            MethodArg::Abk => Method::Abk,
        },
        rounding: match a.rounding {
            StaffRoundingArg::Exact => IntermediateRounding::Exact,
            StaffRoundingArg::Worksheet => IntermediateRounding::Worksheet,
        },
        final_rounding: match a.final_rounding {
            FinalRoundingArg::Nearest => FinalRounding::Nearest,
            FinalRoundingArg::Up => FinalRounding::Up,
        },
        existing: a.existing,
    };
    if let Some(e) = a.existing
        && (!e.is_finite() || e < 0.0)
    {
        return Err(CliError::Usage(format!(
            "--existing {e}: {}",
            lang.t(T::cli_must_be_0_or_more)
        )));
    }
    let result = staffing(&table.activities, &available, &options)
        .map_err(|e| CliError::Model(table.locate(&e, lang)))?;
    match a.format {
        WorkloadFormatArg::Json => {
            let mut v =
                serde_json::to_value(&result).map_err(|e| CliError::Model(e.to_string()))?;
            if let Some(obj) = v.as_object_mut() {
                obj.insert("file".into(), serde_json::Value::String(table.file.clone()));
                if result.existing.is_none() {
                    for k in ["existing", "difference", "difference_rounded", "ratio"] {
                        obj.remove(k);
                    }
                }
            }
            serde_json::to_writer_pretty(&mut *out, &v).map_err(std::io::Error::other)?;
            writeln!(out)?;
        }
        WorkloadFormatArg::Table => {
            let abk = options.method == Method::Abk;
            let (sw, factor) = if abk { ("SBK", "STP") } else { ("SW", "CAF") };
            writeln!(
                out,
                "{} — {}\n",
                table.file,
                if abk {
                    "Kemenkes ABK-Kes (Permenkes 33/2015)"
                } else {
                    "WHO WISN"
                }
            )?;
            let num = |x: f64, d: usize| fmt_trim(x, d, lang);
            let rows: Vec<[String; 6]> = result
                .activities
                .iter()
                .map(|r| {
                    [
                        r.name.clone(),
                        r.kind.label(lang).to_string(),
                        num(r.minutes_per_unit, 2),
                        num(r.units_per_year, 2),
                        r.standard_workload.map(|s| num(s, 2)).unwrap_or_default(),
                        match r.kind {
                            ActivityKind::Support => {
                                format!("{}%", num(r.allowance_percent.unwrap_or(0.0), 2))
                            }
                            _ => num(r.staff.unwrap_or(0.0), 2),
                        },
                    ]
                })
                .collect();
            let head = [
                lang.t(T::cli_activity).to_string(),
                lang.t(T::cli_kind).to_string(),
                lang.t(T::cli_min_unit).to_string(),
                lang.t(T::cli_units_year).to_string(),
                sw.to_string(),
                lang.t(T::cli_staff).to_string(),
            ];
            let mut width = head.clone().map(|h| h.chars().count());
            for r in &rows {
                for (w, c) in width.iter_mut().zip(r) {
                    *w = (*w).max(c.chars().count());
                }
            }
            let line = |cells: &[String; 6]| {
                let mut s = String::new();
                for (i, (c, w)) in cells.iter().zip(width).enumerate() {
                    let pad = w - c.chars().count();
                    if i < 2 {
                        s.push_str(c);
                        s.push_str(&" ".repeat(pad));
                    } else {
                        s.push_str(&" ".repeat(pad));
                        s.push_str(c);
                    }
                    s.push_str("  ");
                }
                s.trim_end().to_string()
            };
            writeln!(out, "{}", line(&head))?;
            for r in &rows {
                writeln!(out, "{}", line(r))?;
            }
            writeln!(out)?;
            let d = |x: f64| fmt_fixed(x, 2, lang);
            writeln!(
                out,
                "{}: {} {}",
                if abk { "WKT" } else { "AWT" },
                num(result.available_minutes, 2),
                lang.t(T::cli_min)
            )?;
            writeln!(
                out,
                "{}: {}",
                if abk { "JKT" } else { "Σ" },
                d(result.service_staff)
            )?;
            writeln!(out, "{factor}: {}", d(result.allowance_factor))?;
            writeln!(out, "IAF: {}", d(result.individual_allowance))?;
            writeln!(
                out,
                "{}: {} → {}",
                lang.t(T::cli_required),
                d(result.required),
                fmt_fixed(result.required_rounded, 0, lang)
            )?;
            if let (Some(diff), Some(e)) = (result.difference, result.existing) {
                writeln!(
                    out,
                    "{}: {} − {} = {}",
                    lang.t(T::cli_difference),
                    num(e, 2),
                    d(result.required),
                    d(diff)
                )?;
                if let Some(r) = result.ratio {
                    writeln!(
                        out,
                        "{}: {} ({})",
                        lang.t(T::cli_ratio),
                        d(r),
                        result.ratio_reading(lang).unwrap_or("")
                    )?;
                }
            }
            writeln!(out, "\n{}\n", lang.t(T::cli_the_working))?;
            out.write_all(render_text(&explain_staffing(&result, &available, lang)).as_bytes())?;
        }
    }
    Ok(())
}
