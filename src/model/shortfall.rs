//! Where midwives are short: how many regions need more midwives than are
//! in post, and the sum of their shortfalls. A total can show a surplus
//! while single regions are short, because one region's surplus hides
//! another's shortfall. The figures are those of the year's
//! [ranking](super::ranking).

use super::Lang;
use super::data::PreparedData;
use super::number::fmt_fixed;
use super::projection::{Projection, YearRow};
use super::ranking::rank;

/// The regions short of midwives in one year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shortfalls {
    /// The latest year with midwives in post given.
    pub year: i32,
    /// Regions with midwives in post given that year.
    pub regions_given: usize,
    /// Regions with fewer midwives in post than needed.
    pub regions_short: usize,
    /// The sum of the shortfalls (FTE, positive): needed − in post over
    /// the short regions only.
    pub shortfall: f64,
}

/// The shortfalls in the latest data year with midwives in post given in
/// some region; `None` when no region gives them.
pub fn shortfalls(data: &PreparedData, projection: &Projection) -> Option<Shortfalls> {
    let year = (projection.first_year..=projection.last_data_year)
        .rev()
        .find(|&y| {
            let k = (y - data.first_year) as usize;
            (0..data.regions()).any(|r| {
                data.midwives_available
                    .get(r * data.years + k)
                    .is_some_and(|m| m.is_some())
            })
        })?;
    let ranked = rank(data, projection, year);
    Some(Shortfalls {
        year,
        regions_given: ranked.rows.iter().filter(|r| r.gap.is_some()).count(),
        regions_short: ranked.short_regions,
        shortfall: ranked.total_shortfall,
    })
}

/// The outlook of one subject in plain figures: the need in a year and,
/// where midwives in post are given, the latest count and the gap it
/// would leave in that year if it stayed as it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outlook {
    pub year: i32,
    /// Midwives needed (FTE) in `year`.
    pub need: f64,
    pub pregnant_women: f64,
    pub in_post: Option<InPost>,
}

/// The latest midwives in post and the gap they leave.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InPost {
    /// The latest year with midwives in post given.
    pub year: i32,
    pub midwives: f64,
    /// In post − needed in the outlook's year: negative is a shortfall.
    pub gap: f64,
}

/// The outlook for `year` from a subject's rows; `None` when the rows do
/// not reach that year.
pub fn outlook(rows: &[YearRow], year: i32) -> Option<Outlook> {
    let row = rows.iter().find(|r| r.year == year)?;
    let in_post = rows
        .iter()
        .rev()
        .find_map(|r| r.midwives_available.map(|m| (r.year, m)))
        .map(|(y, m)| InPost {
            year: y,
            midwives: m,
            gap: m - row.midwives_needed,
        });
    Some(Outlook {
        year,
        need: row.midwives_needed,
        pregnant_women: row.pregnant_women,
        in_post,
    })
}

/// A gap with its sign, to one decimal: "+3,2", "−12,0".
pub fn signed(gap: f64, lang: Lang) -> String {
    let text = fmt_fixed(gap.abs(), 1, lang);
    if gap < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("−{text}")
    } else {
        format!("+{text}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DataRow, Parameters, project};

    /// The default parameters with the base year 2019 of these data.
    fn params() -> Parameters {
        let mut p = Parameters::default();
        p.population.base_year = 2019;
        p
    }

    fn row(code: &str, year: i32, pop: f64, midwives: Option<f64>) -> DataRow {
        DataRow {
            region_code: code.into(),
            region_name: code.into(),
            year,
            population: Some(pop).into(),
            cbr: Some(20.0).into(),
            midwives_available: midwives.into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_surplus_elsewhere_does_not_hide_a_short_region() {
        let params = params();
        // The midwives each region needs in 2020, from a first run without
        // midwives in post.
        let bare = vec![
            row("A", 2019, 1_000_000.0, None),
            row("A", 2020, 1_000_000.0, None),
        ];
        let d = PreparedData::new(&bare).unwrap();
        let need = project(&params, &d)
            .unwrap()
            .region_row(&d, 0, 2020)
            .midwives_needed;
        assert!(need > 20.0, "{need}");
        let data = vec![
            row("A", 2019, 1_000_000.0, Some(need - 10.0)),
            row("A", 2020, 1_000_000.0, Some(need - 12.0)),
            row("B", 2019, 1_000_000.0, Some(need + 15.0)),
            row("B", 2020, 1_000_000.0, Some(need + 15.5)),
            row("C", 2019, 1_000_000.0, None),
            row("C", 2020, 1_000_000.0, None),
        ];
        let d = PreparedData::new(&data).unwrap();
        let p = project(&params, &d).unwrap();
        let s = shortfalls(&d, &p).unwrap();
        assert_eq!(s.year, 2020);
        assert_eq!(s.regions_given, 2);
        assert_eq!(s.regions_short, 1);
        assert!((s.shortfall - 12.0).abs() < 1e-6, "{}", s.shortfall);
    }

    #[test]
    fn the_outlook_sets_the_latest_midwives_in_post_against_the_need() {
        let mut data = vec![
            row("A", 2019, 1_000_000.0, Some(10.0)),
            row("A", 2020, 1_000_000.0, Some(12.0)),
        ];
        data[1].population = Some(1_100_000.0).into();
        let d = PreparedData::new(&data).unwrap();
        let p = project(&params(), &d).unwrap();
        let need_2025 = p.total_row(2025).unwrap().midwives_needed;
        let o = outlook(&p.total, 2025).unwrap();
        assert_eq!(o.year, 2025);
        assert_eq!(o.need, need_2025);
        let in_post = o.in_post.unwrap();
        assert_eq!((in_post.year, in_post.midwives), (2020, 12.0));
        assert!((in_post.gap - (12.0 - need_2025)).abs() < 1e-9);
        assert_eq!(outlook(&p.total, 1990), None);
    }

    #[test]
    fn a_gap_carries_its_sign() {
        assert_eq!(signed(-12.04, Lang::Id), "−12,0");
        assert_eq!(signed(3.26, Lang::En), "+3.3");
        assert_eq!(signed(-0.01, Lang::Id), "+0,0");
    }

    #[test]
    fn no_midwives_given_means_no_shortfalls() {
        let data = vec![row("A", 2019, 1000.0, None), row("A", 2020, 1000.0, None)];
        let d = PreparedData::new(&data).unwrap();
        let p = project(&params(), &d).unwrap();
        assert_eq!(shortfalls(&d, &p), None);
    }
}
