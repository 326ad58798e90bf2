//! The Peta tab: the pointer over a province shows its figures, a click
//! selects its region.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use proyeksi_bidan::io::examples::provinces;

mod common;
use common::{App, ScriptedDialogs, app_on};

fn settle(h: &mut App) {
    h.run_steps(6);
}

fn pointer_to(h: &mut App, pos: egui::Pos2) {
    h.input_mut().events.push(egui::Event::PointerMoved(pos));
    settle(h);
}

fn shows(h: &App, text: &str) -> bool {
    h.query_all_by(|n| n.label().or(n.value()).is_some_and(|l| l.contains(text)))
        .next()
        .is_some()
}

#[test]
fn hovering_a_province_shows_its_figures_and_a_click_selects_it() {
    let mut s = provinces().unwrap();
    // Jawa Tengah with 1.000 midwives in post in 2020 (it needs
    // 1.475,63: 36.516.035 × 17,5 / 1.000 × 1,10 × 146,58 / 69.825): the
    // gap −475,63 shows.
    for row in &mut s.data {
        if row.year == 2020 && row.region_code.as_str() == "33" {
            row.midwives_available = Some(1000.0).into();
        }
    }
    let mut h = app_on(s, ScriptedDialogs::default());
    h.get_by_role_and_label(Role::Button, "Peta").click();
    settle(&mut h);
    assert!(shows(&h, "Selisih bidan (tersedia − dibutuhkan)"));
    // Semarang's hinterland, in Jawa Tengah.
    let pos = h.state().map_panel.screen_pos(110.2, -7.2).unwrap();
    pointer_to(&mut h, pos);
    assert!(shows(&h, "Jawa Tengah"), "no hover text");
    assert!(shows(&h, "Bidan tersedia: 1.000,00"));
    assert!(shows(&h, "Selisih: -475,63") || shows(&h, "Selisih: −475,63"));
    assert_eq!(h.state().region, None);

    h.input_mut().events.push(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.input_mut().events.push(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    settle(&mut h);
    let (data, _) = h.state().results.ok().unwrap();
    let r = h.state().region.expect("no region selected");
    assert_eq!(data.names[r], "Jawa Tengah");
    // The projection of the region chosen is what the window shows.
    assert_eq!(h.state().subject_name(), "Jawa Tengah");
    // The map outlines it and says so.
    assert!(shows(&h, "Terpilih: Jawa Tengah (bergaris tebal di peta)"));
    let map = proyeksi_bidan::io::geo::bundled_map().unwrap();
    let outlined: Vec<&str> = h
        .state()
        .map_panel
        .outlined()
        .iter()
        .map(|&i| map.provinces[i].name.as_str())
        .collect();
    assert_eq!(outlined, ["Jawa Tengah"]);

    // A parameter changed: the map shows the new figures (1,20 pregnant
    // women per birth: 1.475,63 × 1,20 / 1,10 = 1.609,78 needed).
    h.state_mut().doc.state.params.population.coefficient = 1.2;
    settle(&mut h);
    let pos = h.state().map_panel.screen_pos(110.2, -7.2).unwrap();
    pointer_to(&mut h, pos);
    assert!(shows(&h, "Bidan dibutuhkan: 1.609,78"), "stale map");

    // Papua (BPS 94) is shown on the four provinces of its former area;
    // chosen, all four are outlined.
    let pos = h.state().map_panel.screen_pos(138.9, -4.1).unwrap();
    pointer_to(&mut h, pos);
    assert!(shows(&h, "(Papua)"), "Papua's successor not matched");
    let papua = {
        let (data, _) = h.state().results.ok().unwrap();
        data.names.iter().position(|n| n == "Papua").unwrap()
    };
    h.state_mut().region = Some(papua);
    settle(&mut h);
    assert_eq!(h.state().map_panel.outlined().len(), 4);
    assert!(shows(&h, "Terpilih: Papua ("));
}

#[test]
fn the_map_is_exported_from_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("peta.svg");
    let dialogs = ScriptedDialogs {
        open: Vec::new(),
        save: vec![Some(svg.clone())],
    };
    let mut h = app_on(provinces().unwrap(), dialogs);
    h.get_by_role_and_label(Role::Button, "Berkas").click();
    settle(&mut h);
    h.get_by_role_and_label(Role::Button, "Ekspor grafik/tabel…")
        .click();
    settle(&mut h);
    // From another tab: the map of the last data year, by need (the
    // sample has no midwives).
    h.get_by_role_and_label(Role::Button, "Simpan peta SVG…")
        .click();
    settle(&mut h);
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("Bidan dibutuhkan (FTE) per provinsi, 2020"));
    // Jawa Barat, the largest need, in the darkest blue.
    assert!(
        text.contains("#08519C") || text.contains("#08519c"),
        "colour"
    );
    let status = h.state().status.clone().unwrap();
    assert!(!status.error, "{status:?}");
}

#[test]
fn a_legend_class_is_never_split_across_lines_in_a_narrow_window() {
    let mut h = common::app_on_system(
        provinces().unwrap(),
        Box::new(ScriptedDialogs::default()),
        egui::vec2(1024.0, 640.0),
    );
    h.get_by_role_and_label(Role::Button, "Peta").click();
    settle(&mut h);
    // The need classes of the 2020 sample; the last is the one that met
    // the window's edge.
    for class in ["28,4 – 412,8", "1.566,3 – 1.950,8"] {
        let label = h.get_by_label(class).rect();
        let swatch_line = h.get_by_label("Warna menurut").rect().height();
        assert!(
            label.height() < 1.5 * swatch_line,
            "{class} wraps: {label:?}"
        );
    }
}
