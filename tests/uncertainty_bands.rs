//! `bands`: seeded draws from the parameters' ranges and the P10–P50–P90
//! bands; reproducible, wider when the ranges widen, a point when they
//! have no width; saved in the scenario, which older files open without.

use std::process::Command;

use proyeksi_bidan::io::{load_scenario, save_scenario, scenario_from_str};
use proyeksi_bidan::model::numeric_params::NumericParam;
use proyeksi_bidan::model::uncertainty::{
    Bands, ParamRange, Shape, UncertaintySetup, bands, plausible_ranges,
};
use proyeksi_bidan::model::{PreparedData, Scenario, project};

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

fn range(param: NumericParam, min: f64, most_likely: f64, max: f64) -> ParamRange {
    ParamRange {
        param,
        min,
        most_likely,
        max,
    }
}

fn setup(draws: u32, seed: u64, ranges: Vec<ParamRange>) -> UncertaintySetup {
    UncertaintySetup {
        draws,
        seed,
        shape: Shape::Pert,
        ranges,
    }
}

fn in_pool(threads: usize, f: impl FnOnce() -> Bands + Send) -> Bands {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
        .install(f)
}

#[test]
fn the_same_seed_gives_the_same_bands_whatever_the_threads() {
    let s = Scenario::example();
    let set = setup(3_000, 42, Vec::new());
    let one = in_pool(1, || bands(&s.params, &s.data, None, &set).unwrap());
    let two = in_pool(2, || bands(&s.params, &s.data, None, &set).unwrap());
    let again = bands(&s.params, &s.data, None, &set).unwrap();
    assert_eq!(one, two);
    assert_eq!(one, again);
    assert!(one.default_ranges);
    let other = bands(&s.params, &s.data, None, &setup(3_000, 43, Vec::new())).unwrap();
    assert_ne!(one.years, other.years);
}

#[test]
fn wider_ranges_give_wider_bands() {
    let s = Scenario::example();
    let narrow = vec![
        range(NumericParam::AllowancePercent, 25.0, 30.0, 35.0),
        range(NumericParam::VisitMinutes(0), 27.0, 30.6, 34.0),
    ];
    let wide = vec![
        range(NumericParam::AllowancePercent, 15.0, 30.0, 45.0),
        range(NumericParam::VisitMinutes(0), 20.0, 30.6, 45.0),
    ];
    let a = bands(&s.params, &s.data, None, &setup(2_000, 1, narrow)).unwrap();
    let b = bands(&s.params, &s.data, None, &setup(2_000, 1, wide)).unwrap();
    for (x, y) in a.years.iter().zip(&b.years) {
        let width = |q: &proyeksi_bidan::model::uncertainty::Quantiles| q.p90 - q.p10;
        assert!(width(&y.need_band) > width(&x.need_band), "{}", x.year);
        // Neither parameter touches the pregnant women.
        assert_eq!(width(&x.pregnant_band), 0.0);
    }
}

#[test]
fn ranges_without_width_give_the_point_value() {
    let s = Scenario::example();
    let data = PreparedData::new(&s.data).unwrap();
    let proj = project(&s.params, &data).unwrap();
    let growth = proj.total_growth_used * 100.0;
    let point: Vec<ParamRange> = plausible_ranges(&s.params, growth)
        .into_iter()
        .map(|r| range(r.param, r.most_likely, r.most_likely, r.most_likely))
        .collect();
    assert_eq!(point.len(), 16);
    let b = bands(&s.params, &s.data, None, &setup(500, 9, point)).unwrap();
    assert_eq!(b.years.len(), proj.total.len());
    for (y, row) in b.years.iter().zip(&proj.total) {
        let q = y.need_band;
        assert_eq!(
            (q.p10, q.p50, q.p90),
            (
                row.midwives_needed,
                row.midwives_needed,
                row.midwives_needed
            )
        );
        let q = y.pregnant_band;
        assert_eq!(
            (q.p10, q.p50, q.p90),
            (row.pregnant_women, row.pregnant_women, row.pregnant_women)
        );
        assert_eq!(y.midwives_needed, row.midwives_needed);
    }
}

#[test]
fn p10_p50_p90_are_in_order_and_around_the_scenario() {
    let s = Scenario::example();
    for shape in [Shape::Pert, Shape::Triangular] {
        let set = UncertaintySetup {
            shape,
            ..setup(1_000, 5, Vec::new())
        };
        let b = bands(&s.params, &s.data, None, &set).unwrap();
        for y in &b.years {
            for q in [y.need_band, y.pregnant_band] {
                assert!(q.p10 <= q.p50 && q.p50 <= q.p90, "{} {q:?}", y.year);
            }
            assert!(y.need_band.p10 < y.midwives_needed && y.midwives_needed < y.need_band.p90);
        }
    }
}

#[test]
fn one_region_draws_from_its_own_data() {
    let rows = proyeksi_bidan::model::synthetic::regions(4, 11);
    let p = proyeksi_bidan::model::Parameters::default();
    let set = setup(
        300,
        2,
        vec![range(NumericParam::Coefficient, 1.1, 1.1, 1.1)],
    );
    let b = bands(&p, &rows, Some(2), &set).unwrap();
    let data = PreparedData::new(&rows).unwrap();
    let proj = project(&p, &data).unwrap();
    assert_eq!(b.region.as_deref(), Some(data.label(2)));
    let y = b.year(2030).unwrap();
    let own = proj.region_row(&data, 2, 2030).midwives_needed;
    assert!((y.need_band.p50 - own).abs() < 1e-9 * own);
}

#[test]
fn old_files_open_without_bands_and_new_files_keep_them() {
    let bundled = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join("contoh-indonesia-2017-2020.bidan");
    let s = load_scenario(&bundled).unwrap();
    assert_eq!(s.uncertainty, None);
    assert_eq!(s, Scenario::example());
    let old = r#"(
        format_version: 1,
        name: "Puskesmas Cigombong",
        params: (
            anc: (name: "4 kunjungan", visits: [(label: "K1", trimester: 1, minutes: 30.6)], prep_percent: 20, recording_percent: 20),
            working_time: (days_per_week: 6, weeks_per_year: 52, annual_leave: 12, training_days: 6,
                public_holidays: 16, other_absence: 12, formal_hours_per_week: 37.5, allowance_percent: 30),
            population: (coefficient: 1.1, base_year: 2020, horizon_year: 2025, growth_method: MeanAnnual),
            rounding: Exact,
        ),
        data: [(region_code: "3201", year: 2020, population: Some(40000), cbr: Some(16.5))],
    )"#;
    assert_eq!(scenario_from_str(old).unwrap().uncertainty, None);
    let text = proyeksi_bidan::io::scenario_to_string(&Scenario::example());
    assert!(!text.contains("uncertainty"));

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pita.bidan");
    let mut with = Scenario::example();
    with.uncertainty = Some(UncertaintySetup {
        draws: 250,
        seed: 77,
        shape: Shape::Triangular,
        ranges: vec![range(NumericParam::VisitMinutes(3), 30.0, 34.1, 40.0)],
    });
    save_scenario(&path, &with).unwrap();
    assert_eq!(load_scenario(&path).unwrap(), with);
    // Only the draws given: the rest take their defaults.
    let short = text.replacen(
        "format_version: 1,",
        "format_version: 1, uncertainty: Some((draws: 10)),",
        1,
    );
    let s = scenario_from_str(&short).unwrap();
    assert_eq!(s.uncertainty, Some(setup(10, 0, Vec::new())));
}

#[test]
fn the_command_is_reproducible_and_saves_its_set_up() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("pita.bidan");
    let args = [
        "bands",
        "--draws",
        "400",
        "--seed",
        "3",
        "--range",
        "allowance_percent=25/30/35",
        "--range",
        "minutes_K1=25/30,6/40",
        "--format",
        "json",
    ];
    let (code, first, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    let mut with_save = args.to_vec();
    with_save.extend(["--save", saved.to_str().unwrap()]);
    let (code, second, err) = run(&with_save);
    assert_eq!(code, 0, "{err}");
    assert_eq!(first, second);
    let (code, third, err) = run(&[
        "bands",
        "--scenario",
        saved.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(first, third);
    let v: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(v["draws"], 400);
    assert_eq!(v["ranges"].as_array().unwrap().len(), 2);
    assert_eq!(v["years"].as_array().unwrap().len(), 19);

    let (code, out, err) = run(&["bands", "--draws", "200", "--lang", "en"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Uncertainty bands of the midwives needed — Total\n200 draws, seed 0, PERT distribution.\n"), "{out}");
    assert!(
        out.contains("  Allowance (% of formal hours): 20 – 30 – 40\n"),
        "{out}"
    );
    // 2017: the scenario's figures beside the bands (the coefficient
    // varies, so even a data year's pregnant women do).
    let y2017: Vec<&str> = out
        .lines()
        .find(|l| l.starts_with("2017"))
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(y2017[..3], ["2017", "data", "11,187.90"]);
    assert_eq!(y2017[6], "5,329,480");
    let n = |t: &str| t.replace(',', "").parse::<f64>().unwrap();
    assert!(n(y2017[7]) < n(y2017[9]), "{y2017:?}");

    let svg = dir.path().join("pita.svg");
    let (code, _, err) = run(&["bands", "--draws", "100", "--chart", svg.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("Pita ketidakpastian kebutuhan bidan — Total"));
    assert!(text.contains("<polygon"), "the band is drawn");
    let png = dir.path().join("pita.png");
    let (code, _, err) = run(&[
        "bands",
        "--draws",
        "100",
        "--region",
        "ID",
        "--chart",
        png.to_str().unwrap(),
        "--width",
        "900",
        "--height",
        "600",
    ]);
    assert_eq!(code, 0, "{err}");
    let img = image::load_from_memory(&std::fs::read(&png).unwrap()).unwrap();
    assert_eq!((img.width(), img.height()), (900, 600));
    let (code, _, err) = run(&["bands", "--draws", "10", "--chart", "pita.txt"]);
    assert_eq!(code, 1);
    assert!(err.contains("pita.txt"), "{err}");
}

#[test]
fn bad_set_ups_are_refused_in_the_planners_language() {
    for (args, code, text) in [
        (
            vec!["--draws", "0"],
            2,
            "Jumlah undian 0 tidak dapat dipakai: tulis 1 sampai 1.000.000.",
        ),
        (
            vec!["--range", "allowance=1/2/3"],
            2,
            "Rentang `allowance=1/2/3` tidak dapat dibaca",
        ),
        (
            vec!["--range", "allowance_percent=25/30"],
            2,
            "tidak dapat dibaca",
        ),
        (
            vec!["--range", "allowance_percent=40/30/20"],
            2,
            "Rentang allowance_percent tidak sah",
        ),
        (
            vec!["--range", "allowance_percent=20/30/120"],
            2,
            "keluar dari batas yang diterima model (0 sampai 99)",
        ),
        (vec!["--region", "XX"], 2, "Wilayah tidak ditemukan: `XX`"),
        (
            vec!["--range", "annual_leave=300/310/320"],
            1,
            "annual_leave",
        ),
    ] {
        let mut all = vec!["bands"];
        if !args.contains(&"--draws") {
            all.extend(["--draws", "50"]);
        }
        all.extend(args);
        let (got, _, err) = run(&all);
        assert_eq!(got, code, "{all:?}: {err}");
        assert!(err.contains(text), "{all:?}: {err}");
    }
}

/// The released sample files (`tests/formats/vN/*.bidan`, where present)
/// open without bands set and draw bands with the plausible ranges.
#[test]
fn released_sample_files_open_and_draw_bands() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/formats");
    let Ok(versions) = std::fs::read_dir(&root) else {
        return;
    };
    for dir in versions.flatten() {
        for file in std::fs::read_dir(dir.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let path = file.path();
            if path.extension().is_none_or(|e| e != "bidan") {
                continue;
            }
            let s = load_scenario(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(s.uncertainty, None, "{}", path.display());
            let b = bands(&s.params, &s.data, None, &setup(50, 0, Vec::new()))
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(!b.years.is_empty());
        }
    }
}
