//! Warnings about the base of a projection, as plain data: data years whose
//! change departs from the region's other years or from its population
//! (suspect years), projections that run away (with the alternatives'
//! results beside them), and regions whose births are so few that a change
//! of a few percent is within chance.

use std::ops::Range;

use rayon::prelude::*;

use super::Lang;
use super::data::PreparedData;
use super::growth;
use super::number::{fmt_fixed, fmt_percent};
use super::params::Parameters;
use super::population_route::population_route;
use super::projection::{Projection, region_pieces};
use super::sanity::{Implausible, implausible, more_midwives_than_women};
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
}

impl SmallNumbers {
    /// 2 / √births: the change that chance alone easily gives. Worked out
    /// when shown: nearly every village of a national table has so few
    /// births, and only the first notes are shown.
    pub fn band(&self) -> f64 {
        2.0 / self.births.sqrt()
    }
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
    let regions = data.regions();
    // On every core a piece at a time, the pieces' flags put together in
    // the order of the regions.
    let pieces: Vec<Flags> = region_pieces(regions)
        .map(|piece| flags_of(params, data, proj, piece))
        .collect();
    let mut out = Flags {
        implausible: implausible(data, proj),
        ..Flags::default()
    };
    for piece in pieces {
        out.suspect_years.extend(piece.suspect_years);
        out.runaway.extend(piece.runaway);
        out.small_numbers.extend(piece.small_numbers);
    }
    out
}

/// The suspect years, runaway projections and small numbers of the
/// regions `regions`.
fn flags_of(
    params: &Parameters,
    data: &PreparedData,
    proj: &Projection,
    regions: Range<usize>,
) -> Flags {
    let mut out = Flags::default();
    let years = data.years;
    let coef = params.population.coefficient;
    let last = years - 1;
    let horizon = proj.projected_of(regions.clone(), proj.horizon_year);
    let mut changes: Vec<Option<f64>> = Vec::with_capacity(years);
    let mut known: Vec<f64> = Vec::with_capacity(years);
    for (r, horizon_pregnant) in regions.zip(horizon) {
        let series = &proj.pregnant[r * years..(r + 1) * years];
        // Suspect years.
        changes.clear();
        changes.extend(series.windows(2).map(|w| growth::annual_rate(w[0], w[1])));
        known.clear();
        known.extend(changes.iter().flatten().copied());
        let median = growth::median_in_place(&mut known);
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
        // Runaway projections. The need is proportional to the pregnant
        // women, so whether it changes by more than half is read off them:
        // the same regions whatever the standard and the working time.
        let g = proj.growth_used[r];
        let (last_pregnant, horizon_pregnant) = (series[last], horizon_pregnant);
        let mut reasons = Vec::new();
        if g.abs() > RUNAWAY_GROWTH {
            reasons.push(RunawayReason::Growth);
        }
        if last_pregnant > 0.0
            && ((horizon_pregnant - last_pregnant) / last_pregnant).abs() > RUNAWAY_NEED_CHANGE
        {
            reasons.push(RunawayReason::NeedChange);
        }
        if !reasons.is_empty() {
            let mut w = Runaway {
                region: r,
                reasons,
                growth: g,
                need_last: 0.0,
                need_horizon: 0.0,
                mean_growth: proj.mean_growth[r],
                mean_route_need: 0.0,
                population_route_need: None,
            };
            w.set_needs(params, data, proj, horizon_pregnant);
            out.runaway.push(w);
        }
        // Small numbers.
        let births: f64 = (0..years)
            .map(|k| {
                let b = data.births_base[r * years + k];
                if b.is_nan() { series[k] / coef } else { b }
            })
            .sum();
        let mean_births = births / years as f64;
        if mean_births > 0.0 && mean_births < SMALL_BIRTHS {
            out.small_numbers.push(SmallNumbers {
                region: r,
                births: mean_births,
            });
        }
    }
    out
}

impl Runaway {
    /// The midwives needed in the last data year and at the horizon, by
    /// the growth used, the mean growth and the population route, for the
    /// need per pregnant woman of `proj`; `horizon_pregnant` is the
    /// region's projection at the horizon.
    fn set_needs(
        &mut self,
        params: &Parameters,
        data: &PreparedData,
        proj: &Projection,
        horizon_pregnant: f64,
    ) {
        let r = self.region;
        let years = data.years;
        let series = &proj.pregnant[r * years..(r + 1) * years];
        let share = proj.capacity.share;
        let n_horizon = proj.horizon_year - proj.base_year;
        let base_k = (proj.base_year - proj.first_year) as usize;
        self.need_last = share * series[years - 1];
        self.need_horizon = share * horizon_pregnant;
        self.mean_route_need = share * series[base_k] * (1.0 + self.mean_growth).powi(n_horizon);
        self.population_route_need = match proj.routes.get(r) {
            Some(route) => Some(share * route.pregnant(n_horizon)),
            None => population_route(&params.population, data, r, proj.growth_years, series)
                .ok()
                .map(|route| share * route.pregnant(n_horizon)),
        };
    }
}

impl Flags {
    /// The flags of `proj`, made by [`with_new_need`] from the projection
    /// these flags were made for (an edit of the antenatal standard or the
    /// working time): the suspect years, the small numbers and the regions
    /// that run away stay, their needs are worked out again. The same as
    /// [`flags`] of `proj`, without checking every region again.
    ///
    /// [`with_new_need`]: super::with_new_need
    pub fn for_new_need(
        &self,
        params: &Parameters,
        data: &PreparedData,
        proj: &Projection,
    ) -> Flags {
        let mut out = self.clone();
        for w in &mut out.runaway {
            let horizon = proj.projected(w.region, proj.horizon_year);
            w.set_needs(params, data, proj, horizon);
        }
        out.implausible
            .retain(|i| !matches!(i, Implausible::MoreMidwivesThanWomen { .. }));
        if let Some(first) = more_midwives_than_women(proj) {
            out.implausible.insert(0, first);
        }
        out
    }
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

    /// For each of the `regions` regions, whether it has a suspect year, runs
    /// away or gives an implausible result ([`Flags::is_flagged`] of each, in
    /// one pass over the flags).
    pub fn flagged(&self, regions: usize) -> Vec<bool> {
        let mut out = vec![false; regions];
        let marked = self
            .suspect_years
            .iter()
            .map(|s| s.region)
            .chain(self.runaway.iter().map(|w| w.region))
            .chain(self.implausible.iter().filter_map(Implausible::region));
        for r in marked {
            if let Some(slot) = out.get_mut(r) {
                *slot = true;
            }
        }
        out
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
        self.first_warnings(data, proj, lang, usize::MAX)
    }

    /// How many lines [`Flags::warnings`] gives, without writing them.
    pub fn warning_count(&self) -> usize {
        self.implausible.len()
            + self
                .suspect_years
                .iter()
                .map(|s| s.reasons.len())
                .sum::<usize>()
            + self.runaway.len()
    }

    /// The first `max` (or a few more) of [`Flags::warnings`]: a national
    /// table may flag thousands of regions, and only the first are shown.
    fn first_warnings(
        &self,
        data: &PreparedData,
        proj: &Projection,
        lang: Lang,
        max: usize,
    ) -> Vec<String> {
        let pct = |x: f64| fmt_percent(x, 1, lang);
        let mut out: Vec<String> = self
            .implausible
            .iter()
            .take(max)
            .map(|i| i.text(data, lang))
            .collect();
        for s in &self.suspect_years {
            if out.len() >= max {
                return out;
            }
            out.extend(s.reasons_text(data, lang));
        }
        let fte = |x: f64| fmt_fixed(x, 2, lang);
        for w in &self.runaway {
            if out.len() >= max {
                return out;
            }
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
        // Only the lines shown are written: the rest are counted.
        let warning = lang.t(T::flag_warning);
        let note = lang.t(T::flag_note);
        let mut out: Vec<String> = self
            .first_warnings(data, proj, lang, max)
            .into_iter()
            .map(|w| format!("{warning}: {w}"))
            .collect();
        out.truncate(max);
        let room = max - out.len();
        out.extend(
            self.first_notes(data, lang, room)
                .into_iter()
                .map(|n| format!("{note}: {n}")),
        );
        let all = self.warning_count() + self.small_numbers.len();
        let more = all - out.len();
        if more > 0 {
            out.push(lang.tf(T::flag_more, &[("count", &more)]));
        }
        out
    }

    /// The small-numbers notes in words.
    pub fn notes(&self, data: &PreparedData, lang: Lang) -> Vec<String> {
        self.first_notes(data, lang, usize::MAX)
    }

    /// The first `max` of [`Flags::notes`].
    fn first_notes(&self, data: &PreparedData, lang: Lang, max: usize) -> Vec<String> {
        self.small_numbers
            .iter()
            .take(max)
            .map(|s| {
                lang.tf(
                    T::flag_small_numbers,
                    &[
                        ("region", &data.label(s.region)),
                        ("births", &fmt_fixed(s.births, 0, lang)),
                        ("band", &fmt_percent(s.band(), 1, lang)),
                    ],
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::projection::REGIONS_PER_PIECE;
    use crate::model::{DataRow, Rounding, project};

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

    /// 40 regions with a suspect year (one reason or two), a runaway
    /// projection (with and without a population), few births, or nothing
    /// to say, mixed.
    fn mixed_rows() -> Vec<DataRow> {
        let mut all_rows = Vec::new();
        for i in 0..40 {
            let series: &[f64] = match i % 4 {
                0 => &[5000.0, 5050.0, 9000.0, 5150.0],
                1 => &[5000.0, 5225.0, 5460.125, 5705.8],
                2 => &[400.0, 410.0, 405.0, 400.0],
                _ => &[5000.0, 5050.0, 5100.0, 5150.0],
            };
            for (k, &pw) in series.iter().enumerate() {
                all_rows.push(DataRow {
                    region_code: format!("R{i:02}").into(),
                    year: 2017 + k as i32,
                    pregnant_women: pw.into(),
                    population: (i % 8 == 0).then_some(1_000_000.0).into(),
                    ..DataRow::default()
                });
            }
        }
        all_rows
    }

    #[test]
    fn lines_of_many_regions_are_the_first_of_all_warnings_then_notes() {
        let data = PreparedData::new(&mixed_rows()).unwrap();
        let p = Parameters::default();
        let proj = project(&p, &data).unwrap();
        let f = flags(&p, &data, &proj);
        assert!(f.suspect_years.iter().any(|s| s.reasons.len() == 2));
        assert!(!f.runaway.is_empty() && !f.small_numbers.is_empty());
        let everything: Vec<String> = f
            .warnings(&data, &proj, Lang::Id)
            .into_iter()
            .map(|w| format!("Peringatan: {w}"))
            .chain(
                f.notes(&data, Lang::Id)
                    .into_iter()
                    .map(|n| format!("Catatan: {n}")),
            )
            .collect();
        assert_eq!(f.warning_count() + f.small_numbers.len(), everything.len());
        for max in [
            0,
            1,
            5,
            10,
            11,
            12,
            25,
            everything.len(),
            everything.len() + 3,
        ] {
            let lines = f.lines(&data, &proj, Lang::Id, max);
            let shown = max.min(everything.len());
            assert_eq!(lines[..shown], everything[..shown], "max {max}");
            let more = everything.len() - shown;
            if more > 0 {
                assert_eq!(lines.len(), shown + 1);
                assert_eq!(lines[shown], format!("… dan {more} baris lagi"));
            } else {
                assert_eq!(lines.len(), shown);
            }
        }
        let flagged = f.flagged(data.regions());
        assert_eq!(flagged.len(), 40);
        for (r, &is) in flagged.iter().enumerate() {
            assert_eq!(is, f.is_flagged(r), "region {r}");
        }
        assert_eq!(flagged.iter().filter(|&&x| x).count(), f.flagged_regions());
    }

    #[test]
    fn flags_checked_a_piece_at_a_time_are_those_of_all_regions_at_once() {
        // Over two pieces and a bit, with suspect years, runaways and
        // small numbers scattered through them.
        let mut rows = crate::model::synthetic::regions(2 * REGIONS_PER_PIECE + 300, 3);
        for (i, row) in rows.iter_mut().enumerate() {
            if i % 37 == 0 {
                row.population = (row.population.get().unwrap() * 1.6).into();
            }
            if (i / 4) % 53 == 0 {
                row.population = 20_000.0.into();
            }
        }
        let data = PreparedData::new(&rows).unwrap();
        let p = Parameters::default();
        let proj = project(&p, &data).unwrap();
        let f = flags(&p, &data, &proj);
        assert!(!f.suspect_years.is_empty() && !f.runaway.is_empty());
        assert!(!f.small_numbers.is_empty());
        let last = f.suspect_years.last().unwrap().region;
        assert!(last >= 2 * REGIONS_PER_PIECE, "flags reach the last piece");
        let at_once = Flags {
            implausible: implausible(&data, &proj),
            ..super::flags_of(&p, &data, &proj, 0..data.regions())
        };
        assert_eq!(f, at_once);
    }

    #[test]
    fn after_an_edit_of_the_need_alone_the_flags_are_those_of_the_new_projection() {
        let data = PreparedData::new(&mixed_rows()).unwrap();
        for rounding in [Rounding::Exact, Rounding::Published] {
            let before = Parameters {
                rounding,
                ..Parameters::default()
            };
            let mut longer = before.clone();
            longer.anc.visits[0].minutes = 60.0;
            longer.working_time.allowance_percent = 40.0;
            // A package longer than a year's working time: more midwives
            // than pregnant women, flagged, then no longer.
            let mut absurd = before.clone();
            for v in &mut absurd.anc.visits {
                v.minutes = 600.0;
            }
            let w = &mut absurd.working_time;
            (w.weeks_per_year, w.days_per_week, w.formal_hours_per_week) = (1.0, 1.0, 1.0);
            (w.annual_leave, w.training_days) = (0.0, 0.0);
            (w.public_holidays, w.other_absence) = (0.0, 0.0);
            let mut p = before.clone();
            let mut proj = project(&p, &data).unwrap();
            let mut f = flags(&p, &data, &proj);
            assert!(f.runaway.iter().any(|w| w.population_route_need.is_some()));
            assert!(f.runaway.iter().any(|w| w.population_route_need.is_none()));
            for next in [&longer, &absurd, &before, &longer] {
                proj = crate::model::with_new_need(proj, next).unwrap();
                let quick = f.for_new_need(next, &data, &proj);
                p = next.clone();
                f = flags(&p, &data, &proj);
                assert_eq!(quick, f, "{rounding:?}");
            }
            assert!(
                !f.runaway.is_empty()
                    && f.runaway[0].need_last
                        > flags(&before, &data, &project(&before, &data).unwrap()).runaway[0]
                            .need_last
            );
            let absurd_proj = project(&absurd, &data).unwrap();
            assert!(matches!(
                flags(&absurd, &data, &absurd_proj).implausible[0],
                Implausible::MoreMidwivesThanWomen { .. }
            ));
        }
    }

    #[test]
    fn few_births_give_a_chance_band() {
        // 400 pregnant women = 363,6 births a year: ±2/√363,6 = ±10,5%.
        let f = flags_of(&[400.0, 400.0], Some(&[30_000.0, 30_000.0]));
        let s = &f.small_numbers[0];
        assert!((s.births - 400.0 / 1.1).abs() < 1e-9);
        assert!((s.band() - 2.0 / (400.0f64 / 1.1).sqrt()).abs() < 1e-12);
        assert!(flags_of(&[1200.0, 1200.0], None).small_numbers.is_empty());
    }
}
