//! The projection written out: a text table for people, CSV and JSON for
//! other programs. The command line prints these; exports reuse them.

use std::io::{self, Write};

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq};

use crate::model::explain::Fmt;
use crate::model::number::round_half_up;
use crate::model::{Lang, PreparedData, Projection, Rounding, YearKind, YearRow};

/// Output formats of `compute`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
}

fn shown_growth(g: f64, rounding: Rounding) -> f64 {
    match rounding {
        Rounding::Exact => g,
        Rounding::Published => round_half_up(g, 3),
    }
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

fn opt(x: Option<f64>) -> String {
    x.map(|v| v.to_string()).unwrap_or_default()
}

fn csv_record(code: &str, name: &str, r: &YearRow, rounding: Rounding) -> [String; 15] {
    [
        code.to_string(),
        name.to_string(),
        r.year.to_string(),
        match r.kind {
            YearKind::Data => "data".into(),
            YearKind::Projection => "projection".into(),
        },
        opt(r.population),
        opt(r.cbr),
        opt(r.births),
        r.pregnant_women.to_string(),
        opt(r.growth.map(|g| shown_growth(g, rounding))),
        r.projected_pregnant_women.to_string(),
        opt(r.fit_difference_percent),
        r.midwives_needed.to_string(),
        opt(r.midwives_available),
        opt(r.gap),
        opt(r.ratio),
    ]
}

/// Writes the projection as CSV (comma, decimal point, full precision):
/// the total first (region code `TOTAL` when there are several regions),
/// then every region.
pub fn write_csv<W: Write>(out: W, data: &PreparedData, proj: &Projection) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(io::BufWriter::new(out));
    w.write_record(super::table_export::CSV_COLUMNS)
        .map_err(io::Error::other)?;
    let several = data.regions() > 1;
    let (tc, tn) = if several {
        ("TOTAL", "Total")
    } else {
        (data.codes[0].as_str(), data.names[0].as_str())
    };
    for r in &proj.total {
        w.write_record(csv_record(tc, tn, r, proj.rounding))
            .map_err(io::Error::other)?;
    }
    if several {
        for reg in 0..data.regions() {
            for r in proj.region_rows(data, reg) {
                w.write_record(csv_record(
                    &data.codes[reg],
                    &data.names[reg],
                    &r,
                    proj.rounding,
                ))
                .map_err(io::Error::other)?;
            }
        }
    }
    w.flush()
}

/// Column headings of the table, in the planner's language.
pub fn table_headings(lang: Lang) -> [&'static str; 11] {
    match lang {
        Lang::Id => [
            "Tahun",
            "Jenis",
            "Penduduk",
            "CBR",
            "Kelahiran",
            "Ibu hamil",
            "g",
            "Proyeksi ibu hamil",
            "Kebutuhan bidan",
            "Bidan tersedia",
            "Selisih",
        ],
        Lang::En => [
            "Year",
            "Kind",
            "Population",
            "CBR",
            "Births",
            "Pregnant women",
            "g",
            "Projected pregnant women",
            "Midwives needed",
            "Midwives available",
            "Gap",
        ],
    }
}

/// The cells of one table row, formatted for people.
pub fn table_cells(r: &YearRow, f: Fmt) -> [String; 11] {
    let lang = f.lang;
    let dash = || "–".to_string();
    [
        r.year.to_string(),
        match r.kind {
            YearKind::Data => lang.pick("data", "data").to_string(),
            YearKind::Projection => lang.pick("proyeksi", "projection").to_string(),
        },
        r.population
            .map(|v| crate::model::number::fmt_fixed(v, 0, lang))
            .unwrap_or_else(dash),
        r.cbr.map(|v| f.cbr(v)).unwrap_or_else(dash),
        r.births
            .map(|v| crate::model::number::fmt_fixed(v, 0, lang))
            .unwrap_or_else(dash),
        crate::model::number::fmt_fixed(r.pregnant_women, 0, lang),
        r.growth
            .map(|g| {
                crate::model::number::fmt_fixed(
                    g,
                    if f.rounding == Rounding::Published {
                        3
                    } else {
                        4
                    },
                    lang,
                )
            })
            .unwrap_or_else(dash),
        crate::model::number::fmt_fixed(r.projected_pregnant_women, 0, lang),
        crate::model::number::fmt_fixed(r.midwives_needed, 1, lang),
        r.midwives_available
            .map(|v| crate::model::number::fmt_fixed(v, 1, lang))
            .unwrap_or_else(dash),
        r.gap
            .map(|v| crate::model::number::fmt_fixed(v, 1, lang))
            .unwrap_or_else(dash),
    ]
}

fn render_rows(rows: &[YearRow], f: Fmt, with_midwives: bool) -> String {
    let heads = table_headings(f.lang);
    let keep: Vec<usize> = (0..heads.len())
        .filter(|&i| with_midwives || i < 9)
        .collect();
    let cells: Vec<[String; 11]> = rows.iter().map(|r| table_cells(r, f)).collect();
    let width: Vec<usize> = keep
        .iter()
        .map(|&i| {
            cells
                .iter()
                .map(|c| c[i].chars().count())
                .chain(std::iter::once(heads[i].chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    let line = |out: &mut String, items: Vec<String>| {
        let padded: Vec<String> = items
            .iter()
            .zip(&width)
            .enumerate()
            .map(|(j, (s, w))| {
                let pad = w - s.chars().count();
                if j <= 1 {
                    format!("{s}{}", " ".repeat(pad))
                } else {
                    format!("{}{s}", " ".repeat(pad))
                }
            })
            .collect();
        out.push_str(padded.join("  ").trim_end());
        out.push('\n');
    };
    line(
        &mut out,
        keep.iter().map(|&i| heads[i].to_string()).collect(),
    );
    for c in &cells {
        line(&mut out, keep.iter().map(|&i| c[i].clone()).collect());
    }
    out
}

/// The summary lines above the table.
pub fn summary(name: &str, proj: &Projection, lang: Lang) -> String {
    use crate::model::number::{fmt_auto, fmt_fixed, fmt_percent};
    let f = Fmt::new(lang, proj.rounding);
    let wl = &proj.capacity;
    let published = proj.rounding == Rounding::Published;
    let mode = match (proj.rounding, lang) {
        (Rounding::Exact, Lang::Id) => "tepat (tanpa pembulatan antara)",
        (Rounding::Exact, Lang::En) => "exact (no intermediate rounding)",
        (Rounding::Published, Lang::Id) => "sesuai publikasi",
        (Rounding::Published, Lang::En) => "as published",
    };
    let mut s = String::new();
    s.push_str(&format!("{name}\n"));
    s.push_str(&format!(
        "{}: {mode}\n",
        lang.pick("Pembulatan", "Rounding")
    ));
    s.push_str(&format!(
        "{}: {} {}\n",
        lang.pick("Paket pelayanan antenatal", "Antenatal care package"),
        fmt_auto(wl.package.package_minutes, lang),
        lang.pick("menit", "min")
    ));
    s.push_str(&format!(
        "HKE: {} {}; WKE: {} {} = {} {}\n",
        fmt_auto(wl.working.effective_days, lang),
        lang.pick("hari", "days"),
        if published {
            fmt_fixed(wl.working.effective_hours, 1, lang)
        } else {
            fmt_auto(wl.working.effective_hours, lang)
        },
        lang.pick("jam", "hours"),
        fmt_auto(wl.working.effective_minutes, lang),
        lang.pick("menit", "min"),
    ));
    s.push_str(&format!(
        "%WKE: {} ({}); {}: {}\n",
        f.share(wl.share),
        fmt_percent(wl.share, if published { 2 } else { 4 }, lang),
        lang.pick(
            "ibu hamil per bidan per tahun",
            "pregnant women per midwife a year"
        ),
        if published {
            fmt_fixed(wl.women_per_midwife, 0, lang)
        } else {
            fmt_auto(wl.women_per_midwife, lang)
        }
    ));
    s.push_str(&format!(
        "{}: {}\n",
        lang.pick("Rata-rata pertumbuhan g", "Mean growth g"),
        f.growth(proj.total_mean_growth)
    ));
    s
}

/// The projection as a text table, with a summary; with several regions,
/// the total and then one line per region for the base and horizon years.
pub fn render_table(name: &str, data: &PreparedData, proj: &Projection, lang: Lang) -> String {
    let f = Fmt::new(lang, proj.rounding);
    let mut s = summary(name, proj, lang);
    s.push('\n');
    if data.regions() > 1 {
        s.push_str(&format!(
            "{} ({} {})\n",
            lang.pick("Total", "Total"),
            data.regions(),
            lang.pick("wilayah", "regions")
        ));
    }
    s.push_str(&render_rows(&proj.total, f, data.has_midwives));
    if data.regions() > 1 {
        s.push('\n');
        let h = proj.horizon_year;
        let b = proj.base_year;
        s.push_str(&format!(
            "{}\t{}\tg\t{} {b}\t{} {h}\n",
            lang.pick("Kode", "Code"),
            lang.pick("Wilayah", "Region"),
            lang.pick("Kebutuhan bidan", "Midwives needed"),
            lang.pick("Kebutuhan bidan", "Midwives needed"),
        ));
        for r in 0..data.regions() {
            let need = |y: i32| {
                let row = proj.region_row(data, r, y);
                crate::model::number::fmt_fixed(row.midwives_needed, 1, lang)
            };
            s.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\n",
                data.codes[r],
                data.names[r],
                f.growth(proj.mean_growth[r]),
                need(b),
                need(h)
            ));
        }
    }
    s
}
