//! Data files that would take the machine: one very long line, far-away
//! workbook cells, garbage, many bad rows. Each is refused (or read) quickly,
//! in memory that follows the file, with a short message naming the place.

use std::time::{Duration, Instant};

use proyeksi_bidan::io::activities::activities_from_csv;
use proyeksi_bidan::io::import::{ImportError, ImportOptions, Imported, import_file};
use proyeksi_bidan::model::Lang;

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
    assert_eq!((p[0].0, p[0].1.as_deref()), (Some(3), None));
    assert!(
        p[0].2.starts_with("this row has 5 cells but the header has 4: the extra cell is “50” (column 5). Perhaps a number holds a “;” (18;50 written for 18,50)"),
        "{}",
        p[0].2
    );
    // With commas between cells, a decimal comma makes the extra cell.
    let csv = "code,year,population,cbr\nA,2017,261890900,18.5\nA,2018,265015300,18,2\n";
    let (out, _) = import_bytes("comma.csv", csv.as_bytes());
    let p = problems(&out.unwrap_err());
    assert_eq!((p[0].0, p[0].1.as_deref()), (Some(3), None));
    assert!(
        p[0].2.contains("the extra cell is “2” (column 5)") && p[0].2.contains("18,50 written"),
        "{}",
        p[0].2
    );
    // Empty cells past the header are no harm.
    let csv =
        "kode;tahun;jumlah penduduk;CBR\nA;2017;261.890.900;18,5;;\nA;2018;265.015.300;18,2;\n";
    let (out, _) = import_bytes("kosong.csv", csv.as_bytes());
    assert_eq!(out.unwrap().rows[1].cbr, Some(18.2));
}

/// Bytes from a fixed-seed generator (xorshift), the same on every run.
fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn garbage_is_refused_at_once() {
    // Random bytes: a NUL among the first ones.
    let (out, took) = import_bytes("acak.csv", &noise(4 << 20, 7));
    assert!(took < Duration::from_secs(1), "took {took:?}");
    assert_eq!(
        out.unwrap_err().to_string().rsplit(": ").next(),
        Some("this is not a text (CSV) file; a workbook must end in .xlsx")
    );
    // Text with a NUL far down the file.
    let mut text = regions_csv(2000).into_bytes();
    let at = text.len() - 100;
    text[at] = 0;
    let (out, _) = import_bytes("nul.csv", &text);
    assert!(
        out.unwrap_err()
            .to_string()
            .ends_with("this is not a text (CSV) file; a workbook must end in .xlsx")
    );
    // The UTF-8 mark, then bytes that are not UTF-8.
    let mut text = b"\xEF\xBB\xBFkode;tahun;jumlah penduduk;CBR\nA;2017;1;18\n".to_vec();
    text.extend_from_slice(b"B\xFF;2017;1;18\n");
    let (out, _) = import_bytes("rusak.csv", &text);
    let e = out.unwrap_err().to_string();
    assert!(
        e.ends_with("the file is marked as UTF-8 but holds bytes that are not UTF-8 (byte 48); save it again as “CSV UTF-8” or as .xlsx"),
        "{e}"
    );
    // Random bytes without a NUL (text in Windows-1252 to a reader): refused
    // as a table, with a short list.
    let no_nul: Vec<u8> = noise(3 << 20, 11).into_iter().map(|b| b.max(1)).collect();
    let (out, took) = import_bytes("acak.txt", &no_nul);
    assert!(took < Duration::from_secs(5), "took {took:?}");
    assert!(out.unwrap_err().to_string().len() < 100_000);
}

#[test]
fn many_bad_rows_stop_the_reading_after_the_limit() {
    let mut csv = String::from("kode;tahun;jumlah penduduk;CBR\n");
    for _ in 0..300_000 {
        csv.push_str("A;2017;banyak;18\n");
    }
    let (out, took) = import_bytes("buruk.csv", csv.as_bytes());
    assert!(took < Duration::from_secs(5), "took {took:?}");
    let e = out.unwrap_err();
    let ImportError::Invalid {
        problems: listed,
        total,
        stopped,
        ..
    } = &e
    else {
        panic!("{e:?}")
    };
    // Row 2 has one problem, each row after it two (the text, and the
    // year given twice): past 200 at row 102, reading stops at row 103.
    assert_eq!((listed.len(), *total, *stopped), (200, 201, Some(103)));
    assert_eq!(listed[199].row, Some(102));
    let text = e.to_string();
    assert!(
        text.ends_with("buruk.csv:103: reading stopped here: more than 200 problems; correct these first and read the file again"),
        "{}",
        &text[text.len() - 300..]
    );
    assert!(
        e.message(Lang::Id)
            .ends_with("buruk.csv:103: pembacaan dihentikan di sini: lebih dari 200 masalah; perbaiki dulu masalah ini, lalu baca ulang berkasnya")
    );
    // Identical good rows: one region, one year, many times.
    let mut csv = String::from("kode;tahun;jumlah penduduk;CBR\n");
    for _ in 0..200_000 {
        csv.push_str("A;2017;1.000;18\n");
    }
    let (out, took) = import_bytes("sama.csv", csv.as_bytes());
    assert!(took < Duration::from_secs(5), "took {took:?}");
    let e = out.unwrap_err();
    let p = problems(&e);
    assert_eq!(p.len(), 200);
    assert_eq!(p[0].0, Some(3));
    assert_eq!(p[0].2, "region A, year 2017 appears twice (also row 2)");
    assert_eq!(p[199].2, "region A, year 2017 appears twice (also row 2)");
    // Reading stopped there, rather than reading 200.000 rows to list them.
    assert!(e.to_string().ends_with("sama.csv:203: reading stopped here: more than 200 problems; correct these first and read the file again"), "{e}");
}

/// `text` as UTF-16 with its byte order mark.
fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in text.encode_utf16() {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

#[test]
fn utf16_files_are_read_in_both_byte_orders() {
    let text = "kode;nama wilayah;tahun;jumlah penduduk;CBR\r\n\
                3512;Désa Ñusa;2017;680.000;16,2\r\n\
                3512;Désa Ñusa;2018;684.000;16,0\r\n";
    for big_endian in [false, true] {
        let (out, _) = import_bytes("utf16.csv", &utf16(text, big_endian));
        let imp = out.unwrap_or_else(|e| panic!("{big_endian}: {e}"));
        assert_eq!(imp.rows.len(), 2);
        assert_eq!(imp.rows[0].region_name, "Désa Ñusa");
        assert_eq!(imp.rows[1].population, Some(684_000.0));
        assert_eq!(imp.rows[1].cbr, Some(16.0));
        assert_eq!(
            imp.info.encoding,
            if big_endian { "UTF-16BE" } else { "UTF-16LE" }
        );
        // A problem in such a file names its row as in any other.
        let bad = text.replace("16,0", "99");
        let (out, _) = import_bytes("utf16.csv", &utf16(&bad, big_endian));
        let p = problems(&out.unwrap_err());
        assert_eq!((p[0].0, p[0].1.as_deref()), (Some(3), Some("CBR")));
    }
    // An activity table too.
    let table = "kegiatan;jenis;norma_waktu;capaian\nANC;pelayanan;35;1.980\n";
    let t = activities_from_csv(&utf16(table, false), "kegiatan.csv").unwrap();
    assert_eq!(t.activities[0].units_per_year, 1980.0);
}

#[test]
fn a_value_out_of_range_is_quoted_as_written() {
    let csv = "kode;tahun;jumlah penduduk;CBR\nA;2017;261.890.900;890.900\nA;2018;-1.500;18\n";
    let (out, _) = import_bytes("cbr.csv", csv.as_bytes());
    let e = out.unwrap_err();
    let p = problems(&e);
    assert_eq!(
        p[0],
        (
            Some(2),
            Some("CBR".to_string()),
            "890.900 is outside the plausible crude birth rate range 0–60 per 1,000 people"
                .to_string()
        )
    );
    assert_eq!(
        p[1].2,
        "-1.500 is not a possible population (must be 0 or more)"
    );
    // In Indonesian too, as written.
    assert!(e.message(Lang::Id).contains(
        "cbr.csv:2:CBR: 890.900 di luar rentang wajar angka kelahiran kasar, 0–60 per 1.000 penduduk"
    ));
    // A number cell of a workbook has no written form: it is shown in the
    // language's format.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["tahun", "jumlah penduduk", "CBR"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_number(1, 0, 2017.0).unwrap();
    ws.write_number(1, 1, 1000.0).unwrap();
    ws.write_number(1, 2, 890_900.0).unwrap();
    let (out, _) = import_bytes("cbr.xlsx", &wb.save_to_buffer().unwrap());
    let e = out.unwrap_err();
    assert_eq!(
        problems(&e)[0].2,
        "890,900 is outside the plausible crude birth rate range 0–60 per 1,000 people"
    );
    assert!(e.message(Lang::Id).contains("C (CBR): 890.900 di luar"));
}

#[test]
fn a_row_without_its_region_is_named_with_the_file_and_row() {
    let csv = "kode;nama wilayah;tahun;jumlah penduduk;CBR\n\
               3512;Situbondo;2017;680.000;16,2\n\
               3512;Situbondo;2018;684.000;16,0\n\
               ;;2017;770.000;15,1\n\
               ;;2018;772.500;14,9\n";
    for careful in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wilayah.csv");
        std::fs::write(&path, csv).unwrap();
        let options = ImportOptions {
            careful,
            ..ImportOptions::default()
        };
        let e = import_file(&path, &options, &mut |_| true).unwrap_err();
        let p = problems(&e);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0].0, Some(4));
        assert_eq!(p[1].0, Some(5));
        assert_eq!(p[0].1.as_deref(), Some("nama wilayah"));
        assert_eq!(
            p[0].2,
            "the region is empty, while other rows name theirs (e.g. “3512”): give this row its region code or name"
        );
        let id = e.message(Lang::Id);
        assert!(
            id.starts_with(&format!(
                "{}:4:nama wilayah: wilayah kosong, padahal baris lain menyebut wilayahnya",
                path.display()
            )),
            "{id}"
        );
    }
    // A table of one region without a name is still read.
    let csv = "tahun;jumlah penduduk;CBR\n2017;680.000;16,2\n2018;684.000;16,0\n";
    let (out, _) = import_bytes("satu.csv", csv.as_bytes());
    assert_eq!(out.unwrap().rows.len(), 2);
}

#[test]
fn a_workbook_that_unpacks_far_beyond_its_size_is_refused() {
    use std::io::{Read, Write};
    let template = proyeksi_bidan::io::import::template_xlsx(Lang::Id).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(template)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            // 150 MB of spaces between the rows: packed, a few hundred KB.
            let text = String::from_utf8(data).unwrap();
            let at = text.find("<sheetData>").unwrap() + "<sheetData>".len();
            data = format!("{}{}{}", &text[..at], " ".repeat(150 << 20), &text[at..]).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    let bytes = out.finish().unwrap().into_inner();
    assert!(bytes.len() < 1 << 20, "{}", bytes.len());
    let (out, took) = import_bytes("bom.xlsx", &bytes);
    assert!(took < Duration::from_secs(2), "took {took:?}");
    let e = out.unwrap_err();
    assert!(
        e.to_string()
            .ends_with("the workbook is damaged: it unpacks to 150 MB, far more than a workbook of its size holds; open it in Excel and save it again"),
        "{e}"
    );
    assert!(e.message(Lang::Id).contains("mengembang menjadi 150 MB"));
}

#[test]
fn an_activity_row_with_a_cell_too_many_is_refused() {
    let table =
        "kegiatan;jenis;norma_waktu;capaian\nANC;pelayanan;35;1.980\nKF;pelayanan;20;1;980\n";
    let e = activities_from_csv(table.as_bytes(), "kegiatan.csv").unwrap_err();
    let p = problems(&e);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].0, Some(3));
    assert!(
        p[0].2.starts_with(
            "this row has 5 cells but the header has 4: the extra cell is “980” (column 5)"
        ),
        "{}",
        p[0].2
    );
}

#[test]
fn a_workbook_claiming_billions_of_texts_is_refused_before_room_is_made() {
    use std::io::{Read, Write};
    let template = proyeksi_bidan::io::import::template_xlsx(Lang::Id).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(template)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut edited = false;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == "xl/sharedStrings.xml" {
            let text = String::from_utf8(data).unwrap();
            let at = text.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
            let end = at + text[at..].find('"').unwrap();
            data = format!("{}99999999999{}", &text[..at], &text[end..]).into_bytes();
            edited = true;
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    assert!(edited);
    let bytes = out.finish().unwrap().into_inner();
    // The quick route needs no room made for the texts: it reads the file.
    let (out, _) = import_bytes("klaim.xlsx", &bytes);
    assert_eq!(out.unwrap().rows[0].population, Some(261_890_900.0));
    // The careful reader refuses it before the workbook reader makes room.
    let careful = ImportOptions {
        careful: true,
        ..ImportOptions::default()
    };
    let e = proyeksi_bidan::io::import::import_xlsx_bytes(
        &bytes,
        std::path::Path::new("klaim.xlsx"),
        &careful,
        &mut |_| true,
    )
    .unwrap_err();
    assert!(
        e.to_string().ends_with(
            "the workbook is damaged: its list of texts claims far more texts than it holds; open it in Excel and save it again"
        ),
        "{e}"
    );
    let t = proyeksi_bidan::io::activities::activities_from_xlsx(&bytes, "klaim.xlsx", None);
    assert!(t.is_err());
}
