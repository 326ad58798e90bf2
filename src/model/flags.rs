//! Warnings about the base of a projection, as plain data: data years whose
//! change departs from the region's other years or from its population
//! (suspect years), projections that run away (with the alternatives'
//! results beside them), and regions whose births are so few that a change
//! of a few percent is within chance.

use super::Lang;
use super::data::PreparedData;
use super::growth;
use super::number::{fmt_fixed, fmt_percent};
use super::params::Parameters;
use super::population_route::population_route;
use super::projection::Projection;
use super::sanity::{Implausible, implausible};
use crate::i18n::T;

/// A change departing from the median change, or from the population's
/// change, by more than this (10 percentage points) marks a suspect year.
pub const SUSPECT_POINTS: f64 = 0.10;
/// Growth beyond ±5% a year marks a runaway projection.
pub const RUNAWAY_GROWTH: f64 = 0.05;
/// A need at the horizon differing from the last data year's by more than
/// half marks a runaway projection.
pub const RUNAWAY_NEED_CHANGE: f64 = 0.5;
/// Under this many births a year, year-to-year changes are mostly chance.
pub const SMALL_BIRTHS: f64 = 1000.0;

/// Why a data year is suspect.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SuspectReason {
    /// The change departs from the region's median change.
    FromMedian { median: f64 },
    /// The change departs from the population's change that year.
    FromPopulation { population_change: f64 },
}

/// A data year whose change of pregnant women is out of line.
#[derive(Debug, Clone, PartialEq)]
pub struct SuspectYear {
    pub region: usize,
    pub year: i32,
    /// Change of pregnant women from the year before.
    pub change: f64,
    pub reasons: Vec<SuspectReason>,
}

/// Why a projection runs away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunawayReason {
    /// The growth used is beyond ±5% a year.
    Growth,
    /// The need at the horizon differs from the last data year by more than half.
    NeedChange,
}

/// A region whose projection runs away, with the alternatives' results.
#[derive(Debug, Clone, PartialEq)]
pub struct Runaway {
    pub region: usize,
    pub reasons: Vec<RunawayReason>,
    /// The growth rate the projection uses.
    pub growth: f64,
    /// Midwives needed (FTE) in the last data year and at the horizon.
    pub need_last: f64,
    pub need_horizon: f64,
    /// The mean annual growth of pregnant women (the paper's method).
    pub mean_growth: f64,
    /// Midwives needed at the horizon with the mean growth.
    pub mean_route_need: f64,
    /// Midwives needed at the horizon by the population route, when the
    /// data give the population.
    pub population_route_need: Option<f64>,
}

/// A region with few births: changes within ±2/√births are chance.
#[derive(Debug, Clone, PartialEq)]
pub struct SmallNumbers {
    pub region: usize,
    /// Mean live births a year over the data years.
    pub births: f64,
    /// 2 / √births: the change that chance alone easily gives.
    pub band: f64,
}

/// Every warning of one projection.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Flags {
    pub suspect_years: Vec<SuspectYear>,
    pub runaway: Vec<Runaway>,
    pub small_numbers: Vec<SmallNumbers>,
    /// Results past a sanity bound.
    pub implausible: Vec<Implausible>,
}

/// Checks every region of a projection.
pub fn flags(params: &Parameters, data: &PreparedData, proj: &Projection) -> Flags {
    let mut out = Flags {
        implausible: implausible(data, proj),
        ..Flags::default()
    };
    let years = data.years;
    let coef = params.population.coefficient;
    let share = proj.capacity.share;
    let last = years - 1;
    let n_horizon = proj.horizon_year - proj.base_year;
    let base_k = (proj.base_year - proj.first_year) as usize;
    for r in 0..data.regions() {
        let series = &proj.pregnant[r * years..(r + 1) * years];
        // Suspect years.
        let changes: Vec<Option<f64>> = series
            .windows(2)
            .map(|w| growth::annual_rate(w[0], w[1]))
            .collect();
        let known: Vec<f64> = changes.iter().flatten().copied().collect();
        let median = growth::median(&known);
        for (i, change) in changes.iter().enumerate() {
            let Some(change) = *change else { continue };
            let k = i + 1;
            let mut reasons = Vec::new();
            if known.len() > 1 && (change - median).abs() > SUSPECT_POINTS {
                reasons.push(SuspectReason::FromMedian { median });
            }
            let pop = (
                data.population[r * years + k - 1],
                data.population[r * years + k],
            );
            if let (Some(a), Some(b)) = pop
                && let Some(pc) = growth::annual_rate(a, b)
                && (change - pc).abs() > SUSPECT_POINTS
            {
                reasons.push(SuspectReason::FromPopulation {
                    population_change: pc,
                });
            }
            if !reasons.is_empty() {
                out.suspect_years.push(SuspectYear {
                    region: r,
                    year: proj.first_year + k as i32,
                    change,
                    reasons,
                });
            }
        }
        // Runaway projections.
        let g = proj.growth_used[r];
        let need_last = share * series[last];
        let need_horizon = share * proj.projected(r, proj.horizon_year);
        let mut reasons = Vec::new();
        if g.abs() > RUNAWAY_GROWTH {
            reasons.push(RunawayReason::Growth);
        }
        if need_last > 0.0 && ((need_horizon - need_last) / need_last).abs() > RUNAWAY_NEED_CHANGE {
            reasons.push(RunawayReason::NeedChange);
        }
        if !reasons.is_empty() {
            let mean_growth = proj.mean_growth[r];
            let mean_route_need = share * series[base_k] * (1.0 + mean_growth).powi(n_horizon);
            let population_route_need = match proj.routes.get(r) {
                Some(route) => Some(share * route.pregnant(n_horizon)),
                None => population_route(&params.population, data, r, proj.growth_years, series)
                    .ok()
                    .map(|route| share * route.pregnant(n_horizon)),
            };
            out.runaway.push(Runaway {
                region: r,
                reasons,
                growth: g,
                need_last,
                need_horizon,
                mean_growth,
                mean_route_need,
                population_route_need,
            });
        }
        // Small numbers.
        let births: Vec<f64> = (0..years)
            .map(|k| {
                let b = data.births_base[r * years + k];
                if b.is_nan() { series[k] / coef } else { b }
            })
            .collect();
        let mean_births = growth::mean(&births);
        if mean_births > 0.0 && mean_births < SMALL_BIRTHS {
            out.small_numbers.push(SmallNumbers {
                region: r,
                births: mean_births,
                band: 2.0 / mean_births.sqrt(),
            });
        }
    }
    out
}

impl SuspectYear {
    /// Each reason in words, naming the region, the year and the change.
    pub fn reasons_text(&self, data: &PreparedData, lang: Lang) -> Vec<String> {
        let pct = |x: f64| fmt_percent(x, 1, lang);
        let points = fmt_fixed(SUSPECT_POINTS * 100.0, 0, lang);
        let region = data.label(self.region);
        self.reasons
            .iter()
            .map(|reason| match reason {
                SuspectReason::FromMedian { median } => lang.tf(
                    T::flag_suspect_median,
                    &[
                        ("region", &region),
                        ("year", &self.year),
                        ("change", &pct(self.change)),
                        ("points", &points),
                        ("median", &pct(*median)),
                    ],
                ),
                SuspectReason::FromPopulation { population_change } => lang.tf(
                    T::flag_suspect_population,
                    &[
                        ("region", &region),
                        ("year", &self.year),
                        ("change", &pct(self.change)),
                        ("points", &points),
                        ("population", &pct(*population_change)),
                    ],
                ),
            })
            .collect()
    }
}

impl Flags {
    /// Whether region `r` has a suspect year or runs away.
    pub fn is_flagged(&self, r: usize) -> bool {
        self.suspect_years.iter().any(|s| s.region == r)
            || self.runaway.iter().any(|w| w.region == r)
            || self.implausible.iter().any(|i| i.region() == Some(r))
    }

    /// How many regions have a suspect year or run away.
    pub fn flagged_regions(&self) -> usize {
        let mut regions: Vec<usize> = self
            .suspect_years
            .iter()
            .map(|s| s.region)
            .chain(self.runaway.iter().map(|w| w.region))
            .chain(self.implausible.iter().filter_map(Implausible::region))
            .collect();
        regions.sort_unstable();
        regions.dedup();
        regions.len()
    }

    /// Keeps the flags of region `r` only.
    pub fn retain_region(&mut self, r: usize) {
        self.suspect_years.retain(|s| s.region == r);
        self.runaway.retain(|w| w.region == r);
        self.small_numbers.retain(|s| s.region == r);
        self.implausible
            .retain(|i| i.region().is_none_or(|region| region == r));
    }

    /// The suspect year of region `r` in `year`, if any.
    pub fn suspect(&self, r: usize, year: i32) -> Option<&SuspectYear> {
        self.suspect_years
            .iter()
            .find(|s| s.region == r && s.year == year)
    }

    /// The warnings in words: implausible results, suspect years, then
    /// runaway projections.
    pub fn warnings(&self, data: &PreparedData, proj: &Projection, lang: Lang) -> Vec<String> {
        let pct = |x: f64| fmt_percent(x, 1, lang);
        let mut out: Vec<String> = self
            .implausible
            .iter()
            .map(|i| i.text(data, lang))
            .collect();
        for s in &self.suspect_years {
            out.extend(s.reasons_text(data, lang));
        }
        let fte = |x: f64| fmt_fixed(x, 2, lang);
        for w in &self.runaway {
            let region = data.label(w.region);
            let mut text = if w.reasons.contains(&RunawayReason::Growth) {
                lang.tf(
                    T::flag_runaway_growth,
                    &[
                        ("region", &region),
                        ("method", &proj.growth_method.label(lang)),
                        ("growth", &pct(w.growth)),
                        ("limit", &pct(RUNAWAY_GROWTH)),
                    ],
                )
            } else {
                lang.tf(
                    T::flag_runaway_need,
                    &[
                        ("region", &region),
                        ("last", &proj.last_data_year),
                        ("need_last", &fte(w.need_last)),
                        ("horizon", &proj.horizon_year),
                        ("need_horizon", &fte(w.need_horizon)),
                    ],
                )
            };
            text.push_str("; ");
            let mean = [
                ("growth", &pct(w.mean_growth) as &dyn std::fmt::Display),
                ("need_mean", &fte(w.mean_route_need)),
                ("year", &proj.horizon_year),
            ];
            text.push_str(&match w.population_route_need {
                Some(p) => {
                    let pop = fte(p);
                    let mut args = mean.to_vec();
                    args.push(("need_population", &pop));
                    lang.tf(T::flag_alternatives, &args)
                }
                None => lang.tf(T::flag_alternatives_mean_only, &mean),
            });
            out.push(text);
        }
        out
    }

    /// Every warning and note as a line of its own ("Peringatan: …",
    /// "Catatan: …"), at most `max` of them and then how many more there are.
    pub fn lines(
        &self,
        data: &PreparedData,
        proj: &Projection,
        lang: Lang,
        max: usize,
    ) -> Vec<String> {
        let warning = lang.t(T::flag_warning);
        let note = lang.t(T::flag_note);
        let all: Vec<String> = self
            .warnings(data, proj, lang)
            .into_iter()
            .map(|w| format!("{warning}: {w}"))
            .chain(
                self.notes(data, lang)
                    .into_iter()
                    .map(|n| format!("{note}: {n}")),
            )
            .collect();
        let more = all.len().saturating_sub(max);
        let mut out: Vec<String> = all.into_iter().take(max).collect();
        if more > 0 {
            out.push(lang.tf(T::flag_more, &[("count", &more)]));
        }
        out
    }

    /// The small-numbers notes in words.
    pub fn notes(&self, data: &PreparedData, lang: Lang) -> Vec<String> {
        self.small_numbers
            .iter()
            .map(|s| {
                lang.tf(
                    T::flag_small_numbers,
                    &[
                        ("region", &data.label(s.region)),
                        ("births", &fmt_fixed(s.births, 0, lang)),
                        ("band", &fmt_percent(s.band, 1, lang)),
                    ],
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DataRow, project};

    fn rows(pregnant: &[f64], population: Option<&[f64]>) -> Vec<DataRow> {
        pregnant
            .iter()
            .enumerate()
            .map(|(k, &pw)| DataRow {
                region_name: "Desa".into(),
                year: 2020 + k as i32,
                pregnant_women: pw.into(),
                population: population.map(|p| p[k]).into(),
                ..DataRow::default()
            })
            .collect()
    }

    fn flags_of(pregnant: &[f64], population: Option<&[f64]>) -> Flags {
        let data = PreparedData::new(&rows(pregnant, population)).unwrap();
        let mut p = Parameters::default();
        p.population.base_year = 2020;
        p.population.horizon_year = 2035;
        let proj = project(&p, &data).unwrap();
        flags(&p, &data, &proj)
    }

    #[test]
    fn one_year_and_steady_series_raise_nothing() {
        assert_eq!(flags_of(&[5000.0], None), Flags::default());
        let steady = [5000.0, 5050.0, 5100.0, 5150.0];
        assert_eq!(flags_of(&steady, None), Flags::default());
    }

    #[test]
    fn a_need_that_more_than_doubles_runs_away_without_a_population_route() {
        // +4,5% a year: within ±5%, but 1,045^13 = 1,77 from 2022 to 2035.
        let f = flags_of(&[5000.0, 5225.0, 5460.125], None);
        assert!(f.suspect_years.is_empty());
        let w = &f.runaway[0];
        assert_eq!(w.reasons, vec![RunawayReason::NeedChange]);
        assert_eq!(w.population_route_need, None);
    }

    #[test]
    fn lines_stop_at_the_maximum_and_say_how_many_more() {
        let data = PreparedData::new(&rows(&[400.0, 400.0], Some(&[30_000.0, 30_000.0]))).unwrap();
        let mut p = Parameters::default();
        p.population.base_year = 2020;
        let proj = project(&p, &data).unwrap();
        let f = flags(&p, &data, &proj);
        let lines = f.lines(&data, &proj, Lang::Id, 5);
        assert_eq!(lines.len(), 1);
        assert!(
            lines[0].starts_with("Catatan: Desa: rata-rata 364 kelahiran"),
            "{lines:?}"
        );
        let lines = f.lines(&data, &proj, Lang::En, 0);
        assert_eq!(lines, vec!["… and 1 more lines".to_string()]);
    }

    #[test]
    fn few_births_give_a_chance_band() {
        // 400 pregnant women = 363,6 births a year: ±2/√363,6 = ±10,5%.
        let f = flags_of(&[400.0, 400.0], Some(&[30_000.0, 30_000.0]));
        let s = &f.small_numbers[0];
        assert!((s.births - 400.0 / 1.1).abs() < 1e-9);
        assert!((s.band - 2.0 / (400.0f64 / 1.1).sqrt()).abs() < 1e-12);
        assert!(flags_of(&[1200.0, 1200.0], None).small_numbers.is_empty());
    }
}
