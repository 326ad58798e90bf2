//! The command line warns on standard error about suspect data years and
//! runaway projections, naming the region, the year and the change.

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
}

#[test]
fn the_paper_example_prints_no_warning() {
    let (_, stderr) = run(&["compute"]);
    assert_eq!(stderr, "");
    let (_, stderr) = run(&["explain"]);
    assert_eq!(stderr, "");
}
