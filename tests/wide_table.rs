//! The results table in the wide layout: one row per region, for each year
//! pregnant women, midwives needed and (where given) the gap; the default
//! for .xlsx, chosen with `--layout` on the command line and in the export
//! window.

use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook};

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_proyeksi-bidan"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Two villages, 2023–2024, no growth (births the same each year): A
/// 10.000 births and 30 midwives, B 20.000 births and 35 midwives.
fn data_file(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("desa.csv");
    std::fs::write(
        &path,
        "kode;nama;tahun;kelahiran_hidup;bidan\n\
         A;Desa A;2023;10000;30\nA;Desa A;2024;10000;30\n\
         B;Desa B;2023;20000;35\nB;Desa B;2024;20000;35\n",
    )
    .unwrap();
    path
}

fn sheet(path: &std::path::Path) -> Vec<Vec<Data>> {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let name = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&name).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

fn number(d: &Data) -> f64 {
    match d {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("not a number: {other:?}"),
    }
}

#[test]
fn a_workbook_is_wide_by_default_with_a_row_per_region() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_file(dir.path());
    let xlsx = dir.path().join("tabel.xlsx");
    let (code, _, err) = run(&[
        "export",
        "--data",
        data.to_str().unwrap(),
        "--set",
        "horizon_year=2025",
        "--table",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let rows = sheet(&xlsx);
    // The heading, the total, A and B.
    assert_eq!(rows.len(), 4);
    let head: Vec<String> = rows[0].iter().map(|d| d.to_string()).collect();
    assert_eq!(
        head[..5],
        [
            "Kode wilayah",
            "Wilayah",
            "Ibu hamil 2023",
            "Kebutuhan bidan (FTE) 2023",
            "Selisih bidan (FTE) 2023",
        ]
    );
    // Three years × three values.
    assert_eq!(head.len(), 2 + 3 * 3);
    assert_eq!(head[10], "Selisih bidan (FTE) 2025");
    // A: 1,10 × 10.000 = 11.000 pregnant women, 11.000 × 146,58 / 69.825
    // = 23,0917 midwives, 30 in post: +6,9083; full precision kept.
    let a = &rows[2];
    assert_eq!(a[0].to_string(), "A");
    assert_eq!(number(&a[2]), 11_000.0);
    let need = 11_000.0 * 146.58 / 69_825.0;
    assert!((number(&a[3]) - need).abs() < 1e-9);
    assert!((number(&a[4]) - (30.0 - need)).abs() < 1e-9);
    // The total: 33.000 women, 69,2752 needed, 65 in post.
    let total = &rows[1];
    assert_eq!(total[0].to_string(), "TOTAL");
    assert_eq!(number(&total[2]), 33_000.0);
    assert!((number(&total[4]) - (65.0 - 3.0 * need)).abs() < 1e-9);

    // --layout long: one row per region and year, as before.
    let (code, _, err) = run(&[
        "export",
        "--data",
        data.to_str().unwrap(),
        "--set",
        "horizon_year=2025",
        "--table",
        xlsx.to_str().unwrap(),
        "--layout",
        "long",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(sheet(&xlsx).len(), 1 + 3 * 3);
}

#[test]
fn a_csv_is_long_by_default_and_wide_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let data = data_file(dir.path());
    let csv = dir.path().join("tabel.csv");
    let args = |layout: Option<&str>| {
        let mut a = vec![
            "export",
            "--data",
            data.to_str().unwrap(),
            "--set",
            "horizon_year=2024",
            "--table",
            csv.to_str().unwrap(),
            "--csv-style",
            "intl",
        ];
        if let Some(l) = layout {
            a.extend(["--layout", l]);
        }
        a.into_iter().map(String::from).collect::<Vec<_>>()
    };
    let run_with = |layout| {
        let a = args(layout);
        let refs: Vec<&str> = a.iter().map(String::as_str).collect();
        let (code, _, err) = run(&refs);
        assert_eq!(code, 0, "{err}");
        std::fs::read_to_string(&csv).unwrap()
    };
    let long = run_with(None);
    assert!(
        long.starts_with("region_code,region_name,year,kind"),
        "{long}"
    );
    let wide = run_with(Some("wide"));
    let lines: Vec<&str> = wide.lines().collect();
    assert_eq!(
        lines[0],
        "region_code,region_name,pregnant_women_2023,midwives_needed_2023,gap_2023,\
         pregnant_women_2024,midwives_needed_2024,gap_2024"
    );
    // Full precision: 11.000 × 146,58 / 69.825 = 23,0917293233…
    let need = 11_000.0_f64 * 146.58 / 69_825.0;
    let cells: Vec<&str> = lines[2].split(',').collect();
    assert_eq!(cells[..3], ["A", "Desa A", "11000"]);
    let expected = [11_000.0, need, 30.0 - need, 11_000.0, need, 30.0 - need];
    for (cell, want) in cells[2..].iter().zip(expected) {
        assert!(
            (cell.parse::<f64>().unwrap() - want).abs() < 1e-12,
            "{cell}"
        );
    }
    assert!(cells[3].starts_with("23.09172932330826"), "{}", cells[3]);
    assert_eq!(lines.len(), 4);
    // Indonesian style: `;`, decimal comma, numbers as a planner reads them.
    let (code, _, err) = run(&[
        "export",
        "--data",
        data.to_str().unwrap(),
        "--set",
        "horizon_year=2024",
        "--table",
        csv.to_str().unwrap(),
        "--layout",
        "wide",
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&csv).unwrap();
    let line = text.lines().nth(2).unwrap();
    assert_eq!(line, "A;Desa A;11000;23,09;6,91;11000;23,09;6,91");
}

mod common;

#[test]
fn the_export_window_offers_the_layout() {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;

    let dir = tempfile::tempdir().unwrap();
    let (csv, xlsx) = (dir.path().join("t.csv"), dir.path().join("t.xlsx"));
    let dialogs = common::ScriptedDialogs {
        open: Vec::new(),
        save: vec![Some(csv.clone()), Some(xlsx.clone()), Some(csv.clone())],
    };
    let mut s = proyeksi_bidan::io::examples::provinces().unwrap();
    s.params.population.horizon_year = 2021;
    let mut h = common::app_on(s, dialogs);
    h.get_by_role_and_label(Role::Button, "Berkas").click();
    h.run_steps(4);
    h.get_by_role_and_label(Role::Button, "Ekspor grafik/tabel…")
        .click();
    h.run_steps(4);
    // Automatic: CSV long (35 rows a year and region: 34 provinces and the
    // total over 5 years), Excel wide (35 rows).
    h.get_by_role_and_label(Role::Button, "CSV untuk Excel Indonesia (;)…")
        .click();
    h.run_steps(4);
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap().lines().count(),
        1 + 35 * 5
    );
    h.get_by_role_and_label(
        Role::Button,
        "Excel (.xlsx) dengan parameter dan perhitungan…",
    )
    .click();
    h.run_steps(4);
    assert_eq!(sheet(&xlsx).len(), 1 + 35);
    h.get_by_role_and_label(
        Role::RadioButton,
        "lebar: satu baris per wilayah, tahun berdampingan",
    )
    .click();
    h.run_steps(4);
    h.get_by_role_and_label(Role::Button, "CSV untuk Excel Indonesia (;)…")
        .click();
    h.run_steps(4);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), 1 + 35);
    assert!(
        text.lines()
            .nth(1)
            .unwrap()
            .starts_with("TOTAL;Total;5329480;")
    );
}
