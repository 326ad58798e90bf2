//! The window, driven the way a planner drives it: through the widgets,
//! with the real app (`ProyeksiApp`) in a kittest harness. File dialogs
//! are scripted, so no test ever opens a real dialog.

use std::path::PathBuf;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use proyeksi_bidan::io::{load_scenario, save_scenario};
use proyeksi_bidan::model::number::{fmt_auto, fmt_fixed};
use proyeksi_bidan::model::{Lang, Scenario, project};
use proyeksi_bidan::ui::Tab;

mod common;
use common::{App, ScriptedDialogs, app_on, app_with, retype};

fn app() -> App {
    app_with(ScriptedDialogs::default())
}

/// Lets queued events play out and the window settle. A fixed number of
/// frames: the app may ask for delayed repaints while the undo history is
/// in flux, so `run()` is not relied on.
fn settle(h: &mut App) {
    h.run_steps(4);
}

/// The text field named `name`. Parameter fields carry the text of the
/// label beside them as their name, and that label is found by the same
/// name, hence the role.
fn field<'h>(h: &'h App, name: &'h str) -> egui_kittest::Node<'h> {
    h.get_by_role_and_label(Role::TextInput, name)
}

/// The text shown in the field named `name`.
fn field_text(h: &App, name: &str) -> String {
    field(h, name).value().unwrap_or_default()
}

/// Whether some label shows exactly `text`.
fn shows(h: &App, text: &str) -> bool {
    h.query_all_by_value(text).next().is_some()
}

/// Clicks the widget labelled `label` with `role` (menus, buttons, tabs).
fn click(h: &mut App, role: Role, label: &str) {
    h.get_by_role_and_label(role, label).click();
    settle(h);
}

/// Clicks an entry of a menu of the menu bar. An entry with a shortcut is
/// named with it ("Baru Ctrl+N", "Simpan sebagai… Shift+Ctrl+S").
fn menu(h: &mut App, menu: &str, item: &str) {
    h.get_by_role_and_label(Role::Button, menu).click();
    settle(h);
    let is_item = |label: &str| {
        label == item
            || label
                .strip_prefix(item)
                .and_then(|rest| rest.strip_prefix(' '))
                .is_some_and(|shortcut| !shortcut.contains(' ') && shortcut.contains("Ctrl+"))
    };
    h.get_by(move |n| n.label().is_some_and(|l| is_item(&l)))
        .click();
    settle(h);
}

/// The WKE line of the working-time section for `hours` and `minutes`.
fn wke_line(hours: f64, minutes: f64) -> String {
    format!(
        "WKE = {} jam = {} menit",
        fmt_auto(hours, Lang::Id),
        fmt_auto(minutes, Lang::Id)
    )
}

fn allowance(h: &App) -> f64 {
    h.state().doc.state.params.working_time.allowance_percent
}

#[test]
fn visit_minutes_typed_in_the_panel_change_the_table() {
    let mut h = app();
    assert_eq!(field_text(&h, "Menit K1"), "30,6");

    retype(&mut h, "Menit K1", "40");
    assert_eq!(field_text(&h, "Menit K1"), "40");
    assert_eq!(h.state().doc.state.params.anc.visits[0].minutes, 40.0);
    assert!(
        shows(&h, "Paket per ibu hamil: 159,74 menit"),
        "the package line did not follow the new minutes"
    );

    click(&mut h, Role::Button, "Tabel");
    assert_eq!(h.state().tab, Tab::Table);

    // Exact mode by hand: package (40 + 20 + 20 + 34,1) × 1,4 minutes,
    // WKE 266 / 6 × 37,5 × 0,7 hours, pregnant women 1,1 × CBR × population.
    let package: f64 = (40.0 + 20.0 + 20.0 + 34.1) * 1.4;
    let wke: f64 = 266.0 / 6.0 * 37.5 * 0.7 * 60.0;
    let pregnant_2017: f64 = 1.1 * 18.5 * 261_890_900.0 / 1000.0;
    let need_2017 = package / wke * pregnant_2017;
    assert!((package - 159.74).abs() < 1e-9);
    assert!((wke - 69_825.0).abs() < 1e-9);
    assert!((pregnant_2017 - 5_329_479.815).abs() < 1e-6);
    let cell = fmt_fixed(need_2017, 1, Lang::Id);
    assert_eq!(cell, "12.192,4");

    // The 2017 row of the table shows it in the "Kebutuhan bidan" column.
    let year_cells: Vec<egui::Rect> = h
        .query_all_by_value("2017")
        .filter(|n| n.accesskit_node().role() == Role::Label)
        .map(|n| n.rect())
        .collect();
    assert!(!year_cells.is_empty(), "no table cell shows the year 2017");
    let need_cells: Vec<egui::Rect> = h.query_all_by_value(&cell).map(|n| n.rect()).collect();
    assert!(
        need_cells.iter().any(|c| year_cells
            .iter()
            .any(|y| (c.center().y - y.center().y).abs() < 2.0)),
        "no cell {cell:?} in the row of 2017 (year cells {year_cells:?}, need cells {need_cells:?})"
    );

    // The state's projection agrees with the hand computation.
    let rows = h.state().shown_rows();
    let row = rows.iter().find(|r| r.year == 2017).expect("a 2017 row");
    assert!(
        (row.midwives_needed - need_2017).abs() < 1e-6 * need_2017,
        "projection gives {} FTE, by hand {need_2017}",
        row.midwives_needed
    );
    let (d, p) = h.state().results.ok().expect("results");
    assert!((p.capacity.package.package_minutes - package).abs() < 1e-9);
    assert!((p.capacity.working.effective_minutes - wke).abs() < 1e-9);
    // The window worked out only the need again after the edit; it must be
    // the whole projection, figure for figure.
    let whole = project(&h.state().doc.state.params, d).expect("projects");
    assert_eq!(*p, whole);
}

/// Picks the visit standard `to` from the preset list, which shows `from`.
fn choose_preset(h: &mut App, from: &str, to: &str) {
    assert_eq!(h.get_by_label("Preset").value().as_deref(), Some(from));
    h.get_by_label("Preset").click();
    settle(h);
    h.get_by_label(to).click();
    settle(h);
    assert_eq!(h.get_by_label("Preset").value().as_deref(), Some(to));
}

#[test]
fn the_six_visit_preset_replaces_the_visits() {
    let mut h = app();
    assert!(
        h.query_by_role_and_label(Role::TextInput, "Menit K6")
            .is_none()
    );
    assert!(shows(&h, "Paket per ibu hamil: 146,58 menit"));

    choose_preset(
        &mut h,
        "Paper 2018 / SPM 2016: 4 kunjungan",
        "Permenkes 21/2021: 6 kunjungan",
    );

    let anc = &h.state().doc.state.params.anc;
    assert_eq!(anc.visits.len(), 6);
    assert_eq!(anc.name, "Permenkes 21/2021: 6 kunjungan");
    for k in 1..=6 {
        let name = format!("Menit K{k}");
        assert!(
            h.query_by_role_and_label(Role::TextInput, &name).is_some(),
            "no field {name:?}"
        );
    }
    assert_eq!(field_text(&h, "Menit K6"), "34,1");
    let package: f64 = (30.6 + 4.0 * 20.0 + 34.1) * 1.4;
    let line = format!("Paket per ibu hamil: {} menit", fmt_auto(package, Lang::Id));
    assert_eq!(line, "Paket per ibu hamil: 202,58 menit");
    assert!(shows(&h, &line), "the package line {line:?} is not shown");
    assert!(h.state().doc.is_dirty());
}

#[test]
fn english_can_be_chosen_from_the_view_menu() {
    let mut h = app();
    assert!(h.query_by_label("Tabel").is_some());
    menu(&mut h, "Tampilan", "English");

    assert_eq!(h.state().settings.lang, Lang::En);
    assert!(h.query_by_label("Table").is_some(), "no tab \"Table\"");
    assert!(h.query_by_label("File").is_some(), "no menu \"File\"");
    assert!(
        h.query_by_label("Tabel").is_none(),
        "\"Tabel\" is still shown"
    );
    assert!(
        h.query_by_label("Berkas").is_none(),
        "\"Berkas\" is still shown"
    );
    // Numbers follow the language too.
    assert!(shows(&h, "WKE = 1,163.75 hours = 69,825 min"));
    // So do the preset names; the scenario keeps the one it stores.
    choose_preset(
        &mut h,
        "Paper 2018 / SPM 2016: 4 visits",
        "WHO 2016: 8 contacts",
    );
    assert_eq!(h.state().doc.state.params.anc.name, "WHO 2016: 8 kontak");
}

#[test]
fn ctrl_z_undoes_an_allowance_edit() {
    let mut h = app();
    let before = wke_line(1163.75, 69_825.0);
    assert_eq!(before, "WKE = 1.163,75 jam = 69.825 menit");
    assert!(shows(&h, &before));

    retype(&mut h, "Kelonggaran (allowance)", "25");
    assert_eq!(allowance(&h), 25.0);
    let after = wke_line(1246.875, 74_812.5);
    assert_eq!(after, "WKE = 1.246,88 jam = 74.812,5 menit");
    assert!(
        shows(&h, &after),
        "the WKE line did not follow the allowance"
    );
    assert!(h.state().title().starts_with("● "));

    // Enter leaves the field. Each frame advances the harness clock by
    // 0,25 s, so 8 frames let the edit settle into an undo point (the
    // undoer waits 1 s); undo does not depend on it, though.
    h.key_press(Key::Enter);
    h.run_steps(8);
    assert!(!field(&h, "Kelonggaran (allowance)").is_focused());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);

    assert_eq!(allowance(&h), 30.0);
    assert!(shows(&h, &before), "the WKE line did not come back");
    assert!(!shows(&h, &after));
    assert_eq!(field_text(&h, "Kelonggaran (allowance)"), "30");
    assert!(!h.state().doc.is_dirty());
    assert!(!h.state().title().starts_with("● "));

    // Ctrl+Y brings the edit back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    settle(&mut h);
    assert_eq!(allowance(&h), 25.0);
    assert!(shows(&h, &after));
    assert_eq!(field_text(&h, "Kelonggaran (allowance)"), "25");
}

/// The planner types 25 and presses Ctrl+Z without leaving the field.
#[test]
fn ctrl_z_in_the_field_being_edited_shows_the_restored_value() {
    let mut h = app();
    retype(&mut h, "Kelonggaran (allowance)", "25");
    assert_eq!(allowance(&h), 25.0);
    assert!(field(&h, "Kelonggaran (allowance)").is_focused());

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(allowance(&h), 30.0);
    assert!(shows(&h, &wke_line(1163.75, 69_825.0)));
    // The field must not keep showing the undone text while 30 is used.
    assert_eq!(
        field_text(&h, "Kelonggaran (allowance)"),
        "30",
        "after undo the field shows the undone text while the model uses 30"
    );
}

#[test]
fn the_edit_menu_undoes_and_redoes() {
    let mut h = app();
    retype(&mut h, "Kelonggaran (allowance)", "25");
    assert_eq!(allowance(&h), 25.0);

    menu(&mut h, "Sunting", "Urungkan");
    assert_eq!(allowance(&h), 30.0);
    assert_eq!(field_text(&h, "Kelonggaran (allowance)"), "30");
    assert!(shows(&h, &wke_line(1163.75, 69_825.0)));

    menu(&mut h, "Sunting", "Ulangi");
    assert_eq!(allowance(&h), 25.0);
    assert_eq!(field_text(&h, "Kelonggaran (allowance)"), "25");
    assert!(shows(&h, &wke_line(1246.875, 74_812.5)));
}

#[test]
fn new_asks_before_discarding_changes() {
    let mut h = app();
    retype(&mut h, "Cuti tahunan (B)", "10");
    assert_eq!(h.state().doc.state.params.working_time.annual_leave, 10.0);
    assert!(h.state().doc.is_dirty());

    menu(&mut h, "Berkas", "Baru");
    assert!(shows(&h, "Simpan perubahan?"), "no unsaved-changes prompt");
    click(&mut h, Role::Button, "Batal");
    assert!(!shows(&h, "Simpan perubahan?"));
    assert_eq!(h.state().doc.state.params.working_time.annual_leave, 10.0);
    assert_eq!(field_text(&h, "Cuti tahunan (B)"), "10");
    assert!(h.state().doc.is_dirty());
    assert_eq!(h.state().pending, None);

    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    settle(&mut h);
    assert!(shows(&h, "Simpan perubahan?"), "Ctrl+N did not ask");
    click(&mut h, Role::Button, "Buang perubahan");
    assert!(!shows(&h, "Simpan perubahan?"));
    assert!(!h.state().doc.is_dirty());
    assert_eq!(h.state().doc.state.to_scenario(), Scenario::example());
    assert_eq!(field_text(&h, "Cuti tahunan (B)"), "12");
    assert_eq!(h.state().doc.path, None);
}

#[test]
fn open_and_save_as_use_the_chosen_files() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("uji.bidan");
    let mut scenario = Scenario::example();
    scenario.name = "Uji buka".into();
    scenario.params.population.horizon_year = 2030;
    save_scenario(&source, &scenario).unwrap();
    let target: PathBuf = dir.path().join("disimpan.bidan");

    let mut h = app_with(ScriptedDialogs {
        open: vec![Some(source.clone())],
        save: vec![Some(target.clone())],
    });
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    settle(&mut h);
    let doc = &h.state().doc;
    assert_eq!(doc.state.name, "Uji buka");
    assert_eq!(doc.state.params.population.horizon_year, 2030);
    assert_eq!(doc.path.as_deref(), Some(source.as_path()));
    assert!(!doc.is_dirty());
    assert_eq!(h.state().title(), "uji.bidan — Proyeksi Bidan");
    assert_eq!(h.state().settings.recent, vec![source.clone()]);
    // The projection and the summary follow the opened file.
    assert_eq!(h.state().shown_rows().last().map(|r| r.year), Some(2030));

    retype(&mut h, "Kelonggaran (allowance)", "25");
    assert!(h.state().title().starts_with("● "), "{}", h.state().title());

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    settle(&mut h);
    assert!(target.exists(), "nothing was saved at {}", target.display());
    let saved = load_scenario(&target).unwrap();
    assert_eq!(saved, h.state().doc.state.to_scenario());
    assert_eq!(saved.params.working_time.allowance_percent, 25.0);
    assert_eq!(saved.name, "Uji buka");
    assert!(!h.state().doc.is_dirty());
    assert_eq!(h.state().doc.path.as_deref(), Some(target.as_path()));
    assert_eq!(h.state().title(), "disimpan.bidan — Proyeksi Bidan");
    assert!(!h.state().title().contains('●'));
    // The opened file is untouched.
    assert_eq!(load_scenario(&source).unwrap(), scenario);

    // "Simpan" now writes to the same file without asking again.
    retype(&mut h, "Cuti tahunan (B)", "10");
    h.key_press(Key::Enter);
    settle(&mut h);
    assert!(h.state().doc.is_dirty());
    menu(&mut h, "Berkas", "Simpan");
    assert!(!h.state().doc.is_dirty());
    let saved = load_scenario(&target).unwrap();
    assert_eq!(saved.params.working_time.annual_leave, 10.0);
    assert_eq!(saved, h.state().doc.state.to_scenario());
    assert_eq!(h.state().title(), "disimpan.bidan — Proyeksi Bidan");
}

#[test]
fn text_that_is_not_a_number_is_refused() {
    let mut h = app();
    retype(&mut h, "Cuti tahunan (B)", "abc");
    assert_eq!(field_text(&h, "Cuti tahunan (B)"), "abc");
    assert_eq!(h.state().doc.state.params.working_time.annual_leave, 12.0);
    assert!(!h.state().doc.is_dirty());
    assert!(h.state().results.ok().is_some());

    // Leaving the field shows the value in use again.
    h.key_press(Key::Enter);
    settle(&mut h);
    assert_eq!(field_text(&h, "Cuti tahunan (B)"), "12");
    assert_eq!(h.state().doc.state.params.working_time.annual_leave, 12.0);
}

#[test]
fn the_window_renders() {
    let mut h = app();
    let backend = std::env::var("WGPU_BACKEND").ok();
    // kittest panics (rather than returning an error) when wgpu finds no
    // adapter; either way the test fails and says why.
    let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| h.render()));
    let image = match rendered {
        Ok(Ok(image)) => image,
        Ok(Err(e)) => panic!("rendering failed: {e} (WGPU_BACKEND = {backend:?})"),
        Err(p) => {
            let why = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            panic!(
                "rendering is not available here: {why} (WGPU_BACKEND = {backend:?}; \
                 leave it unset or set it to \"gl\")"
            )
        }
    };
    assert_eq!((image.width(), image.height()), (1280, 800));

    let mut counts = std::collections::HashMap::<[u8; 4], usize>::new();
    for p in image.pixels() {
        *counts.entry(p.0).or_default() += 1;
    }
    assert!(
        counts.len() > 16,
        "the picture is nearly blank: {} colours",
        counts.len()
    );
    let commonest = counts.values().copied().max().unwrap_or(0);
    let total = (image.width() * image.height()) as usize;
    assert!(
        commonest * 100 < total * 95,
        "one colour covers {commonest} of {total} pixels"
    );
}

#[test]
fn the_population_route_can_be_chosen_in_the_window() {
    use proyeksi_bidan::model::GrowthMethod;
    let mut h = app();
    let label = "Metode pertumbuhan";
    assert_eq!(
        h.get_by_label(label).value().as_deref(),
        Some("Rata-rata tahunan")
    );
    assert!(shows(&h, "Kebutuhan bidan 2035: 9.856,1 FTE"));
    h.get_by_label(label).click();
    settle(&mut h);
    h.get_by_label("Jalur penduduk (penduduk × CBR)").click();
    settle(&mut h);
    assert_eq!(
        h.get_by_label(label).value().as_deref(),
        Some("Jalur penduduk (penduduk × CBR)")
    );
    assert_eq!(
        h.state().doc.state.params.population.growth_method,
        GrowthMethod::Population
    );

    // The window shows what the engine computes for the same scenario.
    let mut s = Scenario::example();
    s.params.population.growth_method = GrowthMethod::Population;
    let (_, p) = proyeksi_bidan::model::compute(&s).unwrap();
    let need_2035 = p.total.last().unwrap().midwives_needed;
    assert!(need_2035 > 9_856.1, "{need_2035}");
    let shown = format!(
        "Kebutuhan bidan 2035: {} FTE",
        fmt_fixed(need_2035, 1, Lang::Id)
    );
    assert!(shows(&h, &shown), "{shown} is not shown");
}

#[test]
fn a_suspect_data_year_is_named_above_the_results() {
    // The paper's data are smooth: no warning.
    let h = app();
    assert!(
        h.query_by(|n| n.label().is_some_and(|l| l.contains("Periksa data")))
            .is_none()
    );

    // One odd year: the crude birth rate of 2019 jumps from 18,2 to 25.
    let mut s = Scenario::example();
    let row = s.data.iter_mut().find(|r| r.year == 2019).unwrap();
    row.cbr = Some(25.0).into();
    let mut h = app_on(s, ScriptedDialogs::default());
    h.get_by(|n| {
        n.label()
            .is_some_and(|l| l.starts_with("Periksa data dan proyeksi ("))
    })
    .click();
    settle(&mut h);
    let named = h
        .query_all_by(|n| {
            n.value()
                .is_some_and(|v| v.starts_with("Peringatan: ") && v.contains("2019"))
        })
        .count();
    assert!(named >= 1, "no warning names 2019");
}

#[test]
fn the_region_list_can_show_only_the_flagged_regions() {
    // Two regions: the paper's (smooth) and a copy whose 2019 CBR jumps.
    let mut s = Scenario::example();
    let mut odd: Vec<_> = s.data.clone();
    for r in &mut odd {
        r.region_code = "B".into();
        r.region_name = "Wilayah B".into();
        if r.year == 2019 {
            r.cbr = Some(25.0).into();
        }
    }
    s.data.extend(odd);
    let mut h = app_on(s, ScriptedDialogs::default());
    h.get_by_label("Wilayah:").click();
    settle(&mut h);
    let lists = |h: &App, text: &str| {
        h.query_by(|n| n.label().is_some_and(|l| l.starts_with(text)))
            .is_some()
    };
    assert!(lists(&h, "B Wilayah B — periksa"));
    assert!(!lists(&h, "B Wilayah B — periksa — "));
    assert!(lists(&h, "Hanya wilayah yang ditandai (1)"));
    let smooth_shown = h
        .query_all_by(|n| n.label().is_some_and(|l| l.contains("Indonesia")))
        .count();
    assert!(smooth_shown >= 1);
    assert!(
        h.query_by(|n| n.label().is_some_and(|l| l.contains("Indonesia — periksa")))
            .is_none()
    );

    h.get_by_label("Hanya wilayah yang ditandai (1)").click();
    settle(&mut h);
    assert!(lists(&h, "B Wilayah B — periksa"));
    assert!(
        h.query_by(
            |n| n.role() == Role::Button && n.label().is_some_and(|l| l.contains("Indonesia"))
        )
        .is_none(),
        "the smooth region is still listed"
    );

    // Choosing a region shows it and closes the list.
    h.get_by(|n| {
        n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with("B Wilayah B"))
    })
    .click();
    settle(&mut h);
    assert_eq!(h.state().region, Some(1));
    assert!(!lists(&h, "Hanya wilayah yang ditandai (1)"));
}
