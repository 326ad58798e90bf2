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
    for p in [&stale, &live, &other] {
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
