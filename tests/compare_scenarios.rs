//! `compare`: scenarios side by side, worked by hand on the paper's
//! Indonesia 2017 (5.329.479,815 pregnant women; WKE 69.825 minutes).

use std::process::Command;

use proyeksi_bidan::model::Scenario;
use proyeksi_bidan::model::compare::{CompareError, compare_scenarios, variants};

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

/// Pregnant women of 2017: 1,10 × 261.890.900 × 18,5 / 1000.
const PW_2017: f64 = 5_329_479.815;

fn example_file(dir: &tempfile::TempDir) -> String {
    let path = dir.path().join("contoh.bidan");
    let (code, _, err) = run(&["example", "--out", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    path.to_str().unwrap().to_string()
}

#[test]
fn a_scenario_compared_with_itself_differs_by_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = example_file(&dir);
    let (code, out, err) = run(&["compare", &file, &file, "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let scenarios = v["scenarios"].as_array().unwrap();
    assert_eq!(scenarios.len(), 2);
    let years = scenarios[1]["years"].as_array().unwrap();
    assert_eq!(years.len(), 19); // 2017 to 2035
    for y in years {
        for key in [
            "pregnant_women",
            "anc_visits",
            "workload_hours",
            "midwives_needed",
        ] {
            assert_eq!(y["difference"][key].as_f64(), Some(0.0), "{key} {y}");
        }
    }
    // The figures are the projection's: 2017 needs 11.187,90 midwives.
    let first = &scenarios[0]["years"][0];
    assert_eq!(first["year"], 2017);
    assert_eq!(first["kind"], "data");
    let need = first["figures"]["midwives_needed"].as_f64().unwrap();
    assert!((need - PW_2017 * 146.58 / 69_825.0).abs() < 1e-6, "{need}");
}

#[test]
fn six_visits_need_56_minutes_more_per_woman_than_four() {
    // 4 visits: (30,6 + 20 + 20 + 34,1) × 1,4 = 146,58 min; 6 visits add
    // two routine visits of 20 min: 202,58 min, 56 min more. 2017:
    // + 5.329.479,815 × 56 / 69.825 = 4.274,27 midwives, + 2 × 5.329.479,815
    // visits, + 5.329.479,815 × 56 / 60 hours.
    let (code, out, err) = run(&[
        "compare",
        "--vary",
        "anc_visits=6",
        "--year",
        "2017",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let b = &v["scenarios"][1];
    assert_eq!(b["visits"], 6);
    assert!((b["package_minutes"].as_f64().unwrap() - 202.58).abs() < 1e-9);
    let years = b["years"].as_array().unwrap();
    assert_eq!(years.len(), 1);
    let d = &years[0]["difference"];
    let close = |key: &str, want: f64| {
        let got = d[key].as_f64().unwrap();
        assert!(
            (got - want).abs() < 1e-6 * want.abs(),
            "{key}: {got} ≠ {want}"
        );
    };
    close("midwives_needed", PW_2017 * 56.0 / 69_825.0);
    close("anc_visits", 2.0 * PW_2017);
    close("workload_hours", PW_2017 * 56.0 / 60.0);
    assert_eq!(d["pregnant_women"].as_f64(), Some(0.0));

    // The table, in Indonesian numbers.
    let (code, out, err) = run(&["compare", "--vary", "anc_visits=6,8", "--year", "2017"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Perbandingan skenario — Total\n"), "{out}");
    assert!(out.contains("B = Indonesia 2017–2020 (contoh dari makalah) · anc_visits=6 (6 kunjungan, paket 202,58 menit)"), "{out}");
    // 8 visits: two more routine visits, 112 minutes more: 8.548,54.
    let need_line = out
        .lines()
        .skip_while(|l| *l != "Bidan yang dibutuhkan (FTE)")
        .nth(2)
        .unwrap();
    assert_eq!(
        need_line.split_whitespace().collect::<Vec<_>>(),
        [
            "2017",
            "data",
            "11.187,90",
            "15.462,17",
            "19.736,44",
            "+4.274,27",
            "+8.548,54"
        ],
        "{out}"
    );
}

#[test]
fn csv_has_one_row_per_year_and_scenario_with_real_values() {
    let (code, out, err) = run(&[
        "compare",
        "--vary",
        "allowance_percent=25",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0, "{err}");
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some(
            "year,kind,scenario,scenario_name,pregnant_women,anc_visits,workload_hours,midwives_needed,\
             difference_pregnant_women,difference_anc_visits,difference_workload_hours,difference_midwives_needed"
        )
    );
    let rows: Vec<Vec<String>> = lines
        .map(|l| {
            csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(l.as_bytes())
                .records()
                .next()
                .unwrap()
                .unwrap()
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 2 * 19);
    let b2017 = &rows[1];
    assert_eq!(&b2017[..3], ["2017", "data", "B"]);
    let num = |i: usize| b2017[i].parse::<f64>().unwrap();
    // Allowance 25%: WKE = 266 / 6 × 37,5 × 0,75 × 60 = 74.812,5 min.
    let need = PW_2017 * 146.58 / 74_812.5;
    assert!((num(7) - need).abs() < 1e-6);
    assert!((num(11) - (need - PW_2017 * 146.58 / 69_825.0)).abs() < 1e-6);
    assert_eq!(num(8), 0.0);
}

#[test]
fn bad_requests_are_refused_in_the_planners_language() {
    let (code, _, err) = run(&["compare", "--vary", "anc_visits=4,6,8,10"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("`anc_visits`") && err.contains("4, 6, 8"),
        "{err}"
    );
    let (code, _, err) = run(&["compare", "--vary", "standard=paper4/permenkes6/who8/who8"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("Bandingkan 1 sampai 4 skenario; yang diberikan 5."),
        "{err}"
    );
    let (code, _, err) = run(&["compare", "--year", "2050", "--lang", "en"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("Year 2050 is not in every scenario compared (years in common: 2017–2035)."),
        "{err}"
    );
    let (code, _, err) = run(&["compare", "--region", "XX"]);
    assert_eq!(code, 1);
    assert!(err.contains("wilayah `XX` tidak ditemukan"), "{err}");
    let (code, _, err) = run(&["compare", "--vary", "coefficient=9"]);
    assert_eq!(code, 1);
    assert!(err.contains("coefficient"), "{err}");
}

#[test]
fn the_engine_compares_variants_of_one_scenario() {
    let base = Scenario::example();
    let mut list = vec![base.clone()];
    list.extend(
        variants(&base, "anc_visits=6,8", proyeksi_bidan::model::Lang::Id)
            .unwrap()
            .into_iter()
            .map(|v| v.scenario),
    );
    let c = compare_scenarios(&list, Some("ID")).unwrap();
    assert_eq!(c.region.as_deref(), Some("Indonesia"));
    assert_eq!(c.years().len(), 19);
    let need = |s: usize| c.scenarios[s].years[0].figures.midwives_needed;
    // Every visit adds the same 28 minutes per woman here.
    assert!(((need(2) - need(1)) - (need(1) - need(0))).abs() < 1e-9);
    let mut late = base.clone();
    late.params.population.base_year = 2020;
    late.data.retain(|r| r.year == 2020);
    let c = compare_scenarios(&[base.clone(), late], None).unwrap();
    assert_eq!(c.years().first(), Some(&2020));
    let mut wrong = base;
    wrong.data.clear();
    assert!(matches!(
        compare_scenarios(&[wrong], None),
        Err(CompareError::Model { .. })
    ));
}

#[test]
fn the_scenarios_are_drawn_on_one_chart() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("banding.svg");
    let (code, _, err) = run(&[
        "compare",
        "--vary",
        "anc_visits=6,8",
        "--chart",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("Perbandingan skenario — Total"), "{text}");
    for legend in [
        "A: Indonesia 2017–2020 (contoh dari makalah)",
        "B: A · anc_visits=6",
        "C: A · anc_visits=8",
    ] {
        assert!(text.contains(legend), "{legend}");
    }
    let png = dir.path().join("banding.png");
    let (code, _, err) = run(&[
        "compare",
        "--vary",
        "anc_visits=6",
        "--chart",
        png.to_str().unwrap(),
        "--width",
        "800",
        "--height",
        "500",
    ]);
    assert_eq!(code, 0, "{err}");
    let img = image::load_from_memory(&std::fs::read(&png).unwrap()).unwrap();
    assert_eq!((img.width(), img.height()), (800, 500));
}

#[test]
fn the_papers_model_and_wisn_on_the_antenatal_visits_alone_agree() {
    // WISN with the example's activity table (the four antenatal visits, no
    // support or individual activities) and the scenario's available time:
    // Σ volume × minutes / WKE = 5.329.479,815 × 146,58 / 69.825, the
    // paper's figure, so B − A is zero.
    let (code, out, err) = run(&[
        "compare",
        "--vary",
        "need=wisn",
        "--year",
        "2017",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0, "{err}");
    let rows: Vec<Vec<String>> = out
        .lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect();
    assert_eq!(rows.len(), 2);
    let need = PW_2017 * 146.58 / 69_825.0;
    for r in &rows {
        let n: f64 = r[7].parse().unwrap();
        assert!((n - need).abs() < 1e-6, "{r:?}");
    }
    assert!(rows[1][3].ends_with(" · need=wisn"));
    let (code, _, err) = run(&["compare", "--vary", "need=survey"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("survey"), "{err}");
}
