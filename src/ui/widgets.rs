//! Small widgets shared by the panels: a number field that reads and shows
//! numbers the Indonesian way and refuses text it cannot read.

use egui::{Color32, Response, RichText, Stroke, TextEdit, Ui};

use crate::i18n::T;
use crate::model::Lang;
use crate::model::explain::Step;
use crate::model::number::{fmt_trim, parse_number};

/// A text field for a number. It shows the value in the planner's format
/// (`1.602`, `0,3`), accepts what planners type (`1.602`, `0,3`, `30%`),
/// updates the value while typing when the text reads as a number, and
/// otherwise marks the field red with a hint while keeping the last valid
/// value. Returns the field's response and whether the value changed.
pub fn number_field(
    ui: &mut Ui,
    value: &mut f64,
    decimals: usize,
    lang: Lang,
    id_salt: egui::Id,
    name: &str,
    width: f32,
) -> (Response, bool) {
    let mut v = Some(*value);
    let hint = lang.t(T::widgets_not_a_number_examples_1);
    let read = |t: &str| parse_number(t, lang).map(Some).map_err(|_| ());
    let out = text_number(ui, &mut v, decimals, lang, id_salt, name, width, read, hint);
    if let Some(x) = v {
        *value = x;
    }
    out
}

/// The field behind [`number_field`] and [`optional_number_field`]: `read`
/// turns the text into a value (or refuses it).
#[allow(clippy::too_many_arguments)]
fn text_number(
    ui: &mut Ui,
    value: &mut Option<f64>,
    decimals: usize,
    lang: Lang,
    id_salt: egui::Id,
    name: &str,
    width: f32,
    read: impl Fn(&str) -> Result<Option<f64>, ()>,
    hint: &str,
) -> (Response, bool) {
    let id = id_salt.with("number_text");
    // The typed text is kept while it is not a number yet or still says the
    // value; a value changed elsewhere (undo, open) shows at once.
    let stored: Option<String> = ui
        .data(|d| d.get_temp::<String>(id))
        .filter(|t| !matches!(read(t), Ok(v) if v != *value));
    let mut text = stored.clone().unwrap_or_else(|| {
        value
            .map(|v| fmt_trim(v, decimals, lang))
            .unwrap_or_default()
    });
    let mut response = ui
        .add(
            TextEdit::singleline(&mut text)
                .id(id.with("edit"))
                .desired_width(width)
                .align(egui::Align2::RIGHT_CENTER),
        )
        .accessible_name(name);
    let mut invalid = false;
    let mut changed = false;
    if response.changed() {
        match read(&text) {
            Ok(v) if v != *value => {
                *value = v;
                changed = true;
            }
            Ok(_) => {}
            Err(()) => invalid = true,
        }
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
    } else if stored.is_some() {
        invalid = read(&text).is_err();
    }
    if response.lost_focus() || (!response.has_focus() && stored.is_some()) {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    if invalid {
        ui.painter().rect_stroke(
            response.rect.expand(1.0),
            2.0,
            Stroke::new(1.5, Color32::from_rgb(200, 30, 30)),
            egui::StrokeKind::Outside,
        );
        response = response.on_hover_text(hint);
    }
    (response, changed)
}

/// A labelled number row: label with tooltip, then the field.
#[allow(clippy::too_many_arguments)]
pub fn number_row(
    ui: &mut Ui,
    label: &str,
    tooltip: &str,
    value: &mut f64,
    decimals: usize,
    lang: Lang,
    unit: &str,
) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        ui.label(label).on_hover_text(tooltip);
        let id = ui.scope_id().with(label);
        let (r, c) = number_field(ui, value, decimals, lang, id, label, 70.0);
        r.on_hover_text(tooltip);
        changed = c;
        if !unit.is_empty() {
            ui.label(unit);
        }
    });
    changed
}

/// Like [`number_field`] for a value that may be empty: an empty field is
/// "not given".
pub fn optional_number_field(
    ui: &mut Ui,
    value: &mut Option<f64>,
    decimals: usize,
    lang: Lang,
    id_salt: egui::Id,
    name: &str,
    width: f32,
) -> (Response, bool) {
    let hint = lang.t(T::widgets_not_a_number_examples_261);
    let read = |t: &str| {
        if t.trim().is_empty() {
            Ok(None)
        } else {
            parse_number(t, lang).map(Some).map_err(|_| ())
        }
    };
    text_number(ui, value, decimals, lang, id_salt, name, width, read, hint)
}

/// The working, step by step: number and title, formula, the numbers put
/// in, and the note, with `gap` points between steps.
pub fn steps_ui(ui: &mut Ui, steps: &[Step], gap: f32) {
    for (i, s) in steps.iter().enumerate() {
        ui.label(RichText::new(format!("{}. {}", i + 1, s.title)).strong());
        ui.label(RichText::new(&s.formula).italics());
        ui.label(RichText::new(format!("= {}", s.working)).monospace());
        if !s.note.is_empty() {
            ui.label(RichText::new(&s.note).small().weak());
        }
        ui.add_space(gap);
    }
}

/// A label in a wrapping row that moves to the next line whole rather than
/// break inside, so that a figure stays beside its name and unit; a label
/// wider than the whole row still wraps.
pub fn whole_label(ui: &mut Ui, text: impl Into<egui::WidgetText>) -> Response {
    let text = text.into();
    let galley = text.clone().into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Body,
    );
    let width = galley.size().x;
    if width > ui.available_size_before_wrap().x && width <= ui.max_rect().width() {
        ui.end_row();
    }
    if width <= ui.available_size_before_wrap().x {
        ui.label(galley)
    } else {
        ui.label(text)
    }
}

/// A table cell's text, shown only when the cell is whole in view. In a
/// table scrolled sideways, a number cut at the edge would read as another
/// number (the "1" of "10.996,08"): a cut cell shows "…" instead, and its
/// text on hover.
pub fn cell_label(ui: &mut Ui, text: impl Into<egui::WidgetText>) -> Response {
    let cell = ui.max_rect();
    let view = ui.clip_rect();
    if cell_in_view(cell, view) {
        return ui.label(text);
    }
    let text: egui::WidgetText = text.into();
    let full = text.text().to_string();
    let response = ui.allocate_rect(cell, egui::Sense::hover());
    let seen = cell.intersect(view);
    if seen.width() > 4.0 {
        ui.painter().text(
            seen.center(),
            egui::Align2::CENTER_CENTER,
            "…",
            egui::TextStyle::Body.resolve(ui.style()),
            ui.visuals().weak_text_color(),
        );
    }
    response.on_hover_text(full)
}

/// Whether a cell lies across the whole of its width inside the view.
fn cell_in_view(cell: egui::Rect, view: egui::Rect) -> bool {
    cell.min.x >= view.min.x - 0.5 && cell.max.x <= view.max.x + 0.5
}

#[cfg(test)]
mod cell_tests {
    use super::*;

    #[test]
    fn a_cell_cut_by_either_edge_is_not_in_view() {
        let view = egui::Rect::from_min_max(egui::pos2(100.0, 0.0), egui::pos2(600.0, 400.0));
        let cell =
            |x0: f32, x1: f32| egui::Rect::from_min_max(egui::pos2(x0, 20.0), egui::pos2(x1, 40.0));
        assert!(cell_in_view(cell(100.0, 180.0), view));
        assert!(cell_in_view(cell(520.0, 600.0), view));
        assert!(!cell_in_view(cell(560.0, 640.0), view));
        assert!(!cell_in_view(cell(60.0, 140.0), view));
    }
}
