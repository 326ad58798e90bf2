//! The data table embedded in the scenario, editable in place: fix a number,
//! add a year, remove a row. Numbers are checked as they are typed; problems
//! of the whole table (a gap in the years, a duplicate) are listed above it.

use egui::Ui;
use egui_extras::{Column, TableBuilder};

use super::command::Command;
use super::data_edit::{DataEdit, NumberColumn};
use super::view::View;
use super::widgets::optional_number_field;
use crate::i18n::T;
use crate::model::number::{fmt_fixed, fmt_trim};
use crate::model::{DataRow, Lang, ModelError};

/// The data table's column widths, measured once per version of the data
/// and language.
#[derive(Default)]
pub struct DataPanel {
    widths: Option<(u64, Lang, Vec<f32>)>,
}

/// The widest a name column grows; a longer name shows whole on hover.
const MAX_NAME_WIDTH: f32 = 360.0;

/// The width `text` takes in the body font.
fn text_width(ui: &Ui, text: &str) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    ui.ctx().fonts_mut(|f| {
        f.layout_no_wrap(text.to_string(), font, egui::Color32::WHITE)
            .size()
            .x
    })
}

/// The widest of `texts`, measuring only the few longest by characters.
fn widest<'a>(ui: &Ui, texts: impl Iterator<Item = &'a str>) -> f32 {
    let mut longest: Vec<&str> = texts.collect();
    longest.sort_by_key(|t| std::cmp::Reverse(t.chars().count()));
    longest
        .iter()
        .take(8)
        .map(|t| text_width(ui, t))
        .fold(0.0, f32::max)
}

/// The narrowest width that shows `heading` on at most two lines, broken
/// between words only (a single word is never broken).
fn heading_width(ui: &Ui, heading: &str) -> f32 {
    let words: Vec<&str> = heading.split_whitespace().collect();
    let whole = text_width(ui, heading);
    (1..words.len())
        .map(|k| {
            let first = text_width(ui, &words[..k].join(" "));
            first.max(text_width(ui, &words[k..].join(" ")))
        })
        .fold(whole, f32::min)
}

/// The widths of the code, name and year columns and of every number
/// column: each fits its widest value and the widest word of its heading.
/// Whether any row names the region it belongs to: the table then shows
/// the parent code beside the code.
fn has_parents(rows: &[DataRow]) -> bool {
    rows.iter().any(|r| !r.parent_code().is_empty())
}

pub fn column_widths(ui: &Ui, rows: &[DataRow], lang: Lang) -> Vec<f32> {
    let t = |k: T| lang.t(k);
    // The frame and margins of a text field around its text.
    let pad = 2.0 * ui.spacing().button_padding.x + 10.0;
    let code = widest(ui, rows.iter().map(|r| r.region_code.as_str()))
        .max(heading_width(ui, t(T::data_panel_code)));
    let name = widest(ui, rows.iter().map(|r| r.region_name.as_str()))
        .max(heading_width(ui, t(T::data_panel_region_name)));
    let year = text_width(ui, "20000").max(heading_width(ui, t(T::data_panel_year)));
    let mut out = vec![(code + pad).max(50.0)];
    if has_parents(rows) {
        let parent = widest(ui, rows.iter().map(|r| r.parent_code()))
            .max(heading_width(ui, t(T::data_parent_code)));
        out.push((parent + pad).max(50.0));
    }
    out.extend([(name + pad).clamp(90.0, MAX_NAME_WIDTH), year + pad]);
    for c in NumberColumn::ALL {
        let cells: Vec<String> = rows
            .iter()
            .filter_map(|r| c.get(r))
            .map(|v| fmt_trim(v, c.decimals(), lang))
            .collect();
        let w =
            widest(ui, cells.iter().map(String::as_str)).max(heading_width(ui, c.heading(lang)));
        out.push((w + pad).max(60.0));
    }
    out
}

impl DataPanel {
    /// Draws the document's data table; returns the edit made this frame
    /// as a command.
    pub fn ui(&mut self, ui: &mut Ui, view: &View) -> Vec<Command> {
        let error = match &view.results.data {
            Some(Err(e)) => Some(e),
            _ => None,
        };
        let key = (view.doc.data_rev, view.lang);
        let widths = match &self.widths {
            Some((rev, lang, w)) if (*rev, *lang) == key => w.clone(),
            _ => {
                let w = column_widths(ui, &view.doc.data, view.lang);
                self.widths = Some((key.0, key.1, w.clone()));
                w
            }
        };
        let lang = view.lang;
        let suspect = |r: &DataRow| {
            view.results
                .suspect_row_reason(r.region_key(), r.year, lang)
        };
        self.table(ui, &view.doc.data, error, view.lang, &widths, &suspect)
            .map(Command::EditData)
            .into_iter()
            .collect()
    }

    /// Draws `rows`; returns the edit made this frame, if any.
    fn table(
        &mut self,
        ui: &mut Ui,
        rows: &[DataRow],
        error: Option<&ModelError>,
        lang: Lang,
        widths: &[f32],
        suspect: &dyn Fn(&DataRow) -> Option<String>,
    ) -> Option<DataEdit> {
        let t = |k: T| lang.t(k);
        let mut edit = None;
        match error {
            Some(e) => {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("{} {}", lang.t(T::data_panel_error), e.message(lang)),
                );
            }
            None => {
                ui.label(format!(
                    "{} {} {}",
                    fmt_fixed(rows.len() as f64, 0, lang),
                    t(T::data_panel_data_rows),
                    t(T::data_panel_leave_births_pregnant_women_empty)
                ));
            }
        }
        let parents = has_parents(rows);
        let p = usize::from(parents);
        let mut headings = vec![t(T::data_panel_code)];
        if parents {
            headings.push(t(T::data_parent_code));
        }
        headings.extend([t(T::data_panel_region_name), t(T::data_panel_year)]);
        // A window too narrow for every column scrolls sideways rather
        // than squeezing the numbers.
        egui::ScrollArea::horizontal()
            .id_salt("data_table_columns")
            .show(ui, |ui| {
                let width = |i: usize| widths.get(i).copied().unwrap_or(100.0);
                let column = |i: usize| Column::initial(width(i)).at_least(width(i));
                // Headings take up to two lines, broken between words.
                let header_height = 2.0 * ui.text_style_height(&egui::TextStyle::Body) + 6.0;
                let mut table = TableBuilder::new(ui)
                    .id_salt("data_table")
                    .striped(true)
                    .resizable(true)
                    .column(column(0));
                if parents {
                    table = table.column(column(1));
                }
                table = table
                    .column(Column::initial(width(1 + p)).at_least(60.0))
                    .column(column(2 + p));
                for i in 0..NumberColumn::ALL.len() {
                    table = table.column(column(3 + p + i));
                }
                table
                    .column(Column::auto())
                    .header(header_height, |mut h| {
                        for head in headings {
                            h.col(|ui| {
                                ui.strong(head);
                            });
                        }
                        for c in NumberColumn::ALL {
                            h.col(|ui| {
                                ui.strong(c.heading(lang));
                            });
                        }
                        h.col(|_ui| {});
                    })
                    .body(|body| {
                        body.rows(24.0, rows.len(), |mut row| {
                            let i = row.index();
                            let r = &rows[i];
                            let n = i + 1;
                            row.col(|ui| {
                                let mut code = r.region_code.to_string();
                                let resp = ui
                                    .add(
                                        egui::TextEdit::singleline(&mut code)
                                            .id_salt(("code", i))
                                            .desired_width(ui.available_width()),
                                    )
                                    .accessible_name(format!("{} {n}", t(T::data_panel_code_row)));
                                if resp.changed() {
                                    edit = Some(DataEdit::Code(i, code));
                                }
                            });
                            if parents {
                                row.col(|ui| {
                                    let mut parent = r.parent_code().to_string();
                                    let resp =
                                        ui.add(
                                            egui::TextEdit::singleline(&mut parent)
                                                .id_salt(("parent", i))
                                                .desired_width(ui.available_width()),
                                        )
                                        .accessible_name(
                                            format!("{} {n}", t(T::data_panel_parent_row)),
                                        );
                                    if resp.changed() {
                                        edit = Some(DataEdit::Parent(i, parent));
                                    }
                                });
                            }
                            row.col(|ui| {
                                let mut name = r.region_name.to_string();
                                let resp = ui
                                    .add(
                                        egui::TextEdit::singleline(&mut name)
                                            .id_salt(("name", i))
                                            .desired_width(ui.available_width()),
                                    )
                                    .accessible_name(format!("{} {n}", t(T::data_panel_name_row)));
                                let resp = if text_width(ui, &name) + 12.0 > resp.rect.width() {
                                    resp.on_hover_text(name.as_str())
                                } else {
                                    resp
                                };
                                if resp.changed() {
                                    edit = Some(DataEdit::Name(i, name));
                                }
                            });
                            row.col(|ui| {
                                let mut year = r.year;
                                let mut resp = ui
                                    .add(egui::DragValue::new(&mut year).range(1000..=3000))
                                    .accessible_name(format!("{} {n}", t(T::data_panel_year_row)));
                                // A suspect data year is framed in the warning
                                // colour, with the reason on hover.
                                if let Some(why) = suspect(r) {
                                    ui.painter().rect_stroke(
                                        resp.rect.expand(1.0),
                                        2.0,
                                        egui::Stroke::new(2.0, ui.visuals().warn_fg_color),
                                        egui::StrokeKind::Outside,
                                    );
                                    resp = resp.on_hover_text(why);
                                }
                                if resp.changed() {
                                    edit = Some(DataEdit::Year(i, year));
                                }
                            });
                            for c in NumberColumn::ALL {
                                row.col(|ui| {
                                    let mut v = c.get(r);
                                    let name =
                                        format!("{} {} {n}", c.heading(lang), t(T::data_panel_row));
                                    let (_, changed) = optional_number_field(
                                        ui,
                                        &mut v,
                                        c.decimals(),
                                        lang,
                                        ui.scope_id().with(("data_cell", i, c as u8)),
                                        &name,
                                        ui.available_width(),
                                    );
                                    if changed {
                                        edit = Some(DataEdit::Number(i, c, v));
                                    }
                                });
                            }
                            row.col(|ui| {
                                ui.horizontal(|ui| {
                                    if ui
                                        .small_button("+")
                                        .on_hover_text(t(T::data_panel_add_the_next_year_below))
                                        .clicked()
                                    {
                                        edit = Some(DataEdit::AddYearAfter(i));
                                    }
                                    if rows.len() > 1
                                        && ui
                                            .small_button("×")
                                            .on_hover_text(t(T::data_panel_remove_this_row))
                                            .clicked()
                                    {
                                        edit = Some(DataEdit::Remove(i));
                                    }
                                });
                            });
                        });
                    });
            });
        edit
    }
}
