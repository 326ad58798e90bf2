//! Horizontal bars on the analysis frame: one row per label, each row one
//! or more spans from a start to an end value in their own colours, and a
//! line at the base value. The tornado and the ranking are drawn with it.

use std::path::Path;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::chart::{AXIS, Canvas, GRID, LABEL, Label, TextMode, draw_err, rgb};
use super::file::ExportError;
use super::frame::{Frame, draw_frame, png_of, save_by_extension, svg_of, value_ticks};
use crate::model::Lang;
use crate::model::number::fmt_fixed;

/// One row: its label and its spans (from, to, RGB colour).
#[derive(Debug, Clone, PartialEq)]
pub struct HBar {
    pub label: String,
    pub spans: Vec<(f64, f64, [u8; 3])>,
}

/// Horizontal bars, described once.
#[derive(Debug, Clone, PartialEq)]
pub struct HBars {
    pub frame: Frame,
    pub x_title: String,
    /// Where the line across the rows is drawn (the tornado's need, or 0).
    pub base: f64,
    /// First row on top.
    pub bars: Vec<HBar>,
    pub lang: Lang,
}

/// The bars as PNG bytes.
pub fn render_hbars_png(c: &HBars, width: u32, height: u32) -> Result<Vec<u8>, ExportError> {
    png_of(width, height, |root, mode| draw(root, c, mode))
}

/// The bars as an SVG document.
pub fn render_hbars_svg(c: &HBars, width: u32, height: u32) -> Result<String, ExportError> {
    svg_of(width, height, |root, mode| draw(root, c, mode))
}

/// Saves the bars as PNG or SVG, by the extension of `path`.
pub fn save_hbars(path: &Path, c: &HBars, width: u32, height: u32) -> Result<(), ExportError> {
    save_by_extension(
        path,
        || render_hbars_png(c, width, height),
        || render_hbars_svg(c, width, height),
    )
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &HBars,
    mode: TextMode,
) -> Result<(), ExportError> {
    if c.bars.is_empty() || !c.base.is_finite() {
        return Err(ExportError::NothingToDraw);
    }
    let canvas = Canvas { root, mode };
    let inside = draw_frame(&canvas, &c.frame)?;
    let m = inside.m;
    let label_h = (m.label * 1.3) as i32;
    // Labels on the left, at most 45% of the width.
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
        .flat_map(|b| b.spans.iter().flat_map(|s| [finite(s.0), finite(s.1)]))
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
        for &(from, to, color) in &b.spans {
            if !from.is_finite() || !to.is_finite() {
                continue;
            }
            let (x0, x1) = (to_x(from), to_x(to));
            let (a, z) = (x0.min(x1), x0.max(x1).max(x0.min(x1) + 1));
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
