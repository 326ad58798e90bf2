//! `sensitivity`: every parameter moved down and up, its swing on the
//! midwives needed, ranked; worked by hand on the paper's Indonesia.

use std::process::Command;

use proptest::prelude::*;
use proyeksi_bidan::model::numeric_params::NumericParam;
use proyeksi_bidan::model::sensitivity::{Step, sensitivity};
use proyeksi_bidan::model::{Parameters, PreparedData, Scenario};

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

const PW_2017: f64 = 5_329_479.815;

#[test]
fn the_allowance_swing_is_worked_by_hand() {
    // Allowance 30% ± 10% → 27% and 33%: WKE = 266 / 6 × 37,5 × (1 − a) × 60
    // = 72.817,5 and 66.832,5 min; 2017 need = 5.329.479,815 × 146,58 / WKE
    // = 10.728,12 and 11.688,85, a swing of 960,73.
    let s = Scenario::example();
    let t = sensitivity(&s.params, &s.data, None, 2017, Step::Share(0.1)).unwrap();
    let row = t
        .rows
        .iter()
        .find(|r| r.param == NumericParam::AllowancePercent)
        .unwrap();
    assert_eq!((row.value, row.low, row.high), (30.0, 27.0, 33.0));
    let low = PW_2017 * 146.58 / 72_817.5;
    let high = PW_2017 * 146.58 / 66_832.5;
    assert!((row.need_low - low).abs() < 1e-6, "{}", row.need_low);
    assert!((row.need_high - high).abs() < 1e-6, "{}", row.need_high);
    assert!((row.swing - 960.727_500_144).abs() < 1e-6, "{}", row.swing);
    assert!((t.base_need - PW_2017 * 146.58 / 69_825.0).abs() < 1e-6);
    // Growth does not move a data year.
    let g = t
        .rows
        .iter()
        .find(|r| r.param == NumericParam::GrowthPercent)
        .unwrap();
    assert_eq!(g.swing, 0.0);
}

#[test]
fn the_parameters_are_ranked_by_swing() {
    // 2035, ±10%: the need is proportional to 1 / formal hours (a swing of
    // 1/0,9 − 1/1,1 = 20,2% of the need), to the coefficient (20%), and to
    // 1 / HKE with weeks per year 46,8 to 53 (the engine's limit):
    // 266/234,8 − 266/272 = 15,5%; then the allowance (8,6%).
    let s = Scenario::example();
    let t = sensitivity(&s.params, &s.data, None, 2035, Step::Share(0.1)).unwrap();
    let keys: Vec<&str> = t.rows.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(
        keys[..4],
        [
            "formal_hours_per_week",
            "coefficient",
            "weeks_per_year",
            "allowance_percent"
        ]
    );
    assert_eq!(keys.len(), 16);
    assert!(t.rows.windows(2).all(|w| w[0].swing >= w[1].swing));
    let need = t.base_need;
    let rel = |k: &str| t.rows.iter().find(|r| r.key == k).unwrap().swing / need;
    assert!((rel("formal_hours_per_week") - (1.0 / 0.9 - 1.0 / 1.1)).abs() < 1e-9);
    assert!((rel("coefficient") - 0.2).abs() < 1e-9);
    assert!((rel("weeks_per_year") - (266.0 / 234.8 - 266.0 / 272.0)).abs() < 1e-9);
    let weeks = t.rows.iter().find(|r| r.key == "weeks_per_year").unwrap();
    assert_eq!((weeks.low, weeks.high), (52.0 * 0.9, 53.0));
}

/// The direction each parameter moves the need: +1 raises it (or leaves
/// it), −1 lowers it (or leaves it).
fn direction(p: NumericParam) -> f64 {
    match p {
        NumericParam::DaysPerWeek
        | NumericParam::WeeksPerYear
        | NumericParam::FormalHoursPerWeek => -1.0,
        _ => 1.0,
    }
}

fn params_strategy() -> impl Strategy<Value = Parameters> {
    (
        prop::collection::vec(5.0..60.0f64, 1..9),
        (0.0..40.0f64, 0.0..40.0f64, 5.0..7.0f64, 50.0..53.0f64),
        (0.0..20.0f64, 0.0..20.0f64, 0.0..20.0f64, 0.0..20.0f64),
        (30.0..45.0f64, 10.0..50.0f64, 1.0..1.2f64),
    )
        .prop_map(
            |(minutes, (prep, rec, days, weeks), (b, c, d, e), (h, a, k))| {
                let mut p = Parameters::default();
                proyeksi_bidan::model::overrides::set_visit_minutes(&mut p, &minutes);
                p.anc.prep_percent = prep;
                p.anc.recording_percent = rec;
                let w = &mut p.working_time;
                (w.days_per_week, w.weeks_per_year) = (days, weeks);
                (
                    w.annual_leave,
                    w.training_days,
                    w.public_holidays,
                    w.other_absence,
                ) = (b, c, d, e);
                (w.formal_hours_per_week, w.allowance_percent) = (h, a);
                p.population.coefficient = k;
                p
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// More visit minutes (or preparation, absence, allowance, coefficient,
    /// growth) never lowers the need; more working days, weeks or hours
    /// never raises it; under a share or across the plausible ranges.
    #[test]
    fn every_swing_goes_the_right_way(p in params_strategy(), range in any::<bool>(), step in 1.0..50.0f64) {
        let s = Scenario::example();
        let step = if range { Step::PlausibleRange } else { Step::Share(step / 100.0) };
        let t = sensitivity(&p, &s.data, None, 2030, step).unwrap();
        for r in &t.rows {
            prop_assert!(r.low <= r.high);
            let change = (r.need_high - r.need_low) * direction(r.param);
            prop_assert!(change >= -1e-9 * t.base_need, "{:?}: {} → {}", r.param, r.need_low, r.need_high);
            prop_assert!(r.swing >= 0.0);
        }
    }
}

#[test]
fn one_region_is_moved_on_its_own() {
    let rows = proyeksi_bidan::model::synthetic::regions(3, 7);
    let data = PreparedData::new(&rows).unwrap();
    let p = Parameters::default();
    let all = sensitivity(&p, &rows, None, 2030, Step::Share(0.1)).unwrap();
    let one = sensitivity(&p, &rows, Some(1), 2030, Step::Share(0.1)).unwrap();
    assert_eq!(one.region.as_deref(), Some(data.label(1)));
    let (_, proj) = proyeksi_bidan::model::compute(&Scenario {
        data: rows.clone(),
        params: p.clone(),
        ..Scenario::example()
    })
    .unwrap();
    let own = proj.region_row(&data, 1, 2030).midwives_needed;
    assert!((one.base_need - own).abs() < 1e-9 * own);
    assert!(one.base_need < all.base_need);
}

#[test]
fn the_command_prints_the_tornado_and_draws_it() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("tornado.png");
    let (code, out, err) = run(&[
        "sensitivity",
        "--year",
        "2017",
        "--chart",
        png.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(
            "Kepekaan kebutuhan bidan tahun 2017 — Total\n\
         Setiap parameter digeser turun dan naik 10% dari nilainya; parameter lain tetap.\n\
         Kebutuhan dengan nilai skenario: 11.187,90 FTE.\n"
        ),
        "{out}"
    );
    let allowance = out.lines().find(|l| l.contains("Kelonggaran")).unwrap();
    let cells: Vec<&str> = allowance.split_whitespace().collect();
    assert_eq!(
        cells[cells.len() - 6..],
        ["30", "27", "33", "10.728,12", "11.688,85", "960,73"],
        "{allowance}"
    );
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[1..4], b"PNG");
    let img = image::load_from_memory(&bytes).unwrap();
    assert_eq!((img.width(), img.height()), (1600, 1000));

    let svg = dir.path().join("tornado.svg");
    let (code, out, err) = run(&[
        "sensitivity",
        "--step",
        "range",
        "--format",
        "json",
        "--lang",
        "en",
        "--chart",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["year"], 2035);
    assert_eq!(v["step"], "PlausibleRange");
    let allowance = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "allowance_percent")
        .unwrap();
    assert_eq!(
        (allowance["low"].as_f64(), allowance["high"].as_f64()),
        (Some(20.0), Some(40.0))
    );
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        text.contains("Sensitivity of the midwives needed in 2035"),
        "{text}"
    );
    assert!(text.contains("Allowance (% of formal hours) (20 – 40)"));
}

#[test]
fn bad_steps_years_and_regions_are_refused() {
    for (args, code, text) in [
        (vec!["--step", "0"], 2, "Langkah `0` tidak dapat dipakai"),
        (
            vec!["--step", "-10%"],
            2,
            "Langkah `-10%` tidak dapat dipakai",
        ),
        (
            vec!["--step", "banyak"],
            2,
            "Langkah `banyak` tidak dapat dipakai",
        ),
        (
            vec!["--year", "1990"],
            2,
            "Tahun 1990 tidak ada dalam proyeksi (2017–2035).",
        ),
        (vec!["--region", "XX"], 2, "Wilayah tidak ditemukan: `XX`"),
        (vec!["--set", "allowance_percent=99"], 0, ""),
    ] {
        let mut all = vec!["sensitivity"];
        all.extend(args);
        let (got, _, err) = run(&all);
        assert_eq!(got, code, "{all:?}: {err}");
        assert!(err.contains(text), "{all:?}: {err}");
    }
}
