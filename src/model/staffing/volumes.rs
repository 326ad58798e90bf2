//! Activity volumes from the population: the target groups (pregnant women,
//! deliveries, newborns …), the units per person and the rules that turn a
//! projected year into the activity table of that year.

use serde::{Deserialize, Serialize};

use crate::model::Lang;
use crate::model::projection::YearRow;

use super::activity::{Activity, ActivityProblem, StaffingError};
use super::available::AvailableTime;
use super::calculation::{StaffingResult, staffing};
use super::method::StaffingOptions;

/// The planning assumptions that turn births into target groups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VolumeAssumptions {
    /// Pregnant women per live birth (WHO coefficient used by Kemenkes: 1,10).
    pub pregnant_per_birth: f64,
    /// Deliveries (and postpartum women) per live birth (Kemenkes: 1,05).
    pub deliveries_per_birth: f64,
    /// ANC visits per pregnant woman (Permenkes 21/2021: at least 6).
    pub anc_visits: f64,
    /// Of those, visits by a doctor (Permenkes 21/2021: 2, one in
    /// trimester I and one in trimester III); the rest are the midwife's.
    pub anc_doctor_visits: f64,
    /// Postpartum visits KF1–KF4 per woman.
    pub kf_visits: f64,
    /// Neonatal visits KN1–KN3 per newborn.
    pub kn_visits: f64,
    /// Obstetric complications, percent of pregnant women (planning
    /// assumption used by Kemenkes: 20).
    pub obstetric_complication_percent: f64,
    /// Neonatal complications, percent of newborns (planning assumption: 15).
    pub neonatal_complication_percent: f64,
}

impl Default for VolumeAssumptions {
    fn default() -> Self {
        VolumeAssumptions {
            pregnant_per_birth: 1.10,
            deliveries_per_birth: 1.05,
            anc_visits: 6.0,
            anc_doctor_visits: 2.0,
            kf_visits: 4.0,
            kn_visits: 3.0,
            obstetric_complication_percent: 20.0,
            neonatal_complication_percent: 15.0,
        }
    }
}

impl VolumeAssumptions {
    fn check(&self) -> Result<(), StaffingError> {
        let fields = [
            ("pregnant_per_birth", self.pregnant_per_birth),
            ("deliveries_per_birth", self.deliveries_per_birth),
            ("anc_visits", self.anc_visits),
            ("anc_doctor_visits", self.anc_doctor_visits),
            ("kf_visits", self.kf_visits),
            ("kn_visits", self.kn_visits),
            (
                "obstetric_complication_percent",
                self.obstetric_complication_percent,
            ),
            (
                "neonatal_complication_percent",
                self.neonatal_complication_percent,
            ),
        ];
        for (name, value) in fields {
            if !value.is_finite() || value < 0.0 {
                return Err(StaffingError::Assumption { name, value });
            }
        }
        if self.anc_doctor_visits > self.anc_visits {
            return Err(StaffingError::Assumption {
                name: "anc_doctor_visits",
                value: self.anc_doctor_visits,
            });
        }
        Ok(())
    }
}

/// The people of one year from which volumes are derived.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TargetPopulation {
    pub year: Option<i32>,
    /// Live births = CBR × population / 1000.
    pub births: f64,
    /// Pregnant women when known (the engine's figure); otherwise
    /// `pregnant_per_birth` × births.
    pub pregnant_women: Option<f64>,
}

impl TargetPopulation {
    /// From a crude birth rate (per 1000) and a population.
    pub fn from_cbr(year: Option<i32>, cbr: f64, population: f64) -> Self {
        TargetPopulation {
            year,
            births: cbr * population / 1000.0,
            pregnant_women: None,
        }
    }

    /// From a year of the engine's projection. The pregnant women are the
    /// row's (data or projected), so the ANC volume equals the engine's;
    /// births are the row's, or for projected years pregnant women /
    /// `coefficient` (the engine's pregnant women per birth).
    pub fn from_year_row(row: &YearRow, coefficient: f64) -> Self {
        let births = row.births.unwrap_or(if coefficient > 0.0 {
            row.pregnant_women / coefficient
        } else {
            0.0
        });
        TargetPopulation {
            year: Some(row.year),
            births,
            pregnant_women: Some(row.pregnant_women),
        }
    }
}

/// Who an activity's volume is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetGroup {
    /// Pregnant women (given, or 1,10 × births).
    PregnantWomen,
    /// Deliveries: 1,05 × births.
    Deliveries,
    /// Postpartum women: 1,05 × births.
    PostpartumWomen,
    /// Newborns: births.
    Newborns,
    /// Obstetric complications: 20% of pregnant women.
    ObstetricComplications,
    /// Neonatal complications: 15% of newborns.
    NeonatalComplications,
}

impl TargetGroup {
    pub fn size(self, p: &TargetPopulation, a: &VolumeAssumptions) -> f64 {
        let pregnant = p.pregnant_women.unwrap_or(a.pregnant_per_birth * p.births);
        match self {
            TargetGroup::PregnantWomen => pregnant,
            TargetGroup::Deliveries | TargetGroup::PostpartumWomen => {
                a.deliveries_per_birth * p.births
            }
            TargetGroup::Newborns => p.births,
            TargetGroup::ObstetricComplications => {
                a.obstetric_complication_percent / 100.0 * pregnant
            }
            TargetGroup::NeonatalComplications => {
                a.neonatal_complication_percent / 100.0 * p.births
            }
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            TargetGroup::PregnantWomen => lang.pick("ibu hamil", "pregnant women"),
            TargetGroup::Deliveries => lang.pick("persalinan", "deliveries"),
            TargetGroup::PostpartumWomen => lang.pick("ibu nifas", "postpartum women"),
            TargetGroup::Newborns => lang.pick("bayi baru lahir", "newborns"),
            TargetGroup::ObstetricComplications => {
                lang.pick("komplikasi kebidanan", "obstetric complications")
            }
            TargetGroup::NeonatalComplications => {
                lang.pick("komplikasi neonatal", "neonatal complications")
            }
        }
    }
}

/// How many units one person of the target group brings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PerPerson {
    /// One unit (a package, a delivery, a case).
    Once,
    /// ANC visits by the midwife: `anc_visits − anc_doctor_visits` (4).
    AncVisitsByMidwife,
    /// `kf_visits` (4).
    PostpartumVisits,
    /// `kn_visits` (3).
    NeonatalVisits,
    /// A fixed number.
    Times(f64),
}

impl PerPerson {
    pub fn value(self, a: &VolumeAssumptions) -> f64 {
        match self {
            PerPerson::Once => 1.0,
            PerPerson::AncVisitsByMidwife => a.anc_visits - a.anc_doctor_visits,
            PerPerson::PostpartumVisits => a.kf_visits,
            PerPerson::NeonatalVisits => a.kn_visits,
            PerPerson::Times(x) => x,
        }
    }
}

/// How an activity's units a year are had.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum VolumeRule {
    /// As typed or imported (last year's register).
    #[default]
    Recorded,
    /// group size × coverage% / 100 × units per person.
    Derived {
        group: TargetGroup,
        per_person: PerPerson,
        /// Coverage target, percent (SPM: 100).
        coverage_percent: f64,
    },
}

/// An activity with the rule for its volume.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedActivity {
    pub activity: Activity,
    #[serde(default)]
    pub rule: VolumeRule,
    /// Where the minutes per unit come from (source or "assumption").
    #[serde(default)]
    pub source: String,
}

/// The units a year of one rule (`None` for [`VolumeRule::Recorded`]).
pub fn derived_units(
    rule: &VolumeRule,
    population: &TargetPopulation,
    assumptions: &VolumeAssumptions,
) -> Option<f64> {
    match *rule {
        VolumeRule::Recorded => None,
        VolumeRule::Derived {
            group,
            per_person,
            coverage_percent,
        } => Some(
            group.size(population, assumptions)
                * (coverage_percent / 100.0)
                * per_person.value(assumptions),
        ),
    }
}

/// The activity table of one year: derived volumes put in, recorded ones
/// kept. Errors name the assumption or the rule's activity.
pub fn volumes_for_year(
    plan: &[PlannedActivity],
    population: &TargetPopulation,
    assumptions: &VolumeAssumptions,
) -> Result<Vec<Activity>, StaffingError> {
    assumptions.check()?;
    for (name, value) in [
        ("births", population.births),
        ("pregnant_women", population.pregnant_women.unwrap_or(0.0)),
    ] {
        if !value.is_finite() || value < 0.0 {
            return Err(StaffingError::Assumption { name, value });
        }
    }
    plan.iter()
        .enumerate()
        .map(|(i, p)| {
            let mut a = p.activity.clone();
            if let VolumeRule::Derived {
                coverage_percent,
                per_person,
                ..
            } = p.rule
            {
                for (field, v) in [
                    ("coverage_percent", coverage_percent),
                    ("per_person", per_person.value(assumptions)),
                ] {
                    if !v.is_finite() || v < 0.0 {
                        return Err(StaffingError::Activity {
                            row: i + 1,
                            name: a.name.clone(),
                            field,
                            value: v,
                            problem: if v.is_finite() {
                                ActivityProblem::Negative
                            } else {
                                ActivityProblem::NotFinite
                            },
                        });
                    }
                }
            }
            if let Some(units) = derived_units(&p.rule, population, assumptions) {
                a.units_per_year = units;
            }
            Ok(a)
        })
        .collect()
}

/// The staffing of every year of a projection (for the chart by activity).
pub fn staffing_by_year(
    plan: &[PlannedActivity],
    rows: &[YearRow],
    coefficient: f64,
    assumptions: &VolumeAssumptions,
    available: &AvailableTime,
    options: &StaffingOptions,
) -> Result<Vec<(i32, StaffingResult)>, StaffingError> {
    rows.iter()
        .map(|row| {
            let pop = TargetPopulation::from_year_row(row, coefficient);
            let acts = volumes_for_year(plan, &pop, assumptions)?;
            let opts = StaffingOptions {
                existing: row.midwives_available.or(options.existing),
                ..*options
            };
            Ok((row.year, staffing(&acts, available, &opts)?))
        })
        .collect()
}
