//! The parts of an .xlsx package the quick route reads before the sheet:
//! the workbook's sheets and relationships, the shared strings and the cell
//! styles, each unpacked from the zip and parsed with quick-xml.

use std::borrow::Cow;
use std::io::{Cursor, Read};
use std::sync::Arc;

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// The unpacked bytes of one part of the workbook, if it is there and not
/// larger than `limit`.
pub(super) fn entry(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    path: &str,
    limit: u64,
) -> Option<Vec<u8>> {
    let file = zip.by_name(path).ok()?;
    let size = file.size();
    if size > limit {
        return None;
    }
    // The size is the file's own claim: trust it only as far as the packed
    // bytes can hold (a damaged package may claim anything).
    let packed = file
        .compressed_size()
        .saturating_mul(16)
        .saturating_add(1 << 16);
    let mut out = Vec::with_capacity(size.min(packed).min(1 << 28) as usize);
    file.take(limit + 1).read_to_end(&mut out).ok()?;
    (out.len() as u64 <= limit).then_some(out)
}

/// As [`entry`], as text.
pub(super) fn text_entry(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    path: &str,
    limit: u64,
) -> Option<String> {
    String::from_utf8(entry(zip, path, limit)?).ok()
}

pub(super) fn reader(xml: &str) -> Reader<&[u8]> {
    Reader::from_str(xml)
}

/// The value of attribute `key` of `e`, unescaped; `None` when absent.
pub(super) fn attr<'a>(e: &'a BytesStart<'_>, key: &str) -> Option<Cow<'a, str>> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok())
}

/// Text that the careful reader would take differently: Excel's `_xHHHH_`
/// escapes.
pub(super) fn unusual(text: &str) -> bool {
    text.contains("_x")
}

/// The workbook's sheets in order: (name, relationship id).
pub(super) fn workbook_sheets(xml: &str) -> Option<Vec<(String, String)>> {
    let mut r = reader(xml);
    let mut sheets = Vec::new();
    loop {
        match r.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "sheet" => {
                let name = attr(&e, "name")?.into_owned();
                let id = attr(&e, "r:id")?.into_owned();
                if unusual(&name) {
                    return None;
                }
                sheets.push((name, id));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Some(sheets)
}

/// The workbook's relationships: (id, type, path inside the package).
pub(super) fn relationships(xml: &str) -> Option<Vec<(String, String, String)>> {
    let mut r = reader(xml);
    let mut rels = Vec::new();
    loop {
        match r.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "Relationship" => {
                let id = attr(&e, "Id")?.into_owned();
                let kind = attr(&e, "Type")?.into_owned();
                let target = attr(&e, "Target")?;
                if attr(&e, "TargetMode").is_some() || target.contains("..") {
                    continue;
                }
                let path = match target.strip_prefix('/') {
                    Some(abs) => abs.to_string(),
                    None => format!("xl/{target}"),
                };
                rels.push((id, kind, path));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Some(rels)
}

/// Reads text up to the end of the element just started, resolving the
/// XML entities. `None` for anything but plain text.
pub(super) fn element_text(r: &mut Reader<&[u8]>, out: &mut String) -> Option<()> {
    loop {
        match r.read_event().ok()? {
            Event::Text(t) => out.push_str(&t.xml10_content()),
            Event::GeneralRef(g) => match g.resolve_char_ref().ok()? {
                Some(c) => out.push(c),
                None => out.push(match g.as_ref() {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    _ => return None,
                }),
            },
            Event::End(_) => return Some(()),
            _ => return None,
        }
    }
}

/// The shared strings, each trimmed as the careful reader takes a cell.
/// Rich text (several runs) is left to the careful reader.
pub(super) fn shared_strings(xml: &str) -> Option<Vec<Arc<str>>> {
    let mut r = reader(xml);
    let mut strings = Vec::new();
    let mut text = String::new();
    let mut in_si = false;
    let mut has_text = false;
    loop {
        match r.read_event().ok()? {
            Event::Start(e) if e.name().as_ref() == "si" => {
                in_si = true;
                has_text = false;
                text.clear();
            }
            Event::Empty(e) if e.name().as_ref() == "si" => strings.push(Arc::from("")),
            Event::Start(e) if in_si && e.name().as_ref() == "t" && !has_text => {
                element_text(&mut r, &mut text)?;
                has_text = true;
            }
            Event::Empty(e) if in_si && e.name().as_ref() == "t" && !has_text => {
                has_text = true;
            }
            Event::End(e) if e.name().as_ref() == "si" => {
                if unusual(&text) {
                    return None;
                }
                strings.push(Arc::from(text.trim()));
                in_si = false;
            }
            Event::Start(_) | Event::Empty(_) if in_si => return None,
            Event::Eof => break,
            _ => {}
        }
    }
    Some(strings)
}

/// For each cell style, whether a number in it is read as a plain number
/// (and not as a date or time, which the careful reader turns into text).
/// Number formats are judged cautiously: any letter of a date or time code
/// counts as a date.
pub(super) fn styles(xml: &str) -> Option<Vec<bool>> {
    let mut r = reader(xml);
    let mut custom: Vec<(u32, bool)> = Vec::new();
    let mut plain = Vec::new();
    let mut in_xfs = false;
    loop {
        match r.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "numFmt" => {
                let id: u32 = attr(&e, "numFmtId")?.parse().ok()?;
                let code = attr(&e, "formatCode")?;
                let dateish = code.chars().any(|c| {
                    matches!(
                        c.to_ascii_lowercase(),
                        'd' | 'm' | 'h' | 'y' | 's' | 'a' | 'p' | '[' | 'e' | 'g' | 'b'
                    )
                });
                if id < 164 {
                    return None;
                }
                custom.push((id, !dateish));
            }
            Event::Start(e) if e.name().as_ref() == "cellXfs" => in_xfs = true,
            Event::End(e) if e.name().as_ref() == "cellXfs" => in_xfs = false,
            Event::Start(e) | Event::Empty(e) if in_xfs && e.name().as_ref() == "xf" => {
                let id: u32 = match attr(&e, "numFmtId") {
                    Some(v) => v.parse().ok()?,
                    None => 0,
                };
                let ok = match id {
                    0..=13 | 37..=44 | 48 | 49 => true,
                    164.. => custom.iter().find(|(c, _)| *c == id)?.1,
                    _ => false,
                };
                plain.push(ok);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if plain.is_empty() {
        plain.push(true);
    }
    Some(plain)
}
