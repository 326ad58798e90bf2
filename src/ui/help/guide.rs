//! The guide window (Bantuan → Panduan, F1): a search box, the contents on
//! the left and, on the right, the chapter of the entry asked for — or,
//! while searching, every section that matches, the places found marked.

use egui::{Align, Context, Ui};

use super::guide_text::Guide;
use super::markup::{Look, section};
use super::search;
use super::topic::Topic;
use crate::i18n::T;
use crate::model::Lang;

/// The guide window's state.
#[derive(Default)]
pub struct GuideWindow {
    pub open: bool,
    query: String,
    /// The anchor of the entry shown; its chapter is on the page.
    current: String,
    /// The entry to scroll to on the next frame.
    scroll_to: Option<String>,
    /// The entry the planner asked for, its heading tinted.
    target: Option<String>,
    /// The search changed: its results are read from the top.
    results_to_top: bool,
    guide: Option<Guide>,
}

impl GuideWindow {
    /// Opens the guide at `topic`'s entry (at the first chapter, or where
    /// it was, without one).
    pub fn open_at(&mut self, topic: Option<Topic>) {
        self.open = true;
        if let Some(t) = topic {
            self.go_to(t.anchor());
            self.target = Some(t.anchor().to_string());
        }
    }

    /// The anchor of the entry shown.
    pub fn current(&self) -> &str {
        &self.current
    }

    /// What is typed in the search box.
    pub fn query(&self) -> &str {
        &self.query
    }

    fn go_to(&mut self, anchor: &str) {
        self.current = anchor.to_string();
        self.scroll_to = Some(anchor.to_string());
        self.target = None;
        self.query.clear();
    }

    /// Draws the window while it is open, within `area`.
    pub fn show(&mut self, ctx: &Context, lang: Lang, area: egui::Rect) {
        if !self.open {
            return;
        }
        if self.guide.as_ref().is_none_or(|g| g.lang != lang) {
            self.guide = Some(Guide::bundled(lang));
        }
        let size = egui::vec2(
            (area.width() - 80.0).clamp(320.0, 900.0),
            (area.height() - 50.0).clamp(240.0, 640.0),
        );
        let mut open = self.open;
        egui::Window::new(lang.t(T::dialogs_guide_to_the_method))
            .id(egui::Id::unique("guide_window"))
            .open(&mut open)
            .constrain_to(area)
            .default_pos(area.min + egui::vec2(40.0, 24.0))
            .default_size(size)
            .resizable(true)
            .collapsible(false)
            .show(ctx, |ui| self.contents(ui, lang));
        self.open = open;
    }

    fn contents(&mut self, ui: &mut Ui, lang: Lang) {
        let Some(guide) = self.guide.take() else {
            return;
        };
        if self.current.is_empty() || guide.find(&self.current).is_none() {
            self.current = guide
                .sections
                .first()
                .map(|s| s.anchor.clone())
                .unwrap_or_default();
        }
        let query = self.query.clone();
        let words = search::words(&query);
        let found: Vec<usize> = guide
            .sections
            .iter()
            .enumerate()
            .filter(|(_, s)| search::matches(s, &words))
            .map(|(i, _)| i)
            .collect();
        self.search_row(ui, lang, (!words.is_empty()).then_some(found.len()));
        ui.separator();
        let height = ui.available_height().max(120.0);
        let mut go = None;
        ui.horizontal_top(|ui| {
            let toc_width = (ui.available_width() * 0.3).clamp(150.0, 260.0);
            ui.allocate_ui_with_layout(
                egui::vec2(toc_width, height),
                egui::Layout::top_down(Align::Min),
                |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("guide_contents")
                        .auto_shrink([false, false])
                        .max_height(height)
                        .show(ui, |ui| {
                            go = self.contents_list(ui, &guide, &found, !words.is_empty())
                        });
                },
            );
            ui.separator();
            let mut page = egui::ScrollArea::vertical()
                .id_salt("guide_page")
                .auto_shrink([false, false])
                .max_height(height);
            if self.results_to_top && !words.is_empty() {
                self.results_to_top = false;
                page = page.vertical_scroll_offset(0.0);
            }
            page.show(ui, |ui| {
                ui.vertical(|ui| {
                    let link = if words.is_empty() {
                        self.page(ui, &guide)
                    } else {
                        self.results(ui, lang, &guide, &found, &words)
                    };
                    go = go.take().or(link);
                });
            });
        });
        if let Some(anchor) = go {
            self.go_to(&anchor);
        }
        self.guide = Some(guide);
    }

    fn search_row(&mut self, ui: &mut Ui, lang: Lang, found: Option<usize>) {
        ui.horizontal(|ui| {
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.query)
                        .hint_text(lang.t(T::help_guide_search_hint))
                        .desired_width(260.0),
                )
                .accessible_name(lang.t(T::help_guide_search));
            if r.changed() {
                self.target = None;
                self.results_to_top = true;
                if self.query.is_empty() {
                    self.scroll_to = Some(self.current.clone());
                }
            }
            if !self.query.is_empty()
                && ui
                    .small_button("×")
                    .on_hover_text(lang.t(T::help_guide_clear_search))
                    .accessible_name(lang.t(T::help_guide_clear_search))
                    .clicked()
            {
                self.query.clear();
                self.scroll_to = Some(self.current.clone());
            }
            match found {
                Some(0) => {
                    ui.label(lang.t(T::help_guide_nothing_found));
                }
                Some(n) => {
                    ui.label(lang.tf(T::help_guide_found, &[("n", &n)]));
                }
                None => {}
            }
        });
    }

    /// The contents: every chapter and entry (while searching, the ones
    /// that match). Returns the anchor of the one clicked.
    fn contents_list(
        &self,
        ui: &mut Ui,
        guide: &Guide,
        found: &[usize],
        searching: bool,
    ) -> Option<String> {
        let mut go = None;
        let current_chapter = guide
            .find(&self.current)
            .and_then(|i| guide.sections.get(i))
            .map(|s| s.chapter);
        for &i in found {
            let Some(s) = guide.sections.get(i) else {
                continue;
            };
            let selected = !searching && s.anchor == self.current;
            let r = if s.level == 2 {
                let text = egui::RichText::new(&s.title).strong();
                ui.selectable_label(selected, text)
            } else {
                if !searching && Some(s.chapter) != current_chapter {
                    continue;
                }
                ui.horizontal(|ui| {
                    ui.add_space(12.0);
                    ui.selectable_label(selected, s.title.as_str())
                })
                .inner
            };
            if r.clicked() {
                go = Some(s.anchor.clone());
            }
        }
        go
    }

    /// The chapter of the current entry, scrolled to that entry.
    fn page(&mut self, ui: &mut Ui, guide: &Guide) -> Option<String> {
        let chapter = guide
            .find(&self.current)
            .and_then(|i| guide.sections.get(i))
            .map_or(0, |s| s.chapter);
        let mut link = None;
        for (_, s) in guide.chapter(chapter) {
            let look = Look {
                words: &[],
                target: self.target.as_deref() == Some(s.anchor.as_str()),
            };
            let drawn = section(ui, s, &look);
            if self.scroll_to.as_deref() == Some(s.anchor.as_str()) {
                drawn.heading.scroll_to_me(Some(Align::TOP));
                self.scroll_to = None;
            }
            link = link.or(drawn.link);
        }
        let next = guide
            .sections
            .iter()
            .skip(chapter + 1)
            .find(|s| s.level == 2);
        if let Some(next) = next {
            ui.add_space(8.0);
            ui.separator();
            let text = guide.lang.tf(T::help_guide_next, &[("title", &next.title)]);
            if ui.link(text).clicked() {
                link = Some(next.anchor.clone());
            }
        }
        link
    }

    /// Every section that matches the search, the places found marked.
    fn results(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        guide: &Guide,
        found: &[usize],
        words: &[&str],
    ) -> Option<String> {
        if found.is_empty() {
            ui.label(lang.tf(T::help_guide_nothing_found_for, &[("q", &self.query)]));
            return None;
        }
        // The best answers first; equal ones in the guide's order.
        let mut ranked: Vec<usize> = found.to_vec();
        ranked.sort_by_key(|&i| {
            std::cmp::Reverse(guide.sections.get(i).map_or(0, |s| search::score(s, words)))
        });
        let mut link = None;
        for i in ranked {
            let Some(s) = guide.sections.get(i) else {
                continue;
            };
            let look = Look {
                words,
                target: false,
            };
            link = link.or(section(ui, s, &look).link);
            ui.separator();
        }
        link
    }
}
