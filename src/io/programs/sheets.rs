//! The programmes' tables, described once: each a name, its columns (a
//! stable key for JSON and CSV, a heading for people) and its rows of
//! values. The command line prints them, the workbook writes them, the
//! window and the report show them.

use crate::i18n::T;
use crate::model::Lang;
use crate::model::number::fmt_fixed;
use crate::model::programs::mentoring::{FacilityStatus, visit_score};
use crate::model::programs::poisson::BirthsSource;
use crate::model::programs::{
    Date, FacilityKind, HelperRole, Internship, InternshipResult, Mentoring, Programs, Scale,
    Unplaced,
};

/// A column: its key (JSON, CSV) and heading.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Column {
    pub key: &'static str,
    pub heading: T,
}

/// A cell of a programme's table.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    /// A number shown with this many decimals.
    Number(f64, usize),
    /// A share (0–1) shown as a percentage with 2 decimals (93,70%).
    Share(f64),
    Date(Date),
    Empty,
}

impl Value {
    /// The value as the planner reads it in `lang`.
    pub fn shown(&self, lang: Lang) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Number(x, d) => fmt_fixed(*x, *d, lang),
            Value::Share(x) => format!("{}%", fmt_fixed(*x * 100.0, 2, lang)),
            Value::Date(d) => d.to_string(),
            Value::Empty => String::new(),
        }
    }

    /// The value for other programs: numbers in full with a decimal point,
    /// shares as 0–1, dates ISO.
    pub fn plain(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Number(x, _) | Value::Share(x) => format!("{x}"),
            Value::Date(d) => d.to_string(),
            Value::Empty => String::new(),
        }
    }

    /// The value in JSON.
    pub fn json(&self) -> serde_json::Value {
        match self {
            Value::Text(s) => serde_json::Value::String(s.clone()),
            Value::Number(x, _) | Value::Share(x) => serde_json::Number::from_f64(*x)
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            Value::Date(d) => serde_json::Value::String(d.to_string()),
            Value::Empty => serde_json::Value::Null,
        }
    }
}

/// A programme's table.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// Its key (JSON) and its name (heading, worksheet).
    pub key: &'static str,
    pub name: T,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Value>>,
    /// Rows to draw attention to (overdue, flagged).
    pub marked: Vec<bool>,
}

fn c(key: &'static str, heading: T) -> Column {
    Column { key, heading }
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn opt<X>(x: Option<X>, f: impl FnOnce(X) -> Value) -> Value {
    x.map_or(Value::Empty, f)
}

fn sheet(key: &'static str, name: T, columns: Vec<Column>) -> Sheet {
    Sheet {
        key,
        name,
        columns,
        rows: Vec::new(),
        marked: Vec::new(),
    }
}

impl Sheet {
    fn push(&mut self, row: Vec<Value>, marked: bool) {
        self.rows.push(row);
        self.marked.push(marked);
    }
}

/// The rotation: who, where, which days; then those not placed and why.
pub fn schedule_sheet(plan: &Internship, r: &InternshipResult, lang: Lang) -> Sheet {
    let mut s = sheet(
        "schedule",
        T::programs_sheet_schedule,
        vec![
            c("intern", T::programs_col_intern),
            c("village", T::programs_col_village),
            c("clinic", T::programs_col_clinic),
            c("first_day", T::programs_col_first_day),
            c("last_day", T::programs_col_last_day),
            c("days", T::programs_col_days),
            c("note", T::programs_col_note),
        ],
    );
    for p in &r.schedule.placements {
        let (Some(i), Some(k)) = (plan.interns.get(p.intern), plan.clinics.get(p.clinic)) else {
            continue;
        };
        s.push(
            vec![
                text(&i.name),
                text(&i.village),
                text(&k.name),
                opt(p.days.first().copied(), Value::Date),
                opt(p.days.last().copied(), Value::Date),
                Value::Number(p.days.len() as f64, 0),
                Value::Empty,
            ],
            false,
        );
    }
    for (i, why) in &r.schedule.unplaced {
        let Some(intern) = plan.interns.get(*i) else {
            continue;
        };
        let reason = match why {
            Unplaced::NoPermission => T::programs_unplaced_no_permission,
            Unplaced::AfterPeriod => T::programs_unplaced_after_period,
            Unplaced::NoRoom => T::programs_unplaced_no_room,
        };
        s.push(
            vec![
                text(&intern.name),
                text(&intern.village),
                Value::Empty,
                Value::Empty,
                Value::Empty,
                Value::Number(0.0, 0),
                text(lang.t(reason)),
            ],
            true,
        );
    }
    s
}

/// The rotation day by day: each day and clinic with interns, who they
/// are, and the places the duty team still has that day.
pub fn calendar_sheet(plan: &Internship, r: &InternshipResult) -> Sheet {
    let mut s = sheet(
        "calendar",
        T::programs_sheet_calendar,
        vec![
            c("date", T::programs_col_date),
            c("clinic", T::programs_col_clinic),
            c("interns", T::programs_col_interns),
            c("places_left", T::programs_col_places_left),
        ],
    );
    for (day, clinic, interns) in r.schedule.calendar() {
        let Some(k) = plan.clinics.get(clinic) else {
            continue;
        };
        let names: Vec<&str> = interns
            .iter()
            .filter_map(|&i| plan.interns.get(i).map(|x| x.name.as_str()))
            .collect();
        let left = f64::from(k.interns_per_day) - interns.len() as f64;
        s.push(
            vec![
                Value::Date(day),
                text(&k.name),
                Value::Text(names.join(", ")),
                Value::Number(left.max(0.0), 0),
            ],
            false,
        );
    }
    s
}

/// Each placed intern's expected deliveries, the chance of none, and the
/// chance of a mother from her own village, flagged when her days probably
/// give none.
pub fn expectations_sheet(plan: &Internship, r: &InternshipResult, lang: Lang) -> Sheet {
    let mut s = sheet(
        "expectations",
        T::programs_sheet_expectations,
        vec![
            c("intern", T::programs_col_intern),
            c("clinic", T::programs_col_clinic),
            c("days", T::programs_col_days),
            c("expected_deliveries", T::programs_col_expected),
            c("p_no_delivery", T::programs_col_p_none),
            c("days_for_80", T::programs_col_days_80),
            c("village_births", T::programs_col_village_births),
            c("births_source", T::programs_col_births_source),
            c("p_village_mother", T::programs_col_p_village),
            c("days_for_80_village", T::programs_col_days_80_village),
            c("note", T::programs_col_note),
        ],
    );
    for e in &r.expectations {
        let (Some(i), Some(k)) = (plan.interns.get(e.intern), plan.clinics.get(e.clinic)) else {
            continue;
        };
        let mut notes = Vec::new();
        if e.probably_no_case {
            notes.push(lang.t(T::programs_flag_no_case));
        }
        if e.probably_no_village_case {
            notes.push(lang.t(T::programs_flag_no_village));
        }
        let source = e.village_births.map(|(_, src)| match src {
            BirthsSource::Data(y) => lang.tf(T::programs_source_data, &[("year", &y)]),
            BirthsSource::Typed => lang.t(T::programs_source_typed).to_string(),
        });
        s.push(
            vec![
                text(&i.name),
                text(&k.name),
                Value::Number(f64::from(e.days), 0),
                Value::Number(e.expected_cases, 2),
                Value::Share(e.p_no_case),
                opt(e.days_for_80, |d| Value::Number(f64::from(d), 0)),
                opt(e.village_births, |(b, _)| Value::Number(b, 0)),
                opt(source, Value::Text),
                opt(e.p_village, Value::Share),
                opt(e.days_for_80_village, |d| Value::Number(f64::from(d), 0)),
                Value::Text(notes.join("; ")),
            ],
            !notes.is_empty(),
        );
    }
    s
}

fn role_text(role: HelperRole, lang: Lang) -> &'static str {
    match role {
        HelperRole::First => lang.t(T::programs_role_first),
        HelperRole::Second => lang.t(T::programs_role_second),
    }
}

/// The case log.
pub fn cases_sheet(plan: &Internship, lang: Lang) -> Sheet {
    let mut s = sheet(
        "cases",
        T::programs_sheet_cases,
        vec![
            c("date", T::programs_col_date),
            c("intern", T::programs_col_intern),
            c("anamnesis", T::programs_col_anamnesis),
            c("diagnosis", T::programs_col_diagnosis),
            c("plan", T::programs_col_plan),
            c("potential_problems", T::programs_col_problems),
            c("role", T::programs_col_role),
        ],
    );
    for e in &plan.cases {
        s.push(
            vec![
                opt(e.date, Value::Date),
                text(&e.intern),
                text(&e.anamnesis),
                text(&e.diagnosis),
                text(&e.plan),
                text(&e.potential_problems),
                text(role_text(e.role, lang)),
            ],
            false,
        );
    }
    s
}

/// The monthly case meetings and how many cases each discusses.
pub fn meetings_sheet(r: &InternshipResult) -> Sheet {
    let mut s = sheet(
        "meetings",
        T::programs_sheet_meetings,
        vec![
            c("date", T::programs_col_date),
            c("cases_discussed", T::programs_col_cases_discussed),
        ],
    );
    for m in &r.meetings {
        s.push(
            vec![Value::Date(m.date), Value::Number(m.cases.len() as f64, 0)],
            false,
        );
    }
    s
}

/// The delivery indicators by year with their targets.
pub fn indicators_sheet(p: &Programs) -> Sheet {
    let mut s = sheet(
        "indicators",
        T::programs_sheet_indicators,
        vec![
            c("year", T::programs_col_year),
            c("deliveries", T::programs_col_deliveries),
            c("assisted", T::programs_col_assisted),
            c("assisted_share", T::programs_col_assisted_share),
            c("target_assisted", T::programs_col_target_assisted),
            c("in_facility", T::programs_col_in_facility),
            c("facility_share", T::programs_col_facility_share),
            c("target_facility", T::programs_col_target_facility),
        ],
    );
    let ind = &p.indicators;
    for y in ind.sorted() {
        let a = y.assisted_share();
        s.push(
            vec![
                Value::Text(y.year.to_string()),
                Value::Number(y.deliveries, 0),
                Value::Number(y.assisted, 0),
                opt(a, Value::Share),
                opt(ind.target_assisted, Value::Share),
                Value::Number(y.in_facility, 0),
                opt(y.facility_share(), Value::Share),
                opt(ind.target_facility, Value::Share),
            ],
            ind.target_assisted
                .is_some_and(|t| a.is_some_and(|a| a < t)),
        );
    }
    s
}

pub fn kind_text(kind: FacilityKind, lang: Lang) -> &'static str {
    lang.t(match kind {
        FacilityKind::Puskesmas => T::programs_kind_puskesmas,
        FacilityKind::PuskesmasPoned => T::programs_kind_poned,
        FacilityKind::HospitalPonek => T::programs_kind_ponek,
    })
}

/// The visit plan per facility on `today`: kind, referral, last and next
/// visit, overdue, the latest scores and the midwife gap of its region
/// (`gap(region)`, when the region is in the data).
pub fn visits_sheet(
    m: &Mentoring,
    today: Date,
    gap: &dyn Fn(&str) -> Option<f64>,
    lang: Lang,
) -> Sheet {
    let mut s = sheet(
        "facilities",
        T::programs_sheet_visits,
        vec![
            c("facility", T::programs_col_facility),
            c("kind", T::programs_col_kind),
            c("refers_to", T::programs_col_refers_to),
            c("last_visit", T::programs_col_last_visit),
            c("next_visit", T::programs_col_next_visit),
            c("status", T::programs_col_status),
            c("latest_score", T::programs_col_score),
            c("latest_max", T::programs_col_max),
            c("latest_share", T::programs_col_share),
            c("midwife_gap", T::programs_col_gap),
        ],
    );
    let status: Vec<FacilityStatus> = m.status(today);
    for (f, st) in m.facilities.iter().zip(&status) {
        let latest = st
            .latest_scored
            .and_then(|v| m.visits.get(v))
            .map(|v| visit_score(&m.checklist, v));
        let state = if st.overdue {
            T::programs_status_overdue
        } else if st.next_planned.is_some() {
            T::programs_status_planned
        } else {
            T::programs_status_ok
        };
        s.push(
            vec![
                text(&f.name),
                text(kind_text(f.kind, lang)),
                text(&f.refers_to),
                opt(st.last_done, Value::Date),
                opt(st.next_planned, Value::Date),
                text(lang.t(state)),
                opt(latest.as_ref(), |l| Value::Number(f64::from(l.score), 0)),
                opt(latest.as_ref(), |l| Value::Number(f64::from(l.max), 0)),
                opt(latest.as_ref().and_then(|l| l.share()), Value::Share),
                opt(gap(&f.region).filter(|_| !f.region.is_empty()), |g| {
                    Value::Number(g, 2)
                }),
            ],
            st.overdue,
        );
    }
    s
}

/// Every visit, planned or done, with its total score.
pub fn visit_list_sheet(m: &Mentoring, today: Date, lang: Lang) -> Sheet {
    let mut s = sheet(
        "visits",
        T::programs_sheet_visit_list,
        vec![
            c("date", T::programs_col_date),
            c("facility", T::programs_col_facility),
            c("team", T::programs_col_team),
            c("status", T::programs_col_status),
            c("score", T::programs_col_score),
            c("max", T::programs_col_max),
            c("share", T::programs_col_share),
        ],
    );
    let mut order: Vec<usize> = (0..m.visits.len()).collect();
    order.sort_by_key(|&i| (m.visits[i].date, i));
    for i in order {
        let v = &m.visits[i];
        let overdue = m.visit_overdue(v, today);
        let state = if v.done {
            T::programs_status_done
        } else if overdue {
            T::programs_status_overdue
        } else {
            T::programs_status_planned
        };
        let score = (v.done && !v.scores.is_empty()).then(|| visit_score(&m.checklist, v));
        s.push(
            vec![
                opt(v.date, Value::Date),
                text(&v.facility),
                text(&v.team),
                text(lang.t(state)),
                opt(score.as_ref(), |l| Value::Number(f64::from(l.score), 0)),
                opt(score.as_ref(), |l| Value::Number(f64::from(l.max), 0)),
                opt(score.as_ref().and_then(|l| l.share()), Value::Share),
            ],
            overdue,
        );
    }
    s
}

/// The scores of every visit done, group by group.
pub fn scores_sheet(m: &Mentoring) -> Sheet {
    let mut s = sheet(
        "scores",
        T::programs_sheet_scores,
        vec![
            c("date", T::programs_col_date),
            c("facility", T::programs_col_facility),
            c("group", T::programs_col_group),
            c("score", T::programs_col_score),
            c("max", T::programs_col_max),
            c("share", T::programs_col_share),
        ],
    );
    let mut order: Vec<usize> = (0..m.visits.len()).collect();
    order.sort_by_key(|&i| (m.visits[i].date, i));
    for i in order {
        let v = &m.visits[i];
        if !v.done || v.scores.is_empty() {
            continue;
        }
        let score = visit_score(&m.checklist, v);
        for g in &score.groups {
            s.push(
                vec![
                    opt(v.date, Value::Date),
                    text(&v.facility),
                    text(&g.group),
                    Value::Number(f64::from(g.score), 0),
                    Value::Number(f64::from(g.max), 0),
                    opt(g.share(), Value::Share),
                ],
                false,
            );
        }
    }
    s
}

/// The checklist, item by item.
pub fn checklist_sheet(m: &Mentoring, lang: Lang) -> Sheet {
    let mut s = sheet(
        "checklist",
        T::programs_sheet_checklist,
        vec![
            c("group", T::programs_col_group),
            c("code", T::programs_col_code),
            c("item", T::programs_col_item),
            c("scale", T::programs_col_scale),
        ],
    );
    for g in &m.checklist.groups {
        for i in &g.items {
            let scale = match i.scale {
                Scale::ZeroToTwo => T::programs_scale_012,
                Scale::YesNo => T::programs_scale_yes_no,
            };
            s.push(
                vec![
                    text(&g.name),
                    text(&i.code),
                    text(&i.text),
                    text(lang.t(scale)),
                ],
                false,
            );
        }
    }
    s
}
