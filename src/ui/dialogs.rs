//! The modal and floating windows of the app: "save changes?" before a
//! command that would lose them, the guide to the method and "about".

use egui::Context;

use crate::model::Lang;

/// The planner's answer to "save changes?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedAnswer {
    Save,
    Discard,
    Cancel,
}

/// Asks whether to save the unsaved changes of the scenario `name`;
/// `None` while the planner has not answered.
pub fn unsaved_changes(ctx: &Context, lang: Lang, name: &str) -> Option<UnsavedAnswer> {
    let t = |id: &'static str, en: &'static str| lang.pick(id, en);
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
        ui.heading(t("Simpan perubahan?", "Save changes?"));
        ui.label(format!(
            "{} “{}” {}",
            t("Skenario", "The scenario"),
            name,
            t(
                "punya perubahan yang belum disimpan.",
                "has unsaved changes."
            )
        ));
        ui.horizontal(|ui| {
            if ui.button(t("Simpan", "Save")).clicked() {
                answer = Some(UnsavedAnswer::Save);
            }
            if ui.button(t("Buang perubahan", "Discard changes")).clicked() {
                answer = Some(UnsavedAnswer::Discard);
            }
            if ui.button(t("Batal", "Cancel")).clicked() {
                answer = Some(UnsavedAnswer::Cancel);
            }
        });
    });
    answer
}

/// The guide to the method, while `open`.
pub fn help(ctx: &Context, lang: Lang, open: &mut bool) {
    let t = |id: &'static str, en: &'static str| lang.pick(id, en);
    egui::Window::new(t("Panduan metode", "Guide to the method"))
        .open(open)
        .default_width(520.0)
        .show(ctx, |ui| {
            ui.label(t(HELP_ID, HELP_EN));
        });
}

/// The program's name and version, while `open`.
pub fn about(ctx: &Context, lang: Lang, open: &mut bool) {
    let t = |id: &'static str, en: &'static str| lang.pick(id, en);
    egui::Window::new(t("Tentang", "About"))
        .open(open)
        .show(ctx, |ui| {
            ui.heading("Proyeksi Bidan");
            ui.label(format!(
                "{} {}",
                t("Versi", "Version"),
                env!("CARGO_PKG_VERSION")
            ));
            ui.label(t(
                "Proyeksi kebutuhan bidan untuk pelayanan antenatal.",
                "Projection of midwife needs for antenatal care.",
            ));
        });
}

const HELP_ID: &str = "Proyeksi Bidan menghitung kebutuhan bidan untuk pelayanan antenatal dengan model Dewi & Umniyatun (UHAMKA), \"Model Proyeksi Kebutuhan Bidan untuk Pelayanan Antenatal di Indonesia\".

1. Kelahiran hidup = CBR × penduduk / 1.000.
2. Ibu hamil = 1,10 × kelahiran (koefisien WHO yang dipakai Kemenkes).
3. Paket antenatal = jumlah menit kunjungan K1..Kk + persiapan 20% + pencatatan 20% (makalah: 147 menit).
4. Hari kerja efektif HKE = A − (B + C + D + E) (WHO WISN): 312 − 46 = 266 hari.
5. Waktu kerja efektif WKE = (HKE / hari per minggu) × JKF × (1 − allowance) (Permenkes 43/2017).
6. %WKE = paket / WKE (makalah: 0,0021 = 0,21%); satu bidan melayani WKE / paket ibu hamil setahun (474).
7. Pertumbuhan g = (P_n − P_n−1) / P_n−1; rata-rata g selama tahun data (makalah: −0,007).
8. Proyeksi P_n = P_0 × (1 + g)^n.
9. Kebutuhan bidan (FTE) = %WKE × ibu hamil.

Mode \"Tepat\" tidak membulatkan angka antara. Mode \"Sesuai publikasi\" membulatkan seperti makalah, sehingga semua angka makalah keluar persis. Tab Perhitungan menunjukkan setiap langkah dengan angka Anda.";

const HELP_EN: &str = "Proyeksi Bidan computes the midwives antenatal care needs with the model of Dewi & Umniyatun (UHAMKA), \"Model Proyeksi Kebutuhan Bidan untuk Pelayanan Antenatal di Indonesia\".

1. Live births = CBR × population / 1,000.
2. Pregnant women = 1.10 × births (WHO coefficient used by Kemenkes).
3. ANC package = minutes of visits K1..Kk + preparation 20% + recording 20% (paper: 147 min).
4. Effective working days HKE = A − (B + C + D + E) (WHO WISN): 312 − 46 = 266 days.
5. Effective working time WKE = (HKE / days per week) × JKF × (1 − allowance) (Permenkes 43/2017).
6. Share = package / WKE (paper: 0.0021 = 0.21%); one midwife serves WKE / package pregnant women a year (474).
7. Growth g = (P_n − P_n−1) / P_n−1; mean g over the data years (paper: −0.007).
8. Projection P_n = P_0 × (1 + g)^n.
9. Midwives needed (FTE) = share × pregnant women.

\"Exact\" mode rounds nothing in between. \"As published\" rounds like the paper, so every figure of the paper comes out exactly. The Working tab shows every step with your numbers.";
