//! Writing national results tables, from the data file on disk to the
//! results file on disk (reading, checking, projecting to 2050 and
//! writing), each case in a process of its own so that its peak memory is
//! its own:
//! - 84.000 villages, wide .xlsx (84.001 rows × 70 columns): ≤ 1,5 s and
//!   ≤ 300 MB;
//! - 10.000 regions, long .xlsx (340.034 rows × 15 columns): ≤ 0,5 s;
//! - 84.000 villages, long CSV (2.856.034 rows): ≤ 2 s.
//!
//! The data files are the shape of `make_regions_csv.py` (region code and
//! name, year 2017–2020, population, CBR; comma-separated; the first
//! region's name quoted), made by `model::synthetic`. Each case runs three times; the median time and the
//! largest peak memory are printed with the target. Run with
//! `cargo bench --bench export`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use proyeksi_bidan::io::export::csv::CsvStyle;
use proyeksi_bidan::io::export::save_table_as;
use proyeksi_bidan::io::export::wide::TableLayout;
use proyeksi_bidan::io::import::{ImportOptions, import_file};
use proyeksi_bidan::model::{self, Lang, Scenario, synthetic};

/// A case: name, regions, output file, layout, time target in seconds and
/// memory target in MB (0: none).
const CASES: [(&str, usize, &str, TableLayout, f64, f64); 3] = [
    (
        "84.000 desa, .xlsx lebar",
        84_000,
        "out.xlsx",
        TableLayout::Wide,
        1.5,
        300.0,
    ),
    (
        "10.000 wilayah, .xlsx panjang",
        10_000,
        "out.xlsx",
        TableLayout::Long,
        0.5,
        0.0,
    ),
    (
        "84.000 desa, CSV panjang",
        84_000,
        "out.csv",
        TableLayout::Long,
        2.0,
        0.0,
    ),
];

fn data_file(dir: &Path, n: usize) -> PathBuf {
    let path = dir.join(format!("regions-{n}.csv"));
    if path.exists() {
        return path;
    }
    let rows = synthetic::regions(n, 20_170);
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(f, "region_code,region_name,year,population,cbr").unwrap();
    for r in &rows {
        // Region 1 is named and quoted as make_regions_csv.py names and
        // quotes it (its name holds a comma).
        let name = if r.region_code == "R000001" {
            "\"Indonesia (nasional, paper)\"".to_string()
        } else {
            r.region_name.to_string()
        };
        writeln!(
            f,
            "{},{},{},{},{}",
            r.region_code,
            name,
            r.year,
            r.population.unwrap(),
            r.cbr.unwrap()
        )
        .unwrap();
    }
    f.flush().unwrap();
    path
}

/// Peak resident memory of this process, in kB.
fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// One case, timed from the data file to the results file.
fn run_case(data: &Path, out: &Path, layout: TableLayout) {
    let t0 = Instant::now();
    let imported = import_file(data, &ImportOptions::default(), &mut |_| true).unwrap();
    let mut scenario = Scenario::example();
    scenario.data = imported.rows;
    scenario.params.population.horizon_year = 2050;
    let (d, p) = model::compute(&scenario).unwrap();
    let style = CsvStyle::Indonesian;
    save_table_as(out, &scenario, &d, &p, Lang::Id, style, layout).unwrap();
    let secs = t0.elapsed().as_secs_f64();
    let size = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
    println!("{secs} {} {size}", peak_kb());
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--case") {
        let layout = match args[i + 3].as_str() {
            "wide" => TableLayout::Wide,
            _ => TableLayout::Long,
        };
        run_case(Path::new(&args[i + 1]), Path::new(&args[i + 2]), layout);
        return;
    }
    // `cargo test --benches` runs benches once as tests: nothing to time.
    if !args.iter().any(|a| a == "--bench") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let me = std::env::current_exe().unwrap();
    for (name, n, file, layout, target_s, target_mb) in CASES {
        let data = data_file(dir.path(), n);
        let out = dir.path().join(file);
        let mut runs: Vec<(f64, f64, f64)> = (0..3)
            .map(|_| {
                let o = Command::new(&me)
                    .arg("--case")
                    .arg(&data)
                    .arg(&out)
                    .arg(if layout == TableLayout::Wide {
                        "wide"
                    } else {
                        "long"
                    })
                    .output()
                    .unwrap();
                let text = String::from_utf8_lossy(&o.stdout);
                let v: Vec<f64> = text
                    .split_whitespace()
                    .filter_map(|x| x.parse().ok())
                    .collect();
                assert_eq!(v.len(), 3, "{text} {}", String::from_utf8_lossy(&o.stderr));
                (v[0], v[1] / 1024.0, v[2] / 1e6)
            })
            .collect();
        runs.sort_by(|a, b| a.0.total_cmp(&b.0));
        let median = runs[1].0;
        let peak = runs.iter().map(|r| r.1).fold(0.0, f64::max);
        let mb_target = if target_mb > 0.0 {
            format!(" (target ≤ {target_mb} MB)")
        } else {
            String::new()
        };
        println!(
            "{name}: {median:.2} s median of 3 (target ≤ {target_s} s), peak {peak:.0} MB{mb_target}, file {:.1} MB, data file {:.1} MB",
            runs[1].2,
            std::fs::metadata(&data).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
        );
    }
}
