//! Clinical mentoring (pendampingan klinis): the health office visits the
//! facilities of the emergency referral network (puskesmas, PONED
//! puskesmas, PONEK hospitals) and assesses, against a checklist, how the
//! maternal and neonatal emergency standards are applied.

use serde::{Deserialize, Serialize};

use super::date::Date;

/// The kind of a facility of the referral network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum FacilityKind {
    #[default]
    Puskesmas,
    /// A puskesmas with basic emergency obstetric and neonatal care.
    PuskesmasPoned,
    /// A hospital with comprehensive emergency obstetric and neonatal care.
    HospitalPonek,
}

impl FacilityKind {
    pub const ALL: [FacilityKind; 3] = [
        FacilityKind::Puskesmas,
        FacilityKind::PuskesmasPoned,
        FacilityKind::HospitalPonek,
    ];

    /// The kind as written in files (the same in both languages).
    pub fn key(self) -> &'static str {
        match self {
            FacilityKind::Puskesmas => "puskesmas",
            FacilityKind::PuskesmasPoned => "poned",
            FacilityKind::HospitalPonek => "ponek",
        }
    }

    /// The kind a file names: `puskesmas`, `poned` / `puskesmas poned`,
    /// `ponek` / `rs ponek` / `rumah sakit` / `hospital`.
    pub fn from_key(text: &str) -> Option<FacilityKind> {
        let t = text.trim().to_lowercase();
        if t.contains("ponek")
            || t.starts_with("rs")
            || t.contains("rumah sakit")
            || t.contains("hospital")
        {
            Some(FacilityKind::HospitalPonek)
        } else if t.contains("poned") {
            Some(FacilityKind::PuskesmasPoned)
        } else if t.contains("puskesmas") || t == "pkm" {
            Some(FacilityKind::Puskesmas)
        } else {
            None
        }
    }
}

/// A facility of the referral network.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Facility {
    pub name: String,
    #[serde(default)]
    pub kind: FacilityKind,
    /// The facility it refers mothers to (a hospital's name), if any.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub refers_to: String,
    /// The region of the scenario's data it serves, for its midwife gap.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub region: String,
}

/// How a checklist item is scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Scale {
    /// 0 not done, 1 partly, 2 fully.
    #[default]
    ZeroToTwo,
    /// 0 no, 1 yes.
    YesNo,
}

impl Scale {
    /// The highest score.
    pub fn max(self) -> u32 {
        match self {
            Scale::ZeroToTwo => 2,
            Scale::YesNo => 1,
        }
    }
}

/// One standard to assess.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ChecklistItem {
    /// A short code that ties the scores to the item (`A1`).
    pub code: String,
    pub text: String,
    #[serde(default)]
    pub scale: Scale,
}

/// A group of standards.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ChecklistGroup {
    pub name: String,
    pub items: Vec<ChecklistItem>,
}

/// The checklist of standards, editable.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Checklist {
    pub name: String,
    /// Whether this is the shipped example (not an official instrument).
    #[serde(default)]
    pub is_example: bool,
    pub groups: Vec<ChecklistGroup>,
}

impl Checklist {
    /// The item with `code`, and its group's index.
    pub fn item(&self, code: &str) -> Option<(usize, &ChecklistItem)> {
        self.groups.iter().enumerate().find_map(|(g, group)| {
            group
                .items
                .iter()
                .find(|i| i.code.trim().eq_ignore_ascii_case(code.trim()))
                .map(|i| (g, i))
        })
    }
}

/// An item's score at a visit, with a note.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ItemScore {
    pub code: String,
    /// 0/1/2, or 0/1 for yes/no; `None` not assessed.
    pub score: Option<u32>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A mentoring visit, planned or done.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Visit {
    /// The facility's name.
    pub facility: String,
    pub date: Option<Date>,
    /// Who goes (names, as one text).
    #[serde(default)]
    pub team: String,
    /// Whether the visit took place.
    #[serde(default)]
    pub done: bool,
    /// The assessment at the visit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scores: Vec<ItemScore>,
}

/// Every how many days a facility is visited, unless the planner says.
pub const DEFAULT_INTERVAL_DAYS: u32 = 90;

fn default_interval() -> u32 {
    DEFAULT_INTERVAL_DAYS
}

/// The mentoring plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mentoring {
    #[serde(default)]
    pub facilities: Vec<Facility>,
    #[serde(default)]
    pub visits: Vec<Visit>,
    #[serde(default)]
    pub checklist: Checklist,
    /// Days between visits to one facility (a quarter by default).
    #[serde(default = "default_interval")]
    pub interval_days: u32,
}

impl Default for Mentoring {
    fn default() -> Self {
        Mentoring {
            facilities: Vec::new(),
            visits: Vec::new(),
            checklist: Checklist::default(),
            interval_days: DEFAULT_INTERVAL_DAYS,
        }
    }
}

/// A group's score at a visit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupScore {
    pub group: String,
    pub score: u32,
    /// The highest score of the items assessed.
    pub max: u32,
    /// Items assessed, of all the group's items.
    pub assessed: usize,
    pub items: usize,
}

impl GroupScore {
    /// Score ÷ highest score (0–1); `None` when nothing was assessed.
    pub fn share(&self) -> Option<f64> {
        (self.max > 0).then(|| f64::from(self.score) / f64::from(self.max))
    }
}

/// The scores of a visit, by group and in all.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VisitScore {
    pub groups: Vec<GroupScore>,
    pub score: u32,
    pub max: u32,
}

impl VisitScore {
    pub fn share(&self) -> Option<f64> {
        (self.max > 0).then(|| f64::from(self.score) / f64::from(self.max))
    }
}

/// A visit's scores against `checklist`: each item assessed counts its
/// score (capped at its scale's highest) out of that highest; items not
/// assessed, and scores of codes not in the checklist, count for nothing.
pub fn visit_score(checklist: &Checklist, visit: &Visit) -> VisitScore {
    let mut groups: Vec<GroupScore> = checklist
        .groups
        .iter()
        .map(|g| GroupScore {
            group: g.name.clone(),
            score: 0,
            max: 0,
            assessed: 0,
            items: g.items.len(),
        })
        .collect();
    for s in &visit.scores {
        let (Some(score), Some((g, item))) = (s.score, checklist.item(&s.code)) else {
            continue;
        };
        let top = item.scale.max();
        let group = &mut groups[g];
        group.score += score.min(top);
        group.max += top;
        group.assessed += 1;
    }
    VisitScore {
        score: groups.iter().map(|g| g.score).sum(),
        max: groups.iter().map(|g| g.max).sum(),
        groups,
    }
}

/// Where a facility stands in the visit plan on a day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FacilityStatus {
    pub facility: usize,
    /// The last visit done, if any.
    pub last_done: Option<Date>,
    /// The next visit planned from the day on, if any.
    pub next_planned: Option<Date>,
    /// Whether it is overdue: a planned visit passed without being done,
    /// or no visit planned and the last one longer ago than the interval
    /// (or none ever).
    pub overdue: bool,
    /// Index of the latest visit done with scores.
    pub latest_scored: Option<usize>,
}

impl Mentoring {
    pub fn is_empty(&self) -> bool {
        self.facilities.is_empty() && self.visits.is_empty() && self.checklist.groups.is_empty()
    }

    fn visits_of<'a>(&'a self, name: &'a str) -> impl Iterator<Item = (usize, &'a Visit)> + 'a {
        let key = name.trim().to_lowercase();
        self.visits
            .iter()
            .enumerate()
            .filter(move |(_, v)| v.facility.trim().to_lowercase() == key)
    }

    /// Whether visit `v` is overdue on `today`: planned before it, not done.
    pub fn visit_overdue(&self, v: &Visit, today: Date) -> bool {
        !v.done && v.date.is_some_and(|d| d < today)
    }

    /// Every facility's standing on `today`.
    pub fn status(&self, today: Date) -> Vec<FacilityStatus> {
        self.facilities
            .iter()
            .enumerate()
            .map(|(f, facility)| {
                let visits: Vec<(usize, &Visit)> = self.visits_of(&facility.name).collect();
                let last_done = visits
                    .iter()
                    .filter(|(_, v)| v.done)
                    .filter_map(|(_, v)| v.date)
                    .max();
                let next_planned = visits
                    .iter()
                    .filter(|(_, v)| !v.done)
                    .filter_map(|(_, v)| v.date)
                    .filter(|d| *d >= today)
                    .min();
                let missed = visits.iter().any(|(_, v)| self.visit_overdue(v, today));
                let lapsed = next_planned.is_none()
                    && last_done.is_none_or(|d| d.days_until(today) > self.interval_days as i32);
                let latest_scored = visits
                    .iter()
                    .filter(|(_, v)| v.done && !v.scores.is_empty())
                    .max_by_key(|(i, v)| (v.date, *i))
                    .map(|(i, _)| *i);
                FacilityStatus {
                    facility: f,
                    last_done,
                    next_planned,
                    overdue: missed || lapsed,
                    latest_scored,
                }
            })
            .collect()
    }

    /// A facility's total score share at each visit done, in date order.
    pub fn trend(&self, facility: usize) -> Vec<(Date, f64)> {
        let Some(f) = self.facilities.get(facility) else {
            return Vec::new();
        };
        let mut out: Vec<(Date, f64)> = self
            .visits_of(&f.name)
            .filter(|(_, v)| v.done)
            .filter_map(|(_, v)| Some((v.date?, visit_score(&self.checklist, v).share()?)))
            .collect();
        out.sort_by_key(|(d, _)| *d);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::model::programs::example_checklist;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    fn score(code: &str, s: u32) -> ItemScore {
        ItemScore {
            code: code.into(),
            score: Some(s),
            note: String::new(),
        }
    }

    fn plan() -> Mentoring {
        let fac = |name: &str, kind, refers_to: &str| Facility {
            name: name.into(),
            kind,
            refers_to: refers_to.into(),
            region: String::new(),
        };
        let visit = |f: &str, date, done, scores| Visit {
            facility: f.into(),
            date: Some(date),
            team: "Kesga".into(),
            done,
            scores,
        };
        Mentoring {
            facilities: vec![
                fac(
                    "Puskesmas Cigombong",
                    FacilityKind::PuskesmasPoned,
                    "RSUD Kota Bogor",
                ),
                fac("RSUD Kota Bogor", FacilityKind::HospitalPonek, ""),
                fac(
                    "Puskesmas Bogor Utara",
                    FacilityKind::Puskesmas,
                    "RSUD Kota Bogor",
                ),
            ],
            visits: vec![
                visit(
                    "Puskesmas Cigombong",
                    d(2023, 5, 19),
                    true,
                    vec![
                        score("A1", 2),
                        score("A2", 1),
                        score("A3", 1),
                        score("B1", 0),
                        score("D1", 0),
                    ],
                ),
                visit(
                    "Puskesmas Cigombong",
                    d(2023, 8, 18),
                    true,
                    vec![
                        score("A1", 2),
                        score("A2", 1),
                        score("A3", 2),
                        score("B1", 2),
                        score("D1", 1),
                    ],
                ),
                visit("RSUD Kota Bogor", d(2023, 9, 1), false, vec![]),
                visit("Puskesmas Bogor Utara", d(2023, 10, 2), false, vec![]),
            ],
            checklist: example_checklist(Lang::Id),
            interval_days: 90,
        }
    }

    #[test]
    fn scores_by_hand() {
        let m = plan();
        assert!(m.checklist.is_example);
        // First visit: group A = 2 + 1 (yes) + 1 = 4 of 2 + 1 + 2 = 5;
        // group B = 0 of 2; group D = 0 of 1 (yes/no). In all 4 of 8 = 50%.
        let s = visit_score(&m.checklist, &m.visits[0]);
        assert_eq!((s.groups[0].score, s.groups[0].max), (4, 5));
        assert_eq!((s.groups[1].score, s.groups[1].max), (0, 2));
        assert_eq!(
            (s.groups[2].score, s.groups[2].max, s.groups[2].assessed),
            (0, 0, 0)
        );
        assert_eq!((s.groups[3].score, s.groups[3].max), (0, 1));
        assert_eq!((s.score, s.max), (4, 8));
        // Second: 2 + 1 + 2 + 2 + 1 = 8 of 8 = 100%.
        assert_eq!(
            m.trend(0),
            vec![(d(2023, 5, 19), 0.5), (d(2023, 8, 18), 1.0)]
        );
        // A score past the scale counts as its highest; unknown codes nothing.
        let v = Visit {
            scores: vec![score("A2", 5), score("Z9", 2)],
            ..Visit::default()
        };
        assert_eq!(visit_score(&m.checklist, &v).score, 1);
    }

    #[test]
    fn overdue_by_hand() {
        let m = plan();
        // On 2023-09-15: Cigombong was visited 28 days ago (fine); RSUD's
        // visit of 1 September passed undone (overdue); Bogor Utara's is
        // planned for 2 October (not overdue).
        let s = m.status(d(2023, 9, 15));
        assert_eq!(
            s.iter().map(|f| f.overdue).collect::<Vec<_>>(),
            vec![false, true, false]
        );
        assert_eq!(s[0].latest_scored, Some(1));
        assert_eq!(s[2].next_planned, Some(d(2023, 10, 2)));
        // On 2023-11-17, 91 days after Cigombong's last visit and nothing
        // planned: overdue; 2023-11-16 (90 days) not yet.
        assert!(m.status(d(2023, 11, 17))[0].overdue);
        assert!(!m.status(d(2023, 11, 16))[0].overdue);
    }

    #[test]
    fn kinds_from_files() {
        assert_eq!(
            FacilityKind::from_key("RS PONEK"),
            Some(FacilityKind::HospitalPonek)
        );
        assert_eq!(
            FacilityKind::from_key("Puskesmas PONED"),
            Some(FacilityKind::PuskesmasPoned)
        );
        assert_eq!(
            FacilityKind::from_key("puskesmas"),
            Some(FacilityKind::Puskesmas)
        );
        assert_eq!(FacilityKind::from_key("klinik"), None);
    }
}
