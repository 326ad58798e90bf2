//! Files in and out: scenario files (RON), and the projection as a table,
//! CSV or JSON. Bytes become model types or a precise error; no window here.

pub mod activities;
pub mod export;
pub mod import;
pub mod scenario_file;

pub use scenario_file::{
    ScenarioFileError, load_scenario, save_scenario, scenario_from_str, scenario_to_string,
};
