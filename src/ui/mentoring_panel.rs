//! The Program tab's clinical mentoring: the facilities of the referral
//! network with their links, the visit plan (overdue visits marked), the
//! checklist (the example to start from, or a file) and the scoring of a
//! visit item by item, with the scores per group and in all.

use egui::{RichText, Ui};

use super::command::{Command, ProgramFile};
use super::program_widgets::{date_field, sheet_grid, text_cell};
use super::view::View;
use crate::i18n::T;
use crate::io::programs::sheets::kind_text;
use crate::model::Lang;
use crate::model::programs::{
    Facility, FacilityKind, ItemScore, Mentoring, Programs, Scale, Visit, example_checklist,
    visit_score,
};

pub fn mentoring_ui(
    ui: &mut Ui,
    p: &mut Programs,
    view: &View,
    scored: &mut Option<usize>,
    commands: &mut Vec<Command>,
) {
    let lang = view.lang;
    let t = |k: T| lang.t(k);
    let m = &mut p.mentoring;
    ui.label(t(T::programs_ui_mentoring_intro));
    egui::CollapsingHeader::new(
        lang.tf(T::programs_ui_facilities, &[("count", &m.facilities.len())]),
    )
    .id_salt("facilities")
    .default_open(true)
    .show(ui, |ui| facilities_grid(ui, &mut m.facilities, lang));
    let today = view.results.programs.today;
    egui::CollapsingHeader::new(lang.tf(T::programs_ui_visits, &[("count", &m.visits.len())]))
        .id_salt("visits")
        .default_open(true)
        .show(ui, |ui| visits_grid(ui, m, today, lang));
    ui.separator();
    if let Some(s) = &view.results.programs.facilities {
        sheet_grid(ui, s, lang);
    }
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(t(T::programs_ui_checklist)).strong());
        if m.checklist.groups.is_empty() {
            ui.weak(t(T::programs_ui_no_checklist));
        } else {
            let name = RichText::new(&m.checklist.name);
            ui.label(if m.checklist.is_example {
                name.color(ui.visuals().warn_fg_color)
            } else {
                name
            });
        }
    });
    ui.horizontal_wrapped(|ui| {
        if ui.button(t(T::programs_ui_load_example)).clicked() {
            m.checklist = example_checklist(lang);
        }
        if ui.button(t(T::programs_ui_import_checklist)).clicked() {
            commands.push(Command::ImportProgramFile(ProgramFile::Checklist));
        }
    });
    scoring_ui(ui, m, scored, lang);
    if let Some(s) = &view.results.programs.scores {
        ui.separator();
        sheet_grid(ui, s, lang);
        let trends = &view.results.programs.trends;
        super::program_charts::percent_chart(ui, "mentoring_trend", trends, true, lang);
    }
}

fn facilities_grid(ui: &mut Ui, facilities: &mut Vec<Facility>, lang: Lang) {
    let t = |k: T| lang.t(k);
    let mut remove = None;
    egui::Grid::new("facilities_grid")
        .striped(true)
        .show(ui, |ui| {
            for h in [
                T::programs_col_facility,
                T::programs_col_kind,
                T::programs_col_refers_to,
                T::programs_ui_region,
            ] {
                ui.label(RichText::new(t(h)).strong());
            }
            ui.end_row();
            for (i, f) in facilities.iter_mut().enumerate() {
                text_cell(ui, &mut f.name, t(T::programs_col_facility), 160.0);
                egui::ComboBox::from_id_salt(("kind", i))
                    .selected_text(kind_text(f.kind, lang))
                    .show_ui(ui, |ui| {
                        for k in FacilityKind::ALL {
                            ui.selectable_value(&mut f.kind, k, kind_text(k, lang));
                        }
                    })
                    .response
                    .accessible_name(format!("{} {}", t(T::programs_col_kind), i + 1));
                text_cell(ui, &mut f.refers_to, t(T::programs_col_refers_to), 140.0);
                text_cell(ui, &mut f.region, t(T::programs_ui_region), 110.0);
                if ui
                    .small_button("×")
                    .on_hover_text(t(T::programs_ui_remove))
                    .clicked()
                {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
    if let Some(i) = remove {
        facilities.remove(i);
    }
    if ui.button(t(T::programs_ui_add_facility)).clicked() {
        facilities.push(Facility {
            name: format!("{} {}", t(T::programs_col_facility), facilities.len() + 1),
            ..Facility::default()
        });
    }
}

fn visits_grid(
    ui: &mut Ui,
    m: &mut Mentoring,
    today: Option<crate::model::programs::Date>,
    lang: Lang,
) {
    let t = |k: T| lang.t(k);
    let mut remove = None;
    let names: Vec<String> = m.facilities.iter().map(|f| f.name.clone()).collect();
    let overdue: Vec<bool> = m
        .visits
        .iter()
        .map(|v| today.is_some_and(|d| m.visit_overdue(v, d)))
        .collect();
    egui::Grid::new("visits_grid").striped(true).show(ui, |ui| {
        for h in [
            T::programs_col_facility,
            T::programs_col_date,
            T::programs_col_team,
            T::programs_status_done,
            T::programs_col_status,
        ] {
            ui.label(RichText::new(t(h)).strong());
        }
        ui.end_row();
        for (i, v) in m.visits.iter_mut().enumerate() {
            egui::ComboBox::from_id_salt(("visit_facility", i))
                .selected_text(&v.facility)
                .show_ui(ui, |ui| {
                    for n in &names {
                        ui.selectable_value(&mut v.facility, n.clone(), n);
                    }
                })
                .response
                .accessible_name(format!("{} {}", t(T::programs_col_facility), i + 1));
            date_field(
                ui,
                &mut v.date,
                ui.scope_id().with(("visit_date", i)),
                t(T::programs_col_date),
            );
            text_cell(ui, &mut v.team, t(T::programs_col_team), 140.0);
            ui.checkbox(&mut v.done, "").accessible_name(format!(
                "{} {}",
                t(T::programs_status_done),
                i + 1
            ));
            if overdue.get(i).copied().unwrap_or(false) {
                ui.colored_label(ui.visuals().error_fg_color, t(T::programs_status_overdue));
            } else {
                ui.label("");
            }
            if ui
                .small_button("×")
                .on_hover_text(t(T::programs_ui_remove))
                .clicked()
            {
                remove = Some(i);
            }
            ui.end_row();
        }
    });
    if let Some(i) = remove {
        m.visits.remove(i);
    }
    if ui.button(t(T::programs_ui_add_visit)).clicked() {
        m.visits.push(Visit {
            facility: names.first().cloned().unwrap_or_default(),
            date: today,
            ..Visit::default()
        });
    }
}

/// The scoring of one visit against the checklist.
fn scoring_ui(ui: &mut Ui, m: &mut Mentoring, scored: &mut Option<usize>, lang: Lang) {
    let t = |k: T| lang.t(k);
    if m.visits.is_empty() || m.checklist.groups.is_empty() {
        return;
    }
    if scored.is_some_and(|i| i >= m.visits.len()) {
        *scored = None;
    }
    let label = |v: &Visit| {
        format!(
            "{} {}",
            v.date.map(|d| d.to_string()).unwrap_or_default(),
            v.facility
        )
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(t(T::programs_ui_score_visit));
        for (i, v) in m.visits.iter().enumerate() {
            ui.selectable_value(scored, Some(i), label(v));
        }
    });
    let Some(i) = *scored else {
        return;
    };
    let checklist = m.checklist.clone();
    let Some(visit) = m.visits.get_mut(i) else {
        return;
    };
    let result = visit_score(&checklist, visit);
    for (g, group) in checklist.groups.iter().enumerate() {
        let gs = &result.groups[g];
        ui.label(
            RichText::new(format!(
                "{} — {} {}/{}",
                group.name,
                t(T::programs_col_score),
                gs.score,
                gs.max
            ))
            .strong(),
        );
        egui::Grid::new(("score_grid", g))
            .striped(true)
            .show(ui, |ui| {
                for item in &group.items {
                    let at = visit
                        .scores
                        .iter()
                        .position(|s| s.code.eq_ignore_ascii_case(&item.code));
                    let mut score = at.and_then(|k| visit.scores[k].score);
                    let mut note = at.map(|k| visit.scores[k].note.clone()).unwrap_or_default();
                    ui.label(&item.code);
                    ui.label(&item.text);
                    let options: Vec<(Option<u32>, String)> = match item.scale {
                        Scale::ZeroToTwo => vec![
                            (None, "–".into()),
                            (Some(0), "0".into()),
                            (Some(1), "1".into()),
                            (Some(2), "2".into()),
                        ],
                        Scale::YesNo => vec![
                            (None, "–".into()),
                            (Some(1), t(T::programs_ui_yes).into()),
                            (Some(0), t(T::programs_ui_no).into()),
                        ],
                    };
                    ui.horizontal(|ui| {
                        for (value, text) in &options {
                            ui.radio_value(&mut score, *value, text.as_str())
                                .accessible_name(format!("{} {}", item.code, text));
                        }
                    });
                    text_cell(
                        ui,
                        &mut note,
                        &format!("{} {}", t(T::programs_ui_note), item.code),
                        160.0,
                    );
                    ui.end_row();
                    let old = at.map(|k| (visit.scores[k].score, visit.scores[k].note.clone()));
                    if old != Some((score, note.clone()))
                        && (at.is_some() || score.is_some() || !note.is_empty())
                    {
                        match at {
                            Some(k) => {
                                visit.scores[k].score = score;
                                visit.scores[k].note = note;
                            }
                            None => visit.scores.push(ItemScore {
                                code: item.code.clone(),
                                score,
                                note,
                            }),
                        }
                    }
                }
            });
    }
    let share = result
        .share()
        .map(|s| format!("{}%", crate::model::number::fmt_fixed(s * 100.0, 2, lang)))
        .unwrap_or_default();
    ui.label(
        RichText::new(format!(
            "{}: {}/{} {}",
            t(T::programs_ui_total),
            result.score,
            result.max,
            share
        ))
        .strong(),
    );
}
