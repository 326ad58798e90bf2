//! The programmes in the scenario file: older files open with none, and a
//! plan with its checklist scores comes back whole.

mod programs_sample;

use proyeksi_bidan::io::{load_scenario, save_scenario, scenario_to_string};
use proyeksi_bidan::model::Scenario;
use proyeksi_bidan::model::programs::visit_score;

#[test]
fn older_files_open_with_no_programmes_and_write_none() {
    for name in [
        "tests/formats/v1/2026-11-25-contoh-pertama.bidan",
        "tests/formats/v1/2026-12-03-belitung-timur-lengkap.bidan",
        "assets/contoh-indonesia-2017-2020.bidan",
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
        let s = load_scenario(&path).unwrap();
        assert_eq!(s.programs, None, "{name}");
    }
    assert!(!scenario_to_string(&Scenario::example()).contains("programs"));
}

#[test]
fn checklist_scores_round_trip_through_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sungai-penuh.bidan");
    let s = programs_sample::scenario();
    save_scenario(&path, &s).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("\"2026-01-19\""),
        "dates are written as ISO text"
    );
    assert!(text.contains("ambu bag bayi hanya satu"));
    let back = load_scenario(&path).unwrap();
    assert_eq!(back, s);
    let m = &back.programs.as_ref().unwrap().mentoring;
    // The January visit: A 2 + 1 + 1 = 4 of 5, B 0 of 2, D 0 of 1:
    // 4 of 8 in all.
    let score = visit_score(&m.checklist, &m.visits[0]);
    assert_eq!((score.score, score.max), (4, 8));
    assert_eq!((score.groups[0].score, score.groups[0].max), (4, 5));
    assert_eq!(m.visits[0].scores[2].note, "ambu bag bayi hanya satu");
    assert!(m.checklist.is_example);
}
