//! The province map, described once for the window and the exports: the
//! provinces' shapes (longitude/latitude rings), which data region each
//! shape shows (through the BPS–Kemendagri crosswalk), the colour classes
//! of a choropleth of the ranking's figures with its legend. The map drawn
//! to pixels is in [`super::map_pixels`].

use crate::i18n::T;
use crate::model::number::fmt_fixed;
use crate::model::ranking::{RankBy, Ranking};
use crate::model::{Lang, PreparedData};

pub use super::map_pixels::{Fit, Raster};

/// One province of the boundary file.
#[derive(Debug, Clone, PartialEq)]
pub struct Province {
    /// The file's own id (`32`, or `91-A` for a province of the 2022 split).
    pub id: String,
    /// Kemendagri code (`91` for all four provinces of the former Papua).
    pub code: String,
    pub name: String,
    /// Closed rings of (longitude, latitude), outer boundaries of its
    /// islands (the file has no holes; rings are filled even-odd).
    pub rings: Vec<Vec<[f64; 2]>>,
}

/// A BPS province code and the boundary file's provinces it covers (two
/// or four for the provinces of the former Papua).
#[derive(Debug, Clone, PartialEq)]
pub struct CrosswalkRow {
    pub bps_code: String,
    pub name: String,
    pub kemendagri_code: String,
    pub feature_ids: Vec<String>,
}

/// The bundled boundary file, read.
#[derive(Debug, Clone, PartialEq)]
pub struct ProvinceMap {
    pub provinces: Vec<Province>,
    pub crosswalk: Vec<CrosswalkRow>,
    /// (min longitude, min latitude, max longitude, max latitude).
    pub bbox: [f64; 4],
}

/// Kemendagri's codes of the 38-province scheme for the provinces the file
/// numbers with made-up ids.
const KEMENDAGRI_2022: [(&str, &str); 6] = [
    ("91", "91-A"),
    ("92", "92-A"),
    ("93", "91-C"),
    ("94", "91-D"),
    ("95", "91-B"),
    ("96", "92-B"),
];

/// Which numbering the data's province codes follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// BPS, 34 provinces: 91 Papua Barat, 94 Papua.
    Bps,
    /// Kemendagri, 34 provinces: 91 Papua, 92 Papua Barat.
    Kemendagri34,
    /// Kemendagri, 38 provinces (after the 2022 split): 91 … 96.
    Kemendagri38,
}

/// Which data region each province of the map shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Matching {
    pub scheme: Scheme,
    /// Per province of the map: the data region it shows.
    pub region_of: Vec<Option<usize>>,
    /// Data regions that no province of the map shows.
    pub unmatched: Vec<usize>,
}

/// The names regions are matched by, compared loosely.
struct LooseNames {
    provinces: Vec<String>,
    crosswalk: Vec<String>,
}

/// Letters and digits only, lower case: names compared loosely.
fn loose(s: &str) -> String {
    let s: String = s
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    s.strip_prefix("provinsi").map(str::to_string).unwrap_or(s)
}

/// A province code as written: `32`, `32.00`, ` 32 `.
fn province_code(code: &str) -> &str {
    let c = code.trim();
    c.strip_suffix(".00").unwrap_or(c)
}

impl ProvinceMap {
    /// Finds the numbering of `codes`: BPS when 94 is Papua (94 without 92
    /// or any of 93, 95, 96), Kemendagri's 38 provinces when one of the
    /// 2022 provinces is there, else Kemendagri's 34.
    pub fn scheme(codes: &[String]) -> Scheme {
        let has = |c: &str| codes.iter().any(|x| province_code(x) == c);
        if ["93", "95", "96"].iter().any(|c| has(c)) || (has("94") && has("92")) {
            Scheme::Kemendagri38
        } else if has("94") {
            Scheme::Bps
        } else {
            Scheme::Kemendagri34
        }
    }

    fn index_of(&self, id: &str) -> Option<usize> {
        self.provinces.iter().position(|p| p.id == id)
    }

    /// The provinces of the map that a data region with `code` and `name`
    /// covers, in `scheme`; by name when the code is not a province code
    /// (`names`: the provinces' and the crosswalk's names, compared loosely).
    fn provinces_for(
        &self,
        scheme: Scheme,
        code: &str,
        name: &str,
        names: &LooseNames,
    ) -> Vec<usize> {
        let code = province_code(code);
        let ids: Vec<String> = match scheme {
            Scheme::Bps => self
                .crosswalk
                .iter()
                .find(|r| r.bps_code == code)
                .map(|r| r.feature_ids.clone())
                .unwrap_or_default(),
            Scheme::Kemendagri38 => KEMENDAGRI_2022
                .iter()
                .find(|(c, _)| *c == code)
                .map(|(_, id)| vec![id.to_string()])
                .unwrap_or_else(|| vec![code.to_string()]),
            Scheme::Kemendagri34 => self
                .provinces
                .iter()
                .filter(|p| p.code == code)
                .map(|p| p.id.clone())
                .collect(),
        };
        let found: Vec<usize> = ids.iter().filter_map(|id| self.index_of(id)).collect();
        if !found.is_empty() {
            return found;
        }
        let name = loose(name);
        if name.is_empty() {
            return Vec::new();
        }
        if let Some(i) = names.provinces.iter().position(|p| *p == name) {
            return vec![i];
        }
        // The crosswalk's names (BPS's spelling, the 34-province Papua).
        names
            .crosswalk
            .iter()
            .position(|c| *c == name)
            .and_then(|i| self.crosswalk.get(i))
            .map(|r| {
                r.feature_ids
                    .iter()
                    .filter_map(|id| self.index_of(id))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Matches the data's regions to the map's provinces; what cannot be
    /// matched is listed.
    pub fn match_regions(&self, codes: &[String], names: &[String]) -> Matching {
        let scheme = Self::scheme(codes);
        let names_of = LooseNames {
            provinces: self.provinces.iter().map(|p| loose(&p.name)).collect(),
            crosswalk: self.crosswalk.iter().map(|r| loose(&r.name)).collect(),
        };
        let mut region_of = vec![None; self.provinces.len()];
        let mut unmatched = Vec::new();
        for (r, code) in codes.iter().enumerate() {
            let name = names.get(r).map_or("", String::as_str);
            let found = self.provinces_for(scheme, code, name, &names_of);
            let free: Vec<usize> = found
                .into_iter()
                .filter(|&i| region_of[i].is_none())
                .collect();
            if free.is_empty() {
                unmatched.push(r);
            }
            for i in free {
                region_of[i] = Some(r);
            }
        }
        Matching {
            scheme,
            region_of,
            unmatched,
        }
    }
}

/// The figures of one province, as the hover shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct MapFigures {
    pub region: usize,
    /// The data region's name (the province's own name may differ).
    pub label: String,
    pub need: f64,
    pub available: Option<f64>,
    pub gap: Option<f64>,
    pub ratio: Option<f64>,
    pub need_per_1000_women: f64,
}

/// The choropleth, described once.
#[derive(Debug, Clone, PartialEq)]
pub struct MapSpec {
    pub title: String,
    /// What the colours show.
    pub legend_title: String,
    /// Colour classes, low to high, with their ranges.
    pub legend: Legend,
    /// Per province of the map: its fill.
    pub fills: Vec<[u8; 3]>,
    /// Per province of the map: what it shows (provinces showing the same
    /// data region share a number and no border is drawn between them).
    pub groups: Vec<usize>,
    /// Said under the title: the gap needs the midwives column, when the
    /// data give none.
    pub note: Option<String>,
    /// Per province of the map: its figures (`None`: no data).
    pub figures: Vec<Option<MapFigures>>,
    /// Labels of the data regions the map does not show.
    pub unmatched: Vec<String>,
    pub footer: String,
    pub lang: Lang,
}

/// Fill of a province without data.
pub const NO_DATA: [u8; 3] = [215, 215, 215];
/// The borders between provinces and around them.
pub const BORDER: [u8; 3] = [90, 90, 90];
/// Short of midwives (gap < 0, ratio < 1): light to dark red, the darkest
/// the worst.
const REDS: [[u8; 3]; 3] = [[252, 187, 161], [251, 106, 74], [203, 24, 29]];
/// Above the need: light to dark green.
const GREENS: [[u8; 3]; 3] = [[199, 233, 192], [116, 196, 118], [35, 139, 69]];
/// Midwives needed, small to large: light to dark blue.
const BLUES: [[u8; 3]; 5] = [
    [222, 235, 247],
    [158, 202, 225],
    [107, 174, 214],
    [49, 130, 189],
    [8, 81, 156],
];

/// The measure the map colours by, as the ranking gives it.
fn measure(ranking: &Ranking) -> RankBy {
    if ranking.by_gap {
        ranking.by
    } else {
        RankBy::Need
    }
}

fn value_of(by: RankBy, f: &MapFigures) -> Option<f64> {
    match by {
        RankBy::Gap => f.gap,
        RankBy::Ratio => f.ratio,
        RankBy::Need => Some(f.need),
    }
}

/// Class bounds from `lo` to `hi` in `n` equal steps.
fn bounds(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    (0..=n)
        .map(|i| lo + (hi - lo) * i as f64 / n as f64)
        .collect()
}

/// The class of `v` among `n` equal steps from `lo` to `hi`.
fn class(v: f64, lo: f64, hi: f64, n: usize) -> usize {
    if hi <= lo {
        return n - 1;
    }
    (((v - lo) / (hi - lo) * n as f64).floor() as usize).min(n - 1)
}

/// The classes of a measure: under the pivot (0 for the gap, 1 for the
/// ratio) in reds, worst darkest; at or above it in greens; the need in
/// five blues. Returns the legend and the colour of each value.
/// Legend entries: a class's text and its colour.
pub type Legend = Vec<(String, [u8; 3])>;

fn classes(by: RankBy, values: &[f64], lang: Lang) -> (Legend, Vec<[u8; 3]>) {
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if values.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let decimals = if by == RankBy::Ratio { 2 } else { 1 };
    let range = |a: f64, b: f64| {
        format!(
            "{} – {}",
            fmt_fixed(a, decimals, lang),
            fmt_fixed(b, decimals, lang)
        )
    };
    if by == RankBy::Need {
        let n = BLUES.len();
        let b = bounds(lo, hi, n);
        let legend = (0..n).map(|i| (range(b[i], b[i + 1]), BLUES[i])).collect();
        let colors = values.iter().map(|&v| BLUES[class(v, lo, hi, n)]).collect();
        return (legend, colors);
    }
    let pivot = if by == RankBy::Ratio { 1.0 } else { 0.0 };
    let mut legend = Vec::new();
    if lo < pivot {
        let b = bounds(lo, pivot, REDS.len());
        for i in 0..REDS.len() {
            // The darkest red is the lowest class.
            legend.push((range(b[i], b[i + 1]), REDS[REDS.len() - 1 - i]));
        }
    }
    if hi >= pivot {
        let b = bounds(pivot, hi.max(pivot), GREENS.len());
        for (i, g) in GREENS.iter().enumerate() {
            legend.push((range(b[i], b[i + 1]), *g));
        }
    }
    let colors = values
        .iter()
        .map(|&v| {
            if v < pivot {
                REDS[REDS.len() - 1 - class(v, lo, pivot, REDS.len())]
            } else {
                GREENS[class(v, pivot, hi.max(pivot), GREENS.len())]
            }
        })
        .collect();
    (legend, colors)
}

/// The choropleth of `ranking` (its year and order: gap, ratio, or the
/// need when the data give no midwives) on `map`.
pub fn map_spec(
    map: &ProvinceMap,
    data: &PreparedData,
    ranking: &Ranking,
    footer: String,
    lang: Lang,
) -> MapSpec {
    let matching = map.match_regions(&data.codes, &data.names);
    let by = measure(ranking);
    let figures: Vec<Option<MapFigures>> = matching
        .region_of
        .iter()
        .map(|r| {
            let r = (*r)?;
            let row = ranking.rows.iter().find(|x| x.region == r)?;
            Some(MapFigures {
                region: r,
                label: data.label(r).to_string(),
                need: row.need,
                available: row.available,
                gap: row.gap,
                ratio: row.ratio,
                need_per_1000_women: row.need_per_1000_women,
            })
        })
        .collect();
    let valued: Vec<(usize, f64)> = figures
        .iter()
        .enumerate()
        .filter_map(|(i, f)| Some((i, value_of(by, f.as_ref()?)?)))
        .collect();
    let values: Vec<f64> = valued.iter().map(|(_, v)| *v).collect();
    let (mut legend, colors) = classes(by, &values, lang);
    let mut fills = vec![NO_DATA; map.provinces.len()];
    for ((i, _), c) in valued.iter().zip(colors) {
        fills[*i] = c;
    }
    if valued.len() < map.provinces.len() {
        legend.push((lang.t(T::map_no_data).to_string(), NO_DATA));
    }
    let legend_title = match by {
        RankBy::Gap => lang.t(T::map_legend_gap),
        RankBy::Ratio => lang.t(T::map_legend_ratio),
        RankBy::Need => lang.t(T::map_legend_need),
    }
    .to_string();
    let groups = matching
        .region_of
        .iter()
        .enumerate()
        .map(|(i, r)| r.unwrap_or(data.regions() + i))
        .collect();
    MapSpec {
        note: (!ranking.by_gap).then(|| lang.t(T::map_needs_midwives).to_string()),
        groups,
        title: lang.tf(
            T::map_title,
            &[("what", &legend_title), ("year", &ranking.year)],
        ),
        legend_title,
        legend,
        fills,
        figures,
        unmatched: matching
            .unmatched
            .iter()
            .map(|&r| data.label(r).to_string())
            .collect(),
        footer,
        lang,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Two squares side by side, and a third for a split province.
    pub(crate) fn small_map() -> ProvinceMap {
        let square = |x0: f64| vec![vec![[x0, 0.0], [x0 + 1.0, 0.0], [x0 + 1.0, 1.0], [x0, 1.0]]];
        let p = |id: &str, code: &str, name: &str, x0| Province {
            id: id.into(),
            code: code.into(),
            name: name.into(),
            rings: square(x0),
        };
        ProvinceMap {
            provinces: vec![
                p("32", "32", "Jawa Barat", 0.0),
                p("91-A", "91", "Papua", 1.0),
                p("91-B", "91", "Papua Pegunungan", 2.0),
                p("92-A", "92", "Papua Barat", 3.0),
            ],
            crosswalk: vec![
                CrosswalkRow {
                    bps_code: "32".into(),
                    name: "Jawa Barat".into(),
                    kemendagri_code: "32".into(),
                    feature_ids: vec!["32".into()],
                },
                CrosswalkRow {
                    bps_code: "91".into(),
                    name: "Papua Barat".into(),
                    kemendagri_code: "92".into(),
                    feature_ids: vec!["92-A".into()],
                },
                CrosswalkRow {
                    bps_code: "94".into(),
                    name: "Papua".into(),
                    kemendagri_code: "91".into(),
                    feature_ids: vec!["91-A".into(), "91-B".into()],
                },
            ],
            bbox: [0.0, 0.0, 4.0, 1.0],
        }
    }

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn bps_codes_go_through_the_crosswalk() {
        let m = small_map();
        let codes = strings(&["32", "91", "94", "3201"]);
        let names = strings(&["Jawa Barat", "Papua Barat", "Papua", "Kab. Bogor"]);
        let got = m.match_regions(&codes, &names);
        assert_eq!(got.scheme, Scheme::Bps);
        // BPS 91 is Papua Barat (the file's 92-A); BPS 94 Papua colours
        // both its successors.
        assert_eq!(got.region_of, vec![Some(0), Some(2), Some(2), Some(1)]);
        assert_eq!(got.unmatched, vec![3]);
    }

    #[test]
    fn kemendagri_codes_and_names_match_directly() {
        let m = small_map();
        let got = m.match_regions(&strings(&["91", "92"]), &strings(&["", ""]));
        assert_eq!(got.scheme, Scheme::Kemendagri34);
        assert_eq!(got.region_of, vec![None, Some(0), Some(0), Some(1)]);
        // 38 provinces: 95 is Papua Pegunungan alone.
        let got = m.match_regions(&strings(&["91", "95"]), &strings(&["", ""]));
        assert_eq!(got.scheme, Scheme::Kemendagri38);
        assert_eq!(got.region_of, vec![None, Some(0), Some(1), None]);
        // No code known: the name.
        let got = m.match_regions(&strings(&["JB"]), &strings(&["Provinsi JAWA BARAT"]));
        assert_eq!(got.region_of[0], Some(0));
        assert!(got.unmatched.is_empty());
    }

    #[test]
    fn classes_put_the_worst_gap_in_the_darkest_red() {
        let (legend, colors) = classes(RankBy::Gap, &[-30.0, -1.0, 5.0, 10.0], Lang::Id);
        assert_eq!(legend.len(), 6);
        assert_eq!(colors[0], REDS[2]);
        assert_eq!(colors[1], REDS[0]);
        assert_eq!(colors[3], GREENS[2]);
        assert_eq!(legend[0].0, "-30,0 – -20,0");
        let (legend, colors) = classes(RankBy::Need, &[10.0, 20.0, 60.0], Lang::Id);
        assert_eq!(legend.len(), 5);
        assert_eq!(colors, vec![BLUES[0], BLUES[1], BLUES[4]]);
    }
}
