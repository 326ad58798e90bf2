//! The projection chart as a picture: PNG or SVG drawn with plotters from
//! the same [`ChartSpec`] the window draws, so the exported chart shows the
//! same series, names, colours and line styles.
//!
//! Both formats go through one drawing function. Text is set in the bundled
//! DejaVu Sans fonts, never a system font, so a PNG comes out byte for byte
//! the same on every machine.

use std::path::Path;

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::FontTransform;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::axes::{Linear, YAxis, points, y_axis, year_range, year_ticks};
use super::file::{ExportError, MAX_SIDE, MIN_SIDE, extension, write_file};
use super::fonts::{bearings, ensure_fonts, font};
use super::stacked::{bar_margin, draw_bar_sample, draw_stacked_bars};
use crate::chart::{ChartPanel, ChartSeries, ChartSpec, LineKind};
use crate::model::number::fmt_fixed;

pub(super) fn check_size(width: u32, height: u32) -> Result<(), ExportError> {
    let ok = |s: u32| (MIN_SIDE..=MAX_SIDE).contains(&s);
    if ok(width) && ok(height) {
        Ok(())
    } else {
        Err(ExportError::InvalidSize { width, height })
    }
}

pub(super) fn draw_err<E: std::error::Error + Send + Sync>(
    e: DrawingAreaErrorKind<E>,
) -> ExportError {
    ExportError::Draw(e.to_string())
}

/// The chart as PNG bytes, `width` × `height` pixels.
pub fn render_png(spec: &ChartSpec, width: u32, height: u32) -> Result<Vec<u8>, ExportError> {
    check_size(width, height)?;
    ensure_fonts()?;
    check_drawable(spec)?;
    let mut buf = vec![255u8; width as usize * height as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (width, height)).into_drawing_area();
        draw_chart(&root, spec, TextMode::PerGlyph)?;
        root.present().map_err(draw_err)?;
    }
    let mut png = Vec::new();
    use image::ImageEncoder;
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(&buf, width, height, image::ExtendedColorType::Rgb8)
        .map_err(|e| ExportError::Png(e.to_string()))?;
    Ok(png)
}

/// The chart as an SVG document, `width` × `height` pixels.
pub fn render_svg(spec: &ChartSpec, width: u32, height: u32) -> Result<String, ExportError> {
    check_size(width, height)?;
    ensure_fonts()?;
    check_drawable(spec)?;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        draw_chart(&root, spec, TextMode::Native)?;
        root.present().map_err(draw_err)?;
    }
    Ok(svg)
}

/// Saves the chart as PNG or SVG, by the extension of `path`
/// (case-insensitive). The file is written atomically.
pub fn save_chart(
    path: &Path,
    spec: &ChartSpec,
    width: u32,
    height: u32,
) -> Result<(), ExportError> {
    let bytes = match extension(path).as_deref() {
        Some("png") => render_png(spec, width, height)?,
        Some("svg") => render_svg(spec, width, height)?.into_bytes(),
        _ => {
            return Err(ExportError::UnknownExtension {
                path: path.to_path_buf(),
                expected: ".png or .svg",
            });
        }
    };
    write_file(path, &bytes)
}

fn check_drawable(spec: &ChartSpec) -> Result<(), ExportError> {
    let any = spec
        .panels
        .iter()
        .flat_map(|p| &p.series)
        .any(|s| points(s).next().is_some());
    if any {
        Ok(())
    } else {
        Err(ExportError::NothingToDraw)
    }
}

/// How text reaches the backend.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum TextMode {
    /// Whole strings (SVG: the viewer sets the text).
    Native,
    /// One glyph at a time, placed by its bearing (bitmaps).
    PerGlyph,
}

/// Font sizes, line widths and gaps, scaled to the picture.
#[derive(Clone, Copy)]
pub(super) struct Metrics {
    pub(super) title: f64,
    pub(super) label: f64,
    pub(super) desc: f64,
    pub(super) legend: f64,
    pub(super) footer: f64,
    pub(super) line: u32,
    pub(super) marker: i32,
    pub(super) gap: i32,
}

impl Metrics {
    pub(super) fn new(width: u32, height: u32) -> Self {
        // 1 at 1200 × 800, the default export size.
        let k = (width as f64 / 1200.0).min(height as f64 / 800.0);
        // Text shrinks less than the picture, so small charts stay legible.
        let t = if k < 1.0 { k.sqrt() } else { k };
        // Even pixel sizes: plotters puts glyphs at half the size, and an
        // odd size would set tall and short letters a pixel apart.
        let font = |s: f64| ((s * t / 2.0).round() * 2.0).max(10.0);
        Metrics {
            title: font(30.0),
            label: font(16.0),
            desc: font(18.0),
            legend: font(16.0),
            footer: font(14.0),
            line: (2.5 * k).round().max(1.0) as u32,
            marker: (5.0 * t).round().max(3.0) as i32,
            gap: (10.0 * k).round().max(3.0) as i32,
        }
    }
}

/// One text to draw: font, colour, anchor and direction.
#[derive(Clone, Copy)]
pub(super) struct Label {
    size: f64,
    bold: bool,
    color: RGBColor,
    h: HPos,
    v: VPos,
    /// Reads bottom to top (the y-axis title).
    upward: bool,
}

impl Label {
    pub(super) fn new(size: f64, color: RGBColor, h: HPos, v: VPos) -> Self {
        Label {
            size,
            bold: false,
            color,
            h,
            v,
            upward: false,
        }
    }
    pub(super) fn bold(mut self) -> Self {
        self.bold = true;
        self
    }
    pub(super) fn upward(mut self) -> Self {
        self.upward = true;
        self
    }
    fn style(&self) -> TextStyle<'_> {
        font(self.size, self.bold).color(&self.color)
    }
}

/// Draws text on the root area, whole or glyph by glyph.
pub(super) struct Canvas<'a, DB: DrawingBackend> {
    pub(super) root: &'a DrawingArea<DB, Shift>,
    pub(super) mode: TextMode,
}

impl<DB: DrawingBackend> Canvas<'_, DB> {
    pub(super) fn width(&self, text: &str, size: f64, bold: bool) -> Result<i32, ExportError> {
        let (w, _) = self
            .root
            .estimate_text_size(text, &font(size, bold))
            .map_err(draw_err)?;
        Ok(w as i32)
    }

    /// The largest font size, at most `size`, at which `text` fits `width`.
    pub(super) fn fitting_size(
        &self,
        text: &str,
        size: f64,
        bold: bool,
        width: i32,
    ) -> Result<f64, ExportError> {
        let mut s = size;
        while s > 8.0 && self.width(text, s, bold)? > width {
            s -= 2.0;
        }
        Ok(s)
    }

    pub(super) fn text(&self, text: &str, (x, y): (i32, i32), l: Label) -> Result<(), ExportError> {
        let glyphs = match (self.mode, bearings(l.bold)) {
            (TextMode::PerGlyph, Some(b)) => b,
            _ => {
                let mut style = l.style().pos(Pos::new(l.h, l.v));
                if l.upward {
                    style = style.transform(FontTransform::Rotate270);
                }
                return self
                    .root
                    .draw(&Text::new(text.to_string(), (x, y), style))
                    .map_err(draw_err);
            }
        };
        let width = self.width(text, l.size, l.bold)?;
        // The text box is ascent + descent = the pixel size high; plotters
        // puts the baseline half the size below the point it is given.
        let height = l.size.round() as i32;
        let baseline = (glyphs.ascent / glyphs.height * l.size - l.size / 2.0).round() as i32;
        let along = match l.h {
            HPos::Left => 0,
            HPos::Center => -width / 2,
            HPos::Right => -width,
        };
        let across = baseline
            + match l.v {
                VPos::Top => 0,
                VPos::Center => -height / 2,
                VPos::Bottom => -height,
            };
        let mut style = l.style().pos(Pos::new(HPos::Left, VPos::Top));
        if l.upward {
            style = style.transform(FontTransform::Rotate270);
        }
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                continue;
            }
            let pen = if i == 0 {
                0
            } else {
                self.width(&text[..i], l.size, l.bold)?
            };
            let run = along + pen + glyphs.px(c, l.size);
            let pos = if l.upward {
                (x + across, y - run)
            } else {
                (x + run, y + across)
            };
            self.root
                .draw(&Text::new(c.to_string(), pos, style.clone()))
                .map_err(draw_err)?;
        }
        Ok(())
    }
}

pub(super) fn rgb(c: [u8; 3]) -> RGBColor {
    RGBColor(c[0], c[1], c[2])
}

pub(super) const GRID: RGBColor = RGBColor(225, 225, 225);
pub(super) const AXIS: RGBColor = RGBColor(110, 110, 110);
pub(super) const LABEL: RGBColor = RGBColor(40, 40, 40);
pub(super) const FOOTER: RGBColor = RGBColor(90, 90, 90);

/// Draws the legend sample of one series, centred vertically on `y`,
/// from `x` to `x + len`.
fn draw_sample<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &ChartSeries,
    (x, y): (i32, i32),
    len: i32,
    m: Metrics,
) -> Result<(), ExportError> {
    let color = rgb(s.color);
    let line = color.stroke_width(m.line);
    let mid = x + len / 2;
    let r = m.marker;
    match s.kind {
        LineKind::Data => {
            area.draw(&PathElement::new(vec![(x, y), (x + len, y)], line))
                .map_err(draw_err)?;
            area.draw(&Circle::new((mid, y), r, color.filled()))
                .map_err(draw_err)?;
        }
        LineKind::Projection => {
            let dash = dash_size(m);
            area.draw(&DashedPathElement::new(
                vec![(x, y), (x + len, y)],
                dash,
                dash / 2 + 1,
                line,
            ))
            .map_err(draw_err)?;
        }
        LineKind::Available => {
            area.draw(&PathElement::new(vec![(x, y), (x + len, y)], line))
                .map_err(draw_err)?;
            area.draw(&Rectangle::new(
                [(mid - r, y - r), (mid + r, y + r)],
                color.filled(),
            ))
            .map_err(draw_err)?;
        }
        LineKind::StackedBar => draw_bar_sample(area, s.color, (x, y), len, r + 1)?,
        LineKind::Suspect => {
            area.draw(&Circle::new((mid, y), r * 2, line))
                .map_err(draw_err)?;
        }
        LineKind::Shade => {
            area.draw(&Rectangle::new(
                [(x, y - r - 1), (x + len, y + r + 1)],
                color.mix(SHADE_ALPHA).filled(),
            ))
            .map_err(draw_err)?;
        }
    }
    Ok(())
}

/// How opaque a shaded area is drawn.
const SHADE_ALPHA: f64 = 0.28;

fn dash_size(m: Metrics) -> i32 {
    (m.gap as f64 * 0.9).max(3.0) as i32
}

/// One legend entry: its series, left edge and row.
struct LegendItem<'a> {
    series: &'a ChartSeries,
    x: i32,
    row: i32,
}

/// Lays the legend out in rows starting at `left`, wrapping at `right`;
/// returns the entries and the number of rows.
fn layout_legend<'a, DB: DrawingBackend>(
    canvas: &Canvas<'_, DB>,
    panel: &'a ChartPanel,
    (left, right): (i32, i32),
    sample: i32,
    m: Metrics,
) -> Result<(Vec<LegendItem<'a>>, i32), ExportError> {
    let mut items = Vec::new();
    let (mut x, mut row) = (left, 0);
    for s in &panel.series {
        let w = sample + m.gap + canvas.width(&s.name, m.legend, false)?;
        if x > left && x + w > right {
            x = left;
            row += 1;
        }
        items.push(LegendItem { series: s, x, row });
        x += w + 3 * m.gap;
    }
    let rows = if items.is_empty() { 0 } else { row + 1 };
    Ok((items, rows))
}

/// Draws the whole chart on `root`: title, panels (legend, grid, axes,
/// labels, series) and footer.
fn draw_chart<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    mode: TextMode,
) -> Result<(), ExportError> {
    let canvas = Canvas { root, mode };
    let (w, h) = root.dim_in_pixel();
    let m = Metrics::new(w, h);
    let (wi, hi) = (w as i32, h as i32);
    root.fill(&WHITE).map_err(draw_err)?;
    let side = 2 * m.gap;

    // Title and footer, shrunk to fit the width.
    let title_size = canvas.fitting_size(&spec.title, m.title, true, wi - 2 * side)?;
    canvas.text(
        &spec.title,
        (wi / 2, m.gap),
        Label::new(title_size, BLACK, HPos::Center, VPos::Top).bold(),
    )?;
    let title_h = m.gap + (title_size * 1.25) as i32 + m.gap;
    let footer_size = canvas.fitting_size(&spec.footer, m.footer, false, wi - 2 * side)?;
    let footer_h = (footer_size * 1.3) as i32 + m.gap;
    canvas.text(
        &spec.footer,
        (side, hi - m.gap / 2),
        Label::new(footer_size, FOOTER, HPos::Left, VPos::Bottom),
    )?;
    if spec.panels.is_empty() {
        return Ok(());
    }

    let body_h = hi - title_h - footer_h;
    let panel_h = body_h / spec.panels.len() as i32;
    let label_h = (m.label * 1.3) as i32;
    let desc_h = (m.desc * 1.3) as i32;
    let tick = (m.gap / 2).max(2);

    // Every panel's y axis; one label width for all of them so the plots
    // line up under each other on the shared year axis.
    let row_h = (m.legend * 1.4) as i32;
    let plot_h = panel_h - row_h - label_h - desc_h - tick - 2 * m.gap;
    let max_y_ticks = (plot_h * 2 / (3 * label_h)).clamp(2, 10) as usize;
    let axes: Vec<YAxis> = spec.panels.iter().map(|p| y_axis(p, max_y_ticks)).collect();
    let mut y_label_w = 0;
    for a in &axes {
        for t in &a.ticks {
            y_label_w = y_label_w.max(canvas.width(
                &fmt_fixed(*t, a.decimals, spec.lang),
                m.label,
                false,
            )?);
        }
    }
    let plot_left = side + desc_h + m.gap + y_label_w + tick + m.gap / 2;
    let plot_right = wi - side;
    let plot_w = plot_right - plot_left;

    let (x_lo, x_hi) = year_range(spec);
    let pad = ((x_hi - x_lo) * 0.015).max(0.35).max(bar_margin(spec));
    let x_axis = Linear {
        lo: x_lo - pad,
        hi: x_hi + pad,
    };
    let year_w = canvas.width("2035", m.label, false)?.max(1);
    let max_x_ticks = (plot_w / (year_w + year_w / 3).max(1)).max(2) as usize;
    let x_ticks = year_ticks(x_lo, x_hi, max_x_ticks);
    let sample = 4 * m.gap;

    for (i, (panel, axis)) in spec.panels.iter().zip(&axes).enumerate() {
        let top = title_h + i as i32 * panel_h;
        let bottom = top + panel_h;

        // Legend above the plot, so it never covers the lines.
        let (items, rows) = layout_legend(&canvas, panel, (plot_left, plot_right), sample, m)?;
        for it in &items {
            let y = top + it.row * row_h + row_h / 2;
            draw_sample(root, it.series, (it.x, y), sample, m)?;
            canvas.text(
                &it.series.name,
                (it.x + sample + m.gap, y),
                Label::new(m.legend, BLACK, HPos::Left, VPos::Center),
            )?;
        }
        let plot_top = top + rows * row_h + m.gap / 2 + label_h / 2;
        let plot_bottom = bottom - desc_h - label_h - tick - m.gap;
        if plot_bottom - plot_top < 10 || plot_w < 10 {
            continue;
        }
        let plot = root.margin(plot_top, hi - plot_bottom, plot_left, wi - plot_right);
        let mut chart = ChartBuilder::on(&plot)
            .build_cartesian_2d(
                x_axis.clone(),
                Linear {
                    lo: axis.lo,
                    hi: axis.hi,
                },
            )
            .map_err(draw_err)?;
        let (px, py) = chart.plotting_area().get_pixel_range();
        let (l, r, t, b) = (px.start, px.end - 1, py.start, py.end - 1);
        let to_x = |x: f64| chart.backend_coord(&(x, axis.lo)).0;
        let to_y = |y: f64| chart.backend_coord(&(x_axis.lo, y)).1;
        let grid = GRID.stroke_width(1);
        let axis_line = AXIS.stroke_width(1);

        // Grid, ticks and labels.
        for &y in &axis.ticks {
            let yp = to_y(y);
            root.draw(&PathElement::new(vec![(l, yp), (r, yp)], grid))
                .map_err(draw_err)?;
            root.draw(&PathElement::new(vec![(l - tick, yp), (l, yp)], axis_line))
                .map_err(draw_err)?;
            canvas.text(
                &fmt_fixed(y, axis.decimals, spec.lang),
                (l - tick - m.gap / 2, yp),
                Label::new(m.label, LABEL, HPos::Right, VPos::Center),
            )?;
        }
        for &x in &x_ticks {
            let xp = to_x(x);
            root.draw(&PathElement::new(vec![(xp, t), (xp, b)], grid))
                .map_err(draw_err)?;
            root.draw(&PathElement::new(vec![(xp, b), (xp, b + tick)], axis_line))
                .map_err(draw_err)?;
            canvas.text(
                &format!("{}", x.round() as i64),
                (xp, b + tick + m.gap / 3),
                Label::new(m.label, LABEL, HPos::Center, VPos::Top),
            )?;
        }
        root.draw(&PathElement::new(vec![(l, t), (l, b), (r, b)], axis_line))
            .map_err(draw_err)?;

        // Axis titles.
        canvas.text(
            &spec.x_title,
            ((l + r) / 2, b + tick + m.gap / 3 + label_h + m.gap / 3),
            Label::new(m.desc, BLACK, HPos::Center, VPos::Top),
        )?;
        let y_title_size =
            canvas.fitting_size(&panel.y_title, m.desc, false, (b - t + 2 * label_h).max(20))?;
        canvas.text(
            &panel.y_title,
            (side, (t + b) / 2),
            Label::new(y_title_size, BLACK, HPos::Center, VPos::Top).upward(),
        )?;

        // The series: bars and shaded areas first, lines over them.
        draw_stacked_bars(&mut chart, panel)?;
        for s in panel.series.iter().filter(|s| s.kind == LineKind::Shade) {
            let fill = rgb(s.color).mix(SHADE_ALPHA).filled();
            chart
                .draw_series(s.points.chunks_exact(3).map(|t| {
                    Polygon::new(t.iter().map(|p| (p[0], p[1])).collect::<Vec<_>>(), fill)
                }))
                .map_err(draw_err)?;
        }
        for s in &panel.series {
            let color = rgb(s.color);
            let line = color.stroke_width(m.line);
            let r = m.marker;
            match s.kind {
                LineKind::Data => {
                    chart
                        .draw_series(LineSeries::new(points(s), line))
                        .map_err(draw_err)?;
                    chart
                        .draw_series(points(s).map(|p| Circle::new(p, r, color.filled())))
                        .map_err(draw_err)?;
                }
                LineKind::Projection => {
                    let dash = dash_size(m);
                    chart
                        .draw_series(DashedLineSeries::new(points(s), dash, dash / 2 + 1, line))
                        .map_err(draw_err)?;
                }
                LineKind::Available => {
                    chart
                        .draw_series(LineSeries::new(points(s), line))
                        .map_err(draw_err)?;
                    chart
                        .draw_series(points(s).map(|p| {
                            EmptyElement::at(p) + Rectangle::new([(-r, -r), (r, r)], color.filled())
                        }))
                        .map_err(draw_err)?;
                }
                LineKind::Suspect => {
                    chart
                        .draw_series(points(s).map(|p| Circle::new(p, r * 2, line)))
                        .map_err(draw_err)?;
                }
                LineKind::StackedBar | LineKind::Shade => {}
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::export::axes::{nice_step, step_decimals};

    #[test]
    fn steps_are_nice() {
        assert_eq!(nice_step(5_600_000.0, 6), 1_000_000.0);
        assert_eq!(nice_step(12.0, 6), 2.0);
        assert_eq!(nice_step(14.0, 6), 2.5);
        assert_eq!(step_decimals(2.5), 1);
        assert_eq!(step_decimals(1_000_000.0), 0);
        assert_eq!(step_decimals(0.25), 2);
    }

    #[test]
    fn bearings_come_from_the_bundled_fonts() {
        let b = bearings(false).unwrap();
        // DejaVu Sans: 'j' hangs left of the pen, 'F' starts right of it.
        assert!(b.px('j', 100.0) < 0);
        assert!(b.px('F', 100.0) > 5);
        assert_eq!(b.px('\u{10000}', 100.0), 0);
        assert!(bearings(true).unwrap().px('I', 100.0) > 0);
    }

    #[test]
    fn year_ticks_are_whole_years() {
        assert_eq!(
            year_ticks(2017.0, 2020.0, 10),
            vec![2017.0, 2018.0, 2019.0, 2020.0]
        );
        // 2017 to 2035 in steps of 6 (not 5): both ends labelled.
        assert_eq!(
            year_ticks(2017.0, 2035.0, 5),
            vec![2017.0, 2023.0, 2029.0, 2035.0]
        );
        assert_eq!(year_ticks(2017.0, 2035.0, 19).len(), 19);
        assert_eq!(
            year_ticks(2017.0, 2035.0, 12),
            (0..10).map(|i| 2017.0 + 2.0 * i as f64).collect::<Vec<_>>()
        );
        // 2017 to 2036 (19 years): no step up to 10 divides it; every 5.
        assert_eq!(
            year_ticks(2017.0, 2036.0, 5),
            vec![2017.0, 2022.0, 2027.0, 2032.0]
        );
        assert_eq!(year_ticks(2017.0, 2017.0, 5), vec![2017.0]);
        // Absurd ranges stay a handful of ticks.
        assert!(year_ticks(0.0, 1.0e12, 10).len() <= 10);
        assert!(year_ticks(-5.0e9, 5.0e9, 3).len() <= 3);
    }
}
