//! "Beban kerja": the full workload method (WHO WISN / Kemenkes ABK-Kes)
//! for one year, and the need by activity over the projection years. The
//! activity table and choices are part of the scenario (saved, undoable);
//! every figure comes from the engine (`model::staffing`) through the
//! document's computed results; no formula lives here.

use egui::{RichText, Ui};

use crate::chart;
use crate::model::Lang;
use crate::model::number::{fmt_fixed, fmt_trim};
use crate::model::projection::{YearKind, YearRow};
use crate::model::staffing::{
    Activity, ActivityKind, ActivityPreset, AvailableChoice, AvailableTime, FinalRounding,
    IntermediateRounding, Method, PlannedActivity, StaffingError, StaffingResult, VolumeRule,
    WorkloadSetup,
};

use super::command::Command;
use super::document::StaffingView;
use super::stacked_chart;
use super::view::View;
use super::volume_rules::{RULES, rule_label, same_rule};
use super::widgets::{number_field, number_row, optional_number_field};

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
        let t = |id: &'static str, en: &'static str| lang.pick(id, en);
        let base_year = p.base_year;
        let rows = view.rows;
        self.setup = staffing.setup.clone();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(t("Preset:", "Preset:"));
                    for p in [ActivityPreset::PaperAncOnly, ActivityPreset::PuskesmasFull] {
                        let on = self.setup.preset == Some(p) && !self.setup.edited;
                        if ui.selectable_label(on, p.name(lang)).clicked() {
                            self.choose(p);
                        }
                    }
                });
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

    fn options_ui(&mut self, ui: &mut Ui, rows: &[YearRow], base_year: i32, lang: Lang) {
        let t = |id: &'static str, en: &'static str| lang.pick(id, en);
        ui.horizontal_wrapped(|ui| {
            ui.label(t("Metode:", "Method:"));
            ui.radio_value(&mut self.setup.method, Method::Wisn, "WISN (WHO)");
            ui.radio_value(&mut self.setup.method, Method::Abk, "ABK-Kes (Kemenkes)");
            ui.separator();
            ui.label(t("Pembulatan antara:", "Intermediate rounding:"));
            ui.radio_value(
                &mut self.setup.rounding,
                IntermediateRounding::Exact,
                t("tanpa pembulatan", "exact"),
            );
            ui.radio_value(
                &mut self.setup.rounding,
                IntermediateRounding::Worksheet,
                t("seperti lembar kerja", "as the worksheet"),
            );
            ui.separator();
            ui.label(t("Pembulatan akhir:", "Final rounding:"));
            ui.radio_value(
                &mut self.setup.final_rounding,
                FinalRounding::Nearest,
                t("ke terdekat", "nearest"),
            );
            ui.radio_value(
                &mut self.setup.final_rounding,
                FinalRounding::Up,
                t("ke atas", "up"),
            );
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(t("Waktu tersedia:", "Available time:"));
            let av = &mut self.setup.available;
            ui.radio_value(av, AvailableChoice::Scenario, t("WKE skenario", "scenario's WKE"))
                .on_hover_text(t(
                    "Waktu kerja efektif dari parameter waktu kerja di panel kiri.",
                    "The effective working time of the working-time parameters on the left.",
                ));
            ui.radio_value(av, AvailableChoice::Kemenkes6Day, t("ABK-Kes 6 hari", "ABK-Kes 6-day week"))
                .on_hover_text(t(
                    "Preset Kemenkes: 312 − 48 hari libur dan cuti = 264 hari × 4,375 jam (37,5 jam × 70% / 6) = 69.300 menit. Periksa jumlah hari libur tahun Anda.",
                    "Kemenkes preset: 312 − 48 days of holidays and leave = 264 days × 4.375 h (37.5 h × 70% / 6) = 69,300 min. Check the holidays of your year.",
                ));
            ui.radio_value(av, AvailableChoice::Kemenkes5Day, t("ABK-Kes 5 hari", "ABK-Kes 5-day week"))
                .on_hover_text(t(
                    "Preset Kemenkes: 260 − 48 = 212 hari × 5,25 jam (37,5 jam × 70% / 5) = 66.780 menit.",
                    "Kemenkes preset: 260 − 48 = 212 days × 5.25 h (37.5 h × 70% / 5) = 66,780 min.",
                ));
            ui.radio_value(av, AvailableChoice::Rounded1200Hours, t("1.200 jam (dibulatkan)", "1,200 h (rounded)"))
                .on_hover_text(t(
                    "Banyak lembar kerja ABK-Kes kabupaten membulatkan WKT menjadi 1.200 jam setahun = 72.000 menit (bukan 1.155 atau 1.113 jam). Pilih ini untuk mendapat angka yang sama dengan lembar kerja seperti itu.",
                    "Many district ABK-Kes worksheets round the WKT to 1,200 hours a year = 72,000 min (instead of 1,155 or 1,113 h). Choose this to get the same figures as such a worksheet.",
                ));
            let own = matches!(av, AvailableChoice::Minutes(_));
            if ui.radio(own, t("isi sendiri", "set by hand")).clicked() && !own {
                *av = AvailableChoice::Minutes(69_825.0);
            }
            if let AvailableChoice::Minutes(m) = av {
                let name = t("Menit tersedia setahun", "Available minutes a year");
                let id = ui.scope_id().with("workload_available_minutes");
                number_field(ui, m, 1, lang, id, name, 80.0);
                ui.label(t("menit/tahun", "min/year"));
            }
        });
        ui.horizontal_wrapped(|ui| {
            let year = self.setup.year.unwrap_or(base_year);
            let label = |r: &YearRow| {
                let kind = match r.kind {
                    YearKind::Data => t("data", "data"),
                    YearKind::Projection => t("proyeksi", "projection"),
                };
                format!("{} ({kind})", r.year)
            };
            let selected = rows
                .iter()
                .find(|r| r.year == year)
                .map(label)
                .unwrap_or_else(|| year.to_string());
            egui::ComboBox::from_label(t("Tahun yang dihitung", "Year computed"))
                .selected_text(selected)
                .height(300.0)
                .show_ui(ui, |ui| {
                    for r in rows {
                        if ui.selectable_label(r.year == year, label(r)).clicked() {
                            self.setup.year = Some(r.year);
                        }
                    }
                });
            ui.separator();
            let name = t("Bidan yang ada", "Midwives in post");
            ui.label(name);
            let id = ui.scope_id().with("workload_existing");
            optional_number_field(ui, &mut self.setup.existing, 2, lang, id, name, 70.0)
                .0
                .on_hover_text(t(
                    "Opsional. Kosong: jumlah bidan dari data tahun itu, jika ada.",
                    "Optional. Empty: the midwives of that year's data, if any.",
                ));
        });
    }

    /// The assumptions that turn a year's births into the volumes of the
    /// derived activities.
    fn assumptions_ui(&mut self, ui: &mut Ui, lang: Lang) {
        let t = |id: &'static str, en: &'static str| lang.pick(id, en);
        egui::CollapsingHeader::new(t(
            "Asumsi volume dari penduduk",
            "Volume assumptions from the population",
        ))
        .id_salt("workload_assumptions")
        .show(ui, |ui| {
            let a = &mut self.setup.assumptions;
            let rows: [(&str, &str, &mut f64, &str); 8] = [
                (
                    t("Ibu hamil per kelahiran", "Pregnant women per birth"),
                    t(
                        "Koefisien WHO yang dipakai Kemenkes: 1,10.",
                        "WHO coefficient used by Kemenkes: 1.10.",
                    ),
                    &mut a.pregnant_per_birth,
                    "",
                ),
                (
                    t("Persalinan per kelahiran", "Deliveries per birth"),
                    t(
                        "Persalinan dan ibu nifas per kelahiran hidup: 1,05.",
                        "Deliveries and postpartum women per live birth: 1.05.",
                    ),
                    &mut a.deliveries_per_birth,
                    "",
                ),
                (
                    t("Kunjungan ANC per ibu", "ANC visits per woman"),
                    t(
                        "Permenkes 21/2021: minimal 6.",
                        "Permenkes 21/2021: at least 6.",
                    ),
                    &mut a.anc_visits,
                    "",
                ),
                (
                    t("Di antaranya oleh dokter", "Of which by a doctor"),
                    t(
                        "Permenkes 21/2021: 2 (trimester I dan III); sisanya oleh bidan.",
                        "Permenkes 21/2021: 2 (trimesters I and III); the rest by the midwife.",
                    ),
                    &mut a.anc_doctor_visits,
                    "",
                ),
                (
                    t("Kunjungan nifas per ibu", "Postpartum visits per woman"),
                    t("KF1–KF4: 4.", "KF1–KF4: 4."),
                    &mut a.kf_visits,
                    "",
                ),
                (
                    t("Kunjungan neonatal per bayi", "Neonatal visits per newborn"),
                    t("KN1–KN3: 3.", "KN1–KN3: 3."),
                    &mut a.kn_visits,
                    "",
                ),
                (
                    t("Komplikasi obstetri", "Obstetric complications"),
                    t(
                        "Persen ibu hamil; asumsi perencanaan: 20%.",
                        "Percent of pregnant women; planning assumption: 20%.",
                    ),
                    &mut a.obstetric_complication_percent,
                    "%",
                ),
                (
                    t("Komplikasi neonatal", "Neonatal complications"),
                    t(
                        "Persen bayi baru lahir; asumsi perencanaan: 15%.",
                        "Percent of newborns; planning assumption: 15%.",
                    ),
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
        let t = |id: &'static str, en: &'static str| lang.pick(id, en);
        let mut remove = None;
        let mut changed = false;
        egui::Grid::new("workload_activities")
            .striped(true)
            .num_columns(6)
            .show(ui, |ui| {
                ui.strong(t("Kegiatan", "Activity"));
                ui.strong(t("Jenis", "Kind"));
                ui.strong(t("Menit per satuan", "Minutes per unit"));
                ui.strong(t("Satuan per tahun", "Units a year"));
                ui.strong(t("Jumlah tenaga", "Staff doing it"));
                ui.label("");
                ui.end_row();
                for (i, p) in self.setup.plan.iter_mut().enumerate() {
                    let n = i + 1;
                    let a = &mut p.activity;
                    changed |= ui
                        .add_sized(
                            [240.0, ui.spacing().interact_size.y],
                            egui::TextEdit::singleline(&mut a.name),
                        )
                        .accessible_name(format!("{} {n}", t("Nama kegiatan", "Activity name")))
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
                        .accessible_name(format!("{} {n}", t("Jenis kegiatan", "Activity kind")));
                    changed |= a.kind != before;
                    let name = format!("{} {n}", t("Menit per satuan", "Minutes per unit"));
                    let id = ui.scope_id().with(("workload_minutes", i));
                    changed |=
                        number_field(ui, &mut a.minutes_per_unit, 3, lang, id, &name, 70.0).1;
                    let units_now = derived.get(i).copied().flatten();
                    let before_rule = p.rule;
                    ui.horizontal(|ui| {
                        egui::ComboBox::from_id_salt(("workload_rule", i))
                            .selected_text(rule_label(&p.rule, lang))
                            .width(150.0)
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
                            .accessible_name(format!(
                                "{} {n}",
                                t("Sumber volume", "Volume source")
                            ));
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
                                let name = format!("{} {n}", t("Satuan per tahun", "Units a year"));
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
                        let name = format!("{} {n}", t("Jumlah tenaga", "Staff doing it"));
                        let id = ui.scope_id().with(("workload_staff", i));
                        changed |= number_field(ui, &mut a.staff, 2, lang, id, &name, 50.0).1;
                    } else {
                        ui.label("-");
                    }
                    if ui
                        .small_button("×")
                        .on_hover_text(t("Hapus baris", "Remove row"))
                        .accessible_name(format!("{} {n}", t("Hapus baris", "Remove row")))
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
            if ui.button(t("+ Tambah kegiatan", "+ Add activity")).clicked() {
                self.setup.plan.push(PlannedActivity {
                    activity: Activity::new(
                        t("Kegiatan baru", "New activity"),
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
                .button(t("Impor kegiatan (CSV/Excel)…", "Import activities (CSV/Excel)…"))
                .on_hover_text(t(
                    "Tabel ABK-Kes: kolom kegiatan, jenis, norma_waktu, capaian, jumlah_tenaga. Menggantikan tabel ini (dapat diurungkan).",
                    "An ABK-Kes sheet: columns activity, kind, minutes_per_unit, units_per_year, staff. Replaces this table (undoable).",
                ))
                .clicked()
            {
                self.import_requested = true;
            }
            ui.label(
                RichText::new(t(
                    "Satuan per tahun tanpa kotak isian diturunkan dari sasaran tahun itu (arahkan kursor untuk aturannya).",
                    "Units a year without a field are derived from that year's target group (hover for the rule).",
                ))
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
        let t = |id: &'static str, en: &'static str| lang.pick(id, en);
        let (available, result, steps) = match &staffing.outcome {
            Ok(o) => o,
            Err(msg) => {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("{} {msg}", t("Galat:", "Error:")),
                );
                return;
            }
        };
        let year = staffing.year.as_ref().map_or(0, |(row, _)| row.year);
        ui.columns(2, |cols| {
            self.summary_ui(&mut cols[0], result, available, year, lang);
            if let Some(by_year) = &view.results.staffing_by_year {
                self.chart_ui(&mut cols[1], by_year, lang);
            }
        });
        egui::CollapsingHeader::new(t(
            "Perhitungan langkah demi langkah",
            "Working, step by step",
        ))
        .default_open(false)
        .show(ui, |ui| {
            for (i, s) in steps.iter().enumerate() {
                ui.label(RichText::new(format!("{}. {}", i + 1, s.title)).strong());
                ui.label(RichText::new(&s.formula).italics());
                ui.label(RichText::new(format!("= {}", s.working)).monospace());
                if !s.note.is_empty() {
                    ui.label(RichText::new(&s.note).small().weak());
                }
                ui.add_space(4.0);
            }
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
        let t = |id: &'static str, en: &'static str| lang.pick(id, en);
        let abk = r.method == Method::Abk;
        let ws = r.rounding == IntermediateRounding::Worksheet;
        let factor_decimals = if ws { 2 } else { 4 };
        ui.strong(format!("{} {year}", t("Hasil tahun", "Result for")));
        ui.label(format!(
            "{} ({}): {} {}",
            t("Waktu kerja tersedia", "Available working time"),
            if abk { "WKT" } else { "AWT" },
            fmt_trim(available.minutes, 2, lang),
            t("menit/tahun", "min/year"),
        ))
        .on_hover_text(t(
            "Dari waktu kerja skenario (panel parameter), dengan mode pembulatan skenario.",
            "From the scenario's working time (parameter panel), with the scenario's rounding mode.",
        ));
        ui.label(format!(
            "{}: {}",
            if abk {
                "JKT"
            } else {
                t("Σ tenaga pelayanan", "Σ service staff")
            },
            fmt_fixed(r.service_staff, 2, lang)
        ));
        ui.label(format!(
            "{}: {}",
            if abk { "STP" } else { "CAF" },
            fmt_fixed(r.allowance_factor, factor_decimals, lang)
        ));
        ui.label(format!(
            "IAF: {}",
            fmt_fixed(r.individual_allowance, 2, lang)
        ));
        ui.label(
            RichText::new(format!(
                "{}: {}",
                t("Kebutuhan bidan", "Midwives required"),
                fmt_fixed(r.required, 2, lang)
            ))
            .strong(),
        );
        ui.label(format!(
            "{}: {}",
            t("Dibulatkan", "Rounded"),
            fmt_fixed(r.required_rounded, 0, lang)
        ));
        match (r.existing, r.difference, r.ratio) {
            (Some(e), Some(d), ratio) => {
                ui.label(format!(
                    "{}: {}",
                    t("Bidan yang ada", "Midwives in post"),
                    fmt_trim(e, 2, lang)
                ));
                ui.label(format!(
                    "{}: {} ({} {})",
                    t(
                        "Selisih (ada - dibutuhkan)",
                        "Difference (in post - required)"
                    ),
                    fmt_fixed(d, 2, lang),
                    t("dibulatkan", "rounded"),
                    fmt_fixed(r.difference_rounded.unwrap_or(d), 0, lang)
                ));
                if let Some(q) = ratio {
                    ui.label(format!(
                        "{}: {} ({})",
                        t("Rasio", "Ratio"),
                        fmt_fixed(q, 2, lang),
                        r.ratio_reading(lang).unwrap_or("")
                    ));
                }
            }
            _ => {
                ui.label(
                    RichText::new(t(
                        "Isi bidan yang ada untuk selisih dan rasio.",
                        "Give the midwives in post for the difference and the ratio.",
                    ))
                    .weak(),
                );
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
