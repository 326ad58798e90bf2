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
    /// The code of the region the row belongs to (empty for none).
    Parent(usize, String),
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
                let Some(r) = rows.get_mut(i) else { return };
                // The row keeps the region it belongs to.
                let parent = r.parent_code().to_string();
                let old = r.region_code.trim().to_string();
                r.region_code = s.as_str().into();
                r.set_parent_code(&parent);
                // Once no row is left with the old code, the region has been
                // renamed: the regions under it follow it to its new code.
                if !old.is_empty() && !rows.iter().any(|r| r.region_code.trim() == old) {
                    for r in rows.iter_mut().filter(|r| r.parent_code() == old) {
                        r.set_parent_code(&s);
                    }
                }
            }
            DataEdit::Parent(i, s) => {
                if let Some(r) = rows.get_mut(i) {
                    r.set_parent_code(&s);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_code_keeps_the_region_the_row_belongs_to() {
        let mut row = DataRow {
            region_code: "P3201051".into(),
            region_name: "Puskesmas Cibinong".into(),
            year: 2023,
            ..DataRow::default()
        };
        row.set_parent_code("32.01.05");
        let mut rows = vec![row];
        DataEdit::Code(0, "P3201059".into()).apply(&mut rows);
        assert_eq!(rows[0].region_code.as_str(), "P3201059");
        assert_eq!(rows[0].parent_code(), "32.01.05");
        DataEdit::Name(0, "Puskesmas Cibinong Baru".into()).apply(&mut rows);
        assert_eq!(rows[0].parent_code(), "32.01.05");
    }

    fn row(code: &str, parent: &str, year: i32) -> DataRow {
        let mut r = DataRow {
            region_code: code.into(),
            year,
            ..DataRow::default()
        };
        r.set_parent_code(parent);
        r
    }

    #[test]
    fn the_regions_under_a_renamed_region_follow_it() {
        // Kec. A has two years; its puskesmas P1 and P2 are under it, and
        // P3 under Kec. B.
        let mut rows = vec![
            row("K-A", "", 2023),
            row("K-A", "", 2024),
            row("P1", "K-A", 2023),
            row("P2", "K-A", 2023),
            row("P3", "K-B", 2023),
        ];
        // One year renamed: K-A is still in the file, P1 and P2 stay under it.
        DataEdit::Code(0, "K-A2".into()).apply(&mut rows);
        assert_eq!(rows[2].parent_code(), "K-A");
        assert_eq!(rows[3].parent_code(), "K-A");
        // The other year too: the region is renamed and its puskesmas follow.
        DataEdit::Code(1, "K-A2".into()).apply(&mut rows);
        assert_eq!(rows[2].parent_code(), "K-A2");
        assert_eq!(rows[3].parent_code(), "K-A2");
        assert_eq!(rows[4].parent_code(), "K-B");
        // A puskesmas renamed: nothing is under it, nothing else changes.
        DataEdit::Code(2, "P9".into()).apply(&mut rows);
        assert_eq!(rows[2].parent_code(), "K-A2");
        assert_eq!(rows[3].parent_code(), "K-A2");
    }
}
