//! The planning engine: plain data in, plain data out. No window, no files,
//! no global state. The window, the command line and the exports all call
//! these functions, so they all show the same numbers.

pub mod data;
pub mod error;
pub mod explain;
pub mod number;
pub mod overrides;
pub mod params;
pub mod projection;
pub mod scenario;
pub mod staffing;
pub mod synthetic;
pub mod workload;

pub use crate::i18n::Lang;
pub use data::{DataRow, MaybeNumber, PreparedData};
pub use error::{ModelError, Problem};
pub use params::{
    GrowthMethod, Parameters, PopulationParams, Rounding, ServiceStandard, StandardPreset, Visit,
    WorkingTime,
};
pub use projection::{Projection, YearKind, YearRow, project};
pub use scenario::Scenario;
pub use workload::{PackageTime, WorkingTimeResult, Workload, workload};

/// Computes a scenario in one call: checks the data, then projects.
pub fn compute(scenario: &Scenario) -> Result<(PreparedData, Projection), ModelError> {
    let data = PreparedData::new(&scenario.data)?;
    let projection = project(&scenario.params, &data)?;
    Ok((data, projection))
}
