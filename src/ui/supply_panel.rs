//! The Pasokan (supply) tab: the planner's supply assumptions (midwives
//! leaving a year, new midwives a year, transfers, the year by which the gap
//! should close) and, for what is shown, supply beside need: the chart with
//! the gap shaded, the year the gap closes, the goal seek with its check,
//! and the year table, each computed stock with its working on hover.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::command::Command;
use super::plot_panel::PlotPanel;
use super::view::View;
use super::widgets::number_field;
use crate::i18n::T;
use crate::model::number::{fmt_fixed, fmt_percent};
use crate::model::supply::{Intake, SupplyParams, SupplyYear, Transfer};
use crate::model::supply_outlook::{ANY_ATTRITION, AttritionFrom, SupplyOutlook};
use crate::model::{Lang, ModelError, Problem};

/// The supply tab; it keeps only the chart's plot memory.
pub struct SupplyPanel {
    chart: PlotPanel,
}

impl Default for SupplyPanel {
    fn default() -> Self {
        SupplyPanel {
            chart: PlotPanel::named("supply_chart"),
        }
    }
}

impl SupplyPanel {
    /// Draws the tab; returns the supply assumptions as edited, if they were.
    pub fn ui(&mut self, ui: &mut Ui, view: &View) -> Vec<Command> {
        let mut supply = view.doc.supply.clone();
        settings_ui(ui, &mut supply, view);
        ui.separator();
        self.results_ui(ui, view);
        if supply != view.doc.supply {
            vec![Command::SetSupply(supply.map(Box::new))]
        } else {
            Vec::new()
        }
    }

    fn results_ui(&mut self, ui: &mut Ui, view: &View) {
        let lang = view.lang;
        match &view.results.supply {
            None => {
                ui.label(lang.t(T::supply_panel_what_it_does));
            }
            Some(Err(e)) => {
                let text = match e {
                    ModelError::Parameter {
                        name,
                        problem: Problem::Missing,
                        ..
                    } if name == "midwives_available" => {
                        let base = view.doc.params.population.base_year;
                        lang.tf(T::supply_panel_needs_midwives, &[("year", &base)])
                    }
                    _ => e.message(lang),
                };
                ui.colored_label(ui.visuals().error_fg_color, text);
            }
            Some(Ok(o)) => {
                // The chart takes most of the tab's height; the year table
                // follows below it, and the tab scrolls on a small screen.
                let chart_height = (ui.available_height() * 0.62).max(230.0);
                egui::ScrollArea::both()
                    .id_salt("supply_scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        outcome_lines(ui, o, lang);
                        if let Some(spec) = view.supply_chart_spec() {
                            let width = ui.available_width();
                            ui.allocate_ui(egui::vec2(width, chart_height), |ui| {
                                ui.set_max_height(chart_height);
                                self.chart.draw(ui, &spec);
                            });
                        }
                        ui.separator();
                        year_table(ui, &o.supply.years, view.doc.supply.as_ref(), lang);
                    });
            }
        }
    }
}

/// The assumptions, edited in place.
fn settings_ui(ui: &mut Ui, supply: &mut Option<SupplyParams>, view: &View) {
    let lang = view.lang;
    let t = |k: T| lang.t(k);
    let mut planned = supply.is_some();
    if ui
        .checkbox(&mut planned, t(T::supply_panel_plan_supply))
        .on_hover_text(t(T::supply_panel_plan_supply_tip))
        .changed()
    {
        *supply = planned.then(SupplyParams::default);
    }
    let Some(p) = supply else {
        return;
    };
    let id = ui.scope_id().with("supply_settings");
    ui.horizontal_wrapped(|ui| {
        ui.label(t(T::supply_panel_attrition))
            .on_hover_text(t(T::supply_panel_attrition_tip));
        number_field(
            ui,
            &mut p.attrition_percent,
            2,
            lang,
            id.with("attrition"),
            t(T::supply_panel_attrition),
            60.0,
        );
        ui.label("%");
        own_attrition_ui(ui, p, view, id);
        ui.add_space(16.0);
        let mut by_graduates = matches!(p.intake, Intake::Graduates { .. });
        ui.label(t(T::supply_panel_intake))
            .on_hover_text(t(T::supply_panel_intake_tip));
        let was = by_graduates;
        ui.radio_value(&mut by_graduates, false, t(T::supply_panel_intake_number));
        ui.radio_value(&mut by_graduates, true, t(T::supply_panel_intake_graduates));
        if by_graduates != was {
            p.intake = if by_graduates {
                Intake::Graduates {
                    graduates: 0.0,
                    absorbed_percent: 100.0,
                }
            } else {
                Intake::Number(p.intake.per_year())
            };
        }
    });
    ui.horizontal_wrapped(|ui| match &mut p.intake {
        Intake::Number(n) => {
            ui.label(t(T::supply_panel_new_a_year));
            number_field(
                ui,
                n,
                2,
                lang,
                id.with("intake"),
                t(T::supply_panel_new_a_year),
                70.0,
            );
        }
        Intake::Graduates {
            graduates,
            absorbed_percent,
        } => {
            ui.label(t(T::supply_panel_graduates));
            number_field(
                ui,
                graduates,
                0,
                lang,
                id.with("graduates"),
                t(T::supply_panel_graduates),
                70.0,
            );
            ui.label(t(T::supply_panel_absorbed));
            number_field(
                ui,
                absorbed_percent,
                1,
                lang,
                id.with("absorbed"),
                t(T::supply_panel_absorbed),
                60.0,
            );
            ui.label("%");
            ui.label(lang.tf(
                T::supply_panel_equals,
                &[(
                    "intake",
                    &fmt_fixed(p_intake(*graduates, *absorbed_percent), 2, lang),
                )],
            ));
        }
    });
    let (base, horizon) = (
        view.doc.params.population.base_year,
        view.doc.params.population.horizon_year,
    );
    ui.horizontal_wrapped(|ui| {
        ui.label(t(T::supply_panel_transfers))
            .on_hover_text(t(T::supply_panel_transfers_tip));
        let mut remove = None;
        for (i, tr) in p.transfers.iter_mut().enumerate() {
            ui.add(egui::DragValue::new(&mut tr.year).range(base + 1..=horizon.max(base + 1)));
            number_field(
                ui,
                &mut tr.net,
                1,
                lang,
                id.with(("transfer", i)),
                t(T::supply_panel_transfers),
                50.0,
            );
            if ui
                .small_button("✖")
                .on_hover_text(t(T::supply_panel_remove_transfer))
                .clicked()
            {
                remove = Some(i);
            }
            ui.add_space(8.0);
        }
        if let Some(i) = remove {
            p.transfers.remove(i);
        }
        if ui.button(t(T::supply_panel_add_transfer)).clicked() {
            let year = p.transfers.last().map_or(base + 1, |t| t.year + 1);
            p.transfers.push(Transfer {
                year: year.min(horizon),
                net: 0.0,
            });
        }
    });
    ui.horizontal_wrapped(|ui| {
        let mut target = p.close_by.is_some();
        if ui
            .checkbox(&mut target, t(T::supply_panel_target))
            .on_hover_text(t(T::supply_panel_target_tip))
            .changed()
        {
            p.close_by = target.then_some(horizon.min(base + 5).max(base + 1));
        }
        if let Some(year) = &mut p.close_by {
            ui.add(egui::DragValue::new(year).range(base + 1..=horizon.max(base + 1)));
        }
    });
}

fn p_intake(graduates: f64, absorbed_percent: f64) -> f64 {
    Intake::Graduates {
        graduates,
        absorbed_percent,
    }
    .per_year()
}

/// The year the gap closes and the goal seek, in plain words.
/// For the region shown (of several): a rate of its own instead of the
/// rate for all.
fn own_attrition_ui(ui: &mut Ui, p: &mut SupplyParams, view: &View, id: egui::Id) {
    let lang = view.lang;
    let (Some(r), Some((data, _))) = (view.region, view.results.ok()) else {
        return;
    };
    if r >= data.regions() || data.regions() < 2 {
        return;
    }
    let key = if data.codes[r].trim().is_empty() {
        data.names[r].trim()
    } else {
        data.codes[r].trim()
    };
    let own = p.own_attrition(key);
    let mut has_own = own.is_some();
    let label = lang.tf(T::supply_panel_own_attrition, &[("region", &data.label(r))]);
    ui.checkbox(&mut has_own, label)
        .on_hover_text(lang.t(T::supply_panel_own_attrition_tip));
    let mut value = own.unwrap_or(p.attrition_percent);
    if has_own {
        number_field(
            ui,
            &mut value,
            2,
            lang,
            id.with(("own_attrition", key)),
            lang.t(T::supply_panel_own_attrition_field),
            60.0,
        );
        ui.label("%");
    }
    let wanted = has_own.then_some(value);
    if wanted != own {
        p.set_own_attrition(key, wanted);
    }
}

/// Where the attrition of what is shown came from, when not the rate for
/// all.
fn attrition_line(ui: &mut Ui, o: &SupplyOutlook, lang: Lang) {
    let base = o.supply.years.first().map_or(0, |y| y.year);
    let percent = fmt_percent(o.attrition.percent / 100.0, 2, lang);
    let text = match o.attrition.from {
        AttritionFrom::All => return,
        AttritionFrom::Own => lang.tf(T::supply_attrition_own, &[("attrition", &percent)]),
        AttritionFrom::Weighted => lang.tf(
            T::supply_attrition_weighted,
            &[("attrition", &percent), ("year", &base)],
        ),
    };
    ui.label(text);
}

fn outcome_lines(ui: &mut Ui, o: &SupplyOutlook, lang: Lang) {
    let last = o.supply.years.last().map_or(0, |y| y.year);
    let closes = match o.closes_in {
        Some(y) => lang.tf(T::supply_closes_in, &[("year", &y)]),
        None => lang.tf(T::supply_not_closed, &[("year", &last)]),
    };
    ui.label(RichText::new(closes).strong());
    attrition_line(ui, o, lang);
    if let Some(goal) = &o.goal {
        let by = goal.by_year;
        let intake = match (goal.intake, goal.check_gap) {
            (Some(i), Some(gap)) => lang.tf(
                T::supply_intake_to_close,
                &[
                    ("year", &by),
                    ("intake", &fmt_fixed(i, 2, lang)),
                    ("gap", &fmt_fixed(gap, 2, lang)),
                ],
            ),
            _ => lang.tf(T::supply_intake_cannot_close, &[("year", &by)]),
        };
        ui.label(intake);
        let attrition = match goal.attrition {
            Some(x) if x >= ANY_ATTRITION => lang.tf(T::supply_attrition_any, &[("year", &by)]),
            Some(x) => lang.tf(
                T::supply_attrition_to_keep,
                &[
                    ("year", &by),
                    ("attrition", &fmt_percent(x / 100.0, 2, lang)),
                ],
            ),
            None => lang.tf(T::supply_attrition_cannot_keep, &[("year", &by)]),
        };
        ui.label(attrition);
    }
}

/// One row a year: start, leaving, new, transfers, available, needed, gap.
fn year_table(ui: &mut Ui, years: &[SupplyYear], p: Option<&SupplyParams>, lang: Lang) {
    let t = |k: T| lang.t(k);
    let f = |x: f64| fmt_fixed(x, 2, lang);
    let heads = [
        t(T::table_year),
        t(T::table_kind),
        t(T::supply_col_start),
        t(T::supply_col_leaving),
        t(T::supply_col_new),
        t(T::supply_col_transfers),
        t(T::supply_col_available),
        t(T::supply_col_needed),
        t(T::supply_col_gap),
    ];
    let attrition = p.map_or(0.0, |p| p.attrition_percent);
    TableBuilder::new(ui)
        .id_salt("supply_table")
        .striped(true)
        .vscroll(false)
        .column(Column::auto().at_least(48.0))
        .column(Column::auto().at_least(70.0))
        .columns(Column::auto().at_least(72.0), 7)
        .header(20.0, |mut h| {
            for head in heads {
                h.col(|ui| {
                    ui.strong(head);
                });
            }
        })
        .body(|mut body| {
            for y in years {
                body.row(18.0, |mut row| {
                    row.col(|ui| {
                        ui.label(y.year.to_string());
                    });
                    row.col(|ui| {
                        ui.label(if y.from_data {
                            t(T::table_data)
                        } else {
                            t(T::table_projection)
                        });
                    });
                    for v in [
                        y.start,
                        Some(y.attrition),
                        Some(y.intake),
                        Some(y.transfers),
                    ] {
                        row.col(|ui| {
                            ui.with_layout(
                                egui::Layout::right_to_left(egui::Align::Center),
                                |ui| {
                                    ui.label(v.map_or("–".to_string(), f));
                                },
                            );
                        });
                    }
                    row.col(|ui| {
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            ui.label(RichText::new(f(y.stock)).strong())
                                .on_hover_text(stock_working(y, attrition, lang));
                        });
                    });
                    row.col(|ui| {
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            ui.label(f(y.need));
                        });
                    });
                    row.col(|ui| {
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            let text = RichText::new(f(y.gap));
                            ui.label(if y.gap < -1e-9 {
                                text.color(ui.visuals().error_fg_color)
                            } else {
                                text
                            });
                        });
                    });
                });
            }
        });
}

/// How a year's stock was found, with the numbers put in.
pub fn stock_working(y: &SupplyYear, attrition_percent: f64, lang: Lang) -> String {
    let f = |x: f64| fmt_fixed(x, 2, lang);
    match (y.from_data, y.start) {
        (true, _) => lang.tf(
            T::supply_panel_stock_from_data,
            &[("year", &y.year), ("stock", &f(y.stock))],
        ),
        (false, Some(start)) => lang.tf(
            T::supply_panel_stock_working,
            &[
                ("year", &y.year),
                ("start", &f(start)),
                (
                    "attrition",
                    &fmt_percent(attrition_percent / 100.0, 2, lang),
                ),
                ("intake", &f(y.intake)),
                ("transfers", &f(y.transfers)),
                ("stock", &f(y.stock)),
            ],
        ),
        (false, None) => f(y.stock),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stock_shows_its_working_with_the_numbers_put_in() {
        let y = SupplyYear {
            year: 2026,
            start: Some(103.0),
            attrition: 5.15,
            intake: 8.0,
            transfers: 3.0,
            stock: 108.85,
            from_data: false,
            need: 110.0,
            gap: -1.15,
        };
        assert_eq!(
            stock_working(&y, 5.0, Lang::Id),
            "Tersedia 2026 = 103,00 × (1 − 5%) + 8,00 + 3,00 = 108,85"
        );
        assert_eq!(
            stock_working(&y, 5.0, Lang::En),
            "Available 2026 = 103.00 × (1 − 5%) + 8.00 + 3.00 = 108.85"
        );
    }
}
