//! Writing a file so that it is never left half-written: the bytes go to a
//! temporary file beside the chosen one, which replaces it only when all is
//! written and synced. A link is followed and its target replaced; a device
//! or pipe is written directly; temporary files that a killed write left
//! behind are removed on the next write to the same folder. An error names
//! the file the planner chose, never the temporary one.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::sync_ahead::SyncAhead;
use crate::i18n::T;
use crate::model::Lang;

/// The name of every temporary file starts and ends so.
const TEMP_PREFIX: &str = ".proyeksi-bidan-";
const TEMP_SUFFIX: &str = ".tmp";
/// A temporary file not touched for this long belongs to a write that was
/// killed: no live write pauses that long. Sooner, where the system tells
/// that the process named in the file's name has ended.
const STALE_AFTER: Duration = Duration::from_secs(15 * 60);
/// Links followed before a loop is assumed.
const MAX_LINKS: usize = 40;

/// Why a file could not be written: the file the planner chose and the
/// system's reason.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub struct WriteError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

impl WriteError {
    /// "`path`: cannot write the file: reason", in the planner's language.
    pub fn message(&self, lang: Lang) -> String {
        lang.tf(
            T::write_error,
            &[
                ("path", &self.path.display()),
                ("reason", &reason(&self.source, lang)),
            ],
        )
    }
}

/// The system's reason in words, without any temporary file's name.
pub fn reason(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let key = match e.kind() {
        K::NotFound => Some(T::write_reason_no_folder),
        K::PermissionDenied => Some(T::write_reason_permission),
        K::StorageFull => Some(T::write_reason_disk_full),
        K::ReadOnlyFilesystem => Some(T::write_reason_read_only),
        K::IsADirectory => Some(T::write_reason_is_folder),
        _ => None,
    };
    match key {
        Some(key) => lang.t(key).to_string(),
        None => {
            // tempfile adds "at path …" naming its temporary file.
            let text = e.to_string();
            match text.find(" at path ") {
                Some(i) => text[..i].to_string(),
                None => text,
            }
        }
    }
}

/// Writes `bytes` to `path` safely.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Writes to `path` safely: `write` fills the file (buffered), which
/// replaces `path` only when all went well.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), WriteError> {
    let err = |source| WriteError {
        path: path.to_path_buf(),
        source,
    };
    let target = follow_links(path).map_err(err)?;
    match std::fs::metadata(&target) {
        Ok(m) if m.is_dir() => {
            return Err(err(std::io::Error::from(std::io::ErrorKind::IsADirectory)));
        }
        // A device or a pipe cannot be replaced: it is written directly.
        Ok(m) if !m.is_file() => return write_directly(&target, write).map_err(err),
        _ => {}
    }
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    remove_stale_temporaries(&dir);
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    let tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(&dir)
        .map_err(err)?;
    {
        // A large file goes to the disk while it is written.
        let mut buffered = std::io::BufWriter::new(SyncAhead::new(tmp.as_file()));
        write(&mut buffered).map_err(err)?;
        buffered.flush().map_err(err)?;
        let ahead = buffered.into_inner().map_err(|e| err(e.into_error()))?;
        ahead.finish();
    }
    // A temporary file is private (0600); the saved file gets the old
    // file's permissions, or those of an ordinary new file.
    let permissions = match std::fs::metadata(&target) {
        Ok(m) => m.permissions(),
        Err(_) => ordinary_permissions(tmp.as_file()).map_err(err)?,
    };
    tmp.as_file().set_permissions(permissions).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(&target).map_err(|e| err(e.error))?;
    Ok(())
}

/// The file a chain of links ends at (`path` itself when it is no link).
/// A link to a missing file gives that missing file, to be created.
fn follow_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let next = std::fs::read_link(&current)?;
                current = if next.is_absolute() {
                    next
                } else {
                    current.parent().map(|p| p.join(&next)).unwrap_or(next)
                };
            }
            _ => return Ok(current),
        }
    }
    Err(std::io::Error::other(format!(
        "more than {MAX_LINKS} links in a row"
    )))
}

fn write_directly(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let file = std::fs::OpenOptions::new().write(true).open(path)?;
    let mut buffered = std::io::BufWriter::new(file);
    write(&mut buffered)?;
    buffered.flush()?;
    // Flushing to a device reports a full device only on sync for some.
    match buffered.get_ref().sync_all() {
        Err(e) if e.kind() == std::io::ErrorKind::StorageFull => Err(e),
        _ => Ok(()),
    }
}

/// Removes the temporary files of killed writes in `dir`. Errors are
/// ignored: cleaning up must never stop a save.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age > STALE_AFTER);
        let stale = old || writer_has_ended(&name[TEMP_PREFIX.len()..]);
        if meta.is_file() && stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether the process whose id starts `rest` (`1234-Ab12Cd.tmp`) is known
/// to have ended. Only Linux tells it cheaply (`/proc`); elsewhere the age
/// alone decides.
fn writer_has_ended(rest: &str) -> bool {
    let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
        return false;
    };
    if pid == std::process::id() {
        return false;
    }
    cfg!(target_os = "linux")
        && Path::new("/proc/self").exists()
        && !Path::new(&format!("/proc/{pid}")).exists()
}

#[cfg(unix)]
fn ordinary_permissions(_file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn ordinary_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
}
