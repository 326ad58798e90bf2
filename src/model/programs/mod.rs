//! The programmes around the projection: the internship of newly posted
//! village midwives at partner clinics (magang) and the clinical mentoring
//! of the emergency referral network (pendampingan klinis), with the
//! district's delivery indicators. Pure: plans in, schedules and scores out.
//!
//! - [`date`]: a calendar day (ISO), its weekday and month.
//! - [`internship`]: interns, partner clinics, the length (at most 2 days) and the period.
//! - [`schedule`]: the rotation, within capacity and after permission.
//! - [`poisson`]: deliveries expected during an intern's days, the chance of none.
//! - [`cases`]: the case log and the monthly case meetings.
//! - [`indicators`]: deliveries assisted by health workers and in facilities by year.
//! - [`mentoring`]: facilities, visits, the checklist, scores and what is overdue.
//! - [`error`]: what is wrong with a plan.

pub mod cases;
pub mod date;
pub mod error;
pub mod indicators;
pub mod internship;
pub mod mentoring;
pub mod month_grid;
pub mod poisson;
pub mod schedule;

use serde::{Deserialize, Serialize};

pub use cases::{CaseEntry, HelperRole, Meeting, monthly_meetings};
pub use date::Date;
pub use error::ProgramError;
pub use indicators::{IndicatorYear, Indicators};
pub use internship::{Clinic, Intern, Internship, Period};
pub use mentoring::{
    Checklist, ChecklistGroup, ChecklistItem, Facility, FacilityKind, ItemScore, Mentoring, Scale,
    Visit, visit_score,
};
pub use poisson::{Expectation, expectation};
pub use schedule::{Placement, Schedule, Unplaced, schedule};

use crate::i18n::T;
use crate::model::{DataRow, Lang};

/// Both programmes and the indicators, as a scenario keeps them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Programs {
    #[serde(default)]
    pub internship: Internship,
    #[serde(default)]
    pub mentoring: Mentoring,
    #[serde(default)]
    pub indicators: Indicators,
}

impl Programs {
    pub fn is_empty(&self) -> bool {
        self.internship.is_empty() && self.mentoring.is_empty() && self.indicators.is_empty()
    }
}

/// The internship plan worked out: the rotation, each placed intern's
/// expectation, and the monthly case meetings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InternshipResult {
    pub schedule: Schedule,
    pub expectations: Vec<Expectation>,
    pub meetings: Vec<Meeting>,
}

/// Works out `plan`; village births come from `data` (the period's first
/// year) where the village is a region of it.
pub fn work_out(plan: &Internship, data: &[DataRow]) -> Result<InternshipResult, ProgramError> {
    let schedule = schedule(plan)?;
    let period = plan.check()?;
    let year = period.start.year();
    let expectations = schedule
        .placements
        .iter()
        .filter_map(|p| {
            let intern = plan.interns.get(p.intern)?;
            let clinic = plan.clinics.get(p.clinic)?;
            Some(expectation(p, intern, clinic, data, year))
        })
        .collect();
    let meetings = monthly_meetings(period, &plan.cases);
    Ok(InternshipResult {
        schedule,
        expectations,
        meetings,
    })
}

/// The midwife gap (available − needed, negative a shortfall) of the
/// region `region` names (its code or name), in `year` when the projection
/// has it there, else in the last data year; `None` when the region is
/// not in the data or its midwives available are not known.
pub fn region_gap(
    data: &crate::model::PreparedData,
    projection: &crate::model::Projection,
    region: &str,
    year: i32,
) -> Option<f64> {
    let key = region.trim().to_lowercase();
    if key.is_empty() {
        return None;
    }
    let r = (0..data.regions()).find(|&r| {
        data.codes[r].trim().to_lowercase() == key || data.names[r].trim().to_lowercase() == key
    })?;
    let years = projection.years();
    let at = |y: i32| {
        years
            .contains(&y)
            .then(|| projection.region_row(data, r, y).gap)
            .flatten()
    };
    at(year).or_else(|| at(projection.last_data_year))
}

/// A group of the example checklist: its name and items (code, text, scale).
type ExampleGroup = (T, &'static [(&'static str, T, Scale)]);

/// A starting checklist, in `lang`: an example to edit, clearly named as
/// such, and not the Ministry of Health's official instrument.
pub fn example_checklist(lang: Lang) -> Checklist {
    use Scale::{YesNo, ZeroToTwo};
    let groups: [ExampleGroup; 4] = [
        (
            T::programs_ex_group_ready,
            &[
                ("A1", T::programs_ex_a1, ZeroToTwo),
                ("A2", T::programs_ex_a2, YesNo),
                ("A3", T::programs_ex_a3, ZeroToTwo),
            ],
        ),
        (
            T::programs_ex_group_pph,
            &[
                ("B1", T::programs_ex_b1, ZeroToTwo),
                ("B2", T::programs_ex_b2, ZeroToTwo),
            ],
        ),
        (
            T::programs_ex_group_eclampsia,
            &[
                ("C1", T::programs_ex_c1, ZeroToTwo),
                ("C2", T::programs_ex_c2, ZeroToTwo),
            ],
        ),
        (
            T::programs_ex_group_referral,
            &[
                ("D1", T::programs_ex_d1, YesNo),
                ("D2", T::programs_ex_d2, ZeroToTwo),
            ],
        ),
    ];
    Checklist {
        name: lang.t(T::programs_ex_name).to_string(),
        is_example: true,
        groups: groups
            .iter()
            .map(|(name, items)| ChecklistGroup {
                name: lang.t(*name).to_string(),
                items: items
                    .iter()
                    .map(|(code, text, scale)| ChecklistItem {
                        code: (*code).to_string(),
                        text: lang.t(*text).to_string(),
                        scale: *scale,
                    })
                    .collect(),
            })
            .collect(),
    }
}
