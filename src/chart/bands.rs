//! The uncertainty bands on a chart: the P10–P90 band shaded behind the
//! lines and the P50 dashed, on the projection chart (both panels) and on a
//! chart of the midwives needed alone.

use super::{
    COLOR_NEED, COLOR_PREGNANT, ChartPanel, ChartSeries, ChartSpec, LineKind, rounding_footer,
};
use crate::i18n::T;
use crate::model::uncertainty::{BandYear, Bands, Quantiles};
use crate::model::{Lang, Rounding};

/// Picks one figure's quantiles from a year of the bands.
type Pick = fn(&BandYear) -> Quantiles;

/// The band between P10 and P90 as triangles, two per pair of years.
pub fn band_triangles(years: &[BandYear], band: fn(&BandYear) -> Quantiles) -> Vec<[f64; 2]> {
    let mut out = Vec::with_capacity(years.len().saturating_sub(1) * 6);
    for w in years.windows(2) {
        let (x0, x1) = (f64::from(w[0].year), f64::from(w[1].year));
        let (a, b) = (band(&w[0]), band(&w[1]));
        if ![a.p10, a.p90, b.p10, b.p90].iter().all(|v| v.is_finite()) {
            continue;
        }
        out.extend([[x0, a.p10], [x1, b.p10], [x1, b.p90]]);
        out.extend([[x0, a.p10], [x1, b.p90], [x0, a.p90]]);
    }
    out
}

/// The band and the P50 of one figure, as two series.
fn band_series(
    b: &Bands,
    color: [u8; 3],
    band: fn(&BandYear) -> Quantiles,
    lang: Lang,
) -> [ChartSeries; 2] {
    [
        ChartSeries {
            name: lang.t(T::bands_band_p10_p90).to_string(),
            color,
            kind: LineKind::Shade,
            points: band_triangles(&b.years, band),
        },
        ChartSeries {
            name: "P50".to_string(),
            color,
            kind: LineKind::Projection,
            points: b
                .years
                .iter()
                .map(|y| [f64::from(y.year), band(y).p50])
                .filter(|p| p[1].is_finite())
                .collect(),
        },
    ]
}

/// Adds the bands to the projection chart: pregnant women's band to the
/// first panel and the midwives' band to the second, behind the lines.
pub fn add_bands(spec: &mut ChartSpec, b: &Bands, lang: Lang) {
    let figures: [(usize, [u8; 3], Pick); 2] = [
        (0, COLOR_PREGNANT, |y| y.pregnant_band),
        (1, COLOR_NEED, |y| y.need_band),
    ];
    for (panel, color, band) in figures {
        if let Some(p) = spec.panels.get_mut(panel) {
            // The band alone: a P50 dashed beside the projection's dashed
            // line would read as a second projection.
            let [shade, _] = band_series(b, color, band, lang);
            let mut series = vec![shade];
            series.append(&mut p.series);
            p.series = series;
        }
    }
    spec.footer = format!(
        "{} · {}",
        spec.footer,
        lang.tf(
            T::chart_bands_footer,
            &[
                (
                    "draws",
                    &crate::model::number::fmt_fixed(f64::from(b.draws), 0, lang)
                ),
                ("seed", &b.seed),
            ]
        )
    );
}

/// The midwives needed with their band: the scenario's own value solid, the
/// P50 dashed, the P10–P90 band shaded.
pub fn bands_spec(
    b: &Bands,
    subject: &str,
    scenario_name: &str,
    rounding: Rounding,
    date: &str,
    lang: Lang,
) -> ChartSpec {
    let mut series = band_series(b, COLOR_NEED, |y| y.need_band, lang).to_vec();
    series.push(ChartSeries {
        name: lang.t(T::bands_scenario_value).to_string(),
        color: COLOR_NEED,
        kind: LineKind::Data,
        points: b
            .years
            .iter()
            .map(|y| [f64::from(y.year), y.midwives_needed])
            .collect(),
    });
    ChartSpec {
        title: lang.tf(T::bands_title, &[("subject", &subject)]),
        x_title: lang.t(T::chart_year).to_string(),
        panels: vec![ChartPanel {
            y_title: lang.t(T::chart_midwives_fte).to_string(),
            decimals: 1,
            series,
        }],
        footer: rounding_footer(scenario_name, rounding, date, lang),
        lang,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::YearKind;

    fn year(year: i32, p10: f64, p90: f64) -> BandYear {
        let q = Quantiles {
            p10,
            p50: (p10 + p90) / 2.0,
            p90,
        };
        BandYear {
            year,
            kind: YearKind::Projection,
            pregnant_women: 0.0,
            midwives_needed: q.p50,
            pregnant_band: q,
            need_band: q,
        }
    }

    #[test]
    fn the_band_is_two_triangles_a_year_between_p10_and_p90() {
        let years = [year(2020, 10.0, 14.0), year(2021, 11.0, 17.0)];
        let t = band_triangles(&years, |y| y.need_band);
        assert_eq!(
            t,
            [
                [2020.0, 10.0],
                [2021.0, 11.0],
                [2021.0, 17.0],
                [2020.0, 10.0],
                [2021.0, 17.0],
                [2020.0, 14.0]
            ]
        );
        // Area of the two triangles = the trapezoid: ((14−10) + (17−11)) / 2.
        let area: f64 = t
            .chunks_exact(3)
            .map(|c| {
                ((c[1][0] - c[0][0]) * (c[2][1] - c[0][1])
                    - (c[2][0] - c[0][0]) * (c[1][1] - c[0][1]))
                    .abs()
                    / 2.0
            })
            .sum();
        assert!((area - 5.0).abs() < 1e-12, "{area}");
        let gap = [year(2020, 10.0, f64::NAN), year(2021, 11.0, 17.0)];
        assert!(band_triangles(&gap, |y| y.need_band).is_empty());
    }
}
