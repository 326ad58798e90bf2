//! The projection as one JSON object for other programs: the parameters'
//! results and every year row, keyed as the table's columns; numbers as the
//! rounding mode shows them ([`Precision::AsShown`]).

use std::io::{self, Write};

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq};

use crate::model::{PreparedData, Projection, Rounding, YearRow};
use crate::table::Precision;

fn shown_growth(g: f64, rounding: Rounding) -> f64 {
    Precision::AsShown(rounding).growth(g)
}

/// A year row as written to JSON: growth as published in published mode.
fn json_row(row: &YearRow, rounding: Rounding) -> YearRow {
    let mut r = row.clone();
    r.growth = r.growth.map(|g| shown_growth(g, rounding));
    r
}

struct Rows<'a> {
    rows: Vec<YearRow>,
    rounding: Rounding,
    _p: std::marker::PhantomData<&'a ()>,
}

impl Serialize for Rows<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.rows.len()))?;
        for r in &self.rows {
            seq.serialize_element(&json_row(r, self.rounding))?;
        }
        seq.end()
    }
}

struct Regions<'a> {
    data: &'a PreparedData,
    proj: &'a Projection,
}

impl Serialize for Regions<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let rounding = self.proj.rounding;
        let mut seq = s.serialize_seq(Some(self.data.regions()))?;
        for r in 0..self.data.regions() {
            seq.serialize_element(&RegionJson {
                code: &self.data.codes[r],
                name: &self.data.names[r],
                mean_growth: shown_growth(self.proj.mean_growth[r], rounding),
                growth_used: self.proj.growth_used[r],
                base_pregnant_women: self.proj.base_pregnant[r],
                years: Rows {
                    rows: self.proj.region_rows(self.data, r),
                    rounding,
                    _p: std::marker::PhantomData,
                },
            })?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct RegionJson<'a> {
    code: &'a str,
    name: &'a str,
    mean_growth: f64,
    growth_used: f64,
    base_pregnant_women: f64,
    years: Rows<'a>,
}

struct Report<'a> {
    name: &'a str,
    data: &'a PreparedData,
    proj: &'a Projection,
}

impl Serialize for Report<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let p = self.proj;
        let wl = &p.capacity;
        let rounding = p.rounding;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("scenario", self.name)?;
        m.serialize_entry("rounding", rounding.key())?;
        m.serialize_entry("visit_minutes", &wl.package.visit_minutes_used)?;
        m.serialize_entry("package_minutes", &wl.package.package_minutes)?;
        m.serialize_entry("working_days", &wl.working.working_days)?;
        m.serialize_entry("effective_days", &wl.working.effective_days)?;
        m.serialize_entry("effective_weeks", &wl.working.effective_weeks)?;
        m.serialize_entry("effective_hours", &wl.working.effective_hours)?;
        m.serialize_entry("effective_minutes", &wl.working.effective_minutes)?;
        m.serialize_entry("share", &wl.share)?;
        m.serialize_entry("women_per_midwife", &wl.women_per_midwife)?;
        m.serialize_entry("packages_per_day", &wl.packages_per_day)?;
        m.serialize_entry("visits_per_day", &wl.visits_per_day)?;
        m.serialize_entry("growth_method", p.growth_method.key())?;
        m.serialize_entry("mean_growth", &shown_growth(p.total_mean_growth, rounding))?;
        m.serialize_entry("growth_used", &p.total_growth_used)?;
        m.serialize_entry("base_year", &p.base_year)?;
        m.serialize_entry("horizon_year", &p.horizon_year)?;
        m.serialize_entry(
            "years",
            &Rows {
                rows: p.total.clone(),
                rounding,
                _p: std::marker::PhantomData,
            },
        )?;
        if self.data.regions() > 1 {
            m.serialize_entry(
                "regions",
                &Regions {
                    data: self.data,
                    proj: p,
                },
            )?;
        }
        m.end()
    }
}

/// Writes the projection as one JSON object.
pub fn write_json<W: Write>(
    out: W,
    name: &str,
    data: &PreparedData,
    proj: &Projection,
) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, &Report { name, data, proj })
        .map_err(io::Error::other)?;
    out.write_all(b"\n")?;
    out.flush()
}
