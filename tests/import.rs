//! Data files in: Indonesian CSV, international CSV, Windows-1252, .xlsx;
//! every malformed file gives its clear error, nothing half-loaded, no panic.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proyeksi_bidan::io::import::{
    ImportError, ImportOptions, import_csv_bytes, import_file, import_xlsx_bytes, recognize,
    template_csv, template_xlsx,
};
use proyeksi_bidan::model::data::{ColumnMapping, Field};
use proyeksi_bidan::model::{self, Lang, Rounding, Scenario};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(name)
}

fn load(path: &Path) -> Result<proyeksi_bidan::io::import::Imported, ImportError> {
    import_file(path, &ImportOptions::default(), &mut |_| true)
}

fn problems(e: &ImportError) -> Vec<(Option<usize>, Option<String>, String)> {
    match e {
        ImportError::Invalid { problems, .. } => problems
            .iter()
            .map(|p| (p.row, p.column.clone(), p.message.to_string()))
            .collect(),
        other => panic!("expected a list of problems, got {other:?}"),
    }
}

#[test]
fn indonesian_csv_gives_the_papers_figures() {
    let imp = load(&fixture("paper_id.csv")).unwrap();
    assert_eq!(imp.info.delimiter, Some(b';'));
    assert_eq!(imp.rows.len(), 4);
    assert_eq!(imp.rows[0].population, Some(261_890_900.0));
    assert_eq!(imp.rows[0].cbr, Some(18.5));
    let mut s = Scenario::example();
    s.data = imp.rows;
    s.params.rounding = Rounding::Published;
    let (_, p) = model::compute(&s).unwrap();
    assert_eq!(p.total_row(2020).unwrap().pregnant_women, 5_218_028.0);
    assert_eq!(
        p.total_row(2020).unwrap().projected_pregnant_women,
        5_218_084.0
    );
}

#[test]
fn dots_are_thousands_and_commas_decimals() {
    let csv = "Kode Wilayah;Nama Wilayah;Tahun;Jumlah Penduduk (jiwa);Angka Kelahiran Kasar;Jumlah Bidan\n\
               3211;Kab. Sumedang;2017;1.602;18,5;12,5\n\
               3211;Kab. Sumedang;2018;1.631.100;18,2;13\n";
    let imp = import_csv_bytes(
        csv.as_bytes(),
        Path::new("x.csv"),
        &ImportOptions::default(),
        &mut |_| true,
    )
    .unwrap();
    assert_eq!(imp.rows[0].population, Some(1602.0));
    assert_eq!(imp.rows[1].population, Some(1_631_100.0));
    assert_eq!(imp.rows[0].cbr, Some(18.5));
    assert_eq!(imp.rows[0].midwives_available, Some(12.5));
    assert_eq!(imp.rows[0].region_code, "3211");
    assert_eq!(imp.rows[0].region_name, "Kab. Sumedang");
}

/// Either way a file is read, a region's rows share one copy of its code and
/// name, so that a national table holds each name once.
#[test]
fn a_regions_rows_share_its_labels() {
    let plain = "kode;nama;tahun;jumlah penduduk;CBR\n\
                 3211;Sumedang;2017;1.602;18,5\n\
                 3211;Sumedang;2018;1.631;18,2\n\
                 3212;Indramayu;2017;1.700;17,0\n\
                 3212;Indramayu;2018;1.710;17,1\n";
    // A quote sends the file the careful way.
    let quoted = plain.replace("Indramayu;2018", "\"Indramayu\";2018");
    for (csv, careful) in [(plain.to_string(), false), (quoted, true)] {
        let imp = import_csv_bytes(
            csv.as_bytes(),
            Path::new("x.csv"),
            &ImportOptions {
                careful,
                ..Default::default()
            },
            &mut |_| true,
        )
        .unwrap();
        let same = |a: &str, b: &str| std::ptr::eq(a, b);
        let r = &imp.rows;
        assert_eq!(r.len(), 4);
        assert!(same(&r[0].region_code, &r[1].region_code), "{careful}");
        assert!(same(&r[2].region_name, &r[3].region_name), "{careful}");
        assert!(!same(&r[1].region_code, &r[2].region_code));
        assert_eq!(r[3].region_name, "Indramayu");
    }
}

#[test]
fn international_csv_with_bom_and_english_headers() {
    let csv = "\u{feff}region_code,region_name,year,population,cbr\nR1,\"Kota Bogor, Jawa Barat\",2017,1000000,18.5\nR1,\"Kota Bogor, Jawa Barat\",2018,1010000,18.2\n";
    let imp = import_csv_bytes(
        csv.as_bytes(),
        Path::new("x.csv"),
        &ImportOptions::default(),
        &mut |_| true,
    )
    .unwrap();
    assert_eq!(imp.info.delimiter, Some(b','));
    assert_eq!(imp.rows[1].population, Some(1_010_000.0));
    assert_eq!(imp.rows[1].cbr, Some(18.2));
    assert_eq!(imp.rows[0].region_name, "Kota Bogor, Jawa Barat");
}

#[test]
fn windows_1252_text_is_read() {
    let mut bytes =
        b"kode;nama;tahun;penduduk;cbr\n1;Sumedang \x96 Jawa Barat;2017;100;18,5\n".to_vec();
    bytes.extend_from_slice(b"1;Sumedang \x96 Jawa Barat;2018;101;18,4\n");
    let imp = import_csv_bytes(
        &bytes,
        Path::new("w.csv"),
        &ImportOptions::default(),
        &mut |_| true,
    )
    .unwrap();
    assert_eq!(imp.info.encoding, "Windows-1252");
    assert_eq!(imp.rows[0].region_name, "Sumedang – Jawa Barat");
}

#[test]
fn headers_are_recognised_in_both_languages() {
    assert_eq!(recognize("Tahun"), Some(Field::Year));
    assert_eq!(recognize(" YEAR "), Some(Field::Year));
    assert_eq!(recognize("jumlah penduduk"), Some(Field::Population));
    assert_eq!(recognize("Jumlah_Penduduk (jiwa)"), Some(Field::Population));
    assert_eq!(recognize("angka kelahiran kasar"), Some(Field::Cbr));
    assert_eq!(recognize("kode wilayah"), Some(Field::RegionCode));
    assert_eq!(recognize("nama wilayah"), Some(Field::RegionName));
    assert_eq!(recognize("jumlah bidan"), Some(Field::MidwivesAvailable));
    assert_eq!(recognize("Midwives"), Some(Field::MidwivesAvailable));
    assert_eq!(recognize("keterangan"), None);
}

#[test]
fn a_remembered_mapping_reads_unrecognised_headers() {
    let csv = "th;jml;laju\n2017;100;18,5\n2018;110;18\n";
    let e = import_csv_bytes(
        csv.as_bytes(),
        Path::new("m.csv"),
        &ImportOptions::default(),
        &mut |_| true,
    )
    .unwrap_err();
    let p = problems(&e);
    assert!(p[0].2.contains("missing column"), "{p:?}");
    let mapping = ColumnMapping {
        columns: vec![
            ("th".into(), Some(Field::Year)),
            ("jml".into(), Some(Field::Population)),
            ("laju".into(), Some(Field::Cbr)),
        ],
    };
    let opts = ImportOptions {
        mapping: Some(mapping),
        ..ImportOptions::default()
    };
    let imp = import_csv_bytes(csv.as_bytes(), Path::new("m.csv"), &opts, &mut |_| true).unwrap();
    assert_eq!(imp.rows[1].population, Some(110.0));
}

#[test]
fn every_bad_value_is_listed_with_row_and_column() {
    let e = load(&fixture("malformed/bad_values.csv")).unwrap_err();
    let p = problems(&e);
    let text = e.to_string();
    assert!(
        text.contains("bad_values.csv:2:jumlah penduduk: -5"),
        "{text}"
    );
    assert!(text.contains("bad_values.csv:3:CBR: 185"), "{text}");
    assert!(
        p.iter()
            .any(|(r, _, m)| *r == Some(4) && m.contains("appears twice")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|(r, _, m)| *r == Some(5) && m.contains("jump from 2018 to 2021")),
        "{p:?}"
    );
    assert_eq!(p.len(), 4);

    let e = load(&fixture("malformed/text_in_numbers.csv")).unwrap_err();
    let text = e.to_string();
    assert!(
        text.contains(":3:jumlah penduduk: “dua ratus juta” is not a number"),
        "{text}"
    );
    assert!(
        text.contains(":4:CBR: “delapan belas” is not a number"),
        "{text}"
    );
}

#[test]
fn malformed_files_each_give_their_error() {
    let cases = [
        ("malformed/empty.csv", "empty"),
        ("malformed/headers_only.csv", "no data rows"),
        ("malformed/binary_renamed.xlsx", "not a readable .xlsx"),
        ("malformed/missing_columns.csv", "missing column"),
        ("malformed/bad_delimiter.csv", "missing column"),
        ("malformed/broken_quotes.csv", "missing column"),
    ];
    for (name, expected) in cases {
        let e = load(&fixture(name)).unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains(expected), "{name}: {msg}");
        assert!(
            msg.contains(name.rsplit('/').next().unwrap()),
            "{name} not named: {msg}"
        );
    }
    let e = load(&fixture("no-such-file.csv")).unwrap_err();
    assert!(e.to_string().contains("cannot read"));
}

#[test]
fn a_workbook_saved_as_csv_is_refused_as_binary() {
    let bytes = template_xlsx(Lang::Id).unwrap();
    let e = import_csv_bytes(
        &bytes,
        Path::new("data.csv"),
        &ImportOptions::default(),
        &mut |_| true,
    )
    .unwrap_err();
    assert!(e.to_string().contains("not a text (CSV) file"), "{e}");
}

#[test]
fn a_hundred_megabytes_of_garbage_is_refused_without_panic() {
    let mut bytes = vec![0u8; 100 * 1024 * 1024];
    let mut x: u32 = 12345;
    for b in bytes.iter_mut() {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        *b = (x >> 24) as u8;
    }
    assert!(
        import_csv_bytes(
            &bytes,
            Path::new("g.csv"),
            &ImportOptions::default(),
            &mut |_| true
        )
        .is_err()
    );
    assert!(
        import_xlsx_bytes(
            &bytes,
            Path::new("g.xlsx"),
            &ImportOptions::default(),
            &mut |_| true
        )
        .is_err()
    );
    // Printable garbage (text, but not a table of the right columns).
    for b in bytes.iter_mut() {
        *b = b' ' + (*b % 90);
    }
    assert!(
        import_csv_bytes(
            &bytes,
            Path::new("g.csv"),
            &ImportOptions::default(),
            &mut |_| true
        )
        .is_err()
    );
}

#[test]
fn xlsx_with_typed_cells_merged_header_and_sheets() {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Catatan").unwrap();
    ws.write_string(0, 0, "lihat lembar Data").unwrap();
    let ws = wb.add_worksheet();
    ws.set_name("Data").unwrap();
    for (c, h) in ["tahun", "jumlah penduduk", "CBR"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (i, (y, p, c)) in [(2017, 261_890_900.0, 18.5), (2018, 265_015_300.0, 18.2)]
        .iter()
        .enumerate()
    {
        ws.write_number(i as u32 + 1, 0, *y as f64).unwrap();
        ws.write_number(i as u32 + 1, 1, *p).unwrap();
        ws.write_string(i as u32 + 1, 2, c.to_string().replace('.', ","))
            .unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let opts = ImportOptions {
        sheet: Some("Data".into()),
        ..ImportOptions::default()
    };
    let imp = import_xlsx_bytes(&bytes, Path::new("d.xlsx"), &opts, &mut |_| true).unwrap();
    assert_eq!(
        imp.info.sheets,
        vec!["Catatan".to_string(), "Data".to_string()]
    );
    assert_eq!(imp.rows[1].population, Some(265_015_300.0));
    assert_eq!(imp.rows[1].cbr, Some(18.2));
    // The first sheet is the default, and has no data columns.
    let e = import_xlsx_bytes(
        &bytes,
        Path::new("d.xlsx"),
        &ImportOptions::default(),
        &mut |_| true,
    )
    .unwrap_err();
    assert!(e.to_string().contains("missing column"), "{e}");
    let opts = ImportOptions {
        sheet: Some("Tidak ada".into()),
        ..ImportOptions::default()
    };
    let e = import_xlsx_bytes(&bytes, Path::new("d.xlsx"), &opts, &mut |_| true).unwrap_err();
    assert!(e.to_string().contains("Catatan, Data"), "{e}");

    // A merged title above the header: the merged cells are not headers.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.merge_range(0, 0, 0, 2, "Data penduduk 2017", &Format::new())
        .unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let e = import_xlsx_bytes(
        &bytes,
        Path::new("merged.xlsx"),
        &ImportOptions::default(),
        &mut |_| true,
    )
    .unwrap_err();
    let msg = e.to_string();
    assert!(
        msg.contains("merged.xlsx")
            && (msg.contains("no data rows") || msg.contains("missing column")),
        "{msg}"
    );
}

#[test]
fn text_in_a_number_cell_of_a_workbook_names_the_cell() {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["tahun", "penduduk", "cbr"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_number(1, 0, 2017.0).unwrap();
    ws.write_string(1, 1, "banyak").unwrap();
    ws.write_number(1, 2, 18.5).unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let e = import_xlsx_bytes(
        &bytes,
        Path::new("t.xlsx"),
        &ImportOptions::default(),
        &mut |_| true,
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .contains("t.xlsx:2:B (penduduk): “banyak” is not a number"),
        "{e}"
    );
}

#[test]
fn templates_import_back() {
    for lang in [Lang::Id, Lang::En] {
        let csv = template_csv(lang);
        let imp = import_csv_bytes(
            &csv,
            Path::new("t.csv"),
            &ImportOptions::default(),
            &mut |_| true,
        )
        .unwrap();
        assert_eq!(imp.rows.len(), 1);
        assert_eq!(imp.rows[0].population, Some(261_890_900.0));
        assert_eq!(imp.rows[0].cbr, Some(18.5));
        let xlsx = template_xlsx(lang).unwrap();
        let imp = import_xlsx_bytes(
            &xlsx,
            Path::new("t.xlsx"),
            &ImportOptions::default(),
            &mut |_| true,
        )
        .unwrap();
        assert_eq!(imp.rows[0].year, 2017);
        assert_eq!(imp.rows[0].cbr, Some(18.5));
    }
}

#[test]
fn cancelling_stops_the_import() {
    let mut csv = String::from("kode;tahun;penduduk;cbr\n");
    for i in 0..70_000 {
        csv.push_str(&format!("R{i};2017;1000;18\n"));
    }
    for careful in [false, true] {
        let options = ImportOptions {
            careful,
            ..Default::default()
        };
        // Cancelled at once, and cancelled once the reading is under way.
        for at in [0.0, 0.05] {
            let e = import_csv_bytes(csv.as_bytes(), Path::new("big.csv"), &options, &mut |p| {
                p < at
            })
            .unwrap_err();
            assert!(matches!(e, ImportError::Cancelled { .. }), "{careful} {at}");
        }
    }
    // From disk, a plain file reports its progress piece by piece and stops
    // when asked, before anything is returned.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.csv");
    std::fs::write(&path, &csv).unwrap();
    for at in [0.0, 0.5] {
        let e = import_file(&path, &ImportOptions::default(), &mut |p| p < at).unwrap_err();
        assert!(matches!(e, ImportError::Cancelled { .. }), "{at}");
    }
    let mut heard = Vec::new();
    let imp = import_file(&path, &ImportOptions::default(), &mut |p| {
        heard.push(p);
        true
    })
    .unwrap();
    assert_eq!(imp.rows.len(), 70_000);
    assert_eq!((heard.first(), heard.last()), (Some(&0.0), Some(&1.0)));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = import_csv_bytes(&bytes, Path::new("r.csv"), &ImportOptions::default(), &mut |_| true);
        let _ = import_xlsx_bytes(&bytes, Path::new("r.xlsx"), &ImportOptions::default(), &mut |_| true);
    }

    #[test]
    fn random_edits_of_a_valid_csv_never_panic(
        edits in proptest::collection::vec((0usize..200, any::<u8>()), 1..12),
    ) {
        let mut bytes = std::fs::read(fixture("paper_id.csv")).unwrap();
        for (pos, b) in edits {
            let i = pos % bytes.len();
            bytes[i] = b;
        }
        let got = import_csv_bytes(&bytes, Path::new("e.csv"), &ImportOptions::default(), &mut |_| true);
        let careful = ImportOptions { careful: true, ..Default::default() };
        let slow = import_csv_bytes(&bytes, Path::new("e.csv"), &careful, &mut |_| true);
        prop_assert_eq!(&got, &slow);
        match got {
            Ok(imp) => prop_assert!(!imp.rows.is_empty()),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn random_edits_of_a_valid_xlsx_never_panic(
        edits in proptest::collection::vec((0usize..100_000, any::<u8>()), 1..8),
    ) {
        let mut bytes = template_xlsx(Lang::Id).unwrap();
        for (pos, b) in edits {
            let i = pos % bytes.len();
            bytes[i] = b;
        }
        let got = import_xlsx_bytes(&bytes, Path::new("e.xlsx"), &ImportOptions::default(), &mut |_| true);
        let careful = ImportOptions { careful: true, ..Default::default() };
        let slow = import_xlsx_bytes(&bytes, Path::new("e.xlsx"), &careful, &mut |_| true);
        // The quick route reads only the parts the data needs, so it may take
        // a workbook whose other parts (say its colour theme) are damaged;
        // it never takes data the careful reader finds fault with.
        match (&got, &slow) {
            (Ok(g), Err(ImportError::File { .. })) => {
                let whole = template_xlsx(Lang::Id).unwrap();
                let o = import_xlsx_bytes(&whole, Path::new("e.xlsx"), &careful, &mut |_| true).unwrap();
                prop_assert_eq!(&g.rows, &o.rows);
            }
            _ => prop_assert_eq!(&got, &slow),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The fast reader agrees with the general one wherever it answers.
    #[test]
    fn fast_numbers_agree_with_parse_number(s in "-?[0-9]{0,17}([.,][0-9]{0,5}){0,6}([.,][0-9]{0,17})?") {
        if let Some(v) = proyeksi_bidan::io::import::fast_number(&s) {
            let slow = proyeksi_bidan::model::number::parse_number(&s, Lang::Id);
            prop_assert_eq!(Ok(v), slow, "{}", s);
        }
    }
}

#[test]
fn fast_numbers_read_the_common_forms() {
    use proyeksi_bidan::io::import::fast_number;
    assert_eq!(fast_number("2017"), Some(2017.0));
    assert_eq!(fast_number("261.890.900"), Some(261_890_900.0));
    assert_eq!(fast_number("1.602"), Some(1602.0));
    assert_eq!(fast_number("18,5"), Some(18.5));
    assert_eq!(fast_number("18.5"), Some(18.5));
    assert_eq!(fast_number("1.163,75"), Some(1163.75));
    assert_eq!(fast_number("-0,007"), Some(-0.007));
    assert_eq!(fast_number("1.2.3"), None);
    assert_eq!(fast_number("abc"), None);
}

#[test]
fn windows_line_ends_keep_row_numbers_right() {
    let csv = "tahun;jumlah penduduk;CBR\r\n2017;100;18,5\r\n2018;100;99\r\n";
    let e = import_csv_bytes(
        csv.as_bytes(),
        Path::new("crlf.csv"),
        &ImportOptions::default(),
        &mut |_| true,
    )
    .unwrap_err();
    assert!(e.to_string().contains("crlf.csv:3:CBR: 99"), "{e}");
}

/// How one generated data file is laid out and what, if anything, is wrong in it.
#[derive(Debug, Clone)]
struct Layout {
    regions: usize,
    years: usize,
    first_year: i32,
    with_code: bool,
    with_name: bool,
    order: u8,
    semicolon: bool,
    crlf: bool,
    bom: bool,
    cp1252: bool,
    padded: bool,
    extra_column: bool,
    with_midwives: bool,
    blanks: Vec<usize>,
    values: Vec<(u32, u16)>,
    fault: u8,
    fault_at: usize,
}

fn layouts() -> impl Strategy<Value = Layout> {
    (
        (1usize..5, 1usize..5, 2000i32..2030),
        (any::<bool>(), any::<bool>(), 0u8..3),
        (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()),
        (any::<bool>(), any::<bool>(), any::<bool>()),
        proptest::collection::vec(0usize..30, 0..3),
        proptest::collection::vec((0u32..9_000_000, 100u16..6000), 16),
        (0u8..12, 0usize..16),
    )
        .prop_map(
            |(
                (regions, years, first_year),
                (with_code, with_name, order),
                (semicolon, crlf, bom, cp1252),
                (padded, extra_column, with_midwives),
                blanks,
                values,
                (fault, fault_at),
            )| Layout {
                regions,
                years,
                first_year,
                with_code,
                with_name,
                order,
                semicolon,
                crlf,
                bom,
                cp1252,
                padded,
                extra_column,
                with_midwives,
                blanks,
                values,
                fault,
                fault_at,
            },
        )
}

/// Writes the file a layout describes, as a spreadsheet would export it.
fn layout_bytes(l: &Layout) -> Vec<u8> {
    const NAMES: [&str; 4] = ["Situbondo", "Désa Ñusa", "Kota Baru", "Pulau Séribu"];
    let d = if l.semicolon { ';' } else { ',' };
    let pad = |s: String| if l.padded { format!(" {s} ") } else { s };
    let mut header = vec!["tahun", "jumlah penduduk", "CBR"];
    if l.with_code {
        header.insert(0, "kode wilayah");
    }
    if l.with_name {
        header.insert(usize::from(l.with_code), "nama wilayah");
    }
    if l.with_midwives {
        header.push("jumlah bidan");
    }
    let mut cells: Vec<Vec<String>> = Vec::new();
    let mut order: Vec<(usize, usize)> = Vec::new();
    for r in 0..l.regions {
        for y in 0..l.years {
            order.push((r, y));
        }
    }
    match l.order {
        1 => order.sort_by_key(|&(r, y)| (y, r)),
        2 => order.reverse(),
        _ => {}
    }
    for (k, &(r, y)) in order.iter().enumerate() {
        let (people, cbr) = l.values[k % l.values.len()];
        let mut row = Vec::new();
        if l.with_code {
            row.push(format!("35{:02}", r + 1));
        }
        if l.with_name {
            row.push(NAMES[r].to_string());
        }
        row.push((l.first_year + y as i32).to_string());
        // People with dot thousands (Indonesian) or plain; the CBR with a
        // decimal comma, or a point where the comma delimits.
        row.push(if l.semicolon {
            model::number::fmt_fixed(f64::from(people), 0, Lang::Id)
        } else {
            people.to_string()
        });
        let cbr = format!("{}.{:02}", cbr / 100, cbr % 100);
        row.push(if l.semicolon {
            cbr.replace('.', ",")
        } else {
            cbr
        });
        if l.with_midwives {
            row.push((people / 5000).to_string());
        }
        cells.push(row.into_iter().map(pad).collect());
    }
    let at = l.fault_at % cells.len();
    let year_col = usize::from(l.with_code) + usize::from(l.with_name);
    match l.fault {
        1 => {
            let dup = cells[at].clone();
            cells.push(dup);
        }
        2 if cells.len() > 1 => {
            cells.remove(at);
        }
        3 => cells[at][year_col + 1] = "-5".into(),
        4 => cells[at][year_col + 2] = "delapan belas".into(),
        5 => cells[at][year_col + 2] = "75".into(),
        6 => cells[at][year_col] = "2017,5".into(),
        7 => cells[at][year_col] = String::new(),
        8 => cells[at][year_col + 1] = String::new(),
        9 => cells[at][year_col] = format!("\"{}\"", cells[at][year_col].trim()),
        _ => {}
    }
    let mut lines: Vec<String> = std::iter::once(header.join(&d.to_string()))
        .chain(cells.iter().map(|c| c.join(&d.to_string())))
        .collect();
    for &b in &l.blanks {
        let i = 1 + b % lines.len();
        let blank = if b % 2 == 0 {
            String::new()
        } else {
            d.to_string().repeat(header.len() - 1)
        };
        lines.insert(i.min(lines.len()), blank);
    }
    if l.extra_column {
        for line in &mut lines {
            line.push(d);
        }
    }
    let eol = if l.crlf { "\r\n" } else { "\n" };
    let text = lines.join(eol) + eol;
    let mut bytes = if l.bom {
        vec![0xEF, 0xBB, 0xBF]
    } else {
        Vec::new()
    };
    if l.cp1252 {
        let (b, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
        bytes = b.into_owned();
    } else {
        bytes.extend_from_slice(text.as_bytes());
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// The quick route for plain files gives exactly what the careful
    /// reader gives: the same rows, or the same list of problems.
    #[test]
    fn quick_and_careful_csv_reading_agree(l in layouts()) {
        let bytes = layout_bytes(&l);
        let path = Path::new("gen.csv");
        let quick = import_csv_bytes(&bytes, path, &ImportOptions::default(), &mut |_| true);
        let careful = ImportOptions { careful: true, ..Default::default() };
        let slow = import_csv_bytes(&bytes, path, &careful, &mut |_| true);
        prop_assert_eq!(&quick, &slow, "{}", String::from_utf8_lossy(&bytes));
        // Read from a file, the quick route reads it piece by piece.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("gen.csv");
        std::fs::write(&file, &bytes).unwrap();
        let from_file = import_file(&file, &ImportOptions::default(), &mut |_| true);
        let slow = import_csv_bytes(&bytes, &file, &careful, &mut |_| true);
        prop_assert_eq!(&from_file, &slow);
        if matches!(l.fault, 0 | 9 | 10 | 11) && (l.regions == 1 || l.with_code || l.with_name) {
            let imp = quick.unwrap();
            prop_assert_eq!(imp.rows.len(), l.regions * l.years);
        }
    }
}

/// How one generated workbook is laid out and what, if anything, is wrong
/// in it.
#[derive(Debug, Clone)]
struct Book {
    regions: usize,
    years: usize,
    first_row: u32,
    first_col: u16,
    numeric_codes: bool,
    text_numbers: bool,
    /// 0 none, 1 thousands, 2 two decimals, 3 a date format on the year.
    number_format: u8,
    notes_sheet_first: bool,
    blank_rows: Vec<usize>,
    values: Vec<(u32, u16)>,
    /// 0–9 as for CSV; 10 a rich-text name, 11 a note right of the
    /// table, 12 a formula for a population, 13 a true/false cell, 14 a
    /// name with `&` and spaces around it.
    fault: u8,
    fault_at: usize,
}

fn books() -> impl Strategy<Value = Book> {
    (
        (1usize..4, 1usize..4, 0u32..3, 0u16..3),
        (any::<bool>(), any::<bool>(), 0u8..4, any::<bool>()),
        proptest::collection::vec(0usize..20, 0..3),
        proptest::collection::vec((0u32..9_000_000, 100u16..6000), 9),
        (0u8..18, 0usize..9),
    )
        .prop_map(
            |(
                (regions, years, first_row, first_col),
                (numeric_codes, text_numbers, number_format, notes_sheet_first),
                blank_rows,
                values,
                (fault, fault_at),
            )| Book {
                regions,
                years,
                first_row,
                first_col,
                numeric_codes,
                text_numbers,
                number_format,
                notes_sheet_first,
                blank_rows,
                values,
                fault,
                fault_at,
            },
        )
}

/// Writes the workbook a layout describes; its data is on sheet "Data".
fn book_bytes(b: &Book) -> Vec<u8> {
    use rust_xlsxwriter::{Format, FormatScript, Formula, Workbook};
    const NAMES: [&str; 3] = ["Situbondo", "Désa Ñusa", "Kota Baru"];
    let mut wb = Workbook::new();
    if b.notes_sheet_first {
        wb.add_worksheet()
            .set_name("Catatan")
            .unwrap()
            .write_string(0, 0, "lihat lembar Data")
            .unwrap();
    }
    let ws = wb.add_worksheet();
    ws.set_name("Data").unwrap();
    let fmt = match b.number_format {
        1 => Some(Format::new().set_num_format("#,##0")),
        2 => Some(Format::new().set_num_format("0.00")),
        3 => Some(Format::new().set_num_format("dd/mm/yyyy")),
        _ => None,
    };
    let (r0, c0) = (b.first_row, b.first_col);
    for (c, h) in [
        "kode wilayah",
        "nama wilayah",
        "tahun",
        "jumlah penduduk",
        "CBR",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(r0, c0 + c as u16, *h).unwrap();
    }
    let mut row = r0 + 1;
    let mut k = 0;
    for (r, &name) in NAMES.iter().enumerate().take(b.regions) {
        for y in 0..b.years {
            if b.blank_rows.contains(&k) {
                // A row whose only cell is empty text.
                ws.write_string(row, c0, "").unwrap();
                row += 1;
            }
            let (people, cbr) = b.values[k % b.values.len()];
            let cbr = f64::from(cbr) / 100.0;
            let year = 2017 + y as i32;
            let people = f64::from(people);
            let fault_here = k == b.fault_at % (b.regions * b.years);
            if b.numeric_codes {
                ws.write_number(row, c0, 3501.0 + r as f64).unwrap();
            } else {
                ws.write_string(row, c0, format!("35{:02}", r + 1)).unwrap();
            }
            match (fault_here, b.fault) {
                (true, 10) => {
                    let bold = Format::new().set_bold();
                    let plain = Format::new().set_font_script(FormatScript::None);
                    ws.write_rich_string(
                        row,
                        c0 + 1,
                        &[(&bold, "Kota"), (&plain, &format!(" {}", name))],
                    )
                    .unwrap();
                }
                (true, 14) => {
                    ws.write_string(row, c0 + 1, format!("  {} & Co ", name))
                        .unwrap();
                }
                _ => {
                    ws.write_string(row, c0 + 1, name).unwrap();
                }
            }
            let year_cell = match (fault_here, b.fault) {
                (true, 6) => Some(2017.5),
                (true, 7) => None,
                _ => Some(f64::from(year)),
            };
            let people = match (fault_here, b.fault) {
                (true, 3) => -5.0,
                _ => people,
            };
            let cbr = match (fault_here, b.fault) {
                (true, 5) => 75.0,
                _ => cbr,
            };
            if let Some(y) = year_cell {
                match (&fmt, b.number_format) {
                    (Some(f), 3) => ws.write_number_with_format(row, c0 + 2, y, f).unwrap(),
                    _ => ws.write_number(row, c0 + 2, y).unwrap(),
                };
            }
            if b.text_numbers {
                let p = model::number::fmt_fixed(people, 0, Lang::Id);
                ws.write_string(row, c0 + 3, p).unwrap();
            } else if fault_here && b.fault == 12 {
                ws.write_formula(row, c0 + 3, Formula::new(format!("={people}+0")))
                    .unwrap();
            } else {
                match &fmt {
                    Some(f) if b.number_format != 3 => {
                        ws.write_number_with_format(row, c0 + 3, people, f).unwrap()
                    }
                    _ => ws.write_number(row, c0 + 3, people).unwrap(),
                };
            }
            match (fault_here, b.fault) {
                (true, 4) => ws.write_string(row, c0 + 4, "delapan belas").unwrap(),
                (true, 13) => ws.write_boolean(row, c0 + 4, true).unwrap(),
                _ if b.text_numbers => ws
                    .write_string(row, c0 + 4, model::number::fmt_fixed(cbr, 2, Lang::Id))
                    .unwrap(),
                _ => ws.write_number(row, c0 + 4, cbr).unwrap(),
            };
            if fault_here && b.fault == 11 {
                ws.write_string(row, c0 + 6, "catatan").unwrap();
            }
            row += 1;
            k += 1;
        }
    }
    if b.fault == 1 {
        // The first data row again.
        ws.write_string(row, c0, "3501x").unwrap();
        ws.write_string(row, c0 + 1, NAMES[0]).unwrap();
        ws.write_number(row, c0 + 2, 2017.0).unwrap();
        ws.write_number(row, c0 + 3, 1.0).unwrap();
        ws.write_number(row, c0 + 4, 1.0).unwrap();
        ws.write_string(row + 1, c0, "3501x").unwrap();
        ws.write_string(row + 1, c0 + 1, NAMES[0]).unwrap();
        ws.write_number(row + 1, c0 + 2, 2017.0).unwrap();
        ws.write_number(row + 1, c0 + 3, 1.0).unwrap();
        ws.write_number(row + 1, c0 + 4, 1.0).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The quick route for plain workbooks gives exactly what the careful
    /// reader (calamine) gives: the same rows, or the same list of problems.
    #[test]
    fn quick_and_careful_xlsx_reading_agree(b in books()) {
        let bytes = book_bytes(&b);
        let path = Path::new("gen.xlsx");
        let quick_opts = ImportOptions { sheet: Some("Data".into()), ..Default::default() };
        let careful = ImportOptions { careful: true, ..quick_opts.clone() };
        let quick = import_xlsx_bytes(&bytes, path, &quick_opts, &mut |_| true);
        let slow = import_xlsx_bytes(&bytes, path, &careful, &mut |_| true);
        prop_assert_eq!(&quick, &slow);
        let valid = matches!(b.fault, 0 | 2 | 8 | 9 | 10 | 11 | 12 | 14 | 15 | 16 | 17)
            && b.number_format != 3;
        if valid {
            let imp = quick.unwrap();
            prop_assert_eq!(imp.rows.len(), b.regions * b.years);
        }
    }
}

/// The quick route reads the workbook it is meant for (and leaves the rest
/// to calamine, which the property test above compares it with).
#[test]
fn a_plain_workbook_reads_the_same_both_ways() {
    let b = Book {
        regions: 3,
        years: 3,
        first_row: 1,
        first_col: 1,
        numeric_codes: true,
        text_numbers: false,
        number_format: 1,
        notes_sheet_first: true,
        blank_rows: vec![4],
        values: vec![(680_000, 1620), (684_000, 1600), (770_000, 1510)],
        fault: 0,
        fault_at: 0,
    };
    let bytes = book_bytes(&b);
    let opts = ImportOptions {
        sheet: Some("Data".into()),
        ..Default::default()
    };
    let imp = import_xlsx_bytes(&bytes, Path::new("p.xlsx"), &opts, &mut |_| true).unwrap();
    assert_eq!(imp.rows.len(), 9);
    assert_eq!(imp.rows[0].region_code, "3501");
    assert_eq!(imp.rows[3].region_name, "Désa Ñusa");
    assert_eq!(imp.rows[4].year, 2018);
    assert_eq!(imp.rows[4].population, Some(684_000.0));
    assert_eq!(imp.rows[5].population, Some(770_000.0));
    assert_eq!(imp.rows[1].cbr, Some(16.0));
    assert_eq!(imp.info.sheet.as_deref(), Some("Data"));
    assert_eq!(imp.info.sheets, ["Catatan", "Data"]);
    let careful = ImportOptions {
        careful: true,
        ..opts
    };
    let slow = import_xlsx_bytes(&bytes, Path::new("p.xlsx"), &careful, &mut |_| true).unwrap();
    assert_eq!(imp, slow);
}

/// A workbook written by another program (openpyxl: inline strings, typed
/// number cells, built-in number formats) reads the same both ways.
#[test]
fn a_workbook_from_another_writer_reads_the_same_both_ways() {
    let path = fixture("data_openpyxl.xlsx");
    let opts = ImportOptions {
        sheet: Some("Data".into()),
        ..Default::default()
    };
    let imp = import_file(&path, &opts, &mut |_| true).unwrap();
    assert_eq!(imp.rows.len(), 8);
    assert_eq!(imp.rows[0].region_code, "3512");
    assert_eq!(imp.rows[5].region_name, "Bondowoso & Sekitarnya");
    assert_eq!(imp.rows[5].year, 2018);
    assert_eq!(imp.rows[5].population, Some(771_500.0));
    assert_eq!(imp.rows[5].cbr, Some(15.0));
    assert_eq!(imp.rows[7].midwives_available, Some(458.0));
    let careful = ImportOptions {
        careful: true,
        ..opts
    };
    assert_eq!(imp, import_file(&path, &careful, &mut |_| true).unwrap());
}
