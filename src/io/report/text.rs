//! Text blocks: lines broken to a width by the font's own measures,
//! paragraphs that continue on the next page, and headings kept with what
//! follows them.

use super::fonts::Fonts;
use super::layout::{ACCENT, CONTENT_W, Layout, MARGIN_X, Style};

/// `text` broken into lines no wider than `width` (at spaces; a word
/// wider than the line is broken where it must). A newline starts a new
/// line.
pub(super) fn wrap(fonts: &Fonts, text: &str, style: Style, width: f32) -> Vec<String> {
    let fits = |s: &str| fonts.width(s, style.size, style.bold) <= width;
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if fits(&candidate) {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word wider than the line is cut where it must be.
            for c in word.chars() {
                line.push(c);
                if !fits(&line) && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::replace(&mut line, c.to_string()));
                }
            }
        }
        lines.push(line);
    }
    lines
}

impl Layout<'_> {
    /// A paragraph across the body, starting `indent` points in; it
    /// continues on the next page where the page is full.
    pub(super) fn paragraph(&mut self, text: &str, style: Style, indent: f32) {
        let lines = wrap(self.fonts, text, style, CONTENT_W - indent);
        for line in lines {
            self.ensure(style.line_height());
            let baseline = self.y + style.ascent();
            self.text(MARGIN_X + indent, baseline, style, &line);
            self.y += style.line_height();
        }
    }

    /// Lines that stay together on one page (a label and its value, a
    /// step of the working).
    pub(super) fn block(&mut self, parts: &[(&str, Style, f32)]) {
        let wrapped: Vec<(Vec<String>, Style, f32)> = parts
            .iter()
            .map(|(text, style, indent)| {
                let lines = wrap(self.fonts, text, *style, CONTENT_W - indent);
                (lines, *style, *indent)
            })
            .collect();
        let height: f32 = wrapped
            .iter()
            .map(|(lines, style, _)| lines.len() as f32 * style.line_height())
            .sum();
        self.ensure(height);
        for (lines, style, indent) in wrapped {
            for line in lines {
                let baseline = self.y + style.ascent();
                self.text(MARGIN_X + indent, baseline, style, &line);
                self.y += style.line_height();
            }
        }
    }

    /// A section heading, kept on the page with at least `keep` points of
    /// what follows it.
    pub(super) fn heading(&mut self, text: &str, keep: f32) {
        let style = Style::new(13.0).bold().color(ACCENT);
        self.gap(14.0);
        self.ensure(style.line_height() + 6.0 + keep);
        let baseline = self.y + style.ascent();
        self.text(MARGIN_X, baseline, style, text);
        self.y += style.line_height();
        self.rule(self.y, 0.6, ACCENT);
        self.y += 6.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::report::layout::BODY;

    #[test]
    fn lines_break_at_spaces_within_the_width() {
        let fonts = Fonts::load().unwrap();
        let text = "Pada 2035 Indonesia membutuhkan 14.353,9 bidan untuk pelayanan antenatal.";
        let width = 150.0;
        let lines = wrap(&fonts, text, BODY, width);
        assert!(lines.len() >= 3, "{lines:?}");
        assert!(
            lines
                .iter()
                .all(|l| fonts.width(l, BODY.size, false) <= width)
        );
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut_and_newlines_are_kept() {
        let fonts = Fonts::load().unwrap();
        let lines = wrap(&fonts, "aaaaaaaaaaaaaaaaaaaa\nb", BODY, 30.0);
        assert!(lines.len() >= 3, "{lines:?}");
        assert_eq!(lines.last().map(String::as_str), Some("b"));
        assert_eq!(lines.concat(), "aaaaaaaaaaaaaaaaaaaab");
    }
}
