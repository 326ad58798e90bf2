//! Work is never lost: unsaved changes are copied to the data folder, and
//! the next start after a crash offers them back.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use proyeksi_bidan::model::Scenario;
use proyeksi_bidan::ui::{ProyeksiApp, Settings};

mod common;
use common::{App, ScriptedDialogs, retype};

fn app_saving_into(dir: &std::path::Path) -> App {
    let dir = dir.to_path_buf();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |_cc| {
            ProyeksiApp::new(
                Scenario::example(),
                None,
                Settings::default(),
                Box::new(ScriptedDialogs::default()),
            )
            .with_autosave(&dir)
        });
    h.run_steps(4);
    h
}

#[test]
fn after_a_crash_the_unsaved_work_is_offered_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_saving_into(dir.path());
    // Nothing left from before: no offer.
    assert!(h.query_by_label("Pekerjaan yang belum disimpan").is_none());
    retype(&mut h, "Cuti tahunan (B)", "10");
    assert_eq!(h.state().doc.state.params.working_time.annual_leave, 10.0);
    // The window loses focus: the copy is written at once.
    h.event(egui::Event::WindowFocused(false));
    h.run_steps(4);
    let copies: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".bidan"))
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
    // The program dies without a clean quit.
    drop(h);

    let mut h = app_saving_into(dir.path());
    assert!(h.query_by_label("Pekerjaan yang belum disimpan").is_some());
    assert!(
        h.query_all_by(|n| n
            .value()
            .or(n.label())
            .is_some_and(|l| l.contains("Indonesia 2017–2020")))
            .next()
            .is_some()
    );
    h.get_by_role_and_label(Role::Button, "Pulihkan").click();
    h.run_steps(4);
    assert!(h.query_by_label("Pekerjaan yang belum disimpan").is_none());
    let doc = &h.state().doc;
    assert_eq!(doc.state.params.working_time.annual_leave, 10.0);
    // Restored work is unsaved until the planner saves it.
    assert!(doc.is_dirty());
    // The copy was taken back: a third start offers nothing.
    drop(h);
    let h = app_saving_into(dir.path());
    assert!(h.query_by_label("Pekerjaan yang belum disimpan").is_none());
}

#[test]
fn a_discarded_copy_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_saving_into(dir.path());
    retype(&mut h, "Cuti tahunan (B)", "10");
    h.event(egui::Event::WindowFocused(false));
    h.run_steps(4);
    drop(h);
    let mut h = app_saving_into(dir.path());
    h.get_by_role_and_label(Role::Button, "Buang salinan")
        .click();
    h.run_steps(4);
    // The example is shown as it was, with nothing to save.
    assert_eq!(h.state().doc.state.params.working_time.annual_leave, 12.0);
    assert!(!h.state().doc.is_dirty());
    drop(h);
    let h = app_saving_into(dir.path());
    assert!(h.query_by_label("Pekerjaan yang belum disimpan").is_none());
}
