//! The frame the analysis charts (tornado, uncertainty bands) share: a
//! white picture with the title, a line under it, a legend of filled
//! samples and the footer, the plot area left between them, and PNG, SVG or
//! file output by extension.

use std::path::Path;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::chart::{Canvas, FOOTER, Label, Metrics, TextMode, check_size, draw_err, rgb};
use super::file::{ExportError, extension, write_file};
use super::fonts::ensure_fonts;

/// Title, subtitle, legend and footer of an analysis chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub title: String,
    /// A line under the title (what was moved or drawn); may be empty.
    pub subtitle: String,
    /// Legend entries: name and RGB colour of a filled sample.
    pub legend: Vec<(String, [u8; 3])>,
    /// Scenario, date and program.
    pub footer: String,
}

/// The plot area the frame leaves, in pixels, and the metrics of the picture.
pub(super) struct Inside {
    pub left: i32,
    pub right: i32,
    pub top: i32,
    pub bottom: i32,
    pub m: Metrics,
}

/// Draws the frame on `root` and returns the area left for the plot.
pub(super) fn draw_frame<DB: DrawingBackend>(
    canvas: &Canvas<'_, DB>,
    frame: &Frame,
) -> Result<Inside, ExportError> {
    let root = canvas.root;
    let (w, h) = root.dim_in_pixel();
    let m = Metrics::new(w, h);
    let (wi, hi) = (w as i32, h as i32);
    root.fill(&WHITE).map_err(draw_err)?;
    let side = 2 * m.gap;
    let title_size = canvas.fitting_size(&frame.title, m.title, true, wi - 2 * side)?;
    canvas.text(
        &frame.title,
        (wi / 2, m.gap),
        Label::new(title_size, BLACK, HPos::Center, VPos::Top).bold(),
    )?;
    let mut top = m.gap + (title_size * 1.25) as i32 + m.gap / 2;
    if !frame.subtitle.is_empty() {
        let size = canvas.fitting_size(&frame.subtitle, m.desc, false, wi - 2 * side)?;
        canvas.text(
            &frame.subtitle,
            (wi / 2, top),
            Label::new(size, FOOTER, HPos::Center, VPos::Top),
        )?;
        top += (size * 1.3) as i32 + m.gap / 2;
    }
    // The legend: one row, wrapped when it does not fit.
    let row_h = (m.legend * 1.4) as i32;
    let sample = 2 * m.gap;
    let (mut x, mut rows) = (side, 0);
    for (name, color) in &frame.legend {
        let width = sample + m.gap + canvas.width(name, m.legend, false)?;
        if x > side && x + width > wi - side {
            x = side;
            rows += 1;
        }
        let y = top + rows * row_h + row_h / 2;
        let half = (m.legend / 2.5) as i32;
        root.draw(&Rectangle::new(
            [(x, y - half), (x + sample, y + half)],
            rgb(*color).filled(),
        ))
        .map_err(draw_err)?;
        canvas.text(
            name,
            (x + sample + m.gap, y),
            Label::new(m.legend, BLACK, HPos::Left, VPos::Center),
        )?;
        x += width + 3 * m.gap;
    }
    if !frame.legend.is_empty() {
        top += (rows + 1) * row_h + m.gap / 2;
    }
    let footer_size = canvas.fitting_size(&frame.footer, m.footer, false, wi - 2 * side)?;
    canvas.text(
        &frame.footer,
        (side, hi - m.gap / 2),
        Label::new(footer_size, FOOTER, HPos::Left, VPos::Bottom),
    )?;
    let bottom = hi - (footer_size * 1.3) as i32 - m.gap;
    Ok(Inside {
        left: side,
        right: wi - side,
        top,
        bottom,
        m,
    })
}

/// Draws with `draw` into a PNG of `width` × `height` pixels.
pub(super) fn png_of(
    width: u32,
    height: u32,
    draw: impl Fn(&DrawingArea<BitMapBackend<'_>, Shift>, TextMode) -> Result<(), ExportError>,
) -> Result<Vec<u8>, ExportError> {
    check_size(width, height)?;
    ensure_fonts()?;
    let mut buf = vec![255u8; width as usize * height as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (width, height)).into_drawing_area();
        draw(&root, TextMode::PerGlyph)?;
        root.present().map_err(draw_err)?;
    }
    let mut png = Vec::new();
    use image::ImageEncoder;
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(&buf, width, height, image::ExtendedColorType::Rgb8)
        .map_err(|e| ExportError::Png(e.to_string()))?;
    Ok(png)
}

/// Draws with `draw` into an SVG document of `width` × `height` pixels.
pub(super) fn svg_of(
    width: u32,
    height: u32,
    draw: impl Fn(&DrawingArea<SVGBackend<'_>, Shift>, TextMode) -> Result<(), ExportError>,
) -> Result<String, ExportError> {
    check_size(width, height)?;
    ensure_fonts()?;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        draw(&root, TextMode::Native)?;
        root.present().map_err(draw_err)?;
    }
    Ok(svg)
}

/// Saves `png` or `svg` by the extension of `path` (case-insensitive),
/// atomically.
pub(super) fn save_by_extension(
    path: &Path,
    png: impl FnOnce() -> Result<Vec<u8>, ExportError>,
    svg: impl FnOnce() -> Result<String, ExportError>,
) -> Result<(), ExportError> {
    let bytes = match extension(path).as_deref() {
        Some("png") => png()?,
        Some("svg") => svg()?.into_bytes(),
        _ => {
            return Err(ExportError::UnknownExtension {
                path: path.to_path_buf(),
                expected: ".png or .svg",
            });
        }
    };
    write_file(path, &bytes)
}

/// Ticks at a nice step over `lo` … `hi`: the axis ends (multiples of the
/// step around them), the ticks and their decimals.
pub(super) fn value_ticks(lo: f64, hi: f64, max_ticks: usize) -> (f64, f64, Vec<f64>, usize) {
    let (lo, hi) = if hi - lo > 0.0 {
        (lo, hi)
    } else {
        (lo - 0.5, hi + 0.5)
    };
    let step = super::axes::nice_step(hi - lo, max_ticks);
    let first = (lo / step).floor() * step;
    let last = (hi / step).ceil() * step;
    let n = ((last - first) / step).round().clamp(0.0, 100.0) as i64;
    let ticks = (0..=n).map(|i| first + i as f64 * step).collect();
    (first, last, ticks, super::axes::step_decimals(step))
}
