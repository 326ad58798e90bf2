//! A scenario with both programmes, as a district office would plan them:
//! two villages of Kota Sungai Penuh in the data, four newly posted village
//! midwives, two partner clinics, March 2026; mentoring in Kota Bogor's
//! referral network with the example checklist.

#![allow(dead_code)]

use proyeksi_bidan::model::programs::*;
use proyeksi_bidan::model::{DataRow, Lang, Scenario};

pub fn d(y: i32, m: u32, day: u32) -> Date {
    Date::from_ymd(y, m, day).unwrap()
}

pub fn score(code: &str, s: u32, note: &str) -> ItemScore {
    ItemScore {
        code: code.into(),
        score: Some(s),
        note: note.into(),
    }
}

pub fn programs() -> Programs {
    let intern = |name: &str, village: &str, permitted_on: Option<Date>| Intern {
        name: name.into(),
        village: village.into(),
        posted: Some(d(2026, 1, 5)),
        permitted: permitted_on.is_some(),
        permitted_on,
        village_births: None,
    };
    let mut citra = intern("Citra", "Tanjung", Some(d(2026, 3, 2)));
    citra.village_births = Some(60.0);
    let mut mitra = Clinic::new("Klinik Bersalin Mitra", 240.0);
    mitra.days_open_per_week = 6;
    mitra.village_share = 0.1;
    let facility = |name: &str, kind, refers_to: &str, region: &str| Facility {
        name: name.into(),
        kind,
        refers_to: refers_to.into(),
        region: region.into(),
    };
    let visit = |f: &str, date, done, scores| Visit {
        facility: f.into(),
        date: Some(date),
        team: "Tim Kesga Dinkes".into(),
        done,
        scores,
    };
    Programs {
        internship: Internship {
            days: 2,
            period: Some(Period {
                start: d(2026, 3, 2),
                end: d(2026, 3, 31),
            }),
            interns: vec![
                intern("Ani", "Koto Lolo", Some(d(2026, 2, 20))),
                intern("Bunga", "Sumur Gedang", Some(d(2026, 3, 3))),
                citra,
                intern("Dewi", "Koto Lolo", None),
            ],
            clinics: vec![Clinic::new("RB Budi Setia", 1602.0), mitra],
            cases: vec![CaseEntry {
                intern: "Ani".into(),
                date: Some(d(2026, 3, 2)),
                anamnesis: "G2P1A0, 39 minggu, mules sejak pagi".into(),
                diagnosis: "Inpartu kala I fase aktif".into(),
                plan: "Pantau partograf".into(),
                potential_problems: "Perdarahan pascasalin".into(),
                role: HelperRole::First,
            }],
        },
        mentoring: Mentoring {
            facilities: vec![
                facility(
                    "Puskesmas Cigombong",
                    FacilityKind::PuskesmasPoned,
                    "RSUD Kota Bogor",
                    "Koto Lolo",
                ),
                facility("RSUD Kota Bogor", FacilityKind::HospitalPonek, "", ""),
            ],
            visits: vec![
                visit(
                    "Puskesmas Cigombong",
                    d(2026, 1, 19),
                    true,
                    vec![
                        score("A1", 2, ""),
                        score("A2", 1, ""),
                        score("A3", 1, "ambu bag bayi hanya satu"),
                        score("B1", 0, "belum rutin"),
                        score("D1", 0, ""),
                    ],
                ),
                visit("Puskesmas Cigombong", d(2026, 4, 20), false, vec![]),
                visit("RSUD Kota Bogor", d(2026, 2, 2), false, vec![]),
            ],
            checklist: example_checklist(Lang::Id),
            interval_days: 90,
        },
        indicators: Indicators {
            years: vec![IndicatorYear {
                year: 2016,
                deliveries: 1602.0,
                assisted: 1501.0,
                in_facility: 1602.0,
            }],
            target_assisted: Some(0.95),
            target_facility: Some(1.0),
        },
    }
}

pub fn scenario() -> Scenario {
    let row = |code: &str, name: &str, year, pop: f64, midwives: f64| DataRow {
        region_code: code.into(),
        region_name: name.into(),
        year,
        population: Some(pop).into(),
        cbr: Some(18.0).into(),
        midwives_available: Some(midwives).into(),
        ..DataRow::default()
    };
    let mut s = Scenario::example();
    s.name = "Kota Sungai Penuh, magang 2026".into();
    s.params.population.base_year = 2024;
    s.params.population.horizon_year = 2030;
    s.data = vec![
        row("1572010001", "Koto Lolo", 2024, 1900.0, 1.0),
        row("1572010001", "Koto Lolo", 2025, 1950.0, 1.0),
        row("1572010001", "Koto Lolo", 2026, 2000.0, 1.0),
        row("1572010002", "Sumur Gedang", 2024, 2900.0, 2.0),
        row("1572010002", "Sumur Gedang", 2025, 2950.0, 2.0),
        row("1572010002", "Sumur Gedang", 2026, 3000.0, 2.0),
    ];
    s.programs = Some(programs());
    s
}
