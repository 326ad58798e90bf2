//! The laid-out pages written as PDF: text with the bundled fonts embedded
//! (only the glyphs used), lines, shading and vector charts, each page with
//! its running header and its footer ("Halaman 3 dari 7").

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Size};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::TextDirection;
use krilla_svg::{SurfaceExt, SvgSettings};

use super::ReportError;
use super::fonts::Fonts;
use super::layout::{CONTENT_W, GREY, MARGIN_X, Op, PAGE_H, PAGE_W, RULE, Rgb, SMALL, Style};

/// What every page carries besides its body.
pub(super) struct Frame {
    /// Top left of every page after the first.
    pub header: String,
    /// Bottom left of every page: rounding mode and data file.
    pub footer: String,
    /// "Halaman {page} dari {pages}" with the two numbers to fill in.
    pub page_of: Box<dyn Fn(usize, usize) -> String>,
    pub metadata: Metadata,
}

fn paint(c: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(c.0, c.1, c.2).into()
}

fn text(surface: &mut Surface, fonts: &Fonts, x: f32, y: f32, style: Style, s: &str) {
    surface.set_stroke(None);
    surface.set_fill(Some(Fill {
        paint: paint(style.color),
        ..Fill::default()
    }));
    surface.draw_text(
        Point::from_xy(x, y),
        fonts.pdf(style.bold),
        style.size,
        s,
        false,
        TextDirection::Auto,
    );
}

fn line(surface: &mut Surface, from: (f32, f32), to: (f32, f32), width: f32, color: Rgb) {
    let mut pb = PathBuilder::new();
    pb.move_to(from.0, from.1);
    pb.line_to(to.0, to.1);
    if let Some(path) = pb.finish() {
        surface.set_fill(None);
        surface.set_stroke(Some(Stroke {
            paint: paint(color),
            width,
            ..Stroke::default()
        }));
        surface.draw_path(&path);
    }
}

fn draw(surface: &mut Surface, fonts: &Fonts, op: &Op) {
    match op {
        Op::Text {
            x,
            y,
            size,
            bold,
            color,
            text: s,
        } => {
            let style = Style {
                size: *size,
                bold: *bold,
                color: *color,
            };
            text(surface, fonts, *x, *y, style, s);
        }
        Op::Line {
            from,
            to,
            width,
            color,
        } => line(surface, *from, *to, *width, *color),
        Op::Rect { x, y, w, h, color } => {
            let mut pb = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                pb.push_rect(rect);
            }
            if let Some(path) = pb.finish() {
                surface.set_stroke(None);
                surface.set_fill(Some(Fill {
                    paint: paint(*color),
                    ..Fill::default()
                }));
                surface.draw_path(&path);
            }
        }
        Op::Picture { x, y, w, h, tree } => {
            if let Some(size) = Size::from_wh(*w, *h) {
                surface.push_transform(&krilla::geom::Transform::from_translate(*x, *y));
                surface.draw_svg(tree, size, SvgSettings::default());
                surface.pop();
            }
        }
    }
}

/// The header and footer of page `index` (from 0) of `count`.
fn frame(surface: &mut Surface, fonts: &Fonts, f: &Frame, index: usize, count: usize) {
    let small = SMALL.color(GREY);
    if index > 0 {
        text(surface, fonts, MARGIN_X, 40.0, small, &f.header);
        line(
            surface,
            (MARGIN_X, 45.0),
            (MARGIN_X + CONTENT_W, 45.0),
            0.4,
            RULE,
        );
    }
    let y = PAGE_H - 40.0;
    line(
        surface,
        (MARGIN_X, y - 11.0),
        (MARGIN_X + CONTENT_W, y - 11.0),
        0.4,
        RULE,
    );
    text(surface, fonts, MARGIN_X, y, small, &f.footer);
    let page = (f.page_of)(index + 1, count);
    let w = fonts.width(&page, small.size, false);
    text(surface, fonts, MARGIN_X + CONTENT_W - w, y, small, &page);
}

/// The PDF of `pages`.
pub(super) fn render(pages: &[Vec<Op>], fonts: &Fonts, f: Frame) -> Result<Vec<u8>, ReportError> {
    let mut document = Document::new();
    document.set_metadata(f.metadata.clone());
    let count = pages.len();
    for (index, ops) in pages.iter().enumerate() {
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
            .ok_or_else(|| ReportError::Pdf("page size".into()))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for op in ops {
            draw(&mut surface, fonts, op);
        }
        frame(&mut surface, fonts, &f, index, count);
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| ReportError::Pdf(format!("{e:?}")))
}
