//! The uncertainty bands as PNG or SVG: the midwives needed per year, the
//! P10–P90 band shaded, the P50 line, and the scenario's own figures.

use std::path::Path;

use plotters::coord::Shift;
use plotters::element::Polygon;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::axes::year_ticks;
use super::chart::{AXIS, Canvas, GRID, LABEL, Label, TextMode, draw_err, rgb};
use super::file::ExportError;
use super::frame::{Frame, draw_frame, png_of, save_by_extension, svg_of, value_ticks};
use crate::i18n::T;
use crate::model::Lang;
use crate::model::number::fmt_fixed;
use crate::model::uncertainty::Bands;

/// Colour of the P10–P90 band (drawn light).
pub const COLOR_BAND: [u8; 3] = [214, 39, 40];
/// Colour of the P50 line.
pub const COLOR_P50: [u8; 3] = [150, 20, 20];
/// Colour of the scenario's own figures.
pub const COLOR_POINT: [u8; 3] = [60, 60, 60];

/// The bands chart, described once: per year P10, P50, P90 and the
/// scenario's own value.
#[derive(Debug, Clone, PartialEq)]
pub struct BandsChart {
    pub frame: Frame,
    pub x_title: String,
    pub y_title: String,
    pub years: Vec<f64>,
    pub p10: Vec<f64>,
    pub p50: Vec<f64>,
    pub p90: Vec<f64>,
    pub point: Vec<f64>,
    pub lang: Lang,
}

/// The chart of the midwives needed in `b` for `subject`.
pub fn bands_chart(
    b: &Bands,
    subject: &str,
    scenario_name: &str,
    date: &str,
    lang: Lang,
) -> BandsChart {
    let pick = |f: fn(&crate::model::uncertainty::BandYear) -> f64| b.years.iter().map(f).collect();
    BandsChart {
        frame: Frame {
            title: lang.tf(T::bands_title, &[("subject", &subject)]),
            subtitle: lang.tf(
                T::bands_subtitle,
                &[
                    ("draws", &fmt_fixed(b.draws as f64, 0, lang)),
                    ("seed", &b.seed),
                ],
            ),
            legend: vec![
                (lang.t(T::bands_band_p10_p90).to_string(), blend(COLOR_BAND)),
                ("P50".to_string(), COLOR_P50),
                (lang.t(T::bands_scenario_value).to_string(), COLOR_POINT),
            ],
            footer: format!("{scenario_name} · {date} · Proyeksi Bidan"),
        },
        x_title: lang.t(T::chart_year).to_string(),
        y_title: lang.t(T::chart_midwives_fte).to_string(),
        years: b.years.iter().map(|y| y.year as f64).collect(),
        p10: pick(|y| y.need_band.p10),
        p50: pick(|y| y.need_band.p50),
        p90: pick(|y| y.need_band.p90),
        point: pick(|y| y.midwives_needed),
        lang,
    }
}

/// The band's colour as drawn: a fifth of its strength on white.
fn blend(c: [u8; 3]) -> [u8; 3] {
    c.map(|v| (255.0 - (255.0 - v as f64) * 0.25).round() as u8)
}

/// The bands as PNG bytes.
pub fn render_bands_png(c: &BandsChart, width: u32, height: u32) -> Result<Vec<u8>, ExportError> {
    png_of(width, height, |root, mode| draw(root, c, mode))
}

/// The bands as an SVG document.
pub fn render_bands_svg(c: &BandsChart, width: u32, height: u32) -> Result<String, ExportError> {
    svg_of(width, height, |root, mode| draw(root, c, mode))
}

/// Saves the bands as PNG or SVG, by the extension of `path`.
pub fn save_bands(path: &Path, c: &BandsChart, width: u32, height: u32) -> Result<(), ExportError> {
    save_by_extension(
        path,
        || render_bands_png(c, width, height),
        || render_bands_svg(c, width, height),
    )
}

/// The bands as CSV, one row per year, full precision: the scenario's own
/// value and P10, P50, P90 of the pregnant women and of the midwives needed.
pub fn write_bands_csv(b: &Bands, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut w = ::csv::Writer::from_writer(&mut *out);
    w.write_record([
        "year",
        "kind",
        "pregnant_women",
        "pregnant_women_p10",
        "pregnant_women_p50",
        "pregnant_women_p90",
        "midwives_needed",
        "midwives_needed_p10",
        "midwives_needed_p50",
        "midwives_needed_p90",
    ])
    .map_err(std::io::Error::other)?;
    for y in &b.years {
        let (p, n) = (y.pregnant_band, y.need_band);
        w.write_record([
            y.year.to_string(),
            crate::table::kind_key(y.kind).to_string(),
            y.pregnant_women.to_string(),
            p.p10.to_string(),
            p.p50.to_string(),
            p.p90.to_string(),
            y.midwives_needed.to_string(),
            n.p10.to_string(),
            n.p50.to_string(),
            n.p90.to_string(),
        ])
        .map_err(std::io::Error::other)?;
    }
    w.flush()
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &BandsChart,
    mode: TextMode,
) -> Result<(), ExportError> {
    let values = c.p10.iter().chain(&c.p90).chain(&c.point);
    if c.years.is_empty() || values.clone().any(|v| !v.is_finite()) {
        return Err(ExportError::NothingToDraw);
    }
    let canvas = Canvas { root, mode };
    let inside = draw_frame(&canvas, &c.frame)?;
    let m = inside.m;
    let label_h = (m.label * 1.3) as i32;
    let desc_h = (m.desc * 1.3) as i32;
    let tick = (m.gap / 2).max(2);
    let hi = values.fold(0.0f64, |a, &v| a.max(v)) * 1.05;
    let top = inside.top + label_h / 2;
    let bottom = inside.bottom - label_h - desc_h - tick - m.gap;
    let max_y = ((bottom - top) * 2 / (3 * label_h).max(1)).clamp(2, 10) as usize;
    let (y_lo, y_hi, y_ticks, decimals) = value_ticks(0.0, hi, max_y);
    let mut y_label_w = 0;
    for t in &y_ticks {
        y_label_w =
            y_label_w.max(canvas.width(&fmt_fixed(*t, decimals, c.lang), m.label, false)?);
    }
    let left = inside.left + desc_h + m.gap + y_label_w + tick;
    let right = inside.right;
    if right - left < 20 || bottom - top < 20 {
        return Ok(());
    }
    let (x_first, x_last) = (c.years[0], c.years[c.years.len() - 1]);
    let pad = ((x_last - x_first) * 0.015).max(0.35);
    let (x_lo, x_hi) = (x_first - pad, x_last + pad);
    let to_x = |x: f64| left + ((x - x_lo) / (x_hi - x_lo) * (right - left) as f64).round() as i32;
    let to_y =
        |y: f64| bottom - ((y - y_lo) / (y_hi - y_lo) * (bottom - top) as f64).round() as i32;
    for &t in &y_ticks {
        let yp = to_y(t);
        root.draw(&PathElement::new(
            vec![(left, yp), (right, yp)],
            GRID.stroke_width(1),
        ))
        .map_err(draw_err)?;
        canvas.text(
            &fmt_fixed(t, decimals, c.lang),
            (left - tick, yp),
            Label::new(m.label, LABEL, HPos::Right, VPos::Center),
        )?;
    }
    let year_w = canvas.width("2035", m.label, false)?.max(1);
    let max_x = ((right - left) / (year_w + year_w / 3).max(1)).max(2) as usize;
    for x in year_ticks(x_first, x_last, max_x) {
        let xp = to_x(x);
        root.draw(&PathElement::new(
            vec![(xp, top), (xp, bottom)],
            GRID.stroke_width(1),
        ))
        .map_err(draw_err)?;
        canvas.text(
            &format!("{}", x.round() as i64),
            (xp, bottom + tick),
            Label::new(m.label, LABEL, HPos::Center, VPos::Top),
        )?;
    }
    canvas.text(
        &c.x_title,
        ((left + right) / 2, bottom + tick + label_h),
        Label::new(m.desc, BLACK, HPos::Center, VPos::Top),
    )?;
    let y_title = canvas.fitting_size(&c.y_title, m.desc, false, (bottom - top).max(20))?;
    canvas.text(
        &c.y_title,
        (inside.left, (top + bottom) / 2),
        Label::new(y_title, BLACK, HPos::Center, VPos::Top).upward(),
    )?;
    // The band: along P90, back along P10.
    let mut outline: Vec<(i32, i32)> = c
        .years
        .iter()
        .zip(&c.p90)
        .map(|(&x, &y)| (to_x(x), to_y(y)))
        .collect();
    outline.extend(
        c.years
            .iter()
            .zip(&c.p10)
            .rev()
            .map(|(&x, &y)| (to_x(x), to_y(y))),
    );
    root.draw(&Polygon::new(outline, rgb(blend(COLOR_BAND)).filled()))
        .map_err(draw_err)?;
    let line = |ys: &[f64]| -> Vec<(i32, i32)> {
        c.years
            .iter()
            .zip(ys)
            .map(|(&x, &y)| (to_x(x), to_y(y)))
            .collect()
    };
    root.draw(&PathElement::new(
        line(&c.point),
        rgb(COLOR_POINT).stroke_width(m.line),
    ))
    .map_err(draw_err)?;
    root.draw(&PathElement::new(
        line(&c.p50),
        rgb(COLOR_P50).stroke_width(m.line),
    ))
    .map_err(draw_err)?;
    root.draw(&PathElement::new(
        vec![(left, top), (left, bottom), (right, bottom)],
        AXIS.stroke_width(1),
    ))
    .map_err(draw_err)?;
    Ok(())
}
