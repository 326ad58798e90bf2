//! The population route: a region's population grows by its own growth
//! (the mean of its annual rates, their compound rate or their trend), its crude birth rate is held at its mean or latest value or
//! follows its log-linear trend, and births and pregnant women are computed
//! from the two every year:
//!
//! population_n = population_base × (1 + g_pop)^n
//! CBR_n = CBR_base × (1 + g_CBR)^n (g_CBR = 0 when the CBR is held)
//! pregnant women_n = coefficient × CBR_n × population_n / 1.000
//!
//! which is again P_n = P̂_0 (1 + g)^n with P̂_0 = coefficient × CBR_base ×
//! population_base / 1.000 and 1 + g = (1 + g_pop)(1 + g_CBR).

use super::data::PreparedData;
use super::error::ModelError;
use super::growth;
use super::params::{CbrTrend, PopulationGrowth, PopulationParams};

/// One region's population route, with every figure the working shows.
#[derive(Debug, Clone, PartialEq)]
pub struct PopulationRoute {
    /// First growth year.
    pub first_year: i32,
    /// Population of each growth year.
    pub populations: Vec<f64>,
    /// CBR of each growth year, live births per 1.000 people.
    pub cbrs: Vec<f64>,
    /// Annual rates of the population in the growth years.
    pub population_rates: Vec<f64>,
    /// How `population_growth` was estimated.
    pub population_method: PopulationGrowth,
    /// g_pop: the mean of `population_rates`, or their compound rate or trend.
    pub population_growth: f64,
    pub cbr_trend: CbrTrend,
    /// Population in the base year.
    pub base_population: f64,
    /// The CBR the route uses in the base year.
    pub base_cbr: f64,
    /// g_CBR: the CBR's trend rate, 0 when held.
    pub cbr_growth: f64,
    /// P̂_0 = coefficient × CBR_base × population_base / 1.000.
    pub base_pregnant: f64,
    /// g with 1 + g = (1 + g_pop)(1 + g_CBR).
    pub growth: f64,
}

impl PopulationRoute {
    /// Pregnant women of the route `n` years after the base year.
    pub fn pregnant(&self, n: i32) -> f64 {
        self.base_pregnant * (1.0 + self.growth).powi(n)
    }
}

/// The route of region `r` with growth years `years` (first and last) and
/// the model's pregnant women of every data year of the region.
pub fn population_route(
    pop: &PopulationParams,
    data: &PreparedData,
    r: usize,
    years: (i32, i32),
    pregnant: &[f64],
) -> Result<PopulationRoute, ModelError> {
    let n = data.years;
    let k = |year: i32| (year - data.first_year) as usize;
    let missing = |year: i32| ModelError::PopulationRouteNeedsPopulation {
        region: data.label(r).to_string(),
        year,
    };
    let population = |year: i32| -> Result<f64, ModelError> {
        match data.population[r * n + k(year)] {
            Some(p) if p > 0.0 => Ok(p),
            _ => Err(missing(year)),
        }
    };
    let (y0, y1) = years;
    let mut populations = Vec::new();
    let mut cbrs = Vec::new();
    for year in y0..=y1 {
        let p = population(year)?;
        let i = r * n + k(year);
        let births = if data.births_base[i].is_nan() {
            pregnant[k(year)] / pop.coefficient
        } else {
            data.births_base[i]
        };
        populations.push(p);
        cbrs.push(births / p * 1000.0);
    }
    let population_rates =
        growth::annual_rates(&populations).map_err(|i| missing(y0 + i as i32))?;
    let population_growth = match pop.population_growth {
        PopulationGrowth::Mean => growth::mean(&population_rates),
        PopulationGrowth::Compound => {
            growth::compound(&populations).map_err(|i| missing(y0 + i as i32))?
        }
        PopulationGrowth::Trend => {
            growth::trend(&populations).map_err(|i| missing(y0 + i as i32))?
        }
    };
    let base_year = pop.base_year;
    let base_population = population(base_year)?;
    let (base_cbr, cbr_growth) = match pop.cbr_trend {
        CbrTrend::HoldMean => (growth::mean(&cbrs), 0.0),
        CbrTrend::HoldLatest => (cbrs[cbrs.len() - 1], 0.0),
        CbrTrend::Trend => match growth::log_line(&cbrs) {
            Ok((b, a)) => ((a + b * (base_year - y0) as f64).exp(), b.exp() - 1.0),
            // A year without births: hold the mean instead of a trend to zero.
            Err(_) => (growth::mean(&cbrs), 0.0),
        },
    };
    let base_pregnant = pop.coefficient * base_cbr * base_population / 1000.0;
    Ok(PopulationRoute {
        first_year: y0,
        populations,
        cbrs,
        population_rates,
        population_method: pop.population_growth,
        population_growth,
        cbr_trend: pop.cbr_trend,
        base_population,
        base_cbr,
        cbr_growth,
        base_pregnant,
        growth: (1.0 + population_growth) * (1.0 + cbr_growth) - 1.0,
    })
}
