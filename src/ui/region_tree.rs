//! The region tree beside the parameter panel, when the data form a tree:
//! the total at the root, each region opened to show the regions under it,
//! and a search by code or name. Choosing a region asks for it by command;
//! the results follow. Only the rows in sight are drawn, and the list of
//! open rows is made again only when a region is opened or closed, so a
//! tree of every village of the country costs the same per frame as a
//! small one.

use std::sync::Arc;

use egui::Ui;

use super::command::Command;
use super::view::View;
use crate::i18n::T;
use crate::model::PreparedData;
use crate::model::number::fmt_fixed;

/// The tree's state, kept while the window runs.
#[derive(Default)]
pub struct RegionTreePanel {
    filter: String,
    /// Which data the state below belongs to (the address of the shared
    /// prepared data).
    data_id: usize,
    /// Per region: whether the regions under it are shown.
    open: Vec<bool>,
    /// The rows in sight when not searching (regions in tree order), made
    /// again when a region is opened or closed.
    rows: Vec<u32>,
    /// The search the matches were made for, and the matches.
    searched: String,
    matches: Vec<u32>,
    /// The region shown when the tree last looked (its path is opened when
    /// it changes).
    followed: Option<usize>,
}

impl RegionTreePanel {
    /// Draws the tree; returns the region chosen, as a command.
    pub fn ui(&mut self, ui: &mut Ui, view: &View) -> Vec<Command> {
        let lang = view.lang;
        let Some(Ok(arc)) = view.results.data.as_ref() else {
            return Vec::new();
        };
        let data: &PreparedData = arc;
        self.follow_data(Arc::as_ptr(arc) as usize, data);
        self.follow_region(view.region, data);
        let mut out = Vec::new();
        ui.heading(lang.t(T::tree_panel_title));
        let search = ui.add(
            egui::TextEdit::singleline(&mut self.filter)
                .hint_text(lang.t(T::app_search_code_name))
                .desired_width(f32::INFINITY),
        );
        search.accessible_name(lang.t(T::tree_panel_search));
        let total = format!(
            "{} ({} {})",
            lang.t(T::app_total),
            fmt_fixed(data.counted_regions() as f64, 0, lang),
            lang.t(T::app_regions)
        );
        if ui.selectable_label(view.region.is_none(), total).clicked() {
            out.push(Command::SelectRegion(None));
        }
        ui.separator();
        let needle = self.filter.trim().to_lowercase();
        let searching = !needle.is_empty();
        if searching && needle != self.searched {
            self.matches = (0..data.regions())
                .filter(|&r| {
                    data.codes[r].to_lowercase().contains(&needle)
                        || data.names[r].to_lowercase().contains(&needle)
                })
                .map(|r| r as u32)
                .collect();
            self.searched = needle;
        }
        if searching {
            ui.label(
                egui::RichText::new(lang.tf(
                    T::region_picker_matching,
                    &[
                        ("count", &fmt_fixed(self.matches.len() as f64, 0, lang)),
                        ("total", &fmt_fixed(data.regions() as f64, 0, lang)),
                    ],
                ))
                .small(),
            );
        }
        let row_height = ui.spacing().interact_size.y;
        let count = if searching {
            self.matches.len()
        } else {
            self.rows.len()
        };
        let mut toggled = None;
        egui::ScrollArea::vertical()
            .id_salt("region_tree_rows")
            .auto_shrink([false, false])
            .show_rows(ui, row_height, count, |ui, range| {
                for i in range {
                    let list = if searching { &self.matches } else { &self.rows };
                    let Some(&r) = list.get(i) else { break };
                    let r = r as usize;
                    ui.horizontal(|ui| {
                        if !searching {
                            ui.add_space(12.0 * f32::from(data.tree.depth[r]));
                            if data.tree.is_leaf(r) {
                                ui.add_space(row_height);
                            } else {
                                let sign = if self.open[r] { "−" } else { "+" };
                                let b = egui::Button::new(sign).small().frame(false);
                                let open_close = if self.open[r] {
                                    T::tree_panel_close
                                } else {
                                    T::tree_panel_open
                                };
                                let b = ui
                                    .add_sized([row_height, row_height], b)
                                    .on_hover_text(lang.t(open_close));
                                if b.clicked() {
                                    toggled = Some(r);
                                }
                            }
                        }
                        let mut text = format!("{} {}", data.codes[r], data.label(r));
                        if searching && let Some(level) = data.tree.level[r] {
                            text = format!("{text} — {}", level.label(lang));
                        }
                        if ui.selectable_label(view.region == Some(r), text).clicked() {
                            out.push(Command::SelectRegion(Some(r)));
                        }
                    });
                }
            });
        if let Some(r) = toggled {
            self.open[r] = !self.open[r];
            self.make_rows(data);
        }
        out
    }

    /// New data: every region closed but those at the top, which show the
    /// level under them.
    fn follow_data(&mut self, id: usize, data: &PreparedData) {
        if self.data_id == id && self.open.len() == data.regions() {
            return;
        }
        self.data_id = id;
        self.open = vec![false; data.regions()];
        for &r in &data.tree.roots {
            self.open[r as usize] = true;
        }
        self.searched.clear();
        self.matches.clear();
        self.followed = None;
        self.make_rows(data);
    }

    /// A region chosen: it and the regions above it are opened, so that it
    /// is in the tree with the regions under it.
    fn follow_region(&mut self, region: Option<usize>, data: &PreparedData) {
        if self.followed == region {
            return;
        }
        self.followed = region;
        let Some(r) = region.filter(|&r| r < data.regions()) else {
            return;
        };
        let path = data.tree.path(r);
        let mut opened = false;
        for &p in &path {
            if !self.open[p] {
                self.open[p] = true;
                opened = true;
            }
        }
        if opened {
            self.make_rows(data);
        }
    }

    /// The rows in sight: the tree in order, skipping what is under a
    /// closed region.
    fn make_rows(&mut self, data: &PreparedData) {
        let tree = &data.tree;
        self.rows.clear();
        let mut i = 0;
        while let Some(&r) = tree.preorder.get(i) {
            self.rows.push(r);
            let r = r as usize;
            i += if self.open.get(r).copied().unwrap_or(false) {
                1
            } else {
                tree.size[r] as usize
            };
        }
    }
}
