//! The Peta (map) tab: the provinces coloured by the year's gap, ratio or
//! need (the Peringkat tab's year and order), with the legend; the pointer
//! over a province shows its figures, a click selects its region. Data
//! regions the map does not show are listed above it.

use egui::{Color32, RichText, Sense, TextureHandle, TextureOptions, Ui};

use super::command::Command;
use super::ranking_panel::rank_by_radios;
use super::view::View;
use crate::chart::map::{MapSpec, ProvinceMap, Raster, map_spec};
use crate::i18n::T;
use crate::model::Lang;
use crate::model::number::fmt_fixed;
use crate::model::ranking::Ranking;

/// The map as last drawn: its picture, and where it lies in the window.
struct Drawn {
    raster: Raster,
    fills: Vec<[u8; 3]>,
    groups: Vec<usize>,
    texture: TextureHandle,
}

/// What the map's description was made for: the data (by its place in
/// memory), the ranking (its year, order and figures) and the language.
type SpecKey = (usize, Ranking, Lang);

/// The map tab; it keeps the map's description while the data and choice
/// stay, and the picture while the size and colours stay.
#[derive(Default)]
pub struct MapPanel {
    spec: Option<(SpecKey, MapSpec)>,
    drawn: Option<Drawn>,
    /// Where the map was drawn last, in points.
    rect: Option<egui::Rect>,
    /// The provinces outlined last frame: those of the region chosen.
    outlined: Vec<usize>,
}

impl MapPanel {
    /// The provinces (by their place in the boundary file) outlined as the
    /// region chosen, as last drawn.
    pub fn outlined(&self) -> &[usize] {
        &self.outlined
    }

    /// The window's point over `lon`, `lat` as last drawn (for tests and
    /// for what the pointer is over).
    pub fn screen_pos(&self, lon: f64, lat: f64) -> Option<egui::Pos2> {
        let (d, rect) = (self.drawn.as_ref()?, self.rect?);
        let [x, y] = d.raster.fit.to_xy([lon, lat]);
        let sx = rect.width() / d.raster.width as f32;
        let sy = rect.height() / d.raster.height as f32;
        Some(rect.min + egui::vec2(x as f32 * sx, y as f32 * sy))
    }

    /// The province of the map under a point of the window.
    fn province_at(&self, pos: egui::Pos2) -> Option<usize> {
        let (d, rect) = (self.drawn.as_ref()?, self.rect?);
        let x = (pos.x - rect.min.x) / rect.width() * d.raster.width as f32;
        let y = (pos.y - rect.min.y) / rect.height() * d.raster.height as f32;
        d.raster.province_at(x as f64, y as f64)
    }

    pub fn ui(&mut self, ui: &mut Ui, view: &View) -> Vec<Command> {
        let lang = view.lang;
        let t = |k: T| lang.t(k);
        let (Some(ranking), Some((data, proj))) = (&view.results.ranking, view.results.ok()) else {
            ui.spinner();
            return Vec::new();
        };
        let map = match crate::io::geo::bundled_map() {
            Ok(m) => m,
            Err(e) => {
                ui.colored_label(ui.visuals().error_fg_color, e.to_string());
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        let (mut year, mut by) = (ranking.year, ranking.by);
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(t(T::ranking_panel_year));
            egui::ComboBox::from_id_salt("map_year")
                .selected_text(year.to_string())
                .show_ui(ui, |ui| {
                    for y in proj.years() {
                        ui.selectable_value(&mut year, y, y.to_string());
                    }
                })
                .response
                .labelled_by(l.id);
            ui.add_space(12.0);
            ui.label(t(T::map_panel_colour_by));
            let labels = [
                t(T::map_legend_gap),
                t(T::map_legend_ratio),
                t(T::map_legend_need),
            ];
            let why_not = t(T::map_needs_midwives);
            rank_by_radios(ui, &mut by, ranking.by_gap, labels, why_not);
        });
        if year != ranking.year || by != ranking.by {
            out.push(Command::SetRanking { year, by });
        }
        let data_at = std::ptr::from_ref(data) as usize;
        let (key, spec) = match self.spec.take() {
            Some((k, spec)) if k.0 == data_at && k.1 == *ranking && k.2 == lang => (k, spec),
            _ => (
                (data_at, ranking.clone(), lang),
                map_spec(map, data, ranking, String::new(), lang),
            ),
        };
        if let Some(note) = &spec.note {
            ui.colored_label(ui.visuals().warn_fg_color, note);
        }
        if !spec.unmatched.is_empty() {
            let line = crate::io::export::map::unmatched_line(&spec);
            ui.colored_label(ui.visuals().warn_fg_color, line);
        }
        legend(ui, &spec);
        // The region chosen (in the tree, the ranking or here) is outlined.
        self.outlined = match view.region {
            Some(r) => (0..map.provinces.len())
                .filter(|&i| {
                    spec.figures
                        .get(i)
                        .and_then(|f| f.as_ref())
                        .is_some_and(|f| f.region == r)
                })
                .collect(),
            None => Vec::new(),
        };
        if let (Some(&first), Some(r)) = (self.outlined.first(), view.region) {
            let name = map.provinces.get(first).map_or("", |p| p.name.as_str());
            let shown = if name == data.names[r].as_str() {
                name.to_string()
            } else {
                format!("{} ({name})", data.names[r])
            };
            ui.label(lang.tf(T::map_panel_selected, &[("name", &shown)]));
        }
        let size = ui.available_size();
        let (area, response) = ui.allocate_exact_size(size, Sense::click());
        // A margin, so that no coast touches the window's edge.
        let rect = area.shrink(8.0);
        if rect.width() < 20.0 || rect.height() < 20.0 {
            return out;
        }
        self.draw(ui, map, &spec, rect);
        self.rect = Some(rect);
        if let Some(d) = &self.drawn {
            ui.painter().image(
                d.texture.id(),
                rect,
                egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0)),
                Color32::WHITE,
            );
        }
        self.outline(ui, map, rect);
        let hovered = response
            .hover_pos()
            .and_then(|p| self.province_at(p))
            .and_then(|i| Some((i, spec.figures.get(i)?.as_ref())));
        if let Some((i, figures)) = hovered {
            let name = map.provinces.get(i).map_or("", |p| p.name.as_str());
            let text = hover_text(name, figures, lang);
            response.clone().on_hover_ui_at_pointer(|ui| {
                ui.label(text);
            });
            if response.clicked()
                && let Some(f) = figures
            {
                out.push(Command::SelectRegion(Some(f.region)));
            }
        }
        self.spec = Some((key, spec));
        out
    }

    /// A thick line round each outlined province, over the picture.
    fn outline(&self, ui: &Ui, map: &ProvinceMap, rect: egui::Rect) {
        let Some(d) = &self.drawn else { return };
        let sx = rect.width() / d.raster.width as f32;
        let sy = rect.height() / d.raster.height as f32;
        let stroke = egui::Stroke::new(2.5, ui.visuals().strong_text_color());
        for &i in &self.outlined {
            for ring in map.provinces.get(i).map_or(&[][..], |p| &p.rings[..]) {
                let points = ring
                    .iter()
                    .map(|&q| {
                        let [x, y] = d.raster.fit.to_xy(q);
                        rect.min + egui::vec2(x as f32 * sx, y as f32 * sy)
                    })
                    .collect();
                ui.painter().add(egui::Shape::closed_line(points, stroke));
            }
        }
    }

    /// Draws the picture again when the size or the colours changed.
    fn draw(&mut self, ui: &Ui, map: &ProvinceMap, spec: &MapSpec, rect: egui::Rect) {
        let ppp = ui.ctx().pixels_per_point();
        let (w, h) = (
            (rect.width() * ppp).round() as usize,
            (rect.height() * ppp).round() as usize,
        );
        let same = self.drawn.as_ref().is_some_and(|d| {
            d.raster.width == w
                && d.raster.height == h
                && d.fills == spec.fills
                && d.groups == spec.groups
        });
        if same {
            return;
        }
        let raster = match self.drawn.take() {
            Some(d) if d.raster.width == w && d.raster.height == h => d.raster,
            _ => Raster::new(map, w, h),
        };
        let pixels: Vec<Color32> = raster
            .colors(&spec.fills, &spec.groups)
            .into_iter()
            .map(|c| c.map_or(Color32::TRANSPARENT, |[r, g, b]| Color32::from_rgb(r, g, b)))
            .collect();
        let image = egui::ColorImage::new([w, h], pixels);
        let texture = ui
            .ctx()
            .load_texture("province_map", image, TextureOptions::NEAREST);
        self.drawn = Some(Drawn {
            raster,
            fills: spec.fills.clone(),
            groups: spec.groups.clone(),
            texture,
        });
    }
}

/// The map of the Peringkat tab's year and order with its footer (the
/// scenario, the date and the boundaries' credit), for export.
pub fn export_spec(
    results: &super::document::Results,
    scenario_name: &str,
    lang: Lang,
) -> Result<(&'static ProvinceMap, MapSpec), crate::io::export::ExportError> {
    use crate::io::export::ExportError;
    let map = crate::io::geo::bundled_map().map_err(|e| ExportError::Draw(e.to_string()))?;
    let (Some(ranking), Some((data, _))) = (&results.ranking, results.ok()) else {
        return Err(ExportError::NothingToDraw);
    };
    let footer = format!(
        "{scenario_name} · {} · Proyeksi Bidan · {}",
        crate::chart::today(),
        lang.tf(T::map_credit, &[("credit", &crate::io::geo::CREDIT)])
    );
    Ok((map, map_spec(map, data, ranking, footer, lang)))
}

/// The legend: what the colours show, and a sample of each class.
fn legend(ui: &mut Ui, spec: &MapSpec) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&spec.legend_title).strong());
        for (label, [r, g, b]) in &spec.legend {
            // A class (its colour and range) moves to the next line whole:
            // a range is never split.
            let galley = egui::WidgetText::from(label.as_str()).into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                egui::TextStyle::Body,
            );
            let width = 14.0 + 2.0 * ui.spacing().item_spacing.x + galley.size().x;
            if width > ui.available_size_before_wrap().x {
                ui.end_row();
            }
            let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), Sense::hover());
            ui.painter()
                .rect_filled(rect, 2.0, Color32::from_rgb(*r, *g, *b));
            ui.label(galley);
        }
    });
}

/// The province's name and figures, as the pointer over it shows them.
fn hover_text(name: &str, f: Option<&crate::chart::map::MapFigures>, lang: Lang) -> String {
    let Some(f) = f else {
        return format!("{name}\n{}", lang.t(T::map_no_data));
    };
    let v = |x: Option<f64>, d| x.map_or("–".to_string(), |x| fmt_fixed(x, d, lang));
    let title = if f.label == name {
        name.to_string()
    } else {
        format!("{name} ({})", f.label)
    };
    lang.tf(
        T::map_panel_hover,
        &[
            ("name", &title),
            ("need", &v(Some(f.need), 2)),
            ("available", &v(f.available, 2)),
            ("gap", &v(f.gap, 2)),
            ("ratio", &v(f.ratio, 2)),
        ],
    )
}
