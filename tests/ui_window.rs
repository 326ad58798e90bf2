//! What a planner meets in the window beyond the figures: reaching any of
//! hundreds of regions, saving without a system file dialog, numbers shown
//! whole, the scenario's name and notes, and regions short of midwives.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use proyeksi_bidan::model::number::fmt_fixed;
use proyeksi_bidan::model::{DataRow, Lang, Scenario};

mod common;
use common::{App, NoSystemDialogs, ScriptedDialogs, app_on, app_on_system, app_with, retype};

fn settle(h: &mut App) {
    h.run_steps(4);
}

fn click(h: &mut App, role: Role, label: &str) {
    h.get_by_role_and_label(role, label).click();
    settle(h);
}

/// Clicks `item` in the menu `menu` (an item with a shortcut is named with it).
fn menu(h: &mut App, menu: &str, item: &str) {
    click(h, Role::Button, menu);
    h.get_by(|n| {
        n.label()
            .is_some_and(|l| l == item || l.starts_with(&format!("{item} ")))
    })
    .click();
    settle(h);
}

/// The text a node shows: a label's value, or a widget's name.
fn text_of(n: &egui_kittest::kittest::AccessKitNode<'_>) -> Option<String> {
    n.value().or_else(|| n.label())
}

/// Whether some node shows a text starting with `start`.
fn shows_start(h: &App, start: &str) -> bool {
    h.query_all_by(|n| text_of(n).is_some_and(|t| t.starts_with(start)))
        .next()
        .is_some()
}

fn shows(h: &App, text: &str) -> bool {
    h.query_all_by_value(text).next().is_some() || h.query_by_label(text).is_some()
}

/// `n` regions "R0001".."Rnnnn" named "Kabupaten 1".., two data years each.
fn regions(n: usize) -> Scenario {
    let mut s = Scenario::example();
    s.data = (1..=n)
        .flat_map(|i| {
            [(2019, 100_000.0 + i as f64), (2020, 101_000.0 + i as f64)].map(|(year, pop)| {
                DataRow {
                    region_code: format!("R{i:04}").into(),
                    region_name: format!("Kabupaten {i}").into(),
                    year,
                    population: Some(pop).into(),
                    cbr: Some(18.0).into(),
                    ..Default::default()
                }
            })
        })
        .collect();
    s.params.population.base_year = 2019;
    s
}

#[test]
fn a_region_past_the_200th_is_chosen_by_typing() {
    let mut h = app_on(regions(514), ScriptedDialogs::default());
    assert!(shows(&h, "Total (514 wilayah)"));
    h.get_by_label("Wilayah:").click();
    settle(&mut h);
    // The search field has the keyboard as soon as the list opens.
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Cari wilayah")
            .is_focused()
    );
    h.get_by_role_and_label(Role::TextInput, "Cari wilayah")
        .type_text("r0437");
    settle(&mut h);
    assert!(shows(&h, "1 dari 514 wilayah"));
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("R0437 Kabupaten 437"))
        .click();
    settle(&mut h);
    let (d, _) = h.state().results.ok().unwrap();
    let chosen = h.state().region.expect("a region is chosen");
    assert_eq!(d.codes[chosen], "R0437");
    assert_eq!(h.state().subject_name(), "Kabupaten 437");
    assert!(shows(&h, "R0437 Kabupaten 437"));

    // By name, and Enter takes the first match.
    h.get_by_label("Wilayah:").click();
    settle(&mut h);
    retype(&mut h, "Cari wilayah", "Kabupaten 509");
    h.key_press(Key::Enter);
    settle(&mut h);
    let (d, _) = h.state().results.ok().unwrap();
    assert_eq!(d.codes[h.state().region.unwrap()], "R0509");
}

#[test]
fn without_a_system_dialog_save_as_asks_in_the_window_and_saves() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_on_system(
        Scenario::example(),
        Box::new(NoSystemDialogs),
        egui::vec2(1280.0, 800.0),
    );
    menu(&mut h, "Berkas", "Simpan sebagai…");
    assert!(h.state().file_dialog.is_open());
    h.get_by_label("Simpan berkas");
    retype(&mut h, "Folder:", &dir.path().display().to_string());
    h.key_press(Key::Enter);
    settle(&mut h);
    retype(&mut h, "Nama berkas:", "kabupaten-a");
    click(&mut h, Role::Button, "Simpan");
    let saved = dir.path().join("kabupaten-a.bidan");
    assert!(saved.is_file(), "nothing written to {}", saved.display());
    let back = proyeksi_bidan::io::load_scenario(&saved).unwrap();
    assert_eq!(back.data, Scenario::example().data);
    assert!(!h.state().file_dialog.is_open());
    assert!(!h.state().doc.is_dirty());
    let status = h.state().status.clone().unwrap();
    assert!(
        !status.error && status.text.contains("kabupaten-a.bidan"),
        "{status:?}"
    );

    // An export goes the same way; the folder is the scenario's.
    menu(&mut h, "Berkas", "Ekspor grafik/tabel…");
    click(&mut h, Role::Button, "Simpan grafik PNG…");
    assert!(h.state().file_dialog.is_open());
    click(&mut h, Role::Button, "Simpan");
    let png = dir.path().join("grafik-proyeksi-bidan.png");
    assert!(png.is_file(), "no chart at {}", png.display());

    // Cancelled, a save says that nothing was saved.
    menu(&mut h, "Berkas", "Simpan sebagai…");
    click(&mut h, Role::Button, "Batal");
    assert!(!h.state().file_dialog.is_open());
    let status = h.state().status.clone().unwrap();
    assert_eq!(status.text, "Tidak disimpan: penyimpanan dibatalkan.");
}

#[test]
fn a_cancelled_system_dialog_says_nothing_was_saved() {
    let mut h = app_with(ScriptedDialogs::default());
    menu(&mut h, "Berkas", "Simpan sebagai…");
    assert!(!h.state().file_dialog.is_open());
    let status = h.state().status.clone().unwrap();
    assert_eq!(status.text, "Tidak disimpan: penyimpanan dibatalkan.");
}

/// The field named `name` and the one right of it do not overlap, and the
/// field is wide enough for its text.
fn whole(h: &App, name: &str, right: &str, text: &str) {
    let field = h.get_by_role_and_label(Role::TextInput, name);
    assert_eq!(field.value().as_deref(), Some(text));
    let next = h.get_by_role_and_label(Role::TextInput, right);
    assert!(
        field.rect().right() <= next.rect().left(),
        "{name} {:?} runs into {right} {:?}",
        field.rect(),
        next.rect()
    );
    let font = egui::FontId::proportional(egui::FontId::default().size);
    let width = h.ctx.fonts_mut(|f| {
        f.layout_no_wrap(text.to_string(), font, egui::Color32::WHITE)
            .size()
            .x
    });
    assert!(
        field.rect().width() >= width + 8.0,
        "{name} is {} wide for {width} of text",
        field.rect().width()
    );
}

#[test]
fn the_data_tab_shows_numbers_codes_and_names_whole() {
    for size in [egui::vec2(1280.0, 800.0), egui::vec2(1024.0, 640.0)] {
        let mut h = app_on_system(
            Scenario::example(),
            Box::new(ScriptedDialogs::default()),
            size,
        );
        click(&mut h, Role::Button, "Data");
        whole(&h, "Penduduk baris 1", "CBR baris 1", "261.890.900");
        whole(&h, "Kode baris 1", "Nama baris 1", "ID");
        // The year is a drag value, not a text field: the name ends before it.
        let name = h.get_by_role_and_label(Role::TextInput, "Nama baris 1");
        assert_eq!(name.value().as_deref(), Some("Indonesia"));
    }
}

/// Every number the window shows as a label lies whole inside the window
/// (the table scrolls sideways at 1024 px: a column cut at its edge shows
/// "…", not the first digits of its numbers).
fn numbers_whole(h: &App, width: f32) -> usize {
    let mut seen = 0;
    for n in h.query_all_by_role(Role::Label) {
        let Some(text) = text_of(&n.accesskit_node()) else {
            continue;
        };
        let digits = text.chars().filter(|c| c.is_ascii_digit()).count();
        let numberlike = text
            .chars()
            .all(|c| c.is_ascii_digit() || ".,−-+ ".contains(c));
        if digits == 0 || !numberlike {
            continue;
        }
        seen += 1;
        assert!(
            n.rect().right() <= width && n.rect().left() >= 0.0,
            "{text:?} at {:?} is cut at the window's edge",
            n.rect()
        );
    }
    seen
}

#[test]
fn a_table_cut_at_the_edge_shows_no_cut_number() {
    for lang in ["Bahasa Indonesia", "English"] {
        let mut h = app_on_system(
            proyeksi_bidan::io::examples::Example::Provinces
                .scenario()
                .unwrap(),
            Box::new(ScriptedDialogs::default()),
            egui::vec2(1024.0, 640.0),
        );
        if lang == "English" {
            menu(&mut h, "Tampilan", "English");
        }
        let tab = if lang == "English" { "Table" } else { "Tabel" };
        click(&mut h, Role::Button, tab);
        // The table's columns run past the window: its numbers are checked.
        assert!(numbers_whole(&h, 1024.0) > 50, "{lang}");
        let ranking = if lang == "English" {
            "Ranking"
        } else {
            "Peringkat"
        };
        click(&mut h, Role::Button, ranking);
        let n = numbers_whole(&h, 1024.0);
        assert!(n > 5, "{lang}: {n}");
    }
}

#[test]
fn the_data_and_table_tabs_count_with_thousands_separators() {
    let mut h = app_on(regions(1200), ScriptedDialogs::default());
    assert!(shows(&h, "Total (1.200 wilayah)"));
    click(&mut h, Role::Button, "Data");
    assert!(shows_start(&h, "2.400 baris data."));
}

#[test]
fn an_import_names_the_scenario_and_properties_edit_it_with_undo() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kabupaten-bogor.csv");
    std::fs::write(
        &path,
        "kode wilayah;nama wilayah;tahun;jumlah penduduk;CBR\n\
         3201;Bogor;2021;5.400.000;16,5\n\
         3201;Bogor;2022;5.450.000;16,2\n",
    )
    .unwrap();
    let mut h = app_with(ScriptedDialogs {
        open: vec![Some(path)],
        save: Vec::new(),
    });
    menu(&mut h, "Berkas", "Impor data (CSV/Excel)…");
    h.state_mut().import.wait();
    settle(&mut h);
    click(&mut h, Role::Button, "Pakai data ini");
    assert_eq!(h.state().doc.state.name, "kabupaten-bogor");
    assert_eq!(
        h.state().doc.state.notes,
        "Data diimpor dari kabupaten-bogor.csv."
    );
    settle(&mut h);
    assert_eq!(h.state().title(), "● kabupaten-bogor — Proyeksi Bidan");

    menu(&mut h, "Berkas", "Properti skenario…");
    retype(&mut h, "Nama skenario:", "Bogor 2021–2030");
    let notes = "Catatan (sumber data, asumsi):";
    h.get_by_role_and_label(Role::MultilineTextInput, notes)
        .focus();
    settle(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    settle(&mut h);
    h.get_by_role_and_label(Role::MultilineTextInput, notes)
        .type_text("Data: Dinkes Kab. Bogor");
    settle(&mut h);
    click(&mut h, Role::Button, "Terapkan");
    assert_eq!(h.state().doc.state.name, "Bogor 2021–2030");
    assert_eq!(h.state().doc.state.notes, "Data: Dinkes Kab. Bogor");
    let footer = h.state().chart_spec().footer;
    assert!(footer.contains("Bogor 2021–2030"), "{footer}");

    // One undo step brings the imported name and notes back.
    h.run_steps(40);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(h.state().doc.state.name, "kabupaten-bogor");
    assert_eq!(
        h.state().doc.state.notes,
        "Data diimpor dari kabupaten-bogor.csv."
    );
}

/// Three districts with midwives in post: A 12 short, B 15,5 over, C 3 over
/// in 2020 (the total shows a surplus of 6,5).
fn three_districts() -> (Scenario, f64) {
    let mut s = Scenario::example();
    let district = |code: &str, year: i32, midwives: Option<f64>| DataRow {
        region_code: code.into(),
        region_name: format!("Kabupaten {code}").into(),
        year,
        population: Some(1_000_000.0).into(),
        cbr: Some(20.0).into(),
        midwives_available: midwives.into(),
        ..Default::default()
    };
    s.data = vec![district("A", 2019, None), district("A", 2020, None)];
    s.params.population.base_year = 2019;
    let (d, p) = proyeksi_bidan::model::compute(&s).unwrap();
    let need = p.region_row(&d, 0, 2020).midwives_needed;
    s.data = vec![
        district("A", 2019, Some(need - 10.0)),
        district("A", 2020, Some(need - 12.0)),
        district("B", 2019, Some(need + 15.0)),
        district("B", 2020, Some(need + 15.5)),
        district("C", 2019, Some(need + 3.0)),
        district("C", 2020, Some(need + 3.0)),
    ];
    (s, need)
}

#[test]
fn the_total_names_the_regions_short_of_midwives() {
    let (s, _) = three_districts();
    let mut h = app_on(s, ScriptedDialogs::default());
    assert!(
        shows(
            &h,
            "1 dari 3 wilayah kurang bidan (2020), kekurangan seluruhnya 12,0 FTE"
        ),
        "the shortfall of A is not named beside the total"
    );
    assert!(shows(&h, "Selisih bidan 2020: +6,5 FTE"));

    // Region A: its own gap, and its own growth in the left panel.
    h.get_by_label("Wilayah:").click();
    settle(&mut h);
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("A Kabupaten A"))
        .click();
    settle(&mut h);
    assert!(shows(&h, "Selisih bidan 2020: −12,0 FTE"));
    assert!(!shows(
        &h,
        "1 dari 3 wilayah kurang bidan (2020), kekurangan seluruhnya 12,0 FTE"
    ));
    let (_, p) = h.state().results.ok().unwrap();
    let f = proyeksi_bidan::model::explain::Fmt::new(Lang::Id, p.rounding);
    let g = f.growth(p.growth_used[0]);
    assert!(shows(&h, &format!("g (Kabupaten A) = {g}")), "g of A");
}

#[test]
fn the_table_shows_a_regions_shortfall() {
    let (s, _) = three_districts();
    let mut h = app_on(s, ScriptedDialogs::default());
    h.get_by_label("Wilayah:").click();
    settle(&mut h);
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("A Kabupaten A"))
        .click();
    settle(&mut h);
    click(&mut h, Role::Button, "Tabel");
    let gap = fmt_fixed(-12.0, 1, Lang::Id);
    let cells: Vec<egui::Rect> = h.query_all_by_value(&gap).map(|n| n.rect()).collect();
    assert!(!cells.is_empty(), "no cell shows {gap}");
    // The shortfall is drawn in red, a surplus is not.
    let years: Vec<egui::Rect> = h.query_all_by_value("2020").map(|n| n.rect()).collect();
    let image = h.render().expect("rendered");
    let reddish = |r: egui::Rect| {
        let mut n = 0;
        for y in r.top() as u32..r.bottom() as u32 {
            for x in r.left() as u32..r.right() as u32 {
                if let Some(p) = image.get_pixel_checked(x, y)
                    && p.0[0] > 180
                    && p.0[1] < 90
                    && p.0[2] < 90
                {
                    n += 1;
                }
            }
        }
        n
    };
    assert!(
        cells.iter().any(|&c| reddish(c) > 5),
        "the shortfall {gap} is not drawn in red"
    );
    assert!(!years.is_empty());
    for y in years {
        assert_eq!(reddish(y), 0, "a year cell is drawn in red");
    }
}

#[test]
fn the_status_bar_follows_a_change_of_language() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("contoh.bidan");
    proyeksi_bidan::io::save_scenario(&path, &Scenario::example()).unwrap();
    let mut h = app_with(ScriptedDialogs {
        open: vec![Some(path.clone())],
        save: Vec::new(),
    });
    menu(&mut h, "Berkas", "Buka…");
    let opened = format!("Dibuka: {}", path.display());
    assert_eq!(h.state().status.clone().unwrap().text, opened);
    menu(&mut h, "Tampilan", "English");
    let opened = format!("Opened: {}", path.display());
    assert_eq!(h.state().status.clone().unwrap().text, opened);
    assert!(shows(&h, &opened));
}

#[test]
fn the_guide_and_export_windows_open_below_the_menu_bar() {
    let mut h = app_with(ScriptedDialogs::default());
    let menu_bottom = h
        .get_by_role_and_label(Role::Button, "Berkas")
        .rect()
        .bottom();
    menu(&mut h, "Bantuan", "Panduan");
    menu(&mut h, "Berkas", "Ekspor grafik/tabel…");
    for title in ["Panduan", "Ekspor"] {
        let top = h
            .query_all_by_label(title)
            .map(|n| n.rect().top())
            .fold(f32::INFINITY, f32::min);
        assert!(
            top > menu_bottom,
            "the window {title:?} starts at {top}, over the menu bar (to {menu_bottom})"
        );
    }
}

#[test]
fn the_workload_tab_explains_its_abbreviations() {
    let mut h = app_with(ScriptedDialogs::default());
    click(&mut h, Role::Button, "Beban kerja");
    let hover = |h: &mut App, starts: &str| {
        h.query_all_by(|n| text_of(n).is_some_and(|l| l.starts_with(starts)))
            .next()
            .expect("the label is shown")
            .hover();
        h.run_steps(60);
    };
    hover(&mut h, "IAF: ");
    assert!(
        shows_start(&h, "IAF (Individual Allowance Factor, WISN)"),
        "no tooltip for IAF"
    );
    hover(&mut h, "CAF: ");
    assert!(
        shows_start(&h, "CAF (Category Allowance Factor, WISN)"),
        "no tooltip for CAF"
    );
    hover(&mut h, "SW / SBK");
    assert!(
        shows_start(&h, "SW (Standard Workload"),
        "no tooltip for SW / SBK"
    );
    // The ANC standard the workload counts: the paper's package here.
    assert!(shows(
        &h,
        "Standar ANC beban kerja: paket 4 kunjungan di panel kiri, sama dengan proyeksi."
    ));
}

#[test]
fn a_projected_year_carries_the_midwives_in_post_forward() {
    let (s, _) = three_districts();
    let mut h = app_on(s, ScriptedDialogs::default());
    click(&mut h, Role::Button, "Beban kerja");
    h.get_by_label("Tahun yang dihitung").click();
    settle(&mut h);
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("2025 (proyeksi)"))
        .click();
    settle(&mut h);
    assert!(
        shows(
            &h,
            "Bidan yang ada diambil dari data 2020 dan dianggap tetap sampai 2025; isi \"Bidan yang ada\" bila jumlahnya akan berubah."
        ),
        "the midwives in post are not carried forward"
    );
    let staffing = h.state().results.staffing.clone().unwrap();
    assert_eq!(staffing.carried.map(|(_, y)| y), Some(2020));
    let (_, result, _) = staffing.outcome.unwrap();
    assert!(result.existing.is_some());
}

#[test]
fn choosing_the_year_already_shown_leaves_no_undo_step() {
    let mut h = app_with(ScriptedDialogs::default());
    click(&mut h, Role::Button, "Beban kerja");
    h.get_by_label("Tahun yang dihitung").click();
    settle(&mut h);
    h.get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("2017 (data)"))
        .click();
    h.run_steps(40);
    assert!(!h.state().doc.is_dirty(), "the same year made a change");
}

/// Pictures of every tab at 1280×800 and 1024×640 in both languages, for
/// looking at the window: `SHOTS=DIR cargo test --test ui_window -- --ignored`.
#[test]
#[ignore = "writes pictures for review; needs SHOTS=DIR"]
fn pictures_of_the_tabs() {
    use proyeksi_bidan::ui::{ProyeksiApp, Settings, Tab};
    let Some(dir) = std::env::var_os("SHOTS") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    let (districts, _) = three_districts();
    for (name, scenario) in [("contoh", Scenario::example()), ("kabupaten", districts)] {
        for (w, h) in [(1280.0, 800.0), (1024.0, 640.0)] {
            for lang in [Lang::Id, Lang::En] {
                for (tab, tab_name) in [
                    (Tab::Projection, "proyeksi"),
                    (Tab::Table, "tabel"),
                    (Tab::Workload, "beban"),
                    (Tab::Data, "data"),
                ] {
                    let settings = Settings {
                        lang,
                        ..Settings::default()
                    };
                    let scenario = scenario.clone();
                    let mut harness = egui_kittest::Harness::builder()
                        .with_size(egui::vec2(w, h))
                        .build_eframe(move |_cc| {
                            ProyeksiApp::new(
                                scenario,
                                None,
                                settings,
                                Box::new(ScriptedDialogs::default()),
                            )
                        });
                    harness.state_mut().tab = tab;
                    harness.run_steps(6);
                    let image = harness.render().expect("rendered");
                    let file = format!("{name}-{tab_name}-{w}x{h}-{lang:?}.png");
                    image.save(dir.join(file)).expect("saved");
                }
            }
        }
    }
}

/// Where the results table draws the year 2018, as a planner sees it.
fn table_year_cell(h: &mut App) -> egui::Rect {
    click(h, Role::Button, "Tabel");
    h.query_all_by_value("2018")
        .map(|n| n.rect())
        .next()
        .expect("2018 in the table")
}

#[test]
fn widening_a_data_column_leaves_the_results_table_alone() {
    let mut fresh = app_on(Scenario::example(), ScriptedDialogs::default());
    let before = table_year_cell(&mut fresh);

    let mut h = app_on(Scenario::example(), ScriptedDialogs::default());
    click(&mut h, Role::Button, "Data");
    let code = h
        .get_by_role_and_label(Role::TextInput, "Kode baris 1")
        .rect();
    let name_left = h
        .get_by_role_and_label(Role::TextInput, "Nama baris 1")
        .rect()
        .left();
    // Drag the edge between the code and name columns 120 points right.
    let start = egui::pos2((code.right() + name_left) / 2.0, code.center().y);
    h.hover_at(start);
    h.run_steps(2);
    h.drag_at(start);
    h.run_steps(2);
    for step in 1..=12 {
        h.hover_at(start + egui::vec2(10.0 * step as f32, 0.0));
        h.run_steps(1);
    }
    h.drop_at(start + egui::vec2(120.0, 0.0));
    h.run_steps(4);
    let moved = h
        .get_by_role_and_label(Role::TextInput, "Nama baris 1")
        .rect()
        .left();
    assert!(
        moved > name_left + 60.0,
        "the Data tab's column did not widen: {name_left} → {moved}"
    );
    // The results table is drawn exactly as in a window never touched.
    let after = table_year_cell(&mut h);
    assert_eq!(after, before);
}
