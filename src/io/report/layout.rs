//! The pages of the report: A4 portrait, what is drawn on each page, and
//! the cursor that moves down the page and starts a new one when the next
//! block does not fit.

use super::fonts::Fonts;

/// A4 in points.
pub(super) const PAGE_W: f32 = 595.28;
pub(super) const PAGE_H: f32 = 841.89;
/// Left and right margin.
pub(super) const MARGIN_X: f32 = 56.0;
/// Where the body starts, below the running header.
pub(super) const TOP: f32 = 62.0;
/// Where the body ends, above the footer.
pub(super) const BOTTOM: f32 = PAGE_H - 66.0;
/// The width of the body.
pub(super) const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;

/// A colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Rgb(pub u8, pub u8, pub u8);

pub(super) const BLACK: Rgb = Rgb(20, 20, 20);
pub(super) const GREY: Rgb = Rgb(96, 96, 96);
pub(super) const RULE: Rgb = Rgb(160, 160, 160);
pub(super) const SHADE: Rgb = Rgb(232, 238, 244);
pub(super) const STRIPE: Rgb = Rgb(246, 247, 249);
pub(super) const ACCENT: Rgb = Rgb(24, 78, 119);

/// One thing drawn on a page; `y` grows down the page.
pub(super) enum Op {
    /// A line of text; `y` is its baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: Rgb,
        text: String,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        color: Rgb,
    },
    /// A filled rectangle.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    /// A vector picture scaled into the box.
    Picture {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        tree: Box<usvg::Tree>,
    },
}

/// The pages laid out so far and the cursor on the last one.
pub(super) struct Layout<'f> {
    pub fonts: &'f Fonts,
    pub pages: Vec<Vec<Op>>,
    /// The top of the free space on the last page.
    pub y: f32,
}

impl<'f> Layout<'f> {
    pub(super) fn new(fonts: &'f Fonts) -> Self {
        Layout {
            fonts,
            pages: vec![Vec::new()],
            y: TOP,
        }
    }

    /// Draws on the current page.
    pub(super) fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Whether nothing has been drawn below the top of this page.
    fn at_top(&self) -> bool {
        self.y <= TOP + 0.5
    }

    /// Starts a new page unless `height` still fits on this one (a block
    /// taller than a page starts at the top of one).
    pub(super) fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM && !self.at_top() {
            self.new_page();
        }
    }

    /// Moves down by `h`, never below the body (the next block starts a
    /// new page).
    pub(super) fn gap(&mut self, h: f32) {
        if !self.at_top() {
            self.y = (self.y + h).min(BOTTOM);
        }
    }

    pub(super) fn text(&mut self, x: f32, y: f32, style: Style, text: &str) {
        self.push(Op::Text {
            x,
            y,
            size: style.size,
            bold: style.bold,
            color: style.color,
            text: text.to_string(),
        });
    }

    pub(super) fn rule(&mut self, y: f32, width: f32, color: Rgb) {
        self.push(Op::Line {
            from: (MARGIN_X, y),
            to: (MARGIN_X + CONTENT_W, y),
            width,
            color,
        });
    }
}

/// How a text is set.
#[derive(Debug, Clone, Copy)]
pub(super) struct Style {
    pub size: f32,
    pub bold: bool,
    pub color: Rgb,
}

impl Style {
    pub(super) const fn new(size: f32) -> Self {
        Style {
            size,
            bold: false,
            color: BLACK,
        }
    }
    pub(super) const fn bold(self) -> Self {
        Style { bold: true, ..self }
    }
    pub(super) const fn color(self, color: Rgb) -> Self {
        Style { color, ..self }
    }
    /// The distance between two lines.
    pub(super) fn line_height(self) -> f32 {
        self.size * 1.32
    }
    /// From the top of a line to its baseline.
    pub(super) fn ascent(self) -> f32 {
        self.size * 0.98
    }
}

/// Body text.
pub(super) const BODY: Style = Style::new(9.5);
/// Small text: notes, footers, table cells.
pub(super) const SMALL: Style = Style::new(8.0);
