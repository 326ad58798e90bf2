//! Tables that run across pages: column widths from the contents, long
//! texts wrapped in their column, the heading repeated at the top of every
//! page the table continues on, and a row never split between pages.

use super::layout::{CONTENT_W, Layout, MARGIN_X, Op, RULE, SHADE, STRIPE, Style};
use super::text::wrap;

/// How a column's cells are placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    Left,
    Right,
}

/// A column: its heading, alignment, and whether its texts wrap (the
/// others keep each cell on one line and take the width they need).
pub(super) struct Column {
    pub head: String,
    pub align: Align,
    pub wrap: bool,
}

impl Column {
    pub(super) fn left(head: &str) -> Self {
        Column {
            head: head.to_string(),
            align: Align::Left,
            wrap: false,
        }
    }
    pub(super) fn right(head: &str) -> Self {
        Column {
            head: head.to_string(),
            align: Align::Right,
            wrap: false,
        }
    }
    pub(super) fn text(head: &str) -> Self {
        Column {
            head: head.to_string(),
            align: Align::Left,
            wrap: true,
        }
    }
}

/// A table to lay out.
pub(super) struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    pub style: Style,
}

/// Space left and right of a cell's text.
const PAD: f32 = 3.5;
/// Space above and below a row's text.
const PAD_Y: f32 = 2.5;

impl Table {
    /// The widths of the columns: single-line columns as wide as their
    /// widest cell (or heading word), wrapping columns sharing the rest;
    /// when no column wraps, the spare width is shared out evenly.
    fn widths(&self, layout: &Layout) -> Vec<f32> {
        let fonts = layout.fonts;
        let head = self.style.bold();
        let natural: Vec<f32> = self
            .columns
            .iter()
            .enumerate()
            .map(|(c, col)| {
                let words = col
                    .head
                    .split(' ')
                    .map(|w| fonts.width(w, head.size, true))
                    .fold(0.0, f32::max);
                let cells = self
                    .rows
                    .iter()
                    .filter_map(|r| r.get(c))
                    .map(|t| fonts.width(t, self.style.size, false))
                    .fold(0.0, f32::max);
                words.max(cells) + 2.0 * PAD
            })
            .collect();
        let fixed: f32 = self
            .columns
            .iter()
            .zip(&natural)
            .filter(|(c, _)| !c.wrap)
            .map(|(_, w)| w)
            .sum();
        let wrapping: f32 = self
            .columns
            .iter()
            .zip(&natural)
            .filter(|(c, _)| c.wrap)
            .map(|(_, w)| w)
            .sum();
        let spare = CONTENT_W - fixed;
        if wrapping > 0.0 {
            let wrap_widths = share_out(
                self.columns
                    .iter()
                    .zip(&natural)
                    .filter(|(c, _)| c.wrap)
                    .map(|(_, w)| *w)
                    .collect(),
                spare.max(60.0),
            );
            let mut shared = wrap_widths.into_iter();
            self.columns
                .iter()
                .zip(&natural)
                .map(|(c, w)| {
                    if c.wrap {
                        shared.next().unwrap_or(*w)
                    } else {
                        *w
                    }
                })
                .collect()
        } else {
            let extra = spare / self.columns.len().max(1) as f32;
            natural.iter().map(|w| w + extra).collect()
        }
    }

    /// The lines of each cell of `row` and the row's height; `wrap_all`
    /// wraps every cell (the heading), otherwise only wrapping columns.
    fn cells(
        &self,
        layout: &Layout,
        row: &[String],
        widths: &[f32],
        style: Style,
        wrap_all: bool,
    ) -> Cells {
        let lines: Vec<Vec<String>> = self
            .columns
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(c, (col, w))| {
                let text = row.get(c).map(String::as_str).unwrap_or("");
                if wrap_all || col.wrap || text.contains('\n') {
                    wrap(layout.fonts, text, style, w - 2.0 * PAD)
                } else {
                    vec![text.to_string()]
                }
            })
            .collect();
        let n = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
        Cells {
            height: n as f32 * style.line_height() + 2.0 * PAD_Y,
            lines,
        }
    }
}

/// `width` shared among columns that want `natural` widths: every column
/// gets what it wants when all fit; otherwise the narrow ones get theirs
/// and the wide ones share the rest evenly.
fn share_out(natural: Vec<f32>, width: f32) -> Vec<f32> {
    let mut left = width;
    let mut open: Vec<usize> = (0..natural.len()).collect();
    let mut out = natural.clone();
    loop {
        if open.is_empty() {
            return out;
        }
        let share = left / open.len() as f32;
        let (narrow, wide): (Vec<usize>, Vec<usize>) =
            open.iter().partition(|&&i| natural[i] <= share);
        if narrow.is_empty() {
            for i in wide {
                out[i] = share;
            }
            return out;
        }
        for &i in &narrow {
            left -= natural[i];
        }
        open = wide;
    }
}

struct Cells {
    lines: Vec<Vec<String>>,
    height: f32,
}

impl Layout<'_> {
    /// Lays out `table` from the cursor down, across as many pages as it
    /// needs.
    pub(super) fn table(&mut self, table: &Table) {
        let widths = table.widths(self);
        // When even the single-line columns are too wide, the table is set
        // smaller so that it fits the page.
        let total: f32 = widths.iter().sum();
        let (widths, style) = if total > CONTENT_W {
            let k = CONTENT_W / total;
            let style = Style {
                size: table.style.size * k,
                ..table.style
            };
            (widths.iter().map(|w| w * k).collect(), style)
        } else {
            (widths, table.style)
        };
        let heads: Vec<String> = table.columns.iter().map(|c| c.head.clone()).collect();
        let head = table.cells(self, &heads, &widths, style.bold(), true);
        let first = table
            .rows
            .first()
            .map_or(0.0, |r| table.cells(self, r, &widths, style, false).height);
        self.ensure(head.height + first);
        self.table_row(table, &head, &widths, style.bold(), Some(SHADE));
        for (i, row) in table.rows.iter().enumerate() {
            let cells = table.cells(self, row, &widths, style, false);
            if self.y + cells.height > super::layout::BOTTOM {
                self.rule(self.y, 0.5, RULE);
                self.new_page();
                self.table_row(table, &head, &widths, style.bold(), Some(SHADE));
            }
            let fill = (i % 2 == 1).then_some(STRIPE);
            self.table_row(table, &cells, &widths, style, fill);
        }
        self.rule(self.y, 0.5, RULE);
        self.y += 4.0;
    }

    fn table_row(
        &mut self,
        table: &Table,
        cells: &Cells,
        widths: &[f32],
        style: Style,
        fill: Option<super::layout::Rgb>,
    ) {
        if let Some(color) = fill {
            self.push(Op::Rect {
                x: MARGIN_X,
                y: self.y,
                w: widths.iter().sum(),
                h: cells.height,
                color,
            });
        }
        let mut x = MARGIN_X;
        for ((col, w), lines) in table.columns.iter().zip(widths).zip(&cells.lines) {
            let mut baseline = self.y + PAD_Y + style.ascent();
            for line in lines {
                let at = match col.align {
                    Align::Left => x + PAD,
                    Align::Right => x + w - PAD - self.fonts.width(line, style.size, style.bold),
                };
                self.text(at, baseline, style, line);
                baseline += style.line_height();
            }
            x += w;
        }
        self.y += cells.height;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::report::fonts::Fonts;
    use crate::io::report::layout::{SMALL, TOP};

    fn texts(page: &[Op]) -> Vec<&str> {
        page.iter()
            .filter_map(|op| match op {
                Op::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_long_table_repeats_its_heading_on_every_page() {
        let fonts = Fonts::load().unwrap();
        let mut layout = Layout::new(&fonts);
        let table = Table {
            columns: vec![Column::left("Tahun"), Column::right("Kebutuhan bidan")],
            rows: (0..150)
                .map(|i| vec![(2000 + i).to_string(), format!("n{i}")])
                .collect(),
            style: SMALL,
        };
        layout.table(&table);
        assert!(layout.pages.len() >= 3, "{}", layout.pages.len());
        for page in &layout.pages {
            let t = texts(page);
            assert_eq!(t[..2], ["Tahun", "Kebutuhan bidan"]);
        }
        // Every row is drawn once.
        let rows: usize = layout
            .pages
            .iter()
            .map(|p| texts(p).iter().filter(|t| t.starts_with('n')).count())
            .sum();
        assert_eq!(rows, 150);
        assert!(layout.y > TOP);
    }

    #[test]
    fn narrow_columns_keep_their_width_and_wide_ones_share_the_rest() {
        assert_eq!(share_out(vec![50.0, 80.0], 400.0), vec![50.0, 80.0]);
        assert_eq!(share_out(vec![100.0, 600.0], 400.0), vec![100.0, 300.0]);
        assert_eq!(
            share_out(vec![300.0, 600.0, 50.0], 450.0),
            vec![200.0, 200.0, 50.0]
        );
    }

    #[test]
    fn the_text_column_wraps_within_the_page() {
        let fonts = Fonts::load().unwrap();
        let mut layout = Layout::new(&fonts);
        let long = "kata ".repeat(80);
        let table = Table {
            columns: vec![Column::left("Parameter"), Column::text("Sumber")],
            rows: vec![vec!["Cuti".into(), long]],
            style: SMALL,
        };
        layout.table(&table);
        let page = &layout.pages[0];
        let right = page
            .iter()
            .filter_map(|op| match op {
                Op::Text { x, text, size, .. } => Some(x + fonts.width(text, *size, false)),
                _ => None,
            })
            .fold(0.0, f32::max);
        assert!(right <= MARGIN_X + CONTENT_W + 0.5, "{right}");
        assert!(texts(page).len() > 4);
    }
}
