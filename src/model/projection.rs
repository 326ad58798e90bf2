//! The population side of the model and the projection: births, pregnant
//! women, their growth, the geometric projection P_n = P_0 (1 + g)^n and the
//! midwives needed, per region and in total.

use std::ops::Range;

use rayon::prelude::*;
use serde::Serialize;

use super::capacity::{Capacity, capacity};
use super::data::PreparedData;
use super::error::{ModelError, Problem};
use super::growth::{self, annual_rate};
use super::number::round_half_up;
use super::params::{GrowthMethod, Parameters, PopulationParams, Rounding};
use super::population_route::{PopulationRoute, population_route};

/// Whether a year's figures come from the data or from the projection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum YearKind {
    Data,
    Projection,
}

/// Every figure of one year, for one region or for the total.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearRow {
    pub year: i32,
    pub kind: YearKind,
    pub population: Option<f64>,
    pub cbr: Option<f64>,
    pub births: Option<f64>,
    /// Data years: from the data; projected years: the projection.
    pub pregnant_women: f64,
    /// Growth from the year before (data years after the first).
    pub growth: Option<f64>,
    /// The model's P_0 (1 + g)^n, for every year.
    pub projected_pregnant_women: f64,
    /// Data years: (projection − data) / data × 100.
    pub fit_difference_percent: Option<f64>,
    /// Midwives needed (FTE) = share × pregnant women.
    pub midwives_needed: f64,
    pub midwives_available: Option<f64>,
    /// Available − needed: positive is a surplus, negative a shortfall.
    pub gap: Option<f64>,
    /// Available / needed.
    pub ratio: Option<f64>,
}

/// The projection for every region, with the total per year.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    pub rounding: Rounding,
    pub capacity: Capacity,
    pub growth_method: GrowthMethod,
    pub base_year: i32,
    pub horizon_year: i32,
    pub first_year: i32,
    pub last_data_year: i32,
    /// Last year shown: the horizon, or the last data year if later.
    pub end_year: i32,
    /// The first and last year the growth is estimated from.
    pub growth_years: (i32, i32),
    /// Per region, under the population route: its population, CBR and
    /// growth (empty under the other methods).
    pub routes: Vec<PopulationRoute>,
    /// Per region: the growth rate used for the projection.
    pub growth_used: Vec<f64>,
    /// Per region: the mean annual growth of the growth years (unrounded).
    pub mean_growth: Vec<f64>,
    /// Per region: P_0, pregnant women in the base year (under the
    /// population route P̂_0, from the base year's population and the CBR).
    pub base_pregnant: Vec<f64>,
    /// Per region and data year: pregnant women.
    pub pregnant: Vec<f64>,
    /// Totals over all regions, one row per year, first year to end year.
    pub total: Vec<YearRow>,
    /// Growth used for the total (the region's, or the mean of the total's
    /// annual growth when there are several regions).
    pub total_growth_used: f64,
    /// Mean annual growth of the total's data.
    pub total_mean_growth: f64,
}

pub(super) fn round_people(x: f64, rounding: Rounding) -> f64 {
    match rounding {
        Rounding::Exact => x,
        Rounding::Published => round_whole(x),
    }
}

/// Rounds to a whole number, halves up: the same result as
/// `round_half_up(x, 0)`, with a fast path for counts of people.
#[inline]
fn round_whole(x: f64) -> f64 {
    if (0.0..4.0e15).contains(&x) {
        let nudged = x + x.max(1.0) * 4.0 * f64::EPSILON;
        ((nudged + 0.5) as i64) as f64
    } else {
        round_half_up(x, 0)
    }
}

/// Adds up this year's value of every region (rounded by `shown`) and moves
/// every region on by one year. Eight partial sums let the additions run in
/// parallel lanes.
#[inline]
fn advance(factor: &mut [f64], q: &[f64], shown: impl Fn(f64) -> f64) -> f64 {
    let mut lanes = [0.0f64; 8];
    let mut fc = factor.chunks_exact_mut(8);
    let mut qc = q.chunks_exact(8);
    for (f8, q8) in (&mut fc).zip(&mut qc) {
        for i in 0..8 {
            lanes[i] += shown(f8[i]);
            f8[i] *= q8[i];
        }
    }
    let mut rest = 0.0;
    for (f, q) in fc.into_remainder().iter_mut().zip(qc.remainder()) {
        rest += shown(*f);
        *f *= q;
    }
    lanes.iter().sum::<f64>() + rest
}

/// The mean of the annual rates of `values` (the growth years of one
/// region) and the rate the projection uses under `pop.growth_method`.
/// `Err(i)`: the growth into `values[i]` cannot be computed.
pub fn estimate(pop: &PopulationParams, values: &[f64]) -> Result<(f64, f64), usize> {
    // The mean without a list of rates: this runs for every region on
    // every recompute.
    let mut sum = 0.0;
    for (i, w) in values.windows(2).enumerate() {
        sum += annual_rate(w[0], w[1]).ok_or(i + 1)?;
    }
    let mean = if values.len() > 1 {
        sum / (values.len() - 1) as f64
    } else {
        0.0
    };
    let used = match pop.growth_method {
        GrowthMethod::MeanAnnual | GrowthMethod::Population => mean,
        GrowthMethod::Fixed => pop.fixed_growth_percent / 100.0,
        GrowthMethod::Compound => growth::compound(values)?,
        GrowthMethod::Median => growth::median(&growth::annual_rates(values)?),
        GrowthMethod::Trend => match growth::trend(values) {
            Ok(g) => g,
            // A year without pregnant women has no logarithm: named as the
            // year the growth from it cannot be computed to.
            Err(i) => return Err(i + 1),
        },
    };
    Ok((mean, used))
}

/// The first and last year the growth is estimated from: the planner's
/// growth years, or every data year.
pub fn growth_years(p: &Parameters, data: &PreparedData) -> (i32, i32) {
    match p.population.growth_years {
        Some(span) => (span.first, span.last),
        None => (data.first_year, data.last_year()),
    }
}

/// Checks the population parameters against the data.
fn check_population(p: &Parameters, data: &PreparedData) -> Result<(), ModelError> {
    let pop = &p.population;
    if !pop.coefficient.is_finite() || !(0.5..=3.0).contains(&pop.coefficient) {
        return Err(ModelError::parameter(
            "coefficient",
            pop.coefficient,
            if pop.coefficient.is_finite() {
                Problem::OutOfRange {
                    min: 0.5,
                    max: 3.0,
                    max_open: false,
                }
            } else {
                Problem::NotFinite
            },
        ));
    }
    let (first, last) = (data.first_year, data.last_year());
    if pop.base_year < first || pop.base_year > last {
        return Err(ModelError::parameter(
            "base_year",
            pop.base_year as f64,
            Problem::YearNotInData { first, last },
        ));
    }
    if pop.horizon_year < pop.base_year {
        return Err(ModelError::parameter(
            "horizon_year",
            pop.horizon_year as f64,
            Problem::HorizonBeforeBase {
                base: pop.base_year,
            },
        ));
    }
    if pop.horizon_year > pop.base_year + 100 {
        return Err(ModelError::parameter(
            "horizon_year",
            pop.horizon_year as f64,
            Problem::OutOfRange {
                min: pop.base_year as f64,
                max: (pop.base_year + 100) as f64,
                max_open: false,
            },
        ));
    }
    if let Some(span) = pop.growth_years {
        for year in [span.first, span.last] {
            if year < first || year > last {
                return Err(ModelError::parameter(
                    "growth_years",
                    year as f64,
                    Problem::YearNotInData { first, last },
                ));
            }
        }
        if span.last < span.first {
            return Err(ModelError::parameter(
                "growth_years",
                span.last as f64,
                Problem::OutOfRange {
                    min: span.first as f64,
                    max: last as f64,
                    max_open: false,
                },
            ));
        }
    }
    if pop.growth_method == GrowthMethod::Fixed
        && (!pop.fixed_growth_percent.is_finite()
            || !(-99.0..=100.0).contains(&pop.fixed_growth_percent))
    {
        return Err(ModelError::parameter(
            "growth_percent",
            pop.fixed_growth_percent,
            Problem::OutOfRange {
                min: -99.0,
                max: 100.0,
                max_open: false,
            },
        ));
    }
    Ok(())
}

/// Regions in one piece of a projection's work. The pieces run on every
/// core and their sums are added in the order of the regions, so the
/// result is the same whatever the number of cores.
pub(super) const REGIONS_PER_PIECE: usize = 8192;

/// The regions `0..regions` in pieces of [`REGIONS_PER_PIECE`], in order,
/// one piece per task on every core.
pub(super) fn region_pieces(regions: usize) -> impl IndexedParallelIterator<Item = Range<usize>> {
    (0..regions.div_ceil(REGIONS_PER_PIECE))
        .into_par_iter()
        .map(move |c| c * REGIONS_PER_PIECE..((c + 1) * REGIONS_PER_PIECE).min(regions))
}

/// A piece's sums per data year: births (and whether every birth figure
/// is known) and pregnant women.
struct DataSums {
    births: Vec<f64>,
    births_known: Vec<bool>,
    pregnant: Vec<f64>,
}

impl DataSums {
    fn new(years: usize) -> Self {
        DataSums {
            births: vec![0.0; years],
            births_known: vec![true; years],
            pregnant: vec![0.0; years],
        }
    }
}

/// One region's growth: the rate used, the mean of its rates, the base
/// year's pregnant women, and the population route when that method is
/// chosen.
struct RegionGrowth {
    used: f64,
    mean: f64,
    base: f64,
    route: Option<PopulationRoute>,
}

/// Runs the whole model: capacity, pregnant women, growth, projection and
/// midwives needed, for every region and in total.
pub fn project(p: &Parameters, data: &PreparedData) -> Result<Projection, ModelError> {
    let cap = capacity(p)?;
    check_population(p, data)?;
    let rounding = p.rounding;
    let coef = p.population.coefficient;
    let years = data.years;
    let regions = data.regions();
    let first_year = data.first_year;
    let last_data_year = data.last_year();
    let base_year = p.population.base_year;
    let horizon_year = p.population.horizon_year;
    let end_year = horizon_year.max(last_data_year);
    let span = (end_year - first_year + 1) as usize;
    let base_k = (base_year - first_year) as usize;
    let share = cap.share;

    // Births and pregnant women of every region and data year, with the
    // totals per data year: a piece of regions per core, the pieces' sums
    // added in order.
    let nested = data.tree.nested;
    let mut pregnant = vec![0.0; regions * years];
    let piece_sums: Vec<DataSums> = pregnant
        .par_chunks_mut((REGIONS_PER_PIECE * years).max(1))
        .enumerate()
        .map(|(c, out)| {
            let mut sums = DataSums::new(years);
            for (j, series) in out.chunks_mut(years).enumerate() {
                let r = c * REGIONS_PER_PIECE + j;
                // In a tree, a region with regions under it is not counted again.
                let counted = !nested || data.tree.is_leaf(r);
                for (k, slot) in series.iter_mut().enumerate() {
                    let i = r * years + k;
                    let b = round_people(data.births_base[i], rounding);
                    let given = data.pregnant_given[i];
                    let pw = if !given.is_nan() {
                        round_people(given, rounding)
                    } else if !b.is_nan() {
                        round_people(coef * b, rounding)
                    } else {
                        // PreparedData guarantees births or pregnant women can be had.
                        0.0
                    };
                    if counted {
                        if b.is_nan() {
                            sums.births_known[k] = false;
                        } else {
                            sums.births[k] += b;
                        }
                        sums.pregnant[k] += pw;
                    }
                    *slot = pw;
                }
            }
            sums
        })
        .collect();
    let mut births_total = vec![0.0; years];
    let mut births_known = vec![true; years];
    let mut pregnant_total = vec![0.0; years];
    for sums in &piece_sums {
        for k in 0..years {
            births_total[k] += sums.births[k];
            births_known[k] &= sums.births_known[k];
            pregnant_total[k] += sums.pregnant[k];
        }
    }

    // Each region's growth, on every core; the first region that cannot
    // grow (in the order of the data) is the one named.
    let (gy0, gy1) = growth_years(p, data);
    let (k0, k1) = ((gy0 - first_year) as usize, (gy1 - first_year) as usize);
    let grow = |r: usize| -> Result<RegionGrowth, ModelError> {
        let series = &pregnant[r * years..(r + 1) * years];
        let from_zero = |i: usize| ModelError::GrowthFromZero {
            region: data.label(r).to_string(),
            year: first_year + (k0 + i) as i32,
        };
        let (mean, used) = estimate(&p.population, &series[k0..=k1]).map_err(from_zero)?;
        if used <= -1.0 && first_year < base_year {
            return Err(ModelError::GrowthFromZero {
                region: data.label(r).to_string(),
                year: base_year,
            });
        }
        if p.population.growth_method == GrowthMethod::Population {
            let route = population_route(&p.population, data, r, (gy0, gy1), series)?;
            Ok(RegionGrowth {
                used: route.growth,
                mean,
                base: route.base_pregnant,
                route: Some(route),
            })
        } else {
            Ok(RegionGrowth {
                used,
                mean,
                base: series[base_k],
                route: None,
            })
        }
    };
    // Written straight into the three columns, a piece per core; a piece
    // stops at its first region that cannot grow, and the first piece's
    // error is the one given.
    let mut growth_used = vec![0.0; regions];
    let mut mean_growth = vec![0.0; regions];
    let mut base_pregnant = vec![0.0; regions];
    let piece_routes: Vec<Result<Vec<PopulationRoute>, ModelError>> = growth_used
        .par_chunks_mut(REGIONS_PER_PIECE)
        .zip(mean_growth.par_chunks_mut(REGIONS_PER_PIECE))
        .zip(base_pregnant.par_chunks_mut(REGIONS_PER_PIECE))
        .enumerate()
        .map(|(c, ((used, mean), base))| {
            let mut routes = Vec::new();
            for j in 0..used.len() {
                let g = grow(c * REGIONS_PER_PIECE + j)?;
                (used[j], mean[j], base[j]) = (g.used, g.mean, g.base);
                routes.extend(g.route);
            }
            Ok(routes)
        })
        .collect();
    let mut routes = Vec::new();
    for piece in piece_routes {
        routes.extend(piece?);
    }

    // Sum the projection over the regions, a piece of regions per core:
    // each piece goes year by year over its contiguous columns (so the
    // compiler can vectorise it), and the pieces' sums are added in order.
    let piece_totals: Vec<Vec<f64>> = region_pieces(regions)
        .map(|piece| {
            let (start, end) = (piece.start, piece.end);
            let mut factor: Vec<f64> = (start..end)
                .map(|r| {
                    if nested && !data.tree.is_leaf(r) {
                        0.0
                    } else {
                        base_pregnant[r] * start_factor(growth_used[r], first_year - base_year)
                    }
                })
                .collect();
            let q: Vec<f64> = growth_used[start..end].iter().map(|g| 1.0 + g).collect();
            (0..span)
                .map(|_| match rounding {
                    Rounding::Exact => advance(&mut factor, &q, |x| x),
                    Rounding::Published => advance(&mut factor, &q, round_whole),
                })
                .collect()
        })
        .collect();
    let mut projected_total = vec![0.0; span];
    for piece in &piece_totals {
        for (total, x) in projected_total.iter_mut().zip(piece) {
            *total += x;
        }
    }

    // A growth that overflows (from a tiny data value) is refused here, so
    // that no infinity or NaN reaches a table, a chart or a file.
    if let Some(k) = projected_total.iter().position(|x| !x.is_finite()) {
        let year = first_year + k as i32;
        let n = year - base_year;
        let worst = (0..regions)
            .find(|&r| !(base_pregnant[r] * (1.0 + growth_used[r]).powi(n)).is_finite())
            .unwrap_or(0);
        return Err(ModelError::ProjectionOverflow {
            region: data.label(worst).to_string(),
            growth: growth_used[worst],
            year,
        });
    }

    // Data-year totals.
    let mut total = Vec::with_capacity(span);
    let mut prev_total_pw: Option<f64> = None;
    let mut total_growth_sum = 0.0;
    for (k, &projected) in projected_total.iter().enumerate() {
        let year = first_year + k as i32;
        if k < years {
            let pop = data.population_total[k];
            let b = births_known[k].then_some(births_total[k]);
            let pw = pregnant_total[k];
            let avail = data.midwives_total[k];
            let cbr = if regions == 1 {
                data.cbr[k]
            } else {
                match (pop, b) {
                    (Some(pop), Some(b)) if pop > 0.0 => Some(b / pop * 1000.0),
                    _ => None,
                }
            };
            let g = prev_total_pw.and_then(|prev| annual_rate(prev, pw));
            if let Some(g) = g
                && k > k0
                && k <= k1
            {
                total_growth_sum += g;
            }
            prev_total_pw = Some(pw);
            let needed = share * pw;
            total.push(year_row(
                year,
                YearKind::Data,
                pop,
                cbr,
                b,
                pw,
                g,
                projected,
                needed,
                avail,
            ));
        } else {
            // The need is proportional, so the total need is share × total.
            let needed = share * projected;
            total.push(year_row(
                year,
                YearKind::Projection,
                None,
                None,
                None,
                projected,
                None,
                projected,
                needed,
                None,
            ));
        }
    }
    let total_mean_growth = if k1 > k0 {
        total_growth_sum / (k1 - k0) as f64
    } else {
        0.0
    };
    let total_growth_used = if regions == 1 {
        growth_used[0]
    } else {
        total_mean_growth
    };

    Ok(Projection {
        rounding,
        capacity: cap,
        growth_method: p.population.growth_method,
        base_year,
        horizon_year,
        first_year,
        last_data_year,
        end_year,
        growth_years: (gy0, gy1),
        routes,
        growth_used,
        mean_growth,
        base_pregnant,
        pregnant,
        total,
        total_growth_used,
        total_mean_growth,
    })
}

/// The projection `prev` with the need worked out again for `p`, for an
/// edit that leaves the population parameters and the rounding as `prev`
/// was made with (the antenatal standard, the midwife's working time): the
/// pregnant women stay as they are, and the need, proportional to them, is
/// all that changes. The same result as [`project`] with `p`, bit for bit,
/// in microseconds rather than milliseconds for a national table. The
/// caller checks that only such parameters changed.
pub fn with_new_need(mut prev: Projection, p: &Parameters) -> Result<Projection, ModelError> {
    let cap = capacity(p)?;
    for row in &mut prev.total {
        let pregnant = match row.kind {
            YearKind::Data => row.pregnant_women,
            YearKind::Projection => row.projected_pregnant_women,
        };
        let again = year_row(
            row.year,
            row.kind,
            row.population,
            row.cbr,
            row.births,
            row.pregnant_women,
            row.growth,
            row.projected_pregnant_women,
            cap.share * pregnant,
            row.midwives_available,
        );
        *row = again;
    }
    prev.capacity = cap;
    Ok(prev)
}

/// (1 + g)^(first − base): the factor of the first year shown.
pub(super) fn start_factor(g: f64, offset: i32) -> f64 {
    (1.0 + g).powi(offset)
}

#[allow(clippy::too_many_arguments)]
pub(super) fn year_row(
    year: i32,
    kind: YearKind,
    population: Option<f64>,
    cbr: Option<f64>,
    births: Option<f64>,
    pregnant_women: f64,
    growth: Option<f64>,
    projected: f64,
    needed: f64,
    available: Option<f64>,
) -> YearRow {
    let fit = if kind == YearKind::Data && pregnant_women > 0.0 {
        Some((projected - pregnant_women) / pregnant_women * 100.0)
    } else {
        None
    };
    YearRow {
        year,
        kind,
        population,
        cbr,
        births,
        pregnant_women,
        growth,
        projected_pregnant_women: projected,
        fit_difference_percent: fit,
        midwives_needed: needed,
        midwives_available: available,
        gap: available.map(|a| a - needed),
        ratio: available.and_then(|a| if needed > 0.0 { Some(a / needed) } else { None }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DataRow;

    #[test]
    fn an_edit_of_the_need_alone_gives_the_full_projection_bit_for_bit() {
        let mut rows = crate::model::synthetic::regions(300, 5);
        for (i, r) in rows.iter_mut().enumerate() {
            if i % 4 == 0 {
                r.midwives_available = Some(30.0 + i as f64 / 7.0).into();
            }
        }
        let data = PreparedData::new(&rows).unwrap();
        for rounding in [Rounding::Exact, Rounding::Published] {
            let before = Parameters {
                rounding,
                ..Parameters::default()
            };
            let prev = project(&before, &data).unwrap();
            let mut after = before.clone();
            after.anc.visits[0].minutes = 45.0;
            after.working_time.allowance_percent = 25.0;
            let quick = with_new_need(prev.clone(), &after).unwrap();
            assert_eq!(quick, project(&after, &data).unwrap(), "{rounding:?}");
            assert_ne!(quick.total, prev.total);
        }
    }

    #[test]
    fn the_first_region_that_cannot_grow_is_named_whatever_piece_it_is_in() {
        // Regions that grow from zero pregnant women (0 in 2017, 100 in
        // 2018) in the first and the third piece, or the third alone.
        let n = 2 * REGIONS_PER_PIECE + 100;
        let rows_with = |from_zero: &[usize]| -> Vec<DataRow> {
            (0..n)
                .flat_map(|i| {
                    let first = if from_zero.contains(&i) { 0.0 } else { 90.0 };
                    [(2017, first), (2018, 100.0)].map(|(year, pw)| DataRow {
                        region_code: format!("D{i:05}").into(),
                        year,
                        pregnant_women: pw.into(),
                        ..DataRow::default()
                    })
                })
                .collect()
        };
        let p = Parameters::default();
        for (from_zero, named) in [
            (vec![5_000, 2 * REGIONS_PER_PIECE + 7], "D05000"),
            (
                vec![2 * REGIONS_PER_PIECE + 7, 2 * REGIONS_PER_PIECE + 50],
                "D16391",
            ),
        ] {
            let data = PreparedData::new(&rows_with(&from_zero)).unwrap();
            match project(&p, &data) {
                Err(ModelError::GrowthFromZero { region, year }) => {
                    assert!(region.contains(named), "{region} for {from_zero:?}");
                    assert_eq!(year, 2018);
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn the_projection_is_the_same_on_any_number_of_cores() {
        // Three pieces of regions and a bit, both roundings.
        let rows = crate::model::synthetic::regions(2 * REGIONS_PER_PIECE + 700, 11);
        let data = PreparedData::new(&rows).unwrap();
        for rounding in [Rounding::Exact, Rounding::Published] {
            let mut p = Parameters {
                rounding,
                ..Parameters::default()
            };
            p.population.horizon_year = 2040;
            let on = |threads: usize| {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .build()
                    .unwrap();
                pool.install(|| project(&p, &data).unwrap())
            };
            let one = on(1);
            for threads in [2, 3] {
                let many = on(threads);
                assert_eq!(many.total, one.total, "{threads} cores, {rounding:?}");
                assert_eq!(many.pregnant, one.pregnant);
                assert_eq!(many.growth_used, one.growth_used);
                assert_eq!(many.base_pregnant, one.base_pregnant);
            }
            // The total is the sum of the regions' own projections.
            let year = 2040;
            let k = (year - one.first_year) as usize;
            let sum: f64 = (0..data.regions()).map(|r| one.projected(r, year)).sum();
            let total = one.total[k].projected_pregnant_women;
            assert!((sum - total).abs() <= total * 1e-12, "{sum} {total}");
        }
    }

    #[test]
    fn fast_whole_rounding_matches_half_up() {
        for x in [
            0.0,
            0.5,
            1.5,
            2.4999999,
            4_844_981.65,
            5_218_084.156,
            1e12 + 0.5,
            7.0e10,
        ] {
            assert_eq!(round_whole(x), round_half_up(x, 0), "{x}");
        }
    }

    /// One region with pregnant women given: 100, 110, 99, 104,94, 110,187
    /// in 2016–2020 (rates +10%, −10%, +6%, +5%).
    pub(crate) fn short_series() -> Vec<crate::model::DataRow> {
        [100.0, 110.0, 99.0, 104.94, 110.187]
            .iter()
            .enumerate()
            .map(|(i, &pw)| crate::model::DataRow {
                region_name: "Desa Contoh".into(),
                year: 2016 + i as i32,
                pregnant_women: pw.into(),
                ..Default::default()
            })
            .collect()
    }

    fn growth_with(method: GrowthMethod) -> f64 {
        let mut p = Parameters::default();
        p.population.base_year = 2016;
        p.population.growth_method = method;
        let data = PreparedData::new(&short_series()).unwrap();
        project(&p, &data).unwrap().growth_used[0]
    }

    #[test]
    fn each_estimator_on_a_short_series() {
        let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
        // Mean (the paper): (0,10 − 0,10 + 0,06 + 0,05) / 4 = 0,0275.
        assert!(close(growth_with(GrowthMethod::MeanAnnual), 0.0275));
        // Median: sorted −0,10; 0,05; 0,06; 0,10 → (0,05 + 0,06) / 2 = 0,055.
        assert!(close(growth_with(GrowthMethod::Median), 0.055));
        // Compound: (110,187 / 100)^(1/4) − 1 = 0,0245487.
        let c = growth_with(GrowthMethod::Compound);
        assert!((c - 0.0245487).abs() < 1e-7, "{c}");
        // Trend: t = 0…4, t̄ = 2, Σ(t − t̄)² = 10; ln P = 4,6051702,
        // 4,7004804, 4,5951199, 4,6533888, 4,7021789;
        // Σ(t − t̄)·ln P = −2 × 4,6051702 − 4,7004804 + 4,6533888
        // + 2 × 4,7021789 = 0,1469259 (the ȳ terms cancel), so
        // b = 0,01469259 and g = e^b − 1 = 0,0148011.
        let g = growth_with(GrowthMethod::Trend);
        assert!((g - 0.0148011).abs() < 1e-7, "{g}");
        // A last year without pregnant women has no logarithm: the error
        // names it.
        let mut rows = short_series();
        rows[4].pregnant_women = 0.0.into();
        let mut p = Parameters::default();
        p.population.base_year = 2016;
        p.population.growth_method = GrowthMethod::Trend;
        let e = project(&p, &PreparedData::new(&rows).unwrap()).unwrap_err();
        assert!(e.message(crate::model::Lang::En).contains("in 2020"), "{e}");
    }

    #[test]
    fn growth_years_change_the_rate_and_not_the_data() {
        let data = PreparedData::new(&short_series()).unwrap();
        let mut p = Parameters::default();
        p.population.base_year = 2016;
        let all = project(&p, &data).unwrap();
        p.population.growth_years = Some(crate::model::YearSpan {
            first: 2018,
            last: 2020,
        });
        let some = project(&p, &data).unwrap();
        // 99 → 104,94 → 110,187: (0,06 + 0,05) / 2 = 0,055 instead of 0,0275.
        assert!((some.growth_used[0] - 0.055).abs() < 1e-12);
        assert!((all.growth_used[0] - 0.0275).abs() < 1e-12);
        assert_eq!(some.growth_years, (2018, 2020));
        assert_eq!(all.growth_years, (2016, 2020));
        // The data years are the same: pregnant women and their growth.
        assert_eq!(some.pregnant, all.pregnant);
        for year in 2016..=2020 {
            let (a, b) = (
                all.region_row(&data, 0, year),
                some.region_row(&data, 0, year),
            );
            assert_eq!(
                (a.pregnant_women, a.growth, a.population, a.births),
                (b.pregnant_women, b.growth, b.population, b.births)
            );
        }
        // Only the projection changes.
        assert!(some.projected(0, 2035) > all.projected(0, 2035));
        // Years outside the data are refused, naming the parameter.
        p.population.growth_years = Some(crate::model::YearSpan {
            first: 2015,
            last: 2020,
        });
        let e = project(&p, &data).unwrap_err();
        assert!(
            e.message(crate::model::Lang::En).contains("growth_years"),
            "{e}"
        );
        p.population.growth_years = Some(crate::model::YearSpan {
            first: 2020,
            last: 2018,
        });
        assert!(project(&p, &data).is_err());
    }

    #[test]
    fn lanes_add_up_like_a_plain_sum() {
        let mut f: Vec<f64> = (0..21).map(|i| i as f64 * 1.5).collect();
        let q = vec![2.0; 21];
        let s = advance(&mut f, &q, |x| x);
        assert_eq!(s, (0..21).map(|i| i as f64 * 1.5).sum::<f64>());
        assert_eq!(f[3], 9.0);
    }
}
