//! The planning engine: plain data in, plain data out. No window, no files,
//! no global state. The window, the command line and the exports all call
//! these functions, so they all show the same numbers.
//!
//! - [`params`]: the planner's parameters (service standard, working time, population, rounding).
//! - [`data`]: the data table checked and in columns, as the projection reads it;
//!   [`data_row`] one row (region, year, population, CBR…); [`region_groups`] the
//!   rows grouped by region.
//! - [`values`]: a region's shared code or name, and a number that may be missing.
//! - [`columns`]: the data table's columns that a file's columns are mapped to.
//! - [`scenario`]: a name, the parameters, the data and the workload set-up, as one file.
//! - [`capacity`]: a midwife's capacity for antenatal care (ANC package, HKE/WKE, share).
//! - [`flags`]: suspect data years, runaway projections and small numbers, as data.
//! - [`sanity`]: results past a sanity bound (more midwives than women, more women than people).
//! - [`growth`]: the growth-rate estimators (mean, median, trend, compound) over chosen years.
//! - [`population_route`]: pregnant women from the population's growth and the CBR.
//! - [`projection`]: births, pregnant women, growth, the projection and midwives needed.
//! - [`supply`]: midwives available each year as a stock and flow, and goal seek.
//! - [`supply_outlook`]: the supply of a region or the total from the projection, with the goal seek for the planner's target year.
//! - [`compare`]: up to four scenarios side by side, each against the first.
//! - [`numeric_params`]: the numeric parameters one by one, their ranges, the model with one moved.
//! - [`sensitivity`]: every parameter moved down and up, ranked by its swing on the need (tornado).
//! - [`uncertainty`]: ranges on the parameters, seeded draws, and P10–P50–P90 bands per year.
//! - [`region_tree`]: regions in a tree (province … village), from parent codes or Kemendagri codes.
//! - [`tree_sum`]: a region's figures summed over the regions under it, and parents checked against their children.
//! - [`ranking`]: the regions ranked by gap for a year, and the sum of shortfalls.
//! - [`shortfall`]: how many regions are short of midwives, and by how much in all.
//! - [`staffing`]: the workload method (WISN / ABK-Kes) over every activity of a midwife.
//! - [`explain`]: the working, every step with its formula and numbers.
//! - [`number`]: numbers in Indonesian and English, rounding as the paper does.
//! - [`overrides`]: setting a parameter by name (`--set NAME=VALUE`).
//! - [`programs`]: the internship (magang) and clinical mentoring programmes, and the delivery indicators.
//! - [`error`]: the engine's errors, naming what to fix.
//! - [`synthetic`]: a deterministic synthetic data set for benchmarks and tests.

pub mod capacity;
pub mod columns;
pub mod compare;
pub mod data;
pub mod data_row;
pub mod error;
pub mod explain;
pub mod flags;
pub mod growth;
pub mod number;
pub mod numeric_params;
pub mod overrides;
pub mod params;
pub mod population_route;
pub mod programs;
pub mod projection;
pub mod projection_read;
pub mod ranking;
pub mod region_groups;
pub mod region_tree;
pub mod sanity;
pub mod scenario;
pub mod sensitivity;
pub mod shortfall;
pub mod staffing;
pub mod supply;
pub mod supply_outlook;
pub mod synthetic;
pub mod tree_sum;
pub mod uncertainty;
pub mod values;

pub use crate::i18n::Lang;
pub use capacity::{Capacity, PackageTime, WorkingTimeResult, capacity};
pub use data::{DataRow, MaybeNumber, PreparedData};
pub use error::{ModelError, Problem};
pub use params::{
    CbrTrend, GrowthMethod, NeedSum, Parameters, PopulationGrowth, PopulationParams, Rounding,
    ServiceStandard, StandardPreset, Visit, WorkingTime, YearSpan,
};
pub use projection::{Projection, YearKind, YearRow, project, with_new_need};
pub use scenario::Scenario;

/// Computes a scenario in one call: checks the data, then projects.
pub fn compute(scenario: &Scenario) -> Result<(PreparedData, Projection), ModelError> {
    let data = PreparedData::new(&scenario.data)?;
    let projection = project(&scenario.params, &data)?;
    Ok((data, projection))
}
