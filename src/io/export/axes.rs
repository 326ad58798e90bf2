//! The axes of an exported chart: tick steps that read well, the y range of
//! a panel (with the stacks of a stacked chart), the year ticks, and the
//! linear scale plotters draws on.

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};

use super::stacked::stacked_extent;
use crate::chart::{ChartPanel, ChartSeries, ChartSpec};

/// A "nice" step (1, 2, 2.5 or 5 × 10^k) giving at most `max_ticks` ticks
/// over `span`.
pub(super) fn nice_step(span: f64, max_ticks: usize) -> f64 {
    let raw = span / max_ticks.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag)
}

/// Decimals needed to print multiples of `step` exactly.
pub(super) fn step_decimals(step: f64) -> usize {
    (0..=6)
        .find(|&d| {
            let scaled = step * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(6)
}

/// The y axis of one panel: range (always including 0), ticks and the
/// decimals of the tick labels.
pub(super) struct YAxis {
    pub lo: f64,
    pub hi: f64,
    pub ticks: Vec<f64>,
    pub decimals: usize,
}

pub(super) fn y_axis(panel: &ChartPanel, max_ticks: usize) -> YAxis {
    let (mut lo, mut hi) = (0.0f64, 0.0f64);
    for s in &panel.series {
        for (_, y) in points(s) {
            lo = lo.min(y);
            hi = hi.max(y);
        }
    }
    if let Some((l, h)) = stacked_extent(panel) {
        lo = lo.min(l);
        hi = hi.max(h);
    }
    if hi - lo <= 0.0 {
        hi = lo + 1.0;
    }
    let step = nice_step((hi - lo) * 1.05, max_ticks);
    let lo = if lo < 0.0 {
        (lo * 1.05 / step).floor() * step
    } else {
        0.0
    };
    let hi = (hi * 1.05 / step).ceil() * step;
    let n = ((hi - lo) / step).round() as i64;
    let ticks = (0..=n).map(|i| lo + i as f64 * step).collect();
    YAxis {
        lo,
        hi,
        ticks,
        decimals: step_decimals(step),
    }
}

/// The years shown on the x axis: first to last year of all panels.
pub(super) fn year_range(spec: &ChartSpec) -> (f64, f64) {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for s in spec.panels.iter().flat_map(|p| &p.series) {
        for (x, _) in points(s) {
            lo = lo.min(x);
            hi = hi.max(x);
        }
    }
    if !lo.is_finite() {
        return (0.0, 1.0);
    }
    (lo, hi)
}

/// Whole years from `lo` to `hi`, at most `max_ticks` of them, counted
/// from the first (base) year: every year when they fit, else every few
/// years, preferring a step that also lands on the last (horizon) year.
pub(super) fn year_ticks(lo: f64, hi: f64, max_ticks: usize) -> Vec<f64> {
    let (first, last) = (lo.ceil() as i64, hi.floor() as i64);
    let span = (last - first).max(0);
    let fits = |s: &i64| (span / s + 1) as usize <= max_ticks.max(2);
    let nice = [1, 2, 5, 10, 20, 25, 50, 100]
        .into_iter()
        .find(fits)
        .unwrap_or_else(|| (nice_step(span as f64, max_ticks.max(2) - 1).ceil() as i64).max(1));
    let step = if nice <= 100 {
        (1..=2 * nice)
            .filter(fits)
            .find(|s| span % s == 0)
            .unwrap_or(nice)
    } else {
        nice
    };
    (0..)
        .map(|i| first + i * step)
        .take_while(|y| *y <= last)
        .map(|y| y as f64)
        .collect()
}

/// A linear axis with no ticks of its own: the grid and labels are drawn
/// by hand at our ticks.
#[derive(Clone)]
pub(super) struct Linear {
    pub lo: f64,
    pub hi: f64,
}

impl Ranged for Linear {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let span = self.hi - self.lo;
        if span <= 0.0 {
            return (limit.0 + limit.1) / 2;
        }
        let t = (value - self.lo) / span;
        limit.0 + ((limit.1 - limit.0) as f64 * t).round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, _hint: Hint) -> Vec<f64> {
        Vec::new()
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.lo..self.hi
    }
}

/// The finite points of a series.
pub(super) fn points(s: &ChartSeries) -> impl Iterator<Item = (f64, f64)> + Clone + '_ {
    s.points
        .iter()
        .filter(|p| p[0].is_finite() && p[1].is_finite())
        .map(|p| (p[0], p[1]))
}
