//! The left panel: every parameter of the model, in collapsible sections,
//! each with a tooltip that says what it means and where its default comes
//! from. The resulting HKE and WKE are shown live.

use egui::Ui;

use super::widgets::{number_field, number_row};
use crate::model::number::fmt_auto;
use crate::model::{
    GrowthMethod, Lang, Parameters, Projection, Rounding, StandardPreset, Visit, capacity,
};

/// The parameter panel (it keeps no state of its own beyond the frame).
#[derive(Default)]
pub struct ParamsPanel;

impl ParamsPanel {
    /// Draws the parameters; edits go straight into `params`.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        params: &mut Parameters,
        proj: Option<&Projection>,
        lang: Lang,
    ) {
        let t = |id: &'static str, en: &'static str| lang.pick(id, en);
        egui::ScrollArea::vertical().show(ui, |ui| {
            egui::CollapsingHeader::new(t("Standar pelayanan antenatal", "Antenatal care standard"))
                .id_salt("sec_standard")
                .default_open(true)
                .show(ui, |ui| self.standard_ui(ui, params, lang));
            egui::CollapsingHeader::new(t("Waktu kerja bidan", "Midwife working time"))
                .id_salt("sec_working")
                .default_open(true)
                .show(ui, |ui| self.working_ui(ui, params, lang));
            egui::CollapsingHeader::new(t("Penduduk dan proyeksi", "Population and projection"))
                .id_salt("sec_population")
                .default_open(true)
                .show(ui, |ui| self.population_ui(ui, params, proj, lang));
            egui::CollapsingHeader::new(t("Pembulatan", "Rounding"))
                .id_salt("sec_rounding")
                .default_open(true)
                .show(ui, |ui| {
                    ui.radio_value(&mut params.rounding, Rounding::Exact, t("Tepat (tanpa pembulatan antara)", "Exact (no intermediate rounding)"))
                        .on_hover_text(t(
                            "Tidak ada pembulatan sampai angka ditampilkan. Bawaan.",
                            "Nothing is rounded until display. The default.",
                        ));
                    ui.radio_value(&mut params.rounding, Rounding::Published, t("Sesuai publikasi", "As published"))
                        .on_hover_text(t(
                            "Membulatkan angka antara seperti makalah (105 menit, 44,3 minggu, 1.162,9 jam, 0,0021), sehingga semua angka makalah keluar persis.",
                            "Rounds intermediates as the paper prints them (105 min, 44.3 weeks, 1,162.9 h, 0.0021), so every figure of the paper comes out exactly.",
                        ));
                });
        });
    }

    fn standard_ui(&mut self, ui: &mut Ui, params: &mut Parameters, lang: Lang) {
        let t = |id: &'static str, en: &'static str| lang.pick(id, en);
        let current = StandardPreset::ALL
            .into_iter()
            .find(|p| p.standard() == params.anc);
        let shown = current
            .map(|p| p.label(lang).to_string())
            .unwrap_or_else(|| format!("{} ({})", params.anc.name, t("diubah", "edited")));
        ui.horizontal(|ui| {
            let l = ui.label(t("Preset", "Preset")).on_hover_text(t(
                "Jadwal kunjungan baku: makalah/SPM 2016 (4), Permenkes 21/2021 (6), WHO 2016 (8). Menit yang tidak diukur makalah adalah asumsi yang dapat diubah.",
                "Standard visit schedules: paper/SPM 2016 (4), Permenkes 21/2021 (6), WHO 2016 (8). Minutes the paper did not measure are editable assumptions.",
            ));
            egui::ComboBox::from_id_salt("preset")
                .selected_text(shown)
                .width(210.0)
                .show_ui(ui, |ui| {
                    for p in StandardPreset::ALL {
                        if ui.selectable_label(current == Some(p), p.label(lang)).clicked() {
                            params.anc = p.standard();
                        }
                    }
                })
                .response
                .labelled_by(l.id);
        });
        ui.add_space(4.0);
        let mut remove = None;
        egui::Grid::new("visits").num_columns(4).striped(true).show(ui, |ui| {
            ui.strong(t("Kunjungan", "Visit"));
            ui.strong("Trimester");
            ui.strong(t("Menit", "Minutes"));
            ui.label("");
            ui.end_row();
            let n = params.anc.visits.len();
            for (i, v) in params.anc.visits.iter_mut().enumerate() {
                let name_label = format!("{} {}", t("Nama kunjungan", "Visit name"), i + 1);
                ui.add(
                    egui::TextEdit::singleline(&mut v.label)
                        .desired_width(40.0)
                        .id_salt(("visit_label", i)),
                )
                .accessible_name(name_label);
                let tri_label = format!("{} {}", t("Trimester kunjungan", "Trimester of visit"), v.label);
                ui.add(egui::DragValue::new(&mut v.trimester).range(1..=3))
                    .accessible_name(tri_label);
                let minutes_label = format!("{} {}", t("Menit", "Minutes"), v.label);
                let id = ui.scope_id().with(("visit_minutes", i));
                let hint = if v.assumed {
                    t(
                        "Asumsi (tidak diukur makalah): dapat diubah sesuai pengamatan Anda.",
                        "Assumption (not measured in the paper): change it to your own observation.",
                    )
                } else {
                    t(
                        "Diukur dengan work sampling di dua puskesmas Kab. Sumedang, 2018 (makalah, Tabel 1).",
                        "Measured by work sampling in two Sumedang puskesmas, 2018 (paper, Table 1).",
                    )
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
                        .on_hover_text(format!("{} {}", t("Hapus kunjungan", "Remove visit"), v.label))
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
            .button(t("+ Tambah kunjungan", "+ Add visit"))
            .on_hover_text(t(
                "Menambah kunjungan trimester III dengan 20 menit (asumsi, seperti K2/K3 makalah).",
                "Adds a trimester III visit of 20 minutes (assumed, like the paper's K2/K3).",
            ))
            .clicked()
        {
            let n = params.anc.visits.len() + 1;
            params
                .anc
                .visits
                .push(Visit::new(&format!("K{n}"), 3, 20.0, true));
        }
        ui.add_space(4.0);
        number_row(
            ui,
            t("Persiapan", "Preparation"),
            t(
                "Waktu persiapan pelayanan, persen dari waktu kunjungan. Makalah: 20%.",
                "Preparation time, percent of the visit time. Paper: 20%.",
            ),
            &mut params.anc.prep_percent,
            1,
            lang,
            "%",
        );
        number_row(
            ui,
            t("Pencatatan/pelaporan", "Recording/reporting"),
            t(
                "Waktu pencatatan dan pelaporan, persen dari waktu kunjungan. Makalah: 20%.",
                "Recording and reporting time, percent of the visit time. Paper: 20%.",
            ),
            &mut params.anc.recording_percent,
            1,
            lang,
            "%",
        );
        if let Ok(wl) = capacity(params) {
            ui.label(format!(
                "{}: {} {}",
                t("Paket per ibu hamil", "Package per pregnant woman"),
                fmt_auto(wl.package.package_minutes, lang),
                t("menit", "min")
            ));
        }
    }

    fn working_ui(&mut self, ui: &mut Ui, params: &mut Parameters, lang: Lang) {
        let t = |id: &'static str, en: &'static str| lang.pick(id, en);
        let w = &mut params.working_time;
        let rows: [(&str, &str, &mut f64, usize, &str); 8] = [
            (
                t("Hari kerja per minggu", "Working days per week"),
                t(
                    "Hari kerja bidan per minggu. Makalah: 6 (puskesmas).",
                    "A midwife's working days per week. Paper: 6 (puskesmas).",
                ),
                &mut w.days_per_week,
                1,
                t("hari", "days"),
            ),
            (
                t("Minggu per tahun", "Weeks per year"),
                t(
                    "Minggu kerja dalam setahun. Makalah: 52. A = hari per minggu × minggu.",
                    "Weeks in a year. Paper: 52. A = days per week × weeks.",
                ),
                &mut w.weeks_per_year,
                1,
                t("minggu", "weeks"),
            ),
            (
                t("Cuti tahunan (B)", "Annual leave (B)"),
                t(
                    "Hari cuti tahunan. Makalah: 12 (UU 13/2003).",
                    "Annual leave days. Paper: 12 (Law 13/2003).",
                ),
                &mut w.annual_leave,
                1,
                t("hari", "days"),
            ),
            (
                t("Pendidikan/pelatihan (C)", "Training (C)"),
                t(
                    "Hari pendidikan dan pelatihan setahun. Makalah: 6.",
                    "Training days a year. Paper: 6.",
                ),
                &mut w.training_days,
                1,
                t("hari", "days"),
            ),
            (
                t("Libur nasional (D)", "Public holidays (D)"),
                t(
                    "Hari libur nasional setahun. Makalah: 16 (SKB 2017).",
                    "Public holidays a year. Paper: 16 (joint decree 2017).",
                ),
                &mut w.public_holidays,
                1,
                t("hari", "days"),
            ),
            (
                t("Ketidakhadiran lain (E)", "Other absence (E)"),
                t(
                    "Hari tidak hadir lainnya (sakit, izin). Makalah: 12.",
                    "Other days absent (sickness, leave of absence). Paper: 12.",
                ),
                &mut w.other_absence,
                1,
                t("hari", "days"),
            ),
            (
                t("Jam kerja formal (JKF)", "Formal hours (JKF)"),
                t(
                    "Jam kerja formal per minggu. Permenkes 43/2017: 37,5.",
                    "Formal working hours per week. Permenkes 43/2017: 37.5.",
                ),
                &mut w.formal_hours_per_week,
                2,
                t("jam/minggu", "h/week"),
            ),
            (
                t("Kelonggaran (allowance)", "Allowance"),
                t(
                    "Waktu kerja yang hilang karena tidak bekerja, persen dari jam formal. Permenkes 43/2017: 30%.",
                    "Working time lost to non-work, percent of formal hours. Permenkes 43/2017: 30%.",
                ),
                &mut w.allowance_percent,
                1,
                "%",
            ),
        ];
        for (label, tip, value, dec, unit) in rows {
            number_row(ui, label, tip, value, dec, lang, unit);
        }
        let rounding = params.rounding;
        match crate::model::capacity::working_time(&params.working_time, rounding) {
            Ok(wt) => {
                ui.label(format!(
                    "HKE = {} {} ({} {})",
                    fmt_auto(wt.effective_days, lang),
                    t("hari", "days"),
                    fmt_auto(wt.effective_weeks, lang),
                    t("minggu", "weeks")
                ));
                ui.label(format!(
                    "WKE = {} {} = {} {}",
                    fmt_auto(wt.effective_hours, lang),
                    t("jam", "hours"),
                    fmt_auto(wt.effective_minutes, lang),
                    t("menit", "min")
                ));
            }
            Err(e) => {
                ui.colored_label(ui.visuals().error_fg_color, e.message(lang));
            }
        }
    }

    fn population_ui(
        &mut self,
        ui: &mut Ui,
        params: &mut Parameters,
        proj: Option<&Projection>,
        lang: Lang,
    ) {
        let t = |id: &'static str, en: &'static str| lang.pick(id, en);
        let pop = &mut params.population;
        number_row(
            ui,
            t("Koefisien ibu hamil", "Pregnant-women coefficient"),
            t(
                "Ibu hamil per kelahiran hidup. Koefisien WHO yang dipakai Kemenkes: 1,10 (keguguran dan lahir mati).",
                "Pregnant women per live birth. WHO coefficient used by Kemenkes: 1.10 (miscarriages and stillbirths).",
            ),
            &mut pop.coefficient,
            3,
            lang,
            "",
        );
        ui.horizontal(|ui| {
            let l = ui.label(t("Tahun dasar", "Base year")).on_hover_text(t(
                "Tahun ke-0 proyeksi; harus ada dalam data. Makalah: 2017.",
                "Year 0 of the projection; must be in the data. Paper: 2017.",
            ));
            ui.add(egui::DragValue::new(&mut pop.base_year).range(1900..=2200))
                .labelled_by(l.id);
        });
        ui.horizontal(|ui| {
            let l = ui
                .label(t("Tahun akhir proyeksi", "Horizon year"))
                .on_hover_text(t(
                    "Tahun terakhir yang diproyeksikan. Contoh: 2035.",
                    "Last projected year. Example: 2035.",
                ));
            ui.add(egui::DragValue::new(&mut pop.horizon_year).range(1900..=2300))
                .labelled_by(l.id);
        });
        ui.horizontal(|ui| {
            let l = ui.label(t("Metode pertumbuhan", "Growth method")).on_hover_text(t(
                "Rata-rata tahunan (makalah), majemuk antara tahun data pertama dan terakhir, atau laju yang Anda tetapkan.",
                "Annual mean (paper), compound between the first and last data year, or a rate you set.",
            ));
            let name = |m: GrowthMethod| match m {
                GrowthMethod::MeanAnnual => t("Rata-rata tahunan", "Annual mean"),
                GrowthMethod::Compound => t("Majemuk", "Compound"),
                GrowthMethod::Fixed => t("Ditetapkan", "Set by planner"),
                other => other.label(lang),
            };
            egui::ComboBox::from_id_salt("growth_method")
                .selected_text(name(pop.growth_method))
                .show_ui(ui, |ui| {
                    for m in [GrowthMethod::MeanAnnual, GrowthMethod::Compound, GrowthMethod::Fixed] {
                        ui.selectable_value(&mut pop.growth_method, m, name(m));
                    }
                })
                .response
                .labelled_by(l.id);
        });
        if pop.growth_method == GrowthMethod::Fixed {
            number_row(
                ui,
                t("Pertumbuhan per tahun", "Growth per year"),
                t(
                    "Laju pertumbuhan ibu hamil per tahun, persen.",
                    "Growth of pregnant women per year, percent.",
                ),
                &mut pop.fixed_growth_percent,
                3,
                lang,
                "%",
            );
        }
        if let Some(p) = proj {
            ui.label(format!(
                "g = {}",
                crate::model::explain::Fmt::new(lang, p.rounding).growth(p.total_growth_used)
            ));
        }
    }
}
