//! Loading a national village table: 84.000 regions × 20 years from CSV
//! (Indonesian Excel style: `;`, decimal comma, dot thousands), and from
//! .xlsx — there 84.000 × 12 years (1.008.000 rows), the most a worksheet
//! holds (1.048.576 rows). Targets: CSV < 150 ms, XLSX < 1,5 s. Each is
//! timed from the file on disk to the checked rows in memory (dropping the
//! rows, which the window does later and elsewhere, is not timed), by the
//! quick route and by the careful reader.

use std::io::Write;

use criterion::{Criterion, criterion_group, criterion_main};
use proyeksi_bidan::io::import::{ImportOptions, import_file};
use proyeksi_bidan::model::number::fmt_fixed;
use proyeksi_bidan::model::{Lang, synthetic};

fn csv_file(dir: &std::path::Path) -> std::path::PathBuf {
    let rows = synthetic::regions_years(84_000, 20, 20_170);
    let path = dir.join("desa-84000x20.csv");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(f, "kode_wilayah;nama_wilayah;tahun;jumlah_penduduk;cbr").unwrap();
    for r in &rows {
        writeln!(
            f,
            "{};{};{};{};{}",
            r.region_code,
            r.region_name,
            r.year,
            fmt_fixed(r.population.unwrap(), 0, Lang::Id),
            fmt_fixed(r.cbr.unwrap(), 2, Lang::Id)
        )
        .unwrap();
    }
    f.flush().unwrap();
    path
}

fn xlsx_file(dir: &std::path::Path) -> std::path::PathBuf {
    let rows = synthetic::regions_years(84_000, 12, 20_170);
    let path = dir.join("desa-84000x12.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in [
        "kode_wilayah",
        "nama_wilayah",
        "tahun",
        "jumlah_penduduk",
        "cbr",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_string(row, 0, r.region_code.as_str()).unwrap();
        ws.write_string(row, 1, r.region_name.as_str()).unwrap();
        ws.write_number(row, 2, r.year as f64).unwrap();
        ws.write_number(row, 3, r.population.unwrap()).unwrap();
        ws.write_number(row, 4, r.cbr.unwrap()).unwrap();
    }
    wb.save(&path).unwrap();
    path
}

fn import(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let csv = csv_file(dir.path());
    let xlsx = xlsx_file(dir.path());
    let mut g = c.benchmark_group("import");
    g.sample_size(10);
    g.bench_function("csv_84000x20", |b| {
        b.iter_with_large_drop(|| {
            let imp = import_file(&csv, &ImportOptions::default(), &mut |_| true).unwrap();
            assert_eq!(imp.rows.len(), 1_680_000);
            imp
        })
    });
    g.bench_function("csv_84000x20_careful", |b| {
        let careful = ImportOptions {
            careful: true,
            ..Default::default()
        };
        b.iter_with_large_drop(|| {
            let imp = import_file(&csv, &careful, &mut |_| true).unwrap();
            assert_eq!(imp.rows.len(), 1_680_000);
            imp
        })
    });
    g.bench_function("xlsx_84000x12", |b| {
        b.iter_with_large_drop(|| {
            let imp = import_file(&xlsx, &ImportOptions::default(), &mut |_| true).unwrap();
            assert_eq!(imp.rows.len(), 1_008_000);
            imp
        })
    });
    g.bench_function("xlsx_84000x12_careful", |b| {
        let careful = ImportOptions {
            careful: true,
            ..Default::default()
        };
        b.iter_with_large_drop(|| {
            let imp = import_file(&xlsx, &careful, &mut |_| true).unwrap();
            assert_eq!(imp.rows.len(), 1_008_000);
            imp
        })
    });
    g.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
