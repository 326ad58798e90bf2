//! Results past a sanity bound: extreme but legal parameters can give more
//! midwives than pregnant women, or more pregnant women than people. Such a
//! result is computed, and said to be implausible wherever it is shown.

use super::Lang;
use super::data::PreparedData;
use super::number::{fmt_auto, fmt_fixed};
use super::projection::Projection;
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
    let mut out = Vec::new();
    if proj.capacity.share > 1.0 {
        out.push(Implausible::MoreMidwivesThanWomen {
            share: proj.capacity.share,
        });
    }
    let years = data.years;
    for r in 0..data.regions() {
        if proj.growth_used[r] <= 0.0 {
            continue;
        }
        let population = (0..years)
            .rev()
            .find_map(|k| data.population[r * years + k]);
        let bound = population.unwrap_or(WORLD_POPULATION);
        if proj.projected(r, proj.end_year) <= bound {
            continue;
        }
        // Growing, so the first year past the bound is found in one pass.
        if let Some(year) =
            (proj.first_year..=proj.end_year).find(|&y| proj.projected(r, y) > bound)
        {
            out.push(Implausible::MorePregnantThanPeople {
                region: r,
                year,
                pregnant: proj.projected(r, year),
                population,
            });
        }
    }
    out
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
