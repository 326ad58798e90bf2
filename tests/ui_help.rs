//! Help inside the window: the guide opened by F1, the menu and each
//! parameter's "?", its search; the welcome of a first start and its three
//! actions; "about" with the version and where files are kept.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use proyeksi_bidan::model::{Lang, Scenario};
use proyeksi_bidan::ui::help::guide_text::Guide;
use proyeksi_bidan::ui::{ProyeksiApp, Settings};

mod common;
use common::{App, ScriptedDialogs, app_with};

fn settle(h: &mut App) {
    h.run_steps(4);
}

/// Clicks `item` in the menu `menu` (an item with a shortcut is named with it).
fn menu(h: &mut App, menu: &str, item: &str) {
    h.get_by_role_and_label(Role::Button, menu).click();
    settle(h);
    h.get_by(|n| {
        n.label()
            .is_some_and(|l| l == item || l.starts_with(&format!("{item} ")))
    })
    .click();
    settle(h);
}

/// The app as a first start sees it: no settings kept, `lang`.
fn first_start(scenario: Scenario, dialogs: ScriptedDialogs, settings: Settings) -> App {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |_cc| {
            ProyeksiApp::new(scenario, None, settings, Box::new(dialogs)).with_welcome()
        });
    settle(&mut h);
    h
}

fn app_in(lang: Lang) -> App {
    let settings = Settings {
        lang,
        welcome_dismissed: true,
        ..Settings::default()
    };
    first_start(Scenario::example(), ScriptedDialogs::default(), settings)
}

/// Whether some node shows a text for which `pred` holds (a label's text
/// is its value, a widget's its name).
fn shows_text(h: &App, pred: impl Fn(&str) -> bool) -> bool {
    h.query_all_by(|n| n.value().or_else(|| n.label()).is_some_and(|t| pred(&t)))
        .next()
        .is_some()
}

fn shows(h: &App, label: &str) -> bool {
    h.query_all_by_label(label).next().is_some()
}

/// Types `text` into the guide's search box.
fn search(h: &mut App, name: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, name).focus();
    settle(h);
    h.get_by_role_and_label(Role::TextInput, name)
        .type_text(text);
    settle(h);
}

/// The heading `title` is drawn on the guide's page, between the search
/// box and the bottom of the window (not scrolled out of sight).
fn heading_in_sight(h: &App, search_box: &str, title: &str) -> bool {
    let top = h
        .get_by_role_and_label(Role::TextInput, search_box)
        .rect()
        .bottom();
    h.query_all_by_role_and_label(Role::Label, title)
        .any(|n| n.rect().top() > top && n.rect().bottom() < 800.0)
}

#[test]
fn f1_and_the_help_menu_open_the_guide() {
    let mut h = app_with(ScriptedDialogs::default());
    assert!(!h.state().guide.open);
    h.key_press(egui::Key::F1);
    settle(&mut h);
    assert!(h.state().guide.open);
    assert!(shows(&h, "1 Apa yang dijawab program ini"));
    assert!(shows(&h, "Cari di panduan"));

    h.state_mut().guide.open = false;
    settle(&mut h);
    assert!(!shows(&h, "Cari di panduan"));
    menu(&mut h, "Bantuan", "Panduan");
    assert!(h.state().guide.open);
    assert!(shows(&h, "Cari di panduan"));
}

#[test]
fn searching_the_figure_finds_the_wke_entry_in_indonesian() {
    let mut h = app_in(Lang::Id);
    h.key_press(egui::Key::F1);
    settle(&mut h);
    search(&mut h, "Cari di panduan", "69.825");
    assert_eq!(h.state().guide.query(), "69.825");
    let wke = "3.5 Waktu kerja efektif (WKE)";
    assert!(heading_in_sight(&h, "Cari di panduan", wke));
    // Sections without the figure are not listed.
    assert!(!shows(&h, "8 Cara mengutip"));
    assert!(!shows(&h, "4.7 Cuti tahunan (B)"));
    // Where it comes from is written in the entry.
    assert!(shows_text(&h, |t| t.contains("(266 / 6) × 37,5 × (1 − 0,30)")));
    // A word no section holds: nothing, and a plain message.
    h.get_by_role_and_label(Role::TextInput, "Cari di panduan")
        .type_text(" zebra");
    settle(&mut h);
    assert!(shows(&h, "Tidak ada yang cocok"));
    assert!(!shows(&h, wke));
    h.get_by_role_and_label(Role::Button, "Hapus pencarian")
        .click();
    settle(&mut h);
    assert_eq!(h.state().guide.query(), "");
}

#[test]
fn searching_the_figure_finds_the_wke_entry_in_english() {
    let mut h = app_in(Lang::En);
    menu(&mut h, "Help", "Guide");
    search(&mut h, "Search the guide", "69,825");
    assert!(heading_in_sight(
        &h,
        "Search the guide",
        "3.5 Effective working time (WKE)"
    ));
    assert!(!shows(&h, "8 How to cite"));
}

#[test]
fn a_parameters_link_opens_the_guide_at_its_entry() {
    let mut h = app_with(ScriptedDialogs::default());
    h.get_by_label("Panduan: Cuti tahunan (B)").click();
    settle(&mut h);
    assert!(h.state().guide.open);
    assert_eq!(h.state().guide.current(), "annual-leave");
    assert!(heading_in_sight(
        &h,
        "Cari di panduan",
        "4.7 Cuti tahunan (B)"
    ));
    // The entry shows the parameter's tooltip.
    assert!(shows(
        &h,
        "Hari cuti tahunan. Makalah: 12 (UU 13/2003). Bawaan 12 hari."
    ));

    // The last entry of the chapter is scrolled into sight.
    h.get_by_label("Panduan: Pembulatan").click();
    settle(&mut h);
    assert_eq!(h.state().guide.current(), "rounding");
    assert!(heading_in_sight(&h, "Cari di panduan", "4.21 Pembulatan"));
    assert!(!heading_in_sight(&h, "Cari di panduan", "4.1 Preset"));
    // A search from there shows its best answer at the top, in sight.
    search(&mut h, "Cari di panduan", "69.825");
    assert!(heading_in_sight(
        &h,
        "Cari di panduan",
        "3.5 Waktu kerja efektif (WKE)"
    ));
    // Clearing the search goes back to the entry.
    h.get_by_role_and_label(Role::Button, "Hapus pencarian")
        .click();
    settle(&mut h);
    assert!(heading_in_sight(&h, "Cari di panduan", "4.21 Pembulatan"));

    // The live WKE figure links to the entry that explains it.
    h.get_by_label("Panduan: WKE").click();
    settle(&mut h);
    assert_eq!(h.state().guide.current(), "wke");
    assert!(heading_in_sight(
        &h,
        "Cari di panduan",
        "3.5 Waktu kerja efektif (WKE)"
    ));
}

#[test]
fn the_welcome_shows_on_a_first_start_only() {
    let title = "Selamat datang di Proyeksi Bidan";
    // The window as every other test starts it: no welcome.
    let h = app_with(ScriptedDialogs::default());
    assert!(!shows(&h, title));

    let mut h = first_start(
        Scenario::example(),
        ScriptedDialogs::default(),
        Settings::default(),
    );
    assert!(shows(&h, title));
    h.get_by_role_and_label(Role::Button, "Tutup").click();
    settle(&mut h);
    assert!(!shows(&h, title));
    let kept = h.state().settings.clone();
    assert!(kept.welcome_dismissed);

    // The next start, with the settings kept: no welcome.
    let h = first_start(Scenario::example(), ScriptedDialogs::default(), kept);
    assert!(!shows(&h, title));
}

#[test]
fn the_welcomes_guide_button_opens_the_walk_through() {
    let mut h = first_start(
        Scenario::example(),
        ScriptedDialogs::default(),
        Settings::default(),
    );
    h.get_by_role_and_label(Role::Button, "Buka panduan")
        .click();
    settle(&mut h);
    assert!(!shows(&h, "Selamat datang di Proyeksi Bidan"));
    assert!(h.state().settings.welcome_dismissed);
    assert!(h.state().guide.open);
    assert_eq!(h.state().guide.current(), "walkthrough");
    assert!(heading_in_sight(
        &h,
        "Cari di panduan",
        "2 Lima menit dengan contoh"
    ));
}

#[test]
fn the_welcomes_example_button_opens_the_example() {
    let mut other = Scenario::example();
    other.name = "Puskesmas Cigombong".into();
    other.params.working_time.allowance_percent = 25.0;
    let mut h = first_start(other, ScriptedDialogs::default(), Settings::default());
    assert_eq!(h.state().doc.state.name, "Puskesmas Cigombong");
    h.get_by_role_and_label(Role::Button, "Buka contoh").click();
    settle(&mut h);
    assert_eq!(h.state().doc.state.name, Scenario::example().name);
    assert_eq!(
        h.state().doc.state.params.working_time.allowance_percent,
        30.0
    );
    assert!(h.state().settings.welcome_dismissed);
}

#[test]
fn the_welcomes_import_button_imports_a_data_file() {
    let csv = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/paper_id.csv");
    let dialogs = ScriptedDialogs {
        open: vec![Some(csv)],
        save: Vec::new(),
    };
    let mut h = first_start(Scenario::example(), dialogs, Settings::default());
    h.get_by_role_and_label(Role::Button, "Impor data…").click();
    settle(&mut h);
    h.state_mut().import.wait();
    settle(&mut h);
    assert!(shows(&h, "Pratinjau data"));
    assert!(h.state().settings.welcome_dismissed);
}

#[test]
fn about_shows_the_version_licence_and_where_files_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let autosaves = dir.path().join("autosave");
    let settings = Settings {
        welcome_dismissed: true,
        ..Settings::default()
    };
    let folder = autosaves.clone();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |_cc| {
            ProyeksiApp::new(
                Scenario::example(),
                None,
                settings,
                Box::new(ScriptedDialogs::default()),
            )
            .with_autosave(&folder)
        });
    settle(&mut h);
    menu(&mut h, "Bantuan", "Tentang");
    assert!(shows(&h, &format!("Versi {}", env!("CARGO_PKG_VERSION"))));
    assert!(shows(&h, "Lisensi: MIT OR Apache-2.0"));
    let autosave_line = format!(
        "Salinan otomatis pekerjaan yang belum disimpan: {}",
        autosaves.display()
    );
    assert!(shows(&h, &autosave_line), "{autosave_line}");
    assert!(shows_text(&h, |t| t.starts_with("Pengaturan (bahasa")));
    assert!(shows_text(&h, |t| t.contains("Dewi dan Yuyun Umniyatun")));
}

#[test]
fn every_chapter_of_the_guide_draws_in_both_languages() {
    for (lang, search_box) in [
        (Lang::Id, "Cari di panduan"),
        (Lang::En, "Search the guide"),
    ] {
        let mut h = app_in(lang);
        h.key_press(egui::Key::F1);
        settle(&mut h);
        let guide = Guide::bundled(lang);
        let chapters: Vec<_> = guide.sections.iter().filter(|s| s.level == 2).collect();
        assert_eq!(chapters.len(), 10);
        for s in chapters {
            // The chapter's line in the contents, scrolled into sight.
            let line = |n: &egui_kittest::kittest::AccessKitNode<'_>| {
                n.label().as_deref() == Some(s.title.as_str()) && n.role() != Role::Label
            };
            h.get_by(line).scroll_to_me();
            settle(&mut h);
            h.get_by(line).click();
            settle(&mut h);
            assert_eq!(h.state().guide.current(), s.anchor);
            assert!(
                heading_in_sight(&h, search_box, &s.title),
                "{lang:?}: {}",
                s.title
            );
        }
    }
}

/// The window as `proyeksi-bidan [--show WINDOW]` starts it (without a
/// store for settings, as under the tests: no welcome unless asked).
fn started_with(show: Option<proyeksi_bidan::ui::help::HelpWindow>) -> App {
    use proyeksi_bidan::ui::{Tab, WindowStart};
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| {
            ProyeksiApp::from_creation(
                cc,
                WindowStart {
                    file: None,
                    screenshot: None,
                    tab: Tab::Projection,
                    lang: Some(Lang::Id),
                    started: std::time::Instant::now(),
                    show,
                },
            )
        });
    settle(&mut h);
    h
}

#[test]
fn the_command_line_can_open_a_help_window_at_start() {
    use proyeksi_bidan::cli::{self, Outcome, ShowArg};
    use proyeksi_bidan::ui::help::HelpWindow;
    let mut out = Vec::new();
    match cli::run(["proyeksi-bidan", "--show", "guide"], &mut out) {
        Ok(Outcome::Window { show, .. }) => assert_eq!(show, Some(ShowArg::Guide)),
        other => panic!("expected the window, got {other:?}"),
    }

    let h = started_with(None);
    assert!(!h.state().guide.open);
    assert!(!h.state().show_welcome);
    assert!(!h.state().show_about);

    let h = started_with(Some(HelpWindow::Guide));
    assert_eq!(h.state().guide.current(), "wke");
    assert!(heading_in_sight(
        &h,
        "Cari di panduan",
        "3.5 Waktu kerja efektif (WKE)"
    ));
    let h = started_with(Some(HelpWindow::Welcome));
    assert!(shows(&h, "Selamat datang di Proyeksi Bidan"));
    let h = started_with(Some(HelpWindow::About));
    assert!(shows(&h, &format!("Versi {}", env!("CARGO_PKG_VERSION"))));
}
