//! Data files that would take the machine: one very long line, far-away
//! workbook cells, garbage, many bad rows. Each is refused (or read) quickly,
//! in memory that follows the file, with a short message naming the place.

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

/// A valid data workbook with one more cell at (`row`, `col`), 0-based.
fn workbook_with_far_cell(row: u32, col: u16) -> Vec<u8> {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Data").unwrap();
    for (c, h) in ["kode", "tahun", "jumlah penduduk", "CBR"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let mut r = 1;
    for region in ["A", "B"] {
        for y in 2017..2020 {
            ws.write_string(r, 0, region).unwrap();
            ws.write_number(r, 1, y as f64).unwrap();
            ws.write_number(r, 2, 1_000_000.0 + r as f64).unwrap();
            ws.write_number(r, 3, 18.5).unwrap();
            r += 1;
        }
    }
    ws.write_number(row, col, 7.0).unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_far_away_workbook_cell_is_read_quickly_without_the_rectangle() {
    // A note far beside the table is left alone, as any note beside it.
    for (row, col, name) in [
        (1_048_575, 16_383, "XFD1048576"),
        (9_999, 16_383, "XFD10000"),
        (1_048_575, 99, "CV1048576"),
        (3, 16_383, "XFD4"),
    ] {
        let bytes = workbook_with_far_cell(row, col);
        let (out, took) = import_bytes("jauh.xlsx", &bytes);
        assert!(took < Duration::from_secs(2), "{name}: took {took:?}");
        let imp = out.unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(imp.rows.len(), 6, "{name}");
        assert_eq!(imp.rows[5].region_code, "B");
        assert_eq!(imp.rows[5].population, Some(1_000_006.0));
    }
    // A far-away cell in a column of the table is a row of its own.
    let bytes = workbook_with_far_cell(1_048_575, 2);
    let (out, took) = import_bytes("jauh.xlsx", &bytes);
    assert!(took < Duration::from_secs(2), "took {took:?}");
    let p = problems(&out.unwrap_err());
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].0, Some(1_048_576));
    assert_eq!(p[0].1.as_deref(), Some("B (tahun)"));
    assert_eq!(p[0].2, "the year is empty");
}

#[test]
fn a_row_with_a_cell_too_many_is_refused_with_the_likely_cause() {
    // 18;50 typed for 18,50: the row has one cell more than the header.
    let csv = "kode;tahun;jumlah penduduk;CBR\n\
               A;2017;261.890.900;18,5\n\
               A;2018;265.015.300;18;50\n";
    let (out, _) = import_bytes("koma.csv", csv.as_bytes());
    let p = problems(&out.unwrap_err());
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].0, Some(3));
    assert_eq!(p[0].1.as_deref(), Some("column 5"));
    assert!(
        p[0].2.starts_with("this row has 5 cells but the header has 4: the extra cell is “50”. Perhaps a number holds a “;” (18;50 written for 18,50)"),
        "{}",
        p[0].2
    );
    // With commas between cells, a decimal comma makes the extra cell.
    let csv = "code,year,population,cbr\nA,2017,261890900,18.5\nA,2018,265015300,18,2\n";
    let (out, _) = import_bytes("comma.csv", csv.as_bytes());
    let p = problems(&out.unwrap_err());
    assert_eq!((p[0].0, p[0].1.as_deref()), (Some(3), Some("column 5")));
    assert!(
        p[0].2.contains("“2”") && p[0].2.contains("18,50 written"),
        "{}",
        p[0].2
    );
    // Empty cells past the header are no harm.
    let csv =
        "kode;tahun;jumlah penduduk;CBR\nA;2017;261.890.900;18,5;;\nA;2018;265.015.300;18,2;\n";
    let (out, _) = import_bytes("kosong.csv", csv.as_bytes());
    assert_eq!(out.unwrap().rows[1].cbr, Some(18.2));
}
