//! CSV text read record by record for the careful reader: the text
//! decoded (refusing bytes that are not text), the delimiter sniffed, empty
//! lines skipped, the first non-empty line the header row. Records are
//! handed over one at a time, so a caller keeps only what it needs.

use std::borrow::Cow;

use super::cells::sniff_delimiter;
use super::file_kind::decode_text;
use super::problems::{ImportError, Msg};
use crate::i18n::T;

/// CSV bytes decoded, with the delimiter and encoding found.
pub(crate) struct CsvText<'a> {
    text: Cow<'a, str>,
    pub delimiter: u8,
    pub encoding: &'static str,
}

impl<'a> CsvText<'a> {
    /// Decodes CSV bytes; bytes that are not text are refused.
    pub fn new(bytes: &'a [u8], file: &str) -> Result<Self, ImportError> {
        let (text, encoding) = decode_text(bytes).map_err(|m| ImportError::file(file, m))?;
        // Excel on Windows ends lines with CR LF; one line end keeps the row
        // numbers of problems right.
        let text = if text.contains('\r') {
            Cow::Owned(text.replace("\r\n", "\n"))
        } else {
            text
        };
        let delimiter = sniff_delimiter(&text);
        Ok(CsvText {
            text,
            delimiter,
            encoding,
        })
    }

    /// The records, starting with the header row.
    pub fn records(&self) -> Records<'_> {
        let reader = csv::ReaderBuilder::new()
            .delimiter(self.delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(self.text.as_bytes());
        Records {
            reader,
            record: csv::StringRecord::new(),
            n: 0,
            len: self.text.len(),
        }
    }
}

/// The non-empty records of a CSV text, one at a time.
pub(crate) struct Records<'a> {
    reader: csv::Reader<&'a [u8]>,
    record: csv::StringRecord,
    n: usize,
    len: usize,
}

impl Records<'_> {
    /// The next non-empty record with its 1-based line; `None` at the end.
    pub fn next(&mut self, file: &str) -> Result<Option<(usize, &csv::StringRecord)>, ImportError> {
        loop {
            match self.reader.read_record(&mut self.record) {
                Ok(false) => return Ok(None),
                Ok(true) => {}
                Err(e) => {
                    return Err(ImportError::at_row(
                        file,
                        e.position().map(|p| p.line() as usize),
                        Msg::new(T::import_csv_unreadable),
                    ));
                }
            }
            self.n += 1;
            if self.record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let line = self
                .record
                .position()
                .map(|p| p.line() as usize)
                .unwrap_or(self.n);
            return Ok(Some((line, &self.record)));
        }
    }

    /// The share of the text read so far (0 to 1).
    pub fn done(&self) -> f32 {
        let at = self.record.position().map_or(0, |p| p.byte()) as f32;
        at / self.len.max(1) as f32
    }

    /// How many records were read so far (empty ones included).
    pub fn count(&self) -> usize {
        self.n
    }
}

/// The trimmed cells of a header record.
pub(crate) fn header_names(record: &csv::StringRecord) -> Vec<String> {
    record.iter().map(|h| h.trim().to_string()).collect()
}
