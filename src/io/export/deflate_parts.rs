//! One deflate stream compressed on every core: the text is cut into parts,
//! each part is compressed on its own and ends on a byte boundary (a sync
//! flush), and the parts joined in order, closed by an empty final block,
//! are one valid stream. Its CRC-32 is combined from the parts' CRCs. This
//! is how a national results sheet (a few hundred megabytes of XML) is
//! compressed in the time of a fraction of it.

use flate2::{Compress, Compression, FlushCompress, Status};

/// The empty final block (fixed Huffman codes, just the end-of-block code)
/// that closes a stream of sync-flushed parts.
pub const FINAL_BLOCK: [u8; 2] = [0x03, 0x00];

/// One part of the text, compressed.
pub struct Part {
    /// The compressed bytes, ending on a byte boundary.
    pub bytes: Vec<u8>,
    crc: crc32fast::Hasher,
    len: u64,
}

impl Part {
    /// Compresses `raw` at `level` into a part of a longer stream.
    pub fn compress(raw: &[u8], level: Compression) -> Part {
        let mut crc = crc32fast::Hasher::new();
        crc.update(raw);
        let mut c = Compress::new(level, false);
        // Numbers at full precision compress to about 40% at the quickest
        // level; room for that, so the buffer is rarely copied to grow.
        let mut bytes = Vec::with_capacity(raw.len() / 2 + 1024);
        let mut input = raw;
        loop {
            if bytes.capacity() - bytes.len() < 1024 {
                bytes.reserve(bytes.capacity().max(1 << 16));
            }
            let before = c.total_in();
            let status = c
                .compress_vec(input, &mut bytes, FlushCompress::Sync)
                .expect("deflate of bytes in memory cannot fail");
            input = &input[(c.total_in() - before) as usize..];
            // The flush is complete once all input is taken and the output
            // was not filled; a call with nothing left to do is a BufError.
            let room_left = bytes.len() < bytes.capacity();
            if (input.is_empty() && room_left) || status == Status::BufError {
                break;
            }
        }
        Part {
            bytes,
            crc,
            len: raw.len() as u64,
        }
    }
}

/// The check of a deflate stream being put together from parts, in order:
/// the parts' bytes are written one after the other as they come, then
/// [`FINAL_BLOCK`]; the stream's CRC-32 and length are combined here.
pub struct Stream {
    crc: crc32fast::Hasher,
    len: u64,
}

impl Default for Stream {
    fn default() -> Self {
        Self::new()
    }
}

impl Stream {
    pub fn new() -> Self {
        Stream {
            crc: crc32fast::Hasher::new(),
            len: 0,
        }
    }

    /// Counts the next part in.
    pub fn push(&mut self, part: &Part) {
        self.crc.combine(&part.crc);
        self.len += part.len;
    }

    /// The CRC-32 and the length of the text of the parts pushed.
    pub fn finish(self) -> (u32, u64) {
        (self.crc.finalize(), self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn inflate(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::DeflateDecoder::new(bytes)
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    #[test]
    fn parts_joined_inflate_to_the_whole_text_with_its_crc() {
        let text: Vec<u8> = (0..300_000u32)
            .flat_map(|i| format!("<c r=\"B{i}\"><v>{}</v></c>", i as f64 / 7.0).into_bytes())
            .collect();
        let mut s = Stream::new();
        let mut bytes = Vec::new();
        // Parts of unequal sizes, one of them empty.
        for piece in [
            &text[..10],
            &text[10..10],
            &text[10..5_000_000],
            &text[5_000_000..],
        ] {
            let part = Part::compress(piece, Compression::fast());
            s.push(&part);
            bytes.extend_from_slice(&part.bytes);
        }
        bytes.extend_from_slice(&FINAL_BLOCK);
        let (crc, len) = s.finish();
        assert_eq!(len, text.len() as u64);
        assert_eq!(crc, crc32fast::hash(&text));
        assert!(bytes.len() < text.len() / 3);
        assert_eq!(inflate(&bytes), text);
    }

    #[test]
    fn a_stream_of_no_parts_is_the_empty_text() {
        assert_eq!(Stream::new().finish(), (0, 0));
        assert!(inflate(&FINAL_BLOCK).is_empty());
    }
}
