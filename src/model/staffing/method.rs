//! The method of a calculation: WISN or ABK-Kes, the rounding of
//! intermediate values and of the required staff to whole people.

use serde::{Deserialize, Serialize};

use crate::model::number::round_half_up;

/// Which published method (names and labels; the arithmetic is the same).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// WHO WISN.
    #[default]
    Wisn,
    /// Kemenkes ABK-Kes (Permenkes 33/2015).
    Abk,
}

impl Method {
    pub fn key(self) -> &'static str {
        match self {
            Method::Wisn => "wisn",
            Method::Abk => "abk",
        }
    }
}

/// Rounding of intermediate values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum IntermediateRounding {
    /// No intermediate rounding.
    #[default]
    Exact,
    /// As the published worksheets: SW/SBK to whole units; staff per
    /// activity, JKT, CAF/STP, IAF and required to 2 decimals.
    Worksheet,
}

impl IntermediateRounding {
    pub fn key(self) -> &'static str {
        match self {
            IntermediateRounding::Exact => "exact",
            IntermediateRounding::Worksheet => "worksheet",
        }
    }
}

/// Rounding of the required staff to whole people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FinalRounding {
    /// To the nearest whole person, halves up (2,5 → 3; 2,49 → 2).
    #[default]
    Nearest,
    /// Up to the next whole person (2,01 → 3).
    Up,
}

impl FinalRounding {
    pub fn key(self) -> &'static str {
        match self {
            FinalRounding::Nearest => "nearest",
            FinalRounding::Up => "up",
        }
    }

    pub fn apply(self, x: f64) -> f64 {
        match self {
            FinalRounding::Nearest => round_half_up(x, 0),
            // Noise such as 3.0000000000000004 stays 3.
            FinalRounding::Up => round_half_up(x, 9).ceil(),
        }
    }
}

/// The choices of one calculation.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub struct StaffingOptions {
    pub method: Method,
    pub rounding: IntermediateRounding,
    pub final_rounding: FinalRounding,
    /// Staff in post now, for the difference and the ratio.
    pub existing: Option<f64>,
}
