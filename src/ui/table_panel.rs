//! The year-by-year table: sortable by any column, copyable as text that
//! pastes into Excel.

use egui::Ui;
use egui_extras::{Column, TableBuilder};

use crate::io::report::{table_cells, table_headings};
use crate::model::explain::Fmt;
use crate::model::{YearKind, YearRow};

#[derive(Default)]
pub struct TablePanel {
    /// Column sorted by, and ascending; `None` is by year.
    pub sort: Option<(usize, bool)>,
}

/// The value a column sorts by.
fn sort_key(r: &YearRow, col: usize) -> f64 {
    let o = |x: Option<f64>| x.unwrap_or(f64::NEG_INFINITY);
    match col {
        0 => r.year as f64,
        1 => match r.kind {
            YearKind::Data => 0.0,
            YearKind::Projection => 1.0,
        },
        2 => o(r.population),
        3 => o(r.cbr),
        4 => o(r.births),
        5 => r.pregnant_women,
        6 => o(r.growth),
        7 => r.projected_pregnant_women,
        8 => r.midwives_needed,
        9 => o(r.midwives_available),
        _ => o(r.gap),
    }
}

impl TablePanel {
    /// The rows in the chosen order.
    pub fn sorted<'a>(&self, rows: &'a [YearRow]) -> Vec<&'a YearRow> {
        let mut v: Vec<&YearRow> = rows.iter().collect();
        if let Some((col, asc)) = self.sort {
            v.sort_by(|a, b| {
                let o = sort_key(a, col).total_cmp(&sort_key(b, col));
                if asc { o } else { o.reverse() }
            });
        }
        v
    }

    /// The table as tab-separated text (headings first), in the shown order.
    pub fn as_text(&self, rows: &[YearRow], f: Fmt, with_midwives: bool) -> String {
        let heads = table_headings(f.lang);
        let n = if with_midwives { heads.len() } else { 9 };
        let mut out = heads[..n].join("\t");
        out.push('\n');
        for r in self.sorted(rows) {
            out.push_str(&table_cells(r, f)[..n].join("\t"));
            out.push('\n');
        }
        out
    }

    pub fn ui(&mut self, ui: &mut Ui, rows: &[YearRow], f: Fmt, with_midwives: bool) {
        let lang = f.lang;
        ui.horizontal(|ui| {
            if ui
                .button(lang.pick("Salin tabel", "Copy table"))
                .on_hover_text(lang.pick(
                    "Menyalin tabel (dipisah tab) untuk ditempel ke Excel atau laporan.",
                    "Copies the table (tab-separated) to paste into Excel or a report.",
                ))
                .clicked()
            {
                ui.ctx().copy_text(self.as_text(rows, f, with_midwives));
            }
            ui.label(
                egui::RichText::new(lang.pick(
                    "Klik judul kolom untuk mengurutkan.",
                    "Click a column heading to sort.",
                ))
                .small(),
            );
        });
        let heads = table_headings(lang);
        let n = if with_midwives { heads.len() } else { 9 };
        let sorted = self.sorted(rows);
        let mut clicked = None;
        TableBuilder::new(ui)
            .striped(true)
            .resizable(true)
            .cell_layout(egui::Layout::right_to_left(egui::Align::Center))
            .columns(Column::auto().at_least(60.0), n)
            .header(22.0, |mut h| {
                for (i, head) in heads.iter().take(n).enumerate() {
                    h.col(|ui| {
                        let mark = match self.sort {
                            Some((c, true)) if c == i => " (+)",
                            Some((c, false)) if c == i => " (−)",
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
                            clicked = Some(i);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(20.0, sorted.len(), |mut row| {
                    let r = sorted[row.index()];
                    let cells = table_cells(r, f);
                    for c in cells.iter().take(n) {
                        row.col(|ui| {
                            if r.kind == YearKind::Projection {
                                ui.label(egui::RichText::new(c).italics());
                            } else {
                                ui.label(c);
                            }
                        });
                    }
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
