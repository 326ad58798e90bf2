//! The district's delivery indicators by year: deliveries, those assisted
//! by health workers (nakes) and those in health facilities, as counts and
//! shares, beside their targets.

use serde::{Deserialize, Serialize};

/// One year of the district's deliveries.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct IndicatorYear {
    pub year: i32,
    /// Deliveries in the year.
    pub deliveries: f64,
    /// Deliveries assisted by health workers.
    pub assisted: f64,
    /// Deliveries in health facilities (public and private).
    pub in_facility: f64,
}

impl IndicatorYear {
    /// The share assisted by health workers (0–1); `None` without deliveries.
    pub fn assisted_share(&self) -> Option<f64> {
        share(self.assisted, self.deliveries)
    }

    /// The share in health facilities (0–1); `None` without deliveries.
    pub fn facility_share(&self) -> Option<f64> {
        share(self.in_facility, self.deliveries)
    }

    /// Deliveries assisted by health workers from a published share (as the
    /// health office reports it: 93,70% of 1.602).
    pub fn count_from_share(deliveries: f64, share: f64) -> f64 {
        deliveries * share
    }
}

fn share(part: f64, whole: f64) -> Option<f64> {
    (whole.is_finite() && whole > 0.0 && part.is_finite()).then(|| part / whole)
}

/// The indicators by year and their targets.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Indicators {
    #[serde(default)]
    pub years: Vec<IndicatorYear>,
    /// The target share assisted by health workers (0–1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_assisted: Option<f64>,
    /// The target share in health facilities (0–1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_facility: Option<f64>,
}

impl Indicators {
    pub fn is_empty(&self) -> bool {
        self.years.is_empty() && self.target_assisted.is_none() && self.target_facility.is_none()
    }

    /// The years in order.
    pub fn sorted(&self) -> Vec<&IndicatorYear> {
        let mut v: Vec<&IndicatorYear> = self.years.iter().collect();
        v.sort_by_key(|y| y.year);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::model::number::{fmt_fixed, fmt_percent};

    #[test]
    fn kota_sungai_penuh_2016() {
        // 1.501 of 1.602 deliveries assisted: 1.501 ÷ 1.602 = 0,936954 →
        // 93,70%; all 1.602 in facilities: 100%.
        let y = IndicatorYear {
            year: 2016,
            deliveries: 1602.0,
            assisted: 1501.0,
            in_facility: 1602.0,
        };
        let a = y.assisted_share().unwrap();
        assert!((a - 0.936_953_8).abs() < 1e-7);
        assert_eq!(fmt_percent(a, 2, Lang::Id), "93,7%");
        assert_eq!(fmt_fixed(a * 100.0, 2, Lang::Id), "93,70");
        assert_eq!(y.facility_share(), Some(1.0));
        // From the published share: 1.602 × 93,70% = 1.501,074 deliveries.
        let c = IndicatorYear::count_from_share(1602.0, 0.9370);
        assert_eq!(fmt_fixed(c, 3, Lang::Id), "1.501,074");
        assert_eq!(
            IndicatorYear {
                deliveries: 0.0,
                ..y
            }
            .assisted_share(),
            None
        );
    }
}
