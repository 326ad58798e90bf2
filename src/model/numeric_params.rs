//! The numeric parameters one by one, for the analyses that move them
//! (sensitivity, uncertainty): each one's name, its value in a scenario,
//! the range the engine accepts, a plausible range, and the model run with
//! it moved, for the total or one region.
//!
//! Growth is not a field of the parameters: its value is the growth a
//! year the projection uses for the subject (in %). Moving it to `v` moves
//! every region's growth by the same `v − g` percentage points.

use serde::{Deserialize, Serialize};

use super::Lang;
use super::data::{DataRow, PreparedData, RegionGroups};
use super::error::ModelError;
use super::number::round_half_up;
use super::params::{Parameters, Rounding};
use super::projection::{Projection, YearKind, project};
use crate::i18n::T;

/// A numeric parameter of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NumericParam {
    /// Minutes of the visit at this position of the standard (from 0).
    VisitMinutes(usize),
    PrepPercent,
    RecordingPercent,
    DaysPerWeek,
    WeeksPerYear,
    AnnualLeave,
    TrainingDays,
    PublicHolidays,
    OtherAbsence,
    FormalHoursPerWeek,
    AllowancePercent,
    Coefficient,
    /// Growth of pregnant women a year, in %.
    GrowthPercent,
}

/// Every parameter but the visits, in the order the working shows them.
const OTHERS: [NumericParam; 12] = [
    NumericParam::PrepPercent,
    NumericParam::RecordingPercent,
    NumericParam::DaysPerWeek,
    NumericParam::WeeksPerYear,
    NumericParam::AnnualLeave,
    NumericParam::TrainingDays,
    NumericParam::PublicHolidays,
    NumericParam::OtherAbsence,
    NumericParam::FormalHoursPerWeek,
    NumericParam::AllowancePercent,
    NumericParam::Coefficient,
    NumericParam::GrowthPercent,
];

impl NumericParam {
    /// Every numeric parameter of `p`: each visit's minutes, then the rest.
    pub fn all(p: &Parameters) -> Vec<NumericParam> {
        (0..p.anc.visits.len())
            .map(NumericParam::VisitMinutes)
            .chain(OTHERS)
            .collect()
    }

    /// The name on the command line: the `--set` name, or `minutes_K1`
    /// for a visit (its label).
    pub fn key(self, p: &Parameters) -> String {
        match self {
            NumericParam::VisitMinutes(i) => match p.anc.visits.get(i) {
                Some(v) => format!("minutes_{}", v.label),
                None => format!("minutes_{}", i + 1),
            },
            other => other.fixed_key().to_string(),
        }
    }

    fn fixed_key(self) -> &'static str {
        match self {
            NumericParam::VisitMinutes(_) => "minutes",
            NumericParam::PrepPercent => "prep_percent",
            NumericParam::RecordingPercent => "recording_percent",
            NumericParam::DaysPerWeek => "days_per_week",
            NumericParam::WeeksPerYear => "weeks_per_year",
            NumericParam::AnnualLeave => "annual_leave",
            NumericParam::TrainingDays => "training_days",
            NumericParam::PublicHolidays => "public_holidays",
            NumericParam::OtherAbsence => "other_absence",
            NumericParam::FormalHoursPerWeek => "formal_hours_per_week",
            NumericParam::AllowancePercent => "allowance_percent",
            NumericParam::Coefficient => "coefficient",
            NumericParam::GrowthPercent => "growth_percent",
        }
    }

    /// The parameter named `key` (see [`key`](Self::key)) in `p`.
    pub fn from_key(key: &str, p: &Parameters) -> Option<NumericParam> {
        let key = key.trim();
        if let Some(label) = key.strip_prefix("minutes_") {
            return p
                .anc
                .visits
                .iter()
                .position(|v| v.label.eq_ignore_ascii_case(label))
                .map(NumericParam::VisitMinutes);
        }
        OTHERS.into_iter().find(|o| o.fixed_key() == key)
    }

    /// The valid names for `p`, comma-separated.
    pub fn valid_keys(p: &Parameters) -> String {
        Self::all(p)
            .iter()
            .map(|n| n.key(p))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// What the parameter is, in `lang`.
    pub fn label(self, p: &Parameters, lang: Lang) -> String {
        let key = match self {
            NumericParam::VisitMinutes(i) => {
                let visit = p
                    .anc
                    .visits
                    .get(i)
                    .map_or_else(|| format!("{}", i + 1), |v| v.label.clone());
                return lang.tf(T::param_visit_minutes, &[("visit", &visit)]);
            }
            NumericParam::PrepPercent => T::param_prep_percent,
            NumericParam::RecordingPercent => T::param_recording_percent,
            NumericParam::DaysPerWeek => T::param_days_per_week,
            NumericParam::WeeksPerYear => T::param_weeks_per_year,
            NumericParam::AnnualLeave => T::param_annual_leave,
            NumericParam::TrainingDays => T::param_training_days,
            NumericParam::PublicHolidays => T::param_public_holidays,
            NumericParam::OtherAbsence => T::param_other_absence,
            NumericParam::FormalHoursPerWeek => T::param_formal_hours,
            NumericParam::AllowancePercent => T::param_allowance_percent,
            NumericParam::Coefficient => T::param_coefficient,
            NumericParam::GrowthPercent => T::param_growth_percent,
        };
        lang.t(key).to_string()
    }

    /// Decimals a value of this parameter is shown with.
    pub fn decimals(self) -> usize {
        match self {
            NumericParam::Coefficient | NumericParam::GrowthPercent => 3,
            _ => 2,
        }
    }

    /// The value in `p`; `growth_percent` is the subject's growth a year (%).
    /// `None` for a visit the standard does not have.
    pub fn value(self, p: &Parameters, growth_percent: f64) -> Option<f64> {
        let w = &p.working_time;
        Some(match self {
            NumericParam::VisitMinutes(i) => p.anc.visits.get(i)?.minutes,
            NumericParam::PrepPercent => p.anc.prep_percent,
            NumericParam::RecordingPercent => p.anc.recording_percent,
            NumericParam::DaysPerWeek => w.days_per_week,
            NumericParam::WeeksPerYear => w.weeks_per_year,
            NumericParam::AnnualLeave => w.annual_leave,
            NumericParam::TrainingDays => w.training_days,
            NumericParam::PublicHolidays => w.public_holidays,
            NumericParam::OtherAbsence => w.other_absence,
            NumericParam::FormalHoursPerWeek => w.formal_hours_per_week,
            NumericParam::AllowancePercent => w.allowance_percent,
            NumericParam::Coefficient => p.population.coefficient,
            NumericParam::GrowthPercent => growth_percent,
        })
    }

    /// Sets the value in `p`, or (growth) in `moved.growth_shift`.
    pub fn set(self, moved: &mut Moved, value: f64) {
        let p = &mut moved.params;
        let w = &mut p.working_time;
        match self {
            NumericParam::VisitMinutes(i) => {
                if let Some(v) = p.anc.visits.get_mut(i) {
                    v.minutes = value;
                }
            }
            NumericParam::PrepPercent => p.anc.prep_percent = value,
            NumericParam::RecordingPercent => p.anc.recording_percent = value,
            NumericParam::DaysPerWeek => w.days_per_week = value,
            NumericParam::WeeksPerYear => w.weeks_per_year = value,
            NumericParam::AnnualLeave => w.annual_leave = value,
            NumericParam::TrainingDays => w.training_days = value,
            NumericParam::PublicHolidays => w.public_holidays = value,
            NumericParam::OtherAbsence => w.other_absence = value,
            NumericParam::FormalHoursPerWeek => w.formal_hours_per_week = value,
            NumericParam::AllowancePercent => w.allowance_percent = value,
            NumericParam::Coefficient => p.population.coefficient = value,
            NumericParam::GrowthPercent => {
                moved.growth_shift = (value - moved.base_growth_percent) / 100.0;
            }
        }
    }

    /// The values the engine accepts (the bounds it checks).
    pub fn engine_range(self) -> (f64, f64) {
        match self {
            NumericParam::VisitMinutes(_) => (0.0, 600.0),
            NumericParam::PrepPercent | NumericParam::RecordingPercent => (0.0, 500.0),
            NumericParam::DaysPerWeek => (1.0, 7.0),
            NumericParam::WeeksPerYear => (1.0, 53.0),
            NumericParam::AnnualLeave
            | NumericParam::TrainingDays
            | NumericParam::PublicHolidays
            | NumericParam::OtherAbsence => (0.0, 366.0),
            NumericParam::FormalHoursPerWeek => (1.0, 168.0),
            // The engine takes an allowance under 100%.
            NumericParam::AllowancePercent => (0.0, 99.0),
            NumericParam::Coefficient => (0.5, 3.0),
            NumericParam::GrowthPercent => (-99.0, 100.0),
        }
    }

    /// A plausible range around `value` for Indonesian antenatal planning:
    /// visit minutes ±25% (the spread of a time study), preparation and
    /// recording 10–30%, a 5- or 6-day week, 52 to 52,14 weeks, annual
    /// leave 6–12 days, training 0–12, public holidays 14–24, other
    /// absence 6–24, formal hours 35–40 a week, allowance 20–40%, the
    /// coefficient 1,05–1,15 and growth ±1 percentage point. The range
    /// always holds `value` and stays inside the engine's.
    pub fn plausible_range(self, value: f64) -> (f64, f64) {
        let (lo, hi) = match self {
            NumericParam::VisitMinutes(_) => (value * 0.75, value * 1.25),
            NumericParam::PrepPercent | NumericParam::RecordingPercent => (10.0, 30.0),
            NumericParam::DaysPerWeek => (5.0, 6.0),
            NumericParam::WeeksPerYear => (52.0, 365.0 / 7.0),
            NumericParam::AnnualLeave => (6.0, 12.0),
            NumericParam::TrainingDays => (0.0, 12.0),
            NumericParam::PublicHolidays => (14.0, 24.0),
            NumericParam::OtherAbsence => (6.0, 24.0),
            NumericParam::FormalHoursPerWeek => (35.0, 40.0),
            NumericParam::AllowancePercent => (20.0, 40.0),
            NumericParam::Coefficient => (1.05, 1.15),
            NumericParam::GrowthPercent => (value - 1.0, value + 1.0),
        };
        let (min, max) = self.engine_range();
        (lo.min(value).max(min), hi.max(value).min(max))
    }
}

/// Parameters with some values moved: the parameters, and the shift of
/// every region's growth (a fraction a year).
#[derive(Debug, Clone, PartialEq)]
pub struct Moved {
    pub params: Parameters,
    pub growth_shift: f64,
    /// The subject's growth a year (%) before any move.
    pub base_growth_percent: f64,
}

/// Pregnant women and midwives needed of the subject (the total or one
/// region), year by year.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub years: Vec<i32>,
    pub kinds: Vec<YearKind>,
    pub pregnant_women: Vec<f64>,
    pub midwives_needed: Vec<f64>,
}

impl Series {
    /// The index of `year`, if shown.
    pub fn index(&self, year: i32) -> Option<usize> {
        self.years.iter().position(|&y| y == year)
    }
}

/// The data the analyses run on: the whole table for the total, or only
/// the rows of region `r` (of `data`, grouped from `rows`) so that each
/// run projects one region.
pub fn subject_data(
    rows: &[DataRow],
    data: &PreparedData,
    region: Option<usize>,
) -> Result<PreparedData, ModelError> {
    match region {
        None => Ok(data.clone()),
        Some(r) => {
            let groups = RegionGroups::new(rows);
            let own: Vec<DataRow> = groups
                .iter()
                .nth(r)
                .map(|g| g.iter().map(|&i| rows[i].clone()).collect())
                .unwrap_or_default();
            PreparedData::new(&own)
        }
    }
}

/// The growth a year (%) the projection uses for the whole of `data`
/// (its one region, or the total's).
pub fn subject_growth_percent(proj: &Projection) -> f64 {
    proj.total_growth_used * 100.0
}

/// Runs the model with `moved` on `data` (all of it is the subject: the
/// total, or one region's own data) and returns its year series.
pub fn evaluate(moved: &Moved, data: &PreparedData) -> Result<Series, ModelError> {
    let proj = project(&moved.params, data)?;
    let rows = &proj.total;
    let mut series = Series {
        years: rows.iter().map(|r| r.year).collect(),
        kinds: rows.iter().map(|r| r.kind).collect(),
        pregnant_women: rows.iter().map(|r| r.pregnant_women).collect(),
        midwives_needed: rows.iter().map(|r| r.midwives_needed).collect(),
    };
    if moved.growth_shift != 0.0 {
        shift_growth(&proj, moved.growth_shift, &mut series);
    }
    Ok(series)
}

/// Recomputes the projected years with every region's growth moved by
/// `shift`, the way the projection computes them (P₀ (1 + g)ⁿ, whole
/// people in published rounding). A growth moved to −100% or below is held
/// at −99%.
fn shift_growth(proj: &Projection, shift: f64, series: &mut Series) {
    let first = proj.first_year;
    let span = series.years.len();
    let mut pregnant = vec![0.0; span];
    for r in 0..proj.regions() {
        let g = (proj.growth_used[r] + shift).max(-0.99);
        let mut f = proj.base_pregnant[r] * (1.0 + g).powi(first - proj.base_year);
        for (k, p) in pregnant.iter_mut().enumerate() {
            if series.years[k] > proj.last_data_year {
                *p += match proj.rounding {
                    Rounding::Exact => f,
                    Rounding::Published => round_half_up(f, 0),
                };
            }
            f *= 1.0 + g;
        }
    }
    for (k, p) in pregnant.into_iter().enumerate() {
        if series.years[k] > proj.last_data_year {
            series.pregnant_women[k] = p;
            series.midwives_needed[k] = proj.capacity.share * p;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Scenario;

    #[test]
    fn keys_name_every_parameter_and_read_back() {
        let p = Parameters::default();
        let all = NumericParam::all(&p);
        assert_eq!(all.len(), 4 + 12);
        for n in &all {
            assert_eq!(NumericParam::from_key(&n.key(&p), &p), Some(*n));
        }
        assert_eq!(all[3].key(&p), "minutes_K4");
        assert_eq!(NumericParam::from_key("minutes_K9", &p), None);
        assert_eq!(NumericParam::from_key("allowance", &p), None);
    }

    #[test]
    fn a_zero_growth_shift_is_the_projection_and_a_shift_is_worked_by_hand() {
        let s = Scenario::example();
        let data = PreparedData::new(&s.data).unwrap();
        let proj = project(&s.params, &data).unwrap();
        let g = subject_growth_percent(&proj);
        let mut moved = Moved {
            params: s.params.clone(),
            growth_shift: 0.0,
            base_growth_percent: g,
        };
        let same = evaluate(&moved, &data).unwrap();
        let want: Vec<f64> = proj.total.iter().map(|r| r.midwives_needed).collect();
        assert_eq!(same.midwives_needed, want);
        // Growth moved to g + 1 point: 2035 is P₀ (1 + g + 0,01)^18.
        NumericParam::GrowthPercent.set(&mut moved, g + 1.0);
        assert!((moved.growth_shift - 0.01).abs() < 1e-15);
        let up = evaluate(&moved, &data).unwrap();
        let k = up.index(2035).unwrap();
        let p0 = proj.base_pregnant[0];
        let hand = p0 * (1.0 + proj.growth_used[0] + 0.01).powi(18);
        assert!((up.pregnant_women[k] - hand).abs() < 1e-6 * hand);
        // Data years keep the data.
        assert_eq!(up.pregnant_women[0], same.pregnant_women[0]);
    }

    #[test]
    fn plausible_ranges_hold_the_value_and_stay_in_the_engines() {
        let p = NumericParam::AllowancePercent;
        assert_eq!(p.plausible_range(30.0), (20.0, 40.0));
        assert_eq!(p.plausible_range(50.0), (20.0, 50.0));
        assert_eq!(NumericParam::DaysPerWeek.plausible_range(7.0), (5.0, 7.0));
        assert_eq!(NumericParam::Coefficient.plausible_range(2.9).1, 2.9);
        let (lo, hi) = NumericParam::VisitMinutes(0).plausible_range(500.0);
        assert_eq!((lo, hi), (375.0, 600.0));
    }
}
