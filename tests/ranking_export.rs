//! The ranking as files: CSV with full precision, an Excel sheet with the
//! figures as numbers, and the chart with short regions in red and the
//! others in green; worked by hand on three villages of 1.000.000 people
//! (20.000 births a year, need 1,10 × 20.000 × 146,58 / 69.825 = 46,18 FTE).

use calamine::{Data, Reader, Xlsx, open_workbook};
use proyeksi_bidan::io::export::ranking::{ranking_chart, save_ranking_chart, save_ranking_table};
use proyeksi_bidan::model::ranking::{RankBy, rank_by};
use proyeksi_bidan::model::{self, DataRow, Lang, Scenario};

fn villages() -> Scenario {
    let mut s = Scenario::example();
    s.data = [("A", 40.0), ("B", 50.0), ("C", 45.0)]
        .iter()
        .map(|&(code, bidan)| DataRow {
            region_code: code.into(),
            region_name: format!("Desa {code}").into(),
            year: 2024,
            population: 1_000_000.0.into(),
            births: 20_000.0.into(),
            midwives_available: bidan.into(),
            ..DataRow::default()
        })
        .collect();
    s.params.population.base_year = 2024;
    s.params.population.horizon_year = 2026;
    s
}

const NEED: f64 = 1.1 * 20_000.0 * 146.58 / 69_825.0;

#[test]
fn the_ranking_is_written_as_csv_and_excel_shortest_first() {
    let s = villages();
    let (data, proj) = model::compute(&s).unwrap();
    let ranking = rank_by(&data, &proj, 2024, RankBy::Gap);
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("peringkat.csv");
    save_ranking_table(&csv, &ranking, &data, Lang::Id).unwrap();
    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4);
    // A (40 − 46,18) first, then C (45 − 46,18), then B (50 − 46,18).
    let order: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split(',').nth(1).unwrap())
        .collect();
    assert_eq!(order, ["A", "C", "B"]);
    let gap_a: f64 = lines[1].split(',').nth(6).unwrap().parse().unwrap();
    assert!((gap_a - (40.0 - NEED)).abs() < 1e-9, "{gap_a}");

    let xlsx = dir.path().join("peringkat.xlsx");
    save_ranking_table(&xlsx, &ranking, &data, Lang::Id).unwrap();
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let sheet = wb.worksheet_range("Peringkat").unwrap();
    assert_eq!(sheet.get((0, 2)), Some(&Data::String("Wilayah".into())));
    assert_eq!(sheet.get((3, 1)), Some(&Data::String("B".into())));
    match sheet.get((3, 6)) {
        Some(Data::Float(g)) => assert!((g - (50.0 - NEED)).abs() < 1e-9, "{g}"),
        other => panic!("{other:?}"),
    }
    // Anything but .csv or .xlsx is refused, naming the file.
    let bad = dir.path().join("peringkat.txt");
    let e = save_ranking_table(&bad, &ranking, &data, Lang::Id).unwrap_err();
    assert!(e.message(Lang::Id).contains("peringkat.txt"));
}

#[test]
fn the_chart_draws_the_short_regions_red_and_the_others_green() {
    let s = villages();
    let (data, proj) = model::compute(&s).unwrap();
    let ranking = rank_by(&data, &proj, 2024, RankBy::Gap);
    let chart = ranking_chart(&ranking, &data, "Total", "contoh", Lang::Id);
    let labels: Vec<&str> = chart.bars.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(labels, ["Desa A", "Desa C", "Desa B"]);
    assert_eq!(chart.frame.title, "Peringkat wilayah 2024 — Total");
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("peringkat.png");
    save_ranking_chart(&png, &chart, 900, 600).unwrap();
    let img = image::open(&png).unwrap().to_rgb8();
    let count = |want: [u8; 3]| {
        img.pixels()
            .filter(|p| {
                p.0.iter()
                    .zip(want)
                    .all(|(a, b)| (i32::from(*a) - i32::from(b)).abs() < 40)
            })
            .count()
    };
    // Two short regions' bars (red) and one above (green), of bar size.
    assert!(count([214, 39, 40]) > 500, "{}", count([214, 39, 40]));
    assert!(count([44, 160, 44]) > 200, "{}", count([44, 160, 44]));
    let svg = dir.path().join("peringkat.svg");
    save_ranking_chart(&svg, &chart, 900, 600).unwrap();
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("Desa C"));
}
