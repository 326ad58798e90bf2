//! The internship calendar as month grids: a week a row, Monday first,
//! each day with the interns placed there and their clinic, and the
//! monthly case meeting marked.

use egui::{RichText, Ui};

use crate::i18n::T;
use crate::model::Lang;
use crate::model::programs::Internship;
use crate::model::programs::month_grid::MonthGrid;

/// The month names, January first.
const MONTHS: [T; 12] = [
    T::calendar_month_1,
    T::calendar_month_2,
    T::calendar_month_3,
    T::calendar_month_4,
    T::calendar_month_5,
    T::calendar_month_6,
    T::calendar_month_7,
    T::calendar_month_8,
    T::calendar_month_9,
    T::calendar_month_10,
    T::calendar_month_11,
    T::calendar_month_12,
];

/// The weekday headings, Monday first.
const WEEKDAYS: [T; 7] = [
    T::calendar_mon,
    T::calendar_tue,
    T::calendar_wed,
    T::calendar_thu,
    T::calendar_fri,
    T::calendar_sat,
    T::calendar_sun,
];

/// Draws every month of `months`, the names read from `plan`.
pub fn month_grids_ui(ui: &mut Ui, months: &[MonthGrid], plan: &Internship, lang: Lang) {
    let name = |list: &[String], i: usize| list.get(i).cloned().unwrap_or_default();
    let interns: Vec<String> = plan.interns.iter().map(|i| i.name.clone()).collect();
    let clinics: Vec<String> = plan.clinics.iter().map(|c| c.name.clone()).collect();
    for m in months {
        let title = format!(
            "{} {}",
            lang.t(MONTHS[(m.month as usize).saturating_sub(1) % 12]),
            m.year
        );
        ui.label(RichText::new(title).strong());
        egui::Grid::new(("month_grid", m.year, m.month))
            .striped(true)
            .min_col_width(84.0)
            .show(ui, |ui| {
                for d in WEEKDAYS {
                    ui.strong(lang.t(d));
                }
                ui.end_row();
                for week in &m.weeks {
                    for cell in week {
                        match cell {
                            None => {
                                ui.label("");
                            }
                            Some(c) => {
                                ui.vertical(|ui| {
                                    let (_, _, day) = c.date.ymd();
                                    ui.label(RichText::new(day.to_string()).small().weak());
                                    for &(i, k) in &c.placed {
                                        ui.label(
                                            RichText::new(format!(
                                                "{} · {}",
                                                name(&interns, i),
                                                name(&clinics, k)
                                            ))
                                            .small(),
                                        );
                                    }
                                    if c.meeting {
                                        ui.label(
                                            RichText::new(lang.t(T::calendar_meeting))
                                                .small()
                                                .color(ui.visuals().warn_fg_color),
                                        );
                                    }
                                });
                            }
                        }
                    }
                    ui.end_row();
                }
            });
        ui.add_space(8.0);
    }
}
