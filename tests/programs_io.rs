//! Interns, clinics and checklists in from CSV and .xlsx, with every problem
//! at file:row:column in both languages; the programmes' tables out as a
//! workbook.

mod programs_sample;

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx, open_workbook};
use programs_sample::d;
use proyeksi_bidan::io::programs::sheets::{
    expectations_sheet, schedule_sheet, scores_sheet, visits_sheet,
};
use proyeksi_bidan::io::programs::{
    import_checklist, import_clinics, import_indicators, import_interns, save_sheets,
};
use proyeksi_bidan::model::Lang;
use proyeksi_bidan::model::programs::{Scale, work_out};

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn interns_from_csv_as_excel_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "bidan.csv",
        "Nama;Desa;Tanggal penempatan;Izin;Tanggal izin;Kelahiran desa\n\
         Ani;Koto Lolo;05/01/2026;ya;20/02/2026;\n\
         Bunga;Sumur Gedang;2026-01-05;tidak;;48\n\
         Citra;Tanjung;;;2026-03-02;60\n",
    );
    let v = import_interns(&p, None).unwrap();
    assert_eq!(v.len(), 3);
    assert_eq!(v[0].name, "Ani");
    assert_eq!(v[0].posted, Some(d(2026, 1, 5)));
    assert_eq!(
        (v[0].permitted, v[0].permitted_on),
        (true, Some(d(2026, 2, 20)))
    );
    assert_eq!((v[1].permitted, v[1].village_births), (false, Some(48.0)));
    // No yes/no written but a permission date: permitted.
    assert!(v[2].permitted);
}

#[test]
fn malformed_interns_give_file_row_column_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "bidan.csv",
        "nama;desa;tanggal_izin;izin\nAni;Koto Lolo;31/02/2026;ya\n;Tanjung;;mungkin\n",
    );
    let e = import_interns(&p, None).unwrap_err();
    let en = e.message(Lang::En);
    let f = p.display().to_string();
    assert!(
        en.contains(&format!("{f}:2:tanggal_izin: “31/02/2026” is not a date")),
        "{en}"
    );
    assert!(
        en.contains(&format!("{f}:3:nama: the midwife's name is empty")),
        "{en}"
    );
    assert!(
        en.contains(&format!("{f}:3:izin: “mungkin” is not yes or no")),
        "{en}"
    );
    let id = e.message(Lang::Id);
    assert!(
        id.contains(&format!("{f}:2:tanggal_izin: “31/02/2026” bukan tanggal")),
        "{id}"
    );
    assert!(
        id.contains(&format!("{f}:3:nama: nama bidan kosong")),
        "{id}"
    );
    // A file without the village column is refused at its header.
    let p = write(dir.path(), "b2.csv", "nama;izin\nAni;ya\n");
    let e = import_interns(&p, None).unwrap_err().message(Lang::En);
    assert!(e.contains(":1: missing column(s): desa"), "{e}");
}

#[test]
fn clinics_from_csv_with_defaults_and_percent() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "klinik.csv",
        "klinik;persalinan_setahun;magang_per_hari;hari_buka_per_minggu;bagian_desa\n\
         RB Budi Setia;1.602;2;7;25%\n\
         Klinik Mitra;240;;6;0,1\n\
         Klinik Tiga;100;;;10\n",
    );
    let v = import_clinics(&p, None).unwrap();
    assert_eq!(v[0].deliveries_per_year, 1602.0);
    assert_eq!((v[0].interns_per_day, v[0].village_share), (2, 0.25));
    assert_eq!((v[1].interns_per_day, v[1].days_open_per_week), (1, 6));
    assert!((v[1].village_share - 0.1).abs() < 1e-12);
    assert_eq!(v[2].days_open_per_week, 7);
    assert!((v[2].village_share - 0.1).abs() < 1e-12);
    let p = write(
        dir.path(),
        "k2.csv",
        "klinik;persalinan_setahun;hari_buka_per_minggu;bagian_desa\nA;banyak;8;150\nB;;5;\n",
    );
    let e = import_clinics(&p, None).unwrap_err();
    let en = e.message(Lang::En);
    let f = p.display().to_string();
    assert!(
        en.contains(&format!(
            "{f}:2:persalinan_setahun: “banyak” is not a number (expected the deliveries a year)"
        )),
        "{en}"
    );
    assert!(
        en.contains(&format!(
            "{f}:2:hari_buka_per_minggu: “8” is not a whole number from 1 to 7"
        )),
        "{en}"
    );
    assert!(
        en.contains(&format!("{f}:2:bagian_desa: 150 is not a share")),
        "{en}"
    );
    assert!(
        en.contains(&format!(
            "{f}:3:persalinan_setahun: the deliveries a year is empty"
        )),
        "{en}"
    );
    let id = e.message(Lang::Id);
    assert!(
        id.contains(&format!(
            "{f}:2:hari_buka_per_minggu: “8” bukan bilangan bulat dari 1 sampai 7"
        )),
        "{id}"
    );
}

#[test]
fn checklist_from_xlsx_and_its_problems_with_column_letters() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("daftar-tilik.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let rows = [
        ["kelompok", "kode", "butir", "skala"],
        ["Kesiapan", "A1", "Oksitosin tersedia", "0-1-2"],
        ["Kesiapan", "A2", "MgSO4 tersedia", "ya/tidak"],
        ["Rujukan", "D1", "Nomor kontak RS", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    wb.save(&p).unwrap();
    let c = import_checklist(&p, None).unwrap();
    assert_eq!(c.name, "daftar-tilik");
    assert!(!c.is_example);
    assert_eq!(c.groups.len(), 2);
    assert_eq!(c.groups[0].items.len(), 2);
    assert_eq!(c.groups[0].items[1].scale, Scale::YesNo);
    assert_eq!(c.groups[1].items[0].scale, Scale::ZeroToTwo);

    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let rows = [
        ["kelompok", "kode", "butir", "skala"],
        ["Kesiapan", "A1", "Oksitosin", "1-5"],
        ["Kesiapan", "A1", "Lagi", ""],
        ["Kesiapan", "A3", "", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    let bad = dir.path().join("salah.xlsx");
    wb.save(&bad).unwrap();
    let e = import_checklist(&bad, None).unwrap_err();
    let f = bad.display().to_string();
    let en = e.message(Lang::En);
    assert!(
        en.contains(&format!("{f}:2:D (skala): “1-5” is not a scale")),
        "{en}"
    );
    assert!(
        en.contains(&format!("{f}:4:C (butir): the item is empty")),
        "{en}"
    );
    // Row 2 was refused for its scale, so row 3's A1 is the first A1.
    let id = e.message(Lang::Id);
    assert!(
        id.contains(&format!("{f}:2:D (skala): “1-5” bukan skala penilaian")),
        "{id}"
    );
}

#[test]
fn the_tables_go_to_a_workbook_with_dates_and_percentages() {
    let s = programs_sample::scenario();
    let p = s.programs.as_ref().unwrap();
    let r = work_out(&p.internship, &s.data).unwrap();
    let gap = |_: &str| Some(-0.5);
    let sheets = vec![
        schedule_sheet(&p.internship, &r, Lang::Id),
        expectations_sheet(&p.internship, &r, Lang::Id),
        visits_sheet(&p.mentoring, d(2026, 3, 1), &gap, Lang::Id),
        scores_sheet(&p.mentoring),
    ];
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("magang.xlsx");
    save_sheets(&path, &sheets, Lang::Id).unwrap();
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(
        wb.sheet_names(),
        vec![
            "Jadwal magang",
            "Harapan kasus",
            "Fasilitas",
            "Skor per kelompok"
        ]
    );
    let sched = wb.worksheet_range("Jadwal magang").unwrap();
    assert_eq!(sched.get((1, 0)), Some(&Data::String("Ani".into())));
    // 2026-03-02 is Excel's day 46.083.
    match sched.get((1, 3)) {
        Some(Data::DateTime(dt)) => assert_eq!(dt.as_f64(), 46_083.0),
        other => panic!("{other:?}"),
    }
    let exp = wb.worksheet_range("Harapan kasus").unwrap();
    // Ani at RB Budi Setia: λ = 2 × 1.602 ÷ 365 = 8,778082.
    match exp.get((1, 3)) {
        Some(Data::Float(x)) => assert!((x - 8.778_082).abs() < 1e-6),
        other => panic!("{other:?}"),
    }
}

#[test]
fn indicators_from_csv_and_their_problems() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "indikator.csv",
        "tahun;persalinan;ditolong_nakes;di_fasilitas\n2016;1.602;1.501;1.602\n2017;1.580;1.540;\n",
    );
    let v = import_indicators(&p, None).unwrap();
    assert_eq!(v.len(), 2);
    // 1.501 ÷ 1.602 = 93,70%.
    assert!((v[0].assisted_share().unwrap() - 0.936_953_8).abs() < 1e-7);
    assert_eq!(v[1].in_facility, 0.0);
    let p = write(
        dir.path(),
        "i2.csv",
        "tahun;persalinan;ditolong_nakes\n2016;1.602;1.700\n;10;5\n2018,5;10;5\n",
    );
    let e = import_indicators(&p, None).unwrap_err();
    let f = p.display().to_string();
    let en = e.message(Lang::En);
    assert!(
        en.contains(&format!(
            "{f}:2:ditolong_nakes: 1,700 is more than the deliveries (1,602)"
        )),
        "{en}"
    );
    assert!(
        en.contains(&format!("{f}:3:tahun: the Year is empty")),
        "{en}"
    );
    assert!(
        en.contains(&format!(
            "{f}:4:tahun: “2018,5” is not a whole number from 1900 to 2200"
        )),
        "{en}"
    );
    let id = e.message(Lang::Id);
    assert!(
        id.contains(&format!(
            "{f}:2:ditolong_nakes: 1.700 lebih besar dari jumlah persalinan (1.602)"
        )),
        "{id}"
    );
}
