//! The year-by-year table: sortable by any column, copyable as text that
//! pastes into Excel.

use egui::Ui;
use egui_extras::{Column, TableBuilder};

use super::command::Command;
use super::view::View;
use super::widgets;
use crate::i18n::T;
use crate::model::YearKind;
use crate::model::YearRow;
use crate::model::explain::Fmt;
use crate::model::uncertainty::Bands;
use crate::table::Column as TableColumn;

#[derive(Default)]
pub struct TablePanel {
    /// Column sorted by, and ascending; `None` is by year.
    pub sort: Option<(TableColumn, bool)>,
}

impl TablePanel {
    /// The rows in the chosen order.
    pub fn sorted<'a>(&self, rows: &'a [YearRow]) -> Vec<&'a YearRow> {
        let mut v: Vec<&YearRow> = rows.iter().collect();
        if let Some((col, asc)) = self.sort {
            v.sort_by(|a, b| {
                let o = col.sort_key(a).total_cmp(&col.sort_key(b));
                if asc { o } else { o.reverse() }
            });
        }
        v
    }

    /// The table as tab-separated text (headings first), in the shown order.
    pub fn as_text(&self, rows: &[YearRow], f: Fmt, with_midwives: bool) -> String {
        let columns: Vec<TableColumn> = TableColumn::shown(with_midwives).collect();
        let heads: Vec<&str> = columns.iter().map(|c| c.heading(f.lang)).collect();
        let mut out = heads.join("\t");
        out.push('\n');
        for r in self.sorted(rows) {
            let cells: Vec<String> = columns.iter().map(|c| c.cell(r, f)).collect();
            out.push_str(&cells.join("\t"));
            out.push('\n');
        }
        out
    }

    /// Draws the table of the rows shown; sorting and copying stay in the
    /// panel, so it asks for nothing.
    pub fn ui(&mut self, ui: &mut Ui, view: &View) -> Vec<Command> {
        let with_midwives = view.results.ok().is_some_and(|(d, _)| d.has_midwives);
        let f = Fmt::new(view.lang, view.rounding());
        let suspect: Vec<(i32, String)> = match view.flagged_region() {
            Some(r) => view
                .rows
                .iter()
                .filter(|row| row.kind == YearKind::Data)
                .filter_map(|row| {
                    view.results
                        .suspect_reason(r, row.year, view.lang)
                        .map(|why| (row.year, why))
                })
                .collect(),
            None => Vec::new(),
        };
        self.table_ui(ui, view.rows, f, with_midwives, &suspect, view.bands);
        Vec::new()
    }

    fn table_ui(
        &mut self,
        ui: &mut Ui,
        rows: &[YearRow],
        f: Fmt,
        with_midwives: bool,
        suspect: &[(i32, String)],
        bands: Option<&Bands>,
    ) {
        let lang = f.lang;
        if !suspect.is_empty() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                lang.t(T::table_panel_suspect_note),
            );
        }
        ui.horizontal(|ui| {
            if ui
                .button(lang.t(T::table_panel_copy_table))
                .on_hover_text(lang.t(T::table_panel_copies_the_table_tab_separated))
                .clicked()
            {
                ui.ctx().copy_text(self.as_text(rows, f, with_midwives));
            }
            ui.label(egui::RichText::new(lang.t(T::table_panel_click_a_column_heading_to)).small());
        });
        let columns: Vec<TableColumn> = TableColumn::shown(with_midwives).collect();
        // With the uncertainty bands: P10, P50 and P90 of the midwives needed.
        let band_heads = bands.map(|_| {
            ["P10", "P50", "P90"].map(|q| lang.tf(T::table_panel_band_head, &[("q", &q)]))
        });
        let n = columns.len() + band_heads.as_ref().map_or(0, |h| h.len());
        let sorted = self.sorted(rows);
        let mut clicked = None;
        // A window too narrow for every column scrolls sideways.
        egui::ScrollArea::horizontal()
            .id_salt("results_table_columns")
            .show(ui, |ui| {
                TableBuilder::new(ui)
                    .id_salt("results_table")
                    .striped(true)
                    .resizable(true)
                    .cell_layout(egui::Layout::right_to_left(egui::Align::Center))
                    .columns(Column::auto().at_least(60.0), n)
                    .header(22.0, |mut h| {
                        for &column in &columns {
                            h.col(|ui| {
                                let head = column.heading(lang);
                                let mark = match self.sort {
                                    Some((c, true)) if c == column => " (+)",
                                    Some((c, false)) if c == column => " (−)",
                                    _ => "",
                                };
                                if ui
                                    .add(
                                        egui::Button::new(
                                            egui::RichText::new(format!("{head}{mark}")).strong(),
                                        )
                                        .frame(false),
                                    )
                                    .clicked()
                                {
                                    clicked = Some(column);
                                }
                            });
                        }
                        for head in band_heads.iter().flatten() {
                            h.col(|ui| {
                                ui.strong(head)
                                    .on_hover_text(lang.t(T::table_panel_band_tip));
                            });
                        }
                    })
                    .body(|body| {
                        body.rows(20.0, sorted.len(), |mut row| {
                            let r = sorted[row.index()];
                            let why = suspect.iter().find(|(y, _)| *y == r.year).map(|(_, w)| w);
                            for column in &columns {
                                let mut c = column.cell(r, f);
                                let marked = *column == TableColumn::Year && why.is_some();
                                if marked {
                                    c.push_str(" *");
                                }
                                // A shortfall shows in the error colour.
                                let short =
                                    *column == TableColumn::Gap && r.gap.is_some_and(|g| g < 0.0);
                                row.col(|ui| {
                                    let mut text = egui::RichText::new(c);
                                    if r.kind == YearKind::Projection {
                                        text = text.italics();
                                    }
                                    if short {
                                        text = text.color(ui.visuals().error_fg_color);
                                    }
                                    if marked {
                                        text = text.color(ui.visuals().warn_fg_color);
                                    }
                                    let resp = widgets::cell_label(ui, text);
                                    if let (true, Some(why)) = (marked, why) {
                                        resp.on_hover_text(why.as_str());
                                    }
                                });
                            }
                            if let Some(b) = bands {
                                let q = b.year(r.year).map(|y| y.need_band);
                                for v in [q.map(|q| q.p10), q.map(|q| q.p50), q.map(|q| q.p90)] {
                                    row.col(|ui| {
                                        widgets::cell_label(
                                            ui,
                                            v.map_or_else(String::new, |v| {
                                                crate::model::number::fmt_fixed(v, 2, lang)
                                            }),
                                        );
                                    });
                                }
                            }
                        });
                    });
            });
        if let Some(i) = clicked {
            self.sort = match self.sort {
                Some((c, true)) if c == i => Some((i, false)),
                Some((c, false)) if c == i => None,
                _ => Some((i, true)),
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::export::csv::{CSV_COLUMNS, CsvStyle, table_csv};
    use crate::io::export::xlsx::xlsx_headings;
    use crate::model::{self, Lang, Rounding, Scenario};

    #[test]
    fn window_csv_and_xlsx_headings_come_from_the_one_column_list() {
        let scenario = Scenario::example();
        let (data, proj) = model::compute(&scenario).unwrap();
        for lang in [Lang::Id, Lang::En] {
            let f = Fmt::new(lang, Rounding::Published);
            let text = TablePanel::default().as_text(&proj.total, f, true);
            let window: Vec<&str> = text.lines().next().unwrap().split('\t').collect();
            let shown: Vec<&str> = TableColumn::SHOWN.iter().map(|c| c.heading(lang)).collect();
            assert_eq!(window, shown);

            let sheet = xlsx_headings(lang);
            assert_eq!(sheet.len(), TableColumn::ALL.len());
            for (h, c) in sheet.iter().zip(TableColumn::ALL) {
                assert_eq!(*h, c.sheet_heading(lang));
            }
            // The window's columns are the files' columns, in the same order.
            let positions: Vec<usize> = TableColumn::SHOWN
                .iter()
                .map(|c| TableColumn::ALL.iter().position(|a| a == c).unwrap())
                .collect();
            assert!(positions.windows(2).all(|w| w[0] < w[1]));
        }
        let csv = table_csv(&data, &proj, CsvStyle::International);
        let header = String::from_utf8(csv).unwrap();
        let header: Vec<&str> = header.lines().next().unwrap().split(',').collect();
        let keys: Vec<&str> = TableColumn::ALL.iter().map(|c| c.key()).collect();
        assert_eq!(header, keys);
        assert_eq!(CSV_COLUMNS.to_vec(), keys);
    }
}
