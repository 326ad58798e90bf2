//! A projection's figures read back: one region's projected pregnant women
//! in any year (alone, or many regions a year at a time), and its rows.

use std::ops::Range;

use super::data::PreparedData;
use super::growth::annual_rate;
use super::projection::{Projection, YearKind, YearRow, round_people, start_factor, year_row};

impl Projection {
    /// Years shown, first data year to end year.
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.first_year..=self.end_year
    }

    /// Number of regions.
    pub fn regions(&self) -> usize {
        self.base_pregnant.len()
    }

    /// The projected pregnant women of region `r` in `year`, computed the
    /// same way as the totals (bit for bit).
    pub fn projected(&self, r: usize, year: i32) -> f64 {
        let mut f = self.base_pregnant[r]
            * start_factor(self.growth_used[r], self.first_year - self.base_year);
        let q = 1.0 + self.growth_used[r];
        for _ in self.first_year..year {
            f *= q;
        }
        round_people(f, self.rounding)
    }

    /// [`projected`](Self::projected) of each region of `regions` in
    /// `year`, bit for bit: the same products, a year at a time for all of
    /// them (which the compiler can vectorise) rather than a region at a time.
    pub fn projected_of(&self, regions: Range<usize>, year: i32) -> Vec<f64> {
        let regions: Vec<usize> = regions.collect();
        let wanted = (year - self.first_year) as usize;
        let mut out = Vec::new();
        self.each_year_of(&regions, |k, shown| {
            if k == wanted {
                out = shown.to_vec();
            }
        });
        out
    }

    /// The projected pregnant women of `regions` year by year from the
    /// first year shown: `each(k, shown)` gets, for the k-th year, each
    /// region's figure in the order of `regions`, each the same as
    /// [`projected`](Self::projected) bit for bit. A year at a time for
    /// all of them, which the compiler can vectorise.
    pub fn each_year_of(&self, regions: &[usize], mut each: impl FnMut(usize, &[f64])) {
        let offset = self.first_year - self.base_year;
        let mut f: Vec<f64> = regions
            .iter()
            .map(|&r| self.base_pregnant[r] * start_factor(self.growth_used[r], offset))
            .collect();
        let q: Vec<f64> = regions.iter().map(|&r| 1.0 + self.growth_used[r]).collect();
        let mut shown = vec![0.0; regions.len()];
        for k in 0..self.years().count() {
            for ((s, f), q) in shown.iter_mut().zip(&mut f).zip(&q) {
                *s = round_people(*f, self.rounding);
                *f *= q;
            }
            each(k, &shown);
        }
    }

    /// The projected pregnant women of region `r` from the first year
    /// shown on, each the same as [`projected`](Self::projected) (bit for
    /// bit) without starting again for every year.
    pub fn projected_series(&self, r: usize) -> impl Iterator<Item = f64> + '_ {
        let mut f = self.base_pregnant[r]
            * start_factor(self.growth_used[r], self.first_year - self.base_year);
        let q = 1.0 + self.growth_used[r];
        self.years().map(move |_| {
            let shown = round_people(f, self.rounding);
            f *= q;
            shown
        })
    }

    /// Every figure of region `r` in `year`.
    pub fn region_row(&self, data: &PreparedData, r: usize, year: i32) -> YearRow {
        let k = (year - self.first_year) as usize;
        let projected = self.projected(r, year);
        let share = self.capacity.share;
        if year <= self.last_data_year {
            let i = r * data.years + k;
            let pw = self.pregnant[i];
            let g = if k > 0 {
                annual_rate(self.pregnant[i - 1], pw)
            } else {
                None
            };
            let b = round_people(data.births_base[i], self.rounding);
            year_row(
                year,
                YearKind::Data,
                data.population[i],
                data.cbr[i],
                if b.is_nan() { None } else { Some(b) },
                pw,
                g,
                projected,
                share * pw,
                data.midwives_available[i],
            )
        } else {
            year_row(
                year,
                YearKind::Projection,
                None,
                None,
                None,
                projected,
                None,
                projected,
                share * projected,
                None,
            )
        }
    }

    /// Every year of region `r`.
    pub fn region_rows(&self, data: &PreparedData, r: usize) -> Vec<YearRow> {
        self.years().map(|y| self.region_row(data, r, y)).collect()
    }

    /// The total row of `year`, if shown.
    pub fn total_row(&self, year: i32) -> Option<&YearRow> {
        self.total.iter().find(|row| row.year == year)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Parameters, PreparedData, Rounding, project};

    #[test]
    fn projected_of_many_regions_is_projected_of_each_bit_for_bit() {
        let data = PreparedData::new(&crate::model::synthetic::regions(50, 9)).unwrap();
        for rounding in [Rounding::Exact, Rounding::Published] {
            let p = Parameters {
                rounding,
                ..Parameters::default()
            };
            let proj = project(&p, &data).unwrap();
            for year in [proj.first_year, 2020, 2031, proj.end_year] {
                let all = proj.projected_of(3..41, year);
                assert_eq!(all.len(), 38);
                for (r, x) in (3..41).zip(all) {
                    assert_eq!(x.to_bits(), proj.projected(r, year).to_bits(), "{r} {year}");
                }
            }
        }
    }
}
