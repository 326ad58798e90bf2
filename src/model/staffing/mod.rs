//! The full workload method: every activity of a midwife, counted by the
//! WHO WISN method (Workload Indicators of Staffing Need, user's manual 2010,
//! 2nd edition 2023) or by the Kemenkes ABK-Kes method (Analisis Beban Kerja
//! Kesehatan, Permenkes 33/2015). Pure: plain data in, plain data out.
//!
//! Both methods have the same shape:
//!
//! | step | WISN | ABK-Kes |
//! |---|---|---|
//! | available time a year | AWT = [A − (B + C + D + E)] × hours per day | WKT, same shape, effective hours per day |
//! | per service activity | SW = AWT / minutes per unit | SBK = WKT / norma waktu |
//! | staff for it | annual workload / SW | capaian / SBK |
//! | sum | Σ staff | JKT = Σ |
//! | support work of everyone | CAS% = time a year / AWT × 100, CAF = 1 / (1 − ΣCAS%/100) | FTP% = Σ time / WKT × 100, STP = 1 / (1 − FTP/100) |
//! | work of some staff only | IAF = Σ(time a year × staff) / AWT | the same, added after STP (see below) |
//! | required | Σ staff × CAF + IAF | JKT × STP (+ individual tasks) |
//!
//! **Individual activities in ABK-Kes.** Permenkes 33/2015 knows only
//! *tugas pokok* (service) and *tugas penunjang* (support done by every
//! post). A task done by a few people only (a coordinator's supervision) is
//! added the way WISN adds its individual allowance: Σ(time a year × people
//! doing it) / WKT, after STP. Folding it into FTP would multiply one
//! person's task by every post. A worksheet without individual rows gives
//! exactly the guideline's answer.
//!
//! **Rounding.** [`IntermediateRounding::Exact`] keeps every intermediate
//! value; [`IntermediateRounding::Worksheet`] rounds as the published
//! worksheets do: SW/SBK to whole units, staff per activity, JKT, CAF/STP,
//! IAF and the required staff to 2 decimals (halves away from zero, as
//! Excel's ROUND). CAS%/FTP% are kept exact. The whole-people figure then
//! uses [`FinalRounding`]: nearest (halves up) or up.
//!
//! - `activity`: the activity table and the errors that name what to fix in it.
//! - `available`: the available working time (Kemenkes/WISN days, minutes, WKE).
//! - `method`: the choices of a calculation (WISN / ABK-Kes, rounding).
//! - `calculation`: the staff required for an activity table.
//! - `volumes`: activity volumes from the projected population.
//! - `presets`: the activity tables shipped with the program.
//! - `working`: the working of a calculation, step by step.
//! - `setup`: the planner's workload set-up kept in the scenario file.

mod activity;
mod available;
mod calculation;
mod method;
mod presets;
mod setup;
mod volumes;
mod working;

pub use activity::{Activity, ActivityKind, ActivityProblem, StaffingError};
pub use available::{AvailableSource, AvailableTime, DaysWorking, WorkingDays};
pub use calculation::{ActivityResult, StaffingResult, check_activities, staffing};
pub use method::{FinalRounding, IntermediateRounding, Method, StaffingOptions};
pub use presets::{
    ANC_VISIT_MINUTES, ActivityPreset, ROUTINE_VISIT_MINUTES, paper_anc_only, puskesmas_full,
};
pub use setup::{AvailableChoice, ROUNDED_WKT_MINUTES, WorkloadSetup};
pub use volumes::{
    PerPerson, PlannedActivity, TargetGroup, TargetPopulation, VolumeAssumptions, VolumeRule,
    derived_units, staffing_by_year, volumes_for_year,
};
pub use working::explain_staffing;
