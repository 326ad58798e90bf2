//! A zip archive written from entries whose compressed bytes are already
//! made (an .xlsx workbook is a zip archive). The zip crate compresses what
//! it is given on one core; a national results sheet is compressed on every
//! core beforehand ([`super::deflate_parts`]) and only put in here. The
//! archive is the plain (not zip64) format, so every size and offset must
//! stay under 4 GiB; [`Archive::fits`] says whether it does.

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

/// An entry ready to be written.
pub struct Entry {
    pub name: String,
    pub method: Method,
    /// CRC-32 of the uncompressed bytes.
    pub crc: u32,
    /// Length of the uncompressed bytes.
    pub len: u64,
    /// The bytes as stored (compressed when `method` is deflate), in
    /// pieces written one after the other.
    pub pieces: Vec<Vec<u8>>,
}

impl Entry {
    fn stored_len(&self) -> u64 {
        self.pieces.iter().map(|p| p.len() as u64).sum()
    }
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
fn small(n: u64) -> bool {
    n < u32::MAX as u64
}

impl Archive {
    pub fn push(&mut self, entry: Entry) {
        self.entries.push(entry);
    }

    /// Whether the archive fits the plain zip format: every entry and the
    /// whole under 4 GiB, at most 65.535 entries, names under 64 KiB.
    pub fn fits(&self) -> bool {
        let total: u64 = self
            .entries
            .iter()
            .map(|e| 30 + 46 + 2 * e.name.len() as u64 + e.stored_len())
            .sum::<u64>()
            + 22;
        small(total)
            && self.entries.len() <= u16::MAX as usize
            && self
                .entries
                .iter()
                .all(|e| small(e.len) && e.name.len() <= u16::MAX as usize)
    }

    /// Writes the archive; it must [`fit`](Archive::fits).
    pub fn write_to(&self, out: &mut dyn Write) -> std::io::Result<()> {
        if !self.fits() {
            return Err(std::io::Error::other("the archive is over 4 GiB"));
        }
        let mut at = 0u32;
        let mut offsets = Vec::with_capacity(self.entries.len());
        for e in &self.entries {
            offsets.push(at);
            let name = e.name.as_bytes();
            let mut head = Vec::with_capacity(30 + name.len());
            head.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
            head.extend_from_slice(&20u16.to_le_bytes()); // version needed: 2.0
            head.extend_from_slice(&utf8_flag(&e.name).to_le_bytes());
            head.extend_from_slice(&e.method.code().to_le_bytes());
            head.extend_from_slice(&0u16.to_le_bytes()); // time
            head.extend_from_slice(&DOS_DATE.to_le_bytes());
            head.extend_from_slice(&e.crc.to_le_bytes());
            head.extend_from_slice(&(e.stored_len() as u32).to_le_bytes());
            head.extend_from_slice(&(e.len as u32).to_le_bytes());
            head.extend_from_slice(&(name.len() as u16).to_le_bytes());
            head.extend_from_slice(&0u16.to_le_bytes()); // extra field
            head.extend_from_slice(name);
            out.write_all(&head)?;
            for piece in &e.pieces {
                out.write_all(piece)?;
            }
            at += head.len() as u32 + e.stored_len() as u32;
        }
        let mut directory = Vec::new();
        for (e, offset) in self.entries.iter().zip(offsets) {
            let name = e.name.as_bytes();
            directory.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
            directory.extend_from_slice(&20u16.to_le_bytes()); // made by: 2.0, MS-DOS
            directory.extend_from_slice(&20u16.to_le_bytes());
            directory.extend_from_slice(&utf8_flag(&e.name).to_le_bytes());
            directory.extend_from_slice(&e.method.code().to_le_bytes());
            directory.extend_from_slice(&0u16.to_le_bytes());
            directory.extend_from_slice(&DOS_DATE.to_le_bytes());
            directory.extend_from_slice(&e.crc.to_le_bytes());
            directory.extend_from_slice(&(e.stored_len() as u32).to_le_bytes());
            directory.extend_from_slice(&(e.len as u32).to_le_bytes());
            directory.extend_from_slice(&(name.len() as u16).to_le_bytes());
            directory.extend_from_slice(&[0; 8]); // extra, comment, disk, internal attributes
            directory.extend_from_slice(&0u32.to_le_bytes()); // external attributes
            directory.extend_from_slice(&offset.to_le_bytes());
            directory.extend_from_slice(name);
        }
        let count = self.entries.len() as u16;
        let mut end = Vec::with_capacity(22);
        end.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        end.extend_from_slice(&[0; 4]); // this disk, the directory's disk
        end.extend_from_slice(&count.to_le_bytes());
        end.extend_from_slice(&count.to_le_bytes());
        end.extend_from_slice(&(directory.len() as u32).to_le_bytes());
        end.extend_from_slice(&at.to_le_bytes());
        end.extend_from_slice(&0u16.to_le_bytes()); // comment
        out.write_all(&directory)?;
        out.write_all(&end)
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
            pieces: vec![b"ty".to_vec(), b"pes".to_vec()],
        });
        a.push(Entry {
            name: "xl/worksheets/sheet1.xml".into(),
            method: Method::Deflated,
            crc: deflated.crc,
            len: deflated.len,
            pieces: deflated.pieces,
        });
        assert!(a.fits());
        let mut bytes = Vec::new();
        a.write_to(&mut bytes).unwrap();
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
