//! The supply chart: midwives available (data years solid, the stock and
//! flow dashed) beside midwives needed, with the gap between them shaded,
//! red where midwives are short and green where they are more than needed.

use super::{COLOR_AVAILABLE, COLOR_NEED, ChartPanel, ChartSeries, ChartSpec, LineKind};
use crate::i18n::T;
use crate::model::supply::Supply;
use crate::model::{Lang, Rounding};

/// The colour of a shortfall's shading.
pub const COLOR_SHORT: [u8; 3] = [214, 39, 40];
/// The colour of a surplus's shading.
pub const COLOR_SURPLUS: [u8; 3] = [44, 160, 44];

/// The supply chart of `supply` for `subject`.
pub fn supply_chart(
    supply: &Supply,
    subject: &str,
    scenario_name: &str,
    rounding: Rounding,
    date: &str,
    lang: Lang,
) -> ChartSpec {
    let t = |k: T| lang.t(k);
    let point = |y: &crate::model::supply::SupplyYear, v: f64| [f64::from(y.year), v];
    let mut series = Vec::new();
    // The need: every year, as the projection gives it.
    series.push(ChartSeries {
        name: t(T::chart_midwives_needed).to_string(),
        color: COLOR_NEED,
        kind: LineKind::Projection,
        points: supply.years.iter().map(|y| point(y, y.need)).collect(),
    });
    let data: Vec<[f64; 2]> = supply
        .years
        .iter()
        .filter(|y| y.from_data)
        .map(|y| point(y, y.stock))
        .collect();
    // The computed stock starts at the data year before it, so the lines join.
    let mut flow: Vec<[f64; 2]> = Vec::new();
    for (i, y) in supply.years.iter().enumerate() {
        if !y.from_data {
            if flow.is_empty() && i > 0 {
                let before = &supply.years[i - 1];
                flow.push(point(before, before.stock));
            }
            flow.push(point(y, y.stock));
        }
    }
    series.push(ChartSeries {
        name: format!("{} (data)", t(T::chart_midwives_available)),
        color: COLOR_AVAILABLE,
        kind: LineKind::Available,
        points: data,
    });
    if flow.len() >= 2 {
        series.push(ChartSeries {
            name: format!(
                "{} ({})",
                t(T::chart_midwives_available),
                t(T::chart_supply_flow)
            ),
            color: COLOR_AVAILABLE,
            kind: LineKind::Projection,
            points: flow,
        });
    }
    let (short, surplus) = gap_triangles(supply);
    if !short.is_empty() {
        series.push(ChartSeries {
            name: t(T::chart_supply_shortfall).to_string(),
            color: COLOR_SHORT,
            kind: LineKind::Shade,
            points: short,
        });
    }
    if !surplus.is_empty() {
        series.push(ChartSeries {
            name: t(T::chart_supply_surplus).to_string(),
            color: COLOR_SURPLUS,
            kind: LineKind::Shade,
            points: surplus,
        });
    }
    ChartSpec {
        title: format!("{} — {subject}", t(T::chart_supply_title)),
        x_title: t(T::chart_year).to_string(),
        panels: vec![ChartPanel {
            y_title: t(T::chart_midwives_fte).to_string(),
            decimals: 1,
            series,
        }],
        footer: super::rounding_footer(scenario_name, rounding, date, lang),
        lang,
    }
}

/// The area between supply and need as triangles: (shortfall, surplus).
/// Between two years the area is a quadrilateral when one line stays above
/// the other, or two triangles meeting where the lines cross.
pub fn gap_triangles(supply: &Supply) -> (Vec<[f64; 2]>, Vec<[f64; 2]>) {
    let mut short = Vec::new();
    let mut surplus = Vec::new();
    for w in supply.years.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        let (x0, x1) = (f64::from(a.year), f64::from(b.year));
        let (s0, s1, n0, n1) = (a.stock, b.stock, a.need, b.need);
        let (d0, d1) = (s0 - n0, s1 - n1);
        let side = |d: f64, other: f64| {
            if d < 0.0 || (d == 0.0 && other < 0.0) {
                -1
            } else if d > 0.0 || other > 0.0 {
                1
            } else {
                0
            }
        };
        let (g0, g1) = (side(d0, d1), side(d1, d0));
        if g0 == 0 && g1 == 0 {
            continue;
        }
        if g0 == g1 || g0 == 0 || g1 == 0 {
            let to = if g0.max(g1) > 0 {
                &mut surplus
            } else {
                &mut short
            };
            to.extend([[x0, s0], [x1, s1], [x1, n1]]);
            to.extend([[x0, s0], [x1, n1], [x0, n0]]);
        } else {
            // The lines cross at t: d0 + t (d1 − d0) = 0.
            let t = d0 / (d0 - d1);
            let c = [x0 + t * (x1 - x0), s0 + t * (s1 - s0)];
            let (first, second) = if g0 < 0 {
                (&mut short, &mut surplus)
            } else {
                (&mut surplus, &mut short)
            };
            first.extend([[x0, s0], c, [x0, n0]]);
            second.extend([c, [x1, s1], [x1, n1]]);
        }
    }
    (short, surplus)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::supply::SupplyYear;

    fn year(year: i32, stock: f64, need: f64) -> SupplyYear {
        SupplyYear {
            year,
            start: None,
            attrition: 0.0,
            intake: 0.0,
            transfers: 0.0,
            stock,
            from_data: year == 2024,
            need,
            gap: stock - need,
        }
    }

    /// Twice the area of the triangles (shoelace), summed.
    fn area(tris: &[[f64; 2]]) -> f64 {
        tris.chunks(3)
            .map(|t| {
                let [a, b, c] = [t[0], t[1], t[2]];
                ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
            })
            .sum()
    }

    #[test]
    fn the_gap_is_shaded_on_the_side_it_falls_and_split_where_lines_cross() {
        // 2024: 8 available, 10 needed (short 2); 2025: 12 and 10 (surplus 2);
        // the lines cross half-way. Each side is a triangle of base 2 and
        // width 0,5: area 0,5. 2026: 12 and 10 again: a 1 × 2 rectangle.
        let s = Supply {
            years: vec![
                year(2024, 8.0, 10.0),
                year(2025, 12.0, 10.0),
                year(2026, 12.0, 10.0),
            ],
        };
        let (short, surplus) = gap_triangles(&s);
        assert_eq!(short.len(), 3);
        assert!((area(&short) - 0.5).abs() < 1e-12);
        assert_eq!(surplus.len(), 9);
        assert!((area(&surplus) - 2.5).abs() < 1e-12);
        assert_eq!(short[1], [2024.5, 10.0]);
    }

    #[test]
    fn the_chart_names_need_supply_and_both_shadings() {
        let s = Supply {
            years: vec![year(2024, 8.0, 10.0), year(2025, 12.0, 10.0)],
        };
        let spec = supply_chart(
            &s,
            "Manggar",
            "Uji",
            Rounding::Exact,
            "2026-12-03",
            Lang::Id,
        );
        let names: Vec<&str> = spec.panels[0]
            .series
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "Kebutuhan bidan",
                "Bidan tersedia (data)",
                "Bidan tersedia (stok dan arus)",
                "Kekurangan",
                "Kelebihan"
            ]
        );
        assert!(spec.title.ends_with("— Manggar"), "{}", spec.title);
        // The computed stock starts at the data year, so the lines join.
        assert_eq!(spec.panels[0].series[2].points[0], [2024.0, 8.0]);
    }
}
