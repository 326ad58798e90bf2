//! Where the gap is worst: the regions of a projection ranked for one year,
//! shortest first, with how many are short and by how much in all (the sum
//! of shortfalls, which a net total hides).

use super::data::PreparedData;
use super::params::NeedSum;
use super::projection::{Projection, YearRow};
use super::tree_sum::node_row;

/// One region in the ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct RankRow {
    pub region: usize,
    /// Midwives needed (FTE).
    pub need: f64,
    /// Midwives in post, where the data give them for that year.
    pub available: Option<f64>,
    /// available − needed.
    pub gap: Option<f64>,
    /// available / needed.
    pub ratio: Option<f64>,
    /// Midwives needed per 1.000 pregnant women.
    pub need_per_1000_women: f64,
}

/// The ranking of one year.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    pub year: i32,
    /// Shortest first when the data give midwives; otherwise largest need
    /// first.
    pub rows: Vec<RankRow>,
    /// Whether the ranking is by gap (midwives in post known).
    pub by_gap: bool,
    /// The order asked for (by need whatever was asked when `by_gap` is
    /// false).
    pub by: RankBy,
    /// Regions short of midwives.
    pub short_regions: usize,
    /// The sum of the shortfalls (FTE, positive), surpluses not netted.
    pub total_shortfall: f64,
}

/// What the regions are ranked by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RankBy {
    /// Gap (available − needed), shortest first.
    #[default]
    Gap,
    /// Ratio (available ÷ needed), lowest first.
    Ratio,
    /// Midwives needed, largest first.
    Need,
}

/// Ranks every region of `proj` in `year`, shortest of midwives first (by
/// need when the data give no midwives in post).
pub fn rank(data: &PreparedData, proj: &Projection, year: i32) -> Ranking {
    rank_by(data, proj, year, RankBy::Gap)
}

/// Ranks every region of `proj` in `year` by `by` (in a region tree, the
/// regions of the lowest level: those without regions under them). Gap and
/// ratio need the midwives in post; without them the ranking is by need.
/// Regions without midwives in post go last; ties keep the file's order.
pub fn rank_by(data: &PreparedData, proj: &Projection, year: i32, by: RankBy) -> Ranking {
    let rows = (0..data.regions())
        .filter(|&r| !data.tree.nested || data.tree.is_leaf(r))
        .map(|r| rank_row(r, &proj.region_row(data, r, year)))
        .collect();
    ranked(rows, year, by)
}

/// Ranks the regions `nodes` (any level of the tree, each summed over the
/// regions under it by `rule`) in `year` by `by`: a district's kecamatan,
/// a province's kabupaten.
pub fn rank_nodes(
    data: &PreparedData,
    proj: &Projection,
    year: i32,
    by: RankBy,
    nodes: &[usize],
    rule: NeedSum,
) -> Ranking {
    let rows = nodes
        .iter()
        .filter_map(|&r| node_row(data, proj, Some(r), year, rule).map(|row| rank_row(r, &row)))
        .collect();
    ranked(rows, year, by)
}

fn rank_row(region: usize, row: &YearRow) -> RankRow {
    let women = row.pregnant_women;
    RankRow {
        region,
        need: row.midwives_needed,
        available: row.midwives_available,
        gap: row.gap,
        ratio: row.ratio,
        need_per_1000_women: if women > 0.0 {
            row.midwives_needed / women * 1000.0
        } else {
            0.0
        },
    }
}

fn ranked(mut rows: Vec<RankRow>, year: i32, by: RankBy) -> Ranking {
    let by_gap = rows.iter().any(|r| r.gap.is_some());
    let known_first = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    };
    match by {
        RankBy::Gap if by_gap => rows.sort_by(|a, b| known_first(a.gap, b.gap)),
        RankBy::Ratio if by_gap => rows.sort_by(|a, b| known_first(a.ratio, b.ratio)),
        _ => rows.sort_by(|a, b| b.need.total_cmp(&a.need)),
    }
    let shortfalls: Vec<f64> = rows
        .iter()
        .filter_map(|r| r.gap)
        .filter(|g| *g < 0.0)
        .collect();
    Ranking {
        year,
        by_gap,
        by,
        short_regions: shortfalls.len(),
        total_shortfall: -shortfalls.iter().sum::<f64>(),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DataRow, Parameters, project};

    fn params() -> Parameters {
        let mut p = Parameters::default();
        p.population.base_year = 2023;
        p
    }

    fn region(code: &str, births: f64, midwives: Option<f64>) -> Vec<DataRow> {
        (2023..=2024)
            .map(|year| DataRow {
                region_code: code.into(),
                year,
                births: births.into(),
                midwives_available: midwives.into(),
                ..DataRow::default()
            })
            .collect()
    }

    #[test]
    fn the_short_regions_come_first_and_their_shortfalls_add_up() {
        // Need = share × 1,10 × births; share = 146,58 / 69.825.
        let share = 146.58 / 69_825.0;
        let mut rows = region("A", 10_000.0, Some(30.0)); // need 23,09: +6,91
        rows.extend(region("B", 20_000.0, Some(35.0))); // need 46,18: −11,18
        rows.extend(region("C", 5_000.0, Some(10.0))); // need 11,55: −1,55
        let data = PreparedData::new(&rows).unwrap();
        let proj = project(&params(), &data).unwrap();
        let r = rank(&data, &proj, 2024);
        assert!(r.by_gap);
        let order: Vec<usize> = r.rows.iter().map(|x| x.region).collect();
        assert_eq!(order, vec![1, 2, 0]);
        assert_eq!(r.short_regions, 2);
        let expected = (46.18 - 35.0) + (11.55 - 10.0);
        let exact = (share * 1.1 * 20_000.0 - 35.0) + (share * 1.1 * 5_000.0 - 10.0);
        assert!((r.total_shortfall - exact).abs() < 1e-9);
        assert!((r.total_shortfall - expected).abs() < 0.01);
        // The net total hides it: +6,91 − 11,18 − 1,55 = −5,82 only.
        let net: f64 = r.rows.iter().filter_map(|x| x.gap).sum();
        assert!(net > -r.total_shortfall);
        // Need per 1.000 pregnant women is the share × 1.000 everywhere.
        assert!((r.rows[0].need_per_1000_women - share * 1000.0).abs() < 1e-9);
    }

    #[test]
    fn ranked_by_ratio_or_need_on_request() {
        // A: 30 for 23,09 (gap +6,91, ratio 1,30); B: 35 for 46,18 (−11,18,
        // 0,76); C: 8 for 11,55 (−3,55, 0,69); D: no midwives in post, need
        // 34,64.
        let mut rows = region("A", 10_000.0, Some(30.0));
        rows.extend(region("B", 20_000.0, Some(35.0)));
        rows.extend(region("C", 5_000.0, Some(8.0)));
        rows.extend(region("D", 15_000.0, None));
        let data = PreparedData::new(&rows).unwrap();
        let proj = project(&params(), &data).unwrap();
        let order = |by| -> Vec<usize> {
            rank_by(&data, &proj, 2024, by)
                .rows
                .iter()
                .map(|x| x.region)
                .collect()
        };
        assert_eq!(order(RankBy::Gap), vec![1, 2, 0, 3]);
        assert_eq!(order(RankBy::Ratio), vec![2, 1, 0, 3]);
        assert_eq!(order(RankBy::Need), vec![1, 3, 0, 2]);
        let r = rank_by(&data, &proj, 2024, RankBy::Ratio);
        let need_c = 146.58 / 69_825.0 * 1.1 * 5_000.0;
        assert!((r.rows[0].ratio.unwrap() - 8.0 / need_c).abs() < 1e-12);
    }

    #[test]
    fn without_midwives_the_largest_need_comes_first() {
        let mut rows = region("A", 10_000.0, None);
        rows.extend(region("B", 20_000.0, None));
        let data = PreparedData::new(&rows).unwrap();
        let proj = project(&params(), &data).unwrap();
        let r = rank(&data, &proj, 2024);
        assert!(!r.by_gap);
        assert_eq!(r.rows[0].region, 1);
        assert_eq!((r.short_regions, r.total_shortfall), (0, 0.0));
    }
}
