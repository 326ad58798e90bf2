//! Draws the guide's sections in egui: headings, paragraphs, lists and
//! tables, with the places a search found marked.

use egui::text::LayoutJob;
use egui::{Color32, FontId, RichText, TextFormat, TextStyle, Ui};

use super::guide_text::{Block, Inline, Section, Span, Style};
use super::search::marks;

/// How a section is drawn.
pub struct Look<'a> {
    /// The search's words, marked wherever they occur.
    pub words: &'a [&'a str],
    /// The section the planner asked for, drawn with a tinted heading.
    pub target: bool,
}

/// What happened while a section was drawn.
pub struct Drawn {
    /// The heading, to scroll to.
    pub heading: egui::Response,
    /// The anchor of a link that was clicked.
    pub link: Option<String>,
}

/// Draws `s`: its heading, then its body.
pub fn section(ui: &mut Ui, s: &Section, look: &Look) -> Drawn {
    let size = match s.level {
        2 => ui
            .style()
            .text_styles
            .get(&TextStyle::Heading)
            .map_or(20.0, |f| f.size),
        _ => body_font(ui).size + 2.0,
    };
    if s.level == 2 {
        ui.add_space(6.0);
    } else {
        ui.add_space(4.0);
    }
    let title = [Span {
        text: s.title.clone(),
        style: Style::Strong,
    }];
    let job = layout(ui, &title, look.words, Some(size));
    let heading = if look.target {
        egui::Frame::new()
            .fill(ui.visuals().selection.bg_fill.gamma_multiply(0.35))
            .inner_margin(egui::Margin::symmetric(4, 2))
            .corner_radius(3.0)
            .show(ui, |ui| ui.label(job))
            .inner
    } else {
        ui.label(job)
    };
    let mut link = None;
    for (b, block) in s.blocks.iter().enumerate() {
        ui.add_space(2.0);
        let clicked = match block {
            Block::Paragraph(p) => paragraph(ui, p, look.words),
            Block::Bullets(items) => list(ui, items, look.words, |_| "•".to_string()),
            Block::Numbered(items) => list(ui, items, look.words, |i| format!("{}.", i + 1)),
            Block::Table { header, rows } => {
                table(ui, (&s.anchor, b), header, rows, look.words);
                None
            }
        };
        link = link.or(clicked);
    }
    Drawn { heading, link }
}

fn body_font(ui: &Ui) -> FontId {
    ui.style()
        .text_styles
        .get(&TextStyle::Body)
        .cloned()
        .unwrap_or_default()
}

/// The colour that marks a place a search found.
fn mark_colour(ui: &Ui) -> Color32 {
    if ui.visuals().dark_mode {
        Color32::from_rgb(120, 95, 0)
    } else {
        Color32::from_rgb(255, 226, 110)
    }
}

/// Styled pieces as one wrapped text, found places marked; `size` for a
/// heading.
fn layout(ui: &Ui, spans: &[Span], words: &[&str], size: Option<f32>) -> LayoutJob {
    let body = body_font(ui);
    let mut job = LayoutJob::default();
    let visuals = ui.visuals();
    for span in spans {
        let mut format = TextFormat {
            font_id: FontId::new(size.unwrap_or(body.size), body.family.clone()),
            color: visuals.text_color(),
            ..Default::default()
        };
        match &span.style {
            Style::Plain => {}
            Style::Strong => format.color = visuals.strong_text_color(),
            Style::Emphasis => format.italics = true,
            Style::Code => {
                format.font_id = FontId::monospace(body.size);
                format.background = visuals.code_bg_color;
            }
            Style::Link(_) => format.color = visuals.hyperlink_color,
        }
        let mut at = 0;
        for r in marks(&span.text, words) {
            job.append(&span.text[at..r.start], 0.0, format.clone());
            let mut found = format.clone();
            found.background = mark_colour(ui);
            found.color = if visuals.dark_mode {
                Color32::WHITE
            } else {
                Color32::BLACK
            };
            job.append(&span.text[r.clone()], 0.0, found);
            at = r.end;
        }
        job.append(&span.text[at..], 0.0, format);
    }
    job
}

/// A paragraph; returns the anchor of a link clicked in it.
fn paragraph(ui: &mut Ui, p: &Inline, words: &[&str]) -> Option<String> {
    if !p.iter().any(|s| matches!(s.style, Style::Link(_))) {
        ui.label(layout(ui, p, words, None));
        return None;
    }
    let mut clicked = None;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        let mut run: Vec<Span> = Vec::new();
        for span in p {
            if let Style::Link(anchor) = &span.style {
                if !run.is_empty() {
                    ui.label(layout(ui, &run, words, None));
                    run.clear();
                }
                let text = RichText::new(span.text.as_str()).color(ui.visuals().hyperlink_color);
                if ui.link(text).clicked() {
                    clicked = Some(anchor.clone());
                }
            } else {
                run.push(span.clone());
            }
        }
        if !run.is_empty() {
            ui.label(layout(ui, &run, words, None));
        }
    });
    clicked
}

fn list(
    ui: &mut Ui,
    items: &[Inline],
    words: &[&str],
    mark: impl Fn(usize) -> String,
) -> Option<String> {
    let mut clicked = None;
    for (i, item) in items.iter().enumerate() {
        ui.horizontal_top(|ui| {
            ui.add_space(8.0);
            ui.add_sized([18.0, body_font(ui).size], egui::Label::new(mark(i)));
            ui.vertical(|ui| {
                if let Some(a) = paragraph(ui, item, words) {
                    clicked = Some(a);
                }
            });
        });
    }
    clicked
}

fn table(ui: &mut Ui, id: (&str, usize), header: &[Inline], rows: &[Vec<Inline>], words: &[&str]) {
    ui.add_space(2.0);
    egui::Grid::new(("guide_table", id.0, id.1))
        .striped(true)
        .spacing([14.0, 3.0])
        .show(ui, |ui| {
            for cell in header {
                let strong: Vec<Span> = cell
                    .iter()
                    .map(|s| Span {
                        text: s.text.clone(),
                        style: Style::Strong,
                    })
                    .collect();
                ui.label(layout(ui, &strong, words, None));
            }
            ui.end_row();
            for row in rows {
                for cell in row {
                    ui.label(layout(ui, cell, words, None));
                }
                ui.end_row();
            }
        });
    ui.add_space(2.0);
}
