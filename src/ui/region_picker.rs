//! The region picker above the results: a list that opens under "Wilayah:",
//! searched by code or name as the planner types, and scrolled through
//! every matching region at any count (only the rows in sight are drawn).

use egui::Ui;

use crate::i18n::T;
use crate::model::number::fmt_fixed;
use crate::model::{Lang, PreparedData};

/// Rows of the list in sight at most; the rest are reached by scrolling.
const LIST_HEIGHT: f32 = 320.0;

/// The search and filter of the region list, kept while the window runs.
#[derive(Default)]
pub struct RegionPicker {
    filter: String,
    /// Whether the list shows only the flagged regions.
    only_flagged: bool,
    /// Whether the list was open in the last frame (the search field takes
    /// the keyboard when the list opens).
    was_open: bool,
}

/// What the picker reads: the regions, which are flagged, and the language.
pub struct RegionList<'a> {
    pub lang: Lang,
    pub data: &'a PreparedData,
    pub flagged: &'a [bool],
    pub flagged_count: usize,
    /// The region shown (`None`: the total).
    pub current: Option<usize>,
}

impl RegionList<'_> {
    /// The regions matching `filter` (by code or name, ignoring case), and
    /// only the flagged ones if asked.
    pub fn matching(&self, filter: &str, only_flagged: bool) -> Vec<usize> {
        let needle = filter.trim().to_lowercase();
        let d = self.data;
        (0..d.regions())
            .filter(|&r| {
                !(only_flagged
                    && self.flagged_count > 0
                    && !self.flagged.get(r).copied().unwrap_or(false))
            })
            .filter(|&r| {
                needle.is_empty()
                    || d.codes[r].to_lowercase().contains(&needle)
                    || d.names[r].to_lowercase().contains(&needle)
            })
            .collect()
    }

    fn entry(&self, r: usize) -> String {
        let d = self.data;
        let label = format!("{} {}", d.codes[r], d.label(r));
        if self.flagged.get(r).copied().unwrap_or(false) {
            format!("{label} — {}", self.lang.t(T::app_flagged))
        } else {
            label
        }
    }
}

impl RegionPicker {
    /// Draws "Wilayah:" and its list; returns the choice made this frame
    /// (`Some(None)`: the total).
    pub fn ui(&mut self, ui: &mut Ui, list: &RegionList) -> Option<Option<usize>> {
        let lang = list.lang;
        let d = list.data;
        if d.regions() < 2 {
            return None;
        }
        let count = fmt_fixed(d.regions() as f64, 0, lang);
        let shown = match list.current {
            Some(r) if r < d.regions() => format!("{} {}", d.codes[r], d.label(r)),
            _ => format!(
                "{} ({count} {})",
                lang.t(T::app_total),
                lang.t(T::app_regions)
            ),
        };
        let mut choice = None;
        let mut open = false;
        ui.horizontal(|ui| {
            let l = ui.label(lang.t(T::app_region));
            egui::ComboBox::from_id_salt("region")
                .selected_text(shown)
                .width(300.0)
                .height(LIST_HEIGHT + 160.0)
                // The search field and the filter stay open while used; a
                // chosen region closes the list.
                .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
                .show_ui(ui, |ui| {
                    open = true;
                    choice = self.list_ui(ui, list);
                    if choice.is_some() {
                        ui.close();
                    }
                })
                .response
                .labelled_by(l.id);
        });
        self.was_open = open;
        choice
    }

    fn list_ui(&mut self, ui: &mut Ui, list: &RegionList) -> Option<Option<usize>> {
        let lang = list.lang;
        let search = ui.add(
            egui::TextEdit::singleline(&mut self.filter)
                .hint_text(lang.t(T::app_search_code_name))
                .desired_width(280.0),
        );
        let search = search.accessible_name(lang.t(T::region_picker_search));
        if !self.was_open {
            search.request_focus();
        }
        if list.flagged_count > 0 {
            ui.checkbox(
                &mut self.only_flagged,
                lang.tf(T::app_only_flagged, &[("count", &list.flagged_count)]),
            );
        }
        let matches = list.matching(&self.filter, self.only_flagged);
        let enter = search.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if enter && let Some(&first) = matches.first() {
            return Some(Some(first));
        }
        let mut choice = None;
        if ui
            .selectable_label(list.current.is_none(), lang.t(T::app_total))
            .clicked()
        {
            choice = Some(None);
        }
        ui.label(
            egui::RichText::new(lang.tf(
                T::region_picker_matching,
                &[
                    ("count", &fmt_fixed(matches.len() as f64, 0, lang)),
                    ("total", &fmt_fixed(list.data.regions() as f64, 0, lang)),
                ],
            ))
            .small(),
        );
        let row_height = ui.spacing().interact_size.y;
        let width = ui.available_width().max(280.0);
        egui::ScrollArea::vertical()
            .id_salt("region_rows")
            .max_height(LIST_HEIGHT)
            .auto_shrink([false, true])
            .show_rows(ui, row_height, matches.len(), |ui, range| {
                for &r in &matches[range] {
                    let button = egui::Button::selectable(list.current == Some(r), list.entry(r));
                    if ui.add_sized([width, row_height], button).clicked() {
                        choice = Some(Some(r));
                    }
                }
            });
        choice
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DataRow;

    fn data(n: usize) -> PreparedData {
        let rows: Vec<DataRow> = (1..=n)
            .flat_map(|i| {
                (2017..=2018).map(move |year| DataRow {
                    region_code: format!("R{i:04}").into(),
                    region_name: format!("Kabupaten {i}").into(),
                    year,
                    population: Some(1000.0).into(),
                    cbr: Some(18.0).into(),
                    ..Default::default()
                })
            })
            .collect();
        PreparedData::new(&rows).expect("valid data")
    }

    #[test]
    fn every_region_can_be_found_by_code_or_name() {
        let d = data(514);
        let list = RegionList {
            lang: Lang::Id,
            data: &d,
            flagged: &[],
            flagged_count: 0,
            current: None,
        };
        assert_eq!(list.matching("", false).len(), 514);
        let r = list.matching("R0437", false);
        assert_eq!(r.len(), 1);
        assert_eq!(d.codes[r[0]], "R0437");
        let r = list.matching("kabupaten 514", false);
        assert_eq!(r.len(), 1);
        assert_eq!(d.codes[r[0]], "R0514");
        // "Kabupaten 51" is in 51 and 510..=514.
        assert_eq!(list.matching("  KABUPATEN 51", false).len(), 6);
    }
}
