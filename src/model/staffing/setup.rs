//! The planner's workload set-up as kept in the scenario file, and where its
//! available working time comes from.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::model::params::Parameters;
use crate::model::projection::YearRow;

use super::activity::StaffingError;
use super::available::{AvailableTime, WorkingDays};
use super::calculation::StaffingResult;
use super::method::StaffingOptions;
use super::method::{FinalRounding, IntermediateRounding, Method};
use super::presets::ActivityPreset;
use super::presets::{paper_anc_only, puskesmas_full};
use super::volumes::staffing_by_year;
use super::volumes::{PlannedActivity, VolumeAssumptions};

/// The planner's workload set-up, kept in the scenario file: the activity
/// table, the method and rounding choices, the midwives in post and the year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkloadSetup {
    /// The preset last loaded.
    pub preset: Option<ActivityPreset>,
    /// Whether the table was edited since the preset was loaded. An unedited
    /// paper preset follows the scenario's ANC standard.
    pub edited: bool,
    pub plan: Vec<PlannedActivity>,
    pub method: Method,
    pub rounding: IntermediateRounding,
    pub final_rounding: FinalRounding,
    /// Midwives in post (otherwise the data year's, if given).
    pub existing: Option<f64>,
    /// The year computed (`None`: the base year).
    pub year: Option<i32>,
    pub assumptions: VolumeAssumptions,
    /// Where the available working time comes from.
    pub available: AvailableChoice,
}

/// Where the workload's available working time comes from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub enum AvailableChoice {
    /// The scenario's own WKE (its working-time parameters and rounding).
    #[default]
    Scenario,
    /// The Kemenkes ABK-Kes preset for a 6-day week.
    Kemenkes6Day,
    /// The Kemenkes ABK-Kes preset for a 5-day week.
    Kemenkes5Day,
    /// 1.200 hours (72.000 minutes) a year: the rounded WKT that many
    /// district ABK-Kes worksheets use in place of 1.155 or 1.113 hours.
    Rounded1200Hours,
    /// Minutes a year set by the planner.
    Minutes(f64),
}

/// The rounded WKT of many ABK-Kes worksheets: 1.200 hours a year.
pub const ROUNDED_WKT_MINUTES: f64 = 1200.0 * 60.0;

impl AvailableChoice {
    /// The available time this source gives for the scenario's `params`.
    pub fn available(self, params: &Parameters) -> Result<AvailableTime, StaffingError> {
        match self {
            AvailableChoice::Scenario => {
                AvailableTime::from_working_time(&params.working_time, params.rounding)
            }
            AvailableChoice::Kemenkes6Day => WorkingDays::kemenkes_6_day().available(),
            AvailableChoice::Kemenkes5Day => WorkingDays::kemenkes_5_day().available(),
            AvailableChoice::Rounded1200Hours => AvailableTime::from_minutes(ROUNDED_WKT_MINUTES),
            AvailableChoice::Minutes(m) => AvailableTime::from_minutes(m),
        }
    }
}

impl Default for WorkloadSetup {
    fn default() -> Self {
        WorkloadSetup {
            preset: Some(ActivityPreset::PaperAncOnly),
            edited: false,
            plan: Vec::new(),
            method: Method::Wisn,
            rounding: IntermediateRounding::Exact,
            final_rounding: FinalRounding::Nearest,
            existing: None,
            year: None,
            assumptions: VolumeAssumptions::default(),
            available: AvailableChoice::Scenario,
        }
    }
}

impl WorkloadSetup {
    /// The activity table the workload set-up stands for: an unedited preset
    /// is made again from the preset (in `lang`, the paper's following the
    /// scenario's ANC standard), as the Beban kerja tab shows it.
    pub fn activity_plan(&self, params: &Parameters, lang: Lang) -> Vec<PlannedActivity> {
        match self.preset {
            Some(p)
                if !self.edited && (self.plan.is_empty() || p == ActivityPreset::PaperAncOnly) =>
            {
                let plan = match p {
                    ActivityPreset::PaperAncOnly => {
                        paper_anc_only(params, lang).map(|(plan, _)| plan)
                    }
                    ActivityPreset::PuskesmasFull => Ok(puskesmas_full(lang)),
                };
                plan.unwrap_or_else(|_| self.plan.clone())
            }
            _ => self.plan.clone(),
        }
    }

    /// The staffing of every year of `rows` with this set-up (its
    /// activity table, method, roundings, available time and midwives in
    /// post): the figures of the workload chart.
    pub fn staffing_by_year(
        &self,
        params: &Parameters,
        rows: &[YearRow],
        lang: Lang,
    ) -> Result<Vec<(i32, StaffingResult)>, StaffingError> {
        let available = self.available.available(params)?;
        let options = StaffingOptions {
            method: self.method,
            rounding: self.rounding,
            final_rounding: self.final_rounding,
            existing: self.existing,
        };
        staffing_by_year(
            &self.activity_plan(params, lang),
            rows,
            params.population.coefficient,
            &self.assumptions,
            &available,
            &options,
        )
    }
}
