//! The bundled examples: the paper's Indonesia (built by the engine, see
//! [`Scenario::example`]) and the 34 provinces 2017–2020, read from the
//! data file bundled in `assets/contoh/` with its sources beside it.

use crate::model::params::YearSpan;
use crate::model::scenario::PAPER_DATA;
use crate::model::{DataRow, Scenario};

/// The 34 provinces' populations 2017–2020 (BPS codes), as collected with
/// their sources in `assets/contoh/provinsi-34-SUMBER.md`.
pub const PROVINCES_CSV: &str = include_str!("../../assets/contoh/provinsi-34-2017-2020.csv");

/// The bundled examples.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Example {
    /// Indonesia 2017–2020 from the paper.
    #[default]
    Indonesia,
    /// The 34 provinces 2017–2020 (BPS populations, the paper's national CBR).
    Provinces,
}

impl Example {
    /// The example's scenario.
    pub fn scenario(self) -> Result<Scenario, ExampleError> {
        match self {
            Example::Indonesia => Ok(Scenario::example()),
            Example::Provinces => provinces(),
        }
    }
}

/// The bundled data could not be read (a damaged build).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("the bundled province sample cannot be read: line {line}: {what}")]
pub struct ExampleError {
    pub line: usize,
    pub what: String,
}

/// The national crude birth rate of the paper's Table 2 for `year`.
fn national_cbr(year: i32) -> Option<f64> {
    PAPER_DATA
        .iter()
        .find(|(y, _, _)| *y == year)
        .map(|&(_, _, cbr)| cbr)
}

const NOTES: &str = "Contoh: 34 provinsi (pembagian sebelum pemekaran Papua 2022), kode BPS, \
2017–2020. Jumlah penduduk: BPS, proyeksi penduduk berbasis SUPAS 2015 (2017–2019, pertengahan \
tahun) dan Hasil Sensus Penduduk 2020 (2020, September); sumber tiap angka dalam \
assets/contoh/provinsi-34-SUMBER.md. CBR: BPS tidak menerbitkan CBR per provinsi untuk tahun-tahun \
ini, jadi setiap provinsi memakai CBR nasional dari Tabel 2 makalah (18,50; 18,20; 17,80; 17,50 \
per 1.000). Karena itu kebutuhan per provinsi di sini ILUSTRATIF: ganti kolom CBR dengan angka \
provinsi Anda sebelum dipakai untuk perencanaan. Antara 2019 dan 2020 deret berganti dari \
proyeksi ke hasil sensus (bukan pertumbuhan), sehingga pertumbuhan dihitung dari 2017–2019 saja. \
Data tidak memuat jumlah bidan 2017–2020, sehingga peringkat dan peta memakai kebutuhan bidan.";

/// The 34 provinces 2017–2020: BPS populations from the bundled file, the
/// paper's national CBR for every province (no province CBR is published),
/// growth from 2017–2019 (2020 is the census, a different series).
pub fn provinces() -> Result<Scenario, ExampleError> {
    provinces_from(PROVINCES_CSV)
}

fn provinces_from(text: &str) -> Result<Scenario, ExampleError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let mut data = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let err = |what: &str| ExampleError {
            line,
            what: what.to_string(),
        };
        let record = record.map_err(|e| err(&e.to_string()))?;
        let field = |n: usize| record.get(n).map(str::trim).unwrap_or("");
        let year: i32 = field(2).parse().map_err(|_| err("year"))?;
        // The file goes on to later years without populations.
        let Some(cbr) = national_cbr(year) else {
            continue;
        };
        let population: f64 = field(3).parse().map_err(|_| err("population"))?;
        if field(0).is_empty() || field(1).is_empty() {
            return Err(err("province code or name"));
        }
        data.push(DataRow {
            region_code: field(0).into(),
            region_name: field(1).into(),
            year,
            population: population.into(),
            cbr: cbr.into(),
            ..DataRow::default()
        });
    }
    let mut scenario = Scenario::example();
    scenario.name = "34 provinsi 2017–2020 (contoh)".to_string();
    scenario.notes = NOTES.to_string();
    scenario.data = data;
    scenario.params.population.growth_years = Some(YearSpan {
        first: 2017,
        last: 2019,
    });
    Ok(scenario)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::compute;

    #[test]
    fn the_province_sample_opens_and_computes() {
        let s = provinces().unwrap();
        assert_eq!(s.data.len(), 34 * 4);
        let (data, proj) = compute(&s).unwrap();
        assert_eq!(data.regions(), 34);
        let total = |year| proj.total.iter().find(|r| r.year == year).unwrap().clone();
        // 2017: the provinces sum to BPS's 261.890.900, the paper's own
        // national figure, so with the paper's CBR the total is the paper's
        // 5.329.480 pregnant women: 261.890.900 × 18,5 / 1.000 × 1,10.
        let y2017 = total(2017);
        assert_eq!(y2017.population, Some(261_890_900.0));
        assert!((y2017.pregnant_women - 5_329_479.815).abs() < 1e-3);
        // Need = women × 146,58 / 69.825 (exact mode).
        let need = 5_329_479.815 * 146.58 / 69_825.0;
        assert!((y2017.midwives_needed - need).abs() < 1e-6);
        assert!((y2017.midwives_needed - 11_187.90).abs() < 0.01);
        // 2020: the census total 270.203.917 × 17,5 / 1.000 × 1,10.
        let y2020 = total(2020);
        assert_eq!(y2020.population, Some(270_203_917.0));
        assert!((y2020.pregnant_women - 5_201_425.402).abs() < 1e-3);
        // Aceh 2017: 5.189.500 × 18,5 / 1.000 × 1,10 = 105.606,325.
        let aceh = proj.region_row(&data, 0, 2017);
        assert_eq!(data.names[0], "Aceh");
        assert!((aceh.pregnant_women - 105_606.325).abs() < 1e-6);
        // Projected to the horizon, every year present.
        assert_eq!(proj.total.last().unwrap().year, 2035);
        assert!(s.notes.contains("ILUSTRATIF"));
        assert!(!data.has_midwives);
    }

    #[test]
    fn a_damaged_sample_names_its_line() {
        let e = provinces_from("province_code,province_name,year,population\n11,Aceh,2017,x\n")
            .unwrap_err();
        assert_eq!(e.line, 2);
        let e = provinces_from(
            "province_code,province_name,year,population\n11,Aceh,2030,\n,,2017,5\n",
        )
        .unwrap_err();
        assert_eq!(e.line, 3);
    }
}
