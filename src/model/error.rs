//! Errors of the planning engine. Each names the parameter, or the data row
//! and column, and says in the planner's language what is expected.

use super::Lang;
use crate::i18n::T;

/// What is wrong with a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// Not a finite number.
    NotFinite,
    /// Outside `[min, max]` (or `[min, max)` when `max_open`).
    OutOfRange { min: f64, max: f64, max_open: bool },
    /// Must be greater than zero.
    NotPositive,
    /// The visit list is empty.
    NoVisits,
    /// HKE is zero or negative: absences use up all working days.
    NoWorkingDays { hke: f64 },
    /// The year is not in the data.
    YearNotInData { first: i32, last: i32 },
    /// The horizon lies before the base year.
    HorizonBeforeBase { base: i32 },
    /// Needed but absent.
    Missing,
}

/// An error of the engine.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ModelError {
    #[error("{}", self.message(Lang::En))]
    Parameter {
        /// The parameter's name, as used by `--set`.
        name: String,
        value: f64,
        problem: Problem,
    },
    #[error("{}", self.message(Lang::En))]
    Data {
        /// 1-based row of the data table.
        row: usize,
        column: &'static str,
        value: Option<f64>,
        problem: Problem,
    },
    #[error("{}", self.message(Lang::En))]
    EmptyData,
    #[error("{}", self.message(Lang::En))]
    DuplicateYear {
        row: usize,
        region: String,
        year: i32,
    },
    #[error("{}", self.message(Lang::En))]
    YearGap {
        region: String,
        after: i32,
        next: i32,
    },
    #[error("{}", self.message(Lang::En))]
    InconsistentYears {
        region: String,
        first: i32,
        last: i32,
        expected_first: i32,
        expected_last: i32,
    },
    #[error("{}", self.message(Lang::En))]
    GrowthFromZero { region: String, year: i32 },
    #[error("{}", self.message(Lang::En))]
    PopulationRouteNeedsPopulation { region: String, year: i32 },
}

fn num(x: f64, lang: Lang) -> String {
    super::number::fmt_auto(x, lang)
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Problem::NotFinite, Lang::Id) => "harus berupa angka".into(),
            (Problem::NotFinite, Lang::En) => "must be a number".into(),
            (Problem::OutOfRange { min, max, max_open }, _) => {
                let close = if *max_open { ")" } else { "]" };
                let range = format!("[{}; {}{}", num(*min, lang), num(*max, lang), close);
                match lang {
                    Lang::Id => format!("harus dalam rentang {range}"),
                    Lang::En => format!("must lie in {range}"),
                }
            }
            (Problem::NotPositive, Lang::Id) => "harus lebih besar dari nol".into(),
            (Problem::NotPositive, Lang::En) => "must be greater than zero".into(),
            (Problem::NoVisits, Lang::Id) => {
                "daftar kunjungan kosong: minimal satu kunjungan".into()
            }
            (Problem::NoVisits, Lang::En) => "the visit list is empty: at least one visit".into(),
            (Problem::NoWorkingDays { hke }, Lang::Id) => format!(
                "hari kerja efektif HKE = {} hari: cuti, pelatihan, libur dan ketidakhadiran menghabiskan semua hari kerja",
                num(*hke, lang)
            ),
            (Problem::NoWorkingDays { hke }, Lang::En) => format!(
                "effective working days HKE = {} days: leave, training, holidays and absence use up every working day",
                num(*hke, lang)
            ),
            (Problem::YearNotInData { first, last }, Lang::Id) => {
                format!("tahun ini tidak ada dalam data ({first}–{last})")
            }
            (Problem::YearNotInData { first, last }, Lang::En) => {
                format!("this year is not in the data ({first}–{last})")
            }
            (Problem::HorizonBeforeBase { base }, Lang::Id) => {
                format!("tidak boleh sebelum tahun dasar {base}")
            }
            (Problem::HorizonBeforeBase { base }, Lang::En) => {
                format!("must not lie before the base year {base}")
            }
            (Problem::Missing, Lang::Id) => "kosong, padahal diperlukan".into(),
            (Problem::Missing, Lang::En) => "is empty but needed".into(),
        }
    }
}

impl ModelError {
    pub fn parameter(name: &str, value: f64, problem: Problem) -> Self {
        ModelError::Parameter {
            name: name.to_string(),
            value,
            problem,
        }
    }

    /// The message in the planner's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ModelError::Parameter {
                name,
                value,
                problem,
            } => {
                let shown = if value.is_finite() {
                    num(*value, lang)
                } else {
                    "–".into()
                };
                match lang {
                    Lang::Id => format!("Parameter `{name}` = {shown}: {}", problem.message(lang)),
                    Lang::En => format!("Parameter `{name}` = {shown}: {}", problem.message(lang)),
                }
            }
            ModelError::Data {
                row,
                column,
                value,
                problem,
            } => {
                let shown = value.map(|v| num(v, lang)).unwrap_or_else(|| "–".into());
                match lang {
                    Lang::Id => format!(
                        "Data baris {row}, kolom `{column}` = {shown}: {}",
                        problem.message(lang)
                    ),
                    Lang::En => format!(
                        "Data row {row}, column `{column}` = {shown}: {}",
                        problem.message(lang)
                    ),
                }
            }
            ModelError::EmptyData => match lang {
                Lang::Id => {
                    "Tabel data kosong: minimal satu baris (wilayah, tahun, penduduk, CBR)".into()
                }
                Lang::En => {
                    "The data table is empty: at least one row (region, year, population, CBR)"
                        .into()
                }
            },
            ModelError::DuplicateYear { row, region, year } => match lang {
                Lang::Id => {
                    format!("Data baris {row}: wilayah `{region}` tahun {year} muncul dua kali")
                }
                Lang::En => format!("Data row {row}: region `{region}` year {year} appears twice"),
            },
            ModelError::YearGap {
                region,
                after,
                next,
            } => match lang {
                Lang::Id => format!(
                    "Wilayah `{region}`: tahun {after} langsung diikuti {next}; tahun data harus berurutan tanpa celah"
                ),
                Lang::En => format!(
                    "Region `{region}`: year {after} is followed by {next}; data years must be consecutive"
                ),
            },
            ModelError::InconsistentYears {
                region,
                first,
                last,
                expected_first,
                expected_last,
            } => match lang {
                Lang::Id => format!(
                    "Wilayah `{region}` berisi tahun {first}–{last}, wilayah lain {expected_first}–{expected_last}; semua wilayah harus mencakup tahun yang sama"
                ),
                Lang::En => format!(
                    "Region `{region}` has years {first}–{last}, other regions {expected_first}–{expected_last}; every region must cover the same years"
                ),
            },
            ModelError::GrowthFromZero { region, year } => match lang {
                Lang::Id => format!(
                    "Wilayah `{region}`: jumlah ibu hamil tahun {} nol, sehingga pertumbuhan ke {year} tidak dapat dihitung",
                    year - 1
                ),
                Lang::En => format!(
                    "Region `{region}`: no pregnant women in {}, so the growth to {year} cannot be computed",
                    year - 1
                ),
            },
            ModelError::PopulationRouteNeedsPopulation { region, year } => lang.tf(
                T::error_population_route_population,
                &[("region", region), ("year", year)],
            ),
        }
    }
}
