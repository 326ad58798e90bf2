//! The left panel: every parameter of the model, in collapsible sections,
//! each with a tooltip that says what it means and where its default comes
//! from, and a "?" that opens its entry in the guide. The resulting
//! package, HKE and WKE are shown live, read from the computed results.

use egui::Ui;

use super::command::Command;
use super::document::Results;
use super::help::Topic;
use super::view::View;
use super::widgets::{number_field, number_row};
use crate::i18n::T;
use crate::model::number::fmt_auto;
use crate::model::{
    CbrTrend, GrowthMethod, Lang, Parameters, PopulationGrowth, PopulationParams, Projection,
    Rounding, StandardPreset, Visit, YearSpan,
};

/// What is shown: the projection, and whose growth the panel states.
struct Shown<'a> {
    proj: Option<&'a Projection>,
    region: Option<usize>,
    subject: &'a str,
}

/// The parameter panel (it keeps no state of its own beyond the frame).
#[derive(Default)]
pub struct ParamsPanel;

impl ParamsPanel {
    /// Draws the document's parameters; returns them as edited, if they
    /// were.
    pub fn ui(&mut self, ui: &mut Ui, view: &View) -> Vec<Command> {
        let mut params = view.doc.params.clone();
        let proj = match &view.results.projection {
            Some(Ok(p)) => Some(p),
            _ => None,
        };
        let shown = Shown {
            proj,
            region: view.region,
            subject: view.subject,
        };
        let mut out = Vec::new();
        self.sections(ui, &mut params, view.results, &shown, view.lang, &mut out);
        if params != view.doc.params {
            out.push(Command::SetParams(Box::new(params)));
        }
        out
    }

    fn sections(
        &mut self,
        ui: &mut Ui,
        params: &mut Parameters,
        results: &Results,
        shown: &Shown,
        lang: Lang,
        links: &mut Vec<Command>,
    ) {
        let t = |k: T| lang.t(k);
        egui::ScrollArea::vertical().show(ui, |ui| {
            egui::CollapsingHeader::new(t(T::params_panel_antenatal_care_standard))
                .id_salt("sec_standard")
                .default_open(true)
                .show(ui, |ui| self.standard_ui(ui, params, results, lang, links));
            egui::CollapsingHeader::new(t(T::params_panel_midwife_working_time))
                .id_salt("sec_working")
                .default_open(true)
                .show(ui, |ui| self.working_ui(ui, params, results, lang, links));
            egui::CollapsingHeader::new(t(T::params_panel_population_and_projection))
                .id_salt("sec_population")
                .default_open(true)
                .show(ui, |ui| self.population_ui(ui, params, shown, lang, links));
            egui::CollapsingHeader::new(t(T::params_panel_rounding))
                .id_salt("sec_rounding")
                .default_open(true)
                .show(ui, |ui| {
                    ui.horizontal_top(|ui| {
                        let rounding = t(T::params_panel_rounding);
                        guide_link(ui, lang, Topic::Rounding, rounding, links);
                        ui.vertical(|ui| {
                            ui.radio_value(
                                &mut params.rounding,
                                Rounding::Exact,
                                t(T::params_panel_exact_no_intermediate_rounding),
                            )
                            .on_hover_text(t(T::params_panel_nothing_is_rounded_until_display));
                            ui.radio_value(
                                &mut params.rounding,
                                Rounding::Published,
                                t(T::params_panel_as_published),
                            )
                            .on_hover_text(t(T::params_panel_rounds_intermediates_as_the_paper));
                        });
                    });
                });
        });
    }

    fn standard_ui(
        &mut self,
        ui: &mut Ui,
        params: &mut Parameters,
        results: &Results,
        lang: Lang,
        links: &mut Vec<Command>,
    ) {
        let t = |k: T| lang.t(k);
        let current = StandardPreset::ALL
            .into_iter()
            .find(|p| p.standard() == params.anc);
        let shown = current
            .map(|p| p.label(lang).to_string())
            .unwrap_or_else(|| format!("{} ({})", params.anc.name, t(T::params_panel_edited)));
        ui.horizontal(|ui| {
            guide_link(ui, lang, Topic::Preset, t(T::params_panel_preset), links);
            let l = ui
                .label(t(T::params_panel_preset))
                .on_hover_text(t(T::params_panel_standard_visit_schedules_paper_spm));
            egui::ComboBox::from_id_salt("preset")
                .selected_text(shown)
                .width(210.0)
                .show_ui(ui, |ui| {
                    for p in StandardPreset::ALL {
                        if ui
                            .selectable_label(current == Some(p), p.label(lang))
                            .clicked()
                        {
                            params.anc = p.standard();
                        }
                    }
                })
                .response
                .labelled_by(l.id);
        });
        ui.add_space(4.0);
        let mut remove = None;
        egui::Grid::new("visits")
            .num_columns(4)
            .striped(true)
            .show(ui, |ui| {
                ui.strong(t(T::params_panel_visit));
                ui.strong(t(T::params_panel_trimester));
                ui.horizontal(|ui| {
                    let minutes = t(T::params_panel_minutes);
                    ui.strong(minutes);
                    guide_link(ui, lang, Topic::VisitMinutes, minutes, links);
                });
                ui.label("");
                ui.end_row();
                let n = params.anc.visits.len();
                for (i, v) in params.anc.visits.iter_mut().enumerate() {
                    let name_label = format!("{} {}", t(T::params_panel_visit_name), i + 1);
                    ui.add(
                        egui::TextEdit::singleline(&mut v.label)
                            .desired_width(40.0)
                            .id_salt(("visit_label", i)),
                    )
                    .accessible_name(name_label);
                    let tri_label =
                        format!("{} {}", t(T::params_panel_trimester_of_visit), v.label);
                    ui.add(egui::DragValue::new(&mut v.trimester).range(1..=3))
                        .accessible_name(tri_label);
                    let minutes_label = format!("{} {}", t(T::params_panel_minutes), v.label);
                    let id = ui.scope_id().with(("visit_minutes", i));
                    let hint = if v.assumed {
                        t(T::params_panel_assumption_not_measured_in_the)
                    } else {
                        t(T::params_panel_measured_by_work_sampling_in)
                    };
                    ui.horizontal(|ui| {
                        let (r, changed) =
                            number_field(ui, &mut v.minutes, 1, lang, id, &minutes_label, 50.0);
                        r.on_hover_text(hint);
                        if changed {
                            v.assumed = false;
                        }
                        if v.assumed {
                            ui.label("*").on_hover_text(hint);
                        }
                    });
                    if n > 1
                        && ui
                            .small_button("×")
                            .on_hover_text(format!(
                                "{} {}",
                                t(T::params_panel_remove_visit),
                                v.label
                            ))
                            .clicked()
                    {
                        remove = Some(i);
                    }
                    ui.end_row();
                }
            });
        if let Some(i) = remove {
            params.anc.visits.remove(i);
        }
        if ui
            .button(t(T::params_panel_add_visit))
            .on_hover_text(t(T::params_panel_adds_a_trimester_iii_visit))
            .clicked()
        {
            let n = params.anc.visits.len() + 1;
            params
                .anc
                .visits
                .push(Visit::new(&format!("K{n}"), 3, 20.0, true));
        }
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let label = t(T::params_panel_preparation);
            guide_link(ui, lang, Topic::Preparation, label, links);
            let tip = t(T::params_panel_preparation_time_percent_of_the);
            number_row(ui, label, tip, &mut params.anc.prep_percent, 1, lang, "%");
        });
        ui.horizontal(|ui| {
            let label = t(T::params_panel_recording_reporting);
            guide_link(ui, lang, Topic::Recording, label, links);
            let tip = t(T::params_panel_recording_and_reporting_time_percent);
            number_row(
                ui,
                label,
                tip,
                &mut params.anc.recording_percent,
                1,
                lang,
                "%",
            );
        });
        if let Some(Ok(wl)) = &results.capacity {
            ui.horizontal(|ui| {
                let label = t(T::params_panel_package_per_pregnant_woman);
                guide_link(ui, lang, Topic::Package, label, links);
                ui.label(format!(
                    "{}: {} {}",
                    label,
                    fmt_auto(wl.package.package_minutes, lang),
                    t(T::params_panel_min)
                ));
            });
        }
    }

    fn working_ui(
        &mut self,
        ui: &mut Ui,
        params: &mut Parameters,
        results: &Results,
        lang: Lang,
        links: &mut Vec<Command>,
    ) {
        let t = |k: T| lang.t(k);
        let w = &mut params.working_time;
        let rows: [(&str, &str, &mut f64, usize, &str, Topic); 8] = [
            (
                t(T::params_panel_working_days_per_week),
                t(T::params_panel_a_midwife_s_working_days),
                &mut w.days_per_week,
                1,
                t(T::params_panel_days),
                Topic::DaysPerWeek,
            ),
            (
                t(T::params_panel_weeks_per_year),
                t(T::params_panel_weeks_in_a_year_paper),
                &mut w.weeks_per_year,
                1,
                t(T::params_panel_weeks),
                Topic::WeeksPerYear,
            ),
            (
                t(T::params_panel_annual_leave_b),
                t(T::params_panel_annual_leave_days_paper_12),
                &mut w.annual_leave,
                1,
                t(T::params_panel_days),
                Topic::AnnualLeave,
            ),
            (
                t(T::params_panel_training_c),
                t(T::params_panel_training_days_a_year_paper),
                &mut w.training_days,
                1,
                t(T::params_panel_days),
                Topic::Training,
            ),
            (
                t(T::params_panel_public_holidays_d),
                t(T::params_panel_public_holidays_a_year_paper),
                &mut w.public_holidays,
                1,
                t(T::params_panel_days),
                Topic::PublicHolidays,
            ),
            (
                t(T::params_panel_other_absence_e),
                t(T::params_panel_other_days_absent_sickness_leave),
                &mut w.other_absence,
                1,
                t(T::params_panel_days),
                Topic::OtherAbsence,
            ),
            (
                t(T::params_panel_formal_hours_jkf),
                t(T::params_panel_formal_working_hours_per_week),
                &mut w.formal_hours_per_week,
                2,
                t(T::params_panel_h_week),
                Topic::FormalHours,
            ),
            (
                t(T::params_panel_allowance),
                t(T::params_panel_working_time_lost_to_non),
                &mut w.allowance_percent,
                1,
                "%",
                Topic::Allowance,
            ),
        ];
        for (label, tip, value, dec, unit, topic) in rows {
            ui.horizontal(|ui| {
                guide_link(ui, lang, topic, label, links);
                number_row(ui, label, tip, value, dec, lang, unit);
            });
        }
        match &results.working_time {
            Some(Ok(wt)) => {
                ui.horizontal(|ui| {
                    guide_link(ui, lang, Topic::Hke, "HKE", links);
                    ui.label(format!(
                        "HKE = {} {} ({} {})",
                        fmt_auto(wt.effective_days, lang),
                        t(T::params_panel_days),
                        fmt_auto(wt.effective_weeks, lang),
                        t(T::params_panel_weeks)
                    ));
                });
                ui.horizontal(|ui| {
                    guide_link(ui, lang, Topic::Wke, "WKE", links);
                    ui.label(format!(
                        "WKE = {} {} = {} {}",
                        fmt_auto(wt.effective_hours, lang),
                        t(T::params_panel_hours),
                        fmt_auto(wt.effective_minutes, lang),
                        t(T::params_panel_min)
                    ));
                });
            }
            Some(Err(e)) => {
                ui.colored_label(ui.visuals().error_fg_color, e.message(lang));
            }
            None => {}
        }
    }

    fn population_ui(
        &mut self,
        ui: &mut Ui,
        params: &mut Parameters,
        shown: &Shown,
        lang: Lang,
        links: &mut Vec<Command>,
    ) {
        let t = |k: T| lang.t(k);
        let pop = &mut params.population;
        ui.horizontal(|ui| {
            let label = t(T::params_panel_pregnant_women_coefficient);
            guide_link(ui, lang, Topic::Coefficient, label, links);
            let tip = t(T::params_panel_pregnant_women_per_live_birth);
            number_row(ui, label, tip, &mut pop.coefficient, 3, lang, "");
        });
        ui.horizontal(|ui| {
            guide_link(
                ui,
                lang,
                Topic::BaseYear,
                t(T::params_panel_base_year),
                links,
            );
            let l = ui
                .label(t(T::params_panel_base_year))
                .on_hover_text(t(T::params_panel_year_0_of_the_projection));
            ui.add(egui::DragValue::new(&mut pop.base_year).range(1900..=2200))
                .labelled_by(l.id);
        });
        ui.horizontal(|ui| {
            let horizon = t(T::params_panel_horizon_year);
            guide_link(ui, lang, Topic::HorizonYear, horizon, links);
            let l = ui
                .label(t(T::params_panel_horizon_year))
                .on_hover_text(t(T::params_panel_last_projected_year_example_2035));
            ui.add(egui::DragValue::new(&mut pop.horizon_year).range(1900..=2300))
                .labelled_by(l.id);
        });
        ui.horizontal(|ui| {
            let method = t(T::params_panel_growth_method);
            guide_link(ui, lang, Topic::GrowthMethod, method, links);
            let l = ui
                .label(t(T::params_panel_growth_method))
                .on_hover_text(t(T::params_panel_annual_mean_paper_compound_between));
            let name = |m: GrowthMethod| m.label(lang);
            egui::ComboBox::from_id_salt("growth_method")
                .selected_text(name(pop.growth_method))
                .show_ui(ui, |ui| {
                    for m in GrowthMethod::ALL {
                        ui.selectable_value(&mut pop.growth_method, m, name(m));
                    }
                })
                .response
                .labelled_by(l.id);
        });
        growth_years_ui(ui, pop, shown.proj, lang, links);
        if pop.growth_method == GrowthMethod::Population {
            ui.horizontal(|ui| {
                let label = t(T::params_panel_cbr_trend);
                guide_link(ui, lang, Topic::CbrTrend, label, links);
                choice_row(
                    ui,
                    "cbr_trend",
                    t(T::params_panel_cbr_trend),
                    t(T::params_panel_cbr_trend_tip),
                    &mut pop.cbr_trend,
                    &CbrTrend::ALL,
                    |c| c.label(lang),
                );
            });
            ui.horizontal(|ui| {
                let label = t(T::params_panel_population_growth);
                guide_link(ui, lang, Topic::PopulationGrowth, label, links);
                choice_row(
                    ui,
                    "population_growth",
                    t(T::params_panel_population_growth),
                    t(T::params_panel_population_growth_tip),
                    &mut pop.population_growth,
                    &PopulationGrowth::ALL,
                    |c| c.label(lang),
                );
            });
        }
        if pop.growth_method == GrowthMethod::Fixed {
            ui.horizontal(|ui| {
                let label = t(T::params_panel_growth_per_year);
                guide_link(ui, lang, Topic::FixedGrowth, label, links);
                let tip = t(T::params_panel_growth_of_pregnant_women_per);
                number_row(ui, label, tip, &mut pop.fixed_growth_percent, 3, lang, "%");
            });
        }
        if let Some(p) = shown.proj {
            // The growth of what is shown: the chosen region's, or the total's.
            let g = match shown.region {
                Some(r) => p.growth_used.get(r).copied(),
                None => Some(p.total_growth_used),
            };
            if let Some(g) = g {
                let f = crate::model::explain::Fmt::new(lang, p.rounding);
                ui.horizontal(|ui| {
                    guide_link(ui, lang, Topic::Growth, "g", links);
                    ui.label(format!("g ({}) = {}", shown.subject, f.growth(g)));
                });
            }
        }
    }
}

/// A small "?" that opens the guide at `topic`, the entry of the parameter
/// named `name`.
fn guide_link(ui: &mut Ui, lang: Lang, topic: Topic, name: &str, links: &mut Vec<Command>) {
    let name = lang.tf(T::help_link_name, &[("name", &name)]);
    let r = ui
        .small_button("?")
        .on_hover_text(lang.t(T::help_link_tip))
        .accessible_name(name);
    if r.clicked() {
        links.push(Command::ShowGuideAt(topic));
    }
}

/// A label with its tooltip and a combo box of `choices`.
fn choice_row<C: Copy + PartialEq>(
    ui: &mut Ui,
    id: &str,
    label: &str,
    tip: &str,
    value: &mut C,
    choices: &[C],
    name: impl Fn(C) -> &'static str,
) {
    ui.horizontal(|ui| {
        let l = ui.label(label).on_hover_text(tip);
        egui::ComboBox::from_id_salt(id)
            .selected_text(name(*value))
            .show_ui(ui, |ui| {
                for &c in choices {
                    ui.selectable_value(value, c, name(c));
                }
            })
            .response
            .on_hover_text(tip)
            .labelled_by(l.id);
    });
}

/// The data years the growth is estimated from: every year, or a span the
/// planner chooses to leave a known bad year out without deleting it.
fn growth_years_ui(
    ui: &mut Ui,
    pop: &mut PopulationParams,
    proj: Option<&Projection>,
    lang: Lang,
    links: &mut Vec<Command>,
) {
    let t = |k: T| lang.t(k);
    let Some(p) = proj else { return };
    let (first, last) = (p.first_year, p.last_data_year);
    if last <= first {
        return;
    }
    ui.horizontal(|ui| {
        let label = t(T::params_panel_growth_years);
        guide_link(ui, lang, Topic::GrowthYears, label, links);
        ui.label(t(T::params_panel_growth_years))
            .on_hover_text(t(T::params_panel_growth_years_tip));
        let mut all = pop.growth_years.is_none();
        if ui
            .checkbox(&mut all, t(T::params_panel_growth_years_all))
            .on_hover_text(t(T::params_panel_growth_years_tip))
            .changed()
        {
            pop.growth_years = if all {
                None
            } else {
                Some(YearSpan { first, last })
            };
        }
    });
    if let Some(span) = &mut pop.growth_years {
        ui.horizontal(|ui| {
            ui.add_space(16.0);
            let from = ui.label(t(T::params_panel_growth_years_from));
            ui.add(egui::DragValue::new(&mut span.first).range(first..=last - 1))
                .labelled_by(from.id);
            let to = ui.label(t(T::params_panel_growth_years_to));
            ui.add(egui::DragValue::new(&mut span.last).range(span.first + 1..=last))
                .labelled_by(to.id);
        });
    }
}
