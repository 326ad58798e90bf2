//! The small pieces the Program tab's sections share: a programme's table,
//! a date field and a text cell of an editable table.

use egui::{Color32, RichText, TextEdit, Ui};

use crate::i18n::T;
use crate::io::programs::Sheet;
use crate::model::Lang;
use crate::model::programs::Date;

/// A programme's table: headings, then rows, marked rows in the error colour.
pub fn sheet_grid(ui: &mut Ui, sheet: &Sheet, lang: Lang) {
    ui.label(RichText::new(lang.t(sheet.name)).strong());
    let warn = ui.visuals().error_fg_color;
    egui::Grid::new(("sheet", sheet.key))
        .striped(true)
        .min_col_width(40.0)
        .show(ui, |ui| {
            for c in &sheet.columns {
                ui.label(RichText::new(lang.t(c.heading)).strong());
            }
            ui.end_row();
            for (i, row) in sheet.rows.iter().enumerate() {
                let marked = sheet.marked.get(i).copied().unwrap_or(false);
                for v in row {
                    let text = RichText::new(v.shown(lang));
                    ui.label(if marked { text.color(warn) } else { text });
                }
                ui.end_row();
            }
        });
    if sheet.rows.is_empty() {
        ui.weak(lang.t(T::programs_cli_none));
    }
    ui.add_space(8.0);
}

/// A date typed as `2026-03-02` (or `02/03/2026`); empty is no date. The
/// text typed is kept while it is not a date yet.
pub fn date_field(ui: &mut Ui, value: &mut Option<Date>, id: egui::Id, name: &str) -> bool {
    let key = id.with("date_text");
    let read = |t: &str| {
        if t.trim().is_empty() {
            Ok(None)
        } else {
            Date::parse(t).map(Some).ok_or(())
        }
    };
    let stored: Option<String> = ui
        .data(|d| d.get_temp::<String>(key))
        .filter(|t| !matches!(read(t), Ok(v) if v != *value));
    let mut text = stored
        .clone()
        .unwrap_or_else(|| value.map(|d| d.to_string()).unwrap_or_default());
    let response = ui
        .add_sized(
            egui::vec2(86.0, 20.0),
            TextEdit::singleline(&mut text)
                .id(id.with("date_edit"))
                .hint_text("2026-03-02"),
        )
        .accessible_name(name);
    let mut changed = false;
    let mut invalid = false;
    if response.changed() {
        match read(&text) {
            Ok(v) if v != *value => {
                *value = v;
                changed = true;
            }
            Ok(_) => {}
            Err(()) => invalid = true,
        }
        ui.data_mut(|d| d.insert_temp(key, text.clone()));
    } else if stored.is_some() {
        invalid = read(&text).is_err();
    }
    if response.lost_focus() || (!response.has_focus() && stored.is_some()) {
        ui.data_mut(|d| d.remove::<String>(key));
    }
    if invalid {
        ui.painter().rect_stroke(
            response.rect.expand(1.0),
            2.0,
            egui::Stroke::new(1.5, Color32::from_rgb(200, 30, 30)),
            egui::StrokeKind::Outside,
        );
    }
    changed
}

/// A text cell of an editable table, named for screen readers.
pub fn text_cell(ui: &mut Ui, text: &mut String, name: &str, width: f32) {
    // Sized, not only a desired width: a grid's cell would keep it narrow.
    ui.add_sized(egui::vec2(width, 20.0), TextEdit::singleline(text))
        .accessible_name(name);
}
