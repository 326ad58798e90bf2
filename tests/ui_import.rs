//! Importing a data file through the window: preview, accept, undo; and a
//! bad file leaves the data untouched.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

mod common;
use common::{App, ScriptedDialogs, app_with};

fn harness(open: Vec<std::path::PathBuf>) -> App {
    app_with(ScriptedDialogs {
        open: open.into_iter().map(Some).collect(),
        save: Vec::new(),
    })
}

fn menu_import(h: &mut App) {
    h.run_steps(4);
    h.get_by_role_and_label(Role::Button, "Berkas").click();
    h.run_steps(4);
    h.get_by_role_and_label(Role::Button, "Impor data (CSV/Excel)…")
        .click();
    h.run_steps(4);
    h.state_mut().import.wait();
    h.run_steps(4);
}

#[test]
fn import_preview_accept_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("puskesmas.csv");
    std::fs::write(
        &path,
        "kode wilayah;nama wilayah;tahun;jumlah penduduk;CBR;jumlah bidan\n\
         3211;Puskesmas A;2021;40.000;16,5;3\n\
         3211;Puskesmas A;2022;40.400;16,2;3\n\
         3212;Puskesmas B;2021;25.000;17,0;2\n\
         3212;Puskesmas B;2022;25.100;16,8;2\n",
    )
    .unwrap();
    let mut h = harness(vec![path]);
    menu_import(&mut h);
    // The preview shows what was read; nothing has changed yet.
    h.get_by_label("Pratinjau data");
    h.get_by_label_contains("4 baris, 2 wilayah");
    assert_eq!(h.state().doc.state.data.len(), 4);
    assert_eq!(h.state().doc.state.data[0].year, 2017);
    h.get_by_role_and_label(Role::Button, "Pakai data ini")
        .click();
    h.run_steps(4);
    let s = &h.state().doc.state;
    assert_eq!(s.data.len(), 4);
    assert_eq!(s.data[1].population, Some(40_400.0));
    assert_eq!(s.data[2].cbr, Some(17.0));
    assert_eq!(s.params.population.base_year, 2021);
    let (d, p) = h.state().results.ok().expect("the imported data computes");
    assert_eq!(d.regions(), 2);
    // 2021: 1,1 × (16,5 × 40.000 + 17 × 25.000) / 1000 pregnant women.
    let pw = 1.1 * (16.5 * 40_000.0 + 17.0 * 25_000.0) / 1000.0;
    assert!((p.total_row(2021).unwrap().pregnant_women - pw).abs() < 1e-9);
    assert_eq!(p.total_row(2021).unwrap().midwives_available, Some(5.0));
    assert!(h.state().doc.is_dirty());
    // Undo brings the example back.
    h.state_mut().command(proyeksi_bidan::ui::Command::Undo);
    h.run_steps(3);
    assert_eq!(h.state().doc.state.data[0].year, 2017);
    assert_eq!(h.state().doc.state.data.len(), 4);
    assert_eq!(h.state().doc.state.data[0].population, Some(261_890_900.0));
}

#[test]
fn a_bad_file_lists_its_problems_and_keeps_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rusak.csv");
    std::fs::write(
        &path,
        "tahun;jumlah penduduk;CBR\n2017;-10;18,5\n2018;100;99\n",
    )
    .unwrap();
    let mut h = harness(vec![path]);
    menu_import(&mut h);
    h.get_by_label("Data tidak dapat dipakai");
    h.get_by_label_contains("rusak.csv:2:jumlah penduduk: -10");
    h.get_by_label_contains("rusak.csv:3:CBR: 99");
    h.get_by_role_and_label(Role::Button, "Tutup").click();
    h.run_steps(2);
    assert_eq!(h.state().doc.state.data[0].population, Some(261_890_900.0));
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn unknown_headers_are_mapped_by_hand_and_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kolom.csv");
    std::fs::write(&path, "th;jml;laju\n2017;1.000;18,5\n2018;1.010;18,0\n").unwrap();
    let mut h = harness(vec![path.clone()]);
    menu_import(&mut h);
    // In the window's language.
    h.get_by_label_contains("kolom tidak ada");
    // Choose the meaning of each column through the state the combo boxes edit,
    // then retry through the button.
    let mapping = proyeksi_bidan::model::data::ColumnMapping {
        columns: vec![
            ("th".into(), Some(proyeksi_bidan::model::data::Field::Year)),
            (
                "jml".into(),
                Some(proyeksi_bidan::model::data::Field::Population),
            ),
            ("laju".into(), Some(proyeksi_bidan::model::data::Field::Cbr)),
        ],
    };
    h.state_mut().doc.state.import_mapping = Some(mapping);
    h.get_by_role_and_label(Role::Button, "Tutup").click();
    h.run_steps(2);
    h.state_mut().start_import(path);
    h.state_mut().import.wait();
    h.run_steps(3);
    h.get_by_role_and_label(Role::Button, "Pakai data ini")
        .click();
    h.run_steps(4);
    assert_eq!(h.state().doc.state.data[1].population, Some(1010.0));
    assert!(h.state().doc.state.import_mapping.is_some());
}

#[test]
fn export_from_the_window_writes_chart_and_table() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("grafik.png");
    let xlsx = dir.path().join("tabel.xlsx");
    let dialogs = ScriptedDialogs {
        open: Vec::new(),
        save: vec![Some(png.clone()), Some(xlsx.clone())],
    };
    let mut h = app_with(dialogs);
    h.get_by_role_and_label(Role::Button, "Berkas").click();
    h.run_steps(4);
    h.get_by_role_and_label(Role::Button, "Ekspor grafik/tabel…")
        .click();
    h.run_steps(4);
    h.get_by_role_and_label(Role::Button, "Simpan grafik PNG…")
        .click();
    h.run_steps(4);
    let img = image::open(&png).unwrap();
    assert_eq!((img.width(), img.height()), (1600, 1000));
    h.get_by_role_and_label(
        Role::Button,
        "Excel (.xlsx) dengan parameter dan perhitungan…",
    )
    .click();
    h.run_steps(4);
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    let status = h.state().status.clone().unwrap();
    assert!(
        !status.error && status.text.contains("tabel.xlsx"),
        "{status:?}"
    );
}

/// A data file given at start (an "Open with" from the file manager, or on
/// the command line) is imported through the preview into the example; a
/// scenario file is opened as one.
#[test]
fn a_data_file_given_at_start_is_imported() {
    use proyeksi_bidan::ui::{ProyeksiApp, Tab, WindowStart};
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("desa.csv");
    std::fs::write(
        &csv,
        "kode;nama wilayah;tahun;jumlah penduduk;CBR\n\
         3211;Desa A;2021;4.000;16,5\n\
         3211;Desa A;2022;4.040;16,2\n",
    )
    .unwrap();
    let start = |file: std::path::PathBuf| {
        let mut h = egui_kittest::Harness::builder()
            .with_size(egui::vec2(1280.0, 800.0))
            .build_eframe(move |cc| {
                ProyeksiApp::from_creation(
                    cc,
                    WindowStart {
                        file: Some(file),
                        screenshot: None,
                        tab: Tab::Data,
                        lang: Some(proyeksi_bidan::model::Lang::Id),
                        started: std::time::Instant::now(),
                        show: None,
                    },
                )
            });
        h.run_steps(4);
        h.state_mut().import.wait();
        h.run_steps(4);
        h
    };
    let mut h = start(csv);
    h.get_by_label("Pratinjau data");
    h.get_by_label_contains("2 baris, 1 wilayah");
    h.get_by_role_and_label(Role::Button, "Pakai data ini")
        .click();
    h.run_steps(4);
    assert_eq!(h.state().doc.state.data.len(), 2);
    assert_eq!(h.state().doc.state.data[1].population, Some(4_040.0));

    let scenario = dir.path().join("contoh.bidan");
    proyeksi_bidan::io::scenario_file::save_scenario(
        &scenario,
        &proyeksi_bidan::model::Scenario::example(),
    )
    .unwrap();
    let h = start(scenario.clone());
    assert!(h.query_by_label("Pratinjau data").is_none());
    assert_eq!(h.state().doc.path.as_deref(), Some(scenario.as_path()));
}
