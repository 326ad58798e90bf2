//! The command line, run as a planner would run it.

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_proyeksi-bidan"))
}

fn run_ok(args: &[&str]) -> String {
    let out = bin().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&run_ok(args)).unwrap()
}

#[test]
fn published_json_has_every_figure_of_the_paper() {
    let v = json(&["compute", "--rounding", "published", "--format", "json"]);
    assert_eq!(v["package_minutes"], 147.0);
    assert_eq!(v["effective_days"], 266.0);
    assert_eq!(v["effective_minutes"], 69774.0);
    assert_eq!(v["share"], 0.0021);
    assert_eq!(v["women_per_midwife"], 474.0);
    assert_eq!(v["mean_growth"], -0.007);
    let years = v["years"].as_array().unwrap();
    assert_eq!(years.len(), 19);
    let pw: Vec<f64> = years[..4]
        .iter()
        .map(|y| y["pregnant_women"].as_f64().unwrap())
        .collect();
    assert_eq!(pw, vec![5329480.0, 5305606.0, 5248901.0, 5218028.0]);
    let births: Vec<f64> = years[..4]
        .iter()
        .map(|y| y["births"].as_f64().unwrap())
        .collect();
    assert_eq!(births, vec![4844982.0, 4823278.0, 4771728.0, 4743662.0]);
    let g: Vec<f64> = years[1..4]
        .iter()
        .map(|y| y["growth"].as_f64().unwrap())
        .collect();
    assert_eq!(g, vec![-0.004, -0.011, -0.006]);
    assert_eq!(years[3]["projected_pregnant_women"], 5218084.0);
    assert_eq!(years[3]["kind"], "data");
    assert_eq!(years[4]["kind"], "projection");
    assert_eq!(years[4]["year"], 2021);
    assert!(years[4]["population"].is_null());
    assert!(years[0]["midwives_needed"].as_f64().unwrap() > 11000.0);
    assert!(v.get("regions").is_none());
}

#[test]
fn exact_json_is_unrounded() {
    let v = json(&["compute", "--format", "json"]);
    assert_eq!(v["effective_minutes"].as_f64().unwrap(), 69825.0);
    let pk = v["package_minutes"].as_f64().unwrap();
    assert!((pk - 146.58).abs() < 1e-9);
    let births = v["years"][0]["births"].as_f64().unwrap();
    assert!((births - 4844981.65).abs() < 1e-6);
}

#[test]
fn published_table_prints_the_paper_in_indonesian() {
    let t = run_ok(&["compute", "--rounding", "published"]);
    for s in [
        "5.329.480",
        "5.305.606",
        "5.248.901",
        "5.218.028",
        "5.218.084",
        "4.844.982",
        "-0,004",
        "-0,011",
        "-0,006",
        "-0,007",
        "69.774",
        "0,21%",
        "474",
        "147 menit",
    ] {
        assert!(t.contains(s), "missing {s} in\n{t}");
    }
    let en = run_ok(&["compute", "--rounding", "published", "--lang", "en"]);
    assert!(en.contains("5,329,480") && en.contains("0.21%") && en.contains("Pregnant women"));
}

#[test]
fn set_overrides_parameters() {
    let v = json(&[
        "compute",
        "--format",
        "json",
        "--set",
        "days_per_week=5",
        "--set",
        "allowance_percent=25",
        "--set",
        "visits=30.6,20,20,34.1",
        "--set",
        "horizon_year=2030",
    ]);
    assert_eq!(v["effective_days"], 214.0);
    assert!((v["effective_minutes"].as_f64().unwrap() - 72225.0).abs() < 1e-9);
    assert_eq!(v["years"].as_array().unwrap().len(), 14);
}

#[test]
fn bad_input_fails_with_a_message_and_no_panic() {
    let out = bin()
        .args(["compute", "--set", "allowance=30"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("allowance_percent") && err.contains("formal_hours_per_week"));
    assert!(err.contains("Parameter `allowance` tidak dikenal"), "{err}");
    assert!(!err.contains("panicked"));

    for (lang, expected) in [
        (
            "id",
            "Parameter `rounding`: `bulat` tidak dapat dibaca (yang diharapkan: salah satu dari exact, published)",
        ),
        (
            "en",
            "Parameter `rounding`: cannot read `bulat` (expected: one of exact, published)",
        ),
    ] {
        let out = bin()
            .args(["compute", "--lang", lang, "--set", "rounding=bulat"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{err}");
    }

    let out = bin()
        .args(["compute", "--set", "allowance_percent=100"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("allowance_percent") && err.contains("[0; 100)"),
        "{err}"
    );

    let out = bin()
        .args(["compute", "--scenario", "/tidak/ada.bidan"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/tidak/ada.bidan"));

    let out = bin().args(["compute", "--format", "xml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn example_file_round_trips_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("contoh.bidan");
    let p = path.to_str().unwrap();
    run_ok(&["example", "--out", p]);
    let from_file = run_ok(&["compute", "--scenario", p, "--format", "csv"]);
    let bundled = run_ok(&["compute", "--format", "csv"]);
    assert_eq!(from_file, bundled);
    assert!(bundled.starts_with("region_code,region_name,year,kind,population,cbr"));
    assert_eq!(bundled.lines().count(), 20);
}

#[test]
fn explain_prints_the_working() {
    let t = run_ok(&["explain", "--rounding", "published"]);
    assert!(t.contains("312 − (12 + 6 + 16 + 12) = 266 hari"), "{t}");
    assert!(t.contains("44,3 × 26,25 = 1.162,9 jam"), "{t}");
    assert!(t.contains("147 / 69.774 = 0,0021 = 0,21%"), "{t}");
    assert!(t.contains("= 5.218.084"), "{t}");
    let en = run_ok(&["explain", "--lang", "en"]);
    assert!(
        en.contains("(266 / 6) × 37.5 × (1 − 0.30) = 1,163.75 hours"),
        "{en}"
    );
}

#[test]
fn several_regions_nest_under_regions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dua.bidan");
    let mut s = proyeksi_bidan::model::Scenario::example();
    let mut second = s.data.clone();
    for r in second.iter_mut() {
        r.region_code = "B".into();
        r.region_name = "Bagian".into();
        r.population = r.population.map(|p| p / 10.0).into();
    }
    s.data.extend(second);
    proyeksi_bidan::io::save_scenario(&path, &s).unwrap();
    let v = json(&[
        "compute",
        "--scenario",
        path.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let regions = v["regions"].as_array().unwrap();
    assert_eq!(regions.len(), 2);
    assert_eq!(regions[1]["code"], "B");
    let total = v["years"][0]["pregnant_women"].as_f64().unwrap();
    let a = regions[0]["years"][0]["pregnant_women"].as_f64().unwrap();
    let b = regions[1]["years"][0]["pregnant_women"].as_f64().unwrap();
    assert!((total - a - b).abs() < 1e-6);
    let t = run_ok(&[
        "explain",
        "--scenario",
        path.to_str().unwrap(),
        "--region",
        "B",
    ]);
    assert!(t.contains("(Bagian)"));
}

#[test]
fn compute_on_an_imported_file() {
    let csv = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/paper_id.csv");
    let v = json(&[
        "compute",
        "--data",
        csv,
        "--rounding",
        "published",
        "--format",
        "json",
    ]);
    assert_eq!(v["years"][3]["projected_pregnant_women"], 5218084.0);
    assert_eq!(v["years"][3]["pregnant_women"], 5218028.0);
    let bad = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/malformed/bad_values.csv"
    );
    let out = bin().args(["compute", "--data", bad]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad_values.csv:3:CBR: 185"), "{err}");
}

#[test]
fn export_writes_chart_and_table() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("grafik.png");
    let svg = dir.path().join("grafik.svg");
    let xlsx = dir.path().join("tabel.xlsx");
    let csv = dir.path().join("tabel.csv");
    run_ok(&[
        "export",
        "--chart",
        png.to_str().unwrap(),
        "--width",
        "900",
        "--height",
        "600",
        "--table",
        xlsx.to_str().unwrap(),
    ]);
    let img = image::open(&png).unwrap();
    assert_eq!((img.width(), img.height()), (900, 600));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    run_ok(&[
        "export",
        "--chart",
        svg.to_str().unwrap(),
        "--table",
        csv.to_str().unwrap(),
        "--csv-style",
        "intl",
        "--lang",
        "en",
    ]);
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("Pregnant women (data)") && text.contains("5,000,000"));
    let table = std::fs::read_to_string(&csv).unwrap();
    assert!(table.starts_with("region_code,region_name,year,kind"));
    let out = bin()
        .args([
            "export",
            "--chart",
            dir.path().join("x.jpg").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains(".png or .svg"));
    let out = bin().args(["export"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn templates_are_written_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["templat.csv", "templat.xlsx"] {
        let p = dir.path().join(name);
        run_ok(&["template", "--out", p.to_str().unwrap()]);
        let v = json(&["compute", "--data", p.to_str().unwrap(), "--format", "json"]);
        assert_eq!(v["years"][0]["population"], 261890900.0);
    }
}

/// `export --chart … --workload`: the Beban kerja tab's chart (midwives
/// needed per year by activity, stacked) from the scenario's workload set-up.
#[test]
fn export_writes_the_workload_chart() {
    use proyeksi_bidan::chart::{ACTIVITY_COLORS, activity_legend};
    use proyeksi_bidan::model::staffing::{ActivityPreset, puskesmas_full};
    use proyeksi_bidan::model::{Lang, Scenario};

    let dir = tempfile::tempdir().unwrap();
    // The bundled example: the paper's ANC package, one activity.
    let png = dir.path().join("beban.png");
    run_ok(&[
        "export",
        "--chart",
        png.to_str().unwrap(),
        "--workload",
        "--width",
        "1000",
        "--height",
        "700",
    ]);
    let img = image::open(&png).unwrap().to_rgb8();
    assert_eq!((img.width(), img.height()), (1000, 700));
    let [r, g, b] = ACTIVITY_COLORS[0];
    let bar = img.pixels().filter(|p| p.0 == [r, g, b]).count();
    // 19 bars from 2017 to 2035 fill a good part of the picture.
    assert!(bar > 1000 * 700 / 20, "only {bar} pixels of the bars");

    // A scenario with the full puskesmas table: one series per activity.
    let mut s = Scenario::example();
    s.workload.preset = Some(ActivityPreset::PuskesmasFull);
    let scenario = dir.path().join("puskesmas.bidan");
    proyeksi_bidan::io::save_scenario(&scenario, &s).unwrap();
    let svg = dir.path().join("beban.svg");
    run_ok(&[
        "export",
        "--scenario",
        scenario.to_str().unwrap(),
        "--chart",
        svg.to_str().unwrap(),
        "--workload",
        "--lang",
        "en",
    ]);
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("Midwives required per year by activity (stacked)"));
    let plan = puskesmas_full(Lang::En);
    for (i, p) in plan.iter().enumerate() {
        let legend = activity_legend(i, &p.activity.name);
        assert!(text.contains(&legend), "{legend} missing");
    }
    // A bar a year for every activity, and a legend square each.
    let rects = text.matches("<rect").count();
    assert!(rects >= plan.len() * 19 + plan.len(), "{rects} rectangles");

    // --workload charts: without --chart it is a usage error.
    let out = bin().args(["export", "--workload"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
