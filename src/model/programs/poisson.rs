//! How many deliveries an intern can expect during her days at a partner
//! clinic, and the chance that she sees none: deliveries arrive at random
//! over the days the clinic is open, so their number in a few days is a
//! Poisson count with mean λ = deliveries a year ÷ days open a year × her
//! days, and P(none) = e^−λ.

use serde::Serialize;

use super::internship::{Clinic, Intern};
use super::schedule::Placement;
use crate::model::DataRow;

/// The chance that a Poisson count with mean `lambda` is zero.
pub fn p_none(lambda: f64) -> f64 {
    if lambda.is_finite() && lambda >= 0.0 {
        (-lambda).exp()
    } else {
        f64::NAN
    }
}

/// The fewest whole days with a chance of at least `chance` (0–1) of one
/// case or more, when cases come at `per_day` a day: the smallest n with
/// 1 − e^−(per_day·n) ≥ chance, i.e. n = ⌈−ln(1 − chance) ÷ per_day⌉.
/// `None` when no number of days gives it (no cases at all).
pub fn days_for_chance(per_day: f64, chance: f64) -> Option<u32> {
    if !(per_day.is_finite() && per_day > 0.0 && chance > 0.0 && chance < 1.0) {
        return None;
    }
    let exact = -(1.0 - chance).ln() / per_day;
    // A relative nudge keeps a whole number computed as 2.0000000001 at 2.
    let n = (exact * (1.0 - 8.0 * f64::EPSILON)).ceil().max(1.0);
    (n <= f64::from(u32::MAX)).then_some(n as u32)
}

/// The chance the programs aim at: four in five (80%).
pub const AIMED_CHANCE: f64 = 0.8;

/// Above this chance of no case, the days "probably give no case".
pub const PROBABLY_NONE: f64 = 0.5;

/// Where a village's births a year came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum BirthsSource {
    /// The village is a region of the scenario's data (the year given).
    Data(i32),
    /// Typed with the intern.
    Typed,
}

/// What an intern can expect during her days at her clinic.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Expectation {
    /// Index of the intern.
    pub intern: usize,
    /// Index of her clinic.
    pub clinic: usize,
    /// Her days at the clinic.
    pub days: u32,
    /// Deliveries at the clinic on one open day.
    pub cases_per_day: f64,
    /// Deliveries expected during her days (λ).
    pub expected_cases: f64,
    /// The chance of no delivery during her days, e^−λ.
    pub p_no_case: f64,
    /// Whether her days probably give no delivery (P(none) above 50%).
    pub probably_no_case: bool,
    /// Days that give an 80% chance of one delivery or more.
    pub days_for_80: Option<u32>,
    /// Her village's births a year and where the number came from.
    pub village_births: Option<(f64, BirthsSource)>,
    /// Mothers of her village expected to deliver at the clinic during her days.
    pub expected_village: Option<f64>,
    /// The chance that a mother of her village delivers there during her days.
    pub p_village: Option<f64>,
    /// Whether her days probably give no mother of her village.
    pub probably_no_village_case: bool,
    /// Days that give an 80% chance of a mother of her village.
    pub days_for_80_village: Option<u32>,
}

/// A village's births a year from the scenario's data: the rows whose
/// region code or name is the village's name (letter case and spaces
/// aside), the latest year up to `year` (or else the earliest after it);
/// births as given, or population × CBR ÷ 1.000.
pub fn births_from_data(data: &[DataRow], village: &str, year: i32) -> Option<(f64, i32)> {
    let key = village.trim().to_lowercase();
    if key.is_empty() {
        return None;
    }
    let births = |r: &DataRow| {
        r.births
            .get()
            .or_else(|| Some(r.population.get()? * r.cbr.get()? / 1000.0))
            .filter(|b| b.is_finite() && *b >= 0.0)
    };
    let rows = data.iter().filter(|r| {
        r.region_code.trim().to_lowercase() == key || r.region_name.trim().to_lowercase() == key
    });
    let mut best: Option<(i32, f64)> = None;
    for r in rows {
        let Some(b) = births(r) else { continue };
        // Up to the year: the latest; after it: the earliest.
        let rank = |y: i32| {
            if y <= year {
                (0, year - y)
            } else {
                (1, y - year)
            }
        };
        if best.is_none_or(|(y, _)| rank(r.year) < rank(y)) {
            best = Some((r.year, b));
        }
    }
    best.map(|(y, b)| (b, y))
}

/// The expectation of one placed intern. `year` is the year whose data
/// give her village's births (the period's first year).
pub fn expectation(
    placement: &Placement,
    intern: &Intern,
    clinic: &Clinic,
    data: &[DataRow],
    year: i32,
) -> Expectation {
    let days = placement.days.len() as u32;
    let open = clinic.days_open_per_year();
    let per_day = if open > 0.0 {
        clinic.deliveries_per_year / open
    } else {
        f64::NAN
    };
    let expected = per_day * f64::from(days);
    let p_no_case = p_none(expected);
    let village_births = match births_from_data(data, &intern.village, year) {
        Some((b, y)) => Some((b, BirthsSource::Data(y))),
        None => intern
            .village_births
            .filter(|b| b.is_finite() && *b >= 0.0)
            .map(|b| (b, BirthsSource::Typed)),
    };
    // Her village's mothers come to the clinic at births × share a year,
    // over the days it is open.
    let village_per_day = village_births.map(|(b, _)| b * clinic.village_share / open);
    let expected_village = village_per_day.map(|r| r * f64::from(days));
    let p_village = expected_village.map(|l| 1.0 - p_none(l));
    Expectation {
        intern: placement.intern,
        clinic: placement.clinic,
        days,
        cases_per_day: per_day,
        expected_cases: expected,
        p_no_case,
        probably_no_case: p_no_case > PROBABLY_NONE,
        days_for_80: days_for_chance(per_day, AIMED_CHANCE),
        village_births,
        expected_village,
        p_village,
        probably_no_village_case: p_village.is_some_and(|p| 1.0 - p > PROBABLY_NONE),
        days_for_80_village: village_per_day.and_then(|r| days_for_chance(r, AIMED_CHANCE)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poisson_by_hand() {
        // λ = 2 × 1.602 ÷ 365 = 3.204 ÷ 365 = 8,778082…; e^−8,778082 = 0,00015407
        let lambda: f64 = 2.0 * 1602.0 / 365.0;
        assert!((lambda - 8.778_082).abs() < 1e-6);
        assert!((p_none(lambda) - 0.000_154_07).abs() < 1e-8);
        // λ = 0,5: e^−0,5 = 0,606531; λ = ln 2 = 0,693147: exactly one half.
        assert!((p_none(0.5) - 0.606_531).abs() < 1e-6);
        assert!((p_none(2f64.ln()) - 0.5).abs() < 1e-12);
        // 80% needs λ ≥ ln 5 = 1,609438: at 0,25 a day 6,44 → 7 days;
        // at 1,609438 a day exactly 1 day; at 0,1 a day 16,09 → 17 days.
        assert_eq!(days_for_chance(0.25, 0.8), Some(7));
        assert_eq!(days_for_chance(5f64.ln(), 0.8), Some(1));
        assert_eq!(days_for_chance(0.1, 0.8), Some(17));
        assert_eq!(days_for_chance(0.0, 0.8), None);
        assert!(p_none(-1.0).is_nan());
    }

    #[test]
    fn an_intern_by_hand() {
        use crate::model::programs::date::Date;
        let row = |year, births: Option<f64>, pop: Option<f64>, cbr: Option<f64>| DataRow {
            region_code: "1572010001".into(),
            region_name: "Koto Lolo".into(),
            year,
            births: births.into(),
            population: pop.into(),
            cbr: cbr.into(),
            ..DataRow::default()
        };
        // 2025: 40 births given; 2026: 2.000 people × 18 ‰ = 36 births.
        let data = [
            row(2025, Some(40.0), None, None),
            row(2026, None, Some(2000.0), Some(18.0)),
        ];
        assert_eq!(
            births_from_data(&data, " koto lolo", 2026),
            Some((36.0, 2026))
        );
        assert_eq!(
            births_from_data(&data, "1572010001", 2025),
            Some((40.0, 2025))
        );
        assert_eq!(
            births_from_data(&data, "Koto Lolo", 2024),
            Some((40.0, 2025))
        );
        let clinic = Clinic::new("RB Budi Setia", 1602.0);
        let day = Date::from_ymd(2026, 3, 2).unwrap();
        let placement = Placement {
            intern: 0,
            clinic: 0,
            days: vec![day, day.add_days(1)],
        };
        let intern = Intern {
            name: "Ani".into(),
            village: "Koto Lolo".into(),
            permitted: true,
            village_births: Some(120.0),
            ..Intern::default()
        };
        let e = expectation(&placement, &intern, &clinic, &data, 2026);
        // Deliveries: 1.602 ÷ 365 = 4,389041 a day; λ = 2 × 4,389041 =
        // 8,778082; P(none) = e^−8,778082 = 0,00015407; 80% in
        // ⌈ln 5 ÷ 4,389041⌉ = ⌈0,3667⌉ = 1 day.
        assert!((e.expected_cases - 8.778_082).abs() < 1e-6);
        assert!((e.p_no_case - 0.000_154_07).abs() < 1e-8);
        assert!(!e.probably_no_case);
        assert_eq!(e.days_for_80, Some(1));
        // Her village (from the data, 2026): 36 × 25% ÷ 365 = 0,0246575 a
        // day; 2 days give λ = 0,0493151, P = 1 − e^−0,0493151 = 0,0481188:
        // probably no mother of her village; 80% needs ⌈ln 5 ÷ 0,0246575⌉
        // = ⌈65,27⌉ = 66 days.
        assert_eq!(e.village_births, Some((36.0, BirthsSource::Data(2026))));
        assert!((e.expected_village.unwrap() - 0.049_315_07).abs() < 1e-8);
        assert!((e.p_village.unwrap() - 0.048_118_83).abs() < 1e-8);
        assert!(e.probably_no_village_case);
        assert_eq!(e.days_for_80_village, Some(66));
        // A village not in the data: the typed 120 births: 120 × 25% ÷ 365
        // × 2 = 0,1643836; P = 0,1515835; 80% in ⌈19,58⌉ = 20 days.
        let other = Intern {
            village: "Sungai Liuk".into(),
            ..intern
        };
        let e = expectation(&placement, &other, &clinic, &data, 2026);
        assert_eq!(e.village_births, Some((120.0, BirthsSource::Typed)));
        assert!((e.p_village.unwrap() - 0.151_583_46).abs() < 1e-8);
        assert_eq!(e.days_for_80_village, Some(20));
    }
}
