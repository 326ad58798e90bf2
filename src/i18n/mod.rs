//! The program's two languages and their texts.
//!
//! Every text the window and the command line show lives in one catalogue per
//! language, `assets/lang/id.txt` and `assets/lang/en.txt` (`key = text`
//! lines), so a translator corrects a word without reading Rust. The build
//! turns them into the [`T`] keys and checks that both catalogues have every
//! key; [`Lang::t`] gives a key's text, [`Lang::tf`] fills in its `{name}`
//! places.

use std::fmt::Display;

use serde::{Deserialize, Serialize};

include!(concat!(env!("OUT_DIR"), "/texts.rs"));

/// The language of labels, messages and number formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, Hash)]
pub enum Lang {
    /// Bahasa Indonesia (the default): 5.329.480; 0,21%.
    #[default]
    Id,
    /// English: 5,329,480; 0.21%.
    En,
}

impl Lang {
    pub fn key(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// The text of `key` in this language.
    pub fn t(self, key: T) -> &'static str {
        match self {
            Lang::Id => ID[key as usize],
            Lang::En => EN[key as usize],
        }
    }

    /// The text of `key` with each `{name}` replaced by its value.
    pub fn tf(self, key: T, args: &[(&str, &dyn Display)]) -> String {
        fill(self.t(key), args)
    }
}

/// Replaces each `{name}` of `template` by the value given for `name`; a
/// place with no value given is left as it is.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(&value.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` places of a text, sorted.
pub fn places(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_catalogues_have_a_text_for_every_key() {
        assert_eq!(T::ALL.len(), COUNT);
        for key in T::ALL {
            for lang in [Lang::Id, Lang::En] {
                assert!(
                    !lang.t(key).trim().is_empty(),
                    "`{}` has no {} text",
                    key.key(),
                    lang.key()
                );
            }
        }
    }

    #[test]
    fn both_languages_fill_the_same_places() {
        for key in T::ALL {
            assert_eq!(
                places(Lang::Id.t(key)),
                places(Lang::En.t(key)),
                "`{}`: the two languages name different {{places}}",
                key.key()
            );
        }
    }

    #[test]
    fn fill_replaces_named_places_and_keeps_unknown_ones() {
        let n = 1_602;
        assert_eq!(
            fill(
                "{n} persalinan di {where}",
                &[("n", &n), ("where", &"Kota Sungai Penuh")]
            ),
            "1602 persalinan di Kota Sungai Penuh"
        );
        assert_eq!(fill("{x} dan {y}", &[("x", &1)]), "1 dan {y}");
        assert_eq!(fill("kurung { terbuka", &[]), "kurung { terbuka");
        assert_eq!(places("{b} {a} {b}"), vec!["a", "b"]);
    }

    #[test]
    fn the_catalogue_files_list_keys_in_the_same_order() {
        // A translator compares the two files side by side.
        let keys = |text: &str| -> Vec<String> {
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim().to_string()))
                .collect()
        };
        assert_eq!(
            keys(include_str!("../../assets/lang/id.txt")),
            keys(include_str!("../../assets/lang/en.txt"))
        );
    }
}
