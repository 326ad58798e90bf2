//! The comparison of scenarios as a CSV file: one row per year and
//! scenario, full precision, each scenario's figures and its difference
//! from the first (scenario A).

use std::io::Write;

use crate::model::compare::Comparison;

/// The letter naming the `i`-th compared scenario (A, B, C, D).
pub fn scenario_letter(i: usize) -> char {
    (b'A' + (i % 26) as u8) as char
}

/// One row per year and scenario, full precision, for other programs.
pub fn write_compare_csv(c: &Comparison, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(&mut *out);
    let head = [
        "year",
        "kind",
        "scenario",
        "scenario_name",
        "pregnant_women",
        "anc_visits",
        "workload_hours",
        "midwives_needed",
        "difference_pregnant_women",
        "difference_anc_visits",
        "difference_workload_hours",
        "difference_midwives_needed",
    ];
    w.write_record(head).map_err(std::io::Error::other)?;
    for year in c.years() {
        for (i, s) in c.scenarios.iter().enumerate() {
            let Some(y) = s.years.iter().find(|y| y.year == year) else {
                continue;
            };
            let (f, d) = (y.figures, y.difference);
            w.write_record([
                year.to_string(),
                crate::table::kind_key(y.kind).to_string(),
                scenario_letter(i).to_string(),
                s.name.clone(),
                f.pregnant_women.to_string(),
                f.anc_visits.to_string(),
                f.workload_hours.to_string(),
                f.midwives_needed.to_string(),
                d.pregnant_women.to_string(),
                d.anc_visits.to_string(),
                d.workload_hours.to_string(),
                d.midwives_needed.to_string(),
            ])
            .map_err(std::io::Error::other)?;
        }
    }
    w.flush()?;
    Ok(())
}
