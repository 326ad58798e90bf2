//! The activity tables shipped with the program: the paper's ANC-only
//! table and a Puskesmas midwife's full maternal and newborn care.

use serde::{Deserialize, Serialize};

use crate::model::Lang;
use crate::model::capacity::package_time;
use crate::model::params::Parameters;

use super::activity::{Activity, ActivityKind, StaffingError};
use super::available::AvailableTime;
use super::volumes::{PerPerson, PlannedActivity, TargetGroup, VolumeRule};

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
