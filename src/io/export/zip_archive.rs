//! A zip archive written as it is made (an .xlsx workbook is a zip
//! archive), from entries whose compressed bytes are already made. The zip
//! crate compresses what it is given on one core; a national results sheet
//! is compressed on every core ([`super::deflate_parts`]) and its pieces
//! are put in here as they come, so the file is being written while the
//! rest is still compressed. Such an entry's CRC and sizes follow its bytes
//! (a data descriptor, as Java's and Apache POI's workbooks have them) and
//! are in the central directory. The archive is the plain (not zip64)
//! format: every size and offset must stay under 4 GiB, and an archive that
//! grows past that is refused, not written wrong.

use std::io::Write;

/// How an entry's bytes are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Stored,
    Deflated,
}

impl Method {
    fn code(self) -> u16 {
        match self {
            Method::Stored => 0,
            Method::Deflated => 8,
        }
    }
}

/// An entry whose bytes are all at hand.
pub struct Entry<'a> {
    pub name: &'a str,
    pub method: Method,
    /// CRC-32 of the uncompressed bytes.
    pub crc: u32,
    /// Length of the uncompressed bytes.
    pub len: u64,
    /// The bytes as stored (compressed when `method` is deflate).
    pub bytes: &'a [u8],
}

/// 1 January 1980, the zip format's first day, as an MS-DOS date: the
/// entries carry no time of their own, so the same workbook is the same
/// file byte for byte.
const DOS_DATE: u16 = (1 << 5) | 1;

/// General-purpose flag 3: the CRC and sizes follow the entry's bytes.
const DESCRIPTOR_FLAG: u16 = 1 << 3;

/// An entry written, as the central directory lists it.
struct Written {
    name: String,
    method: Method,
    flags: u16,
    crc: u32,
    stored: u64,
    len: u64,
    offset: u64,
}

/// A zip archive being written to `out`, entry by entry.
pub struct ZipWriter<'w> {
    out: &'w mut dyn Write,
    /// Bytes written so far.
    at: u64,
    entries: Vec<Written>,
    /// The entry whose pieces are being written, if any.
    open: Option<Written>,
}

fn too_large() -> std::io::Error {
    std::io::Error::other("the workbook is over 4 GiB, more than a plain zip archive holds")
}

/// A size or offset as the plain zip format holds it.
fn small(n: u64) -> std::io::Result<u32> {
    u32::try_from(n)
        .ok()
        .filter(|&n| n < u32::MAX)
        .ok_or_else(too_large)
}

impl<'w> ZipWriter<'w> {
    pub fn new(out: &'w mut dyn Write) -> Self {
        ZipWriter {
            out,
            at: 0,
            entries: Vec::new(),
            open: None,
        }
    }

    fn put(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.out.write_all(bytes)?;
        self.at += bytes.len() as u64;
        small(self.at).map(|_| ())
    }

    fn local_header(&mut self, e: &Written) -> std::io::Result<()> {
        let name = e.name.as_bytes();
        if name.len() > u16::MAX as usize {
            return Err(std::io::Error::other("a name in the workbook is too long"));
        }
        let mut head = Vec::with_capacity(30 + name.len());
        head.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        head.extend_from_slice(&20u16.to_le_bytes()); // version needed: 2.0
        head.extend_from_slice(&e.flags.to_le_bytes());
        head.extend_from_slice(&e.method.code().to_le_bytes());
        head.extend_from_slice(&0u16.to_le_bytes()); // time
        head.extend_from_slice(&DOS_DATE.to_le_bytes());
        head.extend_from_slice(&e.crc.to_le_bytes());
        head.extend_from_slice(&small(e.stored)?.to_le_bytes());
        head.extend_from_slice(&small(e.len)?.to_le_bytes());
        head.extend_from_slice(&(name.len() as u16).to_le_bytes());
        head.extend_from_slice(&0u16.to_le_bytes()); // extra field
        head.extend_from_slice(name);
        self.put(&head)
    }

    /// Writes an entry whose bytes are all at hand.
    pub fn entry(&mut self, e: &Entry) -> std::io::Result<()> {
        debug_assert!(self.open.is_none());
        let written = Written {
            name: e.name.to_string(),
            method: e.method,
            flags: utf8_flag(e.name),
            crc: e.crc,
            stored: e.bytes.len() as u64,
            len: e.len,
            offset: self.at,
        };
        self.local_header(&written)?;
        self.put(e.bytes)?;
        self.entries.push(written);
        Ok(())
    }

    /// Starts an entry whose bytes come in pieces ([`piece`](Self::piece)),
    /// ended by [`end_entry`](Self::end_entry).
    pub fn start_entry(&mut self, name: &str, method: Method) -> std::io::Result<()> {
        debug_assert!(self.open.is_none());
        let written = Written {
            name: name.to_string(),
            method,
            flags: utf8_flag(name) | DESCRIPTOR_FLAG,
            crc: 0,
            stored: 0,
            len: 0,
            offset: self.at,
        };
        self.local_header(&written)?;
        self.open = Some(written);
        Ok(())
    }

    /// The next piece of the entry started, as stored.
    pub fn piece(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.put(bytes)?;
        if let Some(e) = self.open.as_mut() {
            e.stored += bytes.len() as u64;
        }
        Ok(())
    }

    /// Ends the entry started: its CRC-32 and the length of its
    /// uncompressed bytes.
    pub fn end_entry(&mut self, crc: u32, len: u64) -> std::io::Result<()> {
        let Some(mut e) = self.open.take() else {
            return Err(std::io::Error::other("no entry was started"));
        };
        e.crc = crc;
        e.len = len;
        let mut descriptor = Vec::with_capacity(16);
        descriptor.extend_from_slice(&0x0807_4b50u32.to_le_bytes());
        descriptor.extend_from_slice(&crc.to_le_bytes());
        descriptor.extend_from_slice(&small(e.stored)?.to_le_bytes());
        descriptor.extend_from_slice(&small(len)?.to_le_bytes());
        self.put(&descriptor)?;
        self.entries.push(e);
        Ok(())
    }

    /// Writes the central directory: the archive is whole.
    pub fn finish(mut self) -> std::io::Result<()> {
        if self.open.is_some() {
            return Err(std::io::Error::other("an entry was not ended"));
        }
        if self.entries.len() > u16::MAX as usize {
            return Err(too_large());
        }
        let start = self.at;
        let mut directory = Vec::new();
        for e in &self.entries {
            let name = e.name.as_bytes();
            directory.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
            directory.extend_from_slice(&20u16.to_le_bytes()); // made by: 2.0, MS-DOS
            directory.extend_from_slice(&20u16.to_le_bytes());
            directory.extend_from_slice(&e.flags.to_le_bytes());
            directory.extend_from_slice(&e.method.code().to_le_bytes());
            directory.extend_from_slice(&0u16.to_le_bytes());
            directory.extend_from_slice(&DOS_DATE.to_le_bytes());
            directory.extend_from_slice(&e.crc.to_le_bytes());
            directory.extend_from_slice(&small(e.stored)?.to_le_bytes());
            directory.extend_from_slice(&small(e.len)?.to_le_bytes());
            directory.extend_from_slice(&(name.len() as u16).to_le_bytes());
            directory.extend_from_slice(&[0; 8]); // extra, comment, disk, internal attributes
            directory.extend_from_slice(&0u32.to_le_bytes()); // external attributes
            directory.extend_from_slice(&small(e.offset)?.to_le_bytes());
            directory.extend_from_slice(name);
        }
        let count = self.entries.len() as u16;
        let mut end = Vec::with_capacity(22);
        end.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        end.extend_from_slice(&[0; 4]); // this disk, the directory's disk
        end.extend_from_slice(&count.to_le_bytes());
        end.extend_from_slice(&count.to_le_bytes());
        end.extend_from_slice(&small(directory.len() as u64)?.to_le_bytes());
        end.extend_from_slice(&small(start)?.to_le_bytes());
        end.extend_from_slice(&0u16.to_le_bytes()); // comment
        self.put(&directory)?;
        self.put(&end)
    }
}

/// General-purpose flag 11 (names in UTF-8) when a name is not ASCII.
fn utf8_flag(name: &str) -> u16 {
    if name.is_ascii() { 0 } else { 1 << 11 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn the_zip_crate_reads_back_whole_and_streamed_entries() {
        let text = b"<worksheet>lembar kerja</worksheet>".repeat(100);
        use super::super::deflate_parts::{FINAL_BLOCK, Part, Stream};
        let part = Part::compress(&text, flate2::Compression::fast());
        let mut stream = Stream::new();
        stream.push(&part);
        let (crc, len) = stream.finish();
        let mut bytes = Vec::new();
        let mut z = ZipWriter::new(&mut bytes);
        z.entry(&Entry {
            name: "[Content_Types].xml",
            method: Method::Stored,
            crc: crc32fast::hash(b"types"),
            len: 5,
            bytes: b"types",
        })
        .unwrap();
        z.start_entry("xl/worksheets/sheet1.xml", Method::Deflated)
            .unwrap();
        // The part cut in two, as pieces may come, and the final block.
        let (a, b) = part.bytes.split_at(part.bytes.len() / 2);
        z.piece(a).unwrap();
        z.piece(b).unwrap();
        z.piece(&FINAL_BLOCK).unwrap();
        z.end_entry(crc, len).unwrap();
        z.entry(&Entry {
            name: "xl/styles.xml",
            method: Method::Stored,
            crc: crc32fast::hash(b"gaya"),
            len: 4,
            bytes: b"gaya",
        })
        .unwrap();
        z.finish().unwrap();
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(z.len(), 3);
        let mut got = String::new();
        z.by_name("[Content_Types].xml")
            .unwrap()
            .read_to_string(&mut got)
            .unwrap();
        assert_eq!(got, "types");
        let mut got = Vec::new();
        z.by_name("xl/worksheets/sheet1.xml")
            .unwrap()
            .read_to_end(&mut got)
            .unwrap();
        assert_eq!(got, text);
        let mut got = String::new();
        z.by_name("xl/styles.xml")
            .unwrap()
            .read_to_string(&mut got)
            .unwrap();
        assert_eq!(got, "gaya");
    }

    #[test]
    fn sizes_past_the_plain_format_are_refused() {
        assert_eq!(small(7).unwrap(), 7);
        assert!(small(u32::MAX as u64).is_err());
        assert!(small(5 << 30).is_err());
        let mut sink = std::io::sink();
        let mut z = ZipWriter::new(&mut sink);
        assert!(z.end_entry(0, 0).is_err());
        z.start_entry("a", Method::Stored).unwrap();
        assert!(z.finish().is_err());
    }
}
