//! The stacked bars of a chart (the workload chart: midwives needed by
//! activity per year) as the PNG/SVG exports draw them with plotters: each
//! `StackedBar` series of a panel is a filled bar a year, standing on the
//! series before it, as in the window.

use plotters::coord::Shift;
use plotters::coord::ranged1d::Ranged;
use plotters::prelude::*;

use super::file::ExportError;
use crate::chart::{BAR_WIDTH, ChartPanel, ChartSpec, LineKind};

fn draw_err<E: std::error::Error + Send + Sync>(e: DrawingAreaErrorKind<E>) -> ExportError {
    ExportError::Draw(e.to_string())
}

/// One drawn piece of a stack: colour, year, bottom and top.
struct Piece {
    color: [u8; 3],
    x: f64,
    bottom: f64,
    top: f64,
}

/// The pieces of every stack of `panel`, series by series in their order;
/// each piece stands on what the series before it put at that year.
fn pieces(panel: &ChartPanel) -> Vec<Piece> {
    let mut height: Vec<(f64, f64)> = Vec::new();
    let mut out = Vec::new();
    for s in panel
        .series
        .iter()
        .filter(|s| s.kind == LineKind::StackedBar)
    {
        for p in s
            .points
            .iter()
            .filter(|p| p[0].is_finite() && p[1].is_finite())
        {
            let at = match height.iter().position(|h| h.0 == p[0]) {
                Some(i) => i,
                None => {
                    height.push((p[0], 0.0));
                    height.len() - 1
                }
            };
            let bottom = height[at].1;
            height[at].1 += p[1];
            out.push(Piece {
                color: s.color,
                x: p[0],
                bottom,
                top: bottom + p[1],
            });
        }
    }
    out
}

/// The lowest and highest value the stacks of `panel` reach, if it has
/// stacked series.
pub(crate) fn stacked_extent(panel: &ChartPanel) -> Option<(f64, f64)> {
    pieces(panel).iter().fold(None, |acc, p| {
        let (lo, hi) = acc.unwrap_or((p.bottom, p.bottom));
        Some((lo.min(p.top).min(p.bottom), hi.max(p.top).max(p.bottom)))
    })
}

/// Room to leave on each side of the years, in years, so the first and
/// last bars stand clear of the axes (0 without stacked series).
pub(crate) fn bar_margin(spec: &ChartSpec) -> f64 {
    let bars = spec
        .panels
        .iter()
        .flat_map(|p| &p.series)
        .any(|s| s.kind == LineKind::StackedBar);
    if bars { BAR_WIDTH / 2.0 + 0.15 } else { 0.0 }
}

/// Draws the stacked bars of `panel` on `chart` (before the lines, so
/// lines stay on top).
pub(crate) fn draw_stacked_bars<DB, X, Y>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<X, Y>>,
    panel: &ChartPanel,
) -> Result<(), ExportError>
where
    DB: DrawingBackend,
    X: Ranged<ValueType = f64>,
    Y: Ranged<ValueType = f64>,
{
    let half = BAR_WIDTH / 2.0;
    let bars = pieces(panel).into_iter().map(|p| {
        let [r, g, b] = p.color;
        Rectangle::new(
            [(p.x - half, p.bottom), (p.x + half, p.top)],
            RGBColor(r, g, b).filled(),
        )
    });
    chart.draw_series(bars).map_err(draw_err)?;
    Ok(())
}

/// Draws the legend sample of a stacked series: a filled square of side
/// `2 × half` centred on the middle of `x` … `x + len`, at height `y`.
pub(crate) fn draw_bar_sample<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    color: [u8; 3],
    (x, y): (i32, i32),
    len: i32,
    half: i32,
) -> Result<(), ExportError> {
    let mid = x + len / 2;
    let [r, g, b] = color;
    area.draw(&Rectangle::new(
        [(mid - half, y - half), (mid + half, y + half)],
        RGBColor(r, g, b).filled(),
    ))
    .map_err(draw_err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::ChartSeries;

    #[test]
    fn stacks_stand_on_the_series_before() {
        let bar = |points: Vec<[f64; 2]>| ChartSeries {
            name: String::new(),
            color: [0, 0, 0],
            kind: LineKind::StackedBar,
            points,
        };
        let panel = ChartPanel {
            y_title: String::new(),
            decimals: 2,
            series: vec![
                bar(vec![[2020.0, 1.5], [2021.0, 2.0]]),
                bar(vec![[2020.0, 0.25], [2021.0, f64::NAN]]),
                bar(vec![[2021.0, 0.5]]),
            ],
        };
        let p = pieces(&panel);
        let got: Vec<(f64, f64, f64)> = p.iter().map(|p| (p.x, p.bottom, p.top)).collect();
        assert_eq!(
            got,
            [
                (2020.0, 0.0, 1.5),
                (2021.0, 0.0, 2.0),
                (2020.0, 1.5, 1.75),
                (2021.0, 2.0, 2.5)
            ]
        );
        assert_eq!(stacked_extent(&panel), Some((0.0, 2.5)));
        let lines = ChartPanel {
            series: Vec::new(),
            ..panel
        };
        assert_eq!(stacked_extent(&lines), None);
    }
}
