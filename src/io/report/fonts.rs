//! The report's fonts: the bundled DejaVu Sans, regular and bold, embedded
//! (subset) in the PDF, with the advance widths that wrap and align text.

use ab_glyph::{Font as _, FontRef};
use krilla::text::Font;

use crate::io::export::fonts::{BOLD, REGULAR};

/// The two faces of the report, for drawing and for measuring.
pub(super) struct Fonts {
    regular: Face,
    bold: Face,
}

struct Face {
    pdf: Font,
    metrics: FontRef<'static>,
}

impl Face {
    fn load(data: &'static [u8]) -> Option<Face> {
        Some(Face {
            pdf: Font::new(data.into(), 0)?,
            metrics: FontRef::try_from_slice(data).ok()?,
        })
    }
}

impl Fonts {
    /// The bundled fonts; `None` if they cannot be read.
    pub(super) fn load() -> Option<Fonts> {
        Some(Fonts {
            regular: Face::load(REGULAR)?,
            bold: Face::load(BOLD)?,
        })
    }

    fn face(&self, bold: bool) -> &Face {
        if bold { &self.bold } else { &self.regular }
    }

    /// The font that draws the text.
    pub(super) fn pdf(&self, bold: bool) -> Font {
        self.face(bold).pdf.clone()
    }

    /// The width of `text` at `size` points.
    pub(super) fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let f = &self.face(bold).metrics;
        let units = f.units_per_em().unwrap_or(2048.0);
        let mut advance = 0.0;
        let mut previous = None;
        for c in text.chars() {
            let id = f.glyph_id(c);
            if let Some(p) = previous {
                advance += f.kern_unscaled(p, id);
            }
            advance += f.h_advance_unscaled(id);
            previous = Some(id);
        }
        advance * size / units
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_the_text_and_the_size() {
        let f = Fonts::load().unwrap();
        let one = f.width("Halaman", 10.0, false);
        assert!(one > 30.0 && one < 50.0, "{one}");
        assert!((f.width("Halaman", 20.0, false) - 2.0 * one).abs() < 1e-3);
        assert!(f.width("Halaman", 10.0, true) > one);
        assert_eq!(f.width("", 10.0, false), 0.0);
    }
}
