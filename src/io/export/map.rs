//! The province map as PNG or SVG: the frame of the analysis charts (title,
//! what the colours show, the legend's classes, the footer) around the
//! choropleth. The PNG is the same picture the window shows (the map's
//! pixels of [`Raster`]); the SVG draws each province's rings as polygons.

use std::path::Path;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::chart::{TextMode, draw_err, rgb};
use super::file::ExportError;
use super::frame::{Frame, draw_frame, png_of, save_by_extension, svg_of};
use crate::chart::map::{BORDER, Fit, MapSpec, ProvinceMap, Raster};
use crate::i18n::T;

/// Names of unmatched regions written out before "and n more".
const UNMATCHED_SHOWN: usize = 8;

/// The frame of `spec`: what the colours show under the title, and the
/// data regions the map does not show, named.
pub fn map_frame(spec: &MapSpec) -> Frame {
    let mut parts: Vec<String> = spec.note.iter().cloned().collect();
    if !spec.unmatched.is_empty() {
        parts.push(unmatched_line(spec));
    }
    let subtitle = parts.join(" · ");
    Frame {
        title: spec.title.clone(),
        subtitle,
        legend: spec.legend.clone(),
        footer: spec.footer.clone(),
    }
}

/// "Not on the map (3): A, B, C", the first few named.
pub fn unmatched_line(spec: &MapSpec) -> String {
    let lang = spec.lang;
    let mut names: Vec<&str> = spec
        .unmatched
        .iter()
        .take(UNMATCHED_SHOWN)
        .map(String::as_str)
        .collect();
    let more;
    if spec.unmatched.len() > UNMATCHED_SHOWN {
        more = lang.tf(
            T::map_unmatched_more,
            &[("n", &(spec.unmatched.len() - UNMATCHED_SHOWN))],
        );
        names.push(&more);
    }
    lang.tf(
        T::map_unmatched,
        &[("n", &spec.unmatched.len()), ("names", &names.join(", "))],
    )
}

/// The map as PNG bytes.
pub fn render_map_png(
    map: &ProvinceMap,
    spec: &MapSpec,
    width: u32,
    height: u32,
) -> Result<Vec<u8>, ExportError> {
    png_of(width, height, |root, mode| draw_png(root, map, spec, mode))
}

/// The map as an SVG document.
pub fn render_map_svg(
    map: &ProvinceMap,
    spec: &MapSpec,
    width: u32,
    height: u32,
) -> Result<String, ExportError> {
    svg_of(width, height, |root, mode| draw_svg(root, map, spec, mode))
}

/// Saves the map as PNG or SVG, by the extension of `path`.
pub fn save_map(
    path: &Path,
    map: &ProvinceMap,
    spec: &MapSpec,
    width: u32,
    height: u32,
) -> Result<(), ExportError> {
    save_by_extension(
        path,
        || render_map_png(map, spec, width, height),
        || render_map_svg(map, spec, width, height),
    )
}

/// The area the map takes: inside the frame, with a margin.
fn map_area<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &MapSpec,
    mode: TextMode,
) -> Result<Option<(i32, i32, i32, i32)>, ExportError> {
    if spec.fills.is_empty() {
        return Err(ExportError::NothingToDraw);
    }
    let canvas = super::chart::Canvas { root, mode };
    let inside = draw_frame(&canvas, &map_frame(spec))?;
    let gap = inside.m.gap;
    let (left, top) = (inside.left, inside.top + gap);
    let (right, bottom) = (inside.right, inside.bottom - gap);
    Ok((right - left >= 20 && bottom - top >= 20).then_some((left, top, right, bottom)))
}

fn draw_png<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    map: &ProvinceMap,
    spec: &MapSpec,
    mode: TextMode,
) -> Result<(), ExportError> {
    let Some((left, top, right, bottom)) = map_area(root, spec, mode)? else {
        return Ok(());
    };
    let raster = Raster::new(map, (right - left) as usize, (bottom - top) as usize);
    for (k, c) in raster
        .colors(&spec.fills, &spec.groups)
        .into_iter()
        .enumerate()
    {
        if let Some(c) = c {
            let (x, y) = ((k % raster.width) as i32, (k / raster.width) as i32);
            root.draw_pixel((left + x, top + y), &rgb(c))
                .map_err(draw_err)?;
        }
    }
    Ok(())
}

fn draw_svg<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    map: &ProvinceMap,
    spec: &MapSpec,
    mode: TextMode,
) -> Result<(), ExportError> {
    let Some((left, top, right, bottom)) = map_area(root, spec, mode)? else {
        return Ok(());
    };
    let fit = Fit::new(map.bbox, (right - left) as f64, (bottom - top) as f64);
    for (p, fill) in map.provinces.iter().zip(&spec.fills) {
        for ring in &p.rings {
            let points: Vec<(i32, i32)> = ring
                .iter()
                .map(|&q| {
                    let [x, y] = fit.to_xy(q);
                    (left + x.round() as i32, top + y.round() as i32)
                })
                .collect();
            root.draw(&Polygon::new(points.clone(), rgb(*fill).filled()))
                .map_err(draw_err)?;
            let mut outline = points;
            if let Some(&first) = outline.first() {
                outline.push(first);
            }
            root.draw(&PathElement::new(outline, rgb(BORDER).stroke_width(1)))
                .map_err(draw_err)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::geo::bundled_map;
    use crate::model::Lang;
    use crate::model::ranking::{RankBy, rank_by};

    fn pixel(png: &[u8], x: u32, y: u32) -> [u8; 3] {
        let img = image::load_from_memory(png).unwrap().to_rgb8();
        img.get_pixel(x, y).0
    }

    /// The map of the province sample, 2020, with Jawa Barat given 2.000
    /// midwives in post (49,22 more than the 1.950,78 it needs) and Jawa
    /// Tengah 1.000 (it needs 1.475,63: 36.516.035 × 17,5 / 1.000 × 1,10 ×
    /// 146,58 / 69.825).
    fn sample_spec(by: RankBy) -> (MapSpec, &'static ProvinceMap) {
        let mut s = crate::io::examples::provinces().unwrap();
        for row in &mut s.data {
            if row.year == 2020 && row.region_code.as_str() == "32" {
                row.midwives_available = Some(2000.0).into();
            }
            if row.year == 2020 && row.region_code.as_str() == "33" {
                row.midwives_available = Some(1000.0).into();
            }
        }
        let (data, proj) = crate::model::compute(&s).unwrap();
        let ranking = rank_by(&data, &proj, 2020, by);
        let map = bundled_map().unwrap();
        (map_spec_of(map, &data, &ranking), map)
    }

    fn map_spec_of(
        map: &ProvinceMap,
        data: &crate::model::PreparedData,
        ranking: &crate::model::ranking::Ranking,
    ) -> MapSpec {
        crate::chart::map::map_spec(map, data, ranking, "contoh".into(), Lang::Id)
    }

    #[test]
    fn the_png_shows_each_province_in_its_class_colour() {
        let (spec, map) = sample_spec(RankBy::Gap);
        let png = render_map_png(map, &spec, 1000, 600).unwrap();
        let (w, h) = (1000u32, 600u32);
        let area = probe_area(map, &spec, w, h);
        let point = |lon: f64, lat: f64| {
            let [x, y] = area.1.to_xy([lon, lat]);
            ((area.0.0 as f64 + x) as u32, (area.0.1 as f64 + y) as u32)
        };
        // Jawa Barat (Bandung) +49,22: a surplus, green; Jawa Tengah
        // (Semarang, 110,4 E 7,0 S) 1.000 for 1.475,63: short, the worst,
        // darkest red; Kalimantan Tengah (113,9 E 1,6 S): no midwives in
        // the data, grey.
        let jabar = spec
            .figures
            .iter()
            .flatten()
            .find(|f| f.label == "Jawa Barat");
        assert!((jabar.unwrap().gap.unwrap() - (2000.0 - 1_950.784_293_87)).abs() < 1e-6);
        let (x, y) = point(107.6, -6.9);
        assert_eq!(pixel(&png, x, y), [35, 139, 69], "Jawa Barat");
        let (x, y) = point(110.2, -7.2);
        assert_eq!(pixel(&png, x, y), [203, 24, 29], "Jawa Tengah");
        let (x, y) = point(113.9, -1.6);
        assert_eq!(
            pixel(&png, x, y),
            crate::chart::map::NO_DATA,
            "Kalimantan Tengah"
        );
        // The sea stays white.
        let (x, y) = point(100.0, -8.0);
        assert_eq!(pixel(&png, x, y), [255, 255, 255]);
    }

    /// The map's area in the picture and its fit, as `draw_png` finds them.
    fn probe_area(map: &ProvinceMap, spec: &MapSpec, w: u32, h: u32) -> ((i32, i32), Fit) {
        let mut buf = vec![255u8; w as usize * h as usize * 3];
        super::super::fonts::ensure_fonts().unwrap();
        let root = BitMapBackend::with_buffer(&mut buf, (w, h)).into_drawing_area();
        let (l, t, r, b) = map_area(&root, spec, TextMode::PerGlyph).unwrap().unwrap();
        ((l, t), Fit::new(map.bbox, (r - l) as f64, (b - t) as f64))
    }

    #[test]
    fn the_svg_has_a_polygon_per_ring_and_names_what_is_not_on_the_map() {
        let (mut spec, map) = sample_spec(RankBy::Need);
        spec.unmatched = vec!["Puskesmas Manggar".into()];
        let svg = render_map_svg(map, &spec, 900, 600).unwrap();
        let rings: usize = map.provinces.iter().map(|p| p.rings.len()).sum();
        assert_eq!(svg.matches("<polygon").count(), rings);
        assert!(
            svg.contains("Tidak ada di peta (1): Puskesmas Manggar"),
            "unmatched"
        );
        assert!(svg.contains("Bidan dibutuhkan (FTE) per provinsi, 2020"));
    }
}
