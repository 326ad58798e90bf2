//! Saving never leaves a half-written file, follows links, writes devices
//! directly, removes what killed writes left, and names the chosen file.

use std::path::Path;
use std::time::{Duration, SystemTime};

use proyeksi_bidan::io::safe_write::{write_atomic, write_atomic_with};
use proyeksi_bidan::model::{Lang, Scenario};

fn temporaries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".proyeksi-bidan-"))
        .collect();
    names.sort();
    names
}

#[test]
fn a_failed_write_keeps_the_old_file_and_leaves_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hasil.csv");
    std::fs::write(&path, "lama").unwrap();
    let e = write_atomic_with(&path, |w| {
        w.write_all(b"baru, setengah")?;
        Err(std::io::Error::other("listrik padam"))
    })
    .unwrap_err();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "lama");
    assert_eq!(temporaries(dir.path()), Vec::<String>::new());
    let text = e.message(Lang::En);
    assert!(text.starts_with(&format!("{}: cannot write the file: ", path.display())));
    assert_eq!(text.matches("cannot write").count(), 1, "{text}");
}

#[cfg(unix)]
#[test]
fn a_link_is_followed_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("data").join("skenario.bidan");
    std::fs::create_dir(dir.path().join("data")).unwrap();
    std::fs::write(&target, "lama").unwrap();
    let link = dir.path().join("pintasan.bidan");
    std::os::unix::fs::symlink("data/skenario.bidan", &link).unwrap();
    write_atomic(&link, b"baru").unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "baru");

    // A link to a file not yet there creates that file.
    let dangling = dir.path().join("baru.bidan");
    std::os::unix::fs::symlink("data/dibuat.bidan", &dangling).unwrap();
    write_atomic(&dangling, b"isi").unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("data/dibuat.bidan")).unwrap(),
        "isi"
    );
}

#[test]
fn temporaries_of_killed_writes_are_removed_on_the_next_write() {
    let dir = tempfile::tempdir().unwrap();
    let stale = dir.path().join(".proyeksi-bidan-Ab12Cd.tmp");
    let live = dir.path().join(".proyeksi-bidan-Zz99Yy.tmp");
    let other = dir.path().join("catatan.tmp");
    // Named by a process that has ended: removed at once on Linux.
    let ended = dir.path().join(".proyeksi-bidan-999999999-Qq11Rr.tmp");
    for p in [&stale, &live, &other, &ended] {
        std::fs::write(p, vec![0u8; 1024]).unwrap();
    }
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for p in [&stale, &other] {
        std::fs::File::options()
            .write(true)
            .open(p)
            .unwrap()
            .set_modified(hour_ago)
            .unwrap();
    }
    write_atomic(&dir.path().join("hasil.csv"), b"a;b\n").unwrap();
    // The old one goes; one of a write still running stays; other files
    // are never touched.
    assert!(!stale.exists());
    assert!(live.exists());
    assert!(other.exists());
    assert_eq!(ended.exists(), !cfg!(target_os = "linux"));
}

#[test]
fn errors_name_the_chosen_file_and_the_reason_in_the_planners_language() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("tidak-ada").join("hasil.xlsx");
    let e = write_atomic(&missing, b"x").unwrap_err();
    assert_eq!(
        e.message(Lang::Id),
        format!(
            "{}: berkas tidak dapat ditulis: foldernya tidak ada",
            missing.display()
        )
    );
    assert_eq!(
        e.message(Lang::En),
        format!(
            "{}: cannot write the file: the folder does not exist",
            missing.display()
        )
    );
    let folder = dir.path().join("folder.csv");
    std::fs::create_dir(&folder).unwrap();
    let e = write_atomic(&folder, b"x").unwrap_err();
    assert!(
        e.message(Lang::Id)
            .ends_with("nama ini adalah sebuah folder")
    );
    assert!(folder.is_dir());

    // The scenario's own error says "cannot write" once, with no
    // temporary file's name.
    let e = proyeksi_bidan::io::save_scenario(&missing, &Scenario::example()).unwrap_err();
    let text = e.to_string();
    assert_eq!(text.matches("cannot write").count(), 1, "{text}");
    assert!(!text.contains(".proyeksi-bidan-"), "{text}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_device_is_written_directly_and_a_full_one_reported() {
    use std::os::unix::fs::FileTypeExt;
    write_atomic(Path::new("/dev/null"), b"apa saja").unwrap();
    let e = write_atomic(Path::new("/dev/full"), &[1u8; 100_000]).unwrap_err();
    assert_eq!(
        e.message(Lang::Id),
        "/dev/full: berkas tidak dapat ditulis: disk penuh"
    );
    for device in ["/dev/null", "/dev/full"] {
        assert!(
            std::fs::metadata(device)
                .unwrap()
                .file_type()
                .is_char_device()
        );
    }
}

/// Two versions of a large scenario (about 2 MB each), as saved text.
fn two_versions() -> (String, String) {
    use proyeksi_bidan::io::scenario_to_string;
    let mut a = Scenario::example();
    a.data = proyeksi_bidan::model::synthetic::regions(4_000, 7);
    let mut b = a.clone();
    b.name = "Versi kedua".into();
    b.params.working_time.annual_leave = 10.0;
    (scenario_to_string(&a), scenario_to_string(&b))
}

/// Run only as the child of the test below: saves the two versions in
/// turn, for ever, until it is killed.
#[test]
#[ignore = "the child process of a_kill_during_save_never_loses_the_file"]
fn child_saves_until_killed() {
    let Ok(target) = std::env::var("PROYEKSI_BIDAN_SAVE_TARGET") else {
        return;
    };
    // The two versions, made once by the parent.
    let versions = std::env::var("PROYEKSI_BIDAN_SAVE_VERSIONS").unwrap();
    let a = std::fs::read(format!("{versions}.a")).unwrap();
    let b = std::fs::read(format!("{versions}.b")).unwrap();
    let target = std::path::PathBuf::from(target);
    println!("saving");
    loop {
        for text in [&a, &b] {
            write_atomic(&target, text).unwrap();
        }
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_kill_during_save_never_loses_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("skenario.bidan");
    let (a, b) = two_versions();
    std::fs::write(&target, &a).unwrap();
    let versions = tempfile::tempdir().unwrap();
    let prefix = versions.path().join("v");
    std::fs::write(prefix.with_extension("a"), &a).unwrap();
    std::fs::write(prefix.with_extension("b"), &b).unwrap();
    let me = std::env::current_exe().unwrap();
    // A fixed sequence of waits between 0 and 30 ms, so that kills fall
    // in every part of a save (a save takes a few milliseconds).
    let mut state: u64 = 2017;
    let kills = 300;
    let mut inside = 0;
    for i in 0..kills {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let wait = Duration::from_micros((state >> 33) % 30_000);
        let mut child = std::process::Command::new(&me)
            .args([
                "--ignored",
                "--exact",
                "child_saves_until_killed",
                "--test-threads=1",
                "--nocapture",
            ])
            .env("PROYEKSI_BIDAN_SAVE_TARGET", &target)
            .env("PROYEKSI_BIDAN_SAVE_VERSIONS", &prefix)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Wait until the child has made its scenarios and starts saving.
        let mut lines =
            std::io::BufRead::lines(std::io::BufReader::new(child.stdout.take().unwrap()));
        while let Some(Ok(line)) = lines.next() {
            if line.contains("saving") {
                break;
            }
        }
        std::thread::sleep(wait);
        child.kill().unwrap();
        child.wait().unwrap();
        let now = std::fs::read_to_string(&target).unwrap();
        assert!(
            now == a || now == b,
            "kill {i}: the file is neither version"
        );
        // A kill inside a save leaves its temporary until the next save.
        if !temporaries(dir.path()).is_empty() {
            inside += 1;
        }
    }
    assert!(
        inside > kills / 10,
        "only {inside} kills fell inside a save"
    );
    write_atomic(&target, a.as_bytes()).unwrap();
    assert_eq!(temporaries(dir.path()), Vec::<String>::new());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), a);
}
