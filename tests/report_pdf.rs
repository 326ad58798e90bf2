//! The PDF report, checked as a reader would: poppler's `pdfinfo` parses
//! it, `pdffonts` shows every font embedded, and `pdftotext` finds the
//! scenario, the engine's 2035 need in the report's number format and the
//! page footers. From the command line and from the window.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use proyeksi_bidan::model::number::fmt_fixed;
use proyeksi_bidan::model::staffing::ActivityPreset;
use proyeksi_bidan::model::supply::{Intake, SupplyParams};
use proyeksi_bidan::model::{Lang, Scenario};

use common::{ScriptedDialogs, app_with};

/// Pages of the bundled example's report.
const EXAMPLE_PAGES: usize = 4;

fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) could not run: {e}"));
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn pages(pdf: &Path) -> usize {
    let info = poppler("pdfinfo", &[&pdf.display().to_string()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in {info}"))
}

/// The text of the whole PDF, or of page `page` only.
fn text(pdf: &Path, page: Option<usize>) -> String {
    let path = pdf.display().to_string();
    match page {
        Some(p) => {
            let p = p.to_string();
            poppler("pdftotext", &["-f", &p, "-l", &p, &path, "-"])
        }
        None => poppler("pdftotext", &[&path, "-"]),
    }
}

/// `text` with every run of spaces and line breaks made one space, so a
/// sentence is found wherever the page broke its lines.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs the command line; panics on an error.
fn cli(args: &[&str]) {
    let mut all = vec!["proyeksi-bidan"];
    all.extend_from_slice(args);
    let mut out = Vec::new();
    if let Err(e) = proyeksi_bidan::cli::run(all, &mut out) {
        panic!("{args:?}: {e}");
    }
}

fn scenario_file(dir: &Path, s: &Scenario) -> PathBuf {
    let path = dir.join("skenario.bidan");
    proyeksi_bidan::io::save_scenario(&path, s).unwrap();
    path
}

/// The example's 2035 need as the engine computes it.
fn need_2035(lang: Lang) -> String {
    let (_, proj) = proyeksi_bidan::model::compute(&Scenario::example()).unwrap();
    let need = proj.total_row(2035).unwrap().midwives_needed;
    fmt_fixed(need, 1, lang)
}

#[test]
fn the_example_s_report_in_indonesian() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("laporan.pdf");
    cli(&["report", "--out", &pdf.display().to_string()]);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let n = pages(&pdf);
    assert_eq!(n, EXAMPLE_PAGES);

    // Every font is embedded (pdffonts: the "emb" column says yes).
    let fonts = poppler("pdffonts", &[&pdf.display().to_string()]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        assert!(row.contains("DejaVu"), "{row}");
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type [encoding words] emb sub uni object ID
        assert_eq!(cols[cols.len() - 5], "yes", "not embedded: {row}");
    }

    let all = text(&pdf, None);
    assert!(all.contains("Indonesia 2017–2020 (contoh dari makalah)"));
    let need = need_2035(Lang::Id);
    assert!(need.contains(',') && need.contains('.'), "{need}");
    let summary = format!("Pada 2035 Indonesia membutuhkan {need} bidan");
    assert!(flat(&all).contains(&summary), "no «{summary}» in\n{all}");
    assert!(all.contains(&format!("Halaman 1 dari {EXAMPLE_PAGES}")));
    assert!(all.contains(&format!("Halaman {n} dari {n}")));
    assert!(
        all.contains("Pembulatan: Tepat (tanpa pembulatan antara) · Data: contoh bawaan program")
    );
    // The parameters with their sources, the working, no English.
    assert!(all.contains("Sumedang"));
    assert!(all.contains("Cara menghitung"));
    assert!(!all.contains("Page 1"));
    // The year table's 2035 row carries the same need.
    assert!(all.contains("2035"));
}

#[test]
fn the_report_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("report.pdf");
    cli(&[
        "report",
        "--lang",
        "en",
        "--out",
        &pdf.display().to_string(),
    ]);
    let n = pages(&pdf);
    let all = text(&pdf, None);
    assert!(all.contains(&format!("Page 1 of {n}")));
    let need = need_2035(Lang::En);
    assert!(
        flat(&all).contains(&format!("In 2035 Indonesia needs {need} midwives")),
        "{all}"
    );
    assert!(!all.contains("Halaman"));
}

/// A long horizon runs the year table onto a second page, where its
/// heading is repeated; supply and the full puskesmas workload add their
/// sections.
#[test]
fn a_long_table_repeats_its_heading_and_planned_supply_and_workload_appear() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Scenario::example();
    s.params.population.horizon_year = 2090;
    for (i, row) in s.data.iter_mut().enumerate() {
        row.midwives_available = Some(9000.0 + 100.0 * i as f64).into();
    }
    s.supply = Some(SupplyParams {
        attrition_percent: 3.0,
        attrition_by_region: Vec::new(),
        intake: Intake::Number(400.0),
        transfers: Vec::new(),
        close_by: None,
    });
    s.workload.preset = Some(ActivityPreset::PuskesmasFull);
    let path = scenario_file(dir.path(), &s);
    let pdf = dir.path().join("laporan.pdf");
    cli(&[
        "report",
        "--scenario",
        &path.display().to_string(),
        "--out",
        &pdf.display().to_string(),
    ]);
    let n = pages(&pdf);
    let all = text(&pdf, None);
    assert!(all.contains("Ketersediaan bidan"));
    assert!(all.contains("Beban kerja (WHO WISN)"));
    // 9.300 midwives in post in 2020 cover the smaller need of 2090.
    assert!(
        flat(&all).contains("9.300 bertugas (2020); kelebihan 2.608,5"),
        "{all}"
    );
    assert!(all.contains("Data: skenario.bidan"));
    // The year table runs over two pages; the page with its 2090 row has
    // its heading ("Penduduk" is only a heading of the year table) again.
    let layout = |p: usize| {
        let p = p.to_string();
        poppler(
            "pdftotext",
            &[
                "-layout",
                "-f",
                &p,
                "-l",
                &p,
                &pdf.display().to_string(),
                "-",
            ],
        )
    };
    let has_row = |t: &str, year: &str| {
        t.lines().any(|l| {
            let mut cells = l.split_whitespace();
            cells.next() == Some(year)
                && cells.next().is_some_and(|k| k == "data" || k == "proyeksi")
        })
    };
    let first = (1..=n)
        .find(|&p| {
            let t = layout(p);
            t.contains("Penduduk") && has_row(&t, "2017")
        })
        .expect("the year table's first page");
    let last = (1..=n)
        .find(|&p| {
            let t = layout(p);
            t.contains("Penduduk") && has_row(&t, "2090")
        })
        .expect("the year table's 2090 row under its heading");
    assert!(last > first, "{first} {last}");
}

#[test]
fn a_district_s_report_ranks_its_regions_shortest_first() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("laporan.pdf");
    let data = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/belitung_timur_2023_2024.csv"
    );
    cli(&[
        "report",
        "--data",
        data,
        "--out",
        &pdf.display().to_string(),
    ]);
    let all = flat(&text(&pdf, None));
    // The seven puskesmas of Kab. Belitung Timur in 2024, none short of
    // midwives for antenatal care; Dendang has the smallest surplus:
    // 13 in post for 0,39 needed (gap 12,61).
    assert!(
        all.contains("Wilayah menurut selisih bidan, 2024 (yang paling kurang di atas)"),
        "{all}"
    );
    assert!(all.contains("0 dari 7 wilayah kurang bidan"), "{all}");
    assert!(all.contains("1 Dendang 0,39 13,00 12,61"), "{all}");
    // One region alone is not ranked.
    let one = dir.path().join("contoh.pdf");
    cli(&["report", "--out", &one.display().to_string()]);
    assert!(!flat(&text(&one, None)).contains("Wilayah menurut selisih bidan"));
}

#[test]
fn a_report_that_cannot_be_written_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("tidak-ada").join("laporan.pdf");
    let mut out = Vec::new();
    let e = proyeksi_bidan::cli::run(
        [
            "proyeksi-bidan",
            "report",
            "--out",
            &pdf.display().to_string(),
        ],
        &mut out,
    )
    .unwrap_err();
    assert!(e.to_string().contains("laporan.pdf"), "{e}");
}

#[test]
fn the_report_is_written_from_the_file_menu_in_the_window_s_language() {
    let dir = tempfile::tempdir().unwrap();
    let id = dir.path().join("laporan.pdf");
    let en = dir.path().join("report.pdf");
    let mut h = app_with(ScriptedDialogs {
        open: Vec::new(),
        save: vec![Some(id.clone()), Some(en.clone())],
    });
    h.get_by_role_and_label(Role::Button, "Berkas").click();
    h.run_steps(4);
    h.get_by_role_and_label(Role::Button, "Laporan (PDF)…")
        .click();
    h.run_steps(4);
    let status = h.state().status.clone().unwrap();
    assert!(
        !status.error && status.text.contains("laporan.pdf"),
        "{status:?}"
    );
    let all = text(&id, None);
    let n = pages(&id);
    assert!(all.contains(&format!("Halaman 1 dari {n}")));
    assert!(all.contains(&need_2035(Lang::Id)));

    h.state_mut().settings.lang = Lang::En;
    h.run_steps(4);
    h.get_by_role_and_label(Role::Button, "File").click();
    h.run_steps(4);
    h.get_by_role_and_label(Role::Button, "Report (PDF)…")
        .click();
    h.run_steps(4);
    let all = text(&en, None);
    assert!(all.contains("Page 1 of"), "{all}");
}

#[test]
fn a_failed_report_is_said_once_in_the_status_bar() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("tidak-ada").join("laporan.pdf");
    let mut h = app_with(ScriptedDialogs {
        open: Vec::new(),
        save: vec![Some(pdf.clone())],
    });
    h.get_by_role_and_label(Role::Button, "Berkas").click();
    h.run_steps(4);
    h.get_by_role_and_label(Role::Button, "Laporan (PDF)…")
        .click();
    h.run_steps(4);
    let status = h.state().status.clone().unwrap();
    assert!(status.error, "{status:?}");
    assert!(status.text.contains("laporan.pdf"), "{status:?}");
    assert!(!pdf.exists());
}
