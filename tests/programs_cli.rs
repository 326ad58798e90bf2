//! `internship` and `mentoring` on the command line, worked by hand.

mod programs_sample;

use proyeksi_bidan::cli::{CliError, run};
use proyeksi_bidan::io::save_scenario;

fn scenario_file() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sungai-penuh.bidan");
    save_scenario(&path, &programs_sample::scenario()).unwrap();
    let p = path.display().to_string();
    (dir, p)
}

fn cli(args: &[&str]) -> Result<String, CliError> {
    let mut out = Vec::new();
    let mut all = vec!["proyeksi-bidan"];
    all.extend_from_slice(args);
    run(all, &mut out)?;
    Ok(String::from_utf8(out).unwrap())
}

fn line_with<'a>(text: &'a str, parts: &[&str]) -> &'a str {
    text.lines()
        .find(|l| parts.iter().all(|p| l.contains(p)))
        .unwrap_or_else(|| panic!("no line with {parts:?} in\n{text}"))
}

#[test]
fn internship_schedule_and_expectations_by_hand() {
    let (_dir, file) = scenario_file();
    let out = cli(&["internship", "--scenario", &file, "--format", "json"]).unwrap();
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let sched = v["schedule"].as_array().unwrap();
    // Ani (permission 20 Feb) takes RB Budi Setia on 2–3 March; Citra
    // (from 2 March) finds it full and takes Klinik Bersalin Mitra on 2–3
    // March; Bunga (permission 3 March) finds both full on the 3rd and
    // takes RB Budi Setia on 4–5 March; Dewi has no permission.
    let row = |i: usize| {
        (
            sched[i]["intern"].as_str().unwrap(),
            sched[i]["clinic"].as_str().unwrap_or(""),
            sched[i]["first_day"].as_str().unwrap_or(""),
            sched[i]["last_day"].as_str().unwrap_or(""),
        )
    };
    assert_eq!(row(0), ("Ani", "RB Budi Setia", "2026-03-02", "2026-03-03"));
    assert_eq!(
        row(1),
        ("Citra", "Klinik Bersalin Mitra", "2026-03-02", "2026-03-03")
    );
    assert_eq!(
        row(2),
        ("Bunga", "RB Budi Setia", "2026-03-04", "2026-03-05")
    );
    assert_eq!(row(3).0, "Dewi");
    assert_eq!(sched[3]["note"], "belum ada izin Dinas Kesehatan");
    let exp = v["expectations"].as_array().unwrap();
    let num = |i: usize, k: &str| exp[i][k].as_f64().unwrap();
    // Ani: λ = 2 × 1.602 ÷ 365 = 8,778082; her village Koto Lolo (data
    // 2026: 2.000 × 18 ‰ = 36 births) × 25% ÷ 365 × 2 = 0,049315, P = 4,81%;
    // 80% in ⌈ln 5 ÷ 0,0246575⌉ = 66 days.
    assert!((num(0, "expected_deliveries") - 8.778_082).abs() < 1e-6);
    assert!((num(0, "p_village_mother") - 0.048_118_83).abs() < 1e-8);
    assert_eq!(num(0, "days_for_80_village"), 66.0);
    // Citra at the clinic open 6 days a week: 240 ÷ (6 × 365 ÷ 7) =
    // 0,767123 a day, λ = 1,534247, P(none) = e^−1,534247 = 0,215618; 80%
    // in ⌈ln 5 ÷ 0,767123⌉ = ⌈2,098⌉ = 3 days. Tanjung (typed 60 births)
    // × 10% ÷ 312,857 × 2 = 0,038356: P = 0,037630, 80% in ⌈83,92⌉ = 84.
    assert!((num(1, "p_no_delivery") - 0.215_618_08).abs() < 1e-8);
    assert_eq!(num(1, "days_for_80"), 3.0);
    assert!((num(1, "p_village_mother") - 0.037_629_88).abs() < 1e-8);
    assert_eq!(num(1, "days_for_80_village"), 84.0);
    assert_eq!(exp[1]["births_source"], "diisi");
    // Bunga: Sumur Gedang 3.000 × 18 ‰ = 54 births: 54 × 25% ÷ 365 × 2 =
    // 0,073973, P = 0,071303, 80% in ⌈43,51⌉ = 44 days.
    assert!((num(2, "p_village_mother") - 0.071_302_86).abs() < 1e-8);
    assert_eq!(num(2, "days_for_80_village"), 44.0);
    // The seed's indicator: 1.501 of 1.602 assisted, 93,70%.
    assert!((v["indicators"][0]["assisted_share"].as_f64().unwrap() - 0.936_953_8).abs() < 1e-7);

    let table = cli(&["internship", "--scenario", &file]).unwrap();
    let ani = line_with(&table, &["Ani", "RB Budi Setia", "8,78"]);
    assert!(
        ani.starts_with("! ") && ani.contains("4,81%") && ani.contains("66"),
        "{ani}"
    );
    assert!(
        ani.contains("kemungkinan besar tidak ada ibu dari desanya"),
        "{ani}"
    );
    line_with(&table, &["Harapan kasus"]);
    line_with(&table, &["2016", "1.602", "1.501", "93,70%", "100,00%"]);
    let en = cli(&["internship", "--scenario", &file, "--lang", "en"]).unwrap();
    line_with(&en, &["Citra", "Klinik Bersalin Mitra", "1.53", "21.56%"]);
}

#[test]
fn internship_refuses_three_days_with_the_rule_and_writes_xlsx() {
    let (dir, file) = scenario_file();
    let e = cli(&["internship", "--scenario", &file, "--days", "3"]).unwrap_err();
    assert!(
        e.to_string().contains("Lama masa magang maksimal 2 hari."),
        "{e}"
    );
    let xlsx = dir.path().join("magang.xlsx");
    let csv = cli(&[
        "internship",
        "--scenario",
        &file,
        "--format",
        "csv",
        "--days",
        "1",
        "--xlsx",
        xlsx.to_str().unwrap(),
    ])
    .unwrap();
    // One day each: Ani and Citra on the 2nd, Bunga at RB on the 3rd.
    assert!(
        csv.contains("Bunga,Sumur Gedang,RB Budi Setia,2026-03-03,2026-03-03,1,"),
        "{csv}"
    );
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    assert_eq!(wb.sheet_names()[..2], ["Jadwal magang", "Kalender magang"]);
    let cal = wb.worksheet_range("Kalender magang").unwrap();
    // Day by day: 2 March Ani at RB Budi Setia and Citra at Klinik Bersalin
    // Mitra, 3 March Bunga at RB Budi Setia; each clinic takes one a day.
    let row = |r: usize| {
        (1..4)
            .map(|c| match cal.get((r, c)) {
                Some(Data::String(s)) => s.clone(),
                Some(Data::Float(x)) => x.to_string(),
                other => format!("{other:?}"),
            })
            .collect::<Vec<_>>()
            .join("|")
    };
    assert_eq!(row(1), "RB Budi Setia|Ani|0");
    assert_eq!(row(2), "Klinik Bersalin Mitra|Citra|0");
    assert_eq!(row(3), "RB Budi Setia|Bunga|0");
    assert_eq!(cal.height(), 4);
    // Interns and clinics from files replace the scenario's.
    let interns = dir.path().join("bidan.csv");
    std::fs::write(
        &interns,
        "nama;desa;tanggal_izin\nEka;Koto Lolo;2026-03-30\n",
    )
    .unwrap();
    let out = cli(&[
        "internship",
        "--scenario",
        &file,
        "--interns",
        interns.to_str().unwrap(),
        "--format",
        "csv",
    ])
    .unwrap();
    assert!(
        out.contains("Eka,Koto Lolo,RB Budi Setia,2026-03-30,2026-03-31,2,"),
        "{out}"
    );
}

#[test]
fn mentoring_marks_the_overdue_and_shows_the_latest_scores() {
    let (dir, file) = scenario_file();
    let out = cli(&["mentoring", "--scenario", &file, "--today", "2026-03-01"]).unwrap();
    // Cigombong: visited 19 January, 4 of 8 (50%), next visit 20 April.
    let cig = line_with(
        &out,
        &["Puskesmas Cigombong", "Puskesmas PONED", "RSUD Kota Bogor"],
    );
    assert!(
        cig.starts_with("  ") && cig.contains("2026-01-19") && cig.contains("50,00%"),
        "{cig}"
    );
    // RSUD's visit of 2 February passed undone: overdue.
    let rs = line_with(&out, &["RSUD Kota Bogor", "RS PONEK"]);
    assert!(rs.starts_with("! ") && rs.contains("TERLAMBAT"), "{rs}");
    assert!(out.contains("1 terlambat"), "{out}");
    assert!(out.contains("CONTOH daftar tilik"), "{out}");
    // Cigombong's region (Koto Lolo) gives its midwife gap in 2026.
    let json = cli(&[
        "mentoring",
        "--scenario",
        &file,
        "--today",
        "2026-03-01",
        "--format",
        "json",
    ])
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let s = programs_sample::scenario();
    let (data, p) = proyeksi_bidan::model::compute(&s).unwrap();
    let gap = p.region_row(&data, 0, 2026).gap.unwrap();
    assert!((v["facilities"][0]["midwife_gap"].as_f64().unwrap() - gap).abs() < 1e-9);
    assert!(v["facilities"][1]["midwife_gap"].is_null());
    let xlsx = dir.path().join("pendampingan.xlsx");
    cli(&[
        "mentoring",
        "--scenario",
        &file,
        "--today",
        "2026-03-01",
        "--xlsx",
        xlsx.to_str().unwrap(),
    ])
    .unwrap();
    assert!(xlsx.exists());
    // A scenario without mentoring says so.
    let plain = dir.path().join("contoh.bidan");
    save_scenario(&plain, &proyeksi_bidan::model::Scenario::example()).unwrap();
    let e = cli(&["mentoring", "--scenario", plain.to_str().unwrap()]).unwrap_err();
    assert!(e.to_string().contains("belum berisi fasilitas"), "{e}");
}

/// The report carries both programmes when the scenario has them, and none
/// when it has not.
#[test]
fn the_report_carries_the_programmes() {
    let (dir, file) = scenario_file();
    let pdf = dir.path().join("laporan.pdf");
    cli(&[
        "report",
        "--scenario",
        &file,
        "--out",
        pdf.to_str().unwrap(),
    ])
    .unwrap();
    let text = |pdf: &std::path::Path| {
        let out = std::process::Command::new("pdftotext")
            .args([pdf.to_str().unwrap(), "-"])
            .output()
            .expect("pdftotext (poppler-utils)");
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let all = text(&pdf);
    for expected in [
        "Magang bidan desa",
        "Periode 2026-03-02 s.d. 2026-03-31, 2 hari per bidan.",
        "Jadwal magang",
        "RB Budi Setia",
        "4,81%",
        "belum ada izin Dinas Kesehatan",
        "93,70%",
        "Pendampingan klinis",
        "RSUD Kota Bogor",
        "TERLAMBAT",
        "bukan instrumen resmi Kementerian Kesehatan",
    ] {
        assert!(
            all.contains(expected),
            "{expected:?} not in the report:\n{all}"
        );
    }
    let plain = dir.path().join("contoh.bidan");
    save_scenario(&plain, &proyeksi_bidan::model::Scenario::example()).unwrap();
    let pdf2 = dir.path().join("contoh.pdf");
    cli(&[
        "report",
        "--scenario",
        plain.to_str().unwrap(),
        "--out",
        pdf2.to_str().unwrap(),
    ])
    .unwrap();
    assert!(!text(&pdf2).contains("Magang bidan desa"));
}
