//! Exports: the chart as PNG and SVG, the table as CSV and Excel, with real
//! values read back.

use std::collections::HashSet;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use proyeksi_bidan::chart::{self, COLOR_NEED, COLOR_PREGNANT, ChartSpec};
use proyeksi_bidan::io::export::chart::{render_png, render_svg, save_chart};
use proyeksi_bidan::io::export::csv::{BOM, CSV_COLUMNS, CsvStyle, table_csv};
use proyeksi_bidan::io::export::xlsx::table_xlsx;
use proyeksi_bidan::io::export::{ExportError, save_table};
use proyeksi_bidan::model::number::round_half_up;
use proyeksi_bidan::model::{self, Lang, PreparedData, Projection, Scenario, YearRow};

fn example() -> (Scenario, PreparedData, Projection) {
    let s = Scenario::example();
    let (d, p) = model::compute(&s).unwrap();
    (s, d, p)
}

fn example_chart(lang: Lang) -> ChartSpec {
    let (s, _, p) = example();
    chart::projection_chart(
        &p.total,
        "Indonesia",
        &s.name,
        s.params.rounding,
        "2026-11-25",
        lang,
    )
}

/// The example split into two regions (60% and 40% of the population),
/// with midwives available in one region.
fn two_regions() -> (Scenario, PreparedData, Projection) {
    let mut s = Scenario::example();
    let mut rows = Vec::new();
    for (code, name, part, midwives) in [
        ("A", "Wilayah A; barat", 0.6, Some(7000.0)),
        ("B", "Wilayah \"B\"", 0.4, Some(4000.5)),
    ] {
        for r in &s.data {
            let mut r = r.clone();
            r.region_code = code.into();
            r.region_name = name.into();
            r.population = r.population.map(|p| (p * part).round()).into();
            r.midwives_available = midwives.into();
            rows.push(r);
        }
    }
    s.data = rows;
    let (d, p) = model::compute(&s).unwrap();
    (s, d, p)
}

/// Checks that every start tag of `xml` is closed in order; returns the
/// name of the root element.
fn check_balanced(xml: &str) -> String {
    let mut stack: Vec<String> = Vec::new();
    let mut root = None;
    let mut rest = xml;
    while let Some(start) = rest.find('<') {
        rest = &rest[start..];
        if let Some(after) = rest.strip_prefix("<!--") {
            let end = after.find("-->").expect("unclosed comment");
            rest = &after[end + 3..];
            continue;
        }
        let end = rest.find('>').expect("unclosed tag");
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack.pop().unwrap_or_else(|| panic!("stray </{name}>"));
            assert_eq!(open, name.trim(), "mismatched closing tag");
            continue;
        }
        let name = tag
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap()
            .to_string();
        assert!(!name.is_empty(), "empty tag name");
        if root.is_none() {
            root = Some(name.clone());
        } else {
            assert!(!stack.is_empty(), "a second root element <{name}>");
        }
        if !tag.ends_with('/') {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed tags: {stack:?}");
    assert!(rest.trim().is_empty(), "text after the root element");
    root.expect("no element")
}

#[test]
fn svg_is_well_formed_and_carries_the_chart() {
    let spec = example_chart(Lang::Id);
    let svg = render_svg(&spec, 1200, 800).unwrap();
    assert!(svg.starts_with("<svg"), "{}", &svg[..80]);
    assert_eq!(check_balanced(&svg), "svg");
    assert!(svg.contains(r#"width="1200""#) && svg.contains(r#"height="800""#));
    assert!(svg.contains("Proyeksi kebutuhan bidan untuk pelayanan antenatal — Indonesia"));
    assert!(svg.contains(">\nIbu hamil (data)\n<") || svg.contains(">Ibu hamil (data)"));
    assert!(svg.contains("Ibu hamil (proyeksi)"));
    assert!(svg.contains("Kebutuhan bidan (data)"));
    assert!(svg.contains("Kebutuhan bidan (proyeksi)"));
    assert!(svg.contains("Jumlah ibu hamil (jiwa)") && svg.contains("Bidan (FTE)"));
    assert!(svg.contains("Tahun"));
    assert!(svg.contains(&spec.footer));
    assert!(svg.contains("2026-11-25"));
    // Indonesian thousands separators on the y axis, plain years on x.
    assert!(svg.contains(">\n5.000.000\n<"), "no 5.000.000 label");
    assert!(svg.contains(">\n10.000\n<"), "no 10.000 label");
    assert!(!svg.contains("5,000,000") && !svg.contains("2.017"));
    for year in ["2017", "2020", "2035"] {
        assert!(svg.contains(&format!(">\n{year}\n<")), "no {year} label");
    }
    // Bold title, dashed projection (many short segments), series colours.
    assert!(svg.contains(r#"font-weight="bold""#));
    assert!(svg.contains("#1F77B4") || svg.contains("#1f77b4"));
    assert!(svg.contains("#D62728") || svg.contains("#d62728"));

    // English numbers in an English chart.
    let en = render_svg(&example_chart(Lang::En), 1200, 800).unwrap();
    assert!(en.contains(">\n5,000,000\n<") && en.contains("Pregnant women (projection)"));
}

fn decode(png: &[u8]) -> image::RgbImage {
    image::load_from_memory(png).unwrap().to_rgb8()
}

#[test]
fn png_has_the_size_and_shows_the_chart() {
    let spec = example_chart(Lang::Id);
    let png = render_png(&spec, 1200, 800).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let img = decode(&png);
    assert_eq!(img.dimensions(), (1200, 800));
    let colours: HashSet<[u8; 3]> = img.pixels().map(|p| p.0).collect();
    assert!(colours.len() > 50, "only {} colours", colours.len());
    let dark = img.pixels().filter(|p| p.0.iter().all(|&c| c < 80)).count();
    assert!(dark > 2000, "only {dark} dark pixels");
    let count = |c: [u8; 3]| img.pixels().filter(|p| p.0 == c).count();
    assert!(count(COLOR_PREGNANT) > 500, "pregnant-women blue missing");
    assert!(count(COLOR_NEED) > 500, "midwife red missing");
    // White background in the corners.
    assert_eq!(img.get_pixel(0, 0).0, [255, 255, 255]);
    assert_eq!(img.get_pixel(1199, 799).0, [255, 255, 255]);

    // A small picture still draws.
    let small = decode(&render_png(&spec, 300, 200).unwrap());
    assert_eq!(small.dimensions(), (300, 200));
}

#[test]
fn png_is_the_same_every_time() {
    let spec = example_chart(Lang::Id);
    let a = render_png(&spec, 900, 600).unwrap();
    let b = render_png(&spec, 900, 600).unwrap();
    assert!(a == b, "two renderings differ");
}

/// `EXPORT_EXAMPLES_DIR=/tmp cargo test --test exports` writes the example
/// exports there to look at: export_example.png/.svg/.csv/.xlsx and
/// export_regions.png (two regions with midwives available, in English).
#[test]
fn writes_the_examples_when_asked() {
    let Some(dir) = std::env::var_os("EXPORT_EXAMPLES_DIR") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    let spec = example_chart(Lang::Id);
    save_chart(&dir.join("export_example.png"), &spec, 1200, 800).unwrap();
    save_chart(&dir.join("export_example.svg"), &spec, 1200, 800).unwrap();
    let (s, d, p) = example();
    for name in ["export_example.csv", "export_example.xlsx"] {
        save_table(&dir.join(name), &s, &d, &p, Lang::Id, CsvStyle::Indonesian).unwrap();
    }
    let (s, d, p) = two_regions();
    save_table(
        &dir.join("export_regions.xlsx"),
        &s,
        &d,
        &p,
        Lang::En,
        CsvStyle::International,
    )
    .unwrap();
    let mut spec = chart::projection_chart(
        &p.total,
        "2 wilayah",
        &s.name,
        s.params.rounding,
        "2026-11-25",
        Lang::En,
    );
    spec.panels[0].series.truncate(1);
    save_chart(&dir.join("export_regions.png"), &spec, 800, 600).unwrap();
}

#[test]
fn charts_refuse_bad_sizes_and_empty_specs() {
    let spec = example_chart(Lang::Id);
    assert!(matches!(
        render_png(&spec, 10, 800),
        Err(ExportError::InvalidSize { width: 10, .. })
    ));
    assert!(matches!(
        render_svg(&spec, 1200, 9000),
        Err(ExportError::InvalidSize { .. })
    ));
    let msg = render_png(&spec, 10, 800).unwrap_err().to_string();
    assert!(
        msg.contains("10") && msg.contains("200") && msg.contains("8000"),
        "{msg}"
    );

    let mut empty = spec.clone();
    for p in &mut empty.panels {
        for s in &mut p.series {
            s.points.clear();
        }
    }
    assert!(matches!(
        render_png(&empty, 800, 600),
        Err(ExportError::NothingToDraw)
    ));
    let mut none = spec.clone();
    none.panels.clear();
    assert!(matches!(
        render_svg(&none, 800, 600),
        Err(ExportError::NothingToDraw)
    ));
    // One empty panel and odd points draw without panicking.
    let mut partial = spec.clone();
    partial.panels[1].series.clear();
    partial.panels[0].series[0].points.push([f64::NAN, 1.0]);
    partial.panels[0].series[1].points.truncate(1);
    render_png(&partial, 800, 600).unwrap();
    // Far-off and negative points: the axes stretch, nothing panics.
    let mut wide = spec.clone();
    wide.panels[0].series[0].points.push([1.0e9, -5.0e6]);
    wide.panels[1].series[1].points.push([-3.0e8, 1.0e-9]);
    render_png(&wide, 400, 300).unwrap();
    let mut flat = spec;
    for p in &mut flat.panels {
        for s in &mut p.series {
            s.points.truncate(1);
            for pt in &mut s.points {
                pt[1] = 0.0;
            }
        }
    }
    render_svg(&flat, 200, 200).unwrap();
    render_png(&flat, 200, 8000).unwrap();
}

fn parse_cell(s: &str, style: CsvStyle) -> Option<f64> {
    if s.is_empty() {
        return None;
    }
    let s = match style {
        CsvStyle::Indonesian | CsvStyle::IndonesianFull => {
            assert!(!s.contains('.'), "thousands separator or point in {s:?}");
            s.replace(',', ".")
        }
        CsvStyle::International => {
            assert!(!s.contains(','), "comma in {s:?}");
            s.to_string()
        }
    };
    Some(s.parse().unwrap_or_else(|_| panic!("not a number: {s:?}")))
}

fn expected_numbers(r: &YearRow, style: CsvStyle, rounding: model::Rounding) -> Vec<Option<f64>> {
    let full = [
        r.population,
        r.cbr,
        r.births,
        Some(r.pregnant_women),
        r.growth,
        Some(r.projected_pregnant_women),
        r.fit_difference_percent,
        Some(r.midwives_needed),
        r.midwives_available,
        r.gap,
        r.ratio,
    ];
    if style != CsvStyle::Indonesian {
        return full.to_vec();
    }
    // People whole; CBR, % and ratio to 2 decimals; growth as the window
    // (4 decimals exact, 3 published); midwives (FTE) to 2 decimals.
    let g = match rounding {
        model::Rounding::Exact => 4,
        model::Rounding::Published => 3,
    };
    let decimals = [0, 2, 0, 0, g, 0, 2, 2, 2, 2, 2];
    full.iter()
        .zip(decimals)
        .map(|(v, d)| v.map(|v| round_half_up(v, d)))
        .collect()
}

/// Reads the CSV back and checks every cell against the projection.
fn check_csv(bytes: &[u8], style: CsvStyle, data: &PreparedData, proj: &Projection) -> usize {
    let indonesian = style != CsvStyle::International;
    let body = if indonesian {
        assert!(bytes.starts_with(BOM), "no byte order mark");
        &bytes[3..]
    } else {
        assert!(!bytes.starts_with(BOM));
        bytes
    };
    let delimiter = if indonesian { b';' } else { b',' };
    let text = std::str::from_utf8(body).unwrap();
    let first_line = text.lines().next().unwrap();
    if indonesian {
        assert!(
            first_line.starts_with(
                "Kode wilayah;Wilayah;Tahun;Jenis;Penduduk;CBR (per 1.000);Kelahiran hidup;Ibu hamil;"
            ),
            "{first_line}"
        );
        assert!(
            first_line.contains(";Kebutuhan bidan (FTE);"),
            "{first_line}"
        );
    } else {
        assert_eq!(
            first_line,
            CSV_COLUMNS.join(&(delimiter as char).to_string())
        );
    }
    let mut rd = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(body);
    let mut expected: Vec<(String, String, YearRow)> = Vec::new();
    let several = data.regions() > 1;
    for r in &proj.total {
        let (c, n) = if several {
            ("TOTAL".to_string(), "Total".to_string())
        } else {
            (data.codes[0].clone(), data.names[0].clone())
        };
        expected.push((c, n, r.clone()));
    }
    if several {
        for reg in 0..data.regions() {
            for r in proj.region_rows(data, reg) {
                expected.push((data.codes[reg].clone(), data.names[reg].clone(), r));
            }
        }
    }
    let records: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    assert_eq!(records.len(), expected.len());
    for (rec, (code, name, row)) in records.iter().zip(&expected) {
        assert_eq!(rec.len(), 15);
        assert_eq!(&rec[0], code);
        assert_eq!(&rec[1], name);
        assert_eq!(rec[2].parse::<i32>().unwrap(), row.year);
        assert_eq!(
            &rec[3],
            match (row.kind, indonesian) {
                (model::YearKind::Data, _) => "data",
                (model::YearKind::Projection, false) => "projection",
                (model::YearKind::Projection, true) => "proyeksi",
            }
        );
        let got: Vec<Option<f64>> = (4..15).map(|i| parse_cell(&rec[i], style)).collect();
        assert_eq!(
            got,
            expected_numbers(row, style, proj.rounding),
            "{code} {}",
            row.year
        );
    }
    records.len()
}

#[test]
fn csv_round_trips_in_every_style() {
    let (_, d, p) = example();
    // For Excel set to Indonesian: Indonesian headings, numbers as the
    // window shows them, decimal comma, no thousands separators.
    let id = table_csv(&d, &p, CsvStyle::Indonesian);
    assert_eq!(check_csv(&id, CsvStyle::Indonesian, &d, &p), 19);
    let text = String::from_utf8(id[3..].to_vec()).unwrap();
    let line_2017 = text.lines().nth(1).unwrap();
    // 1,10 × 18,5 × 261.890.900 / 1.000 = 5.329.479,815 → 5329480; the
    // need 0,0021 × 5.329.479,8 = 11.227,… FTE to 2 decimals.
    assert!(
        line_2017.starts_with("ID;Indonesia;2017;data;261890900;18,5;4844982;5329480;;"),
        "{line_2017}"
    );
    assert!(!text.contains("000000000"), "float noise in {text}");

    // The same at full precision.
    let full = table_csv(&d, &p, CsvStyle::IndonesianFull);
    assert_eq!(check_csv(&full, CsvStyle::IndonesianFull, &d, &p), 19);
    let text = String::from_utf8(full[3..].to_vec()).unwrap();
    let line_2017 = text.lines().nth(1).unwrap();
    let row = &p.total[0];
    assert!(line_2017.contains(&row.pregnant_women.to_string().replace('.', ",")));

    let int = table_csv(&d, &p, CsvStyle::International);
    assert_eq!(check_csv(&int, CsvStyle::International, &d, &p), 19);
    let text = String::from_utf8(int).unwrap();
    assert!(
        text.lines()
            .nth(1)
            .unwrap()
            .starts_with("ID,Indonesia,2017,data,261890900,18.5,")
    );

    // Several regions: the total first, then each region; names with the
    // delimiter or quotes survive.
    let (_, d, p) = two_regions();
    for style in [
        CsvStyle::Indonesian,
        CsvStyle::IndonesianFull,
        CsvStyle::International,
    ] {
        let bytes = table_csv(&d, &p, style);
        assert_eq!(check_csv(&bytes, style, &d, &p), 19 * 3);
    }
    // Published rounding: the growth to 3 decimals as the paper.
    let mut s = Scenario::example();
    s.params.rounding = model::Rounding::Published;
    let (d, p) = model::compute(&s).unwrap();
    for style in [CsvStyle::Indonesian, CsvStyle::IndonesianFull] {
        check_csv(&table_csv(&d, &p, style), style, &d, &p);
    }
    let text = String::from_utf8(table_csv(&d, &p, CsvStyle::Indonesian)).unwrap();
    assert!(text.lines().nth(2).unwrap().contains(";-0,004;"), "{text}");
}

fn cell_string(r: &calamine::Range<Data>, pos: (usize, usize)) -> String {
    match r.get(pos) {
        Some(Data::String(s)) => s.clone(),
        other => panic!("{pos:?}: not a string: {other:?}"),
    }
}

fn cell_float(r: &calamine::Range<Data>, pos: (usize, usize)) -> f64 {
    match r.get(pos) {
        Some(Data::Float(f)) => *f,
        other => panic!("{pos:?}: not a number: {other:?}"),
    }
}

#[test]
fn xlsx_has_the_projection_and_the_working() {
    let (s, d, p) = example();
    let bytes = table_xlsx(&s, &d, &p, Lang::Id).unwrap();
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(wb.sheet_names(), vec!["Proyeksi", "Parameter"]);
    let r = wb.worksheet_range("Proyeksi").unwrap();
    assert_eq!(r.start(), Some((0, 0)));
    assert_eq!(r.height(), 1 + 19);
    assert_eq!(r.width(), 15);
    assert_eq!(cell_string(&r, (0, 0)), "Kode wilayah");
    assert_eq!(cell_string(&r, (0, 2)), "Tahun");
    assert_eq!(cell_string(&r, (0, 7)), "Ibu hamil");
    assert_eq!(cell_string(&r, (0, 11)), "Kebutuhan bidan (FTE)");
    assert_eq!(cell_string(&r, (1, 0)), "ID");
    assert_eq!(cell_float(&r, (1, 2)), 2017.0);
    assert_eq!(cell_string(&r, (1, 3)), "data");
    // The 2017 pregnant women, unrounded.
    assert_eq!(cell_float(&r, (1, 7)), p.total[0].pregnant_women);
    assert_eq!(cell_float(&r, (1, 4)), 261_890_900.0);
    assert_eq!(cell_float(&r, (1, 5)), 18.5);
    // The horizon year.
    assert_eq!(cell_float(&r, (19, 2)), 2035.0);
    assert_eq!(cell_string(&r, (19, 3)), "proyeksi");
    assert_eq!(cell_float(&r, (19, 11)), p.total[18].midwives_needed);
    assert_eq!(cell_float(&r, (2, 8)), p.total[1].growth.unwrap());
    // No growth in the first year: an empty cell.
    assert!(matches!(r.get((1, 8)), Some(Data::Empty) | None));

    let par = wb.worksheet_range("Parameter").unwrap();
    let texts: Vec<String> = par
        .rows()
        .flat_map(|row| row.iter())
        .filter_map(|c| match c {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    let all = texts.join("\n");
    assert!(all.contains("WKE = (HKE / hari kerja per minggu) × JKF × (1 − allowance)"));
    assert!(all.contains("69.825 menit setahun"), "WKE working missing");
    assert!(all.contains("Kunjungan K1"));
    assert!(all.contains("Koefisien"));
    assert!(all.contains("Tahun dasar"));
    assert!(all.contains("tepat (tanpa pembulatan antara)"));
    // Parameter values as numbers next to their names.
    let value_of = |name: &str| {
        par.rows()
            .find(|row| matches!(&row[0], Data::String(s) if s.starts_with(name)))
            .map(|row| row[1].clone())
            .unwrap_or_else(|| panic!("no {name}"))
    };
    assert_eq!(value_of("Kunjungan K1"), Data::Float(30.6));
    assert_eq!(value_of("Koefisien"), Data::Float(1.1));
    assert_eq!(value_of("Tahun dasar"), Data::Float(2017.0));
    assert_eq!(value_of("Tahun akhir"), Data::Float(2035.0));
    assert_eq!(value_of("Allowance"), Data::Float(30.0));

    // English names, and several regions with the total first.
    let (s, d, p) = two_regions();
    let bytes = table_xlsx(&s, &d, &p, Lang::En).unwrap();
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(wb.sheet_names(), vec!["Projection", "Parameters"]);
    let r = wb.worksheet_range("Projection").unwrap();
    assert_eq!(r.height(), 1 + 3 * 19);
    assert_eq!(cell_string(&r, (0, 7)), "Pregnant women");
    assert_eq!(cell_string(&r, (1, 0)), "TOTAL");
    assert_eq!(cell_string(&r, (20, 0)), "A");
    assert_eq!(cell_string(&r, (20, 1)), "Wilayah A; barat");
    assert_eq!(cell_float(&r, (1, 12)), 11000.5);
    assert_eq!(cell_float(&r, (1, 13)), p.total[0].gap.unwrap());
    let par = wb.worksheet_range("Parameters").unwrap();
    assert!(par.rows().flat_map(|row| row.iter()).any(
        |c| matches!(c, Data::String(s) if s.contains("WKE = (HKE / working days per week)"))
    ));
}

#[test]
fn files_are_saved_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    let (s, d, p) = example();
    let spec = example_chart(Lang::Id);

    let png = dir.path().join("grafik.PNG");
    save_chart(&png, &spec, 800, 500).unwrap();
    let img = decode(&std::fs::read(&png).unwrap());
    assert_eq!(img.dimensions(), (800, 500));
    let svg = dir.path().join("grafik.svg");
    save_chart(&svg, &spec, 800, 500).unwrap();
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));

    let bad = dir.path().join("grafik.jpg");
    let e = save_chart(&bad, &spec, 800, 500).unwrap_err();
    assert!(matches!(e, ExportError::UnknownExtension { .. }));
    assert!(e.to_string().contains("grafik.jpg") && e.to_string().contains(".png"));
    assert!(!bad.exists());
    let e = save_chart(&dir.path().join("x.png"), &spec, 10, 500).unwrap_err();
    assert!(matches!(e, ExportError::InvalidSize { .. }));
    assert!(!dir.path().join("x.png").exists());
    assert!(save_chart(&dir.path().join("noext"), &spec, 800, 500).is_err());

    let csv_path = dir.path().join("tabel.csv");
    save_table(&csv_path, &s, &d, &p, Lang::Id, CsvStyle::Indonesian).unwrap();
    let bytes = std::fs::read(&csv_path).unwrap();
    assert_eq!(bytes, table_csv(&d, &p, CsvStyle::Indonesian));
    save_table(&csv_path, &s, &d, &p, Lang::Id, CsvStyle::International).unwrap();
    assert!(!std::fs::read(&csv_path).unwrap().starts_with(BOM));

    let xlsx = dir.path().join("tabel.XLSX");
    save_table(&xlsx, &s, &d, &p, Lang::En, CsvStyle::Indonesian).unwrap();
    let mut wb: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(std::fs::read(&xlsx).unwrap())).unwrap();
    assert_eq!(wb.sheet_names(), vec!["Projection", "Parameters"]);
    assert!(wb.worksheet_range("Projection").is_ok());

    let e = save_table(
        &dir.path().join("tabel.ods"),
        &s,
        &d,
        &p,
        Lang::Id,
        CsvStyle::Indonesian,
    )
    .unwrap_err();
    assert!(e.to_string().contains(".csv or .xlsx"), "{e}");

    // A folder that does not exist: a write error naming the file.
    let missing = dir.path().join("tidak-ada").join("tabel.csv");
    let e = save_table(&missing, &s, &d, &p, Lang::Id, CsvStyle::Indonesian).unwrap_err();
    assert!(matches!(e, ExportError::Write { .. }));
    assert!(e.to_string().contains("tabel.csv"), "{e}");

    // Only the files asked for: no temporary files left behind.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["grafik.PNG", "grafik.svg", "tabel.XLSX", "tabel.csv"]
    );
}

/// Export a table, import it back: the same data, and the same numbers
/// (within half a person from the file written for reading, whose people
/// are whole).
#[test]
fn exported_tables_import_back_with_identical_numbers() {
    use proyeksi_bidan::io::import::{ImportOptions, import_file};
    for (s, d, p) in [example(), two_regions()] {
        let dir = tempfile::tempdir().unwrap();
        for (name, style) in [
            ("t-id.csv", CsvStyle::Indonesian),
            ("t-id-full.csv", CsvStyle::IndonesianFull),
            ("t-intl.csv", CsvStyle::International),
            ("t.xlsx", CsvStyle::Indonesian),
        ] {
            let path = dir.path().join(name);
            save_table(&path, &s, &d, &p, Lang::Id, style).unwrap();
            let imp = import_file(&path, &ImportOptions::default(), &mut |_| true)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(imp.rows.len(), s.data.len(), "{name}");
            for (a, b) in imp.rows.iter().zip(&s.data) {
                assert_eq!(a.year, b.year, "{name}");
                assert_eq!(a.region_code, b.region_code, "{name}");
                assert_eq!(a.population, b.population, "{name}");
                assert_eq!(a.cbr, b.cbr, "{name}");
                assert_eq!(a.midwives_available, b.midwives_available, "{name}");
            }
            let mut back = s.clone();
            back.data = imp.rows;
            let (_, p2) = model::compute(&back).unwrap();
            if style == CsvStyle::Indonesian && name.ends_with(".csv") {
                // Data years: the projection's growth then rests on whole
                // people, so projected years move by more.
                for (x, y) in p2
                    .total
                    .iter()
                    .zip(&p.total)
                    .filter(|(x, _)| x.kind == model::YearKind::Data)
                {
                    let allowed = 0.5 * d.regions() as f64;
                    assert!(
                        (x.pregnant_women - y.pregnant_women).abs() <= allowed,
                        "{name} {}",
                        x.year
                    );
                }
                continue;
            }
            for (x, y) in p2.total.iter().zip(&p.total) {
                assert_eq!(x.pregnant_women, y.pregnant_women, "{name} {}", x.year);
                assert_eq!(x.midwives_needed, y.midwives_needed, "{name} {}", x.year);
                assert_eq!(
                    x.projected_pregnant_women, y.projected_pregnant_women,
                    "{name} {}",
                    x.year
                );
            }
        }
    }
}

/// The SVG is real XML: a parser reads it, and its text holds the title,
/// every series name and the footer.
#[test]
fn the_svg_parses_as_xml() {
    let spec = example_chart(Lang::Id);
    let svg = render_svg(&spec, 1200, 800).unwrap();
    let doc = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("width"), Some("1200"));
    assert_eq!(root.attribute("height"), Some("800"));
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    for wanted in [
        spec.title.as_str(),
        "Ibu hamil (data)",
        "Ibu hamil (proyeksi)",
        "Kebutuhan bidan (data)",
        "Kebutuhan bidan (proyeksi)",
        spec.footer.as_str(),
        "5.000.000",
    ] {
        assert!(
            texts.iter().any(|t| t.trim() == wanted),
            "no text {wanted:?} in {texts:?}"
        );
    }
}

/// A national village table is too long for one Excel sheet: a clear error
/// that says what to do, and the CSV streams out whole.
#[test]
fn a_table_longer_than_a_sheet_is_refused_for_xlsx_and_written_as_csv() {
    let mut s = Scenario::example();
    s.data = proyeksi_bidan::model::synthetic::regions(60_000, 7);
    let (d, p) = model::compute(&s).unwrap();
    // 19 years × (60.000 regions + the total) rows.
    let e = table_xlsx(&s, &d, &p, Lang::Id).unwrap_err();
    let msg = e.to_string();
    assert!(msg.contains("1140019 rows") && msg.contains("CSV"), "{msg}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desa.csv");
    save_table(&path, &s, &d, &p, Lang::Id, CsvStyle::International).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), 1 + 19 * 60_001);
    assert!(text.lines().nth(20).unwrap().starts_with("R000001,"));
}

/// The workload chart (midwives needed by activity per year) exports as
/// stacked bars: well-formed SVG with its legend, the same PNG every time,
/// the y axis reaching the top of the stacks.
#[test]
fn the_workload_chart_exports_as_stacked_bars() {
    use proyeksi_bidan::model::staffing::ActivityPreset;
    let (mut s, _, p) = example();
    s.workload.preset = Some(ActivityPreset::PuskesmasFull);
    let by_year = s
        .workload
        .staffing_by_year(&s.params, &p.total, Lang::En)
        .unwrap();
    let spec = chart::workload_chart(&by_year, "Indonesia", &s.name, "2026-11-25", Lang::En);
    let totals = chart::stack_totals(&spec.panels[0]);
    let top = totals.iter().map(|t| t[1]).fold(0.0, f64::max);
    // Ten activities, the tallest stack (2017) near 38.500 midwives.
    assert_eq!(spec.panels[0].series.len(), 10);
    assert!((30_000.0..45_000.0).contains(&top), "{top}");

    let svg = render_svg(&spec, 1200, 800).unwrap();
    assert_eq!(check_balanced(&svg), "svg");
    assert!(svg.contains("Midwives required per year by activity (stacked) — Indonesia"));
    assert!(svg.contains("2. Normal delivery assistance"));
    // The highest y label is above the tallest stack, not the tallest part.
    let labels: Vec<f64> = svg
        .split('>')
        .filter_map(|t| t.split('<').next())
        .filter_map(|t| t.trim().replace(',', "").parse::<f64>().ok())
        .filter(|v| *v >= 10_000.0 && *v < 1_000_000.0)
        .collect();
    assert!(labels.iter().any(|v| *v >= top), "{labels:?}");

    let png = render_png(&spec, 900, 600).unwrap();
    assert_eq!(png, render_png(&spec, 900, 600).unwrap());
    let img = decode(&png);
    assert_eq!((img.width(), img.height()), (900, 600));
    let [r, g, b] = chart::ACTIVITY_COLORS[1];
    assert!(img.pixels().filter(|p| p.0 == [r, g, b]).count() > 900 * 600 / 40);
}
