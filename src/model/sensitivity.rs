//! Which assumption matters: for one year and the total or one region,
//! every numeric parameter moved down and up (by a share of its value, or
//! across its plausible range) with everything else held, and the midwives
//! needed at each end, ranked by the swing between them (a tornado).

use serde::Serialize;

use super::Lang;
use super::data::{DataRow, PreparedData};
use super::error::ModelError;
use super::number::{fmt_trim, parse_number};
use super::numeric_params::{Moved, NumericParam, evaluate, subject_data, subject_growth_percent};
use super::params::Parameters;
use super::projection::project;
use crate::i18n::T;

/// How far each parameter is moved.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum Step {
    /// Down and up by this share of the value (0,1 is ±10%).
    Share(f64),
    /// To both ends of the parameter's plausible range
    /// ([`NumericParam::plausible_range`]).
    PlausibleRange,
}

impl Default for Step {
    fn default() -> Self {
        Step::Share(0.1)
    }
}

/// Reads a step as planners write it: `10%`, `10` (percent), `7,5%`, or
/// `range` / `rentang` for the plausible ranges. A share must be above 0
/// and under 100%.
pub fn parse_step(text: &str, lang: Lang) -> Result<Step, SensitivityError> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("range") || t.eq_ignore_ascii_case("rentang") {
        return Ok(Step::PlausibleRange);
    }
    let bad = || SensitivityError::BadStep(text.to_string());
    let number = t.trim_end_matches('%').trim();
    let percent = parse_number(number, lang).map_err(|_| bad())?;
    if !percent.is_finite() || percent <= 0.0 || percent >= 100.0 {
        return Err(bad());
    }
    Ok(Step::Share(percent / 100.0))
}

/// One parameter moved down and up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SwingRow {
    pub param: NumericParam,
    /// Its name on the command line (`allowance_percent`, `minutes_K1`).
    pub key: String,
    /// Its value in the scenario.
    pub value: f64,
    /// The value moved down and up.
    pub low: f64,
    pub high: f64,
    /// Midwives needed with the value at `low` and at `high`.
    pub need_low: f64,
    pub need_high: f64,
    /// |need_high − need_low|.
    pub swing: f64,
}

/// The tornado: every parameter's swing, largest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sensitivity {
    pub year: i32,
    /// The region moved (its name), or `None` for the total.
    pub region: Option<String>,
    pub step: Step,
    /// Midwives needed with every parameter as the scenario has it.
    pub base_need: f64,
    /// Largest swing first; equal swings in the parameters' order.
    pub rows: Vec<SwingRow>,
    /// The scenario's parameters (for the labels of the visits).
    #[serde(skip)]
    pub params: Parameters,
}

/// Why the tornado could not be drawn.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SensitivityError {
    #[error("{}", self.message(Lang::En))]
    BadStep(String),
    #[error("{}", self.message(Lang::En))]
    YearNotShown { year: i32, first: i32, last: i32 },
    #[error("{}", self.message(Lang::En))]
    Model {
        /// The parameter moved when the engine refused, if any.
        param: Option<String>,
        error: ModelError,
    },
}

impl SensitivityError {
    /// The message in the planner's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SensitivityError::BadStep(text) => lang.tf(T::sensitivity_bad_step, &[("text", text)]),
            SensitivityError::YearNotShown { year, first, last } => lang.tf(
                T::rank_year_outside,
                &[("year", year), ("first", first), ("last", last)],
            ),
            SensitivityError::Model { param: None, error } => error.message(lang),
            SensitivityError::Model {
                param: Some(p),
                error,
            } => lang.tf(
                T::sensitivity_moved_refused,
                &[("param", p), ("error", &error.message(lang))],
            ),
        }
    }
}

/// The swing of every numeric parameter of `params` on the midwives needed
/// in `year`, for the total of `rows` or for region `region` (an index of
/// `PreparedData::new(rows)`).
pub fn sensitivity(
    params: &Parameters,
    rows: &[DataRow],
    region: Option<usize>,
    year: i32,
    step: Step,
) -> Result<Sensitivity, SensitivityError> {
    let model = |error| SensitivityError::Model { param: None, error };
    if let Step::Share(s) = step
        && !(s > 0.0 && s < 1.0)
    {
        return Err(SensitivityError::BadStep(fmt_trim(s * 100.0, 4, Lang::En)));
    }
    let all = PreparedData::new(rows).map_err(model)?;
    let region_name = region.map(|r| all.label(r).to_string());
    let data = subject_data(rows, &all, region).map_err(model)?;
    let proj = project(params, &data).map_err(model)?;
    if !proj.years().contains(&year) {
        return Err(SensitivityError::YearNotShown {
            year,
            first: proj.first_year,
            last: proj.end_year,
        });
    }
    let growth = subject_growth_percent(&proj);
    let base = Moved {
        params: params.clone(),
        growth_shift: 0.0,
        base_growth_percent: growth,
    };
    let need_at = |moved: &Moved, param: NumericParam| -> Result<f64, SensitivityError> {
        let series = evaluate(moved, &data).map_err(|error| SensitivityError::Model {
            param: Some(param.key(params)),
            error,
        })?;
        Ok(series
            .index(year)
            .map_or(0.0, |k| series.midwives_needed[k]))
    };
    let base_need = proj.total_row(year).map_or(0.0, |r| r.midwives_needed);
    let mut out = Vec::new();
    for param in NumericParam::all(params) {
        let Some(value) = param.value(params, growth) else {
            continue;
        };
        let (min, max) = param.engine_range();
        let (a, b) = match step {
            Step::Share(s) => (value * (1.0 - s), value * (1.0 + s)),
            Step::PlausibleRange => param.plausible_range(value),
        };
        let (low, high) = (a.min(b).clamp(min, max), a.max(b).clamp(min, max));
        let mut moved = base.clone();
        param.set(&mut moved, low);
        let need_low = need_at(&moved, param)?;
        let mut moved = base.clone();
        param.set(&mut moved, high);
        let need_high = need_at(&moved, param)?;
        out.push(SwingRow {
            param,
            key: param.key(params),
            value,
            low,
            high,
            need_low,
            need_high,
            swing: (need_high - need_low).abs(),
        });
    }
    // Stable: equal swings keep the parameters' order.
    out.sort_by(|x, y| y.swing.total_cmp(&x.swing));
    Ok(Sensitivity {
        year,
        region: region_name,
        step,
        base_need,
        rows: out,
        params: params.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_read_as_planners_write_them() {
        assert_eq!(parse_step("10%", Lang::Id), Ok(Step::Share(0.1)));
        assert_eq!(parse_step("7,5%", Lang::Id), Ok(Step::Share(0.075)));
        assert_eq!(parse_step("7.5", Lang::En), Ok(Step::Share(0.075)));
        assert_eq!(parse_step("rentang", Lang::Id), Ok(Step::PlausibleRange));
        for bad in ["0", "100%", "-5%", "sepuluh", "", "NaN"] {
            assert!(parse_step(bad, Lang::Id).is_err(), "{bad}");
        }
    }
}
