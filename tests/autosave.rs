//! The autosave: a copy beside, never over, the planner's file; offered
//! back after a crash; gone after a clean quit.

use std::time::{Duration, SystemTime};

use proyeksi_bidan::io::autosave::{Autosave, orphans};
use proyeksi_bidan::model::Scenario;

fn files(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_running_programs_copy_is_not_offered_and_a_clean_quit_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let own = dir.path().join("Kab Cianjur.bidan");
    let a = Autosave::start(dir.path()).unwrap();
    let mut s = Scenario::example();
    s.name = "Kab. Cianjur 2025".into();
    a.save(&s, Some(&own)).unwrap();
    // Still running: nothing to restore.
    assert_eq!(orphans(dir.path()), vec![]);
    // The planner's own file is never written.
    assert!(!own.exists());
    a.finish();
    assert_eq!(files(dir.path()), Vec::<String>::new());
}

#[test]
fn after_a_crash_the_copy_is_offered_with_its_name_time_and_file() {
    let dir = tempfile::tempdir().unwrap();
    let own = dir.path().join("Kab Cianjur.bidan");
    let a = Autosave::start(dir.path()).unwrap();
    let mut s = Scenario::example();
    s.name = "Kab. Cianjur 2025".into();
    s.params.working_time.annual_leave = 10.0;
    a.save(&s, Some(&own)).unwrap();
    // A crash: the program ends without a clean quit, its lock is freed.
    drop(a);
    let found = orphans(dir.path());
    assert_eq!(found.len(), 1);
    let o = &found[0];
    assert_eq!(o.name, "Kab. Cianjur 2025");
    assert_eq!(o.original.as_deref(), Some(own.as_path()));
    let now = SystemTime::now();
    assert_eq!(o.minutes_ago(now), 0);
    assert_eq!(o.minutes_ago(now + Duration::from_secs(5 * 60 + 10)), 5);
    assert_eq!(o.load().unwrap(), s);

    // A second program running meanwhile does not hide it, and is not
    // offered itself.
    let b = Autosave::start(dir.path()).unwrap();
    b.save(&Scenario::example(), None).unwrap();
    assert_eq!(orphans(dir.path()).len(), 1);
    o.discard();
    assert_eq!(orphans(dir.path()), vec![]);
    b.finish();
    assert_eq!(files(dir.path()), Vec::<String>::new());
}
