//! The columns of the data table that a file's columns can be mapped to,
//! and a file's mapping of them.

use serde::{Deserialize, Serialize};

use super::Lang;
use crate::i18n::T;

/// A column of the data table that a file column can be mapped to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    RegionCode,
    RegionName,
    Year,
    Population,
    Cbr,
    Births,
    PregnantWomen,
    MidwivesAvailable,
    /// The code of the region this one belongs to (region tree).
    ParentCode,
}

impl Field {
    pub const ALL: [Field; 9] = [
        Field::RegionCode,
        Field::RegionName,
        Field::Year,
        Field::Population,
        Field::Cbr,
        Field::Births,
        Field::PregnantWomen,
        Field::MidwivesAvailable,
        Field::ParentCode,
    ];

    /// The header written in templates and exports.
    pub fn key(self) -> &'static str {
        match self {
            Field::RegionCode => "region_code",
            Field::RegionName => "region_name",
            Field::Year => "year",
            Field::Population => "population",
            Field::Cbr => "cbr",
            Field::Births => "births",
            Field::PregnantWomen => "pregnant_women",
            Field::MidwivesAvailable => "midwives_available",
            Field::ParentCode => "parent_code",
        }
    }

    /// The Indonesian header written in Indonesian templates.
    pub fn key_id(self) -> &'static str {
        match self {
            Field::RegionCode => "kode_wilayah",
            Field::RegionName => "nama_wilayah",
            Field::Year => "tahun",
            Field::Population => "jumlah_penduduk",
            Field::Cbr => "cbr",
            Field::Births => "jumlah_kelahiran",
            Field::PregnantWomen => "jumlah_ibu_hamil",
            Field::MidwivesAvailable => "jumlah_bidan",
            Field::ParentCode => "kode_induk",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Field::RegionCode => lang.t(T::data_region_code),
            Field::RegionName => lang.t(T::data_region_name),
            Field::Year => lang.t(T::data_year),
            Field::Population => lang.t(T::data_population),
            Field::Cbr => "CBR",
            Field::Births => lang.t(T::data_births),
            Field::PregnantWomen => lang.t(T::data_pregnant_women),
            Field::MidwivesAvailable => lang.t(T::data_midwives_available),
            Field::ParentCode => lang.t(T::data_parent_code),
        }
    }
}

/// Which file column feeds which field, as the planner confirmed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ColumnMapping {
    /// (file header as written, field or `None` to ignore the column).
    pub columns: Vec<(String, Option<Field>)>,
}

impl ColumnMapping {
    pub fn index_of(&self, field: Field) -> Option<usize> {
        self.columns.iter().position(|(_, f)| *f == Some(field))
    }

    /// Fields the data cannot do without that no column feeds.
    pub fn missing(&self) -> Vec<Field> {
        let has = |f| self.index_of(f).is_some();
        let mut out = Vec::new();
        if !has(Field::Year) {
            out.push(Field::Year);
        }
        if !has(Field::PregnantWomen) && !has(Field::Births) {
            if !has(Field::Population) {
                out.push(Field::Population);
            }
            if !has(Field::Cbr) {
                out.push(Field::Cbr);
            }
        }
        out
    }
}
