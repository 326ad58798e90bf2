//! Every scenario format version that has been released keeps opening: the
//! files under `tests/formats/vN/` were written by the program as released
//! (the bundled example as it shipped, and a file with every part a scenario
//! can hold), and must open and compute with today's program. A file from a
//! newer version is refused with the version it needs.

use std::path::{Path, PathBuf};

use proyeksi_bidan::io::scenario_file::{load_scenario, scenario_from_str, scenario_to_string};
use proyeksi_bidan::model::scenario::FORMAT_VERSION;
use proyeksi_bidan::model::{self, Lang, Scenario};

fn samples() -> Vec<(u32, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/formats");
    let mut found = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let version: u32 = name
            .strip_prefix('v')
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{name}: sample folders are named vN"));
        for file in std::fs::read_dir(&dir).unwrap() {
            let file = file.unwrap().path();
            if file.extension().is_some_and(|e| e == "bidan") {
                found.push((version, file));
            }
        }
    }
    found.sort();
    found
}

#[test]
fn every_released_version_has_samples() {
    let found = samples();
    for v in 1..=FORMAT_VERSION {
        assert!(
            found.iter().any(|(fv, _)| *fv == v),
            "no sample of format version {v} under tests/formats/v{v}/"
        );
    }
    assert!(found.len() >= 3, "{found:?}");
}

#[test]
fn every_sample_opens_with_its_version_and_computes() {
    for (version, path) in samples() {
        let scenario = load_scenario(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(scenario.format_version, version, "{}", path.display());
        let (_, projection) =
            model::compute(&scenario).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        assert!(!projection.total.is_empty(), "{}", path.display());
    }
}

/// The bundled example as each release shipped it gives today's numbers:
/// 5.329.480 pregnant women in 2017 (the paper's Table 2) and the same
/// projection to 2035 as the example built into the program.
#[test]
fn the_example_as_shipped_gives_the_same_numbers_as_today() {
    let (_, today) = model::compute(&Scenario::example()).unwrap();
    let mut examples = 0;
    for (_, path) in samples() {
        if !path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .contains("contoh")
        {
            continue;
        }
        examples += 1;
        let scenario = load_scenario(&path).unwrap();
        assert_eq!(
            scenario.data,
            Scenario::example().data,
            "{}",
            path.display()
        );
        let (_, then) = model::compute(&scenario).unwrap();
        let y2017 = then.total_row(2017).unwrap();
        assert_eq!(y2017.pregnant_women.round(), 5_329_480.0);
        assert_eq!(then.total.len(), today.total.len());
        for (a, b) in then.total.iter().zip(&today.total) {
            assert_eq!(a.year, b.year);
            assert_eq!(a.projected_pregnant_women, b.projected_pregnant_women);
            assert_eq!(a.midwives_needed, b.midwives_needed, "{}", path.display());
        }
    }
    assert!(examples >= 2, "{examples}");
}

/// The sample with every part (workload, supply, growth methods, column
/// mapping) keeps those parts, and saving it again loses nothing.
#[test]
fn the_full_sample_keeps_every_part() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/formats/v1/2026-12-03-belitung-timur-lengkap.bidan");
    let scenario = load_scenario(&path).unwrap();
    let supply = scenario.supply.as_ref().expect("the sample plans supply");
    assert_eq!(supply.attrition_percent, 3.0);
    assert!(scenario.import_mapping.is_some());
    assert!(!scenario.workload.plan.is_empty() || scenario.workload.preset.is_some());
    let again = scenario_from_str(&scenario_to_string(&scenario)).unwrap();
    assert_eq!(again, scenario);
}

#[test]
fn a_newer_version_is_refused_with_the_version_it_needs() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/contoh-indonesia-2017-2020.bidan"),
    )
    .unwrap();
    let newer = FORMAT_VERSION + 1;
    let text = text.replace(
        &format!("format_version: {FORMAT_VERSION}"),
        &format!("format_version: {newer}"),
    );
    let e = scenario_from_str(&text).unwrap_err();
    let en = e.message(Lang::En);
    assert!(
        en.contains(&format!("format version {newer}"))
            && en.contains(&format!("up to version {FORMAT_VERSION}")),
        "{en}"
    );
    let id = e.message(Lang::Id);
    assert!(id.contains(&newer.to_string()), "{id}");
    assert_ne!(id, en);
}
