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

use serde::{Deserialize, Serialize};

use super::Lang;
use super::error::ModelError;
use super::explain::{Step, step};
use super::number::{fmt_auto, fmt_fixed, fmt_trim, round_half_up};
use super::params::{Parameters, Rounding, WorkingTime};
use super::projection::YearRow;
use super::workload::{package_time, working_time};

// ---------------------------------------------------------------------------
// Activities
// ---------------------------------------------------------------------------

/// What kind of work an activity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ActivityKind {
    /// A health service counted in units (visits, deliveries): WISN
    /// "health service activity", ABK-Kes "tugas pokok".
    #[default]
    Service,
    /// Support work every staff member does (meetings, reports): WISN
    /// "category allowance", ABK-Kes "tugas penunjang".
    Support,
    /// Work only some staff do (a coordinator's supervision): WISN
    /// "individual allowance".
    Individual,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 3] = [
        ActivityKind::Service,
        ActivityKind::Support,
        ActivityKind::Individual,
    ];

    /// English key: `service`, `support`, `individual`.
    pub fn key(self) -> &'static str {
        match self {
            ActivityKind::Service => "service",
            ActivityKind::Support => "support",
            ActivityKind::Individual => "individual",
        }
    }

    /// Indonesian key: `pelayanan`, `penunjang`, `individu`.
    pub fn key_id(self) -> &'static str {
        match self {
            ActivityKind::Service => "pelayanan",
            ActivityKind::Support => "penunjang",
            ActivityKind::Individual => "individu",
        }
    }

    /// Reads `service`/`pelayanan`, `support`/`penunjang`,
    /// `individual`/`individu` (any case; a few common variants too).
    pub fn from_key(text: &str) -> Option<Self> {
        let n: String = text
            .trim()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        match n.as_str() {
            "service" | "pelayanan" | "tugaspokok" | "pokok" | "healthservice" => {
                Some(ActivityKind::Service)
            }
            "support" | "penunjang" | "tugaspenunjang" | "category" | "categoryallowance" => {
                Some(ActivityKind::Support)
            }
            "individual" | "individu" | "tugasindividu" | "individualallowance" | "tambahan" => {
                Some(ActivityKind::Individual)
            }
            _ => None,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ActivityKind::Service => lang.pick("pelayanan", "service"),
            ActivityKind::Support => lang.pick("penunjang", "support"),
            ActivityKind::Individual => lang.pick("individu", "individual"),
        }
    }
}

/// One row of the activity table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub name: String,
    pub kind: ActivityKind,
    /// Service standard / norma waktu: minutes one unit takes.
    pub minutes_per_unit: f64,
    /// Annual workload / capaian: units a year (for support and individual
    /// activities, how often one person does it a year).
    pub units_per_year: f64,
    /// Individual activities: how many staff do it (ignored otherwise).
    #[serde(default)]
    pub staff: f64,
}

impl Activity {
    pub fn new(name: &str, kind: ActivityKind, minutes: f64, units: f64, staff: f64) -> Self {
        Activity {
            name: name.to_string(),
            kind,
            minutes_per_unit: minutes,
            units_per_year: units,
            staff,
        }
    }

    /// Minutes a year: minutes per unit × units a year.
    pub fn minutes_per_year(&self) -> f64 {
        self.minutes_per_unit * self.units_per_year
    }
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// What is wrong with a value of the activity table.
#[derive(Debug, Clone, PartialEq)]
pub enum ActivityProblem {
    NotFinite,
    Negative,
    /// Service minutes must be more than zero (SW would be infinite).
    NotPositive,
    /// Worksheet rounding makes SW/SBK zero: one unit takes more than
    /// twice the available time.
    NoWholeUnit,
}

/// An error of the staffing calculation, naming what to fix.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StaffingError {
    #[error("{}", self.message(Lang::En))]
    EmptyTable,
    #[error("{}", self.message(Lang::En))]
    Activity {
        /// 1-based row of the activity table.
        row: usize,
        name: String,
        /// `minutes_per_unit`, `units_per_year` or `staff`.
        field: &'static str,
        value: f64,
        problem: ActivityProblem,
    },
    /// The available time is zero, negative or not a number.
    #[error("{}", self.message(Lang::En))]
    AvailableTime { value: f64 },
    /// Support work uses up all available time: CAF/STP would be infinite
    /// or negative.
    #[error("{}", self.message(Lang::En))]
    SupportTooLarge {
        method: Method,
        support_minutes: f64,
        available_minutes: f64,
    },
    /// A volume assumption is out of range.
    #[error("{}", self.message(Lang::En))]
    Assumption { name: &'static str, value: f64 },
    /// The working time was refused by the engine.
    #[error("{0}")]
    Model(#[from] ModelError),
}

impl StaffingError {
    /// The message in the planner's language.
    pub fn message(&self, lang: Lang) -> String {
        let n = |x: f64| {
            if x.is_finite() {
                fmt_auto(x, lang)
            } else {
                "–".into()
            }
        };
        match self {
            StaffingError::EmptyTable => lang
                .pick(
                    "Tabel kegiatan kosong: minimal satu kegiatan pelayanan",
                    "The activity table is empty: at least one service activity",
                )
                .into(),
            StaffingError::Activity {
                row,
                name,
                field,
                value,
                problem,
            } => {
                let what = match (problem, lang) {
                    (ActivityProblem::NotFinite, Lang::Id) => "harus berupa angka",
                    (ActivityProblem::NotFinite, Lang::En) => "must be a number",
                    (ActivityProblem::Negative, Lang::Id) => "tidak boleh negatif",
                    (ActivityProblem::Negative, Lang::En) => "must not be negative",
                    (ActivityProblem::NotPositive, Lang::Id) => {
                        "harus lebih besar dari nol untuk kegiatan pelayanan"
                    }
                    (ActivityProblem::NotPositive, Lang::En) => {
                        "must be greater than zero for a service activity"
                    }
                    (ActivityProblem::NoWholeUnit, Lang::Id) => {
                        "lebih dari dua kali waktu kerja tersedia: SBK dibulatkan menjadi 0"
                    }
                    (ActivityProblem::NoWholeUnit, Lang::En) => {
                        "is more than twice the available time: the rounded standard workload is 0"
                    }
                };
                match lang {
                    Lang::Id => format!(
                        "Kegiatan baris {row} “{name}”, kolom `{field}` = {}: {what}",
                        n(*value)
                    ),
                    Lang::En => format!(
                        "Activity row {row} “{name}”, column `{field}` = {}: {what}",
                        n(*value)
                    ),
                }
            }
            StaffingError::AvailableTime { value } => match lang {
                Lang::Id => format!(
                    "Waktu kerja tersedia = {} menit: harus lebih besar dari nol",
                    n(*value)
                ),
                Lang::En => format!(
                    "Available working time = {} minutes: must be greater than zero",
                    n(*value)
                ),
            },
            StaffingError::SupportTooLarge {
                method,
                support_minutes,
                available_minutes,
            } => {
                let pct = support_minutes / available_minutes * 100.0;
                let (factor, share) = match method {
                    Method::Wisn => ("CAF", "ΣCAS%"),
                    Method::Abk => ("STP", "FTP"),
                };
                match lang {
                    Lang::Id => format!(
                        "Tugas penunjang {} menit setahun ≥ waktu kerja tersedia {} menit ({share} = {}%): {factor} tidak terhingga atau negatif. Kurangi waktu tugas penunjang.",
                        n(*support_minutes),
                        n(*available_minutes),
                        fmt_trim(pct, 2, lang)
                    ),
                    Lang::En => format!(
                        "Support work of {} minutes a year ≥ the available time of {} minutes ({share} = {}%): {factor} would be infinite or negative. Reduce the support time.",
                        n(*support_minutes),
                        n(*available_minutes),
                        fmt_trim(pct, 2, lang)
                    ),
                }
            }
            StaffingError::Assumption { name, value } => match lang {
                Lang::Id => format!(
                    "Asumsi `{name}` = {}: harus angka 0 atau lebih (kunjungan dokter tidak lebih dari kunjungan ANC)",
                    n(*value)
                ),
                Lang::En => format!(
                    "Assumption `{name}` = {}: must be a number, 0 or more (doctor visits no more than ANC visits)",
                    n(*value)
                ),
            },
            StaffingError::Model(e) => e.message(lang),
        }
    }
}

// ---------------------------------------------------------------------------
// Available working time
// ---------------------------------------------------------------------------

/// The days form of the available time: [A − (B + C + D + E)] × hours a day.
///
/// WISN names B public holidays, C annual leave, D sick leave, E other leave
/// (training included here); ABK-Kes names them cuti, libur nasional,
/// pelatihan, absen. Only the sum matters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkingDays {
    pub days_per_week: f64,
    pub weeks_per_year: f64,
    /// Public holidays (libur nasional) a year.
    pub public_holidays: f64,
    /// Annual leave (cuti tahunan) days.
    pub annual_leave: f64,
    /// Sick leave and other absence (absen) days.
    pub sick_leave: f64,
    /// Training (pelatihan) days.
    pub training_days: f64,
    /// Other leave days.
    pub other_leave: f64,
    /// Working hours per day (WISN) / effective hours per day (ABK-Kes).
    pub hours_per_day: f64,
}

impl WorkingDays {
    /// ABK-Kes preset, 6-day week: A = 6 × 52 = 312; cuti 12, libur
    /// nasional 19, pelatihan 5, absen 12 (the guideline's example values,
    /// Permenkes 33/2015 and its ABK-Kes manual, Tabel 2 "Waktu Kerja
    /// Tersedia"); effective hours a week 70% × 37,5 = 26,25 (37,5 formal
    /// hours: Keppres 68/1995; 70% effective: Permenpan-RB 26/2011), so
    /// 26,25 / 6 = 4,375 hours a day. WKT = 264 days × 4,375 h = 1.155 h =
    /// 69.300 min. The holiday count changes from year to year (SKB of the
    /// three ministers): edit it.
    pub fn kemenkes_6_day() -> Self {
        WorkingDays {
            days_per_week: 6.0,
            weeks_per_year: 52.0,
            public_holidays: 19.0,
            annual_leave: 12.0,
            sick_leave: 12.0,
            training_days: 5.0,
            other_leave: 0.0,
            hours_per_day: 37.5 * 0.7 / 6.0,
        }
    }

    /// ABK-Kes preset, 5-day week: A = 5 × 52 = 260, the same absences
    /// (48 days) and 26,25 / 5 = 5,25 hours a day: WKT = 212 days × 5,25 h =
    /// 1.113 h = 66.780 min. Sources as [`WorkingDays::kemenkes_6_day`].
    pub fn kemenkes_5_day() -> Self {
        WorkingDays {
            days_per_week: 5.0,
            hours_per_day: 37.5 * 0.7 / 5.0,
            ..Self::kemenkes_6_day()
        }
    }

    /// The engine's working time in the days form: A = days per week ×
    /// weeks, the same absences (training as training, other absence as
    /// sick leave), hours a day = JKF × (1 − allowance) / days per week.
    /// Exact arithmetic gives the engine's exact WKE (69.825 min for the
    /// paper) up to the last binary digit; use
    /// [`AvailableTime::from_working_time`] for the engine's own figure.
    pub fn from_working_time(w: &WorkingTime) -> Self {
        WorkingDays {
            days_per_week: w.days_per_week,
            weeks_per_year: w.weeks_per_year,
            public_holidays: w.public_holidays,
            annual_leave: w.annual_leave,
            sick_leave: w.other_absence,
            training_days: w.training_days,
            other_leave: 0.0,
            hours_per_day: w.formal_hours_per_week * (1.0 - w.allowance_percent / 100.0)
                / w.days_per_week,
        }
    }

    /// A = days per week × weeks per year.
    pub fn working_days(&self) -> f64 {
        self.days_per_week * self.weeks_per_year
    }

    /// B + C + D + E.
    pub fn absence_days(&self) -> f64 {
        self.public_holidays
            + self.annual_leave
            + self.sick_leave
            + self.training_days
            + self.other_leave
    }

    /// Computes the available time.
    pub fn available(&self) -> Result<AvailableTime, StaffingError> {
        let fields = [
            ("days_per_week", self.days_per_week),
            ("weeks_per_year", self.weeks_per_year),
            ("public_holidays", self.public_holidays),
            ("annual_leave", self.annual_leave),
            ("sick_leave", self.sick_leave),
            ("training_days", self.training_days),
            ("other_leave", self.other_leave),
            ("hours_per_day", self.hours_per_day),
        ];
        for (name, v) in fields {
            if !v.is_finite() || v < 0.0 {
                return Err(ModelError::parameter(
                    name,
                    v,
                    if v.is_finite() {
                        super::error::Problem::OutOfRange {
                            min: 0.0,
                            max: f64::MAX,
                            max_open: false,
                        }
                    } else {
                        super::error::Problem::NotFinite
                    },
                )
                .into());
            }
        }
        let a = self.working_days();
        let absent = self.absence_days();
        let days = a - absent;
        if days <= 0.0 {
            return Err(ModelError::parameter(
                "sick_leave",
                self.sick_leave,
                super::error::Problem::NoWorkingDays { hke: days },
            )
            .into());
        }
        let minutes = days * self.hours_per_day * 60.0;
        AvailableTime::check(minutes)?;
        Ok(AvailableTime {
            minutes,
            days: Some(DaysWorking {
                working_days: a,
                absence_days: absent,
                effective_days: days,
                hours_per_day: self.hours_per_day,
            }),
            source: AvailableSource::Days,
        })
    }
}

/// Where the available time came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AvailableSource {
    /// Typed as minutes a year.
    Direct,
    /// [A − (B + C + D + E)] × hours per day.
    Days,
    /// The engine's WKE (Permenkes 43/2017), in the engine's rounding.
    EngineWke,
}

/// The days behind an available time, for the working.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DaysWorking {
    /// A.
    pub working_days: f64,
    /// B + C + D + E.
    pub absence_days: f64,
    /// A − (B + C + D + E).
    pub effective_days: f64,
    pub hours_per_day: f64,
}

/// The available working time of one staff member a year (AWT / WKT).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AvailableTime {
    pub minutes: f64,
    pub days: Option<DaysWorking>,
    pub source: AvailableSource,
}

impl AvailableTime {
    fn check(minutes: f64) -> Result<(), StaffingError> {
        if !minutes.is_finite() || minutes <= 0.0 {
            return Err(StaffingError::AvailableTime { value: minutes });
        }
        Ok(())
    }

    /// A value typed directly (the command line's `--available-minutes`).
    pub fn from_minutes(minutes: f64) -> Result<Self, StaffingError> {
        Self::check(minutes)?;
        Ok(AvailableTime {
            minutes,
            days: None,
            source: AvailableSource::Direct,
        })
    }

    /// The engine's WKE, bit for bit: `working_time(w, rounding)`'s
    /// effective minutes (paper: 69.825 exact, 69.774 published).
    pub fn from_working_time(w: &WorkingTime, rounding: Rounding) -> Result<Self, StaffingError> {
        let r = working_time(w, rounding)?;
        Self::check(r.effective_minutes)?;
        Ok(AvailableTime {
            minutes: r.effective_minutes,
            days: Some(DaysWorking {
                working_days: r.working_days,
                absence_days: r.absence_days,
                effective_days: r.effective_days,
                hours_per_day: r.effective_minutes / r.effective_days / 60.0,
            }),
            source: AvailableSource::EngineWke,
        })
    }
}

// ---------------------------------------------------------------------------
// The calculation
// ---------------------------------------------------------------------------

/// Which published method (names and labels; the arithmetic is the same).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// WHO WISN.
    #[default]
    Wisn,
    /// Kemenkes ABK-Kes (Permenkes 33/2015).
    Abk,
}

impl Method {
    pub fn key(self) -> &'static str {
        match self {
            Method::Wisn => "wisn",
            Method::Abk => "abk",
        }
    }
}

/// Rounding of intermediate values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum IntermediateRounding {
    /// No intermediate rounding.
    #[default]
    Exact,
    /// As the published worksheets: SW/SBK to whole units; staff per
    /// activity, JKT, CAF/STP, IAF and required to 2 decimals.
    Worksheet,
}

impl IntermediateRounding {
    pub fn key(self) -> &'static str {
        match self {
            IntermediateRounding::Exact => "exact",
            IntermediateRounding::Worksheet => "worksheet",
        }
    }
}

/// Rounding of the required staff to whole people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FinalRounding {
    /// To the nearest whole person, halves up (2,5 → 3; 2,49 → 2).
    #[default]
    Nearest,
    /// Up to the next whole person (2,01 → 3).
    Up,
}

impl FinalRounding {
    pub fn key(self) -> &'static str {
        match self {
            FinalRounding::Nearest => "nearest",
            FinalRounding::Up => "up",
        }
    }

    pub fn apply(self, x: f64) -> f64 {
        match self {
            FinalRounding::Nearest => round_half_up(x, 0),
            // Noise such as 3.0000000000000004 stays 3.
            FinalRounding::Up => round_half_up(x, 9).ceil(),
        }
    }
}

/// The choices of one calculation.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub struct StaffingOptions {
    pub method: Method,
    pub rounding: IntermediateRounding,
    pub final_rounding: FinalRounding,
    /// Staff in post now, for the difference and the ratio.
    pub existing: Option<f64>,
}

/// One activity's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActivityResult {
    pub name: String,
    pub kind: ActivityKind,
    pub minutes_per_unit: f64,
    pub units_per_year: f64,
    /// Minutes a year: minutes per unit × units (× staff doing it, for
    /// individual activities).
    pub minutes_per_year: f64,
    /// Individual activities: staff doing it.
    pub staff_doing: Option<f64>,
    /// Service: SW / SBK = available minutes / minutes per unit (as used).
    pub standard_workload: Option<f64>,
    /// Service: units / SW; individual: its part of IAF. Support: none.
    pub staff: Option<f64>,
    /// Support: CAS% / its part of FTP%.
    pub allowance_percent: Option<f64>,
    /// This activity's part of `required` (service: its staff;
    /// support: its CAS% share of the allowance Σstaff × (CAF − 1);
    /// individual: its IAF part). The parts add up to `required` up to
    /// the worksheet's rounding of `required`; for a stacked chart.
    pub contribution: f64,
}

/// The result of one calculation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StaffingResult {
    pub method: Method,
    pub rounding: IntermediateRounding,
    pub final_rounding: FinalRounding,
    pub available_minutes: f64,
    pub activities: Vec<ActivityResult>,
    /// Σ staff of service activities (WISN) / JKT (ABK-Kes).
    pub service_staff: f64,
    /// ΣCAS% / FTP%.
    pub support_percent: f64,
    /// CAF / STP.
    pub allowance_factor: f64,
    /// IAF (individual tasks, in staff).
    pub individual_allowance: f64,
    /// Σ staff × CAF + IAF.
    pub required: f64,
    /// `required` to whole people by `final_rounding`.
    pub required_rounded: f64,
    pub existing: Option<f64>,
    /// existing − required (WISN difference; negative: short).
    pub difference: Option<f64>,
    /// existing − required_rounded.
    pub difference_rounded: Option<f64>,
    /// existing / required (WISN ratio; none when nothing is required).
    pub ratio: Option<f64>,
}

impl StaffingResult {
    /// The usual reading of the WISN ratio.
    pub fn ratio_reading(&self, lang: Lang) -> Option<&'static str> {
        let r = self.ratio?;
        let r2 = round_half_up(r, 2);
        Some(if r2 == 1.0 {
            lang.pick("seimbang", "balanced")
        } else if r2 < 1.0 {
            lang.pick("kekurangan tenaga", "short-staffed")
        } else {
            lang.pick("kelebihan tenaga", "over-staffed")
        })
    }
}

fn check_activity(row: usize, a: &Activity) -> Result<(), StaffingError> {
    let err = |field: &'static str, value: f64, problem| StaffingError::Activity {
        row,
        name: a.name.clone(),
        field,
        value,
        problem,
    };
    let mut fields = vec![
        ("minutes_per_unit", a.minutes_per_unit),
        ("units_per_year", a.units_per_year),
    ];
    if a.kind == ActivityKind::Individual {
        fields.push(("staff", a.staff));
    }
    for (field, v) in fields {
        if !v.is_finite() {
            return Err(err(field, v, ActivityProblem::NotFinite));
        }
        if v < 0.0 {
            return Err(err(field, v, ActivityProblem::Negative));
        }
    }
    if a.kind == ActivityKind::Service && a.minutes_per_unit <= 0.0 {
        return Err(err(
            "minutes_per_unit",
            a.minutes_per_unit,
            ActivityProblem::NotPositive,
        ));
    }
    Ok(())
}

/// Checks an activity table without computing (for the window's live checks).
pub fn check_activities(activities: &[Activity]) -> Result<(), StaffingError> {
    if activities.is_empty() {
        return Err(StaffingError::EmptyTable);
    }
    for (i, a) in activities.iter().enumerate() {
        check_activity(i + 1, a)?;
    }
    Ok(())
}

/// Computes the staff required for `activities` with `available` time.
pub fn staffing(
    activities: &[Activity],
    available: &AvailableTime,
    options: &StaffingOptions,
) -> Result<StaffingResult, StaffingError> {
    AvailableTime::check(available.minutes)?;
    check_activities(activities)?;
    let awt = available.minutes;
    let worksheet = options.rounding == IntermediateRounding::Worksheet;
    let r2 = |x: f64| {
        if worksheet { round_half_up(x, 2) } else { x }
    };

    let support_minutes: f64 = activities
        .iter()
        .filter(|a| a.kind == ActivityKind::Support)
        .map(Activity::minutes_per_year)
        .sum();
    if support_minutes >= awt {
        return Err(StaffingError::SupportTooLarge {
            method: options.method,
            support_minutes,
            available_minutes: awt,
        });
    }

    let mut results = Vec::with_capacity(activities.len());
    let mut service_sum = 0.0;
    let mut support_percent = 0.0;
    let mut iaf_sum = 0.0;
    for (i, a) in activities.iter().enumerate() {
        let mut r = ActivityResult {
            name: a.name.clone(),
            kind: a.kind,
            minutes_per_unit: a.minutes_per_unit,
            units_per_year: a.units_per_year,
            minutes_per_year: a.minutes_per_year(),
            staff_doing: None,
            standard_workload: None,
            staff: None,
            allowance_percent: None,
            contribution: 0.0,
        };
        match a.kind {
            ActivityKind::Service => {
                let sw = awt / a.minutes_per_unit;
                let sw = if worksheet { round_half_up(sw, 0) } else { sw };
                if !(sw > 0.0 && sw.is_finite()) {
                    return Err(StaffingError::Activity {
                        row: i + 1,
                        name: a.name.clone(),
                        field: "minutes_per_unit",
                        value: a.minutes_per_unit,
                        problem: if sw > 0.0 {
                            ActivityProblem::NotPositive
                        } else {
                            ActivityProblem::NoWholeUnit
                        },
                    });
                }
                let staff = r2(a.units_per_year / sw);
                service_sum += staff;
                r.standard_workload = Some(sw);
                r.staff = Some(staff);
            }
            ActivityKind::Support => {
                let pct = a.minutes_per_year() / awt * 100.0;
                support_percent += pct;
                r.allowance_percent = Some(pct);
            }
            ActivityKind::Individual => {
                let minutes = a.minutes_per_year() * a.staff;
                r.minutes_per_year = minutes;
                r.staff_doing = Some(a.staff);
                let part = minutes / awt;
                iaf_sum += part;
                r.staff = Some(part);
            }
        }
        results.push(r);
    }
    let service_staff = r2(service_sum);
    let caf_exact = 1.0 / (1.0 - support_percent / 100.0);
    let allowance_factor = r2(caf_exact);
    let individual_allowance = r2(iaf_sum);
    let required = r2(service_staff * allowance_factor + individual_allowance);

    // Parts of `required` for each activity.
    let allowance_staff = service_staff * (allowance_factor - 1.0);
    for r in results.iter_mut() {
        r.contribution = match r.kind {
            ActivityKind::Service => r.staff.unwrap_or(0.0),
            ActivityKind::Support if support_percent > 0.0 => {
                allowance_staff * r.allowance_percent.unwrap_or(0.0) / support_percent
            }
            ActivityKind::Support => 0.0,
            ActivityKind::Individual if iaf_sum > 0.0 => {
                individual_allowance * r.staff.unwrap_or(0.0) / iaf_sum
            }
            ActivityKind::Individual => 0.0,
        };
    }
    // The service part is Σ staff_i × CAF; with worksheet rounding Σ staff_i
    // is JKT already, so the parts add up before the final 2-decimal rounding.
    let required_rounded = options.final_rounding.apply(required);
    let existing = options.existing;
    Ok(StaffingResult {
        method: options.method,
        rounding: options.rounding,
        final_rounding: options.final_rounding,
        available_minutes: awt,
        activities: results,
        service_staff,
        support_percent,
        allowance_factor,
        individual_allowance,
        required,
        required_rounded,
        existing,
        difference: existing.map(|e| e - required),
        difference_rounded: existing.map(|e| e - required_rounded),
        ratio: existing.and_then(|e| (required > 0.0).then(|| e / required)),
    })
}

// ---------------------------------------------------------------------------
// Volumes from the population
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Presets
// ---------------------------------------------------------------------------

/// The activity tables shipped with the program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityPreset {
    /// The paper: antenatal care only, one package per pregnant woman.
    PaperAncOnly,
    /// A puskesmas midwife: full maternal and newborn care.
    PuskesmasFull,
}

impl ActivityPreset {
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            ActivityPreset::PaperAncOnly => lang.pick("Makalah: hanya ANC", "Paper: ANC only"),
            ActivityPreset::PuskesmasFull => lang.pick(
                "Bidan puskesmas: pelayanan ibu dan bayi baru lahir lengkap",
                "Puskesmas midwife: full maternal and newborn care",
            ),
        }
    }
}

/// "Paper: ANC only" (the activity named in `lang`): one service activity, the engine's ANC package
/// (minutes = `package_time(params.anc, params.rounding)`, 146,58 exact,
/// 147 published) per pregnant woman (coverage 100%, once), no support,
/// no individual tasks; and the engine's WKE as available time (69.825
/// exact, 69.774 published).
///
/// With [`IntermediateRounding::Exact`] the required staff is
/// pregnant women / (WKE / package) = the engine's `share_unrounded ×
/// pregnant women`, i.e. the engine's `midwives_needed` in exact mode (to
/// the last binary digits: the engine multiplies by package / WKE, WISN
/// divides by WKE / package). In published mode the engine multiplies by
/// the share printed to 4 decimals (0,0021); WISN has no such step, so it
/// gives `share_unrounded × pregnant women` with the published WKE and
/// package (5.329.480 × 147 / 69.774 = 11.228,16 instead of 0,0021 ×
/// 5.329.480 = 11.191,9). With worksheet rounding SW = 69.774 / 147 =
/// 474,65 is rounded to 475 (the paper rounds it down to 474 women per
/// midwife), and the staff to 2 decimals.
pub fn paper_anc_only(
    params: &Parameters,
    lang: Lang,
) -> Result<(Vec<PlannedActivity>, AvailableTime), StaffingError> {
    let package = package_time(&params.anc, params.rounding)?;
    let available = AvailableTime::from_working_time(&params.working_time, params.rounding)?;
    let plan = vec![PlannedActivity {
        activity: Activity::new(
            lang.pick(
                "Paket pelayanan antenatal (ANC)",
                "Antenatal care (ANC) package",
            ),
            ActivityKind::Service,
            package.package_minutes,
            0.0,
            0.0,
        ),
        rule: VolumeRule::Derived {
            group: TargetGroup::PregnantWomen,
            per_person: PerPerson::Once,
            coverage_percent: 100.0,
        },
        source: "Dewi & Umniyatun: work sampling K1–K4 + 20% preparation + 20% recording".into(),
    }];
    Ok((plan, available))
}

/// Minutes of one ANC visit with preparation and recording, from the
/// paper's work sampling: (30,6 + 20 + 20 + 34,1) / 4 × 1,4 = 36,645.
pub const ANC_VISIT_MINUTES: f64 = (30.6 + 20.0 + 20.0 + 34.1) / 4.0 * 1.4;
/// A routine visit as the paper's routine ANC visit (20 min) with 40%
/// preparation and recording: 28 minutes. An assumption for KF and KN.
pub const ROUTINE_VISIT_MINUTES: f64 = 20.0 * 1.4;

/// "Puskesmas midwife: full maternal and newborn care", with activity names
/// in `lang`. Every minute value is an editable assumption; `source` says
/// where it comes from.
///
/// | activity | kind | minutes | volume |
/// |---|---|---|---|
/// | ANC visits by the midwife | service | 36,645 (paper's mean visit incl. 40%) | pregnant women × (6 − 2 by a doctor), Permenkes 21/2021 |
/// | Normal delivery assistance | service | 120 (assumption) | deliveries (1,05 × births) |
/// | Postpartum visits KF1–KF4 | service | 28 (assumption: routine visit) | postpartum women × 4 |
/// | Neonatal visits KN1–KN3 | service | 28 (assumption: routine visit) | newborns × 3 |
/// | Obstetric complications, first care and referral | service | 60 (assumption) | 20% of pregnant women |
/// | Neonatal complications, first care and referral | service | 60 (assumption) | 15% of newborns |
/// | Postpartum family planning | service | 20 (assumption) | postpartum women, coverage 50% (assumption) |
/// | Monthly meeting (lokakarya mini) | support | 120 (assumption) | 12 a year |
/// | Monthly KIA report (PWS-KIA) | support | 240 (assumption) | 12 a year |
/// | Coordinator: supervision of village midwives | individual | 480 (assumption) | 12 a year, 1 person |
pub fn puskesmas_full(lang: Lang) -> Vec<PlannedActivity> {
    let derived = |group, per_person, coverage_percent| VolumeRule::Derived {
        group,
        per_person,
        coverage_percent,
    };
    let p = |name: &str, kind, minutes, units, staff, rule, source: &str| PlannedActivity {
        activity: Activity::new(name, kind, minutes, units, staff),
        rule,
        source: source.to_string(),
    };
    use ActivityKind::*;
    use PerPerson::*;
    use TargetGroup::*;
    vec![
        p(
            lang.pick(
                "Pelayanan antenatal oleh bidan (per kunjungan)",
                "Antenatal care by the midwife (per visit)",
            ),
            Service,
            ANC_VISIT_MINUTES,
            0.0,
            0.0,
            derived(PregnantWomen, AncVisitsByMidwife, 100.0),
            "Dewi & Umniyatun: mean of K1–K4 (26,175 min) + 20% preparation + 20% recording; 6 visits, 2 by a doctor: Permenkes 21/2021",
        ),
        p(
            lang.pick(
                "Pertolongan persalinan normal",
                "Normal delivery assistance",
            ),
            Service,
            120.0,
            0.0,
            0.0,
            derived(Deliveries, Once, 100.0),
            "assumption",
        ),
        p(
            lang.pick("Kunjungan nifas KF1–KF4", "Postpartum visits KF1–KF4"),
            Service,
            ROUTINE_VISIT_MINUTES,
            0.0,
            0.0,
            derived(PostpartumWomen, PostpartumVisits, 100.0),
            "assumption: as the paper's routine ANC visit (20 min + 40%)",
        ),
        p(
            lang.pick("Kunjungan neonatal KN1–KN3", "Neonatal visits KN1–KN3"),
            Service,
            ROUTINE_VISIT_MINUTES,
            0.0,
            0.0,
            derived(Newborns, NeonatalVisits, 100.0),
            "assumption: as the paper's routine ANC visit (20 min + 40%)",
        ),
        p(
            lang.pick(
                "Penanganan komplikasi kebidanan (pertolongan pertama dan rujukan)",
                "Obstetric complications (first care and referral)",
            ),
            Service,
            60.0,
            0.0,
            0.0,
            derived(ObstetricComplications, Once, 100.0),
            "assumption; 20% of pregnancies: Kemenkes planning assumption",
        ),
        p(
            lang.pick(
                "Penanganan komplikasi neonatal (pertolongan pertama dan rujukan)",
                "Neonatal complications (first care and referral)",
            ),
            Service,
            60.0,
            0.0,
            0.0,
            derived(NeonatalComplications, Once, 100.0),
            "assumption; 15% of newborns: Kemenkes planning assumption",
        ),
        p(
            lang.pick(
                "Pelayanan KB pasca persalinan",
                "Postpartum family planning",
            ),
            Service,
            20.0,
            0.0,
            0.0,
            derived(PostpartumWomen, Once, 50.0),
            "assumption (minutes and 50% coverage)",
        ),
        p(
            lang.pick(
                "Lokakarya mini bulanan / rapat",
                "Monthly mini-workshop / meetings",
            ),
            Support,
            120.0,
            12.0,
            0.0,
            VolumeRule::Recorded,
            "assumption: 2 hours a month",
        ),
        p(
            lang.pick("Laporan bulanan PWS-KIA", "Monthly MCH report (PWS-KIA)"),
            Support,
            240.0,
            12.0,
            0.0,
            VolumeRule::Recorded,
            "assumption: 4 hours a month",
        ),
        p(
            lang.pick(
                "Bidan koordinator: supervisi bidan desa",
                "Coordinating midwife: supervising village midwives",
            ),
            Individual,
            480.0,
            12.0,
            1.0,
            VolumeRule::Recorded,
            "assumption: one day a month, one coordinator",
        ),
    ]
}

// ---------------------------------------------------------------------------
// Show the working
// ---------------------------------------------------------------------------

/// Every step of the calculation with the numbers put in: available time,
/// each SW/SBK and staff, Σ / JKT, each CAS% and CAF/STP, IAF, required,
/// whole people, difference and ratio. Step ids repeat for each activity
/// (`standard_workload`, `activity_staff`, `support_share`,
/// `individual_share`).
pub fn explain_staffing(
    result: &StaffingResult,
    available: &AvailableTime,
    lang: Lang,
) -> Vec<Step> {
    let t = |id: &str, en: &str| lang.pick(id, en).to_string();
    let n = |x: f64| fmt_auto(x, lang);
    let abk = result.method == Method::Abk;
    let ws = result.rounding == IntermediateRounding::Worksheet;
    let d2 = |x: f64| {
        if ws {
            fmt_fixed(x, 2, lang)
        } else {
            fmt_trim(x, 4, lang)
        }
    };
    let (awt, sw, total, factor, share) = if abk {
        ("WKT", "SBK", "JKT", "STP", "FTP")
    } else {
        ("AWT", "SW", "Σ", "CAF", "ΣCAS")
    };
    let min = t("menit", "min");
    let mut steps = Vec::new();

    // Available time.
    let (formula, working, note) = match (&available.days, available.source) {
        (Some(d), src) => (
            format!(
                "{awt} = [A − (B + C + D + E)] × {}",
                if abk {
                    t("jam kerja efektif per hari", "effective hours per day")
                } else {
                    t("jam kerja per hari", "working hours per day")
                }
            ),
            format!(
                "[{} − {}] × {} × 60 = {} {} × {} {} = {} {min}",
                n(d.working_days),
                n(d.absence_days),
                n(d.hours_per_day),
                n(d.effective_days),
                t("hari", "days"),
                n(d.hours_per_day),
                t("jam", "h"),
                n(available.minutes)
            ),
            if src == AvailableSource::EngineWke {
                t(
                    "WKE mesin proyeksi (Permenkes 43/2017), dengan pembulatannya.",
                    "The projection engine's WKE (Permenkes 43/2017), with its rounding.",
                )
            } else {
                String::new()
            },
        ),
        (None, _) => (
            format!("{awt} = {}", t("diisi langsung", "given directly")),
            format!("{} {min}", n(available.minutes)),
            String::new(),
        ),
    };
    steps.push(step(
        "available_time",
        if abk {
            t("Waktu kerja tersedia (WKT)", "Available working time (WKT)")
        } else {
            t("Waktu kerja tersedia (AWT)", "Available working time (AWT)")
        },
        formula,
        working,
        note,
    ));

    for a in &result.activities {
        match a.kind {
            ActivityKind::Service => {
                let s = a.standard_workload.unwrap_or(0.0);
                let exact = result.available_minutes / a.minutes_per_unit;
                let mut working = format!(
                    "{} / {} = {}",
                    n(result.available_minutes),
                    n(a.minutes_per_unit),
                    n(exact)
                );
                if ws {
                    working.push_str(&format!(" ≈ {}", n(s)));
                }
                steps.push(step(
                    "standard_workload",
                    format!("{sw}: {}", a.name),
                    format!(
                        "{sw} = {awt} / {}",
                        if abk {
                            t("norma waktu", "time standard")
                        } else {
                            t("standar pelayanan", "service standard")
                        }
                    ),
                    working,
                    if ws {
                        t("Dibulatkan ke satuan utuh.", "Rounded to whole units.")
                    } else {
                        String::new()
                    },
                ));
                steps.push(step(
                    "activity_staff",
                    format!("{}: {}", t("Kebutuhan tenaga", "Staff needed"), a.name),
                    if abk {
                        t("kebutuhan = capaian / SBK", "need = annual workload / SBK")
                    } else {
                        t(
                            "tenaga = beban kerja setahun / SW",
                            "staff = annual workload / SW",
                        )
                    },
                    format!(
                        "{} / {} = {}",
                        n(a.units_per_year),
                        n(s),
                        d2(a.staff.unwrap_or(0.0))
                    ),
                    String::new(),
                ));
            }
            ActivityKind::Support => steps.push(step(
                "support_share",
                format!("{}: {}", t("Tugas penunjang", "Support activity"), a.name),
                format!(
                    "{} = {} × {} / {awt} × 100",
                    if abk { "FTP%" } else { "CAS%" },
                    t("menit per kegiatan", "minutes per time"),
                    t("kali setahun", "times a year")
                ),
                format!(
                    "{} × {} / {} × 100 = {}%",
                    n(a.minutes_per_unit),
                    n(a.units_per_year),
                    n(result.available_minutes),
                    fmt_trim(a.allowance_percent.unwrap_or(0.0), 4, lang)
                ),
                String::new(),
            )),
            ActivityKind::Individual => steps.push(step(
                "individual_share",
                format!("{}: {}", t("Tugas individu", "Individual activity"), a.name),
                format!(
                    "{} × {} × {} / {awt}",
                    t("menit", "minutes"),
                    t("kali setahun", "times a year"),
                    t("jumlah tenaga", "staff doing it")
                ),
                format!(
                    "{} × {} × {} / {} = {}",
                    n(a.minutes_per_unit),
                    n(a.units_per_year),
                    n(a.staff_doing.unwrap_or(0.0)),
                    n(result.available_minutes),
                    fmt_trim(a.staff.unwrap_or(0.0), 4, lang)
                ),
                String::new(),
            )),
        }
    }

    let service: Vec<String> = result
        .activities
        .iter()
        .filter(|a| a.kind == ActivityKind::Service)
        .map(|a| d2(a.staff.unwrap_or(0.0)))
        .collect();
    steps.push(step(
        "service_staff",
        if abk {
            t(
                "Jumlah kebutuhan tugas pokok (JKT)",
                "Total for the main tasks (JKT)",
            )
        } else {
            t(
                "Jumlah tenaga untuk kegiatan pelayanan",
                "Staff for the health service activities",
            )
        },
        format!(
            "{total} = Σ {}",
            if abk {
                t("kebutuhan per kegiatan", "need per activity")
            } else {
                t("tenaga per kegiatan", "staff per activity")
            }
        ),
        format!(
            "{} = {}",
            if service.is_empty() {
                "0".to_string()
            } else {
                service.join(" + ")
            },
            d2(result.service_staff)
        ),
        if ws {
            t("Dibulatkan ke 2 desimal.", "Rounded to 2 decimals.")
        } else {
            String::new()
        },
    ));

    let caf_exact = 1.0 / (1.0 - result.support_percent / 100.0);
    let mut working = format!(
        "{share} = {}%; {factor} = 1 / (1 − {} / 100) = {}",
        fmt_trim(result.support_percent, 4, lang),
        fmt_trim(result.support_percent, 4, lang),
        fmt_trim(caf_exact, 4, lang)
    );
    if ws {
        working.push_str(&format!(
            " ≈ {}",
            fmt_fixed(result.allowance_factor, 2, lang)
        ));
    }
    steps.push(step(
        "allowance_factor",
        if abk {
            t(
                "Standar tugas penunjang (STP)",
                "Supporting-task standard (STP)",
            )
        } else {
            t(
                "Faktor tunjangan kategori (CAF)",
                "Category allowance factor (CAF)",
            )
        },
        format!("{factor} = 1 / (1 − {share}% / 100)"),
        working,
        if ws {
            t("Dibulatkan ke 2 desimal.", "Rounded to 2 decimals.")
        } else {
            String::new()
        },
    ));

    let parts: Vec<String> = result
        .activities
        .iter()
        .filter(|a| a.kind == ActivityKind::Individual)
        .map(|a| fmt_trim(a.staff.unwrap_or(0.0), 4, lang))
        .collect();
    steps.push(step(
        "individual_allowance",
        t(
            "Faktor tunjangan individu (IAF)",
            "Individual allowance factor (IAF)",
        ),
        format!(
            "IAF = Σ({} × {}) / {awt}",
            t("waktu setahun", "time a year"),
            t("jumlah tenaga", "staff doing it")
        ),
        format!(
            "{} = {}",
            if parts.is_empty() {
                "0".to_string()
            } else {
                parts.join(" + ")
            },
            d2(result.individual_allowance)
        ),
        if abk {
            t(
                "Permenkes 33/2015 tidak mengenal tugas individu; di sini ditambahkan seperti IAF WISN setelah STP.",
                "Permenkes 33/2015 has no individual tasks; they are added here like WISN's IAF, after STP.",
            )
        } else {
            String::new()
        },
    ));

    steps.push(step(
        "required",
        if abk {
            t("Kebutuhan SDMK", "Staff required (SDMK)")
        } else {
            t("Kebutuhan tenaga (WISN)", "Staff required (WISN)")
        },
        format!("{total} × {factor} + IAF"),
        format!(
            "{} × {} + {} = {}",
            d2(result.service_staff),
            d2(result.allowance_factor),
            d2(result.individual_allowance),
            d2(result.required)
        ),
        String::new(),
    ));

    steps.push(step(
        "required_rounded",
        t("Dibulatkan ke orang utuh", "Rounded to whole people"),
        match result.final_rounding {
            FinalRounding::Nearest => t(
                "pembulatan ke terdekat (0,5 ke atas)",
                "to the nearest (halves up)",
            ),
            FinalRounding::Up => t("pembulatan ke atas", "rounded up"),
        },
        format!(
            "{} → {} {}",
            d2(result.required),
            fmt_fixed(result.required_rounded, 0, lang),
            t("orang", "people")
        ),
        String::new(),
    ));

    if let (Some(e), Some(d)) = (result.existing, result.difference) {
        steps.push(step(
            "difference",
            if abk {
                t("Selisih tenaga (ABK-Kes)", "Staffing difference (ABK-Kes)")
            } else {
                t("Selisih WISN", "WISN difference")
            },
            t(
                "selisih = tenaga yang ada − kebutuhan",
                "difference = existing − required",
            ),
            format!(
                "{} − {} = {} ({} {} − {} = {})",
                n(e),
                d2(result.required),
                d2(d),
                t("dibulatkan:", "rounded:"),
                n(e),
                fmt_fixed(result.required_rounded, 0, lang),
                n(result.difference_rounded.unwrap_or(0.0))
            ),
            t(
                "Negatif: kekurangan tenaga; positif: kelebihan.",
                "Negative: short-staffed; positive: over-staffed.",
            ),
        ));
        let working = match result.ratio {
            Some(r) => format!(
                "{} / {} = {} ({})",
                n(e),
                d2(result.required),
                fmt_fixed(r, 2, lang),
                result.ratio_reading(lang).unwrap_or("")
            ),
            None => t(
                "tidak ada kebutuhan: rasio tidak ditentukan",
                "nothing required: no ratio",
            ),
        };
        steps.push(step(
            "ratio",
            if abk {
                t("Rasio tenaga (ABK-Kes)", "Staffing ratio (ABK-Kes)")
            } else {
                t("Rasio WISN", "WISN ratio")
            },
            t(
                "rasio = tenaga yang ada / kebutuhan",
                "ratio = existing / required",
            ),
            working,
            t(
                "1 seimbang; di bawah 1 kekurangan; di atas 1 kelebihan.",
                "1 balanced; below 1 short-staffed; above 1 over-staffed.",
            ),
        ));
    }
    steps
}

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
