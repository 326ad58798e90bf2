//! `compute`, `export` and `rank` on a file of several levels: `--region`
//! sums a region's subtree, `--level` lists a level, `rank --region` ranks
//! the regions directly under one. Worked by hand on
//! `tests/regions/kabupaten_tree.csv`: Kab. Bogor (32.01) > Kec. Cibinong
//! (32.01.05) > two puskesmas (1.000 and 1.500 pregnant women in 2023,
//! 2 and 4 midwives); Kab. Bogor > Kec. Citeureup (32.01.06, 400, 1
//! midwife). Every leaf grows 10 % a year.

use std::collections::HashMap;
use std::path::PathBuf;

/// Midwives needed per pregnant woman: 146,58 / 69.825.
const SHARE: f64 = 146.58 / 69_825.0;

fn fixture() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/regions/kabupaten_tree.csv")
        .to_string_lossy()
        .into_owned()
}

fn run(args: &[&str]) -> Result<String, String> {
    let data = fixture();
    let mut all = vec!["proyeksi-bidan"];
    all.extend_from_slice(args);
    all.extend_from_slice(&[
        "--data",
        &data,
        "--set",
        "base_year=2023",
        "--set",
        "horizon_year=2025",
    ]);
    let mut out = Vec::new();
    proyeksi_bidan::cli::run(all, &mut out).map_err(|e| e.to_string())?;
    Ok(String::from_utf8(out).unwrap())
}

/// The CSV's rows as maps of column to cell.
fn csv_rows(text: &str) -> Vec<HashMap<String, String>> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers
                .iter()
                .cloned()
                .zip(rec.iter().map(String::from))
                .collect()
        })
        .collect()
}

fn num(row: &HashMap<String, String>, col: &str) -> f64 {
    row[col].parse().unwrap()
}

#[test]
fn compute_region_sums_the_subtree_then_lists_the_regions_under_it() {
    let out = run(&["compute", "--region", "32.01.05", "--format", "csv"]).unwrap();
    let rows = csv_rows(&out);
    let codes: Vec<&str> = rows.iter().map(|r| r["region_code"].as_str()).collect();
    assert_eq!(
        codes,
        [
            "32.01.05", "32.01.05", "32.01.05", "P3201051", "P3201051", "P3201051", "P3201052",
            "P3201052", "P3201052"
        ]
    );
    // Kecamatan: 1.000 + 1.500 = 2.500 (2023), 2.750 (2024), 3.025 (2025).
    assert_eq!(num(&rows[0], "pregnant_women"), 2_500.0);
    assert_eq!(num(&rows[1], "midwives_available"), 6.0);
    assert!((num(&rows[2], "projected_pregnant_women") - 3_025.0).abs() < 1e-6);
    assert!((num(&rows[2], "midwives_needed") - SHARE * 3_025.0).abs() < 1e-9);
    assert!((num(&rows[1], "gap") - (6.0 - SHARE * 2_750.0)).abs() < 1e-9);
    // By name as well.
    let by_name = run(&["compute", "--region", "Kec. Cibinong", "--format", "csv"]).unwrap();
    assert_eq!(by_name, out);
}

#[test]
fn compute_region_as_a_table_and_json() {
    let out = run(&["compute", "--region", "32.01", "--lang", "en"]).unwrap();
    assert!(out.contains("Kab. Bogor (32.01) regency/city"), "{out}");
    assert!(out.contains("The regions directly under it"), "{out}");
    // Leaves under the kabupaten: 2.900 in 2023 (its own row says 3.000).
    assert!(out.contains("2,900"), "{out}");
    // Kec. Citeureup: need 2023 = 400 × share = 0,84; 2025 = 484 × share = 1,0.
    let line = out.lines().find(|l| l.contains("Kec. Citeureup")).unwrap();
    assert!(line.contains("0.8") && line.contains("1.0"), "{line}");

    let json = run(&["compute", "--region", "32.01.06", "--format", "json"]).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["need_sum"], "fte");
    let regions = doc["regions"].as_array().unwrap();
    assert_eq!(regions.len(), 1);
    assert_eq!(regions[0]["region_code"], "32.01.06");
    assert_eq!(regions[0]["years"][1]["pregnant_women"], 440.0);
}

#[test]
fn compute_level_lists_that_levels_regions() {
    let out = run(&["compute", "--level", "kecamatan", "--format", "csv"]).unwrap();
    let rows = csv_rows(&out);
    assert_eq!(rows.len(), 6);
    assert_eq!(rows[0]["region_code"], "32.01.05");
    assert_eq!(rows[3]["region_code"], "32.01.06");
    assert_eq!(num(&rows[4], "pregnant_women"), 440.0);
    let pkm = csv_rows(&run(&["compute", "--level", "puskesmas", "--format", "csv"]).unwrap());
    assert_eq!(pkm.len(), 6);
    assert_eq!(num(&pkm[3], "pregnant_women"), 1_500.0);
    let e = run(&["compute", "--level", "pulau"]).unwrap_err();
    assert!(e.contains("pulau"), "{e}");
    let e = run(&["compute", "--level", "desa"]).unwrap_err();
    assert!(e.contains("desa/kelurahan"), "{e}");
    let e = run(&["compute", "--region", "99.99"]).unwrap_err();
    assert!(e.contains("99.99"), "{e}");
}

#[test]
fn each_leaf_rounded_up_on_request() {
    // 2025: 1.210 × share = 2,54 → 3; 1.815 × share = 3,81 → 4; 7 in all
    // against 6,35 FTE.
    let out = run(&[
        "compute",
        "--region",
        "32.01.05",
        "--format",
        "csv",
        "--set",
        "need_sum=each-rounded-up",
    ])
    .unwrap();
    let rows = csv_rows(&out);
    assert_eq!(num(&rows[2], "midwives_needed"), 7.0);
    assert_eq!(num(&rows[5], "midwives_needed"), 3.0);
    assert_eq!(num(&rows[8], "midwives_needed"), 4.0);
}

#[test]
fn export_table_of_a_region_and_of_a_level() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kec.csv");
    let p = path.to_str().unwrap();
    run(&[
        "export",
        "--table",
        p,
        "--level",
        "kecamatan",
        "--csv-style",
        "intl",
    ])
    .unwrap();
    let rows = csv_rows(&std::fs::read_to_string(&path).unwrap());
    assert_eq!(rows.len(), 6);
    assert_eq!(num(&rows[0], "pregnant_women"), 2_500.0);
    let xlsx = dir.path().join("bogor.xlsx");
    run(&[
        "export",
        "--table",
        xlsx.to_str().unwrap(),
        "--region",
        "32.01",
    ])
    .unwrap();
    assert!(std::fs::metadata(&xlsx).unwrap().len() > 1000);
    run(&[
        "export",
        "--table",
        p,
        "--region",
        "32.01",
        "--csv-style",
        "intl",
    ])
    .unwrap();
    let rows = csv_rows(&std::fs::read_to_string(&path).unwrap());
    // The kabupaten, then its two kecamatan.
    assert_eq!(rows.len(), 9);
    assert_eq!(num(&rows[0], "pregnant_women"), 2_900.0);
    assert_eq!(rows[6]["region_code"], "32.01.06");
}

#[test]
fn rank_region_ranks_the_regions_under_it() {
    // 2024: Cibinong 6 for 2.750 × share = 5,77 (+0,23); Citeureup 1 for
    // 440 × share = 0,92 (+0,08): Citeureup first.
    let out = run(&[
        "rank", "--year", "2024", "--region", "32.01", "--format", "csv",
    ])
    .unwrap();
    let rows = csv_rows(&out);
    let codes: Vec<&str> = rows.iter().map(|r| r["region_code"].as_str()).collect();
    assert_eq!(codes, ["32.01.06", "32.01.05"]);
    assert!((num(&rows[1], "gap") - (6.0 - SHARE * 2_750.0)).abs() < 1e-9);
    // Without --region: the lowest level, the puskesmas and Citeureup.
    // P3201051: 2 for 2,31 (−0,31); P3201052: 4 for 3,46 (+0,54).
    let out = run(&["rank", "--year", "2024", "--format", "csv"]).unwrap();
    let rows = csv_rows(&out);
    let codes: Vec<&str> = rows.iter().map(|r| r["region_code"].as_str()).collect();
    assert_eq!(codes, ["P3201051", "32.01.06", "P3201052"]);
}

#[test]
fn the_supply_of_a_kecamatan_stands_on_its_puskesmas() {
    // Kec. Cibinong's own row says 5 midwives; its two puskesmas have
    // 2 + 4 = 6, and the supply counts those, as the tree does. Need
    // 2023: 2.500 × 146,58 / 69.825 = 5,25; 2025: 3.025 × … = 6,35.
    // Puskesmas Cibinong leaves at 10 % a year, the rest at 4 %: the
    // kecamatan's rate is (2 × 10 + 4 × 4) / 6 = 6 %, so 2025 starts with
    // 6 and loses 0,36.
    let out = run(&[
        "supply",
        "--region",
        "32.01.05",
        "--attrition",
        "4",
        "--attrition-region",
        "P3201051=10",
    ])
    .unwrap();
    let line = |year: &str| -> Vec<String> {
        out.lines()
            .find(|l| l.starts_with(year))
            .unwrap_or_else(|| panic!("no {year} in {out}"))
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    assert_eq!(line("2023")[6..], ["6,00", "5,25", "0,75"]);
    assert_eq!(
        line("2025")[2..],
        ["6,00", "0,36", "0,00", "0,00", "5,64", "6,35", "-0,71"]
    );
    assert!(out.contains("Keluar 6% per tahun"), "{out}");
    assert!((2_500.0 * SHARE - 5.25).abs() < 0.005);
}
