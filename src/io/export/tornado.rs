//! The tornado chart of a sensitivity run as PNG or SVG: one row per
//! parameter, largest swing on top, a bar from the scenario's need to the
//! need with the value moved down and one to the need with it moved up.

use std::path::Path;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::chart::{AXIS, Canvas, GRID, LABEL, Label, TextMode, draw_err, rgb};
use super::file::ExportError;
use super::frame::{Frame, draw_frame, png_of, save_by_extension, svg_of, value_ticks};
use crate::i18n::T;
use crate::model::Lang;
use crate::model::number::{fmt_fixed, fmt_percent};
use crate::model::sensitivity::{Sensitivity, Step};

/// Colour of the bar with the value moved down.
pub const COLOR_LOW: [u8; 3] = [31, 119, 180];
/// Colour of the bar with the value moved up.
pub const COLOR_HIGH: [u8; 3] = [255, 127, 14];

/// One row of the tornado.
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoBar {
    /// The parameter and its two values.
    pub label: String,
    pub need_low: f64,
    pub need_high: f64,
}

/// The tornado chart, described once.
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoChart {
    pub frame: Frame,
    pub x_title: String,
    /// The scenario's need: where the bars start.
    pub base: f64,
    /// Largest swing first.
    pub bars: Vec<TornadoBar>,
    pub lang: Lang,
}

/// The tornado of `s` for `subject` (the total or a region), with the
/// scenario's name and the date in the footer.
pub fn tornado_chart(
    s: &Sensitivity,
    subject: &str,
    scenario_name: &str,
    date: &str,
    lang: Lang,
) -> TornadoChart {
    let bars = s
        .rows
        .iter()
        .map(|r| {
            let d = r.param.decimals();
            TornadoBar {
                label: format!(
                    "{} ({} – {})",
                    r.param.label(&s.params, lang),
                    crate::model::number::fmt_trim(r.low, d, lang),
                    crate::model::number::fmt_trim(r.high, d, lang)
                ),
                need_low: r.need_low,
                need_high: r.need_high,
            }
        })
        .collect();
    let how = match s.step {
        Step::Share(x) => lang.tf(
            T::sensitivity_by_share,
            &[("step", &fmt_percent(x, 1, lang))],
        ),
        Step::PlausibleRange => lang.t(T::sensitivity_by_range).to_string(),
    };
    TornadoChart {
        frame: Frame {
            title: lang.tf(
                T::sensitivity_title,
                &[("year", &s.year), ("subject", &subject)],
            ),
            subtitle: format!(
                "{how} {}",
                lang.tf(
                    T::sensitivity_base,
                    &[("need", &fmt_fixed(s.base_need, 2, lang))]
                )
            ),
            legend: vec![
                (lang.t(T::sensitivity_value_down).to_string(), COLOR_LOW),
                (lang.t(T::sensitivity_value_up).to_string(), COLOR_HIGH),
            ],
            footer: format!("{scenario_name} · {date} · Proyeksi Bidan"),
        },
        x_title: lang.tf(T::sensitivity_x_title, &[("year", &s.year)]),
        base: s.base_need,
        bars,
        lang,
    }
}

/// The tornado as PNG bytes.
pub fn render_tornado_png(
    c: &TornadoChart,
    width: u32,
    height: u32,
) -> Result<Vec<u8>, ExportError> {
    png_of(width, height, |root, mode| draw(root, c, mode))
}

/// The tornado as an SVG document.
pub fn render_tornado_svg(
    c: &TornadoChart,
    width: u32,
    height: u32,
) -> Result<String, ExportError> {
    svg_of(width, height, |root, mode| draw(root, c, mode))
}

/// Saves the tornado as PNG or SVG, by the extension of `path`.
pub fn save_tornado(
    path: &Path,
    c: &TornadoChart,
    width: u32,
    height: u32,
) -> Result<(), ExportError> {
    save_by_extension(
        path,
        || render_tornado_png(c, width, height),
        || render_tornado_svg(c, width, height),
    )
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &TornadoChart,
    mode: TextMode,
) -> Result<(), ExportError> {
    if c.bars.is_empty() || !c.base.is_finite() {
        return Err(ExportError::NothingToDraw);
    }
    let canvas = Canvas { root, mode };
    let inside = draw_frame(&canvas, &c.frame)?;
    let m = inside.m;
    let label_h = (m.label * 1.3) as i32;
    // Parameter labels on the left, at most 45% of the width.
    let max_label = ((inside.right - inside.left) as f64 * 0.45) as i32;
    let mut label_w = 0;
    let mut sizes = Vec::with_capacity(c.bars.len());
    for b in &c.bars {
        let size = canvas.fitting_size(&b.label, m.label, false, max_label)?;
        label_w = label_w.max(canvas.width(&b.label, size, false)?);
        sizes.push(size);
    }
    let left = inside.left + label_w + m.gap;
    let right = inside.right - m.gap;
    let top = inside.top;
    let bottom = inside.bottom - 2 * label_h - m.gap;
    if right - left < 20 || bottom - top < 20 {
        return Ok(());
    }
    let finite = |x: f64| x.is_finite().then_some(x);
    let ends = c
        .bars
        .iter()
        .flat_map(|b| [finite(b.need_low), finite(b.need_high)])
        .flatten();
    let (lo, hi) = ends.fold((c.base, c.base), |(l, h), x| (l.min(x), h.max(x)));
    let year_w = canvas.width("000.000,00", m.label, false)?.max(1);
    let max_ticks = ((right - left) / year_w).clamp(2, 10) as usize;
    let (x_lo, x_hi, ticks, decimals) = value_ticks(lo, hi, max_ticks);
    let to_x = |x: f64| left + ((x - x_lo) / (x_hi - x_lo) * (right - left) as f64).round() as i32;
    let tick = (m.gap / 2).max(2);
    for &t in &ticks {
        let xp = to_x(t);
        root.draw(&PathElement::new(
            vec![(xp, top), (xp, bottom)],
            GRID.stroke_width(1),
        ))
        .map_err(draw_err)?;
        canvas.text(
            &fmt_fixed(t, decimals, c.lang),
            (xp, bottom + tick),
            Label::new(m.label, LABEL, HPos::Center, VPos::Top),
        )?;
    }
    canvas.text(
        &c.x_title,
        ((left + right) / 2, bottom + tick + label_h),
        Label::new(m.desc, BLACK, HPos::Center, VPos::Top),
    )?;
    let row_h = (bottom - top) as f64 / c.bars.len() as f64;
    let half = ((row_h * 0.32) as i32).max(1);
    let base_x = to_x(c.base);
    for (i, (b, size)) in c.bars.iter().zip(&sizes).enumerate() {
        let y = top + (row_h * (i as f64 + 0.5)) as i32;
        canvas.text(
            &b.label,
            (left - m.gap, y),
            Label::new(*size, LABEL, HPos::Right, VPos::Center),
        )?;
        for (need, color) in [(b.need_low, COLOR_LOW), (b.need_high, COLOR_HIGH)] {
            if !need.is_finite() {
                continue;
            }
            let x = to_x(need);
            let (a, z) = (base_x.min(x), base_x.max(x).max(base_x.min(x) + 1));
            root.draw(&Rectangle::new(
                [(a, y - half), (z, y + half)],
                rgb(color).mix(0.85).filled(),
            ))
            .map_err(draw_err)?;
        }
    }
    root.draw(&PathElement::new(
        vec![(base_x, top), (base_x, bottom)],
        BLACK.stroke_width(m.line.max(1)),
    ))
    .map_err(draw_err)?;
    root.draw(&PathElement::new(
        vec![(left, bottom), (right, bottom)],
        AXIS.stroke_width(1),
    ))
    .map_err(draw_err)?;
    Ok(())
}
