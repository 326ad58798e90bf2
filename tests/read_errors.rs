//! Reading errors are worded for the planner, in her language, with the
//! file and the place: never the text of a library or a type.

use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;

use proyeksi_bidan::io::import::{ImportOptions, import_xlsx_bytes};
use proyeksi_bidan::io::{ScenarioFileError, load_scenario, scenario_from_str};
use proyeksi_bidan::model::Lang;

/// Library words that must never reach the planner.
const LIBRARY_WORDS: [&str; 8] = [
    "shared strings",
    "Range is missing",
    "VersionProbe",
    "recursion",
    "ron::",
    "calamine",
    "Expected opening",
    "XlsxError",
];

fn plain(text: &str) {
    for w in LIBRARY_WORDS {
        assert!(!text.contains(w), "“{w}” in {text}");
    }
}

/// A small data workbook whose sheet XML is changed by `edit`.
fn edited_workbook(edit: impl Fn(&str) -> String) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Data").unwrap();
    for (c, h) in ["kode", "tahun", "jumlah penduduk", "CBR"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, y) in [2017, 2018].iter().enumerate() {
        ws.write_string(r as u32 + 1, 0, "A").unwrap();
        ws.write_number(r as u32 + 1, 1, *y as f64).unwrap();
        ws.write_number(r as u32 + 1, 2, 1000.0).unwrap();
        ws.write_number(r as u32 + 1, 3, 18.5).unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            data = edit(&String::from_utf8(data).unwrap()).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn xlsx_error(bytes: &[u8]) -> proyeksi_bidan::io::import::ImportError {
    import_xlsx_bytes(
        bytes,
        Path::new("rusak.xlsx"),
        &ImportOptions::default(),
        &mut |_| true,
    )
    .unwrap_err()
}

#[test]
fn a_damaged_workbook_is_described_in_plain_words() {
    // A text cell pointing past the shared strings.
    let bytes = edited_workbook(|xml| {
        let at = xml.rfind("t=\"s\"><v>").unwrap() + "t=\"s\"><v>".len();
        let end = at + xml[at..].find('<').unwrap();
        format!("{}999{}", &xml[..at], &xml[end..])
    });
    let e = xlsx_error(&bytes);
    let (en, id) = (e.message(Lang::En), e.message(Lang::Id));
    assert_eq!(
        en,
        "rusak.xlsx: sheet “Data” of the workbook is damaged: a cell refers to a text that is not in the workbook (near row 2); open it in Excel and save it again"
    );
    assert_eq!(
        id,
        "rusak.xlsx: lembar “Data” pada buku kerja rusak: ada sel yang merujuk ke teks yang tidak ada dalam buku kerja (sekitar baris 2); buka di Excel lalu simpan ulang"
    );
    plain(&en);
    // A cell whose position has no row number.
    let bytes = edited_workbook(|xml| xml.replacen("r=\"B2\"", "r=\"B\"", 1));
    let e = xlsx_error(&bytes);
    let (en, id) = (e.message(Lang::En), e.message(Lang::Id));
    assert!(
        en.contains(
            "sheet “Data” of the workbook is damaged: a cell has a position that cannot be read"
        ),
        "{en}"
    );
    assert!(
        id.contains("ada sel yang letaknya tidak dapat dibaca"),
        "{id}"
    );
    plain(&en);
    // Not a zip package at all.
    let e = xlsx_error(b"PK\x03\x04 tidak lengkap");
    assert!(
        e.message(Lang::Id).contains("bukan buku kerja .xlsx"),
        "{e}"
    );
    plain(&e.message(Lang::En));
}

#[test]
fn a_file_that_is_no_scenario_says_so_in_both_languages() {
    let e = scenario_from_str("tahun;jumlah penduduk\n2017;1000\n").unwrap_err();
    assert!(matches!(e, ScenarioFileError::NotAScenario { .. }));
    assert_eq!(
        e.message(Lang::En),
        "this is not a Proyeksi Bidan scenario file"
    );
    assert_eq!(
        e.message(Lang::Id),
        "berkas ini bukan berkas skenario Proyeksi Bidan"
    );
    plain(&e.to_string());
    // Nested far too deep, on line 3.
    let deep = format!(
        "// Proyeksi Bidan scenario\n(\n  format_version: 1, name: {}1{},\n)\n",
        "[".repeat(500),
        "]".repeat(500)
    );
    let e = scenario_from_str(&deep).unwrap_err();
    let ScenarioFileError::Syntax { line, .. } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(*line, 3);
    let (en, id) = (e.message(Lang::En), e.message(Lang::Id));
    assert!(
        en.starts_with("line 3, column ")
            && en.ends_with("the scenario file is damaged here: it is nested too deeply"),
        "{en}"
    );
    assert!(
        id.starts_with("baris 3, kolom ")
            && id.ends_with("berkas skenario rusak di sini: susunannya bertingkat terlalu dalam"),
        "{id}"
    );
    plain(&en);
    // A file that is not there, named in plain words.
    let e = load_scenario(Path::new("/tidak/ada.bidan")).unwrap_err();
    assert_eq!(
        e.message(Lang::Id),
        "/tidak/ada.bidan: berkas tidak dapat dibaca: berkas tidak ada"
    );
    assert_eq!(
        e.message(Lang::En),
        "/tidak/ada.bidan: cannot read the file: the file does not exist"
    );
}

#[test]
fn the_command_line_words_reading_errors_in_its_language() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data.csv");
    std::fs::write(
        &data,
        "kode;tahun;jumlah penduduk;CBR\nA;2017;261.890.900;890.900\nA;2018;1;18\n",
    )
    .unwrap();
    let run = |lang: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_proyeksi-bidan"))
            .args(["compute", "--data", data.to_str().unwrap()])
            .args(lang)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8_lossy(&out.stderr).to_string()
    };
    let id = run(&[]);
    assert!(
        id.contains("data.csv:2:CBR: 890.900 di luar rentang wajar angka kelahiran kasar"),
        "{id}"
    );
    let en = run(&["--lang", "en"]);
    assert!(
        en.contains("data.csv:2:CBR: 890.900 is outside the plausible crude birth rate range"),
        "{en}"
    );
    let scenario = dir.path().join("bukan.bidan");
    std::fs::write(&scenario, "ini bukan skenario").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_proyeksi-bidan"))
        .args(["compute", "--scenario", scenario.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bukan.bidan: berkas ini bukan berkas skenario Proyeksi Bidan"),
        "{err}"
    );
    plain(&err);
}
