//! Data files that would take the machine: one very long line, far-away
//! workbook cells, garbage, many bad rows. Each is refused (or read) quickly,
//! in memory that follows the file, with a short message naming the place.

use std::path::Path;
use std::time::{Duration, Instant};

use proyeksi_bidan::io::import::{ImportError, ImportOptions, Imported, import_file};

fn problems(e: &ImportError) -> Vec<(Option<usize>, Option<String>, String)> {
    match e {
        ImportError::Invalid { problems, .. } => problems
            .iter()
            .map(|p| (p.row, p.column.clone(), p.message.to_string()))
            .collect(),
        other => panic!("expected a list of problems, got {other:?}"),
    }
}

/// Writes `bytes` as `name` in a fresh folder and imports it, timing it.
fn import_bytes(name: &str, bytes: &[u8]) -> (Result<Imported, ImportError>, Duration) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let start = Instant::now();
    let out = import_file(&path, &ImportOptions::default(), &mut |_| true);
    (out, start.elapsed())
}

/// A valid table of `regions` regions over 2017–2020, `;`-separated.
fn regions_csv(regions: usize) -> String {
    let mut s = String::from("kode;nama wilayah;tahun;jumlah penduduk;CBR\n");
    for r in 0..regions {
        for y in 2017..2021 {
            s.push_str(&format!(
                "R{r:05};Desa {r};{y};1.{:03}.000;18,5\n",
                r % 1000
            ));
        }
    }
    s
}

#[test]
fn one_very_long_line_is_refused_quickly_with_a_short_quote() {
    let body = regions_csv(5000);
    let (head, rest) = body.split_at(body.find('\n').unwrap() + 1);
    let long_name = "x".repeat(1_500_000);
    // Row 2: a name of 1,5 MB and no year; row 3: a 1,5 MB cell for a number.
    let bad = format!(
        "{head}Q1;{long_name};;1.000;18\nQ2;Desa;2017;{};18\n{rest}",
        "9".repeat(1_500_000)
    );
    let (out, took) = import_bytes("panjang.csv", bad.as_bytes());
    let e = out.unwrap_err();
    assert!(took < Duration::from_secs(5), "took {took:?}");
    let p = problems(&e);
    assert_eq!(p[0].0, Some(2), "{p:?}");
    assert_eq!(p[0].1.as_deref(), Some("tahun"));
    assert_eq!(p[0].2, "the year is empty");
    let number = p
        .iter()
        .find(|(r, c, _)| *r == Some(3) && c.as_deref() == Some("jumlah penduduk"))
        .expect("the long number is named");
    // The cell is quoted as written, cut after 40 characters.
    assert!(
        number
            .2
            .starts_with(&format!("“{}…” is not a number", "9".repeat(40))),
        "{}",
        number.2
    );
    assert!(e.to_string().len() < 40_000, "{e}");
    assert!(p.iter().all(|(_, _, m)| m.len() < 300), "{p:?}");
}
