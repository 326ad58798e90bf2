//! How sure the answer is: each parameter may carry a range (minimum, most
//! likely, maximum); the model is run for a number of draws from those
//! ranges, and each year's P10, P50 and P90 of the midwives needed (and of
//! the pregnant women) make the bands.
//!
//! Draw `i` takes its values from its own ChaCha8 stream (the seed, stream
//! `i`), so the bands are the same run to run, on every platform and
//! whatever the number of threads. The percentiles interpolate linearly
//! between the sorted draws (as Excel's PERCENTILE.INC).

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::SeedableRng;
use rand_distr::{Distribution, Pert, Triangular};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::Lang;
use super::data::{DataRow, PreparedData};
use super::error::ModelError;
use super::number::{fmt_trim, parse_number};
use super::numeric_params::{
    Moved, NumericParam, Series, evaluate, subject_data, subject_growth_percent,
};
use super::params::Parameters;
use super::projection::{YearKind, project};
use crate::i18n::T;

/// Draws when the scenario does not say.
pub const DEFAULT_DRAWS: u32 = 1_000;
/// The most draws one run takes.
pub const MAX_DRAWS: u32 = 1_000_000;

fn default_draws() -> u32 {
    DEFAULT_DRAWS
}

/// The shape of the draws between the minimum and the maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Shape {
    /// PERT (a beta distribution weighted 4 to the most likely value): most
    /// draws near the most likely value, tails thinner than triangular.
    #[default]
    Pert,
    /// Triangular: the density rises linearly to the most likely value.
    Triangular,
}

/// The range of one parameter.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ParamRange {
    pub param: NumericParam,
    pub min: f64,
    pub most_likely: f64,
    pub max: f64,
}

/// The uncertainty set-up saved in the scenario: the ranges, the number of
/// draws and the seed, so the bands can be drawn again exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UncertaintySetup {
    #[serde(default = "default_draws")]
    pub draws: u32,
    #[serde(default)]
    pub seed: u64,
    #[serde(default)]
    pub shape: Shape,
    /// The parameters that vary; the others keep their value. Empty: every
    /// numeric parameter across its plausible range, most likely at its value.
    #[serde(default)]
    pub ranges: Vec<ParamRange>,
}

impl Default for UncertaintySetup {
    fn default() -> Self {
        UncertaintySetup {
            draws: DEFAULT_DRAWS,
            seed: 0,
            shape: Shape::Pert,
            ranges: Vec::new(),
        }
    }
}

/// P10, P50 and P90 of one figure in one year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Quantiles {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

/// One year of the bands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BandYear {
    pub year: i32,
    pub kind: YearKind,
    /// The scenario's own figures (every parameter at its value).
    pub pregnant_women: f64,
    pub midwives_needed: f64,
    pub pregnant_band: Quantiles,
    pub need_band: Quantiles,
}

/// The bands of the total or one region, every year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bands {
    /// The region (its name), or `None` for the total.
    pub region: Option<String>,
    pub draws: u32,
    pub seed: u64,
    pub shape: Shape,
    /// The ranges drawn from (the plausible ranges when the set-up gave none).
    pub ranges: Vec<ParamRange>,
    /// Whether the ranges are the plausible ranges, not the planner's.
    pub default_ranges: bool,
    pub years: Vec<BandYear>,
}

impl Bands {
    /// The year `year`, if shown.
    pub fn year(&self, year: i32) -> Option<&BandYear> {
        self.years.iter().find(|y| y.year == year)
    }
}

/// Why the bands could not be drawn.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum UncertaintyError {
    #[error("{}", self.message(Lang::En))]
    Draws(u32),
    #[error("{}", self.message(Lang::En))]
    Range {
        key: String,
        min: f64,
        most_likely: f64,
        max: f64,
    },
    #[error("{}", self.message(Lang::En))]
    OutsideEngine { key: String, min: f64, max: f64 },
    #[error("{}", self.message(Lang::En))]
    UnknownParam(String),
    /// A range on the command line that is not `NAME=MIN/LIKELY/MAX`.
    #[error("{}", self.message(Lang::En))]
    BadRangeText { text: String, names: String },
    #[error("{}", self.message(Lang::En))]
    Model(ModelError),
    #[error("{}", self.message(Lang::En))]
    Cancelled,
}

impl UncertaintyError {
    /// The message in the planner's language.
    pub fn message(&self, lang: Lang) -> String {
        let n = |x: &f64| fmt_trim(*x, 4, lang);
        match self {
            UncertaintyError::Draws(d) => lang.tf(
                T::bands_error_draws,
                &[("draws", d), ("max", &fmt_trim(MAX_DRAWS as f64, 0, lang))],
            ),
            UncertaintyError::Range {
                key,
                min,
                most_likely,
                max,
            } => lang.tf(
                T::bands_error_range,
                &[
                    ("param", key),
                    ("min", &n(min)),
                    ("likely", &n(most_likely)),
                    ("max", &n(max)),
                ],
            ),
            UncertaintyError::OutsideEngine { key, min, max } => lang.tf(
                T::bands_error_outside,
                &[("param", key), ("min", &n(min)), ("max", &n(max))],
            ),
            UncertaintyError::UnknownParam(key) => {
                lang.tf(T::bands_error_unknown_param, &[("param", key)])
            }
            UncertaintyError::BadRangeText { text, names } => lang.tf(
                T::bands_error_range_text,
                &[("text", text), ("names", names)],
            ),
            UncertaintyError::Model(e) => e.message(lang),
            UncertaintyError::Cancelled => lang.t(T::bands_cancelled).into(),
        }
    }
}

/// Every numeric parameter across its plausible range, most likely at its
/// value (`growth_percent`: the subject's growth a year, in %).
pub fn plausible_ranges(p: &Parameters, growth_percent: f64) -> Vec<ParamRange> {
    NumericParam::all(p)
        .into_iter()
        .filter_map(|param| {
            let v = param.value(p, growth_percent)?;
            let (min, max) = param.plausible_range(v);
            Some(ParamRange {
                param,
                min,
                most_likely: v,
                max,
            })
        })
        .collect()
}

/// Reads `NAME=MIN/LIKELY/MAX` (numbers as planners write them in
/// `lang`, e.g. `allowance_percent=25/30/35` or `minutes_K1=25/30,6/40`) and
/// checks it against `p`.
pub fn parse_range(text: &str, p: &Parameters, lang: Lang) -> Result<ParamRange, UncertaintyError> {
    let bad = || UncertaintyError::BadRangeText {
        text: text.to_string(),
        names: NumericParam::valid_keys(p),
    };
    let (name, values) = text.split_once('=').ok_or_else(bad)?;
    let param = NumericParam::from_key(name, p).ok_or_else(bad)?;
    let numbers = values
        .split('/')
        .map(|v| parse_number(v.trim(), lang))
        .collect::<Result<Vec<f64>, _>>()
        .map_err(|_| bad())?;
    let [min, most_likely, max] = numbers[..] else {
        return Err(bad());
    };
    let range = ParamRange {
        param,
        min,
        most_likely,
        max,
    };
    check_range(&range, p)?;
    Ok(range)
}

/// Checks a range: finite, min ≤ most likely ≤ max, inside what the engine
/// accepts, and of a parameter `p` has.
pub fn check_range(r: &ParamRange, p: &Parameters) -> Result<(), UncertaintyError> {
    let key = r.param.key(p);
    if r.param.value(p, 0.0).is_none() {
        return Err(UncertaintyError::UnknownParam(key));
    }
    let finite = r.min.is_finite() && r.most_likely.is_finite() && r.max.is_finite();
    if !finite || r.min > r.most_likely || r.most_likely > r.max {
        return Err(UncertaintyError::Range {
            key,
            min: r.min,
            most_likely: r.most_likely,
            max: r.max,
        });
    }
    let (lo, hi) = r.param.engine_range();
    if r.min < lo || r.max > hi {
        return Err(UncertaintyError::OutsideEngine {
            key,
            min: lo,
            max: hi,
        });
    }
    Ok(())
}

/// One value of `r` from `rng`. A range of zero width gives its value
/// without drawing.
fn draw_value(r: &ParamRange, shape: Shape, rng: &mut ChaCha8Rng) -> f64 {
    if r.max <= r.min {
        return r.most_likely;
    }
    let x = match shape {
        Shape::Pert => Pert::new(r.min, r.max)
            .with_mode(r.most_likely)
            .map(|d| d.sample(rng))
            .ok(),
        Shape::Triangular => Triangular::new(r.min, r.max, r.most_likely)
            .map(|d| d.sample(rng))
            .ok(),
    };
    // The range is checked, so the distribution always builds.
    x.unwrap_or(r.most_likely).clamp(r.min, r.max)
}

/// The value of a percentile `q` (0 to 1) of sorted `values`, linear
/// between neighbours.
pub fn percentile(sorted: &[f64], q: f64) -> f64 {
    match sorted.len() {
        0 => f64::NAN,
        1 => sorted[0],
        n => {
            let h = (n - 1) as f64 * q;
            let lo = (h.floor() as usize).min(n - 1);
            let hi = (lo + 1).min(n - 1);
            sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
        }
    }
}

fn quantiles(values: &mut [f64]) -> Quantiles {
    values.sort_by(f64::total_cmp);
    Quantiles {
        p10: percentile(values, 0.1),
        p50: percentile(values, 0.5),
        p90: percentile(values, 0.9),
    }
}

/// The bands of `setup` for the total of `rows`, or region `region` (an
/// index of `PreparedData::new(rows)`).
pub fn bands(
    params: &Parameters,
    rows: &[DataRow],
    region: Option<usize>,
    setup: &UncertaintySetup,
) -> Result<Bands, UncertaintyError> {
    bands_with_progress(params, rows, region, setup, &|_, _| true)
}

/// Draws done between two calls of the progress function.
const CHUNK: usize = 512;

/// As [`bands`], telling `progress(done, draws)` after every few hundred
/// draws; `progress` returning `false` stops with [`UncertaintyError::Cancelled`].
pub fn bands_with_progress(
    params: &Parameters,
    rows: &[DataRow],
    region: Option<usize>,
    setup: &UncertaintySetup,
    progress: &(dyn Fn(usize, usize) -> bool + Sync),
) -> Result<Bands, UncertaintyError> {
    if setup.draws == 0 || setup.draws > MAX_DRAWS {
        return Err(UncertaintyError::Draws(setup.draws));
    }
    let model = UncertaintyError::Model;
    let all = PreparedData::new(rows).map_err(model)?;
    let region_name = region.map(|r| all.label(r).to_string());
    let data = subject_data(rows, &all, region).map_err(model)?;
    let proj = project(params, &data).map_err(model)?;
    let growth = subject_growth_percent(&proj);
    let default_ranges = setup.ranges.is_empty();
    let ranges = if default_ranges {
        plausible_ranges(params, growth)
    } else {
        setup.ranges.clone()
    };
    for r in &ranges {
        check_range(r, params)?;
    }
    let base = Moved {
        params: params.clone(),
        growth_shift: 0.0,
        base_growth_percent: growth,
    };
    let point = evaluate(&base, &data).map_err(model)?;
    let draw = |i: usize| -> Result<Series, UncertaintyError> {
        let mut rng = ChaCha8Rng::seed_from_u64(setup.seed);
        rng.set_stream(i as u64);
        let mut moved = base.clone();
        for r in &ranges {
            let v = draw_value(r, setup.shape, &mut rng);
            r.param.set(&mut moved, v);
        }
        evaluate(&moved, &data).map_err(model)
    };
    let n = setup.draws as usize;
    let span = point.years.len();
    // Per year, the draws' values.
    let mut need: Vec<Vec<f64>> = vec![Vec::with_capacity(n); span];
    let mut pregnant: Vec<Vec<f64>> = vec![Vec::with_capacity(n); span];
    let mut done = 0;
    while done < n {
        let end = (done + CHUNK).min(n);
        let chunk: Vec<Series> = (done..end)
            .into_par_iter()
            .map(draw)
            .collect::<Result<_, _>>()?;
        for s in &chunk {
            for k in 0..span {
                need[k].push(s.midwives_needed.get(k).copied().unwrap_or(f64::NAN));
                pregnant[k].push(s.pregnant_women.get(k).copied().unwrap_or(f64::NAN));
            }
        }
        done = end;
        if !progress(done, n) {
            return Err(UncertaintyError::Cancelled);
        }
    }
    let years = (0..span)
        .map(|k| BandYear {
            year: point.years[k],
            kind: point.kinds[k],
            pregnant_women: point.pregnant_women[k],
            midwives_needed: point.midwives_needed[k],
            pregnant_band: quantiles(&mut pregnant[k]),
            need_band: quantiles(&mut need[k]),
        })
        .collect();
    Ok(Bands {
        region: region_name,
        draws: setup.draws,
        seed: setup.seed,
        shape: setup.shape,
        ranges,
        default_ranges,
        years,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate_between_sorted_draws() {
        let v: Vec<f64> = (1..=11).map(f64::from).collect();
        assert_eq!(percentile(&v, 0.1), 2.0);
        assert_eq!(percentile(&v, 0.5), 6.0);
        assert_eq!(percentile(&v, 0.9), 10.0);
        assert_eq!(percentile(&[1.0, 2.0], 0.5), 1.5);
        assert_eq!(percentile(&[4.0], 0.9), 4.0);
    }

    #[test]
    fn a_stream_per_draw_gives_the_same_values_in_any_order() {
        let r = ParamRange {
            param: NumericParam::AllowancePercent,
            min: 20.0,
            most_likely: 30.0,
            max: 40.0,
        };
        let value = |i: u64| {
            let mut rng = ChaCha8Rng::seed_from_u64(7);
            rng.set_stream(i);
            draw_value(&r, Shape::Pert, &mut rng)
        };
        let forward: Vec<f64> = (0..50).map(value).collect();
        let backward: Vec<f64> = (0..50).rev().map(value).collect();
        assert!(forward.iter().eq(backward.iter().rev()));
        assert!(forward.iter().all(|v| (20.0..=40.0).contains(v)));
        assert!(forward.windows(2).any(|w| w[0] != w[1]));
    }

    #[test]
    fn progress_is_told_and_can_cancel() {
        use std::sync::Mutex;
        let s = super::super::Scenario::example();
        let setup = UncertaintySetup {
            draws: 1_200,
            ..UncertaintySetup::default()
        };
        let told = Mutex::new(Vec::new());
        let b = bands_with_progress(&s.params, &s.data, None, &setup, &|done, n| {
            told.lock().map(|mut t| t.push((done, n))).is_ok()
        })
        .unwrap();
        assert_eq!(b.draws, 1_200);
        assert_eq!(
            told.into_inner().unwrap(),
            [(512, 1_200), (1_024, 1_200), (1_200, 1_200)]
        );
        let stopped =
            bands_with_progress(&s.params, &s.data, None, &setup, &|done, _| done < 1_000);
        assert_eq!(stopped, Err(UncertaintyError::Cancelled));
        let none = UncertaintySetup { draws: 0, ..setup };
        assert_eq!(
            bands(&s.params, &s.data, None, &none),
            Err(UncertaintyError::Draws(0))
        );
    }

    #[test]
    fn ranges_are_checked() {
        let p = Parameters::default();
        let r = |param, min, most_likely, max| ParamRange {
            param,
            min,
            most_likely,
            max,
        };
        assert!(check_range(&r(NumericParam::AllowancePercent, 20.0, 30.0, 40.0), &p).is_ok());
        assert!(check_range(&r(NumericParam::AllowancePercent, 30.0, 20.0, 40.0), &p).is_err());
        assert!(check_range(&r(NumericParam::AllowancePercent, 20.0, 30.0, 120.0), &p).is_err());
        assert!(check_range(&r(NumericParam::VisitMinutes(9), 20.0, 30.0, 40.0), &p).is_err());
        assert!(check_range(&r(NumericParam::Coefficient, f64::NAN, 1.1, 1.2), &p).is_err());
    }
}
