//! Autosave: a copy of the open document in the program's data folder,
//! never over the planner's own file. Each running program holds a lock on
//! its own lock file; an autosave whose lock is free belongs to a program
//! that ended without a clean quit (a crash, a power cut), and the next
//! start offers to restore it. A clean quit removes the copy.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::safe_write::{WriteError, write_atomic};
use super::scenario_file::{ScenarioFileError, load_scenario, scenario_to_string};
use crate::model::Scenario;

const PREFIX: &str = "autosave-";

/// What is stored beside the copy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Info {
    /// Seconds since 1970 (UTC) when the copy was written.
    saved_at: u64,
    /// The planner's own file, if the document has one.
    original: Option<PathBuf>,
    /// The scenario's name.
    name: String,
}

/// This program's autosave: its lock is held for as long as it lives.
#[derive(Debug)]
pub struct Autosave {
    dir: PathBuf,
    stem: String,
    /// Held open and locked: the sign that this program still runs.
    _lock: File,
}

/// An autosave left by a program that did not quit cleanly.
#[derive(Debug, Clone, PartialEq)]
pub struct Orphan {
    /// The copy itself (a scenario file).
    pub path: PathBuf,
    /// When it was written.
    pub saved_at: SystemTime,
    /// The planner's own file, if the document had one.
    pub original: Option<PathBuf>,
    /// The scenario's name.
    pub name: String,
}

impl Autosave {
    /// Starts this program's autosave in `dir` (created if missing).
    pub fn start(dir: &Path) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        // The process id keeps two running programs apart; a number is
        // added where the name is taken, by a lock still held or by the
        // copy of an earlier program (the same id again) awaiting restore.
        let pid = std::process::id();
        for n in 0..100 {
            let stem = if n == 0 {
                format!("{PREFIX}{pid}")
            } else {
                format!("{PREFIX}{pid}-{n}")
            };
            if dir.join(format!("{stem}.bidan")).exists() {
                continue;
            }
            let lock = File::options()
                .create(true)
                .truncate(false)
                .write(true)
                .open(dir.join(format!("{stem}.lock")))?;
            if lock.try_lock().is_ok() {
                return Ok(Autosave {
                    dir: dir.to_path_buf(),
                    stem,
                    _lock: lock,
                });
            }
        }
        Err(std::io::Error::other("no free autosave lock"))
    }

    fn copy_path(&self) -> PathBuf {
        self.dir.join(format!("{}.bidan", self.stem))
    }

    fn info_path(&self) -> PathBuf {
        self.dir.join(format!("{}.info", self.stem))
    }

    /// Writes the copy of `scenario` (whose own file is `original`).
    pub fn save(&self, scenario: &Scenario, original: Option<&Path>) -> Result<(), WriteError> {
        write_atomic(&self.copy_path(), scenario_to_string(scenario).as_bytes())?;
        let info = Info {
            saved_at: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
            original: original.map(Path::to_path_buf),
            name: scenario.name.clone(),
        };
        let text = ron::to_string(&info).unwrap_or_default();
        write_atomic(&self.info_path(), text.as_bytes())
    }

    /// A clean quit: the copy, its note and the lock file go.
    pub fn finish(self) {
        let _ = std::fs::remove_file(self.copy_path());
        let _ = std::fs::remove_file(self.info_path());
        let lock = self.dir.join(format!("{}.lock", self.stem));
        drop(self._lock);
        let _ = std::fs::remove_file(lock);
    }
}

/// The autosaves in `dir` left by programs that no longer run, newest
/// first.
pub fn orphans(dir: &Path) -> Vec<Orphan> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(stem) = name
            .strip_prefix(PREFIX)
            .and_then(|s| s.strip_suffix(".bidan"))
        else {
            continue;
        };
        let stem = format!("{PREFIX}{stem}");
        if is_held(&dir.join(format!("{stem}.lock"))) {
            continue;
        }
        let info: Option<Info> = std::fs::read_to_string(dir.join(format!("{stem}.info")))
            .ok()
            .and_then(|t| ron::from_str(&t).ok());
        let modified = entry
            .metadata()
            .and_then(|m| m.modified())
            .unwrap_or(UNIX_EPOCH);
        out.push(match info {
            Some(info) => Orphan {
                path,
                saved_at: UNIX_EPOCH + Duration::from_secs(info.saved_at),
                original: info.original,
                name: info.name,
            },
            None => Orphan {
                path,
                saved_at: modified,
                original: None,
                name: String::new(),
            },
        });
    }
    out.sort_by_key(|o| std::cmp::Reverse(o.saved_at));
    out
}

/// Whether a running program holds the lock file at `path`.
fn is_held(path: &Path) -> bool {
    match File::options().write(true).open(path) {
        Ok(f) => f.try_lock().is_err(),
        // No lock file: nobody holds it.
        Err(_) => false,
    }
}

impl Orphan {
    /// Reads the copy back.
    pub fn load(&self) -> Result<Scenario, ScenarioFileError> {
        load_scenario(&self.path)
    }

    /// Removes the copy, its note and its lock file (after restoring it or
    /// when the planner does not want it).
    pub fn discard(&self) {
        let _ = std::fs::remove_file(&self.path);
        for ext in ["info", "lock"] {
            let _ = std::fs::remove_file(self.path.with_extension(ext));
        }
    }

    /// Minutes since the copy was written (0 when the clock went back).
    pub fn minutes_ago(&self, now: SystemTime) -> u64 {
        now.duration_since(self.saved_at)
            .map_or(0, |d| d.as_secs() / 60)
    }
}
