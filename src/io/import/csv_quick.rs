//! The quick route for plain CSV data files: every cell a plain number or
//! name, plain or in quotes ("Kab. Bogor, Jawa Barat"), nothing wrong. Such
//! a file (the usual export of a spreadsheet) is split at line ends into one
//! piece per core and read straight into data rows, each region's code and
//! name stored once.
//!
//! The quick route never reports a problem. At the first thing it does not
//! take as plainly right — a cell running over a line end, a doubled quote,
//! a number in an unusual form, a value out of range, a duplicate year — it
//! gives up, and the careful reader in
//! [`super::careful`] reads the file again and lists every problem with its
//! row and column. Either way the rows are the same.

use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use crate::model::DataRow;
use crate::model::data::{CBR_RANGE, ColumnMapping, Field, Label, MAX_PEOPLE};

use super::cells::{Progress, fast_number, sniff_delimiter};
use super::columns::{detect_mapping, normalize};
use super::file_kind::looks_binary;
use super::rows::{finish_row, regions_consistent};

/// Below this size one core reads the file (starting threads costs more).
const PARALLEL_FROM: usize = 1 << 20;

/// Reads `text` (the whole file, decoded) when it is plain and right.
/// `None` means: read it carefully.
pub(crate) fn read_plain(
    text: &str,
    delimiter: u8,
    remembered: Option<&ColumnMapping>,
) -> Option<(Vec<DataRow>, ColumnMapping)> {
    let (header, body) = match text.find('\n') {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => (text, ""),
    };
    let (field_of, mapping) = columns(header, delimiter, remembered)?;
    let mut rows = Vec::new();
    read_rows(body.as_bytes(), delimiter, &field_of, &mut rows)?;
    finish(rows, mapping)
}

/// A plain CSV file read by [`read_plain_file`].
pub(crate) struct PlainFile {
    pub rows: Vec<DataRow>,
    pub mapping: ColumnMapping,
    pub delimiter: u8,
}

/// The size of the pieces [`read_plain_file`] reads at a time.
pub(crate) const CHUNK: usize = 8 << 20;

/// Reads the file at `path` when it is plain UTF-8 CSV and right, `chunk`
/// bytes at a time, so a large file is never held whole: while every core
/// but one reads the rows of one piece, the next piece is read from disk.
/// `progress` hears the share of the file read after each piece, and stops
/// the reading when it answers `false`. `None` means: read it carefully
/// (also for Windows-1252 text), unless `progress` stopped it.
pub(crate) fn read_plain_file(
    path: &std::path::Path,
    remembered: Option<&ColumnMapping>,
    chunk: usize,
    progress: Progress<'_>,
) -> Option<PlainFile> {
    let mut file = std::fs::File::open(path).ok()?;
    let size = file.metadata().ok()?.len() as usize;
    let capacity = chunk.min(size) + 4096;
    let mut buf: Vec<u8> = Vec::with_capacity(capacity);
    let mut at_end = false;
    // The careful reader judges a file binary by its first 4 KB.
    while buf.len() < 4096 && !at_end {
        at_end = fill(&mut file, &mut buf, chunk)?;
    }
    if looks_binary(&buf) {
        return None;
    }
    let bom = if buf.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    buf.drain(..bom);
    // The header line, whole.
    let header_end = loop {
        if let Some(i) = memchr::memchr(b'\n', &buf) {
            break i;
        }
        if at_end {
            break buf.len();
        }
        at_end = fill(&mut file, &mut buf, chunk)?;
    };
    let header = std::str::from_utf8(&buf[..header_end]).ok()?;
    let delimiter = sniff_delimiter(header);
    let (field_of, mapping) = columns(header, delimiter, remembered)?;
    let header_len = (header_end + 1).min(buf.len());
    buf.drain(..header_len);
    // Bytes of the file read into rows so far.
    let mut parsed = bom + header_len;
    let mut rows: Vec<DataRow> = Vec::new();
    let mut next: Vec<u8> = Vec::with_capacity(capacity);
    loop {
        // The whole lines of the buffer; the rest waits for more.
        let cut = if at_end {
            buf.len()
        } else {
            memchr::memrchr(b'\n', &buf).map_or(0, |i| i + 1)
        };
        if cut == 0 {
            if at_end {
                break;
            }
            at_end = fill(&mut file, &mut buf, chunk)?;
            continue;
        }
        if rows.capacity() == 0 {
            // As many rows as lines like these fill the file.
            let lines = memchr::memchr_iter(b'\n', &buf[..cut]).count().max(1);
            let per_line = (cut / lines).max(1);
            rows.reserve(size / per_line + size / per_line / 20 + 16);
        }
        next.clear();
        next.extend_from_slice(&buf[cut..]);
        let was_at_end = at_end;
        let (read, filled) = rayon::join(
            || read_rows(&buf[..cut], delimiter, &field_of, &mut rows),
            || {
                if was_at_end {
                    Some(true)
                } else {
                    fill(&mut file, &mut next, chunk)
                }
            },
        );
        read?;
        parsed += cut;
        if !progress((parsed as f64 / size.max(1) as f64).min(1.0) as f32) {
            return None;
        }
        if was_at_end {
            break;
        }
        at_end = filled?;
        std::mem::swap(&mut buf, &mut next);
    }
    let (rows, mapping) = finish(rows, mapping)?;
    Some(PlainFile {
        rows,
        mapping,
        delimiter,
    })
}

/// Appends up to `chunk` bytes of `file` to `buf`; whether the file ended.
fn fill(file: &mut std::fs::File, buf: &mut Vec<u8>, chunk: usize) -> Option<bool> {
    use std::io::Read;
    let want = chunk.max(1);
    let got = file.take(want as u64).read_to_end(buf).ok()?;
    Some(got < want)
}

/// For each column of the header line, the field it holds; `None` when the
/// header is not one the quick route takes.
fn columns(
    header: &str,
    delimiter: u8,
    remembered: Option<&ColumnMapping>,
) -> Option<(Vec<Option<Field>>, ColumnMapping)> {
    // A line end of old Macs (where the careful reader splits the line):
    // read carefully.
    let header = header.trim_end_matches('\r');
    if header.contains('\r') {
        return None;
    }
    let quotes = header.contains('"');
    let mut headers: Vec<String> = Vec::new();
    let mut start = 0;
    loop {
        let (cell, end) = next_cell(header, start, delimiter, quotes)?;
        headers.push(cell.trim().to_string());
        if end == header.len() {
            break;
        }
        start = end + 1;
    }
    if headers.iter().all(|h| h.is_empty()) {
        return None;
    }
    // Tables exported with projected years are read by the careful reader,
    // which leaves those years out.
    if headers
        .iter()
        .any(|h| matches!(normalize(h).as_str(), "kind" | "jenis"))
    {
        return None;
    }
    let mapping = detect_mapping(&headers, remembered);
    if !mapping.missing().is_empty() {
        return None;
    }
    if Field::ALL
        .iter()
        .any(|&f| mapping.index_of(f).is_some_and(|i| i >= headers.len()))
    {
        return None;
    }
    // Files of several levels with parent codes are read by the careful
    // reader, which checks the tree.
    if mapping.index_of(Field::ParentCode).is_some() {
        return None;
    }
    let mut field_of: Vec<Option<Field>> = vec![None; headers.len()];
    for f in Field::ALL {
        if let Some(i) = mapping.index_of(f)
            && let Some(slot) = field_of.get_mut(i)
        {
            *slot = Some(f);
        }
    }
    Some((field_of, mapping))
}

/// The rows, when there are some and every region's years are right.
fn finish(rows: Vec<DataRow>, mapping: ColumnMapping) -> Option<(Vec<DataRow>, ColumnMapping)> {
    if rows.is_empty() || !regions_consistent(&rows) {
        return None;
    }
    Some((rows, mapping))
}

/// Where each line of `body` starts, found piece by piece on every core;
/// `None` when the body holds a NUL byte.
fn line_starts(body: &[u8]) -> Option<Vec<usize>> {
    let n = if body.len() < PARALLEL_FROM {
        1
    } else {
        rayon::current_num_threads()
    };
    let pieces = split_lines(body, n);
    let mut offsets = Vec::with_capacity(pieces.len());
    let mut at = 0;
    for p in &pieces {
        offsets.push(at);
        at += p.len();
    }
    let starts: Vec<Option<Vec<usize>>> = pieces
        .par_iter()
        .zip(offsets)
        .map(|(p, at)| {
            // A byte that is no text.
            if memchr::memchr(0, p).is_some() {
                return None;
            }
            let mut v = Vec::with_capacity(p.len() / 24 + 1);
            v.push(at);
            v.extend(memchr::memchr_iter(b'\n', p).map(|i| at + i + 1));
            if v.last() == Some(&(at + p.len())) {
                v.pop();
            }
            Some(v)
        })
        .collect();
    starts
        .into_iter()
        .collect::<Option<Vec<_>>>()
        .map(|s| s.concat())
}

/// Marks a line that holds no row (blank, or all cells empty).
const NO_ROW: i32 = i32::MIN;

/// Reads every line of `body` into a row appended to `rows`, all cores at
/// once, each row written in its place. `None` at the first line that is
/// not plainly right (or not UTF-8).
fn read_rows(
    body: &[u8],
    delimiter: u8,
    field_of: &[Option<Field>],
    rows: &mut Vec<DataRow>,
) -> Option<()> {
    let starts = line_starts(body)?;
    let failed = AtomicBool::new(false);
    let before = rows.len();
    let new_rows = (0..starts.len())
        .into_par_iter()
        .with_min_len(4096)
        .map_init(
            || (Labels::with_capacity(256), Labels::with_capacity(256)),
            |(codes, names), k| {
                if failed.load(Ordering::Relaxed) {
                    return DataRow::default();
                }
                let end = starts.get(k + 1).map_or(body.len(), |&e| e - 1);
                let line = &body[starts[k]..end];
                let line = line.strip_suffix(b"\n").unwrap_or(line);
                // Line ends split UTF-8 nowhere, so each line is checked alone.
                let row = std::str::from_utf8(line)
                    .ok()
                    .and_then(|line| read_line(line, delimiter, field_of, codes, names));
                match row {
                    Some(row) => row,
                    None => {
                        failed.store(true, Ordering::Relaxed);
                        DataRow::default()
                    }
                }
            },
        );
    rows.par_extend(new_rows);
    if failed.load(Ordering::Relaxed) {
        return None;
    }
    if rows[before..].iter().any(|r| r.year == NO_ROW) {
        let mut added = rows.split_off(before);
        added.retain(|r| r.year != NO_ROW);
        rows.extend(added);
    }
    Some(())
}

/// Splits `body` into `n` pieces of about equal size, at line ends.
fn split_lines(body: &[u8], n: usize) -> Vec<&[u8]> {
    let mut pieces = Vec::with_capacity(n);
    let mut rest = body;
    for k in (1..n).rev() {
        let target = rest.len() / (k + 1);
        let cut = match memchr::memchr(b'\n', &rest[target..]) {
            Some(p) => target + p + 1,
            None => rest.len(),
        };
        let (piece, tail) = rest.split_at(cut);
        pieces.push(piece);
        rest = tail;
    }
    pieces.push(rest);
    pieces.retain(|p| !p.is_empty());
    if pieces.is_empty() {
        pieces.push(&[][..]);
    }
    pieces
}

/// Trims as [`str::trim`] does, looking at bytes while both ends are ASCII.
fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    match (b.first(), b.last()) {
        // Nothing to trim, the usual case.
        (Some(&f), Some(&l)) if f > b' ' && f < 0x80 && l > b' ' && l < 0x80 => s,
        (Some(&f), Some(&l)) if f < 0x80 && l < 0x80 => {
            let space = |c: &u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C);
            let start = b.iter().position(|c| !space(c)).unwrap_or(b.len());
            let end = b.iter().rposition(|c| !space(c)).map_or(start, |e| e + 1);
            if start < end && (b[start] >= 0x80 || b[end - 1] >= 0x80) {
                // A space-like character beyond ASCII may follow.
                return s.trim();
            }
            &s[start..end.max(start)]
        }
        _ => s.trim(),
    }
}

/// Gives one shared label per distinct text of a piece.
struct Labels<'a> {
    last: Option<(&'a str, Label)>,
    seen: foldhash::HashMap<&'a str, Label>,
}

impl<'a> Labels<'a> {
    fn with_capacity(n: usize) -> Self {
        Labels {
            last: None,
            seen: foldhash::HashMap::with_capacity_and_hasher(n, Default::default()),
        }
    }

    fn get(&mut self, text: &'a str) -> Label {
        if let Some((t, l)) = &self.last
            && t.len() == text.len()
            && same_bytes(t.as_bytes(), text.as_bytes())
        {
            return l.clone();
        }
        let label = self
            .seen
            .entry(text)
            .or_insert_with(|| Label::new(text))
            .clone();
        self.last = Some((text, label.clone()));
        label
    }
}

/// Whether two texts of equal length are equal, compared a word at a time
/// (region codes and names are short; a call to `memcmp` costs more).
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len().min(b.len());
    let word =
        |s: &[u8], at: usize| u64::from_ne_bytes(s[at..at + 8].try_into().unwrap_or_default());
    if n >= 8 {
        // Whole words, then the last eight bytes (overlapping).
        let mut at = 0;
        while at + 8 <= n {
            if word(a, at) != word(b, at) {
                return false;
            }
            at += 8;
        }
        word(a, n - 8) == word(b, n - 8)
    } else {
        let mut same = true;
        for k in 0..n {
            same &= a[k] == b[k];
        }
        same
    }
}

/// The cell of `line` that starts at byte `start`: its text, quotes taken
/// off, and the byte after it (a delimiter or the line's end). `quotes`
/// says whether the line holds a quote at all; without one, cells end at
/// the next delimiter. A quoted cell is taken whole, delimiters and all.
/// `None` for the quoting the quick route leaves to the careful reader: a
/// doubled quote, text after a closing quote, a quote in a cell that does
/// not start with one, or a quote not closed on its line (a cell running
/// over a line end always leaves one open on the line it starts on).
fn next_cell(line: &str, start: usize, delimiter: u8, quotes: bool) -> Option<(&str, usize)> {
    let bytes = line.as_bytes();
    if quotes && bytes.get(start) == Some(&b'"') {
        let close = start + 1 + memchr::memchr(b'"', &bytes[start + 1..])?;
        let end = close + 1;
        if end < bytes.len() && bytes[end] != delimiter {
            return None;
        }
        return Some((&line[start + 1..close], end));
    }
    // Cells are short: a plain scan beats a vectorised search here.
    let end = bytes[start..]
        .iter()
        .position(|&b| b == delimiter)
        .map_or(bytes.len(), |p| start + p);
    if quotes && bytes[start..end].contains(&b'"') {
        return None;
    }
    Some((&line[start..end], end))
}

fn number(cell: &str, range: (f64, f64)) -> Result<Option<f64>, ()> {
    if cell.is_empty() {
        return Ok(None);
    }
    match fast_number(cell) {
        Some(v) if v >= range.0 && v <= range.1 => Ok(Some(v)),
        _ => Err(()),
    }
}

/// One line as a row (year [`NO_ROW`] for a blank line); `None` when the
/// line is not plainly right.
fn read_line<'a>(
    line: &'a str,
    delimiter: u8,
    field_of: &[Option<Field>],
    codes: &mut Labels<'a>,
    names: &mut Labels<'a>,
) -> Option<DataRow> {
    let people = (0.0, MAX_PEOPLE);
    let line = line.strip_suffix('\r').unwrap_or(line);
    let bytes = line.as_bytes();
    if bytes.contains(&b'\r') {
        // A line end of old Macs: the careful reader splits there.
        return None;
    }
    let quotes = memchr::memchr(b'"', bytes).is_some();
    let mut row = DataRow::default();
    let mut year: Option<f64> = None;
    let mut blank = true;
    let mut start = 0;
    let last_col = field_of.len() - 1;
    for (c, field) in field_of.iter().enumerate() {
        let (cell, end) = next_cell(line, start, delimiter, quotes)?;
        let cell = trim(cell);
        blank &= cell.is_empty();
        match field {
            None => {}
            Some(Field::RegionCode) => row.region_code = codes.get(cell),
            Some(Field::RegionName) => row.region_name = names.get(cell),
            Some(Field::Year) => year = number(cell, (1000.0, 3000.0)).ok()?,
            Some(Field::Population) => row.population = number(cell, people).ok()?.into(),
            Some(Field::Cbr) => row.cbr = number(cell, CBR_RANGE).ok()?.into(),
            Some(Field::Births) => row.births = number(cell, people).ok()?.into(),
            Some(Field::PregnantWomen) => row.pregnant_women = number(cell, people).ok()?.into(),
            Some(Field::MidwivesAvailable) => {
                row.midwives_available = number(cell, people).ok()?.into()
            }
            Some(Field::ParentCode) => return None,
        }
        if end == bytes.len() {
            break;
        }
        start = end + 1;
        if c == last_col {
            // A cell past the headers: the careful reader says what is wrong.
            if quotes
                || line[start..]
                    .split(delimiter as char)
                    .any(|c| !trim(c).is_empty())
            {
                return None;
            }
            break;
        }
    }
    if blank {
        row.year = NO_ROW;
        return Some(row);
    }
    finish_row(row, year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_like_str_trim() {
        for s in [
            "",
            " ",
            "  a ",
            "\ta\r",
            "\u{a0}a\u{a0}",
            " \u{a0}x",
            "x\u{2003} ",
            "\u{b}7\u{c}",
            "é ",
            " é",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn splits_at_line_ends_only() {
        let body = b"a;1\nbb;2\nccc;3\ndddd;4\n";
        for n in 1..6 {
            let pieces = split_lines(body, n);
            assert_eq!(pieces.concat(), body);
            assert!(pieces.iter().all(|p| p.ends_with(b"\n")), "{pieces:?}");
        }
    }

    #[test]
    fn a_plain_file_takes_the_quick_route() {
        let text = "kode;nama wilayah;tahun;jumlah penduduk;CBR\n\
                    3512;Situbondo;2017;680.000;16,2\n\
                    3512;Situbondo;2018;684.000;16,0\n\
                    ;;;;\n\
                    3511;Bondowoso;2017;770.000;15,1\n\
                    3511;Bondowoso;2018;772.500;14,9\n";
        let (rows, mapping) = read_plain(text, b';', None).expect("plain file");
        assert!(mapping.missing().is_empty());
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[1].region_name, "Situbondo");
        assert_eq!(rows[1].year, 2018);
        assert_eq!(rows[1].population, Some(684_000.0));
        assert_eq!(rows[3].cbr, Some(14.9));
        // One label per region, shared by its rows.
        assert!(rows[0].same_region(&rows[1]) && !rows[1].same_region(&rows[2]));
    }

    #[test]
    fn quoted_cells_read_as_the_careful_reader_reads_them() {
        // As a spreadsheet or R writes a file: names with the delimiter in
        // them, every text quoted, the header too, a quoted number.
        let text = "\"region_code\",\"region_name\",\"year\",\"population\",\"cbr\"\n\
                    \"R1\",\"Kab. Bogor, Jawa Barat\",2017,5329480,18.5\n\
                    \"R1\",\"Kab. Bogor, Jawa Barat\",\"2018\",5400000,18.2\n\
                    \"R2\",\" Koto Lolo \",2017,1602,\"16.5\"\n\
                    \"\",\"\",,,\n\
                    R2,Koto Lolo,2018,1610,16.4\n";
        let (rows, _) = read_plain(text, b',', None).expect("quoted cells, read quickly");
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0].region_name, "Kab. Bogor, Jawa Barat");
        assert_eq!(rows[1].year, 2018);
        assert_eq!(rows[0].population, Some(5_329_480.0));
        assert_eq!(rows[2].region_name, "Koto Lolo");
        assert_eq!(rows[2].cbr, Some(16.5));
        assert!(rows[2].same_region(&rows[3]));
        let careful = crate::io::import::import_csv_bytes(
            text.as_bytes(),
            std::path::Path::new("kutip.csv"),
            &crate::io::import::ImportOptions {
                careful: true,
                ..Default::default()
            },
            &mut |_| true,
        )
        .expect("the careful reader takes it too");
        assert_eq!(careful.rows, rows);
    }

    #[test]
    fn anything_unusual_goes_the_careful_way() {
        let head = "kode;tahun;jumlah penduduk;CBR\n";
        for body in [
            "\"35\"\"12\";2017;680.000;16,2\n", // a doubled quote
            "\"3512\"x;2017;680.000;16,2\n",    // text after a quote
            "35\"12;2017;680.000;16,2\n",       // a quote inside
            " \"3512\";2017;680.000;16,2\n",    // a quote after a space
            "\"3512;2017;680.000;16,2\n",       // a quote left open
            "\"35\n12\";2017;680.000;16,2\n",   // a cell over a line end
            "3512;2017;680.000;75\n",           // CBR out of range
            "3512;2017;-5;16,2\n",              // negative people
            "3512;2017;banyak;16,2\n",          // text in a number
            "3512;2017,5;680.000;16,2\n",       // not a year
            "3512;2017;680.000;16,2\n3512;2017;680.000;16,2\n", // twice
            "3512;2017;1;1\n3512;2019;1;1\n",   // a gap
            "3512;2017;1;1\n3511;2018;1;1\n",   // different years
            "3512;2017;;16,2\n",                // no population
            "3512;2017;1;1\r3512;2018;1;1\n",   // an old Mac line end
        ] {
            assert!(
                read_plain(&format!("{head}{body}"), b';', None).is_none(),
                "{body:?}"
            );
        }
    }

    #[test]
    fn a_file_read_piece_by_piece_gives_the_same_rows() {
        let mut text = String::from("\u{feff}kode;nama wilayah;tahun;jumlah penduduk;CBR\r\n");
        for r in 0..7 {
            for y in 2017..2021 {
                text.push_str(&format!(
                    "35{r:02};Désa {r};{y};{}.{:03};16,{r}\r\n",
                    600 + r,
                    y % 1000
                ));
                if r == 3 && y == 2018 {
                    text.push_str(";;;;\r\n\r\n");
                }
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("desa.csv");
        std::fs::write(&path, &text).unwrap();
        let (whole, mapping) =
            read_plain(text.trim_start_matches('\u{feff}'), b';', None).expect("plain");
        assert_eq!(whole.len(), 28);
        for chunk in [1, 2, 7, 50, 64, 1000, CHUNK] {
            let file = read_plain_file(&path, None, chunk, &mut |_| true).expect("plain file");
            assert_eq!(file.rows, whole, "chunk {chunk}");
            assert_eq!(file.mapping, mapping);
            assert_eq!(file.delimiter, b';');
        }
        // Progress after every piece, to the whole file; a stop is honoured.
        let big = dir.path().join("besar.csv");
        let mut text2 = String::from("kode;tahun;jumlah penduduk;CBR\n");
        for r in 0..400 {
            for y in 2017..2021 {
                text2.push_str(&format!("D{r:04};{y};1.{r:03};16,5\n"));
            }
        }
        std::fs::write(&big, &text2).unwrap();
        let mut heard = Vec::new();
        read_plain_file(&big, None, 2000, &mut |f| {
            heard.push(f);
            true
        })
        .expect("plain file");
        assert!(heard.len() > 3, "{heard:?}");
        assert!(heard.windows(2).all(|w| w[0] <= w[1]), "{heard:?}");
        assert_eq!(heard.last(), Some(&1.0));
        let mut calls = 0;
        let stopped = read_plain_file(&big, None, 2000, &mut |_| {
            calls += 1;
            calls < 2
        });
        assert!(stopped.is_none());
        assert_eq!(calls, 2);
        // Without the last line end; with quoted cells (the same rows); with
        // a cell running over a line end far down the file (read carefully).
        std::fs::write(&path, text.trim_end()).unwrap();
        assert_eq!(
            read_plain_file(&path, None, 64, &mut |_| true)
                .unwrap()
                .rows,
            whole
        );
        let quoted = text
            .replace("kode;nama wilayah", "\"kode\";\"nama wilayah\"")
            .replace("Désa 6", "\"Désa 6\"");
        std::fs::write(&path, &quoted).unwrap();
        assert_eq!(
            read_plain_file(&path, None, 64, &mut |_| true)
                .unwrap()
                .rows,
            whole
        );
        std::fs::write(&path, text.replace("Désa 6;2019", "\"Désa\n6\";2019")).unwrap();
        assert!(read_plain_file(&path, None, 64, &mut |_| true).is_none());
        // Windows-1252 text goes the careful way.
        let mut latin = text.into_bytes();
        for b in latin.iter_mut() {
            if *b == 0xC3 {
                *b = 0xE9;
            }
        }
        std::fs::write(&path, &latin).unwrap();
        assert!(read_plain_file(&path, None, 64, &mut |_| true).is_none());
    }
}
