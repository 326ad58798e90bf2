//! The window speaks one language at a time: every tab and every menu, drawn
//! in Indonesian and in English, shows no text of the other language, and
//! what reads the same in both is a number, a name from the data, or a text
//! the catalogues give alike in both languages (Total, Data, WISN…).

use std::collections::BTreeSet;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use proyeksi_bidan::i18n::{Lang, T};
use proyeksi_bidan::model::Scenario;
use proyeksi_bidan::ui::{ProyeksiApp, Settings, Tab};

mod common;
use common::{App, ScriptedDialogs};

const TABS: [Tab; 8] = [
    Tab::Projection,
    Tab::Table,
    Tab::Working,
    Tab::Workload,
    Tab::Map,
    Tab::Analysis,
    Tab::Data,
    Tab::Programs,
];

const MENUS: [T; 4] = [
    T::menu_bar_file,
    T::menu_bar_edit,
    T::menu_bar_view,
    T::menu_bar_help,
];

fn app_in(lang: Lang) -> App {
    let settings = Settings {
        lang,
        ..Settings::default()
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |_cc| {
            ProyeksiApp::new(
                Scenario::example(),
                None,
                settings,
                Box::new(ScriptedDialogs::default()),
            )
        });
    h.run_steps(4);
    h
}

/// Every label and value the window shows now.
fn shown_now(h: &App, into: &mut BTreeSet<String>) {
    for node in h.query_all_by(|_| true) {
        let ak = node.accesskit_node();
        for text in [ak.label(), ak.value()].into_iter().flatten() {
            let text = text.trim();
            if !text.is_empty() {
                into.insert(text.to_string());
            }
        }
    }
}

/// Every text of every tab and every menu, in `lang`.
fn everything_shown(lang: Lang) -> BTreeSet<String> {
    let mut h = app_in(lang);
    let mut texts = BTreeSet::new();
    for tab in TABS {
        h.state_mut().tab = tab;
        h.run_steps(4);
        shown_now(&h, &mut texts);
    }
    for menu in MENUS {
        h.get_by_label(lang.t(menu)).click();
        h.run_steps(4);
        shown_now(&h, &mut texts);
        h.key_press(egui::Key::Escape);
        h.run_steps(4);
    }
    texts
}

/// The texts of `other` that `lang` never uses for any key.
fn foreign_texts(lang: Lang, other: Lang) -> BTreeSet<&'static str> {
    let own: BTreeSet<&str> = T::ALL.iter().map(|&k| lang.t(k)).collect();
    T::ALL
        .iter()
        // The language menu names each language in its own words.
        .filter(|&&k| k != T::lang_name)
        .map(|&k| other.t(k))
        .filter(|text| !own.contains(text))
        .collect()
}

/// The fixed part of a text before its first `{place}`.
fn fixed_part(text: &str) -> &str {
    text.split('{').next().unwrap_or(text).trim()
}

#[test]
fn no_text_of_the_other_language_shows() {
    for (lang, other) in [(Lang::Id, Lang::En), (Lang::En, Lang::Id)] {
        let shown = everything_shown(lang);
        assert!(
            shown.len() > 100,
            "too few texts found ({}): the tabs were not drawn",
            shown.len()
        );
        let foreign = foreign_texts(lang, other);
        let mut wrong = Vec::new();
        for text in &shown {
            if foreign.contains(text.as_str()) {
                wrong.push(text.clone());
                continue;
            }
            // A longer text of the other language inside a composed label.
            if let Some(f) = foreign
                .iter()
                .map(|f| fixed_part(f))
                .find(|f| f.chars().count() >= 16 && text.contains(f))
            {
                wrong.push(format!("{text:?} contains {f:?}"));
            }
        }
        assert!(
            wrong.is_empty(),
            "in {lang:?} the window shows {other:?} texts: {wrong:#?}"
        );
    }
}

/// Names that are the same in Indonesian and English and are written into
/// the window as such: the two staffing methods, and egui's own name for the
/// handle that resizes a side panel (read by screen readers, not shown).
const SAME_IN_BOTH: &[&str] = &["ABK-Kes (Kemenkes)", "WISN (WHO)", "Resize panel"];

/// Whether `text` is made of names, numbers, formulas (symbols of one or two
/// letters, such as `P_n` or `g`) and texts the catalogues give alike in both
/// languages.
fn is_neutral(text: &str, alike: &[&str]) -> bool {
    let mut rest = text.to_string();
    for part in alike {
        rest = rest.replace(part, " ");
    }
    rest.split(|c: char| !c.is_alphabetic())
        .all(|word| word.chars().count() <= 2)
}

#[test]
fn what_reads_the_same_in_both_languages_is_a_number_a_name_or_alike_in_the_catalogues() {
    let id = everything_shown(Lang::Id);
    let en = everything_shown(Lang::En);
    let alike_in_catalogues: BTreeSet<&str> = T::ALL
        .iter()
        .filter(|&&k| Lang::Id.t(k) == Lang::En.t(k) && k != T::lang_name)
        .map(|&k| Lang::Id.t(k))
        .collect();
    let example = Scenario::example();
    let mut names: BTreeSet<String> = example
        .data
        .iter()
        .flat_map(|r| [r.region_code.to_string(), r.region_name.to_string()])
        .collect();
    names.insert(example.name.clone());
    // The language menu names each language in its own words, in both.
    names.extend([Lang::Id, Lang::En].map(|l| l.t(T::lang_name).to_string()));
    names.extend(example.params.anc.visits.iter().map(|v| v.label.clone()));

    // Longest first, so that a longer text is taken out before a part of it.
    let mut alike: Vec<&str> = alike_in_catalogues
        .iter()
        .copied()
        .chain(names.iter().map(String::as_str))
        .chain(SAME_IN_BOTH.iter().copied())
        .collect();
    alike.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let suspicious: Vec<&String> = id
        .intersection(&en)
        .filter(|t| !is_neutral(t, &alike))
        .collect();
    assert!(
        suspicious.is_empty(),
        "these texts show the same in Indonesian and English and are not in the catalogues: {suspicious:#?}"
    );
}
