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
use crate::model::{DataRow, Lang, ModelError};

#[derive(Default)]
pub struct DataPanel;

impl DataPanel {
    /// Draws the document's data table; returns the edit made this frame
    /// as a command.
    pub fn ui(&mut self, ui: &mut Ui, view: &View) -> Vec<Command> {
        let error = match &view.results.data {
            Some(Err(e)) => Some(e),
            _ => None,
        };
        self.table(ui, &view.doc.data, error, view.lang)
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
                    rows.len(),
                    t(T::data_panel_data_rows),
                    t(T::data_panel_leave_births_pregnant_women_empty)
                ));
            }
        }
        let headings = [
            t(T::data_panel_code),
            t(T::data_panel_region_name),
            t(T::data_panel_year),
        ];
        TableBuilder::new(ui)
            .striped(true)
            .resizable(true)
            .column(Column::initial(70.0))
            .column(Column::initial(150.0))
            .column(Column::initial(60.0))
            .columns(Column::initial(100.0), NumberColumn::ALL.len())
            .column(Column::auto())
            .header(22.0, |mut h| {
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
                            .add(egui::TextEdit::singleline(&mut code).id_salt(("code", i)))
                            .accessible_name(format!("{} {n}", t(T::data_panel_code_row)));
                        if resp.changed() {
                            edit = Some(DataEdit::Code(i, code));
                        }
                    });
                    row.col(|ui| {
                        let mut name = r.region_name.to_string();
                        let resp = ui
                            .add(egui::TextEdit::singleline(&mut name).id_salt(("name", i)))
                            .accessible_name(format!("{} {n}", t(T::data_panel_name_row)));
                        if resp.changed() {
                            edit = Some(DataEdit::Name(i, name));
                        }
                    });
                    row.col(|ui| {
                        let mut year = r.year;
                        let resp = ui
                            .add(egui::DragValue::new(&mut year).range(1000..=3000))
                            .accessible_name(format!("{} {n}", t(T::data_panel_year_row)));
                        if resp.changed() {
                            edit = Some(DataEdit::Year(i, year));
                        }
                    });
                    for c in NumberColumn::ALL {
                        row.col(|ui| {
                            let mut v = c.get(r);
                            let name = format!("{} {} {n}", c.heading(lang), t(T::data_panel_row));
                            let (_, changed) = optional_number_field(
                                ui,
                                &mut v,
                                c.decimals(),
                                lang,
                                ui.scope_id().with(("data_cell", i, c as u8)),
                                &name,
                                100.0,
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
        edit
    }
}
