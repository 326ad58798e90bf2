//! "Beban kerja": the full workload method (WHO WISN / Kemenkes ABK-Kes)
//! for one year, and the need by activity over the projection years. The
//! activity table and choices are part of the scenario (saved, undoable);
//! every figure comes from the engine (`model::staffing`) through the
//! document's computed results; no formula lives here.

use egui::{RichText, Ui};

use crate::chart;
use crate::i18n::T;
use crate::model::Lang;
use crate::model::number::{fmt_fixed, fmt_trim};
use crate::model::projection::{YearKind, YearRow};
use crate::model::staffing::{
    Activity, ActivityKind, ActivityPreset, AvailableChoice, AvailableTime, FinalRounding,
    IntermediateRounding, Method, PerPerson, PlannedActivity, StaffingError, StaffingResult,
    VolumeRule, WorkloadSetup,
};

use super::command::Command;
use super::document::StaffingView;
use super::stacked_chart;
use super::view::View;
use super::volume_rules::{RULES, rule_label, same_rule};
use super::widgets::{number_field, number_row, optional_number_field, steps_ui};

/// The workload tab. Its set-up lives in the scenario (`WorkloadSetup`):
/// the panel edits a copy during the frame and returns it as a command.
#[derive(Default)]
pub struct WorkloadPanel {
    setup: WorkloadSetup,
    /// Set when the planner asked to import an activity table.
    import_requested: bool,
}

impl WorkloadPanel {
    /// Chooses `preset`; its activity table is made by the results.
    fn choose(&mut self, preset: ActivityPreset) {
        self.setup.plan.clear();
        self.setup.preset = Some(preset);
        self.setup.edited = false;
    }

    /// Draws the tab from the computed figures of what is shown; returns
    /// the edited set-up and the request to import an activity table.
    pub fn ui(&mut self, ui: &mut Ui, view: &View) -> Vec<Command> {
        let (Some(staffing), Some((_, p))) = (&view.results.staffing, view.results.ok()) else {
            return Vec::new();
        };
        let lang = view.lang;
        let t = |k: T| lang.t(k);
        let base_year = p.base_year;
        let rows = view.rows;
        self.setup = staffing.setup.clone();
        // A narrow window scrolls sideways rather than cutting the table off.
        egui::ScrollArea::both()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(t(T::workload_panel_preset));
                    for p in [ActivityPreset::PaperAncOnly, ActivityPreset::PuskesmasFull] {
                        let on = self.setup.preset == Some(p) && !self.setup.edited;
                        if ui.selectable_label(on, p.name(lang)).clicked() {
                            self.choose(p);
                        }
                    }
                });
                self.anc_standard_ui(ui, view);
                self.options_ui(ui, rows, base_year, lang);
                ui.separator();
                self.table_ui(ui, &staffing.derived_units, lang);
                self.assumptions_ui(ui, lang);
                ui.separator();
                self.results_ui(ui, view, staffing);
            });
        let mut out = Vec::new();
        if std::mem::take(&mut self.import_requested) {
            out.push(Command::ImportActivities);
        }
        if self.setup != staffing.setup {
            out.push(Command::SetWorkload(Box::new(self.setup.clone())));
        }
        out
    }

    /// Which ANC standard the workload counts: the visits of the volume
    /// assumptions when an activity's volume comes from ANC visits, beside
    /// the visits of the projection's package in the left panel.
    fn anc_standard_ui(&self, ui: &mut Ui, view: &View) {
        let lang = view.lang;
        let by_visits = self.setup.plan.iter().any(|p| {
            matches!(
                p.rule,
                VolumeRule::Derived {
                    per_person: PerPerson::AncVisitsByMidwife,
                    ..
                }
            )
        });
        let panel = fmt_fixed(view.doc.params.anc.visits.len() as f64, 0, lang);
        let text = if by_visits {
            let a = &self.setup.assumptions;
            lang.tf(
                T::workload_anc_standard_visits,
                &[
                    ("visits", &fmt_trim(a.anc_visits, 2, lang)),
                    ("doctor", &fmt_trim(a.anc_doctor_visits, 2, lang)),
                    (
                        "midwife",
                        &fmt_trim(a.anc_visits - a.anc_doctor_visits, 2, lang),
                    ),
                    ("panel", &panel),
                ],
            )
        } else {
            lang.tf(T::workload_anc_standard_package, &[("panel", &panel)])
        };
        ui.label(RichText::new(text).small());
    }

    fn options_ui(&mut self, ui: &mut Ui, rows: &[YearRow], base_year: i32, lang: Lang) {
        let t = |k: T| lang.t(k);
        // Each choice on a line of its own, so that no option is left alone
        // on a line (or cut off at the window's edge).
        ui.horizontal_wrapped(|ui| {
            ui.label(t(T::workload_panel_method));
            ui.radio_value(&mut self.setup.method, Method::Wisn, "WISN (WHO)");
            ui.radio_value(&mut self.setup.method, Method::Abk, "ABK-Kes (Kemenkes)");
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(t(T::workload_panel_intermediate_rounding));
            ui.radio_value(
                &mut self.setup.rounding,
                IntermediateRounding::Exact,
                t(T::workload_panel_exact),
            );
            ui.radio_value(
                &mut self.setup.rounding,
                IntermediateRounding::Worksheet,
                t(T::workload_panel_as_the_worksheet),
            );
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(t(T::workload_panel_final_rounding));
            ui.radio_value(
                &mut self.setup.final_rounding,
                FinalRounding::Nearest,
                t(T::workload_panel_nearest),
            );
            ui.radio_value(
                &mut self.setup.final_rounding,
                FinalRounding::Up,
                t(T::workload_panel_up),
            );
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(t(T::workload_panel_available_time));
            let av = &mut self.setup.available;
            ui.radio_value(
                av,
                AvailableChoice::Scenario,
                t(T::workload_panel_scenario_s_wke),
            )
            .on_hover_text(t(T::workload_panel_the_effective_working_time_of));
            ui.radio_value(
                av,
                AvailableChoice::Kemenkes6Day,
                t(T::workload_panel_abk_kes_6_day_week),
            )
            .on_hover_text(t(T::workload_panel_kemenkes_preset_312_48_days));
            ui.radio_value(
                av,
                AvailableChoice::Kemenkes5Day,
                t(T::workload_panel_abk_kes_5_day_week),
            )
            .on_hover_text(t(T::workload_panel_kemenkes_preset_260_48_212));
            ui.radio_value(
                av,
                AvailableChoice::Rounded1200Hours,
                t(T::workload_panel_1_200_h_rounded),
            )
            .on_hover_text(t(T::workload_panel_many_district_abk_kes_worksheets));
            let own = matches!(av, AvailableChoice::Minutes(_));
            if ui.radio(own, t(T::workload_panel_set_by_hand)).clicked() && !own {
                *av = AvailableChoice::Minutes(69_825.0);
            }
            if let AvailableChoice::Minutes(m) = av {
                let name = t(T::workload_panel_available_minutes_a_year);
                let id = ui.scope_id().with("workload_available_minutes");
                number_field(ui, m, 1, lang, id, name, 80.0);
                ui.label(t(T::workload_panel_min_year));
            }
        });
        ui.horizontal_wrapped(|ui| {
            let year = self.setup.year.unwrap_or(base_year);
            let label = |r: &YearRow| {
                let kind = match r.kind {
                    YearKind::Data => t(T::workload_panel_data),
                    YearKind::Projection => t(T::workload_panel_projection),
                };
                format!("{} ({kind})", r.year)
            };
            let selected = rows
                .iter()
                .find(|r| r.year == year)
                .map(label)
                .unwrap_or_else(|| year.to_string());
            egui::ComboBox::from_label(t(T::workload_panel_year_computed))
                .selected_text(selected)
                .height(300.0)
                .show_ui(ui, |ui| {
                    for r in rows {
                        // Choosing the year already shown changes nothing
                        // (and leaves no undo step).
                        if ui.selectable_label(r.year == year, label(r)).clicked() && r.year != year
                        {
                            self.setup.year = Some(r.year);
                        }
                    }
                });
            ui.separator();
            let name = t(T::workload_panel_midwives_in_post);
            ui.label(name);
            let id = ui.scope_id().with("workload_existing");
            optional_number_field(ui, &mut self.setup.existing, 2, lang, id, name, 70.0)
                .0
                .on_hover_text(t(T::workload_panel_optional_empty_the_midwives_of));
        });
    }

    /// The assumptions that turn a year's births into the volumes of the
    /// derived activities.
    fn assumptions_ui(&mut self, ui: &mut Ui, lang: Lang) {
        let t = |k: T| lang.t(k);
        egui::CollapsingHeader::new(t(T::workload_panel_volume_assumptions_from_the_population))
            .id_salt("workload_assumptions")
            .show(ui, |ui| {
                let a = &mut self.setup.assumptions;
                let rows: [(&str, &str, &mut f64, &str); 8] = [
                    (
                        t(T::workload_panel_pregnant_women_per_birth),
                        t(T::workload_panel_who_coefficient_used_by_kemenkes),
                        &mut a.pregnant_per_birth,
                        "",
                    ),
                    (
                        t(T::workload_panel_deliveries_per_birth),
                        t(T::workload_panel_deliveries_and_postpartum_women_per),
                        &mut a.deliveries_per_birth,
                        "",
                    ),
                    (
                        t(T::workload_panel_anc_visits_per_woman),
                        t(T::workload_panel_permenkes_21_2021_at_least),
                        &mut a.anc_visits,
                        "",
                    ),
                    (
                        t(T::workload_panel_of_which_by_a_doctor),
                        t(T::workload_panel_permenkes_21_2021_2_trimesters),
                        &mut a.anc_doctor_visits,
                        "",
                    ),
                    (
                        t(T::workload_panel_postpartum_visits_per_woman),
                        t(T::workload_panel_kf1_kf4_4),
                        &mut a.kf_visits,
                        "",
                    ),
                    (
                        t(T::workload_panel_neonatal_visits_per_newborn),
                        t(T::workload_panel_kn1_kn3_3),
                        &mut a.kn_visits,
                        "",
                    ),
                    (
                        t(T::workload_panel_obstetric_complications),
                        t(T::workload_panel_percent_of_pregnant_women_planning),
                        &mut a.obstetric_complication_percent,
                        "%",
                    ),
                    (
                        t(T::workload_panel_neonatal_complications),
                        t(T::workload_panel_percent_of_newborns_planning_assumption),
                        &mut a.neonatal_complication_percent,
                        "%",
                    ),
                ];
                for (label, tip, value, unit) in rows {
                    number_row(ui, label, tip, value, 2, lang, unit);
                }
            });
    }

    fn table_ui(&mut self, ui: &mut Ui, derived: &[Option<f64>], lang: Lang) {
        let t = |k: T| lang.t(k);
        let mut remove = None;
        let mut changed = false;
        // The name column fits the longest name (up to a limit; a longer
        // name shows whole on hover).
        let font = egui::TextStyle::Body.resolve(ui.style());
        let name_width = self
            .setup
            .plan
            .iter()
            .map(|p| {
                ui.ctx().fonts_mut(|f| {
                    f.layout_no_wrap(p.activity.name.clone(), font.clone(), egui::Color32::WHITE)
                        .size()
                        .x
                })
            })
            .fold(160.0_f32, f32::max)
            .min(420.0)
            + 16.0;
        egui::Grid::new("workload_activities")
            .striped(true)
            .num_columns(6)
            .show(ui, |ui| {
                ui.strong(t(T::workload_panel_activity));
                ui.strong(t(T::workload_panel_kind));
                ui.strong(t(T::workload_panel_minutes_per_unit));
                ui.strong(t(T::workload_panel_units_a_year));
                ui.strong(t(T::workload_panel_staff_doing_it));
                ui.label("");
                ui.end_row();
                for (i, p) in self.setup.plan.iter_mut().enumerate() {
                    let n = i + 1;
                    let a = &mut p.activity;
                    changed |= ui
                        .add_sized(
                            [name_width, ui.spacing().interact_size.y],
                            egui::TextEdit::singleline(&mut a.name),
                        )
                        .accessible_name(format!("{} {n}", t(T::workload_panel_activity_name)))
                        .on_hover_text(a.name.as_str())
                        .changed();
                    let before = a.kind;
                    egui::ComboBox::from_id_salt(("workload_kind", i))
                        .selected_text(a.kind.label(lang))
                        .show_ui(ui, |ui| {
                            for k in ActivityKind::ALL {
                                ui.selectable_value(&mut a.kind, k, k.label(lang));
                            }
                        })
                        .response
                        .accessible_name(format!("{} {n}", t(T::workload_panel_activity_kind)));
                    changed |= a.kind != before;
                    let name = format!("{} {n}", t(T::workload_panel_minutes_per_unit));
                    let id = ui.scope_id().with(("workload_minutes", i));
                    changed |=
                        number_field(ui, &mut a.minutes_per_unit, 3, lang, id, &name, 70.0).1;
                    let units_now = derived.get(i).copied().flatten();
                    let before_rule = p.rule;
                    ui.horizontal(|ui| {
                        egui::ComboBox::from_id_salt(("workload_rule", i))
                            .selected_text(rule_label(&p.rule, lang))
                            .width(230.0)
                            .show_ui(ui, |ui| {
                                for rule in RULES {
                                    let rule = match (rule, p.rule) {
                                        (
                                            VolumeRule::Derived {
                                                group, per_person, ..
                                            },
                                            VolumeRule::Derived {
                                                coverage_percent, ..
                                            },
                                        ) => VolumeRule::Derived {
                                            group,
                                            per_person,
                                            coverage_percent,
                                        },
                                        (r, _) => r,
                                    };
                                    let on = same_rule(&p.rule, &rule);
                                    if ui.selectable_label(on, rule_label(&rule, lang)).clicked()
                                        && !on
                                    {
                                        p.rule = rule;
                                    }
                                }
                            })
                            .response
                            .on_hover_text(rule_label(&p.rule, lang))
                            .accessible_name(format!("{} {n}", t(T::workload_panel_volume_source)));
                        if !same_rule(&before_rule, &p.rule) {
                            changed = true;
                            // A row made "recorded" keeps the volume it had.
                            if p.rule == VolumeRule::Recorded
                                && let Some(u) = units_now
                            {
                                a.units_per_year = u;
                            }
                        }
                        match p.rule {
                            VolumeRule::Recorded => {
                                let name = format!("{} {n}", t(T::workload_panel_units_a_year));
                                let id = ui.scope_id().with(("workload_units", i));
                                changed |= number_field(
                                    ui,
                                    &mut a.units_per_year,
                                    2,
                                    lang,
                                    id,
                                    &name,
                                    90.0,
                                )
                                .1;
                            }
                            VolumeRule::Derived {
                                group,
                                per_person,
                                coverage_percent,
                            } => {
                                let units = derived.get(i).copied().flatten();
                                let text = units
                                    .map(|u| fmt_fixed(u, 0, lang))
                                    .unwrap_or_else(|| "-".into());
                                ui.label(text).on_hover_text(format!(
                                    "{} × {}% × {}",
                                    group.label(lang),
                                    fmt_trim(coverage_percent, 2, lang),
                                    fmt_trim(per_person.value(&self.setup.assumptions), 3, lang)
                                ));
                            }
                        }
                    });
                    if a.kind == ActivityKind::Individual {
                        let name = format!("{} {n}", t(T::workload_panel_staff_doing_it));
                        let id = ui.scope_id().with(("workload_staff", i));
                        changed |= number_field(ui, &mut a.staff, 2, lang, id, &name, 50.0).1;
                    } else {
                        ui.label("-");
                    }
                    if ui
                        .small_button("×")
                        .on_hover_text(t(T::workload_panel_remove_row))
                        .accessible_name(format!("{} {n}", t(T::workload_panel_remove_row)))
                        .clicked()
                    {
                        remove = Some(i);
                    }
                    ui.end_row();
                }
            });
        if let Some(i) = remove {
            self.setup.plan.remove(i);
            changed = true;
        }
        ui.horizontal(|ui| {
            if ui.button(t(T::workload_panel_add_activity)).clicked() {
                self.setup.plan.push(PlannedActivity {
                    activity: Activity::new(
                        t(T::workload_panel_new_activity),
                        ActivityKind::Service,
                        30.0,
                        0.0,
                        0.0,
                    ),
                    rule: VolumeRule::Recorded,
                    source: String::new(),
                });
                changed = true;
            }
            if ui
                .button(t(T::workload_panel_import_activities_csv_excel))
                .on_hover_text(t(T::workload_panel_an_abk_kes_sheet_columns))
                .clicked()
            {
                self.import_requested = true;
            }
            ui.label(
                RichText::new(t(T::workload_panel_units_a_year_without_a))
                    .small()
                    .weak(),
            );
        });
        if changed {
            self.setup.edited = true;
        }
    }

    fn results_ui(&mut self, ui: &mut Ui, view: &View, staffing: &StaffingView) {
        let lang = view.lang;
        let t = |k: T| lang.t(k);
        let (available, result, steps) = match &staffing.outcome {
            Ok(o) => o,
            Err(msg) => {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("{} {msg}", t(T::workload_panel_error)),
                );
                return;
            }
        };
        let year = staffing.year.as_ref().map_or(0, |(row, _)| row.year);
        ui.columns(2, |cols| {
            self.summary_ui(&mut cols[0], result, available, year, lang);
            if let Some((_, from)) = staffing.carried {
                let text = lang.tf(
                    T::workload_carried_forward,
                    &[("from", &from), ("year", &year)],
                );
                cols[0].label(RichText::new(text).small().weak());
            }
            if let Some(by_year) = &view.results.staffing_by_year {
                self.chart_ui(&mut cols[1], by_year, lang);
            }
        });
        egui::CollapsingHeader::new(t(T::workload_panel_working_step_by_step))
            .default_open(false)
            .show(ui, |ui| {
                steps_ui(ui, steps, 4.0);
            });
    }

    fn summary_ui(
        &self,
        ui: &mut Ui,
        r: &StaffingResult,
        available: &AvailableTime,
        year: i32,
        lang: Lang,
    ) {
        let t = |k: T| lang.t(k);
        let abk = r.method == Method::Abk;
        let ws = r.rounding == IntermediateRounding::Worksheet;
        let factor_decimals = if ws { 2 } else { 4 };
        ui.strong(format!("{} {year}", t(T::workload_panel_result_for)));
        ui.label(format!(
            "{} ({}): {} {}",
            t(T::workload_panel_available_working_time),
            if abk { "WKT" } else { "AWT" },
            fmt_trim(available.minutes, 2, lang),
            t(T::workload_panel_min_year),
        ))
        .on_hover_text(t(T::workload_panel_from_the_scenario_s_working));
        ui.label(format!(
            "{}: {}",
            if abk {
                "JKT"
            } else {
                t(T::workload_panel_service_staff)
            },
            fmt_fixed(r.service_staff, 2, lang)
        ))
        .on_hover_text(t(if abk {
            T::workload_tip_jkt
        } else {
            T::workload_tip_service_staff
        }));
        ui.label(format!(
            "{}: {}",
            if abk { "STP" } else { "CAF" },
            fmt_fixed(r.allowance_factor, factor_decimals, lang)
        ))
        .on_hover_text(t(if abk {
            T::workload_tip_stp
        } else {
            T::workload_tip_caf
        }));
        ui.label(format!(
            "IAF: {}",
            fmt_fixed(r.individual_allowance, 2, lang)
        ))
        .on_hover_text(t(T::workload_tip_iaf));
        ui.label(RichText::new(t(T::workload_sbk_line)).small().weak())
            .on_hover_text(t(T::workload_tip_sbk));
        ui.label(
            RichText::new(format!(
                "{}: {}",
                t(T::workload_panel_midwives_required),
                fmt_fixed(r.required, 2, lang)
            ))
            .strong(),
        );
        ui.label(format!(
            "{}: {}",
            t(T::workload_panel_rounded),
            fmt_fixed(r.required_rounded, 0, lang)
        ));
        match (r.existing, r.difference, r.ratio) {
            (Some(e), Some(d), ratio) => {
                ui.label(format!(
                    "{}: {}",
                    t(T::workload_panel_midwives_in_post),
                    fmt_trim(e, 2, lang)
                ));
                ui.label(format!(
                    "{}: {} ({} {})",
                    t(T::workload_panel_difference_in_post_required),
                    fmt_fixed(d, 2, lang),
                    t(T::workload_panel_rounded_2),
                    fmt_fixed(r.difference_rounded.unwrap_or(d), 0, lang)
                ));
                if let Some(q) = ratio {
                    ui.label(format!(
                        "{}: {} ({})",
                        t(T::workload_panel_ratio),
                        fmt_fixed(q, 2, lang),
                        r.ratio_reading(lang).unwrap_or("")
                    ));
                }
            }
            _ => {
                ui.label(RichText::new(t(T::workload_panel_give_the_midwives_in_post)).weak());
            }
        }
    }

    /// The stacked bars of the staffing by year computed with the results.
    fn chart_ui(
        &self,
        ui: &mut Ui,
        by_year: &Result<Vec<(i32, StaffingResult)>, StaffingError>,
        lang: Lang,
    ) {
        let by_year = match by_year {
            Ok(y) => y,
            Err(e) => {
                ui.strong(chart::workload_heading(lang));
                ui.colored_label(ui.visuals().error_fg_color, e.message(lang));
                return;
            }
        };
        let spec = chart::workload_chart(by_year, "", "", "", lang);
        let names: Vec<String> = self
            .setup
            .plan
            .iter()
            .map(|p| p.activity.name.clone())
            .collect();
        stacked_chart::show(ui, "workload_by_activity", &spec, &names);
    }
}
