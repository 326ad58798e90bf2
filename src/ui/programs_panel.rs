//! The Program tab: the internship of newly posted village midwives at
//! partner clinics (the interns, the clinics, the length and period, then
//! the rotation and what each intern can expect), clinical mentoring (see
//! `mentoring_panel`) and the district's delivery indicators. Edits go back
//! as one [`Command::SetPrograms`], so undo covers them.

use egui::{RichText, Ui};

use super::command::{Command, ProgramFile};
use super::program_widgets::{date_field, sheet_grid, text_cell};
use super::view::View;
use super::widgets::{number_field, optional_number_field};
use crate::i18n::T;
use crate::model::Lang;
use crate::model::programs::internship::interns_from_intake;
use crate::model::programs::{
    CaseEntry, Clinic, HelperRole, IndicatorYear, Intern, Period, Programs,
};

/// Which part of the tab is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Section {
    #[default]
    Internship,
    Mentoring,
    Indicators,
}

/// The Program tab; it keeps the part shown and the visit being scored.
#[derive(Default)]
pub struct ProgramsPanel {
    pub section: Section,
    /// The visit whose checklist is being scored.
    pub scored_visit: Option<usize>,
}

impl ProgramsPanel {
    /// Draws the tab; returns the programmes as edited, and file imports.
    pub fn ui(&mut self, ui: &mut Ui, view: &View) -> Vec<Command> {
        let lang = view.lang;
        let t = |k: T| lang.t(k);
        let mut commands = Vec::new();
        ui.horizontal(|ui| {
            ui.selectable_value(
                &mut self.section,
                Section::Internship,
                t(T::programs_ui_internship),
            );
            ui.selectable_value(
                &mut self.section,
                Section::Mentoring,
                t(T::programs_ui_mentoring),
            );
            ui.selectable_value(
                &mut self.section,
                Section::Indicators,
                t(T::programs_ui_indicators),
            );
        });
        ui.separator();
        let before = view.doc.programs.clone().unwrap_or_default();
        let mut p = before.clone();
        egui::ScrollArea::both()
            .id_salt("programs_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| match self.section {
                Section::Internship => internship_ui(ui, &mut p, view, &mut commands),
                Section::Mentoring => super::mentoring_panel::mentoring_ui(
                    ui,
                    &mut p,
                    view,
                    &mut self.scored_visit,
                    &mut commands,
                ),
                Section::Indicators => indicators_ui(ui, &mut p, view, &mut commands),
            });
        if p != before {
            commands.push(Command::SetPrograms(Some(Box::new(p))));
        }
        commands
    }
}

fn internship_ui(ui: &mut Ui, p: &mut Programs, view: &View, commands: &mut Vec<Command>) {
    let lang = view.lang;
    let t = |k: T| lang.t(k);
    let plan = &mut p.internship;
    ui.label(t(T::programs_ui_internship_intro));
    ui.horizontal_wrapped(|ui| {
        let id = ui.scope_id();
        let mut start = plan.period.map(|x| x.start);
        let mut end = plan.period.map(|x| x.end);
        ui.label(t(T::programs_ui_period));
        date_field(
            ui,
            &mut start,
            id.with("start"),
            t(T::programs_ui_period_start),
        );
        ui.label(t(T::programs_ui_to));
        date_field(ui, &mut end, id.with("end"), t(T::programs_ui_period_end));
        plan.period = match (start, end) {
            (Some(start), Some(end)) => Some(Period { start, end }),
            (Some(d), None) | (None, Some(d)) => Some(Period { start: d, end: d }),
            (None, None) => None,
        };
        ui.add_space(16.0);
        ui.label(t(T::programs_ui_days));
        ui.add(egui::DragValue::new(&mut plan.days).range(1..=9))
            .accessible_name(t(T::programs_ui_days));
    });
    ui.horizontal_wrapped(|ui| {
        if ui.button(t(T::programs_ui_import_interns)).clicked() {
            commands.push(Command::ImportProgramFile(ProgramFile::Interns));
        }
        if let Some((year, intake)) = supply_intake(view, plan.period.map(|p| p.start.year())) {
            let n = interns_from_intake(intake, year, "").len();
            let label = lang.tf(
                T::programs_ui_from_supply,
                &[("count", &n), ("year", &year)],
            );
            if ui
                .button(label)
                .on_hover_text(t(T::programs_ui_from_supply_tip))
                .clicked()
            {
                for x in interns_from_intake(intake, year, t(T::programs_new_midwife)) {
                    if !plan.interns.iter().any(|i| i.name == x.name) {
                        plan.interns.push(x);
                    }
                }
            }
        }
        if ui.button(t(T::programs_ui_import_clinics)).clicked() {
            commands.push(Command::ImportProgramFile(ProgramFile::Clinics));
        }
    });
    egui::CollapsingHeader::new(lang.tf(T::programs_ui_interns, &[("count", &plan.interns.len())]))
        .id_salt("interns")
        .default_open(true)
        .show(ui, |ui| interns_grid(ui, &mut plan.interns, lang));
    egui::CollapsingHeader::new(lang.tf(T::programs_ui_clinics, &[("count", &plan.clinics.len())]))
        .id_salt("clinics")
        .default_open(true)
        .show(ui, |ui| clinics_grid(ui, &mut plan.clinics, lang));
    ui.separator();
    match &view.results.programs.internship {
        None => {
            ui.weak(t(T::programs_ui_internship_empty));
        }
        Some(Err(e)) => {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        Some(Ok(s)) => {
            sheet_grid(ui, &s.schedule, lang);
            egui::CollapsingHeader::new(lang.t(T::calendar_by_month))
                .id_salt("month_calendar")
                .default_open(true)
                .show(ui, |ui| {
                    super::program_calendar::month_grids_ui(ui, &s.months, plan, lang)
                });
            egui::CollapsingHeader::new(lang.t(T::programs_sheet_calendar))
                .id_salt("calendar")
                .show(ui, |ui| sheet_grid(ui, &s.calendar, lang));
            ui.weak(t(T::programs_ui_expectations_note));
            sheet_grid(ui, &s.expectations, lang);
            sheet_grid(ui, &s.meetings, lang);
        }
    }
    let names: Vec<String> = plan.interns.iter().map(|i| i.name.clone()).collect();
    egui::CollapsingHeader::new(lang.tf(T::programs_ui_cases, &[("count", &plan.cases.len())]))
        .id_salt("cases")
        .default_open(true)
        .show(ui, |ui| cases_grid(ui, &mut plan.cases, &names, lang));
}

fn cases_grid(ui: &mut Ui, cases: &mut Vec<CaseEntry>, names: &[String], lang: Lang) {
    let t = |k: T| lang.t(k);
    let mut remove = None;
    egui::Grid::new("cases_grid").striped(true).show(ui, |ui| {
        for h in [
            T::programs_col_date,
            T::programs_col_intern,
            T::programs_col_anamnesis,
            T::programs_col_diagnosis,
            T::programs_col_plan,
            T::programs_col_problems,
            T::programs_col_role,
        ] {
            ui.label(RichText::new(t(h)).strong());
        }
        ui.end_row();
        for (i, c) in cases.iter_mut().enumerate() {
            let id = ui.scope_id().with(("case", i));
            date_field(ui, &mut c.date, id.with("date"), t(T::programs_col_date));
            egui::ComboBox::from_id_salt(("case_intern", i))
                .selected_text(&c.intern)
                .show_ui(ui, |ui| {
                    for n in names {
                        ui.selectable_value(&mut c.intern, n.clone(), n);
                    }
                })
                .response
                .accessible_name(format!("{} {}", t(T::programs_col_intern), i + 1));
            text_cell(ui, &mut c.anamnesis, t(T::programs_col_anamnesis), 150.0);
            text_cell(ui, &mut c.diagnosis, t(T::programs_col_diagnosis), 120.0);
            text_cell(ui, &mut c.plan, t(T::programs_col_plan), 120.0);
            text_cell(
                ui,
                &mut c.potential_problems,
                t(T::programs_col_problems),
                120.0,
            );
            let role = |r: HelperRole| match r {
                HelperRole::First => t(T::programs_role_first),
                HelperRole::Second => t(T::programs_role_second),
            };
            egui::ComboBox::from_id_salt(("case_role", i))
                .selected_text(role(c.role))
                .show_ui(ui, |ui| {
                    for r in [HelperRole::First, HelperRole::Second] {
                        ui.selectable_value(&mut c.role, r, role(r));
                    }
                })
                .response
                .accessible_name(format!("{} {}", t(T::programs_col_role), i + 1));
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
        cases.remove(i);
    }
    if ui.button(t(T::programs_ui_add_case)).clicked() {
        cases.push(CaseEntry {
            intern: names.first().cloned().unwrap_or_default(),
            ..CaseEntry::default()
        });
    }
}

/// The new midwives the supply tab's projection places: the first year
/// from `from` (default: its first) that is projected, not from the data,
/// and has an intake, with that intake.
fn supply_intake(view: &View, from: Option<i32>) -> Option<(i32, f64)> {
    let Some(Ok(o)) = &view.results.supply else {
        return None;
    };
    o.supply
        .years
        .iter()
        .filter(|y| from.is_none_or(|f| y.year >= f) && !y.from_data && y.intake >= 0.5)
        .map(|y| (y.year, y.intake))
        .next()
}

fn interns_grid(ui: &mut Ui, interns: &mut Vec<Intern>, lang: Lang) {
    let t = |k: T| lang.t(k);
    let mut remove = None;
    egui::Grid::new("interns_grid")
        .striped(true)
        .show(ui, |ui| {
            for h in [
                T::programs_col_intern,
                T::programs_col_village,
                T::programs_ui_posted,
                T::programs_ui_permitted,
                T::programs_ui_permitted_on,
                T::programs_col_village_births,
            ] {
                ui.label(RichText::new(t(h)).strong());
            }
            ui.end_row();
            for (i, x) in interns.iter_mut().enumerate() {
                let id = ui.scope_id().with(("intern", i));
                text_cell(ui, &mut x.name, t(T::programs_col_intern), 120.0);
                text_cell(ui, &mut x.village, t(T::programs_col_village), 110.0);
                date_field(
                    ui,
                    &mut x.posted,
                    id.with("posted"),
                    t(T::programs_ui_posted),
                );
                ui.checkbox(&mut x.permitted, "").accessible_name(format!(
                    "{} {}",
                    t(T::programs_ui_permitted),
                    x.name
                ));
                date_field(
                    ui,
                    &mut x.permitted_on,
                    id.with("perm"),
                    t(T::programs_ui_permitted_on),
                );
                optional_number_field(
                    ui,
                    &mut x.village_births,
                    0,
                    lang,
                    id.with("births"),
                    t(T::programs_col_village_births),
                    70.0,
                );
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
        interns.remove(i);
    }
    if ui.button(t(T::programs_ui_add_intern)).clicked() {
        interns.push(Intern {
            name: format!("{} {}", t(T::programs_col_intern), interns.len() + 1),
            ..Intern::default()
        });
    }
}

fn clinics_grid(ui: &mut Ui, clinics: &mut Vec<Clinic>, lang: Lang) {
    let t = |k: T| lang.t(k);
    let mut remove = None;
    egui::Grid::new("clinics_grid")
        .striped(true)
        .show(ui, |ui| {
            for h in [
                T::programs_col_clinic,
                T::programs_ui_deliveries,
                T::programs_ui_per_day,
                T::programs_ui_days_open,
                T::programs_ui_share,
            ] {
                ui.label(RichText::new(t(h)).strong());
            }
            ui.end_row();
            for (i, c) in clinics.iter_mut().enumerate() {
                let id = ui.scope_id().with(("clinic", i));
                text_cell(ui, &mut c.name, t(T::programs_col_clinic), 150.0);
                number_field(
                    ui,
                    &mut c.deliveries_per_year,
                    0,
                    lang,
                    id.with("deliveries"),
                    t(T::programs_ui_deliveries),
                    70.0,
                );
                ui.add(egui::DragValue::new(&mut c.interns_per_day).range(1..=50))
                    .accessible_name(t(T::programs_ui_per_day));
                ui.add(egui::DragValue::new(&mut c.days_open_per_week).range(1..=7))
                    .accessible_name(t(T::programs_ui_days_open));
                let mut percent = c.village_share * 100.0;
                let (_, changed) = number_field(
                    ui,
                    &mut percent,
                    1,
                    lang,
                    id.with("share"),
                    t(T::programs_ui_share),
                    50.0,
                );
                if changed {
                    c.village_share = (percent / 100.0).clamp(0.0, 1.0);
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
        clinics.remove(i);
    }
    if ui.button(t(T::programs_ui_add_clinic)).clicked() {
        clinics.push(Clinic::new(
            &format!("{} {}", t(T::programs_col_clinic), clinics.len() + 1),
            0.0,
        ));
    }
}

fn indicators_ui(ui: &mut Ui, p: &mut Programs, view: &View, commands: &mut Vec<Command>) {
    let lang = view.lang;
    let t = |k: T| lang.t(k);
    ui.label(t(T::programs_ui_indicators_intro));
    let ind = &mut p.indicators;
    let mut remove = None;
    egui::Grid::new("indicators_grid")
        .striped(true)
        .show(ui, |ui| {
            for h in [
                T::programs_col_year,
                T::programs_col_deliveries,
                T::programs_col_assisted,
                T::programs_col_in_facility,
            ] {
                ui.label(RichText::new(t(h)).strong());
            }
            ui.end_row();
            for (i, y) in ind.years.iter_mut().enumerate() {
                let id = ui.scope_id().with(("year", i));
                ui.add(egui::DragValue::new(&mut y.year).range(1900..=2200))
                    .accessible_name(t(T::programs_col_year));
                number_field(
                    ui,
                    &mut y.deliveries,
                    0,
                    lang,
                    id.with("d"),
                    t(T::programs_col_deliveries),
                    70.0,
                );
                number_field(
                    ui,
                    &mut y.assisted,
                    0,
                    lang,
                    id.with("a"),
                    t(T::programs_col_assisted),
                    70.0,
                );
                number_field(
                    ui,
                    &mut y.in_facility,
                    0,
                    lang,
                    id.with("f"),
                    t(T::programs_col_in_facility),
                    70.0,
                );
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
        ind.years.remove(i);
    }
    if ui.button(t(T::programs_ui_import_indicators)).clicked() {
        commands.push(Command::ImportProgramFile(ProgramFile::Indicators));
    }
    if ui.button(t(T::programs_ui_add_year)).clicked() {
        let year = ind
            .years
            .iter()
            .map(|y| y.year + 1)
            .max()
            .unwrap_or(view.doc.params.population.base_year);
        ind.years.push(IndicatorYear {
            year,
            ..IndicatorYear::default()
        });
    }
    ui.horizontal(|ui| {
        let id = ui.scope_id();
        for (target, name) in [
            (&mut ind.target_assisted, T::programs_col_target_assisted),
            (&mut ind.target_facility, T::programs_col_target_facility),
        ] {
            ui.label(t(name));
            let mut percent = target.map(|x| x * 100.0);
            let (_, changed) = optional_number_field(
                ui,
                &mut percent,
                2,
                lang,
                id.with(name as usize),
                t(name),
                60.0,
            );
            if changed {
                *target = percent.map(|x| x / 100.0);
            }
            ui.label("%");
        }
    });
    ui.separator();
    if let Some(s) = &view.results.programs.indicators {
        sheet_grid(ui, s, lang);
        let series = &view.results.programs.indicator_series;
        super::program_charts::percent_chart(ui, "indicators_chart", series, false, lang);
    }
}
