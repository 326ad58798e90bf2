//! How sure the answer is: the draws, the seed and the ranges of the
//! parameters (the plausible range of every parameter unless the planner
//! sets her own), the progress of the draws, and the P10–P50–P90 of the
//! midwives needed per year as a chart and a table. With bands on, the
//! Proyeksi chart and the Tabel tab show them too.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::bands_job::BandsStatus;
use super::export_buttons;
use super::state::AnalysisState;
use crate::i18n::T;
use crate::model::Lang;
use crate::model::number::fmt_fixed;
use crate::model::numeric_params::NumericParam;
use crate::model::uncertainty::{Bands, MAX_DRAWS, Shape, UncertaintySetup};
use crate::ui::command::Command;
use crate::ui::export_request::{AnalysisExport, ExportRequest, Format};
use crate::ui::plot_panel::PlotPanel;
use crate::ui::view::View;
use crate::ui::widgets::number_field;

pub fn ui(ui: &mut Ui, view: &View, state: &AnalysisState, chart: &mut PlotPanel) -> Vec<Command> {
    let lang = view.lang;
    let t = |k: T| lang.t(k);
    let mut out = Vec::new();
    ui.label(t(T::analysis_bands_what));
    let mut setup = view.doc.uncertainty.clone();
    let mut on = setup.is_some();
    ui.checkbox(&mut on, t(T::analysis_bands_on))
        .on_hover_text(t(T::analysis_bands_on_tip));
    match (on, &setup) {
        (true, None) => setup = Some(UncertaintySetup::default()),
        (false, Some(_)) => setup = None,
        _ => {}
    }
    if let Some(s) = setup.as_mut() {
        settings_ui(ui, s, view, &mut out);
    }
    if setup != view.doc.uncertainty {
        out.push(Command::SetUncertainty(setup.map(Box::new)));
    }
    ui.separator();
    match state.bands.status() {
        BandsStatus::Off => {}
        BandsStatus::Running { done, total } => {
            ui.horizontal(|ui| {
                let share = done as f32 / total.max(1) as f32;
                ui.add(
                    egui::ProgressBar::new(share)
                        .desired_width(260.0)
                        .text(lang.tf(
                            T::analysis_bands_progress,
                            &[
                                ("done", &fmt_fixed(done as f64, 0, lang)),
                                ("total", &fmt_fixed(total as f64, 0, lang)),
                            ],
                        )),
                );
                if ui.button(t(T::analysis_bands_cancel)).clicked() {
                    out.push(Command::CancelBands);
                }
            });
        }
        BandsStatus::Failed(e) => {
            ui.colored_label(ui.visuals().error_fg_color, e.message(lang));
            if ui.button(t(T::analysis_bands_again)).clicked() {
                out.push(Command::RestartBands);
            }
        }
        BandsStatus::Ready(b) => {
            let spec = crate::chart::bands::bands_spec(
                b,
                view.subject,
                &view.doc.name,
                view.doc.params.rounding,
                &crate::chart::today(),
                lang,
            );
            let height = (ui.available_height() * 0.55).max(240.0);
            egui::ScrollArea::vertical()
                .id_salt("bands_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.label(RichText::new(ranges_line(b, lang)).small());
                    ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
                        ui.set_max_height(height);
                        chart.draw(ui, &spec);
                    });
                    out.extend(export_buttons(
                        ui,
                        lang,
                        ExportRequest::Analysis(AnalysisExport::Bands, Format::Png),
                        ExportRequest::Analysis(AnalysisExport::Bands, Format::Svg),
                        &[ExportRequest::Analysis(AnalysisExport::Bands, Format::Csv)],
                    ));
                    ui.separator();
                    table(ui, b, lang);
                });
        }
    }
    out
}

/// Draws, seed, shape and the planner's ranges.
fn settings_ui(ui: &mut Ui, s: &mut UncertaintySetup, view: &View, out: &mut Vec<Command>) {
    let lang = view.lang;
    let t = |k: T| lang.t(k);
    ui.horizontal_wrapped(|ui| {
        ui.label(t(T::analysis_bands_draws));
        let mut draws = f64::from(s.draws);
        let (r, _) = number_field(
            ui,
            &mut draws,
            0,
            lang,
            ui.scope_id().with("bands_draws"),
            t(T::analysis_bands_draws),
            72.0,
        );
        r.on_hover_text(lang.tf(
            T::analysis_bands_draws_tip,
            &[("max", &fmt_fixed(f64::from(MAX_DRAWS), 0, lang))],
        ));
        if draws.is_finite() && draws >= 1.0 && draws <= f64::from(MAX_DRAWS) {
            s.draws = draws.round() as u32;
        }
        ui.add_space(8.0);
        ui.label(t(T::analysis_bands_seed))
            .on_hover_text(t(T::analysis_bands_seed_tip));
        ui.add(egui::DragValue::new(&mut s.seed).speed(1.0));
        ui.add_space(8.0);
        ui.radio_value(&mut s.shape, Shape::Pert, "PERT")
            .on_hover_text(t(T::analysis_bands_pert_tip));
        ui.radio_value(
            &mut s.shape,
            Shape::Triangular,
            t(T::analysis_bands_triangular),
        )
        .on_hover_text(t(T::bands_shape_triangular));
    });
    let params = &view.doc.params;
    if s.ranges.is_empty() {
        ui.label(RichText::new(t(T::bands_ranges_plausible)).weak());
    }
    let mut remove = None;
    for (i, r) in s.ranges.iter_mut().enumerate() {
        let d = r.param.decimals();
        ui.horizontal_wrapped(|ui| {
            ui.label(r.param.label(params, lang));
            let id = ui.scope_id().with(("bands_range", i));
            for (k, (v, name)) in [
                (&mut r.min, T::analysis_bands_min),
                (&mut r.most_likely, T::analysis_bands_likely),
                (&mut r.max, T::analysis_bands_max),
            ]
            .into_iter()
            .enumerate()
            {
                ui.label(RichText::new(t(name)).small());
                number_field(ui, v, d, lang, id.with(k), t(name), 60.0);
            }
            if ui
                .small_button("×")
                .on_hover_text(t(T::analysis_bands_remove))
                .clicked()
            {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        s.ranges.remove(i);
    }
    let used: Vec<NumericParam> = s.ranges.iter().map(|r| r.param).collect();
    let free: Vec<NumericParam> = NumericParam::all(params)
        .into_iter()
        .filter(|p| !used.contains(p))
        .collect();
    if !free.is_empty() {
        egui::ComboBox::from_id_salt("bands_add_range")
            .selected_text(t(T::analysis_bands_add))
            .show_ui(ui, |ui| {
                for p in free {
                    if ui.selectable_label(false, p.label(params, lang)).clicked() {
                        out.push(Command::AddRange(p));
                    }
                }
            })
            .response
            .accessible_name(t(T::analysis_bands_add));
    }
}

/// The draws and seed the bands come from, in one line.
fn ranges_line(b: &Bands, lang: Lang) -> String {
    lang.tf(
        T::analysis_bands_summary,
        &[
            ("draws", &fmt_fixed(f64::from(b.draws), 0, lang)),
            ("seed", &b.seed),
        ],
    )
}

/// Per year: the scenario's value and P10, P50, P90 of the midwives needed.
fn table(ui: &mut Ui, b: &Bands, lang: Lang) {
    let t = |k: T| lang.t(k);
    let heads = [
        t(T::table_year).to_string(),
        t(T::bands_scenario_value).to_string(),
        "P10".to_string(),
        "P50".to_string(),
        "P90".to_string(),
    ];
    TableBuilder::new(ui)
        .id_salt("bands_table")
        .striped(true)
        .column(Column::exact(56.0))
        .columns(Column::auto().at_least(90.0), heads.len() - 1)
        .header(22.0, |mut h| {
            for head in &heads {
                h.col(|ui| {
                    ui.strong(head);
                });
            }
        })
        .body(|mut body| {
            for y in &b.years {
                body.row(20.0, |mut row| {
                    row.col(|ui| {
                        ui.label(y.year.to_string());
                    });
                    for v in [
                        y.midwives_needed,
                        y.need_band.p10,
                        y.need_band.p50,
                        y.need_band.p90,
                    ] {
                        row.col(|ui| {
                            ui.label(fmt_fixed(v, 2, lang));
                        });
                    }
                });
            }
        });
}
