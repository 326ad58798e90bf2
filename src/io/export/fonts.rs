//! The chart's fonts: the bundled DejaVu Sans, registered with plotters
//! once, and the left side bearings of its glyphs, read from the font files,
//! so a PNG places every glyph as the font means it.

use std::sync::OnceLock;

use plotters::prelude::*;
use plotters::style::register_font;

use super::file::ExportError;

pub(crate) static REGULAR: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/fonts/DejaVuSans.ttf"
));
pub(crate) static BOLD: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/fonts/DejaVuSans-Bold.ttf"
));

/// The font family every text of the chart is set in.
pub(super) const FAMILY: &str = "sans-serif";

/// Registers the bundled fonts with plotters, once per process.
pub(super) fn ensure_fonts() -> Result<(), ExportError> {
    static DONE: OnceLock<bool> = OnceLock::new();
    let ok = *DONE.get_or_init(|| {
        register_font(FAMILY, FontStyle::Normal, REGULAR).is_ok()
            && register_font(FAMILY, FontStyle::Bold, BOLD).is_ok()
    });
    if ok { Ok(()) } else { Err(ExportError::Font) }
}

/// Left side bearings of the bundled fonts, read from their `cmap` and
/// `hmtx` tables.
///
/// plotters 0.3.7 (ab_glyph) places every glyph with its ink at the pen
/// position, ignoring the glyph's left side bearing, so a rasterised "jiwa"
/// reads "j iwa". The PNG is therefore drawn one glyph at a time, each
/// moved by its bearing; the SVG keeps whole text elements.
pub(super) struct Bearings {
    data: &'static [u8],
    /// Offset of the format 4 `cmap` subtable.
    cmap: usize,
    hmtx: usize,
    metrics: usize,
    /// Ascent − descent in font units: the pixel size covers this height.
    pub(super) height: f64,
    /// Ascent in font units.
    pub(super) ascent: f64,
}

fn be_u16(d: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*d.get(at)?, *d.get(at + 1)?]))
}

fn be_u32(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes([
        *d.get(at)?,
        *d.get(at + 1)?,
        *d.get(at + 2)?,
        *d.get(at + 3)?,
    ]))
}

impl Bearings {
    fn parse(data: &'static [u8]) -> Option<Self> {
        let tables = be_u16(data, 4)? as usize;
        let table = |tag: &[u8; 4]| {
            (0..tables)
                .map(|i| 12 + 16 * i)
                .find(|&at| data.get(at..at + 4) == Some(tag))
                .and_then(|at| be_u32(data, at + 8))
                .map(|o| o as usize)
        };
        let (cmap, hmtx, hhea) = (table(b"cmap")?, table(b"hmtx")?, table(b"hhea")?);
        let ascent = be_u16(data, hhea + 4)? as i16 as f64;
        let descent = be_u16(data, hhea + 6)? as i16 as f64;
        let metrics = be_u16(data, hhea + 34)? as usize;
        let subtables = be_u16(data, cmap + 2)? as usize;
        let sub = (0..subtables).find_map(|i| {
            let at = cmap + 4 + 8 * i;
            let (platform, encoding) = (be_u16(data, at)?, be_u16(data, at + 2)?);
            let offset = cmap + be_u32(data, at + 4)? as usize;
            let unicode = platform == 0 || (platform == 3 && encoding == 1);
            (unicode && be_u16(data, offset)? == 4).then_some(offset)
        })?;
        (ascent - descent > 0.0).then_some(Bearings {
            data,
            cmap: sub,
            hmtx,
            metrics,
            height: ascent - descent,
            ascent,
        })
    }

    fn glyph(&self, c: char) -> Option<u16> {
        let code = u16::try_from(c as u32).ok()?;
        let (d, t) = (self.data, self.cmap);
        let segs = be_u16(d, t + 6)? as usize / 2;
        let ends = t + 14;
        let starts = ends + 2 * segs + 2;
        let deltas = starts + 2 * segs;
        let ranges = deltas + 2 * segs;
        for i in 0..segs {
            if be_u16(d, ends + 2 * i)? < code {
                continue;
            }
            let start = be_u16(d, starts + 2 * i)?;
            if start > code {
                return None;
            }
            let delta = be_u16(d, deltas + 2 * i)?;
            let range = be_u16(d, ranges + 2 * i)? as usize;
            if range == 0 {
                return Some(code.wrapping_add(delta));
            }
            let at = ranges + 2 * i + range + 2 * (code - start) as usize;
            let g = be_u16(d, at)?;
            return (g != 0).then(|| g.wrapping_add(delta));
        }
        None
    }

    /// The left side bearing of `c` in pixels at font size `size`, as
    /// ab_glyph rounds it.
    pub(super) fn px(&self, c: char, size: f64) -> i32 {
        let lsb = self.glyph(c).and_then(|g| {
            let g = g as usize;
            let at = if g < self.metrics {
                self.hmtx + 4 * g + 2
            } else {
                self.hmtx + 4 * self.metrics + 2 * (g - self.metrics)
            };
            be_u16(self.data, at).map(|v| v as i16)
        });
        lsb.map(|l| (l as f64 * size / self.height).floor() as i32)
            .unwrap_or(0)
    }
}

pub(super) fn bearings(bold: bool) -> Option<&'static Bearings> {
    static REGULAR_B: OnceLock<Option<Bearings>> = OnceLock::new();
    static BOLD_B: OnceLock<Option<Bearings>> = OnceLock::new();
    if bold {
        BOLD_B.get_or_init(|| Bearings::parse(BOLD)).as_ref()
    } else {
        REGULAR_B.get_or_init(|| Bearings::parse(REGULAR)).as_ref()
    }
}

/// The font of a text. The style must be given to `FontDesc::new`: the
/// font data is looked up there, and `FontDesc::style` does not redo it.
pub(super) fn font(size: f64, bold: bool) -> TextStyle<'static> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    FontDesc::new(FontFamily::Name(FAMILY), size, style).into()
}
