//! `supply` and `rank`: the stock and flow beside the need, and the regions
//! ranked by gap, worked by hand.

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

/// One village of 1.000.000 people (20.000 births a year, no growth) with
/// 40 midwives in 2023 and 41 in 2024.
fn data_file() -> tempfile::TempPath {
    let file = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
    std::fs::write(
        file.path(),
        "kode_wilayah;nama_wilayah;tahun;jumlah_penduduk;kelahiran_hidup;bidan\n\
         A;Desa A;2023;1000000;20000;40\n\
         A;Desa A;2024;1000000;20000;41\n",
    )
    .unwrap();
    file.into_temp_path()
}

#[test]
fn supply_is_worked_year_by_year_with_the_year_the_gap_closes() {
    let data = data_file();
    let (code, out, err) = run(&[
        "supply",
        "--data",
        data.to_str().unwrap(),
        "--attrition",
        "5",
        "--intake",
        "3",
        "--transfer",
        "2026=2",
        "--close-by",
        "2028",
    ]);
    assert_eq!(code, 0, "{err}");
    // Need: 1,10 × 20.000 × 146,58 / 69.825 = 46,18 FTE every year.
    // 2025: 41 × 0,95 + 3 = 41,95; 2026: 41,95 × 0,95 + 3 + 2 = 44,8525;
    // 2027: 45,61; 2028: 46,33 ≥ 46,18.
    for line in [
        "2024   data      40,00    0,00  0,00      0,00     41,00      46,18    -5,18",
        "2025   proyeksi  41,00    2,05  3,00      0,00     41,95      46,18    -4,23",
        "2026   proyeksi  41,95    2,10  3,00      2,00     44,85      46,18    -1,33",
        "2028   proyeksi  45,61    2,28  3,00      0,00     46,33      46,18     0,15",
        "Selisih tertutup sejak 2028 dan tetap tertutup sampai akhir proyeksi.",
    ] {
        assert!(out.contains(line), "{line:?} not in\n{out}");
    }
    // Goal seek for 2028: S(0) = 41 × 0,95⁴ + 2 × 0,95² = 35,1996; one
    // midwife a year adds 1 + 0,95 + 0,95² + 0,95³ = 3,709875; (46,1836 −
    // 35,1996) / 3,709875 = 2,96 a year, and the check gives a zero gap.
    assert!(
        out.contains("Agar selisih tertutup sejak 2028 sampai akhir proyeksi: 2,96 bidan baru per tahun (diperiksa: dengan penempatan ini selisih terkecil sejak 2028 = 0,00 FTE)."),
        "{out}"
    );
    assert!(
        out.contains("selama keluar paling banyak 5,09% per tahun"),
        "{out}"
    );
}

#[test]
fn supply_chart_is_saved_with_both_lines_and_the_gap_shaded() {
    let data = data_file();
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("pasokan.svg");
    let (code, out, err) = run(&[
        "supply",
        "--data",
        data.to_str().unwrap(),
        "--lang",
        "en",
        "--intake",
        "12",
        "--chart",
        svg.to_str().unwrap(),
        "--close-by",
        "2026",
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&svg).unwrap();
    for name in [
        "Midwives available and needed",
        "Midwives needed",
        "Midwives available (data)",
        "Midwives available (stock and flow)",
        "Shortfall",
        "Surplus",
    ] {
        assert!(text.contains(name), "{name} not in the chart");
    }
    // 12 new midwives a year alone are below the need of 46,18: the gap
    // stays closed only while few enough leave.
    assert!(out.contains("as long as at most"), "{out}");
    // With 50 a year, the new midwives alone meet the need.
    let (code, out, err) = run(&[
        "supply",
        "--data",
        data.to_str().unwrap(),
        "--lang",
        "en",
        "--intake",
        "50",
        "--close-by",
        "2026",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("the gap stays closed from 2026 however many midwives leave: the new midwives alone meet the need."),
        "{out}"
    );
}

#[test]
fn supply_needs_the_midwives_in_post_and_reads_transfers_carefully() {
    // The paper's example has no midwives in post.
    let (code, _, err) = run(&["supply", "--lang", "en", "--intake", "3"]);
    assert_eq!(code, 1);
    assert!(err.contains("midwives_available"), "{err}");
    let data = data_file();
    let (code, _, err) = run(&[
        "supply",
        "--data",
        data.to_str().unwrap(),
        "--transfer",
        "2026:2",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--transfer TAHUN=JUMLAH"), "{err}");
    let (code, _, err) = run(&[
        "supply",
        "--data",
        data.to_str().unwrap(),
        "--attrition",
        "100",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("attrition_percent"), "{err}");
}

#[test]
fn supply_is_kept_in_the_scenario_file_and_old_files_open_without_it() {
    use proyeksi_bidan::io::{scenario_from_str, scenario_to_string};
    use proyeksi_bidan::model::Scenario;
    use proyeksi_bidan::model::supply::{Intake, SupplyParams, Transfer};
    let plain = scenario_to_string(&Scenario::example());
    assert!(!plain.contains("supply"));
    assert_eq!(scenario_from_str(&plain).unwrap().supply, None);
    let mut s = Scenario::example();
    s.supply = Some(SupplyParams {
        attrition_percent: 4.5,
        attrition_by_region: Vec::new(),
        intake: Intake::Graduates {
            graduates: 40.0,
            absorbed_percent: 25.0,
        },
        transfers: vec![Transfer {
            year: 2026,
            net: -2.0,
        }],
        close_by: Some(2030),
    });
    let back = scenario_from_str(&scenario_to_string(&s)).unwrap();
    assert_eq!(back, s);
}

#[test]
fn rank_puts_the_shortest_region_first_and_adds_up_the_shortfalls() {
    let file = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
    std::fs::write(
        file.path(),
        "kode;nama;tahun;kelahiran_hidup;bidan\n\
         A;Kec A;2023;10000;30\nA;Kec A;2024;10000;30\n\
         B;Kec B;2023;20000;35\nB;Kec B;2024;20000;35\n\
         C;Kec C;2023;5000;10\nC;Kec C;2024;5000;10\n",
    )
    .unwrap();
    let path = file.path().to_str().unwrap();
    let (code, out, err) = run(&["rank", "--data", path]);
    assert_eq!(code, 0, "{err}");
    // Need = 1,10 × births × 146,58 / 69.825: A 23,09, B 46,18, C 11,55.
    // The net total (+6,91 − 11,18 − 1,55 = −5,82) hides 12,73 short.
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[2].starts_with("1  Kec B        46,18     35,00   -11,18   0,76"),
        "{out}"
    );
    assert!(
        lines[3].starts_with("2  Kec C        11,55     10,00    -1,55"),
        "{out}"
    );
    assert!(
        lines[4].starts_with("3  Kec A        23,09     30,00     6,91"),
        "{out}"
    );
    assert!(
        out.contains("2 dari 3 wilayah kurang bidan; jumlah kekurangannya 12,73 FTE"),
        "{out}"
    );
    let (_, csv, _) = run(&["rank", "--data", path, "--format", "csv", "--year", "2030"]);
    assert!(
        csv.lines().nth(1).unwrap().starts_with("1,B,Kec B,2030,"),
        "{csv}"
    );
    // By ratio: B 35 / 46,18 = 0,76, C 10 / 11,55 = 0,87, A 1,30; by need:
    // B, A, C. JSON carries the same numbers.
    let (_, by_need, _) = run(&["rank", "--data", path, "--by", "need", "--format", "csv"]);
    let order: Vec<&str> = by_need.lines().skip(1).map(|l| &l[..3]).collect();
    assert_eq!(order, ["1,B", "2,A", "3,C"]);
    let (code, json, err) = run(&["rank", "--data", path, "--by", "ratio", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["ranked_by"], "ratio");
    assert_eq!(v["short_regions"], 2);
    let regions = v["regions"].as_array().unwrap();
    let codes: Vec<&str> = regions
        .iter()
        .map(|r| r["region_code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["B", "C", "A"]);
    let ratio_b = regions[0]["ratio"].as_f64().unwrap();
    assert!((ratio_b - 35.0 / (1.1 * 20_000.0 * 146.58 / 69_825.0)).abs() < 1e-9);
    let (code, _, err) = run(&["rank", "--data", path, "--year", "1990"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("Tahun 1990 tidak ada dalam proyeksi (2023–2035)"),
        "{err}"
    );
}

#[test]
fn a_district_health_profile_is_read_as_written() {
    // The Belitung Timur profile as published: `lahir_hidup` (live births)
    // and `bidan_puskesmas` (midwives in post) are read without mapping.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/belitung_timur_2023_2024.csv"
    );
    let (code, out, err) = run(&["rank", "--data", path]);
    assert_eq!(code, 0, "{err}");
    // Manggar 2024: 22 midwives in post; the file gives its pregnant women
    // (`ibu_hamil` 693), so the need is 693 × 146,58 / 69.825 = 1,45 FTE.
    assert!(
        out.lines()
            .any(|l| l.starts_with("6  Manggar") && l.contains("1,45     22,00")),
        "{out}"
    );
    assert!(out.contains("0 dari 7 wilayah kurang bidan"), "{out}");
}

#[test]
fn a_region_may_leave_at_its_own_rate_and_the_total_weighs_the_rates() {
    // Two villages of 1.000.000 people with 30 and 10 midwives in 2024.
    let file = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
    std::fs::write(
        file.path(),
        "kode_wilayah;nama_wilayah;tahun;jumlah_penduduk;kelahiran_hidup;bidan\n\
         A;Desa A;2024;1000000;20000;30\n\
         B;Desa B;2024;1000000;20000;10\n",
    )
    .unwrap();
    let data = file.into_temp_path();
    let base = [
        "supply",
        "--data",
        data.to_str().unwrap(),
        "--attrition",
        "4",
        "--attrition-region",
        "B=10",
    ];
    // B alone: 10 × 0,90 = 9,00 in 2025, at its own 10%.
    let mut args = base.to_vec();
    args.extend(["--region", "B"]);
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Laju keluar yang dipakai: 10% setahun (laju wilayah ini sendiri)."),
        "{out}"
    );
    assert!(out.contains("2025   proyeksi  10,00    1,00"), "{out}");
    // The total: (30 × 4% + 10 × 10%) / 40 = 5,5%; 40 × 0,945 = 37,80.
    let (code, out, err) = run(&base);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Laju keluar yang dipakai: 5,5% setahun (rata-rata laju tiap wilayah"),
        "{out}"
    );
    assert!(out.contains("37,80"), "{out}");
    // A region not in the data, or a rate that cannot be read, is refused.
    let mut args = base.to_vec();
    args[6] = "C=3";
    let (code, _, err) = run(&args);
    assert_ne!(code, 0);
    assert!(err.contains("`C`"), "{err}");
    args[6] = "B=banyak";
    let (code, _, err) = run(&args);
    assert_ne!(code, 0);
    assert!(err.contains("--attrition-region KODE=PERSEN"), "{err}");
}

#[test]
fn rank_writes_its_chart_and_its_table() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("desa.csv");
    std::fs::write(
        &file,
        "kode_wilayah;nama_wilayah;tahun;jumlah_penduduk;kelahiran_hidup;bidan\n\
         A;Desa A;2024;1000000;20000;30\n\
         B;Desa B;2024;1000000;20000;50\n",
    )
    .unwrap();
    let svg = dir.path().join("peringkat.svg");
    let xlsx = dir.path().join("peringkat.xlsx");
    let (code, out, err) = run(&[
        "rank",
        "--data",
        file.to_str().unwrap(),
        "--chart",
        svg.to_str().unwrap(),
        "--table",
        xlsx.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0, "{err}");
    // A: 30 − 46,18 first.
    assert!(
        out.lines().nth(1).unwrap().starts_with("1,A,Desa A,2024,"),
        "{out}"
    );
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("Peringkat wilayah 2024 — Total"), "{text}");
    assert!(std::fs::metadata(&xlsx).unwrap().len() > 1000);
}
