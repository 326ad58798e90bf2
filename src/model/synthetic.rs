//! A deterministic synthetic data set of many regions, for benchmarks and
//! tests: region 1 is the paper's Indonesia, the others plausible villages.
//! The same `n` and `seed` always give the same rows.

use super::data::{DataRow, Label};
use super::scenario::PAPER_DATA;

/// A small, fast, deterministic generator (SplitMix64).
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// `n` regions with data years 2017–2020.
pub fn regions(n: usize, seed: u64) -> Vec<DataRow> {
    regions_years(n, 4, seed)
}

/// `n` regions with `years` data years from 2017 (region 1 is the paper's
/// Indonesia for its four years, then grows 1% a year).
pub fn regions_years(n: usize, years: usize, seed: u64) -> Vec<DataRow> {
    let mut rng = SplitMix(seed);
    let mut rows = Vec::with_capacity(n * years);
    let (mut pop, mut cbr) = (PAPER_DATA[0].1, PAPER_DATA[0].2);
    for k in 0..years {
        let year = 2017 + k as i32;
        if let Some(&(_, p, c)) = PAPER_DATA.get(k) {
            (pop, cbr) = (p, c);
        } else {
            pop = (pop * 1.01).round();
            cbr = (cbr - 0.3).max(8.0);
        }
        rows.push(DataRow {
            region_code: "R000001".into(),
            region_name: "Indonesia (nasional)".into(),
            year,
            population: pop.into(),
            cbr: cbr.into(),
            ..DataRow::default()
        });
    }
    let mean = PAPER_DATA[0].1 / (n.max(2) - 1) as f64;
    for i in 2..=n {
        // Sizes spread over about two orders of magnitude.
        let mut pop = (mean * (0.15 + 3.0 * rng.unit() * rng.unit()))
            .round()
            .max(200.0);
        let mut cbr = 12.0 + 14.0 * rng.unit();
        let growth = 0.011 + 0.012 * (rng.unit() - 0.5);
        let code = Label::from(format!("R{i:06}"));
        let name = Label::from(format!("Wilayah sintetis {i}"));
        for k in 0..years {
            let year = 2017 + k as i32;
            rows.push(DataRow {
                region_code: code.clone(),
                region_name: name.clone(),
                year,
                population: pop.into(),
                cbr: ((cbr * 100.0).round() / 100.0).into(),
                ..DataRow::default()
            });
            pop = (pop * (1.0 + growth)).round();
            cbr = (cbr - 0.05 - 0.45 * rng.unit()).max(8.0);
        }
    }
    rows
}
