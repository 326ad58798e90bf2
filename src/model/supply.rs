//! Supply beside need: the midwives available each year as a stock and
//! flow. From the stock of the base year (the data), each year loses a
//! share to attrition (retirement, leaving) and gains the new midwives
//! placed and the net transfers:
//!
//! `S_n = S_{n−1} × (1 − a) + I + T_n`
//!
//! A later data year that gives the midwives in post replaces the computed
//! stock (and is marked as data). The gap is `S_n − need_n`; it closes in
//! the first year from which supply stays at or above need.
//!
//! Goal seek: the stock is linear in the intake, `S_n(I) = S_n(0) + I ×
//! Σ_{k<n'} (1 − a)^k` over the computed years since the last data year, so
//! the intake that closes the gap by a year is found exactly; the attrition
//! that keeps it closed is found by halving (the stock falls as attrition
//! rises).

use serde::{Deserialize, Serialize};

use super::capacity::in_range;
use super::error::{ModelError, Problem};

/// New midwives placed each year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Intake {
    /// A number of midwives a year.
    Number(f64),
    /// Graduates a year, of whom a share (%) is placed in the region.
    Graduates {
        graduates: f64,
        absorbed_percent: f64,
    },
}

impl Intake {
    /// Midwives placed a year.
    pub fn per_year(self) -> f64 {
        match self {
            Intake::Number(n) => n,
            Intake::Graduates {
                graduates,
                absorbed_percent,
            } => graduates * absorbed_percent / 100.0,
        }
    }
}

/// Net transfers (in − out) of one year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Transfer {
    pub year: i32,
    /// Midwives moving in minus those moving out.
    pub net: f64,
}

/// A region's own attrition, where it differs from the rate for all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionAttrition {
    /// The region's code (or its name, when it has no code).
    pub region: String,
    /// Share of its stock lost each year, in %.
    pub percent: f64,
}

/// The planner's supply assumptions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupplyParams {
    /// Share of the stock lost each year, in % (retirement and leaving), in
    /// every region without a rate of its own.
    pub attrition_percent: f64,
    /// Regions with a rate of their own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attrition_by_region: Vec<RegionAttrition>,
    pub intake: Intake,
    #[serde(default)]
    pub transfers: Vec<Transfer>,
    /// The year by which the planner wants the gap closed (the goal seek's
    /// target); `None`: no target set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub close_by: Option<i32>,
}

impl Default for SupplyParams {
    /// No attrition, intake or transfers: the stock of the base year held.
    fn default() -> Self {
        SupplyParams {
            attrition_percent: 0.0,
            attrition_by_region: Vec::new(),
            intake: Intake::Number(0.0),
            transfers: Vec::new(),
            close_by: None,
        }
    }
}

/// One year of the supply.
#[derive(Debug, Clone, PartialEq)]
pub struct SupplyYear {
    pub year: i32,
    /// The stock at the start of the year (the year before's end); `None`
    /// in the base year.
    pub start: Option<f64>,
    /// Midwives lost: start × a.
    pub attrition: f64,
    pub intake: f64,
    pub transfers: f64,
    /// Midwives available at the end of the year.
    pub stock: f64,
    /// Whether the stock is the data's.
    pub from_data: bool,
    /// Midwives needed that year.
    pub need: f64,
    /// stock − need: positive is a surplus, negative a shortfall.
    pub gap: f64,
}

/// The supply of one region (or the total), base year to horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct Supply {
    pub years: Vec<SupplyYear>,
}

/// An attrition rate must be at least 0 and under 100%.
fn check_attrition(a: f64) -> Result<(), ModelError> {
    if !a.is_finite() || !(0.0..100.0).contains(&a) {
        return Err(ModelError::parameter(
            "attrition_percent",
            a,
            Problem::OutOfRange {
                min: 0.0,
                max: 100.0,
                max_open: true,
            },
        ));
    }
    Ok(())
}

impl SupplyParams {
    /// The rate of the region whose key (code, or name) is `key`: its own,
    /// or the rate for all.
    pub fn attrition_of(&self, key: &str) -> f64 {
        self.own_attrition(key).unwrap_or(self.attrition_percent)
    }

    /// The region's own rate, if it has one.
    pub fn own_attrition(&self, key: &str) -> Option<f64> {
        self.attrition_by_region
            .iter()
            .find(|r| r.region == key)
            .map(|r| r.percent)
    }

    /// Gives the region `key` its own rate (`None`: the rate for all).
    pub fn set_own_attrition(&mut self, key: &str, percent: Option<f64>) {
        self.attrition_by_region.retain(|r| r.region != key);
        if let Some(percent) = percent {
            self.attrition_by_region.push(RegionAttrition {
                region: key.to_string(),
                percent,
            });
        }
    }

    /// Checks every rate, the intake and the transfers.
    pub fn check(&self) -> Result<(), ModelError> {
        check_attrition(self.attrition_percent)?;
        for r in &self.attrition_by_region {
            check_attrition(r.percent)?;
        }
        match self.intake {
            Intake::Number(n) => in_range("intake", n, 0.0, f64::MAX)?,
            Intake::Graduates {
                graduates,
                absorbed_percent,
            } => {
                in_range("graduates", graduates, 0.0, f64::MAX)?;
                in_range("absorbed_percent", absorbed_percent, 0.0, 100.0)?;
            }
        }
        for t in &self.transfers {
            in_range("transfers", t.net, f64::MIN, f64::MAX)?;
        }
        Ok(())
    }

    fn transfers_in(&self, year: i32) -> f64 {
        self.transfers
            .iter()
            .filter(|t| t.year == year)
            .map(|t| t.net)
            .sum()
    }
}

/// Projects the supply from `base_year` to `horizon_year`. `stock_data`
/// gives the midwives in post of the data years (`None` where a year does
/// not give them); the base year must. `need(year)` is the need that year.
pub fn project_supply(
    p: &SupplyParams,
    base_year: i32,
    horizon_year: i32,
    stock_data: &dyn Fn(i32) -> Option<f64>,
    need: &dyn Fn(i32) -> f64,
) -> Result<Supply, ModelError> {
    p.check()?;
    let Some(base) = stock_data(base_year) else {
        return Err(ModelError::parameter(
            "midwives_available",
            f64::NAN,
            Problem::Missing,
        ));
    };
    let keep = 1.0 - p.attrition_percent / 100.0;
    let intake = p.intake.per_year();
    let mut years = Vec::with_capacity((horizon_year - base_year + 1).max(1) as usize);
    let first_need = need(base_year);
    years.push(SupplyYear {
        year: base_year,
        start: None,
        attrition: 0.0,
        intake: 0.0,
        transfers: 0.0,
        stock: base,
        from_data: true,
        need: first_need,
        gap: base - first_need,
    });
    let mut stock = base;
    for year in base_year + 1..=horizon_year {
        let start = stock;
        let attrition = start * (1.0 - keep);
        let transfers = p.transfers_in(year);
        let (value, from_data) = match stock_data(year) {
            Some(d) => (d, true),
            None => ((start - attrition + intake + transfers).max(0.0), false),
        };
        stock = value;
        let n = need(year);
        years.push(SupplyYear {
            year,
            start: Some(start),
            attrition: if from_data { 0.0 } else { attrition },
            intake: if from_data { 0.0 } else { intake },
            transfers: if from_data { 0.0 } else { transfers },
            stock,
            from_data,
            need: n,
            gap: stock - n,
        });
    }
    Ok(Supply { years })
}

impl Supply {
    /// The first year from which supply meets need through the horizon;
    /// `None` when the gap is still open at the horizon.
    pub fn closes_in(&self) -> Option<i32> {
        let mut closed_from = None;
        for y in &self.years {
            if y.gap >= -1e-9 {
                closed_from.get_or_insert(y.year);
            } else {
                closed_from = None;
            }
        }
        closed_from
    }

    /// The year `year`, if projected.
    pub fn year(&self, year: i32) -> Option<&SupplyYear> {
        self.years.iter().find(|y| y.year == year)
    }
}

/// The smallest yearly intake (midwives a year) that closes the gap by
/// `by_year` and keeps it closed to the horizon, the rest of `p` held.
/// `Some(0)` when the gap is closed without intake; `None` when no intake
/// can (a data year at or after `by_year` that falls short).
pub fn intake_to_close(
    p: &SupplyParams,
    base_year: i32,
    horizon_year: i32,
    by_year: i32,
    stock_data: &dyn Fn(i32) -> Option<f64>,
    need: &dyn Fn(i32) -> f64,
) -> Result<Option<f64>, ModelError> {
    let mut zero = p.clone();
    zero.intake = Intake::Number(0.0);
    let without = project_supply(&zero, base_year, horizon_year, stock_data, need)?;
    let keep = 1.0 - p.attrition_percent / 100.0;
    // Per year: how much one midwife a year of intake adds to the stock
    // (the geometric sum since the last data year).
    let mut reach = 0.0;
    let mut needed: f64 = 0.0;
    for y in &without.years {
        reach = if y.from_data { 0.0 } else { reach * keep + 1.0 };
        if y.year < by_year {
            continue;
        }
        let short = -y.gap;
        if short <= 0.0 {
            continue;
        }
        if reach == 0.0 {
            return Ok(None);
        }
        needed = needed.max(short / reach);
    }
    Ok(Some(needed))
}

/// The largest attrition (% a year) at which the gap stays closed from
/// `by_year` to the horizon, the rest of `p` held; `None` when even no
/// attrition leaves it open.
pub fn attrition_to_keep_closed(
    p: &SupplyParams,
    base_year: i32,
    horizon_year: i32,
    by_year: i32,
    stock_data: &dyn Fn(i32) -> Option<f64>,
    need: &dyn Fn(i32) -> f64,
) -> Result<Option<f64>, ModelError> {
    let closed = |a: f64| -> Result<bool, ModelError> {
        let mut q = p.clone();
        q.attrition_percent = a;
        let s = project_supply(&q, base_year, horizon_year, stock_data, need)?;
        Ok(s.years
            .iter()
            .filter(|y| y.year >= by_year)
            .all(|y| y.gap >= -1e-9))
    };
    if !closed(0.0)? {
        return Ok(None);
    }
    let (mut lo, mut hi) = (0.0, 99.999_999);
    if closed(hi)? {
        return Ok(Some(hi));
    }
    // 60 halvings: far below any shown precision.
    for _ in 0..60 {
        let mid = (lo + hi) / 2.0;
        if closed(mid)? {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(Some(lo))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(a: f64, intake: f64) -> SupplyParams {
        SupplyParams {
            attrition_percent: a,
            attrition_by_region: Vec::new(),
            intake: Intake::Number(intake),
            transfers: Vec::new(),
            close_by: None,
        }
    }

    #[test]
    fn stock_and_flow_by_hand() {
        // 100 midwives in 2024; 5% leave a year; 8 placed a year; 3 more
        // move in in 2026.
        // 2025: 100 × 0,95 + 8 = 103; 2026: 103 × 0,95 + 8 + 3 = 108,85;
        // 2027: 108,85 × 0,95 + 8 = 111,4075.
        let mut p = params(5.0, 8.0);
        p.transfers.push(Transfer {
            year: 2026,
            net: 3.0,
        });
        let data = |y: i32| (y == 2024).then_some(100.0);
        let need = |_: i32| 110.0;
        let s = project_supply(&p, 2024, 2027, &data, &need).unwrap();
        let stocks: Vec<f64> = s.years.iter().map(|y| y.stock).collect();
        assert_eq!(stocks.len(), 4);
        for (got, want) in stocks.iter().zip([100.0, 103.0, 108.85, 111.4075]) {
            assert!((got - want).abs() < 1e-9, "{got} vs {want}");
        }
        let y2026 = s.year(2026).unwrap();
        assert!((y2026.attrition - 5.15).abs() < 1e-9);
        assert_eq!((y2026.intake, y2026.transfers), (8.0, 3.0));
        assert!((y2026.gap - (108.85 - 110.0)).abs() < 1e-9);
        assert_eq!(s.closes_in(), Some(2027));
    }

    #[test]
    fn a_later_data_year_replaces_the_computed_stock() {
        // 2025 from the data: 90 (not 100 × 0,9 + 5 = 95); 2026: 90 × 0,9
        // + 5 = 86.
        let p = params(10.0, 5.0);
        let data = |y: i32| match y {
            2024 => Some(100.0),
            2025 => Some(90.0),
            _ => None,
        };
        let s = project_supply(&p, 2024, 2026, &data, &|_| 80.0).unwrap();
        assert!(s.years[1].from_data);
        assert_eq!(s.years[1].stock, 90.0);
        assert!(!s.years[2].from_data);
        assert!((s.years[2].stock - 86.0).abs() < 1e-9);
    }

    #[test]
    fn goal_seek_answers_check_out_when_put_back() {
        // Need grows 2 a year from 100; 100 in post; 4% attrition.
        let data = |y: i32| (y == 2024).then_some(100.0);
        let need = |y: i32| 100.0 + 2.0 * (y - 2024) as f64;
        let p = params(4.0, 0.0);
        let s = project_supply(&p, 2024, 2035, &data, &need).unwrap();
        assert_eq!(s.closes_in(), None);

        let intake = intake_to_close(&p, 2024, 2035, 2030, &data, &need)
            .unwrap()
            .unwrap();
        // Put back: closed from 2030 on, and a little less leaves it open.
        let with = params(4.0, intake);
        let s = project_supply(&with, 2024, 2035, &data, &need).unwrap();
        assert!(
            s.years
                .iter()
                .filter(|y| y.year >= 2030)
                .all(|y| y.gap >= -1e-9)
        );
        let less = params(4.0, intake - 0.01);
        let s = project_supply(&less, 2024, 2035, &data, &need).unwrap();
        assert!(
            s.years
                .iter()
                .filter(|y| y.year >= 2030)
                .any(|y| y.gap < 0.0)
        );
        // By hand for 2030 alone: S(0) = 100 × 0,96⁶ = 78,275…; reach =
        // Σ_{k<6} 0,96^k = 5,4306…; need 112 → I = 33,72…/5,4306… = 6,209…;
        // the later years ask for more, so the answer is at least this.
        let s0 = 100.0 * 0.96f64.powi(6);
        let reach: f64 = (0..6).map(|k| 0.96f64.powi(k)).sum();
        assert!(intake >= (112.0 - s0) / reach - 1e-9);

        // With 10 a year, which attrition keeps the gap closed from 2030?
        let p = params(0.0, 10.0);
        let a = attrition_to_keep_closed(&p, 2024, 2035, 2030, &data, &need)
            .unwrap()
            .unwrap();
        let at = params(a, 10.0);
        let s = project_supply(&at, 2024, 2035, &data, &need).unwrap();
        assert!(
            s.years
                .iter()
                .filter(|y| y.year >= 2030)
                .all(|y| y.gap >= -1e-6)
        );
        let above = params(a + 0.01, 10.0);
        let s = project_supply(&above, 2024, 2035, &data, &need).unwrap();
        assert!(
            s.years
                .iter()
                .filter(|y| y.year >= 2030)
                .any(|y| y.gap < 0.0)
        );
    }

    #[test]
    fn graduates_and_bad_values() {
        let i = Intake::Graduates {
            graduates: 40.0,
            absorbed_percent: 25.0,
        };
        assert_eq!(i.per_year(), 10.0);
        let data = |_: i32| Some(1.0);
        for p in [params(100.0, 1.0), params(-1.0, 1.0), params(5.0, f64::NAN)] {
            assert!(project_supply(&p, 2024, 2030, &data, &|_| 1.0).is_err());
        }
        let none = |_: i32| None;
        assert!(project_supply(&params(5.0, 1.0), 2024, 2030, &none, &|_| 1.0).is_err());
    }
}
