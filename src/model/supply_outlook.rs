//! The supply of what is shown (one region or the total), read from the
//! projection: the midwives in post of the data years, the need of every
//! year, the stock and flow to the horizon, the year the gap closes and,
//! for the planner's target year, the goal seek with its answer put back.

use super::error::{ModelError, Problem};
use super::params::NeedSum;
use super::projection::YearRow;
use super::supply::{
    Intake, Supply, SupplyParams, attrition_to_keep_closed, intake_to_close, project_supply,
};
use super::tree_sum::node_rows;
use super::{PreparedData, Projection};

/// An attrition (%) at or above which the gap stays closed whatever the
/// attrition: the intake alone meets the need (the search stops just under
/// 100%).
pub const ANY_ATTRITION: f64 = 99.99;

/// Supply beside need for one subject, with the goal seek when a target
/// year is set.
#[derive(Debug, Clone, PartialEq)]
pub struct SupplyOutlook {
    pub supply: Supply,
    /// The attrition the stock and flow used, and where it came from.
    pub attrition: AttritionUsed,
    /// The first year from which supply meets need through the horizon.
    pub closes_in: Option<i32>,
    pub goal: Option<Goal>,
}

/// The attrition (% a year) of what is shown, and where it came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AttritionUsed {
    pub percent: f64,
    pub from: AttritionFrom,
}

/// Where the attrition of what is shown came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttritionFrom {
    /// The rate for all regions.
    All,
    /// The region's own rate.
    Own,
    /// The total of regions some of which have their own rate: the rates
    /// weighted by each region's midwives in post in the base year.
    Weighted,
}

/// The attrition of `region` (or the total): the region's own rate or the
/// rate for all; for the total with regions of their own rate, the rates
/// weighted by the midwives in post in the base year.
pub fn attrition_used(
    p: &SupplyParams,
    data: &PreparedData,
    proj: &Projection,
    region: Option<usize>,
) -> AttritionUsed {
    let all = AttritionUsed {
        percent: p.attrition_percent,
        from: AttritionFrom::All,
    };
    let key = |r: usize| {
        if data.codes[r].trim().is_empty() {
            data.names[r].trim()
        } else {
            data.codes[r].trim()
        }
    };
    if let Some(percent) = region.and_then(|r| p.own_attrition(key(r))) {
        return AttritionUsed {
            percent,
            from: AttritionFrom::Own,
        };
    }
    match region {
        Some(r) if data.tree.is_leaf(r) => all,
        _ if p.attrition_by_region.is_empty() => all,
        // The total, or a region with regions under it: the rates of the
        // regions at the foot of the tree (whose midwives are counted).
        _ => {
            let (mut lost, mut stock) = (0.0, 0.0);
            for r in data.tree.leaves_under(region) {
                let s = proj
                    .region_row(data, r, proj.base_year)
                    .midwives_available
                    .unwrap_or(0.0);
                lost += s * p.attrition_of(key(r));
                stock += s;
            }
            if stock > 0.0 {
                AttritionUsed {
                    percent: lost / stock,
                    from: AttritionFrom::Weighted,
                }
            } else {
                all
            }
        }
    }
}

/// What it takes to close the gap by `by_year` and keep it closed.
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    pub by_year: i32,
    /// New midwives a year that close the gap by `by_year`; `None` when no
    /// intake can (a later data year falls short).
    pub intake: Option<f64>,
    /// The smallest gap from `by_year` to the horizon with that intake put
    /// back into the stock and flow: at or above zero shows the answer holds.
    pub check_gap: Option<f64>,
    /// The largest attrition (%) that keeps the gap closed from `by_year`
    /// with today's intake; `None` when even none does.
    pub attrition: Option<f64>,
}

/// The figures the supply of `region` (or the total) stands on, year by
/// year from the base year: a region at the foot of the tree its own; the
/// total and a region with regions under it the sum of those at the foot
/// (midwives in post and need, the need summed by `rule`), as the tree and
/// the table show them.
fn subject_rows(
    data: &PreparedData,
    proj: &Projection,
    region: Option<usize>,
    rule: NeedSum,
) -> Vec<YearRow> {
    node_rows(data, proj, region, rule)
}

/// Midwives in post in `year` from the data (none after the last data year).
fn stock_in(rows: &[YearRow], last_data_year: i32, year: i32) -> Option<f64> {
    if year > last_data_year {
        return None;
    }
    rows.iter()
        .find(|r| r.year == year)
        .and_then(|r| r.midwives_available)
}

/// Midwives needed in `year`.
fn need_in(rows: &[YearRow], year: i32) -> f64 {
    rows.iter()
        .find(|r| r.year == year)
        .map_or(0.0, |r| r.midwives_needed)
}

/// The supply of `region` (or the total) under `p`, to the projection's
/// horizon; with `by_year` (else `p.close_by`), the goal seek for that year.
pub fn outlook(
    p: &SupplyParams,
    data: &PreparedData,
    proj: &Projection,
    region: Option<usize>,
    rule: NeedSum,
    by_year: Option<i32>,
) -> Result<SupplyOutlook, ModelError> {
    p.check()?;
    let attrition = attrition_used(p, data, proj, region);
    let mut resolved = p.clone();
    resolved.attrition_percent = attrition.percent;
    resolved.attrition_by_region.clear();
    let p = &resolved;
    let rows = subject_rows(data, proj, region, rule);
    let stock = |year: i32| stock_in(&rows, proj.last_data_year, year);
    let need = |year: i32| need_in(&rows, year);
    let (base, horizon) = (proj.base_year, proj.horizon_year);
    let supply = project_supply(p, base, horizon, &stock, &need)?;
    let closes_in = supply.closes_in();
    let goal = match by_year.or(p.close_by) {
        None => None,
        Some(by) => {
            if by <= base || by > horizon {
                return Err(ModelError::parameter(
                    "close_by",
                    f64::from(by),
                    Problem::OutOfRange {
                        min: f64::from(base + 1),
                        max: f64::from(horizon),
                        max_open: false,
                    },
                ));
            }
            let intake = intake_to_close(p, base, horizon, by, &stock, &need)?;
            let check_gap = match intake {
                Some(i) => {
                    let mut check = p.clone();
                    check.intake = Intake::Number(i);
                    let s = project_supply(&check, base, horizon, &stock, &need)?;
                    s.years
                        .iter()
                        .filter(|y| y.year >= by)
                        .map(|y| y.gap)
                        .reduce(f64::min)
                }
                None => None,
            };
            let attrition = attrition_to_keep_closed(p, base, horizon, by, &stock, &need)?;
            Some(Goal {
                by_year: by,
                intake,
                check_gap,
                attrition,
            })
        }
    };
    Ok(SupplyOutlook {
        supply,
        attrition,
        closes_in,
        goal,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DataRow, Parameters, project};

    /// One region, 2023 and 2024 with one midwife in post (antenatal care
    /// needs about 1,4), projected to 2030.
    fn belitung_like() -> (PreparedData, Projection) {
        let rows: Vec<DataRow> = [(2023, 39_982.0, 15.13, 1.0), (2024, 40_980.0, 15.2, 1.0)]
            .iter()
            .map(|&(year, pop, cbr, bidan)| DataRow {
                region_code: "A".into(),
                region_name: "Manggar".into(),
                year,
                population: pop.into(),
                cbr: cbr.into(),
                midwives_available: bidan.into(),
                ..DataRow::default()
            })
            .collect();
        let mut params = Parameters::default();
        params.population.base_year = 2024;
        params.population.horizon_year = 2030;
        let data = PreparedData::new(&rows).unwrap();
        let proj = project(&params, &data).unwrap();
        (data, proj)
    }

    #[test]
    fn outlook_starts_from_the_base_year_stock_and_puts_the_goal_back() {
        let (data, proj) = belitung_like();
        let p = SupplyParams {
            attrition_percent: 5.0,
            attrition_by_region: Vec::new(),
            intake: Intake::Number(0.0),
            transfers: Vec::new(),
            close_by: Some(2028),
        };
        let o = outlook(&p, &data, &proj, Some(0), NeedSum::Fte, None).unwrap();
        let first = &o.supply.years[0];
        assert_eq!(
            (first.year, first.stock, first.from_data),
            (2024, 1.0, true)
        );
        assert!(first.gap < -0.3, "{}", first.gap);
        // 2025: 1 × 0,95 = 0,95 with no intake.
        assert!((o.supply.years[1].stock - 0.95).abs() < 1e-9);
        assert_eq!(o.closes_in, None);
        assert_eq!(o.supply.years.last().unwrap().year, 2030);
        let goal = o.goal.unwrap();
        assert_eq!(goal.by_year, 2028);
        let intake = goal.intake.unwrap();
        // The answer put back closes the gap from 2028 exactly (the tightest
        // year is at zero), and less intake would not.
        let check = goal.check_gap.unwrap();
        assert!(check.abs() < 1e-9, "{check}");
        let mut less = p.clone();
        less.intake = Intake::Number(intake - 0.01);
        let o2 = outlook(&less, &data, &proj, Some(0), NeedSum::Fte, None).unwrap();
        assert!(
            o2.supply
                .years
                .iter()
                .any(|y| y.year >= 2028 && y.gap < 0.0)
        );
        // The total of one region is that region.
        let total = outlook(&p, &data, &proj, None, NeedSum::Fte, None).unwrap();
        assert_eq!(total.supply.years[0].stock, 1.0);
    }

    #[test]
    fn a_target_year_outside_the_projection_is_refused() {
        let (data, proj) = belitung_like();
        let p = SupplyParams::default();
        for by in [2024, 2031] {
            let e = outlook(&p, &data, &proj, Some(0), NeedSum::Fte, Some(by)).unwrap_err();
            assert!(
                e.message(crate::model::Lang::En).contains("close_by"),
                "{by}"
            );
        }
        assert!(outlook(&p, &data, &proj, Some(0), NeedSum::Fte, Some(2030)).is_ok());
    }

    /// Two regions in 2024: A with 30 midwives in post, B with 10.
    fn two_regions() -> (PreparedData, Projection) {
        let rows: Vec<DataRow> = [("A", 30.0), ("B", 10.0)]
            .iter()
            .map(|&(code, bidan)| DataRow {
                region_code: code.into(),
                region_name: format!("Wilayah {code}").into(),
                year: 2024,
                population: 40_000.0.into(),
                cbr: 15.0.into(),
                midwives_available: bidan.into(),
                ..DataRow::default()
            })
            .collect();
        let mut params = Parameters::default();
        params.population.base_year = 2024;
        params.population.horizon_year = 2026;
        let data = PreparedData::new(&rows).unwrap();
        let proj = project(&params, &data).unwrap();
        (data, proj)
    }

    #[test]
    fn a_regions_own_attrition_and_the_totals_weighted_rate() {
        let (data, proj) = two_regions();
        let mut p = SupplyParams {
            attrition_percent: 4.0,
            ..SupplyParams::default()
        };
        p.set_own_attrition("B", Some(10.0));
        // B alone: its own 10%, 10 → 9 → 8,1.
        let b = outlook(&p, &data, &proj, Some(1), NeedSum::Fte, None).unwrap();
        assert_eq!(b.attrition.from, AttritionFrom::Own);
        assert_eq!(b.attrition.percent, 10.0);
        assert!((b.supply.years[2].stock - 8.1).abs() < 1e-9);
        // A: the rate for all, 4%.
        let a = outlook(&p, &data, &proj, Some(0), NeedSum::Fte, None).unwrap();
        assert_eq!(
            (a.attrition.from, a.attrition.percent),
            (AttritionFrom::All, 4.0)
        );
        // The total: (30 × 4 + 10 × 10) / 40 = 5,5%; 40 → 37,8.
        let t = outlook(&p, &data, &proj, None, NeedSum::Fte, None).unwrap();
        assert_eq!(t.attrition.from, AttritionFrom::Weighted);
        assert!((t.attrition.percent - 5.5).abs() < 1e-12);
        assert!((t.supply.years[1].stock - 37.8).abs() < 1e-9);
        // Back to the rate for all.
        p.set_own_attrition("B", None);
        assert!(p.attrition_by_region.is_empty());
        let t = outlook(&p, &data, &proj, None, NeedSum::Fte, None).unwrap();
        assert_eq!(
            (t.attrition.from, t.attrition.percent),
            (AttritionFrom::All, 4.0)
        );
        // A region's rate out of range is refused, whatever is shown.
        p.set_own_attrition("B", Some(100.0));
        assert!(outlook(&p, &data, &proj, Some(0), NeedSum::Fte, None).is_err());
    }
}
