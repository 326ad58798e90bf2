//! One row of the data table: a region in a year, as the planner enters or
//! imports it, and how it is written in a scenario file.

use serde::{Deserialize, Serialize};

use super::values::{Label, MaybeNumber};

/// One region in one year, as the planner enters or imports it.
#[derive(Debug, Clone, PartialEq, Deserialize, Default)]
#[serde(from = "RowForm")]
pub struct DataRow {
    /// Region code (BPS code, or any code the planner uses), with the code
    /// of its parent region when the file gives one (see
    /// [`parent_code`](Self::parent_code)).
    pub region_code: Label,
    #[serde(default)]
    pub region_name: Label,
    pub year: i32,
    /// Population (jiwa).
    #[serde(default)]
    pub population: MaybeNumber,
    /// Crude birth rate, live births per 1.000 people.
    #[serde(default)]
    pub cbr: MaybeNumber,
    /// Live births, when known directly (then CBR is not needed).
    #[serde(default)]
    pub births: MaybeNumber,
    /// Pregnant women, when known directly (then births are not needed).
    #[serde(default)]
    pub pregnant_women: MaybeNumber,
    /// Midwives available (FTE), when known.
    #[serde(default)]
    pub midwives_available: MaybeNumber,
}

/// A data row as written in a scenario file: the parent's code is a field
/// of its own, left out when empty (files without it open unchanged).
#[derive(Deserialize)]
#[serde(rename = "DataRow")]
struct RowForm {
    #[serde(default)]
    region_code: Label,
    #[serde(default)]
    parent_code: Label,
    #[serde(default)]
    region_name: Label,
    year: i32,
    #[serde(default)]
    population: MaybeNumber,
    #[serde(default)]
    cbr: MaybeNumber,
    #[serde(default)]
    births: MaybeNumber,
    #[serde(default)]
    pregnant_women: MaybeNumber,
    #[serde(default)]
    midwives_available: MaybeNumber,
}

impl From<RowForm> for DataRow {
    fn from(f: RowForm) -> Self {
        let region_code = if f.parent_code.trim().is_empty() {
            f.region_code
        } else {
            Label::with_parent(&f.region_code, f.parent_code.trim())
        };
        DataRow {
            region_code,
            region_name: f.region_name,
            year: f.year,
            population: f.population,
            cbr: f.cbr,
            births: f.births,
            pregnant_women: f.pregnant_women,
            midwives_available: f.midwives_available,
        }
    }
}

/// A data row as written, borrowed from the row (writing a national table
/// copies no text).
#[derive(Serialize)]
#[serde(rename = "DataRow")]
struct RowRef<'a> {
    region_code: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    parent_code: &'a str,
    region_name: &'a str,
    year: i32,
    population: MaybeNumber,
    cbr: MaybeNumber,
    births: MaybeNumber,
    pregnant_women: MaybeNumber,
    midwives_available: MaybeNumber,
}

impl Serialize for DataRow {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        RowRef {
            region_code: self.region_code.as_str(),
            parent_code: self.parent_code(),
            region_name: self.region_name.as_str(),
            year: self.year,
            population: self.population,
            cbr: self.cbr,
            births: self.births,
            pregnant_women: self.pregnant_women,
            midwives_available: self.midwives_available,
        }
        .serialize(s)
    }
}

impl DataRow {
    /// The code of the region this one belongs to, empty when the row
    /// gives none.
    pub fn parent_code(&self) -> &str {
        self.region_code.parent().trim()
    }

    /// Sets the code of the region this one belongs to (empty for none).
    pub fn set_parent_code(&mut self, parent: &str) {
        self.region_code = Label::with_parent(&self.region_code, parent.trim());
    }

    /// Whether two rows belong to the same region (same [`region_key`](Self::region_key)).
    pub fn same_region(&self, other: &DataRow) -> bool {
        // Rows of one region read from a file share their code.
        if self.region_code.shares_text(&other.region_code) && !blank(&self.region_code) {
            return true;
        }
        self.region_key() == other.region_key()
    }

    /// Whether the row gives its year's pregnant women: directly, from
    /// births, or from population × CBR.
    pub fn has_births_data(&self) -> bool {
        self.pregnant_women.is_some()
            || self.births.is_some()
            || (self.population.is_some() && self.cbr.is_some())
    }

    /// The key that groups rows into regions: the code, or the name if no code.
    pub fn region_key(&self) -> &str {
        if self.region_code.trim().is_empty() {
            self.region_name.trim()
        } else {
            self.region_code.trim()
        }
    }
}

/// Whether a text is empty or only spaces, looking at one byte when it
/// starts with a visible ASCII character (codes usually do).
fn blank(text: &str) -> bool {
    match text.as_bytes().first() {
        Some(&c) if c > b' ' && c < 0x80 => false,
        _ => text.trim().is_empty(),
    }
}
