//! The province map on the command line: `map` draws the province sample,
//! and names the data regions that are not provinces.

use std::process::Command;

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

fn count(img: &image::RgbImage, c: [u8; 3]) -> usize {
    img.pixels().filter(|p| p.0 == c).count()
}

#[test]
fn the_map_command_draws_the_province_sample() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("peta.png");
    let (code, _, err) = run(&[
        "map",
        "--example",
        "provinces",
        "--year",
        "2020",
        "--by",
        "need",
        "--out",
        png.to_str().unwrap(),
        "--width",
        "1000",
        "--height",
        "600",
    ]);
    assert_eq!(code, 0, "{err}");
    // Every province found its place: nothing listed, no province grey
    // (a few grey pixels are the edges of letters).
    assert!(!err.contains("Tidak ada di peta"), "{err}");
    let img = image::open(&png).unwrap().to_rgb8();
    assert_eq!(img.dimensions(), (1000, 600));
    assert!(count(&img, [215, 215, 215]) < 50);
    // Jawa Barat, the largest need, in the darkest blue; the smallest
    // (Kalimantan Utara and others) in the lightest.
    assert!(count(&img, [8, 81, 156]) > 100);
    assert!(count(&img, [222, 235, 247]) > 100);

    let svg = dir.path().join("peta.svg");
    let (code, _, err) = run(&[
        "map",
        "--example",
        "provinces",
        "--out",
        svg.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{err}");
    // Without midwives in the data the gap cannot be shown: it says so
    // and shows the need.
    assert!(err.contains("midwives"), "{err}");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("Midwives needed (FTE) by province, 2020"));
    assert!(text.contains("CC BY 4.0"));
}

#[test]
fn regions_that_are_not_provinces_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("campur.csv");
    std::fs::write(
        &csv,
        "kode;nama;tahun;kelahiran_hidup;bidan\n\
         32;Jawa Barat;2023;10000;30\n32;Jawa Barat;2024;10000;30\n\
         P1;Puskesmas Manggar;2023;500;3\nP1;Puskesmas Manggar;2024;500;3\n",
    )
    .unwrap();
    let png = dir.path().join("peta.png");
    let (code, _, err) = run(&[
        "map",
        "--data",
        csv.to_str().unwrap(),
        "--out",
        png.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("Tidak ada di peta (1): Puskesmas Manggar"),
        "{err}"
    );
    let img = image::open(&png).unwrap().to_rgb8();
    // Jawa Barat: 30 for 23,09 needed, above the need: the darkest green
    // (the only value); the other 37 provinces grey.
    assert!(count(&img, [35, 139, 69]) > 100);
    assert!(count(&img, [215, 215, 215]) > 1000);
    let (code, _, err) = run(&["map", "--data", csv.to_str().unwrap(), "--out", "x.gif"]);
    assert_eq!(code, 1, "{err}");
}

/// The text of a PDF, every run of spaces made one (poppler's pdftotext).
fn pdf_text(pdf: &std::path::Path) -> String {
    let out = Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) could not run");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_report_of_provinces_carries_the_map_and_a_district_s_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("laporan.pdf");
    let (code, _, err) = run(&[
        "report",
        "--example",
        "provinces",
        "--out",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let text = pdf_text(&pdf);
    assert!(
        text.contains("Bidan dibutuhkan (FTE) per provinsi, 2020"),
        "{text}"
    );
    assert!(text.contains("Batas provinsi: Indonesia GeoJSON"), "{text}");
    // A district's puskesmas are not provinces: no map.
    let data = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/belitung_timur_2023_2024.csv"
    );
    let (code, _, err) = run(&["report", "--data", data, "--out", pdf.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(!pdf_text(&pdf).contains("per provinsi"));
}
