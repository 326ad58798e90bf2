//! The bundled sample of the 34 provinces 2017–2020: written by `example
//! provinces`, used by any command with `--example provinces`, and opened
//! from the window's menu.

use std::process::Command;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

mod common;
use common::{ScriptedDialogs, app_with};

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_proyeksi-bidan"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_sample_is_written_and_ranked_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("provinsi.bidan");
    let (code, _, err) = run(&["example", "provinces", "--out", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let s = proyeksi_bidan::io::load_scenario(&file).unwrap();
    assert_eq!(s.data.len(), 136);
    assert!(s.notes.contains("CBR nasional"), "{}", s.notes);

    // 2020, by need: Jawa Barat 48.274.162 × 17,5 / 1.000 × 1,10 × 146,58 /
    // 69.825 = 1.950,78 midwives, then Jawa Timur 40.665.696 → 1.643,32.
    let (code, csv, err) = run(&[
        "rank",
        "--example",
        "provinces",
        "--year",
        "2020",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[1].starts_with("1,32,Jawa Barat,2020,1950.78"),
        "{csv}"
    );
    assert!(
        lines[2].starts_with("2,35,Jawa Timur,2020,1643.32"),
        "{csv}"
    );
    assert_eq!(lines.len(), 35, "{csv}");

    // The total of 2017 is the paper's: 5.329.480 pregnant women.
    let (code, out, err) = run(&["compute", "--example", "provinces"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("5.329.480"), "{out}");
    let (code, _, err) = run(&["compute", "--example", "provinces", "--scenario", "x.bidan"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn the_sample_opens_from_the_menu() {
    let mut h = app_with(ScriptedDialogs::default());
    h.get_by_role_and_label(Role::Button, "Berkas").click();
    h.run_steps(4);
    h.get_by_label("Contoh: 34 provinsi 2017–2020").click();
    h.run_steps(6);
    let (data, proj) = h.state().results.ok().unwrap();
    assert_eq!(data.regions(), 34);
    let y2020 = proj.total.iter().find(|r| r.year == 2020).unwrap();
    assert_eq!(y2020.population, Some(270_203_917.0));
    assert!(!h.state().doc.is_dirty());
    assert!(
        h.query_by_label_contains("Contoh 34 provinsi dibuka")
            .is_some()
    );
}
