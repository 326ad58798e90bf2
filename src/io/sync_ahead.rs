//! A large file handed to the disk while it is still being written. Past
//! every [`SYNC_EVERY`] bytes a second thread syncs what has been written
//! so far; the writing goes on meanwhile, so the sync that ends a safe write
//! ([`super::safe_write`]) has only the last piece left to wait for. A
//! national results table is 100–200 MB: synced only at its end, the wait
//! was a fifth of the whole export. A small file (a scenario) never starts
//! the thread.

use std::fs::File;
use std::io::Write;
use std::sync::mpsc::{SyncSender, TrySendError};
use std::thread::JoinHandle;

/// Bytes written between two syncs.
pub const SYNC_EVERY: u64 = 16 << 20;

/// `file`, written through, synced ahead by a second thread.
pub struct SyncAhead<'f> {
    file: &'f File,
    /// Bytes written since the last sync was asked for.
    since: u64,
    syncer: Option<(SyncSender<()>, JoinHandle<()>)>,
}

impl<'f> SyncAhead<'f> {
    pub fn new(file: &'f File) -> Self {
        SyncAhead {
            file,
            since: 0,
            syncer: None,
        }
    }

    /// Asks for a sync of what is written; one already waiting covers it.
    fn ask(&mut self) {
        if self.syncer.is_none() {
            // Without a second handle (or thread) the file is synced at its
            // end only, as any file is.
            let Ok(copy) = self.file.try_clone() else {
                return;
            };
            let (ask, asked) = std::sync::mpsc::sync_channel::<()>(1);
            let spawned = std::thread::Builder::new()
                .name("sync-ahead".into())
                .spawn(move || {
                    for () in asked {
                        // An error here is met again by the sync at the end.
                        let _ = copy.sync_data();
                    }
                });
            match spawned {
                Ok(thread) => self.syncer = Some((ask, thread)),
                Err(_) => return,
            }
        }
        if let Some((ask, _)) = &self.syncer
            && let Err(TrySendError::Disconnected(())) = ask.try_send(())
        {
            self.syncer = None;
        }
    }

    /// Waits for the second thread to finish its last sync.
    pub fn finish(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        if let Some((ask, thread)) = self.syncer.take() {
            drop(ask);
            let _ = thread.join();
        }
    }

    /// Whether a second thread was started (for tests).
    #[cfg(test)]
    fn started(&self) -> bool {
        self.syncer.is_some()
    }
}

impl Drop for SyncAhead<'_> {
    fn drop(&mut self) {
        self.stop();
    }
}

impl Write for SyncAhead<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = (&*self.file).write(buf)?;
        self.since += n as u64;
        if self.since >= SYNC_EVERY {
            self.since = 0;
            self.ask();
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        (&*self.file).flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn every_byte_arrives_and_only_a_large_file_starts_the_syncer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tabel.csv");
        let file = File::create(&path).unwrap();
        let mut w = SyncAhead::new(&file);
        w.write_all(b"kode;nama\n").unwrap();
        assert!(!w.started());
        let line = b"3201;Kab. Bogor;5329480\n";
        let lines = (SYNC_EVERY as usize * 5 / 2) / line.len();
        for _ in 0..lines {
            w.write_all(line).unwrap();
        }
        assert!(w.started());
        w.finish();
        drop(file);
        let mut got = Vec::new();
        File::open(&path).unwrap().read_to_end(&mut got).unwrap();
        assert_eq!(got.len(), 10 + lines * line.len());
        assert!(got.starts_with(b"kode;nama\n3201;"));
        assert!(got.ends_with(line));
    }
}
