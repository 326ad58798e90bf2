//! Charts in the report: the chart's SVG (the same drawing as the SVG
//! export) read with the bundled fonts and placed as vector graphics, its
//! texts kept as selectable text.

use std::sync::Arc;

use crate::chart::ChartSpec;
use crate::io::export::chart::render_svg;
use crate::io::export::fonts::{BOLD, REGULAR};

use super::ReportError;
use super::layout::{CONTENT_W, Layout, MARGIN_X, Op};

/// The chart is drawn at this size in pixels, then scaled to the page
/// width: its labels come out at about 8 points.
const DRAWN: (u32, u32) = (840, 532);

/// The chart's SVG as a vector picture.
fn picture(spec: &ChartSpec) -> Result<usvg::Tree, ReportError> {
    let svg = render_svg(spec, DRAWN.0, DRAWN.1).map_err(ReportError::Chart)?;
    svg_picture(&svg)
}

/// An SVG drawing as a vector picture, its texts in the bundled fonts.
pub(super) fn svg_picture(svg: &str) -> Result<usvg::Tree, ReportError> {
    let mut options = usvg::Options {
        font_family: "DejaVu Sans".to_string(),
        ..usvg::Options::default()
    };
    let db = Arc::make_mut(&mut options.fontdb);
    db.load_font_data(REGULAR.to_vec());
    db.load_font_data(BOLD.to_vec());
    db.set_sans_serif_family("DejaVu Sans");
    usvg::Tree::from_str(svg, &options).map_err(|e| ReportError::Picture(e.to_string()))
}

impl Layout<'_> {
    /// The chart across the body, as high as its proportions make it.
    pub(super) fn chart(&mut self, spec: &ChartSpec) -> Result<(), ReportError> {
        self.picture(picture(spec)?);
        Ok(())
    }

    /// A picture across the body, as high as its proportions make it.
    pub(super) fn picture(&mut self, tree: usvg::Tree) {
        let size = tree.size();
        let h = CONTENT_W * size.height() / size.width();
        self.ensure(h);
        self.push(Op::Picture {
            x: MARGIN_X,
            y: self.y,
            w: CONTENT_W,
            h,
            tree: Box::new(tree),
        });
        self.y += h + 6.0;
    }
}
