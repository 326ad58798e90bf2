//! The bundled province boundaries (`assets/geo/`, TopoJSON, CC BY 4.0)
//! and the BPS–Kemendagri code crosswalk, read into the map's geometry
//! once, the first time the map is asked for.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::chart::map::{CrosswalkRow, Province, ProvinceMap};

/// The 38 provinces, simplified (49 KB).
pub const TOPOJSON: &str = include_str!("../../assets/geo/indonesia-38-provinces.topo.json");
/// BPS province codes and the boundary file's provinces they cover.
pub const CROSSWALK: &str = include_str!("../../assets/geo/province_code_crosswalk.csv");
/// The credit the boundary file's licence asks for.
pub const CREDIT: &str = "Indonesia GeoJSON & TopoJSON Maps (38 Provinces), \
github.com/denyherianto/indonesia-geojson-topojson-maps-with-38-provinces, CC BY 4.0";

/// The boundary file or the crosswalk could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GeoError {
    #[error("the boundary file is not TopoJSON: {0}")]
    Json(String),
    #[error("the boundary file's province {0} uses an arc it does not have")]
    Arc(String),
    #[error("the code crosswalk, line {0}, cannot be read")]
    Crosswalk(usize),
}

#[derive(Deserialize)]
struct Topology {
    arcs: Vec<Vec<[f64; 2]>>,
    transform: Option<Transform>,
    objects: HashMap<String, Collection>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct Collection {
    geometries: Vec<Geometry>,
}

#[derive(Deserialize)]
struct Geometry {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    arcs: serde_json::Value,
    #[serde(default)]
    properties: HashMap<String, serde_json::Value>,
}

fn text(v: Option<&serde_json::Value>) -> String {
    match v {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// Reads a TopoJSON topology's first object into provinces (properties
/// `KODE_PROV` and `PROVINSI`).
pub fn read_topojson(json: &str) -> Result<Vec<Province>, GeoError> {
    let topo: Topology = serde_json::from_str(json).map_err(|e| GeoError::Json(e.to_string()))?;
    // The arcs, decoded: quantised positions are deltas from the one before.
    let arcs: Vec<Vec<[f64; 2]>> = topo
        .arcs
        .iter()
        .map(|arc| match &topo.transform {
            Some(t) => {
                let (mut x, mut y) = (0.0, 0.0);
                arc.iter()
                    .map(|d| {
                        x += d[0];
                        y += d[1];
                        [
                            x * t.scale[0] + t.translate[0],
                            y * t.scale[1] + t.translate[1],
                        ]
                    })
                    .collect()
            }
            None => arc.clone(),
        })
        .collect();
    let mut objects: Vec<(&String, &Collection)> = topo.objects.iter().collect();
    objects.sort_by_key(|(k, _)| k.as_str());
    let Some((_, collection)) = objects.first() else {
        return Err(GeoError::Json("no object".into()));
    };
    let mut provinces = Vec::new();
    for g in &collection.geometries {
        let code = text(g.properties.get("KODE_PROV"));
        let id = match text(g.id.as_ref()) {
            s if s.is_empty() => code.clone(),
            s => s,
        };
        let polygons: Vec<Vec<Vec<i64>>> = match g.kind.as_str() {
            "Polygon" => vec![
                serde_json::from_value(g.arcs.clone()).map_err(|_| GeoError::Arc(id.clone()))?,
            ],
            "MultiPolygon" => {
                serde_json::from_value(g.arcs.clone()).map_err(|_| GeoError::Arc(id.clone()))?
            }
            _ => continue,
        };
        let mut rings = Vec::new();
        for ring in polygons.iter().flatten() {
            let mut points: Vec<[f64; 2]> = Vec::new();
            for &a in ring {
                // A negative index ~i is arc i reversed.
                let (i, reversed) = if a < 0 { (!a, true) } else { (a, false) };
                let arc = usize::try_from(i)
                    .ok()
                    .and_then(|i| arcs.get(i))
                    .ok_or_else(|| GeoError::Arc(id.clone()))?;
                let mut part = arc.clone();
                if reversed {
                    part.reverse();
                }
                // Each arc starts where the one before ended.
                let skip = usize::from(!points.is_empty());
                points.extend(part.into_iter().skip(skip));
            }
            if points.len() >= 3 {
                rings.push(points);
            }
        }
        provinces.push(Province {
            id,
            code,
            name: text(g.properties.get("PROVINSI")),
            rings,
        });
    }
    Ok(provinces)
}

/// Reads the crosswalk: `bps_code,province_name,kemendagri_code,feature_ids`
/// (feature ids separated by `;`).
pub fn read_crosswalk(csv_text: &str) -> Result<Vec<CrosswalkRow>, GeoError> {
    let mut reader = csv::ReaderBuilder::new().from_reader(csv_text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|_| GeoError::Crosswalk(i + 2))?;
        let field = |n: usize| record.get(n).map(str::trim).unwrap_or("").to_string();
        if field(0).is_empty() || field(3).is_empty() {
            return Err(GeoError::Crosswalk(i + 2));
        }
        rows.push(CrosswalkRow {
            bps_code: field(0),
            name: field(1),
            kemendagri_code: field(2),
            feature_ids: field(3).split(';').map(|s| s.trim().to_string()).collect(),
        });
    }
    Ok(rows)
}

/// The map of `topojson` with `crosswalk`.
pub fn read_map(topojson: &str, crosswalk: &str) -> Result<ProvinceMap, GeoError> {
    let provinces = read_topojson(topojson)?;
    let crosswalk = read_crosswalk(crosswalk)?;
    let mut bbox = [
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    ];
    for p in provinces.iter().flat_map(|p| p.rings.iter().flatten()) {
        bbox = [
            bbox[0].min(p[0]),
            bbox[1].min(p[1]),
            bbox[2].max(p[0]),
            bbox[3].max(p[1]),
        ];
    }
    if !bbox.iter().all(|v| v.is_finite()) {
        return Err(GeoError::Json("no province has a boundary".into()));
    }
    Ok(ProvinceMap {
        provinces,
        crosswalk,
        bbox,
    })
}

/// The bundled map, read once.
pub fn bundled_map() -> Result<&'static ProvinceMap, GeoError> {
    static MAP: OnceLock<Result<ProvinceMap, GeoError>> = OnceLock::new();
    MAP.get_or_init(|| read_map(TOPOJSON, CROSSWALK))
        .as_ref()
        .map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::map::Scheme;

    #[test]
    fn the_bundled_map_has_38_provinces_inside_indonesia() {
        let t0 = std::time::Instant::now();
        let map = bundled_map().unwrap();
        assert!(t0.elapsed().as_millis() < 1000);
        assert_eq!(map.provinces.len(), 38);
        let b = map.bbox;
        assert!(
            (b[0] - 95.07).abs() < 0.2 && (b[2] - 141.02).abs() < 0.2,
            "{b:?}"
        );
        assert!(
            (b[1] + 10.98).abs() < 0.2 && (b[3] - 5.91).abs() < 0.2,
            "{b:?}"
        );
        let jabar = map.provinces.iter().find(|p| p.id == "32").unwrap();
        assert_eq!(jabar.name, "Jawa Barat");
        // Bandung (107,6 E, 6,9 S) lies inside Jawa Barat's ring.
        let inside = |ring: &Vec<[f64; 2]>, x: f64, y: f64| {
            let mut c = false;
            for k in 0..ring.len() {
                let (a, b) = (ring[k], ring[(k + 1) % ring.len()]);
                if (a[1] > y) != (b[1] > y) && x < a[0] + (y - a[1]) / (b[1] - a[1]) * (b[0] - a[0])
                {
                    c = !c;
                }
            }
            c
        };
        assert!(jabar.rings.iter().any(|r| inside(r, 107.6, -6.9)));
        assert_eq!(map.crosswalk.len(), 34);
    }

    #[test]
    fn the_34_provinces_of_the_sample_all_find_their_place() {
        let map = bundled_map().unwrap();
        let s = crate::io::examples::provinces().unwrap();
        let data = crate::model::PreparedData::new(&s.data).unwrap();
        let m = map.match_regions(&data.codes, &data.names);
        assert_eq!(m.scheme, Scheme::Bps);
        assert!(m.unmatched.is_empty(), "{:?}", m.unmatched);
        assert!(m.region_of.iter().all(Option::is_some));
        // BPS 94 Papua colours the file's four provinces of the former Papua.
        let papua = data.codes.iter().position(|c| c == "94").unwrap();
        let ids: Vec<&str> = m
            .region_of
            .iter()
            .zip(&map.provinces)
            .filter(|(r, _)| **r == Some(papua))
            .map(|(_, p)| p.id.as_str())
            .collect();
        assert_eq!(ids.len(), 4, "{ids:?}");
    }

    #[test]
    fn a_damaged_file_is_refused_with_the_reason() {
        assert!(matches!(read_topojson("{"), Err(GeoError::Json(_))));
        let bad_arc = r#"{"type":"Topology","arcs":[],"objects":{"o":{"type":"GeometryCollection",
            "geometries":[{"type":"Polygon","arcs":[[5]],"properties":{"KODE_PROV":"11"}}]}}}"#;
        assert_eq!(read_topojson(bad_arc), Err(GeoError::Arc("11".into())));
        assert_eq!(
            read_crosswalk("a,b,c,d\n11,Aceh,,\n"),
            Err(GeoError::Crosswalk(2))
        );
    }
}
