//! A scenario: a name, the parameters and the data table, complete in itself
//! so that a file sent by e-mail carries everything.

use serde::{Deserialize, Serialize};

use super::data::{ColumnMapping, DataRow};
use super::params::Parameters;
use super::programs::Programs;
use super::staffing::WorkloadSetup;
use super::supply::SupplyParams;
use super::uncertainty::UncertaintySetup;

/// The current version of the scenario format.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// Version of the scenario format this was written in.
    pub format_version: u32,
    pub name: String,
    /// Free notes of the planner (source of the data, assumptions).
    #[serde(default)]
    pub notes: String,
    pub params: Parameters,
    pub data: Vec<DataRow>,
    /// How the columns of the planner's data file map to the data table,
    /// as confirmed at the last import (used again at the next import).
    #[serde(default)]
    pub import_mapping: Option<ColumnMapping>,
    /// The workload tab's activity table and choices.
    #[serde(default)]
    pub workload: WorkloadSetup,
    /// Supply assumptions (attrition, intake, transfers); `None` when
    /// supply is not planned (and in files written before it existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supply: Option<SupplyParams>,
    /// Ranges on the parameters, draws and seed of the uncertainty bands;
    /// `None` when not set (and in files written before they existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uncertainty: Option<UncertaintySetup>,
    /// The internship and mentoring programmes and the delivery
    /// indicators; `None` when not used (and in files written before them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programs: Option<Programs>,
}

/// Indonesia 2017–2020 from the paper's Table 2 (BPS, Proyeksi Penduduk
/// Indonesia 2010–2035).
pub const PAPER_DATA: [(i32, f64, f64); 4] = [
    (2017, 261_890_900.0, 18.50),
    (2018, 265_015_300.0, 18.20),
    (2019, 268_074_600.0, 17.80),
    (2020, 271_066_400.0, 17.50),
];

impl Scenario {
    /// The bundled example: Indonesia 2017–2020 from the paper, 4-visit
    /// standard, base year 2017, horizon 2035.
    pub fn example() -> Self {
        Scenario {
            format_version: FORMAT_VERSION,
            name: "Indonesia 2017–2020 (contoh dari makalah)".to_string(),
            notes: "Data: BPS, Proyeksi Penduduk Indonesia 2010–2035, seperti Tabel 2 \
                    Dewi & Umniyatun, Model Proyeksi Kebutuhan Bidan untuk Pelayanan \
                    Antenatal di Indonesia."
                .to_string(),
            params: Parameters::default(),
            data: PAPER_DATA
                .iter()
                .map(|&(year, pop, cbr)| DataRow {
                    region_code: "ID".into(),
                    region_name: "Indonesia".into(),
                    year,
                    population: pop.into(),
                    cbr: cbr.into(),
                    ..DataRow::default()
                })
                .collect(),
            import_mapping: None,
            workload: WorkloadSetup::default(),
            supply: None,
            uncertainty: None,
            programs: None,
        }
    }
}
