//! One edit of the embedded data table, as the Data tab asks for it and the
//! app applies it (with undo), and the number columns it edits.

use crate::i18n::T;
use crate::model::{DataRow, Lang};

/// A column of the data table that holds a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberColumn {
    Population,
    Cbr,
    Births,
    PregnantWomen,
    MidwivesAvailable,
}

impl NumberColumn {
    pub const ALL: [NumberColumn; 5] = [
        NumberColumn::Population,
        NumberColumn::Cbr,
        NumberColumn::Births,
        NumberColumn::PregnantWomen,
        NumberColumn::MidwivesAvailable,
    ];

    pub fn heading(self, lang: Lang) -> &'static str {
        match self {
            NumberColumn::Population => lang.t(T::data_panel_population),
            NumberColumn::Cbr => lang.t(T::data_panel_cbr),
            NumberColumn::Births => lang.t(T::data_panel_births_optional),
            NumberColumn::PregnantWomen => lang.t(T::data_panel_pregnant_women_optional),
            NumberColumn::MidwivesAvailable => lang.t(T::data_panel_midwives_available),
        }
    }

    pub fn decimals(self) -> usize {
        match self {
            NumberColumn::Cbr => 2,
            NumberColumn::MidwivesAvailable => 1,
            _ => 0,
        }
    }

    pub fn get(self, r: &DataRow) -> Option<f64> {
        match self {
            NumberColumn::Population => r.population.get(),
            NumberColumn::Cbr => r.cbr.get(),
            NumberColumn::Births => r.births.get(),
            NumberColumn::PregnantWomen => r.pregnant_women.get(),
            NumberColumn::MidwivesAvailable => r.midwives_available.get(),
        }
    }

    pub fn set(self, r: &mut DataRow, v: Option<f64>) {
        match self {
            NumberColumn::Population => r.population = v.into(),
            NumberColumn::Cbr => r.cbr = v.into(),
            NumberColumn::Births => r.births = v.into(),
            NumberColumn::PregnantWomen => r.pregnant_women = v.into(),
            NumberColumn::MidwivesAvailable => r.midwives_available = v.into(),
        }
    }
}

/// One edit of the data table, applied by the app as a new revision.
#[derive(Debug, Clone, PartialEq)]
pub enum DataEdit {
    Number(usize, NumberColumn, Option<f64>),
    Code(usize, String),
    Name(usize, String),
    Year(usize, i32),
    /// Adds the next year after the row (same region, same figures).
    AddYearAfter(usize),
    Remove(usize),
}

impl DataEdit {
    pub fn apply(self, rows: &mut Vec<DataRow>) {
        match self {
            DataEdit::Number(i, c, v) => {
                if let Some(r) = rows.get_mut(i) {
                    c.set(r, v)
                }
            }
            DataEdit::Code(i, s) => {
                if let Some(r) = rows.get_mut(i) {
                    r.region_code = s.into()
                }
            }
            DataEdit::Name(i, s) => {
                if let Some(r) = rows.get_mut(i) {
                    r.region_name = s.into()
                }
            }
            DataEdit::Year(i, y) => {
                if let Some(r) = rows.get_mut(i) {
                    r.year = y
                }
            }
            DataEdit::AddYearAfter(i) => {
                if let Some(r) = rows.get(i) {
                    let mut next = r.clone();
                    next.year += 1;
                    rows.insert(i + 1, next);
                }
            }
            DataEdit::Remove(i) => {
                if i < rows.len() && rows.len() > 1 {
                    rows.remove(i);
                }
            }
        }
    }
}
