//! Searching the guide: a section matches when every word of the search is
//! in its heading or body, ignoring case; the places found are marked.

use std::ops::Range;

use super::guide_text::Section;

/// The words of a search, without empty ones.
pub fn words(query: &str) -> Vec<&str> {
    query.split_whitespace().collect()
}

/// Whether `section` holds every one of `words` (none: every section does).
pub fn matches(section: &Section, words: &[&str]) -> bool {
    words
        .iter()
        .all(|w| !find_all(&section.plain, w).is_empty())
}

/// How well `section` answers the search: each place found counts, one in
/// the heading ten times.
pub fn score(section: &Section, words: &[&str]) -> usize {
    words
        .iter()
        .map(|w| find_all(&section.plain, w).len() + 9 * find_all(&section.title, w).len())
        .sum()
}

/// Where `word` occurs in `text`, ignoring case, as byte ranges of `text`.
pub fn find_all(text: &str, word: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    if word.is_empty() {
        return found;
    }
    let mut starts = text.char_indices();
    while let Some((start, _)) = starts.next() {
        if let Some(end) = match_at(&text[start..], word) {
            found.push(start..start + end);
            // Skip past the match, so matches do not overlap.
            while starts.clone().next().is_some_and(|(i, _)| i < start + end) {
                starts.next();
            }
        }
    }
    found
}

/// The length in bytes of `text`'s start that equals `word` ignoring case.
fn match_at(text: &str, word: &str) -> Option<usize> {
    let mut t = text.char_indices();
    for w in word.chars() {
        let (_, c) = t.next()?;
        if !c.to_lowercase().eq(w.to_lowercase()) {
            return None;
        }
    }
    Some(t.next().map_or(text.len(), |(i, _)| i))
}

/// The ranges of `text` where any of `words` occurs, sorted and merged.
pub fn marks(text: &str, words: &[&str]) -> Vec<Range<usize>> {
    let mut all: Vec<Range<usize>> = words.iter().flat_map(|w| find_all(text, w)).collect();
    all.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in all {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::ui::help::guide_text::Guide;

    #[test]
    fn finds_ignoring_case_and_without_overlap() {
        assert_eq!(find_all("WKE wke Wke", "wKe"), vec![0..3, 4..7, 8..11]);
        assert_eq!(find_all("aaaa", "aa"), vec![0..2, 2..4]);
        assert_eq!(find_all("Rata-rata", ""), Vec::<Range<usize>>::new());
        // Letters whose bytes differ from their lower case.
        assert_eq!(find_all("ÉTÉ été", "été"), vec![0..5, 6..11]);
    }

    #[test]
    fn marks_merge_overlapping_words() {
        assert_eq!(
            marks("69.825 menit", &["69.8", "825", "menit"]),
            vec![0..6, 7..12]
        );
    }

    fn found(lang: Lang, query: &str) -> Vec<String> {
        let guide = Guide::bundled(lang);
        let w = words(query);
        guide
            .sections
            .iter()
            .filter(|s| matches(s, &w))
            .map(|s| s.anchor.clone())
            .collect()
    }

    #[test]
    fn the_wke_figure_is_found_in_the_wke_entry_in_both_languages() {
        let id = found(Lang::Id, "69.825");
        assert!(id.contains(&"wke".to_string()), "{id:?}");
        let en = found(Lang::En, "69,825");
        assert!(en.contains(&"wke".to_string()), "{en:?}");
        // Every word must be there: a word no section has finds nothing.
        assert!(found(Lang::Id, "69.825 zebra").is_empty());
        // The entry on WKE answers best.
        let guide = Guide::bundled(Lang::Id);
        let w = words("69.825");
        let best = guide.sections.iter().max_by_key(|s| score(s, &w));
        assert_eq!(best.map(|s| s.anchor.as_str()), Some("wke"));
        // The paper's citation is found by its author.
        assert_eq!(
            found(Lang::En, "umniyatun evindiyah"),
            vec!["cite".to_string()]
        );
    }
}
