//! Results past a sanity bound: extreme but legal parameters can give more
//! midwives than pregnant women, or more pregnant women than people. Such a
//! result is computed, and said to be implausible wherever it is shown.

use rayon::prelude::*;

use super::Lang;
use super::data::PreparedData;
use super::number::{fmt_auto, fmt_fixed};
use super::projection::{Projection, region_pieces};
use crate::i18n::T;

/// More people than live on Earth (8,2 billion): the bound for pregnant
/// women where the data give no population.
pub const WORLD_POPULATION: f64 = 8.2e9;

/// A result past a sanity bound.
#[derive(Debug, Clone, PartialEq)]
pub enum Implausible {
    /// One midwife's year does not cover one pregnant woman's care, so
    /// more midwives are needed than there are pregnant women.
    MoreMidwivesThanWomen { share: f64 },
    /// The projected pregnant women of region `region` pass its population
    /// in the last data year that gives one (or the people on Earth, when
    /// the data give no population) in `year`.
    MorePregnantThanPeople {
        region: usize,
        year: i32,
        pregnant: f64,
        /// The population passed, `None` for the people on Earth.
        population: Option<f64>,
    },
}

/// Checks a projection against the sanity bounds.
pub fn implausible(data: &PreparedData, proj: &Projection) -> Vec<Implausible> {
    let mut out: Vec<Implausible> = more_midwives_than_women(proj).into_iter().collect();
    // A piece of regions per core, each piece's projections at the end year
    // worked out together; the pieces' findings kept in region order.
    let years = data.years;
    let regions = data.regions();
    let pieces: Vec<Vec<Implausible>> = region_pieces(regions)
        .map(|piece| {
            let at_end = proj.projected_of(piece.clone(), proj.end_year);
            piece
                .zip(at_end)
                .filter_map(|(r, at_end)| {
                    if proj.growth_used[r] <= 0.0 {
                        return None;
                    }
                    let population = (0..years)
                        .rev()
                        .find_map(|k| data.population[r * years + k]);
                    let bound = population.unwrap_or(WORLD_POPULATION);
                    if at_end <= bound {
                        return None;
                    }
                    // Growing, so the first year past the bound is found in one pass.
                    let year = (proj.first_year..=proj.end_year)
                        .find(|&y| proj.projected(r, y) > bound)?;
                    Some(Implausible::MorePregnantThanPeople {
                        region: r,
                        year,
                        pregnant: proj.projected(r, year),
                        population,
                    })
                })
                .collect()
        })
        .collect();
    out.extend(pieces.into_iter().flatten());
    out
}

/// More than one midwife for each pregnant woman, if the need per pregnant
/// woman says so.
pub fn more_midwives_than_women(proj: &Projection) -> Option<Implausible> {
    (proj.capacity.share > 1.0).then_some(Implausible::MoreMidwivesThanWomen {
        share: proj.capacity.share,
    })
}

impl Implausible {
    /// The region the result belongs to; `None` for the whole scenario.
    pub fn region(&self) -> Option<usize> {
        match self {
            Implausible::MoreMidwivesThanWomen { .. } => None,
            Implausible::MorePregnantThanPeople { region, .. } => Some(*region),
        }
    }

    /// The result and its bound in words.
    pub fn text(&self, data: &PreparedData, lang: Lang) -> String {
        match self {
            Implausible::MoreMidwivesThanWomen { share } => lang.tf(
                T::sanity_more_midwives_than_women,
                &[("share", &fmt_fixed(*share, 2, lang))],
            ),
            Implausible::MorePregnantThanPeople {
                region,
                year,
                pregnant,
                population,
            } => {
                let region = data.label(*region);
                let pregnant = fmt_auto(pregnant.round(), lang);
                match population {
                    Some(p) => lang.tf(
                        T::sanity_more_pregnant_than_population,
                        &[
                            ("region", &region),
                            ("year", year),
                            ("pregnant", &pregnant),
                            ("population", &fmt_auto(*p, lang)),
                        ],
                    ),
                    None => lang.tf(
                        T::sanity_more_pregnant_than_world,
                        &[("region", &region), ("year", year), ("pregnant", &pregnant)],
                    ),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::projection::REGIONS_PER_PIECE;
    use crate::model::{DataRow, GrowthMethod, Parameters, project};

    #[test]
    fn every_region_past_its_population_is_found_in_every_piece() {
        // 9.000 regions of 100 pregnant women growing 50% a year (fixed):
        // 100 × 1,5⁶ = 1.139 passes 1.000 people in 2023; 1.000.000 people
        // are not passed by the horizon 2035 (100 × 1,5¹⁸ = 147.789).
        let n = 2 * REGIONS_PER_PIECE + 808;
        let small = |i: usize| i.is_multiple_of(97);
        let rows: Vec<DataRow> = (0..n)
            .flat_map(|i| {
                (2017..=2018).map(move |year| DataRow {
                    region_code: format!("D{i:05}").into(),
                    year,
                    population: (if small(i) { 1_000.0 } else { 1_000_000.0 }).into(),
                    pregnant_women: 100.0.into(),
                    ..DataRow::default()
                })
            })
            .collect();
        let mut p = Parameters::default();
        p.population.growth_method = GrowthMethod::Fixed;
        p.population.fixed_growth_percent = 50.0;
        let data = PreparedData::new(&rows).unwrap();
        let proj = project(&p, &data).unwrap();
        let found = implausible(&data, &proj);
        let expected: Vec<usize> = (0..n).filter(|&i| small(i)).collect();
        let regions: Vec<usize> = found.iter().filter_map(Implausible::region).collect();
        assert_eq!(regions, expected);
        for f in &found {
            let Implausible::MorePregnantThanPeople {
                year,
                pregnant,
                population,
                ..
            } = f
            else {
                panic!("{f:?}");
            };
            assert_eq!(*year, 2023);
            assert!((pregnant - 100.0 * 1.5f64.powi(6)).abs() < 1e-9);
            assert_eq!(*population, Some(1_000.0));
        }
    }
}
