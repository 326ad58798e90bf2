//! Scenario files: round trip, atomic save, and a clear error for every
//! kind of damaged file.

use proyeksi_bidan::io::scenario_file::write_atomic;
use proyeksi_bidan::io::{
    ScenarioFileError, load_scenario, save_scenario, scenario_from_str, scenario_to_string,
};
use proyeksi_bidan::model::{Rounding, Scenario, StandardPreset};

#[test]
fn save_then_load_gives_the_same_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("contoh.bidan");
    let mut s = Scenario::example();
    s.params.rounding = Rounding::Published;
    s.params.anc = StandardPreset::Who2016EightContacts.standard();
    s.data[1].midwives_available = 12_345.5.into();
    s.name = "Kab. Sumedang, skenario \"8 kontak\"".into();
    s.workload.method = proyeksi_bidan::model::staffing::Method::Abk;
    s.workload.plan =
        proyeksi_bidan::model::staffing::puskesmas_full(proyeksi_bidan::model::Lang::Id);
    s.workload.edited = true;
    s.workload.existing = Some(4.0);
    save_scenario(&path, &s).unwrap();
    let back = load_scenario(&path).unwrap();
    assert_eq!(back, s);
    // The file is readable text with its version.
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("format_version: 1"));
    assert!(text.contains("261890900"));
    // No temporary files are left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_failed_save_leaves_the_old_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.bidan");
    save_scenario(&path, &Scenario::example()).unwrap();
    let before = std::fs::read(&path).unwrap();
    // Saving into a folder that does not exist fails without touching `path`.
    let bad = dir.path().join("missing").join("a.bidan");
    assert!(matches!(
        save_scenario(&bad, &Scenario::example()),
        Err(ScenarioFileError::Write { .. })
    ));
    // Saving over a directory fails and leaves no temporary file.
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    assert!(write_atomic(&sub, b"x").is_err());
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn damaged_files_give_line_and_column() {
    let good = scenario_to_string(&Scenario::example());
    // Cut the file in half.
    let cut = &good[..good.len() / 2];
    match scenario_from_str(cut) {
        Err(ScenarioFileError::Syntax { line, .. }) => assert!(line > 1),
        other => panic!("{other:?}"),
    }
    // A number where a text belongs, on a known line.
    let broken = good.replacen("name: \"Indonesia", "name: 12, x: \"Indonesia", 1);
    let e = scenario_from_str(&broken).unwrap_err();
    let ScenarioFileError::Syntax { line, column, .. } = &e else {
        panic!("{e:?}")
    };
    let expected_line = good
        .lines()
        .position(|l| l.contains("name: \"Indonesia"))
        .unwrap()
        + 1;
    assert_eq!(*line, expected_line);
    assert!(*column > 1);
    assert!(e.to_string().contains(&format!("line {expected_line}")));
}

#[test]
fn newer_versions_and_other_files_are_refused_clearly() {
    let good = scenario_to_string(&Scenario::example());
    let newer = good.replace("format_version: 1", "format_version: 7");
    let e = scenario_from_str(&newer).unwrap_err();
    assert!(matches!(
        e,
        ScenarioFileError::NewerVersion {
            found: 7,
            supported: 1,
            ..
        }
    ));
    assert!(e.to_string().contains("version 7"));
    assert!(matches!(
        scenario_from_str("(name: \"x\")"),
        Err(ScenarioFileError::NotAScenario { .. })
    ));
    // An empty file, or bytes that do not even open a scenario, are not
    // scenario files (rather than a scenario damaged at line 1).
    assert!(matches!(
        scenario_from_str(""),
        Err(ScenarioFileError::NotAScenario { .. })
    ));
    assert!(matches!(
        scenario_from_str("\u{0}\u{1}PK\u{3}\u{4}"),
        Err(ScenarioFileError::NotAScenario { .. })
    ));
}

#[test]
fn binary_and_missing_files_do_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rusak.bidan");
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&path, bytes).unwrap();
    let e = load_scenario(&path).unwrap_err();
    assert!(e.to_string().contains("rusak.bidan"), "{e}");
    let e = load_scenario(&dir.path().join("tidak-ada.bidan")).unwrap_err();
    assert!(matches!(e, ScenarioFileError::Read { .. }));
}

#[test]
fn a_hand_written_minimal_file_loads_with_defaults() {
    let text = r#"(
        format_version: 1,
        name: "Puskesmas Cigombong",
        params: (
            anc: (name: "4 kunjungan", visits: [(label: "K1", trimester: 1, minutes: 30.6)], prep_percent: 20, recording_percent: 20),
            working_time: (days_per_week: 6, weeks_per_year: 52, annual_leave: 12, training_days: 6,
                public_holidays: 16, other_absence: 12, formal_hours_per_week: 37.5, allowance_percent: 30),
            population: (coefficient: 1.1, base_year: 2020, horizon_year: 2025, growth_method: MeanAnnual),
            rounding: Exact,
        ),
        data: [
            (region_code: "3201", year: 2020, population: Some(40000), cbr: Some(16.5)),
        ],
    )"#;
    let s = scenario_from_str(text).unwrap();
    assert_eq!(s.notes, "");
    assert_eq!(
        s.workload,
        proyeksi_bidan::model::staffing::WorkloadSetup::default()
    );
    assert_eq!(s.data[0].midwives_available, None);
    assert_eq!(s.params.population.fixed_growth_percent, 0.0);
    let (_, p) = proyeksi_bidan::model::compute(&s).unwrap();
    assert_eq!(p.total.len(), 6);
}

#[test]
fn the_bundled_example_file_matches_the_built_in_example() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join("contoh-indonesia-2017-2020.bidan");
    assert_eq!(load_scenario(&path).unwrap(), Scenario::example());
}

#[cfg(unix)]
#[test]
fn saved_files_are_readable_like_ordinary_files() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("baca.bidan");
    save_scenario(&path, &Scenario::example()).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644);
    // Saving again keeps the permissions the planner gave the file.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).unwrap();
    save_scenario(&path, &Scenario::example()).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o664);
}
