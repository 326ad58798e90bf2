//! A zip archive written from entries whose compressed bytes are already
//! made (an .xlsx workbook is a zip archive). The zip crate compresses what
//! it is given on one core; a national results sheet is compressed on every
//! core beforehand ([`super::deflate_parts`]) and only put in here. The
//! archive is the plain (not zip64) format, so every size and offset must
//! stay under 4 GiB; [`Archive::finish`] refuses one that does not.

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

/// An entry ready to be written.
pub struct Entry {
    pub name: String,
    pub method: Method,
    /// CRC-32 of the uncompressed bytes.
    pub crc: u32,
    /// Length of the uncompressed bytes.
    pub len: u64,
    /// The bytes as stored (compressed when `method` is deflate).
    pub bytes: Vec<u8>,
}

/// The archive's entries, in order.
#[derive(Default)]
pub struct Archive {
    entries: Vec<Entry>,
}

/// 1 January 1980, the zip format's first day, as an MS-DOS date: the
/// entries carry no time of their own, so the same workbook is the same
/// file byte for byte.
const DOS_DATE: u16 = (1 << 5) | 1;

/// Every size and offset of a plain zip archive fits in 32 bits.
fn small(n: u64) -> Option<u32> {
    u32::try_from(n).ok().filter(|&n| n != u32::MAX)
}

impl Archive {
    pub fn push(&mut self, entry: Entry) {
        self.entries.push(entry);
    }

    /// The archive's bytes, or `None` if it would need the zip64 format
    /// (an entry or the whole over 4 GiB, or over 65.535 entries).
    pub fn finish(self) -> Option<Vec<u8>> {
        let total: u64 = self
            .entries
            .iter()
            .map(|e| 30 + 46 + 2 * e.name.len() as u64 + e.bytes.len() as u64)
            .sum::<u64>()
            + 22;
        small(total)?;
        let count = u16::try_from(self.entries.len()).ok()?;
        let mut out = Vec::with_capacity(total as usize);
        let mut offsets = Vec::with_capacity(self.entries.len());
        for e in &self.entries {
            offsets.push(out.len() as u32);
            let name = e.name.as_bytes();
            out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
            out.extend_from_slice(&20u16.to_le_bytes()); // version needed: 2.0
            out.extend_from_slice(&utf8_flag(&e.name).to_le_bytes());
            out.extend_from_slice(&e.method.code().to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes()); // time
            out.extend_from_slice(&DOS_DATE.to_le_bytes());
            out.extend_from_slice(&e.crc.to_le_bytes());
            out.extend_from_slice(&small(e.bytes.len() as u64)?.to_le_bytes());
            out.extend_from_slice(&small(e.len)?.to_le_bytes());
            out.extend_from_slice(&(u16::try_from(name.len()).ok()?).to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes()); // extra field
            out.extend_from_slice(name);
            out.extend_from_slice(&e.bytes);
        }
        let directory = out.len() as u32;
        for (e, offset) in self.entries.iter().zip(offsets) {
            let name = e.name.as_bytes();
            out.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
            out.extend_from_slice(&20u16.to_le_bytes()); // made by: 2.0, MS-DOS
            out.extend_from_slice(&20u16.to_le_bytes());
            out.extend_from_slice(&utf8_flag(&e.name).to_le_bytes());
            out.extend_from_slice(&e.method.code().to_le_bytes());
            out.extend_from_slice(&0u16.to_le_bytes());
            out.extend_from_slice(&DOS_DATE.to_le_bytes());
            out.extend_from_slice(&e.crc.to_le_bytes());
            out.extend_from_slice(&(e.bytes.len() as u32).to_le_bytes());
            out.extend_from_slice(&(e.len as u32).to_le_bytes());
            out.extend_from_slice(&(name.len() as u16).to_le_bytes());
            out.extend_from_slice(&[0; 8]); // extra, comment, disk, internal attributes
            out.extend_from_slice(&0u32.to_le_bytes()); // external attributes
            out.extend_from_slice(&offset.to_le_bytes());
            out.extend_from_slice(name);
        }
        let directory_len = out.len() as u32 - directory;
        out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        out.extend_from_slice(&[0; 4]); // this disk, the directory's disk
        out.extend_from_slice(&count.to_le_bytes());
        out.extend_from_slice(&count.to_le_bytes());
        out.extend_from_slice(&directory_len.to_le_bytes());
        out.extend_from_slice(&directory.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // comment
        Some(out)
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
    fn the_zip_crate_reads_back_stored_and_deflated_entries() {
        let text = b"<worksheet>lembar kerja</worksheet>".repeat(100);
        let mut part = super::super::deflate_parts::Stream::new();
        part.push(super::super::deflate_parts::Part::compress(
            &text,
            flate2::Compression::fast(),
        ));
        let deflated = part.finish();
        let mut a = Archive::default();
        a.push(Entry {
            name: "[Content_Types].xml".into(),
            method: Method::Stored,
            crc: crc32fast::hash(b"types"),
            len: 5,
            bytes: b"types".to_vec(),
        });
        a.push(Entry {
            name: "xl/worksheets/sheet1.xml".into(),
            method: Method::Deflated,
            crc: deflated.crc,
            len: deflated.len,
            bytes: deflated.bytes,
        });
        let bytes = a.finish().unwrap();
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(z.len(), 2);
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
    }
}
