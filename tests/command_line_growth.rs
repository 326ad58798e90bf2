//! The growth methods on the command line (`--set growth_method=…`,
//! `growth_years`, `cbr_trend`), and the warnings on standard error about
//! suspect data years and runaway projections, naming the region, the year
//! and the change.

use std::path::PathBuf;
use std::process::Command;

/// The Belitung Timur fixture as a planner's data file: name, year,
/// population, live births and midwives.
fn planner_file(tag: &str) -> PathBuf {
    let text = include_str!("data/belitung_timur_2023_2024.csv");
    let mut csv =
        String::from("nama_wilayah,tahun,jumlah_penduduk,jumlah_kelahiran,jumlah_bidan\n");
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let c: Vec<&str> = line.split(',').collect();
        csv.push_str(&format!("{},{},{},{},{}\n", c[2], c[0], c[3], c[4], c[8]));
    }
    let dir =
        std::env::temp_dir().join(format!("proyeksi-bidan-flags-{}-{tag}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("belitung_timur.csv");
    std::fs::write(&path, csv).unwrap();
    path
}

fn run(args: &[&str]) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_proyeksi-bidan"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn compute_warns_about_manggar_on_standard_error() {
    let file = planner_file("compute");
    let data = file.to_str().unwrap();
    let (stdout, stderr) = run(&["compute", "--data", data]);
    // Named after the file, not the bundled example; the method in force.
    assert!(stdout.starts_with("belitung_timur\n"), "{stdout}");
    assert!(
        stdout.contains("Metode pertumbuhan: Rata-rata tahunan"),
        "{stdout}"
    );
    assert!(
        stderr.contains("Peringatan: Manggar, 2024: jumlah ibu hamil berubah -15,4%"),
        "{stderr}"
    );
    assert!(stderr.contains("jumlah penduduk berubah 2,5%"), "{stderr}");
    assert!(
        stderr.contains("Peringatan: Manggar: proyeksi memakai pertumbuhan -15,4% per tahun"),
        "{stderr}"
    );
    assert!(
        stderr.contains("dengan jalur penduduk: 1,72 FTE"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Catatan: Manggar: rata-rata 559 kelahiran per tahun"),
        "{stderr}"
    );
    // Standard output keeps only the results.
    assert!(!stdout.contains("Peringatan"));
    // JSON for other programs stays clean too.
    let (stdout, stderr) = run(&[
        "compute", "--data", data, "--format", "json", "--lang", "en",
    ]);
    assert!(serde_json::from_str::<serde_json::Value>(&stdout).is_ok());
    assert!(
        stderr.contains("Warning: Manggar, 2024: pregnant women changed by -15.4%"),
        "{stderr}"
    );
}

#[test]
fn explain_warns_and_the_population_route_does_not_run_away() {
    let file = planner_file("explain");
    let data = file.to_str().unwrap();
    let (stdout, stderr) = run(&[
        "explain",
        "--data",
        data,
        "--region",
        "Manggar",
        "--set",
        "growth_method=population",
    ]);
    assert!(stdout.contains("13,81"), "{stdout}");
    // The data year is still suspect, but the projection no longer runs away.
    assert!(stderr.contains("Manggar, 2024"), "{stderr}");
    assert!(!stderr.contains("Manggar: proyeksi memakai"), "{stderr}");
    // Only the region explained.
    assert!(!stderr.contains("Gantung"), "{stderr}");
}

#[test]
fn the_paper_example_prints_no_warning() {
    let (_, stderr) = run(&["compute"]);
    assert_eq!(stderr, "");
    let (_, stderr) = run(&["explain"]);
    assert_eq!(stderr, "");
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&run(args).0).unwrap()
}

#[test]
fn growth_method_and_growth_years_change_the_rate_and_not_the_data() {
    let base = json(&["compute", "--format", "json"]);
    let pw = |v: &serde_json::Value| -> Vec<f64> {
        v["years"].as_array().unwrap()[..4]
            .iter()
            .map(|y| y["pregnant_women"].as_f64().unwrap())
            .collect()
    };
    // The paper's rates 2018–2020 (exact): 5.305.605,93 / 5.329.479,82 − 1 …
    let p = pw(&base);
    let rates: Vec<f64> = (1..4).map(|k| p[k] / p[k - 1] - 1.0).collect();
    let median = json(&[
        "compute",
        "--format",
        "json",
        "--set",
        "growth_method=median",
    ]);
    assert_eq!(median["growth_method"], "median");
    let mut sorted = rates.clone();
    sorted.sort_by(f64::total_cmp);
    assert!((median["growth_used"].as_f64().unwrap() - sorted[1]).abs() < 1e-12);
    let trend = json(&[
        "compute",
        "--format",
        "json",
        "--set",
        "growth_method=trend",
    ]);
    assert_eq!(trend["growth_method"], "trend");
    let g = trend["growth_used"].as_f64().unwrap();
    assert!(g < 0.0 && (g - base["growth_used"].as_f64().unwrap()).abs() < 0.002);
    // Growth from 2019–2020 only: the one rate of 2020.
    let late = json(&[
        "compute",
        "--format",
        "json",
        "--set",
        "growth_years=2019-2020",
    ]);
    assert!((late["growth_used"].as_f64().unwrap() - rates[2]).abs() < 1e-12);
    assert_eq!(pw(&late), p);
    // A year outside the data is refused, naming the parameter.
    let out = Command::new(env!("CARGO_BIN_EXE_proyeksi-bidan"))
        .args(["compute", "--set", "growth_years=2010-2020"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("growth_years"));
}

#[test]
fn results_past_a_sanity_bound_are_named_on_standard_error() {
    // 100% growth a year from 2017 to 2117: the paper's data (P₀ =
    // 1,10 × 4.844.981,65 = 5.329.479,8 pregnant women in 2017, exact) pass
    // Indonesia's 271.066.400 people of 2020 in 2023 (P₀ × 2⁶ =
    // 341.086.708; 2022 gives 170.543.354).
    let (_, stderr) = run(&[
        "compute",
        "--set",
        "growth_method=fixed",
        "--set",
        "growth_percent=100",
        "--set",
        "horizon_year=2117",
    ]);
    assert!(
        stderr.contains("Hasil tidak masuk akal: wilayah Indonesia pada tahun 2023 diproyeksikan memiliki 341.086.708 ibu hamil, lebih banyak dari penduduknya (271.066.400 jiwa"),
        "{stderr}"
    );
    // Absences that leave a fraction of a day: more midwives than women.
    let (_, stderr) = run(&[
        "explain",
        "--lang",
        "en",
        "--set",
        "annual_leave=311.9999",
        "--set",
        "training_days=0",
        "--set",
        "public_holidays=0",
        "--set",
        "other_absence=0",
    ]);
    assert!(
        stderr.contains("Implausible result: one midwife's working year does not cover"),
        "{stderr}"
    );
}

#[test]
fn the_summary_names_the_growth_method_and_the_rate_it_uses() {
    // The paper's data: the annual rates are −0,004480, −0,010688 and
    // −0,005882 (5.248.901 → 5.218.028 … exact); their median is −0,005882,
    // their mean −0,007016.
    let (stdout, _) = run(&["compute", "--set", "growth_method=median"]);
    assert!(
        stdout.contains("Metode pertumbuhan: Median laju tahunan: proyeksi memakai g = -0,005882"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Rata-rata pertumbuhan g: -0,007016"),
        "{stdout}"
    );
}
