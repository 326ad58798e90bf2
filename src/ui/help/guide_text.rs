//! The guide's text: one file per language (`assets/help/`), with the
//! catalogue's texts put in where the file names them (`{{t:key}}`, so a
//! parameter's entry and its tooltip never disagree), read into numbered
//! sections of headings, paragraphs, lists and tables.
//!
//! The files use a small part of Markdown: `## Chapter {#anchor}`,
//! `### Entry {#anchor}`, paragraphs, `- ` and `1. ` lists, `| a | b |`
//! tables (the first row is the header), `**strong**`, `*emphasis*`,
//! `` `code` `` and links to an entry, `[text](#anchor)`.

use crate::i18n::T;
use crate::model::Lang;

/// A piece of text with one style.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Style {
    Plain,
    Strong,
    Emphasis,
    Code,
    /// A link to the entry with this anchor.
    Link(String),
}

/// A line of text made of styled pieces.
pub type Inline = Vec<Span>;

/// What a section's body is made of.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Inline),
    Bullets(Vec<Inline>),
    Numbered(Vec<Inline>),
    Table {
        header: Vec<Inline>,
        rows: Vec<Vec<Inline>>,
    },
}

/// A chapter (level 2) or an entry (level 3) with its body, up to the next
/// heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub anchor: String,
    pub level: u8,
    /// The heading with its number, e.g. "3.5 Waktu kerja efektif (WKE)".
    pub title: String,
    /// The index of the chapter this section belongs to (its own for a chapter).
    pub chapter: usize,
    pub blocks: Vec<Block>,
    /// The heading and body as plain text, what a search looks in.
    pub plain: String,
}

/// The whole guide in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Guide {
    pub lang: Lang,
    pub sections: Vec<Section>,
}

impl Guide {
    /// The guide in `lang`, from the text bundled in the program.
    pub fn bundled(lang: Lang) -> Guide {
        let source = match lang {
            Lang::Id => include_str!("../../../assets/help/panduan-id.md"),
            Lang::En => include_str!("../../../assets/help/guide-en.md"),
        };
        Guide {
            lang,
            sections: parse(&expand(source, lang)),
        }
    }

    /// The index of the section with `anchor`.
    pub fn find(&self, anchor: &str) -> Option<usize> {
        self.sections.iter().position(|s| s.anchor == anchor)
    }

    /// The sections of the chapter at index `chapter`: the chapter and its entries.
    pub fn chapter(&self, chapter: usize) -> impl Iterator<Item = (usize, &Section)> {
        self.sections
            .iter()
            .enumerate()
            .filter(move |(_, s)| s.chapter == chapter)
    }
}

/// Puts in the texts the source names: `{{t:key}}` a catalogue text in
/// `lang`, `{{version}}` the program's version. A name that is not known
/// is left as written.
pub fn expand(source: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(source.len() + source.len() / 4);
    let mut rest = source;
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let Some(close) = after.find("}}") else {
            out.push_str(&rest[open..]);
            return out;
        };
        let name = &after[..close];
        match lookup(name, lang) {
            Some(text) => out.push_str(text),
            None => out.push_str(&rest[open..open + 2 + close + 2]),
        }
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    out
}

fn lookup(name: &str, lang: Lang) -> Option<&'static str> {
    if name == "version" {
        return Some(env!("CARGO_PKG_VERSION"));
    }
    let key = name.strip_prefix("t:")?;
    T::ALL.iter().find(|k| k.key() == key).map(|&k| lang.t(k))
}

/// A heading line: its level, title and anchor.
fn heading(line: &str) -> Option<(u8, &str, String)> {
    let (level, rest) = if let Some(r) = line.strip_prefix("### ") {
        (3, r)
    } else if let Some(r) = line.strip_prefix("## ") {
        (2, r)
    } else {
        return None;
    };
    let rest = rest.trim();
    match rest.rfind("{#") {
        Some(i) if rest.ends_with('}') => {
            let anchor = rest[i + 2..rest.len() - 1].trim().to_string();
            Some((level, rest[..i].trim(), anchor))
        }
        _ => Some((level, rest, slug(rest))),
    }
}

fn slug(title: &str) -> String {
    title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// A list item's text, if the line starts one.
fn bullet(line: &str) -> Option<&str> {
    line.strip_prefix("- ").or_else(|| line.strip_prefix("* "))
}

fn numbered(line: &str) -> Option<&str> {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    line[digits..].strip_prefix(". ")
}

fn table_cells(line: &str) -> Vec<&str> {
    let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
    inner.split('|').map(str::trim).collect()
}

fn is_rule(cells: &[&str]) -> bool {
    cells
        .iter()
        .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
}

/// Reads the expanded text into numbered sections. Text before the first
/// heading is left out.
pub fn parse(text: &str) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    let mut chapter_no = 0;
    let mut entry_no = 0;
    let mut para: Vec<&str> = Vec::new();
    let mut list: Option<(bool, Vec<Inline>)> = None;
    let mut table: Vec<Vec<&str>> = Vec::new();

    fn flush(
        sections: &mut [Section],
        para: &mut Vec<&str>,
        list: &mut Option<(bool, Vec<Inline>)>,
        table: &mut Vec<Vec<&str>>,
    ) {
        let Some(section) = sections.last_mut() else {
            para.clear();
            *list = None;
            table.clear();
            return;
        };
        if !para.is_empty() {
            section
                .blocks
                .push(Block::Paragraph(inline(&para.join(" "))));
            para.clear();
        }
        if let Some((is_numbered, items)) = list.take() {
            section.blocks.push(if is_numbered {
                Block::Numbered(items)
            } else {
                Block::Bullets(items)
            });
        }
        if !table.is_empty() {
            let mut rows: Vec<Vec<Inline>> = table
                .drain(..)
                .filter(|r| !is_rule(r))
                .map(|r| r.into_iter().map(inline).collect())
                .collect();
            if !rows.is_empty() {
                let header = rows.remove(0);
                section.blocks.push(Block::Table { header, rows });
            }
        }
    }

    for raw in text.lines() {
        let line = raw.trim_end();
        if let Some((level, title, anchor)) = heading(line) {
            flush(&mut sections, &mut para, &mut list, &mut table);
            let number = if level == 2 {
                chapter_no += 1;
                entry_no = 0;
                format!("{chapter_no}")
            } else {
                entry_no += 1;
                format!("{chapter_no}.{entry_no}")
            };
            let chapter = if level == 2 {
                sections.len()
            } else {
                sections.iter().rposition(|s| s.level == 2).unwrap_or(0)
            };
            sections.push(Section {
                anchor,
                level,
                title: format!("{number} {}", plain(&inline(title))),
                chapter,
                blocks: Vec::new(),
                plain: String::new(),
            });
            continue;
        }
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            flush(&mut sections, &mut para, &mut list, &mut table);
        } else if trimmed.starts_with('|') {
            if !para.is_empty() || list.is_some() {
                flush(&mut sections, &mut para, &mut list, &mut table);
            }
            table.push(table_cells(trimmed));
        } else if let Some(item) = bullet(trimmed)
            .map(|t| (false, t))
            .or_else(|| numbered(trimmed).map(|t| (true, t)))
        {
            let (is_numbered, text) = item;
            if !para.is_empty()
                || !table.is_empty()
                || list.as_ref().is_some_and(|l| l.0 != is_numbered)
            {
                flush(&mut sections, &mut para, &mut list, &mut table);
            }
            list.get_or_insert_with(|| (is_numbered, Vec::new()))
                .1
                .push(inline(text));
        } else if let Some((_, items)) = list.as_mut().filter(|_| raw.starts_with("  ")) {
            // A continuation line of the last list item.
            if let Some(last) = items.last_mut() {
                last.push(Span {
                    text: " ".into(),
                    style: Style::Plain,
                });
                last.extend(inline(trimmed));
            }
        } else {
            if list.is_some() || !table.is_empty() {
                flush(&mut sections, &mut para, &mut list, &mut table);
            }
            para.push(trimmed);
        }
    }
    flush(&mut sections, &mut para, &mut list, &mut table);
    for s in &mut sections {
        s.plain = section_plain(s);
    }
    sections
}

/// The text of styled pieces without their styles.
pub fn plain(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}

fn section_plain(s: &Section) -> String {
    let mut out = s.title.clone();
    for b in &s.blocks {
        out.push('\n');
        match b {
            Block::Paragraph(p) => out.push_str(&plain(p)),
            Block::Bullets(items) | Block::Numbered(items) => {
                for i in items {
                    out.push_str(&plain(i));
                    out.push('\n');
                }
            }
            Block::Table { header, rows } => {
                for row in std::iter::once(header).chain(rows) {
                    let cells: Vec<String> = row.iter().map(|c| plain(c)).collect();
                    out.push_str(&cells.join(" | "));
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// Reads `**strong**`, `*emphasis*`, `` `code` `` and `[text](#anchor)`;
/// a mark without its closing one is plain text.
pub fn inline(text: &str) -> Inline {
    let mut spans: Inline = Vec::new();
    let mut plain_text = String::new();
    let mut rest = text;
    let push_plain = |spans: &mut Inline, buf: &mut String| {
        if !buf.is_empty() {
            spans.push(Span {
                text: std::mem::take(buf),
                style: Style::Plain,
            });
        }
    };
    while let Some(c) = rest.chars().next() {
        let styled = if let Some(r) = rest.strip_prefix("**") {
            r.find("**")
                .filter(|&e| e > 0)
                .map(|e| (Style::Strong, &r[..e], &r[e + 2..]))
        } else if let Some(r) = rest.strip_prefix('`') {
            r.find('`')
                .filter(|&e| e > 0)
                .map(|e| (Style::Code, &r[..e], &r[e + 1..]))
        } else if let Some(r) = rest.strip_prefix('*').filter(|r| !r.starts_with(' ')) {
            r.find('*')
                .filter(|&e| e > 0)
                .map(|e| (Style::Emphasis, &r[..e], &r[e + 1..]))
        } else if let Some(r) = rest.strip_prefix('[') {
            link(r)
        } else {
            None
        };
        match styled {
            Some((style, inner, after)) => {
                push_plain(&mut spans, &mut plain_text);
                spans.push(Span {
                    text: inner.to_string(),
                    style,
                });
                rest = after;
            }
            None => {
                plain_text.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    push_plain(&mut spans, &mut plain_text);
    spans
}

/// `text](#anchor)` after an opening `[`.
fn link(r: &str) -> Option<(Style, &str, &str)> {
    let close = r.find("](#")?;
    let after = &r[close + 3..];
    let end = after.find(')')?;
    Some((
        Style::Link(after[..end].to_string()),
        &r[..close],
        &after[end + 1..],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::help::topic::Topic;

    #[test]
    fn headings_are_numbered_and_keep_their_anchors() {
        let s = parse("## One {#one}\n\nText.\n\n### Two {#two}\n\n- a\n- b\n\n## Three\n");
        let titles: Vec<&str> = s.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["1 One", "1.1 Two", "2 Three"]);
        assert_eq!(s[1].anchor, "two");
        assert_eq!(s[2].anchor, "three");
        assert_eq!(s[1].chapter, 0);
        assert_eq!(s[2].chapter, 2);
        assert_eq!(
            s[1].blocks,
            vec![Block::Bullets(vec![inline("a"), inline("b")])]
        );
    }

    #[test]
    fn a_table_skips_its_rule_and_takes_the_first_row_as_header() {
        let s = parse("## T {#t}\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        match &s[0].blocks[0] {
            Block::Table { header, rows } => {
                assert_eq!(plain(&header[1]), "b");
                assert_eq!(rows.len(), 1);
                assert_eq!(plain(&rows[0][0]), "1");
            }
            other => panic!("not a table: {other:?}"),
        }
    }

    #[test]
    fn inline_marks_become_styles_and_unclosed_marks_stay_text() {
        let spans = inline("a **b** `c` [d](#e) *f* 2 * 3 **g");
        let styles: Vec<(&str, &Style)> =
            spans.iter().map(|s| (s.text.as_str(), &s.style)).collect();
        assert_eq!(
            styles,
            vec![
                ("a ", &Style::Plain),
                ("b", &Style::Strong),
                (" ", &Style::Plain),
                ("c", &Style::Code),
                (" ", &Style::Plain),
                ("d", &Style::Link("e".into())),
                (" ", &Style::Plain),
                ("f", &Style::Emphasis),
                (" 2 * 3 **g", &Style::Plain),
            ]
        );
    }

    #[test]
    fn catalogue_texts_are_put_in_and_unknown_names_left() {
        assert_eq!(
            expand("{{t:menu_bar_file}} {{x}} {{t:nope}} {{", Lang::Id),
            "Berkas {{x}} {{t:nope}} {{"
        );
        assert_eq!(expand("{{t:menu_bar_file}}", Lang::En), "File");
    }

    #[test]
    fn both_guides_name_only_known_texts_and_have_every_linked_entry() {
        for lang in [Lang::Id, Lang::En] {
            let guide = Guide::bundled(lang);
            assert!(
                guide.sections.len() > 30,
                "{lang:?}: {}",
                guide.sections.len()
            );
            for s in &guide.sections {
                assert!(
                    !s.plain.contains("{{"),
                    "{lang:?}: {} keeps a name",
                    s.title
                );
                for b in &s.blocks {
                    if let Block::Paragraph(p) = b {
                        for span in p {
                            if let Style::Link(a) = &span.style {
                                assert!(guide.find(a).is_some(), "{lang:?}: no entry {a}");
                            }
                        }
                    }
                }
            }
            for topic in Topic::ALL {
                assert!(
                    guide.find(topic.anchor()).is_some(),
                    "{lang:?} has no entry {topic:?}"
                );
            }
        }
    }

    #[test]
    fn both_guides_have_the_same_sections_in_the_same_order() {
        let anchors = |l| {
            Guide::bundled(l)
                .sections
                .into_iter()
                .map(|s| s.anchor)
                .collect::<Vec<_>>()
        };
        assert_eq!(anchors(Lang::Id), anchors(Lang::En));
    }

    #[test]
    fn a_parameter_entry_carries_its_tooltip() {
        let guide = Guide::bundled(Lang::Id);
        let Some(i) = guide.find("annual-leave") else {
            panic!("no entry");
        };
        let s = &guide.sections[i];
        assert_eq!(s.title, "4.7 Cuti tahunan (B)");
        assert!(
            s.plain
                .contains(Lang::Id.t(T::params_panel_annual_leave_days_paper_12))
        );
    }

    #[test]
    fn each_guide_holds_no_catalogue_text_of_the_other_language() {
        for (lang, other) in [(Lang::Id, Lang::En), (Lang::En, Lang::Id)] {
            let own: std::collections::BTreeSet<&str> = T::ALL.iter().map(|&k| lang.t(k)).collect();
            let guide = Guide::bundled(lang);
            for &k in &T::ALL {
                let text = other.t(k);
                if text.chars().count() < 16 || own.contains(text) {
                    continue;
                }
                for s in &guide.sections {
                    assert!(!s.plain.contains(text), "{lang:?} {}: {text}", s.title);
                }
            }
        }
    }
}
